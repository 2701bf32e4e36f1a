-- The relay of each replica claims pending deliveries for a while, so two replicas never publish the
-- same delivery at the same time.
ALTER TABLE ingestion.webhook_deliveries ADD COLUMN relay_lease_until timestamptz;
