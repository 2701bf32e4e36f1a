-- Who asked for the last sync of a repository: a push webhook fetches the mirror of a private
-- repository with that user's GitHub token (asked of auth-service each time, never stored here).
ALTER TABLE ingestion.sync_state ADD COLUMN requested_by uuid;
