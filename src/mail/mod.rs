//! Email: what we send, how it is delivered, and the worker that delivers it.
//!
//! Handlers never send mail themselves: they queue it in the outbox in the same
//! transaction as the change it reports ([`crate::models::outbox`]). The worker sends it
//! with retries and backoff, over SMTP when `KENES_SMTP_URL` is set, otherwise as `.eml`
//! files in `<data dir>/outbox/` (the embedded default; the links are logged).

pub mod messages;
pub mod transport;
pub mod worker;
