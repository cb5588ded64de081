DROP INDEX queue_by_cluster;
ALTER TABLE suggestions ADD COLUMN cluster_size INTEGER NOT NULL DEFAULT 1;
UPDATE suggestions SET cluster_size = (SELECT size FROM clusters WHERE clusters.id = suggestions.cluster_id)
    WHERE cluster_id IS NOT NULL;
CREATE INDEX queue_by_cluster ON suggestions (cluster_id, cluster_size);
DROP TABLE clusters;
