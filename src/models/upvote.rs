//! Upvotes written in batches (see `crate::votes`): a few statements per batch of
//! votes instead of a few per vote. Every count still changes in SQL, never in Rust,
//! and a vote is still one unique row, so any number of writers stay exact.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Timestamp};

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
    /// How many suggestions were merged into it (then its count is recounted).
    pub duplicate_count: i32,
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
            suggestions::duplicate_count,
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

/// One new vote for [`add_counted`]: the pair and the key of its voter's limit counter.
#[derive(Debug, Clone)]
pub struct NewVote {
    pub suggestion_id: i64,
    pub user_id: i64,
    pub limit_key: String,
}

/// What [`add_counted`] says of each vote, in order.
#[derive(Debug, Clone, QueryableByName)]
pub struct Counted {
    /// This vote's number among its voter's hits in the current window.
    #[diesel(sql_type = Integer)]
    pub nth: i32,
    #[diesel(sql_type = Timestamp)]
    pub window_start: NaiveDateTime,
    /// The suggestion's count after the statement.
    #[diesel(sql_type = Integer)]
    pub upvotes: i32,
}

/// PostgreSQL: count the voters' limit hits, insert the votes within the limit, and
/// step the counts, in one statement (data-modifying CTEs; atomic on its own). For
/// distinct (suggestion, citizen) pairs on suggestions nothing was merged into; the
/// vote writer uses [`add`], [`remove`] and [`step`] otherwise. One round trip
/// instead of five: on PostgreSQL, a batch's time is its round trips.
pub fn add_counted(
    pg: &mut diesel::PgConnection,
    votes: &[NewVote],
    limit_max: i32,
    window_secs: i64,
) -> QueryResult<Vec<Counted>> {
    let now = super::now();
    AddCounted {
        suggestion_ids: votes.iter().map(|v| v.suggestion_id).collect(),
        user_ids: votes.iter().map(|v| v.user_id).collect(),
        limit_keys: votes.iter().map(|v| v.limit_key.clone()).collect(),
        now,
        window_opened_after: now - chrono::Duration::seconds(window_secs),
        limit_max,
    }
    .load(pg)
}

/// The statement of [`add_counted`], as a query type of its own rather than
/// `sql_query`, so that diesel keeps it prepared: `sql_query` text could be built at
/// run time, so diesel parses and plans it anew each time, and planning this
/// statement (suggestions has some twenty indexes to weigh) was a third of the vote
/// writer's database time.
#[derive(diesel::query_builder::QueryId)]
struct AddCounted {
    suggestion_ids: Vec<i64>,
    user_ids: Vec<i64>,
    limit_keys: Vec<String>,
    now: NaiveDateTime,
    window_opened_after: NaiveDateTime,
    limit_max: i32,
}

impl diesel::query_builder::Query for AddCounted {
    type SqlType = diesel::sql_types::Untyped;
}

impl RunQueryDsl<diesel::PgConnection> for AddCounted {}

impl diesel::query_builder::QueryFragment<diesel::pg::Pg> for AddCounted {
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> QueryResult<()> {
        use diesel::sql_types::{Array, BigInt, Text};
        out.push_sql("WITH input AS ( SELECT * FROM unnest(");
        out.push_bind_param::<Array<BigInt>, _>(&self.suggestion_ids)?;
        out.push_sql("::bigint[], ");
        out.push_bind_param::<Array<BigInt>, _>(&self.user_ids)?;
        out.push_sql("::bigint[], ");
        out.push_bind_param::<Array<Text>, _>(&self.limit_keys)?;
        out.push_sql(
            "::text[]) WITH ORDINALITY AS v (sid, uid, key, ord) \
             ), per_key AS ( \
               SELECT key, count(*)::int AS n FROM input GROUP BY key \
             ), counters AS ( \
               INSERT INTO rate_limits AS r (key, window_start, hits) \
               SELECT key, ",
        );
        out.push_bind_param::<Timestamp, _>(&self.now)?;
        out.push_sql(
            ", n FROM per_key ORDER BY key \
               ON CONFLICT (key) DO UPDATE SET \
                 hits = CASE WHEN r.window_start <= ",
        );
        out.push_bind_param::<Timestamp, _>(&self.window_opened_after)?;
        out.push_sql(
            " THEN excluded.hits ELSE r.hits + excluded.hits END, \
                 window_start = CASE WHEN r.window_start <= ",
        );
        out.push_bind_param::<Timestamp, _>(&self.window_opened_after)?;
        out.push_sql(
            " THEN excluded.window_start ELSE r.window_start END \
               RETURNING key, hits, window_start \
             ), numbered AS ( \
               SELECT i.ord, i.sid, i.uid, c.window_start, \
                 (c.hits - p.n + row_number() OVER (PARTITION BY i.key ORDER BY i.ord))::int AS nth \
               FROM input i JOIN per_key p ON p.key = i.key JOIN counters c ON c.key = i.key \
             ), added AS ( \
               INSERT INTO upvotes (suggestion_id, user_id, created_at) \
               SELECT sid, uid, ",
        );
        out.push_bind_param::<Timestamp, _>(&self.now)?;
        out.push_sql(" FROM numbered WHERE nth <= ");
        out.push_bind_param::<Integer, _>(&self.limit_max)?;
        out.push_sql(
            " ORDER BY sid, uid \
               ON CONFLICT DO NOTHING \
               RETURNING suggestion_id \
             ), stepped AS ( \
               UPDATE suggestions s SET upvotes = s.upvotes + a.n \
               FROM (SELECT suggestion_id, count(*)::int AS n FROM added GROUP BY suggestion_id) a \
               WHERE s.id = a.suggestion_id \
               RETURNING s.id, s.upvotes \
             ) \
             SELECT n.nth, n.window_start, COALESCE(st.upvotes, s.upvotes) AS upvotes \
             FROM numbered n JOIN suggestions s ON s.id = n.sid \
             LEFT JOIN stepped st ON st.id = n.sid \
             ORDER BY n.ord",
        );
        Ok(())
    }
}
