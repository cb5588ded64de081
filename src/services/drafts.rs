//! Importing a draft version, as the admin page's upload and `kenes import-draft` both
//! do: the all-or-nothing import, then its audit row.

use crate::db::{self, AnyConnection};
use crate::import::{self, ImportFailure, ImportRequest};
use crate::models::{audit, document};

pub use super::Actor;

/// Import `request` as the next version of its consultation and record who did it.
pub fn import(
    conn: &mut AnyConnection,
    request: &ImportRequest<'_>,
    actor: Actor<'_>,
) -> Result<document::StoredVersion, ImportFailure> {
    let stored = import::import_draft(conn, request)?;
    db::write_transaction(conn, |conn| {
        audit::record(
            conn,
            actor.id(),
            "version_import",
            &format!("consultation:{}", request.consultation),
            &serde_json::json!({
                "version": stored.version.number,
                "file": request.file_name,
                "articles": stored.articles,
                "clauses": stored.clauses,
                "via": actor.via(),
            }),
        )
    })?;
    Ok(stored)
}
