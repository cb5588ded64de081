//! Upvotes written in batches (see `crate::votes`): a few statements per batch of
//! votes instead of a few per vote. Every count still changes in SQL, never in Rust,
//! and a vote is still one unique row, so any number of writers stay exact.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::schema::{consultations, suggestions, upvotes};

/// What deciding a vote needs to know of its suggestion.
#[derive(Debug, Clone, Queryable)]
pub struct VoteTarget {
    pub id: i64,
    pub tracking_number: String,
    pub author_id: i64,
    pub status: String,
    pub consultation_status: String,
    pub opens_at: Option<NaiveDateTime>,
    pub closes_at: Option<NaiveDateTime>,
}

/// The suggestions with these tracking numbers, by number.
pub fn targets(
    conn: &mut AnyConnection,
    numbers: &[&str],
) -> QueryResult<HashMap<String, VoteTarget>> {
    Ok(suggestions::table
        .inner_join(consultations::table.on(consultations::id.eq(suggestions::consultation_id)))
        .filter(suggestions::tracking_number.eq_any(numbers))
        .select((
            suggestions::id,
            suggestions::tracking_number,
            suggestions::author_id,
            suggestions::status,
            consultations::status,
            consultations::opens_at,
            consultations::closes_at,
        ))
        .load::<VoteTarget>(conn)?
        .into_iter()
        .map(|t| (t.tracking_number.clone(), t))
        .collect())
}

/// Insert these (suggestion, citizen) votes where none exists yet; returns the pairs
/// inserted. Each pair at most once per call.
pub fn add(
    conn: &mut AnyConnection,
    pairs: &[(i64, i64)],
    at: NaiveDateTime,
) -> QueryResult<Vec<(i64, i64)>> {
    if pairs.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<_> = pairs
        .iter()
        .map(|(suggestion_id, user_id)| {
            (
                upvotes::suggestion_id.eq(*suggestion_id),
                upvotes::user_id.eq(*user_id),
                upvotes::created_at.eq(at),
            )
        })
        .collect();
    let returned = (upvotes::suggestion_id, upvotes::user_id);
    // diesel's multi-backend has no ON CONFLICT: each backend gets its own statement.
    match conn {
        AnyConnection::Postgres(pg) => diesel::insert_into(upvotes::table)
            .values(rows)
            .on_conflict_do_nothing()
            .returning(returned)
            .get_results(pg),
        AnyConnection::Sqlite(lite) => diesel::insert_into(upvotes::table)
            .values(rows)
            .on_conflict_do_nothing()
            .returning(returned)
            .get_results(lite),
    }
}

/// Delete these (suggestion, citizen) votes; returns the pairs that existed.
pub fn remove(conn: &mut AnyConnection, pairs: &[(i64, i64)]) -> QueryResult<Vec<(i64, i64)>> {
    let mut by_suggestion: HashMap<i64, Vec<i64>> = HashMap::new();
    for (suggestion_id, user_id) in pairs {
        by_suggestion
            .entry(*suggestion_id)
            .or_default()
            .push(*user_id);
    }
    let mut removed = Vec::new();
    for (suggestion_id, users) in by_suggestion {
        removed.extend(
            diesel::delete(
                upvotes::table
                    .filter(upvotes::suggestion_id.eq(suggestion_id))
                    .filter(upvotes::user_id.eq_any(users)),
            )
            .returning((upvotes::suggestion_id, upvotes::user_id))
            .get_results::<(i64, i64)>(conn)?,
        );
    }
    Ok(removed)
}

/// Apply these changes to the stored counts: one statement per distinct change (most
/// batches: +1 and perhaps -1). A suggestion others were merged into counts distinct
/// citizens over the group instead (see `moderation::recount_group`). Returns the new
/// counts of the suggestions stepped (not of those recounted).
pub fn step(
    conn: &mut AnyConnection,
    changes: &HashMap<i64, i32>,
) -> QueryResult<HashMap<i64, i32>> {
    let mut counts = HashMap::new();
    let mut by_step: HashMap<i32, Vec<i64>> = HashMap::new();
    for (id, change) in changes {
        if *change != 0 {
            by_step.entry(*change).or_default().push(*id);
        }
    }
    // Ids in order, so that concurrent batches lock the rows in the same order.
    let mut by_step: Vec<(i32, Vec<i64>)> = by_step.into_iter().collect();
    by_step.sort_unstable();
    for (change, mut ids) in by_step {
        ids.sort_unstable();
        let stepped: HashMap<i64, i32> = diesel::update(
            suggestions::table
                .filter(suggestions::id.eq_any(&ids))
                .filter(suggestions::duplicate_count.eq(0)),
        )
        .set(suggestions::upvotes.eq(suggestions::upvotes + change))
        .returning((suggestions::id, suggestions::upvotes))
        .get_results::<(i64, i32)>(conn)?
        .into_iter()
        .collect();
        for id in ids.iter().filter(|id| !stepped.contains_key(id)) {
            super::moderation::recount_group(conn, *id)?;
        }
        counts.extend(stepped);
    }
    Ok(counts)
}

/// The stored counts of these suggestions, by id.
pub fn counts(conn: &mut AnyConnection, ids: &[i64]) -> QueryResult<HashMap<i64, i32>> {
    Ok(suggestions::table
        .filter(suggestions::id.eq_any(ids))
        .select((suggestions::id, suggestions::upvotes))
        .load::<(i64, i32)>(conn)?
        .into_iter()
        .collect())
}
