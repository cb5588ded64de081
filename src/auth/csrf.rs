//! CSRF protection, in one place for every state-changing request.
//!
//! Each browser gets a random `kenes_csrf` cookie (HttpOnly, SameSite=Lax). Forms carry
//! `csrf_token` = HMAC-SHA256(server key, cookie value); a forged cross-site request can
//! neither read the cookie nor compute the token, and a cookie planted by a sibling
//! domain is useless without the key. The middleware checks every POST (the token from
//! the form body, or from the query string for file uploads) before any handler runs.
//!
//! A failed check is a 403 — except on the forms of [`preserves_text`], where
//! the person may have typed a lot: there the request goes through marked
//! [`CsrfRejected`], and the handler re-renders the form with the text kept and a
//! request to submit again, without acting on it.

use std::future::{ready, Ready};

use actix_web::body::{EitherBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method};
use actix_web::middleware::Next;
use actix_web::web::Bytes;
use actix_web::{web, FromRequest, HttpMessage, HttpRequest, ResponseError};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use super::token::{looks_like_token, random_token};
use crate::error::AppError;
use crate::routes::AppState;

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

pub fn sign(key: &[u8], cookie_value: &str) -> String {
    // HMAC accepts keys of any length; `new_from_slice` cannot fail for it.
    match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mut mac) => {
            mac.update(cookie_value.as_bytes());
            hex::encode(mac.finalize().into_bytes())
        }
        Err(_) => String::new(),
    }
}

/// The cookie set when a browser has none (or a malformed one), and after sign-in.
pub fn new_cookie(secure: bool) -> Cookie<'static> {
    let mut cookie = Cookie::new(CSRF_COOKIE, random_token());
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

/// Middleware: issue the cookie, expose the token, and check every unsafe request.
pub async fn protect(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Err(AppError::internal(anyhow::anyhow!("no application state")).into());
    };
    let existing = req
        .cookie(CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| looks_like_token(v));
    let fresh = existing
        .is_none()
        .then(|| new_cookie(state.sessions.secure_cookies));
    let cookie_value = existing.unwrap_or_else(|| {
        fresh
            .as_ref()
            .map(|c| c.value().to_owned())
            .unwrap_or_default()
    });
    let expected = sign(&state.csrf_key, &cookie_value);

    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
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
            let field = form_field(&body, FIELD);
            req.set_payload(bytes_to_payload(body));
            field
        };
        // Without a cookie there was never a valid token to send.
        let valid = fresh.is_none()
            && provided.is_some_and(|p| bool::from(p.as_bytes().ct_eq(expected.as_bytes())));
        if !valid {
            tracing::info!(path = req.path(), "CSRF check failed");
            if preserves_text(req.path()) {
                req.extensions_mut().insert(CsrfRejected);
            } else {
                let mut response = AppError::CsrfFailed.error_response();
                if let Some(cookie) = &fresh {
                    response.add_cookie(cookie)?;
                }
                return Ok(req.into_response(response).map_into_right_body());
            }
        }
    }
    req.extensions_mut().insert(CsrfToken(expected));
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
    fn tokens_depend_on_key_and_cookie() {
        let a = sign(b"key one", "cookie");
        assert_eq!(a.len(), 64);
        assert_eq!(a, sign(b"key one", "cookie"));
        assert_ne!(a, sign(b"key two", "cookie"));
        assert_ne!(a, sign(b"key one", "other"));
        assert_eq!(
            form_field(b"a=1&csrf_token=xyz&b=2", FIELD).as_deref(),
            Some("xyz")
        );
    }
}
