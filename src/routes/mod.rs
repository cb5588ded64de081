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
use std::hash::Hash;
use std::sync::Arc;

use actix_web::web::Bytes;
use actix_web::{web, HttpRequest, HttpResponse};

use actix_web::middleware::from_fn;

use crate::auth::policy::{self, Area};
use crate::auth::session::FLASH_COOKIE;
use crate::db::AnyConnection;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::read_cache::Fresh;
pub use crate::state::AppState;
use crate::views::PageContext;

/// One route of [`ROUTES`]: its method, full path pattern, and protected area.
#[derive(Debug, Clone, Copy)]
pub struct RouteInfo {
    pub method: &'static str,
    pub path: &'static str,
    /// `None` for public routes (handlers may still require a signed-in person).
    pub area: Option<Area>,
}

/// Declares every route once: [`configure`] builds the router from it, and [`ROUTES`]
/// lists it, so the tests walk exactly what the router serves. Protected areas are
/// scopes wrapped in their [`policy::guard`], so the area's rule is applied to whatever
/// the router matched inside the scope, however the request spelled the path.
macro_rules! route_table {
    (
        public { $( $pm:ident $ppath:literal => $phandler:path ),* $(,)? }
        $( $area:ident ($rule:ident) $prefix:literal { $( $m:ident $path:literal => $handler:path ),* $(,)? } )*
    ) => {
        /// Every route the router serves.
        pub const ROUTES: &[RouteInfo] = &[
            $( RouteInfo { method: stringify!($pm), path: $ppath, area: None }, )*
            $( $( RouteInfo {
                method: stringify!($m),
                path: concat!($prefix, $path),
                area: Some(Area::$area),
            }, )* )*
        ];

        pub fn configure(cfg: &mut web::ServiceConfig) {
            $( cfg.route($ppath, web::$pm().to($phandler)); )*
            $(
                cfg.service(
                    web::scope($prefix)
                        .wrap(from_fn(policy::guard::<policy::$rule, _>))
                        $( .route($path, web::$m().to($handler)) )*
                );
            )*
        }
    };
}

route_table! {
    public {
        get "/" => consultations::home,
        get "/healthz" => health::healthz,
        get "/static/{path:.*}" => static_files::serve,
        get "/consultations/{slug}" => consultations::contents,
        get "/consultations/{slug}/articles/{number}" => consultations::article,
        get "/consultations/{slug}/clauses/{reference}" => consultations::clause,
        get "/consultations/{slug}/clauses/{reference}/suggest" => suggestions::suggest_form,
        post "/consultations/{slug}/clauses/{reference}/suggest" => suggestions::submit,
        get "/receipt" => suggestions::receipt_lookup,
        get "/receipt/{number}" => suggestions::receipt,
        post "/suggestions/{number}/upvote" => suggestions::upvote,
        post "/suggestions/{number}/report" => moderation::report,
        get "/register" => account::register_form,
        post "/register" => account::register,
        get "/register/sent" => account::register_sent,
        get "/confirm" => account::confirm,
        get "/sign-in" => account::sign_in_form,
        post "/sign-in" => account::sign_in,
        post "/sign-out" => account::sign_out,
        get "/reset" => account::reset_request_form,
        post "/reset" => account::reset_request,
        get "/reset/sent" => account::reset_sent,
        get "/reset/confirm" => account::reset_form,
        post "/reset/confirm" => account::reset,
        get "/decisions" => moderation::public_log,
        get "/open-data" => open_data::page,
        get "/open-data/{file}" => open_data::file,
    }
    Account (AccountHolders) "/account" {
        get "" => account::account,
        post "/profile" => account::update_profile,
        post "/password" => account::change_password,
        post "/sign-out-everywhere" => account::sign_out_everywhere,
        post "/resend-confirmation" => account::resend_confirmation,
        get "/data.json" => account::download_data,
        post "/delete" => account::delete_account,
        get "/suggestions" => suggestions::mine,
        get "/suggestions/{number}/edit" => suggestions::edit_form,
        post "/suggestions/{number}/edit" => suggestions::edit,
        post "/suggestions/{number}/withdraw" => suggestions::withdraw,
    }
    Moderation (Moderators) "/moderation" {
        get "" => moderation::queue,
        post "/bulk" => moderation::bulk,
        get "/dashboard" => moderation::dashboard,
        post "/summary" => moderation::summary_setting,
        get "/log" => moderation::staff_log,
        get "/templates" => moderation::templates,
        post "/templates" => moderation::add_template,
        get "/clusters/{id}" => moderation::cluster,
        post "/users/{id}/block" => moderation::block,
        get "/suggestions/{number}" => moderation::review,
        post "/suggestions/{number}/decide" => moderation::decide,
        post "/suggestions/{number}/claim" => moderation::claim,
        post "/suggestions/{number}/release" => moderation::release,
        post "/suggestions/{number}/assign" => moderation::assign,
        post "/suggestions/{number}/tag" => moderation::tag,
        post "/suggestions/{number}/untag" => moderation::untag,
        post "/suggestions/{number}/note" => moderation::note,
    }
    Analytics (Analysts) "/analytics" {
        get "" => analytics::home,
        get "/export" => analytics::download,
        get "/statistics" => analytics::statistics,
        get "/statistics/{chart}" => analytics::statistics_csv,
        get "/dictionary" => analytics::dictionary,
    }
    Admin (Admins) "/admin" {
        get "" => admin::home,
        get "/users" => admin::users,
        post "/users/{id}/role" => admin::change_role,
        get "/consultations" => admin::consultations,
        post "/consultations" => admin::create_consultation,
        get "/consultations/new" => admin::new_consultation,
        get "/consultations/{slug}" => admin::edit_consultation,
        post "/consultations/{slug}" => admin::update_consultation,
        post "/consultations/{slug}/drafts" => admin::upload_draft,
        get "/consultations/{slug}/versions/{number}" => admin::preview_version,
        post "/consultations/{slug}/versions/{number}/publish" => admin::publish_version,
    }
}

/// Run database work on the blocking thread pool with a pooled connection. The
/// request first waits (off any thread) for its turn at the database, a bounded wait
/// after which it gets a 503 at once (see `crate::db::pool`).
pub async fn with_db<T, F>(state: &AppState, work: F) -> Result<T, AppError>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let turn = state.pool.admit().await?;
    let pool = state.pool.clone();
    web::block(move || {
        let _turn = turn;
        let mut conn = pool.get()?;
        work(&mut conn)
    })
    .await?
}

/// A reading page's data: from `fresh` while it is current (see [`crate::read_cache`]),
/// else loaded by `load` with a pooled connection on a blocking thread, and kept there
/// under the generation noted before loading. `None` (no such page) is not kept.
pub async fn current<K, V, F>(
    state: &AppState,
    fresh: &Fresh<K, V>,
    key: K,
    load: F,
) -> Result<Option<Arc<V>>, AppError>
where
    K: Eq + Hash,
    V: Send + 'static,
    F: FnOnce(&mut AnyConnection) -> Result<Option<V>, AppError> + Send + 'static,
{
    let generation = state.pool.changes().current();
    if let Some(found) = generation.and_then(|g| fresh.get(&key, g)) {
        return Ok(Some(found));
    }
    let Some(loaded) = with_db(state, load).await? else {
        return Ok(None);
    };
    let loaded = Arc::new(loaded);
    if let Some(g) = generation {
        fresh.insert(key, g, Arc::clone(&loaded));
    }
    Ok(Some(loaded))
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

/// Any path no route matched.
pub async fn not_found() -> Result<HttpResponse, AppError> {
    Err(AppError::NotFound)
}

/// Render a template to the body of a page.
pub fn render<T: askama::Template>(page: &T) -> Result<Bytes, AppError> {
    Ok(Bytes::from(page.render().map_err(AppError::internal)?))
}

/// A public page's body, and whether every link in it already carries the language
/// prefix (its templates wrote them with `ctx.link`), so that the pass that adds them
/// ([`crate::locale::in_language`]) can be skipped.
pub struct PageBody {
    bytes: Bytes,
    links_in_language: bool,
}

impl From<Bytes> for PageBody {
    fn from(bytes: Bytes) -> Self {
        Self {
            bytes,
            links_in_language: false,
        }
    }
}

impl PageBody {
    fn in_language(self, lang: Lang) -> Bytes {
        if self.links_in_language {
            self.bytes
        } else {
            crate::locale::in_language(lang, self.bytes)
        }
    }
}

/// A rendered page whose templates write every link with `ctx.link` (the reading
/// pages: rewriting links was a tenth of a clause page's time).
/// `reading::reading_pages_write_their_links_in_the_language` holds them to it.
/// `size`: about how long the page will be, so that it is written into one buffer of
/// that size (growing it a step at a time was about 5 % of a signed-in clause page).
pub fn render_in_language<T: askama::Template>(
    page: &T,
    size: usize,
) -> Result<PageBody, AppError> {
    let mut html = String::with_capacity(size.max(T::SIZE_HINT));
    page.render_into(&mut html).map_err(AppError::internal)?;
    Ok(PageBody {
        bytes: Bytes::from(html),
        links_in_language: true,
    })
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
pub async fn public_page<F, Fut, B>(
    state: &AppState,
    request: &HttpRequest,
    lang: Lang,
    build: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce(PageContext) -> Fut,
    Fut: Future<Output = Result<B, AppError>>,
    B: Into<PageBody>,
{
    // Only anonymous readers without a pending flash message share cached pages.
    let anonymous = request.cookie(state.sessions.cookie_name()).is_none()
        && request.cookie(FLASH_COOKIE).is_none();
    let page = |body| {
        let mut response = html_response(body);
        response
            .extensions_mut()
            .insert(crate::locale::LinksInLanguage);
        response
    };
    if anonymous {
        let key = format!("{}|{}", lang.code(), request.uri());
        let body = state
            .page_cache
            .get_or_build(key, || async {
                let mut ctx = PageContext::new(lang);
                ctx.path = crate::locale::page_path(request);
                Ok::<_, AppError>(build(ctx).await?.into().in_language(lang))
            })
            .await?;
        return Ok(page(body));
    }
    let body = build(PageContext::from_request(request)).await?.into();
    Ok(page(body.in_language(lang)))
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
