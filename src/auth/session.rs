//! Sessions: loading the signed-in user for each request, and starting and ending
//! sessions. The cookie is HttpOnly, SameSite=Lax, and Secure when the public URL is
//! https; its value is a random token whose hash is the session's key in the database.

use actix_web::body::MessageBody;
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use std::future::{ready, Ready};

use super::token::{hash_token, looks_like_token, random_token};
use crate::batch::Batcher;
use crate::db::AnyConnectionManager;
use crate::error::AppError;
use crate::models::session;
use crate::models::user::User;
use crate::state::AppState;

/// The signed-in user of this request, with the hash of their session token.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub user: User,
    pub session_hash: String,
}

/// Extractor: the signed-in user, if any.
pub struct CurrentUser(pub Option<SignedIn>);

impl FromRequest for CurrentUser {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Self(req.extensions().get::<SignedIn>().cloned())))
    }
}

/// Extractor: the signed-in user; anyone else is sent to sign in.
pub struct RequireUser(pub SignedIn);

impl FromRequest for RequireUser {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.extensions()
                .get::<SignedIn>()
                .cloned()
                .map(Self)
                .ok_or_else(|| AppError::SignInRequired(req.path().to_owned())),
        )
    }
}

/// Middleware: look the session cookie up (off the executor) and attach [`SignedIn`];
/// a cookie that names no live session is removed.
pub async fn load(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let settings = req
        .app_data::<web::Data<AppState>>()
        .map(|state| state.sessions);
    let cookie_name = settings.map_or(PLAIN_COOKIE, |s| s.cookie_name());
    let token = req
        .cookie(cookie_name)
        .map(|c| c.value().to_owned())
        .filter(|_| !req.path().starts_with("/static/"));
    let had_flash = req.cookie(FLASH_COOKIE).is_some();
    let mut stale = false;
    if let Some(token) = token {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let found = match (state, looks_like_token(&token)) {
            (Some(state), true) => live_session(&state, hash_token(&token)).await?,
            _ => None,
        };
        match found {
            Some((s, user)) => {
                req.extensions_mut().insert(SignedIn {
                    user,
                    session_hash: s.token_hash,
                });
            }
            None => stale = true,
        }
    }
    let signed_in = req.extensions().contains::<SignedIn>();
    let mut response = next.call(req).await?;
    // Nothing shown to a signed-in person (their name, their drafts, staff pages) may
    // be kept by a browser's or a proxy's cache; nor a response that starts a session.
    let starts_session = response
        .response()
        .cookies()
        .any(|c| c.name() == cookie_name && !c.value().is_empty());
    if signed_in || starts_session {
        response.headers_mut().insert(
            actix_web::http::header::CACHE_CONTROL,
            actix_web::http::header::HeaderValue::from_static("no-store"),
        );
    }
    if stale {
        response.response_mut().add_removal_cookie(&removal(
            cookie_name,
            settings.is_some_and(|s| s.secure_cookies),
        ))?;
    }
    // A flash message is shown once: by the first page that renders after it was set.
    if had_flash && response.status().is_success() {
        response
            .response_mut()
            .add_removal_cookie(&removal(FLASH_COOKIE, false))?;
    }
    Ok(response)
}

/// The live session named by `hash`, from memory while nothing that could end it has
/// changed (see [`crate::read_cache::LoadedSession`]), else from the session thread.
async fn live_session(
    state: &AppState,
    hash: String,
) -> Result<Option<(session::Session, User)>, AppError> {
    let now = crate::models::now();
    let generation = state.pool.changes().current();
    if let Some(kept) = generation.and_then(|g| state.reading.sessions.get(&hash, g)) {
        if kept.usable_at(now, state.sessions.idle_timeout) {
            return Ok(Some((kept.session.clone(), kept.user.clone())));
        }
    }
    let found = state.session_loader.run(hash.clone()).await?;
    if let (Some(g), Some((session, user))) = (generation, &found) {
        let loaded = crate::read_cache::LoadedSession {
            session: session.clone(),
            user: user.clone(),
            loaded_at: now,
        };
        state
            .reading
            .sessions
            .insert(hash, g, std::sync::Arc::new(loaded));
    }
    Ok(found)
}

/// Loads the sessions of the requests that arrive together with one query (see
/// [`crate::batch`]): every signed-in request needs its session, and one query per
/// request was a third of the work of a vote.
pub type SessionLoader = Batcher<String, Option<(session::Session, User)>>;

pub fn start_loader(
    database: AnyConnectionManager,
    idle_timeout: chrono::Duration,
) -> std::io::Result<SessionLoader> {
    Batcher::start(
        "session-loader",
        database,
        256,
        move |conn, hashes: &[String]| load_sessions(conn, hashes, idle_timeout),
    )
}

/// The live session (and its user) of each hash, in order; a hash may come more than
/// once (two requests of one browser at the same moment).
pub fn load_sessions(
    conn: &mut crate::db::AnyConnection,
    hashes: &[String],
    idle_timeout: chrono::Duration,
) -> Vec<Result<Option<(session::Session, User)>, AppError>> {
    let wanted: Vec<&str> = hashes.iter().map(String::as_str).collect();
    let found = match session::find_active_many(conn, &wanted, idle_timeout) {
        Ok(found) => found,
        Err(error) => {
            // A lost connection is a 503 (see `crate::error`), anything else a 500.
            let outage = crate::db::is_outage(&error);
            return hashes
                .iter()
                .map(|_| {
                    Err(if outage {
                        AppError::Unavailable(format!("loading sessions: {error}"))
                    } else {
                        AppError::internal(anyhow::anyhow!("loading sessions: {error}"))
                    })
                })
                .collect();
        }
    };
    for (s, _) in found.values() {
        if let Err(error) = session::touch(conn, s) {
            tracing::warn!(%error, "cannot record session activity");
        }
    }
    hashes
        .iter()
        .map(|hash| Ok(found.get(hash).cloned()))
        .collect()
}

/// Session settings.
#[derive(Debug, Clone, Copy)]
pub struct SessionSettings {
    pub idle_timeout: chrono::Duration,
    pub lifetime: chrono::Duration,
    pub secure_cookies: bool,
}

/// A one-time message for the next page (a translation key), set before a redirect.
pub const FLASH_COOKIE: &str = "kenes_flash";

/// The session cookie's name over plain HTTP (a local demo, the tests).
const PLAIN_COOKIE: &str = "kenes_session";
/// Over https the name carries the `__Host-` prefix: browsers then accept the cookie
/// only with Secure, `Path=/` and no Domain, so a sibling subdomain cannot plant one.
const HOST_COOKIE: &str = "__Host-kenes_session";

impl SessionSettings {
    pub fn cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            HOST_COOKIE
        } else {
            PLAIN_COOKIE
        }
    }
}

fn removal(name: &'static str, secure: bool) -> Cookie<'static> {
    let mut cookie = Cookie::new(name, "");
    cookie.set_path("/");
    cookie.set_secure(secure);
    cookie
}

/// A new session for `user_id`: returns the cookie to set. The caller deletes the
/// previous session first, so the id changes at every sign-in (no fixation).
pub fn start(
    conn: &mut crate::db::AnyConnection,
    settings: &SessionSettings,
    user_id: i64,
) -> diesel::QueryResult<Cookie<'static>> {
    let token = random_token();
    session::create(conn, &hash_token(&token), user_id, settings.lifetime)?;
    let mut cookie = Cookie::new(settings.cookie_name(), token);
    cookie.set_path("/");
    cookie.set_http_only(true);
    cookie.set_same_site(SameSite::Lax);
    cookie.set_secure(settings.secure_cookies);
    cookie.set_max_age(CookieDuration::seconds(settings.lifetime.num_seconds()));
    Ok(cookie)
}

/// The cookie that removes the session cookie.
pub fn end_cookie(settings: &SessionSettings) -> Cookie<'static> {
    let mut cookie = removal(settings.cookie_name(), settings.secure_cookies);
    cookie.make_removal();
    cookie
}
