//! View-models: what a template shows, already formatted. Templates only display
//! these; any formatting decision (a date, a link, a plural) is made here.

pub mod account;
pub mod admin;
pub mod analytics;
pub mod consultation;
pub mod forms;
pub mod moderation;
pub mod suggestion;
pub mod text_lang;

use std::future::{ready, Ready};

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest};
use askama::Template;

use crate::auth::csrf::CsrfToken;
use crate::auth::session::FLASH_COOKIE;
use crate::auth::SignedIn;
use crate::domain::Role;
use crate::error::AppError;
use crate::i18n::{self, Lang};

/// Extractor: the [`PageContext`] of this request.
pub struct Ctx(pub PageContext);

impl FromRequest for Ctx {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Self(PageContext::from_request(req))))
    }
}

pub use consultation::{ArticlePage, ClausePage, ConsultationPage, HomePage};

/// What every page needs: the language, the signed-in user, the CSRF token for its
/// forms, and a one-time message from the previous request.
#[derive(Debug, Clone)]
pub struct PageContext {
    pub lang: Lang,
    pub user: Option<UserBadge>,
    /// Empty on pages that may be cached for anonymous readers (they have no forms).
    pub csrf_token: String,
    pub flash: Option<&'static str>,
    /// This page's address without the language prefix, with its query.
    pub path: String,
}

/// The signed-in user as the page header shows them.
#[derive(Debug, Clone)]
pub struct UserBadge {
    pub name: String,
    pub role: Role,
    pub confirmed: bool,
}

impl UserBadge {
    pub fn may_moderate(&self) -> bool {
        matches!(self.role, Role::Moderator | Role::Admin)
    }

    pub fn may_analyse(&self) -> bool {
        matches!(self.role, Role::Analyst | Role::Admin)
    }

    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }
}

impl PageContext {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            user: None,
            csrf_token: String::new(),
            flash: None,
            path: "/".to_owned(),
        }
    }

    /// The context of this request: who is signed in, the CSRF token, the flash.
    pub fn from_request(request: &HttpRequest) -> Self {
        let extensions = request.extensions();
        let user = extensions.get::<SignedIn>().map(|s| UserBadge {
            name: s.user.display_name.clone(),
            role: s.user.role(),
            confirmed: s.user.is_confirmed(),
        });
        let csrf_token = extensions
            .get::<CsrfToken>()
            .map(|t| t.0.clone())
            .unwrap_or_default();
        let flash = request
            .cookie(FLASH_COOKIE)
            .and_then(|c| i18n::flash_key(c.value()));
        Self {
            lang: crate::locale::of(request),
            user,
            csrf_token,
            flash,
            path: crate::locale::page_path(request),
        }
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    pub fn t(&self, key: &'static str) -> &'static str {
        i18n::t(self.lang, key)
    }

    pub fn tf(&self, key: &'static str, value: impl i18n::Arg) -> String {
        i18n::tf(self.lang, key, value)
    }

    /// A link to a page of this site in the page's language (`/account` → `/kk/account`),
    /// as written into the page, so that it need not be rewritten on the way out (see
    /// [`crate::locale::link_in`]); anything else is left as it is.
    pub fn link<'a>(&self, path: &'a str) -> crate::locale::LinkIn<'a> {
        crate::locale::link_in(self.lang, path)
    }

    /// "1 supporter", "12 supporters".
    pub fn supporters(&self, n: impl Into<i64>) -> String {
        i18n::tf(self.lang, "suggestion.upvotes", n.into())
    }

    /// "… is reviewing this suggestion until 14:30 (Astana time)."
    pub fn claim_held(&self, name: &str, until: &str) -> String {
        i18n::tv(
            self.lang,
            "moderation.claim.held",
            &[("name", &name), ("until", &until)],
        )
    }

    /// A number as this page's language writes it (`12 345`, `12,345`).
    pub fn number(&self, n: impl Into<i64>) -> String {
        i18n::number(self.lang, n.into())
    }

    /// The links to this page in every language, and the current page's own address
    /// without its language prefix (for the switcher and `hreflang`).
    pub fn languages(&self) -> Vec<crate::locale::Alternate> {
        crate::locale::alternates(self.lang, &self.path)
    }

    /// The address of `path` (a page of this site) in this page's language.
    pub fn url(&self, path: &str) -> String {
        crate::urls::in_lang(self.lang, path)
    }

    /// The URL of a static asset, with its content hash for caching.
    pub fn asset(&self, path: &str) -> String {
        crate::urls::asset(path)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage<'a> {
    pub ctx: &'a PageContext,
    pub status: u16,
    pub title: &'static str,
    pub message: &'static str,
    /// For a 429: when to try again, in whole minutes (under a minute: not shown).
    pub retry_minutes: Option<i64>,
}

pub fn render<T: Template>(page: &T) -> Result<String, askama::Error> {
    page.render()
}

/// A date for display: machine-readable for `<time datetime>` (UTC) and the date as
/// the page's language writes it, in the consultation's time zone.
#[derive(Debug, Clone)]
pub struct DateView {
    pub iso: String,
    pub text: String,
}

impl DateView {
    /// The date in the consultation's time zone, as `lang` writes it.
    pub fn new(lang: Lang, at: chrono::NaiveDateTime) -> Self {
        Self {
            iso: at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            text: i18n::date(lang, at),
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
