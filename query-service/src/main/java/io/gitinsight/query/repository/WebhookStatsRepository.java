package io.gitinsight.query.repository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.model.api.Page;
import io.gitinsight.model.api.PageRequest;
import io.gitinsight.query.domain.WebhookFilter;
import io.gitinsight.query.domain.WebhookStats;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Aggregates over the stored webhook deliveries: per repository, overall, per sender, over time. */
@ApplicationScoped
public class WebhookStatsRepository {

    private static final String FILTER = WebhookEventRepository.FILTER;
    private static final String COUNTS = """
            count(*) AS total, count(*) FILTER (WHERE d.status = 'published') AS published,
            count(*) FILTER (WHERE d.status = 'failed') AS failed, count(*) FILTER (WHERE d.status = 'pending') AS pending,
            avg(d.processing_ms) FILTER (WHERE d.status = 'published') AS avg_ms""";
    private static final String PER_REPOSITORY = """
            WITH groups AS (
              SELECT d.repository_full_name AS repository, %s, max(d.received_at) AS last_event_at
              FROM ingestion.webhook_deliveries d WHERE %s GROUP BY d.repository_full_name)
            SELECT t.total_groups, p.* FROM (SELECT count(*) AS total_groups FROM groups) t
            LEFT JOIN LATERAL (SELECT * FROM groups ORDER BY total DESC, repository NULLS LAST LIMIT $6 OFFSET $7) p
              ON true""".formatted(COUNTS, FILTER);
    private static final String SUMMARY = """
            SELECT %s, percentile_cont(0.95) WITHIN GROUP (ORDER BY d.processing_ms)
                     FILTER (WHERE d.status = 'published') AS p95_ms,
                   count(DISTINCT lower(d.repository_full_name)) AS repositories, count(DISTINCT d.sender) AS senders,
                   (SELECT coalesce(jsonb_object_agg(e.event, e.n ORDER BY e.event), '{}')::text FROM (
                      SELECT d.event, count(*) AS n FROM ingestion.webhook_deliveries d WHERE %s GROUP BY d.event) e)
                     AS event_types
            FROM ingestion.webhook_deliveries d WHERE %s""".formatted(COUNTS, FILTER, FILTER);
    private static final String CONTRIBUTORS = """
            WITH groups AS (
              SELECT d.sender, count(*) AS total,
                     count(*) FILTER (WHERE d.event = 'pull_request' AND d.action = 'opened') AS prs_opened,
                     count(*) FILTER (WHERE d.event = 'pull_request' AND d.action = 'closed'
                                      AND d.payload -> 'pull_request' ->> 'merged' = 'true') AS prs_merged,
                     count(*) FILTER (WHERE d.event = 'pull_request_review' AND d.action = 'submitted') AS reviews,
                     count(*) FILTER (WHERE d.event = 'push') AS pushes,
                     count(*) FILTER (WHERE d.event = 'issues' AND d.action = 'opened') AS issues_opened,
                     count(DISTINCT lower(d.repository_full_name)) AS repositories, max(d.received_at) AS last_event_at
              FROM ingestion.webhook_deliveries d WHERE d.sender IS NOT NULL AND %s GROUP BY d.sender)
            SELECT t.total_groups, p.* FROM (SELECT count(*) AS total_groups FROM groups) t
            LEFT JOIN LATERAL (SELECT * FROM groups ORDER BY total DESC, sender LIMIT $6 OFFSET $7) p ON true"""
            .formatted(FILTER);
    private static final String TRENDS = """
            WITH buckets AS (
              SELECT generate_series(date_trunc($6, $4 AT TIME ZONE 'UTC'), date_trunc($6, $5 AT TIME ZONE 'UTC'),
                                     ('1 ' || $6)::interval) AS b),
            agg AS (
              SELECT date_trunc($6, d.received_at AT TIME ZONE 'UTC') AS b, %s
              FROM ingestion.webhook_deliveries d WHERE %s GROUP BY 1)
            SELECT buckets.b AT TIME ZONE 'UTC' AS t, coalesce(agg.total, 0) AS total,
                   coalesce(agg.published, 0) AS published, coalesce(agg.failed, 0) AS failed, agg.avg_ms
            FROM buckets LEFT JOIN agg ON agg.b = buckets.b ORDER BY buckets.b""".formatted(COUNTS, FILTER);

    private final Pool pool;
    private final DbQueries queries;

    public WebhookStatsRepository(Pool pool, DbQueries queries) {
        this.pool = pool;
        this.queries = queries;
    }

    public Uni<Page<WebhookStats.PerRepository>> perRepository(WebhookFilter filter, PageRequest page) {
        Tuple params = WebhookEventRepository.params(filter).addInteger(page.pageSize()).addLong(page.offset());
        return queries.run("webhook-repositories", () -> pool.preparedQuery(PER_REPOSITORY).execute(params).map(rows -> {
            long total = rows.iterator().next().getLong("total_groups");
            List<WebhookStats.PerRepository> data = Rows.map(rows, row -> row.getLong("total") == null ? null
                    : new WebhookStats.PerRepository(row.getString("repository"), row.getLong("total"),
                            row.getLong("published"), row.getLong("failed"), row.getLong("pending"),
                            rate(row), Rows.round2(row.getDouble("avg_ms")), Rows.instant(row, "last_event_at")))
                    .stream().filter(java.util.Objects::nonNull).toList();
            return Page.of(data, total, page);
        }));
    }

    public Uni<WebhookStats.Summary> summary(WebhookFilter filter) {
        return queries.run("webhook-summary", () -> pool.preparedQuery(SUMMARY).execute(WebhookEventRepository.params(filter))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new WebhookStats.Summary(row.getLong("total"), row.getLong("published"), row.getLong("failed"),
                            row.getLong("pending"), rate(row), Rows.round2(row.getDouble("avg_ms")),
                            Rows.round2(row.getDouble("p95_ms")), row.getLong("repositories"), row.getLong("senders"),
                            eventTypes(row.getString("event_types")));
                }));
    }

    public Uni<Page<WebhookStats.Contributor>> contributors(WebhookFilter filter, PageRequest page) {
        Tuple params = WebhookEventRepository.params(filter).addInteger(page.pageSize()).addLong(page.offset());
        return queries.run("webhook-contributors", () -> pool.preparedQuery(CONTRIBUTORS).execute(params).map(rows -> {
            long total = rows.iterator().next().getLong("total_groups");
            List<WebhookStats.Contributor> data = Rows.map(rows, row -> row.getString("sender") == null ? null
                    : new WebhookStats.Contributor(row.getString("sender"), row.getLong("total"),
                            row.getLong("prs_opened"), row.getLong("prs_merged"), row.getLong("reviews"),
                            row.getLong("pushes"), row.getLong("issues_opened"), row.getLong("repositories"),
                            Rows.instant(row, "last_event_at")))
                    .stream().filter(java.util.Objects::nonNull).toList();
            return Page.of(data, total, page);
        }));
    }

    /** Buckets of {@code interval} (hour or day, UTC) from the start's bucket to the end's, inclusive. */
    public Uni<List<WebhookStats.Bucket>> trends(WebhookFilter filter, String interval) {
        Tuple params = WebhookEventRepository.params(filter).addString(interval);
        return queries.run("webhook-trends", () -> pool.preparedQuery(TRENDS).execute(params)
                .map(rows -> Rows.map(rows, row -> new WebhookStats.Bucket(Rows.instant(row, "t"), row.getLong("total"),
                        row.getLong("published"), row.getLong("failed"), Rows.round2(row.getDouble("avg_ms"))))));
    }

    private static Double rate(Row row) {
        long total = row.getLong("total");
        return total == 0 ? null : Rows.round2(100.0 * row.getLong("published") / total);
    }

    private static Map<String, Long> eventTypes(String json) {
        Map<String, Long> out = new LinkedHashMap<>();
        io.vertx.core.json.JsonObject object = new io.vertx.core.json.JsonObject(json);
        object.forEach(entry -> out.put(entry.getKey(), ((Number) entry.getValue()).longValue()));
        return out;
    }
}
