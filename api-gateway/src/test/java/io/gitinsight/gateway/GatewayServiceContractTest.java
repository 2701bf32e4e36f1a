package io.gitinsight.gateway;

import java.util.List;

import io.gitinsight.testkit.HealthChecks;
import io.gitinsight.testkit.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GatewayServiceContractTest extends ServiceContractTest {

    static final List<String> READINESS_CHECKS = List.of(HealthChecks.REDIS);

    @Override
    protected List<String> readinessChecks() {
        return READINESS_CHECKS;
    }
}
