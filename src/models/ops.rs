//! What operators watch, read from the database for `/metrics` (see
//! `crate::metrics`): the mail outbox and the moderation backlog. Each is a count on
//! an index or on the per-status count rows, cheap enough to read at every scrape.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use crate::db::AnyConnection;
use crate::schema::{outbox, suggestions};

/// The backlogs of the whole site.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Backlogs {
    /// Mail not sent yet (and not refused for good), and when the oldest was queued.
    pub outbox: i64,
    pub outbox_oldest: Option<NaiveDateTime>,
    /// Suggestions awaiting moderation, and when the oldest was submitted.
    pub pending: i64,
    pub pending_oldest: Option<NaiveDateTime>,
}

#[derive(QueryableByName)]
struct Sum {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

pub fn backlogs(conn: &mut AnyConnection) -> QueryResult<Backlogs> {
    let unsent = || {
        outbox::table
            .filter(outbox::sent_at.is_null())
            .filter(outbox::failed_at.is_null())
    };
    let outbox_count: i64 = unsent().count().get_result(conn)?;
    let outbox_oldest: Option<NaiveDateTime> = unsent()
        .order(outbox::id)
        .select(outbox::created_at)
        .first(conn)
        .optional()?;
    // The triggers' count rows (see the queue_speed migration), not a count of rows.
    let pending = diesel::sql_query(
        "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) AS n FROM suggestion_counts \
         WHERE status = 'pending'",
    )
    .get_result::<Sum>(conn)?
    .n;
    let pending_oldest: Option<NaiveDateTime> = suggestions::table
        .filter(suggestions::status.eq("pending"))
        .order(suggestions::id)
        .select(suggestions::created_at)
        .first(conn)
        .optional()?;
    Ok(Backlogs {
        outbox: outbox_count,
        outbox_oldest,
        pending,
        pending_oldest,
    })
}
