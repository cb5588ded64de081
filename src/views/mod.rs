//! View-models: what a template shows, already formatted. Templates only display
//! these; any formatting decision (a date, a link, a plural) is made here.

pub mod consultation;

use askama::Template;

use crate::i18n::{self, Lang};

pub use consultation::{ArticlePage, ClausePage, ConsultationPage, HomePage};

/// What every page needs: the language (and, with accounts, the user, the flash
/// message and the CSRF token).
#[derive(Debug, Clone)]
pub struct PageContext {
    pub lang: Lang,
}

impl PageContext {
    pub fn new(lang: Lang) -> Self {
        Self { lang }
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn t(&self, key: &'static str) -> &'static str {
        i18n::t(self.lang, key)
    }

    pub fn tf(&self, key: &'static str, value: impl std::fmt::Display) -> String {
        i18n::tf(self.lang, key, value)
    }

    /// The URL of a static asset, with its content hash for caching.
    pub fn asset(&self, path: &str) -> String {
        crate::routes::static_files::url(path)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub ctx: &'a PageContext,
    pub status: u16,
    pub title: &'static str,
    pub message: &'static str,
}

pub fn render<T: Template>(page: &T) -> Result<String, askama::Error> {
    page.render()
}

/// A date for display: machine-readable for `<time datetime>` and short ISO text,
/// which reads the same in every language.
#[derive(Debug, Clone)]
pub struct DateView {
    pub iso: String,
    pub text: String,
}

impl DateView {
    pub fn new(at: chrono::NaiveDateTime) -> Self {
        Self {
            iso: at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            text: at.format("%Y-%m-%d").to_string(),
        }
    }
}

/// A text split into its paragraphs (stored separated by blank lines).
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A link with its text.
#[derive(Debug, Clone)]
pub struct Link {
    pub href: String,
    pub text: String,
}
