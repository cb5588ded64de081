DROP TABLE clauses;
DROP TABLE articles;
DROP TABLE chapters;
DROP TABLE document_versions;
DROP TABLE consultations;
