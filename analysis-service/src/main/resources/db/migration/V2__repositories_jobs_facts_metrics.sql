-- The analysis schema: what users track (repositories, follows, jobs), the normalized facts ingestion
-- delivers (raw enough that every metric can be recomputed without asking GitHub again), and what the
-- engine computed from them, shaped for query-service's reads (one row per screen where possible).
-- Trigram search over names and descriptions; pg_trgm is a trusted extension, so the database owner
-- may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE analysis.repositories (
    id                      uuid PRIMARY KEY,
    github_id               bigint UNIQUE,
    name                    text        NOT NULL,
    full_name               text        NOT NULL,
    owner                   text,
    description             text,
    url                     text,
    clone_url               text        NOT NULL,
    language                text,
    languages               jsonb       NOT NULL DEFAULT '{}',
    stars                   integer     NOT NULL DEFAULT 0,
    forks                   integer     NOT NULL DEFAULT 0,
    watchers                integer     NOT NULL DEFAULT 0,
    size_kb                 bigint      NOT NULL DEFAULT 0,
    default_branch          text,
    is_private              boolean     NOT NULL DEFAULT false,
    created_at              timestamptz,
    updated_at              timestamptz,
    pushed_at               timestamptz,
    added_at                timestamptz NOT NULL DEFAULT now(),
    added_by                uuid,
    analysis_interval_hours integer     NOT NULL DEFAULT 24 CHECK (analysis_interval_hours BETWEEN 1 AND 8760),
    webhook_enabled         boolean     NOT NULL DEFAULT false,
    last_analyzed           timestamptz,
    analysis_status         text        NOT NULL DEFAULT 'pending'
        CHECK (analysis_status IN ('pending', 'queued', 'running', 'completed', 'failed')),
    -- the head the last completed analysis covered, for incremental runs
    analyzed_head_sha       text
);
CREATE UNIQUE INDEX repositories_full_name_key ON analysis.repositories (lower(full_name));
CREATE INDEX repositories_search_idx ON analysis.repositories
    USING gin ((lower(full_name) || ' ' || coalesce(lower(description), '')) gin_trgm_ops);
CREATE INDEX repositories_language_idx ON analysis.repositories (lower(language));
CREATE INDEX repositories_stars_idx ON analysis.repositories (stars DESC, id);
CREATE INDEX repositories_updated_idx ON analysis.repositories (updated_at DESC NULLS LAST, id);
CREATE INDEX repositories_due_idx ON analysis.repositories (last_analyzed NULLS FIRST);

CREATE TABLE analysis.follows (
    user_id       uuid        NOT NULL,
    repository_id uuid        NOT NULL REFERENCES analysis.repositories (id) ON DELETE CASCADE,
    followed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, repository_id)
);
CREATE INDEX follows_repository_idx ON analysis.follows (repository_id);

-- kind 'repository' (a sync and analysis of one repository) or 'user' (per-user scores of subject_login)
CREATE TABLE analysis.jobs (
    id              uuid PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('repository', 'user')),
    repository_id   uuid REFERENCES analysis.repositories (id) ON DELETE CASCADE,
    subject_login   text,
    requested_by    uuid,
    status          text        NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    stage           text        NOT NULL DEFAULT 'queued',
    progress        integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    items_processed bigint      NOT NULL DEFAULT 0,
    items_total     bigint,
    since           timestamptz,
    github          jsonb       NOT NULL DEFAULT '{}',
    batch_count     integer,
    error_message   text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    completed_at    timestamptz
);
-- at most one active analysis per repository, enforced by the database (409 ANALYSIS_IN_PROGRESS)
CREATE UNIQUE INDEX jobs_one_active_per_repository ON analysis.jobs (repository_id)
    WHERE kind = 'repository' AND status IN ('queued', 'running');
CREATE UNIQUE INDEX jobs_one_active_per_user ON analysis.jobs (lower(subject_login))
    WHERE kind = 'user' AND status IN ('queued', 'running');
CREATE INDEX jobs_recent_idx ON analysis.jobs (created_at DESC);
CREATE INDEX jobs_repository_idx ON analysis.jobs (repository_id, created_at DESC);

-- which batches of a job arrived (a redelivered batch is a no-op)
CREATE TABLE analysis.job_batches (
    job_id       uuid        NOT NULL REFERENCES analysis.jobs (id) ON DELETE CASCADE,
    batch_number integer     NOT NULL,
    batch_count  integer     NOT NULL,
    items        integer     NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, batch_number)
);

-- envelope ids a consumer has committed: the idempotency keys of CONTRACT §3
CREATE TABLE analysis.processed_events (
    event_id     uuid        NOT NULL,
    consumer     text        NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);

-- ----- normalized facts -----

CREATE TABLE analysis.commits (
    repository_id   uuid        NOT NULL REFERENCES analysis.repositories (id) ON DELETE CASCADE,
    sha             text        NOT NULL,
    parents         text[]      NOT NULL,
    author_name     text        NOT NULL,
    author_email    text        NOT NULL,
    authored_at     timestamptz NOT NULL,
    author_offset   integer     NOT NULL, -- minutes east of UTC, as git stored it
    committer_name  text        NOT NULL,
    committer_email text        NOT NULL,
    committed_at    timestamptz NOT NULL,
    message         text        NOT NULL,
    co_authors      jsonb       NOT NULL DEFAULT '[]',
    additions       integer     NOT NULL,
    deletions       integer     NOT NULL,
    files_changed   integer     NOT NULL,
    is_merge        boolean     NOT NULL,
    PRIMARY KEY (repository_id, sha)
);
CREATE INDEX commits_authored_idx ON analysis.commits (repository_id, authored_at);
CREATE INDEX commits_author_email_idx ON analysis.commits (lower(author_email));

CREATE TABLE analysis.file_changes (
    repository_id uuid    NOT NULL,
    sha           text    NOT NULL,
    path          text    NOT NULL,
    old_path      text,
    additions     integer NOT NULL,
    deletions     integer NOT NULL,
    is_binary     boolean NOT NULL,
    PRIMARY KEY (repository_id, sha, path),
    FOREIGN KEY (repository_id, sha) REFERENCES analysis.commits (repository_id, sha) ON DELETE CASCADE
);

-- the files at the analyzed tip with their line counts (LOC, loc_by_language, truck factor)
CREATE TABLE analysis.source_files (
    repository_id uuid    NOT NULL REFERENCES analysis.repositories (id) ON DELETE CASCADE,
    path          text    NOT NULL,
    language      text,
    bytes         bigint  NOT NULL,
    code          integer NOT NULL,
    comments      integer NOT NULL,
    blanks        integer NOT NULL,
    PRIMARY KEY (repository_id, path)
);

CREATE TABLE analysis.pull_requests (
    repository_id              uuid        NOT NULL REFERENCES analysis.repositories (id) ON DELETE CASCADE,
    number                     integer     NOT NULL,
    github_id                  bigint,
    title                      text        NOT NULL,
    author                     text,
    state                      text        NOT NULL, -- open | closed | merged
    draft                      boolean     NOT NULL DEFAULT false,
    head_ref                   text,
    head_sha                   text,
    base_ref                   text,
    merge_commit_sha           text,
    created_at                 timestamptz NOT NULL,
    ready_at                   timestamptz,
    merged_at                  timestamptz,
    closed_at                  timestamptz,
    updated_at                 timestamptz,
    additions                  integer,
    deletions                  integer,
    commits                    jsonb       NOT NULL DEFAULT '[]', -- [{sha, authored_at}] when known
    -- phases computed by the engine (hours; null when the phase did not happen or is unknown)
    first_commit_at            timestamptz,
    first_review_at            timestamptz,
    deployed_at                timestamptz,
    coding_hours               double precision,
    pickup_hours               double precision,
    review_hours               double precision,
    deploy_hours               double precision,
    cycle_time_hours           double precision,
    time_to_first_review_hours double precision,
    is_hotfix                  boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (repository_id, number)
);
CREATE INDEX pull_requests_state_idx ON analysis.pull_requests (repository_id, state, created_at DESC);
CREATE INDEX pull_requests_author_idx ON analysis.pull_requests (lower(author), created_at DESC);
CREATE INDEX pull_requests_merged_idx ON analysis.pull_requests (repository_id, merged_at) WHERE merged_at IS NOT NULL;

-- reviews and review comments (kind), keyed by GitHub's id within their kind
CREATE TABLE analysis.reviews (
    repository_id       uuid        NOT NULL REFERENCES analysis.repositories (id) ON DELETE CASCADE,
    kind                text        NOT NULL CHECK (kind IN ('review', 'comment')),
    id                  bigint      NOT NULL,
    pull_request_number integer     NOT NULL,
    reviewer            text,
    state               text        NOT NULL,
    submitted_at        timestamptz,
    PRIMARY KEY (repository_id, kind, id)
);
CREATE INDEX reviews_pull_idx ON analysis.reviews (repository_id, pull_request_number);
CREATE INDEX reviews_reviewer_idx ON analysis.reviews (lower(reviewer), submitted_at);

CREATE TABLE analysis.issues (
    repository_id uuid        NOT NULL REFERENCES analysis.repositories (id) ON DELETE CASCADE,
    number        integer     NOT NULL,
    title         text        NOT NULL,
    author        text,
    state         text        NOT NULL,
    comments      integer     NOT NULL DEFAULT 0,
    created_at    timestamptz NOT NULL,
    closed_at     timestamptz,
    PRIMARY KEY (repository_id, number)
);
CREATE INDEX issues_author_idx ON analysis.issues (lower(author), created_at);

CREATE TABLE analysis.deployments (
    repository_id uuid        NOT NULL REFERENCES analysis.repositories (id) ON DELETE CASCADE,
    id            bigint      NOT NULL,
    environment   text        NOT NULL,
    sha           text        NOT NULL,
    ref           text,
    created_at    timestamptz NOT NULL,
    status        text, -- the deciding status: success | failure | error, null while undecided
    finished_at   timestamptz,
    statuses      jsonb       NOT NULL DEFAULT '[]',
    PRIMARY KEY (repository_id, id)
);
CREATE INDEX deployments_env_idx ON analysis.deployments (repository_id, environment, created_at);

CREATE TABLE analysis.releases (
    repository_id uuid        NOT NULL REFERENCES analysis.repositories (id) ON DELETE CASCADE,
    id            bigint      NOT NULL,
    tag_name      text        NOT NULL,
    name          text,
    draft         boolean     NOT NULL DEFAULT false,
    prerelease    boolean     NOT NULL DEFAULT false,
    author        text,
    created_at    timestamptz,
    published_at  timestamptz,
    PRIMARY KEY (repository_id, id)
);

-- ----- computed results, shaped for reads -----

-- the contract's metrics object per repository and window, exactly as GET /repositories/{id}/metrics
-- answers it (window names: 30d, 90d, 180d, all; each ends at computed_at)
CREATE TABLE analysis.metric_snapshots (
    repository_id uuid        NOT NULL REFERENCES analysis.repositories (id) ON DELETE CASCADE,
    window_name   text        NOT NULL CHECK (window_name IN ('30d', '90d', '180d', 'all')),
    computed_at   timestamptz NOT NULL,
    job_id        uuid,
    metrics       jsonb       NOT NULL,
    PRIMARY KEY (repository_id, window_name)
);

-- people of a repository after identity merging; bots kept apart (is_bot) and out of shares
CREATE TABLE analysis.contributors (
    repository_id uuid             NOT NULL REFERENCES analysis.repositories (id) ON DELETE CASCADE,
    login         text             NOT NULL, -- GitHub login when known, else the merged identity's email
    name          text,
    emails        text[]           NOT NULL DEFAULT '{}',
    is_bot        boolean          NOT NULL DEFAULT false,
    commits       integer          NOT NULL,
    additions     bigint           NOT NULL,
    deletions     bigint           NOT NULL,
    prs_opened    integer          NOT NULL DEFAULT 0,
    reviews_given integer          NOT NULL DEFAULT 0,
    first_commit  timestamptz,
    last_commit   timestamptz,
    share         double precision NOT NULL, -- of the people's commits, 0..1
    PRIMARY KEY (repository_id, login)
);
CREATE INDEX contributors_commits_idx ON analysis.contributors (repository_id, commits DESC);

-- time series per metric (commits, churn, prs_merged, cycle_time, contributors) and interval;
-- kind 'actual' points and 'forecast' points (with low/high prediction bounds)
CREATE TABLE analysis.metric_series (
    repository_id uuid             NOT NULL REFERENCES analysis.repositories (id) ON DELETE CASCADE,
    metric        text             NOT NULL,
    interval_name text             NOT NULL CHECK (interval_name IN ('day', 'week', 'month')),
    kind          text             NOT NULL CHECK (kind IN ('actual', 'forecast')),
    t             timestamptz      NOT NULL,
    value         double precision NOT NULL,
    low           double precision,
    high          double precision,
    PRIMARY KEY (repository_id, metric, interval_name, kind, t)
);

CREATE TABLE analysis.insights (
    id               uuid PRIMARY KEY,
    repository_id    uuid             NOT NULL REFERENCES analysis.repositories (id) ON DELETE CASCADE,
    job_id           uuid,
    type             text             NOT NULL,
    title            text             NOT NULL,
    description      text             NOT NULL,
    confidence_score double precision NOT NULL CHECK (confidence_score BETWEEN 0 AND 1),
    data             jsonb            NOT NULL DEFAULT '{}',
    tags             text[]           NOT NULL DEFAULT '{}',
    model_version    text             NOT NULL,
    generated_at     timestamptz      NOT NULL
);
CREATE INDEX insights_repository_idx ON analysis.insights (repository_id, generated_at DESC, id);
CREATE INDEX insights_type_idx ON analysis.insights (repository_id, type, generated_at DESC);

-- per-user scores per dimension and window (CONTRACT §2 /users/{login}/scores)
CREATE TABLE analysis.user_scores (
    login       text             NOT NULL,
    dimension   text             NOT NULL,
    window_name text             NOT NULL CHECK (window_name IN ('30d', '90d', '180d')),
    score       double precision NOT NULL,
    events      integer          NOT NULL,
    weight      double precision NOT NULL,
    computed_at timestamptz      NOT NULL,
    job_id      uuid,
    PRIMARY KEY (login, dimension, window_name)
);
CREATE INDEX user_scores_login_idx ON analysis.user_scores (lower(login));
