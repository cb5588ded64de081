//! Static assets, embedded in the binary so that `kenes` runs from any directory.
//!
//! Pages link to `/static/<path>?v=<hash>`; because the URL changes whenever the
//! content does, responses may be cached for a year (`immutable`). A request without
//! the current hash still works, but is cached only briefly.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

use actix_web::http::header::{self, CacheControl, CacheDirective, ETag, EntityTag};
use actix_web::{web, HttpRequest, HttpResponse};

use crate::error::AppError;

struct Asset {
    path: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset {
        path: "css/kenes.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../../static/css/kenes.css"),
    },
    Asset {
        path: "js/upvote.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../static/js/upvote.js"),
    },
    Asset {
        path: "js/triage.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../../static/js/triage.js"),
    },
    Asset {
        path: "img/favicon.svg",
        content_type: "image/svg+xml",
        body: include_bytes!("../../static/img/favicon.svg"),
    },
];

static HASHES: LazyLock<Vec<String>> = LazyLock::new(|| {
    ASSETS
        .iter()
        .map(|asset| {
            let mut hasher = DefaultHasher::new();
            asset.body.hash(&mut hasher);
            format!("{:016x}", hasher.finish())
        })
        .collect()
});

fn find(path: &str) -> Option<(&'static Asset, &'static str)> {
    let index = ASSETS.iter().position(|a| a.path == path)?;
    Some((
        &ASSETS[index],
        HASHES.get(index).map(String::as_str).unwrap_or(""),
    ))
}

/// The URL of an asset, versioned by its content.
pub fn url(path: &str) -> String {
    match find(path) {
        Some((_, hash)) => format!("/static/{path}?v={hash}"),
        None => format!("/static/{path}"),
    }
}

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
