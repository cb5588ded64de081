ALTER TABLE document_versions DROP COLUMN language_chosen;
