//! A citizen's suggestion on its way in: submitted (throttled, idempotent, with its
//! receipt mail in the same transaction), edited while awaiting moderation, or kept
//! for a writer who still has to sign in. The form's fields are checked once, by
//! [`SuggestionInput::parse`], for all three.

use crate::auth::throttle;
use crate::db::{self, AnyConnection};
use crate::domain::{ModerationMode, SuggestionId, SuggestionInput, SuggestionStatus, UserId};
use crate::i18n::Lang;
use crate::mail::messages;
use crate::models::suggestion::{self, DraftKept, NewSuggestion, Suggestion};
use crate::models::user::User;
use crate::models::{consultation::Consultation, outbox};

/// How similar an existing suggestion must be to be offered instead (estimated Jaccard
/// similarity of word pairs).
pub const SIMILAR_THRESHOLD: f64 = 0.3;
/// How many similar suggestions are offered at most.
pub const SIMILAR_SHOWN: usize = 5;

/// Where a new suggestion goes.
pub struct Target<'a> {
    pub consultation: &'a Consultation,
    pub clause_id: i64,
    pub clause_lineage: &'a str,
}

/// What submitting did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submitted {
    /// Stored (or found again, for the same idempotency key): its tracking number.
    Stored(String),
    /// Over the hourly limit: seconds until it resets. Nothing was stored.
    Throttled(i64),
}

/// Store `input` as `author`'s suggestion on `target`, once per idempotency key, and
/// queue its receipt mail, in one transaction.
pub fn submit(
    conn: &mut AnyConnection,
    author: &User,
    target: &Target<'_>,
    input: &SuggestionInput,
    idempotency_key: &str,
    lang: Lang,
    receipt_url: impl Fn(&str) -> String,
) -> diesel::QueryResult<Submitted> {
    if let Err(wait) = throttle::hit(conn, throttle::SUBMIT_PER_ACCOUNT, &author.email)? {
        return Ok(Submitted::Throttled(wait));
    }
    let status = match target.consultation.moderation_mode {
        ModerationMode::Pre => SuggestionStatus::Pending,
        ModerationMode::Post => SuggestionStatus::Published,
    };
    db::write_transaction(conn, |conn| {
        let (created, is_new) = suggestion::create(
            conn,
            &NewSuggestion {
                consultation_id: target.consultation.id,
                clause_id: target.clause_id,
                clause_lineage: target.clause_lineage,
                author_id: author.id,
                kind: input.kind,
                body: input.body.as_str(),
                proposed_text: input.proposed_str(),
                status,
                idempotency_key,
                lang: input.lang,
                created_at: None,
            },
        )?;
        if is_new {
            let number = &created.tracking_number;
            outbox::enqueue(
                conn,
                &messages::suggestion_receipt(
                    lang,
                    &author.email,
                    &author.display_name,
                    number,
                    receipt_url(number),
                ),
            )?;
        }
        Ok(Submitted::Stored(created.tracking_number))
    })
}

/// Suggestions on the clause that say nearly what `input` says, to support instead.
pub fn similar(
    conn: &mut AnyConnection,
    clause_lineage: &str,
    input: &SuggestionInput,
) -> diesel::QueryResult<Vec<Suggestion>> {
    Ok(suggestion::similar_on_clause(
        conn,
        clause_lineage,
        &input.compared_text(),
        SIMILAR_THRESHOLD,
        SIMILAR_SHOWN,
    )?
    .into_iter()
    .map(|(s, _)| s)
    .collect())
}

/// Change a suggestion that still awaits moderation; `false` when it no longer does
/// (or is not `author_id`'s).
pub fn edit(
    conn: &mut AnyConnection,
    suggestion_id: SuggestionId,
    author_id: UserId,
    input: &SuggestionInput,
) -> diesel::QueryResult<bool> {
    db::write_transaction(conn, |conn| {
        suggestion::update_pending(conn, suggestion_id, author_id, input)
    })
}

/// Keep what a signed-out writer typed until they sign in (see SECURITY.md for the
/// bounds): `None` when this address has kept too many this hour.
pub fn keep_draft(
    conn: &mut AnyConnection,
    client_address: &str,
    token_hash: &str,
    clause_id: i64,
    input: &SuggestionInput,
) -> diesel::QueryResult<Option<DraftKept>> {
    if throttle::hit(conn, throttle::DRAFT_PER_ADDRESS, client_address)?.is_err() {
        return Ok(None);
    }
    db::write_transaction(conn, |conn| {
        suggestion::save_draft(conn, token_hash, clause_id, input, suggestion::MAX_DRAFTS)
    })
    .map(Some)
}
