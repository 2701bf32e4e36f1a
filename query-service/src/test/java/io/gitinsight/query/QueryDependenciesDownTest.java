package io.gitinsight.query;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.gitinsight.testkit.DependenciesDownTest;
import io.gitinsight.testkit.Unreachable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(QueryDependenciesDownTest.DependenciesUnreachable.class)
class QueryDependenciesDownTest extends DependenciesDownTest {

    public static class DependenciesUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Unreachable.dependencies().reactivePostgres().redis().rabbitmq().overrides();
        }
    }

    @Override
    protected List<String> readinessChecks() {
        return QueryServiceContractTest.READINESS_CHECKS;
    }

    @Override
    protected io.restassured.response.Response requestNeedingThem() {
        return given().get("/repositories");
    }
}
