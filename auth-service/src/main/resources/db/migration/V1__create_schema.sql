-- auth-service owns the schema "auth". Flyway creates it (quarkus.flyway.schemas) and keeps its
-- history inside it, so that every service migrates its own schema in one shared database.
COMMENT ON SCHEMA auth IS 'GitInsight auth-service: users, roles, refresh tokens, API keys, signing keys and the audit log';
