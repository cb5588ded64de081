//! What exports read besides the suggestions themselves: where each clause is in its
//! document, people's regions, upvote rows and log rows of a batch of suggestions,
//! and the per-clause and per-region totals of the suggestions a filter matches
//! (counted by the database: GROUP BY, as in [`super::statistics`]).

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::expression::{is_aggregate, AppearsOnTable, Expression, ValidGrouping};
use diesel::prelude::*;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::sql_types::{BigInt, Bool};

use super::moderation::{self, Resolved};
use crate::db::{AnyConnection, MultiBackend};
use crate::domain::{SuggestionKind, SuggestionStatus};
use crate::schema::{
    articles, chapters, clauses, document_versions, moderation_log, suggestions, upvotes, users,
};

/// Where a clause is: its version, chapter, article and reference, and its text.
#[derive(Debug, Clone)]
pub struct Place {
    pub version: i32,
    pub chapter: String,
    pub article: String,
    pub reference: String,
    pub text: String,
}

pub fn places(conn: &mut AnyConnection, clause_ids: &[i64]) -> QueryResult<HashMap<i64, Place>> {
    let rows = clauses::table
        .inner_join(
            articles::table
                .left_join(chapters::table)
                .inner_join(document_versions::table),
        )
        .filter(clauses::id.eq_any(clause_ids))
        .select((
            clauses::id,
            document_versions::number,
            chapters::heading.nullable(),
            articles::number,
            clauses::reference,
            clauses::body,
        ))
        .load::<(i64, i32, Option<String>, String, String, String)>(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, version, chapter, article, reference, text)| {
            (
                id,
                Place {
                    version,
                    chapter: chapter.unwrap_or_default(),
                    article,
                    reference,
                    text,
                },
            )
        })
        .collect())
}

/// People's regions (empty when not given).
pub fn regions(conn: &mut AnyConnection, user_ids: &[i64]) -> QueryResult<HashMap<i64, String>> {
    Ok(users::table
        .filter(users::id.eq_any(user_ids))
        .select((users::id, users::region))
        .load::<(i64, Option<String>)>(conn)?
        .into_iter()
        .map(|(id, region)| (id, region.unwrap_or_default()))
        .collect())
}

pub fn tracking_numbers(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> QueryResult<HashMap<i64, String>> {
    Ok(suggestions::table
        .filter(suggestions::id.eq_any(ids))
        .select((suggestions::id, suggestions::tracking_number))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect())
}

/// The upvote rows of these suggestions: (suggestion, voter, when), in key order.
pub fn upvotes_of(
    conn: &mut AnyConnection,
    suggestion_ids: &[i64],
) -> QueryResult<Vec<(i64, i64, NaiveDateTime)>> {
    upvotes::table
        .filter(upvotes::suggestion_id.eq_any(suggestion_ids))
        .order((upvotes::suggestion_id, upvotes::user_id))
        .select((
            upvotes::suggestion_id,
            upvotes::user_id,
            upvotes::created_at,
        ))
        .load(conn)
}

/// A moderation log row as exported.
#[derive(Debug, Clone, Queryable)]
pub struct LogRecord {
    pub id: i64,
    pub suggestion_id: Option<i64>,
    pub actor_id: Option<i64>,
    pub action: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub reason: Option<String>,
    pub created_at: NaiveDateTime,
}

/// The log rows of these suggestions, by suggestion then time.
pub fn log_of(conn: &mut AnyConnection, suggestion_ids: &[i64]) -> QueryResult<Vec<LogRecord>> {
    moderation_log::table
        .filter(moderation_log::suggestion_id.eq_any(suggestion_ids))
        .order((moderation_log::suggestion_id, moderation_log::id))
        .select((
            moderation_log::id,
            moderation_log::suggestion_id,
            moderation_log::actor_id,
            moderation_log::action,
            moderation_log::from_value,
            moderation_log::to_value,
            moderation_log::reason,
            moderation_log::created_at,
        ))
        .load(conn)
}

/// A suggestion as exports read it: everything but the similarity signature and
/// other internals, which would double the bytes read for nothing.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = suggestions)]
pub struct Row {
    pub id: i64,
    pub tracking_number: String,
    pub consultation_id: i64,
    pub clause_id: i64,
    pub clause_lineage: String,
    pub author_id: i64,
    #[diesel(deserialize_as = String)]
    pub kind: crate::domain::SuggestionKind,
    pub body: String,
    pub proposed_text: Option<String>,
    #[diesel(deserialize_as = String)]
    pub status: crate::domain::SuggestionStatus,
    pub upvotes: i32,
    pub official_response: Option<String>,
    pub created_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub reason_code: Option<String>,
    pub duplicate_of: Option<i64>,
    pub cluster_id: Option<i64>,
    #[diesel(deserialize_as = String)]
    pub lang: crate::domain::TextLang,
}

impl Row {
    pub fn status(&self) -> crate::domain::SuggestionStatus {
        self.status
    }

    pub fn kind(&self) -> crate::domain::SuggestionKind {
        self.kind
    }
}

/// Every consultation's short name (a handful), by id.
pub fn consultation_slugs(conn: &mut AnyConnection) -> QueryResult<HashMap<i64, String>> {
    Ok(crate::schema::consultations::table
        .select((
            crate::schema::consultations::id,
            crate::schema::consultations::slug,
        ))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect())
}

/// The sizes of these near-duplicate clusters, by cluster id.
pub fn cluster_sizes(
    conn: &mut AnyConnection,
    cluster_ids: &[i64],
) -> QueryResult<HashMap<i64, i32>> {
    use crate::schema::clusters;
    Ok(clusters::table
        .filter(clusters::id.eq_any(cluster_ids))
        .select((clusters::id, clusters::size))
        .load::<(i64, i32)>(conn)?
        .into_iter()
        .collect())
}

/// The tags of these suggestions, by suggestion, in name order.
pub fn tags_of(conn: &mut AnyConnection, ids: &[i64]) -> QueryResult<HashMap<i64, Vec<String>>> {
    use crate::schema::{suggestion_tags, tags};
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    for (id, name) in suggestion_tags::table
        .inner_join(tags::table)
        .filter(suggestion_tags::suggestion_id.eq_any(ids))
        .order(tags::name)
        .select((suggestion_tags::suggestion_id, tags::name))
        .load::<(i64, String)>(conn)?
    {
        out.entry(id).or_default().push(name);
    }
    Ok(out)
}

/// The totals of the suggestions a filter matches on one clause: one row per clause
/// identity (lineage) per consultation, counted by the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseTotals {
    pub consultation_id: i64,
    /// The clause's reference in the version of the group's first suggestion.
    pub reference: String,
    /// The group's first (lowest) suggestion id.
    pub first_id: i64,
    pub suggestions: i64,
    /// How many of each kind, in [`SuggestionKind::ALL`] order.
    pub by_kind: [i64; 4],
    /// How many in each status, in [`SuggestionStatus::ALL`] order.
    pub by_status: [i64; 10],
    pub upvotes: i64,
    pub distinct_authors: i64,
}

impl ClauseTotals {
    pub fn of_kind(&self, kind: SuggestionKind) -> i64 {
        SuggestionKind::ALL
            .iter()
            .position(|k| *k == kind)
            .map_or(0, |i| self.by_kind[i])
    }

    pub fn in_status(&self, status: SuggestionStatus) -> i64 {
        SuggestionStatus::ALL
            .iter()
            .position(|s| *s == status)
            .map_or(0, |i| self.by_status[i])
    }
}

/// `suggestions.id IN (…)` the suggestions a filter matches: the queue's own query as
/// a subquery, so that grouped totals count exactly what the other exports list.
/// (diesel's `eq_any` takes no boxed subquery on the two-backend connection.)
struct MatchedBy<'a>(suggestions::BoxedQuery<'a, MultiBackend, BigInt>);

fn matched_by<'a>(resolved: &Resolved) -> MatchedBy<'a> {
    MatchedBy(moderation::matching(resolved).select(suggestions::id))
}

/// No identity by type: the statement is cached by its text, as boxed queries are.
impl QueryId for MatchedBy<'_> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Expression for MatchedBy<'_> {
    type SqlType = Bool;
}

impl<QS> AppearsOnTable<QS> for MatchedBy<'_> where suggestions::id: AppearsOnTable<QS> {}

impl ValidGrouping<()> for MatchedBy<'_> {
    type IsAggregate = is_aggregate::Never;
}

impl QueryFragment<MultiBackend> for MatchedBy<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, MultiBackend>) -> QueryResult<()> {
        suggestions::id.walk_ast(out.reborrow())?;
        out.push_sql(" IN (");
        QueryFragment::<MultiBackend>::walk_ast(&self.0, out.reborrow())?;
        out.push_sql(")");
        Ok(())
    }
}

/// Ids bound per statement when looking rows up by id: under SQLite's 32,766 and
/// PostgreSQL's 65,535 bind parameters.
const IDS_PER_LOOKUP: usize = 10_000;

/// An unknown kind or status in the database is an error, as it is when a row loads.
fn unknown_value(what: &str, first_id: i64) -> diesel::result::Error {
    diesel::result::Error::DeserializationError(
        format!("a suggestion near id {first_id} has an unknown {what}").into(),
    )
}

/// Per clause: the suggestions `resolved` matches, counted in one grouped query, in
/// the order of each group's first suggestion.
pub fn clause_totals(
    conn: &mut AnyConnection,
    resolved: &Resolved,
) -> QueryResult<Vec<ClauseTotals>> {
    use diesel::dsl::{case_when, count, count_star, min, sum};
    use diesel::sql_types::Integer;
    let kind = |k: SuggestionKind| {
        count(case_when::<_, _, Integer>(
            suggestions::kind.eq(k.as_str()),
            1,
        ))
    };
    let status = |s: SuggestionStatus| {
        count(case_when::<_, _, Integer>(
            suggestions::status.eq(s.as_str()),
            1,
        ))
    };
    let [amend, delete, add, comment] = SuggestionKind::ALL;
    let [s0, s1, s2, s3, s4, s5, s6, s7, s8, s9] = SuggestionStatus::ALL;
    let groups = suggestions::table
        .filter(matched_by(resolved))
        .group_by((suggestions::consultation_id, suggestions::clause_lineage))
        .order(min(suggestions::id))
        .select((
            suggestions::consultation_id,
            min(suggestions::id),
            count_star(),
            (kind(amend), kind(delete), kind(add), kind(comment)),
            (
                status(s0),
                status(s1),
                status(s2),
                status(s3),
                status(s4),
                status(s5),
                status(s6),
                status(s7),
                status(s8),
                status(s9),
            ),
            sum(suggestions::upvotes),
            count(suggestions::author_id).aggregate_distinct(),
        ))
        .load::<(
            i64,
            Option<i64>,
            i64,
            (i64, i64, i64, i64),
            (i64, i64, i64, i64, i64, i64, i64, i64, i64, i64),
            Option<i64>,
            i64,
        )>(conn)?;
    let first_ids: Vec<i64> = groups.iter().filter_map(|g| g.1).collect();
    let mut references: HashMap<i64, String> = HashMap::new();
    for ids in first_ids.chunks(IDS_PER_LOOKUP) {
        references.extend(
            suggestions::table
                .inner_join(clauses::table)
                .filter(suggestions::id.eq_any(ids))
                .select((suggestions::id, clauses::reference))
                .load::<(i64, String)>(conn)?,
        );
    }
    groups
        .into_iter()
        .map(|(consultation_id, first, n, k, s, upvotes, authors)| {
            let first_id = first.unwrap_or_default();
            let by_kind = [k.0, k.1, k.2, k.3];
            let by_status = [s.0, s.1, s.2, s.3, s.4, s.5, s.6, s.7, s.8, s.9];
            if by_kind.iter().sum::<i64>() != n {
                return Err(unknown_value("kind", first_id));
            }
            if by_status.iter().sum::<i64>() != n {
                return Err(unknown_value("status", first_id));
            }
            Ok(ClauseTotals {
                consultation_id,
                reference: references.remove(&first_id).unwrap_or_default(),
                first_id,
                suggestions: n,
                by_kind,
                by_status,
                upvotes: upvotes.unwrap_or_default(),
                distinct_authors: authors,
            })
        })
        .collect()
}

/// The totals of the suggestions a filter matches by their authors' region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionTotals {
    /// The region code; empty when not given.
    pub region: String,
    /// Different authors.
    pub participants: i64,
    pub suggestions: i64,
    /// Upvotes those suggestions received.
    pub upvotes: i64,
}

/// Per region of the authors: the suggestions `resolved` matches, counted in one
/// grouped query, in region order (not given first).
pub fn region_totals(
    conn: &mut AnyConnection,
    resolved: &Resolved,
) -> QueryResult<Vec<RegionTotals>> {
    use diesel::dsl::{count, count_star, sum};
    let groups = suggestions::table
        .inner_join(users::table)
        .filter(matched_by(resolved))
        .group_by(users::region)
        .select((
            users::region,
            count(suggestions::author_id).aggregate_distinct(),
            count_star(),
            sum(suggestions::upvotes),
        ))
        .load::<(Option<String>, i64, i64, Option<i64>)>(conn)?;
    let mut totals: Vec<RegionTotals> = Vec::with_capacity(groups.len());
    for (region, participants, n, upvotes) in groups {
        let region = region.unwrap_or_default();
        let upvotes = upvotes.unwrap_or_default();
        // NULL and '' both mean "not given": one row. Each author has one region, so
        // the two groups' authors are different people and every count adds up.
        match totals.iter_mut().find(|t| t.region == region) {
            Some(t) => {
                t.participants += participants;
                t.suggestions += n;
                t.upvotes += upvotes;
            }
            None => totals.push(RegionTotals {
                region,
                participants,
                suggestions: n,
                upvotes,
            }),
        }
    }
    totals.sort_by(|a, b| a.region.cmp(&b.region));
    Ok(totals)
}
