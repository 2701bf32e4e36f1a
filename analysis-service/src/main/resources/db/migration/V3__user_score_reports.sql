-- A user's score report per window as GET /users/{login}/scores answers it (summary and scores), next to
-- the per-dimension rows of user_scores. Logins are GitHub's and case-insensitive: stored lowercased.
CREATE TABLE analysis.user_score_reports (
    login       text        NOT NULL,
    window_name text        NOT NULL CHECK (window_name IN ('30d', '90d', '180d')),
    report      jsonb       NOT NULL,
    since       timestamptz NOT NULL,
    rules       text        NOT NULL,
    computed_at timestamptz NOT NULL,
    job_id      uuid,
    PRIMARY KEY (login, window_name)
);
