//! Knowing when what the reading pages show has changed, in every process (issue 16).
//!
//! The reading pages' data (a consultation, its published text, a clause's suggestions
//! and their counts) is held in memory by [`crate::read_cache`] and used while nothing
//! it was read from has changed. What "changed" means is counted here, by a
//! [`ChangeClock`] each process has one of: its generation moves on whenever
//!
//! - this process has answered a request that may have written (any method but GET,
//!   HEAD and OPTIONS: [`crate::read_cache::after_writes`]), so a citizen's vote or
//!   suggestion is on the very next page they load from this process;
//! - any process commits a change to a table the reading pages read: triggers
//!   (migration `2026-12-03-000013_reading_changes`) send `NOTIFY kenes_reading` on
//!   PostgreSQL, which [`watch`]'s thread receives within a few milliseconds, and bump
//!   a counter row on SQLite, which that thread reads every [`SQLITE_POLL`].
//!
//! The order is what makes it safe: a reader notes the generation *before* it reads,
//! and the generation moves *after* a change commits, so data read before a change is
//! always filed under an older generation than the one current once the change is
//! visible. While the watching thread is not connected (at start, after losing the
//! database) [`ChangeClock::current`] answers `None` and nothing is served from memory.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::{Connection, PgConnection, RunQueryDsl, SqliteConnection};

use super::Backend;

/// The channel the PostgreSQL triggers notify.
pub const CHANNEL: &str = "kenes_reading";
/// How often the thread looks for notifications on PostgreSQL (a non-blocking read of
/// the socket), and reads the counter on SQLite (a one-row read of a shared page).
pub const POSTGRES_POLL: Duration = Duration::from_millis(2);
pub const SQLITE_POLL: Duration = Duration::from_millis(5);
/// How often the PostgreSQL listener proves its connection alive: a connection dropped
/// without a word (a network partition) would otherwise go on hearing nothing.
const LISTENER_CHECK: Duration = Duration::from_secs(1);
const RECONNECT_DELAY: Duration = Duration::from_millis(500);

/// This process's count of changes that may alter a reading page.
#[derive(Debug, Default)]
pub struct ChangeClock {
    generation: AtomicU64,
    /// Whether changes made by other processes are being heard.
    watching: AtomicBool,
}

impl ChangeClock {
    /// The generation to file data under, read before reading it; `None` while changes
    /// by other processes could go unheard.
    pub fn current(&self) -> Option<u64> {
        self.watching
            .load(Ordering::Acquire)
            .then(|| self.generation.load(Ordering::Acquire))
    }

    /// Something changed: everything filed under an earlier generation is out of date.
    pub fn bump(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    fn set_watching(&self, watching: bool) {
        // Whatever was read while not watching (or up to losing the connection) is
        // filed under a generation no one will use again.
        self.bump();
        self.watching.store(watching, Ordering::Release);
        self.bump();
    }
}

/// The thread started by [`watch`]: stopped, and waited for, when dropped (with the
/// server that owns it), so that it is never inside a database call while the process
/// exits (libpq's TLS state is torn down at exit).
pub struct Watcher {
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Start the thread that hears other processes' changes. It ends when the returned
/// [`Watcher`] is dropped, or when `clock` is.
pub fn watch(backend: Backend, clock: &Arc<ChangeClock>) -> std::io::Result<Watcher> {
    let clock = Arc::downgrade(clock);
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = Arc::clone(&stop);
    let thread = std::thread::Builder::new()
        .name("kenes-changes".into())
        .spawn(move || {
            let go_on = || !stopped.load(Ordering::Acquire);
            while go_on() {
                let heard = match &backend {
                    Backend::Postgres(url) => listen(url, &clock, &go_on),
                    Backend::Sqlite(path) => poll_counter(&path.to_string_lossy(), &clock, &go_on),
                };
                let Some(clock) = clock.upgrade() else { return };
                clock.set_watching(false);
                if !go_on() {
                    return;
                }
                if let Err(error) = heard {
                    tracing::warn!(%error, "not hearing changes made by other processes; retrying");
                }
                drop(clock);
                std::thread::sleep(RECONNECT_DELAY);
            }
        })?;
    Ok(Watcher {
        stop,
        thread: Some(thread),
    })
}

/// PostgreSQL: `LISTEN`, then every notification moves the clock. Returns when the
/// connection fails (or the clock is gone).
fn listen(url: &str, clock: &Weak<ChangeClock>, go_on: &dyn Fn() -> bool) -> Result<(), String> {
    let mut conn = PgConnection::establish(url).map_err(|e| e.to_string())?;
    conn.batch_execute(&format!("LISTEN {CHANNEL}"))
        .map_err(|e| e.to_string())?;
    match clock.upgrade() {
        Some(clock) => clock.set_watching(true),
        None => return Ok(()),
    }
    let mut checked = Instant::now();
    while go_on() {
        std::thread::sleep(POSTGRES_POLL);
        let Some(clock) = clock.upgrade() else {
            return Ok(());
        };
        let mut heard = false;
        for notification in conn.notifications_iter() {
            notification.map_err(|e| e.to_string())?;
            heard = true;
        }
        if heard {
            clock.bump();
        }
        if checked.elapsed() >= LISTENER_CHECK {
            conn.batch_execute("SELECT 1").map_err(|e| e.to_string())?;
            checked = Instant::now();
        }
    }
    Ok(())
}

#[derive(diesel::QueryableByName)]
struct Counter {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    counter: i64,
}

/// SQLite: read the counter the triggers bump; a new value moves the clock.
fn poll_counter(
    path: &str,
    clock: &Weak<ChangeClock>,
    go_on: &dyn Fn() -> bool,
) -> Result<(), String> {
    let mut conn = SqliteConnection::establish(path).map_err(|e| e.to_string())?;
    conn.batch_execute("PRAGMA busy_timeout = 1000;")
        .map_err(|e| e.to_string())?;
    let mut read = || -> Result<i64, String> {
        diesel::sql_query("SELECT counter FROM reading_changes WHERE id = 1")
            .get_result::<Counter>(&mut conn)
            .map(|c| c.counter)
            .map_err(|e| e.to_string())
    };
    let mut last = read()?;
    match clock.upgrade() {
        Some(clock) => clock.set_watching(true),
        None => return Ok(()),
    }
    while go_on() {
        std::thread::sleep(SQLITE_POLL);
        let Some(clock) = clock.upgrade() else {
            return Ok(());
        };
        let now = read()?;
        if now != last {
            last = now;
            clock.bump();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_is_current_until_changes_are_heard() {
        let clock = ChangeClock::default();
        assert_eq!(clock.current(), None);
        clock.set_watching(true);
        let first = clock.current().unwrap();
        clock.bump();
        assert!(clock.current().unwrap() > first);
        clock.set_watching(false);
        assert_eq!(clock.current(), None);
        clock.set_watching(true);
        assert!(clock.current().unwrap() > first + 1);
    }
}
