DROP INDEX users_by_role;
DROP INDEX queue_by_lineage;
DROP INDEX queue_by_upvotes;
DROP TRIGGER suggestion_counts_delete;
DROP TRIGGER suggestion_counts_update;
DROP TRIGGER suggestion_counts_insert;
DROP TABLE suggestion_counts;
