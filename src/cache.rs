//! A micro-cache of rendered public pages, for anonymous readers.
//!
//! A national consultation is read far more than it is written, mostly by people who
//! are not signed in. Each process keeps the rendered HTML of a reading page for a few
//! seconds (`KENES_PAGE_CACHE_SECS`), keyed by language and URL. There is no
//! cross-process invalidation to get wrong: a change made by any process is visible
//! everywhere within the TTL. Requests that carry a session cookie bypass the cache,
//! so nothing personal is ever stored or served from it.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use actix_web::web::Bytes;

/// Beyond this many pages the cache is emptied and starts again: memory stays bounded
/// even if someone requests endless distinct URLs.
const MAX_ENTRIES: usize = 10_000;

pub struct PageCache {
    ttl: Duration,
    entries: RwLock<HashMap<String, (Instant, Bytes)>>,
}

impl PageCache {
    /// A TTL of zero disables the cache.
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            entries: RwLock::new(HashMap::new()),
        }
    }

    pub fn is_enabled(&self) -> bool {
        !self.ttl.is_zero()
    }

    pub fn get(&self, key: &str) -> Option<Bytes> {
        if !self.is_enabled() {
            return None;
        }
        let found = self.entries.read().ok().and_then(|entries| {
            let (stored_at, body) = entries.get(key)?;
            (stored_at.elapsed() < self.ttl).then(|| body.clone())
        });
        crate::metrics::page_cache(found.is_some());
        found
    }

    pub fn insert(&self, key: String, body: Bytes) {
        if !self.is_enabled() {
            return;
        }
        if let Ok(mut entries) = self.entries.write() {
            if entries.len() >= MAX_ENTRIES {
                entries.clear();
            }
            entries.insert(key, (Instant::now(), body));
        }
    }

    /// Forget everything, after a change made by this process.
    pub fn clear(&self) {
        if let Ok(mut entries) = self.entries.write() {
            entries.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expires_and_can_be_disabled() {
        let cache = PageCache::new(Duration::from_millis(30));
        cache.insert("en|/".into(), Bytes::from_static(b"page"));
        assert_eq!(cache.get("en|/").as_deref(), Some(&b"page"[..]));
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(cache.get("en|/"), None);

        let off = PageCache::new(Duration::ZERO);
        off.insert("en|/".into(), Bytes::from_static(b"page"));
        assert_eq!(off.get("en|/"), None);
    }

    #[test]
    fn stays_bounded() {
        let cache = PageCache::new(Duration::from_secs(60));
        for i in 0..=MAX_ENTRIES {
            cache.insert(format!("en|/{i}"), Bytes::from_static(b"x"));
        }
        assert!(cache.entries.read().map(|e| e.len()).unwrap_or(0) <= MAX_ENTRIES);
    }
}
