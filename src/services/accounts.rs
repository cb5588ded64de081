//! Accounts that the admin page and `kenes user` both manage: creating an account
//! and changing a role. Each change writes the audit row (and, for roles, the
//! moderation-log row) in the same transaction, whichever path asked for it.

use crate::auth::policy;
use crate::db::{self, AnyConnection};
use crate::domain::Role;
use crate::models::moderation::{self, LogEntry};
use crate::models::{audit, user};

/// Who asks for a change: a signed-in admin on the web, or the command line (whose
/// operator has the server's own credentials).
#[derive(Debug, Clone, Copy)]
pub enum Actor<'a> {
    Admin(&'a user::User),
    /// `how` names the subcommand, for the audit row (`cli grant`).
    CommandLine {
        how: &'a str,
    },
}

impl Actor<'_> {
    fn id(&self) -> Option<i64> {
        match self {
            Self::Admin(admin) => Some(admin.id),
            Self::CommandLine { .. } => None,
        }
    }

    fn via(&self) -> String {
        match self {
            Self::Admin(_) => "web".to_owned(),
            Self::CommandLine { how } => format!("cli {how}"),
        }
    }
}

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
