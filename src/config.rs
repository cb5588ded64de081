//! Settings: documented defaults, overridden by `KENES_*` environment variables (and
//! `DATABASE_URL`) or the matching command-line flags. `kenes --help` lists them all.
//! Secrets (the database password) are never logged: see [`crate::db::Backend::describe`].

use std::path::PathBuf;
use std::time::Duration;

use crate::db::Backend;

#[derive(clap::Args, Debug, Clone)]
pub struct Settings {
    /// Address and port to listen on.
    #[arg(
        long,
        env = "KENES_BIND",
        default_value = "127.0.0.1:8080",
        global = true
    )]
    pub bind: String,

    /// Directory for the SQLite file, the mail outbox and generated secrets; created if missing.
    #[arg(long, env = "KENES_DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,

    /// `postgres://user@host/db` for PostgreSQL; a file path or `sqlite://PATH` for SQLite.
    /// Unset: SQLite at `<data dir>/kenes.db`.
    #[arg(long, env = "DATABASE_URL", global = true, hide_env_values = true)]
    pub database_url: Option<String>,

    /// The address citizens use to reach the site, used in links and emails; `https://`
    /// makes cookies Secure. Unset: `http://<bind>`.
    #[arg(long, env = "KENES_PUBLIC_URL", global = true)]
    pub public_url: Option<String>,

    /// Database connections per server process. Keep it small on a small machine.
    #[arg(long, env = "KENES_DB_POOL_SIZE", default_value_t = 4, global = true)]
    pub db_pool_size: u32,

    /// Seconds a request waits for a free database connection before it gets a 503.
    #[arg(
        long,
        env = "KENES_DB_TIMEOUT_SECS",
        default_value_t = 5,
        global = true
    )]
    pub db_timeout_secs: u64,

    /// HTTP worker threads. Unset: one per CPU core.
    #[arg(long, env = "KENES_WORKERS", global = true)]
    pub workers: Option<usize>,

    /// Seconds an anonymous reader's page may be served from the in-process cache; 0 turns
    /// the cache off.
    #[arg(
        long,
        env = "KENES_PAGE_CACHE_SECS",
        default_value_t = 2,
        global = true
    )]
    pub page_cache_secs: u64,

    /// SMTP server for outgoing mail: `smtps://user:pass@host:465`,
    /// `smtp+starttls://user:pass@host:587` or `smtp://host:25`. Unset: messages are
    /// written as .eml files to `<data dir>/outbox/` and their links logged.
    #[arg(long, env = "KENES_SMTP_URL", global = true, hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// Sender of outgoing mail.
    #[arg(
        long,
        env = "KENES_MAIL_FROM",
        default_value = "Kenes <no-reply@kenes.localhost>",
        global = true
    )]
    pub mail_from: String,

    /// How often the mail worker looks for mail to send, in milliseconds.
    #[arg(
        long,
        env = "KENES_MAIL_POLL_MS",
        default_value_t = 1000,
        global = true
    )]
    pub mail_poll_ms: u64,

    /// A session ends after this many minutes without a request.
    #[arg(
        long,
        env = "KENES_SESSION_IDLE_MINUTES",
        default_value_t = 30,
        global = true
    )]
    pub session_idle_minutes: i64,

    /// A session ends this many hours after sign-in, however active.
    #[arg(
        long,
        env = "KENES_SESSION_LIFETIME_HOURS",
        default_value_t = 12,
        global = true
    )]
    pub session_lifetime_hours: i64,

    /// Take the client address from X-Forwarded-For (only behind a proxy you run).
    #[arg(
        long,
        env = "KENES_TRUST_PROXY",
        default_value_t = false,
        global = true,
        action = clap::ArgAction::Set,
        value_parser = clap::builder::BoolishValueParser::new()
    )]
    pub trust_proxy: bool,

    /// The networks of the proxies in front of Kenes (comma-separated CIDR list), read
    /// with `KENES_TRUST_PROXY`: `X-Forwarded-For` is read from the right, past these.
    #[arg(
        long,
        env = "KENES_TRUSTED_PROXIES",
        default_value = crate::auth::client::DEFAULT_TRUSTED,
        global = true
    )]
    pub trusted_proxies: String,

    /// Distinct citizens' reports that hide a suggestion until a moderator reviews it.
    #[arg(long, env = "KENES_FLAG_THRESHOLD", default_value_t = 3, global = true)]
    pub flag_threshold: i32,

    /// Seconds between background passes that cluster new suggestions into
    /// near-duplicate groups (and flag campaigns); 0 turns the pass off.
    #[arg(long, env = "KENES_CLUSTER_SECS", default_value_t = 30, global = true)]
    pub cluster_secs: u64,

    /// Log filter, in `tracing` syntax (`info`, `kenes=debug,actix_web=info`).
    #[arg(long, env = "KENES_LOG", default_value = "info", global = true)]
    pub log: String,

    /// Log format: `text` for people, `json` for a log collector.
    #[arg(long, env = "KENES_LOG_FORMAT", default_value = "text", global = true)]
    pub log_format: LogFormat,

    /// Write the links of mail kept as files to the log (confirmation and reset links
    /// are secrets): set by `kenes demo` only, never by `serve`.
    #[arg(skip)]
    pub log_mail_links: bool,
}

#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

impl Settings {
    /// The documented defaults, for tests and tools that build settings in code.
    pub fn with_defaults() -> Self {
        Self {
            bind: "127.0.0.1:8080".into(),
            data_dir: PathBuf::from("./data"),
            database_url: None,
            public_url: None,
            db_pool_size: 4,
            db_timeout_secs: 5,
            workers: None,
            page_cache_secs: 2,
            smtp_url: None,
            mail_from: "Kenes <no-reply@kenes.localhost>".into(),
            mail_poll_ms: 1000,
            session_idle_minutes: 30,
            session_lifetime_hours: 12,
            trust_proxy: false,
            trusted_proxies: crate::auth::client::DEFAULT_TRUSTED.into(),
            flag_threshold: 3,
            cluster_secs: 30,
            log: "info".into(),
            log_format: LogFormat::Text,
            log_mail_links: false,
        }
    }

    pub fn backend(&self) -> Backend {
        Backend::from_url(self.database_url.as_deref(), &self.data_dir)
    }

    pub fn db_timeout(&self) -> Duration {
        Duration::from_secs(self.db_timeout_secs.max(1))
    }

    /// The public base URL without a trailing slash.
    pub fn public_url(&self) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.bind),
        }
    }

    pub fn is_https(&self) -> bool {
        self.public_url().starts_with("https://")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Wrapper {
        #[command(flatten)]
        settings: Settings,
    }

    #[test]
    fn documented_defaults_match_the_cli_defaults() {
        // Flags given explicitly so that this machine's environment cannot interfere.
        let from_cli = Wrapper::try_parse_from(["kenes"]).map(|w| w.settings);
        let Ok(from_cli) = from_cli else {
            panic!("defaults do not parse");
        };
        let defaults = Settings::with_defaults();
        if std::env::var_os("KENES_BIND").is_none() {
            assert_eq!(from_cli.bind, defaults.bind);
        }
        if std::env::var_os("KENES_DB_POOL_SIZE").is_none() {
            assert_eq!(from_cli.db_pool_size, defaults.db_pool_size);
        }
        if std::env::var_os("KENES_DATA_DIR").is_none() {
            assert_eq!(from_cli.data_dir, defaults.data_dir);
        }
    }

    #[test]
    fn public_url_defaults_to_the_bind_address() {
        let mut settings = Settings::with_defaults();
        assert_eq!(settings.public_url(), "http://127.0.0.1:8080");
        assert!(!settings.is_https());
        settings.public_url = Some("https://kenes.example.kz/".into());
        assert_eq!(settings.public_url(), "https://kenes.example.kz");
        assert!(settings.is_https());
    }
}
