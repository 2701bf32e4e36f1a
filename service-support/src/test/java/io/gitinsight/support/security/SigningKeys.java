package io.gitinsight.support.security;

import java.util.UUID;
import java.util.function.Consumer;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;

/** Key pairs and tokens shaped like auth-service's, for the verifier's own tests. */
final class SigningKeys {

    static final String ISSUER = "https://gitinsight.local";
    static final RsaJsonWebKey CURRENT = generate("key-current");
    static final RsaJsonWebKey NEXT = generate("key-next");
    /** Shares CURRENT's kid but is never published: a forgery. */
    static final RsaJsonWebKey ROGUE = generate("key-current");

    private SigningKeys() {
    }

    static String jwks(JsonWebKey... keys) {
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    static JwtClaims claims(Role role, Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(UUID.randomUUID().toString());
        claims.setClaim("upn", role.value() + "-octocat");
        claims.setStringListClaim("groups", role.value());
        claims.setStringListClaim("permissions", role.permissions().stream().map(Permission::value).sorted().toList());
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(15);
        claims.setGeneratedJwtId();
        change.accept(claims);
        return claims;
    }

    static String sign(RsaJsonWebKey key, JwtClaims claims) {
        return sign(claims, jws -> {
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        });
    }

    static String unsigned(JwtClaims claims) {
        return sign(claims, jws -> {
            jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
            jws.setKeyIdHeaderValue(CURRENT.getKeyId());
        });
    }

    /** HS256 with the public key as the secret: the algorithm-confusion attack. */
    static String hmacWithPublicKey(JwtClaims claims) {
        return sign(claims, jws -> {
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            jws.setKeyIdHeaderValue(CURRENT.getKeyId());
            jws.setKey(new HmacKey(CURRENT.getPublicKey().getEncoded()));
        });
    }

    private static String sign(JwtClaims claims, Consumer<JsonWebSignature> setUp) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            setUp.accept(jws);
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
