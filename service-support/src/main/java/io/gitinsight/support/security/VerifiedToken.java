package io.gitinsight.support.security;

import java.util.Set;

import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;

/**
 * What a verified access token says about its holder.
 *
 * @param subject the user id ({@code sub})
 * @param login the GitHub login ({@code upn}), when the token carries one
 * @param permissions the token's permissions, never more than its role's
 */
public record VerifiedToken(String subject, String login, Role role, Set<Permission> permissions) {

    public VerifiedToken {
        permissions = Set.copyOf(permissions);
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }
}
