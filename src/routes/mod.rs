//! HTTP routes. Handlers are thin: parse the request into domain types, call one
//! data-layer function off the async executor, render a view.

pub mod consultations;
pub mod health;
pub mod static_files;

use std::future::Future;

use actix_web::web::Bytes;
use actix_web::{web, HttpRequest, HttpResponse};

use crate::cache::PageCache;
use crate::db::{AnyConnection, DbPool};
use crate::error::AppError;
use crate::i18n::Lang;

/// The cookie that marks a signed-in visitor, whose pages are never cached.
pub const SESSION_COOKIE: &str = "kenes_session";

/// What every handler can reach.
pub struct AppState {
    pub pool: DbPool,
    pub page_cache: PageCache,
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(consultations::home))
        .route("/healthz", web::get().to(health::healthz))
        .route("/static/{path:.*}", web::get().to(static_files::serve))
        .route(
            "/consultations/{slug}",
            web::get().to(consultations::contents),
        )
        .route(
            "/consultations/{slug}/articles/{number}",
            web::get().to(consultations::article),
        )
        .route(
            "/consultations/{slug}/clauses/{reference}",
            web::get().to(consultations::clause),
        );
}

/// Run database work on the blocking thread pool with a pooled connection. Waiting for
/// a connection is bounded by the pool's timeout, after which the request gets a 503.
pub async fn with_db<T, F>(state: &AppState, work: F) -> Result<T, AppError>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let pool = state.pool.clone();
    web::block(move || {
        let mut conn = pool.get()?;
        work(&mut conn)
    })
    .await?
}

/// Any path no route matched.
pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

/// Render a template to the body of a page.
pub fn render<T: askama::Template>(page: &T) -> Result<Bytes, AppError> {
    Ok(Bytes::from(page.render().map_err(AppError::internal)?))
}

fn html_response(body: Bytes) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(body)
}

/// A public reading page: served from the micro-cache for anonymous readers, else
/// built by `build` (and cached when the reader is anonymous). See [`crate::cache`].
pub async fn public_page<F, Fut>(
    state: &AppState,
    request: &HttpRequest,
    lang: Lang,
    build: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<Bytes, AppError>>,
{
    let anonymous = request.cookie(SESSION_COOKIE).is_none();
    let key = format!("{}|{}", lang.code(), request.uri());
    if anonymous {
        if let Some(body) = state.page_cache.get(&key) {
            return Ok(html_response(body));
        }
    }
    let body = build().await?;
    if anonymous {
        state.page_cache.insert(key, body.clone());
    }
    Ok(html_response(body))
}
