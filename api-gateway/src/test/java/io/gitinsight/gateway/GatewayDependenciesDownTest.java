package io.gitinsight.gateway;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.gitinsight.testkit.DependenciesDownTest;
import io.gitinsight.testkit.Unreachable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(GatewayDependenciesDownTest.DependenciesUnreachable.class)
class GatewayDependenciesDownTest extends DependenciesDownTest {

    public static class DependenciesUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Unreachable.dependencies().redis().overrides();
        }
    }

    @Override
    protected List<String> readinessChecks() {
        return GatewayServiceContractTest.READINESS_CHECKS;
    }

    @Override
    protected io.restassured.response.Response requestNeedingThem() {
        return given().get("/api/v1/repositories");
    }
}
