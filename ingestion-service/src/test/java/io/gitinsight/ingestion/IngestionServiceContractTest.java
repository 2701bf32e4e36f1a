package io.gitinsight.ingestion;

import java.util.List;

import io.gitinsight.testkit.HealthChecks;
import io.gitinsight.testkit.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IngestionServiceContractTest extends ServiceContractTest {

    static final List<String> READINESS_CHECKS = List.of(HealthChecks.DATABASE, HealthChecks.REACTIVE_POSTGRES,
            HealthChecks.REDIS, HealthChecks.RABBITMQ);

    @Override
    protected List<String> readinessChecks() {
        return READINESS_CHECKS;
    }
}
