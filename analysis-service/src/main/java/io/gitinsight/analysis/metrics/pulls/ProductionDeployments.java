package io.gitinsight.analysis.metrics.pulls;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.gitinsight.analysis.metrics.model.Deployment;

/**
 * The production deployments of a repository and, for any commit, the first successful one that shipped it.
 *
 * <p>
 * "Contains the merge commit" means the deployed sha is the commit or descends from it. Walking the successful
 * deployments in the order they finished, each one claims the commits it reaches that no earlier one reached, so
 * the first deployment containing every commit is known after one pass over the history.
 */
public final class ProductionDeployments {

    public static final String DEFAULT_ENVIRONMENT = "production";

    private final Map<String, Instant> firstDeployedAt = new HashMap<>();

    public ProductionDeployments(CommitGraph graph, List<Deployment> deployments, String environment) {
        Set<String> claimed = new HashSet<>();
        for (Deployment d : decided(deployments, environment)) {
            if (!d.succeeded()) {
                continue;
            }
            Instant finished = d.finishedAt().orElseThrow();
            if (!graph.contains(d.sha())) {
                firstDeployedAt.putIfAbsent(d.sha(), finished);
                continue;
            }
            // claimed is the union of earlier deployments' ancestries, so it is closed under ancestry
            Set<String> shipped = graph.reachableAvoiding(d.sha(), claimed);
            shipped.forEach(sha -> firstDeployedAt.put(sha, finished));
            claimed.addAll(shipped);
        }
    }

    /** When the first successful production deployment containing {@code sha} finished. */
    public Optional<Instant> firstDeployedAt(String sha) {
        return Optional.ofNullable(sha == null ? null : firstDeployedAt.get(sha));
    }

    /**
     * The deployments to {@code environment} (compared ignoring case) that were decided — ended in success,
     * failure or error — in the order they finished.
     */
    public static List<Deployment> decided(List<Deployment> deployments, String environment) {
        return deployments.stream()
                .filter(d -> d.environment() != null && d.environment().equalsIgnoreCase(environment))
                .filter(d -> d.outcome().isPresent())
                .sorted(Comparator.comparing((Deployment d) -> d.finishedAt().orElseThrow())
                        .thenComparingLong(Deployment::id))
                .toList();
    }
}
