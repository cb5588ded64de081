//! Fixed-window throttling counters in the database, so that a limit holds across every
//! server process. One upsert per hit: the counter changes in SQL, never in Rust.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Array, Integer, Text, Timestamp};

use crate::db::fixed::{fixed_query, json_array};
use crate::db::AnyConnection;

#[derive(QueryableByName)]
struct Counter {
    #[diesel(sql_type = Integer)]
    hits: i32,
    #[diesel(sql_type = Timestamp)]
    window_start: NaiveDateTime,
}

/// Count one hit on `key` in a window of `window_secs`; returns the hits so far in the
/// current window and when that window started.
pub fn hit(
    conn: &mut AnyConnection,
    key: &str,
    window_secs: i64,
) -> QueryResult<(i32, NaiveDateTime)> {
    let now = super::now();
    let window_opened_after = now - chrono::Duration::seconds(window_secs);
    // The same statement on both backends; each needs its own bind syntax.
    const SQL_TEMPLATE: &str = "INSERT INTO rate_limits (key, window_start, hits) VALUES ({1}, {2}, 1) \
         ON CONFLICT (key) DO UPDATE SET \
           hits = CASE WHEN rate_limits.window_start <= {3} THEN 1 ELSE rate_limits.hits + 1 END, \
           window_start = CASE WHEN rate_limits.window_start <= {3} THEN {2} ELSE rate_limits.window_start END \
         RETURNING hits, window_start";
    let counter: Counter = match conn {
        AnyConnection::Postgres(pg) => diesel::sql_query(
            SQL_TEMPLATE
                .replace("{1}", "$1")
                .replace("{2}", "$2")
                .replace("{3}", "$3"),
        )
        .bind::<Text, _>(key)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(window_opened_after)
        .get_result(pg)?,
        AnyConnection::Sqlite(lite) => diesel::sql_query(
            SQL_TEMPLATE
                .replace("{1}", "?1")
                .replace("{2}", "?2")
                .replace("{3}", "?3"),
        )
        .bind::<Text, _>(key)
        .bind::<Timestamp, _>(now)
        .bind::<Timestamp, _>(window_opened_after)
        .get_result(lite)?,
    };
    Ok((counter.hits, counter.window_start))
}

/// Count `n` hits on each of these keys (distinct) in windows of `window_secs`, in
/// one statement; returns, by key, the hits so far in its current window and when
/// that window started.
pub fn hit_many(
    conn: &mut AnyConnection,
    keys: &[(String, i32)],
    window_secs: i64,
) -> QueryResult<HashMap<String, (i32, NaiveDateTime)>> {
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let now = super::now();
    let window_opened_after = now - chrono::Duration::seconds(window_secs);
    let (names, counts): (Vec<&str>, Vec<i32>) = keys.iter().map(|(k, n)| (k.as_str(), *n)).unzip();
    // One statement text whatever the number of keys, so that it stays prepared.
    let counters: Vec<KeyedCounter> = match conn {
        AnyConnection::Postgres(pg) => fixed_query(
            "INSERT INTO rate_limits (key, window_start, hits) \
             SELECT key, $1, n FROM unnest($3::text[], $4::int[]) AS v (key, n) \
             ON CONFLICT (key) DO UPDATE SET \
               hits = CASE WHEN rate_limits.window_start <= $2 THEN excluded.hits \
                      ELSE rate_limits.hits + excluded.hits END, \
               window_start = CASE WHEN rate_limits.window_start <= $2 THEN $1 \
                      ELSE rate_limits.window_start END \
             RETURNING key, hits, window_start",
            |q| {
                q.bind::<Timestamp, _>(now)
                    .bind::<Timestamp, _>(window_opened_after)
                    .bind::<Array<Text>, _>(names)
                    .bind::<Array<Integer>, _>(counts)
            },
        )
        .load(pg)?,
        // `WHERE true` tells SQLite's parser that ON CONFLICT is the upsert's, not a join's.
        AnyConnection::Sqlite(lite) => fixed_query(
            "INSERT INTO rate_limits (key, window_start, hits) \
             SELECT k.value, ?1, n.value FROM json_each(?3) k JOIN json_each(?4) n ON n.key = k.key \
             WHERE true ON CONFLICT (key) DO UPDATE SET \
               hits = CASE WHEN rate_limits.window_start <= ?2 THEN excluded.hits \
                      ELSE rate_limits.hits + excluded.hits END, \
               window_start = CASE WHEN rate_limits.window_start <= ?2 THEN ?1 \
                      ELSE rate_limits.window_start END \
             RETURNING key, hits, window_start",
            |q| {
                q.bind::<Timestamp, _>(now)
                    .bind::<Timestamp, _>(window_opened_after)
                    .bind::<Text, _>(json_array(&names))
                    .bind::<Text, _>(json_array(&counts))
            },
        )
        .load(lite)?,
    };
    Ok(counters
        .into_iter()
        .map(|c| (c.key, (c.hits, c.window_start)))
        .collect())
}

#[derive(QueryableByName)]
struct KeyedCounter {
    #[diesel(sql_type = Text)]
    key: String,
    #[diesel(sql_type = Integer)]
    hits: i32,
    #[diesel(sql_type = Timestamp)]
    window_start: NaiveDateTime,
}

/// Forget old windows (called now and then by the background worker).
pub fn prune(conn: &mut AnyConnection, older_than_secs: i64) -> QueryResult<usize> {
    use crate::schema::rate_limits;
    let cutoff = super::now() - chrono::Duration::seconds(older_than_secs);
    diesel::delete(rate_limits::table.filter(rate_limits::window_start.lt(cutoff))).execute(conn)
}
