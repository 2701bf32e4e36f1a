package io.gitinsight.ingestion.service;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.ingestion.git.GitMirror;
import io.gitinsight.ingestion.repository.SyncJobRepository;
import io.gitinsight.model.events.GitHubEventReceived;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * A push to a repository ingestion mirrors fetches the mirror at once, so the next (incremental)
 * analysis starts from a current history and spends its time on new commits only. The fetch uses the
 * GitHub token of whoever asked for the last sync (a private repository), else the server's. Runs after
 * the delivery is acknowledged; a failed fetch is logged and retried by the next sync.
 */
@ApplicationScoped
public class PushFetcher {

    private static final Logger LOG = Logger.getLogger(PushFetcher.class);

    private final SyncJobRepository jobs;
    private final GitMirror mirror;
    private final GitHubTokenService tokens;

    public PushFetcher(SyncJobRepository jobs, GitMirror mirror, GitHubTokenService tokens) {
        this.jobs = jobs;
        this.mirror = mirror;
        this.tokens = tokens;
    }

    public void onEvent(GitHubEventReceived event) {
        if (!"push".equals(event.event()) || event.repositoryFullName() == null) {
            return;
        }
        // only repositories synced by full name match: their clone URL is the one GitHub's API gave
        jobs.mirroredAs(event.repositoryFullName()).onItem().transformToMulti(list -> Multi.createFrom().iterable(list))
                .onItem().transformToUniAndConcatenate(mirrored -> tokens.forUser(mirrored.requestedBy())
                        .chain(credentials -> Uni.createFrom().item(() -> fetch(mirrored, credentials.token()))
                                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())))
                .subscribe().with(dir -> LOG.infof("push to %s: mirror %s fetched", event.repositoryFullName(), dir),
                        e -> LOG.warnf("push to %s: mirror fetch failed: %s", event.repositoryFullName(), e.toString()));
    }

    private java.io.File fetch(SyncJobRepository.Mirrored mirrored, String token) {
        try (var repository = mirror.sync(mirrored.repositoryId(), mirrored.cloneUrl(), token)) {
            return repository.getDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
