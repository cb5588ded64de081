-- Tell every process when what the reading pages show has changed (issue 16): they hold
-- page data in memory while nothing it came from has changed (src/read_cache.rs,
-- src/db/changes.rs). A statement that changes one of these tables sends NOTIFY
-- kenes_reading; PostgreSQL delivers it at commit (a rolled-back change says nothing),
-- once per transaction however many statements sent it. Sessions are told only when
-- one ends (signed out, password changed, expired and deleted): their last-seen time
-- moves every minute and changes nothing a page shows. Kept in lockstep with
-- migrations/sqlite.
CREATE FUNCTION reading_changed() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('kenes_reading', '');
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER consultations_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON consultations
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER document_versions_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON document_versions
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER version_texts_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON version_texts
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER chapters_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON chapters
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER chapter_texts_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON chapter_texts
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER articles_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON articles
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER article_texts_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON article_texts
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER clauses_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON clauses
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER clause_texts_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON clause_texts
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER suggestions_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON suggestions
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER upvotes_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON upvotes
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER users_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER tags_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tags
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER suggestion_tags_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON suggestion_tags
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER clusters_reading_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON clusters
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
CREATE TRIGGER sessions_reading_changed AFTER DELETE OR TRUNCATE ON sessions
    FOR EACH STATEMENT EXECUTE FUNCTION reading_changed();
