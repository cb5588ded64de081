//! Writing exports: rows are read in id order, a chunk at a time, inside one read-only
//! snapshot, and written as CSV to a sink as they come, so memory stays flat whatever
//! the row count and the first bytes leave at once. The web route's sink is a channel
//! to the response (a client that goes away stops the work); the CLI's is a file.
//!
//! - [`dictionary`]: what every column means (the analysts' contract).
//! - [`output`]: CSV and JSON writing, spreadsheet safety, the byte-order mark, the
//!   sink, and the byte count and SHA-256 the audit log records.
//! - [`analyst`]: the five kinds of analyst export.
//! - [`open_data`]: the public files.

pub mod analyst;
pub mod dictionary;
pub mod open_data;
pub mod output;

pub use dictionary::{dictionary_markdown, Column, DICTIONARY};
pub use open_data::OpenData;
pub use output::{Format, Sink};

use crate::db::{self, AnyConnection};
use crate::domain::export::ExportKind;
use crate::domain::queue::QueueFilter;
use crate::models::{audit, moderation};

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub kind: ExportKind,
    pub filter: QueueFilter,
    /// Start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8.
    pub excel: bool,
}

/// What was exported, as recorded in the audit log.
#[derive(Debug, Clone)]
pub struct ExportReport {
    pub rows: u64,
    pub sha256: String,
    pub bytes: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the receiver went away")]
    Disconnected,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Csv(#[from] csv::Error),
}

/// Run an export into `sink` (which returns false when the receiver has gone), inside
/// one consistent snapshot, then record it in the audit log with its row count and
/// SHA-256.
pub fn run(
    conn: &mut AnyConnection,
    request: &ExportRequest,
    actor_id: Option<i64>,
    file_name: &str,
    sink: Sink<'_>,
) -> Result<ExportReport, ExportError> {
    let written = db::read_snapshot(conn, |conn| {
        let resolved = moderation::resolve(conn, &request.filter, actor_id.unwrap_or(0))?;
        let header = analyst::header(request.kind)?;
        let mut out = output::Output::csv(sink, request.excel, &header)?;
        analyst::write(conn, request.kind, &resolved, &mut out)?;
        out.finish()
    })?;
    db::write_transaction(conn, |conn| {
        audit::record(
            conn,
            actor_id,
            "export",
            request.kind.as_str(),
            &serde_json::json!({
                "file": file_name,
                "filters": request.filter.query_string(),
                "rows": written.rows,
                "bytes": written.bytes,
                "sha256": written.sha256,
                "excel": request.excel,
            }),
        )
    })?;
    Ok(ExportReport {
        rows: written.rows,
        sha256: written.sha256,
        bytes: written.bytes,
    })
}

/// Write an open-data file: public suggestions (or per-clause counts of them) of one
/// consultation or all, in one snapshot.
pub fn open_data(
    conn: &mut AnyConnection,
    which: OpenData,
    format: Format,
    consultation: Option<crate::domain::Slug>,
    sink: Sink<'_>,
) -> Result<u64, ExportError> {
    let filter = QueueFilter {
        consultation,
        public_only: true,
        ..QueueFilter::default()
    };
    db::read_snapshot(conn, |conn| {
        let resolved = moderation::resolve(conn, &filter, 0)?;
        open_data::write(conn, which, format, &resolved, sink)
    })
}
