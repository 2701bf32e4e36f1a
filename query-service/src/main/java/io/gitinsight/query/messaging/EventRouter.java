package io.gitinsight.query.messaging;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.GitHubEventReceived;
import io.gitinsight.model.events.RepositoryFollowed;
import io.gitinsight.model.events.RepositoryVisibilityChanged;
import io.gitinsight.query.cache.CacheScope;
import io.gitinsight.query.cache.Generations;
import io.gitinsight.query.domain.Visibility;
import io.gitinsight.query.security.RepositoryAccess;
import io.gitinsight.query.service.LeaderboardService;
import io.gitinsight.query.stream.LatestState;
import io.gitinsight.query.stream.StreamHub;
import io.gitinsight.query.stream.StreamMessage;
import io.smallrye.mutiny.Uni;

/**
 * What query-service does with each event, in an order that keeps readers from seeing stale data: the
 * leaderboards and the caches are brought up to date first, and only then are subscribers told, so a
 * client that reads right after a stream message gets the new numbers. Redis failures are retried
 * briefly; if they persist the event is still fanned out and the cache TTLs bound the staleness.
 */
@ApplicationScoped
public class EventRouter {

    private static final Logger LOG = Logger.getLogger(EventRouter.class);
    static final Duration FIRST_RETRY = Duration.ofMillis(100);
    static final Duration LAST_RETRY = Duration.ofSeconds(2);
    static final int RETRIES = 5;

    private final Generations generations;
    private final LeaderboardService leaderboards;
    private final LatestState latest;
    private final StreamHub hub;
    private final RepositoryResolver resolver;
    private final RepositoryAccess access;

    public EventRouter(Generations generations, LeaderboardService leaderboards, LatestState latest, StreamHub hub,
            RepositoryResolver resolver, RepositoryAccess access) {
        this.access = access;
        this.generations = generations;
        this.leaderboards = leaderboards;
        this.latest = latest;
        this.hub = hub;
        this.resolver = resolver;
    }

    public Uni<Void> handle(EventEnvelope envelope) {
        return Uni.createFrom().deferred(() -> route(envelope));
    }

    private Uni<Void> route(EventEnvelope envelope) {
        UUID repositoryId = envelope.repositoryId();
        boolean aboutAnalysis = envelope.type().startsWith("repository.");
        if (aboutAnalysis && repositoryId == null) {
            LOG.warnf("%s %s names no repository, skipped", envelope.type(), envelope.id());
            return Uni.createFrom().voidItem();
        }
        return switch (envelope.eventType()) {
            case REPOSITORY_ANALYSIS_PROGRESS -> update(envelope, StreamMessage.PROGRESS,
                    List.of(CacheScope.repository(repositoryId)));
            case REPOSITORY_ANALYSIS_COMPLETED -> patiently(leaderboards.refresh(repositoryId), "leaderboards")
                    .chain(() -> update(envelope, StreamMessage.COMPLETED,
                            List.of(CacheScope.repository(repositoryId), CacheScope.GLOBAL)));
            case REPOSITORY_INSIGHTS_GENERATED -> update(envelope, StreamMessage.INSIGHTS,
                    List.of(CacheScope.repository(repositoryId), CacheScope.GLOBAL));
            case GITHUB_EVENT_RECEIVED -> githubEvent(envelope);
            case USER_REPOSITORY_FOLLOWED -> {
                RepositoryFollowed follow = envelope.payloadAs(RepositoryFollowed.class);
                hub.follow(follow.userId(), follow.repositoryId(), follow.following());
                // who follows a private repository is who may see it, and whose lists show it
                yield accessChanged(envelope, follow.repositoryId(),
                        List.of(CacheScope.access(follow.repositoryId()), CacheScope.GLOBAL));
            }
            case REPOSITORY_VISIBILITY_CHANGED -> {
                RepositoryVisibilityChanged change = envelope.payloadAs(RepositoryVisibilityChanged.class);
                yield accessChanged(envelope, change.repositoryId(),
                        List.of(CacheScope.access(change.repositoryId()), CacheScope.GLOBAL, CacheScope.WEBHOOKS));
            }
            default -> Uni.createFrom().voidItem();
        };
    }

    /**
     * Who may see {@code repositoryId} changed: this replica forgets what it knew at once, and again once the
     * shared cache has moved on (a lookup in between may have read the old shared entry).
     */
    private Uni<Void> accessChanged(EventEnvelope envelope, UUID repositoryId, List<CacheScope> scopes) {
        access.forget(repositoryId);
        return patiently(generations.bump(envelope.id(), scopes).replaceWithVoid(), "access invalidation")
                .invoke(() -> access.forget(repositoryId));
    }

    private Uni<Void> update(EventEnvelope envelope, String type, List<CacheScope> scopes) {
        StreamMessage message = new StreamMessage(type, envelope.repositoryId(), envelope.occurredAt(),
                envelope.payload(), null, null);
        // independent of each other, all done before anyone hears of the event
        return Uni.combine().all()
                .unis(patiently(generations.bump(envelope.id(), scopes).replaceWithVoid(), "cache invalidation"),
                        patiently(latest.remember(message), "latest state"), visibility(envelope.repositoryId()))
                .with((invalidated, remembered, visibility) -> visibility)
                .invoke(visibility -> hub.publish(message, visibility)).replaceWithVoid();
    }

    private Uni<Void> githubEvent(EventEnvelope envelope) {
        GitHubEventReceived event = envelope.payloadAs(GitHubEventReceived.class);
        Uni<java.util.Optional<UUID>> id = envelope.repositoryId() != null
                ? Uni.createFrom().item(java.util.Optional.of(envelope.repositoryId()))
                : resolver.resolve(event.repositoryGithubId(), event.repositoryFullName());
        return id.onFailure().recoverWithItem(java.util.Optional.empty()).chain(repositoryId -> {
            StreamMessage message = new StreamMessage(StreamMessage.GITHUB, repositoryId.orElse(null),
                    envelope.occurredAt(), envelope.payload(), event.event(), event.repositoryFullName());
            return patiently(generations.bump(envelope.id(), List.of(CacheScope.WEBHOOKS)).replaceWithVoid(),
                    "webhook cache invalidation")
                    .chain(() -> repositoryId.isEmpty() && event.aboutPrivateRepository()
                            // a private repository nobody tracks: no followers, admins only
                            ? Uni.createFrom().item(new Visibility(true, java.util.Set.of()))
                            : visibility(message.repositoryId()))
                    .invoke(visibility -> hub.publish(message, visibility)).replaceWithVoid();
        });
    }

    /** Who may hear of a repository's events; when that cannot be learnt, only admins (and its followers' feeds). */
    private Uni<Visibility> visibility(UUID repositoryId) {
        if (repositoryId == null) {
            return Uni.createFrom().item(Visibility.PUBLIC);
        }
        return access.visibility(repositoryId).onFailure().invoke(e -> LOG.errorf(
                "visibility of %s unknown, its event goes to admins only: %s", repositoryId, e.getMessage()))
                .onFailure().recoverWithItem(new Visibility(true, java.util.Set.of()));
    }

    /**
     * Runs a step (a lazy Uni: each subscription does the work again), retrying with back-off only after a
     * first failure, so that the usual path does not go through the back-off operator and its executor.
     */
    private static Uni<Void> patiently(Uni<Void> step, String what) {
        return step.onFailure().recoverWithUni(() -> step.onFailure().retry().withBackOff(FIRST_RETRY, LAST_RETRY)
                .atMost(RETRIES))
                .onFailure().invoke(e -> LOG.errorf("%s failed after %d retries: %s", what, RETRIES, e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
