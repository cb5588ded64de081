//! The connection pool, and what stands in front of it: a bound on the requests
//! waiting for the database, and a breaker that answers at once while the database is
//! known to be down.
//!
//! Why. A request that waits for a connection holds a blocking thread; under `wrk
//! -c500` they queued for the pool's whole timeout (5 s) and the process went from
//! 19 threads to 522. During an outage every request waited those 5 s before its
//! 503, and `/healthz` with them. So:
//!
//! - [`DbPool::admit`] (async, before a request takes a blocking thread): as many
//!   requests at the database as the pool has connections, `KENES_DB_QUEUE` more
//!   waiting at most `KENES_DB_QUEUE_MS`; anyone else is told [`Unavailable::Busy`]
//!   (503 with `Retry-After`) at once.
//! - [`DbPool::get`]: while the database is down, callers fail fast instead of waiting
//!   for the timeout; one caller at a time probes it again, after a delay that doubles
//!   from 250 ms to 5 s, so reconnecting backs off (r2d2 itself retries opening the
//!   connections it lost, with its own doubling delay).
//!
//! `DbPool` dereferences to the r2d2 pool for everything else.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::r2d2;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::changes::ChangeClock;
use super::{AnyConnection, AnyConnectionManager, Backend, StatementCount};

pub type PooledConnection = r2d2::PooledConnection<AnyConnectionManager>;

/// Why no connection was handed out. Every kind is worth retrying: a 503.
#[derive(Debug, thiserror::Error)]
pub enum Unavailable {
    /// The database did not answer; it is retried in the background.
    #[error("the database is unavailable: {0}")]
    Down(String),
    /// More requests are waiting for the database than the bound allows.
    #[error("too many requests are waiting for the database")]
    Busy,
    /// Every connection stayed busy for the pool's whole timeout.
    #[error("no database connection became free in time")]
    Timeout,
}

/// The first delay before probing a database found down, and the longest.
const FIRST_BACKOFF: Duration = Duration::from_millis(250);
const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// How long a probe waits for a connection.
const PROBE_TIMEOUT: Duration = Duration::from_secs(1);

/// Whether the database is answering, as the last attempts found it.
#[derive(Debug, Default)]
struct Breaker {
    down: Option<Down>,
}

#[derive(Debug)]
struct Down {
    since: Instant,
    error: String,
    backoff: Duration,
    next_probe: Instant,
    probing: bool,
}

/// What [`DbPool::health`] reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    Up,
    Down { for_secs: u64, error: String },
}

/// The pool, shared by the whole process; cloning it is cheap.
#[derive(Clone)]
pub struct DbPool {
    inner: r2d2::Pool<AnyConnectionManager>,
    shared: Arc<Shared>,
}

struct Shared {
    backend: Backend,
    breaker: Mutex<Breaker>,
    gate: Gate,
    statements: Arc<StatementCount>,
    changes: Arc<ChangeClock>,
}

impl std::fmt::Debug for DbPool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DbPool")
            .field("backend", &self.shared.backend.describe())
            .finish_non_exhaustive()
    }
}

impl std::ops::Deref for DbPool {
    type Target = r2d2::Pool<AnyConnectionManager>;

    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}

impl DbPool {
    pub(super) fn new(
        inner: r2d2::Pool<AnyConnectionManager>,
        backend: Backend,
        statements: Arc<StatementCount>,
        changes: Arc<ChangeClock>,
    ) -> Self {
        let gate = Gate::new(inner.max_size(), 32, Duration::from_millis(500));
        Self {
            inner,
            shared: Arc::new(Shared {
                backend,
                breaker: Mutex::new(Breaker::default()),
                gate,
                statements,
                changes,
            }),
        }
    }

    /// The same pool with another bound on the requests waiting for it (settings
    /// `KENES_DB_QUEUE`, `KENES_DB_QUEUE_MS`).
    pub fn with_queue(self, waiting: usize, wait: Duration) -> Self {
        let gate = Gate::new(self.inner.max_size(), waiting, wait);
        let shared = Shared {
            backend: self.shared.backend.clone(),
            breaker: Mutex::new(Breaker::default()),
            gate,
            statements: Arc::clone(&self.shared.statements),
            changes: Arc::clone(&self.shared.changes),
        };
        Self {
            inner: self.inner,
            shared: Arc::new(shared),
        }
    }

    pub fn backend(&self) -> &Backend {
        &self.shared.backend
    }

    /// What tells this process's caches that the data they hold has changed (see
    /// [`super::changes`]).
    pub fn changes(&self) -> &Arc<ChangeClock> {
        &self.shared.changes
    }

    /// The statements this pool's connections have sent (see [`StatementCount`]).
    pub fn statements(&self) -> (u64, u64) {
        self.shared.statements.get()
    }

    /// A connection from the pool: at once while the database is known to be down
    /// (an error), else within the pool's timeout.
    pub fn get(&self) -> Result<PooledConnection, Unavailable> {
        let probing = self.may_try()?;
        let timeout = if probing {
            PROBE_TIMEOUT.min(self.inner.connection_timeout())
        } else {
            self.inner.connection_timeout()
        };
        let started = Instant::now();
        match self.inner.get_timeout(timeout) {
            Ok(conn) => {
                crate::metrics::pool_wait(started.elapsed());
                self.succeeded();
                Ok(conn)
            }
            Err(error) => {
                crate::metrics::pool_timeout();
                // A pool that cannot keep its connections open has lost its database;
                // one whose connections are all open and busy is only overloaded.
                let state = self.inner.state();
                if probing || state.connections < self.inner.max_size() {
                    let cause = error.to_string();
                    self.failed(&cause);
                    Err(Unavailable::Down(cause))
                } else {
                    Err(Unavailable::Timeout)
                }
            }
        }
    }

    /// A connection of its own, outside the pool (closed when dropped): for work that
    /// holds session state, such as an advisory lock, that must not outlive it.
    pub fn dedicated(&self) -> Result<AnyConnection, Unavailable> {
        self.may_try()?;
        AnyConnectionManager::new(self.shared.backend.clone())
            .establish()
            .map_err(|error| {
                let cause = error.to_string();
                self.failed(&cause);
                Unavailable::Down(cause)
            })
            .inspect(|_| self.succeeded())
    }

    /// Wait for a turn at the database: `Busy` at once when too many wait already,
    /// or after the longest wait. Hold the permit while using a connection.
    pub async fn admit(&self) -> Result<OwnedSemaphorePermit, Unavailable> {
        self.shared.gate.admit().await
    }

    /// Requests at the database and waiting for it (for `/metrics`).
    pub fn queue(&self) -> (usize, usize) {
        self.shared.gate.in_use_and_waiting()
    }

    pub fn health(&self) -> Health {
        match &self.lock_breaker().down {
            None => Health::Up,
            Some(down) => Health::Down {
                for_secs: down.since.elapsed().as_secs(),
                error: down.error.clone(),
            },
        }
    }

    fn lock_breaker(&self) -> std::sync::MutexGuard<'_, Breaker> {
        self.shared
            .breaker
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Whether this caller may try the database now; `Ok(true)` when it is the probe.
    fn may_try(&self) -> Result<bool, Unavailable> {
        let mut breaker = self.lock_breaker();
        let Some(down) = breaker.down.as_mut() else {
            return Ok(false);
        };
        if down.probing || Instant::now() < down.next_probe {
            crate::metrics::db_unavailable("down");
            return Err(Unavailable::Down(down.error.clone()));
        }
        down.probing = true;
        Ok(true)
    }

    fn succeeded(&self) {
        let mut breaker = self.lock_breaker();
        if let Some(down) = breaker.down.take() {
            tracing::warn!(
                down_secs = down.since.elapsed().as_secs_f64(),
                backend = self.shared.backend.name(),
                "the database answers again"
            );
            crate::metrics::db_up(true);
        }
    }

    fn failed(&self, error: &str) {
        let mut breaker = self.lock_breaker();
        let now = Instant::now();
        match breaker.down.as_mut() {
            Some(down) => {
                down.backoff = (down.backoff * 2).min(MAX_BACKOFF);
                down.next_probe = now + down.backoff;
                down.probing = false;
                down.error = error.to_owned();
            }
            None => {
                breaker.down = Some(Down {
                    since: now,
                    error: error.to_owned(),
                    backoff: FIRST_BACKOFF,
                    next_probe: now + FIRST_BACKOFF,
                    probing: false,
                });
                crate::metrics::db_up(false);
            }
        }
        if let Some(repeated) = crate::telemetry::limited("database unavailable", error) {
            tracing::error!(
                error,
                repeated,
                backend = self.shared.backend.name(),
                "the database is unavailable; answering 503 and retrying with backoff"
            );
        }
    }
}

/// The bound on requests at, and waiting for, the database.
struct Gate {
    permits: Arc<Semaphore>,
    size: usize,
    waiting: Arc<AtomicUsize>,
    max_waiting: usize,
    max_wait: Duration,
}

impl Gate {
    fn new(size: u32, max_waiting: usize, max_wait: Duration) -> Self {
        let size = usize::try_from(size).unwrap_or(1).max(1);
        Self {
            permits: Arc::new(Semaphore::new(size)),
            size,
            waiting: Arc::new(AtomicUsize::new(0)),
            max_waiting,
            max_wait,
        }
    }

    async fn admit(&self) -> Result<OwnedSemaphorePermit, Unavailable> {
        if let Ok(permit) = self.permits.clone().try_acquire_owned() {
            return Ok(permit);
        }
        let waiting = Waiting::enter(&self.waiting);
        if waiting.position > self.max_waiting {
            crate::metrics::db_unavailable("queue_full");
            return Err(Unavailable::Busy);
        }
        let permit =
            tokio::time::timeout(self.max_wait, self.permits.clone().acquire_owned()).await;
        drop(waiting);
        match permit {
            Ok(Ok(permit)) => Ok(permit),
            _ => {
                crate::metrics::db_unavailable("queue_timeout");
                Err(Unavailable::Busy)
            }
        }
    }

    fn in_use_and_waiting(&self) -> (usize, usize) {
        (
            self.size.saturating_sub(self.permits.available_permits()),
            self.waiting.load(Ordering::Relaxed),
        )
    }
}

/// One request counted among those waiting, until dropped (also when its client
/// leaves and the future is dropped mid-wait).
struct Waiting<'a> {
    count: &'a AtomicUsize,
    position: usize,
}

impl<'a> Waiting<'a> {
    fn enter(count: &'a AtomicUsize) -> Self {
        let position = count.fetch_add(1, Ordering::Relaxed) + 1;
        Self { count, position }
    }
}

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.count.fetch_sub(1, Ordering::Relaxed);
    }
}
