-- Exact number of visible suggestions per clause identity, for the reading pages
-- (issue 16): an article page counted 10,000 rows of `suggestions` for its 20 clauses
-- on every render, which was most of its time. Kept as `suggestion_counts` is: triggers
-- append +1 / -1 in the same transaction as the change, the count is SUM(n), and
-- housekeeping folds the rows into one per clause. Kept in lockstep with
-- migrations/postgres.
CREATE TABLE clause_counts (
    clause_lineage  TEXT NOT NULL,
    n               BIGINT NOT NULL
);
-- With n in the index the sum reads the index alone.
CREATE INDEX clause_counts_by_lineage ON clause_counts (clause_lineage, n);
INSERT INTO clause_counts (clause_lineage, n)
    SELECT clause_lineage, COUNT(*) FROM suggestions WHERE visible GROUP BY clause_lineage;

CREATE TRIGGER clause_counts_insert AFTER INSERT ON suggestions WHEN new.visible BEGIN
    INSERT INTO clause_counts (clause_lineage, n) VALUES (new.clause_lineage, 1);
END;
CREATE TRIGGER clause_counts_update AFTER UPDATE OF visible, clause_lineage ON suggestions
WHEN old.visible IS NOT new.visible OR old.clause_lineage IS NOT new.clause_lineage BEGIN
    INSERT INTO clause_counts (clause_lineage, n) SELECT old.clause_lineage, -1 WHERE old.visible;
    INSERT INTO clause_counts (clause_lineage, n) SELECT new.clause_lineage, 1 WHERE new.visible;
END;
CREATE TRIGGER clause_counts_delete AFTER DELETE ON suggestions WHEN old.visible BEGIN
    INSERT INTO clause_counts (clause_lineage, n) VALUES (old.clause_lineage, -1);
END;
