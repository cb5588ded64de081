//! The mail outbox. Messages are written in the same transaction as the action that
//! caused them, and a background worker delivers them (see [`crate::mail::worker`]).
//! A message is claimed for a while before sending, with a conditional update, so two
//! server processes never send the same message twice at the same time.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::schema::outbox;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = outbox)]
pub struct QueuedMail {
    pub id: i64,
    pub to_address: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub attempts: i32,
}

/// A message ready to queue.
#[derive(Debug, Clone)]
pub struct NewMail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
}

pub fn enqueue(conn: &mut AnyConnection, mail: &NewMail) -> QueryResult<()> {
    let now = super::now();
    diesel::insert_into(outbox::table)
        .values((
            outbox::to_address.eq(&mail.to),
            outbox::subject.eq(&mail.subject),
            outbox::text_body.eq(&mail.text),
            outbox::html_body.eq(&mail.html),
            outbox::created_at.eq(now),
            outbox::next_attempt_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Claim up to `limit` messages that are due, for `claim_for`.
pub fn claim_due(
    conn: &mut AnyConnection,
    limit: i64,
    claim_for: chrono::Duration,
) -> QueryResult<Vec<QueuedMail>> {
    let now = super::now();
    let candidates: Vec<QueuedMail> = outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::failed_at.is_null())
        .filter(outbox::next_attempt_at.le(now))
        .filter(
            outbox::claimed_until
                .is_null()
                .or(outbox::claimed_until.lt(now)),
        )
        .order(outbox::id)
        .limit(limit)
        .select(QueuedMail::as_select())
        .load(conn)?;
    let mut claimed = Vec::with_capacity(candidates.len());
    for mail in candidates {
        let updated = diesel::update(
            outbox::table
                .find(mail.id)
                .filter(outbox::sent_at.is_null())
                .filter(
                    outbox::claimed_until
                        .is_null()
                        .or(outbox::claimed_until.lt(now)),
                ),
        )
        .set(outbox::claimed_until.eq(now + claim_for))
        .execute(conn)?;
        if updated == 1 {
            claimed.push(mail);
        }
    }
    Ok(claimed)
}

pub fn mark_sent(conn: &mut AnyConnection, id: i64) -> QueryResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::sent_at.eq(Some(super::now())),
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Record a failed attempt and when to try again.
pub fn mark_failed(
    conn: &mut AnyConnection,
    id: i64,
    error: &str,
    retry_at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(Some(error)),
            outbox::next_attempt_at.eq(retry_at),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(())
}

/// A permanent refusal: never retried, listed for admins.
pub fn mark_undeliverable(conn: &mut AnyConnection, id: i64, error: &str) -> QueryResult<()> {
    diesel::update(outbox::table.find(id))
        .set((
            outbox::attempts.eq(outbox::attempts + 1),
            outbox::last_error.eq(Some(error)),
            outbox::failed_at.eq(Some(super::now())),
            outbox::claimed_until.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    Ok(())
}

/// Mail refused for good, newest first: (to, subject, error, when).
#[derive(Debug, Clone, Queryable)]
pub struct Undeliverable {
    pub to_address: String,
    pub subject: String,
    pub last_error: Option<String>,
    pub failed_at: Option<NaiveDateTime>,
}

pub fn undeliverable(conn: &mut AnyConnection, limit: i64) -> QueryResult<Vec<Undeliverable>> {
    outbox::table
        .filter(outbox::failed_at.is_not_null())
        .order(outbox::failed_at.desc())
        .limit(limit)
        .select((
            outbox::to_address,
            outbox::subject,
            outbox::last_error,
            outbox::failed_at,
        ))
        .load(conn)
}

pub fn pending_count(conn: &mut AnyConnection) -> QueryResult<i64> {
    outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::failed_at.is_null())
        .count()
        .get_result(conn)
}
