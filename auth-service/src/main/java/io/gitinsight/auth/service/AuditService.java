package io.gitinsight.auth.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.auth.domain.AuditEntry;
import io.gitinsight.auth.repository.AuditLogRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Writes audit entries inside the transaction of the action they record. */
@ApplicationScoped
public class AuditService {

    private final AuditLogRepository repository;

    public AuditService(AuditLogRepository repository) {
        this.repository = repository;
    }

    public Uni<Void> record(SqlClient db, AuditEntry entry) {
        return repository.insert(db, entry);
    }
}
