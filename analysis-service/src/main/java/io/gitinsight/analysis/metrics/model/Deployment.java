package io.gitinsight.analysis.metrics.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A GitHub deployment of {@code sha} to {@code environment} with its statuses ({@code success},
 * {@code failure}, {@code error}, {@code inactive}, {@code in_progress}, {@code queued}, {@code pending}).
 */
public record Deployment(long id, String environment, String sha, String ref, Instant createdAt,
        List<Status> statuses) {

    public Deployment {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    public record Status(String state, Instant createdAt) {
    }

    /** The status that decided the deployment: the latest of success, failure or error, if any. */
    public Optional<Status> outcome() {
        return statuses.stream()
                .filter(s -> s.state().equals("success") || s.state().equals("failure") || s.state().equals("error"))
                .max(Comparator.comparing(Status::createdAt));
    }

    public boolean succeeded() {
        return outcome().map(s -> s.state().equals("success")).orElse(false);
    }

    public boolean failed() {
        return outcome().map(s -> !s.state().equals("success")).orElse(false);
    }

    /** When the deployment finished: its deciding status's time. */
    public Optional<Instant> finishedAt() {
        return outcome().map(Status::createdAt);
    }
}
