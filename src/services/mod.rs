//! Operations that the web and the command line both offer, each in one place: the
//! handlers and the subcommands parse their input, call one function here, and show
//! the result. A service runs on a database connection (off the async executor), holds
//! its change in one write transaction, and knows nothing of HTTP.

pub mod accounts;
pub mod drafts;
pub mod exports;
pub mod moderation;
pub mod suggestions;

use crate::models::user;

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
    pub fn id(&self) -> Option<i64> {
        match self {
            Self::Admin(admin) => Some(admin.id),
            Self::CommandLine { .. } => None,
        }
    }

    pub fn via(&self) -> String {
        match self {
            Self::Admin(_) => "web".to_owned(),
            Self::CommandLine { how } => format!("cli {how}"),
        }
    }
}
