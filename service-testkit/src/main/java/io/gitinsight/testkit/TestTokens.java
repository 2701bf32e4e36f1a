package io.gitinsight.testkit;

import java.util.UUID;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;

/**
 * Real RS256 access tokens shaped like auth-service's (kid, iss, sub, upn, groups, permissions, exp, jti),
 * signed by a key whose JWKS {@link AuthFake} serves: services under test verify them exactly as they
 * verify production tokens.
 */
public final class TestTokens {

    public static final String ISSUER = "https://gitinsight.local";
    static final RsaJsonWebKey KEY = generateKey("test-key");

    private TestTokens() {
    }

    /** A token of a new user with this role. */
    public static String of(Role role) {
        return of(UUID.randomUUID(), role.value() + "-octocat", role, 15);
    }

    public static String of(UUID userId, String login, Role role) {
        return of(userId, login, role, 15);
    }

    /** {@code minutes} may be negative: an expired token. */
    public static String of(UUID userId, String login, Role role, int minutes) {
        return sign(KEY, claims(userId, login, role, minutes));
    }

    /** The claims auth-service puts in an access token, valid for {@code minutes} from now. */
    public static JwtClaims claims(UUID userId, String login, Role role, int minutes) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(userId.toString());
        claims.setClaim("upn", login);
        claims.setStringListClaim("groups", role.value());
        claims.setStringListClaim("permissions", role.permissions().stream().map(Permission::value).sorted().toList());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(minutes);
        claims.setGeneratedJwtId();
        return claims;
    }

    /** RS256 with {@code key}, its kid in the header: how auth-service signs. */
    public static String sign(RsaJsonWebKey key, JwtClaims claims) {
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

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The public half, as auth-service's {@code /.well-known/jwks.json} serves it. */
    public static String jwks() {
        return jwks(KEY);
    }

    /** A JWKS document publishing the public halves of {@code keys}. */
    public static String jwks(RsaJsonWebKey... keys) {
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    /** A new RS256 signing key pair named {@code kid} (two keys may share a kid: a forgery). */
    public static RsaJsonWebKey generateKey(String kid) {
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
