//! Working the queue: claims, assignment, tags, staff notes and canned responses.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::domain::{SuggestionId, UserId};

use crate::db::AnyConnection;
use crate::schema::{
    moderation_notes, response_templates, suggestion_tags, suggestions, tags, users,
};

use super::decisions::holder_name;
use super::log::{log, LogEntry};
use super::CLAIM_MINUTES;

/// Claim a suggestion for `CLAIM_MINUTES`. One UPDATE decides between two moderators
/// racing for it: it only succeeds when nobody else holds an unexpired claim. Returns
/// the holder's name and expiry when someone else has it.
pub fn claim(
    conn: &mut AnyConnection,
    actor_id: UserId,
    suggestion_id: SuggestionId,
    now: NaiveDateTime,
) -> QueryResult<Result<NaiveDateTime, (String, NaiveDateTime)>> {
    let actor_id = actor_id.get();
    let suggestion_id = suggestion_id.get();
    let until = now + Duration::minutes(CLAIM_MINUTES);
    let taken = diesel::update(
        suggestions::table
            .filter(suggestions::id.eq(suggestion_id))
            .filter(
                suggestions::claimed_by
                    .is_null()
                    .or(suggestions::claimed_by.eq(actor_id))
                    .or(suggestions::claimed_until.lt(now)),
            ),
    )
    .set((
        suggestions::claimed_by.eq(actor_id),
        suggestions::claimed_until.eq(until),
    ))
    .execute(conn)?;
    if taken == 1 {
        return Ok(Ok(until));
    }
    let (holder, held_until) = suggestions::table
        .find(suggestion_id)
        .select((suggestions::claimed_by, suggestions::claimed_until))
        .first::<(Option<i64>, Option<NaiveDateTime>)>(conn)?;
    let name = match holder {
        Some(id) => holder_name(conn, id)?,
        None => String::new(),
    };
    Ok(Err((name, held_until.unwrap_or(now))))
}

/// Give a claim back (only one's own).
pub fn release(
    conn: &mut AnyConnection,
    actor_id: UserId,
    suggestion_id: SuggestionId,
) -> QueryResult<()> {
    let actor_id = actor_id.get();
    let suggestion_id = suggestion_id.get();
    diesel::update(
        suggestions::table
            .filter(suggestions::id.eq(suggestion_id))
            .filter(suggestions::claimed_by.eq(actor_id)),
    )
    .set((
        suggestions::claimed_by.eq(None::<i64>),
        suggestions::claimed_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    Ok(())
}

/// Assign suggestions to a reviewer (or to nobody); one log row per changed suggestion.
pub fn assign(
    conn: &mut AnyConnection,
    actor_id: UserId,
    ids: &[SuggestionId],
    assignee: Option<UserId>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let actor_id = actor_id.get();
    let ids = &crate::domain::ids::raw(ids);
    let assignee = assignee.map(UserId::get);
    let assignee_name = match assignee {
        Some(id) => Some(holder_name(conn, id)?),
        None => None,
    };
    let mut changed = 0;
    for id in ids {
        let before = suggestions::table
            .find(id)
            .select(suggestions::assignee_id)
            .first::<Option<i64>>(conn)
            .optional()?;
        let Some(before) = before else { continue };
        if before == assignee {
            continue;
        }
        let before_name = match before {
            Some(b) => Some(holder_name(conn, b)?),
            None => None,
        };
        diesel::update(suggestions::table.find(id))
            .set(suggestions::assignee_id.eq(assignee))
            .execute(conn)?;
        log(
            conn,
            &LogEntry {
                suggestion_id: Some(*id),
                subject_user_id: assignee,
                actor_id: Some(actor_id),
                action: "assign",
                from: before_name.as_deref(),
                to: assignee_name.as_deref(),
                reason: None,
                public: false,
            },
            now,
        )?;
        changed += 1;
    }
    Ok(changed)
}

/// Staff who may be assigned suggestions.
pub fn reviewers(conn: &mut AnyConnection) -> QueryResult<Vec<(i64, String)>> {
    users::table
        .filter(users::role.eq_any(["moderator", "admin"]))
        .filter(users::deleted_at.is_null())
        .order(users::display_name)
        .select((users::id, users::display_name))
        .load(conn)
}

/// Tag suggestions (the tag is created in each one's consultation if new); one log row
/// per suggestion that did not have it.
pub fn tag(
    conn: &mut AnyConnection,
    actor_id: UserId,
    ids: &[SuggestionId],
    name: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let actor_id = actor_id.get();
    let ids = &crate::domain::ids::raw(ids);
    let mut tag_ids: HashMap<i64, i64> = HashMap::new();
    let mut changed = 0;
    for id in ids {
        let Some(consultation_id) = suggestions::table
            .find(id)
            .select(suggestions::consultation_id)
            .first::<i64>(conn)
            .optional()?
        else {
            continue;
        };
        let tag_id = match tag_ids.get(&consultation_id) {
            Some(t) => *t,
            None => {
                let t = tag_id(conn, consultation_id, name, now)?;
                tag_ids.insert(consultation_id, t);
                t
            }
        };
        let has = suggestion_tags::table
            .filter(suggestion_tags::suggestion_id.eq(id))
            .filter(suggestion_tags::tag_id.eq(tag_id))
            .count()
            .get_result::<i64>(conn)?
            > 0;
        if has {
            continue;
        }
        diesel::insert_into(suggestion_tags::table)
            .values((
                suggestion_tags::suggestion_id.eq(id),
                suggestion_tags::tag_id.eq(tag_id),
            ))
            .execute(conn)?;
        log(
            conn,
            &LogEntry {
                suggestion_id: Some(*id),
                subject_user_id: None,
                actor_id: Some(actor_id),
                action: "tag",
                from: None,
                to: Some(name),
                reason: None,
                public: false,
            },
            now,
        )?;
        changed += 1;
    }
    Ok(changed)
}

/// Remove a tag from a suggestion, with its log row.
pub fn untag(
    conn: &mut AnyConnection,
    actor_id: UserId,
    suggestion_id: SuggestionId,
    name: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let actor_id = actor_id.get();
    let suggestion_id = suggestion_id.get();
    let tag_ids = tags::table
        .filter(tags::name.eq(name))
        .select(tags::id)
        .load::<i64>(conn)?;
    let removed = diesel::delete(
        suggestion_tags::table
            .filter(suggestion_tags::suggestion_id.eq(suggestion_id))
            .filter(suggestion_tags::tag_id.eq_any(&tag_ids)),
    )
    .execute(conn)?;
    if removed > 0 {
        log(
            conn,
            &LogEntry {
                suggestion_id: Some(suggestion_id),
                subject_user_id: None,
                actor_id: Some(actor_id),
                action: "untag",
                from: Some(name),
                to: None,
                reason: None,
                public: false,
            },
            now,
        )?;
    }
    Ok(removed > 0)
}

fn tag_id(
    conn: &mut AnyConnection,
    consultation_id: i64,
    name: &str,
    now: NaiveDateTime,
) -> QueryResult<i64> {
    let existing = tags::table
        .filter(tags::consultation_id.eq(consultation_id))
        .filter(tags::name.eq(name))
        .select(tags::id)
        .first::<i64>(conn)
        .optional()?;
    match existing {
        Some(id) => Ok(id),
        None => diesel::insert_into(tags::table)
            .values((
                tags::consultation_id.eq(consultation_id),
                tags::name.eq(name),
                tags::created_at.eq(now),
            ))
            .returning(tags::id)
            .get_result(conn),
    }
}

/// Tag names in use (for the filter's suggestions).
pub fn tag_names(conn: &mut AnyConnection) -> QueryResult<Vec<String>> {
    tags::table
        .select(tags::name)
        .distinct()
        .order(tags::name)
        .load(conn)
}

/// A staff note on a suggestion, with its log row.
pub fn add_note(
    conn: &mut AnyConnection,
    actor_id: UserId,
    suggestion_id: SuggestionId,
    body: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let actor_id = actor_id.get();
    let suggestion_id = suggestion_id.get();
    diesel::insert_into(moderation_notes::table)
        .values((
            moderation_notes::suggestion_id.eq(suggestion_id),
            moderation_notes::author_id.eq(actor_id),
            moderation_notes::body.eq(body),
            moderation_notes::created_at.eq(now),
        ))
        .execute(conn)?;
    log(
        conn,
        &LogEntry {
            suggestion_id: Some(suggestion_id),
            subject_user_id: None,
            actor_id: Some(actor_id),
            action: "note",
            from: None,
            to: None,
            reason: None,
            public: false,
        },
        now,
    )
}

/// A suggestion's staff notes, oldest first: (author, text, when).
pub fn notes(
    conn: &mut AnyConnection,
    suggestion_id: i64,
) -> QueryResult<Vec<(String, String, NaiveDateTime)>> {
    moderation_notes::table
        .inner_join(users::table.on(users::id.eq(moderation_notes::author_id)))
        .filter(moderation_notes::suggestion_id.eq(suggestion_id))
        .order(moderation_notes::id.asc())
        .select((
            users::display_name,
            moderation_notes::body,
            moderation_notes::created_at,
        ))
        .load(conn)
}

/// A canned official response.
#[derive(Debug, Clone, Queryable)]
pub struct ResponseTemplate {
    pub id: i64,
    pub title: String,
    pub body: String,
}

pub fn templates(
    conn: &mut AnyConnection,
    consultation_id: i64,
) -> QueryResult<Vec<ResponseTemplate>> {
    response_templates::table
        .filter(response_templates::consultation_id.eq(consultation_id))
        .order(response_templates::title)
        .select((
            response_templates::id,
            response_templates::title,
            response_templates::body,
        ))
        .load(conn)
}

pub fn template(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<ResponseTemplate>> {
    response_templates::table
        .find(id)
        .select((
            response_templates::id,
            response_templates::title,
            response_templates::body,
        ))
        .first(conn)
        .optional()
}

pub fn add_template(
    conn: &mut AnyConnection,
    consultation_id: i64,
    title: &str,
    body: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(response_templates::table)
        .values((
            response_templates::consultation_id.eq(consultation_id),
            response_templates::title.eq(title),
            response_templates::body.eq(body),
            response_templates::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}
