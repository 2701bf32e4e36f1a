-- ingestion-service owns the schema "ingestion". Flyway creates it (quarkus.flyway.schemas) and keeps its
-- history inside it, so that every service migrates its own schema in one shared database.
COMMENT ON SCHEMA ingestion IS 'GitInsight ingestion-service: webhook deliveries, the outbox, sync jobs, GitHub request caches and org discovery';
