package io.gitinsight.query.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.repository.RepositoryRepository;
import io.smallrye.mutiny.Uni;

/**
 * Our repository id for a GitHub event that names its repository only as GitHub knows it (id and full
 * name). Answers, including "not tracked", are remembered for a while: webhook traffic comes in bursts
 * for the same few repositories.
 */
@ApplicationScoped
public class RepositoryResolver {

    static final int MAX_REMEMBERED = 10_000;

    private record Remembered(Optional<UUID> id, Instant until) {
    }

    private final RepositoryRepository repositories;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    public RepositoryResolver(RepositoryRepository repositories, QueryConfig config, Clock clock) {
        this.repositories = repositories;
        this.ttl = config.cache().resolverTtl();
        this.clock = clock;
    }

    public Uni<Optional<UUID>> resolve(Long githubId, String fullName) {
        if (githubId == null && fullName == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        String key = githubId + "|" + (fullName == null ? "" : fullName.toLowerCase(Locale.ROOT));
        Remembered known = remembered.get(key);
        if (known != null && known.until().isAfter(clock.instant())) {
            return Uni.createFrom().item(known.id());
        }
        return repositories.idOf(githubId, fullName).invoke(id -> {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, new Remembered(id, clock.instant().plus(ttl)));
        });
    }
}
