-- Kept in lockstep with migrations/postgres.
-- Drafts in several languages, aligned by reference (issue 15). The columns the
-- version, chapter, article and clause rows already have hold the authoritative
-- language (`document_versions.language`); every other language of the version is in
-- the *_texts tables, one row per element and language. Existing drafts are English.
ALTER TABLE document_versions ADD COLUMN language TEXT NOT NULL DEFAULT 'en';

-- The languages of a version in the order they were imported, the authoritative one
-- included: title and preamble per language, and the file each came from.
CREATE TABLE version_texts (
    version_id   BIGINT NOT NULL REFERENCES document_versions (id),
    lang         TEXT NOT NULL,
    position     INTEGER NOT NULL,
    source_name  TEXT NOT NULL,
    title        TEXT NOT NULL,
    preamble     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (version_id, lang)
);
INSERT INTO version_texts (version_id, lang, position, source_name, title, preamble)
    SELECT id, 'en', 1, source_name, title, preamble FROM document_versions;

CREATE TABLE chapter_texts (
    chapter_id  BIGINT NOT NULL REFERENCES chapters (id),
    lang        TEXT NOT NULL,
    heading     TEXT NOT NULL,
    title       TEXT,
    notes       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (chapter_id, lang)
);

CREATE TABLE article_texts (
    article_id  BIGINT NOT NULL REFERENCES articles (id),
    lang        TEXT NOT NULL,
    label       TEXT NOT NULL,
    title       TEXT,
    notes       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (article_id, lang)
);

-- `outdated`: the authoritative text changed from the previous version but this
-- translation did not ("not yet updated").
CREATE TABLE clause_texts (
    clause_id   BIGINT NOT NULL REFERENCES clauses (id),
    version_id  BIGINT NOT NULL REFERENCES document_versions (id),
    lang        TEXT NOT NULL,
    body        TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    outdated    BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (clause_id, lang)
);
CREATE INDEX clause_texts_by_version ON clause_texts (version_id, lang);

-- The language a suggestion is written in; its amendment diff is against the clause
-- text in that language.
ALTER TABLE suggestions ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
-- A signed-out writer's kept draft keeps its language too.
ALTER TABLE suggestion_drafts ADD COLUMN lang TEXT NOT NULL DEFAULT '';
