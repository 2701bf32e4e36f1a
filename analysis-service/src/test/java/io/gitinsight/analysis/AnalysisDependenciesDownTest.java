package io.gitinsight.analysis;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.gitinsight.testkit.DependenciesDownTest;
import io.gitinsight.testkit.Unreachable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(AnalysisDependenciesDownTest.DependenciesUnreachable.class)
class AnalysisDependenciesDownTest extends DependenciesDownTest {

    public static class DependenciesUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Unreachable.dependencies().postgres().rabbitmq().overrides();
        }
    }

    @Override
    protected List<String> readinessChecks() {
        return AnalysisServiceContractTest.READINESS_CHECKS;
    }

    @Override
    protected io.restassured.response.Response requestNeedingThem() {
        return given().get("/jobs?limit=1");
    }
}
