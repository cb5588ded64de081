-- Consultations and the documents they publish: consultation -> version -> chapter
-- -> article -> clause. Kept in lockstep with migrations/postgres.

CREATE TABLE consultations (
    id          BIGSERIAL PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'open', 'closed', 'results')),
    opens_at    TIMESTAMP,
    closes_at   TIMESTAMP,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    CHECK (closes_at IS NULL OR opens_at IS NULL OR closes_at > opens_at)
);

CREATE TABLE document_versions (
    id               BIGSERIAL PRIMARY KEY,
    consultation_id  BIGINT NOT NULL REFERENCES consultations (id),
    number           INTEGER NOT NULL CHECK (number > 0),
    title            TEXT NOT NULL,
    preamble         TEXT NOT NULL DEFAULT '',
    changelog        TEXT NOT NULL DEFAULT '',
    source_name      TEXT NOT NULL,
    created_at       TIMESTAMP NOT NULL,
    published_at     TIMESTAMP,
    UNIQUE (consultation_id, number)
);

CREATE TABLE chapters (
    id          BIGSERIAL PRIMARY KEY,
    version_id  BIGINT NOT NULL REFERENCES document_versions (id),
    position    INTEGER NOT NULL,
    heading     TEXT NOT NULL,
    title       TEXT,
    notes       TEXT NOT NULL DEFAULT '',
    UNIQUE (version_id, position)
);

CREATE TABLE articles (
    id          BIGSERIAL PRIMARY KEY,
    version_id  BIGINT NOT NULL REFERENCES document_versions (id),
    chapter_id  BIGINT REFERENCES chapters (id),
    position    INTEGER NOT NULL,
    number      TEXT NOT NULL,
    label       TEXT NOT NULL,
    title       TEXT,
    notes       TEXT NOT NULL DEFAULT '',
    UNIQUE (version_id, number),
    UNIQUE (version_id, position)
);

-- `reference` is `<article>.<clause>` in canonical form; `lineage` is the identity a
-- clause keeps across versions while its text is unchanged (a UUID).
CREATE TABLE clauses (
    id          BIGSERIAL PRIMARY KEY,
    version_id  BIGINT NOT NULL REFERENCES document_versions (id),
    article_id  BIGINT NOT NULL REFERENCES articles (id),
    position    INTEGER NOT NULL,
    number      TEXT NOT NULL,
    reference   TEXT NOT NULL,
    body        TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    lineage     TEXT NOT NULL,
    UNIQUE (version_id, reference),
    UNIQUE (article_id, position)
);

CREATE INDEX clauses_lineage ON clauses (lineage);
CREATE INDEX articles_chapter ON articles (chapter_id);
