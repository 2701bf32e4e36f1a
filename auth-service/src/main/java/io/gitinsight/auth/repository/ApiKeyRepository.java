package io.gitinsight.auth.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.auth.domain.ApiKey;
import io.gitinsight.model.api.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class ApiKeyRepository {

    private static final String COLUMNS = "id, user_id, name, prefix, scopes, rate_limit_per_hour, expires_at, "
            + "last_used_at, created_at, revoked_at";

    /** A key with its owner, as the gateway needs it. */
    public record OwnedKey(ApiKey key, io.gitinsight.auth.domain.User owner) {
    }

    private final Pool pool;

    public ApiKeyRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<ApiKey> insert(SqlClient db, ApiKey key, byte[] hash) {
        return db.preparedQuery("INSERT INTO auth.api_keys (id, user_id, name, prefix, key_hash, scopes, "
                + "rate_limit_per_hour, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING " + COLUMNS)
                .execute(Tuple.tuple().addUUID(key.id()).addUUID(key.userId()).addString(key.name())
                        .addString(key.prefix()).addValue(Buffer.buffer(hash))
                        .addArrayOfString(key.scopes().toArray(String[]::new)).addInteger(key.rateLimitPerHour())
                        .addOffsetDateTime(UserRepository.utc(key.expiresAt())))
                .map(rows -> map(rows.iterator().next()));
    }

    public Uni<List<ApiKey>> listOfUser(UUID userId, PageRequest page) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM auth.api_keys WHERE user_id = $1 "
                + "ORDER BY created_at DESC, id LIMIT $2 OFFSET $3")
                .execute(Tuple.of(userId, page.pageSize(), page.offset())).map(ApiKeyRepository::mapAll);
    }

    public Uni<Long> countOfUser(UUID userId) {
        return pool.preparedQuery("SELECT count(*) AS n FROM auth.api_keys WHERE user_id = $1")
                .execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getLong("n"));
    }

    public Uni<ApiKey> findById(SqlClient db, UUID id) {
        return db.preparedQuery("SELECT " + COLUMNS + " FROM auth.api_keys WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : map(rows.iterator().next()));
    }

    public Uni<Boolean> revoke(SqlClient db, UUID id) {
        return db.preparedQuery("UPDATE auth.api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL")
                .execute(Tuple.of(id)).map(rows -> rows.rowCount() > 0);
    }

    public Uni<OwnedKey> findByHash(byte[] hash) {
        return pool.preparedQuery("SELECT " + UserRepository.qualified(COLUMNS, "k", "") + ", "
                + UserRepository.qualified(UserRepository.COLUMNS, "u", "u_")
                + " FROM auth.api_keys k JOIN auth.users u ON u.id = k.user_id WHERE k.key_hash = $1")
                .execute(Tuple.of(Buffer.buffer(hash)))
                .map(rows -> rows.size() == 0 ? null : owned(rows.iterator().next()));
    }

    /** Records use at most once a minute per key, so verification does not write on every request. */
    public Uni<Void> touch(UUID id, Instant at) {
        return pool.preparedQuery("UPDATE auth.api_keys SET last_used_at = $2 WHERE id = $1 "
                + "AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '60 seconds')")
                .execute(Tuple.of(id, UserRepository.utc(at))).replaceWithVoid();
    }

    private static List<ApiKey> mapAll(RowSet<Row> rows) {
        List<ApiKey> keys = new ArrayList<>();
        rows.forEach(row -> keys.add(map(row)));
        return keys;
    }

    private static ApiKey map(Row row) {
        return new ApiKey(row.getUUID("id"), row.getUUID("user_id"), row.getString("name"), row.getString("prefix"),
                Arrays.asList(row.getArrayOfStrings("scopes")), row.getInteger("rate_limit_per_hour"),
                UserRepository.instant(row.getOffsetDateTime("expires_at")),
                UserRepository.instant(row.getOffsetDateTime("last_used_at")),
                UserRepository.instant(row.getOffsetDateTime("created_at")),
                UserRepository.instant(row.getOffsetDateTime("revoked_at")));
    }

    private static OwnedKey owned(Row row) {
        return new OwnedKey(map(row), UserRepository.map(row, "u_"));
    }
}
