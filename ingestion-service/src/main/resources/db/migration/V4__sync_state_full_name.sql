-- A push webhook names its repository by full name: remember it, so a push to a synced repository
-- can fetch that repository's mirror.
ALTER TABLE ingestion.sync_state ADD COLUMN full_name text;
ALTER TABLE ingestion.sync_state ADD COLUMN clone_url text;
CREATE INDEX sync_state_full_name_idx ON ingestion.sync_state (lower(full_name));
