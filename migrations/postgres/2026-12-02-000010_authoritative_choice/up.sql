-- Kept in lockstep with migrations/sqlite.
-- Whether the admin named the authoritative language (`--authoritative`, the upload's
-- "Authoritative text" choice). When not, it follows the rule (Kazakh when the version
-- has a Kazakh text, else the first language imported), so a Kazakh text added later
-- becomes the authoritative one; when named, adding a language never changes it.
ALTER TABLE document_versions ADD COLUMN language_chosen BOOLEAN NOT NULL DEFAULT FALSE;
