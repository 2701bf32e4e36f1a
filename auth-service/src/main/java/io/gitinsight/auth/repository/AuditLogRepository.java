package io.gitinsight.auth.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.auth.domain.AuditEntry;
import io.gitinsight.model.api.PageRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class AuditLogRepository {

    /** Filters of the admin listing; null means "any". */
    public record Filter(String actor, String action, Instant since) {
    }

    public record Stored(UUID id, UUID actorId, String actorLogin, String action, String target, String ip,
            String userAgent, Map<String, Object> details, Instant createdAt) {
    }

    private static final String WHERE = " WHERE ($1::text IS NULL OR actor_login = $1) "
            + "AND ($2::text IS NULL OR action = $2) AND ($3::timestamptz IS NULL OR created_at >= $3)";

    private final Pool pool;

    public AuditLogRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Stored>> list(Filter filter, PageRequest page) {
        return pool.preparedQuery("SELECT id, actor_id, actor_login, action, target, ip, user_agent, details, created_at "
                + "FROM auth.audit_logs" + WHERE + " ORDER BY created_at DESC, id LIMIT $4 OFFSET $5")
                .execute(params(filter).addInteger(page.pageSize()).addLong(page.offset())).map(rows -> {
                    List<Stored> entries = new ArrayList<>();
                    rows.forEach(row -> entries.add(new Stored(row.getUUID("id"), row.getUUID("actor_id"),
                            row.getString("actor_login"), row.getString("action"), row.getString("target"),
                            row.getString("ip"), row.getString("user_agent"),
                            ((JsonObject) row.getValue("details")).getMap(),
                            row.getOffsetDateTime("created_at").toInstant())));
                    return entries;
                });
    }

    public Uni<Long> count(Filter filter) {
        return pool.preparedQuery("SELECT count(*) AS n FROM auth.audit_logs" + WHERE).execute(params(filter))
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    private static Tuple params(Filter filter) {
        return Tuple.tuple().addString(filter.actor()).addString(filter.action())
                .addOffsetDateTime(UserRepository.utc(filter.since()));
    }

    public Uni<Void> insert(SqlClient db, AuditEntry entry) {
        return db.preparedQuery("INSERT INTO auth.audit_logs (id, actor_id, actor_login, action, target, ip, "
                + "user_agent, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(entry.actorId()).addString(entry.actorLogin())
                        .addString(entry.action().value()).addString(entry.target()).addString(entry.ip())
                        .addString(entry.userAgent()).addValue(new JsonObject(entry.details())))
                .replaceWithVoid();
    }
}
