DROP INDEX suggestion_drafts_by_age;
ALTER TABLE outbox DROP COLUMN failed_at;
