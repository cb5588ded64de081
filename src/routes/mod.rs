//! HTTP routes. Handlers are thin: parse the request into domain types, call one
//! data-layer function off the async executor, render a view.

pub mod account;
pub mod admin;
pub mod analytics;
pub mod consultations;
pub mod health;
pub mod moderation;
pub mod open_data;
pub mod static_files;
pub mod suggestions;

use std::future::Future;

use actix_web::web::Bytes;
use actix_web::{web, HttpRequest, HttpResponse};

use crate::auth::password::Passwords;
use crate::auth::session::SessionSettings;
use crate::cache::PageCache;
use crate::db::{AnyConnection, DbPool};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::views::PageContext;

/// The cookie that marks a signed-in visitor, whose pages are never cached.
pub const SESSION_COOKIE: &str = "kenes_session";
/// A one-time message for the next page (a translation key), set before a redirect.
pub const FLASH_COOKIE: &str = "kenes_flash";

/// What every handler can reach.
pub struct AppState {
    pub pool: DbPool,
    pub page_cache: PageCache,
    pub passwords: Passwords,
    /// Key for signing CSRF tokens (generated once, kept in the database).
    pub csrf_key: Vec<u8>,
    pub sessions: SessionSettings,
    /// Base for links in emails, without a trailing slash.
    pub public_url: String,
    pub trust_proxy: bool,
    /// Distinct reports that hide a suggestion pending review.
    pub flag_threshold: i32,
    /// Upvotes are written in batches by one thread (see `crate::votes`).
    pub votes: crate::votes::VoteWriter,
    /// Sessions are loaded in batches by one thread (see `crate::batch`).
    pub session_loader: crate::auth::session::SessionLoader,
}

impl AppState {
    /// The client's address, for throttling: the peer, or the proxy's report of it
    /// when `KENES_TRUST_PROXY` says a proxy we run is in front.
    pub fn client_ip(&self, request: &HttpRequest) -> String {
        if self.trust_proxy {
            if let Some(ip) = request.connection_info().realip_remote_addr() {
                return ip.to_owned();
            }
        }
        request
            .peer_addr()
            .map_or_else(|| "unknown".to_owned(), |a| a.ip().to_string())
    }
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
        )
        // Suggestions and upvotes
        .route(
            "/consultations/{slug}/clauses/{reference}/suggest",
            web::get().to(suggestions::suggest_form),
        )
        .route(
            "/consultations/{slug}/clauses/{reference}/suggest",
            web::post().to(suggestions::submit),
        )
        .route("/receipt", web::get().to(suggestions::receipt_lookup))
        .route("/receipt/{number}", web::get().to(suggestions::receipt))
        .route(
            "/suggestions/{number}/upvote",
            web::post().to(suggestions::upvote),
        )
        .route("/account/suggestions", web::get().to(suggestions::mine))
        .route(
            "/account/suggestions/{number}/edit",
            web::get().to(suggestions::edit_form),
        )
        .route(
            "/account/suggestions/{number}/edit",
            web::post().to(suggestions::edit),
        )
        .route(
            "/account/suggestions/{number}/withdraw",
            web::post().to(suggestions::withdraw),
        )
        // Accounts
        .route("/register", web::get().to(account::register_form))
        .route("/register", web::post().to(account::register))
        .route("/register/sent", web::get().to(account::register_sent))
        .route("/confirm", web::get().to(account::confirm))
        .route("/sign-in", web::get().to(account::sign_in_form))
        .route("/sign-in", web::post().to(account::sign_in))
        .route("/sign-out", web::post().to(account::sign_out))
        .route("/reset", web::get().to(account::reset_request_form))
        .route("/reset", web::post().to(account::reset_request))
        .route("/reset/sent", web::get().to(account::reset_sent))
        .route("/reset/confirm", web::get().to(account::reset_form))
        .route("/reset/confirm", web::post().to(account::reset))
        .route("/account", web::get().to(account::account))
        .route("/account/profile", web::post().to(account::update_profile))
        .route(
            "/account/password",
            web::post().to(account::change_password),
        )
        .route(
            "/account/sign-out-everywhere",
            web::post().to(account::sign_out_everywhere),
        )
        .route(
            "/account/resend-confirmation",
            web::post().to(account::resend_confirmation),
        )
        .route("/account/data.json", web::get().to(account::download_data))
        .route("/account/delete", web::post().to(account::delete_account))
        .route(
            "/suggestions/{number}/report",
            web::post().to(moderation::report),
        )
        .route("/decisions", web::get().to(moderation::public_log))
        .route("/open-data", web::get().to(open_data::page))
        .route("/open-data/{file}", web::get().to(open_data::file))
        // Staff areas (access rules: auth::policy::AREAS)
        .route("/moderation", web::get().to(moderation::queue))
        .route("/moderation/bulk", web::post().to(moderation::bulk))
        .route(
            "/moderation/dashboard",
            web::get().to(moderation::dashboard),
        )
        .route(
            "/moderation/summary",
            web::post().to(moderation::summary_setting),
        )
        .route("/moderation/log", web::get().to(moderation::staff_log))
        .route(
            "/moderation/templates",
            web::get().to(moderation::templates),
        )
        .route(
            "/moderation/templates",
            web::post().to(moderation::add_template),
        )
        .route(
            "/moderation/clusters/{id}",
            web::get().to(moderation::cluster),
        )
        .route(
            "/moderation/users/{id}/block",
            web::post().to(moderation::block),
        )
        .route(
            "/moderation/suggestions/{number}",
            web::get().to(moderation::review),
        )
        .route(
            "/moderation/suggestions/{number}/decide",
            web::post().to(moderation::decide),
        )
        .route(
            "/moderation/suggestions/{number}/claim",
            web::post().to(moderation::claim),
        )
        .route(
            "/moderation/suggestions/{number}/release",
            web::post().to(moderation::release),
        )
        .route(
            "/moderation/suggestions/{number}/assign",
            web::post().to(moderation::assign),
        )
        .route(
            "/moderation/suggestions/{number}/tag",
            web::post().to(moderation::tag),
        )
        .route(
            "/moderation/suggestions/{number}/untag",
            web::post().to(moderation::untag),
        )
        .route(
            "/moderation/suggestions/{number}/note",
            web::post().to(moderation::note),
        )
        .route("/analytics", web::get().to(analytics::home))
        .route("/analytics/export", web::get().to(analytics::download))
        .route(
            "/analytics/statistics",
            web::get().to(analytics::statistics),
        )
        .route(
            "/analytics/statistics/{chart}",
            web::get().to(analytics::statistics_csv),
        )
        .route(
            "/analytics/dictionary",
            web::get().to(analytics::dictionary),
        )
        .route("/admin", web::get().to(admin::home))
        .route("/admin/users", web::get().to(admin::users))
        .route("/admin/users/{id}/role", web::post().to(admin::change_role))
        .route("/admin/consultations", web::get().to(admin::consultations))
        .route(
            "/admin/consultations",
            web::post().to(admin::create_consultation),
        )
        .route(
            "/admin/consultations/new",
            web::get().to(admin::new_consultation),
        )
        .route(
            "/admin/consultations/{slug}",
            web::get().to(admin::edit_consultation),
        )
        .route(
            "/admin/consultations/{slug}",
            web::post().to(admin::update_consultation),
        )
        .route(
            "/admin/consultations/{slug}/drafts",
            web::post().to(admin::upload_draft),
        )
        .route(
            "/admin/consultations/{slug}/versions/{number}",
            web::get().to(admin::preview_version),
        )
        .route(
            "/admin/consultations/{slug}/versions/{number}/publish",
            web::post().to(admin::publish_version),
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

/// A response body produced by `work` on a blocking thread with a pooled connection,
/// sent on as it is written (through a small channel, so a slow client slows the work
/// rather than filling memory). When the client goes away the channel closes, the sink
/// returns false, and `work` stops.
pub fn streamed<F>(
    state: &AppState,
    work: F,
) -> impl futures_util::Stream<Item = Result<Bytes, actix_web::Error>>
where
    F: FnOnce(&mut AnyConnection, &mut dyn FnMut(Vec<u8>) -> bool) + Send + 'static,
{
    let (tx, rx) = tokio::sync::mpsc::channel::<Vec<u8>>(8);
    let pool = state.pool.clone();
    tokio::task::spawn_blocking(move || match pool.get() {
        Ok(mut conn) => work(&mut conn, &mut |bytes| tx.blocking_send(bytes).is_ok()),
        Err(error) => tracing::error!(%error, "streamed response: no database connection"),
    });
    futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv()
            .await
            .map(|chunk| (Ok::<_, actix_web::Error>(Bytes::from(chunk)), rx))
    })
}

/// A path on this site to return to after a form (never another site: no scheme,
/// no `//host`, no backslash tricks).
pub fn local_path(candidate: &str) -> Option<&str> {
    (candidate.starts_with('/') && !candidate.starts_with("//") && !candidate.contains('\\'))
        .then_some(candidate)
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
/// A page that may be cached gets a context without user, token or flash, so nothing
/// personal can enter the cache.
pub async fn public_page<F, Fut>(
    state: &AppState,
    request: &HttpRequest,
    lang: Lang,
    build: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce(PageContext) -> Fut,
    Fut: Future<Output = Result<Bytes, AppError>>,
{
    // Only anonymous readers without a pending flash message share cached pages.
    let anonymous =
        request.cookie(SESSION_COOKIE).is_none() && request.cookie(FLASH_COOKIE).is_none();
    let key = format!("{}|{}", lang.code(), request.uri());
    if anonymous {
        if let Some(body) = state.page_cache.get(&key) {
            return Ok(html_response(body));
        }
        let body = build(PageContext::new(lang)).await?;
        state.page_cache.insert(key, body.clone());
        return Ok(html_response(body));
    }
    Ok(html_response(
        build(PageContext::from_request(request)).await?,
    ))
}

/// A redirect after a successful POST (POST → 303 → GET), with a one-time message.
pub fn see_other(location: &str, flash: Option<&'static str>) -> HttpResponse {
    let mut response = HttpResponse::SeeOther();
    response.insert_header((actix_web::http::header::LOCATION, location.to_owned()));
    if let Some(key) = flash {
        let mut cookie = actix_web::cookie::Cookie::new(FLASH_COOKIE, key);
        cookie.set_path("/");
        cookie.set_http_only(true);
        cookie.set_same_site(actix_web::cookie::SameSite::Lax);
        response.cookie(cookie);
    }
    response.finish()
}

/// A rendered page with a status other than 200 (a form with errors: 422).
pub fn html_with_status<T: askama::Template>(
    status: actix_web::http::StatusCode,
    page: &T,
) -> Result<HttpResponse, AppError> {
    Ok(HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(render(page)?))
}

/// A rendered page.
pub fn html<T: askama::Template>(page: &T) -> Result<HttpResponse, AppError> {
    html_with_status(actix_web::http::StatusCode::OK, page)
}
