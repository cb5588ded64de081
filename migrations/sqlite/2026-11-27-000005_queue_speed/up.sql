-- Exact number of suggestions per consultation and status, kept by triggers in the
-- same transaction as every insert, status change or delete, so that the moderation
-- queue's counts cost one small read on a table of millions. Kept in lockstep with
-- migrations/postgres.
CREATE TABLE suggestion_counts (
    consultation_id  BIGINT NOT NULL REFERENCES consultations (id),
    status           TEXT NOT NULL,
    n                BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, status)
);
INSERT INTO suggestion_counts (consultation_id, status, n)
    SELECT consultation_id, status, COUNT(*) FROM suggestions GROUP BY consultation_id, status;

CREATE TRIGGER suggestion_counts_insert AFTER INSERT ON suggestions BEGIN
    INSERT INTO suggestion_counts (consultation_id, status, n)
    VALUES (new.consultation_id, new.status, 1)
    ON CONFLICT (consultation_id, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER suggestion_counts_update AFTER UPDATE OF status ON suggestions
WHEN old.status <> new.status BEGIN
    UPDATE suggestion_counts SET n = n - 1
    WHERE consultation_id = old.consultation_id AND status = old.status;
    INSERT INTO suggestion_counts (consultation_id, status, n)
    VALUES (new.consultation_id, new.status, 1)
    ON CONFLICT (consultation_id, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER suggestion_counts_delete AFTER DELETE ON suggestions BEGIN
    UPDATE suggestion_counts SET n = n - 1
    WHERE consultation_id = old.consultation_id AND status = old.status;
END;

-- "Most upvoted" over every status, paged by (upvotes, id).
CREATE INDEX queue_by_upvotes ON suggestions (upvotes DESC, id DESC);
-- One clause's suggestions in queue order, whatever their status.
CREATE INDEX queue_by_lineage ON suggestions (clause_lineage, id);
-- The staff list (assignees) without reading every citizen.
CREATE INDEX users_by_role ON users (role, display_name);
