-- Exact number of suggestions per consultation and status, kept by triggers in the
-- same transaction as every insert, status change or delete, so that the moderation
-- queue's counts cost one small read on a table of millions. Kept in lockstep with
-- migrations/sqlite.
CREATE TABLE suggestion_counts (
    consultation_id  BIGINT NOT NULL REFERENCES consultations (id),
    status           TEXT NOT NULL,
    n                BIGINT NOT NULL,
    PRIMARY KEY (consultation_id, status)
);
INSERT INTO suggestion_counts (consultation_id, status, n)
    SELECT consultation_id, status, COUNT(*) FROM suggestions GROUP BY consultation_id, status;

CREATE FUNCTION suggestion_counts_keep() RETURNS trigger AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE suggestion_counts SET n = n - 1
        WHERE consultation_id = OLD.consultation_id AND status = OLD.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO suggestion_counts (consultation_id, status, n)
        VALUES (NEW.consultation_id, NEW.status, 1)
        ON CONFLICT (consultation_id, status) DO UPDATE SET n = suggestion_counts.n + 1;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER suggestion_counts_insert AFTER INSERT OR DELETE ON suggestions
    FOR EACH ROW EXECUTE FUNCTION suggestion_counts_keep();
CREATE TRIGGER suggestion_counts_update AFTER UPDATE OF status ON suggestions
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION suggestion_counts_keep();

-- "Most upvoted" over every status, paged by (upvotes, id).
CREATE INDEX queue_by_upvotes ON suggestions (upvotes DESC, id DESC);
-- One clause's suggestions in queue order, whatever their status.
CREATE INDEX queue_by_lineage ON suggestions (clause_lineage, id);
-- The staff list (assignees) without reading every citizen.
CREATE INDEX users_by_role ON users (role, display_name);
