//! CSRF protection, in one place for every state-changing request.
//!
//! Each browser gets a random `kenes_csrf` cookie (HttpOnly, SameSite=Lax; named
//! `__Host-kenes_csrf` over https). Its secret is HMAC-SHA256(server key, cookie value,
//! session), bound to the signed-in session; forms carry it masked with a fresh random
//! pad in every response ([`mask`], against BREACH). A forged cross-site request can
//! neither read the cookie nor compute the token, and a cookie planted by a sibling
//! domain is useless without the key. The middleware checks every POST (the token from
//! the form body, or from the query string for file uploads) before any handler runs.
//!
//! A failed check is a 403 — except on the forms of [`preserves_text`], where
//! the person may have typed a lot, *and* the browser says the post came from one of
//! our own pages (`Sec-Fetch-Site: same-origin`, or an `Origin` that is ours): then the
//! request goes through marked [`CsrfRejected`], and the handler re-renders the form
//! with the text kept and a request to submit again, without acting on it. A
//! cross-site post never gets a pre-filled form back (it would carry the attacker's
//! text and a fresh token, one click from being filed): it is refused with a 403
//! that echoes nothing, whatever its token.

use std::future::{ready, Ready};

use actix_web::body::{EitherBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use super::session::SignedIn;
use super::token::{looks_like_token, random_token};
use crate::error::AppError;
use crate::state::AppState;

pub const CSRF_COOKIE: &str = "kenes_csrf";
pub const FIELD: &str = "csrf_token";

/// Forms whose typed text must survive a stale token: registration and suggestions.
pub fn preserves_text(path: &str) -> bool {
    path == "/register"
        || (path.starts_with("/consultations/") && path.ends_with("/suggest"))
        || (path.starts_with("/account/suggestions/") && path.ends_with("/edit"))
}

/// The token for this request's forms.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// Marks a request on a [`preserves_text`] form whose token did not match.
#[derive(Debug, Clone, Copy)]
pub struct CsrfRejected;

/// Extractor for the text-preserving handlers: whether the token was valid.
pub struct CsrfVerdict {
    pub valid: bool,
}

impl FromRequest for CsrfVerdict {
    type Error = AppError;
    type Future = Ready<Result<Self, AppError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Self {
            valid: req.extensions().get::<CsrfRejected>().is_none(),
        }))
    }
}

/// The secret token of a browser: HMAC-SHA256(server key, cookie value, session).
/// Bound to the session of a signed-in person, so a token read from one session (or
/// planted before sign-in) is worthless in another.
pub fn sign(key: &[u8], cookie_value: &str, session_hash: Option<&str>) -> [u8; 32] {
    // HMAC accepts keys of any length; `new_from_slice` cannot fail for it.
    match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(b"kenes-csrf-v2\0");
            mac.update(cookie_value.as_bytes());
            mac.update(b"\0");
            mac.update(session_hash.unwrap_or("").as_bytes());
            mac.finalize().into_bytes().into()
        }
        Err(_) => [0; 32],
    }
}

/// The token as a form carries it: a fresh random pad and the secret XOR the pad, so
/// that the bytes differ in every response and a compressed page cannot leak the
/// secret a byte at a time (BREACH). The pad comes from the thread's CSPRNG (ChaCha,
/// seeded and reseeded from the operating system), not from a system call on every
/// signed-in page, which was 2 % of the signed-in article page's time (perf).
pub fn mask(secret: &[u8; 32]) -> String {
    let mut pad = [0u8; 32];
    rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut pad);
    let mut out = Vec::with_capacity(64);
    out.extend_from_slice(&pad);
    out.extend(pad.iter().zip(secret).map(|(p, s)| p ^ s));
    hex::encode(out)
}

/// Whether a masked token from a form unmasks to `secret`, in constant time.
pub fn verify(provided: &str, secret: &[u8; 32]) -> bool {
    let Ok(bytes) = hex::decode(provided) else {
        return false;
    };
    if bytes.len() != 64 {
        return false;
    }
    let (pad, masked) = bytes.split_at(32);
    let unmasked: Vec<u8> = pad.iter().zip(masked).map(|(p, m)| p ^ m).collect();
    bool::from(unmasked.as_slice().ct_eq(secret))
}

/// The cookie's name: with the `__Host-` prefix over https (Secure, `Path=/`, no
/// Domain, so a sibling subdomain cannot plant one).
pub fn cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-kenes_csrf"
    } else {
        CSRF_COOKIE
    }
}

/// The cookie set when a browser has none (or a malformed one), and after sign-in.
pub fn new_cookie(secure: bool) -> Cookie<'static> {
    let mut cookie = Cookie::new(cookie_name(secure), random_token());
    cookie.set_path("/");
    cookie.set_http_only(true);
    cookie.set_same_site(SameSite::Lax);
    cookie.set_secure(secure);
    cookie
}

fn form_field(body: &[u8], name: &str) -> Option<String> {
    url::form_urlencoded::parse(body)
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.into_owned())
}

fn bytes_to_payload(bytes: Bytes) -> Payload {
    let (_, mut payload) = actix_http::h1::Payload::create(true);
    payload.unread_data(bytes);
    Payload::from(payload)
}

/// Where a browser says an unsafe request came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// One of our own pages.
    SameOrigin,
    /// Another site (or a sandboxed, `null`, origin).
    CrossSite,
    /// The client said nothing (not a browser, or a very old one): the token decides.
    Unknown,
}

/// `Sec-Fetch-Site` where the browser sends it, else `Origin` compared with the
/// address the request was sent to and with the public URL.
pub fn request_origin(req: &ServiceRequest, public_url: &str) -> Origin {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_ascii_lowercase)
    };
    if let Some(site) = header("sec-fetch-site") {
        return match site.as_str() {
            "same-origin" | "none" => Origin::SameOrigin,
            _ => Origin::CrossSite,
        };
    }
    let Some(origin) = header("origin") else {
        return Origin::Unknown;
    };
    let info = req.connection_info();
    let addressed = format!("{}://{}", info.scheme(), info.host()).to_ascii_lowercase();
    let public = public_url.trim_end_matches('/').to_ascii_lowercase();
    if origin == addressed || origin == public {
        Origin::SameOrigin
    } else {
        Origin::CrossSite
    }
}

/// Middleware: issue the cookie, expose the token, and check every unsafe request.
pub async fn protect(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Err(AppError::internal(anyhow::anyhow!("no application state")).into());
    };
    let secure = state.sessions.secure_cookies;
    let existing = req
        .cookie(cookie_name(secure))
        .map(|c| c.value().to_owned())
        .filter(|v| looks_like_token(v));
    let fresh = existing.is_none().then(|| new_cookie(secure));
    let cookie_value = existing.unwrap_or_else(|| {
        fresh
            .as_ref()
            .map(|c| c.value().to_owned())
            .unwrap_or_default()
    });
    let session_hash = req
        .extensions()
        .get::<SignedIn>()
        .map(|s| s.session_hash.clone());
    let expected = sign(&state.csrf_key, &cookie_value, session_hash.as_deref());

    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let origin = unsafe_method.then(|| request_origin(&req, &state.public_url));
    if origin == Some(Origin::CrossSite) {
        tracing::info!(path = req.path(), "cross-site post refused");
        return Ok(req
            .error_response(AppError::CsrfFailed)
            .map_into_right_body());
    }
    if unsafe_method {
        let is_multipart = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        let provided = if is_multipart {
            form_field(req.query_string().as_bytes(), FIELD)
        } else {
            let body = req.extract::<Bytes>().await?;
            // The body is read here once for every form, so this is also where a form
            // that is not UTF-8 is refused, before a parser replaces the bad bytes.
            if !crate::domain::text::form_is_utf8(&body) {
                return Ok(req
                    .error_response(AppError::BadEncoding)
                    .map_into_right_body());
            }
            let field = form_field(&body, FIELD);
            req.set_payload(bytes_to_payload(body));
            field
        };
        // Without a cookie there was never a valid token to send.
        let valid = fresh.is_none() && provided.is_some_and(|p| verify(&p, &expected));
        if !valid {
            tracing::info!(path = req.path(), "CSRF check failed");
            let routed = req.match_info().as_str().to_owned();
            if preserves_text(&routed) && origin == Some(Origin::SameOrigin) {
                req.extensions_mut().insert(CsrfRejected);
            } else {
                let mut response = req.error_response(AppError::CsrfFailed);
                if let Some(cookie) = &fresh {
                    response.response_mut().add_cookie(cookie)?;
                }
                return Ok(response.map_into_right_body());
            }
        }
    }
    req.extensions_mut().insert(CsrfToken(mask(&expected)));
    let mut response = next.call(req).await?;
    if let Some(cookie) = &fresh {
        response.response_mut().add_cookie(cookie)?;
    }
    Ok(response.map_into_left_body())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_depend_on_key_cookie_and_session() {
        let a = sign(b"key one", "cookie", None);
        assert_eq!(a, sign(b"key one", "cookie", None));
        assert_ne!(a, sign(b"key two", "cookie", None));
        assert_ne!(a, sign(b"key one", "other", None));
        assert_ne!(a, sign(b"key one", "cookie", Some("session")));
        assert_ne!(
            sign(b"key one", "cookie", Some("one session")),
            sign(b"key one", "cookie", Some("another"))
        );
        assert_eq!(
            form_field(b"a=1&csrf_token=xyz&b=2", FIELD).as_deref(),
            Some("xyz")
        );
    }

    #[test]
    fn masked_tokens_differ_every_time_and_still_verify() {
        let secret = sign(b"key", "cookie", Some("session"));
        let (one, two) = (mask(&secret), mask(&secret));
        assert_ne!(one, two);
        assert_eq!(one.len(), 128);
        assert!(verify(&one, &secret) && verify(&two, &secret));
        assert!(!verify(&one, &sign(b"key", "cookie", None)));
        assert!(
            !verify(&hex::encode(secret), &secret),
            "the bare secret is no token"
        );
        assert!(!verify("zz", &secret));
        assert!(!verify("", &secret));
    }
}
