package io.gitinsight.analysis.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code gitinsight_analysis_jobs_total{kind, status}}: jobs that ended, by outcome; the "job failures"
 * alert watches the failed rate.
 */
@ApplicationScoped
public class JobMetrics {

    private final MeterRegistry registry;

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void ended(String kind, String status) {
        Counter.builder("gitinsight.analysis.jobs").description("Analysis jobs that ended, by kind and outcome")
                .tag("kind", kind).tag("status", status).register(registry).increment();
    }
}
