-- A near-duplicate cluster's size, stored once instead of on every member: when new
-- suggestions join a cluster of thousands, the clustering pass writes the new members
-- and one row here, not the size on every old member. Members keep `cluster_id` (the
-- id of the cluster's first member, which stays its id as others join). A suggestion
-- alone has no cluster id and no row here. Kept in lockstep with the other backend.
CREATE TABLE clusters (
    id              BIGINT PRIMARY KEY,
    clause_lineage  TEXT NOT NULL,
    size            INTEGER NOT NULL
);
CREATE INDEX clusters_by_lineage ON clusters (clause_lineage);
CREATE INDEX clusters_by_size ON clusters (size DESC, id);
INSERT INTO clusters (id, clause_lineage, size)
    SELECT cluster_id, MIN(clause_lineage), COUNT(*) FROM suggestions
    WHERE cluster_id IS NOT NULL GROUP BY cluster_id;

DROP INDEX queue_by_cluster;
ALTER TABLE suggestions DROP COLUMN cluster_size;
CREATE INDEX queue_by_cluster ON suggestions (cluster_id, id);
