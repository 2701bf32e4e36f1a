package io.gitinsight.support.metrics;

import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * Fixed latency buckets for {@code http_server_requests_seconds}, so Prometheus can compute p99 across
 * replicas (the p99-latency alert) — seven buckets per uri and status instead of Micrometer's ~70 of a full
 * percentile histogram.
 */
public class LatencyBuckets {

    static final double[] SECONDS = { 0.1, 0.25, 0.5, 1, 2, 5, 10 };

    @Produces
    @Singleton
    public MeterFilter httpServerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                double[] nanos = new double[SECONDS.length];
                for (int i = 0; i < SECONDS.length; i++) {
                    nanos[i] = Duration.ofMillis((long) (SECONDS[i] * 1000)).toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config);
            }
        };
    }
}
