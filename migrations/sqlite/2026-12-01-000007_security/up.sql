-- Mail that an SMTP server refused for good (a 5xx answer): kept, shown to admins,
-- never retried.
ALTER TABLE outbox ADD COLUMN failed_at TIMESTAMP;
-- Signed-out writers' drafts expire after a day; housekeeping deletes them by age.
CREATE INDEX suggestion_drafts_by_age ON suggestion_drafts (created_at);
