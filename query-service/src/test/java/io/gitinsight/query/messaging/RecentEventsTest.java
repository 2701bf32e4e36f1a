package io.gitinsight.query.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RecentEventsTest {

    @Test
    void recognizesARedeliveredEventAndForgetsTheOldestBeyondItsCapacity() {
        RecentEvents recent = new RecentEvents(2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();

        assertThat(recent.firstTime(first)).isTrue();
        assertThat(recent.firstTime(first)).isFalse();
        assertThat(recent.firstTime(second)).isTrue();
        assertThat(recent.firstTime(third)).isTrue();
        // capacity 2: first was pushed out by third
        assertThat(recent.firstTime(first)).isTrue();
        assertThat(recent.firstTime(third)).isFalse();
    }
}
