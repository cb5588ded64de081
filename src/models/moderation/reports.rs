//! Citizens' reports (auto-hiding at the threshold) and blocking citizens.

use super::log::{log, LogEntry};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::domain::{SuggestionId, UserId};

use super::super::suggestion::Suggestion;
use crate::db::AnyConnection;
use crate::domain::SuggestionStatus;
use crate::schema::{flags, suggestions, users};

/// What a citizen's report did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reported {
    /// Recorded; the suggestion waits for a moderator.
    Recorded,
    /// This citizen had already reported it.
    Already,
    /// This report reached the threshold: the suggestion is hidden pending review.
    Hidden,
}

/// Record a citizen's report. At `threshold` distinct open reports a visible
/// suggestion is hidden until a moderator clears or upholds them.
pub fn report(
    conn: &mut AnyConnection,
    user_id: UserId,
    suggestion_id: SuggestionId,
    reason: &str,
    threshold: i32,
    now: NaiveDateTime,
) -> QueryResult<Reported> {
    let user_id = user_id.get();
    let suggestion_id = suggestion_id.get();
    let already = flags::table
        .find((suggestion_id, user_id))
        .count()
        .get_result::<i64>(conn)?
        > 0;
    if already {
        return Ok(Reported::Already);
    }
    diesel::insert_into(flags::table)
        .values((
            flags::suggestion_id.eq(suggestion_id),
            flags::user_id.eq(user_id),
            flags::reason.eq(reason),
            flags::created_at.eq(now),
        ))
        .execute(conn)?;
    diesel::update(suggestions::table.find(suggestion_id))
        .set((
            suggestions::flag_count.eq(suggestions::flag_count + 1),
            suggestions::flagged.eq(true),
        ))
        .execute(conn)?;
    let s = suggestions::table
        .find(suggestion_id)
        .select(Suggestion::as_select())
        .first(conn)?;
    // Only reports of confirmed citizens who are not blocked count towards hiding, so
    // throw-away accounts (or a blocked troll's) cannot hide anyone's suggestion.
    let standing_reporters: i64 = flags::table
        .inner_join(users::table.on(users::id.eq(flags::user_id)))
        .filter(flags::suggestion_id.eq(suggestion_id))
        .filter(flags::resolved_at.is_null())
        .filter(users::email_confirmed_at.is_not_null())
        .filter(users::blocked_at.is_null())
        .filter(users::deleted_at.is_null())
        .count()
        .get_result(conn)?;
    if standing_reporters < i64::from(threshold) || !s.status().is_visible() {
        return Ok(Reported::Recorded);
    }
    let from = s.status();
    diesel::update(suggestions::table.find(suggestion_id))
        .set((
            suggestions::status.eq(SuggestionStatus::Hidden.as_str()),
            suggestions::visible.eq(false),
            suggestions::hidden_from.eq(from.as_str()),
            suggestions::updated_at.eq(now),
        ))
        .execute(conn)?;
    log(
        conn,
        &LogEntry {
            suggestion_id: Some(suggestion_id),
            subject_user_id: None,
            actor_id: None,
            action: "auto_hide",
            from: Some(from.as_str()),
            to: Some(SuggestionStatus::Hidden.as_str()),
            reason: Some("reports"),
            public: true,
        },
        now,
    )?;
    Ok(Reported::Hidden)
}

/// Open reports on a suggestion: (reason, when).
pub fn open_reports(
    conn: &mut AnyConnection,
    suggestion_id: i64,
) -> QueryResult<Vec<(String, NaiveDateTime)>> {
    flags::table
        .filter(flags::suggestion_id.eq(suggestion_id))
        .filter(flags::resolved_at.is_null())
        .order(flags::created_at)
        .select((flags::reason, flags::created_at))
        .load(conn)
}

/// Block or unblock a citizen. Blocking queues all their standing suggestions for
/// review (flagged); one log row for the block itself.
pub fn set_blocked(
    conn: &mut AnyConnection,
    actor_id: UserId,
    user_id: UserId,
    blocked: bool,
    reason: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let actor_id = actor_id.get();
    let user_id = user_id.get();
    let changed = diesel::update(users::table.find(user_id))
        .filter(users::blocked_at.is_null().eq(blocked))
        .set(users::blocked_at.eq(blocked.then_some(now)))
        .execute(conn)?;
    if changed == 0 {
        return Ok(0);
    }
    let mut queued = 0;
    if blocked {
        queued = diesel::update(
            suggestions::table
                .filter(suggestions::author_id.eq(user_id))
                .filter(suggestions::status.eq_any([
                    "pending",
                    "published",
                    "under_review",
                    "accepted",
                    "partly_accepted",
                    "not_accepted",
                ])),
        )
        .set(suggestions::flagged.eq(true))
        .execute(conn)?;
    }
    log(
        conn,
        &LogEntry {
            suggestion_id: None,
            subject_user_id: Some(user_id),
            actor_id: Some(actor_id),
            action: if blocked { "block" } else { "unblock" },
            from: None,
            to: None,
            reason: (!reason.is_empty()).then_some(reason),
            public: false,
        },
        now,
    )?;
    Ok(queued)
}
