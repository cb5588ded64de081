//! Applying moderation decisions with what follows them: one write transaction holds
//! the status changes, their log rows, and the mail to authors (merged suggestions,
//! official responses). The web routes and the CLI both come through here, so the
//! state machine and the notifications are the same on every path.

use chrono::NaiveDateTime;

use crate::db::{self, AnyConnection};
use crate::domain::moderation::{Decision, Outcome};
use crate::i18n::Lang;
use crate::mail::messages;
use crate::models::moderation::{self, Applied, BulkOutcome, DecideError};
use crate::models::{outbox, user};
use crate::views::suggestion::receipt_href;

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
    let mail = match decision {
        Decision::MarkDuplicate(canonical_id) => {
            let canonical = moderation::tracking_number(conn, *canonical_id)?;
            messages::merged_into(
                Lang::default(),
                &author.email,
                &author.display_name,
                &s.tracking_number,
                &canonical,
                format!("{public_url}{}", receipt_href(&canonical)),
            )
        }
        Decision::Respond(outcome, response) => messages::official_response(
            Lang::default(),
            &author.email,
            &author.display_name,
            &s.tracking_number,
            match outcome {
                Outcome::Accepted => "email.response.accepted",
                Outcome::PartlyAccepted => "email.response.partly_accepted",
                Outcome::NotAccepted => "email.response.not_accepted",
            },
            response.as_str(),
            format!("{public_url}{}", receipt_href(&s.tracking_number)),
        ),
        _ => return Ok(()),
    };
    outbox::enqueue(conn, &mail)
}

/// One decision on one suggestion.
pub fn decide_one(
    conn: &mut AnyConnection,
    actor_id: i64,
    suggestion_id: i64,
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
    actor_id: i64,
    ids: &[i64],
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
