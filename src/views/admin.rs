//! Pages of the admin area and the staff areas.

use askama::Template;

use super::forms::{Choice, FormErrors};
use super::{paragraphs, DateView, PageContext};
use crate::domain::{ConsultationStatus, ModerationMode};
use crate::i18n::{self, Lang};

#[derive(Debug, Clone)]
pub struct AuditLine {
    pub when: DateView,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub details: String,
}

#[derive(Template)]
#[template(path = "admin/home.html")]
pub struct AdminHome {
    pub ctx: PageContext,
    pub audit: Vec<AuditLine>,
    /// Mail an SMTP server refused for good (not retried).
    pub undeliverable: Vec<UndeliverableLine>,
}

#[derive(Debug, Clone)]
pub struct UndeliverableLine {
    pub when: DateView,
    pub to: String,
    pub subject: String,
    pub error: String,
}

#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub confirmed: bool,
    pub joined: DateView,
    pub roles: Vec<Choice>,
    pub is_self: bool,
}

#[derive(Template)]
#[template(path = "admin/users.html")]
pub struct UsersPage {
    pub ctx: PageContext,
    pub query: String,
    pub users: Vec<UserRow>,
}

#[derive(Debug, Clone)]
pub struct ConsultationRow {
    pub slug: String,
    pub title: String,
    pub status: &'static str,
    pub versions: i64,
}

#[derive(Template)]
#[template(path = "admin/consultations.html")]
pub struct ConsultationsPage {
    pub ctx: PageContext,
    pub consultations: Vec<ConsultationRow>,
}

/// The values of the consultation form as typed.
#[derive(Debug, Clone, Default)]
pub struct ConsultationValues {
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// The language code of the title and summary.
    pub language: String,
    pub status: String,
    pub moderation_mode: String,
    pub opens_at: String,
    pub closes_at: String,
}

pub fn status_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    ConsultationStatus::ALL
        .iter()
        .map(|s| Choice {
            value: s.as_str(),
            label: i18n::t(lang, crate::views::consultation::status_key(*s)),
            selected: s.as_str() == selected,
        })
        .collect()
}

pub fn mode_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    [ModerationMode::Pre, ModerationMode::Post]
        .iter()
        .map(|m| Choice {
            value: m.as_str(),
            label: match m {
                ModerationMode::Pre => i18n::t(lang, "admin.mode.pre"),
                ModerationMode::Post => i18n::t(lang, "admin.mode.post"),
            },
            selected: m.as_str() == selected,
        })
        .collect()
}

#[derive(Debug, Clone)]
pub struct VersionRow {
    pub number: i32,
    pub created: DateView,
    pub published: Option<DateView>,
    pub source: String,
    pub preview_href: String,
    pub publish_action: String,
}

#[derive(Template)]
#[template(path = "admin/consultation.html")]
pub struct ConsultationEditPage {
    pub ctx: PageContext,
    /// `None` when creating.
    pub existing_slug: Option<String>,
    pub values: ConsultationValues,
    pub statuses: Vec<Choice>,
    pub modes: Vec<Choice>,
    /// The languages the title and summary may be written in: (code, name in
    /// itself, selected).
    pub title_langs: Vec<(&'static str, &'static str, bool)>,
    pub errors: FormErrors,
    pub versions: Vec<VersionRow>,
    /// The importer's message (`file:line: what was expected`), when an upload failed.
    pub import_error: String,
    pub upload_action: String,
    pub upload_slots: Vec<UploadSlot>,
}

/// How many files (languages) one upload may carry.
pub const UPLOAD_SLOTS: usize = 3;

/// One file field of the upload form and its language select.
#[derive(Debug, Clone)]
pub struct UploadSlot {
    pub n: usize,
    pub file_field: String,
    pub lang_field: String,
    /// (code, name in itself, selected)
    pub langs: Vec<(&'static str, &'static str, bool)>,
}

impl UploadSlot {
    /// The form's slots: the first defaults to `first`, the others to the languages
    /// after it, so that three files in three languages need no change.
    pub fn all(first: crate::domain::TextLang) -> Vec<Self> {
        use crate::domain::TextLang;
        let start = TextLang::ALL.iter().position(|l| *l == first).unwrap_or(0);
        (1..=UPLOAD_SLOTS)
            .map(|n| {
                let suffix = if n == 1 { String::new() } else { n.to_string() };
                let chosen = TextLang::ALL[(start + n - 1) % TextLang::ALL.len()];
                Self {
                    n,
                    file_field: format!("draft{suffix}"),
                    lang_field: format!("lang{suffix}"),
                    langs: TextLang::ALL
                        .iter()
                        .map(|l| (l.as_str(), l.native_name(), *l == chosen))
                        .collect(),
                }
            })
            .collect()
    }
}

#[derive(Debug, Clone)]
pub struct PreviewClause {
    pub reference: String,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct PreviewArticle {
    pub label: String,
    pub title: Option<String>,
    pub clauses: Vec<PreviewClause>,
}

#[derive(Template)]
#[template(path = "admin/preview.html")]
pub struct PreviewPage {
    pub ctx: PageContext,
    pub slug: String,
    pub number: i32,
    pub published: bool,
    pub publish_action: String,
    pub counts: String,
    pub preamble: Vec<String>,
    pub articles: Vec<PreviewArticle>,
}

impl PreviewClause {
    pub fn new(reference: &str, body: &str) -> Self {
        Self {
            reference: reference.to_owned(),
            paragraphs: paragraphs(body),
        }
    }
}
