package io.gitinsight.analysis;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

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

    @Inject
    Pool pool;

    @Test
    void answersUpstreamUnavailableWhenTheBrokerDoesNotTakeTheEventAndStoresNothing() {
        String cloneUrl = "https://git.example.org/down/" + UUID.randomUUID() + ".git";
        String token = TestTokens.bearer(TestTokens.of(Role.USER));
        for (int attempt = 1; attempt <= 2; attempt++) {
            // the second attempt is another 503, not a 409 for a repository the first one left behind
            given().contentType(ContentType.JSON).header("Authorization", token)
                    .body("{\"clone_url\": \"" + cloneUrl + "\"}")
                    .post("/repositories").then().statusCode(503).body("error.code", equalTo("UPSTREAM_UNAVAILABLE"))
                    .body("error.details.upstream", equalTo("rabbitmq"));
        }
        long stored = pool.preparedQuery("SELECT count(*) FROM analysis.repositories WHERE clone_url = $1")
                .execute(Tuple.of(cloneUrl)).map(rows -> rows.iterator().next().getLong(0)).await().indefinitely();
        assertThat(stored).isZero();
    }
}
