-- The language a person chose for the interface and their mail (kk, ru, en); NULL:
-- never chosen, so the site's default (KENES_DEFAULT_LANG) applies.
ALTER TABLE users ADD COLUMN lang TEXT;
