package io.gitinsight.analysis.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.analysis.domain.Actor;
import io.gitinsight.analysis.domain.Job;
import io.gitinsight.analysis.domain.TrackedRepository;
import io.gitinsight.analysis.repository.JobRepository;
import io.gitinsight.analysis.repository.TrackedRepositoryRepository;
import io.gitinsight.messaging.EventPublisher;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.events.AnalysisCompleted;
import io.gitinsight.model.events.AnalysisProgress;
import io.gitinsight.model.events.AnalysisRequested;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Starting analyses and following them: a job is created (at most one active per repository), the
 * request published with confirms, and the job moved along by ingestion's progress events. A job whose
 * request the broker would not take fails at once (503) instead of waiting forever.
 */
@ApplicationScoped
public class AnalysisJobService {

    private static final Logger LOG = Logger.getLogger(AnalysisJobService.class);

    private final Pool pool;
    private final JobRepository jobs;
    private final TrackedRepositoryRepository repositories;
    private final RepositoryService repositoryService;
    private final EventPublisher publisher;
    private final JobMetrics metrics;

    public AnalysisJobService(Pool pool, JobRepository jobs, TrackedRepositoryRepository repositories,
            RepositoryService repositoryService, EventPublisher publisher, JobMetrics metrics) {
        this.pool = pool;
        this.jobs = jobs;
        this.repositories = repositories;
        this.repositoryService = repositoryService;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Starts an analysis: full the first time, incremental (since the last one) afterwards. */
    public Uni<Job> analyze(UUID repositoryId, Actor actor) {
        return repositoryService.visible(repositoryId, actor).chain(repo -> start(repo, actor == null ? null : actor.userId()));
    }

    public Uni<Job> start(TrackedRepository repo, UUID requestedBy) {
        Instant since = repo.lastAnalyzed();
        return jobs.create(UUID.randomUUID(), "repository", repo.id(), null, requestedBy, since).chain(job -> {
            if (job == null) {
                return jobs.active(repo.id()).map(active -> {
                    throw new ApiException(ErrorCode.ANALYSIS_IN_PROGRESS, "an analysis of " + repo.fullName()
                            + " is already running", Map.of("job_id", active == null ? "" : active.id().toString()));
                });
            }
            AnalysisRequested request = new AnalysisRequested(job.id(), repo.id(), repo.onGitHub() ? repo.fullName() : null,
                    repo.cloneUrl(), repo.defaultBranch(), since, requestedBy != null ? requestedBy : repo.addedBy());
            return pool.withTransaction(conn -> repositories.status(conn, repo.id(), "queued"))
                    .chain(() -> publisher.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_REQUESTED,
                            job.id().toString(), repo.id(), request)))
                    .onFailure().call(e -> fail(job, "the analysis request could not be queued: " + e.getMessage()))
                    .onFailure().transform(e -> new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 503,
                            "the message broker did not accept the analysis request", Map.of("upstream", "rabbitmq"), e))
                    .replaceWith(job);
        });
    }

    /** Ingestion's progress: the job moves along; a failed sync fails the job. */
    public Uni<Void> onProgress(UUID repositoryId, AnalysisProgress progress) {
        if (progress.jobId() == null) {
            return Uni.createFrom().voidItem();
        }
        return jobs.find(progress.jobId()).chain(job -> {
            if (job == null || !job.active() || !"repository".equals(job.kind())) {
                return Uni.createFrom().voidItem();
            }
            if ("failed".equals(progress.stage())) {
                return fail(job, progress.errorMessage() == null ? "the sync failed" : progress.errorMessage());
            }
            // ingestion's share of the job is its first 80%; analysis reports the rest itself
            int percent = Math.min(80, progress.progress() * 80 / 100);
            return pool.withTransaction(conn -> jobs.progress(conn, job.id(), progress.stage(), percent,
                    progress.itemsProcessed(), progress.itemsTotal(), progress.github())
                    .call(() -> repositories.status(conn, job.repositoryId(), "running")));
        });
    }

    /** Fails a job and says so on the bus (query's streams and caches listen). */
    public Uni<Void> fail(Job job, String message) {
        LOG.warnf("job %s failed: %s", job.id(), message);
        return pool
                .withTransaction(conn -> jobs.fail(conn, job.id(), message).call(failed -> failed && job.repositoryId() != null
                        ? repositories.status(conn, job.repositoryId(), "failed")
                        : Uni.createFrom().voidItem()))
                .invoke(failed -> {
                    if (failed) {
                        metrics.ended(job.kind(), "failed");
                    }
                })
                .chain(failed -> !failed ? Uni.createFrom().voidItem()
                        : publisher.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_COMPLETED, job.id().toString(),
                                job.repositoryId(), new AnalysisCompleted(job.id(), "failed", null, message)))
                                .onFailure().recoverWithNull().replaceWithVoid());
    }
}
