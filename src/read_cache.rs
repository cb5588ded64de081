//! The reading pages' data held in memory while nothing it was read from has changed
//! (issue 16).
//!
//! Where [`crate::cache`] keeps rendered pages for anonymous readers for a few seconds,
//! this keeps what a page is rendered *from*, for every reader, for exactly as long as
//! it is current: each entry is filed under the [`ChangeClock`] generation noted before
//! it was read, and is used only while that is still the generation. Any commit in this
//! process, and any change another process makes to what the pages read, moves the
//! generation on (see [`crate::db::changes`]), so a page rendered from here shows what
//! the database held at that moment (give or take the few milliseconds another process's
//! notice takes to arrive), and a citizen's own vote or suggestion is on the next page
//! they load. While changes could go unheard, nothing is used from here.
//!
//! **Bounded**: each kind of entry has a most-entries bound; when it is reached the
//! entries of older generations are dropped, and if that frees nothing, all of them.
//!
//! [`ChangeClock`]: crate::db::changes::ChangeClock

use std::collections::{HashMap, HashSet};
use std::hash::Hash;
use std::sync::{Arc, Mutex, PoisonError};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::middleware::Next;
use actix_web::web;

use crate::i18n::Lang;
use crate::models::consultation::Consultation;
use crate::models::reading::{ArticleData, ClauseWithSuggestions, Contents, TextChoice};
use crate::models::session::Session;
use crate::models::suggestion::{Cursor, Sort};
use crate::models::user::User;
use crate::state::AppState;
use crate::views::consultation::RenderedArticle;
use crate::views::suggestion::SharedSuggestion;

/// After a request that may have written (any method but GET, HEAD and OPTIONS) has
/// been answered, move this process's generation on: whatever it changed, however it
/// wrote it (a transaction is seen by the connection itself, a single statement is
/// not), the page its author is sent to next is read afresh.
pub async fn after_writes(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let writes = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let state = writes
        .then(|| req.app_data::<web::Data<AppState>>().cloned())
        .flatten();
    let response = next.call(req).await;
    if let Some(state) = state {
        state.pool.changes().bump();
    }
    response
}

/// Entries of one kind, each filed under the generation it was read at.
pub struct Fresh<K, V> {
    entries: Mutex<HashMap<K, (u64, Arc<V>)>>,
    max_entries: usize,
}

impl<K: Eq + Hash, V> Fresh<K, V> {
    pub fn new(max_entries: usize) -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
            max_entries: max_entries.max(1),
        }
    }

    /// The entry for `key`, if it was read at `generation`.
    pub fn get(&self, key: &K, generation: u64) -> Option<Arc<V>> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        entries
            .get(key)
            .filter(|(read_at, _)| *read_at == generation)
            .map(|(_, value)| Arc::clone(value))
    }

    /// Keep `value`, read at `generation`.
    pub fn insert(&self, key: K, generation: u64, value: Arc<V>) {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.len() >= self.max_entries && !entries.contains_key(&key) {
            entries.retain(|_, (read_at, _)| *read_at >= generation);
            if entries.len() >= self.max_entries {
                entries.clear();
            }
        }
        entries.insert(key, (generation, value));
    }

    pub fn len(&self) -> usize {
        self.entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A derived value, with the entry it was made from.
type MadeFrom<D, V> = (Arc<D>, Arc<V>);

/// What is worked out from a kept entry (a clause page's suggestions as shown in one
/// language): valid exactly while made from that very entry, whatever its generation.
pub struct Derived<K, D, V> {
    entries: Mutex<HashMap<K, MadeFrom<D, V>>>,
    max_entries: usize,
}

impl<K: Eq + Hash, D, V> Derived<K, D, V> {
    pub fn new(max_entries: usize) -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
            max_entries: max_entries.max(1),
        }
    }

    /// The value for `key` made from `from`, else made by `make` and kept.
    pub fn get_or_make<E>(
        &self,
        key: K,
        from: &Arc<D>,
        make: impl FnOnce() -> Result<V, E>,
    ) -> Result<Arc<V>, E> {
        if let Some((made_from, value)) = self
            .entries
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&key)
        {
            if Arc::ptr_eq(made_from, from) {
                return Ok(Arc::clone(value));
            }
        }
        let value = Arc::new(make()?);
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.len() >= self.max_entries && !entries.contains_key(&key) {
            entries.clear();
        }
        entries.insert(key, (Arc::clone(from), Arc::clone(&value)));
        Ok(value)
    }
}

/// What identifies an article page's data.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ArticleKey {
    pub slug: String,
    pub number: String,
    pub version: Option<i32>,
    pub choice: TextChoice,
}

/// What identifies a clause page's data (the suggestions shown depend on the order and
/// the page; the clause's texts are loaded in every language whichever is asked for).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClauseKey {
    pub slug: String,
    pub reference: String,
    pub version: Option<i32>,
    pub sort: Sort,
    pub after: Option<Cursor>,
}

/// Bounds: a national consultation has a few hundred articles and clauses; a clause
/// page entry holds its 20 suggestions (a few tens of kilobytes), so at most about
/// 50 MB; the upvote sets are a few ids each.
const MAX_CONTENTS: usize = 256;
const MAX_ARTICLES: usize = 2_048;
const MAX_CLAUSES: usize = 2_048;
const MAX_UPVOTED: usize = 16_384;
/// Signed-in sessions (a user row each, well under a kilobyte): a busy hour's readers.
const MAX_SESSIONS: usize = 16_384;

/// A live session and its user as loaded from the database, and when: used from memory
/// for at most [`LoadedSession::RELOAD_AFTER`], so that the session's activity is still
/// recorded (see [`crate::models::session::touch`]) while it is read from here.
pub struct LoadedSession {
    pub session: Session,
    pub user: User,
    pub loaded_at: chrono::NaiveDateTime,
}

impl LoadedSession {
    pub const RELOAD_AFTER: chrono::Duration = chrono::Duration::minutes(1);

    /// Whether it may stand for the database's answer at `now`: loaded less than a
    /// minute ago, and neither past its absolute end nor idle for `idle_timeout` by
    /// what was loaded (if it looks idle only because its touch came after loading,
    /// loading it again settles it).
    pub fn usable_at(&self, now: chrono::NaiveDateTime, idle_timeout: chrono::Duration) -> bool {
        now - self.loaded_at < Self::RELOAD_AFTER
            && now < self.session.expires_at
            && now - self.session.last_seen_at < idle_timeout
    }
}

/// Every kind of reading-page data a process keeps.
pub struct ReadCache {
    pub home: Fresh<(), Vec<Consultation>>,
    pub contents: Fresh<(String, Option<i32>), Contents>,
    pub articles: Fresh<ArticleKey, ArticleData>,
    pub clauses: Fresh<ClauseKey, ClauseWithSuggestions>,
    /// An article page's content, rendered, per interface language.
    pub article_views: Derived<(ArticleKey, Lang), ArticleData, RenderedArticle>,
    /// A clause page's suggestions as every reader sees them, rendered, per interface
    /// language.
    pub suggestion_views: Derived<(ClauseKey, Lang), ClauseWithSuggestions, Vec<SharedSuggestion>>,
    /// Which of a page's suggestions a citizen supports: (citizen, the page's ids).
    pub upvoted: Fresh<(i64, Vec<i64>), HashSet<i64>>,
    /// Signed-in sessions by token hash. Ending a session deletes its row and changing
    /// a user (blocked, role, erased) updates theirs: both move the generation on.
    pub sessions: Fresh<String, LoadedSession>,
}

impl Default for ReadCache {
    fn default() -> Self {
        Self {
            home: Fresh::new(1),
            contents: Fresh::new(MAX_CONTENTS),
            articles: Fresh::new(MAX_ARTICLES),
            clauses: Fresh::new(MAX_CLAUSES),
            article_views: Derived::new(MAX_ARTICLES),
            suggestion_views: Derived::new(MAX_CLAUSES),
            upvoted: Fresh::new(MAX_UPVOTED),
            sessions: Fresh::new(MAX_SESSIONS),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_serves_only_its_own_generation() {
        let fresh: Fresh<&str, i32> = Fresh::new(4);
        fresh.insert("a", 7, Arc::new(1));
        assert_eq!(fresh.get(&"a", 7).as_deref(), Some(&1));
        assert_eq!(fresh.get(&"a", 8), None);
        assert_eq!(fresh.get(&"b", 7), None);
    }

    #[test]
    fn a_kept_session_stands_for_a_minute_within_its_limits() {
        let at = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap();
        let loaded = LoadedSession {
            session: Session {
                token_hash: "h".into(),
                user_id: 1,
                created_at: at("2026-12-03 09:00:00"),
                last_seen_at: at("2026-12-03 09:50:00"),
                expires_at: at("2026-12-03 10:00:30"),
            },
            user: User {
                id: 1,
                email: "a@example.kz".into(),
                display_name: "A".into(),
                password_hash: String::new(),
                region: None,
                role: crate::domain::Role::Citizen,
                email_confirmed_at: None,
                terms_accepted_at: None,
                created_at: at("2026-12-03 09:00:00"),
                updated_at: at("2026-12-03 09:00:00"),
                deleted_at: None,
                blocked_at: None,
                daily_summary: false,
                summary_sent_on: None,
                lang: None,
            },
            loaded_at: at("2026-12-03 10:00:00"),
        };
        let idle = chrono::Duration::minutes(30);
        assert!(loaded.usable_at(at("2026-12-03 10:00:20"), idle));
        // Past its absolute end, though loaded a moment ago.
        assert!(!loaded.usable_at(at("2026-12-03 10:00:31"), idle));
        // Idle by what was loaded: loaded again to see the touch.
        assert!(!loaded.usable_at(at("2026-12-03 10:00:20"), chrono::Duration::minutes(10)));
        // Loaded more than a minute ago (its activity must be recorded).
        let mut later = loaded;
        later.session.expires_at = at("2026-12-04 00:00:00");
        assert!(!later.usable_at(at("2026-12-03 10:01:00"), idle));
    }

    #[test]
    fn a_full_cache_drops_older_generations_then_everything() {
        let fresh: Fresh<i32, i32> = Fresh::new(2);
        fresh.insert(1, 1, Arc::new(1));
        fresh.insert(2, 2, Arc::new(2));
        fresh.insert(3, 2, Arc::new(3));
        assert_eq!(fresh.len(), 2);
        assert_eq!(fresh.get(&1, 1), None);
        assert_eq!(fresh.get(&2, 2).as_deref(), Some(&2));
        fresh.insert(4, 2, Arc::new(4));
        assert_eq!(fresh.len(), 1);
        assert_eq!(fresh.get(&4, 2).as_deref(), Some(&4));
    }
}
