-- Exact number of visible suggestions per clause identity, for the reading pages
-- (issue 16): an article page counted 10,000 rows of `suggestions` for its 20 clauses
-- on every render, which was most of its time. Kept as `suggestion_counts` is: triggers
-- append +1 / -1 in the same transaction as the change, the count is SUM(n), and
-- housekeeping folds the rows into one per clause. Kept in lockstep with
-- migrations/sqlite.
CREATE TABLE clause_counts (
    clause_lineage  TEXT NOT NULL,
    n               BIGINT NOT NULL
);
-- With n in the index the sum reads the index alone.
CREATE INDEX clause_counts_by_lineage ON clause_counts (clause_lineage, n);
INSERT INTO clause_counts (clause_lineage, n)
    SELECT clause_lineage, COUNT(*) FROM suggestions WHERE visible GROUP BY clause_lineage;

-- Inserts are counted per statement (a seed's thousand-row INSERT adds one row per
-- clause); changes and deletes per row.
CREATE FUNCTION clause_counts_inserted() RETURNS trigger AS $$
BEGIN
    INSERT INTO clause_counts (clause_lineage, n)
    SELECT clause_lineage, COUNT(*) FROM inserted WHERE visible GROUP BY clause_lineage;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE FUNCTION clause_counts_changed() RETURNS trigger AS $$
BEGIN
    IF OLD.visible THEN
        INSERT INTO clause_counts (clause_lineage, n) VALUES (OLD.clause_lineage, -1);
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.visible THEN
        INSERT INTO clause_counts (clause_lineage, n) VALUES (NEW.clause_lineage, 1);
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER clause_counts_insert AFTER INSERT ON suggestions
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION clause_counts_inserted();
CREATE TRIGGER clause_counts_update AFTER UPDATE OF visible, clause_lineage ON suggestions
    FOR EACH ROW WHEN (OLD.visible IS DISTINCT FROM NEW.visible
                       OR OLD.clause_lineage IS DISTINCT FROM NEW.clause_lineage)
    EXECUTE FUNCTION clause_counts_changed();
CREATE TRIGGER clause_counts_delete AFTER DELETE ON suggestions
    FOR EACH ROW WHEN (OLD.visible) EXECUTE FUNCTION clause_counts_changed();
