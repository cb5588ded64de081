//! Operations that the web and the command line both offer, each in one place: the
//! handlers and the subcommands parse their input, call one function here, and show
//! the result. A service runs on a database connection (off the async executor), holds
//! its change in one write transaction, and knows nothing of HTTP.

pub mod accounts;
pub mod moderation;
pub mod suggestions;
