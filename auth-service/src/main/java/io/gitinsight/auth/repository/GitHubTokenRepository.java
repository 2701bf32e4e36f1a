package io.gitinsight.auth.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.auth.security.SecretCipher.Sealed;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Users' GitHub tokens, only ever stored sealed. */
@ApplicationScoped
public class GitHubTokenRepository {

    private final Pool pool;

    public GitHubTokenRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> save(SqlClient db, UUID userId, Sealed token, String scopes) {
        return db.preparedQuery("INSERT INTO auth.github_tokens (user_id, key_id, nonce, ciphertext, scopes) "
                + "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id) DO UPDATE SET key_id = EXCLUDED.key_id, "
                + "nonce = EXCLUDED.nonce, ciphertext = EXCLUDED.ciphertext, scopes = EXCLUDED.scopes, updated_at = now()")
                .execute(Tuple.of(userId, token.keyId(), Buffer.buffer(token.nonce()), Buffer.buffer(token.ciphertext()),
                        scopes == null ? "" : scopes))
                .replaceWithVoid();
    }

    public Uni<Sealed> find(UUID userId) {
        return pool.preparedQuery("SELECT key_id, nonce, ciphertext FROM auth.github_tokens WHERE user_id = $1")
                .execute(Tuple.of(userId))
                .map(rows -> rows.size() == 0 ? null : sealed(rows.iterator().next()));
    }

    public Uni<Boolean> delete(SqlClient db, UUID userId) {
        return db.preparedQuery("DELETE FROM auth.github_tokens WHERE user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.rowCount() > 0);
    }

    static Sealed sealed(Row row) {
        return new Sealed(row.getString("key_id"), row.getBuffer("nonce").getBytes(),
                row.getBuffer("ciphertext").getBytes());
    }
}
