package io.gitinsight.auth.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.auth.security.SecretCipher.Sealed;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** RS256 signing keys, newest first; private keys only sealed. */
@ApplicationScoped
public class SigningKeyRepository {

    /** Serializes key creation across replicas (pg_advisory_xact_lock key). */
    private static final long CREATE_LOCK = 0x6769_6b65_7973L;

    public record StoredKey(String kid, Sealed privateKey, String publicJwk, Instant createdAt) {
    }

    private final Pool pool;

    public SigningKeyRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<StoredKey>> newest(int count) {
        return pool.preparedQuery("SELECT kid, key_id, nonce, ciphertext, public_jwk, created_at "
                + "FROM auth.signing_keys ORDER BY created_at DESC, kid LIMIT $1").execute(Tuple.of(count))
                .map(rows -> {
                    List<StoredKey> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(map(row)));
                    return keys;
                });
    }

    /**
     * Stores a new key unless another replica stored one after {@code newerThan} while we waited for
     * the lock; the supplier runs only when a key is really needed.
     */
    public Uni<Void> createIfNoneNewerThan(Instant newerThan, Supplier<StoredKey> keyFactory) {
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_advisory_xact_lock($1)")
                .execute(Tuple.of(CREATE_LOCK))
                .chain(() -> conn.preparedQuery("SELECT count(*) AS n FROM auth.signing_keys WHERE created_at > $1")
                        .execute(Tuple.of(UserRepository.utc(newerThan))))
                .chain(rows -> {
                    if (rows.iterator().next().getLong("n") > 0) {
                        return Uni.createFrom().voidItem();
                    }
                    StoredKey key = keyFactory.get();
                    return conn.preparedQuery("INSERT INTO auth.signing_keys (kid, key_id, nonce, ciphertext, "
                            + "public_jwk, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
                            .execute(Tuple.of(key.kid(), key.privateKey().keyId(),
                                    Buffer.buffer(key.privateKey().nonce()), Buffer.buffer(key.privateKey().ciphertext()),
                                    key.publicJwk(), UserRepository.utc(key.createdAt())))
                            .replaceWithVoid();
                }));
    }

    private static StoredKey map(Row row) {
        return new StoredKey(row.getString("kid"), GitHubTokenRepository.sealed(row), row.getString("public_jwk"),
                row.getOffsetDateTime("created_at").toInstant());
    }
}
