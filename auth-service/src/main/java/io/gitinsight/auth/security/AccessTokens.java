package io.gitinsight.auth.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

import io.gitinsight.auth.config.AuthConfig;
import io.gitinsight.auth.domain.User;
import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

/**
 * Issues and verifies access tokens: RS256 JWTs with {@code iss}, {@code sub} (user id), {@code upn}
 * (GitHub login), {@code groups} (role), {@code permissions}, {@code iat}, {@code exp}, {@code jti} and a
 * {@code kid} header. Verification accepts RS256 only, so {@code alg: none} and HMAC confusion fail.
 */
@Singleton
public class AccessTokens {

    public record Issued(String token, long expiresInSeconds) {
    }

    private final SigningKeys keys;
    private final AuthConfig config;

    public AccessTokens(SigningKeys keys, AuthConfig config) {
        this.keys = keys;
        this.config = config;
    }

    public Issued issue(User user) {
        Instant now = Instant.now();
        long ttl = config.jwt().accessTokenTtl().toSeconds();
        List<String> permissions = user.role().permissions().stream().map(Permission::value).sorted().toList();
        String token = Jwt.issuer(config.jwt().issuer()).subject(user.id().toString()).upn(user.username())
                .groups(Set.of(user.role().value())).claim("permissions", permissions)
                .claim("jti", UUID.randomUUID().toString()).issuedAt(now).expiresAt(now.plusSeconds(ttl))
                .jws().keyId(keys.currentKid()).algorithm(SignatureAlgorithm.RS256).sign(keys.signingKey());
        return new Issued(token, ttl);
    }

    /** The verified caller, or an {@link InvalidTokenException} saying why the token is refused. */
    public Caller verify(String token) {
        JwtConsumer consumer = new JwtConsumerBuilder().setRequireExpirationTime().setRequireIssuedAt()
                .setRequireSubject().setRequireJwtId().setExpectedIssuer(config.jwt().issuer())
                .setAllowedClockSkewInSeconds(30).setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, "RS256")
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.publicKeys().getJsonWebKeys()))
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            Role role = claims.getStringListClaimValue("groups").stream().map(Role::fromValue)
                    .flatMap(java.util.Optional::stream).findFirst()
                    .orElseThrow(() -> new InvalidTokenException("token carries no known role"));
            return new Caller(UUID.fromString(claims.getSubject()), claims.getClaimValueAsString("upn"), role,
                    claims.getJwtId());
        } catch (InvalidJwtException e) {
            throw new InvalidTokenException(e.hasExpired() ? "token expired" : "token invalid");
        } catch (MalformedClaimException | IllegalArgumentException e) {
            throw new InvalidTokenException("token claims malformed");
        }
    }

    /**
     * Who is calling: a verified access token ({@code tokenId}, every permission of the role) or an API key
     * ({@code apiKeyId}, the key's scopes within the owner's role).
     */
    public record Caller(UUID userId, String login, Role role, String tokenId, UUID apiKeyId,
            java.util.Set<Permission> permissions) {

        public Caller(UUID userId, String login, Role role, String tokenId) {
            this(userId, login, role, tokenId, null, role.permissions());
        }

        public static Caller withApiKey(UUID userId, String login, Role role, UUID keyId,
                java.util.Set<Permission> scopes) {
            return new Caller(userId, login, role, null, keyId, java.util.Set.copyOf(scopes));
        }

        public boolean has(Permission permission) {
            return permissions.contains(permission);
        }

        public boolean isApiKey() {
            return apiKeyId != null;
        }
    }

    public static class InvalidTokenException extends RuntimeException {
        public InvalidTokenException(String message) {
            super(message);
        }
    }
}
