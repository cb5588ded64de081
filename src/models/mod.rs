//! The data layer: row types and named query functions, one file per aggregate
//! (`moderation/` is a folder with one file per job; `reading` and `statistics` are
//! read models that span tables). The only place, with `db/`, that knows SQL: callers
//! use these functions and never build queries. Writes run inside the caller's
//! transaction (`db::write_transaction`), so a service decides what commits together.

pub mod audit;
pub mod bulk;
pub mod consultation;
pub mod document;
pub mod export;
pub mod moderation;
pub mod ops;
pub mod outbox;
pub mod rate_limit;
pub mod reading;
pub mod secret;
pub mod session;
pub mod statistics;
pub mod suggestion;
pub mod token;
pub mod translation;
pub mod upvote;
pub mod user;

/// The current time as stored: UTC, without offset, second precision (so that both
/// backends store and return the same value).
pub fn now() -> chrono::NaiveDateTime {
    let now = chrono::Utc::now().naive_utc();
    chrono::NaiveDateTime::new(
        now.date(),
        chrono::NaiveTime::from_hms_opt(
            chrono::Timelike::hour(&now),
            chrono::Timelike::minute(&now),
            chrono::Timelike::second(&now),
        )
        .unwrap_or_default(),
    )
}
