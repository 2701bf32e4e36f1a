package io.gitinsight.query.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RecentEventsTest {

    @Test
    void anIdIsNewOnceAndForgottenWhenItIsTheOldestBeyondTheCapacity() {
        RecentEvents recent = new RecentEvents(2);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID third = UUID.randomUUID();

        assertThat(recent.firstTime(first)).isTrue();
        assertThat(recent.firstTime(first)).isFalse();
        assertThat(recent.firstTime(second)).isTrue();
        // a third id pushes the oldest (first) out
        assertThat(recent.firstTime(third)).isTrue();
        assertThat(recent.firstTime(second)).isFalse();
        assertThat(recent.firstTime(third)).isFalse();
        assertThat(recent.firstTime(first)).isTrue();
    }
}
