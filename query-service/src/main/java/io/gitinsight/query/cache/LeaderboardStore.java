package io.gitinsight.query.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.json.Json;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.LeaderboardMetric;
import io.gitinsight.query.domain.Snapshot;
import io.gitinsight.query.repository.SnapshotRepository;
import io.gitinsight.query.repository.SnapshotRepository.Score;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Leaderboards as Redis sorted sets, one per metric and window, members the repository ids. A finished
 * analysis updates that repository's scores in every set; a set that is missing (or older than the
 * rebuild interval, which also drops deleted repositories) is rebuilt from all snapshots into a fresh
 * key and renamed over the old one, so readers never see a half-built set.
 */
@ApplicationScoped
public class LeaderboardStore {

    public static final List<String> WINDOWS = List.of("30d", "90d", "180d", "all");

    private final Redis redis;
    private final SnapshotRepository snapshots;
    private final String prefix;
    private final Duration rebuildEvery;
    private final SingleFlight rebuilds = new SingleFlight();

    public LeaderboardStore(Redis redis, SnapshotRepository snapshots, QueryConfig config) {
        this.redis = redis;
        this.snapshots = snapshots;
        this.prefix = config.redisPrefix();
        this.rebuildEvery = config.cache().leaderboardRebuild();
    }

    /** The top {@code limit} repositories with their scores, highest first. */
    public Uni<List<Score>> top(LeaderboardMetric metric, String window, int limit) {
        return ensure(metric, window).chain(() -> redis.send(Request.cmd(Command.ZREVRANGE).arg(key(metric, window))
                .arg(0).arg(limit - 1).arg("WITHSCORES"))).map(LeaderboardStore::scores);
    }

    /** Writes one repository's scores from its snapshots (one per window) into every leaderboard. */
    public Uni<Void> update(UUID repositoryId, List<Snapshot> windows) {
        List<Request> requests = new ArrayList<>();
        for (String window : WINDOWS) {
            JsonNode metrics = windows.stream().filter(s -> s.window().equals(window)).findFirst()
                    .map(s -> tree(s.metricsJson())).orElse(null);
            for (LeaderboardMetric metric : LeaderboardMetric.values()) {
                JsonNode value = metrics == null ? null : at(metrics, metric.path());
                requests.add(value != null && value.isNumber()
                        ? Request.cmd(Command.ZADD).arg(key(metric, window)).arg(value.asDouble()).arg(repositoryId.toString())
                        : Request.cmd(Command.ZREM).arg(key(metric, window)).arg(repositoryId.toString()));
            }
        }
        return redis.batch(requests).replaceWithVoid();
    }

    /** Drops repositories that no longer exist from every leaderboard. */
    public Uni<Void> forget(List<UUID> repositoryIds) {
        List<Request> requests = new ArrayList<>();
        for (String window : WINDOWS) {
            for (LeaderboardMetric metric : LeaderboardMetric.values()) {
                Request remove = Request.cmd(Command.ZREM).arg(key(metric, window));
                repositoryIds.forEach(id -> remove.arg(id.toString()));
                requests.add(remove);
            }
        }
        return redis.batch(requests).replaceWithVoid();
    }

    private Uni<Void> ensure(LeaderboardMetric metric, String window) {
        String built = prefix + "lb-built:" + metric.value() + ":" + window;
        return redis.send(Request.cmd(Command.EXISTS).arg(built)).chain(exists -> exists.toInteger() == 1
                ? Uni.createFrom().voidItem()
                : rebuilds.run(built, () -> rebuild(metric, window, built)));
    }

    private Uni<Void> rebuild(LeaderboardMetric metric, String window, String built) {
        return snapshots.scores(window, metric.path()).chain(scores -> {
            String key = key(metric, window);
            String fresh = key + ":building:" + UUID.randomUUID();
            List<Request> requests = new ArrayList<>();
            if (scores.isEmpty()) {
                requests.add(Request.cmd(Command.DEL).arg(key));
            } else {
                Request add = Request.cmd(Command.ZADD).arg(fresh);
                scores.forEach(s -> add.arg(s.score()).arg(s.repositoryId().toString()));
                requests.add(add);
                requests.add(Request.cmd(Command.RENAME).arg(fresh).arg(key));
            }
            requests.add(Request.cmd(Command.SET).arg(built).arg("1").arg("PX").arg(rebuildEvery.toMillis()));
            return redis.batch(requests).replaceWithVoid();
        });
    }

    private String key(LeaderboardMetric metric, String window) {
        return prefix + "lb:" + metric.value() + ":" + window;
    }

    /** ZREVRANGE WITHSCORES answers flat (RESP2) or as pairs (RESP3). */
    private static List<Score> scores(Response reply) {
        List<Score> out = new ArrayList<>();
        boolean pairs = reply.size() > 0 && reply.get(0).type() == io.vertx.redis.client.ResponseType.MULTI;
        for (int i = 0; i < reply.size(); i += pairs ? 1 : 2) {
            Response member = pairs ? reply.get(i).get(0) : reply.get(i);
            Response score = pairs ? reply.get(i).get(1) : reply.get(i + 1);
            out.add(new Score(UUID.fromString(member.toString()), Double.parseDouble(score.toString())));
        }
        return out;
    }

    private static JsonNode at(JsonNode node, List<String> path) {
        JsonNode value = node;
        for (String step : path) {
            value = value.path(step);
        }
        return value.isMissingNode() || value.isNull() ? null : value;
    }

    private static JsonNode tree(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("snapshot metrics are not JSON", e);
        }
    }
}
