//! The background worker: delivers queued mail with retries and exponential backoff,
//! and now and then prunes expired throttling counters. One thread per server process,
//! which sends each claimed batch over up to [`SENDERS`] threads; the outbox's claims
//! keep several processes from sending the same message.
//!
//! It keeps claiming while mail is due: a full batch is followed by the next at once,
//! and the poll interval is only the wait when the outbox is empty. (It used to send
//! 20 messages per poll, a second apart: 20 a second per process, and a burst of
//! confirmation mail waited minutes.)

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use lettre::message::Mailbox;

use super::transport::{SendError, Transport};
use crate::db::DbPool;
use crate::models::{outbox, rate_limit};

/// Stops the worker when dropped or told to.
#[derive(Clone)]
pub struct WorkerHandle {
    stop: Arc<AtomicBool>,
}

impl WorkerHandle {
    /// Whether [`Self::stop`] was called, for other background threads that stop
    /// together with this one.
    pub fn stopped(&self) -> Arc<AtomicBool> {
        self.stop.clone()
    }

    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The delay before attempt `attempts + 1`: 10 s, 20 s, 40 s … at most an hour. Mail is
/// never dropped for a temporary failure: it is still retried hourly. A permanent
/// refusal (an SMTP 5xx) ends the retries and is shown to admins.
pub fn backoff(attempts: i32) -> chrono::Duration {
    let exponent = u32::try_from(attempts.clamp(0, 12)).unwrap_or(12);
    chrono::Duration::seconds((10_i64 << exponent).min(3600))
}

pub fn spawn(
    pool: DbPool,
    transport: Transport,
    from: Mailbox,
    poll: Duration,
) -> std::io::Result<(WorkerHandle, JoinHandle<()>)> {
    let stop = Arc::new(AtomicBool::new(false));
    let handle = WorkerHandle { stop: stop.clone() };
    let thread = std::thread::Builder::new()
        .name("kenes-mail".into())
        .spawn(move || {
            tracing::info!(transport = %transport.describe(), "mail worker started");
            let mut last_prune = Instant::now();
            while !stop.load(Ordering::Relaxed) {
                let more = match deliver_due(&pool, &transport, &from) {
                    Ok(claimed) => claimed == BATCH,
                    Err(error) => {
                        let text = format!("{error:#}");
                        if let Some(repeated) = crate::telemetry::limited("mail worker", &text) {
                            tracing::warn!(error = %text, repeated, "mail worker could not read the outbox");
                        }
                        false
                    }
                };
                if last_prune.elapsed() > Duration::from_secs(600) {
                    last_prune = Instant::now();
                    if let Ok(mut conn) = pool.get() {
                        let _ = rate_limit::prune(&mut conn, 24 * 3600);
                    }
                }
                if !more {
                    std::thread::sleep(poll);
                }
            }
        })?;
    Ok((handle, thread))
}

/// Messages claimed at a time: small enough that a claim expires long after the
/// batch is sent (five minutes, at a second per message to a slow server), large
/// enough that claiming costs little per message.
const BATCH: usize = 50;

/// Messages being sent at once. Each send waits for the relay's answer to every
/// command, so one at a time capped a process at about 20 messages a second even to
/// a relay on the same host; with several in flight, over the transport's pooled
/// connections, the relay's own speed is the limit.
const SENDERS: usize = 8;

/// Deliver one batch of due mail; returns how many were claimed.
fn deliver_due(pool: &DbPool, transport: &Transport, from: &Mailbox) -> anyhow::Result<usize> {
    let mut conn = pool.get()?;
    let due = crate::db::write_transaction(&mut conn, |conn| {
        outbox::claim_due(conn, BATCH as i64, chrono::Duration::minutes(5))
    })?;
    let claimed = due.len();
    // Sending happens outside any transaction (a slow SMTP server holds no lock), on
    // a few threads; each outcome is recorded here, as soon as it is known. One
    // recipient's messages stay in one thread, in the order they were queued, so that
    // a person who asked twice for a confirmation link gets the newest one last.
    let queue = Mutex::new(by_recipient(due).into_iter());
    let (done, outcomes) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..SENDERS.min(claimed) {
            let (queue, done) = (&queue, done.clone());
            scope.spawn(move || {
                while let Some(group) = queue.lock().ok().and_then(|mut q| q.next()) {
                    for mail in group {
                        let outcome = transport.send(from, &mail);
                        if done.send((mail, outcome)).is_err() {
                            return;
                        }
                    }
                }
            });
        }
        drop(done);
        outcomes
            .into_iter()
            .try_for_each(|(mail, outcome)| record(&mut conn, &mail, outcome))
    })?;
    Ok(claimed)
}

/// The messages grouped by recipient, each group in claim (queue) order.
fn by_recipient(due: Vec<outbox::QueuedMail>) -> Vec<Vec<outbox::QueuedMail>> {
    let mut groups: Vec<Vec<outbox::QueuedMail>> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = Default::default();
    for mail in due {
        let at = *index.entry(mail.to_address.clone()).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[at].push(mail);
    }
    groups
}

/// Store what became of one message.
fn record(
    conn: &mut crate::db::AnyConnection,
    mail: &outbox::QueuedMail,
    outcome: Result<(), SendError>,
) -> anyhow::Result<()> {
    match outcome {
        Ok(()) => {
            outbox::mark_sent(conn, mail.id)?;
            crate::metrics::mail_sent("sent");
        }
        Err(error) if error.permanent => {
            tracing::warn!(id = mail.id, %error, "email refused for good; shown to admins, not retried");
            outbox::mark_undeliverable(conn, mail.id, &error.message)?;
        }
        Err(error) => {
            let retry_at = crate::models::now() + backoff(mail.attempts);
            tracing::warn!(id = mail.id, attempts = mail.attempts + 1, %error, %retry_at, "email not sent; will retry");
            outbox::mark_failed(conn, mail.id, &error.message, retry_at)?;
            crate::metrics::mail_sent("retry");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        assert_eq!(backoff(0).num_seconds(), 10);
        assert_eq!(backoff(1).num_seconds(), 20);
        assert_eq!(backoff(5).num_seconds(), 320);
        assert_eq!(backoff(20).num_seconds(), 3600);
    }
}
