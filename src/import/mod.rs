//! Reading draft documents from files.
//!
//! Two layouts are understood (README, "Import formats"):
//!
//! * a Markdown outline: `## Section I: Title`, `### Article 12: Title`, numbered
//!   paragraphs `1.` as clauses, `> ` lines as footnotes;
//! * the plain-text layouts of published constitutions: a preamble, `Section I` /
//!   `Chapter 2` headings (title on the same or the next line), `Article 12`,
//!   `Article 83-1`, `ARTICLE IV`, `AMENDMENT XIV`, clauses numbered `1.`, `3-1.` or
//!   `SECTION. 2.`, hard-wrapped lines, and `Footnote:` lines.
//!
//! Parsing is pure: it returns a [`Draft`] or the first error with its line number, and
//! the caller stores the draft in one transaction, so a bad file imports nothing.

pub mod comments;
mod parser;

pub use parser::{parse_draft, Format, ImportError, MAX_DRAFT_BYTES};

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

#[derive(Debug, thiserror::Error)]
pub enum ImportFailure {
    #[error("{0}")]
    Parse(#[from] ImportError),
    #[error("database error while importing: {0}")]
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
