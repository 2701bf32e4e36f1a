package io.gitinsight.query.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.model.api.InvalidParameterException;

class ParamsTest {

    private static final Instant NOW = Instant.parse("2024-06-15T12:00:00Z");

    @Test
    void readsTimesAsInstantsOffsetsOrDates() {
        assertThat(Params.time("t", "2024-01-15T10:30:00Z", false)).isEqualTo(Instant.parse("2024-01-15T10:30:00Z"));
        assertThat(Params.time("t", "2024-01-15T12:30:00+02:00", false)).isEqualTo(Instant.parse("2024-01-15T10:30:00Z"));
        assertThat(Params.time("t", "2024-01-15", false)).isEqualTo(Instant.parse("2024-01-15T00:00:00Z"));
        // as an end, a date covers its whole day
        assertThat(Params.time("t", "2024-01-15", true)).isEqualTo(Instant.parse("2024-01-16T00:00:00Z"));
        assertThat(Params.time("t", null, true)).isNull();
    }

    @Test
    void readsSinceAsATimeOrAsDaysBeforeNow() {
        assertThat(Params.since("since", "30d", NOW)).isEqualTo(Instant.parse("2024-05-16T12:00:00Z"));
        assertThat(Params.since("since", "2024-01-01", NOW)).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        assertThatThrownBy(() -> Params.since("since", "30 days", NOW)).isInstanceOf(InvalidParameterException.class)
                .extracting("field").isEqualTo("since");
    }

    @Test
    void acceptsOnlyTheListedValuesCaseInsensitively() {
        assertThat(Params.oneOf("window", "ALL", "90d", List.of("30d", "all"))).isEqualTo("all");
        assertThat(Params.oneOf("window", null, "90d", List.of("30d", "all"))).isEqualTo("90d");
        assertThatThrownBy(() -> Params.oneOf("window", "1y", "90d", List.of("30d"))).extracting("field")
                .isEqualTo("window");
    }

    @Test
    void boundsNumbersAndText() {
        assertThat(Params.range("limit", null, 20, 1, 100)).isEqualTo(20);
        assertThat(Params.range("limit", 100, 20, 1, 100)).isEqualTo(100);
        assertThatThrownBy(() -> Params.range("limit", 101, 20, 1, 100)).extracting("field").isEqualTo("limit");
        assertThat(Params.text("q", "  spaced  ", 10)).isEqualTo("spaced");
        assertThat(Params.text("q", "   ", 10)).isNull();
        assertThatThrownBy(() -> Params.text("q", "x".repeat(11), 10)).extracting("field").isEqualTo("q");
        assertThatThrownBy(() -> Params.required("q", " ", 10)).extracting("field").isEqualTo("q");
    }
}
