//! What exports read besides the suggestions themselves: where each clause is in its
//! document, people's regions, upvote rows and log rows of a batch of suggestions.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
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
