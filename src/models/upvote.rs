//! Upvotes written in batches (see `crate::votes`): a few statements per batch of
//! votes instead of a few per vote. Every count still changes in SQL, never in Rust,
//! and a vote is still one unique row, so any number of writers stay exact.
//!
//! Lock order. Writers in several processes change the counts of the same popular
//! suggestions at once. Two transactions that lock two rows in opposite orders
//! deadlock; PostgreSQL notices after `deadlock_timeout` (a second) and aborts one.
//! Three servers did that about once a second. So on PostgreSQL every transaction
//! that changes several suggestions' rows first locks them all in id order
//! ([`lock_in_order`], or the `locked` step of [`add_counted`]), before it touches
//! any other row: a transaction then waits only for rows, in one global order, and
//! holds nothing another transaction waits for while it waits. SQLite has one writer
//! at a time and needs none of this.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::domain::{SuggestionId, UserId};
use diesel::sql_types::{Array, BigInt, Integer, Text, Timestamp};

use crate::db::fixed::{fixed_query, in_json_list, json_array};
use crate::db::AnyConnection;
use crate::schema::{consultations, suggestions, upvotes};

/// What deciding a vote needs to know of its suggestion.
#[derive(Debug, Clone, Queryable)]
pub struct VoteTarget {
    pub id: i64,
    pub tracking_number: String,
    pub author_id: i64,
    #[diesel(deserialize_as = String)]
    pub status: crate::domain::SuggestionStatus,
    #[diesel(deserialize_as = String)]
    pub consultation_status: crate::domain::ConsultationStatus,
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
    let with_consultation = suggestions::table
        .inner_join(consultations::table.on(consultations::id.eq(suggestions::consultation_id)));
    let columns = (
        suggestions::id,
        suggestions::tracking_number,
        suggestions::author_id,
        suggestions::status,
        consultations::status,
        consultations::opens_at,
        consultations::closes_at,
        suggestions::duplicate_count,
    );
    // One statement text whatever the batch's size, so that it stays prepared.
    let found: Vec<VoteTarget> = match conn {
        AnyConnection::Postgres(pg) => with_consultation
            .filter(suggestions::tracking_number.eq_any(numbers))
            .select(columns)
            .load(pg)?,
        AnyConnection::Sqlite(lite) => with_consultation
            .filter(in_json_list(suggestions::tracking_number, numbers))
            .select(columns)
            .load(lite)?,
    };
    Ok(found
        .into_iter()
        .map(|t| (t.tracking_number.clone(), t))
        .collect())
}

/// PostgreSQL: lock these suggestions' rows for this transaction, in id order, as an
/// `UPDATE` of them would (`FOR NO KEY UPDATE`: the foreign-key checks of new vote
/// rows, `KEY SHARE`, still pass). Call it before the transaction changes any of
/// them (see the module's notes on lock order). SQLite: nothing to do, the write
/// transaction already holds the database's one write lock.
pub fn lock_in_order(conn: &mut AnyConnection, ids: &[i64]) -> QueryResult<()> {
    let AnyConnection::Postgres(pg) = conn else {
        return Ok(());
    };
    if ids.is_empty() {
        return Ok(());
    }
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    fixed_query(
        "SELECT count(*) AS n FROM (SELECT id FROM suggestions WHERE id = ANY($1) \
         ORDER BY id FOR NO KEY UPDATE) AS locked",
        |q| q.bind::<Array<BigInt>, _>(ids),
    )
    .load::<Locked>(pg)?;
    Ok(())
}

/// PostgreSQL: lock, in id order, every suggestion that storing these cluster changes
/// of `lineage` writes (the members that move, the campaign flags, and the new
/// suggestions up to `max_id` marked clustered), before storing them.
pub fn lock_for_clustering(
    conn: &mut AnyConnection,
    lineage: &str,
    changes: &super::moderation::ClusterChanges,
    max_id: i64,
) -> QueryResult<()> {
    let AnyConnection::Postgres(pg) = conn else {
        return Ok(());
    };
    let mut ids: Vec<i64> = changes
        .members
        .iter()
        .flat_map(|(_, ids)| ids.iter().copied())
        .chain(changes.campaign.iter().copied())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    fixed_query(
        "SELECT count(*) AS n FROM (SELECT id FROM suggestions \
         WHERE id = ANY($1) OR (clause_lineage = $2 AND NOT clustered AND id <= $3) \
         ORDER BY id FOR NO KEY UPDATE) AS locked",
        |q| {
            q.bind::<Array<BigInt>, _>(ids)
                .bind::<Text, _>(lineage)
                .bind::<BigInt, _>(max_id)
        },
    )
    .load::<Locked>(pg)?;
    Ok(())
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = BigInt)]
    #[allow(dead_code)]
    n: i64,
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
    let suggestion_ids: Vec<i64> = pairs.iter().map(|p| p.0).collect();
    let user_ids: Vec<i64> = pairs.iter().map(|p| p.1).collect();
    let added: Vec<Pair> = match conn {
        AnyConnection::Postgres(pg) => fixed_query(
            "INSERT INTO upvotes (suggestion_id, user_id, created_at) \
             SELECT sid, uid, $3 FROM unnest($1::bigint[], $2::bigint[]) AS v (sid, uid) \
             ON CONFLICT DO NOTHING RETURNING suggestion_id, user_id",
            |q| {
                q.bind::<Array<BigInt>, _>(suggestion_ids)
                    .bind::<Array<BigInt>, _>(user_ids)
                    .bind::<Timestamp, _>(at)
            },
        )
        .load(pg)?,
        // `WHERE true` tells SQLite's parser that ON CONFLICT is the upsert's, not a join's.
        AnyConnection::Sqlite(lite) => fixed_query(
            "INSERT INTO upvotes (suggestion_id, user_id, created_at) \
             SELECT s.value, u.value, ?3 FROM json_each(?1) s JOIN json_each(?2) u ON u.key = s.key \
             WHERE true ON CONFLICT DO NOTHING RETURNING suggestion_id, user_id",
            |q| {
                q.bind::<Text, _>(json_array(&suggestion_ids))
                    .bind::<Text, _>(json_array(&user_ids))
                    .bind::<Timestamp, _>(at)
            },
        )
        .load(lite)?,
    };
    Ok(added
        .into_iter()
        .map(|p| (p.suggestion_id, p.user_id))
        .collect())
}

#[derive(QueryableByName)]
struct Pair {
    #[diesel(sql_type = BigInt)]
    suggestion_id: i64,
    #[diesel(sql_type = BigInt)]
    user_id: i64,
}

/// Delete these (suggestion, citizen) votes; returns the pairs that existed.
pub fn remove(conn: &mut AnyConnection, pairs: &[(i64, i64)]) -> QueryResult<Vec<(i64, i64)>> {
    // In id order, like every other writer of these rows.
    let mut by_suggestion: std::collections::BTreeMap<i64, Vec<i64>> = Default::default();
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
/// citizens over the group instead (see [`recount_group`]). Returns the new
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
        let stepped: Vec<Count> = match conn {
            AnyConnection::Postgres(pg) => fixed_query(
                "UPDATE suggestions SET upvotes = upvotes + $1 \
                 WHERE id = ANY($2) AND duplicate_count = 0 RETURNING id, upvotes",
                |q| q.bind::<Integer, _>(change).bind::<Array<BigInt>, _>(&ids),
            )
            .load(pg)?,
            AnyConnection::Sqlite(lite) => fixed_query(
                "UPDATE suggestions SET upvotes = upvotes + ?1 \
                 WHERE id IN (SELECT value FROM json_each(?2)) AND duplicate_count = 0 \
                 RETURNING id, upvotes",
                |q| {
                    q.bind::<Integer, _>(change)
                        .bind::<Text, _>(json_array(&ids))
                },
            )
            .load(lite)?,
        };
        let stepped: HashMap<i64, i32> = stepped.into_iter().map(|c| (c.id, c.upvotes)).collect();
        for id in ids.iter().filter(|id| !stepped.contains_key(id)) {
            recount_group(conn, *id)?;
        }
        counts.extend(stepped);
    }
    Ok(counts)
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Integer)]
    upvotes: i32,
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

/// PostgreSQL: lock the suggestions in id order, count the voters' limit hits, insert
/// the votes within the limit, and step the counts, in one statement (data-modifying
/// CTEs; atomic on its own). `locked` takes the suggestions' row locks in id order
/// (`LockRows` above the sort) and every writing step waits for it: `per_key` reads
/// its count as a one-time filter, evaluated before its first row, and everything
/// else reads `per_key`. Without it the counts were stepped in the order of a hash
/// join, a different order in each batch. For
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
    let window_opened_after = now - chrono::Duration::seconds(window_secs);
    fixed_query(
        "WITH input AS ( \
           SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[]) \
             WITH ORDINALITY AS v (sid, uid, key, ord) \
         ), locked AS MATERIALIZED ( \
           SELECT id FROM suggestions WHERE id IN (SELECT sid FROM input) \
           ORDER BY id FOR NO KEY UPDATE \
         ), per_key AS ( \
           SELECT key, count(*)::int AS n FROM input \
           WHERE (SELECT count(*) FROM locked) >= 0 GROUP BY key \
         ), counters AS ( \
           INSERT INTO rate_limits AS r (key, window_start, hits) \
           SELECT key, $4, n FROM per_key ORDER BY key \
           ON CONFLICT (key) DO UPDATE SET \
             hits = CASE WHEN r.window_start <= $5 THEN excluded.hits \
                    ELSE r.hits + excluded.hits END, \
             window_start = CASE WHEN r.window_start <= $5 THEN excluded.window_start \
                    ELSE r.window_start END \
           RETURNING key, hits, window_start \
         ), numbered AS ( \
           SELECT i.ord, i.sid, i.uid, c.window_start, \
             (c.hits - p.n + row_number() OVER (PARTITION BY i.key ORDER BY i.ord))::int AS nth \
           FROM input i JOIN per_key p ON p.key = i.key JOIN counters c ON c.key = i.key \
         ), added AS ( \
           INSERT INTO upvotes (suggestion_id, user_id, created_at) \
           SELECT sid, uid, $4 FROM numbered WHERE nth <= $6 ORDER BY sid, uid \
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
        |q| {
            q.bind::<Array<BigInt>, _>(votes.iter().map(|v| v.suggestion_id).collect::<Vec<_>>())
                .bind::<Array<BigInt>, _>(votes.iter().map(|v| v.user_id).collect::<Vec<_>>())
                .bind::<Array<Text>, _>(
                    votes
                        .iter()
                        .map(|v| v.limit_key.clone())
                        .collect::<Vec<_>>(),
                )
                .bind::<Timestamp, _>(now)
                .bind::<Timestamp, _>(window_opened_after)
                .bind::<Integer, _>(limit_max)
        },
    )
    .load(pg)
}

/// Insert an upvote row unless it exists; returns 1 if inserted. diesel's
/// multi-backend has no ON CONFLICT, so each backend gets its own statement.
pub fn insert_upvote(
    conn: &mut AnyConnection,
    suggestion_id: SuggestionId,
    user_id: UserId,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    let suggestion_id = suggestion_id.get();
    let user_id = user_id.get();
    let row = (
        upvotes::suggestion_id.eq(suggestion_id),
        upvotes::user_id.eq(user_id),
        upvotes::created_at.eq(at),
    );
    match conn {
        AnyConnection::Postgres(pg) => diesel::insert_into(upvotes::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(pg),
        AnyConnection::Sqlite(lite) => diesel::insert_into(upvotes::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(lite),
    }
}

/// Set each suggestion's count to its number of upvote rows, in one SQL statement per
/// call (after bulk loads).
pub fn recount_upvotes(conn: &mut AnyConnection, ids: &[i64]) -> QueryResult<usize> {
    if ids.is_empty() {
        return Ok(0);
    }
    let plain = match conn {
        AnyConnection::Postgres(pg) => fixed_query(
            "UPDATE suggestions SET upvotes = \
             (SELECT COUNT(*) FROM upvotes WHERE upvotes.suggestion_id = suggestions.id) \
             WHERE id = ANY($1) AND duplicate_count = 0",
            |q| q.bind::<diesel::sql_types::Array<diesel::sql_types::BigInt>, _>(ids.to_vec()),
        )
        .execute(pg)?,
        AnyConnection::Sqlite(lite) => fixed_query(
            "UPDATE suggestions SET upvotes = \
             (SELECT COUNT(*) FROM upvotes WHERE upvotes.suggestion_id = suggestions.id) \
             WHERE id IN (SELECT value FROM json_each(?)) AND duplicate_count = 0",
            |q| q.bind::<diesel::sql_types::Text, _>(json_array(ids)),
        )
        .execute(lite)?,
    };
    let canonicals = suggestions::table
        .filter(suggestions::id.eq_any(ids))
        .filter(suggestions::duplicate_count.gt(0))
        .select(suggestions::id)
        .load::<i64>(conn)?;
    for id in &canonicals {
        recount_group(conn, *id)?;
    }
    Ok(plain + canonicals.len())
}

/// Which of these suggestions the user has upvoted.
pub fn upvoted_by(
    conn: &mut AnyConnection,
    user_id: UserId,
    ids: &[SuggestionId],
) -> QueryResult<HashSet<i64>> {
    let user_id = user_id.get();
    let ids = &crate::domain::ids::raw(ids);
    Ok(upvotes::table
        .filter(upvotes::user_id.eq(user_id))
        .filter(upvotes::suggestion_id.eq_any(ids))
        .select(upvotes::suggestion_id)
        .load::<i64>(conn)?
        .into_iter()
        .collect())
}

/// The suggestions a user upvotes (tracking number, when), for their data download.
pub fn votes_by_user(
    conn: &mut AnyConnection,
    user_id: i64,
) -> QueryResult<Vec<(String, NaiveDateTime)>> {
    upvotes::table
        .inner_join(suggestions::table)
        .filter(upvotes::user_id.eq(user_id))
        .order(upvotes::created_at)
        .select((suggestions::tracking_number, upvotes::created_at))
        .load(conn)
}

/// The number of upvote rows of a suggestion (what `upvotes` must always equal).
pub fn count_upvote_rows(conn: &mut AnyConnection, suggestion_id: i64) -> QueryResult<i64> {
    upvotes::table
        .filter(upvotes::suggestion_id.eq(suggestion_id))
        .count()
        .get_result(conn)
}

/// Set a canonical suggestion's count to the number of distinct citizens who upvoted
/// it or any suggestion merged into it (a citizen who upvoted two counts once). No
/// vote row moves.
pub fn recount_group(conn: &mut AnyConnection, canonical_id: i64) -> QueryResult<usize> {
    fixed_query(
        "UPDATE suggestions SET upvotes = (SELECT COUNT(DISTINCT user_id) FROM upvotes \
         WHERE suggestion_id = $1 OR suggestion_id IN \
         (SELECT id FROM suggestions WHERE duplicate_of = $1)) \
         WHERE id = $1",
        |q| q.bind::<diesel::sql_types::BigInt, _>(canonical_id),
    )
    .execute(conn)
}
