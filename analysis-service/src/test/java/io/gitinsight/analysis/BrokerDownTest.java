package io.gitinsight.analysis;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.gitinsight.model.security.Role;
import io.gitinsight.testkit.AuthFake;
import io.gitinsight.testkit.TestTokens;
import io.gitinsight.testkit.Unreachable;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** The broker is part of adding (the follow event) and of analyzing (the request): down, it is a 503, never a 500. */
@QuarkusTest
@TestProfile(BrokerDownTest.BrokerUnreachable.class)
@QuarkusTestResource(AuthFake.class)
class BrokerDownTest {

    public static class BrokerUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Unreachable.dependencies().rabbitmq().overrides();
        }
    }

    @Test
    void answersUpstreamUnavailableWhenTheBrokerDoesNotTakeTheEvent() {
        given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(TestTokens.of(Role.USER)))
                .body("{\"clone_url\": \"https://git.example.org/down/" + UUID.randomUUID() + ".git\"}")
                .post("/repositories").then().statusCode(503).body("error.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("error.details.upstream", equalTo("rabbitmq"));
    }
}
