-- Accounts, sessions, single-use tokens, throttling counters, the mail outbox, the
-- audit log and server secrets. Kept in lockstep with migrations/postgres.

ALTER TABLE consultations ADD COLUMN moderation_mode TEXT NOT NULL DEFAULT 'pre'
    CHECK (moderation_mode IN ('pre', 'post'));

-- `email` is stored lower-cased. A deleted account keeps its row (its suggestions
-- stay) with personal data erased: email replaced, name and hash emptied.
CREATE TABLE users (
    id                  BIGSERIAL PRIMARY KEY,
    email               TEXT NOT NULL UNIQUE,
    display_name        TEXT NOT NULL,
    password_hash       TEXT NOT NULL,
    region              TEXT,
    role                TEXT NOT NULL DEFAULT 'citizen'
                        CHECK (role IN ('citizen', 'moderator', 'analyst', 'admin')),
    email_confirmed_at  TIMESTAMP,
    terms_accepted_at   TIMESTAMP,
    created_at          TIMESTAMP NOT NULL,
    updated_at          TIMESTAMP NOT NULL,
    deleted_at          TIMESTAMP
);

-- Server-side sessions; the cookie holds a random token, the table only its SHA-256.
CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY NOT NULL,
    user_id       BIGINT NOT NULL REFERENCES users (id),
    created_at    TIMESTAMP NOT NULL,
    last_seen_at  TIMESTAMP NOT NULL,
    expires_at    TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Email confirmation and password reset tokens: hashed, single-use, expiring.
CREATE TABLE user_tokens (
    id          BIGSERIAL PRIMARY KEY,
    user_id     BIGINT NOT NULL REFERENCES users (id),
    purpose     TEXT NOT NULL CHECK (purpose IN ('confirm', 'reset')),
    token_hash  TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP
);
CREATE INDEX user_tokens_user ON user_tokens (user_id);

-- Fixed-window counters for throttling, shared by every server process.
CREATE TABLE rate_limits (
    key           TEXT PRIMARY KEY NOT NULL,
    window_start  TIMESTAMP NOT NULL,
    hits          INTEGER NOT NULL
);

-- Mail waiting to be sent, written in the same transaction as its cause.
CREATE TABLE outbox (
    id               BIGSERIAL PRIMARY KEY,
    to_address       TEXT NOT NULL,
    subject          TEXT NOT NULL,
    text_body        TEXT NOT NULL,
    html_body        TEXT NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    next_attempt_at  TIMESTAMP NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    claimed_until    TIMESTAMP,
    sent_at          TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (sent_at, next_attempt_at);

-- Append-only record of administrative actions.
CREATE TABLE audit_log (
    id             BIGSERIAL PRIMARY KEY,
    actor_user_id  BIGINT REFERENCES users (id),
    action         TEXT NOT NULL,
    subject        TEXT NOT NULL,
    details        TEXT NOT NULL DEFAULT '{}',
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX audit_log_created ON audit_log (created_at);

-- Secrets generated on first start (e.g. the CSRF signing key), shared by all processes.
CREATE TABLE app_secrets (
    name   TEXT PRIMARY KEY NOT NULL,
    value  TEXT NOT NULL
);
