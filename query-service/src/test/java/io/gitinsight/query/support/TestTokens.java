package io.gitinsight.query.support;

import java.util.UUID;
import java.util.function.Consumer;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;

/**
 * RS256 access tokens shaped like auth-service's, signed with a key the fake JWKS publishes
 * ({@link #PUBLISHED}) or one it never does ({@link #ROGUE}, same kid: a forgery).
 */
public final class TestTokens {

    public static final String ISSUER = "https://gitinsight.local";
    public static final String PREMIUM_API_KEY = "gik_premiumtestkey0123456789";
    static final RsaJsonWebKey PUBLISHED = generate("query-test-key");
    static final RsaJsonWebKey ROGUE = generate("query-test-key");

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
        return new JsonWebKeySet(PUBLISHED).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static JwtClaims claims(Role role, UUID subject, Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject.toString());
        claims.setClaim("upn", role.value() + "-octocat");
        claims.setStringListClaim("groups", role.value());
        claims.setStringListClaim("permissions", role.permissions().stream().map(Permission::value).sorted().toList());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(15);
        claims.setGeneratedJwtId();
        change.accept(claims);
        return claims;
    }

    private static String sign(RsaJsonWebKey key, JwtClaims claims) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey generate(String kid) {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId(kid);
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            key.setUse("sig");
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
