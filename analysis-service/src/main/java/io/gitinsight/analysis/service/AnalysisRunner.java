package io.gitinsight.analysis.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.analysis.domain.AnalysisResult;
import io.gitinsight.analysis.domain.Job;
import io.gitinsight.analysis.domain.TrackedRepository;
import io.gitinsight.analysis.repository.FactReader;
import io.gitinsight.analysis.repository.FactRepository;
import io.gitinsight.analysis.repository.JobRepository;
import io.gitinsight.analysis.repository.ResultRepository;
import io.gitinsight.analysis.repository.TrackedRepositoryRepository;
import io.gitinsight.messaging.EventPublisher;
import io.gitinsight.model.events.AnalysisCompleted;
import io.gitinsight.model.events.AnalysisProgress;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.events.InsightsGenerated;
import io.gitinsight.model.json.Json;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The compute stage: reads a repository's facts, runs the metrics engine, writes the results and tells
 * the others. Runs under a per-repository advisory lock, so two triggers (the last batch and its
 * redelivery, or a webhook) never compute the same repository at once; results are written before the
 * job is marked completed and the events are published after the commit, so a crash in between repeats
 * the (idempotent) computation instead of losing it.
 */
@ApplicationScoped
public class AnalysisRunner {

    private static final Logger LOG = Logger.getLogger(AnalysisRunner.class);

    private final Pool pool;
    private final JobRepository jobs;
    private final TrackedRepositoryRepository repositories;
    private final FactReader facts;
    private final FactRepository factStore;
    private final ResultRepository results;
    private final MetricsCalculator calculator;
    private final EventPublisher publisher;
    private final JobMetrics metrics;

    public AnalysisRunner(Pool pool, JobRepository jobs, TrackedRepositoryRepository repositories, FactReader facts,
            FactRepository factStore, ResultRepository results, MetricsCalculator calculator, EventPublisher publisher,
            JobMetrics metrics) {
        this.factStore = factStore;
        this.pool = pool;
        this.jobs = jobs;
        this.repositories = repositories;
        this.facts = facts;
        this.results = results;
        this.calculator = calculator;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Completes a job whose data is all in. */
    public Uni<Void> run(UUID jobId) {
        return jobs.find(jobId).chain(job -> {
            if (job == null || !job.active()) {
                return Uni.createFrom().voidItem();
            }
            return progress(job, "analyzing", 90)
                    .chain(() -> pool.withTransaction(conn -> lock(conn, job.repositoryId())
                            .chain(() -> jobs.find(conn, jobId))
                            .chain(current -> current == null || !current.active() ? Uni.createFrom().nullItem()
                                    : forgetRewrittenHistory(conn, current)
                                            .chain(() -> compute(conn, job.repositoryId(), current, true)))))
                    .chain(outcome -> outcome == null ? Uni.createFrom().voidItem()
                            : announce(job, outcome)
                                    .chain(() -> pool.withTransaction(conn -> jobs.complete(conn, jobId)))
                                    .invoke(() -> metrics.ended("repository", "completed")))
                    .onFailure(ComputationFailed.class).recoverWithUni(e -> fail(job, e.getCause()));
        });
    }

    /** Recomputes a repository from what is stored (a webhook changed a fact); no new insights. */
    public Uni<Void> recompute(UUID repositoryId) {
        return pool.withTransaction(conn -> lock(conn, repositoryId).chain(() -> compute(conn, repositoryId, null, false)))
                .chain(outcome -> outcome == null ? Uni.createFrom().voidItem()
                        : publisher.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_COMPLETED, repositoryId.toString(),
                                repositoryId, new AnalysisCompleted(null, "completed", headline(outcome.result()), null))));
    }

    private record Outcome(AnalysisResult result, List<UUID> insightIds) {
    }

    /** A job that synced the whole history: the commits it did not send are no longer in it. */
    private Uni<Void> forgetRewrittenHistory(SqlConnection conn, Job job) {
        if (!job.fullHistory()) {
            return Uni.createFrom().voidItem();
        }
        return factStore.forgetCommitsNotSeenBy(conn, job.repositoryId(), job.id()).invoke(forgotten -> {
            if (forgotten > 0) {
                LOG.infof("job %s: %d commits of %s are no longer in the history of %s (rewritten or another "
                        + "branch) and were forgotten", job.id(), forgotten, job.repositoryId(), job.headSha());
            }
        }).replaceWithVoid();
    }

    /** {@code job}: the sync job whose data is in, or null for a recomputation after a webhook. */
    private Uni<Outcome> compute(SqlConnection conn, UUID repositoryId, Job job, boolean withInsights) {
        UUID jobId = job == null ? null : job.id();
        String headSha = job == null ? null : job.headSha();
        return repositories.find(repositoryId).chain(repo -> repo == null ? Uni.createFrom().nullItem()
                : facts.read(conn, repositoryId)
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(read -> calculate(repo, read, withInsights, headSha))
                        .chain(result -> results.write(conn, repositoryId, jobId, result)
                                .call(() -> repositories.analyzed(conn, repositoryId, result.computedAt(), result.headSha()))
                                .map(ids -> new Outcome(result, ids))));
    }

    private AnalysisResult calculate(TrackedRepository repo, FactReader.Facts read, boolean withInsights,
            String headSha) {
        long started = System.nanoTime();
        AnalysisResult result;
        try {
            result = calculator.calculate(repo, read, Instant.now());
        } catch (RuntimeException e) {
            throw new ComputationFailed(e);
        }
        LOG.infof("analyzed %s: %d commits, %d pull requests in %d ms", repo.fullName(), read.commits().size(),
                read.pullRequests().size(), (System.nanoTime() - started) / 1_000_000);
        return new AnalysisResult(result.computedAt(), result.metricsByWindow(), result.contributors(),
                result.pullRequests(), result.series(), withInsights ? result.insights() : List.of(), headSha);
    }

    private Uni<Void> announce(Job job, Outcome outcome) {
        UUID repo = job.repositoryId();
        String correlation = job.id().toString();
        List<String> types = outcome.result().insights().stream().map(AnalysisResult.InsightRow::type).toList();
        return publisher.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_COMPLETED, correlation, repo,
                new AnalysisCompleted(job.id(), "completed", headline(outcome.result()), null)))
                .chain(() -> publisher.publish(EventEnvelope.of(EventType.REPOSITORY_INSIGHTS_GENERATED, correlation, repo,
                        new InsightsGenerated(job.id(), outcome.insightIds(), types))));
    }

    private Uni<Void> fail(Job job, Throwable e) {
        String message = "analysis failed: " + e.getMessage();
        LOG.errorf(e, "job %s failed", job.id());
        metrics.ended("repository", "failed");
        return pool.withTransaction(conn -> jobs.fail(conn, job.id(), message)
                .call(() -> repositories.status(conn, job.repositoryId(), "failed")))
                .chain(() -> publisher.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_COMPLETED, job.id().toString(),
                        job.repositoryId(), new AnalysisCompleted(job.id(), "failed", null, message))));
    }

    private Uni<Void> progress(Job job, String stage, int percent) {
        return pool.withTransaction(conn -> jobs.progress(conn, job.id(), stage, percent, job.itemsProcessed(),
                job.itemsTotal(), null))
                .chain(() -> publisher.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_PROGRESS, job.id().toString(),
                        job.repositoryId(), new AnalysisProgress(job.id(), stage, percent, job.itemsProcessed(),
                                job.itemsTotal()))));
    }

    /** The engine refused the data: the job fails (retrying would fail the same way); I/O errors are retried. */
    static final class ComputationFailed extends RuntimeException {
        ComputationFailed(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static Uni<Void> lock(SqlConnection conn, UUID repositoryId) {
        return conn.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                .execute(Tuple.of(repositoryId.toString())).replaceWithVoid();
    }

    /** The numbers an {@code analysis.completed} event carries: the 90-day headline. */
    static com.fasterxml.jackson.databind.JsonNode headline(AnalysisResult result) {
        Map<String, Object> metrics = result.metricsByWindow().getOrDefault("90d", Map.of());
        Map<String, Object> all = result.metricsByWindow().getOrDefault("all", Map.of());
        Map<String, Object> headline = new LinkedHashMap<>();
        for (String key : List.of("commit_count", "code_churn", "active_days", "contributors", "bus_factor")) {
            headline.put(key, metrics.get(key));
        }
        headline.put("loc", all.get("loc"));
        headline.put("primary_language", all.get("primary_language"));
        headline.put("total_commits", all.get("commit_count"));
        return Json.mapper().valueToTree(headline);
    }
}
