package io.gitinsight.auth.domain;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** One line of the audit log: who did what to whom, from where. */
public record AuditEntry(UUID actorId, String actorLogin, Action action, String target, String ip, String userAgent,
        Map<String, Object> details) {

    public enum Action {
        LOGIN,
        LOGOUT,
        REFRESH_REUSE_DETECTED,
        ROLE_CHANGED,
        API_KEY_CREATED,
        API_KEY_REVOKED,
        GITHUB_DISCONNECTED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AuditEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
