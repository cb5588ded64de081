-- Suggestions on clauses, upvotes, and drafts kept for people who were signed out.
-- Kept in lockstep with migrations/postgres.

-- A suggestion belongs to a clause of a version (`clause_id`) and to that clause's
-- identity across versions (`clause_lineage`), which is what lists are keyed by.
-- `visible` is true exactly for the statuses the public sees; `upvotes` is the number
-- of rows in `upvotes` for it, changed in SQL in the same transaction as those rows.
CREATE TABLE suggestions (
    id                 BIGSERIAL PRIMARY KEY,
    tracking_number    TEXT NOT NULL UNIQUE,
    consultation_id    BIGINT NOT NULL REFERENCES consultations (id),
    clause_id          BIGINT NOT NULL REFERENCES clauses (id),
    clause_lineage     TEXT NOT NULL,
    author_id          BIGINT NOT NULL REFERENCES users (id),
    kind               TEXT NOT NULL CHECK (kind IN ('amend', 'delete', 'add', 'comment')),
    body               TEXT NOT NULL,
    proposed_text      TEXT,
    status             TEXT NOT NULL,
    visible            BOOLEAN NOT NULL DEFAULT FALSE,
    upvotes            INTEGER NOT NULL DEFAULT 0 CHECK (upvotes >= 0),
    official_response  TEXT,
    signature          TEXT NOT NULL DEFAULT '',
    idempotency_key    TEXT NOT NULL,
    created_at         TIMESTAMP NOT NULL,
    updated_at         TIMESTAMP NOT NULL,
    published_at       TIMESTAMP,
    UNIQUE (author_id, idempotency_key)
);
CREATE INDEX suggestions_by_upvotes ON suggestions (clause_lineage, visible, upvotes DESC, id DESC);
CREATE INDEX suggestions_by_newest ON suggestions (clause_lineage, visible, id DESC);
CREATE INDEX suggestions_by_status ON suggestions (clause_lineage, visible, status, id DESC);
CREATE INDEX suggestions_by_author ON suggestions (author_id, id DESC);
CREATE INDEX suggestions_by_consultation ON suggestions (consultation_id, visible);

-- One row per citizen and suggestion: the primary key makes double votes impossible.
CREATE TABLE upvotes (
    suggestion_id  BIGINT NOT NULL REFERENCES suggestions (id),
    user_id        BIGINT NOT NULL REFERENCES users (id),
    created_at     TIMESTAMP NOT NULL,
    PRIMARY KEY (suggestion_id, user_id)
);
CREATE INDEX upvotes_by_user ON upvotes (user_id);

-- What someone typed into the suggestion form while signed out, until they sign in.
CREATE TABLE suggestion_drafts (
    token_hash     TEXT PRIMARY KEY NOT NULL,
    clause_id      BIGINT NOT NULL REFERENCES clauses (id),
    kind           TEXT NOT NULL,
    body           TEXT NOT NULL,
    proposed_text  TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL
);
