-- Exact number of suggestions per consultation and status, for the moderation queue's
-- counts on a table of millions. Triggers append a row of +1 / -1 for every insert,
-- status change or delete, in the same transaction (appending, never updating one hot
-- row: a bulk change of thousands would otherwise wait on, or in PostgreSQL walk a
-- chain of versions of, the same counter). The count is SUM(n); housekeeping folds
-- the rows back into one per consultation and status. Kept in lockstep with
-- migrations/postgres.
CREATE TABLE suggestion_counts (
    consultation_id  BIGINT NOT NULL REFERENCES consultations (id),
    status           TEXT NOT NULL,
    n                BIGINT NOT NULL
);
CREATE INDEX suggestion_counts_by_consultation ON suggestion_counts (consultation_id, status);
INSERT INTO suggestion_counts (consultation_id, status, n)
    SELECT consultation_id, status, COUNT(*) FROM suggestions GROUP BY consultation_id, status;

CREATE TRIGGER suggestion_counts_insert AFTER INSERT ON suggestions BEGIN
    INSERT INTO suggestion_counts (consultation_id, status, n)
    VALUES (new.consultation_id, new.status, 1);
END;
CREATE TRIGGER suggestion_counts_update AFTER UPDATE OF status ON suggestions
WHEN old.status <> new.status BEGIN
    INSERT INTO suggestion_counts (consultation_id, status, n)
    VALUES (old.consultation_id, old.status, -1), (new.consultation_id, new.status, 1);
END;
CREATE TRIGGER suggestion_counts_delete AFTER DELETE ON suggestions BEGIN
    INSERT INTO suggestion_counts (consultation_id, status, n)
    VALUES (old.consultation_id, old.status, -1);
END;

-- "Most upvoted" over every status, paged by (upvotes, id).
CREATE INDEX queue_by_upvotes ON suggestions (upvotes DESC, id DESC);
-- One clause's suggestions in queue order, whatever their status.
CREATE INDEX queue_by_lineage ON suggestions (clause_lineage, id);
-- The staff list (assignees) without reading every citizen.
CREATE INDEX users_by_role ON users (role, display_name);
