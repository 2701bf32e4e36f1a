package io.gitinsight.gateway.fakes;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import io.gitinsight.model.security.Role;

/**
 * Access tokens as auth-service mints them (RS256, {@code kid}, {@code iss}, {@code sub}, {@code upn},
 * {@code groups}, {@code permissions}, {@code exp}, {@code iat}, {@code jti}), signed with key pairs of
 * the test's own: {@link #CURRENT} is published by the fake auth-service from the start, {@link #NEXT}
 * only after a rotation, {@link #ROGUE} never (it shares {@code CURRENT}'s kid: a forgery).
 */
public final class TestTokens {

    public static final String ISSUER = "https://gitinsight.local";
    public static final RsaJsonWebKey CURRENT = io.gitinsight.testkit.TestTokens.generateKey("key-current");
    public static final RsaJsonWebKey NEXT = io.gitinsight.testkit.TestTokens.generateKey("key-next");
    public static final RsaJsonWebKey ROGUE = io.gitinsight.testkit.TestTokens.generateKey("key-current");

    private TestTokens() {
    }

    public static String token(Role role) {
        return sign(CURRENT, claims(role, c -> {
        }));
    }

    public static String token(Role role, Consumer<JwtClaims> change) {
        return sign(CURRENT, claims(role, change));
    }

    public static String signedWith(RsaJsonWebKey key, Role role) {
        return sign(key, claims(role, c -> {
        }));
    }

    public static String expired(Role role) {
        return token(role, c -> {
            c.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 3600));
            c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        });
    }

    /** The same claims with {@code alg: none} and no signature. */
    public static String unsigned(Role role) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims(role, c -> {
            }).toJson());
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
            jws.setKeyIdHeaderValue(CURRENT.getKeyId());
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 "signed" with the public key as the HMAC secret: the classic algorithm-confusion attack. */
    public static String hmacWithPublicKey(Role role) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims(role, c -> {
            }).toJson());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            jws.setKeyIdHeaderValue(CURRENT.getKeyId());
            jws.setKey(new HmacKey(CURRENT.getPublicKey().getEncoded()));
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JwtClaims claims(Role role, Consumer<JwtClaims> change) {
        JwtClaims claims = io.gitinsight.testkit.TestTokens.claims(UUID.randomUUID(), role.value() + "-octocat", role,
                15);
        change.accept(claims);
        return claims;
    }

    private static String sign(RsaJsonWebKey key, JwtClaims claims) {
        return io.gitinsight.testkit.TestTokens.sign(key, claims);
    }

    static List<RsaJsonWebKey> initiallyPublished() {
        return List.of(CURRENT);
    }
}
