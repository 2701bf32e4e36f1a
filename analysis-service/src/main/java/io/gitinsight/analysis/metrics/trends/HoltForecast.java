package io.gitinsight.analysis.metrics.trends;

import java.util.ArrayList;
import java.util.List;

/**
 * Holt's linear method (double exponential smoothing) with prediction intervals, after Hyndman &amp;
 * Athanasopoulos, <i>Forecasting: Principles and Practice</i>, 3rd ed. (OTexts, 2021), §8.2 and §8.7:
 *
 * <pre>
 * level  ℓ_t = α·y_t + (1 − α)(ℓ_{t−1} + b_{t−1})
 * trend  b_t = β·(ℓ_t − ℓ_{t−1}) + (1 − β)·b_{t−1}
 * ŷ_{T+h|T} = ℓ_T + h·b_T
 * σ_h² = σ²·(1 + Σ_{j=1}^{h−1} (α(1 + jβ))²)
 * </pre>
 *
 * The variance is that of ETS(A,A,N), the state-space model behind Holt's method, whose trend parameter is α·β in
 * the smoothing form above (FPP3 §8.5), so its {@code (α + β_ets·j)²} terms read {@code (α(1 + jβ))²}; summed in
 * closed form they give FPP3's {@code (h−1)(α² + αβ_ets·h + β_ets²·h(2h−1)/6)}.
 *
 * <p>
 * Start: {@code ℓ_0 = y_0}, {@code b_0 = y_1 − y_0}. The one-step forecast of {@code y_1} is then {@code y_1}
 * exactly, so the residuals are those of {@code y_2 … y_{n−1}}, and σ is their root mean square (the maximum
 * likelihood estimate). Parameters are given or chosen on the grid {0.1, 0.2, …, 0.9}² minimizing the sum of squared
 * one-step residuals (the first, i.e. smallest α then β, wins a tie).
 */
public final class HoltForecast {

    /** The normal quantile of a 95% interval. */
    public static final double Z_95 = 1.96;
    public static final int MIN_POINTS = 3;

    private static final double[] GRID = { 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 };

    private final double alpha;
    private final double beta;
    private final double level;
    private final double trend;
    private final double sse;
    private final int residuals;

    private HoltForecast(double alpha, double beta, double level, double trend, double sse, int residuals) {
        this.alpha = alpha;
        this.beta = beta;
        this.level = level;
        this.trend = trend;
        this.sse = sse;
        this.residuals = residuals;
    }

    /** One forecast step: {@code h} buckets ahead, the point forecast and its 95% interval. */
    public record Step(int h, double value, double low, double high) {
    }

    /** Fits with α and β chosen on the grid. */
    public static HoltForecast fit(double[] y) {
        HoltForecast best = null;
        for (double a : GRID) {
            for (double b : GRID) {
                HoltForecast candidate = fit(y, a, b);
                if (best == null || candidate.sse < best.sse) {
                    best = candidate;
                }
            }
        }
        return best;
    }

    public static HoltForecast fit(double[] y, double alpha, double beta) {
        if (y.length < MIN_POINTS) {
            throw new IllegalArgumentException("Holt's method needs at least " + MIN_POINTS + " points, got " + y.length);
        }
        if (!(alpha > 0 && alpha < 1 && beta > 0 && beta < 1)) {
            throw new IllegalArgumentException("alpha and beta must lie in (0, 1), got " + alpha + ", " + beta);
        }
        double level = y[0];
        double trend = y[1] - y[0];
        double sse = 0;
        for (int t = 1; t < y.length; t++) {
            double error = y[t] - (level + trend);
            if (t >= 2) {
                sse += error * error;
            }
            double previousLevel = level;
            level = alpha * y[t] + (1 - alpha) * (level + trend);
            trend = beta * (level - previousLevel) + (1 - beta) * trend;
        }
        return new HoltForecast(alpha, beta, level, trend, sse, y.length - 2);
    }

    /**
     * Forecasts {@code horizon} steps ahead. With {@code nonNegative} (counts, durations) the point and both bounds
     * are clamped at 0: the interval's normal tails know nothing of a series that cannot go below zero.
     */
    public List<Step> forecast(int horizon, boolean nonNegative) {
        List<Step> steps = new ArrayList<>();
        double sigma = sigma();
        double varianceFactor = 1;
        for (int h = 1; h <= horizon; h++) {
            if (h > 1) {
                double c = alpha * (1 + (h - 1) * beta);
                varianceFactor += c * c;
            }
            double value = level + h * trend;
            double half = Z_95 * sigma * Math.sqrt(varianceFactor);
            double low = value - half;
            double high = value + half;
            if (nonNegative) {
                value = Math.max(0, value);
                low = Math.max(0, low);
                high = Math.max(0, high);
            }
            steps.add(new Step(h, value, low, high));
        }
        return steps;
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    public double level() {
        return level;
    }

    public double trend() {
        return trend;
    }

    /** Sum of squared one-step residuals. */
    public double sse() {
        return sse;
    }

    /** Root mean square of the one-step residuals. */
    public double sigma() {
        return Math.sqrt(sse / residuals);
    }
}
