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
use crate::domain::draft::Draft;
use crate::domain::{Slug, TextLang};
use crate::i18n::{Lang, Message};
use crate::models::{consultation, document, translation};

/// One file of a draft and the language it is written in.
#[derive(Debug, Clone, Copy)]
pub struct DraftFile<'a> {
    pub lang: TextLang,
    /// Shown in error messages and stored as the language's source.
    pub file_name: &'a str,
    pub bytes: &'a [u8],
}

/// What to import and where.
#[derive(Debug, Clone)]
pub struct ImportRequest<'a> {
    pub consultation: &'a Slug,
    /// One file per language. A new version's authoritative language is Kazakh when
    /// one of the files is Kazakh, else the first file's.
    pub files: &'a [DraftFile<'a>],
    /// Add the files' languages to this existing version instead of creating the next
    /// one; they must align with the text it holds. A Kazakh text added to a version
    /// becomes its authoritative one, unless another language was named.
    pub into_version: Option<i32>,
    /// The authoritative language, as the admin named it (one of the version's
    /// languages); `None`: by the rule above.
    pub authoritative: Option<TextLang>,
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
    /// The languages do not have the same articles and clauses: each file's first
    /// missing and extra reference, with `file:line`.
    #[error(transparent)]
    Alignment(#[from] AlignmentError),
    /// The request itself cannot be done (no file, a language twice, no such version).
    #[error("{0}")]
    Refused(Message),
    #[error("database error while importing")]
    Database(#[from] diesel::result::Error),
}

impl ImportFailure {
    /// The message for the person who asked, in their language, when the failure is
    /// theirs to fix (a database error is not: it goes to the log).
    pub fn render(&self, lang: Lang) -> Option<String> {
        match self {
            Self::Parse(error) => Some(error.render(lang)),
            Self::Alignment(error) => Some(error.render(lang)),
            Self::Refused(message) => Some(message.render(lang)),
            Self::Database(_) => None,
        }
    }
}

/// Parse every file, check that they align with each other (and with the version they
/// go into), then store them in one write transaction: all of it or nothing. Without
/// `into_version` the files become the next version of the consultation (created as a
/// draft if it does not exist).
pub fn import_draft(
    conn: &mut AnyConnection,
    request: &ImportRequest<'_>,
) -> Result<document::StoredVersion, ImportFailure> {
    let mut parsed: Vec<(DraftFile<'_>, Draft)> = Vec::with_capacity(request.files.len());
    for file in request.files {
        if parsed.iter().any(|(f, _)| f.lang == file.lang) {
            return Err(ImportFailure::Refused(
                Message::new("import-same-language").text("lang", file.lang),
            ));
        }
        parsed.push((*file, parse_draft(file.file_name, file.bytes)?));
    }
    let langs: Vec<TextLang> = parsed.iter().map(|(f, _)| f.lang).collect();
    let Some(by_rule) = TextLang::authoritative_of(&langs) else {
        return Err(ImportFailure::Refused(Message::new("import-no-file")));
    };
    let authoritative = request.authoritative.unwrap_or(by_rule);
    match request.into_version {
        Some(number) => add_languages(conn, request, number, &parsed),
        None => {
            if !langs.contains(&authoritative) {
                return Err(not_among(authoritative));
            }
            // The authoritative file first: it is the yardstick of the alignment.
            parsed.sort_by_key(|(f, _)| f.lang != authoritative);
            let named: Vec<(&str, &Draft)> = parsed.iter().map(|(f, d)| (f.file_name, d)).collect();
            check_alignment(&named)?;
            new_version(conn, request, &parsed)
        }
    }
}

fn not_among(lang: TextLang) -> ImportFailure {
    ImportFailure::Refused(
        Message::new("import-authoritative-not-among").text("lang", lang.as_str()),
    )
}

fn new_version(
    conn: &mut AnyConnection,
    request: &ImportRequest<'_>,
    parsed: &[(DraftFile<'_>, Draft)],
) -> Result<document::StoredVersion, ImportFailure> {
    let Some(((first, draft), translations)) = parsed.split_first() else {
        return Err(ImportFailure::Refused(Message::new("import-no-file")));
    };
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
            // The title defaults to the first file's own.
            first.lang,
        )?;
        let mut stored = document::store_draft(
            conn,
            consultation.id,
            draft,
            document::NewVersionInfo {
                title: &version_title,
                source_name: first.file_name,
                changelog: request.changelog,
                publish: request.publish,
                language: first.lang,
                language_chosen: request.authoritative.is_some(),
            },
        )?;
        for (file, draft) in translations {
            translation::store_translation(
                conn,
                &stored.version,
                file.lang,
                file.file_name,
                draft,
            )?;
            stored.languages.push(file.lang);
        }
        Ok(stored)
    })
}

fn add_languages(
    conn: &mut AnyConnection,
    request: &ImportRequest<'_>,
    number: i32,
    parsed: &[(DraftFile<'_>, Draft)],
) -> Result<document::StoredVersion, ImportFailure> {
    db::write_transaction(conn, |conn| {
        let refused = || {
            ImportFailure::Refused(
                Message::new("import-no-version")
                    .text("consultation", request.consultation)
                    .number("version", u64::try_from(number).unwrap_or(0)),
            )
        };
        let consultation =
            consultation::find_by_slug(conn, request.consultation)?.ok_or_else(refused)?;
        let version = document::version(conn, consultation.id, number)?.ok_or_else(refused)?;
        let stored_langs = translation::languages(conn, version.id)?;
        if let Some((file, _)) = parsed
            .iter()
            .find(|(f, _)| stored_langs.iter().any(|l| l.lang == f.lang))
        {
            return Err(ImportFailure::Refused(
                Message::new("import-language-stored")
                    .number("version", u64::try_from(number).unwrap_or(0))
                    .text("consultation", request.consultation)
                    .text("lang", file.lang),
            ));
        }
        let mut all: Vec<TextLang> = stored_langs.iter().map(|l| l.lang).collect();
        all.extend(parsed.iter().map(|(f, _)| f.lang));
        if let Some(asked) = request.authoritative.filter(|l| !all.contains(l)) {
            return Err(not_among(asked));
        }
        let outline = translation::stored_outline(conn, version.id)?;
        let yardstick = alignment::Yardstick::Version {
            number,
            lang: version.language,
            source: stored_langs
                .iter()
                .find(|l| l.lang == version.language)
                .map_or(version.source_name.as_str(), |l| l.source_name.as_str())
                .to_owned(),
        };
        let named: Vec<(&str, &Draft)> = parsed.iter().map(|(f, d)| (f.file_name, d)).collect();
        alignment::check_against(&yardstick, &outline, &named)?;
        let mut stored = document::StoredVersion {
            chapters: 0,
            articles: 0,
            clauses: 0,
            unchanged_clauses: 0,
            languages: Vec::new(),
            version: version.clone(),
        };
        for (file, draft) in parsed {
            let done =
                translation::store_translation(conn, &version, file.lang, file.file_name, draft)?;
            stored.chapters = draft.chapters.len();
            stored.articles = draft.articles.len();
            stored.clauses = done.clauses;
            stored.languages.push(file.lang);
        }
        let authoritative = TextLang::authoritative_after(
            &all,
            version.language,
            version.language_chosen,
            request.authoritative,
        );
        stored.version = translation::set_authoritative(
            conn,
            &version,
            authoritative,
            request.authoritative.is_some(),
        )?;
        Ok(stored)
    })
}
