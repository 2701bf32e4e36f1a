package io.gitinsight.query.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

class SingleFlightTest {

    private final SingleFlight flights = new SingleFlight();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicReference<UniEmitter<? super String>> pending = new AtomicReference<>();

    @Test
    void concurrentCallersShareOneExecution() {
        List<String> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            flights.run("k", this::slowWork).subscribe().with(results::add);
        }
        assertThat(started).hasValue(1);
        assertThat(flights.inFlight()).isEqualTo(1);

        pending.get().complete("answer");

        assertThat(results).hasSize(50).containsOnly("answer");
        assertThat(flights.inFlight()).isZero();
    }

    @Test
    void startsAgainOnceTheFlightLandedAndKeepsKeysApart() {
        run("k");
        run("other");
        assertThat(started).hasValue(2);
        // the latest emitter is "other"'s
        pending.get().complete("done");

        run("other");
        assertThat(started).as("a landed flight starts again").hasValue(3);
        run("k");
        assertThat(started).as("a flight still in the air is joined").hasValue(3);
    }

    private void run(String key) {
        flights.run(key, this::slowWork).subscribe().with(ignored -> {
        });
    }

    @Test
    void sharesFailuresAndForgetsThem() {
        List<Throwable> failures = new ArrayList<>();
        flights.run("k", this::slowWork).subscribe().with(ignored -> {
        }, failures::add);
        flights.run("k", this::slowWork).subscribe().with(ignored -> {
        }, failures::add);
        pending.get().fail(new IllegalStateException("database down"));

        assertThat(failures).hasSize(2).allSatisfy(f -> assertThat(f).hasMessage("database down"));
        flights.run("k", this::slowWork).subscribe().with(ignored -> {
        });
        assertThat(started).hasValue(2);
    }

    private Uni<String> slowWork() {
        started.incrementAndGet();
        return Uni.createFrom().<String> emitter(pending::set);
    }
}
