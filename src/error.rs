//! The one error type of the web layer, and how each error looks to a person.
//!
//! Handlers return `Result<_, AppError>`. The mapping to a status is here and nowhere
//! else: a missing row is a 404, an exhausted pool a 503 (the request can be retried),
//! anything unexpected a 500 whose cause goes to the log and never to the page.

use actix_web::http::{header, StatusCode};
use actix_web::{HttpResponse, ResponseError};

use crate::i18n::Lang;
use crate::views::{render, ErrorPage, PageContext};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The page does not exist (or is not public).
    #[error("not found")]
    NotFound,
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
            other => Self::Internal(other.into()),
        }
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
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        match self {
            Self::Internal(cause) => tracing::error!(error = ?cause, "request failed"),
            Self::Unavailable(cause) => tracing::warn!(%cause, "database busy"),
            Self::NotFound => {}
        }
        let ctx = PageContext::new(Lang::default());
        let (title_key, message_key) = match self {
            Self::NotFound => ("error.not_found.title", "error.not_found.message"),
            Self::Unavailable(_) => ("error.unavailable.title", "error.unavailable.message"),
            Self::Internal(_) => ("error.internal.title", "error.internal.message"),
        };
        let page = ErrorPage {
            title: ctx.t(title_key),
            message: ctx.t(message_key),
            status: status.as_u16(),
            ctx: &ctx,
        };
        let mut response = HttpResponse::build(status);
        response.content_type("text/html; charset=utf-8");
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.insert_header((header::RETRY_AFTER, "5"));
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
