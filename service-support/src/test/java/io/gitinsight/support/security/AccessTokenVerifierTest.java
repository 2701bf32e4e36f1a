package io.gitinsight.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;
import io.gitinsight.support.error.ApiException;
import io.vertx.core.Future;

class AccessTokenVerifierTest {

    private final AccessTokenVerifier verifier = new AccessTokenVerifier(
            new JwksKeys(() -> Future.succeededFuture(SigningKeys.jwks(SigningKeys.CURRENT)), Duration.ofMinutes(10),
                    Duration.ofSeconds(30), Clock.systemUTC()),
            SigningKeys.ISSUER, Duration.ofSeconds(30));

    @Test
    void acceptsATokenSignedByAPublishedKey() {
        var claims = SigningKeys.claims(Role.PREMIUM, c -> c.setSubject("6f1d6c1e-1111-4c1e-9a51-0c9d3f1b2a77"));

        VerifiedToken token = verify(SigningKeys.sign(SigningKeys.CURRENT, claims)).result();

        assertThat(token.subject()).isEqualTo("6f1d6c1e-1111-4c1e-9a51-0c9d3f1b2a77");
        assertThat(token.login()).isEqualTo("premium-octocat");
        assertThat(token.role()).isEqualTo(Role.PREMIUM);
        assertThat(token.has(Permission.INSIGHTS_EXPORT)).isTrue();
    }

    @Test
    void narrowsClaimedPermissionsToTheRole() {
        var claims = SigningKeys.claims(Role.USER,
                c -> c.setStringListClaim("permissions", List.of("repository:read", "admin:system")));

        VerifiedToken token = verify(SigningKeys.sign(SigningKeys.CURRENT, claims)).result();

        assertThat(token.permissions()).containsExactly(Permission.REPOSITORY_READ);
    }

    @Test
    void refusesForgedUnsignedConfusedExpiredAndForeignTokens() {
        var claims = SigningKeys.claims(Role.ADMIN, c -> {
        });
        assertRefused(SigningKeys.sign(SigningKeys.ROGUE, claims), "token invalid");
        assertRefused(SigningKeys.unsigned(claims), "token algorithm not accepted");
        assertRefused(SigningKeys.hmacWithPublicKey(claims), "token algorithm not accepted");
        assertRefused("not.a.token", "token malformed");
        assertRefused(SigningKeys.sign(SigningKeys.CURRENT, SigningKeys.claims(Role.USER,
                c -> c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 600)))), "token expired");
        assertRefused(SigningKeys.sign(SigningKeys.CURRENT, SigningKeys.claims(Role.USER,
                c -> c.setIssuer("https://elsewhere.example"))), "token invalid");
        assertRefused(SigningKeys.sign(SigningKeys.CURRENT, SigningKeys.claims(Role.USER,
                c -> c.setStringListClaim("groups", "superuser"))), "token carries no known role");
    }

    private Future<VerifiedToken> verify(String token) {
        return verifier.verify(token);
    }

    private void assertRefused(String token, String reason) {
        Future<VerifiedToken> result = verify(token);
        assertThat(result.failed()).as(reason).isTrue();
        assertThat(result.cause()).isInstanceOf(ApiException.class);
        ApiException refusal = (ApiException) result.cause();
        assertThat(refusal.status()).isEqualTo(401);
        assertThat(refusal.details()).containsEntry("reason", reason);
    }
}
