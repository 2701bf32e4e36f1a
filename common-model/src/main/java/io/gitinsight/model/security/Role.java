package io.gitinsight.model.security;

import static io.gitinsight.model.security.Permission.INSIGHTS_EXPORT;
import static io.gitinsight.model.security.Permission.INSIGHTS_READ;
import static io.gitinsight.model.security.Permission.REPOSITORY_ANALYZE;
import static io.gitinsight.model.security.Permission.REPOSITORY_READ;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Roles with the role → permission matrix and the hourly rate limits of CONTRACT §2. A guest is a
 * caller without credentials.
 */
public enum Role {
    GUEST(100, REPOSITORY_READ, INSIGHTS_READ),
    USER(1000, REPOSITORY_READ, INSIGHTS_READ, REPOSITORY_ANALYZE),
    PREMIUM(5000, REPOSITORY_READ, INSIGHTS_READ, REPOSITORY_ANALYZE, INSIGHTS_EXPORT),
    ADMIN(5000, Permission.values());

    private final int requestsPerHour;
    private final Set<Permission> permissions;

    Role(int requestsPerHour, Permission... permissions) {
        this.requestsPerHour = requestsPerHour;
        this.permissions = Set.copyOf(EnumSet.copyOf(Arrays.asList(permissions)));
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /** The default rolling-hour request budget; an API key may carry its own. */
    public int requestsPerHour() {
        return requestsPerHour;
    }

    /** The lower-case name used in tokens ({@code groups}) and APIs. */
    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromValue(String value) {
        return Arrays.stream(values()).filter(r -> r.value().equals(value)).findFirst();
    }

    @JsonCreator
    static Role fromJson(String value) {
        return fromValue(value).orElseThrow(() -> new IllegalArgumentException(
                "unknown role '" + value + "'; one of guest, user, premium, admin"));
    }
}
