-- Every verified webhook delivery, stored whole before it is acknowledged. The row is also the
-- outbox: status 'pending' until github.event.received is confirmed by the broker, so a delivery
-- acknowledged with 202 is published even when the broker was down at that moment.
CREATE TABLE ingestion.webhook_deliveries (
    delivery_id          text PRIMARY KEY,
    event                text        NOT NULL,
    action               text,
    repository_full_name text,
    repository_github_id bigint,
    sender               text,
    headers              jsonb       NOT NULL,
    payload              jsonb       NOT NULL,
    normalized           jsonb       NOT NULL,
    size_bytes           integer     NOT NULL,
    received_at          timestamptz NOT NULL,
    status               text        NOT NULL CHECK (status IN ('pending', 'published', 'failed')),
    attempts             integer     NOT NULL DEFAULT 0,
    last_error           text,
    published_at         timestamptz,
    processing_ms        integer
);
CREATE INDEX webhook_deliveries_pending_idx ON ingestion.webhook_deliveries (received_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_received_idx ON ingestion.webhook_deliveries (received_at DESC);
CREATE INDEX webhook_deliveries_repo_idx ON ingestion.webhook_deliveries (repository_full_name, received_at DESC);
CREATE INDEX webhook_deliveries_event_idx ON ingestion.webhook_deliveries (event, received_at DESC);
