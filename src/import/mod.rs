//! Reading draft documents from files.
//!
//! Two layouts are understood (README, "Import formats"):
//!
//! * a Markdown outline: `## Section I: Title`, `### Article 12: Title`, numbered
//!   paragraphs `1.` as clauses, `> ` lines as footnotes;
//! * the plain-text layouts of published constitutions in English, Kazakh and Russian:
//!   a preamble, `Section I` / `Chapter 2` / `I бөлім` / `Раздел I` / `Глава 2`
//!   headings (title on the same or the next line), `Article 12`, `Article 83-1`,
//!   `ARTICLE IV`, `AMENDMENT XIV`, `1-бап`, `17 бап.`, `Статья 1`, clauses numbered
//!   `1.`, `3-1.` or `SECTION. 2.`, hard-wrapped lines, and `Footnote:` / `Ескерту.` /
//!   `Сноска.` lines.
//!
//! Parsing is pure: it returns a [`Draft`](crate::domain::draft::Draft) or the first
//! error with its line number, and the caller stores the draft in one transaction, so a
//! bad file imports nothing. Files are refused by size before they are read
//! ([`limits`]).

pub mod alignment;
pub mod comments;
mod layout;
pub mod limits;
mod parser;
#[cfg(test)]
mod properties;

pub use alignment::{check_alignment, AlignmentError};
pub use limits::{max_bytes, open_file, read_file, MAX_BYTES_ENV, MAX_CSV_BYTES, MAX_DRAFT_BYTES};
pub use parser::{parse_draft, Format, ImportError, MAX_CLAUSE_GAP};

use crate::db::{self, AnyConnection};
use crate::domain::Slug;
use crate::models::{consultation, document};

/// What to import and where.
#[derive(Debug, Clone)]
pub struct ImportRequest<'a> {
    pub consultation: &'a Slug,
    /// Shown in error messages and stored as the version's source.
    pub file_name: &'a str,
    pub bytes: &'a [u8],
    /// Title for a new consultation; defaults to the document's own title, then the slug.
    pub title: Option<&'a str>,
    pub summary: Option<&'a str>,
    pub changelog: &'a str,
    pub publish: bool,
}

/// Why an import failed. Each message is printed once: a variant either shows its
/// cause in its own text or leaves it to `source()`, never both (both is what made
/// `kenes: {error:#}` print every import error twice).
#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    /// The file's fault: the message names the file and line.
    #[error(transparent)]
    Parse(#[from] ImportError),
    #[error("database error while importing")]
    Database(#[from] diesel::result::Error),
}

/// Parse the file, then store it as the next version of the consultation (created as a
/// draft if it does not exist) in one write transaction: all of it or nothing.
pub fn import_draft(
    conn: &mut AnyConnection,
    request: &ImportRequest<'_>,
) -> Result<document::StoredVersion, ImportFailure> {
    let draft = parse_draft(request.file_name, request.bytes)?;
    let version_title = draft
        .title
        .clone()
        .or_else(|| request.title.map(str::to_owned))
        .unwrap_or_else(|| request.consultation.to_string());
    let consultation_title = request
        .title
        .map(str::to_owned)
        .unwrap_or_else(|| version_title.clone());
    db::write_transaction(conn, |conn| {
        let consultation = consultation::find_or_create(
            conn,
            request.consultation,
            &consultation_title,
            request.summary.unwrap_or(""),
        )?;
        let stored = document::store_draft(
            conn,
            consultation.id,
            &draft,
            &version_title,
            request.file_name,
            request.changelog,
            request.publish,
        )?;
        Ok(stored)
    })
}
