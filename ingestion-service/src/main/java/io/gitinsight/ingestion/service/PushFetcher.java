package io.gitinsight.ingestion.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.ingestion.git.GitMirror;
import io.gitinsight.ingestion.repository.SyncJobRepository;
import io.gitinsight.model.events.GitHubEventReceived;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A push to a repository ingestion mirrors fetches the mirror at once, so the next (incremental)
 * analysis starts from a current history and spends its time on new commits only. Runs after the
 * delivery is acknowledged; a failed fetch is logged and retried by the next sync.
 */
@ApplicationScoped
public class PushFetcher {

    private static final Logger LOG = Logger.getLogger(PushFetcher.class);

    private final SyncJobRepository jobs;
    private final GitMirror mirror;

    public PushFetcher(SyncJobRepository jobs, GitMirror mirror) {
        this.jobs = jobs;
        this.mirror = mirror;
    }

    public void onEvent(GitHubEventReceived event) {
        if (!"push".equals(event.event()) || event.repositoryFullName() == null) {
            return;
        }
        jobs.mirroredAs(event.repositoryFullName()).onItem().transformToMulti(list -> io.smallrye.mutiny.Multi
                .createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(mirrored -> Uni.createFrom().item(() -> {
                    try (var repository = mirror.sync(mirrored.repositoryId(), mirrored.cloneUrl(), null)) {
                        return repository.getDirectory();
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .subscribe().with(dir -> LOG.infof("push to %s: mirror %s fetched", event.repositoryFullName(), dir),
                        e -> LOG.warnf("push to %s: mirror fetch failed: %s", event.repositoryFullName(), e.toString()));
    }
}
