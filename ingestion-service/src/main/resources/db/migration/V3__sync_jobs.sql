-- One row per sync job (the analysis job it serves): where it is and what it spent at GitHub.
CREATE TABLE ingestion.sync_jobs (
    job_id        uuid PRIMARY KEY,
    repository_id uuid        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    stage         text        NOT NULL,
    accounting    jsonb       NOT NULL DEFAULT '{}',
    items         integer     NOT NULL DEFAULT 0,
    error_message text,
    started_at    timestamptz NOT NULL DEFAULT now(),
    finished_at   timestamptz
);
CREATE INDEX sync_jobs_repository_idx ON ingestion.sync_jobs (repository_id, started_at DESC);

-- Where the last successful sync of a repository left its branch, for incremental runs.
CREATE TABLE ingestion.sync_state (
    repository_id uuid PRIMARY KEY,
    branch        text        NOT NULL,
    head_sha      text        NOT NULL,
    synced_at     timestamptz NOT NULL
);
