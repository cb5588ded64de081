//! The moderation workbench's data: the queue, decisions with their log rows, bulk
//! actions, merges, claims, assignment, tags, notes, canned responses, reports and
//! blocking.
//!
//! Every change here writes its `moderation_log` row in the same transaction (callers
//! wrap calls in [`crate::db::write_transaction`]). The table refuses updates and
//! deletes by trigger, so the log is append-only in the database itself.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Integer, Text};

use super::suggestion::Suggestion;
use crate::db::{AnyConnection, MultiBackend};
use crate::domain::moderation::{is_public, Decision, Refusal};
use crate::domain::queue::{Assignee, QueueFilter, QueueSort};
use crate::domain::SuggestionStatus;
use crate::schema::{
    articles, chapters, clauses, clusters, consultations, flags, moderation_log, moderation_notes,
    response_templates, suggestion_counts, suggestion_tags, suggestions, tags, users,
};

/// How long a claim holds when its holder does nothing.
pub const CLAIM_MINUTES: i64 = 15;

// ---------------------------------------------------------------- the queue

/// A filter with its names turned into ids, ready for SQL.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub filter: QueueFilter,
    pub consultation_id: Option<i64>,
    pub me: i64,
    postgres: bool,
    /// False when a named consultation or tag does not exist: nothing matches.
    possible: bool,
    /// Whether the search words match many suggestions (see [`text_condition`]).
    pub common_words: bool,
    /// The clause identities the chapter / article / clause filters allow, if any.
    lineages: Option<Vec<String>>,
    /// SQLite: whether those clauses hold many suggestions (see [`narrowed`]).
    common_place: bool,
}

/// Above this many matches, the words are checked row by row while walking the
/// queue's order instead of collecting every match first.
const COMMON_WORDS: i64 = 2000;

#[derive(QueryableByName)]
struct Matches {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// The FTS5 query for these words: each quoted, so nothing typed is read as syntax.
fn fts_query(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn resolve(conn: &mut AnyConnection, filter: &QueueFilter, me: i64) -> QueryResult<Resolved> {
    let mut possible = true;
    let consultation_id = match &filter.consultation {
        Some(slug) => {
            let id = consultations::table
                .filter(consultations::slug.eq(slug.as_str()))
                .select(consultations::id)
                .first::<i64>(conn)
                .optional()?;
            possible &= id.is_some();
            id
        }
        None => None,
    };
    let lineages =
        if filter.chapter.is_some() || filter.article.is_some() || filter.clause.is_some() {
            let mut query = clauses::table
                .inner_join(articles::table.left_join(chapters::table))
                .select(clauses::lineage)
                .distinct()
                .into_boxed();
            if let Some(chapter) = filter.chapter {
                query = query.filter(chapters::position.eq(chapter));
            }
            if let Some(article) = &filter.article {
                query = query.filter(articles::number.eq(article.as_str().to_owned()));
            }
            if let Some(clause) = &filter.clause {
                query = query.filter(clauses::reference.eq(clause.to_string()));
            }
            Some(query.load::<String>(conn)?)
        } else {
            None
        };
    let common_place = match (&lineages, &*conn) {
        (Some(list), AnyConnection::Sqlite(_)) => suggestions::table
            .filter(suggestions::clause_lineage.eq_any(list))
            .select(suggestions::id)
            .offset(COMMON_WORDS)
            .limit(1)
            .first::<i64>(conn)
            .optional()?
            .is_some(),
        _ => false,
    };
    let common_words = match conn {
        AnyConnection::Sqlite(lite) if !filter.words.is_empty() => {
            diesel::sql_query(format!(
                "SELECT COUNT(*) AS n FROM (SELECT 1 FROM suggestions_fts \
                 WHERE suggestions_fts MATCH ? LIMIT {})",
                COMMON_WORDS + 1
            ))
            .bind::<Text, _>(fts_query(&filter.words))
            .get_result::<Matches>(lite)?
            .n > COMMON_WORDS
        }
        // PostgreSQL's planner knows how common each word is (from the tsvector's
        // statistics) and picks the index or the queue's order itself; only the
        // per-status counts, which read matches in no order, need to know. Building
        // the GIN bitmap of a common word costs more than the page, so with words
        // the counts are left out (see `status_counts`).
        AnyConnection::Postgres(_) if !filter.words.is_empty() => true,
        _ => false,
    };
    Ok(Resolved {
        filter: filter.clone(),
        consultation_id,
        me,
        postgres: matches!(conn, AnyConnection::Postgres(_)),
        possible,
        common_words,
        lineages,
        common_place,
    })
}

type Boxed<'a> = suggestions::BoxedQuery<'a, MultiBackend>;

/// The full-text condition: FTS5 on SQLite, the GIN-indexed tsvector on PostgreSQL
/// (whose planner weighs the index against the queue's order from its statistics).
/// SQLite's planner cannot see how many rows the words match, so `resolve` counts up
/// to [`COMMON_WORDS`]: rare words collect their few matches first; common words are
/// checked row by row (an FTS5 lookup by rowid) while the queue is walked in order,
/// which stops as soon as a page is full.
fn text_condition(
    words: &[String],
    postgres: bool,
    common: bool,
) -> Box<dyn BoxableExpression<suggestions::table, MultiBackend, SqlType = Bool>> {
    if postgres {
        return Box::new(
            sql::<Bool>("suggestions.search @@ plainto_tsquery('simple', ")
                .bind::<Text, _>(words.join(" "))
                .sql(")"),
        );
    }
    let query = fts_query(words);
    if common {
        Box::new(
            sql::<Bool>("EXISTS (SELECT 1 FROM suggestions_fts WHERE suggestions_fts MATCH ")
                .bind::<Text, _>(query)
                .sql(" AND suggestions_fts.rowid = suggestions.id)"),
        )
    } else {
        Box::new(
            sql::<Bool>(
                "suggestions.id IN (SELECT rowid FROM suggestions_fts WHERE suggestions_fts MATCH ",
            )
            .bind::<Text, _>(query)
            .sql(")"),
        )
    }
}

/// Every condition of the filter except the status (which the per-status counts vary).
fn narrowed<'a>(mut query: Boxed<'a>, r: &Resolved) -> Boxed<'a> {
    let f = &r.filter;
    if !r.possible {
        query = query.filter(suggestions::id.lt(0));
    }
    if let Some(id) = r.consultation_id {
        query = query.filter(suggestions::consultation_id.eq(id));
    }
    if f.public_only {
        query = query.filter(suggestions::visible.eq(true));
    }
    if let Some(lineages) = &r.lineages {
        // SQLite's planner would collect a large clause's suggestions through the
        // lineage index and sort them all; for clauses holding many, `+` hides that
        // index so it walks the queue's order and stops at a page. Rare ones use it.
        query = match (r.common_place, lineages.as_slice()) {
            (true, _) => {
                query.filter(sql::<Text>("+suggestions.clause_lineage").eq_any(lineages.clone()))
            }
            // One clause: `=`, not `= ANY(array)`, which PostgreSQL (15) cannot read
            // from the (clause_lineage, id) index in id order: it collected and sorted
            // all 18,000 of a clause's suggestions (159 ms p95) instead of reading 50.
            (false, [one]) => query.filter(suggestions::clause_lineage.eq(one.clone())),
            (false, _) => query.filter(suggestions::clause_lineage.eq_any(lineages.clone())),
        };
    }
    if let Some(kind) = f.kind {
        query = query.filter(suggestions::kind.eq(kind.as_str()));
    }
    if let Some(from) = f.from {
        query =
            query.filter(suggestions::created_at.ge(from.and_hms_opt(0, 0, 0).unwrap_or_default()));
    }
    if let Some(to) = f.to.and_then(|d| d.succ_opt()) {
        query =
            query.filter(suggestions::created_at.lt(to.and_hms_opt(0, 0, 0).unwrap_or_default()));
    }
    if let Some(min) = f.min_upvotes {
        query = query.filter(suggestions::upvotes.ge(min));
    }
    if f.flagged {
        query = query.filter(suggestions::flagged.eq(true));
    }
    if f.clustered {
        query = query.filter(suggestions::cluster_id.is_not_null());
    }
    if f.campaign {
        query = query.filter(suggestions::campaign.eq(true));
    }
    if let Some(tag) = &f.tag {
        let tagged = suggestion_tags::table
            .inner_join(tags::table)
            .filter(tags::name.eq(tag.clone()))
            .select(suggestion_tags::suggestion_id);
        query = query.filter(suggestions::id.eq_any(tagged));
    }
    query = match f.assignee {
        Assignee::Anyone => query,
        Assignee::Me => query.filter(suggestions::assignee_id.eq(r.me)),
        Assignee::Nobody => query.filter(suggestions::assignee_id.is_null()),
        Assignee::User(id) => query.filter(suggestions::assignee_id.eq(id)),
    };
    if !f.words.is_empty() {
        query = query.filter(text_condition(&f.words, r.postgres, r.common_words));
    }
    query
}

/// Every suggestion the filter matches, as a query to select from or aggregate over.
pub fn matching<'a>(r: &Resolved) -> Boxed<'a> {
    let query = narrowed(suggestions::table.into_boxed(), r);
    match r.filter.status {
        Some(status) => query.filter(suggestions::status.eq(status.as_str())),
        None => query,
    }
}

/// Where the next page of the queue starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueCursor {
    pub upvotes: i32,
    pub id: i64,
}

impl QueueCursor {
    pub fn encode(self) -> String {
        format!("{}_{}", self.upvotes, self.id)
    }

    pub fn decode(text: &str) -> Option<Self> {
        let (upvotes, id) = text.split_once('_')?;
        Some(Self {
            upvotes: upvotes.parse().ok()?,
            id: id.parse().ok()?,
        })
    }
}

/// One page of the queue and the cursor of the next.
pub fn queue_page(
    conn: &mut AnyConnection,
    r: &Resolved,
    after: Option<QueueCursor>,
    limit: i64,
) -> QueryResult<(Vec<Suggestion>, Option<QueueCursor>)> {
    let rows = if r.common_words && !r.postgres && r.filter.sort != QueueSort::MostUpvoted {
        page_by_search_order(conn, r, after, limit + 1)?
    } else {
        page_in_queue_order(conn, r, after, limit + 1)?
    };
    Ok(with_cursor(rows, limit))
}

fn page_in_queue_order(
    conn: &mut AnyConnection,
    r: &Resolved,
    after: Option<QueueCursor>,
    limit: i64,
) -> QueryResult<Vec<Suggestion>> {
    let mut query = matching(r).select(Suggestion::as_select()).limit(limit);
    query = match (r.filter.sort, after) {
        (QueueSort::Oldest, Some(c)) => query.filter(suggestions::id.gt(c.id)),
        (QueueSort::Newest, Some(c)) => query.filter(suggestions::id.lt(c.id)),
        // A row comparison, so both databases seek in the (upvotes, id) index.
        (QueueSort::MostUpvoted, Some(c)) => query.filter(
            sql::<Bool>("(suggestions.upvotes, suggestions.id) < (")
                .bind::<Integer, _>(c.upvotes)
                .sql(", ")
                .bind::<BigInt, _>(c.id)
                .sql(")"),
        ),
        (_, None) => query,
    };
    query = match r.filter.sort {
        QueueSort::Oldest => query.order(suggestions::id.asc()),
        QueueSort::Newest => query.order(suggestions::id.desc()),
        QueueSort::MostUpvoted => {
            query.order((suggestions::upvotes.desc(), suggestions::id.desc()))
        }
    };
    query.load::<Suggestion>(conn)
}

/// SQLite, common search words, in id order: FTS5 hands out its matches in rowid
/// order, so the page walks them a chunk at a time and keeps those the rest of the
/// filter allows, instead of checking the words row by row along the queue (an
/// FTS5 lookup per row walked: 54 ms p95 for two common words on a million).
fn page_by_search_order(
    conn: &mut AnyConnection,
    r: &Resolved,
    after: Option<QueueCursor>,
    limit: i64,
) -> QueryResult<Vec<Suggestion>> {
    let descending = r.filter.sort == QueueSort::Newest;
    let query = fts_query(&r.filter.words);
    let mut without_words = r.clone();
    without_words.filter.words.clear();
    let mut rows: Vec<Suggestion> = Vec::new();
    let mut from = after.map(|c| c.id);
    let mut chunk = 500;
    while i64::try_from(rows.len()).unwrap_or(i64::MAX) < limit {
        let ids = search_matches(conn, &query, from, descending, chunk)?;
        let Some(&last) = ids.last() else { break };
        let wanted = limit - i64::try_from(rows.len()).unwrap_or(0);
        let mut page = matching(&without_words)
            .filter(suggestions::id.eq_any(&ids))
            .select(Suggestion::as_select())
            .limit(wanted);
        page = if descending {
            page.order(suggestions::id.desc())
        } else {
            page.order(suggestions::id.asc())
        };
        rows.extend(page.load::<Suggestion>(conn)?);
        if i64::try_from(ids.len()).unwrap_or(0) < chunk {
            break;
        }
        from = Some(last);
        // A selective filter keeps few of each chunk: read more at a time.
        chunk = (chunk * 2).min(8000);
    }
    Ok(rows)
}

#[derive(QueryableByName)]
struct Match {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// Up to `n` suggestion ids matching FTS5 words after `from`, in rowid order.
fn search_matches(
    conn: &mut AnyConnection,
    query: &str,
    from: Option<i64>,
    descending: bool,
    n: i64,
) -> QueryResult<Vec<i64>> {
    let (compare, order, bound) = if descending {
        ("<", "DESC", from.unwrap_or(i64::MAX))
    } else {
        (">", "ASC", from.unwrap_or(0))
    };
    Ok(diesel::sql_query(format!(
        "SELECT rowid AS id FROM suggestions_fts WHERE suggestions_fts MATCH ? \
         AND rowid {compare} ? ORDER BY rowid {order} LIMIT ?"
    ))
    .bind::<Text, _>(query)
    .bind::<BigInt, _>(bound)
    .bind::<BigInt, _>(n)
    .load::<Match>(conn)?
    .into_iter()
    .map(|m| m.id)
    .collect())
}

/// Trim a page read one row long to `limit`, and say where the next one starts.
fn with_cursor(mut rows: Vec<Suggestion>, limit: i64) -> (Vec<Suggestion>, Option<QueueCursor>) {
    let limit = usize::try_from(limit).unwrap_or(0);
    let next = if rows.len() > limit {
        rows.truncate(limit);
        rows.last().map(|s| QueueCursor {
            upvotes: s.upvotes,
            id: s.id,
        })
    } else {
        None
    };
    (rows, next)
}

/// How many suggestions of each status match the filter (its status aside), or `None`
/// when more than `cap` match a narrowing filter (or its search words are common). Without narrowing (all, or one
/// consultation) the exact counts come from `suggestion_counts`, which triggers keep in
/// step with every change; with narrowing, one scan of at most `cap` rows counts them,
/// so the page stays fast on a queue of millions.
pub fn status_counts(
    conn: &mut AnyConnection,
    r: &Resolved,
    cap: i64,
) -> QueryResult<Option<Vec<(SuggestionStatus, i64)>>> {
    let mut by_status: HashMap<String, i64> = HashMap::new();
    if !r.filter.narrows() {
        // Rows of +n / -n (see the migration); few, as housekeeping folds them.
        let mut query = suggestion_counts::table
            .select((suggestion_counts::status, suggestion_counts::n))
            .into_boxed();
        if r.consultation_id.is_some() || !r.possible {
            query = query
                .filter(suggestion_counts::consultation_id.eq(r.consultation_id.unwrap_or(-1)));
        }
        for (status, n) in query.load::<(String, i64)>(conn)? {
            *by_status.entry(status).or_default() += n;
        }
    } else if r.common_words {
        // Checking common words row by row costs per match: counting thousands of
        // matches would cost more than the page. The page says counts need a
        // narrower filter.
        return Ok(None);
    } else {
        let mut query = narrowed(suggestions::table.into_boxed(), r)
            .select(suggestions::status)
            .limit(cap + 1);
        // PostgreSQL: in id order, so that it walks an index and reads only the rows it
        // counts, wherever updates have moved them in the table (a plain scan from the
        // start of a table after mass updates read 300 ms of empty pages). SQLite's
        // table is in id order already, and ordering would hide its filter indexes.
        if r.postgres {
            query = query.order(suggestions::id.asc());
        }
        let statuses = query.load::<String>(conn)?;
        if statuses.len() > usize::try_from(cap).unwrap_or(usize::MAX) {
            return Ok(None);
        }
        for status in statuses {
            *by_status.entry(status).or_default() += 1;
        }
    }
    Ok(Some(
        SuggestionStatus::ALL
            .into_iter()
            .map(|s| (s, by_status.get(s.as_str()).copied().unwrap_or(0)))
            .collect(),
    ))
}

/// Fold the count rows into one per consultation and status. The rows summed are
/// exactly the rows deleted (`RETURNING`), so a change committed meanwhile is never
/// lost. Call inside a write transaction.
pub fn fold_counts(conn: &mut AnyConnection) -> QueryResult<usize> {
    let gone: Vec<(i64, String, i64)> = diesel::delete(suggestion_counts::table)
        .returning((
            suggestion_counts::consultation_id,
            suggestion_counts::status,
            suggestion_counts::n,
        ))
        .get_results(conn)?;
    let mut sums: HashMap<(i64, String), i64> = HashMap::new();
    for (consultation_id, status, n) in gone {
        *sums.entry((consultation_id, status)).or_default() += n;
    }
    for ((consultation_id, status), n) in &sums {
        if *n != 0 {
            diesel::insert_into(suggestion_counts::table)
                .values((
                    suggestion_counts::consultation_id.eq(consultation_id),
                    suggestion_counts::status.eq(status),
                    suggestion_counts::n.eq(n),
                ))
                .execute(conn)?;
        }
    }
    Ok(sums.len())
}

/// The ids of everything matching the filter, in queue order (for bulk actions).
pub fn matching_ids(conn: &mut AnyConnection, r: &Resolved) -> QueryResult<Vec<i64>> {
    matching(r)
        .select(suggestions::id)
        .order(suggestions::id.asc())
        .load(conn)
}

pub fn count_matching(conn: &mut AnyConnection, r: &Resolved) -> QueryResult<i64> {
    matching(r).count().get_result(conn)
}

/// What a queue row shows beside the suggestion itself.
#[derive(Debug, Clone, Default)]
pub struct Surroundings {
    pub clause_reference: HashMap<i64, String>,
    pub consultation_slug: HashMap<i64, String>,
    pub names: HashMap<i64, String>,
    pub tags: HashMap<i64, Vec<String>>,
    /// Sizes of the near-duplicate clusters the rows are in, by cluster id.
    pub cluster_sizes: HashMap<i64, i32>,
}

impl Surroundings {
    /// How many suggestions are in this one's cluster (1 when alone).
    pub fn cluster_size(&self, s: &Suggestion) -> i32 {
        s.cluster_id
            .and_then(|c| self.cluster_sizes.get(&c).copied())
            .unwrap_or(1)
    }
}

/// Clause references, consultation slugs, people's names and tags of these
/// suggestions, in four queries whatever the page size.
pub fn surroundings(conn: &mut AnyConnection, rows: &[Suggestion]) -> QueryResult<Surroundings> {
    let clause_ids: Vec<i64> = rows.iter().map(|s| s.clause_id).collect();
    let consultation_ids: Vec<i64> = rows.iter().map(|s| s.consultation_id).collect();
    let ids: Vec<i64> = rows.iter().map(|s| s.id).collect();
    let people: Vec<i64> = rows
        .iter()
        .flat_map(|s| [Some(s.author_id), s.assignee_id, s.claimed_by])
        .flatten()
        .collect();
    let out = Surroundings {
        clause_reference: clauses::table
            .filter(clauses::id.eq_any(&clause_ids))
            .select((clauses::id, clauses::reference))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .collect(),
        consultation_slug: consultations::table
            .filter(consultations::id.eq_any(&consultation_ids))
            .select((consultations::id, consultations::slug))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .collect(),
        names: users::table
            .filter(users::id.eq_any(&people))
            .select((users::id, users::display_name))
            .load::<(i64, String)>(conn)?
            .into_iter()
            .collect(),
        tags: super::export::tags_of(conn, &ids)?,
        cluster_sizes: super::export::cluster_sizes(
            conn,
            &rows.iter().filter_map(|s| s.cluster_id).collect::<Vec<_>>(),
        )?,
    };
    Ok(out)
}

// ---------------------------------------------------------------- the log

/// One row of the moderation log, as written.
pub struct LogEntry<'a> {
    pub suggestion_id: Option<i64>,
    pub subject_user_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub action: &'a str,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub reason: Option<&'a str>,
    pub public: bool,
}

pub fn log(conn: &mut AnyConnection, entry: &LogEntry<'_>, at: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(moderation_log::table)
        .values((
            moderation_log::suggestion_id.eq(entry.suggestion_id),
            moderation_log::subject_user_id.eq(entry.subject_user_id),
            moderation_log::actor_id.eq(entry.actor_id),
            moderation_log::action.eq(entry.action),
            moderation_log::from_value.eq(entry.from),
            moderation_log::to_value.eq(entry.to),
            moderation_log::reason.eq(entry.reason),
            moderation_log::public.eq(entry.public),
            moderation_log::created_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// A log row as read back, with names and tracking number.
#[derive(Debug, Clone)]
pub struct LoggedAction {
    pub id: i64,
    pub created_at: NaiveDateTime,
    pub action: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub reason: Option<String>,
    pub actor: Option<String>,
    pub tracking_number: Option<String>,
    pub subject_user: Option<String>,
}

type LogRow = (
    i64,
    NaiveDateTime,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

fn read_log(conn: &mut AnyConnection, rows: Vec<LogRow>) -> QueryResult<Vec<LoggedAction>> {
    let people: Vec<i64> = rows.iter().flat_map(|r| [r.6, r.8]).flatten().collect();
    let suggestion_ids: Vec<i64> = rows.iter().filter_map(|r| r.7).collect();
    let names: HashMap<i64, String> = users::table
        .filter(users::id.eq_any(&people))
        .select((users::id, users::display_name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let numbers: HashMap<i64, String> = suggestions::table
        .filter(suggestions::id.eq_any(&suggestion_ids))
        .select((suggestions::id, suggestions::tracking_number))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    Ok(rows
        .into_iter()
        .map(|r| LoggedAction {
            id: r.0,
            created_at: r.1,
            action: r.2,
            from: r.3,
            to: r.4,
            reason: r.5,
            actor: r.6.and_then(|id| names.get(&id).cloned()),
            tracking_number: r.7.and_then(|id| numbers.get(&id).cloned()),
            subject_user: r.8.and_then(|id| names.get(&id).cloned()),
        })
        .collect())
}

macro_rules! log_columns {
    () => {
        (
            moderation_log::id,
            moderation_log::created_at,
            moderation_log::action,
            moderation_log::from_value,
            moderation_log::to_value,
            moderation_log::reason,
            moderation_log::actor_id,
            moderation_log::suggestion_id,
            moderation_log::subject_user_id,
        )
    };
}

/// The history of one suggestion (staff view, with names).
pub fn history(conn: &mut AnyConnection, suggestion_id: i64) -> QueryResult<Vec<LoggedAction>> {
    let rows = moderation_log::table
        .filter(moderation_log::suggestion_id.eq(suggestion_id))
        .order(moderation_log::id.asc())
        .select(log_columns!())
        .load::<LogRow>(conn)?;
    read_log(conn, rows)
}

/// The log, newest first, keyset-paged by id. `public_only` gives the public log.
pub fn log_page(
    conn: &mut AnyConnection,
    public_only: bool,
    before: Option<i64>,
    limit: i64,
) -> QueryResult<Vec<LoggedAction>> {
    let mut query = moderation_log::table
        .order(moderation_log::id.desc())
        .limit(limit)
        .select(log_columns!())
        .into_boxed();
    if public_only {
        query = query.filter(moderation_log::public.eq(true));
    }
    if let Some(before) = before {
        query = query.filter(moderation_log::id.lt(before));
    }
    let rows = query.load::<LogRow>(conn)?;
    read_log(conn, rows)
}

// ---------------------------------------------------------------- decisions

/// Why a decision was not applied.
#[derive(Debug)]
pub enum DecideError {
    /// The state machine (or a rule about the canonical suggestion) says no.
    Refused(Refusal),
    /// Another moderator holds the suggestion until the given time.
    Held {
        by: String,
        until: NaiveDateTime,
    },
    NotFound,
    Db(diesel::result::Error),
}

impl From<diesel::result::Error> for DecideError {
    fn from(e: diesel::result::Error) -> Self {
        Self::Db(e)
    }
}

/// What a decision changed, for the notifications that follow it.
#[derive(Debug, Clone)]
pub struct Applied {
    pub suggestion: Suggestion,
    pub from: SuggestionStatus,
    pub to: SuggestionStatus,
}

fn holder_name(conn: &mut AnyConnection, id: i64) -> QueryResult<String> {
    users::table
        .find(id)
        .select(users::display_name)
        .first(conn)
}

/// Take one decision on one suggestion. Refused when the state machine says no, or
/// when another moderator's claim on it has not expired. Releases the actor's claim.
/// Call inside a write transaction.
pub fn decide(
    conn: &mut AnyConnection,
    actor_id: i64,
    suggestion_id: i64,
    decision: &Decision,
    now: NaiveDateTime,
) -> Result<Applied, DecideError> {
    let s = suggestions::table
        .find(suggestion_id)
        .select(Suggestion::as_select())
        .first(conn)
        .optional()?
        .ok_or(DecideError::NotFound)?;
    if let (Some(holder), Some(until)) = (s.claimed_by, s.claimed_until) {
        if holder != actor_id && until > now {
            return Err(DecideError::Held {
                by: holder_name(conn, holder)?,
                until,
            });
        }
    }
    let from = s.status();
    let hidden_from = s.hidden_from.as_deref().and_then(|h| h.parse().ok());
    let to = decision
        .next_status(from, s.flagged, hidden_from)
        .map_err(DecideError::Refused)?;
    let mut reason: Option<String> = None;

    // The change itself, guarded by the status it was decided on: a concurrent
    // decision that got there first makes this one update nothing.
    let target = suggestions::table
        .filter(suggestions::id.eq(s.id))
        .filter(suggestions::status.eq(from.as_str()));
    let common = (
        suggestions::status.eq(to.as_str()),
        suggestions::visible.eq(to.is_visible()),
        suggestions::decided_at.eq(Some(now)),
        suggestions::updated_at.eq(now),
        suggestions::claimed_by.eq(None::<i64>),
        suggestions::claimed_until.eq(None::<NaiveDateTime>),
    );
    let updated = match decision {
        Decision::Publish => diesel::update(target)
            .set((
                common,
                suggestions::published_at.eq(s.published_at.or(Some(now))),
            ))
            .execute(conn)?,
        Decision::Reject(r) | Decision::Hide(r) => {
            reason = Some(if r.text.is_empty() {
                r.code.as_str().to_owned()
            } else {
                format!("{}: {}", r.code.as_str(), r.text)
            });
            let hidden_from = (to == SuggestionStatus::Hidden).then(|| from.as_str());
            diesel::update(target)
                .set((
                    common,
                    suggestions::reason_code.eq(r.code.as_str()),
                    suggestions::reason_text.eq(&r.text),
                    suggestions::hidden_from.eq(hidden_from),
                ))
                .execute(conn)?
        }
        Decision::StartReview => diesel::update(target).set(common).execute(conn)?,
        Decision::Respond(_, response) => {
            reason = Some(response.as_str().to_owned());
            diesel::update(target)
                .set((common, suggestions::official_response.eq(response.as_str())))
                .execute(conn)?
        }
        Decision::MarkDuplicate(canonical_id) => {
            let canonical = check_canonical(conn, &s, *canonical_id)?;
            reason = Some(canonical.tracking_number.clone());
            let n = diesel::update(target)
                .set((
                    common,
                    suggestions::duplicate_of.eq(canonical.id),
                    suggestions::duplicate_count.eq(0),
                ))
                .execute(conn)?;
            if n == 1 {
                // Whatever was merged into this one now belongs to the canonical.
                diesel::update(suggestions::table.filter(suggestions::duplicate_of.eq(s.id)))
                    .set(suggestions::duplicate_of.eq(canonical.id))
                    .execute(conn)?;
                diesel::update(suggestions::table.find(canonical.id))
                    .set(
                        suggestions::duplicate_count
                            .eq(suggestions::duplicate_count + s.duplicate_count + 1),
                    )
                    .execute(conn)?;
                recount_group(conn, canonical.id)?;
            }
            n
        }
        Decision::ClearFlags | Decision::UpholdFlags => {
            let hidden_from = match (decision, to) {
                (Decision::UpholdFlags, SuggestionStatus::Hidden)
                    if from != SuggestionStatus::Hidden =>
                {
                    Some(from.as_str())
                }
                (Decision::UpholdFlags, _) => s.hidden_from.as_deref(),
                _ => None,
            };
            diesel::update(flags::table.filter(flags::suggestion_id.eq(s.id)))
                .filter(flags::resolved_at.is_null())
                .set(flags::resolved_at.eq(Some(now)))
                .execute(conn)?;
            diesel::update(target)
                .set((
                    common,
                    suggestions::flagged.eq(false),
                    suggestions::flag_count.eq(0),
                    suggestions::hidden_from.eq(hidden_from),
                ))
                .execute(conn)?
        }
    };
    if updated != 1 {
        return Err(DecideError::Refused(Refusal("moderation.refused.changed")));
    }
    log(
        conn,
        &LogEntry {
            suggestion_id: Some(s.id),
            subject_user_id: None,
            actor_id: Some(actor_id),
            action: decision.action(),
            from: Some(from.as_str()),
            to: Some(to.as_str()),
            reason: reason.as_deref(),
            public: is_public(from, to),
        },
        now,
    )?;
    let suggestion = suggestions::table
        .find(s.id)
        .select(Suggestion::as_select())
        .first(conn)?;
    Ok(Applied {
        suggestion,
        from,
        to,
    })
}

/// A canonical suggestion must be another one of the same consultation that is itself
/// not a duplicate and still stands (not rejected, hidden or withdrawn).
fn check_canonical(
    conn: &mut AnyConnection,
    duplicate: &Suggestion,
    canonical_id: i64,
) -> Result<Suggestion, DecideError> {
    let canonical = suggestions::table
        .find(canonical_id)
        .select(Suggestion::as_select())
        .first(conn)
        .optional()?
        .ok_or(DecideError::Refused(Refusal(
            "moderation.refused.no_canonical",
        )))?;
    let standing = matches!(
        canonical.status(),
        SuggestionStatus::Pending
            | SuggestionStatus::Published
            | SuggestionStatus::UnderReview
            | SuggestionStatus::Accepted
            | SuggestionStatus::PartlyAccepted
            | SuggestionStatus::NotAccepted
    );
    if canonical.id == duplicate.id
        || canonical.consultation_id != duplicate.consultation_id
        || !standing
    {
        return Err(DecideError::Refused(Refusal(
            "moderation.refused.bad_canonical",
        )));
    }
    Ok(canonical)
}

/// Set a canonical suggestion's count to the number of distinct citizens who upvoted
/// it or any suggestion merged into it (a citizen who upvoted two counts once). No
/// vote row moves.
pub fn recount_group(conn: &mut AnyConnection, canonical_id: i64) -> QueryResult<usize> {
    diesel::sql_query(format!(
        "UPDATE suggestions SET upvotes = (SELECT COUNT(DISTINCT user_id) FROM upvotes \
         WHERE suggestion_id = {canonical_id} OR suggestion_id IN \
         (SELECT id FROM suggestions WHERE duplicate_of = {canonical_id})) \
         WHERE id = {canonical_id}"
    ))
    .execute(conn)
}

/// The outcome of a bulk action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkOutcome {
    pub done: Vec<Applied>,
    /// Suggestions the decision does not apply to (another status, held by someone).
    pub skipped: usize,
}

/// Apply one decision to many suggestions: one transaction (the caller's), one log row
/// per changed suggestion; those it does not apply to are counted and left alone.
pub fn decide_many(
    conn: &mut AnyConnection,
    actor_id: i64,
    ids: &[i64],
    decision: &Decision,
    now: NaiveDateTime,
) -> QueryResult<BulkOutcome> {
    let mut outcome = BulkOutcome::default();
    for id in ids {
        match decide(conn, actor_id, *id, decision, now) {
            Ok(applied) => outcome.done.push(applied),
            Err(DecideError::Db(e)) => return Err(e),
            Err(_) => outcome.skipped += 1,
        }
    }
    Ok(outcome)
}

impl PartialEq for Applied {
    fn eq(&self, other: &Self) -> bool {
        self.suggestion.id == other.suggestion.id && self.to == other.to
    }
}

impl Eq for Applied {}

// ---------------------------------------------------------------- working the queue

/// Claim a suggestion for `CLAIM_MINUTES`. One UPDATE decides between two moderators
/// racing for it: it only succeeds when nobody else holds an unexpired claim. Returns
/// the holder's name and expiry when someone else has it.
pub fn claim(
    conn: &mut AnyConnection,
    actor_id: i64,
    suggestion_id: i64,
    now: NaiveDateTime,
) -> QueryResult<Result<NaiveDateTime, (String, NaiveDateTime)>> {
    let until = now + Duration::minutes(CLAIM_MINUTES);
    let taken = diesel::update(
        suggestions::table
            .filter(suggestions::id.eq(suggestion_id))
            .filter(
                suggestions::claimed_by
                    .is_null()
                    .or(suggestions::claimed_by.eq(actor_id))
                    .or(suggestions::claimed_until.lt(now)),
            ),
    )
    .set((
        suggestions::claimed_by.eq(actor_id),
        suggestions::claimed_until.eq(until),
    ))
    .execute(conn)?;
    if taken == 1 {
        return Ok(Ok(until));
    }
    let (holder, held_until) = suggestions::table
        .find(suggestion_id)
        .select((suggestions::claimed_by, suggestions::claimed_until))
        .first::<(Option<i64>, Option<NaiveDateTime>)>(conn)?;
    let name = match holder {
        Some(id) => holder_name(conn, id)?,
        None => String::new(),
    };
    Ok(Err((name, held_until.unwrap_or(now))))
}

/// Give a claim back (only one's own).
pub fn release(conn: &mut AnyConnection, actor_id: i64, suggestion_id: i64) -> QueryResult<()> {
    diesel::update(
        suggestions::table
            .filter(suggestions::id.eq(suggestion_id))
            .filter(suggestions::claimed_by.eq(actor_id)),
    )
    .set((
        suggestions::claimed_by.eq(None::<i64>),
        suggestions::claimed_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    Ok(())
}

/// Assign suggestions to a reviewer (or to nobody); one log row per changed suggestion.
pub fn assign(
    conn: &mut AnyConnection,
    actor_id: i64,
    ids: &[i64],
    assignee: Option<i64>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let assignee_name = match assignee {
        Some(id) => Some(holder_name(conn, id)?),
        None => None,
    };
    let mut changed = 0;
    for id in ids {
        let before = suggestions::table
            .find(id)
            .select(suggestions::assignee_id)
            .first::<Option<i64>>(conn)
            .optional()?;
        let Some(before) = before else { continue };
        if before == assignee {
            continue;
        }
        let before_name = match before {
            Some(b) => Some(holder_name(conn, b)?),
            None => None,
        };
        diesel::update(suggestions::table.find(id))
            .set(suggestions::assignee_id.eq(assignee))
            .execute(conn)?;
        log(
            conn,
            &LogEntry {
                suggestion_id: Some(*id),
                subject_user_id: assignee,
                actor_id: Some(actor_id),
                action: "assign",
                from: before_name.as_deref(),
                to: assignee_name.as_deref(),
                reason: None,
                public: false,
            },
            now,
        )?;
        changed += 1;
    }
    Ok(changed)
}

/// Staff who may be assigned suggestions.
pub fn reviewers(conn: &mut AnyConnection) -> QueryResult<Vec<(i64, String)>> {
    users::table
        .filter(users::role.eq_any(["moderator", "admin"]))
        .filter(users::deleted_at.is_null())
        .order(users::display_name)
        .select((users::id, users::display_name))
        .load(conn)
}

/// Tag suggestions (the tag is created in each one's consultation if new); one log row
/// per suggestion that did not have it.
pub fn tag(
    conn: &mut AnyConnection,
    actor_id: i64,
    ids: &[i64],
    name: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let mut tag_ids: HashMap<i64, i64> = HashMap::new();
    let mut changed = 0;
    for id in ids {
        let Some(consultation_id) = suggestions::table
            .find(id)
            .select(suggestions::consultation_id)
            .first::<i64>(conn)
            .optional()?
        else {
            continue;
        };
        let tag_id = match tag_ids.get(&consultation_id) {
            Some(t) => *t,
            None => {
                let t = tag_id(conn, consultation_id, name, now)?;
                tag_ids.insert(consultation_id, t);
                t
            }
        };
        let has = suggestion_tags::table
            .filter(suggestion_tags::suggestion_id.eq(id))
            .filter(suggestion_tags::tag_id.eq(tag_id))
            .count()
            .get_result::<i64>(conn)?
            > 0;
        if has {
            continue;
        }
        diesel::insert_into(suggestion_tags::table)
            .values((
                suggestion_tags::suggestion_id.eq(id),
                suggestion_tags::tag_id.eq(tag_id),
            ))
            .execute(conn)?;
        log(
            conn,
            &LogEntry {
                suggestion_id: Some(*id),
                subject_user_id: None,
                actor_id: Some(actor_id),
                action: "tag",
                from: None,
                to: Some(name),
                reason: None,
                public: false,
            },
            now,
        )?;
        changed += 1;
    }
    Ok(changed)
}

/// Remove a tag from a suggestion, with its log row.
pub fn untag(
    conn: &mut AnyConnection,
    actor_id: i64,
    suggestion_id: i64,
    name: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let tag_ids = tags::table
        .filter(tags::name.eq(name))
        .select(tags::id)
        .load::<i64>(conn)?;
    let removed = diesel::delete(
        suggestion_tags::table
            .filter(suggestion_tags::suggestion_id.eq(suggestion_id))
            .filter(suggestion_tags::tag_id.eq_any(&tag_ids)),
    )
    .execute(conn)?;
    if removed > 0 {
        log(
            conn,
            &LogEntry {
                suggestion_id: Some(suggestion_id),
                subject_user_id: None,
                actor_id: Some(actor_id),
                action: "untag",
                from: Some(name),
                to: None,
                reason: None,
                public: false,
            },
            now,
        )?;
    }
    Ok(removed > 0)
}

fn tag_id(
    conn: &mut AnyConnection,
    consultation_id: i64,
    name: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let existing = tags::table
        .filter(tags::consultation_id.eq(consultation_id))
        .filter(tags::name.eq(name))
        .select(tags::id)
        .first::<i64>(conn)
        .optional()?;
    match existing {
        Some(id) => Ok(id),
        None => diesel::insert_into(tags::table)
            .values((
                tags::consultation_id.eq(consultation_id),
                tags::name.eq(name),
                tags::created_at.eq(now),
            ))
            .returning(tags::id)
            .get_result(conn),
    }
}

/// Tag names in use (for the filter's suggestions).
pub fn tag_names(conn: &mut AnyConnection) -> QueryResult<Vec<String>> {
    tags::table
        .select(tags::name)
        .distinct()
        .order(tags::name)
        .load(conn)
}

/// A staff note on a suggestion, with its log row.
pub fn add_note(
    conn: &mut AnyConnection,
    actor_id: i64,
    suggestion_id: i64,
    body: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(moderation_notes::table)
        .values((
            moderation_notes::suggestion_id.eq(suggestion_id),
            moderation_notes::author_id.eq(actor_id),
            moderation_notes::body.eq(body),
            moderation_notes::created_at.eq(now),
        ))
        .execute(conn)?;
    log(
        conn,
        &LogEntry {
            suggestion_id: Some(suggestion_id),
            subject_user_id: None,
            actor_id: Some(actor_id),
            action: "note",
            from: None,
            to: None,
            reason: None,
            public: false,
        },
        now,
    )
}

/// A suggestion's staff notes, oldest first: (author, text, when).
pub fn notes(
    conn: &mut AnyConnection,
    suggestion_id: i64,
) -> QueryResult<Vec<(String, String, NaiveDateTime)>> {
    moderation_notes::table
        .inner_join(users::table.on(users::id.eq(moderation_notes::author_id)))
        .filter(moderation_notes::suggestion_id.eq(suggestion_id))
        .order(moderation_notes::id.asc())
        .select((
            users::display_name,
            moderation_notes::body,
            moderation_notes::created_at,
        ))
        .load(conn)
}

/// A canned official response.
#[derive(Debug, Clone, Queryable)]
pub struct ResponseTemplate {
    pub id: i64,
    pub title: String,
    pub body: String,
}

pub fn templates(
    conn: &mut AnyConnection,
    consultation_id: i64,
) -> QueryResult<Vec<ResponseTemplate>> {
    response_templates::table
        .filter(response_templates::consultation_id.eq(consultation_id))
        .order(response_templates::title)
        .select((
            response_templates::id,
            response_templates::title,
            response_templates::body,
        ))
        .load(conn)
}

pub fn template(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<ResponseTemplate>> {
    response_templates::table
        .find(id)
        .select((
            response_templates::id,
            response_templates::title,
            response_templates::body,
        ))
        .first(conn)
        .optional()
}

pub fn add_template(
    conn: &mut AnyConnection,
    consultation_id: i64,
    title: &str,
    body: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(response_templates::table)
        .values((
            response_templates::consultation_id.eq(consultation_id),
            response_templates::title.eq(title),
            response_templates::body.eq(body),
            response_templates::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

// ---------------------------------------------------------------- reports and blocking

/// What a citizen's report did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reported {
    /// Recorded; the suggestion waits for a moderator.
    Recorded,
    /// This citizen had already reported it.
    Already,
    /// This report reached the threshold: the suggestion is hidden pending review.
    Hidden,
}

/// Record a citizen's report. At `threshold` distinct open reports a visible
/// suggestion is hidden until a moderator clears or upholds them.
pub fn report(
    conn: &mut AnyConnection,
    user_id: i64,
    suggestion_id: i64,
    reason: &str,
    threshold: i32,
    now: NaiveDateTime,
) -> QueryResult<Reported> {
    let already = flags::table
        .find((suggestion_id, user_id))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if already {
        return Ok(Reported::Already);
    }
    diesel::insert_into(flags::table)
        .values((
            flags::suggestion_id.eq(suggestion_id),
            flags::user_id.eq(user_id),
            flags::reason.eq(reason),
            flags::created_at.eq(now),
        ))
        .execute(conn)?;
    diesel::update(suggestions::table.find(suggestion_id))
        .set((
            suggestions::flag_count.eq(suggestions::flag_count + 1),
            suggestions::flagged.eq(true),
        ))
        .execute(conn)?;
    let s = suggestions::table
        .find(suggestion_id)
        .select(Suggestion::as_select())
        .first(conn)?;
    // Only reports of confirmed citizens who are not blocked count towards hiding, so
    // throw-away accounts (or a blocked troll's) cannot hide anyone's suggestion.
    let standing_reporters: i64 = flags::table
        .inner_join(users::table.on(users::id.eq(flags::user_id)))
        .filter(flags::suggestion_id.eq(suggestion_id))
        .filter(flags::resolved_at.is_null())
        .filter(users::email_confirmed_at.is_not_null())
        .filter(users::blocked_at.is_null())
        .filter(users::deleted_at.is_null())
        .count()
        .get_result(conn)?;
    if standing_reporters < i64::from(threshold) || !s.status().is_visible() {
        return Ok(Reported::Recorded);
    }
    let from = s.status();
    diesel::update(suggestions::table.find(suggestion_id))
        .set((
            suggestions::status.eq(SuggestionStatus::Hidden.as_str()),
            suggestions::visible.eq(false),
            suggestions::hidden_from.eq(from.as_str()),
            suggestions::updated_at.eq(now),
        ))
        .execute(conn)?;
    log(
        conn,
        &LogEntry {
            suggestion_id: Some(suggestion_id),
            subject_user_id: None,
            actor_id: None,
            action: "auto_hide",
            from: Some(from.as_str()),
            to: Some(SuggestionStatus::Hidden.as_str()),
            reason: Some("reports"),
            public: true,
        },
        now,
    )?;
    Ok(Reported::Hidden)
}

/// Open reports on a suggestion: (reason, when).
pub fn open_reports(
    conn: &mut AnyConnection,
    suggestion_id: i64,
) -> QueryResult<Vec<(String, NaiveDateTime)>> {
    flags::table
        .filter(flags::suggestion_id.eq(suggestion_id))
        .filter(flags::resolved_at.is_null())
        .order(flags::created_at)
        .select((flags::reason, flags::created_at))
        .load(conn)
}

/// Block or unblock a citizen. Blocking queues all their standing suggestions for
/// review (flagged); one log row for the block itself.
pub fn set_blocked(
    conn: &mut AnyConnection,
    actor_id: i64,
    user_id: i64,
    blocked: bool,
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let changed = diesel::update(users::table.find(user_id))
        .filter(users::blocked_at.is_null().eq(blocked))
        .set(users::blocked_at.eq(blocked.then_some(now)))
        .execute(conn)?;
    if changed == 0 {
        return Ok(0);
    }
    let mut queued = 0;
    if blocked {
        queued = diesel::update(
            suggestions::table
                .filter(suggestions::author_id.eq(user_id))
                .filter(suggestions::status.eq_any([
                    "pending",
                    "published",
                    "under_review",
                    "accepted",
                    "partly_accepted",
                    "not_accepted",
                ])),
        )
        .set(suggestions::flagged.eq(true))
        .execute(conn)?;
    }
    log(
        conn,
        &LogEntry {
            suggestion_id: None,
            subject_user_id: Some(user_id),
            actor_id: Some(actor_id),
            action: if blocked { "block" } else { "unblock" },
            from: None,
            to: None,
            reason: (!reason.is_empty()).then_some(reason),
            public: false,
        },
        now,
    )?;
    Ok(queued)
}

// ---------------------------------------------------------------- the dashboard

/// Exact number of suggestions per status.
pub fn backlog(conn: &mut AnyConnection) -> QueryResult<Vec<(String, i64)>> {
    suggestions::table
        .group_by(suggestions::status)
        .select((suggestions::status, diesel::dsl::count_star()))
        .order(suggestions::status)
        .load(conn)
}

/// When the oldest pending suggestion was submitted.
pub fn oldest_pending(conn: &mut AnyConnection) -> QueryResult<Option<NaiveDateTime>> {
    suggestions::table
        .filter(suggestions::status.eq("pending"))
        .order(suggestions::id.asc())
        .select(suggestions::created_at)
        .first(conn)
        .optional()
}

/// The log actions that are decisions on a suggestion's status.
const DECISION_ACTIONS: [&str; 8] = [
    "publish",
    "reject",
    "review",
    "respond",
    "merge",
    "hide",
    "flags_cleared",
    "flags_upheld",
];

/// Decisions per day and moderator since `since`: (day, moderator, count).
pub fn decisions_per_day(
    conn: &mut AnyConnection,
    since: NaiveDateTime,
) -> QueryResult<Vec<(String, String, i64)>> {
    let rows = moderation_log::table
        .inner_join(users::table.on(moderation_log::actor_id.eq(users::id.nullable())))
        .filter(moderation_log::created_at.ge(since))
        .filter(moderation_log::action.eq_any(DECISION_ACTIONS))
        .select((moderation_log::created_at, users::display_name))
        .load::<(NaiveDateTime, String)>(conn)?;
    let mut counts: HashMap<(String, String), i64> = HashMap::new();
    for (at, name) in rows {
        *counts.entry((at.date().to_string(), name)).or_default() += 1;
    }
    let mut out: Vec<(String, String, i64)> =
        counts.into_iter().map(|((d, n), c)| (d, n, c)).collect();
    out.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    Ok(out)
}

/// The largest near-duplicate clusters: (cluster id, size, a member's tracking number
/// and text).
pub fn largest_clusters(
    conn: &mut AnyConnection,
    limit: i64,
) -> QueryResult<Vec<(i64, i32, String, String)>> {
    clusters::table
        .inner_join(suggestions::table.on(suggestions::id.eq(clusters::id)))
        .order((clusters::size.desc(), clusters::id.asc()))
        .limit(limit)
        .select((
            clusters::id,
            clusters::size,
            suggestions::tracking_number,
            suggestions::body,
        ))
        .load(conn)
}

/// The members of a cluster, most upvoted first.
pub fn cluster_members(
    conn: &mut AnyConnection,
    cluster_id: i64,
    limit: i64,
) -> QueryResult<Vec<Suggestion>> {
    suggestions::table
        .filter(suggestions::cluster_id.eq(cluster_id))
        .order((suggestions::upvotes.desc(), suggestions::id.asc()))
        .limit(limit)
        .select(Suggestion::as_select())
        .load(conn)
}

/// Moderators who asked for the daily summary and have not had today's.
pub fn summary_recipients(
    conn: &mut AnyConnection,
    today: &str,
) -> QueryResult<Vec<(i64, String, String)>> {
    users::table
        .filter(users::daily_summary.eq(true))
        .filter(users::role.eq_any(["moderator", "admin"]))
        .filter(users::deleted_at.is_null())
        .filter(
            users::summary_sent_on
                .is_null()
                .or(users::summary_sent_on.ne(today)),
        )
        .select((users::id, users::email, users::display_name))
        .load(conn)
}

pub fn mark_summary_sent(conn: &mut AnyConnection, user_id: i64, today: &str) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set(users::summary_sent_on.eq(today))
        .execute(conn)?;
    Ok(())
}

pub fn set_daily_summary(conn: &mut AnyConnection, user_id: i64, wanted: bool) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .set(users::daily_summary.eq(wanted))
        .execute(conn)?;
    Ok(())
}

// ---------------------------------------------------------------- clustering

/// What clustering needs of a suggestion.
#[derive(Debug, Clone, Queryable)]
pub struct ClusterMember {
    pub id: i64,
    pub signature: String,
    pub text_hash: Option<String>,
    pub author_id: i64,
    pub created_at: NaiveDateTime,
    pub cluster_id: Option<i64>,
    pub campaign: bool,
}

/// Clause identities with suggestions the clustering pass has not seen (or all).
pub fn lineages_to_cluster(conn: &mut AnyConnection, all: bool) -> QueryResult<Vec<String>> {
    let mut query = suggestions::table
        .select(suggestions::clause_lineage)
        .distinct()
        .into_boxed();
    if !all {
        query = query.filter(suggestions::clustered.eq(false));
    }
    query.load(conn)
}

/// Every suggestion on a clause identity, in id order, except withdrawn ones.
pub fn cluster_candidates(
    conn: &mut AnyConnection,
    lineage: &str,
) -> QueryResult<Vec<ClusterMember>> {
    suggestions::table
        .filter(suggestions::clause_lineage.eq(lineage))
        .filter(suggestions::status.ne("withdrawn"))
        .order(suggestions::id.asc())
        .select((
            suggestions::id,
            suggestions::signature,
            suggestions::text_hash,
            suggestions::author_id,
            suggestions::created_at,
            suggestions::cluster_id,
            suggestions::campaign,
        ))
        .load(conn)
}

/// The clusters of a clause identity: (id, size).
pub fn clusters_of(conn: &mut AnyConnection, lineage: &str) -> QueryResult<HashMap<i64, i32>> {
    Ok(clusters::table
        .filter(clusters::clause_lineage.eq(lineage))
        .select((clusters::id, clusters::size))
        .load::<(i64, i32)>(conn)?
        .into_iter()
        .collect())
}

/// What a clustering pass changes on one clause identity.
#[derive(Debug, Clone, Default)]
pub struct ClusterChanges {
    /// New cluster of these members (`None`: alone again), grouped so that a cluster
    /// of thousands is a few statements.
    pub members: Vec<(Option<i64>, Vec<i64>)>,
    /// Clusters to create or resize: (id, size).
    pub sizes: Vec<(i64, i32)>,
    /// Clusters that no longer exist.
    pub gone: Vec<i64>,
    pub campaign: Vec<i64>,
}

/// Store a pass's changes on a lineage; mark its suggestions up to `max_id` as seen.
pub fn store_clusters(
    conn: &mut AnyConnection,
    lineage: &str,
    changes: &ClusterChanges,
    max_id: i64,
) -> QueryResult<()> {
    for chunk in changes.gone.chunks(500) {
        diesel::delete(clusters::table.filter(clusters::id.eq_any(chunk))).execute(conn)?;
    }
    for (id, size) in &changes.sizes {
        let updated = diesel::update(clusters::table.find(id))
            .set(clusters::size.eq(size))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(clusters::table)
                .values((
                    clusters::id.eq(id),
                    clusters::clause_lineage.eq(lineage),
                    clusters::size.eq(size),
                ))
                .execute(conn)?;
        }
    }
    for (cluster_id, ids) in &changes.members {
        for chunk in ids.chunks(500) {
            diesel::update(suggestions::table.filter(suggestions::id.eq_any(chunk)))
                .set(suggestions::cluster_id.eq(cluster_id))
                .execute(conn)?;
        }
    }
    let campaign = &changes.campaign;
    for chunk in campaign.chunks(500) {
        diesel::update(suggestions::table.filter(suggestions::id.eq_any(chunk)))
            .set(suggestions::campaign.eq(true))
            .execute(conn)?;
    }
    diesel::update(
        suggestions::table
            .filter(suggestions::clause_lineage.eq(lineage))
            .filter(suggestions::clustered.eq(false))
            .filter(suggestions::id.le(max_id)),
    )
    .set(suggestions::clustered.eq(true))
    .execute(conn)?;
    Ok(())
}

pub fn tracking_number(conn: &mut AnyConnection, id: i64) -> QueryResult<String> {
    suggestions::table
        .find(id)
        .select(suggestions::tracking_number)
        .first(conn)
}

pub fn id_by_number(conn: &mut AnyConnection, number: &str) -> QueryResult<Option<i64>> {
    suggestions::table
        .filter(suggestions::tracking_number.eq(number))
        .select(suggestions::id)
        .first(conn)
        .optional()
}

/// The suggestions matching a filter after `after_id`, in id order (exports page
/// through a filter with this).
pub fn matching_after(
    conn: &mut AnyConnection,
    r: &Resolved,
    after_id: i64,
    limit: i64,
) -> QueryResult<Vec<super::export::Row>> {
    matching(r)
        .filter(suggestions::id.gt(after_id))
        .order(suggestions::id.asc())
        .limit(limit)
        .select(super::export::Row::as_select())
        .load(conn)
}
