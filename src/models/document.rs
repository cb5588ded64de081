//! Document versions and their content: chapters, articles, clauses.
//!
//! A published version is never changed: a new import creates the next version. A
//! clause keeps its `lineage` (its identity for suggestions and links) from the
//! previous version when its reference and text are unchanged.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::domain::draft::Draft;
use crate::domain::TextLang;
use crate::schema::{articles, chapters, clauses, document_versions};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = document_versions)]
pub struct DocumentVersion {
    pub id: i64,
    pub consultation_id: i64,
    pub number: i32,
    pub title: String,
    pub preamble: String,
    pub changelog: String,
    pub source_name: String,
    pub created_at: NaiveDateTime,
    pub published_at: Option<NaiveDateTime>,
    /// The authoritative language: the text in the version's own columns.
    #[diesel(deserialize_as = String)]
    pub language: TextLang,
    /// The admin named the authoritative language: adding a language keeps it.
    pub language_chosen: bool,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = chapters)]
pub struct ChapterRow {
    pub id: i64,
    pub position: i32,
    pub heading: String,
    pub title: Option<String>,
    pub notes: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = articles)]
pub struct ArticleRow {
    pub id: i64,
    pub version_id: i64,
    pub chapter_id: Option<i64>,
    pub position: i32,
    pub number: String,
    pub label: String,
    pub title: Option<String>,
    pub notes: String,
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = clauses)]
pub struct ClauseRow {
    pub id: i64,
    pub article_id: i64,
    pub position: i32,
    pub number: String,
    pub reference: String,
    pub body: String,
    pub notes: String,
    pub lineage: String,
}

/// An article in a table of contents.
#[derive(Debug, Clone)]
pub struct ArticleSummary {
    pub article: ArticleRow,
    pub clause_count: i64,
}

/// Notes are stored one per line.
pub fn split_notes(notes: &str) -> Vec<&str> {
    notes.lines().filter(|l| !l.trim().is_empty()).collect()
}

fn join_notes(notes: &[String]) -> String {
    notes.join("\n")
}

#[derive(Insertable)]
#[diesel(table_name = document_versions)]
struct NewVersion<'a> {
    consultation_id: i64,
    number: i32,
    title: &'a str,
    preamble: &'a str,
    changelog: &'a str,
    source_name: &'a str,
    created_at: NaiveDateTime,
    published_at: Option<NaiveDateTime>,
    language: &'static str,
    language_chosen: bool,
}

// `treat_none_as_default_value = false`: a missing title is NULL, not DEFAULT, so that
// SQLite can take many rows in one statement (diesel falls back to one statement per
// row when a row may hold DEFAULT, which SQLite's VALUES does not allow).
#[derive(Insertable)]
#[diesel(table_name = chapters, treat_none_as_default_value = false)]
struct NewChapter<'a> {
    version_id: i64,
    position: i32,
    heading: &'a str,
    title: Option<&'a str>,
    notes: String,
}

#[derive(Insertable)]
#[diesel(table_name = articles, treat_none_as_default_value = false)]
struct NewArticle<'a> {
    version_id: i64,
    chapter_id: Option<i64>,
    position: i32,
    number: &'a str,
    label: &'a str,
    title: Option<&'a str>,
    notes: String,
}

#[derive(Insertable)]
#[diesel(table_name = clauses)]
struct NewClause<'a> {
    version_id: i64,
    article_id: i64,
    position: i32,
    number: &'a str,
    reference: String,
    body: &'a str,
    notes: String,
    lineage: String,
}

// How many values each row binds (its fields), for the statement size.
impl NewChapter<'_> {
    const COLUMNS: usize = 5;
}
impl NewArticle<'_> {
    const COLUMNS: usize = 7;
}
impl NewClause<'_> {
    const COLUMNS: usize = 8;
}

/// What was stored by [`store_draft`].
#[derive(Debug, Clone)]
pub struct StoredVersion {
    pub version: DocumentVersion,
    /// The languages this import stored, in order.
    pub languages: Vec<TextLang>,
    pub chapters: usize,
    pub articles: usize,
    pub clauses: usize,
    /// Clauses whose identity carried over from the previous version.
    pub unchanged_clauses: usize,
}

fn position(index: usize) -> i32 {
    i32::try_from(index + 1).unwrap_or(i32::MAX)
}

/// The most bind parameters one statement may carry on both backends: SQLite's limit,
/// `SQLITE_MAX_VARIABLE_NUMBER`, is 32,766 in the bundled SQLite (3.53; the default since
/// 3.32), below PostgreSQL's 65,535. One multi-row INSERT of every clause of an article
/// went over PostgreSQL's limit at 8,192 clauses (8 parameters each).
pub const MAX_BIND_PARAMETERS: usize = 32_766;

/// Rows of `columns` values that fit in one statement.
const fn rows_per_statement(columns: usize) -> usize {
    MAX_BIND_PARAMETERS / columns
}

/// Insert `rows` in statements of at most [`MAX_BIND_PARAMETERS`] parameters. A macro,
/// not a function: diesel's multi-backend connection has no batch insert, so each arm
/// names its backend, and the bounds of a generic version would be longer than this.
macro_rules! insert_in_chunks {
    ($conn:expr, $table:expr, $rows:expr, $columns:expr) => {{
        let mut inserted = 0usize;
        for chunk in $rows.chunks(rows_per_statement($columns)) {
            inserted += match &mut *$conn {
                AnyConnection::Postgres(pg) => {
                    diesel::insert_into($table).values(chunk).execute(pg)?
                }
                AnyConnection::Sqlite(lite) => {
                    diesel::insert_into($table).values(chunk).execute(lite)?
                }
            };
        }
        inserted
    }};
}

/// All clauses in one statement of eight array parameters: PostgreSQL then parses and
/// binds eight values instead of eight per clause, which took longer than the insert.
fn insert_clauses_unnest(
    pg: &mut diesel::PgConnection,
    rows: &[NewClause<'_>],
) -> QueryResult<usize> {
    use diesel::sql_types::{Array, BigInt, Integer, Text};
    if rows.is_empty() {
        return Ok(0);
    }
    diesel::sql_query(
        "INSERT INTO clauses (version_id, article_id, position, number, reference, body, notes, lineage) \
         SELECT * FROM UNNEST($1::bigint[], $2::bigint[], $3::integer[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])",
    )
    .bind::<Array<BigInt>, _>(rows.iter().map(|r| r.version_id).collect::<Vec<i64>>())
    .bind::<Array<BigInt>, _>(rows.iter().map(|r| r.article_id).collect::<Vec<i64>>())
    .bind::<Array<Integer>, _>(rows.iter().map(|r| r.position).collect::<Vec<i32>>())
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.number).collect::<Vec<&str>>())
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.reference.as_str()).collect::<Vec<&str>>())
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.body).collect::<Vec<&str>>())
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.notes.as_str()).collect::<Vec<&str>>())
    .bind::<Array<Text>, _>(rows.iter().map(|r| r.lineage.as_str()).collect::<Vec<&str>>())
    .execute(pg)
}

/// How a new version is described: its title, source file, changelog, whether it is
/// published at once, the language its text (the authoritative one) is in, and
/// whether the admin named that language.
#[derive(Debug, Clone, Copy)]
pub struct NewVersionInfo<'a> {
    pub title: &'a str,
    pub source_name: &'a str,
    pub changelog: &'a str,
    pub publish: bool,
    pub language: TextLang,
    pub language_chosen: bool,
}

/// Store `draft` as the next version of the consultation. Call inside a write
/// transaction: together with the caller's other writes it lands whole or not at all.
pub fn store_draft(
    conn: &mut AnyConnection,
    consultation_id: i64,
    draft: &Draft,
    info: NewVersionInfo<'_>,
) -> QueryResult<StoredVersion> {
    let NewVersionInfo {
        title,
        source_name,
        changelog,
        publish,
        language,
        language_chosen,
    } = info;
    let previous: Option<DocumentVersion> = document_versions::table
        .filter(document_versions::consultation_id.eq(consultation_id))
        .order(document_versions::number.desc())
        .select(DocumentVersion::as_select())
        .first(conn)
        .optional()?;
    let lineage_by_text: HashMap<(String, String), String> = match &previous {
        Some(prev) => clauses::table
            .filter(clauses::version_id.eq(prev.id))
            .select((clauses::reference, clauses::body, clauses::lineage))
            .load::<(String, String, String)>(conn)?
            .into_iter()
            .map(|(reference, body, lineage)| ((reference, body), lineage))
            .collect(),
        None => HashMap::new(),
    };
    let now = super::now();
    let number = previous.as_ref().map_or(1, |p| p.number + 1);
    let version_id: i64 = diesel::insert_into(document_versions::table)
        .values(NewVersion {
            consultation_id,
            number,
            title,
            preamble: &draft.preamble,
            changelog,
            source_name,
            created_at: now,
            published_at: publish.then_some(now),
            language: language.as_str(),
            language_chosen,
        })
        .returning(document_versions::id)
        .get_result(conn)?;

    let chapter_rows: Vec<NewChapter<'_>> = draft
        .chapters
        .iter()
        .enumerate()
        .map(|(index, chapter)| NewChapter {
            version_id,
            position: position(index),
            heading: &chapter.heading,
            title: chapter.title.as_deref(),
            notes: join_notes(&chapter.notes),
        })
        .collect();
    insert_in_chunks!(conn, chapters::table, chapter_rows, NewChapter::COLUMNS);
    // Ids by position, read back in one query: SQLite cannot return them from a
    // multi-row insert through diesel, and the order of RETURNING rows is not promised.
    let chapter_ids: Vec<i64> = chapters::table
        .filter(chapters::version_id.eq(version_id))
        .order(chapters::position)
        .select(chapters::id)
        .load(conn)?;

    let article_rows: Vec<NewArticle<'_>> = draft
        .articles
        .iter()
        .enumerate()
        .map(|(index, article)| NewArticle {
            version_id,
            chapter_id: article.chapter.and_then(|c| chapter_ids.get(c).copied()),
            position: position(index),
            number: article.number.as_str(),
            label: &article.label,
            title: article.title.as_deref(),
            notes: join_notes(&article.notes),
        })
        .collect();
    insert_in_chunks!(conn, articles::table, article_rows, NewArticle::COLUMNS);
    let article_ids: Vec<i64> = articles::table
        .filter(articles::version_id.eq(version_id))
        .order(articles::position)
        .select(articles::id)
        .load(conn)?;

    let mut unchanged = 0;
    let mut clause_rows: Vec<NewClause<'_>> = Vec::with_capacity(draft.clause_count());
    for (article, &article_id) in draft.articles.iter().zip(&article_ids) {
        for (clause_index, clause) in article.clauses.iter().enumerate() {
            let reference = article.reference(clause).to_string();
            let lineage = match lineage_by_text.get(&(reference.clone(), clause.text.clone())) {
                Some(existing) => {
                    unchanged += 1;
                    existing.clone()
                }
                None => uuid::Uuid::new_v4().to_string(),
            };
            clause_rows.push(NewClause {
                version_id,
                article_id,
                position: position(clause_index),
                number: clause.number.as_str(),
                reference,
                body: &clause.text,
                notes: join_notes(&clause.notes),
                lineage,
            });
        }
    }
    let clause_total = match conn {
        AnyConnection::Postgres(pg) => insert_clauses_unnest(pg, &clause_rows)?,
        AnyConnection::Sqlite(_) => {
            insert_in_chunks!(conn, clauses::table, clause_rows, NewClause::COLUMNS)
        }
    };
    super::translation::insert_version_text(
        conn,
        version_id,
        language,
        1,
        source_name,
        title,
        &draft.preamble,
    )?;
    let version = document_versions::table
        .find(version_id)
        .select(DocumentVersion::as_select())
        .first(conn)?;
    Ok(StoredVersion {
        version,
        languages: vec![language],
        chapters: draft.chapters.len(),
        articles: draft.articles.len(),
        clauses: clause_total,
        unchanged_clauses: unchanged,
    })
}

/// The newest published version of a consultation.
pub fn latest_published(
    conn: &mut AnyConnection,
    consultation_id: i64,
) -> QueryResult<Option<DocumentVersion>> {
    document_versions::table
        .filter(document_versions::consultation_id.eq(consultation_id))
        .filter(document_versions::published_at.is_not_null())
        .order(document_versions::number.desc())
        .select(DocumentVersion::as_select())
        .first(conn)
        .optional()
}

/// A given published version of a consultation.
pub fn published_version(
    conn: &mut AnyConnection,
    consultation_id: i64,
    number: i32,
) -> QueryResult<Option<DocumentVersion>> {
    document_versions::table
        .filter(document_versions::consultation_id.eq(consultation_id))
        .filter(document_versions::number.eq(number))
        .filter(document_versions::published_at.is_not_null())
        .select(DocumentVersion::as_select())
        .first(conn)
        .optional()
}

/// Chapters and articles of a version, in order, with each article's clause count.
pub fn table_of_contents(
    conn: &mut AnyConnection,
    version_id: i64,
) -> QueryResult<(Vec<ChapterRow>, Vec<ArticleSummary>)> {
    let chapter_rows = chapters::table
        .filter(chapters::version_id.eq(version_id))
        .order(chapters::position)
        .select(ChapterRow::as_select())
        .load(conn)?;
    let article_rows = articles::table
        .filter(articles::version_id.eq(version_id))
        .order(articles::position)
        .select(ArticleRow::as_select())
        .load(conn)?;
    let counts: HashMap<i64, i64> = clauses::table
        .filter(clauses::version_id.eq(version_id))
        .group_by(clauses::article_id)
        .select((clauses::article_id, diesel::dsl::count_star()))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect();
    let summaries = article_rows
        .into_iter()
        .map(|article| ArticleSummary {
            clause_count: counts.get(&article.id).copied().unwrap_or(0),
            article,
        })
        .collect();
    Ok((chapter_rows, summaries))
}

/// An article of a version with its clauses, its chapter, and its neighbours' numbers.
#[derive(Debug, Clone)]
pub struct ArticleView {
    pub article: ArticleRow,
    pub chapter: Option<ChapterRow>,
    pub clauses: Vec<ClauseRow>,
    pub previous: Option<(String, String)>,
    pub next: Option<(String, String)>,
}

pub fn article_in_version(
    conn: &mut AnyConnection,
    version_id: i64,
    number: &str,
) -> QueryResult<Option<ArticleView>> {
    let Some(article) = articles::table
        .filter(articles::version_id.eq(version_id))
        .filter(articles::number.eq(number))
        .select(ArticleRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let clause_rows = clauses::table
        .filter(clauses::article_id.eq(article.id))
        .order(clauses::position)
        .select(ClauseRow::as_select())
        .load(conn)?;
    let chapter = match article.chapter_id {
        Some(id) => chapters::table
            .find(id)
            .select(ChapterRow::as_select())
            .first(conn)
            .optional()?,
        None => None,
    };
    let previous = articles::table
        .filter(articles::version_id.eq(version_id))
        .filter(articles::position.lt(article.position))
        .order(articles::position.desc())
        .select((articles::number, articles::label))
        .first(conn)
        .optional()?;
    let next = articles::table
        .filter(articles::version_id.eq(version_id))
        .filter(articles::position.gt(article.position))
        .order(articles::position)
        .select((articles::number, articles::label))
        .first(conn)
        .optional()?;
    Ok(Some(ArticleView {
        article,
        chapter,
        clauses: clause_rows,
        previous,
        next,
    }))
}

/// A clause with the article it belongs to, in the newest published version of the
/// consultation that has this reference (so an old permalink keeps working after a
/// later version drops the clause), or in the given version.
pub fn find_clause(
    conn: &mut AnyConnection,
    consultation_id: i64,
    reference: &str,
    version_number: Option<i32>,
) -> QueryResult<Option<(DocumentVersion, ArticleRow, ClauseRow)>> {
    // Not boxed, so that each form stays a prepared statement on its connection.
    macro_rules! published_clause {
        () => {
            clauses::table
                .inner_join(
                    document_versions::table.on(document_versions::id.eq(clauses::version_id)),
                )
                .inner_join(articles::table.on(articles::id.eq(clauses::article_id)))
                .filter(document_versions::consultation_id.eq(consultation_id))
                .filter(document_versions::published_at.is_not_null())
                .filter(clauses::reference.eq(reference))
                .order(document_versions::number.desc())
                .select((
                    DocumentVersion::as_select(),
                    ArticleRow::as_select(),
                    ClauseRow::as_select(),
                ))
        };
    }
    match version_number {
        Some(number) => published_clause!()
            .filter(document_versions::number.eq(number))
            .first(conn)
            .optional(),
        None => published_clause!().first(conn).optional(),
    }
}

/// How many versions, articles and clauses a consultation has (for the CLI and tests).
pub fn count_version_content(
    conn: &mut AnyConnection,
    version_id: i64,
) -> QueryResult<(i64, i64, i64)> {
    let chapter_count = chapters::table
        .filter(chapters::version_id.eq(version_id))
        .count()
        .get_result(conn)?;
    let article_count = articles::table
        .filter(articles::version_id.eq(version_id))
        .count()
        .get_result(conn)?;
    let clause_count = clauses::table
        .filter(clauses::version_id.eq(version_id))
        .count()
        .get_result(conn)?;
    Ok((chapter_count, article_count, clause_count))
}

/// Every version of a consultation, newest first (published or not).
pub fn versions(
    conn: &mut AnyConnection,
    consultation_id: i64,
) -> QueryResult<Vec<DocumentVersion>> {
    document_versions::table
        .filter(document_versions::consultation_id.eq(consultation_id))
        .order(document_versions::number.desc())
        .select(DocumentVersion::as_select())
        .load(conn)
}

/// How many versions each consultation has, in one query.
pub fn version_counts(conn: &mut AnyConnection) -> QueryResult<HashMap<i64, i64>> {
    Ok(document_versions::table
        .group_by(document_versions::consultation_id)
        .select((
            document_versions::consultation_id,
            diesel::dsl::count_star(),
        ))
        .load::<(i64, i64)>(conn)?
        .into_iter()
        .collect())
}

/// A version by number, published or not (for the admin preview).
pub fn version(
    conn: &mut AnyConnection,
    consultation_id: i64,
    number: i32,
) -> QueryResult<Option<DocumentVersion>> {
    document_versions::table
        .filter(document_versions::consultation_id.eq(consultation_id))
        .filter(document_versions::number.eq(number))
        .select(DocumentVersion::as_select())
        .first(conn)
        .optional()
}

/// Publish a version; returns false if it was already published.
pub fn publish(conn: &mut AnyConnection, version_id: i64) -> QueryResult<bool> {
    let updated = diesel::update(
        document_versions::table
            .find(version_id)
            .filter(document_versions::published_at.is_null()),
    )
    .set(document_versions::published_at.eq(Some(super::now())))
    .execute(conn)?;
    Ok(updated == 1)
}

/// All clauses of a version, in reading order.
pub fn clauses_of_version(
    conn: &mut AnyConnection,
    version_id: i64,
) -> QueryResult<Vec<ClauseRow>> {
    clauses::table
        .inner_join(articles::table.on(articles::id.eq(clauses::article_id)))
        .filter(clauses::version_id.eq(version_id))
        .order((articles::position, clauses::position))
        .select(ClauseRow::as_select())
        .load(conn)
}
