//! Authentication and authorization: passwords, sessions, CSRF, throttling, and the
//! policy that says who may reach what. Each concern has exactly one home here.

pub mod client;
pub mod csrf;
pub mod password;
pub mod policy;
pub mod session;
pub mod throttle;
pub mod token;

pub use session::{CurrentUser, SignedIn};
