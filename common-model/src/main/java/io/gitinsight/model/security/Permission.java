package io.gitinsight.model.security;

import java.util.Arrays;
import java.util.Optional;

/** The permissions of CONTRACT §2, as they appear in tokens and API-key scopes. */
public enum Permission {
    REPOSITORY_READ("repository:read"),
    INSIGHTS_READ("insights:read"),
    REPOSITORY_ANALYZE("repository:analyze"),
    INSIGHTS_EXPORT("insights:export"),
    ADMIN_USERS("admin:users"),
    ADMIN_SYSTEM("admin:system");

    private final String value;

    Permission(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Permission> fromValue(String value) {
        return Arrays.stream(values()).filter(p -> p.value.equals(value)).findFirst();
    }
}
