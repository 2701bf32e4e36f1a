package io.gitinsight.analysis.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.analysis.config.AnalysisConfig;
import io.gitinsight.analysis.domain.TrackedRepository;
import io.gitinsight.analysis.repository.FactRepository;
import io.gitinsight.analysis.repository.ProcessedEventRepository;
import io.gitinsight.analysis.repository.TrackedRepositoryRepository;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.GitHubEventReceived;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A webhook event of a tracked repository: its fact is stored at once (idempotently, keyed by the
 * envelope), and the repository's metrics are recomputed from the stored facts shortly after, once per
 * burst (debounced per repository). A push to the default branch starts an incremental analysis, which
 * brings the new commits.
 */
@ApplicationScoped
public class WebhookEventService {

    private static final Logger LOG = Logger.getLogger(WebhookEventService.class);
    static final String CONSUMER = "github-event";

    private final Pool pool;
    private final ProcessedEventRepository processed;
    private final TrackedRepositoryRepository repositories;
    private final FactRepository facts;
    private final AnalysisRunner runner;
    private final AnalysisJobService jobs;
    private final Vertx vertx;
    private final long debounceMillis;
    private final Map<UUID, Boolean> pending = new ConcurrentHashMap<>();

    public WebhookEventService(Pool pool, ProcessedEventRepository processed, TrackedRepositoryRepository repositories,
            FactRepository facts, AnalysisRunner runner, AnalysisJobService jobs, Vertx vertx, AnalysisConfig config) {
        this.pool = pool;
        this.processed = processed;
        this.repositories = repositories;
        this.facts = facts;
        this.runner = runner;
        this.jobs = jobs;
        this.vertx = vertx;
        this.debounceMillis = config.webhookDebounce().toMillis();
    }

    public Uni<Void> accept(EventEnvelope envelope) {
        GitHubEventReceived event = envelope.payloadAs(GitHubEventReceived.class);
        return tracked(event).chain(repo -> {
            if (repo == null) {
                return Uni.createFrom().voidItem();
            }
            if ("push".equals(event.event())) {
                return onPush(repo, event);
            }
            return WebhookFacts.of(event)
                    .map(fact -> pool.withTransaction(conn -> processed.claim(conn, envelope.id(), CONSUMER)
                            .chain(fresh -> fresh ? store(conn, repo.id(), fact) : Uni.createFrom().voidItem()))
                            .invoke(() -> scheduleRecompute(repo.id())))
                    .orElse(Uni.createFrom().voidItem());
        });
    }

    private Uni<TrackedRepository> tracked(GitHubEventReceived event) {
        if (event.repositoryGithubId() != null) {
            return repositories.findByGithubId(event.repositoryGithubId())
                    .chain(found -> found != null || event.repositoryFullName() == null
                            ? Uni.createFrom().item(found)
                            : repositories.findByFullName(event.repositoryFullName()));
        }
        return event.repositoryFullName() == null ? Uni.createFrom().nullItem()
                : repositories.findByFullName(event.repositoryFullName());
    }

    private Uni<Void> store(io.vertx.mutiny.sqlclient.SqlConnection conn, UUID repo, WebhookFacts.Fact fact) {
        if (fact instanceof WebhookFacts.PullRequestFact f) {
            return facts.pullRequests(conn, repo, List.of(f.pullRequest()));
        }
        if (fact instanceof WebhookFacts.ReviewFact f) {
            return facts.reviews(conn, repo, List.of(f.review()));
        }
        if (fact instanceof WebhookFacts.IssueFact f) {
            return facts.issues(conn, repo, List.of(f.issue()));
        }
        if (fact instanceof WebhookFacts.DeploymentFact f) {
            return facts.deployments(conn, repo, List.of(f.deployment()));
        }
        if (fact instanceof WebhookFacts.StatusFact f) {
            return facts.deploymentStatus(conn, repo, f.deployment(), f.status());
        }
        WebhookFacts.ReleaseFact f = (WebhookFacts.ReleaseFact) fact;
        return facts.releases(conn, repo, List.of(f.release()));
    }

    /** A push to the default branch brings commits: an incremental analysis fetches them (unless one runs). */
    private Uni<Void> onPush(TrackedRepository repo, GitHubEventReceived event) {
        String ref = event.data() == null ? null : event.data().path("ref").asText(null);
        String branch = repo.defaultBranch() == null ? null : "refs/heads/" + repo.defaultBranch();
        if (ref == null || branch == null || !ref.equals(branch) || repo.lastAnalyzed() == null) {
            return Uni.createFrom().voidItem();
        }
        return jobs.start(repo, null).replaceWithVoid().onFailure(io.gitinsight.support.error.ApiException.class)
                .recoverWithItem(e -> {
                    LOG.debugf("push to %s: %s", repo.fullName(), e.getMessage());
                    return null;
                });
    }

    private void scheduleRecompute(UUID repositoryId) {
        if (pending.putIfAbsent(repositoryId, Boolean.TRUE) != null) {
            return;
        }
        vertx.setTimer(debounceMillis, id -> {
            pending.remove(repositoryId);
            runner.recompute(repositoryId).subscribe().with(ok -> LOG.debugf("recomputed %s after webhooks", repositoryId),
                    e -> LOG.errorf(e, "recomputing %s after webhooks failed", repositoryId));
        });
    }
}
