package io.gitinsight.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A deployer's own signing key (JWT_SIGNING_KEY) signs and is the first key of the JWKS. */
@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
@TestProfile(ConfiguredSigningKeyTest.WithSigningKey.class)
class ConfiguredSigningKeyTest {

    static final KeyPair KEY = generate();

    public static class WithSigningKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(KEY.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            return Map.of("gitinsight.auth.jwt.signing-key", pem);
        }
    }

    @Test
    void signsWithTheConfiguredKeyAndPublishesItFirst() throws Exception {
        String expectedKid = new RsaJsonWebKey((RSAPublicKey) KEY.getPublic()).calculateBase64urlEncodedThumbprint("SHA-256");
        String token = Logins.login("configured-" + Logins.newGitHubId()).getString("access_token");

        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]));
        assertThat(header).contains("\"kid\":\"" + expectedKid + "\"");
        var keys = new JsonWebKeySet(given().get("/.well-known/jwks.json").asString()).getJsonWebKeys();
        assertThat(keys.get(0).getKeyId()).isEqualTo(expectedKid);
        // the key it replaced, when the database had one, stays published behind it
        assertThat(keys).hasSizeBetween(1, 2).extracting(k -> k.getKeyId()).doesNotHaveDuplicates();
        given().auth().oauth2(token).get("/auth/me").then().statusCode(200);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
