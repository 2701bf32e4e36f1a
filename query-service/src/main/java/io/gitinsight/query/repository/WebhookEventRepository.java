package io.gitinsight.query.repository;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.model.api.Page;
import io.gitinsight.model.api.PageRequest;
import io.gitinsight.query.domain.WebhookEvent;
import io.gitinsight.query.domain.WebhookFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads the webhook deliveries ingestion stored ({@code ingestion.webhook_deliveries}). */
@ApplicationScoped
public class WebhookEventRepository {

    /**
     * A delivery ({@code d}) that is about neither a tracked private repository nor, tracked or not, one that
     * GitHub's payload calls private.
     */
    static final String NOT_PRIVATE = "NOT EXISTS (SELECT 1 FROM analysis.repositories pr WHERE pr.is_private "
            + "AND lower(pr.full_name) = lower(d.repository_full_name)) "
            + "AND d.payload->'repository'->'private' IS DISTINCT FROM 'true'::jsonb";
    /**
     * The filter over {@code d}, parameters $1..$5 in {@link WebhookFilter}'s order; deliveries of a tracked
     * private repository are left out.
     */
    static final String FILTER = """
            %s AND ($1::text IS NULL OR lower(d.repository_full_name) = lower($1)) AND ($2::text IS NULL OR d.event = $2)
            AND ($3::text IS NULL OR d.status = $3) AND ($4::timestamptz IS NULL OR d.received_at >= $4)
            AND ($5::timestamptz IS NULL OR d.received_at <= $5)""".formatted(NOT_PRIVATE);
    private static final String COLUMNS = """
            d.delivery_id, d.repository_full_name, d.event, d.action, d.sender, d.status, d.received_at, d.published_at,
            d.processing_ms, d.attempts, d.last_error, d.size_bytes""";

    private final Pool pool;
    private final DbQueries queries;

    public WebhookEventRepository(Pool pool, DbQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    public Uni<Page<WebhookEvent>> page(WebhookFilter filter, PageRequest page) {
        String sql = """
                WITH filtered AS (SELECT * FROM ingestion.webhook_deliveries d WHERE %s)
                SELECT t.total, p.* FROM (SELECT count(*) AS total FROM filtered) t
                LEFT JOIN LATERAL (SELECT %s, NULL::text AS payload FROM filtered d
                                   ORDER BY d.received_at DESC, d.delivery_id LIMIT $6 OFFSET $7) p ON true"""
                .formatted(FILTER, COLUMNS);
        Tuple params = params(filter).addInteger(page.pageSize()).addLong(page.offset());
        return queries.run("webhook-events", () -> pool.preparedQuery(sql).execute(params).map(rows -> {
            long total = rows.iterator().next().getLong("total");
            List<WebhookEvent> data = Rows.map(rows, row -> row.getString("delivery_id") == null ? null : event(row))
                    .stream().filter(java.util.Objects::nonNull).toList();
            return Page.of(data, total, page);
        }));
    }

    /** One delivery with its payload. */
    public Uni<Optional<WebhookEvent>> find(String deliveryId) {
        String sql = "SELECT " + COLUMNS + ", d.payload::text AS payload FROM ingestion.webhook_deliveries d "
                + "WHERE d.delivery_id = $1 AND " + NOT_PRIVATE;
        return queries.run("webhook-event", () -> pool.preparedQuery(sql).execute(Tuple.of(deliveryId))
                .map(rows -> rows.size() == 0 ? Optional.<WebhookEvent> empty()
                        : Optional.of(event(rows.iterator().next()))));
    }

    static Tuple params(WebhookFilter filter) {
        return Tuple.of(filter.repository(), filter.eventType(), filter.status(), Rows.param(filter.start()),
                Rows.param(filter.end()));
    }

    private static WebhookEvent event(Row row) {
        return new WebhookEvent(row.getString("delivery_id"), row.getString("repository_full_name"),
                row.getString("event"), row.getString("action"), row.getString("sender"), row.getString("status"),
                Rows.instant(row, "received_at"), Rows.instant(row, "published_at"), row.getInteger("processing_ms"),
                row.getInteger("attempts"), row.getString("last_error"), row.getInteger("size_bytes"),
                row.getString("payload"));
    }
}
