//! Single-use tokens for email confirmation and password reset. Only the SHA-256 of a
//! token is stored; using one marks it used in the same statement that checks it, so
//! two concurrent uses cannot both succeed.

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::schema::user_tokens;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Confirm,
    Reset,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Self::Confirm => "confirm",
            Self::Reset => "reset",
        }
    }
}

pub fn create(
    conn: &mut AnyConnection,
    user_id: i64,
    purpose: Purpose,
    token_hash: &str,
    lifetime: chrono::Duration,
) -> QueryResult<()> {
    let now = super::now();
    diesel::insert_into(user_tokens::table)
        .values((
            user_tokens::user_id.eq(user_id),
            user_tokens::purpose.eq(purpose.as_str()),
            user_tokens::token_hash.eq(token_hash),
            user_tokens::created_at.eq(now),
            user_tokens::expires_at.eq(now + lifetime),
        ))
        .execute(conn)?;
    Ok(())
}

/// The user a valid (unused, unexpired) token belongs to, without using it.
pub fn peek(
    conn: &mut AnyConnection,
    purpose: Purpose,
    token_hash: &str,
) -> QueryResult<Option<i64>> {
    user_tokens::table
        .filter(user_tokens::token_hash.eq(token_hash))
        .filter(user_tokens::purpose.eq(purpose.as_str()))
        .filter(user_tokens::used_at.is_null())
        .filter(user_tokens::expires_at.gt(super::now()))
        .select(user_tokens::user_id)
        .first(conn)
        .optional()
}

/// Use a token: returns its user if it was valid, and makes it unusable. Call in a
/// write transaction together with what the token authorises.
pub fn consume(
    conn: &mut AnyConnection,
    purpose: Purpose,
    token_hash: &str,
) -> QueryResult<Option<i64>> {
    let Some(user_id) = peek(conn, purpose, token_hash)? else {
        return Ok(None);
    };
    let now = super::now();
    let updated = diesel::update(
        user_tokens::table
            .filter(user_tokens::token_hash.eq(token_hash))
            .filter(user_tokens::used_at.is_null()),
    )
    .set(user_tokens::used_at.eq(now))
    .execute(conn)?;
    Ok((updated == 1).then_some(user_id))
}

/// Make a user's other outstanding tokens of this purpose unusable (a new reset link
/// replaces the old one).
pub fn revoke_all(conn: &mut AnyConnection, user_id: i64, purpose: Purpose) -> QueryResult<()> {
    diesel::update(
        user_tokens::table
            .filter(user_tokens::user_id.eq(user_id))
            .filter(user_tokens::purpose.eq(purpose.as_str()))
            .filter(user_tokens::used_at.is_null()),
    )
    .set(user_tokens::used_at.eq(super::now()))
    .execute(conn)?;
    Ok(())
}
