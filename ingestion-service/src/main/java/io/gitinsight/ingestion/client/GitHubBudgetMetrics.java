package io.gitinsight.ingestion.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/** {@code gitinsight_github_budget_remaining_ratio}: the lowest share of a token's GitHub budget left. */
@ApplicationScoped
public class GitHubBudgetMetrics {

    void register(@Observes StartupEvent start, RateGovernor governor, MeterRegistry registry) {
        Gauge.builder("gitinsight.github.budget.remaining.ratio", governor, RateGovernor::lowestRemainingRatio)
                .description("Lowest share of its hourly GitHub budget any token has left (1 = untouched)")
                .register(registry);
    }
}
