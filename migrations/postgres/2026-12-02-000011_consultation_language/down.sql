ALTER TABLE consultations DROP COLUMN language;
