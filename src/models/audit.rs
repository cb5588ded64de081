//! The append-only audit log of administrative actions: who did what to what, when.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::schema::audit_log;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditEntry {
    pub id: i64,
    pub actor_user_id: Option<i64>,
    pub action: String,
    pub subject: String,
    pub details: String,
    pub created_at: NaiveDateTime,
}

/// Record an action; call in the same transaction as the change it describes.
pub fn record(
    conn: &mut AnyConnection,
    actor_user_id: Option<i64>,
    action: &str,
    subject: &str,
    details: &serde_json::Value,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::actor_user_id.eq(actor_user_id),
            audit_log::action.eq(action),
            audit_log::subject.eq(subject),
            audit_log::details.eq(details.to_string()),
            audit_log::created_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn recent(conn: &mut AnyConnection, limit: i64) -> QueryResult<Vec<AuditEntry>> {
    audit_log::table
        .order(audit_log::id.desc())
        .limit(limit)
        .select(AuditEntry::as_select())
        .load(conn)
}

/// The latest entries of one action (e.g. `export`), newest first.
pub fn recent_of(
    conn: &mut AnyConnection,
    action: &str,
    limit: i64,
) -> QueryResult<Vec<AuditEntry>> {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .order(audit_log::id.desc())
        .limit(limit)
        .select(AuditEntry::as_select())
        .load(conn)
}
