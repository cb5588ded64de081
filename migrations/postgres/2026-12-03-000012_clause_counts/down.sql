DROP TRIGGER clause_counts_delete ON suggestions;
DROP TRIGGER clause_counts_update ON suggestions;
DROP TRIGGER clause_counts_insert ON suggestions;
DROP FUNCTION clause_counts_changed();
DROP FUNCTION clause_counts_inserted();
DROP TABLE clause_counts;
