DROP TRIGGER clause_counts_delete;
DROP TRIGGER clause_counts_update;
DROP TRIGGER clause_counts_insert;
DROP TABLE clause_counts;
