//! Work that arrives together is done together.
//!
//! A [`Batcher`] is a thread with a queue and a connection of its own: it takes every
//! request waiting (up to a limit), does them in one go, and answers each. Under load,
//! per-request costs (a statement, a commit, a thread hand-off, on PostgreSQL a round
//! trip each) are paid once per batch; when the site is quiet a batch is one request
//! and nothing waits. Used for loading sessions and for writing upvotes, the two
//! things every voting request needs.
//!
//! The connection is its own rather than the pool's because the pool checks each
//! connection it lends with a round trip (`SELECT 1`); this thread instead opens a
//! new one after any batch that failed with a database error.
//!
//! Outages. When it cannot connect, the thread answers 503 (`AppError::Unavailable`)
//! at once to every request until its next attempt, which it makes after a delay
//! that doubles from 100 ms to 5 s: during a database outage it neither hammers the
//! database nor makes requests wait, and it is back within seconds when the database
//! is. A request also gets a 503 at once when the queue is full, and after
//! [`ANSWER_DEADLINE`] if no answer came (a connection hanging on a dead network).

use std::time::{Duration, Instant};

use tokio::sync::{mpsc, oneshot};

use crate::db::{AnyConnection, AnyConnectionManager};
use crate::error::AppError;

type Answer<Res> = oneshot::Sender<Result<Res, AppError>>;

/// The longest a request waits for its batch's answer.
pub const ANSWER_DEADLINE: Duration = Duration::from_secs(15);
const FIRST_RECONNECT_DELAY: Duration = Duration::from_millis(100);
const MAX_RECONNECT_DELAY: Duration = Duration::from_secs(5);

/// When the thread may try to connect again after failing to.
struct Reconnect {
    delay: Duration,
    not_before: Option<Instant>,
}

impl Reconnect {
    fn due(&self) -> bool {
        self.not_before.is_none_or(|t| Instant::now() >= t)
    }

    fn failed(&mut self) {
        self.delay = if self.not_before.is_some() {
            (self.delay * 2).min(MAX_RECONNECT_DELAY)
        } else {
            FIRST_RECONNECT_DELAY
        };
        self.not_before = Some(Instant::now() + self.delay);
    }

    fn succeeded(&mut self) {
        self.not_before = None;
    }
}

/// The handle requests use; cloning it is cheap.
pub struct Batcher<Req, Res> {
    jobs: mpsc::Sender<(Req, Answer<Res>)>,
}

impl<Req, Res> Clone for Batcher<Req, Res> {
    fn clone(&self) -> Self {
        Self {
            jobs: self.jobs.clone(),
        }
    }
}

impl<Req: Send + 'static, Res: Send + 'static> Batcher<Req, Res> {
    /// Start the thread; it ends when every handle is dropped. `work` gets the requests
    /// of a batch in arrival order and returns one result for each, in that order.
    pub fn start<F>(
        name: &'static str,
        database: AnyConnectionManager,
        max_batch: usize,
        work: F,
    ) -> std::io::Result<Self>
    where
        F: Fn(&mut AnyConnection, &[Req]) -> Vec<Result<Res, AppError>> + Send + 'static,
    {
        let (jobs, mut waiting) =
            mpsc::channel::<(Req, Answer<Res>)>(MAX_QUEUED_BATCHES * max_batch);
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let mut connection: Option<AnyConnection> = None;
                let mut reconnect = Reconnect {
                    delay: FIRST_RECONNECT_DELAY,
                    not_before: None,
                };
                while let Some((requests, answers)) = next_batch(&mut waiting, max_batch) {
                    if connection.is_none() && reconnect.due() {
                        match database.establish() {
                            Ok(conn) => {
                                if reconnect.not_before.is_some() {
                                    tracing::warn!(batch = name, "connected again");
                                }
                                reconnect.succeeded();
                                connection = Some(conn);
                            }
                            Err(error) => {
                                reconnect.failed();
                                let text = error.to_string();
                                if let Some(repeated) = crate::telemetry::limited(name, &text) {
                                    tracing::error!(batch = name, error = %text, repeated, retry_in_ms = reconnect.delay.as_millis() as u64, "cannot connect to the database; answering 503");
                                }
                            }
                        }
                    }
                    let started = Instant::now();
                    let results = match connection.as_mut() {
                        Some(conn) => work(conn, &requests),
                        None => {
                            crate::metrics::db_unavailable("down");
                            requests
                                .iter()
                                .map(|_| {
                                    Err(AppError::Unavailable(
                                        "the database is unavailable".into(),
                                    ))
                                })
                                .collect()
                        }
                    };
                    crate::metrics::batch(name, requests.len(), started.elapsed());
                    if results.iter().any(|r| {
                        matches!(r, Err(AppError::Internal(_) | AppError::Unavailable(_)))
                    }) {
                        // Perhaps the connection broke: the next batch opens another.
                        connection = None;
                    }
                    for (answer, result) in answers.into_iter().zip(results) {
                        // A request that gave up (its client left) no longer listens.
                        let _ = answer.send(result);
                    }
                }
                // Every handle is gone: the server is stopping and the process is about
                // to exit. Closing a PostgreSQL connection here (a TLS shutdown in
                // libpq) can race with OpenSSL's exit-time cleanup in the main thread:
                // twice a process crashed in libcrypto at exit (once after the vote
                // benchmark's SIGTERM, once at the end of the test binary), and this
                // is the likely cause. The operating system closes the socket instead.
                std::mem::forget(connection);
            })?;
        Ok(Self { jobs })
    }

    /// Queue one request and wait for its result. A full queue (the thread is
    /// [`MAX_QUEUED_BATCHES`] batches behind) is a 503 at once, as is an answer that
    /// does not come within [`ANSWER_DEADLINE`].
    pub async fn run(&self, request: Req) -> Result<Res, AppError> {
        let (answer, result) = oneshot::channel();
        self.jobs
            .try_send((request, answer))
            .map_err(|error| match error {
                mpsc::error::TrySendError::Full(_) => {
                    crate::metrics::db_unavailable("batch_full");
                    AppError::Unavailable("too many requests are waiting".into())
                }
                mpsc::error::TrySendError::Closed(_) => {
                    AppError::internal(anyhow::anyhow!("a batch thread has stopped"))
                }
            })?;
        match tokio::time::timeout(ANSWER_DEADLINE, result).await {
            Ok(answer) => answer.map_err(|_| {
                AppError::internal(anyhow::anyhow!("a batch thread dropped a request"))
            })?,
            Err(_) => Err(AppError::Unavailable(
                "no answer from the database in time".into(),
            )),
        }
    }
}

/// How many full batches may wait for the thread before requests are turned away.
pub const MAX_QUEUED_BATCHES: usize = 4;

/// Wait for a request, then take every one waiting, up to `max_batch`; `None` once
/// every handle is gone.
#[allow(clippy::type_complexity)]
fn next_batch<Req, Res>(
    waiting: &mut mpsc::Receiver<(Req, Answer<Res>)>,
    max_batch: usize,
) -> Option<(Vec<Req>, Vec<Answer<Res>>)> {
    let (request, answer) = waiting.blocking_recv()?;
    let (mut requests, mut answers) = (vec![request], vec![answer]);
    while requests.len() < max_batch {
        let Ok((request, answer)) = waiting.try_recv() else {
            break;
        };
        requests.push(request);
        answers.push(answer);
    }
    Some((requests, answers))
}
