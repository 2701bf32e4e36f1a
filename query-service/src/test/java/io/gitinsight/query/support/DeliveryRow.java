package io.gitinsight.query.support;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code ingestion.webhook_deliveries} as ingestion stores a verified delivery. */
public final class DeliveryRow {

    public final String deliveryId = UUID.randomUUID().toString();
    private final String event;
    private String action;
    private String repository;
    private String sender = "octocat";
    private Instant receivedAt = Instant.parse("2024-01-15T10:30:00Z");
    private String status = "published";
    private Integer processingMs = 100;
    private String payload = "{}";

    private DeliveryRow(String event) {
        this.event = event;
    }

    public static DeliveryRow of(String event, String action) {
        DeliveryRow row = new DeliveryRow(event);
        row.action = action;
        return row;
    }

    public DeliveryRow repository(String fullName) {
        this.repository = fullName;
        return this;
    }

    public DeliveryRow sender(String login) {
        this.sender = login;
        return this;
    }

    public DeliveryRow at(Instant at) {
        this.receivedAt = at;
        return this;
    }

    /** pending (no processing time yet), published (with processing time) or failed. */
    public DeliveryRow status(String value, Integer ms) {
        this.status = value;
        this.processingMs = ms;
        return this;
    }

    public DeliveryRow payload(String json) {
        this.payload = json;
        return this;
    }

    public String insert() {
        Db.execute("""
                INSERT INTO ingestion.webhook_deliveries (delivery_id, event, action, repository_full_name, sender, headers,
                  payload, normalized, size_bytes, received_at, status, attempts, published_at, processing_ms)
                VALUES (?, ?, ?, ?, ?, '{}'::jsonb, ?::jsonb, '{}'::jsonb, ?, ?, ?, 1, ?, ?)""", deliveryId, event, action,
                repository, sender, payload, payload.length(), receivedAt, status,
                status.equals("published") ? receivedAt.plusMillis(processingMs) : null, processingMs);
        return deliveryId;
    }

    public static void delete(String... ids) {
        for (String id : ids) {
            Db.execute("DELETE FROM ingestion.webhook_deliveries WHERE delivery_id = ?", id);
        }
    }
}
