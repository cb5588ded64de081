//! Importing a draft version, as the admin page's upload and `kenes import-draft` both
//! do: the all-or-nothing import of one or more languages (a new version, or languages
//! added to an existing one), then its audit row.

use crate::db::{self, AnyConnection};
use crate::import::{self, ImportFailure, ImportRequest};
use crate::models::{audit, document};

pub use super::Actor;

/// Import `request` (the next version of its consultation, or more languages of the
/// version it names) and record who did it.
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
                "files": request.files.iter().map(|f| f.file_name).collect::<Vec<_>>(),
                "languages": stored.languages.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
                "into_version": request.into_version,
                "articles": stored.articles,
                "clauses": stored.clauses,
                "via": actor.via(),
            }),
        )
    })?;
    Ok(stored)
}
