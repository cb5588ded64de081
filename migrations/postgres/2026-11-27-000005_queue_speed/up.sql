-- Exact number of suggestions per consultation and status, for the moderation queue's
-- counts on a table of millions. Triggers append a row of +1 / -1 for every insert,
-- status change or delete, in the same transaction (appending, never updating one hot
-- row: a bulk change of thousands would otherwise wait on, or in PostgreSQL walk a
-- chain of versions of, the same counter). The count is SUM(n); housekeeping folds
-- the rows back into one per consultation and status. Kept in lockstep with
-- migrations/sqlite.
CREATE TABLE suggestion_counts (
    consultation_id  BIGINT NOT NULL REFERENCES consultations (id),
    status           TEXT NOT NULL,
    n                BIGINT NOT NULL
);
CREATE INDEX suggestion_counts_by_consultation ON suggestion_counts (consultation_id, status);
INSERT INTO suggestion_counts (consultation_id, status, n)
    SELECT consultation_id, status, COUNT(*) FROM suggestions GROUP BY consultation_id, status;

-- Inserts are counted per statement (a seed's thousand-row INSERT adds one row per
-- status); status changes and deletes per row.
CREATE FUNCTION suggestion_counts_inserted() RETURNS trigger AS $$
BEGIN
    INSERT INTO suggestion_counts (consultation_id, status, n)
    SELECT consultation_id, status, COUNT(*) FROM inserted GROUP BY consultation_id, status;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE FUNCTION suggestion_counts_changed() RETURNS trigger AS $$
BEGIN
    INSERT INTO suggestion_counts (consultation_id, status, n)
    VALUES (OLD.consultation_id, OLD.status, -1);
    IF TG_OP = 'UPDATE' THEN
        INSERT INTO suggestion_counts (consultation_id, status, n)
        VALUES (NEW.consultation_id, NEW.status, 1);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER suggestion_counts_insert AFTER INSERT ON suggestions
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION suggestion_counts_inserted();
CREATE TRIGGER suggestion_counts_update AFTER UPDATE OF status ON suggestions
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION suggestion_counts_changed();
CREATE TRIGGER suggestion_counts_delete AFTER DELETE ON suggestions
    FOR EACH ROW EXECUTE FUNCTION suggestion_counts_changed();

-- "Most upvoted" over every status, paged by (upvotes, id).
CREATE INDEX queue_by_upvotes ON suggestions (upvotes DESC, id DESC);
-- One clause's suggestions in queue order, whatever their status.
CREATE INDEX queue_by_lineage ON suggestions (clause_lineage, id);
-- The staff list (assignees) without reading every citizen.
CREATE INDEX users_by_role ON users (role, display_name);
