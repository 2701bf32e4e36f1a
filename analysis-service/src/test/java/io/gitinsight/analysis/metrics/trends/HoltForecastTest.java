package io.gitinsight.analysis.metrics.trends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class HoltForecastTest {

    @Test
    void aPerfectlyLinearSeriesIsContinuedWithANarrowInterval() {
        double[] line = new double[10];
        for (int t = 0; t < line.length; t++) {
            line[t] = 3 + 2 * t; // 3, 5, …, 21
        }

        List<HoltForecast.Step> steps = HoltForecast.fit(line).forecast(3, false);

        // every one-step forecast is exact, so σ = 0: the line goes on 23, 25, 27 with no spread
        assertThat(steps).extracting(HoltForecast.Step::value)
                .satisfiesExactly(v -> assertThat(v).isCloseTo(23, within(1e-9)),
                        v -> assertThat(v).isCloseTo(25, within(1e-9)), v -> assertThat(v).isCloseTo(27, within(1e-9)));
        assertThat(steps).allSatisfy(s -> assertThat(s.high() - s.low()).isLessThan(1e-6));
    }

    @Test
    void fixedParametersFollowTheTextbookRecursionAndIntervalFormula() {
        HoltForecast holt = HoltForecast.fit(new double[] { 1, 3, 2, 4 }, 0.5, 0.5);

        // ℓ0 = 1, b0 = 2. t=1: ŷ = 3 = y1 (no residual); ℓ = .5·3 + .5·3 = 3, b = .5·(3−1) + .5·2 = 2.
        // t=2: ŷ = 5, e = −3; ℓ = .5·2 + .5·5 = 3.5, b = .5·0.5 + .5·2 = 1.25.
        // t=3: ŷ = 4.75, e = −0.75; ℓ = .5·4 + .5·4.75 = 4.375, b = .5·0.875 + .5·1.25 = 1.0625.
        // SSE = 9 + 0.5625 = 9.5625 over 2 residuals: σ = √4.78125 ≈ 2.18661
        assertThat(holt.level()).isEqualTo(4.375);
        assertThat(holt.trend()).isEqualTo(1.0625);
        assertThat(holt.sse()).isEqualTo(9.5625);
        assertThat(holt.sigma()).isCloseTo(Math.sqrt(4.78125), within(1e-12));

        List<HoltForecast.Step> steps = holt.forecast(3, false);
        double sigma = Math.sqrt(4.78125);
        // h=1: 4.375 + 1.0625 = 5.4375 ± 1.96σ
        // h=2: 6.5 ± 1.96σ·√(1 + (.5·(1 + .5))²) = 1.96σ·√1.5625 = 1.96σ·1.25
        // h=3: 7.5625 ± 1.96σ·√(1.5625 + (.5·(1 + 2·.5))²) = 1.96σ·√2.5625; FPP3's closed form agrees:
        // 1 + (h−1)(α² + α·β_ets·h + β_ets²·h(2h−1)/6) with β_ets = αβ = .25 → 1 + 2·(.25 + .375 + .15625) = 2.5625
        assertThat(steps.get(0).value()).isEqualTo(5.4375);
        assertThat(steps.get(0).high() - steps.get(0).value()).isCloseTo(1.96 * sigma, within(1e-12));
        assertThat(steps.get(1).value()).isEqualTo(6.5);
        assertThat(steps.get(1).high() - steps.get(1).value()).isCloseTo(1.96 * sigma * 1.25, within(1e-12));
        assertThat(steps.get(2).value()).isEqualTo(7.5625);
        assertThat(steps.get(2).value() - steps.get(2).low()).isCloseTo(1.96 * sigma * Math.sqrt(2.5625),
                within(1e-12));
    }

    @Test
    void onANoisySeriesTheIntervalWidensWithTheHorizon() {
        double[] noisy = { 5, 9, 4, 11, 6, 12, 7, 13, 8, 15 };

        HoltForecast holt = HoltForecast.fit(noisy);
        List<HoltForecast.Step> steps = holt.forecast(6, false);

        assertThat(holt.sigma()).isPositive();
        for (int h = 1; h < steps.size(); h++) {
            assertThat(width(steps.get(h))).isGreaterThan(width(steps.get(h - 1)));
        }
        // the grid search keeps the pair with the least squared one-step error
        for (double a = 0.1; a < 0.95; a += 0.1) {
            for (double b = 0.1; b < 0.95; b += 0.1) {
                assertThat(holt.sse()).isLessThanOrEqualTo(HoltForecast.fit(noisy, a, b).sse() + 1e-9);
            }
        }
    }

    @Test
    void countsAreNotForecastBelowZero() {
        // 10, 8, 6, 4 goes on 2, 0, −2: the last is clamped to 0, as are the lower bounds
        List<HoltForecast.Step> steps = HoltForecast.fit(new double[] { 10, 8, 6, 4 }).forecast(3, true);

        assertThat(steps).extracting(HoltForecast.Step::value)
                .satisfiesExactly(v -> assertThat(v).isCloseTo(2, within(1e-9)),
                        v -> assertThat(v).isCloseTo(0, within(1e-9)), v -> assertThat(v).isEqualTo(0.0));
        assertThat(steps).allSatisfy(s -> assertThat(s.low()).isGreaterThanOrEqualTo(0.0));
    }

    @Test
    void tooShortASeriesOrParametersOutsideTheUnitIntervalAreRefused() {
        assertThatThrownBy(() -> HoltForecast.fit(new double[] { 1, 2 }))
                .hasMessage("Holt's method needs at least 3 points, got 2");
        assertThatThrownBy(() -> HoltForecast.fit(new double[] { 1, 2, 3 }, 1.0, 0.5))
                .hasMessageContaining("alpha and beta must lie in (0, 1)");
    }

    private static double width(HoltForecast.Step s) {
        return s.high() - s.low();
    }
}
