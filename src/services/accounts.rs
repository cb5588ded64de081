//! Accounts that the admin page and `kenes user` both manage: creating an account
//! and changing a role. Each change writes the audit row (and, for roles, the
//! moderation-log row) in the same transaction, whichever path asked for it.

use crate::auth::policy;
use crate::auth::token::{hash_token, random_token};
use crate::db::{self, AnyConnection};
use crate::domain::Role;
use crate::i18n::Lang;
use crate::mail::messages;
use crate::models::moderation::{self, LogEntry};
use crate::models::token::{self, Purpose};
use crate::models::{audit, user};
use crate::models::{outbox, session};

pub use super::Actor;

/// Why a role did not change.
#[derive(Debug, thiserror::Error)]
pub enum RoleError {
    #[error("no such account")]
    NotFound,
    /// An admin may not change their own role (the last admin could lock everyone out).
    #[error("an admin cannot change their own role")]
    OwnRole,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// Give account `target_id` the role `role`, writing the audit row and the
/// moderation-log row in one transaction. Returns the account as it was before.
pub fn change_role(
    conn: &mut AnyConnection,
    actor: Actor<'_>,
    target_id: i64,
    role: Role,
) -> Result<user::User, RoleError> {
    db::write_transaction(conn, |conn| {
        let target = user::find(conn, target_id)?.ok_or(RoleError::NotFound)?;
        if let Actor::Admin(admin) = actor {
            if !policy::may_change_role(admin, &target) {
                return Err(RoleError::OwnRole);
            }
        }
        user::set_role(conn, target.id, role)?;
        audit::record(
            conn,
            actor.id(),
            "user_role",
            &format!("user:{}", target.id),
            &serde_json::json!({"from": target.role, "to": role, "via": actor.via()}),
        )?;
        moderation::log(
            conn,
            &LogEntry {
                suggestion_id: None,
                subject_user_id: Some(target.id),
                actor_id: actor.id(),
                action: "role",
                from: Some(target.role.as_str()),
                to: Some(role.as_str()),
                reason: None,
                public: false,
            },
            crate::models::now(),
        )?;
        Ok(target)
    })
}

/// Create a confirmed account (`kenes user create`), with its audit row. `None` when
/// the email already has an account.
pub fn create_confirmed(
    conn: &mut AnyConnection,
    registration: &user::Registration<'_>,
    actor: Actor<'_>,
) -> diesel::QueryResult<Option<user::User>> {
    db::write_transaction(conn, |conn| {
        if user::find_by_email(conn, registration.email)?.is_some() {
            return Ok(None);
        }
        let created = user::create(conn, registration)?;
        audit::record(
            conn,
            actor.id(),
            "user_create",
            &format!("user:{}", created.id),
            &serde_json::json!({"role": registration.role, "via": actor.via()}),
        )?;
        Ok(Some(created))
    })
}

/// How long a confirmation link works.
const CONFIRM_LIFETIME_HOURS: i64 = 48;

/// What registration stores.
pub struct NewAccount<'a> {
    pub email: &'a crate::domain::Email,
    pub display_name: &'a crate::domain::DisplayName,
    pub password_hash: &'a str,
    pub region: Option<crate::domain::Region>,
}

/// Register a citizen and mail the confirmation link, or, when the email already has
/// an account, tell that mailbox (not the person at the keyboard): no enumeration.
pub fn register(
    conn: &mut AnyConnection,
    new: &NewAccount<'_>,
    lang: Lang,
    base: &str,
) -> diesel::QueryResult<()> {
    db::write_transaction(conn, |conn| {
        if let Some(existing) = user::find_by_email(conn, new.email)? {
            let lang = existing.lang_or(lang);
            return outbox::enqueue(
                conn,
                &messages::already_registered(
                    lang,
                    new.email.as_str(),
                    &existing.display_name,
                    crate::urls::absolute(base, lang, "/sign-in"),
                    crate::urls::absolute(base, lang, "/reset"),
                ),
            );
        }
        let created = user::create(
            conn,
            &user::Registration {
                lang: Some(lang.code()),
                email: new.email,
                display_name: new.display_name,
                password_hash: new.password_hash,
                region: new.region,
                role: Role::Citizen,
                confirmed: false,
            },
        )?;
        send_confirmation(conn, lang, base, &created)
    })
}

/// A new confirmation link for an account that has not confirmed yet.
pub fn resend_confirmation(
    conn: &mut AnyConnection,
    lang: Lang,
    base: &str,
    account: &user::User,
) -> diesel::QueryResult<()> {
    db::write_transaction(conn, |conn| send_confirmation(conn, lang, base, account))
}

/// Queue a confirmation email with a fresh token (older ones stop working).
fn send_confirmation(
    conn: &mut AnyConnection,
    lang: Lang,
    base: &str,
    account: &user::User,
) -> diesel::QueryResult<()> {
    let lang = account.lang_or(lang);
    let secret = random_token();
    token::revoke_all(conn, account.id, Purpose::Confirm)?;
    token::create(
        conn,
        account.id,
        Purpose::Confirm,
        &hash_token(&secret),
        chrono::Duration::hours(CONFIRM_LIFETIME_HOURS),
    )?;
    outbox::enqueue(
        conn,
        &messages::confirm_email(
            lang,
            &account.email,
            &account.display_name,
            crate::urls::absolute(base, lang, &format!("/confirm?token={secret}")),
        ),
    )
}

/// A new session for `account` after a verified password: the browser's previous
/// session (if any) ends, so the id changes at every sign-in (no fixation), and an
/// outdated password hash is replaced. Returns the cookie to set.
pub fn start_session(
    conn: &mut AnyConnection,
    settings: &crate::auth::session::SessionSettings,
    account: &user::User,
    previous_session: Option<String>,
    rehash: Option<String>,
) -> diesel::QueryResult<actix_web::cookie::Cookie<'static>> {
    db::write_transaction(conn, |conn| {
        if let Some(old) = previous_session {
            session::delete(conn, &old)?;
        }
        if let Some(hash) = rehash {
            user::set_password_hash(conn, account.id, &hash)?;
        }
        crate::auth::session::start(conn, settings, account.id)
    })
}

/// A password chosen through a reset link.
pub struct NewPassword<'a> {
    /// The hash of the link's token, spent here.
    pub token_hash: &'a str,
    pub password_hash: &'a str,
}

/// Spend the reset link and set the new password; every session ends and the owner
/// is told. `false` when the link was used or expired meanwhile.
pub fn reset_password(
    conn: &mut AnyConnection,
    new: &NewPassword<'_>,
    owner: &user::User,
    lang: Lang,
    base: &str,
) -> diesel::QueryResult<bool> {
    db::write_transaction(conn, |conn| {
        // Used here, in the same transaction as the change it authorises.
        let Some(user_id) = token::consume(conn, Purpose::Reset, new.token_hash)? else {
            return Ok(false);
        };
        replace_password(conn, user_id, new.password_hash, owner, lang, base)?;
        Ok(true)
    })
}

/// Change a signed-in person's password: every session ends (this one too, so whoever
/// knew the old password is out) and the owner is told.
pub fn change_password(
    conn: &mut AnyConnection,
    account: &user::User,
    password_hash: &str,
    lang: Lang,
    base: &str,
) -> diesel::QueryResult<()> {
    db::write_transaction(conn, |conn| {
        replace_password(conn, account.id, password_hash, account, lang, base)
    })
}

fn replace_password(
    conn: &mut AnyConnection,
    user_id: i64,
    password_hash: &str,
    owner: &user::User,
    lang: Lang,
    base: &str,
) -> diesel::QueryResult<()> {
    let lang = owner.lang_or(lang);
    user::set_password_hash(conn, user_id, password_hash)?;
    session::delete_all_for_user(conn, user_id)?;
    outbox::enqueue(
        conn,
        &messages::password_changed(
            lang,
            &owner.email,
            &owner.display_name,
            crate::urls::absolute(base, lang, "/reset"),
        ),
    )
}
