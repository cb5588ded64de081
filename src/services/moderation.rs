//! Moderation decisions with what follows them: the decision parsed from what the
//! moderator typed, and one write transaction holding the status changes, their log
//! rows, and the mail to authors (merged suggestions, official responses). The
//! workbench, its bulk actions and `kenes moderate` all come through here, so the
//! state machine, the messages and the notifications are the same on every path.

use chrono::NaiveDateTime;

use crate::db::{self, AnyConnection};
use crate::domain::moderation::{Decision, DecisionFields, Outcome};
use crate::domain::{FieldError, SuggestionId, TrackingNumber, UserId};
use crate::mail::messages;
use crate::models::moderation::{self, Applied, BulkOutcome, DecideError};
use crate::models::{outbox, user};

/// Addresses that can receive mail: imported and synthetic accounts use `.invalid`.
fn deliverable(email: &str) -> bool {
    !email.ends_with(".invalid")
}

/// Queue the mail that a decision owes the author.
fn notify(
    conn: &mut AnyConnection,
    applied: &Applied,
    decision: &Decision,
    public_url: &str,
) -> diesel::QueryResult<()> {
    let s = &applied.suggestion;
    let Some(author) = user::find(conn, s.author_id)? else {
        return Ok(());
    };
    if !deliverable(&author.email) || author.deleted_at.is_some() {
        return Ok(());
    }
    let lang = author.lang_or(crate::i18n::default_lang());
    let mail = match decision {
        Decision::MarkDuplicate(canonical_id) => {
            let canonical = moderation::tracking_number(conn, *canonical_id)?;
            messages::merged_into(
                lang,
                &author.email,
                &author.display_name,
                &s.tracking_number,
                &canonical,
                crate::urls::absolute(public_url, lang, &crate::urls::receipt(&canonical)),
            )
        }
        Decision::Respond(outcome, response) => messages::official_response(
            lang,
            &author.email,
            &author.display_name,
            &s.tracking_number,
            match outcome {
                Outcome::Accepted => "email.response.accepted",
                Outcome::PartlyAccepted => "email.response.partly_accepted",
                Outcome::NotAccepted => "email.response.not_accepted",
            },
            response.as_str(),
            crate::urls::absolute(public_url, lang, &crate::urls::receipt(&s.tracking_number)),
        ),
        _ => return Ok(()),
    };
    outbox::enqueue(conn, &mail)
}

/// A decision as a moderator asked for it: the form's (or the flags') fields as typed.
#[derive(Debug, Clone, Default)]
pub struct DecisionRequest {
    pub action: String,
    pub reason_code: String,
    pub reason_text: String,
    pub outcome: String,
    pub response: String,
    /// A canned response to use when `response` is empty.
    pub template_id: Option<i64>,
    /// The tracking number of the suggestion to merge into.
    pub canonical: String,
}

/// Why a requested decision was not taken.
#[derive(Debug)]
pub enum DecideFailure {
    /// What was typed does not make a decision: a message per field.
    Form(Vec<(&'static str, FieldError)>),
    /// The state machine (or a rule about the canonical suggestion) says no: a key.
    Refused(&'static str),
    /// Another moderator holds the suggestion until the given time.
    Held {
        by: String,
        until: NaiveDateTime,
    },
    NotFound,
    Db(diesel::result::Error),
}

impl From<diesel::result::Error> for DecideFailure {
    fn from(error: diesel::result::Error) -> Self {
        Self::Db(error)
    }
}

impl From<DecideError> for DecideFailure {
    fn from(error: DecideError) -> Self {
        match error {
            DecideError::Refused(refusal) => Self::Refused(refusal.0),
            DecideError::Held { by, until } => Self::Held { by, until },
            DecideError::NotFound => Self::NotFound,
            DecideError::Db(e) => Self::Db(e),
        }
    }
}

/// Parse `request` into a decision (looking up the canonical suggestion and the canned
/// response it names) and take it on the suggestion `number`, as `actor_id`.
pub fn decide(
    conn: &mut AnyConnection,
    actor_id: UserId,
    number: &TrackingNumber,
    request: &DecisionRequest,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<Applied, DecideFailure> {
    let id = moderation::id_by_number(conn, number.as_str())?.ok_or(DecideFailure::NotFound)?;
    let canonical_id = match TrackingNumber::parse(&request.canonical) {
        Some(c) => moderation::id_by_number(conn, c.as_str())?,
        None => None,
    };
    let template_body = match request.template_id {
        Some(t) => moderation::template(conn, t)?.map(|t| t.body),
        None => None,
    };
    let response = match (request.response.trim().is_empty(), &template_body) {
        (true, Some(body)) => body.as_str(),
        _ => request.response.as_str(),
    };
    let decision = DecisionFields {
        action: &request.action,
        reason_code: &request.reason_code,
        reason_text: &request.reason_text,
        outcome: &request.outcome,
        response,
        canonical_id,
    }
    .parse()
    .map_err(DecideFailure::Form)?;
    Ok(decide_one(
        conn,
        actor_id,
        SuggestionId(id),
        &decision,
        public_url,
        now,
    )?)
}

/// One decision on one suggestion.
pub fn decide_one(
    conn: &mut AnyConnection,
    actor_id: UserId,
    suggestion_id: SuggestionId,
    decision: &Decision,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<Applied, DecideError> {
    db::write_transaction(conn, |conn| {
        let applied = moderation::decide(conn, actor_id, suggestion_id, decision, now)?;
        notify(conn, &applied, decision, public_url)?;
        Ok(applied)
    })
}

/// One decision on many suggestions, in one transaction.
pub fn decide_many(
    conn: &mut AnyConnection,
    actor_id: UserId,
    ids: &[SuggestionId],
    decision: &Decision,
    public_url: &str,
    now: NaiveDateTime,
) -> diesel::QueryResult<BulkOutcome> {
    db::write_transaction(conn, |conn| {
        let outcome = moderation::decide_many(conn, actor_id, ids, decision, now)?;
        for applied in &outcome.done {
            notify(conn, applied, decision, public_url)?;
        }
        Ok(outcome)
    })
}

/// What a bulk action does to each suggestion it is applied to.
#[derive(Debug, Clone)]
pub enum BulkAction {
    Decide(Decision),
    /// Mark each as a duplicate of the suggestion with this tracking number.
    Merge(String),
    Tag(String),
    Assign(Option<UserId>),
}

/// Why a bulk action was not applied.
#[derive(Debug, thiserror::Error)]
pub enum BulkFailure {
    /// A rule says no: the translation key.
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// Staff who may be assigned work: moderators and admins only.
pub fn check_reviewer(conn: &mut AnyConnection, id: Option<UserId>) -> Result<(), BulkFailure> {
    match id {
        Some(id)
            if !moderation::reviewers(conn)?
                .iter()
                .any(|(r, _)| *r == id.get()) =>
        {
            Err(BulkFailure::Refused("moderation.assign.not_staff"))
        }
        _ => Ok(()),
    }
}

/// Apply `action` to the suggestions `ids` in one transaction (one log row each);
/// returns how many it applied to (the others were skipped by the state machine).
pub fn apply_bulk(
    conn: &mut AnyConnection,
    actor_id: UserId,
    ids: &[SuggestionId],
    action: &BulkAction,
    public_url: &str,
    now: NaiveDateTime,
) -> Result<usize, BulkFailure> {
    Ok(match action {
        BulkAction::Merge(canonical) => {
            let canonical_id = TrackingNumber::parse(canonical)
                .map(|c| moderation::id_by_number(conn, c.as_str()))
                .transpose()?
                .flatten()
                .ok_or(BulkFailure::Refused("moderation.canonical.unknown"))?;
            let others: Vec<SuggestionId> = ids
                .iter()
                .copied()
                .filter(|id| id.get() != canonical_id)
                .collect();
            let merge = Decision::MarkDuplicate(canonical_id);
            decide_many(conn, actor_id, &others, &merge, public_url, now)?
                .done
                .len()
        }
        BulkAction::Decide(decision) => {
            decide_many(conn, actor_id, ids, decision, public_url, now)?
                .done
                .len()
        }
        BulkAction::Tag(name) => {
            db::write_transaction(conn, |conn| moderation::tag(conn, actor_id, ids, name, now))?
        }
        BulkAction::Assign(assignee) => {
            check_reviewer(conn, *assignee)?;
            db::write_transaction(conn, |conn| {
                moderation::assign(conn, actor_id, ids, *assignee, now)
            })?
        }
    })
}
