//! The moderation workbench's data, one file per job: the queue, the log, decisions
//! (one, bulk, merges), working the queue (claims, assignment, tags, notes, canned
//! responses), reports and blocking, the dashboard, and clusters.
//!
//! Every change here writes its `moderation_log` row in the same transaction (callers
//! wrap calls in [`crate::db::write_transaction`]). The table refuses updates and
//! deletes by trigger, so the log is append-only in the database itself.

mod clusters;
mod dashboard;
mod decisions;
mod log;
mod queue;
mod reports;
mod work;

pub use clusters::*;
pub use dashboard::*;
pub use decisions::*;
pub use log::*;
pub use queue::*;
pub use reports::*;
pub use work::*;

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::schema::suggestions;

/// How long a claim holds when its holder does nothing.
pub const CLAIM_MINUTES: i64 = 15;

pub fn tracking_number(conn: &mut AnyConnection, id: i64) -> QueryResult<String> {
    suggestions::table
        .find(id)
        .select(suggestions::tracking_number)
        .first(conn)
}

pub fn id_by_number(conn: &mut AnyConnection, number: &str) -> QueryResult<Option<i64>> {
    suggestions::table
        .filter(suggestions::tracking_number.eq(number))
        .select(suggestions::id)
        .first(conn)
        .optional()
}
