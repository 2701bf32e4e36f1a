-- Org discovery (CONTRACT §2): what GitHub listed of an organization at its last completed import. One
-- row per organization (GitHub logins are case-insensitive: the key is the lowercased login). An import
-- replaces the repositories and members in one transaction when it completes, so readers see either the
-- previous import or the new one, never a half-written list.
CREATE TABLE ingestion.org_imports (
    org           text PRIMARY KEY,
    login         text        NOT NULL,
    github_id     bigint      NOT NULL,
    -- the current or last attempt; only the attempt named here may write its result, so an attempt that
    -- was taken over (its replica stalled) cannot overwrite a newer one
    attempt_id    uuid        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    started_by    uuid,
    started_at    timestamptz NOT NULL,
    error_message text,
    -- the last completed import, whose lists are served
    imported_at   timestamptz,
    imported_by   uuid,
    -- whose GitHub token listed them: private repositories and concealed members are shown only to the
    -- user whose own token saw them (and to admins)
    token_source  text CHECK (token_source IN ('user', 'server', 'anonymous'))
);

CREATE TABLE ingestion.org_repositories (
    org            text    NOT NULL REFERENCES ingestion.org_imports (org) ON DELETE CASCADE,
    github_id      bigint  NOT NULL,
    name           text    NOT NULL,
    full_name      text    NOT NULL,
    description    text,
    url            text,
    clone_url      text,
    language       text,
    stars          bigint  NOT NULL,
    forks          bigint  NOT NULL,
    private        boolean NOT NULL,
    default_branch text,
    updated_at     timestamptz,
    PRIMARY KEY (org, github_id)
);
CREATE INDEX org_repositories_name_idx ON ingestion.org_repositories (org, lower(name));

CREATE TABLE ingestion.org_members (
    org        text    NOT NULL REFERENCES ingestion.org_imports (org) ON DELETE CASCADE,
    github_id  bigint  NOT NULL,
    login      text    NOT NULL,
    avatar_url text,
    role       text    NOT NULL CHECK (role IN ('admin', 'member')),
    -- GitHub lists concealed members only to members of the organization
    public     boolean NOT NULL,
    PRIMARY KEY (org, github_id)
);
CREATE INDEX org_members_login_idx ON ingestion.org_members (org, lower(login));
