-- Users as GitHub knows them, with their GitInsight role.
CREATE TABLE auth.users (
    id                uuid PRIMARY KEY,
    github_id         bigint      NOT NULL UNIQUE,
    username          text        NOT NULL,
    name              text,
    email             text,
    avatar_url        text,
    bio               text,
    location          text,
    company           text,
    role              text        NOT NULL CHECK (role IN ('user', 'premium', 'admin')),
    github_created_at timestamptz,
    created_at        timestamptz NOT NULL DEFAULT now(),
    last_login        timestamptz
);
CREATE INDEX users_username_idx ON auth.users (lower(username));

-- A user's GitHub OAuth token, AES-256-GCM encrypted; key_id names the key so that keys can rotate.
CREATE TABLE auth.github_tokens (
    user_id    uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
    key_id     text        NOT NULL,
    nonce      bytea       NOT NULL,
    ciphertext bytea       NOT NULL,
    scopes     text        NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- RS256 signing keys: the private key encrypted like GitHub tokens, so that restarts and replicas
-- keep issuing tokens the same JWKS verifies. The newest is current, the one before it is previous.
CREATE TABLE auth.signing_keys (
    kid         text PRIMARY KEY,
    key_id      text        NOT NULL,
    nonce       bytea       NOT NULL,
    ciphertext  bytea       NOT NULL,
    public_jwk  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Opaque refresh tokens, stored only as SHA-256 hashes. A family is one login's chain of rotations.
CREATE TABLE auth.refresh_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    family_id   uuid        NOT NULL,
    token_hash  bytea       NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    rotated_at  timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_tokens_family_idx ON auth.refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON auth.refresh_tokens (user_id) WHERE revoked_at IS NULL;

-- API keys, stored only as SHA-256 hashes; prefix is the shown beginning for recognition.
CREATE TABLE auth.api_keys (
    id                  uuid PRIMARY KEY,
    user_id             uuid        NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    name                text        NOT NULL,
    prefix              text        NOT NULL,
    key_hash            bytea       NOT NULL UNIQUE,
    scopes              text[]      NOT NULL,
    rate_limit_per_hour integer     NOT NULL,
    expires_at          timestamptz,
    last_used_at        timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    revoked_at          timestamptz
);
CREATE INDEX api_keys_user_idx ON auth.api_keys (user_id);

CREATE TABLE auth.audit_logs (
    id          uuid PRIMARY KEY,
    actor_id    uuid,
    actor_login text,
    action      text        NOT NULL,
    target      text,
    ip          text,
    user_agent  text,
    details     jsonb       NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_logs_created_idx ON auth.audit_logs (created_at DESC);
CREATE INDEX audit_logs_action_idx ON auth.audit_logs (action, created_at DESC);
CREATE INDEX audit_logs_actor_idx ON auth.audit_logs (actor_login, created_at DESC);
