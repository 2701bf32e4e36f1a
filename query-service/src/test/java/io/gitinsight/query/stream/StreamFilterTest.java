package io.gitinsight.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class StreamFilterTest {

    private static final UUID REPO = UUID.fromString("8f0e2a6c-3b7e-4c1e-9a51-0c9d3f1b2a77");
    private final StreamMessage push = new StreamMessage(StreamMessage.GITHUB, REPO, Instant.EPOCH, null, "push",
            "Octo/Hello");

    @Test
    void matchesEverythingWithoutFilters() {
        assertThat(StreamFilter.NONE.matches(push)).isTrue();
        assertThat(StreamFilter.of(null, null).matches(push)).isTrue();
    }

    @Test
    void matchesTheEventTypeAndTheRepositoryByIdOrNameInAnyCase() {
        assertThat(StreamFilter.of("PUSH", null).matches(push)).isTrue();
        assertThat(StreamFilter.of("pull_request", null).matches(push)).isFalse();
        assertThat(StreamFilter.of(null, REPO.toString()).matches(push)).isTrue();
        assertThat(StreamFilter.of(null, UUID.randomUUID().toString()).matches(push)).isFalse();
        assertThat(StreamFilter.of("push", "octo/hello").matches(push)).isTrue();
        assertThat(StreamFilter.of("push", "octo/other").matches(push)).isFalse();
    }

    @Test
    void neverMatchesARepositoryFilterForAnEventWithoutRepository() {
        StreamMessage orgEvent = new StreamMessage(StreamMessage.GITHUB, null, Instant.EPOCH, null, "member", null);
        assertThat(StreamFilter.of(null, "octo/hello").matches(orgEvent)).isFalse();
        assertThat(StreamFilter.of(null, REPO.toString()).matches(orgEvent)).isFalse();
        assertThat(StreamFilter.of("member", null).matches(orgEvent)).isTrue();
    }
}
