package io.gitinsight.analysis.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.analysis.domain.AnalysisResult;
import io.gitinsight.analysis.domain.TrackedRepository;
import io.gitinsight.analysis.repository.FactReader;

@ApplicationScoped
public class MetricsCalculator {
    public AnalysisResult calculate(TrackedRepository repo, FactReader.Facts facts, Instant now) {
        throw new UnsupportedOperationException("WIP");
    }
}
