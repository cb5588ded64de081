//! Exports, one path for the web and the command line: `GET /analytics/export` and
//! `kenes export` both parse what they were given into an [`ExportRequest`] and call
//! [`run_export`]; the statistics CSVs and the open-data files come through here too.
//!
//! An export is read in one read-only snapshot and streamed to a sink as it is
//! written (see [`crate::export`]); then, in a transaction of its own, one `export`
//! row in the audit log records who exported what, with which filter, how many rows
//! and bytes, and the file's SHA-256, so that a file can later be checked against it.

use serde_json::json;

use crate::db::{self, AnyConnection};
use crate::domain::export::{file_name, ExportKind};
use crate::domain::queue::{export_filter, QueueFilter};
use crate::domain::Slug;
use crate::export::{analyst, open_data, output::Output};
pub use crate::export::{ExportError, Format, OpenData, Sink};
use crate::models::{audit, moderation, now};

/// An analyst export, checked: what to export, for whom, and under which file name
/// it is recorded.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub kind: ExportKind,
    pub filter: QueueFilter,
    /// Start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8.
    pub excel: bool,
    /// Who exports (`None`: the command line).
    pub actor: Option<i64>,
    pub file_name: String,
}

impl ExportRequest {
    /// An export as the web or the CLI gives it: the kind's name, a filter written as
    /// on the moderation queue's address (`status=published&article=5&q=тіл`; names it
    /// does not know are ignored, status defaults to every status), and a consultation
    /// that overrides the filter's. The file is named `kenes-<kind>-<consultation or
    /// all>-<UTC time>.csv` unless [`Self::saved_as`] says otherwise.
    pub fn parse(
        kind: &str,
        filter: &str,
        consultation: Option<&str>,
        excel: bool,
        actor: Option<i64>,
    ) -> Result<Self, ExportError> {
        let kind: ExportKind = kind.parse().map_err(ExportError::UnknownKind)?;
        let filter = export_filter(filter, consultation).map_err(ExportError::InvalidFilter)?;
        let file_name = file_name(kind, filter.consultation.as_ref().map(Slug::as_str), now());
        Ok(Self {
            kind,
            filter,
            excel,
            actor,
            file_name,
        })
    }

    /// The same export, recorded under this file name (the CLI's `--out`).
    pub fn saved_as(self, file_name: String) -> Self {
        Self { file_name, ..self }
    }
}

/// What was exported, as the audit log records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportReceipt {
    pub file_name: String,
    pub rows: u64,
    pub bytes: u64,
    pub sha256: String,
}

/// Write an export into `sink` (which returns false when the receiver has gone: the
/// export stops with [`ExportError::Disconnected`] and is not recorded), inside one
/// consistent snapshot, then record it in the audit log.
pub fn run_export(
    conn: &mut AnyConnection,
    request: &ExportRequest,
    sink: Sink<'_>,
) -> Result<ExportReceipt, ExportError> {
    let written = db::read_snapshot(conn, |conn| {
        let resolved = moderation::resolve(conn, &request.filter, request.actor.unwrap_or(0))?;
        let mut out = Output::csv(sink, request.excel, &analyst::header(request.kind)?)?;
        analyst::write(conn, request.kind, &resolved, &mut out)?;
        out.finish()
    })?;
    let receipt = ExportReceipt {
        file_name: request.file_name.clone(),
        rows: written.rows,
        bytes: written.bytes,
        sha256: written.sha256,
    };
    record(
        conn,
        request.actor,
        request.kind.as_str(),
        json!({
            "file": receipt.file_name,
            "filters": request.filter.query_string(),
            "rows": receipt.rows,
            "bytes": receipt.bytes,
            "sha256": receipt.sha256,
            "excel": request.excel,
        }),
    )?;
    Ok(receipt)
}

/// One statistics chart's table as a CSV file of `label,count` rows (a withheld count
/// is empty), recorded in the audit log as every export is. `filters` is the chart's
/// filter as the address gave it. Returns the file's bytes and its receipt.
pub fn statistics_csv(
    conn: &mut AnyConnection,
    chart: &str,
    consultation: Option<&Slug>,
    filters: &str,
    rows: Vec<(String, Option<i64>)>,
    actor: i64,
) -> Result<(Vec<u8>, ExportReceipt), ExportError> {
    let mut bytes = Vec::new();
    let mut sink = |chunk: Vec<u8>| {
        bytes.extend(chunk);
        true
    };
    let written = analyst::statistics(&mut sink, rows)?;
    let receipt = ExportReceipt {
        file_name: format!(
            "kenes-statistics-{chart}-{}-{}.csv",
            consultation.map_or("all", Slug::as_str),
            now().format("%Y%m%dT%H%M%SZ")
        ),
        rows: written.rows,
        bytes: written.bytes,
        sha256: written.sha256,
    };
    record(
        conn,
        Some(actor),
        "statistics",
        json!({
            "file": receipt.file_name,
            "filters": filters,
            "rows": receipt.rows,
            "bytes": receipt.bytes,
            "sha256": receipt.sha256,
        }),
    )?;
    Ok((bytes, receipt))
}

/// Write an open-data file: the public suggestions (or per-clause counts of them) of
/// one consultation or all, in one snapshot. Returns how many records it holds. Open
/// data is public and anonymous, so it is not recorded in the audit log.
pub fn open_data(
    conn: &mut AnyConnection,
    which: OpenData,
    format: Format,
    consultation: Option<Slug>,
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

/// The audit row of an export.
fn record(
    conn: &mut AnyConnection,
    actor: Option<i64>,
    subject: &str,
    details: serde_json::Value,
) -> Result<(), ExportError> {
    db::write_transaction(conn, |conn| {
        audit::record(conn, actor, "export", subject, &details)
    })?;
    Ok(())
}
