package io.gitinsight.analysis.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.analysis.metrics.model.SourceFile;
import io.gitinsight.analysis.repository.FactRepository;
import io.gitinsight.analysis.repository.JobRepository;
import io.gitinsight.analysis.repository.ProcessedEventRepository;
import io.gitinsight.analysis.repository.TrackedRepositoryRepository;
import io.gitinsight.messaging.EventPublisher;
import io.gitinsight.model.events.DataIngested;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.events.RepositoryVisibilityChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Stores one {@code github.data.ingested} batch: its facts, the repository's metadata and tip tree (batch
 * 1), and the fact that it arrived — all in one transaction with the envelope's idempotency claim, so a
 * redelivered batch changes nothing. When the job's last missing batch is in, the analysis runs; it also
 * runs for a redelivered batch of a complete job that never finished (the service died while computing).
 * A repository that the metadata shows turned private or public is announced in the same transaction, so
 * that query-service stops (or starts) showing it before anyone reads the new facts.
 */
@ApplicationScoped
public class IngestedBatchService {

    private static final Logger LOG = Logger.getLogger(IngestedBatchService.class);
    static final String CONSUMER = "data-ingested";

    private final Pool pool;
    private final ProcessedEventRepository processed;
    private final FactRepository facts;
    private final JobRepository jobs;
    private final TrackedRepositoryRepository repositories;
    private final AnalysisRunner runner;
    private final EventPublisher publisher;

    public IngestedBatchService(Pool pool, ProcessedEventRepository processed, FactRepository facts, JobRepository jobs,
            TrackedRepositoryRepository repositories, AnalysisRunner runner, EventPublisher publisher) {
        this.pool = pool;
        this.processed = processed;
        this.facts = facts;
        this.jobs = jobs;
        this.repositories = repositories;
        this.runner = runner;
        this.publisher = publisher;
    }

    public Uni<Void> accept(EventEnvelope envelope) {
        DataIngested batch = envelope.payloadAs(DataIngested.class);
        if (batch.jobId() == null || batch.repositoryId() == null) {
            throw new IllegalArgumentException("job_id and repository_id are required");
        }
        RecordsOfBatch records = RecordsOfBatch.of(batch);
        return pool.withTransaction(conn -> jobs.find(conn, batch.jobId()).chain(job -> {
            if (job == null || !job.active()) {
                LOG.infof("batch %d/%d of job %s ignored: the job is %s", batch.batchNumber(), batch.batchCount(),
                        batch.jobId(), job == null ? "unknown" : job.status());
                return Uni.createFrom().item(false);
            }
            return processed.claim(conn, envelope.id(), CONSUMER)
                    .chain(fresh -> fresh ? store(conn, batch, records) : Uni.createFrom().voidItem())
                    .chain(() -> jobs.batchArrived(conn, batch.jobId(), batch.batchNumber(), batch.batchCount(),
                            records.size()))
                    .map(received -> received >= batch.batchCount());
        })).chain(complete -> complete ? runner.run(batch.jobId()) : Uni.createFrom().voidItem());
    }

    private Uni<Void> store(SqlConnection conn, DataIngested batch, RecordsOfBatch r) {
        UUID repo = batch.repositoryId();
        Uni<Void> first = Uni.createFrom().voidItem();
        if (batch.repository() != null) {
            TrackedRepositoryRepository.Metadata metadata = metadata(batch.repository());
            first = first.chain(() -> repositories.refreshMetadata(conn, repo, metadata))
                    .chain(flipped -> !flipped ? Uni.createFrom().voidItem()
                            : publisher.publish(EventEnvelope.of(EventType.REPOSITORY_VISIBILITY_CHANGED,
                                    batch.jobId().toString(), repo,
                                    new RepositoryVisibilityChanged(repo, metadata.isPrivate()))));
        }
        if (batch.tree() != null) {
            List<SourceFile> files = new ArrayList<>();
            batch.tree().path("files").forEach(f -> files.add(IngestedRecords.sourceFile(f)));
            String headSha = IngestedRecords.text(batch.tree(), "head_sha");
            boolean fullHistory = batch.tree().path("full_history").asBoolean(false);
            first = first.chain(() -> facts.sourceFiles(conn, repo, files))
                    .chain(() -> jobs.tip(conn, batch.jobId(), headSha, fullHistory));
        }
        return first.chain(() -> facts.commits(conn, repo, batch.jobId(), r.commits()))
                .chain(() -> facts.pullRequests(conn, repo, r.pullRequests()))
                .chain(() -> facts.reviews(conn, repo, r.reviews())).chain(() -> facts.issues(conn, repo, r.issues()))
                .chain(() -> facts.deployments(conn, repo, r.deployments()))
                .chain(() -> facts.releases(conn, repo, r.releases()))
                .chain(() -> jobs.progress(conn, batch.jobId(), "ingesting", 85, r.size(), null, null));
    }

    static TrackedRepositoryRepository.Metadata metadata(JsonNode m) {
        JsonObject languages = new JsonObject();
        m.path("languages").fields().forEachRemaining(e -> languages.put(e.getKey(), e.getValue().asLong()));
        return new TrackedRepositoryRepository.Metadata(
                m.path("github_id").canConvertToLong() && m.path("github_id").asLong() > 0
                        ? m.path("github_id").asLong()
                        : null,
                IngestedRecords.text(m, "description"), IngestedRecords.text(m, "url"),
                IngestedRecords.text(m, "language"), m.path("stars").asInt(), m.path("forks").asInt(),
                m.path("watchers").asInt(), m.path("size").asLong(), IngestedRecords.text(m, "default_branch"),
                IngestedRecords.instant(m, "created_at"), IngestedRecords.instant(m, "updated_at"),
                IngestedRecords.instant(m, "pushed_at"), m.path("is_private").asBoolean(), languages);
    }
}
