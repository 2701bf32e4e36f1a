package io.gitinsight.auth.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Refresh tokens by hash; every method runs on the caller's connection so rotation is one transaction. */
@ApplicationScoped
public class RefreshTokenRepository {

    public record StoredRefreshToken(UUID id, UUID userId, UUID familyId, Instant expiresAt, Instant rotatedAt,
            Instant revokedAt) {
    }

    public Uni<Void> insert(SqlClient db, UUID userId, UUID familyId, byte[] hash, Instant expiresAt) {
        return db.preparedQuery("INSERT INTO auth.refresh_tokens (id, user_id, family_id, token_hash, expires_at) "
                + "VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(UUID.randomUUID(), userId, familyId, Buffer.buffer(hash), UserRepository.utc(expiresAt)))
                .replaceWithVoid();
    }

    /** The token with this hash, locked for the rest of the transaction, or null. */
    public Uni<StoredRefreshToken> lockByHash(SqlClient db, byte[] hash) {
        return db.preparedQuery("SELECT id, user_id, family_id, expires_at, rotated_at, revoked_at "
                + "FROM auth.refresh_tokens WHERE token_hash = $1 FOR UPDATE").execute(Tuple.of(Buffer.buffer(hash)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    var row = rows.iterator().next();
                    return new StoredRefreshToken(row.getUUID("id"), row.getUUID("user_id"), row.getUUID("family_id"),
                            UserRepository.instant(row.getOffsetDateTime("expires_at")),
                            UserRepository.instant(row.getOffsetDateTime("rotated_at")),
                            UserRepository.instant(row.getOffsetDateTime("revoked_at")));
                });
    }

    public Uni<Void> markRotated(SqlClient db, UUID id) {
        return db.preparedQuery("UPDATE auth.refresh_tokens SET rotated_at = now() WHERE id = $1")
                .execute(Tuple.of(id)).replaceWithVoid();
    }

    public Uni<Integer> revokeFamily(SqlClient db, UUID familyId) {
        return db.preparedQuery("UPDATE auth.refresh_tokens SET revoked_at = now() "
                + "WHERE family_id = $1 AND revoked_at IS NULL").execute(Tuple.of(familyId)).map(r -> r.rowCount());
    }

    public Uni<Integer> revokeAllOfUser(SqlClient db, UUID userId) {
        return db.preparedQuery("UPDATE auth.refresh_tokens SET revoked_at = now() "
                + "WHERE user_id = $1 AND revoked_at IS NULL").execute(Tuple.of(userId)).map(r -> r.rowCount());
    }
}
