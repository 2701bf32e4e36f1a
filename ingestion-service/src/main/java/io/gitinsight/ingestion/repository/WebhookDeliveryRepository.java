package io.gitinsight.ingestion.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.ingestion.domain.WebhookDelivery;
import io.gitinsight.model.events.GitHubEventReceived;
import io.gitinsight.model.json.Json;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Webhook deliveries, which double as the outbox of {@code github.event.received}. */
@ApplicationScoped
public class WebhookDeliveryRepository {

    private final Pool pool;

    public WebhookDeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores a delivery unless its id was seen before; the unique key decides, so two concurrent
     * redeliveries cannot both be stored. Answers whether this call stored it.
     */
    public Uni<Boolean> insertIfNew(WebhookDelivery delivery) {
        GitHubEventReceived event = delivery.normalized();
        return pool.preparedQuery("INSERT INTO ingestion.webhook_deliveries (delivery_id, event, action, "
                + "repository_full_name, repository_github_id, sender, headers, payload, normalized, size_bytes, "
                + "received_at, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending') "
                + "ON CONFLICT (delivery_id) DO NOTHING")
                .execute(Tuple.tuple().addString(event.deliveryId()).addString(event.event())
                        .addString(event.action()).addString(event.repositoryFullName())
                        .addLong(event.repositoryGithubId()).addString(event.sender())
                        .addValue(new JsonObject(new java.util.HashMap<>(delivery.headers())))
                        .addValue(json(delivery.payload())).addValue(json(Json.mapper().valueToTree(event)))
                        .addInteger(delivery.sizeBytes()).addOffsetDateTime(event.receivedAt().atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> markPublished(String deliveryId, Instant publishedAt) {
        return pool.preparedQuery("UPDATE ingestion.webhook_deliveries SET status = 'published', published_at = $2, "
                + "attempts = attempts + 1, last_error = NULL, processing_ms = GREATEST(0, "
                + "(EXTRACT(EPOCH FROM ($2::timestamptz - received_at)) * 1000)::integer) "
                + "WHERE delivery_id = $1 AND status <> 'published'")
                .execute(Tuple.of(deliveryId, publishedAt.atOffset(ZoneOffset.UTC))).replaceWithVoid();
    }

    public Uni<Void> markAttemptFailed(String deliveryId, String error) {
        return pool.preparedQuery("UPDATE ingestion.webhook_deliveries SET attempts = attempts + 1, last_error = $2 "
                + "WHERE delivery_id = $1 AND status = 'pending'").execute(Tuple.of(deliveryId, error))
                .replaceWithVoid();
    }

    /**
     * Claims the oldest deliveries still waiting for the broker and received before {@code before}
     * (younger ones are still being published by their request) for {@code lease}: other replicas'
     * relays skip them meanwhile. Answers their normalized form.
     */
    public Uni<List<GitHubEventReceived>> claimPending(int limit, Instant before, java.time.Duration lease) {
        return pool.preparedQuery(
                "UPDATE ingestion.webhook_deliveries SET relay_lease_until = now() + $3::integer * interval '1 millisecond' "
                        + "WHERE delivery_id IN (SELECT delivery_id FROM ingestion.webhook_deliveries WHERE status = 'pending' "
                        + "AND received_at < $2 AND (relay_lease_until IS NULL OR relay_lease_until < now()) "
                        + "ORDER BY received_at LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING normalized, received_at")
                .execute(Tuple.of(limit, before.atOffset(ZoneOffset.UTC), (int) lease.toMillis()))
                .map(rows -> {
                    List<GitHubEventReceived> events = new ArrayList<>();
                    rows.forEach(row -> events.add(Json.mapper().convertValue(
                            ((JsonObject) row.getValue("normalized")).getMap(), GitHubEventReceived.class)));
                    events.sort(java.util.Comparator.comparing(GitHubEventReceived::receivedAt));
                    return events;
                });
    }

    private static Object json(com.fasterxml.jackson.databind.JsonNode node) {
        return node.isObject() ? new JsonObject(Json.mapper().convertValue(node, java.util.Map.class))
                : io.vertx.core.json.Json.decodeValue(node.toString());
    }
}
