//! Writing export files: CSV for analysts, CSV and JSON for open data. Rows are read
//! in id order, a chunk at a time, and written to a sink as they come, so memory stays
//! flat whatever the row count and the first bytes leave at once. The web's sink is a
//! channel to the response (a client that goes away stops the work); the CLI's is a
//! file. Snapshots, checks and the audit record are the service's
//! ([`crate::services::exports`]); this module only writes.
//!
//! - [`dictionary`]: what every column means (the analysts' contract).
//! - [`output`]: CSV and JSON writing, spreadsheet safety, the byte-order mark, the
//!   sink, and the byte count and SHA-256 the audit log records.
//! - [`analyst`]: the five kinds of analyst export and the statistics tables.
//! - [`open_data`]: the public files.

pub mod analyst;
pub mod dictionary;
pub mod open_data;
pub mod output;

pub use dictionary::{dictionary_markdown, Column, DICTIONARY};
pub use open_data::OpenData;
pub use output::{Format, Sink};

/// Why an export was refused or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Not a kind of export (the message lists the kinds).
    #[error("{0}")]
    UnknownKind(String),
    /// The filter's field of this name has a value that is not valid.
    #[error("the value of `{0}` is not valid")]
    InvalidFilter(&'static str),
    #[error("the receiver went away")]
    Disconnected,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Csv(#[from] csv::Error),
}
