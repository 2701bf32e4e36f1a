package io.gitinsight.support.security;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;
import io.gitinsight.support.error.ApiException;
import io.vertx.core.Future;

/**
 * Verifies access tokens as auth-service issues them: RS256 only (so {@code alg: none} and HMAC with the
 * public key as secret fail), signed by a key of the JWKS, from the configured issuer, not expired, with
 * a subject and a known role. The caller's permissions are the token's, never more than its role's.
 */
public class AccessTokenVerifier {

    private final JwksKeys keys;
    private final String issuer;
    private final int clockSkewSeconds;
    private volatile ConsumerForKeys consumer;

    private record ConsumerForKeys(JwksKeys.Snapshot snapshot, JwtConsumer consumer) {
    }

    public AccessTokenVerifier(JwksKeys keys, String issuer, Duration clockSkew) {
        this.keys = keys;
        this.issuer = issuer;
        this.clockSkewSeconds = (int) clockSkew.toSeconds();
    }

    public Future<VerifiedToken> verify(String token) {
        JsonWebStructure structure;
        try {
            structure = JsonWebStructure.fromCompactSerialization(token);
        } catch (JoseException e) {
            return Future.failedFuture(refused("token malformed"));
        }
        if (!AlgorithmIdentifiers.RSA_USING_SHA256.equals(structure.getAlgorithmHeaderValue())) {
            return Future.failedFuture(refused("token algorithm not accepted"));
        }
        return keys.keysFor(structure.getKeyIdHeaderValue()).map(snapshot -> check(token, consumerFor(snapshot)));
    }

    private VerifiedToken check(String token, JwtConsumer jwtConsumer) {
        try {
            JwtClaims claims = jwtConsumer.processToClaims(token);
            Role role = Optional.ofNullable(claims.getStringListClaimValue("groups")).orElse(List.of()).stream()
                    .map(Role::fromValue).flatMap(Optional::stream).findFirst()
                    .orElseThrow(() -> refused("token carries no known role"));
            Set<Permission> permissions = permissions(claims, role);
            return new VerifiedToken(claims.getSubject(), claims.getClaimValueAsString("upn"), role, permissions);
        } catch (InvalidJwtException e) {
            throw refused(e.hasExpired() ? "token expired" : "token invalid");
        } catch (MalformedClaimException e) {
            throw refused("token claims malformed");
        }
    }

    private static Set<Permission> permissions(JwtClaims claims, Role role) throws MalformedClaimException {
        if (!claims.hasClaim("permissions")) {
            return role.permissions();
        }
        Set<Permission> granted = EnumSet.noneOf(Permission.class);
        for (String value : claims.getStringListClaimValue("permissions")) {
            Permission.fromValue(value).filter(role::has).ifPresent(granted::add);
        }
        return Set.copyOf(granted);
    }

    private JwtConsumer consumerFor(JwksKeys.Snapshot snapshot) {
        ConsumerForKeys current = consumer;
        if (current != null && current.snapshot() == snapshot) {
            return current.consumer();
        }
        JwtConsumer built = new JwtConsumerBuilder().setRequireExpirationTime().setRequireSubject()
                .setExpectedIssuer(issuer).setAllowedClockSkewInSeconds(clockSkewSeconds)
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(snapshot.keys().getJsonWebKeys()))
                .build();
        consumer = new ConsumerForKeys(snapshot, built);
        return built;
    }

    /** The 401 for credentials that are present but not acceptable. */
    public static ApiException refused(String reason) {
        return new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, 401, "the credentials were refused: " + reason,
                Map.of("reason", reason), null);
    }
}
