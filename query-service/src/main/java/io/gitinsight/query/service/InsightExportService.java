package io.gitinsight.query.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.domain.InsightFilter;
import io.gitinsight.query.domain.InsightView;
import io.gitinsight.query.repository.InsightRepository;
import io.gitinsight.query.repository.RepositoryRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * {@code GET /repositories/{id}/insights/export}: every insight of a repository (newest first, with the
 * list's filters) as CSV or a JSON array, streamed in keyset batches so that neither the database nor
 * this service holds the whole export, and a client starts receiving at once. Not cached: an export is a
 * deliberate, rare request.
 */
@ApplicationScoped
public class InsightExportService {

    static final int BATCH = 500;

    private final InsightRepository insights;
    private final RepositoryRepository repositories;

    public InsightExportService(InsightRepository insights, RepositoryRepository repositories) {
        this.insights = insights;
        this.repositories = repositories;
    }

    /** Fails with 404 before the first byte when the repository does not exist. */
    public Uni<Multi<Buffer>> export(UUID id, InsightFilter filter, ExportFormat format) {
        return repositories.find(id).map(found -> {
            if (found.isEmpty()) {
                throw NotFound.repository(id);
            }
            Multi<String> rows = batches(id, filter).onItem().transformToIterable(batch -> batch)
                    .map(format::row);
            return Multi.createBy().concatenating()
                    .streams(Multi.createFrom().item(format.header()), rows.onItem().transform(
                            withSeparators(format)), Multi.createFrom().item(format.footer()))
                    .filter(text -> !text.isEmpty()).map(Buffer::buffer);
        });
    }

    private Multi<List<InsightView>> batches(UUID id, InsightFilter filter) {
        AtomicReference<InsightView> last = new AtomicReference<>();
        return Multi.createBy().repeating().uni(() -> {
            InsightView after = last.get();
            Instant afterAt = after == null ? null : after.generatedAt();
            UUID afterId = after == null ? null : after.id();
            return insights.batch(id, filter, afterAt, afterId, BATCH)
                    .invoke(batch -> last.set(batch.isEmpty() ? null : batch.get(batch.size() - 1)));
        }).whilst(batch -> batch.size() == BATCH);
    }

    private static java.util.function.Function<String, String> withSeparators(ExportFormat format) {
        AtomicBoolean first = new AtomicBoolean(true);
        return row -> first.getAndSet(false) ? row : format.separator() + row;
    }
}
