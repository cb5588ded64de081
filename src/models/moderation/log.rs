//! The append-only moderation log: writing a row, reading a suggestion's history and
//! the staff and public pages. Database triggers refuse updates and deletes.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::schema::{moderation_log, suggestions, users};

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
