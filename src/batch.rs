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

use tokio::sync::{mpsc, oneshot};

use crate::db::{AnyConnection, AnyConnectionManager};
use crate::error::AppError;

type Answer<Res> = oneshot::Sender<Result<Res, AppError>>;

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
        name: &str,
        database: AnyConnectionManager,
        max_batch: usize,
        work: F,
    ) -> std::io::Result<Self>
    where
        F: Fn(&mut AnyConnection, &[Req]) -> Vec<Result<Res, AppError>> + Send + 'static,
    {
        let (jobs, mut waiting) = mpsc::channel::<(Req, Answer<Res>)>(4 * max_batch);
        std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let mut connection: Option<AnyConnection> = None;
                while let Some((requests, answers)) = next_batch(&mut waiting, max_batch) {
                    if connection.is_none() {
                        connection = database
                            .establish()
                            .map_err(|error| tracing::error!(%error, "cannot connect"))
                            .ok();
                    }
                    let results = match connection.as_mut() {
                        Some(conn) => work(conn, &requests),
                        None => requests
                            .iter()
                            .map(|_| Err(AppError::internal(anyhow::anyhow!("no connection"))))
                            .collect(),
                    };
                    if results
                        .iter()
                        .any(|r| matches!(r, Err(AppError::Internal(_))))
                    {
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

    /// Queue one request and wait for its result.
    pub async fn run(&self, request: Req) -> Result<Res, AppError> {
        let (answer, result) = oneshot::channel();
        self.jobs
            .send((request, answer))
            .await
            .map_err(|_| AppError::internal(anyhow::anyhow!("a batch thread has stopped")))?;
        result
            .await
            .map_err(|_| AppError::internal(anyhow::anyhow!("a batch thread dropped a request")))?
    }
}

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
