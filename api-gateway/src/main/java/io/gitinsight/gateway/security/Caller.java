package io.gitinsight.gateway.security;

import java.util.Set;

import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;
import io.gitinsight.support.security.VerifiedToken;

/**
 * Who is calling, as far as the gateway could verify: a guest, the holder of an access token, or an
 * API key. The rate-limit bucket and budget follow from it.
 *
 * @param subject the user id, or the client address for a guest
 * @param bucket the rate-limit bucket, e.g. {@code user:<id>}, {@code key:<id>}, {@code ip:<address>}
 * @param requestsPerWindow the budget of the bucket; 0 means the role's configured budget
 */
public record Caller(Kind kind, String subject, String login, Role role, Set<Permission> permissions, String bucket,
        int requestsPerWindow) {

    public enum Kind {
        GUEST,
        TOKEN,
        API_KEY
    }

    public static Caller guest(String clientAddress) {
        return new Caller(Kind.GUEST, clientAddress, null, Role.GUEST, Role.GUEST.permissions(), "ip:" + clientAddress,
                0);
    }

    /** The holder of a verified access token; its rate-limit bucket is the user's. */
    public static Caller of(VerifiedToken token) {
        return new Caller(Kind.TOKEN, token.subject(), token.login(), token.role(), token.permissions(),
                "user:" + token.subject(), 0);
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean isGuest() {
        return kind == Kind.GUEST;
    }
}
