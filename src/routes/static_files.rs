//! Static assets, embedded in the binary so that `kenes` runs from any directory.
//!
//! Pages link to `/static/<path>?v=<hash>`; because the URL changes whenever the
//! content does, responses may be cached for a year (`immutable`). A request without
//! the current hash still works, but is cached only briefly.

use actix_web::http::header::{self, CacheControl, CacheDirective, ETag, EntityTag};
use actix_web::{web, HttpRequest, HttpResponse};

use crate::assets::find;
use crate::error::AppError;

#[derive(serde::Deserialize)]
pub struct Version {
    v: Option<String>,
}

pub async fn serve(
    request: HttpRequest,
    path: web::Path<String>,
    query: web::Query<Version>,
) -> Result<HttpResponse, AppError> {
    let (asset, hash) = find(&path).ok_or(AppError::NotFound)?;
    let etag = EntityTag::new_strong(hash.to_owned());
    let matches = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim().trim_matches('"') == hash));
    let cache = if query.v.as_deref() == Some(hash) {
        CacheControl(vec![
            CacheDirective::Public,
            CacheDirective::MaxAge(31_536_000),
            CacheDirective::Extension("immutable".into(), None),
        ])
    } else {
        CacheControl(vec![CacheDirective::Public, CacheDirective::MaxAge(300)])
    };
    if matches {
        return Ok(HttpResponse::NotModified()
            .insert_header(ETag(etag))
            .insert_header(cache)
            .finish());
    }
    Ok(HttpResponse::Ok()
        .content_type(asset.content_type)
        .insert_header(ETag(etag))
        .insert_header(cache)
        .body(asset.body))
}
