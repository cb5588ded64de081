//! Fixed-window throttling counters in the database, so that a limit holds across every
//! server process. One upsert per hit: the counter changes in SQL, never in Rust.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Integer, Text, Timestamp};

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

/// Forget old windows (called now and then by the background worker).
pub fn prune(conn: &mut AnyConnection, older_than_secs: i64) -> QueryResult<usize> {
    use crate::schema::rate_limits;
    let cutoff = super::now() - chrono::Duration::seconds(older_than_secs);
    diesel::delete(rate_limits::table.filter(rate_limits::window_start.lt(cutoff))).execute(conn)
}
