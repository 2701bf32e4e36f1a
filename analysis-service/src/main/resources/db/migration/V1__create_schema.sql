-- analysis-service owns the schema "analysis". Flyway creates it (quarkus.flyway.schemas) and keeps its
-- history inside it, so that every service migrates its own schema in one shared database.
COMMENT ON SCHEMA analysis IS 'GitInsight analysis-service: repositories, jobs, normalized git and GitHub facts, metrics, insights and trends';
