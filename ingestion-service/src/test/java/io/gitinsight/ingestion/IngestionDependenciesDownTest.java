package io.gitinsight.ingestion;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.gitinsight.ingestion.security.WebhookSignature;
import io.gitinsight.testkit.DependenciesDownTest;
import io.gitinsight.testkit.Unreachable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(IngestionDependenciesDownTest.DependenciesUnreachable.class)
class IngestionDependenciesDownTest extends DependenciesDownTest {

    public static class DependenciesUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Unreachable.dependencies().postgres().redis().rabbitmq().overrides();
        }
    }

    @Override
    protected List<String> readinessChecks() {
        return IngestionServiceContractTest.READINESS_CHECKS;
    }

    @Override
    protected io.restassured.response.Response requestNeedingThem() {
        byte[] body = "{\"zen\": \"Keep it logically awesome.\", \"hook_id\": 1}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // a star event: stored before it is acknowledged, and the database is unreachable
        return given().contentType("application/json").header("X-GitHub-Event", "star")
                .header("X-GitHub-Delivery", WebhookDeliveries.newDeliveryId())
                .header("X-Hub-Signature-256", WebhookSignature.sign(WebhookDeliveries.SECRET, body)).body(body)
                .post("/webhooks/github");
    }
}
