package io.gitinsight.analysis.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.analysis.config.AnalysisConfig;
import io.gitinsight.analysis.repository.JobRepository;
import io.gitinsight.analysis.repository.TrackedRepositoryRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Keeps analyses current: each repository is re-analyzed incrementally once its
 * {@code analysis_interval_hours} have passed since the last analysis, and a job that stopped moving
 * (its sync was lost, a batch never came) is failed after the job timeout instead of blocking the
 * repository forever. Replicas may run this at once: the one-active-job index lets one of them win.
 */
@ApplicationScoped
public class AnalysisScheduler {

    private static final Logger LOG = Logger.getLogger(AnalysisScheduler.class);
    private static final int BATCH = 50;

    private final TrackedRepositoryRepository repositories;
    private final JobRepository jobs;
    private final AnalysisJobService analyses;
    private final AnalysisConfig config;

    public AnalysisScheduler(TrackedRepositoryRepository repositories, JobRepository jobs, AnalysisJobService analyses,
            AnalysisConfig config) {
        this.repositories = repositories;
        this.jobs = jobs;
        this.analyses = analyses;
        this.config = config;
    }

    @Scheduled(every = "${gitinsight.analysis.scheduler-every}", delayed = "${gitinsight.analysis.scheduler-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return runOnce(Instant.now());
    }

    /** One round: fail stalled jobs, then start the due analyses; answers when both are done. */
    public Uni<Void> runOnce(Instant now) {
        return jobs.stalled(now.minus(config.jobTimeout()))
                .chain(stalled -> Multi.createFrom().iterable(stalled).onItem()
                        .transformToUniAndConcatenate(job -> analyses.fail(job, "the job made no progress for "
                                + config.jobTimeout().toMinutes() + " minutes"))
                        .collect().last())
                .chain(() -> repositories.due(now, BATCH))
                .chain(due -> Multi.createFrom().iterable(due).onItem()
                        .transformToUniAndConcatenate(repo -> analyses.start(repo, null).replaceWithVoid()
                                .onFailure().recoverWithItem(e -> {
                                    LOG.warnf("scheduled analysis of %s not started: %s", repo.fullName(), e.getMessage());
                                    return null;
                                }))
                        .collect().last())
                .replaceWithVoid();
    }
}
