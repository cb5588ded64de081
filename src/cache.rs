//! A micro-cache of rendered public pages, for anonymous readers.
//!
//! A national consultation is read far more than it is written, mostly by people who
//! are not signed in. Each process keeps the rendered HTML of a reading page for a few
//! seconds (`KENES_PAGE_CACHE_SECS`), keyed by language, path and query string (all
//! that changes the bytes of an anonymous page). There is no cross-process
//! invalidation to get wrong: a change made by any process is visible everywhere
//! within the TTL. Requests that carry a session cookie bypass the cache, so nothing
//! personal is ever stored or served from it.
//!
//! **No stampede.** When a page expires, the first reader to ask rebuilds it; readers
//! who ask while that build runs are given the expired copy, provided it is at most
//! twice the TTL old, or else wait for that one build and share its result. A page is
//! therefore never built by more than one request at a time in a process, however
//! many readers arrive at once, and an anonymous reader never sees a page older than
//! twice the TTL plus one build. A build that fails (a 404, the database busy) is
//! not cached: whoever waited for it builds for themselves, without storing it.
//!
//! **Bounded.** At most [`MAX_BYTES`] of keys and pages (64 MiB) and [`MAX_ENTRIES`]
//! pages; beyond either, the least recently used tenth is evicted. A page larger than
//! a quarter of the limit is never stored.

use std::collections::HashMap;
use std::future::Future;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, RwLock};
use std::time::{Duration, Instant};

use actix_web::web::Bytes;
use tokio::sync::watch;

/// The most bytes of keys and pages kept.
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// The most pages kept.
pub const MAX_ENTRIES: usize = 10_000;

pub struct PageCache {
    ttl: Duration,
    max_bytes: usize,
    max_entries: usize,
    entries: RwLock<Entries>,
    /// The builds running now, by key: a waiter subscribes to one.
    building: Mutex<HashMap<String, watch::Receiver<Option<Bytes>>>>,
    /// Recency: each use stamps its entry with the next tick.
    tick: AtomicU64,
    counts: Counts,
}

#[derive(Default)]
struct Entries {
    pages: HashMap<String, Entry>,
    bytes: usize,
    /// Bumped by [`PageCache::clear`]: a build begun before it is not stored.
    generation: u64,
}

struct Entry {
    body: Bytes,
    stored_at: Instant,
    used: AtomicU64,
}

/// How requests were answered, since the process started.
#[derive(Default)]
struct Counts {
    hit: AtomicU64,
    stale: AtomicU64,
    wait: AtomicU64,
    build: AtomicU64,
}

/// A snapshot of the cache for `/metrics`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Served a fresh copy.
    pub hits: u64,
    /// Served the expired copy while another request rebuilt it.
    pub stale: u64,
    /// Waited for another request's build and served its result.
    pub waited: u64,
    /// Built the page (a miss, or the one rebuild of an expired page).
    pub builds: u64,
    pub entries: usize,
    pub bytes: usize,
}

/// What a request found, decided under the locks.
enum Found {
    Fresh(Bytes),
    Stale(Bytes),
    Wait(watch::Receiver<Option<Bytes>>),
    Build(watch::Sender<Option<Bytes>>, u64),
}

/// Removes a build's entry from `building` however the build ends: finished, failed,
/// or its request dropped half-way (the client went away). Waiters then see their
/// channel close and build for themselves.
struct Building<'a> {
    cache: &'a PageCache,
    key: &'a str,
}

impl Drop for Building<'_> {
    fn drop(&mut self) {
        self.cache.building().remove(self.key);
    }
}

impl PageCache {
    /// A TTL of zero disables the cache.
    pub fn new(ttl: Duration) -> Self {
        Self::with_limits(ttl, MAX_BYTES, MAX_ENTRIES)
    }

    fn with_limits(ttl: Duration, max_bytes: usize, max_entries: usize) -> Self {
        Self {
            ttl,
            max_bytes,
            max_entries,
            entries: RwLock::new(Entries::default()),
            building: Mutex::new(HashMap::new()),
            tick: AtomicU64::new(0),
            counts: Counts::default(),
        }
    }

    pub fn is_enabled(&self) -> bool {
        !self.ttl.is_zero()
    }

    /// The page stored under `key`, or else the result of `build` (stored if it
    /// succeeds). At most one `build` per key runs at a time; see the module docs.
    pub async fn get_or_build<F, Fut, E>(&self, key: String, build: F) -> Result<Bytes, E>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<Bytes, E>>,
    {
        if !self.is_enabled() {
            return build().await;
        }
        let (sender, generation) = match self.find(&key) {
            Found::Fresh(body) => {
                self.counts.hit.fetch_add(1, Ordering::Relaxed);
                return Ok(body);
            }
            Found::Stale(body) => {
                self.counts.stale.fetch_add(1, Ordering::Relaxed);
                return Ok(body);
            }
            Found::Wait(mut receiver) => {
                let built = receiver.wait_for(Option::is_some).await.ok();
                if let Some(body) = built.and_then(|b| b.clone()) {
                    self.counts.wait.fetch_add(1, Ordering::Relaxed);
                    return Ok(body);
                }
                // That build failed or was abandoned: build for ourselves, uncoordinated
                // (a failure is usually a 404 or an outage, cheap to repeat).
                self.counts.build.fetch_add(1, Ordering::Relaxed);
                return build().await;
            }
            Found::Build(sender, generation) => (sender, generation),
        };
        self.counts.build.fetch_add(1, Ordering::Relaxed);
        let _building = Building {
            cache: self,
            key: &key,
        };
        let body = build().await?;
        self.store(key.clone(), body.clone(), generation);
        sender.send_replace(Some(body.clone()));
        Ok(body)
    }

    fn find(&self, key: &str) -> Found {
        let stamp = self.tick.fetch_add(1, Ordering::Relaxed);
        let look = |entries: &Entries| match entries.pages.get(key) {
            Some(entry) => {
                entry.used.store(stamp, Ordering::Relaxed);
                let age = entry.stored_at.elapsed();
                if age < self.ttl {
                    ControlFlow::Break(entry.body.clone())
                } else {
                    let stale = (age < self.ttl * 2).then(|| entry.body.clone());
                    ControlFlow::Continue((stale, entries.generation))
                }
            }
            None => ControlFlow::Continue((None, entries.generation)),
        };
        // The common case, a fresh copy, under the shared lock only.
        if let ControlFlow::Break(fresh) =
            look(&self.entries.read().unwrap_or_else(PoisonError::into_inner))
        {
            return Found::Fresh(fresh);
        }
        // Look again holding `building`: a build that just ended stored its page
        // before leaving `building`, so it is found here rather than built again.
        let mut building = self.building();
        let (stale, generation) =
            match look(&self.entries.read().unwrap_or_else(PoisonError::into_inner)) {
                ControlFlow::Break(fresh) => return Found::Fresh(fresh),
                ControlFlow::Continue(found) => found,
            };
        if let Some(receiver) = building.get(key) {
            return match stale {
                Some(body) => Found::Stale(body),
                None => Found::Wait(receiver.clone()),
            };
        }
        let (sender, receiver) = watch::channel(None);
        building.insert(key.to_owned(), receiver);
        Found::Build(sender, generation)
    }

    fn building(&self) -> MutexGuard<'_, HashMap<String, watch::Receiver<Option<Bytes>>>> {
        self.building.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Store a page built in `generation` (unless the cache was cleared since),
    /// evicting the least recently used tenth when over a limit.
    fn store(&self, key: String, body: Bytes, generation: u64) {
        let size = key.len() + body.len();
        if size > self.max_bytes / 4 {
            return;
        }
        let mut entries = self.entries.write().unwrap_or_else(PoisonError::into_inner);
        if generation != entries.generation {
            return;
        }
        let entry = Entry {
            body,
            stored_at: Instant::now(),
            used: AtomicU64::new(self.tick.fetch_add(1, Ordering::Relaxed)),
        };
        let key_len = key.len();
        let replaced = entries.pages.insert(key, entry);
        entries.bytes = entries.bytes + size - replaced.map_or(0, |old| key_len + old.body.len());
        if entries.pages.len() > self.max_entries || entries.bytes > self.max_bytes {
            self.evict(&mut entries);
        }
    }

    /// Drop the least recently used entries until both limits are 90 % met.
    fn evict(&self, entries: &mut Entries) {
        let mut by_use: Vec<(u64, &String)> = entries
            .pages
            .iter()
            .map(|(key, entry)| (entry.used.load(Ordering::Relaxed), key))
            .collect();
        by_use.sort_unstable();
        let (keep_entries, keep_bytes) = (self.max_entries / 10 * 9, self.max_bytes / 10 * 9);
        let (mut count, mut bytes) = (entries.pages.len(), entries.bytes);
        let mut doomed = Vec::new();
        for (_, key) in by_use {
            if count <= keep_entries && bytes <= keep_bytes {
                break;
            }
            count -= 1;
            bytes -= key.len() + entries.pages[key].body.len();
            doomed.push(key.clone());
        }
        for key in doomed {
            entries.pages.remove(&key);
        }
        entries.bytes = bytes;
    }

    /// Forget everything, after a change made by this process. Builds under way are
    /// still shared with their waiters but not stored.
    pub fn clear(&self) {
        let mut entries = self.entries.write().unwrap_or_else(PoisonError::into_inner);
        entries.pages.clear();
        entries.bytes = 0;
        entries.generation += 1;
    }

    pub fn stats(&self) -> Stats {
        let entries = self.entries.read().unwrap_or_else(PoisonError::into_inner);
        Stats {
            hits: self.counts.hit.load(Ordering::Relaxed),
            stale: self.counts.stale.load(Ordering::Relaxed),
            waited: self.counts.wait.load(Ordering::Relaxed),
            builds: self.counts.build.load(Ordering::Relaxed),
            entries: entries.pages.len(),
            bytes: entries.bytes,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    type Built = Result<Bytes, &'static str>;

    async fn page(cache: &PageCache, key: &str, body: &'static [u8]) -> Built {
        cache
            .get_or_build(key.into(), || async move { Ok(Bytes::from_static(body)) })
            .await
    }

    #[tokio::test]
    async fn expires_and_can_be_disabled() {
        let cache = PageCache::new(Duration::from_millis(30));
        assert_eq!(
            page(&cache, "en|/", b"one").await,
            Ok(Bytes::from_static(b"one"))
        );
        assert_eq!(
            page(&cache, "en|/", b"two").await,
            Ok(Bytes::from_static(b"one"))
        );
        tokio::time::sleep(Duration::from_millis(40)).await;
        // Expired, and nobody else is building it: this request rebuilds.
        assert_eq!(
            page(&cache, "en|/", b"two").await,
            Ok(Bytes::from_static(b"two"))
        );
        assert_eq!(
            page(&cache, "en|/", b"three").await,
            Ok(Bytes::from_static(b"two"))
        );
        let stats = cache.stats();
        assert_eq!((stats.hits, stats.builds), (2, 2));

        let off = PageCache::new(Duration::ZERO);
        assert_eq!(
            page(&off, "en|/", b"one").await,
            Ok(Bytes::from_static(b"one"))
        );
        assert_eq!(
            page(&off, "en|/", b"two").await,
            Ok(Bytes::from_static(b"two"))
        );
        assert_eq!(off.stats().entries, 0);
    }

    /// Many readers at once, of a page never built and then of the same page expired:
    /// one build each time; the others wait for the first, then get the stale copy.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn one_build_however_many_ask_at_once() {
        let cache = Arc::new(PageCache::new(Duration::from_secs(1)));
        let builds = Arc::new(AtomicU64::new(0));
        let readers = |body: &'static [u8]| {
            (0..100)
                .map(|_| {
                    let (cache, builds) = (Arc::clone(&cache), Arc::clone(&builds));
                    tokio::spawn(async move {
                        let build = || async {
                            builds.fetch_add(1, Ordering::SeqCst);
                            tokio::time::sleep(Duration::from_millis(100)).await;
                            Built::Ok(Bytes::from_static(body))
                        };
                        cache.get_or_build("en|/slow".into(), build).await
                    })
                })
                .collect::<Vec<_>>()
        };
        for reader in readers(b"first") {
            assert_eq!(reader.await.unwrap(), Ok(Bytes::from_static(b"first")));
        }
        assert_eq!(builds.load(Ordering::SeqCst), 1);
        let stats = cache.stats();
        // Those who came after the build ended had a fresh copy.
        assert_eq!((stats.builds, stats.waited + stats.hits), (1, 99));
        assert!(stats.waited > 0, "{stats:?}");

        tokio::time::sleep(Duration::from_millis(1_100)).await;
        let mut bodies = Vec::new();
        for reader in readers(b"second") {
            bodies.push(reader.await.unwrap().unwrap());
        }
        assert_eq!(builds.load(Ordering::SeqCst), 2);
        let before = stats;
        let stats = cache.stats();
        assert_eq!(stats.builds, 2);
        assert_eq!(stats.stale + stats.hits - before.hits, 99);
        let stale = bodies.iter().filter(|b| b[..] == b"first"[..]).count();
        assert_eq!(stale as u64, stats.stale);
        assert!(stale > 0, "{stats:?}");
        assert_eq!(page(&cache, "en|/slow", b"third").await.unwrap(), "second");
    }

    /// A copy more than twice the TTL old is not served: readers wait for the build.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_long_expired_copy_is_not_served() {
        let cache = Arc::new(PageCache::new(Duration::from_millis(20)));
        page(&cache, "en|/", b"old").await.unwrap();
        tokio::time::sleep(Duration::from_millis(50)).await;
        let slow = {
            let cache = Arc::clone(&cache);
            tokio::spawn(async move {
                let build = || async {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    Built::Ok(Bytes::from_static(b"new"))
                };
                cache.get_or_build("en|/".into(), build).await
            })
        };
        tokio::time::sleep(Duration::from_millis(10)).await;
        assert_eq!(page(&cache, "en|/", b"mine").await.unwrap(), "new");
        assert_eq!(slow.await.unwrap().unwrap(), "new");
        assert_eq!(cache.stats().waited, 1);
    }

    /// A failed build is not stored, and who waited for it builds for themselves; a
    /// build abandoned half-way (its request dropped) lets the next reader build.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn failures_and_abandoned_builds_are_not_shared() {
        let cache = Arc::new(PageCache::new(Duration::from_secs(60)));
        let failing = {
            let cache = Arc::clone(&cache);
            tokio::spawn(async move {
                let build = || async {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    Built::Err("not found")
                };
                cache.get_or_build("en|/gone".into(), build).await
            })
        };
        tokio::time::sleep(Duration::from_millis(10)).await;
        assert_eq!(page(&cache, "en|/gone", b"mine").await.unwrap(), "mine");
        assert_eq!(failing.await.unwrap(), Err("not found"));
        assert_eq!(cache.stats().entries, 0);

        let abandoned = cache.get_or_build("en|/left".into(), || async {
            tokio::time::sleep(Duration::from_secs(60)).await;
            Built::Ok(Bytes::from_static(b"never"))
        });
        assert!(tokio::time::timeout(Duration::from_millis(10), abandoned)
            .await
            .is_err());
        assert_eq!(page(&cache, "en|/left", b"next").await.unwrap(), "next");
        assert_eq!(page(&cache, "en|/left", b"later").await.unwrap(), "next");
    }

    #[tokio::test]
    async fn a_build_begun_before_a_clear_is_not_stored() {
        let cache = PageCache::new(Duration::from_secs(60));
        let built = cache
            .get_or_build("en|/".into(), || async {
                cache.clear();
                Built::Ok(Bytes::from_static(b"before the change"))
            })
            .await;
        assert_eq!(built.unwrap(), "before the change");
        assert_eq!(page(&cache, "en|/", b"after").await.unwrap(), "after");
    }

    #[tokio::test]
    async fn stays_bounded_and_evicts_the_least_recently_used() {
        let cache = PageCache::with_limits(Duration::from_secs(60), 4_000, 100);
        page(&cache, "en|/kept", b"x").await.unwrap();
        for i in 0..300 {
            page(&cache, &format!("en|/{i}"), b"x").await.unwrap();
            // Read often: never the least recently used.
            page(&cache, "en|/kept", b"rebuilt").await.unwrap();
        }
        let stats = cache.stats();
        assert!(stats.entries <= 100, "{stats:?}");
        assert_eq!(page(&cache, "en|/kept", b"rebuilt").await.unwrap(), "x");
        assert_eq!(page(&cache, "en|/0", b"rebuilt").await.unwrap(), "rebuilt");

        // By size: 100-byte pages, 4,000 bytes at most.
        static BIG: [u8; 100] = [b'y'; 100];
        for i in 0..100 {
            page(&cache, &format!("en|/big/{i}"), &BIG).await.unwrap();
        }
        let stats = cache.stats();
        assert!(stats.bytes <= 4_000, "{stats:?}");
        let counted: usize = {
            let entries = cache.entries.read().unwrap();
            entries
                .pages
                .iter()
                .map(|(k, e)| k.len() + e.body.len())
                .sum()
        };
        assert_eq!(counted, stats.bytes);
        // Too big for the cache at all: built every time.
        static HUGE: [u8; 1_500] = [b'z'; 1_500];
        page(&cache, "en|/huge", &HUGE).await.unwrap();
        assert_eq!(page(&cache, "en|/huge", b"small").await.unwrap(), "small");
    }
}
