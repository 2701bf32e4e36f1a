package io.gitinsight.ingestion.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class RateGovernorTest {

    @Test
    void capsRequestsInFlightAndHandsSlotsOnInOrder() {
        RateGovernor.Budget budget = new RateGovernor.Budget(8);
        AtomicInteger started = new AtomicInteger();
        List<io.smallrye.mutiny.subscription.Cancellable> pending = new ArrayList<>();

        for (int i = 0; i < 10; i++) {
            pending.add(budget.takeSlot().subscribe().with(ignored -> started.incrementAndGet()));
        }

        assertThat(started).hasValue(8);
        assertThat(budget.inFlight()).isEqualTo(8);
        budget.releaseSlot();
        assertThat(started).hasValue(9);
        budget.releaseSlot();
        budget.releaseSlot();
        assertThat(started).hasValue(10);
        assertThat(budget.inFlight()).isEqualTo(7);
    }

    @Test
    void keepsTheReserveByWaitingForTheReset() {
        RateGovernor.Budget budget = new RateGovernor.Budget(8);
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        Instant reset = now.plusSeconds(120);

        budget.update(5000, 501, reset);
        assertThat(budget.waitBeforeNext(now, 0.10)).isZero();

        budget.update(5000, 500, reset);
        assertThat(budget.waitBeforeNext(now, 0.10)).isEqualTo(Duration.ofSeconds(121));
        assertThat(budget.waitBeforeNext(reset, 0.10)).isZero();
    }

    @Test
    void trustsTheLowestCountOfAWindowWhateverOrderAnswersArriveIn() {
        RateGovernor.Budget budget = new RateGovernor.Budget(8);
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        Instant reset = now.plusSeconds(60);

        budget.update(100, 5, reset);
        budget.update(100, 50, reset);

        assertThat(budget.waitBeforeNext(now, 0.10)).isPositive();
    }

    @Test
    void reportsTheLowestShareOfABudgetLeftInTheCurrentWindows() {
        Instant now = Instant.parse("2026-11-01T10:00:00Z");
        RateGovernor.Budget rest = new RateGovernor.Budget(8);
        RateGovernor.Budget graphql = new RateGovernor.Budget(8);
        RateGovernor.Budget expired = new RateGovernor.Budget(8);
        RateGovernor.Budget unknown = new RateGovernor.Budget(8);
        rest.update(5000, 1000, now.plusSeconds(600));
        graphql.update(5000, 4000, now.plusSeconds(600));
        expired.update(60, 1, now.minusSeconds(1));

        // 1000/5000 = 0.2; the expired window has reset and an unknown budget is untouched
        assertThat(RateGovernor.lowestRemainingRatio(List.of(rest, graphql, expired, unknown), now)).isEqualTo(0.2);
        assertThat(RateGovernor.lowestRemainingRatio(List.of(unknown), now)).isEqualTo(1.0);
    }
}
