//! The dashboard's numbers and the moderators' daily summary.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::super::suggestion::Suggestion;
use crate::db::AnyConnection;
use crate::schema::{clusters, moderation_log, suggestions, users};

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
/// A moderator who asked for the daily summary: id, email, name, chosen language.
pub type SummaryRecipient = (i64, String, String, Option<String>);

pub fn summary_recipients(
    conn: &mut AnyConnection,
    today: &str,
) -> QueryResult<Vec<SummaryRecipient>> {
    users::table
        .filter(users::daily_summary.eq(true))
        .filter(users::role.eq_any(["moderator", "admin"]))
        .filter(users::deleted_at.is_null())
        .filter(
            users::summary_sent_on
                .is_null()
                .or(users::summary_sent_on.ne(today)),
        )
        .select((users::id, users::email, users::display_name, users::lang))
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
