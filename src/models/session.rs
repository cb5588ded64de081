//! Server-side sessions. The cookie carries a random token; only its SHA-256 is stored,
//! so a copy of the database does not let anyone sign in. Deleting the rows ends the
//! sessions in every server process at once.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::user::User;
use crate::db::fixed::in_json_list;
use crate::db::AnyConnection;
use crate::schema::{sessions, users};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct Session {
    pub token_hash: String,
    pub user_id: i64,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

pub fn create(
    conn: &mut AnyConnection,
    token_hash: &str,
    user_id: i64,
    absolute_lifetime: chrono::Duration,
) -> QueryResult<()> {
    let now = super::now();
    diesel::insert_into(sessions::table)
        .values((
            sessions::token_hash.eq(token_hash),
            sessions::user_id.eq(user_id),
            sessions::created_at.eq(now),
            sessions::last_seen_at.eq(now),
            sessions::expires_at.eq(now + absolute_lifetime),
        ))
        .execute(conn)?;
    Ok(())
}

/// The sessions with these hashes and their users, by hash: those that exist, have not
/// passed their absolute expiry or their idle timeout, and whose account can still
/// sign in. One query for the session loader's whole batch.
pub fn find_active_many(
    conn: &mut AnyConnection,
    token_hashes: &[&str],
    idle_timeout: chrono::Duration,
) -> QueryResult<std::collections::HashMap<String, (Session, User)>> {
    let now = super::now();
    // The same query on each backend (a macro, since its type names the backend),
    // with one statement text whatever the batch's size, so that it stays prepared.
    macro_rules! live {
        () => {
            sessions::table
                .inner_join(users::table)
                .filter(sessions::expires_at.gt(now))
                .filter(sessions::last_seen_at.gt(now - idle_timeout))
                .select((Session::as_select(), User::as_select()))
        };
    }
    let found: Vec<(Session, User)> = match conn {
        AnyConnection::Postgres(pg) => live!()
            .filter(sessions::token_hash.eq_any(token_hashes))
            .load(pg)?,
        AnyConnection::Sqlite(lite) => live!()
            .filter(in_json_list(sessions::token_hash, token_hashes))
            .load(lite)?,
    };
    Ok(found
        .into_iter()
        .filter(|(_, user)| user.can_sign_in())
        .map(|(s, user)| (s.token_hash.clone(), (s, user)))
        .collect())
}

/// Record activity, at most once a minute per session (a write per request would
/// serialise readers behind SQLite's single writer).
pub fn touch(conn: &mut AnyConnection, session: &Session) -> QueryResult<()> {
    let now = super::now();
    if now - session.last_seen_at >= chrono::Duration::minutes(1) {
        diesel::update(sessions::table.find(&session.token_hash))
            .set(sessions::last_seen_at.eq(now))
            .execute(conn)?;
    }
    Ok(())
}

pub fn delete(conn: &mut AnyConnection, token_hash: &str) -> QueryResult<()> {
    diesel::delete(sessions::table.find(token_hash)).execute(conn)?;
    Ok(())
}

/// End every session of a user (password change or reset, "sign out everywhere").
pub fn delete_all_for_user(conn: &mut AnyConnection, user_id: i64) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)
}

pub fn count_for_user(conn: &mut AnyConnection, user_id: i64) -> QueryResult<i64> {
    sessions::table
        .filter(sessions::user_id.eq(user_id))
        .count()
        .get_result(conn)
}
