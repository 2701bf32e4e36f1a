package io.gitinsight.query.support;

import java.util.UUID;
import java.util.function.Consumer;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;

import io.gitinsight.model.security.Role;

/**
 * RS256 access tokens shaped like auth-service's, signed with a key the fake JWKS publishes
 * ({@link #PUBLISHED}) or one it never does ({@link #ROGUE}, same kid: a forgery).
 */
public final class TestTokens {

    public static final String ISSUER = "https://gitinsight.local";
    public static final String PREMIUM_API_KEY = "gik_premiumtestkey0123456789";
    static final RsaJsonWebKey PUBLISHED = io.gitinsight.testkit.TestTokens.generateKey("query-test-key");
    static final RsaJsonWebKey ROGUE = io.gitinsight.testkit.TestTokens.generateKey("query-test-key");

    private TestTokens() {
    }

    public static String token(Role role) {
        return token(role, UUID.randomUUID());
    }

    public static String token(Role role, UUID subject) {
        return sign(PUBLISHED, claims(role, subject, c -> {
        }));
    }

    public static String forged(Role role) {
        return sign(ROGUE, claims(role, UUID.randomUUID(), c -> {
        }));
    }

    public static String expired(Role role) {
        return sign(PUBLISHED, claims(role, UUID.randomUUID(), c -> {
            c.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
            c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        }));
    }

    static String jwks() {
        return io.gitinsight.testkit.TestTokens.jwks(PUBLISHED);
    }

    private static JwtClaims claims(Role role, UUID subject, Consumer<JwtClaims> change) {
        JwtClaims claims = io.gitinsight.testkit.TestTokens.claims(subject, role.value() + "-octocat", role, 15);
        change.accept(claims);
        return claims;
    }

    private static String sign(RsaJsonWebKey key, JwtClaims claims) {
        return io.gitinsight.testkit.TestTokens.sign(key, claims);
    }
}
