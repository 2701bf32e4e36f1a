package io.gitinsight.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waits for an asynchronous outcome (a consumer's commit) without fixed sleeps. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T until(Supplier<T> probe, java.util.function.Predicate<T> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        T last = probe.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within " + timeout + "; last seen: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = probe.get();
        }
        return last;
    }
}
