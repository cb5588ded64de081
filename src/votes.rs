//! The vote writer: upvotes that arrive together are written together.
//!
//! One transaction per vote made each vote pay for its own commit and half a dozen
//! statements (on PostgreSQL, round trips): 1,225 votes/s where pgbench's single-row
//! INSERTs reach 15,000/s. The writer is a thread that takes every vote waiting (up
//! to [`MAX_BATCH`]), applies them in one transaction with a few set-based statements
//! (the suggestions, the limit counters, the vote rows, the counts), commits, and only
//! then answers each request: a vote acknowledged is a vote committed. When nothing
//! else is waiting a batch is one vote, so a quiet site answers as fast as before.
//!
//! Exactness stays in the database (one unique row per citizen and suggestion, counts
//! changed in SQL), so several server processes may each run a writer. They never
//! deadlock: every batch locks its suggestions in id order before it changes anything
//! (see `models::upvote`'s notes on lock order).

use std::collections::HashMap;

use crate::auth::throttle;
use crate::batch::Batcher;
use crate::db::{self, AnyConnection, AnyConnectionManager};
use crate::domain::TrackingNumber;
use crate::error::AppError;
use crate::models::{self, upvote};

/// The most votes one transaction takes.
pub const MAX_BATCH: usize = 256;

/// A signed-in citizen's request to add or remove their upvote. Who may vote at all
/// (confirmed, not blocked) is checked before; the suggestion is checked here.
#[derive(Debug, Clone)]
pub struct VoteRequest {
    pub number: TrackingNumber,
    pub voter_id: i64,
    pub voter_email: String,
    pub wanted: bool,
}

/// The state after the vote: whether the citizen upvotes it, and the count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voted {
    pub number: String,
    pub upvoted: bool,
    pub count: i32,
}

/// The vote writer: one thread applying the votes waiting, in batches.
pub type VoteWriter = Batcher<VoteRequest, Voted>;

pub fn start(database: AnyConnectionManager) -> std::io::Result<VoteWriter> {
    Batcher::start("vote-writer", database, MAX_BATCH, apply)
}

/// Apply a batch: on PostgreSQL, new votes on distinct pairs (the common case) in one
/// statement; otherwise in one transaction. If that fails as a whole, each vote alone,
/// so that one vote's error is not every vote's. When the database is unavailable
/// every vote is answered 503 at once, with nothing retried.
pub fn apply(conn: &mut AnyConnection, requests: &[VoteRequest]) -> Vec<Result<Voted, AppError>> {
    let unavailable = |error: &AppError| {
        requests
            .iter()
            .map(|_| Err(AppError::Unavailable(error.to_string())))
            .collect()
    };
    if matches!(conn, AnyConnection::Postgres(_)) {
        match add_in_one_statement(conn, requests) {
            Ok(Some(results)) => return results,
            Ok(None) => {}
            Err(error @ AppError::Unavailable(_)) => return unavailable(&error),
            Err(error) => tracing::warn!(%error, "vote statement failed; using a transaction"),
        }
    }
    match db::write_transaction(conn, |conn| apply_together(conn, requests)) {
        Ok(results) => results,
        Err(error) if requests.len() == 1 => vec![Err(error)],
        Err(error @ AppError::Unavailable(_)) => unavailable(&error),
        Err(error) => {
            tracing::warn!(%error, votes = requests.len(), "vote batch failed; applying one by one");
            requests
                .iter()
                .map(|r| {
                    db::write_transaction(conn, |conn| {
                        apply_together(conn, std::slice::from_ref(r))
                    })
                    .and_then(|mut one| one.pop().unwrap_or(Err(AppError::BadRequest)))
                })
                .collect()
        }
    }
}

/// PostgreSQL, when every vote of the batch adds a distinct (suggestion, citizen) pair
/// on suggestions nothing was merged into: the suggestions read, then the limit, rows
/// and counts in one statement ([`upvote::add_counted`]): two round trips instead of
/// six. `None` when the batch is not of that kind.
#[allow(clippy::type_complexity)]
fn add_in_one_statement(
    conn: &mut AnyConnection,
    requests: &[VoteRequest],
) -> Result<Option<Vec<Result<Voted, AppError>>>, AppError> {
    let mut pairs = std::collections::HashSet::new();
    if !requests
        .iter()
        .all(|r| r.wanted && pairs.insert((r.number.as_str(), r.voter_id)))
    {
        return Ok(None);
    }
    let numbers: Vec<&str> = requests.iter().map(|r| r.number.as_str()).collect();
    let targets = upvote::targets(conn, &numbers)?;
    let AnyConnection::Postgres(pg) = conn else {
        return Ok(None);
    };
    if targets.values().any(|t| t.duplicate_count > 0) {
        return Ok(None);
    }
    let mut results = check(requests, &targets, models::now());
    let valid: Vec<usize> = (0..requests.len())
        .filter(|i| results[*i].is_ok())
        .collect();
    let votes: Vec<upvote::NewVote> = valid
        .iter()
        .map(|i| upvote::NewVote {
            suggestion_id: targets[requests[*i].number.as_str()].id,
            user_id: requests[*i].voter_id,
            limit_key: throttle::key(throttle::VOTE_PER_ACCOUNT, &requests[*i].voter_email),
        })
        .collect();
    if !votes.is_empty() {
        let limit = throttle::VOTE_PER_ACCOUNT;
        let counted = upvote::add_counted(pg, &votes, limit.max, limit.window_secs)?;
        for (i, c) in valid.iter().zip(counted) {
            match throttle::verdict(limit, c.nth, c.window_start) {
                Ok(()) => {
                    if let Ok(voted) = &mut results[*i] {
                        voted.count = c.upvotes;
                    }
                }
                Err(wait) => results[*i] = Err(AppError::TooManyRequests(wait)),
            }
        }
    }
    Ok(Some(results))
}

/// Whether each vote may be cast on its suggestion (found, open, published, not one's
/// own); counts are filled in later.
fn check(
    requests: &[VoteRequest],
    targets: &HashMap<String, upvote::VoteTarget>,
    now: chrono::NaiveDateTime,
) -> Vec<Result<Voted, AppError>> {
    requests
        .iter()
        .map(|r| {
            let target = targets.get(r.number.as_str()).ok_or(AppError::NotFound)?;
            let open = target.consultation_status.accepts_participation(
                target.opens_at,
                target.closes_at,
                now,
            );
            if !open {
                return Err(AppError::Refused("suggestion.vote.closed"));
            }
            if !target.status.accepts_votes() {
                return Err(AppError::Refused("suggestion.vote.not_open"));
            }
            if target.author_id == r.voter_id {
                return Err(AppError::Refused("suggestion.vote.own"));
            }
            Ok(Voted {
                number: target.tracking_number.clone(),
                upvoted: r.wanted,
                count: 0,
            })
        })
        .collect()
}

/// The votes of a batch, inside the caller's write transaction. Refusals are per
/// vote; a database error fails the batch.
fn apply_together(
    conn: &mut AnyConnection,
    requests: &[VoteRequest],
) -> Result<Vec<Result<Voted, AppError>>, AppError> {
    let now = models::now();
    let numbers: Vec<&str> = requests.iter().map(|r| r.number.as_str()).collect();
    let targets = upvote::targets(conn, &numbers)?;
    let mut results = check(requests, &targets, now);
    // Before any other row: the limit counters, vote rows and counts below then never
    // wait while holding a suggestion another batch waits for.
    let ids: Vec<i64> = targets.values().map(|t| t.id).collect();
    upvote::lock_in_order(conn, &ids)?;

    // The per-account limit counts every vote that got this far, in arrival order.
    let valid: Vec<usize> = (0..requests.len())
        .filter(|i| results[*i].is_ok())
        .collect();
    let subjects: Vec<&str> = valid
        .iter()
        .map(|i| requests[*i].voter_email.as_str())
        .collect();
    let verdicts = throttle::hit_each(conn, throttle::VOTE_PER_ACCOUNT, &subjects)?;
    for (i, verdict) in valid.iter().zip(verdicts) {
        if let Err(wait) = verdict {
            results[*i] = Err(AppError::TooManyRequests(wait));
        }
    }

    // The votes, in rounds in which each (suggestion, citizen) appears once, so that
    // "add, remove, add" from one citizen in one batch ends as it would one by one.
    let target_of = |i: usize| targets[requests[i].number.as_str()].id;
    let mut pending: Vec<usize> = (0..requests.len())
        .filter(|i| results[*i].is_ok())
        .collect();
    let mut changes: HashMap<i64, i32> = HashMap::new();
    while !pending.is_empty() {
        let mut seen = std::collections::HashSet::new();
        let (round, later): (Vec<usize>, Vec<usize>) = pending
            .into_iter()
            .partition(|i| seen.insert((target_of(*i), requests[*i].voter_id)));
        // Sorted, so that concurrent batches lock rows in the same order.
        let pairs = |wanted: bool| -> Vec<(i64, i64)> {
            let mut pairs: Vec<(i64, i64)> = round
                .iter()
                .filter(|i| requests[**i].wanted == wanted)
                .map(|i| (target_of(*i), requests[*i].voter_id))
                .collect();
            pairs.sort_unstable();
            pairs
        };
        for (suggestion_id, _) in upvote::add(conn, &pairs(true), now)? {
            *changes.entry(suggestion_id).or_default() += 1;
        }
        for (suggestion_id, _) in upvote::remove(conn, &pairs(false))? {
            *changes.entry(suggestion_id).or_default() -= 1;
        }
        pending = later;
    }
    // Counts come back from the statements that changed them; only the others are read.
    let mut counts = upvote::step(conn, &changes)?;
    let unread: Vec<i64> = targets
        .values()
        .map(|t| t.id)
        .filter(|id| !counts.contains_key(id))
        .collect();
    if !unread.is_empty() {
        counts.extend(upvote::counts(conn, &unread)?);
    }
    for (i, result) in results.iter_mut().enumerate() {
        if let Ok(voted) = result {
            voted.count = counts.get(&target_of(i)).copied().unwrap_or(0);
        }
    }
    Ok(results)
}
