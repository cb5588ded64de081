ALTER TABLE suggestion_drafts DROP COLUMN lang;
ALTER TABLE suggestions DROP COLUMN lang;
DROP TABLE clause_texts;
DROP TABLE article_texts;
DROP TABLE chapter_texts;
DROP TABLE version_texts;
ALTER TABLE document_versions DROP COLUMN language;
