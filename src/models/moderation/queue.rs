//! The moderation queue: a filter resolved to ids, pages in queue or search order,
//! per-status counts, and what the rows of a page show around them.

use std::collections::HashMap;

use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Integer, Text};

use super::super::suggestion::Suggestion;
use crate::db::fixed::fixed_query;
use crate::db::{AnyConnection, MultiBackend};
use crate::domain::queue::{Assignee, QueueFilter, QueueSort};
use crate::domain::{search, SuggestionStatus};
use crate::schema::{
    articles, chapters, clauses, consultations, suggestion_counts, suggestion_tags, suggestions,
    tags, users,
};

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

/// The FTS5 query for these words: each quoted, so nothing typed is read as syntax;
/// Cyrillic words by the prefix of their Russian stem ([`search::query_terms`]).
fn fts_query(words: &[String]) -> String {
    search::query_terms(words)
        .iter()
        .map(|t| {
            let quoted = format!("\"{}\"", t.text.replace('"', ""));
            if t.prefix {
                quoted + "*"
            } else {
                quoted
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The same query for PostgreSQL's `to_tsquery('simple', …)`: every term quoted as a
/// lexeme (its quotes and backslashes dropped), `:*` for a prefix, all required.
fn ts_query(words: &[String]) -> String {
    search::query_terms(words)
        .iter()
        .map(|t| {
            let lexeme = format!("'{}'", t.text.replace(['\'', '\\'], ""));
            if t.prefix {
                lexeme + ":*"
            } else {
                lexeme
            }
        })
        .collect::<Vec<_>>()
        .join(" & ")
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
            fixed_query(
                "SELECT COUNT(*) AS n FROM (SELECT 1 FROM suggestions_fts \
                 WHERE suggestions_fts MATCH ? LIMIT ?)",
                |q| {
                    q.bind::<Text, _>(fts_query(&filter.words))
                        .bind::<BigInt, _>(COMMON_WORDS + 1)
                },
            )
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

/// A query over suggestions, built up filter by filter.
pub type Boxed<'a> = suggestions::BoxedQuery<'a, MultiBackend>;

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
            sql::<Bool>("suggestions.search @@ to_tsquery('simple', ")
                .bind::<Text, _>(ts_query(words))
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
    if let Some(lang) = f.lang {
        query = query.filter(suggestions::lang.eq(lang.as_str()));
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

/// Rows on a page of the queue.
pub const QUEUE_PAGE_SIZE: i64 = 50;

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
    in_queue_order(r, after, limit)
        .select(Suggestion::as_select())
        .load::<Suggestion>(conn)
}

/// What the queue page asks the database (one row longer than the page), and how the
/// database goes about it: for `kenes queue-plan` and the queue benchmark (issue 20).
#[derive(Debug, Clone)]
pub struct QueuePlan {
    /// How many suggestions the filter matches; not counted for common search words on
    /// SQLite, which are checked row by row (on a million suggestions such a count ran
    /// for over ten minutes; the page stops after fifty rows).
    pub matching: Option<i64>,
    /// The plan of the page's query, one step a line.
    pub page: Vec<String>,
}

pub fn queue_plan(conn: &mut AnyConnection, r: &Resolved, limit: i64) -> QueryResult<QueuePlan> {
    let page = if r.common_words && !r.postgres && r.filter.sort != QueueSort::MostUpvoted {
        // [`page_by_search_order`]: the words' matches in rowid order, a chunk at a
        // time, each chunk's rows then looked up by id.
        let mut steps = vec!["search order: FTS5 matches walked by rowid, then:".to_owned()];
        let mut without_words = r.clone();
        without_words.filter.words.clear();
        steps.extend(crate::db::explain::plan(
            conn,
            in_queue_order(&without_words, None, limit + 1)
                .filter(suggestions::id.eq_any([0_i64]))
                .select(suggestions::id),
        )?);
        steps
    } else {
        crate::db::explain::plan(
            conn,
            in_queue_order(r, None, limit + 1).select(suggestions::id),
        )?
    };
    let countable = r.postgres || !r.common_words;
    Ok(QueuePlan {
        matching: countable.then(|| count_matching(conn, r)).transpose()?,
        page,
    })
}

/// The suggestions of a page in queue order, all columns (select what is wanted).
fn in_queue_order<'a>(r: &Resolved, after: Option<QueueCursor>, limit: i64) -> Boxed<'a> {
    let mut query = matching(r).limit(limit);
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
    query
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
    // Two constant texts (one per direction), so each stays prepared.
    let (sql, bound) = if descending {
        (
            "SELECT rowid AS id FROM suggestions_fts WHERE suggestions_fts MATCH ? \
             AND rowid < ? ORDER BY rowid DESC LIMIT ?",
            from.unwrap_or(i64::MAX),
        )
    } else {
        (
            "SELECT rowid AS id FROM suggestions_fts WHERE suggestions_fts MATCH ? \
             AND rowid > ? ORDER BY rowid ASC LIMIT ?",
            from.unwrap_or(0),
        )
    };
    Ok(fixed_query(sql, |q| {
        q.bind::<Text, _>(query)
            .bind::<BigInt, _>(bound)
            .bind::<BigInt, _>(n)
    })
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
        // The count reads matches in no order, so the lineage index is what it wants
        // even for a clause holding many: hidden (as the ordered page hides it), a
        // count on one clause of 18,600 among 1,000,000 walked 107,000 rows to find
        // its first 2,001 (issue 20); through (clause_lineage, status, id) it reads
        // 2,001 index entries.
        let counting = Resolved {
            common_place: false,
            ..r.clone()
        };
        let mut query = narrowed(suggestions::table.into_boxed(), &counting)
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

/// Fold the count rows into one per consultation and status (and the clause counts
/// into one per clause). The rows summed are
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
    Ok(sums.len() + fold_clause_counts(conn)?)
}

/// The same for `clause_counts`: one row per clause identity (a clause whose visible
/// suggestions are back to none keeps no row).
fn fold_clause_counts(conn: &mut AnyConnection) -> QueryResult<usize> {
    use crate::schema::clause_counts;
    let gone: Vec<(String, i64)> = diesel::delete(clause_counts::table)
        .returning((clause_counts::clause_lineage, clause_counts::n))
        .get_results(conn)?;
    let mut sums: HashMap<String, i64> = HashMap::new();
    for (lineage, n) in gone {
        *sums.entry(lineage).or_default() += n;
    }
    for (lineage, n) in &sums {
        if *n != 0 {
            diesel::insert_into(clause_counts::table)
                .values((
                    clause_counts::clause_lineage.eq(lineage),
                    clause_counts::n.eq(n),
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
        tags: crate::models::export::tags_of(conn, &ids)?,
        cluster_sizes: crate::models::export::cluster_sizes(
            conn,
            &rows.iter().filter_map(|s| s.cluster_id).collect::<Vec<_>>(),
        )?,
    };
    Ok(out)
}

/// The suggestions matching a filter after `after_id`, in id order (exports page
/// through a filter with this).
pub fn matching_after(
    conn: &mut AnyConnection,
    r: &Resolved,
    after_id: i64,
    limit: i64,
) -> QueryResult<Vec<crate::models::export::Row>> {
    matching(r)
        .filter(suggestions::id.gt(after_id))
        .order(suggestions::id.asc())
        .limit(limit)
        .select(crate::models::export::Row::as_select())
        .load(conn)
}
