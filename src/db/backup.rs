//! Backups of an SQLite database, and restoring one (`kenes backup`, `kenes restore`).
//!
//! A backup is taken while the server runs: `VACUUM INTO` writes a copy of the
//! database as of one read snapshot (WAL lets writers go on meanwhile), compacted,
//! to a new file. It is SQLite's own online copy; the C backup API is not reachable
//! from diesel without unsafe code, which this crate forbids. The copy is written
//! under a temporary name and renamed when complete, so a backup file is never half
//! written, and checked the way a restore checks it.
//!
//! A restore refuses anything that is not a Kenes database of a schema this binary
//! knows: not an SQLite file, failing SQLite's integrity check, without the migrations
//! table, or with a migration this binary does not have (a backup made by a newer
//! version). A backup of an older schema is fine: the next start applies the
//! missing migrations. PostgreSQL has its own tools (`pg_dump`, base backups); see
//! `docs/deployment.md`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use diesel::connection::SimpleConnection;
use diesel::sql_types::{BigInt, Text};
use diesel::{Connection, QueryableByName, RunQueryDsl, SqliteConnection};

use super::{AnyConnection, DbSetupError};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} already exists; choose a new file name")]
    Exists(PathBuf),
    #[error("{path} is not an SQLite database")]
    NotSqlite { path: PathBuf },
    #[error("{path} is damaged: SQLite's integrity check says {problem}")]
    Damaged { path: PathBuf, problem: String },
    #[error("{path} is not a Kenes database (it has no migrations table)")]
    NotKenes { path: PathBuf },
    #[error(
        "{path} has a schema this version of Kenes does not know (migrations {unknown}); \
         it was made by a newer version: restore it with that version"
    )]
    UnknownSchema { path: PathBuf, unknown: String },
    #[error(
        "{path} seems to be in use ({wal} exists): stop every kenes process using it \
         first; if none runs, start and stop one once (`kenes migrate`) and try again"
    )]
    InUse { path: PathBuf, wal: PathBuf },
    #[error("{what} {path}: {source}")]
    Io {
        what: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Database(String),
}

impl From<DbSetupError> for BackupError {
    fn from(error: DbSetupError) -> Self {
        Self::Database(error.to_string())
    }
}

fn io<'a>(what: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> BackupError + 'a {
    move |source| BackupError::Io {
        what,
        path: path.to_owned(),
        source,
    }
}

/// What a checked backup holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    pub migrations: usize,
    pub suggestions: i64,
    pub upvotes: i64,
    pub users: i64,
    pub bytes: u64,
}

/// Write a consistent copy of the SQLite database behind `conn` to `target`, which
/// must not exist, then check it.
pub fn sqlite_backup(
    conn: &mut AnyConnection,
    target: &Path,
) -> Result<BackupSummary, BackupError> {
    if target.exists() {
        return Err(BackupError::Exists(target.to_owned()));
    }
    let AnyConnection::Sqlite(lite) = conn else {
        return Err(BackupError::Database(
            "kenes backup copies SQLite databases; for PostgreSQL use pg_dump".into(),
        ));
    };
    let partial = sibling(target, ".partial");
    let _ = std::fs::remove_file(&partial);
    diesel::sql_query("VACUUM INTO ?")
        .bind::<Text, _>(partial.to_string_lossy().into_owned())
        .execute(lite)
        .map_err(|e| BackupError::Database(format!("copying the database: {e}")))?;
    let embedded = super::embedded_migration_versions(&super::Backend::Sqlite(PathBuf::new()))?;
    let summary = inspect_sqlite(&partial, &embedded);
    if summary.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    let summary = summary?;
    std::fs::rename(&partial, target).map_err(io("renaming the backup to", target))?;
    Ok(summary)
}

/// Check that `path` is a sound Kenes SQLite database whose migrations are all among
/// `known` (this binary's), and count what it holds.
pub fn inspect_sqlite(path: &Path, known: &[String]) -> Result<BackupSummary, BackupError> {
    let mut header = [0u8; 16];
    let read = std::fs::File::open(path)
        .and_then(|mut file| std::io::Read::read_exact(&mut file, &mut header))
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::UnexpectedEof => BackupError::NotSqlite {
                path: path.to_owned(),
            },
            _ => BackupError::Io {
                what: "reading",
                path: path.to_owned(),
                source: e,
            },
        });
    read?;
    if &header != b"SQLite format 3\0" {
        return Err(BackupError::NotSqlite {
            path: path.to_owned(),
        });
    }
    let bytes = std::fs::metadata(path).map_err(io("reading", path))?.len();
    let url = format!("file:{}?mode=ro", path.to_string_lossy());
    let mut conn = SqliteConnection::establish(&url).map_err(|_| BackupError::NotSqlite {
        path: path.to_owned(),
    })?;
    let check: Vec<Line> = diesel::sql_query("PRAGMA quick_check")
        .load(&mut conn)
        .map_err(|e| BackupError::Damaged {
            path: path.to_owned(),
            problem: e.to_string(),
        })?;
    let problems: Vec<String> = check
        .into_iter()
        .map(|l| l.quick_check)
        .filter(|l| l != "ok")
        .collect();
    if !problems.is_empty() {
        return Err(BackupError::Damaged {
            path: path.to_owned(),
            problem: problems.join("; "),
        });
    }
    let stored: Vec<Version> =
        diesel::sql_query("SELECT version FROM __diesel_schema_migrations ORDER BY version")
            .load(&mut conn)
            .map_err(|_| BackupError::NotKenes {
                path: path.to_owned(),
            })?;
    let known: BTreeSet<&str> = known.iter().map(String::as_str).collect();
    let unknown: Vec<&str> = stored
        .iter()
        .map(|v| v.version.as_str())
        .filter(|v| !known.contains(v))
        .collect();
    if !unknown.is_empty() {
        return Err(BackupError::UnknownSchema {
            path: path.to_owned(),
            unknown: unknown.join(", "),
        });
    }
    // The first migration made the tables counted here.
    if stored.is_empty() {
        return Err(BackupError::NotKenes {
            path: path.to_owned(),
        });
    }
    let count = |conn: &mut SqliteConnection, sql: &str| -> Result<i64, BackupError> {
        diesel::sql_query(sql)
            .get_result::<Count>(conn)
            .map(|c| c.n)
            .map_err(|_| BackupError::NotKenes {
                path: path.to_owned(),
            })
    };
    Ok(BackupSummary {
        migrations: stored.len(),
        suggestions: count(&mut conn, "SELECT COUNT(*) AS n FROM suggestions")?,
        upvotes: count(&mut conn, "SELECT COUNT(*) AS n FROM upvotes")?,
        users: count(&mut conn, "SELECT COUNT(*) AS n FROM users")?,
        bytes,
    })
}

/// Put the checked backup `source` in place of the SQLite database at `target`. The
/// database it replaces is kept beside it as `<name>.before-restore-<time>`. Every
/// process using `target` must be stopped first.
pub fn sqlite_restore(
    source: &Path,
    target: &Path,
    known: &[String],
) -> Result<(BackupSummary, Option<PathBuf>), BackupError> {
    let summary = inspect_sqlite(source, known)?;
    let wal = sibling(target, "-wal");
    if wal.exists() {
        return Err(BackupError::InUse {
            path: target.to_owned(),
            wal,
        });
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(io("creating", dir))?;
    }
    let incoming = sibling(target, ".restoring");
    std::fs::copy(source, &incoming).map_err(io("copying the backup to", &incoming))?;
    std::fs::File::open(&incoming)
        .and_then(|f| f.sync_all())
        .map_err(io("writing", &incoming))?;
    let kept = if target.exists() {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
        let kept = sibling(target, &format!(".before-restore-{stamp}"));
        std::fs::rename(target, &kept).map_err(io("setting aside", target))?;
        let shm = sibling(target, "-shm");
        let _ = std::fs::remove_file(shm);
        Some(kept)
    } else {
        None
    };
    std::fs::rename(&incoming, target).map_err(io("putting the backup at", target))?;
    // The copy is in WAL mode like every Kenes database (VACUUM INTO keeps the mode
    // of the file it writes: rollback journal); switch it now, before a server opens it.
    let mut conn = SqliteConnection::establish(&target.to_string_lossy())
        .map_err(|e| BackupError::Database(e.to_string()))?;
    conn.batch_execute("PRAGMA journal_mode = WAL;")
        .map_err(|e| BackupError::Database(e.to_string()))?;
    Ok((summary, kept))
}

/// `path` with `suffix` appended to its file name.
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

#[derive(QueryableByName)]
struct Line {
    #[diesel(sql_type = Text)]
    quick_check: String,
}

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = Text)]
    version: String,
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}
