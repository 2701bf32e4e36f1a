package io.gitinsight.query.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.model.api.Page;
import io.gitinsight.model.api.PageRequest;
import io.gitinsight.query.cache.CacheKey;
import io.gitinsight.query.cache.CacheScope;
import io.gitinsight.query.cache.CachedBody;
import io.gitinsight.query.cache.ReadCache;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.WebhookFilter;
import io.gitinsight.query.repository.WebhookEventRepository;
import io.gitinsight.query.repository.WebhookStatsRepository;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Webhook event analytics over the deliveries ingestion stored: events, one event with its payload,
 * totals per repository, a summary, senders, and counts over time. Cached in the webhook scope, which
 * every {@code github.event.received} retires, with a short TTL as well.
 */
@ApplicationScoped
public class WebhookAnalyticsService {

    private final WebhookEventRepository events;
    private final WebhookStatsRepository stats;
    private final ReadCache cache;
    private final Duration ttl;

    public WebhookAnalyticsService(WebhookEventRepository events, WebhookStatsRepository stats, ReadCache cache,
            QueryConfig config) {
        this.events = events;
        this.stats = stats;
        this.cache = cache;
        this.ttl = config.cache().webhookTtl();
    }

    public Uni<CachedBody> events(WebhookFilter filter, PageRequest page) {
        return cache.get(key("webhook-events", filter, page.page(), page.pageSize()), ttl,
                () -> events.page(filter, page).map(JsonBytes::of));
    }

    public Uni<CachedBody> event(String deliveryId) {
        return cache.get(CacheKey.of(CacheScope.WEBHOOKS, "webhook-event", deliveryId), ttl,
                () -> events.find(deliveryId).map(found -> JsonBytes.of(
                        found.orElseThrow(() -> ApiException.notFound("webhook delivery", deliveryId)))));
    }

    public Uni<CachedBody> repositories(WebhookFilter filter, PageRequest page) {
        return cache.get(key("webhook-repositories", filter, page.page(), page.pageSize()), ttl,
                () -> stats.perRepository(filter, page).map(found -> JsonBytes.of(withRange(filter, found))));
    }

    public Uni<CachedBody> summary(WebhookFilter filter) {
        return cache.get(key("webhook-summary", filter), ttl, () -> stats.summary(filter).map(summary -> {
            Map<String, Object> out = range(filter);
            out.put("summary", summary);
            return JsonBytes.of(out);
        }));
    }

    public Uni<CachedBody> contributors(WebhookFilter filter, PageRequest page) {
        return cache.get(key("webhook-contributors", filter, page.page(), page.pageSize()), ttl,
                () -> stats.contributors(filter, page).map(found -> JsonBytes.of(withRange(filter, found))));
    }

    public Uni<CachedBody> trends(WebhookFilter filter, String interval) {
        return cache.get(key("webhook-trends", filter, interval), ttl, () -> stats.trends(filter, interval).map(buckets -> {
            Map<String, Object> out = range(filter);
            out.put("interval", interval);
            out.put("data", buckets);
            return JsonBytes.of(out);
        }));
    }

    private static CacheKey key(String endpoint, WebhookFilter filter, Object... more) {
        Object[] params = new Object[5 + more.length];
        params[0] = filter.repository() == null ? null : filter.repository().toLowerCase(java.util.Locale.ROOT);
        params[1] = filter.eventType();
        params[2] = filter.status();
        params[3] = filter.start();
        params[4] = filter.end();
        System.arraycopy(more, 0, params, 5, more.length);
        return CacheKey.of(CacheScope.WEBHOOKS, endpoint, params);
    }

    private static Map<String, Object> withRange(WebhookFilter filter, Page<?> page) {
        Map<String, Object> out = range(filter);
        out.put("data", page.data());
        out.put("pagination", page.pagination());
        return out;
    }

    private static Map<String, Object> range(WebhookFilter filter) {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("start_time", filter.start());
        range.put("end_time", filter.end());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time_range", range);
        return out;
    }
}
