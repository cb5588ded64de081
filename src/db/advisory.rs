//! Work that must run in one process at a time, whatever the number of servers on one
//! PostgreSQL: applying migrations, the clustering pass, housekeeping and the daily
//! summaries. Each takes a PostgreSQL advisory lock of its own (session level, so
//! that it spans the many transactions of a pass); a process that finds it taken
//! skips its turn. The lock is held on a connection opened for the purpose and closed
//! afterwards ([`exclusively`]), so it can never outlive the work by going back into
//! the pool, and it goes away with the connection if the process dies.
//!
//! SQLite has no advisory locks; one server per database file is the supported
//! deployment there, and its write transactions are serialised anyway.

use diesel::sql_types::{BigInt, Bool};
use diesel::{QueryResult, QueryableByName, RunQueryDsl};

use super::{AnyConnection, DbPool};

/// The tasks that run once at a time. The keys are arbitrary but fixed forever:
/// "kenes" in ASCII in the high bytes, the task in the low byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Task {
    Migrations,
    Clustering,
    Housekeeping,
}

impl Task {
    fn key(self) -> i64 {
        let base: i64 = 0x6b65_6e65_7300_0000;
        base + match self {
            Self::Migrations => 1,
            Self::Clustering => 2,
            Self::Housekeeping => 3,
        }
    }
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = Bool)]
    locked: bool,
}

/// Wait for the task's lock (PostgreSQL; nothing on SQLite).
pub fn lock(conn: &mut AnyConnection, task: Task) -> QueryResult<()> {
    if let AnyConnection::Postgres(pg) = conn {
        diesel::sql_query("SELECT true AS locked FROM pg_advisory_lock($1)")
            .bind::<BigInt, _>(task.key())
            .execute(pg)?;
    }
    Ok(())
}

/// Take the task's lock if it is free; `false` when another session holds it.
pub fn try_lock(conn: &mut AnyConnection, task: Task) -> QueryResult<bool> {
    match conn {
        AnyConnection::Postgres(pg) => {
            diesel::sql_query("SELECT pg_try_advisory_lock($1) AS locked")
                .bind::<BigInt, _>(task.key())
                .get_result::<Locked>(pg)
                .map(|r| r.locked)
        }
        AnyConnection::Sqlite(_) => Ok(true),
    }
}

pub fn unlock(conn: &mut AnyConnection, task: Task) -> QueryResult<bool> {
    match conn {
        AnyConnection::Postgres(pg) => diesel::sql_query("SELECT pg_advisory_unlock($1) AS locked")
            .bind::<BigInt, _>(task.key())
            .get_result::<Locked>(pg)
            .map(|r| r.locked),
        AnyConnection::Sqlite(_) => Ok(true),
    }
}

/// Run `work` unless another process is running the same task: `Ok(None)` when it
/// is. On PostgreSQL on a connection of its own that holds the task's lock; on SQLite
/// on a pooled connection.
pub fn exclusively<T>(
    pool: &DbPool,
    task: Task,
    work: impl FnOnce(&mut AnyConnection) -> T,
) -> anyhow::Result<Option<T>> {
    if let super::Backend::Sqlite(_) = pool.backend() {
        let mut conn = pool.get()?;
        return Ok(Some(work(&mut conn)));
    }
    let mut conn = pool.dedicated()?;
    if !try_lock(&mut conn, task)? {
        return Ok(None);
    }
    let result = work(&mut conn);
    // Closing the connection would release the lock too; unlocking says so sooner.
    let _ = unlock(&mut conn, task);
    Ok(Some(result))
}
