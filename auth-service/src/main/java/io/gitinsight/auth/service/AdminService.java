package io.gitinsight.auth.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.auth.domain.AuditEntry;
import io.gitinsight.auth.domain.ClientInfo;
import io.gitinsight.auth.domain.User;
import io.gitinsight.auth.repository.AuditLogRepository;
import io.gitinsight.auth.repository.UserRepository;
import io.gitinsight.auth.security.AccessTokens.Caller;
import io.gitinsight.model.api.Page;
import io.gitinsight.model.api.PageRequest;
import io.gitinsight.model.security.Role;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** What admins do with users: list them, change their role, read the audit log. */
@ApplicationScoped
public class AdminService {

    private final Pool pool;
    private final UserRepository users;
    private final AuditLogRepository auditLogs;
    private final AuditService audit;

    public AdminService(Pool pool, UserRepository users, AuditLogRepository auditLogs, AuditService audit) {
        this.pool = pool;
        this.users = users;
        this.auditLogs = auditLogs;
        this.audit = audit;
    }

    public Uni<Page<User>> users(PageRequest page) {
        return users.count().chain(total -> users.list(page).map(list -> Page.of(list, total, page)));
    }

    /** Changes a role; the user's access tokens carry the old one until they expire (minutes). */
    public Uni<User> changeRole(Caller admin, UUID userId, Role role, ClientInfo client) {
        if (role == Role.GUEST) {
            throw ApiException.invalid("role", "guest is the role of callers without credentials, not of a user");
        }
        return pool.withTransaction(db -> users.updateRole(db, userId, role).chain(previous -> {
            if (previous == null) {
                return Uni.createFrom().failure(ApiException.notFound("user", userId));
            }
            return audit.record(db, new AuditEntry(admin.userId(), admin.login(), AuditEntry.Action.ROLE_CHANGED,
                    "user:" + userId, client.ip(), client.userAgent(),
                    Map.of("from", previous.value(), "to", role.value())));
        })).chain(() -> users.findById(userId));
    }

    public Uni<Page<AuditLogRepository.Stored>> auditLogs(AuditLogRepository.Filter filter, PageRequest page) {
        return auditLogs.count(filter).chain(total -> auditLogs.list(filter, page).map(list -> Page.of(list, total, page)));
    }
}
