DROP TABLE app_secrets;
DROP TABLE audit_log;
DROP TABLE outbox;
DROP TABLE rate_limits;
DROP TABLE user_tokens;
DROP TABLE sessions;
DROP TABLE users;
ALTER TABLE consultations DROP COLUMN moderation_mode;
