package io.gitinsight.auth;

import java.util.List;

import io.gitinsight.testkit.ServiceContractTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuthServiceContractTest extends ServiceContractTest {

    @Override
    protected List<String> readinessChecks() {
        return List.of("Database connections health check", "Reactive PostgreSQL connections health check",
                "Redis connection health check");
    }
}
