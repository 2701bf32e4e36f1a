-- ingestion-service owns the schema "ingestion"; Flyway creates it and keeps its history inside it,
-- so that every service can migrate its own schema in one shared database.
CREATE SCHEMA IF NOT EXISTS ingestion;
