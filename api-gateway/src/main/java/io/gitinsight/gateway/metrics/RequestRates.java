package io.gitinsight.gateway.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import io.vertx.core.Vertx;

/**
 * Request rates of this replica, derived from the {@link RequestMetrics} counters: the total is sampled
 * every few seconds, and the rate over the last minute is the growth between the oldest sample still
 * within the minute and now.
 */
@Startup
@ApplicationScoped
public class RequestRates {

    static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);
    static final Duration WINDOW = Duration.ofMinutes(1);

    private record Sample(Instant at, double total) {
    }

    private final RequestMetrics metrics;
    private final Vertx vertx;
    private final Clock clock = Clock.systemUTC();
    private final Instant started = clock.instant();
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final long timer;

    public RequestRates(RequestMetrics metrics, Vertx vertx) {
        this.metrics = metrics;
        this.vertx = vertx;
        sample();
        this.timer = vertx.setPeriodic(SAMPLE_EVERY.toMillis(), id -> sample());
    }

    public Instant started() {
        return started;
    }

    public double total() {
        return metrics.totalsByBackend().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Requests per second over the last minute (or since start, when younger than a minute). */
    public synchronized double perSecondLastMinute() {
        Instant now = clock.instant();
        Sample oldest = samples.peekFirst();
        double seconds = oldest == null ? 0 : Duration.between(oldest.at(), now).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : (total() - oldest.total()) / seconds;
    }

    public double perSecondSinceStart() {
        double seconds = Duration.between(started, clock.instant()).toMillis() / 1000.0;
        return seconds <= 0 ? 0 : total() / seconds;
    }

    private synchronized void sample() {
        Instant now = clock.instant();
        samples.addLast(new Sample(now, total()));
        while (samples.size() > 1 && Duration.between(samples.peekFirst().at(), now).compareTo(WINDOW) > 0) {
            samples.removeFirst();
        }
    }

    @PreDestroy
    void stop() {
        vertx.cancelTimer(timer);
    }
}
