//! A version's text in its other languages (issue 15): the rows of `version_texts`,
//! `chapter_texts`, `article_texts` and `clause_texts`, aligned with the authoritative
//! text by reference. The authoritative language stays in the version's own columns
//! (`clauses.body`, `articles.title`, …), so everything that reads one language
//! (lineage, exports, similarity) is unchanged; a page in another language reads its
//! texts in one query per kind, never one per clause.

use std::collections::HashMap;

use diesel::prelude::*;

use super::document::{ArticleRow, ChapterRow, ClauseRow, DocumentVersion};
use crate::db::AnyConnection;
use crate::domain::draft::{self, Draft};
use crate::domain::reference::{ArticleNumber, ClauseNumber};
use crate::domain::TextLang;
use crate::schema::{
    article_texts, articles, chapter_texts, chapters, clause_texts, clauses, document_versions,
    version_texts,
};

/// One language of a version, as imported.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = version_texts)]
pub struct VersionText {
    #[diesel(deserialize_as = String)]
    pub lang: TextLang,
    pub position: i32,
    pub source_name: String,
    pub title: String,
    pub preamble: String,
}

/// A clause's text in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseText {
    pub body: String,
    pub notes: String,
    /// Not yet updated: the authoritative text changed since the previous version and
    /// this translation did not.
    pub outdated: bool,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = article_texts)]
pub struct ArticleText {
    pub label: String,
    pub title: Option<String>,
    pub notes: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = chapter_texts)]
pub struct ChapterText {
    pub heading: String,
    pub title: Option<String>,
    pub notes: String,
}

#[derive(Insertable)]
#[diesel(table_name = version_texts)]
struct NewVersionText<'a> {
    version_id: i64,
    lang: &'a str,
    position: i32,
    source_name: &'a str,
    title: &'a str,
    preamble: &'a str,
}

#[derive(Insertable)]
#[diesel(table_name = chapter_texts, treat_none_as_default_value = false)]
struct NewChapterText<'a> {
    chapter_id: i64,
    lang: &'a str,
    heading: &'a str,
    title: Option<&'a str>,
    notes: String,
}

#[derive(Insertable)]
#[diesel(table_name = article_texts, treat_none_as_default_value = false)]
struct NewArticleText<'a> {
    article_id: i64,
    lang: &'a str,
    label: &'a str,
    title: Option<&'a str>,
    notes: String,
}

#[derive(Insertable)]
#[diesel(table_name = clause_texts)]
struct NewClauseText<'a> {
    clause_id: i64,
    version_id: i64,
    lang: &'a str,
    body: &'a str,
    notes: String,
    outdated: bool,
}

/// Rows per INSERT: well under both backends' bind-parameter limits.
const ROWS_PER_STATEMENT: usize = 2_000;

macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr) => {{
        for chunk in $rows.chunks(ROWS_PER_STATEMENT) {
            match &mut *$conn {
                AnyConnection::Postgres(pg) => {
                    diesel::insert_into($table).values(chunk).execute(pg)?
                }
                AnyConnection::Sqlite(lite) => {
                    diesel::insert_into($table).values(chunk).execute(lite)?
                }
            };
        }
    }};
}

/// Record that `version_id` has its text in `lang` (the authoritative language too).
pub fn insert_version_text(
    conn: &mut AnyConnection,
    version_id: i64,
    lang: TextLang,
    position: i32,
    source_name: &str,
    title: &str,
    preamble: &str,
) -> QueryResult<()> {
    diesel::insert_into(version_texts::table)
        .values(NewVersionText {
            version_id,
            lang: lang.as_str(),
            position,
            source_name,
            title,
            preamble,
        })
        .execute(conn)?;
    Ok(())
}

/// The languages of a version in import order, the authoritative one included.
pub fn languages(conn: &mut AnyConnection, version_id: i64) -> QueryResult<Vec<VersionText>> {
    version_texts::table
        .filter(version_texts::version_id.eq(version_id))
        .order(version_texts::position)
        .select(VersionText::as_select())
        .load(conn)
}

/// The authoritative articles and clauses of a stored version as a [`Draft`], so that
/// new files can be aligned with it by [`crate::import::check_alignment`]. Lines are 0:
/// the stored text has none.
pub fn stored_outline(conn: &mut AnyConnection, version_id: i64) -> QueryResult<Draft> {
    let article_rows: Vec<(i64, String, String)> = articles::table
        .filter(articles::version_id.eq(version_id))
        .order(articles::position)
        .select((articles::id, articles::number, articles::label))
        .load(conn)?;
    let clause_rows: Vec<(i64, String)> = clauses::table
        .filter(clauses::version_id.eq(version_id))
        .order((clauses::article_id, clauses::position))
        .select((clauses::article_id, clauses::number))
        .load(conn)?;
    let mut by_article: HashMap<i64, Vec<draft::Clause>> = HashMap::new();
    for (article_id, number) in clause_rows {
        // Stored numbers were parsed on import; one that no longer parses is skipped
        // rather than failing the whole check.
        if let Ok(number) = ClauseNumber::parse(&number) {
            by_article
                .entry(article_id)
                .or_default()
                .push(draft::Clause {
                    number,
                    text: String::new(),
                    notes: Vec::new(),
                    line: 0,
                });
        }
    }
    let articles = article_rows
        .into_iter()
        .filter_map(|(id, number, label)| {
            Some(draft::Article {
                chapter: None,
                number: ArticleNumber::parse(&number).ok()?,
                label,
                title: None,
                clauses: by_article.remove(&id).unwrap_or_default(),
                notes: Vec::new(),
                line: 0,
            })
        })
        .collect();
    Ok(Draft {
        articles,
        ..Draft::default()
    })
}

/// What [`store_translation`] stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoredTranslation {
    pub clauses: usize,
    /// Clauses flagged "not yet updated".
    pub outdated: usize,
}

/// Authoritative bodies, and the bodies and flags in `lang`, of a version by reference.
type TextsByReference = HashMap<String, (String, Option<(String, bool)>)>;

fn texts_by_reference(
    conn: &mut AnyConnection,
    version_id: i64,
    lang: TextLang,
) -> QueryResult<TextsByReference> {
    let rows: Vec<(String, String, Option<String>, Option<bool>)> = clauses::table
        .left_join(
            clause_texts::table.on(clause_texts::clause_id
                .eq(clauses::id)
                .and(clause_texts::lang.eq(lang.as_str()))),
        )
        .filter(clauses::version_id.eq(version_id))
        .select((
            clauses::reference,
            clauses::body,
            clause_texts::body.nullable(),
            clause_texts::outdated.nullable(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(reference, body, text, outdated)| {
            (
                reference,
                (body, text.map(|t| (t, outdated.unwrap_or(false)))),
            )
        })
        .collect())
}

/// Whether a translation is not yet updated: the authoritative text changed from the
/// previous version and the translation did not (or neither changed and it already
/// was). `previous` is the previous version's authoritative body and translation.
pub fn is_outdated(
    authoritative: &str,
    translation: &str,
    previous: Option<&(String, Option<(String, bool)>)>,
) -> bool {
    match previous {
        Some((old_authoritative, Some((old_translation, was_outdated)))) => {
            old_translation == translation && (old_authoritative != authoritative || *was_outdated)
        }
        _ => false,
    }
}

/// The version before `version` with the same authoritative language: what its
/// translations are compared with for "not yet updated".
fn previous_in_same_language(
    conn: &mut AnyConnection,
    version: &DocumentVersion,
) -> QueryResult<Option<i64>> {
    document_versions::table
        .filter(document_versions::consultation_id.eq(version.consultation_id))
        .filter(document_versions::number.lt(version.number))
        .filter(document_versions::language.eq(version.language.as_str()))
        .order(document_versions::number.desc())
        .select(document_versions::id)
        .first(conn)
        .optional()
}

/// Make `lang` (a language `version` has) its authoritative language, as
/// [`TextLang::authoritative_after`] decided; `chosen`: the admin named it. The texts
/// change places: `lang`'s move into the version's own columns, the former
/// authoritative language's into the `*_texts` rows. Clause ids and lineages stay, so
/// suggestions and links are untouched; "not yet updated" flags are worked out again
/// against the new authoritative text. Call inside a write transaction. Returns the
/// version as stored now.
pub fn set_authoritative(
    conn: &mut AnyConnection,
    version: &DocumentVersion,
    lang: TextLang,
    chosen: bool,
) -> QueryResult<DocumentVersion> {
    let old = version.language;
    if lang != old {
        swap_texts(conn, version, old, lang)?;
    }
    diesel::update(document_versions::table.find(version.id))
        .set((
            document_versions::language.eq(lang.as_str()),
            document_versions::language_chosen.eq(version.language_chosen || chosen),
        ))
        .execute(conn)?;
    let now = document_versions::table
        .find(version.id)
        .select(DocumentVersion::as_select())
        .first(conn)?;
    if lang != old {
        refresh_outdated(conn, &now)?;
    }
    Ok(now)
}

/// Exchange the texts in `old` (the version's own columns) and `new` (`*_texts`).
fn swap_texts(
    conn: &mut AnyConnection,
    version: &DocumentVersion,
    old: TextLang,
    new: TextLang,
) -> QueryResult<()> {
    let (old_code, new_code) = (old.as_str(), new.as_str());
    let text: VersionText = version_texts::table
        .find((version.id, new_code))
        .select(VersionText::as_select())
        .first(conn)?;
    diesel::update(document_versions::table.find(version.id))
        .set((
            document_versions::title.eq(&text.title),
            document_versions::preamble.eq(&text.preamble),
            document_versions::source_name.eq(&text.source_name),
        ))
        .execute(conn)?;

    let rows: Vec<(i64, String, Option<String>, String, ChapterText)> = chapters::table
        .inner_join(chapter_texts::table)
        .filter(chapters::version_id.eq(version.id))
        .filter(chapter_texts::lang.eq(new_code))
        .select((
            chapters::id,
            chapters::heading,
            chapters::title,
            chapters::notes,
            ChapterText::as_select(),
        ))
        .load(conn)?;
    for (id, heading, title, notes, text) in rows {
        diesel::update(chapters::table.find(id))
            .set((
                chapters::heading.eq(text.heading),
                chapters::title.eq(text.title),
                chapters::notes.eq(text.notes),
            ))
            .execute(conn)?;
        diesel::update(chapter_texts::table.find((id, new_code)))
            .set((
                chapter_texts::lang.eq(old_code),
                chapter_texts::heading.eq(heading),
                chapter_texts::title.eq(title),
                chapter_texts::notes.eq(notes),
            ))
            .execute(conn)?;
    }

    let rows: Vec<(i64, String, Option<String>, String, ArticleText)> = articles::table
        .inner_join(article_texts::table)
        .filter(articles::version_id.eq(version.id))
        .filter(article_texts::lang.eq(new_code))
        .select((
            articles::id,
            articles::label,
            articles::title,
            articles::notes,
            ArticleText::as_select(),
        ))
        .load(conn)?;
    for (id, label, title, notes, text) in rows {
        diesel::update(articles::table.find(id))
            .set((
                articles::label.eq(text.label),
                articles::title.eq(text.title),
                articles::notes.eq(text.notes),
            ))
            .execute(conn)?;
        diesel::update(article_texts::table.find((id, new_code)))
            .set((
                article_texts::lang.eq(old_code),
                article_texts::label.eq(label),
                article_texts::title.eq(title),
                article_texts::notes.eq(notes),
            ))
            .execute(conn)?;
    }

    let rows: Vec<(i64, String, String, String, String)> = clauses::table
        .inner_join(clause_texts::table)
        .filter(clauses::version_id.eq(version.id))
        .filter(clause_texts::lang.eq(new_code))
        .select((
            clauses::id,
            clauses::body,
            clauses::notes,
            clause_texts::body,
            clause_texts::notes,
        ))
        .load(conn)?;
    for (id, body, notes, new_body, new_notes) in rows {
        diesel::update(clauses::table.find(id))
            .set((clauses::body.eq(new_body), clauses::notes.eq(new_notes)))
            .execute(conn)?;
        diesel::update(clause_texts::table.find((id, new_code)))
            .set((
                clause_texts::lang.eq(old_code),
                clause_texts::body.eq(body),
                clause_texts::notes.eq(notes),
                clause_texts::outdated.eq(false),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Work out every translation's "not yet updated" flag of `version` again, against
/// its authoritative text and the previous version in the same authoritative language.
fn refresh_outdated(conn: &mut AnyConnection, version: &DocumentVersion) -> QueryResult<()> {
    let previous = previous_in_same_language(conn, version)?;
    let langs: Vec<TextLang> = languages(conn, version.id)?
        .into_iter()
        .map(|l| l.lang)
        .filter(|l| *l != version.language)
        .collect();
    for lang in langs {
        let before = match previous {
            Some(id) => texts_by_reference(conn, id, lang)?,
            None => HashMap::new(),
        };
        let rows: Vec<(i64, String, String, String, bool)> = clauses::table
            .inner_join(clause_texts::table)
            .filter(clauses::version_id.eq(version.id))
            .filter(clause_texts::lang.eq(lang.as_str()))
            .select((
                clauses::id,
                clauses::reference,
                clauses::body,
                clause_texts::body,
                clause_texts::outdated,
            ))
            .load(conn)?;
        for (id, reference, body, text, was) in rows {
            let flag = is_outdated(&body, &text, before.get(&reference));
            if flag != was {
                diesel::update(clause_texts::table.find((id, lang.as_str())))
                    .set(clause_texts::outdated.eq(flag))
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}

/// Store `draft` as the text of `version` in `lang`, aligned by reference with the
/// authoritative text already stored (the caller has checked the alignment). Clauses
/// are flagged "not yet updated" against the version before it. Call inside a write
/// transaction.
pub fn store_translation(
    conn: &mut AnyConnection,
    version: &DocumentVersion,
    lang: TextLang,
    source_name: &str,
    draft: &Draft,
) -> QueryResult<StoredTranslation> {
    let position = languages(conn, version.id)?
        .iter()
        .map(|l| l.position)
        .max()
        .unwrap_or(0)
        + 1;
    let title = draft.title.as_deref().unwrap_or(&version.title);
    insert_version_text(
        conn,
        version.id,
        lang,
        position,
        source_name,
        title,
        &draft.preamble,
    )?;

    let chapter_ids: Vec<i64> = chapters::table
        .filter(chapters::version_id.eq(version.id))
        .order(chapters::position)
        .select(chapters::id)
        .load(conn)?;
    let chapter_rows: Vec<NewChapterText<'_>> = draft
        .chapters
        .iter()
        .zip(&chapter_ids)
        .map(|(chapter, &chapter_id)| NewChapterText {
            chapter_id,
            lang: lang.as_str(),
            heading: &chapter.heading,
            title: chapter.title.as_deref(),
            notes: chapter.notes.join("\n"),
        })
        .collect();
    insert_rows!(conn, chapter_texts::table, chapter_rows);

    let article_ids: HashMap<String, i64> = articles::table
        .filter(articles::version_id.eq(version.id))
        .select((articles::number, articles::id))
        .load::<(String, i64)>(conn)?
        .into_iter()
        .collect();
    let article_rows: Vec<NewArticleText<'_>> = draft
        .articles
        .iter()
        .filter_map(|article| {
            Some(NewArticleText {
                article_id: *article_ids.get(article.number.as_str())?,
                lang: lang.as_str(),
                label: &article.label,
                title: article.title.as_deref(),
                notes: article.notes.join("\n"),
            })
        })
        .collect();
    insert_rows!(conn, article_texts::table, article_rows);

    let ours: HashMap<String, (i64, String)> = clauses::table
        .filter(clauses::version_id.eq(version.id))
        .select((clauses::reference, clauses::id, clauses::body))
        .load::<(String, i64, String)>(conn)?
        .into_iter()
        .map(|(reference, id, body)| (reference, (id, body)))
        .collect();
    let before = match previous_in_same_language(conn, version)? {
        Some(id) => texts_by_reference(conn, id, lang)?,
        None => HashMap::new(),
    };
    let mut outdated = 0;
    let mut clause_rows = Vec::with_capacity(draft.clause_count());
    for article in &draft.articles {
        for clause in &article.clauses {
            let reference = article.reference(clause).to_string();
            let Some((clause_id, authoritative)) = ours.get(&reference) else {
                continue;
            };
            let flag = is_outdated(authoritative, &clause.text, before.get(&reference));
            outdated += usize::from(flag);
            clause_rows.push(NewClauseText {
                clause_id: *clause_id,
                version_id: version.id,
                lang: lang.as_str(),
                body: &clause.text,
                notes: clause.notes.join("\n"),
                outdated: flag,
            });
        }
    }
    insert_rows!(conn, clause_texts::table, clause_rows);
    Ok(StoredTranslation {
        clauses: clause_rows.len(),
        outdated,
    })
}

/// The texts of `clause_ids` in `langs` (non-authoritative languages), in one query.
pub fn clause_texts(
    conn: &mut AnyConnection,
    clause_ids: &[i64],
    langs: &[TextLang],
) -> QueryResult<HashMap<(i64, TextLang), ClauseText>> {
    if clause_ids.is_empty() || langs.is_empty() {
        return Ok(HashMap::new());
    }
    let codes: Vec<&str> = langs.iter().map(|l| l.as_str()).collect();
    let rows: Vec<(i64, String, String, String, bool)> = clause_texts::table
        .filter(clause_texts::clause_id.eq_any(clause_ids))
        .filter(clause_texts::lang.eq_any(codes))
        .select((
            clause_texts::clause_id,
            clause_texts::lang,
            clause_texts::body,
            clause_texts::notes,
            clause_texts::outdated,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, lang, body, notes, outdated)| {
            Some((
                (id, lang.parse().ok()?),
                ClauseText {
                    body,
                    notes,
                    outdated,
                },
            ))
        })
        .collect())
}

/// An article's and its chapter's texts in `langs`.
pub fn heading_texts(
    conn: &mut AnyConnection,
    article: &ArticleRow,
    chapter: Option<&ChapterRow>,
    langs: &[TextLang],
) -> QueryResult<(
    HashMap<TextLang, ArticleText>,
    HashMap<TextLang, ChapterText>,
)> {
    let codes: Vec<&str> = langs.iter().map(|l| l.as_str()).collect();
    let article_rows: Vec<(String, ArticleText)> = article_texts::table
        .filter(article_texts::article_id.eq(article.id))
        .filter(article_texts::lang.eq_any(&codes))
        .select((article_texts::lang, ArticleText::as_select()))
        .load(conn)?;
    let chapter_rows: Vec<(String, ChapterText)> = match chapter {
        Some(chapter) => chapter_texts::table
            .filter(chapter_texts::chapter_id.eq(chapter.id))
            .filter(chapter_texts::lang.eq_any(&codes))
            .select((chapter_texts::lang, ChapterText::as_select()))
            .load(conn)?,
        None => Vec::new(),
    };
    Ok((keyed(article_rows), keyed(chapter_rows)))
}

fn keyed<T>(rows: Vec<(String, T)>) -> HashMap<TextLang, T> {
    rows.into_iter()
        .filter_map(|(lang, row)| Some((lang.parse::<TextLang>().ok()?, row)))
        .collect()
}

/// A clause's authoritative text or its text in `lang`, for an amendment's diff.
pub fn clause_text_in(
    conn: &mut AnyConnection,
    clause: &ClauseRow,
    authoritative: TextLang,
    lang: TextLang,
) -> QueryResult<Option<String>> {
    if lang == authoritative {
        return Ok(Some(clause.body.clone()));
    }
    clause_texts::table
        .filter(clause_texts::clause_id.eq(clause.id))
        .filter(clause_texts::lang.eq(lang.as_str()))
        .select(clause_texts::body)
        .first(conn)
        .optional()
}

#[cfg(test)]
mod tests {
    use super::is_outdated;

    fn before(a: &str, t: &str, flag: bool) -> (String, Option<(String, bool)>) {
        (a.to_owned(), Some((t.to_owned(), flag)))
    }

    #[test]
    fn a_translation_left_behind_is_flagged() {
        // The authoritative text changed, the translation did not.
        assert!(is_outdated(
            "new",
            "old-ru",
            Some(&before("old", "old-ru", false))
        ));
        // Both changed: updated.
        assert!(!is_outdated(
            "new",
            "new-ru",
            Some(&before("old", "old-ru", false))
        ));
        // Neither changed: keeps its flag.
        assert!(!is_outdated(
            "same",
            "ru",
            Some(&before("same", "ru", false))
        ));
        assert!(is_outdated("same", "ru", Some(&before("same", "ru", true))));
        // No previous text to compare with.
        assert!(!is_outdated("a", "b", None));
        assert!(!is_outdated("a", "b", Some(&("a".to_owned(), None))));
    }
}
