-- Tell every process when what the reading pages show has changed (issue 16): they hold
-- page data in memory while nothing it came from has changed (src/read_cache.rs,
-- src/db/changes.rs). SQLite has no NOTIFY: each change to one of these tables bumps
-- one counter in the same transaction, and each server process reads it every few
-- milliseconds (a rolled-back change bumps nothing). Sessions count only when one ends:
-- their last-seen time moves every minute and changes nothing a page shows. Kept in
-- lockstep with migrations/postgres.
CREATE TABLE reading_changes (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    counter  BIGINT NOT NULL
);
INSERT INTO reading_changes (id, counter) VALUES (1, 0);
CREATE TRIGGER consultations_insert_reading_changed AFTER INSERT ON consultations
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER consultations_update_reading_changed AFTER UPDATE ON consultations
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER consultations_delete_reading_changed AFTER DELETE ON consultations
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER document_versions_insert_reading_changed AFTER INSERT ON document_versions
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER document_versions_update_reading_changed AFTER UPDATE ON document_versions
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER document_versions_delete_reading_changed AFTER DELETE ON document_versions
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER version_texts_insert_reading_changed AFTER INSERT ON version_texts
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER version_texts_update_reading_changed AFTER UPDATE ON version_texts
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER version_texts_delete_reading_changed AFTER DELETE ON version_texts
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER chapters_insert_reading_changed AFTER INSERT ON chapters
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER chapters_update_reading_changed AFTER UPDATE ON chapters
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER chapters_delete_reading_changed AFTER DELETE ON chapters
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER chapter_texts_insert_reading_changed AFTER INSERT ON chapter_texts
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER chapter_texts_update_reading_changed AFTER UPDATE ON chapter_texts
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER chapter_texts_delete_reading_changed AFTER DELETE ON chapter_texts
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER articles_insert_reading_changed AFTER INSERT ON articles
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER articles_update_reading_changed AFTER UPDATE ON articles
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER articles_delete_reading_changed AFTER DELETE ON articles
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER article_texts_insert_reading_changed AFTER INSERT ON article_texts
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER article_texts_update_reading_changed AFTER UPDATE ON article_texts
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER article_texts_delete_reading_changed AFTER DELETE ON article_texts
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER clauses_insert_reading_changed AFTER INSERT ON clauses
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER clauses_update_reading_changed AFTER UPDATE ON clauses
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER clauses_delete_reading_changed AFTER DELETE ON clauses
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER clause_texts_insert_reading_changed AFTER INSERT ON clause_texts
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER clause_texts_update_reading_changed AFTER UPDATE ON clause_texts
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER clause_texts_delete_reading_changed AFTER DELETE ON clause_texts
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER suggestions_insert_reading_changed AFTER INSERT ON suggestions
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER suggestions_update_reading_changed AFTER UPDATE ON suggestions
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER suggestions_delete_reading_changed AFTER DELETE ON suggestions
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER upvotes_insert_reading_changed AFTER INSERT ON upvotes
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER upvotes_update_reading_changed AFTER UPDATE ON upvotes
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER upvotes_delete_reading_changed AFTER DELETE ON upvotes
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER users_insert_reading_changed AFTER INSERT ON users
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER users_update_reading_changed AFTER UPDATE ON users
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER users_delete_reading_changed AFTER DELETE ON users
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER tags_insert_reading_changed AFTER INSERT ON tags
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER tags_update_reading_changed AFTER UPDATE ON tags
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER tags_delete_reading_changed AFTER DELETE ON tags
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER suggestion_tags_insert_reading_changed AFTER INSERT ON suggestion_tags
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER suggestion_tags_update_reading_changed AFTER UPDATE ON suggestion_tags
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER suggestion_tags_delete_reading_changed AFTER DELETE ON suggestion_tags
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER clusters_insert_reading_changed AFTER INSERT ON clusters
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER clusters_update_reading_changed AFTER UPDATE ON clusters
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER clusters_delete_reading_changed AFTER DELETE ON clusters
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
CREATE TRIGGER sessions_delete_reading_changed AFTER DELETE ON sessions
    BEGIN UPDATE reading_changes SET counter = counter + 1 WHERE id = 1; END;
