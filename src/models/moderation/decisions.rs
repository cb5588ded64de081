//! Decisions on suggestions through the state machine, one at a time or in bulk, each
//! with its log row in the caller's transaction.

use super::log::{log, LogEntry};

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::domain::{SuggestionId, UserId};

use super::super::suggestion::Suggestion;
use crate::db::AnyConnection;
use crate::domain::moderation::{is_public, Decision, Refusal};
use crate::domain::SuggestionStatus;
use crate::schema::{flags, suggestions, users};

/// Why a decision was not applied.
#[derive(Debug)]
pub enum DecideError {
    /// The state machine (or a rule about the canonical suggestion) says no.
    Refused(Refusal),
    /// Another moderator holds the suggestion until the given time.
    Held {
        by: String,
        until: NaiveDateTime,
    },
    NotFound,
    Db(diesel::result::Error),
}

impl From<diesel::result::Error> for DecideError {
    fn from(e: diesel::result::Error) -> Self {
        Self::Db(e)
    }
}

/// What a decision changed, for the notifications that follow it.
#[derive(Debug, Clone)]
pub struct Applied {
    pub suggestion: Suggestion,
    pub from: SuggestionStatus,
    pub to: SuggestionStatus,
}

pub(super) fn holder_name(conn: &mut AnyConnection, id: i64) -> QueryResult<String> {
    users::table
        .find(id)
        .select(users::display_name)
        .first(conn)
}

/// Take one decision on one suggestion. Refused when the state machine says no, or
/// when another moderator's claim on it has not expired. Releases the actor's claim.
/// Call inside a write transaction.
pub fn decide(
    conn: &mut AnyConnection,
    actor_id: UserId,
    suggestion_id: SuggestionId,
    decision: &Decision,
    now: NaiveDateTime,
) -> Result<Applied, DecideError> {
    let actor_id = actor_id.get();
    let suggestion_id = suggestion_id.get();
    let s = suggestions::table
        .find(suggestion_id)
        .select(Suggestion::as_select())
        .first(conn)
        .optional()?
        .ok_or(DecideError::NotFound)?;
    if let (Some(holder), Some(until)) = (s.claimed_by, s.claimed_until) {
        if holder != actor_id && until > now {
            return Err(DecideError::Held {
                by: holder_name(conn, holder)?,
                until,
            });
        }
    }
    let from = s.status();
    let hidden_from = s.hidden_from.as_deref().and_then(|h| h.parse().ok());
    let to = decision
        .next_status(from, s.flagged, hidden_from)
        .map_err(DecideError::Refused)?;
    let mut reason: Option<String> = None;

    // The change itself, guarded by the status it was decided on: a concurrent
    // decision that got there first makes this one update nothing.
    let target = suggestions::table
        .filter(suggestions::id.eq(s.id))
        .filter(suggestions::status.eq(from.as_str()));
    let common = (
        suggestions::status.eq(to.as_str()),
        suggestions::visible.eq(to.is_visible()),
        suggestions::decided_at.eq(Some(now)),
        suggestions::updated_at.eq(now),
        suggestions::claimed_by.eq(None::<i64>),
        suggestions::claimed_until.eq(None::<NaiveDateTime>),
    );
    let updated = match decision {
        Decision::Publish => diesel::update(target)
            .set((
                common,
                suggestions::published_at.eq(s.published_at.or(Some(now))),
            ))
            .execute(conn)?,
        Decision::Reject(r) | Decision::Hide(r) => {
            reason = Some(if r.text.is_empty() {
                r.code.as_str().to_owned()
            } else {
                format!("{}: {}", r.code.as_str(), r.text)
            });
            let hidden_from = (to == SuggestionStatus::Hidden).then(|| from.as_str());
            diesel::update(target)
                .set((
                    common,
                    suggestions::reason_code.eq(r.code.as_str()),
                    suggestions::reason_text.eq(&r.text),
                    suggestions::hidden_from.eq(hidden_from),
                ))
                .execute(conn)?
        }
        Decision::StartReview => diesel::update(target).set(common).execute(conn)?,
        Decision::Respond(_, response) => {
            reason = Some(response.as_str().to_owned());
            diesel::update(target)
                .set((common, suggestions::official_response.eq(response.as_str())))
                .execute(conn)?
        }
        Decision::MarkDuplicate(canonical_id) => {
            let canonical = check_canonical(conn, &s, *canonical_id)?;
            reason = Some(canonical.tracking_number.clone());
            let n = diesel::update(target)
                .set((
                    common,
                    suggestions::duplicate_of.eq(canonical.id),
                    suggestions::duplicate_count.eq(0),
                ))
                .execute(conn)?;
            if n == 1 {
                // Whatever was merged into this one now belongs to the canonical.
                diesel::update(suggestions::table.filter(suggestions::duplicate_of.eq(s.id)))
                    .set(suggestions::duplicate_of.eq(canonical.id))
                    .execute(conn)?;
                diesel::update(suggestions::table.find(canonical.id))
                    .set(
                        suggestions::duplicate_count
                            .eq(suggestions::duplicate_count + s.duplicate_count + 1),
                    )
                    .execute(conn)?;
                crate::models::upvote::recount_group(conn, canonical.id)?;
            }
            n
        }
        Decision::ClearFlags | Decision::UpholdFlags => {
            let hidden_from = match (decision, to) {
                (Decision::UpholdFlags, SuggestionStatus::Hidden)
                    if from != SuggestionStatus::Hidden =>
                {
                    Some(from.as_str())
                }
                (Decision::UpholdFlags, _) => s.hidden_from.as_deref(),
                _ => None,
            };
            diesel::update(flags::table.filter(flags::suggestion_id.eq(s.id)))
                .filter(flags::resolved_at.is_null())
                .set(flags::resolved_at.eq(Some(now)))
                .execute(conn)?;
            diesel::update(target)
                .set((
                    common,
                    suggestions::flagged.eq(false),
                    suggestions::flag_count.eq(0),
                    suggestions::hidden_from.eq(hidden_from),
                ))
                .execute(conn)?
        }
    };
    if updated != 1 {
        return Err(DecideError::Refused(Refusal("moderation.refused.changed")));
    }
    log(
        conn,
        &LogEntry {
            suggestion_id: Some(s.id),
            subject_user_id: None,
            actor_id: Some(actor_id),
            action: decision.action().as_str(),
            from: Some(from.as_str()),
            to: Some(to.as_str()),
            reason: reason.as_deref(),
            public: is_public(from, to),
        },
        now,
    )?;
    let suggestion = suggestions::table
        .find(s.id)
        .select(Suggestion::as_select())
        .first(conn)?;
    Ok(Applied {
        suggestion,
        from,
        to,
    })
}

/// A canonical suggestion must be another one of the same consultation that is itself
/// not a duplicate and still stands (not rejected, hidden or withdrawn).
fn check_canonical(
    conn: &mut AnyConnection,
    duplicate: &Suggestion,
    canonical_id: i64,
) -> Result<Suggestion, DecideError> {
    let canonical = suggestions::table
        .find(canonical_id)
        .select(Suggestion::as_select())
        .first(conn)
        .optional()?
        .ok_or(DecideError::Refused(Refusal(
            "moderation.refused.no_canonical",
        )))?;
    let standing = matches!(
        canonical.status(),
        SuggestionStatus::Pending
            | SuggestionStatus::Published
            | SuggestionStatus::UnderReview
            | SuggestionStatus::Accepted
            | SuggestionStatus::PartlyAccepted
            | SuggestionStatus::NotAccepted
    );
    if canonical.id == duplicate.id
        || canonical.consultation_id != duplicate.consultation_id
        || !standing
    {
        return Err(DecideError::Refused(Refusal(
            "moderation.refused.bad_canonical",
        )));
    }
    Ok(canonical)
}

/// The outcome of a bulk action.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BulkOutcome {
    pub done: Vec<Applied>,
    /// Suggestions the decision does not apply to (another status, held by someone).
    pub skipped: usize,
}

/// Apply one decision to many suggestions: one transaction (the caller's), one log row
/// per changed suggestion; those it does not apply to are counted and left alone.
pub fn decide_many(
    conn: &mut AnyConnection,
    actor_id: UserId,
    ids: &[SuggestionId],
    decision: &Decision,
    now: NaiveDateTime,
) -> QueryResult<BulkOutcome> {
    let mut outcome = BulkOutcome::default();
    for id in ids {
        match decide(conn, actor_id, *id, decision, now) {
            Ok(applied) => outcome.done.push(applied),
            Err(DecideError::Db(e)) => return Err(e),
            Err(_) => outcome.skipped += 1,
        }
    }
    Ok(outcome)
}

impl PartialEq for Applied {
    fn eq(&self, other: &Self) -> bool {
        self.suggestion.id == other.suggestion.id && self.to == other.to
    }
}

impl Eq for Applied {}
