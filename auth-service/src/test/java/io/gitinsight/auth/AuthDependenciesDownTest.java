package io.gitinsight.auth;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.gitinsight.testkit.DependenciesDownTest;
import io.gitinsight.testkit.Unreachable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(AuthDependenciesDownTest.DependenciesUnreachable.class)
class AuthDependenciesDownTest extends DependenciesDownTest {

    public static class DependenciesUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Unreachable.dependencies().postgres().redis().overrides();
        }
    }

    @Override
    protected List<String> readinessChecks() {
        return AuthServiceContractTest.READINESS_CHECKS;
    }

    @Override
    protected io.restassured.response.Response requestNeedingThem() {
        return given().contentType("application/json").body("{\"refresh_token\": \"" + "r".repeat(43) + "\"}")
                .post("/auth/refresh");
    }
}
