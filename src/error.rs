//! The one error type of the web layer, and how each error looks to a person.
//!
//! Handlers return `Result<_, AppError>`. The mapping to a status is here and nowhere
//! else: a missing row is a 404, an exhausted pool a 503 (the request can be retried),
//! anything unexpected a 500 whose cause goes to the log and never to the page.
//!
//! An outage is a 503 wherever it is met: no connection from the pool, a connection
//! lost mid-query, SQLite's file locked or gone ([`crate::db::is_outage`]), in a
//! handler, the session loader or the vote writer. It carries `Retry-After` and the
//! friendly page, and its cause is logged once per interval with a count, not once
//! per request.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};

use crate::i18n::Lang;
use crate::views::{render, ErrorPage, PageContext};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The page does not exist (or is not public).
    #[error("not found")]
    NotFound,
    /// Signed in, but this area is not for this role.
    #[error("forbidden")]
    Forbidden,
    /// This needs a signed-in user; the path to come back to.
    #[error("sign-in required")]
    SignInRequired(String),
    /// The form's CSRF token is missing or stale.
    #[error("CSRF check failed")]
    CsrfFailed,
    /// Throttled; seconds until the limit resets.
    #[error("too many requests")]
    TooManyRequests(i64),
    /// The request body is larger than the limit.
    #[error("payload too large")]
    PayloadTooLarge,
    /// A malformed request that no form of ours sends.
    #[error("bad request")]
    BadRequest,
    /// A form whose text is not UTF-8.
    #[error("form is not UTF-8")]
    BadEncoding,
    /// A rule says no (a closed consultation, one's own suggestion); the message key.
    #[error("refused: {0}")]
    Refused(&'static str),
    /// No database connection became free in time; the request may be retried.
    #[error("service unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    pub fn internal(error: impl Into<anyhow::Error>) -> Self {
        Self::Internal(error.into())
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(error: diesel::result::Error) -> Self {
        match error {
            diesel::result::Error::NotFound => Self::NotFound,
            // Text PostgreSQL cannot store (a NUL byte) that reached the database past
            // the fields' own checks: the request was bad, the server is fine.
            diesel::result::Error::DatabaseError(_, ref info)
                if info.message().contains("invalid byte sequence") =>
            {
                tracing::warn!(error = %error, "text the database cannot store");
                Self::BadEncoding
            }
            ref outage if crate::db::is_outage(outage) => Self::Unavailable(outage.to_string()),
            other => Self::Internal(other.into()),
        }
    }
}

impl From<crate::db::Unavailable> for AppError {
    fn from(error: crate::db::Unavailable) -> Self {
        Self::Unavailable(error.to_string())
    }
}

impl From<diesel::r2d2::PoolError> for AppError {
    fn from(error: diesel::r2d2::PoolError) -> Self {
        Self::Unavailable(error.to_string())
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(error: actix_web::error::BlockingError) -> Self {
        Self::Internal(anyhow::anyhow!("blocking task failed: {error}"))
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Forbidden | Self::CsrfFailed => StatusCode::FORBIDDEN,
            Self::SignInRequired(_) => StatusCode::SEE_OTHER,
            Self::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::BadRequest | Self::BadEncoding => StatusCode::BAD_REQUEST,
            Self::Refused(_) => StatusCode::CONFLICT,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        self.log();
        self.response_in(Lang::default(), "/")
    }
}

impl AppError {
    /// Log the cause of a 500 or 503, once per interval for repeated ones.
    pub fn log(&self) {
        match self {
            Self::Internal(cause) => {
                if let Some(repeated) = crate::telemetry::limited("internal", &format!("{cause:#}"))
                {
                    tracing::error!(error = ?cause, repeated, "request failed");
                }
            }
            Self::Unavailable(cause) => {
                if let Some(repeated) = crate::telemetry::limited("unavailable", cause) {
                    tracing::warn!(%cause, repeated, "answered 503: the database is busy or unavailable");
                }
            }
            _ => {}
        }
    }
}

impl AppError {
    /// The answer to this error, its page in `lang`. [`crate::locale::prefix`] calls it
    /// again with the request's language for any error raised inside the application.
    /// `path`: the page's address without its prefix, for the links to it in the other
    /// languages.
    pub fn response_in(&self, lang: Lang, path: &str) -> HttpResponse {
        let status = self.status_code();
        if let Self::SignInRequired(next) = self {
            let next: String = url::form_urlencoded::byte_serialize(next.as_bytes()).collect();
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, format!("/sign-in?next={next}")))
                .finish();
        }
        let mut ctx = PageContext::new(lang);
        ctx.path = path.to_owned();
        let (title_key, message_key) = match self {
            Self::NotFound => ("error.not_found.title", "error.not_found.message"),
            Self::Forbidden => ("error.forbidden.title", "error.forbidden.message"),
            Self::CsrfFailed => ("error.csrf.title", "error.csrf.message"),
            Self::TooManyRequests(_) => ("error.throttled.title", "error.throttled.message"),
            Self::PayloadTooLarge => ("error.too_large.title", "error.too_large.message"),
            Self::BadRequest => ("error.bad_request.title", "error.bad_request.message"),
            Self::BadEncoding => ("error.bad_encoding.title", "error.bad_encoding.message"),
            Self::Refused(key) => ("error.refused.title", *key),
            Self::Unavailable(_) => ("error.unavailable.title", "error.unavailable.message"),
            Self::Internal(_) | Self::SignInRequired(_) => {
                ("error.internal.title", "error.internal.message")
            }
        };
        let retry_after = match self {
            Self::TooManyRequests(seconds) => Some(*seconds),
            Self::Unavailable(_) => Some(5),
            _ => None,
        };
        let page = ErrorPage {
            title: ctx.t(title_key),
            message: ctx.t(message_key),
            status: status.as_u16(),
            retry_minutes: retry_after.filter(|s| *s >= 60).map(|s| (s + 59) / 60),
            ctx: &ctx,
        };
        let mut response = HttpResponse::build(status);
        response.content_type("text/html; charset=utf-8");
        if let Some(seconds) = retry_after {
            response.insert_header((header::RETRY_AFTER, seconds.to_string()));
        }
        match render(&page) {
            Ok(html) => response.body(html),
            // The error page itself failed: fall back to plain text, still no details.
            Err(_) => response
                .content_type("text/plain; charset=utf-8")
                .body(status.to_string()),
        }
    }
}
