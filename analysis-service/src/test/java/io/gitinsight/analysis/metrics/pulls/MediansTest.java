package io.gitinsight.analysis.metrics.pulls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MediansTest {

    @Test
    void anOddCountTakesTheMiddleValue() {
        assertThat(Medians.of(List.of(9.0, 1.0, 4.0))).isEqualTo(4.0);
    }

    @Test
    void anEvenCountTakesTheMeanOfTheMiddleTwo() {
        // 1 2 | 5 100 → (2 + 5) / 2 = 3.5
        assertThat(Medians.of(List.of(100.0, 2.0, 1.0, 5.0))).isEqualTo(3.5);
    }

    @Test
    void nullsAreSkippedAndNothingHasNoMedian() {
        assertThat(Medians.of(Arrays.asList(null, 3, null))).isEqualTo(3.0);
        assertThat(Medians.of(List.of())).isNull();
        assertThat(Medians.of(Arrays.asList((Double) null))).isNull();
    }
}
