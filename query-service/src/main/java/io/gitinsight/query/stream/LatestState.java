package io.gitinsight.query.stream;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.model.json.Json;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.JobState;
import io.gitinsight.query.repository.JobRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * The latest update of each repository, what a new subscriber receives first. Kept in Redis so that
 * every replica knows it; when Redis has none (the update is older than the TTL, or none was seen since
 * Redis started) it is made from the repository's latest job.
 */
@ApplicationScoped
public class LatestState {

    private final Redis redis;
    private final JobRepository jobs;
    private final String prefix;
    private final Duration ttl;

    public LatestState(Redis redis, JobRepository jobs, QueryConfig config) {
        this.redis = redis;
        this.jobs = jobs;
        this.prefix = config.redisPrefix() + "latest:";
        this.ttl = config.stream().latestStateTtl();
    }

    public Uni<Void> remember(StreamMessage message) {
        return redis.send(Request.cmd(Command.SET).arg(prefix + message.repositoryId()).arg(message.toJson()).arg("PX")
                .arg(ttl.toMillis())).replaceWithVoid();
    }

    /** The latest update as sent on the stream, or null when the repository never had an analysis. */
    public Uni<String> recall(UUID repositoryId) {
        return redis.send(Request.cmd(Command.GET).arg(prefix + repositoryId)).onFailure().recoverWithNull()
                .chain(stored -> stored != null ? Uni.createFrom().item(stored.toString())
                        : jobs.latest(repositoryId).map(job -> job.map(LatestState::fromJob).orElse(null)));
    }

    static String fromJob(JobState job) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("job_id", job.jobId().toString());
        boolean done = job.status().equals("completed") || job.status().equals("failed");
        if (done) {
            data.put("status", job.status());
            data.putNull("metrics");
            data.put("error_message", job.errorMessage());
        } else {
            data.put("stage", job.stage());
            data.put("progress", job.progress());
            data.put("items_processed", job.itemsProcessed());
            if (job.itemsTotal() == null) {
                data.putNull("items_total");
            } else {
                data.put("items_total", job.itemsTotal());
            }
        }
        java.time.Instant at = done && job.completedAt() != null ? job.completedAt() : job.createdAt();
        return new StreamMessage(done ? StreamMessage.COMPLETED : StreamMessage.PROGRESS, job.repositoryId(), at, data,
                null, null).toJson();
    }
}
