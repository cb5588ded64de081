//! The data layer: row types and named query functions, one file per aggregate.
//! The only place, with `db/`, that knows SQL.

pub mod audit;
pub mod bulk;
pub mod consultation;
pub mod document;
pub mod export;
pub mod moderation;
pub mod outbox;
pub mod rate_limit;
pub mod reading;
pub mod secret;
pub mod session;
pub mod statistics;
pub mod suggestion;
pub mod token;
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
