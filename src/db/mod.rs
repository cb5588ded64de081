//! The database: which backend, the connection pool, migrations, and the few places
//! where SQLite and PostgreSQL must be told apart.
//!
//! The backend is chosen at run time from `DATABASE_URL` ([`Backend::from_url`]).
//! Queries are written once against [`AnyConnection`], except where the two backends'
//! SQL must differ (full-text search, upserts, lists bound as arrays or JSON, bulk
//! statements): there the data layer matches on the variant, in the model function
//! itself, never in a handler. Write transactions take SQLite's lock up front
//! ([`write_transaction`]); exports read from one snapshot ([`read_snapshot`]); the
//! batch threads get connections of their own ([`AnyConnectionManager::for_batches`]).

pub mod advisory;
pub mod backup;
pub mod changes;
pub mod explain;
pub mod fixed;
pub mod pool;

pub use pool::{DbPool, Health, PooledConnection, Unavailable};

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use diesel::connection::{
    AnsiTransactionManager, InstrumentationEvent, SimpleConnection, TransactionManager,
};
use diesel::r2d2::{self, ManageConnection};
use diesel::{Connection, PgConnection, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

/// One connection to either backend.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Where the data lives, parsed from `DATABASE_URL`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Backend {
    Postgres(String),
    Sqlite(PathBuf),
}

impl Backend {
    /// `postgres://` or `postgresql://` → PostgreSQL; `sqlite://PATH`, `sqlite:PATH` or
    /// a bare path → SQLite; nothing → `<data_dir>/kenes.db`.
    pub fn from_url(url: Option<&str>, data_dir: &Path) -> Self {
        match url.map(str::trim).filter(|u| !u.is_empty()) {
            None => Self::Sqlite(data_dir.join("kenes.db")),
            Some(u) if u.starts_with("postgres://") || u.starts_with("postgresql://") => {
                Self::Postgres(u.to_owned())
            }
            Some(u) => {
                let path = u
                    .strip_prefix("sqlite://")
                    .or_else(|| u.strip_prefix("sqlite:"))
                    .unwrap_or(u);
                Self::Sqlite(PathBuf::from(path))
            }
        }
    }

    pub fn name(&self) -> &'static str {
        match self {
            Self::Postgres(_) => "postgresql",
            Self::Sqlite(_) => "sqlite",
        }
    }

    /// For logs: never prints a password.
    pub fn describe(&self) -> String {
        match self {
            Self::Sqlite(path) => format!("sqlite:{}", path.display()),
            Self::Postgres(url) => match url.split_once('@') {
                Some((_, host)) => format!("postgresql://…@{host}"),
                None => url.clone(),
            },
        }
    }
}

/// Opens connections for the pool, choosing the backend explicitly rather than by trial
/// (diesel's `MultiConnection::establish` would fall back to SQLite and create a file
/// named after an unreachable PostgreSQL URL).
#[derive(Debug, Clone)]
pub struct AnyConnectionManager {
    backend: Backend,
    postgres_settings: &'static str,
    statements: Option<Arc<StatementCount>>,
}

/// The statements a pool's connections sent, for `/metrics` and the benchmarks: how
/// much database work a page costs (issue 16). On PostgreSQL each statement is a round
/// trip, and a statement prepared for the first time on its connection one more.
#[derive(Debug, Default)]
pub struct StatementCount {
    statements: AtomicU64,
    prepared: AtomicU64,
}

impl StatementCount {
    /// Statements run (queries, `BEGIN`/`COMMIT`, batches), and first preparations.
    pub fn get(&self) -> (u64, u64) {
        (
            self.statements.load(Ordering::Relaxed),
            self.prepared.load(Ordering::Relaxed),
        )
    }

    fn count(&self, event: InstrumentationEvent<'_>) {
        match event {
            InstrumentationEvent::StartQuery { .. } => {
                self.statements.fetch_add(1, Ordering::Relaxed);
            }
            InstrumentationEvent::CacheQuery { .. } => {
                self.prepared.fetch_add(1, Ordering::Relaxed);
            }
            _ => {}
        }
    }
}

/// SQLite settings for a server (diesel's documented recommendations): WAL so readers
/// never block the writer, a busy timeout so writers queue briefly instead of failing,
/// foreign keys enforced, and NORMAL sync, which is durable in WAL mode except for the
/// last transactions on power loss.
///
/// `busy_timeout` comes first so that the others wait rather than fail while another
/// connection holds a lock. WAL mode is a property of the file, set once in [`connect`].
const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 5000;
    PRAGMA synchronous = NORMAL;
    PRAGMA foreign_keys = ON;
    PRAGMA wal_autocheckpoint = 1000;";

impl AnyConnectionManager {
    pub fn new(backend: Backend) -> Self {
        Self {
            backend,
            postgres_settings: POSTGRES_SETTINGS,
            statements: None,
        }
    }

    /// Count the statements of every connection opened into `statements`.
    pub fn counting(mut self, statements: Arc<StatementCount>) -> Self {
        self.statements = Some(statements);
        self
    }

    /// For a thread that runs only fixed statements by key (see `crate::batch`).
    pub fn for_batches(backend: Backend) -> Self {
        Self {
            backend,
            postgres_settings: POSTGRES_BATCH_SETTINGS,
            statements: None,
        }
    }

    pub fn establish(&self) -> Result<AnyConnection, diesel::ConnectionError> {
        let mut conn = match &self.backend {
            Backend::Postgres(url) => {
                let mut conn = PgConnection::establish(url)?;
                conn.batch_execute(self.postgres_settings)
                    .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                AnyConnection::Postgres(conn)
            }
            Backend::Sqlite(path) => {
                let mut conn = SqliteConnection::establish(&path.to_string_lossy())?;
                conn.batch_execute(SQLITE_PRAGMAS)
                    .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                AnyConnection::Sqlite(conn)
            }
        };
        conn.set_instrumentation(ConnectionWatch {
            statements: self.statements.clone(),
            postgres: matches!(self.backend, Backend::Postgres(_)),
            last_answer: None,
            lost: false,
        });
        Ok(conn)
    }
}

/// A connection that answered within this long is handed out without a test query.
const RECENTLY_ANSWERED: std::time::Duration = std::time::Duration::from_secs(1);

/// What a connection's own statements tell about it: when it last answered, and whether
/// a statement failed because the server is gone. Lets the pool skip the test query
/// (`SELECT 1`, a round trip to PostgreSQL) on a connection in use, which under load
/// is every check-out: a page of two queries sent three (issue 16). An idle connection
/// is still tested, so one dropped while the database restarted is replaced unseen.
struct ConnectionWatch {
    statements: Option<Arc<StatementCount>>,
    postgres: bool,
    last_answer: Option<std::time::Instant>,
    lost: bool,
}

impl diesel::connection::Instrumentation for ConnectionWatch {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::FinishQuery { error, .. } = &event {
            match error {
                None => self.last_answer = Some(std::time::Instant::now()),
                // SQLite's file does not go away between statements; a locked or full
                // database is not a lost connection.
                Some(error) if self.postgres && is_outage(error) => self.lost = true,
                Some(_) => {}
            }
        }
        if let Some(statements) = &self.statements {
            statements.count(event);
        }
    }
}

fn watch(conn: &mut AnyConnection) -> Option<&mut ConnectionWatch> {
    conn.instrumentation().downcast_mut::<ConnectionWatch>()
}

impl ManageConnection for AnyConnectionManager {
    type Connection = AnyConnection;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<AnyConnection, r2d2::Error> {
        self.establish().map_err(r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), r2d2::Error> {
        let recent = watch(conn).is_some_and(|w| {
            !w.lost
                && w.last_answer
                    .is_some_and(|t| t.elapsed() < RECENTLY_ANSWERED)
        });
        if recent {
            return Ok(());
        }
        conn.batch_execute("SELECT 1")
            .map_err(r2d2::Error::QueryError)
    }

    /// A connection whose server went away, or left inside a failed transaction, is
    /// closed when returned rather than handed to the next request.
    fn has_broken(&self, conn: &mut AnyConnection) -> bool {
        watch(conn).is_some_and(|w| w.lost)
            || match conn {
                AnyConnection::Postgres(c) => {
                    AnsiTransactionManager::is_broken_transaction_manager(c)
                }
                AnyConnection::Sqlite(c) => {
                    AnsiTransactionManager::is_broken_transaction_manager(c)
                }
            }
    }
}

/// The versions of the migrations embedded in this binary for `backend`.
pub fn embedded_migration_versions(backend: &Backend) -> Result<Vec<String>, DbSetupError> {
    let migrations = match backend {
        Backend::Postgres(_) => POSTGRES_MIGRATIONS,
        Backend::Sqlite(_) => SQLITE_MIGRATIONS,
    };
    let found = match backend {
        Backend::Postgres(_) => {
            diesel::migration::MigrationSource::<diesel::pg::Pg>::migrations(&migrations)
                .map(|all| all.iter().map(|m| m.name().version().to_string()).collect())
        }
        Backend::Sqlite(_) => {
            diesel::migration::MigrationSource::<diesel::sqlite::Sqlite>::migrations(&migrations)
                .map(|all| all.iter().map(|m| m.name().version().to_string()).collect())
        }
    };
    found.map_err(|e| DbSetupError::Migrations(e.to_string()))
}

#[derive(Debug, thiserror::Error)]
pub enum DbSetupError {
    #[error("cannot create the data directory {path}: {source}")]
    DataDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot connect to the database ({what}): {source}")]
    Connect {
        what: String,
        source: r2d2::PoolError,
    },
    #[error("{0}")]
    Sqlite(String),
    #[error("cannot apply migrations: {0}")]
    Migrations(String),
}

/// Build the pool. The SQLite file's directory is created if missing.
pub fn connect(
    backend: &Backend,
    max_size: u32,
    timeout: Duration,
) -> Result<DbPool, DbSetupError> {
    if let Backend::Sqlite(path) = backend {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| DbSetupError::DataDir {
                path: dir.to_owned(),
                source,
            })?;
        }
    }
    if let Backend::Sqlite(path) = backend {
        // Switch the file to WAL before the pool opens its connections concurrently.
        let mut conn = SqliteConnection::establish(&path.to_string_lossy())
            .map_err(|e| DbSetupError::Sqlite(format!("cannot open {}: {e}", path.display())))?;
        conn.batch_execute("PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL;")
            .map_err(|e| DbSetupError::Sqlite(format!("cannot enable WAL mode: {e}")))?;
    }
    let statements = Arc::new(StatementCount::default());
    let changes = Arc::new(changes::ChangeClock::default());
    r2d2::Pool::builder()
        .max_size(max_size)
        .connection_timeout(timeout)
        .error_handler(Box::new(LimitedErrorLog))
        .build(AnyConnectionManager::new(backend.clone()).counting(Arc::clone(&statements)))
        .map(|pool| DbPool::new(pool, backend.clone(), statements, changes))
        .map_err(|source| DbSetupError::Connect {
            what: backend.describe(),
            source,
        })
}

/// r2d2 reports every failed attempt to open a connection; during an outage that is
/// several a second per process. The same error is logged once per interval, with
/// how often it repeated.
#[derive(Debug)]
struct LimitedErrorLog;

impl r2d2::HandleError<r2d2::Error> for LimitedErrorLog {
    fn handle_error(&self, error: r2d2::Error) {
        let text = error.to_string();
        if let Some(repeated) = crate::telemetry::limited("cannot open a connection", &text) {
            tracing::warn!(error = %text, repeated, "cannot open a database connection; retrying");
        }
    }
}

/// Whether this error means the database cannot be reached or used for now (a lost
/// connection, a server shutting down, SQLite's file locked, unopenable or its disk
/// failing) rather than that this request was wrong: such a request may be retried,
/// and is answered 503 with `Retry-After`, never 500.
pub fn is_outage(error: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match error {
        Error::DatabaseError(DatabaseErrorKind::ClosedConnection, _) => true,
        Error::DatabaseError(_, info) => {
            let message = info.message().to_ascii_lowercase();
            [
                // PostgreSQL (libpq and the server's FATAL messages).
                "server closed the connection",
                "terminating connection",
                "no connection to the server",
                "connection to server",
                "could not receive data",
                "could not send data",
                "the database system is",
                "is not currently accepting connections",
                "too many clients",
                "remaining connection slots",
                // SQLite.
                "database is locked",
                "unable to open database file",
                "disk i/o error",
                "database or disk is full",
                "attempt to write a readonly database",
            ]
            .iter()
            .any(|needle| message.contains(needle))
        }
        _ => false,
    }
}

/// Apply pending migrations; returns how many ran. On PostgreSQL several servers may
/// start at once on a new database: an advisory lock lets one apply them while the
/// others wait and then find nothing to do.
pub fn run_migrations(conn: &mut AnyConnection) -> Result<usize, DbSetupError> {
    if let AnyConnection::Postgres(_) = conn {
        advisory::lock(conn, advisory::Task::Migrations).map_err(|e| {
            DbSetupError::Migrations(format!("waiting for the migration lock: {e}"))
        })?;
        let applied = run_migrations_unlocked(conn);
        let _ = advisory::unlock(conn, advisory::Task::Migrations);
        return applied;
    }
    run_migrations_unlocked(conn)
}

fn run_migrations_unlocked(conn: &mut AnyConnection) -> Result<usize, DbSetupError> {
    let applied = match conn {
        AnyConnection::Postgres(c) => c
            .run_pending_migrations(POSTGRES_MIGRATIONS)
            .map(|v| v.len()),
        AnyConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
    };
    applied.map_err(|e| DbSetupError::Migrations(e.to_string()))
}

/// Revert every applied migration (their `down.sql`); returns how many were reverted.
/// Used by the tests that check both directions of every migration.
pub fn revert_all_migrations(conn: &mut AnyConnection) -> Result<usize, DbSetupError> {
    let reverted = match conn {
        AnyConnection::Postgres(c) => c
            .revert_all_migrations(POSTGRES_MIGRATIONS)
            .map(|v| v.len()),
        AnyConnection::Sqlite(c) => c.revert_all_migrations(SQLITE_MIGRATIONS).map(|v| v.len()),
    };
    reverted.map_err(|e| DbSetupError::Migrations(e.to_string()))
}

static SQLITE_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Session settings for PostgreSQL. The queue's pages are short queries whose best plan
/// depends on the values (a common or a rare search word, a large or a small clause):
/// plan each with its values rather than reuse a generic plan, and skip JIT
/// compilation, which costs hundreds of milliseconds and pays off only for long
/// analytical queries. A capped scan (the queue's counts read at most 2,000 rows)
/// must start at the table's beginning, not join another scan midway where the rows
/// it wants may be far apart (measured on 1,000,000 suggestions).
const POSTGRES_SETTINGS: &str =
    "SET plan_cache_mode = force_custom_plan; SET jit = off; SET synchronize_seqscans = off;";

/// Session settings for the batch threads (sessions, votes): their statements are a
/// few fixed look-ups and writes by key, whose plan does not depend on the values, so
/// each is planned once and the plan reused. That includes the foreign-key checks
/// PostgreSQL runs for every vote row: planned anew per row under
/// `force_custom_plan`, weighing each of the suggestions table's indexes, they and
/// the vote statement's own planning were over a third of the vote writer's database
/// time.
const POSTGRES_BATCH_SETTINGS: &str = "SET plan_cache_mode = force_generic_plan; SET jit = off;";

/// Run `f` in a transaction that holds the write lock from its first statement.
///
/// On SQLite a deferred transaction that reads and then writes fails at once with
/// SQLITE_BUSY when another writer got in between, whatever `busy_timeout` says; so
/// every write transaction is `BEGIN IMMEDIATE` there. PostgreSQL uses a plain one.
pub fn write_transaction<T, E, F>(conn: &mut AnyConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    // SQLite has one writer at a time, and a writer that finds the lock taken sleeps
    // and polls (busy_timeout backs off in milliseconds). Queueing this process's
    // writers on a mutex instead hands the lock over at once. Other processes on the
    // same file still meet busy_timeout.
    let _writer = match conn {
        AnyConnection::Sqlite(_) => Some(
            SQLITE_WRITER
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        ),
        AnyConnection::Postgres(_) => None,
    };
    match conn {
        AnyConnection::Sqlite(c) => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?
        }
        AnyConnection::Postgres(_) => {
            <AnyConnection as Connection>::TransactionManager::begin_transaction(conn)?
        }
    }
    match f(conn) {
        Ok(value) => {
            if let Err(commit_error) =
                <AnyConnection as Connection>::TransactionManager::commit_transaction(conn)
            {
                let _ =
                    <AnyConnection as Connection>::TransactionManager::rollback_transaction(conn);
                return Err(commit_error.into());
            }
            Ok(value)
        }
        Err(error) => {
            <AnyConnection as Connection>::TransactionManager::rollback_transaction(conn)?;
            Err(error)
        }
    }
}

/// Run `f` in one read-only snapshot: everything it reads is as of one moment, however
/// long it takes (an export of a million rows while citizens keep voting). SQLite in
/// WAL mode gives a deferred transaction's reads one snapshot; PostgreSQL needs
/// REPEATABLE READ.
pub fn read_snapshot<T, E, F>(conn: &mut AnyConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    match conn {
        AnyConnection::Sqlite(c) => AnsiTransactionManager::begin_transaction_sql(c, "BEGIN")?,
        AnyConnection::Postgres(c) => AnsiTransactionManager::begin_transaction_sql(
            c,
            "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        )?,
    }
    let result = f(conn);
    // Nothing was written: ending the transaction either way only releases the snapshot.
    let _ = <AnyConnection as Connection>::TransactionManager::rollback_transaction(conn);
    result
}

/// Refresh the query planner's statistics after large changes (a seed, an import), so
/// that it picks the right index for the queue's filters. SQLite keeps none unless
/// asked; PostgreSQL's autovacuum would get there, later.
pub fn refresh_statistics(conn: &mut AnyConnection, full: bool) -> diesel::QueryResult<()> {
    match conn {
        AnyConnection::Sqlite(c) => {
            let sql = if full { "ANALYZE" } else { "PRAGMA optimize" };
            c.batch_execute(sql)?;
        }
        AnyConnection::Postgres(c) => {
            if full {
                c.batch_execute("ANALYZE")?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_from_url() {
        let dir = Path::new("/var/kenes");
        assert_eq!(
            Backend::from_url(None, dir),
            Backend::Sqlite(dir.join("kenes.db"))
        );
        assert_eq!(
            Backend::from_url(Some(""), dir),
            Backend::Sqlite(dir.join("kenes.db"))
        );
        assert_eq!(
            Backend::from_url(Some("sqlite:///tmp/k.db"), dir),
            Backend::Sqlite("/tmp/k.db".into())
        );
        assert_eq!(
            Backend::from_url(Some("k.db"), dir),
            Backend::Sqlite("k.db".into())
        );
        assert!(matches!(
            Backend::from_url(Some("postgres://u:secret@h/db"), dir),
            Backend::Postgres(_)
        ));
        assert_eq!(
            Backend::from_url(Some("postgres://u:secret@h/db"), dir).describe(),
            "postgresql://…@h/db"
        );
    }
}
