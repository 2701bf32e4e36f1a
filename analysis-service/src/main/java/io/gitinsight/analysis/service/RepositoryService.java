package io.gitinsight.analysis.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.analysis.client.IngestionClient;
import io.gitinsight.analysis.domain.Actor;
import io.gitinsight.analysis.domain.TrackedRepository;
import io.gitinsight.analysis.repository.FollowRepository;
import io.gitinsight.analysis.repository.TrackedRepositoryRepository;
import io.gitinsight.messaging.EventPublisher;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.events.RepositoryFollowed;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Adding, changing, deleting and following repositories. A GitHub repository is added only once GitHub
 * (through ingestion) confirms it exists, with GitHub's own spelling of its name; a plain git remote is
 * added by its clone URL. The user who adds a repository follows it. A private repository exists only for
 * admins and its followers: for anyone else every operation on it answers 404, as for an unknown id, so
 * that its existence is not revealed.
 */
@ApplicationScoped
public class RepositoryService {

    private final TrackedRepositoryRepository repositories;
    private final FollowRepository follows;
    private final IngestionClient ingestion;
    private final CloneUrls cloneUrls;
    private final EventPublisher publisher;
    private final Pool pool;

    public RepositoryService(TrackedRepositoryRepository repositories, FollowRepository follows,
            IngestionClient ingestion, CloneUrls cloneUrls, EventPublisher publisher, Pool pool) {
        this.pool = pool;
        this.repositories = repositories;
        this.follows = follows;
        this.ingestion = ingestion;
        this.cloneUrls = cloneUrls;
        this.publisher = publisher;
    }

    public Uni<TrackedRepository> add(String fullName, String cloneUrl, Actor actor) {
        if ((fullName == null) == (cloneUrl == null)) {
            throw ApiException.invalid("full_name", "give either full_name (owner/name) or clone_url, not both");
        }
        Uni<TrackedRepository> candidate = fullName != null ? fromGitHub(fullName.trim())
                : Uni.createFrom().item(() -> cloneUrls.plainRemote(cloneUrl.trim()));
        // the row, the adder's follow and its event together: with the broker down nothing is stored (503),
        // so that trying again adds the repository instead of answering 409 for a half-done add
        return candidate.chain(repo -> existing(repo.fullName())
                .chain(() -> pool.withTransaction(conn -> repositories.insert(conn, repo, actor.userId())
                        .call(inserted -> inserted == null ? Uni.createFrom().voidItem()
                                : followIn(conn, inserted.id(), actor, true))))
                .chain(inserted -> inserted != null ? Uni.createFrom().item(inserted)
                        // lost a race with a simultaneous add of the same name
                        : existing(repo.fullName()).replaceWith(repo)));
    }

    private Uni<TrackedRepository> fromGitHub(String fullName) {
        String[] parts = fullName.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw ApiException.invalid("full_name", "'" + fullName + "' is not owner/name");
        }
        return existing(fullName).chain(() -> ingestion.repository(parts[0], parts[1])).map(RepositoryService::fromMetadata);
    }

    /** 409 with the existing id when the name is tracked already. */
    private Uni<Void> existing(String fullName) {
        return repositories.findByFullName(fullName).invoke(found -> {
            if (found != null) {
                throw new ApiException(ErrorCode.CONFLICT, "repository " + found.fullName() + " is tracked already",
                        Map.of("id", found.id().toString(), "full_name", found.fullName()));
            }
        }).replaceWithVoid();
    }

    static TrackedRepository fromMetadata(JsonNode m) {
        return new TrackedRepository(UUID.randomUUID(), m.path("github_id").asLong(), m.path("name").asText(),
                m.path("full_name").asText(), IngestedRecords.text(m, "owner"), IngestedRecords.text(m, "description"),
                IngestedRecords.text(m, "url"), IngestedRecords.text(m, "clone_url"), IngestedRecords.text(m, "language"),
                m.path("stars").asInt(), m.path("forks").asInt(), m.path("watchers").asInt(), m.path("size").asLong(),
                IngestedRecords.text(m, "default_branch"), IngestedRecords.instant(m, "created_at"),
                IngestedRecords.instant(m, "updated_at"), null, "pending", 24, false, null, null,
                m.path("is_private").asBoolean());
    }

    public Uni<TrackedRepository> update(UUID id, String defaultBranch, Integer intervalHours, Boolean webhookEnabled,
            Actor actor) {
        return managed(id, actor)
                .call(repo -> Boolean.TRUE.equals(webhookEnabled) && !repo.webhookEnabled() ? registerWebhook(repo)
                        : Uni.createFrom().voidItem())
                .chain(repo -> repositories.updateSettings(id, defaultBranch, intervalHours, webhookEnabled));
    }

    private Uni<Void> registerWebhook(TrackedRepository repo) {
        if (!repo.onGitHub()) {
            throw ApiException.invalid("webhook_enabled", repo.fullName() + " is not a GitHub repository: it has no webhooks");
        }
        String[] parts = repo.fullName().split("/", 2);
        return ingestion.registerWebhook(parts[0], parts[1]).replaceWithVoid();
    }

    public Uni<Void> delete(UUID id, Actor actor) {
        return managed(id, actor).chain(() -> repositories.delete(id)).invoke(deleted -> {
            if (!deleted) {
                throw notFound(id);
            }
        }).replaceWithVoid();
    }

    public Uni<Void> follow(UUID id, Actor actor, boolean following) {
        return visible(id, actor).chain(repo -> pool.withTransaction(conn -> followIn(conn, id, actor, following)));
    }

    /**
     * The follow changes and its event is published before the transaction commits: a broker that does not
     * take the event rolls the change back, so the stored follows and the streams' never disagree.
     */
    private Uni<Void> followIn(SqlConnection conn, UUID id, Actor actor, boolean following) {
        return (following ? follows.follow(conn, actor.userId(), id) : follows.unfollow(conn, actor.userId(), id))
                .chain(changed -> !changed ? Uni.createFrom().voidItem()
                        : publisher.publish(EventEnvelope.of(EventType.USER_REPOSITORY_FOLLOWED, actor.userId().toString(), id,
                                new RepositoryFollowed(actor.userId(), id, following))));
    }

    public Uni<TrackedRepository> find(UUID id) {
        return repositories.find(id).invoke(repo -> {
            if (repo == null) {
                throw notFound(id);
            }
        });
    }

    /** The repository, if {@code actor} (null for a guest) may see it: public, or they are an admin or follow it. */
    public Uni<TrackedRepository> visible(UUID id, Actor actor) {
        return find(id).call(repo -> mayRead(repo, actor).invoke(allowed -> {
            if (!allowed) {
                throw notFound(id);
            }
        }));
    }

    /**
     * The repository, if {@code actor} may change its settings or delete it: the user who added it, or an
     * admin (403 for anyone else who may see it; 404 for those who may not). Following a repository lets one
     * analyze it, not take it away from the others who follow it.
     */
    public Uni<TrackedRepository> managed(UUID id, Actor actor) {
        return visible(id, actor).invoke(repo -> {
            if (!actor.admin() && !actor.userId().equals(repo.addedBy())) {
                throw new ApiException(ErrorCode.AUTHORIZATION_DENIED,
                        "only the user who added this repository, or an admin, may change or delete it",
                        Map.of("id", id.toString()));
            }
        });
    }

    /** Whether {@code actor} (null for a guest) may see {@code repo}. */
    public Uni<Boolean> mayRead(TrackedRepository repo, Actor actor) {
        if (!repo.isPrivate() || (actor != null && actor.admin())) {
            return Uni.createFrom().item(true);
        }
        return actor == null ? Uni.createFrom().item(false) : follows.follows(actor.userId(), repo.id());
    }

    static ApiException notFound(UUID id) {
        return new ApiException(ErrorCode.REPOSITORY_NOT_FOUND, "no tracked repository " + id, Map.of("id", id.toString()));
    }
}
