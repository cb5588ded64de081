//! HTTP routes. Handlers are thin: parse the request into domain types, call one
//! data-layer function off the async executor, render a view.

pub mod consultations;
pub mod health;
pub mod static_files;

use actix_web::{web, HttpResponse};

use crate::db::{AnyConnection, DbPool};
use crate::error::AppError;

/// What every handler can reach.
pub struct AppState {
    pub pool: DbPool,
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

/// A rendered page as an HTML response.
pub fn html<T: askama::Template>(page: &T) -> Result<HttpResponse, AppError> {
    let body = page.render().map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .body(body))
}
