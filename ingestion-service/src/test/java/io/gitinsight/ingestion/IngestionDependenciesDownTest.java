package io.gitinsight.ingestion;

import java.util.List;
import java.util.Map;

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
}
