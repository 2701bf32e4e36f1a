package io.gitinsight.auth.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.auth.domain.AuditEntry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class AuditLogRepository {

    public Uni<Void> insert(SqlClient db, AuditEntry entry) {
        return db.preparedQuery("INSERT INTO auth.audit_logs (id, actor_id, actor_login, action, target, ip, "
                + "user_agent, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.tuple().addUUID(UUID.randomUUID()).addUUID(entry.actorId()).addString(entry.actorLogin())
                        .addString(entry.action().value()).addString(entry.target()).addString(entry.ip())
                        .addString(entry.userAgent()).addValue(new JsonObject(entry.details())))
                .replaceWithVoid();
    }
}
