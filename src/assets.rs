//! The static files (CSS, scripts, images), embedded in the binary so that `kenes`
//! runs from any directory, each with a hash of its content for its URL (see
//! `urls::asset`).

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::LazyLock;

pub struct Asset {
    pub path: &'static str,
    pub content_type: &'static str,
    pub body: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset {
        path: "css/kenes.css",
        content_type: "text/css; charset=utf-8",
        body: include_bytes!("../static/css/kenes.css"),
    },
    Asset {
        path: "js/upvote.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../static/js/upvote.js"),
    },
    Asset {
        path: "js/triage.js",
        content_type: "text/javascript; charset=utf-8",
        body: include_bytes!("../static/js/triage.js"),
    },
    Asset {
        path: "img/favicon.svg",
        content_type: "image/svg+xml",
        body: include_bytes!("../static/img/favicon.svg"),
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

/// An asset and its content hash.
pub fn find(path: &str) -> Option<(&'static Asset, &'static str)> {
    let index = ASSETS.iter().position(|a| a.path == path)?;
    Some((
        &ASSETS[index],
        HASHES.get(index).map(String::as_str).unwrap_or(""),
    ))
}
