//! The mail outbox. Messages are written in the same transaction as the action that
//! caused them, and a background worker delivers them (see [`crate::mail::worker`]).
//! A message is claimed for a while before sending, so two server processes never
//! send the same message twice at the same time. On PostgreSQL the claim is one
//! statement that skips rows another process is claiming (`FOR UPDATE SKIP LOCKED`):
//! several workers take different messages at once instead of queueing on the same
//! ones. SQLite has one writer at a time; its claim runs in a write transaction.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use diesel::sql_types::{BigInt, Timestamp};

use crate::db::fixed::fixed_query;
use crate::db::AnyConnection;
use crate::schema::outbox;

#[derive(Debug, Clone, Queryable, Selectable, QueryableByName)]
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

/// Claim up to `limit` messages that are due, oldest first, for `claim_for`. Call it
/// in a write transaction on SQLite; on PostgreSQL it is one statement.
pub fn claim_due(
    conn: &mut AnyConnection,
    limit: i64,
    claim_for: chrono::Duration,
) -> QueryResult<Vec<QueuedMail>> {
    let now = super::now();
    let until = now + claim_for;
    // Written out: diesel cannot update a table filtered by a locking subquery of it.
    let mut claimed: Vec<QueuedMail> = match conn {
        AnyConnection::Postgres(pg) => fixed_query(
            "UPDATE outbox SET claimed_until = $1 WHERE id IN ( \
               SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL \
               AND next_attempt_at <= $2 AND (claimed_until IS NULL OR claimed_until < $2) \
               ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) \
             RETURNING id, to_address, subject, text_body, html_body, attempts",
            |q| {
                q.bind::<Timestamp, _>(until)
                    .bind::<Timestamp, _>(now)
                    .bind::<BigInt, _>(limit)
            },
        )
        .load(pg)?,
        AnyConnection::Sqlite(lite) => fixed_query(
            "UPDATE outbox SET claimed_until = ?1 WHERE id IN ( \
               SELECT id FROM outbox WHERE sent_at IS NULL AND failed_at IS NULL \
               AND next_attempt_at <= ?2 AND (claimed_until IS NULL OR claimed_until < ?2) \
               ORDER BY id LIMIT ?3) \
             RETURNING id, to_address, subject, text_body, html_body, attempts",
            |q| {
                q.bind::<Timestamp, _>(until)
                    .bind::<Timestamp, _>(now)
                    .bind::<BigInt, _>(limit)
            },
        )
        .load(lite)?,
    };
    claimed.sort_by_key(|m| m.id);
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
