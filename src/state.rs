//! What every request handler can reach: the pool, the caches, the batch threads and
//! the settings that shape answers. Built once by `startup`, shared by all workers.

use actix_web::HttpRequest;

use crate::auth::password::Passwords;
use crate::auth::session::SessionSettings;
use crate::cache::PageCache;
use crate::db::DbPool;

/// What every handler can reach.
pub struct AppState {
    pub pool: DbPool,
    pub page_cache: PageCache,
    /// Articles of published versions (see [`crate::models::reading::PublishedArticles`]).
    pub published: crate::models::reading::PublishedArticles,
    /// Reading pages' data while it is current (see [`crate::read_cache`]).
    pub reading: crate::read_cache::ReadCache,
    pub passwords: Passwords,
    /// Key for signing CSRF tokens (generated once, kept in the database).
    pub csrf_key: Vec<u8>,
    pub sessions: SessionSettings,
    /// Base for links in emails, without a trailing slash.
    pub public_url: String,
    /// How to find the client's address behind proxies.
    pub client_address: crate::auth::client::ClientAddress,
    /// Distinct reports that hide a suggestion pending review.
    pub flag_threshold: i32,
    /// Upvotes are written in batches by one thread (see `crate::votes`).
    pub votes: crate::votes::VoteWriter,
    /// Sessions are loaded in batches by one thread (see `crate::batch`).
    pub session_loader: crate::auth::session::SessionLoader,
    /// `KENES_DEFAULT_LANG`: the language of a first visit that names none we serve,
    /// and of mail to someone who never chose one.
    pub default_lang: crate::i18n::Lang,
}

impl AppState {
    /// The client's address, for throttling (see [`crate::auth::client`]).
    pub fn client_ip(&self, request: &HttpRequest) -> String {
        let forwarded: Vec<&str> = request
            .headers()
            .get_all("x-forwarded-for")
            .filter_map(|v| v.to_str().ok())
            .collect();
        self.client_address
            .client(request.peer_addr().map(|a| a.ip()), &forwarded)
            .map_or_else(|| "unknown".to_owned(), |ip| ip.to_string())
    }
}
