package io.gitinsight.systemtest.platform;

import java.time.Duration;
import java.time.Instant;

/** Prints how long each step of a journey took (surefire keeps it in the test's output), for tuning and reports. */
public final class Timeline {

    private final String journey;
    private Instant last = Instant.now();

    public Timeline(String journey) {
        this.journey = journey;
    }

    public synchronized void mark(String step) {
        Instant now = Instant.now();
        System.out.printf("[%s] %s: %d ms%n", journey, step, Duration.between(last, now).toMillis());
        last = now;
    }
}
