//! Throttling of the account forms (README, "Security"). Counters live in the database
//! (see [`crate::models::rate_limit`]), so a limit holds across server processes. A
//! refused request gets 429 with `Retry-After` and a page saying when to try again.

use crate::db::AnyConnection;
use crate::models::rate_limit;

/// At most `max` hits per `window_secs` for one subject (an IP address or an account).
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub name: &'static str,
    pub max: i32,
    pub window_secs: i64,
}

// Sign-in is throttled so that a stranger cannot lock an account's owner out (OWASP,
// Authentication Cheat Sheet): the tight limit is per account *and* address, so ten
// wrong guesses from one place do not stop the owner signing in from another; each
// address has a limit across accounts (password spraying); and each account a much
// higher ceiling across all addresses (a distributed guess).

/// Guesses at one account from one address.
pub const SIGN_IN_PER_ACCOUNT_AND_ADDRESS: Limit = Limit {
    name: "sign-in-account-ip",
    max: 10,
    window_secs: 15 * 60,
};
/// Attempts from one address, whatever the account.
pub const SIGN_IN_PER_IP: Limit = Limit {
    name: "sign-in-ip",
    max: 50,
    window_secs: 15 * 60,
};
/// Attempts at one account from every address together.
pub const SIGN_IN_PER_ACCOUNT: Limit = Limit {
    name: "sign-in-account",
    max: 200,
    window_secs: 15 * 60,
};
pub const REGISTER_PER_IP: Limit = Limit {
    name: "register-ip",
    max: 10,
    window_secs: 60 * 60,
};
pub const REGISTER_PER_ACCOUNT: Limit = Limit {
    name: "register-account",
    max: 3,
    window_secs: 60 * 60,
};
pub const RESEND_PER_IP: Limit = Limit {
    name: "resend-ip",
    max: 10,
    window_secs: 60 * 60,
};
pub const RESEND_PER_ACCOUNT: Limit = Limit {
    name: "resend-account",
    max: 3,
    window_secs: 60 * 60,
};
pub const RESET_PER_IP: Limit = Limit {
    name: "reset-ip",
    max: 10,
    window_secs: 60 * 60,
};
pub const RESET_PER_ACCOUNT: Limit = Limit {
    name: "reset-account",
    max: 3,
    window_secs: 60 * 60,
};

/// Text kept for writers who are not signed in yet (see `models::suggestion::MAX_DRAFTS`).
pub const DRAFT_PER_ADDRESS: Limit = Limit {
    name: "draft-ip",
    max: 30,
    window_secs: 60 * 60,
};

pub const SUBMIT_PER_ACCOUNT: Limit = Limit {
    name: "submit-account",
    max: 10,
    window_secs: 60 * 60,
};
pub const VOTE_PER_ACCOUNT: Limit = Limit {
    name: "vote-account",
    max: 300,
    window_secs: 60 * 60,
};

/// All limits, for the README table and the tests.
pub const ALL: [Limit; 12] = [
    SIGN_IN_PER_ACCOUNT_AND_ADDRESS,
    DRAFT_PER_ADDRESS,
    REGISTER_PER_ACCOUNT,
    RESEND_PER_IP,
    SUBMIT_PER_ACCOUNT,
    VOTE_PER_ACCOUNT,
    SIGN_IN_PER_IP,
    SIGN_IN_PER_ACCOUNT,
    REGISTER_PER_IP,
    RESEND_PER_ACCOUNT,
    RESET_PER_IP,
    RESET_PER_ACCOUNT,
];

/// Count a hit; `Ok(Err(seconds))` when over the limit, with how long until it resets.
/// Accounts are keyed by a hash of their email, so no address is stored here.
pub fn hit(
    conn: &mut AnyConnection,
    limit: Limit,
    subject: &str,
) -> diesel::QueryResult<Result<(), i64>> {
    let (hits, window_start) = rate_limit::hit(conn, &key(limit, subject), limit.window_secs)?;
    Ok(verdict(limit, hits, window_start))
}

/// The key of `subject`'s counter for `limit`. Accounts are keyed by a hash of
/// their email, so no address is stored.
pub fn key(limit: Limit, subject: &str) -> String {
    format!("{}:{}", limit.name, super::token::hash_token(subject))
}

/// The verdict on a subject's `nth` hit in a window that started at `window_start`.
pub fn verdict(limit: Limit, nth: i32, window_start: chrono::NaiveDateTime) -> Result<(), i64> {
    if nth <= limit.max {
        Ok(())
    } else {
        Err(wait(limit, window_start))
    }
}

/// Seconds until a window that started at `window_start` resets.
fn wait(limit: Limit, window_start: chrono::NaiveDateTime) -> i64 {
    let resets_at = window_start + chrono::Duration::seconds(limit.window_secs);
    (resets_at - crate::models::now()).num_seconds().max(1)
}

/// Count one hit per entry of `subjects` (a subject may repeat) in one statement; for
/// each, in order, `Err(seconds)` when it is over the limit, as [`hit`] would say had
/// they come one after another.
pub fn hit_each(
    conn: &mut AnyConnection,
    limit: Limit,
    subjects: &[&str],
) -> diesel::QueryResult<Vec<Result<(), i64>>> {
    let keys: Vec<String> = subjects.iter().map(|s| key(limit, s)).collect();
    let mut per_key: Vec<(String, i32)> = Vec::new();
    for key in &keys {
        match per_key.iter_mut().find(|(k, _)| k == key) {
            Some((_, n)) => *n += 1,
            None => per_key.push((key.clone(), 1)),
        }
    }
    // In key order, so that concurrent batches lock the counters in the same order.
    per_key.sort_unstable();
    let totals = rate_limit::hit_many(conn, &per_key, limit.window_secs)?;
    // A key hit n times in this call ends at `hits`: its hits here were numbered
    // hits - n + 1 ..= hits, in order.
    let mut numbered: std::collections::HashMap<&str, i32> = per_key
        .iter()
        .map(|(key, n)| (key.as_str(), totals.get(key).map_or(0, |t| t.0) - n))
        .collect();
    Ok(keys
        .iter()
        .map(|key| {
            let before = numbered.entry(key.as_str()).or_default();
            *before += 1;
            match totals.get(key) {
                Some((_, window_start)) => verdict(limit, *before, *window_start),
                None => Ok(()),
            }
        })
        .collect())
}
