-- The moderation workbench: decisions, the append-only moderation log, duplicate
-- clusters, claims and assignment, tags, notes, canned responses, flags, blocking,
-- and full-text search. Kept in lockstep with migrations/postgres.

-- Why a suggestion was rejected or hidden (a code from the domain's list and free text).
ALTER TABLE suggestions ADD COLUMN reason_code TEXT;
ALTER TABLE suggestions ADD COLUMN reason_text TEXT;
-- When the last moderation decision was taken.
ALTER TABLE suggestions ADD COLUMN decided_at TIMESTAMP;
-- A duplicate points at its canonical suggestion; a canonical counts how many point at it
-- (when > 0, its upvotes are the distinct voters over the whole group).
ALTER TABLE suggestions ADD COLUMN duplicate_of BIGINT REFERENCES suggestions (id);
ALTER TABLE suggestions ADD COLUMN duplicate_count INTEGER NOT NULL DEFAULT 0;
-- Near-duplicate cluster (id of its first member) and its size; `clustered` is false
-- until the clustering pass has seen the suggestion (it only looks at new ones).
ALTER TABLE suggestions ADD COLUMN cluster_id BIGINT;
ALTER TABLE suggestions ADD COLUMN cluster_size INTEGER NOT NULL DEFAULT 1;
ALTER TABLE suggestions ADD COLUMN clustered BOOLEAN NOT NULL DEFAULT FALSE;
-- Hash of the normalised text, and whether it looks like a form-letter campaign.
ALTER TABLE suggestions ADD COLUMN text_hash TEXT;
ALTER TABLE suggestions ADD COLUMN campaign BOOLEAN NOT NULL DEFAULT FALSE;
-- Working the queue: who it is assigned to, who holds it while deciding, until when.
ALTER TABLE suggestions ADD COLUMN assignee_id BIGINT REFERENCES users (id);
ALTER TABLE suggestions ADD COLUMN claimed_by BIGINT REFERENCES users (id);
ALTER TABLE suggestions ADD COLUMN claimed_until TIMESTAMP;
-- Reports by citizens: open reports, and whether it waits for a moderator's review
-- (after enough reports, or because its author was blocked). `hidden_from` keeps the
-- status it had before being hidden so that clearing the reports restores it.
ALTER TABLE suggestions ADD COLUMN flag_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE suggestions ADD COLUMN flagged BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE suggestions ADD COLUMN hidden_from TEXT;

-- The queue's orders, overall and per consultation.
CREATE INDEX queue_by_status ON suggestions (status, id);
CREATE INDEX queue_by_status_upvotes ON suggestions (status, upvotes DESC, id DESC);
CREATE INDEX queue_by_consultation ON suggestions (consultation_id, status, id);
CREATE INDEX queue_by_clause ON suggestions (clause_lineage, status, id);
CREATE INDEX queue_by_assignee ON suggestions (assignee_id, status, id);
CREATE INDEX queue_by_cluster ON suggestions (cluster_id, cluster_size);
CREATE INDEX queue_flagged ON suggestions (flagged, id);
CREATE INDEX queue_unclustered ON suggestions (clustered, id);
CREATE INDEX suggestions_duplicates ON suggestions (duplicate_of);
CREATE INDEX suggestions_text_hash ON suggestions (text_hash, created_at);
CREATE INDEX suggestions_created ON suggestions (created_at);

-- Full-text search over the body and proposed text. unicode61 folds case for Cyrillic
-- and Latin and treats Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і) as letters; diacritics
-- are kept so that ә and а stay different words.
CREATE VIRTUAL TABLE suggestions_fts USING fts5(
    body, proposed_text, content='suggestions', content_rowid='id',
    tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO suggestions_fts (suggestions_fts) VALUES ('rebuild');
CREATE TRIGGER suggestions_fts_insert AFTER INSERT ON suggestions BEGIN
    INSERT INTO suggestions_fts (rowid, body, proposed_text)
    VALUES (new.id, new.body, new.proposed_text);
END;
CREATE TRIGGER suggestions_fts_update AFTER UPDATE OF body, proposed_text ON suggestions BEGIN
    INSERT INTO suggestions_fts (suggestions_fts, rowid, body, proposed_text)
    VALUES ('delete', old.id, old.body, old.proposed_text);
    INSERT INTO suggestions_fts (rowid, body, proposed_text)
    VALUES (new.id, new.body, new.proposed_text);
END;

-- Every moderation decision, merge, tag, assignment, note, flag decision, block and
-- role change. Append-only: the triggers refuse to change or remove a row. `public`
-- rows (decisions on published content) appear on the public log without names.
CREATE TABLE moderation_log (
    id               INTEGER PRIMARY KEY NOT NULL,
    suggestion_id    BIGINT REFERENCES suggestions (id),
    subject_user_id  BIGINT REFERENCES users (id),
    actor_id         BIGINT REFERENCES users (id),
    action           TEXT NOT NULL,
    from_value       TEXT,
    to_value         TEXT,
    reason           TEXT,
    public           BOOLEAN NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMP NOT NULL
);
CREATE INDEX moderation_log_suggestion ON moderation_log (suggestion_id, id);
CREATE INDEX moderation_log_public ON moderation_log (public, id);
CREATE INDEX moderation_log_actor ON moderation_log (actor_id, created_at);
CREATE INDEX moderation_log_created ON moderation_log (created_at);
CREATE TRIGGER moderation_log_no_update BEFORE UPDATE ON moderation_log BEGIN
    SELECT RAISE(ABORT, 'moderation_log is append-only');
END;
CREATE TRIGGER moderation_log_no_delete BEFORE DELETE ON moderation_log BEGIN
    SELECT RAISE(ABORT, 'moderation_log is append-only');
END;

CREATE TABLE tags (
    id               INTEGER PRIMARY KEY NOT NULL,
    consultation_id  BIGINT NOT NULL REFERENCES consultations (id),
    name             TEXT NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    UNIQUE (consultation_id, name)
);

CREATE TABLE suggestion_tags (
    suggestion_id  BIGINT NOT NULL REFERENCES suggestions (id),
    tag_id         BIGINT NOT NULL REFERENCES tags (id),
    PRIMARY KEY (suggestion_id, tag_id)
);
CREATE INDEX suggestion_tags_tag ON suggestion_tags (tag_id, suggestion_id);

-- Internal notes: staff only.
CREATE TABLE moderation_notes (
    id             INTEGER PRIMARY KEY NOT NULL,
    suggestion_id  BIGINT NOT NULL REFERENCES suggestions (id),
    author_id      BIGINT NOT NULL REFERENCES users (id),
    body           TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL
);
CREATE INDEX moderation_notes_suggestion ON moderation_notes (suggestion_id, id);

-- Canned official responses per consultation.
CREATE TABLE response_templates (
    id               INTEGER PRIMARY KEY NOT NULL,
    consultation_id  BIGINT NOT NULL REFERENCES consultations (id),
    title            TEXT NOT NULL,
    body             TEXT NOT NULL,
    created_at       TIMESTAMP NOT NULL
);
CREATE INDEX response_templates_consultation ON response_templates (consultation_id);

-- A citizen's report of a suggestion; one per citizen, open until a moderator decides.
CREATE TABLE flags (
    suggestion_id  BIGINT NOT NULL REFERENCES suggestions (id),
    user_id        BIGINT NOT NULL REFERENCES users (id),
    reason         TEXT NOT NULL,
    created_at     TIMESTAMP NOT NULL,
    resolved_at    TIMESTAMP,
    PRIMARY KEY (suggestion_id, user_id)
);

-- Blocked citizens may not submit or vote. Moderators may ask for a daily summary.
ALTER TABLE users ADD COLUMN blocked_at TIMESTAMP;
ALTER TABLE users ADD COLUMN daily_summary BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN summary_sent_on TEXT;
