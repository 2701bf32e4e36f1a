package io.gitinsight.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;

import io.gitinsight.auth.security.SigningKeys;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;

@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class AccessAndRefreshTokenTest {

    @Inject
    SigningKeys keys;

    @Test
    void answersWhoTheCallerIs() {
        JsonPath tokens = Logins.login("me-" + Logins.newGitHubId());

        given().auth().oauth2(tokens.getString("access_token")).get("/auth/me").then().statusCode(200)
                .body("id", equalTo(tokens.getString("user.id")))
                .body("username", equalTo(tokens.getString("user.username"))).body("role", equalTo("user"));
    }

    @Test
    void issuesTokensThatThePublishedJwksVerifies() throws Exception {
        JsonPath tokens = Logins.login("jwks-" + Logins.newGitHubId());
        String jwks = given().get("/.well-known/jwks.json").then().statusCode(200).extract().asString();

        JwtClaims claims = new JwtConsumerBuilder().setExpectedIssuer("https://gitinsight.local")
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setSkipDefaultAudienceValidation().build().processToClaims(tokens.getString("access_token"));

        assertThat(claims.getSubject()).isEqualTo(tokens.getString("user.id"));
        assertThat(claims.getClaimValueAsString("upn")).isEqualTo(tokens.getString("user.username"));
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("user");
        assertThat(claims.getStringListClaimValue("permissions")).contains("repository:analyze");
        assertThat(claims.getJwtId()).isNotBlank();
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(900);
        assertThat(jwks).doesNotContain("\"d\"").doesNotContain("\"p\"");
    }

    @Test
    void refusesTokensThatAreExpiredForeignUnsignedMisissuedOrTampered() throws Exception {
        JsonPath tokens = Logins.login("forged-" + Logins.newGitHubId());
        String subject = tokens.getString("user.id");
        String valid = tokens.getString("access_token");
        var foreignKey = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
        Instant past = Instant.now().minusSeconds(3600);

        List<String> refused = new ArrayList<>();
        refused.add(sign(subject, "https://gitinsight.local", past, keys.currentKid(), keys.signingKey()));
        refused.add(sign(subject, "https://gitinsight.local", Instant.now(), keys.currentKid(), foreignKey));
        refused.add(sign(subject, "https://evil.example", Instant.now(), keys.currentKid(), keys.signingKey()));
        refused.add(unsigned(subject));
        refused.add(tampered(valid));

        for (String token : refused) {
            given().auth().oauth2(token).get("/auth/me").then().statusCode(401)
                    .body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
        }
        given().get("/auth/me").then().statusCode(401);
        given().auth().oauth2(valid).get("/auth/me").then().statusCode(200);
    }

    @Test
    void rotatesRefreshTokensAndRevokesTheFamilyOnReuse() throws Exception {
        JsonPath login = Logins.login("rotate-" + Logins.newGitHubId());
        String first = login.getString("refresh_token");

        String second = refresh(first).then().statusCode(200).extract().jsonPath().getString("refresh_token");
        assertThat(second).isNotEqualTo(first);

        refresh(first).then().statusCode(401).body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
        refresh(second).then().statusCode(401);
        assertThat(AuditLogs.actionsOf(login.getString("user.id"))).contains("login", "refresh_reuse_detected");
    }

    @Test
    void logsOutByRevokingTheCallersRefreshTokens() throws Exception {
        JsonPath login = Logins.login("logout-" + Logins.newGitHubId());

        given().auth().oauth2(login.getString("access_token")).post("/auth/logout").then().statusCode(204);

        refresh(login.getString("refresh_token")).then().statusCode(401);
        given().post("/auth/logout").then().statusCode(401);
        assertThat(AuditLogs.actionsOf(login.getString("user.id"))).contains("logout");
    }

    @Test
    void refusesMalformedRefreshRequests() {
        given().contentType("application/json").body("{}").post("/auth/refresh").then().statusCode(400)
                .body("error.details.field", equalTo("refresh_token"));
        given().contentType("application/json").body("{\"refresh_token\": ").post("/auth/refresh").then()
                .statusCode(400);
        refresh("not-a-token").then().statusCode(401);
    }

    @Test
    void keepsVerifyingTokensOfThePreviousKeyAfterARotation() throws Exception {
        JsonPath before = Logins.login("rotation-" + Logins.newGitHubId());
        String oldKid = keys.currentKid();

        keys.rotate().await().indefinitely();

        assertThat(keys.currentKid()).isNotEqualTo(oldKid);
        String jwks = given().get("/.well-known/jwks.json").then().extract().asString();
        assertThat(new JsonWebKeySet(jwks).getJsonWebKeys()).extracting(k -> k.getKeyId())
                .containsExactly(keys.currentKid(), oldKid);
        given().auth().oauth2(before.getString("access_token")).get("/auth/me").then().statusCode(200);
        String after = Logins.login("rotation-" + Logins.newGitHubId()).getString("access_token");
        given().auth().oauth2(after).get("/auth/me").then().statusCode(200);
    }

    private static io.restassured.response.Response refresh(String token) {
        return given().contentType("application/json").body("{\"refresh_token\": \"" + token + "\"}")
                .post("/auth/refresh");
    }

    private static String sign(String subject, String issuer, Instant issuedAt, String kid, java.security.PrivateKey key) {
        return Jwt.issuer(issuer).subject(subject).upn("someone").groups(Set.of("admin"))
                .claim("jti", "j-" + issuedAt.toEpochMilli()).issuedAt(issuedAt).expiresAt(issuedAt.plusSeconds(900))
                .jws().keyId(kid).algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    private static String unsigned(String subject) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes());
        String body = b64.encodeToString(("{\"iss\":\"https://gitinsight.local\",\"sub\":\"" + subject
                + "\",\"groups\":[\"admin\"],\"jti\":\"x\",\"iat\":" + now + ",\"exp\":" + (now + 900) + "}").getBytes());
        return header + "." + body + ".";
    }

    /** The same signature over claims where the role was raised to admin. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"user\"", "\"admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes()) + "."
                + parts[2];
    }
}
