DROP INDEX users_by_role;
DROP INDEX queue_by_lineage;
DROP INDEX queue_by_upvotes;
DROP TRIGGER suggestion_counts_delete ON suggestions;
DROP TRIGGER suggestion_counts_update ON suggestions;
DROP TRIGGER suggestion_counts_insert ON suggestions;
DROP FUNCTION suggestion_counts_changed;
DROP FUNCTION suggestion_counts_inserted;
DROP TABLE suggestion_counts;
