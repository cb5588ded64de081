-- Kept in lockstep with migrations/sqlite.
-- The language a consultation's title and summary are written in, so that a page in
-- another language marks them with `lang` (screen readers pronounce them right).
-- Consultations created before it take the language of their first version, whose
-- title they were given by default; those without a version, Kazakh (the default
-- language of the platform).
ALTER TABLE consultations ADD COLUMN language TEXT NOT NULL DEFAULT 'kk';
UPDATE consultations SET language = COALESCE(
    (SELECT v.language FROM document_versions v
     WHERE v.consultation_id = consultations.id
     ORDER BY v.number LIMIT 1),
    'kk');
