package io.gitinsight.ingestion.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.ingestion.config.GitHubConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * The GitHub budget of each token, as GitHub's own {@code x-ratelimit-*} headers state it. Before a
 * request: wait for the reset when only the reserve is left (instead of spending it and failing), and
 * take one of the token's in-flight slots. GitHub's secondary limits punish concurrency, hence the cap.
 */
@ApplicationScoped
public class RateGovernor {

    private static final Logger LOG = Logger.getLogger(RateGovernor.class);

    private final GitHubConfig config;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();

    public RateGovernor(GitHubConfig config) {
        this.config = config;
    }

    /** Waits as the budget requires, then holds an in-flight slot until {@link #release}. */
    public Uni<Void> acquire(String token) {
        Budget budget = budget(token);
        Duration wait = budget.waitBeforeNext(clock.instant(), config.reserveFraction());
        Uni<Void> ready = Uni.createFrom().voidItem();
        if (!wait.isZero()) {
            if (wait.compareTo(config.maxResetWait()) > 0) {
                return Uni.createFrom().failure(new GitHubException(429, "GitHub budget exhausted until "
                        + budget.resetAt + ", beyond the longest wait configured"));
            }
            LOG.infof("GitHub budget at its reserve (%d left): waiting %d s for the reset", budget.remaining,
                    wait.toSeconds());
            ready = ready.onItem().delayIt().by(wait);
        }
        return ready.chain(budget::takeSlot);
    }

    public void release(String token) {
        budget(token).releaseSlot();
    }

    /** Records what GitHub said of the budget in a response's headers. */
    public void observe(String token, String limit, String remaining, String reset) {
        if (remaining == null || reset == null) {
            return;
        }
        try {
            budget(token).update(limit == null ? -1 : Integer.parseInt(limit), Integer.parseInt(remaining),
                    Instant.ofEpochSecond(Long.parseLong(reset)));
        } catch (NumberFormatException e) {
            LOG.debugf("unreadable rate-limit headers: %s/%s/%s", limit, remaining, reset);
        }
    }

    /** The wait until the primary budget resets, for a request GitHub refused for lack of budget. */
    public Duration untilReset(String token) {
        Instant reset = budget(token).resetAt;
        Duration wait = reset == null ? config.secondaryLimitWait() : Duration.between(clock.instant(), reset).plusSeconds(1);
        return wait.isNegative() ? Duration.ofSeconds(1) : wait;
    }

    /**
     * The smallest share of its hourly budget any token has left in the current window (1 when GitHub has
     * not said yet or the window has reset): what the "GitHub budget low" alert watches.
     */
    public double lowestRemainingRatio() {
        return lowestRemainingRatio(budgets.values(), clock.instant());
    }

    static double lowestRemainingRatio(java.util.Collection<Budget> budgets, Instant now) {
        double lowest = 1.0;
        for (Budget b : budgets) {
            if (b.limit > 0 && b.remaining >= 0 && b.resetAt != null && now.isBefore(b.resetAt)) {
                lowest = Math.min(lowest, (double) b.remaining / b.limit);
            }
        }
        return lowest;
    }

    private Budget budget(String token) {
        return budgets.computeIfAbsent(token, t -> new Budget(config.maxInFlight()));
    }

    static final class Budget {
        private final int maxInFlight;
        private final Queue<UniEmitter<? super Void>> waiting = new ArrayDeque<>();
        private int inFlight;
        private volatile int limit = -1;
        private volatile int remaining = -1;
        private volatile Instant resetAt;

        Budget(int maxInFlight) {
            this.maxInFlight = maxInFlight;
        }

        synchronized void update(int limit, int remaining, Instant resetAt) {
            if (this.resetAt == null || !resetAt.isBefore(this.resetAt)) {
                // a newer window, or a lower count within the same one (responses arrive out of order)
                this.remaining = resetAt.equals(this.resetAt) ? Math.min(this.remaining, remaining) : remaining;
                this.limit = limit;
                this.resetAt = resetAt;
            }
        }

        Duration waitBeforeNext(Instant now, double reserveFraction) {
            if (remaining < 0 || resetAt == null || !now.isBefore(resetAt)) {
                return Duration.ZERO;
            }
            int reserve = limit > 0 ? (int) Math.ceil(limit * reserveFraction) : 0;
            return remaining > reserve ? Duration.ZERO : Duration.between(now, resetAt).plusSeconds(1);
        }

        Uni<Void> takeSlot() {
            return Uni.createFrom().emitter(emitter -> {
                synchronized (this) {
                    if (inFlight < maxInFlight) {
                        inFlight++;
                    } else {
                        waiting.add(emitter);
                        return;
                    }
                }
                emitter.complete(null);
            });
        }

        /** Hands the slot to the next waiting request, or frees it. */
        void releaseSlot() {
            UniEmitter<? super Void> next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    inFlight--;
                }
            }
            if (next != null) {
                next.complete(null);
            }
        }

        synchronized int inFlight() {
            return inFlight;
        }
    }
}
