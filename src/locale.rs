//! The language of a request, in one place.
//!
//! Every page has an address per language: `/kk/…`, `/ru/…`, `/en/…`. [`prefix`] (an
//! outer middleware) takes the prefix off before routing, so the routes and
//! [`crate::routes::ROUTES`] know nothing of it, and puts the [`Lang`] in the request's
//! extensions. On the way out it writes the language into what was answered: links
//! of `<a href>` and `<form action>` on this site gain the prefix, a redirect answering
//! a prefixed request keeps it, an error page (whoever raised it: an extractor, a
//! guard, the CSRF check, the 503 of a full database queue) is shown in the language,
//! and the choice is remembered in the `kenes_lang` cookie.
//!
//! An unprefixed GET or HEAD of a page is redirected (303) to its prefixed address,
//! keeping path and query ([`redirect`], inside the session middleware so that it
//! knows who is signed in). The language is, in this order: the remembered choice
//! (the cookie), the signed-in person's saved choice, `Accept-Language` (q-values
//! honoured), then `KENES_DEFAULT_LANG`. An explicit choice wins over what the browser
//! says. Unprefixed POSTs are answered in that same language without a redirect.
//! Static files, the probes, `/metrics` and downloaded files (open data, exports, the
//! CSV of a chart, one's own data) have no prefix.

use actix_web::body::{to_bytes, BoxBody, MessageBody};
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method, Uri};
use actix_web::middleware::Next;
use actix_web::{web, HttpMessage, HttpRequest, HttpResponse};

use crate::auth::SignedIn;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;

/// The cookie that remembers the chosen language.
pub const COOKIE: &str = "kenes_lang";

/// How the request's language was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// The address's prefix.
    Prefix,
    /// The cookie.
    Cookie,
    /// `Accept-Language` or the default: nothing the person chose.
    Guess,
}

/// The language of this request (set by [`prefix`]; the default before it ran).
pub fn of(request: &HttpRequest) -> Lang {
    request
        .extensions()
        .get::<Lang>()
        .copied()
        .unwrap_or_default()
}

/// This request's address without its language prefix, with the query.
pub fn page_path(request: &HttpRequest) -> String {
    request
        .uri()
        .path_and_query()
        .map_or_else(|| "/".to_owned(), |pq| pq.as_str().to_owned())
}

/// A link to the current page in one language.
#[derive(Debug, Clone)]
pub struct Alternate {
    pub code: &'static str,
    /// The language named in itself.
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

/// The current page (`path`, unprefixed) in every language.
pub fn alternates(current: Lang, path: &str) -> Vec<Alternate> {
    Lang::ALL
        .into_iter()
        .map(|lang| Alternate {
            code: lang.code(),
            name: lang.native_name(),
            href: crate::urls::in_lang(lang, path),
            current: lang == current,
        })
        .collect()
}

/// The language of a prefixed path and the path without it.
fn split_prefix(path: &str) -> Option<(Lang, &str)> {
    let rest = path.strip_prefix('/')?;
    let (code, tail) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let lang = Lang::ALL.into_iter().find(|l| l.code() == code)?;
    Some((lang, tail))
}

/// Addresses that are not pages and never carry a language.
pub fn is_unprefixed(path: &str) -> bool {
    path.starts_with("/static/")
        || matches!(
            path,
            "/healthz" | "/readyz" | "/metrics" | "/favicon.ico" | "/robots.txt"
        )
        || path == "/analytics/export"
        || path == "/account/data.json"
        || ["/open-data/", "/analytics/statistics/"].iter().any(|dir| {
            path.strip_prefix(dir)
                .is_some_and(|file| file.contains('.'))
        })
}

/// The most wanted language of an `Accept-Language` header that is served.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(f32, Lang)> = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let Some(lang) = Lang::from_code(tag) else {
            continue;
        };
        if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, lang));
        }
    }
    best.map(|(_, lang)| lang)
}

fn default_lang(req: &ServiceRequest) -> Lang {
    req.app_data::<web::Data<AppState>>()
        .map_or_else(Lang::default, |state| state.default_lang)
}

fn guessed(req: &ServiceRequest) -> Lang {
    req.headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(from_accept_language)
        .unwrap_or_else(|| default_lang(req))
}

fn remembered(req: &ServiceRequest) -> Option<Lang> {
    req.cookie(COOKIE).and_then(|c| Lang::from_code(c.value()))
}

/// Middleware (outer): take the language prefix off, and write the language into the
/// answer. See the module documentation.
pub async fn prefix(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let (lang, source) = match split_prefix(req.path()) {
        Some((lang, rest)) => {
            let rest = if rest.is_empty() { "/" } else { rest };
            let target = match req.uri().query() {
                Some(query) => format!("{rest}?{query}"),
                None => rest.to_owned(),
            };
            let mut parts = req.head().uri.clone().into_parts();
            parts.path_and_query = target.parse().ok();
            if let Ok(uri) = Uri::from_parts(parts) {
                req.match_info_mut().get_mut().update(&uri);
                req.head_mut().uri = uri;
            }
            (lang, Source::Prefix)
        }
        None => match remembered(&req) {
            Some(lang) => (lang, Source::Cookie),
            None => (guessed(&req), Source::Guess),
        },
    };
    req.extensions_mut().insert(lang);
    req.extensions_mut().insert(source);
    let cookie_differs = remembered(&req) != Some(lang);
    let path = page_path(req.request());
    // (No clone of the request may be kept across the call: the router needs it alone.)
    let mut res = match next.call(req).await {
        Ok(res) => res.map_into_boxed_body(),
        // A middleware inside refused with an error: it is answered in the language.
        Err(error) => match error.as_error::<AppError>() {
            Some(app_error) => {
                app_error.log();
                return Err(Rendered::new(app_error.response_in(lang, &path))
                    .await
                    .into());
            }
            None => return Err(error),
        },
    };
    // An error answered by anyone inside: shown again, in the language.
    let translated = res
        .response()
        .error()
        .and_then(|e| e.as_error::<AppError>())
        .map(|e| e.response_in(lang, &path));
    if let Some(page) = translated {
        let (request, old) = res.into_parts();
        let mut page = page;
        for (name, value) in old.headers() {
            if !page.headers().contains_key(name) || name == header::SET_COOKIE {
                page.headers_mut().append(name.clone(), value.clone());
            }
        }
        res = ServiceResponse::new(request, page);
    }
    if source == Source::Prefix {
        if let Some(location) = res
            .headers()
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|l| prefixed_location(lang, l))
        {
            if let Ok(value) = header::HeaderValue::from_str(&location) {
                res.headers_mut().insert(header::LOCATION, value);
            }
        }
        if cookie_differs && !res.status().is_server_error() {
            let mut cookie = Cookie::new(COOKIE, lang.code());
            cookie.set_path("/");
            cookie.set_same_site(SameSite::Lax);
            cookie.set_http_only(true);
            cookie.set_max_age(CookieDuration::days(365));
            if let Ok(value) = header::HeaderValue::from_str(&cookie.to_string()) {
                res.headers_mut().append(header::SET_COOKIE, value);
            }
        }
    }
    let already = res.response().extensions().contains::<LinksInLanguage>();
    let is_html = !already
        && res
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return Ok(res);
    }
    let (request, response) = res.into_parts();
    let (head, body) = response.into_parts();
    let bytes = to_bytes(body).await.map_err(actix_web::Error::from)?;
    let body = match std::str::from_utf8(&bytes) {
        Ok(html) => match prefix_links(lang, html) {
            Some(rewritten) => BoxBody::new(rewritten),
            None => BoxBody::new(bytes),
        },
        Err(_) => BoxBody::new(bytes),
    };
    let mut head = head;
    head.headers_mut().remove(header::CONTENT_LENGTH);
    Ok(ServiceResponse::new(request, head.set_body(body)))
}

/// An error page already rendered in the request's language, for an error that left
/// a middleware as `Err` (actix answers it without the request at hand).
#[derive(Debug)]
struct Rendered {
    status: actix_web::http::StatusCode,
    headers: header::HeaderMap,
    body: actix_web::web::Bytes,
}

impl Rendered {
    async fn new(response: HttpResponse) -> Self {
        let status = response.status();
        let headers = response.headers().clone();
        let body = to_bytes(response.into_body()).await.unwrap_or_default();
        Self {
            status,
            headers,
            body,
        }
    }
}

impl std::fmt::Display for Rendered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.status)
    }
}

impl actix_web::ResponseError for Rendered {
    fn status_code(&self) -> actix_web::http::StatusCode {
        self.status
    }

    fn error_response(&self) -> HttpResponse {
        let mut response = HttpResponse::build(self.status);
        for (name, value) in &self.headers {
            response.append_header((name.clone(), value.clone()));
        }
        response.body(self.body.clone())
    }
}

/// Middleware (inside the session): redirect an unprefixed page to its address in
/// the request's language, and remember a signed-in person's choice in their account.
pub async fn redirect(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let source = req.extensions().get::<Source>().copied();
    let saved = req
        .extensions()
        .get::<SignedIn>()
        .map(|s| (s.user.id, s.user.lang.as_deref().and_then(Lang::from_code)));
    match source {
        Some(Source::Prefix) => {
            let lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
            if let Some((id, chosen)) = saved {
                if chosen != Some(lang) && !is_unprefixed(req.path()) {
                    if let Some(state) = req.app_data::<web::Data<AppState>>().cloned() {
                        crate::routes::with_db(&state, move |conn| {
                            Ok(crate::models::user::set_lang(conn, id, lang.code())?)
                        })
                        .await?;
                        // Written on a GET: the kept session's account must show it.
                        state.pool.changes().bump();
                    }
                }
            }
        }
        Some(Source::Guess) | Some(Source::Cookie) | None => {
            let mut lang = req.extensions().get::<Lang>().copied().unwrap_or_default();
            if source == Some(Source::Guess) {
                if let Some((_, Some(chosen))) = saved {
                    lang = chosen;
                    req.extensions_mut().insert(lang);
                }
            }
            let page =
                matches!(*req.method(), Method::GET | Method::HEAD) && !is_unprefixed(req.path());
            if page {
                let target = crate::urls::in_lang(lang, &page_path(req.request()));
                let response = HttpResponse::SeeOther()
                    .insert_header((header::LOCATION, target))
                    .insert_header((header::VARY, "Accept-Language, Cookie"))
                    .finish();
                return Ok(req.into_response(response));
            }
        }
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// Marks a response whose links already carry the language prefix (see
/// [`in_language`]), so that [`prefix`] passes it through untouched.
#[derive(Debug, Clone, Copy)]
pub struct LinksInLanguage;

/// `html` with its links in `lang`, as [`prefix`] would write them on the way out.
/// A page kept in the page cache is given its links once, when rendered, instead of on
/// every answer from the cache.
pub fn in_language(lang: Lang, html: web::Bytes) -> web::Bytes {
    match std::str::from_utf8(&html)
        .ok()
        .and_then(|h| prefix_links(lang, h))
    {
        Some(rewritten) => web::Bytes::from(rewritten),
        None => html,
    }
}

/// `html` with its links in `lang`: for a part of a page rendered once and shared
/// (the pass over the whole page leaves links that already have a prefix alone).
pub fn links_in(lang: Lang, html: String) -> String {
    prefix_links(lang, &html).unwrap_or(html)
}

/// `link` in `lang`: with the language prefix if it is a page of this site without
/// one, else as it is; written straight into the page.
pub fn link_in(lang: Lang, link: &str) -> LinkIn<'_> {
    LinkIn { lang, link }
}

/// See [`link_in`].
pub struct LinkIn<'a> {
    lang: Lang,
    link: &'a str,
}

impl std::fmt::Display for LinkIn<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if wants_prefix(self.link) {
            crate::urls::InLang {
                lang: self.lang,
                path: self.link,
            }
            .fmt(f)
        } else {
            f.write_str(self.link)
        }
    }
}

/// Whether `html` has a link to a page of this site without its prefix, that is,
/// whether [`prefix`] would rewrite it (a page that says its links are already in its
/// language must not).
pub fn has_unprefixed_links(lang: Lang, html: &str) -> bool {
    prefix_links(lang, html).is_some()
}

/// `location` with the language prefix, if it is a page of this site without one.
fn prefixed_location(lang: Lang, location: &str) -> Option<String> {
    wants_prefix(location).then(|| crate::urls::in_lang(lang, location))
}

/// Whether `location` is a page of this site without a language prefix.
fn wants_prefix(location: &str) -> bool {
    let path = location.split(['?', '#']).next().unwrap_or_default();
    let local = location.starts_with('/') && !location.starts_with("//");
    local && split_prefix(path).is_none() && !is_unprefixed(path)
}

/// The page with `<a href="/…">` and `<form action="/…">` of this site's pages given
/// the language prefix; `None` if nothing needed it.
fn prefix_links(lang: Lang, html: &str) -> Option<String> {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    let mut changed = false;
    while let Some(found) = rest.find("=\"/") {
        let (before, after) = rest.split_at(found + 2);
        out.push_str(before);
        rest = after;
        let attribute = before[..found].trim_end();
        let tag_start = before.rfind('<').unwrap_or(0);
        let tag = before[tag_start..].trim_start_matches('<');
        let wanted = (attribute.ends_with(" href") && (tag.starts_with("a ")))
            || (attribute.ends_with(" action") && tag.starts_with("form "));
        if !wanted {
            continue;
        }
        let end = rest.find('"').unwrap_or(rest.len());
        let link = &rest[..end];
        if let Some(prefixed) = prefixed_location(lang, link) {
            out.push_str(&prefixed);
            rest = &rest[end..];
            changed = true;
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_honours_q_values() {
        assert_eq!(
            from_accept_language("ru-RU,ru;q=0.9,en;q=0.8"),
            Some(Lang::Ru)
        );
        assert_eq!(from_accept_language("en;q=0.5, kk;q=0.9"), Some(Lang::Kk));
        assert_eq!(from_accept_language("de, fr;q=0.9"), None);
        assert_eq!(from_accept_language("ru;q=0, en;q=0.1"), Some(Lang::En));
    }

    #[test]
    fn prefixes_split_and_links_gain_them() {
        assert_eq!(split_prefix("/kk/account"), Some((Lang::Kk, "/account")));
        assert_eq!(split_prefix("/ru"), Some((Lang::Ru, "")));
        assert_eq!(split_prefix("/kkx/account"), None);
        let html = r#"<a href="/account">a</a> <a class="x" href="/static/a.css">s</a> <link rel="alternate" hreflang="x-default" href="/"> <form method="post" action="/sign-in"> <a href="/ru/account">r</a> <a href="//evil">e</a>"#;
        let out = prefix_links(Lang::Kk, html).unwrap_or_default();
        assert!(out.contains(r#"<a href="/kk/account">"#), "{out}");
        assert!(out.contains(r#"href="/static/a.css""#));
        assert!(out.contains(r#"hreflang="x-default" href="/">"#));
        assert!(out.contains(r#"action="/kk/sign-in""#));
        assert!(out.contains(r#"href="/ru/account""#));
        assert!(out.contains(r#"href="//evil""#));
    }
}
