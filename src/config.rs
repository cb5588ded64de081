//! Settings: documented defaults, overridden by `KENES_*` environment variables (and
//! `DATABASE_URL`) or the matching command-line flags. `kenes --help` lists them all.
//! Secrets (the database password) are never logged: see [`crate::db::Backend::describe`].
//!
//! Settings forgive and refuse in the same place: a variable set to the empty string
//! counts as unset (`KENES_PUBLIC_URL=` in a unit file or a container means "the
//! default", not "relative links"), see [`parse_args`]; a value that is set but
//! malformed stops start-up with a message naming the variable and what it expects,
//! see [`Settings::validate`], instead of being quietly replaced by a default.

use std::io::Write;
use std::path::PathBuf;
use std::time::Duration;

use crate::db::Backend;
use crate::i18n::{Lang, Message};

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

    /// Language of a first visit when neither a remembered choice nor the browser's
    /// `Accept-Language` names one that is served: `kk`, `ru` or `en`.
    #[arg(long, env = "KENES_DEFAULT_LANG", default_value = "kk", global = true)]
    pub default_lang: String,

    /// The consultation's time zone (IANA name): dates and times on pages and in mail
    /// are shown in it, with the zone named.
    #[arg(
        long,
        env = "KENES_TIME_ZONE",
        default_value = "Asia/Almaty",
        global = true
    )]
    pub time_zone: String,

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

    /// Requests that may wait for a database connection beyond the pool's size; past
    /// that a request is answered 503 with `Retry-After` at once. Waiting holds no
    /// thread, so this bounds memory, not latency (`KENES_DB_QUEUE_MS` does that): a
    /// small bound shed most of a flood at once, and the 503s, asked again at once by
    /// clients that do not wait, then took the CPU the pages needed (under `wrk -c500`
    /// a bound of 32 served 89 pages/s of the 768 the server can, 512 served 411).
    #[arg(long, env = "KENES_DB_QUEUE", default_value_t = 512, global = true)]
    pub db_queue: usize,

    /// Milliseconds a request may wait for its turn at the database before it is
    /// answered 503 with `Retry-After`.
    #[arg(long, env = "KENES_DB_QUEUE_MS", default_value_t = 500, global = true)]
    pub db_queue_ms: u64,

    /// Seconds a client has to send a request's headers; slower ones are cut.
    #[arg(
        long,
        env = "KENES_HEADER_TIMEOUT_SECS",
        default_value_t = 5,
        global = true
    )]
    pub header_timeout_secs: u64,

    /// Seconds a client has to send a request's body (from its first byte of headers);
    /// slower ones get 408 and the connection is closed.
    #[arg(
        long,
        env = "KENES_BODY_TIMEOUT_SECS",
        default_value_t = 15,
        global = true
    )]
    pub body_timeout_secs: u64,

    /// Open connections the server accepts at once, all workers together. Unset: the
    /// process's file-descriptor limit less a reserve for the database, files and
    /// mail, so that accepting never runs out of descriptors.
    #[arg(long, env = "KENES_MAX_CONNECTIONS", global = true)]
    pub max_connections: Option<usize>,

    /// Connections the kernel may queue before the server accepts them.
    #[arg(long, env = "KENES_BACKLOG", default_value_t = 1024, global = true)]
    pub backlog: u32,

    /// Address and port of a separate listener for `/metrics` (Prometheus text
    /// format), e.g. `127.0.0.1:9090`. Unset: `/metrics` is not served there.
    #[arg(long, env = "KENES_METRICS_BIND", global = true)]
    pub metrics_bind: Option<String>,

    /// A bearer token that lets `/metrics` be read on the public address
    /// (`Authorization: Bearer TOKEN`); at least 16 characters. Unset: the public
    /// address has no `/metrics`.
    #[arg(
        long,
        env = "KENES_METRICS_TOKEN",
        global = true,
        hide_env_values = true
    )]
    pub metrics_token: Option<String>,

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
            default_lang: "kk".into(),
            time_zone: "Asia/Almaty".into(),
            smtp_url: None,
            mail_from: "Kenes <no-reply@kenes.localhost>".into(),
            mail_poll_ms: 1000,
            session_idle_minutes: 30,
            session_lifetime_hours: 12,
            trust_proxy: false,
            trusted_proxies: crate::auth::client::DEFAULT_TRUSTED.into(),
            flag_threshold: 3,
            cluster_secs: 30,
            db_queue: 512,
            db_queue_ms: 500,
            header_timeout_secs: 5,
            body_timeout_secs: 15,
            max_connections: None,
            backlog: 1024,
            metrics_bind: None,
            metrics_token: None,
            log: "info".into(),
            log_format: LogFormat::Text,
            log_mail_links: false,
        }
    }

    /// `KENES_DEFAULT_LANG` as a language.
    pub fn lang(&self) -> Result<crate::i18n::Lang, ConfigError> {
        crate::i18n::Lang::ALL
            .into_iter()
            .find(|l| l.code() == self.default_lang.trim())
            .ok_or_else(|| {
                ConfigError::new(
                    "KENES_DEFAULT_LANG",
                    "cli-config-expect-lang",
                    &self.default_lang,
                )
            })
    }

    /// `KENES_TIME_ZONE` as a time zone.
    pub fn zone(&self) -> Result<chrono_tz::Tz, ConfigError> {
        self.time_zone.trim().parse().map_err(|_| {
            ConfigError::new(
                "KENES_TIME_ZONE",
                "cli-config-expect-time-zone",
                &self.time_zone,
            )
        })
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

    /// Check every setting whose form the type does not already guarantee; the error
    /// names the variable and says what it expects. Called before anything starts.
    pub fn validate(&self) -> Result<(), ConfigError> {
        check_address("KENES_BIND", &self.bind)?;
        self.lang()?;
        self.zone()?;
        if let Some(url) = &self.public_url {
            check_public_url(url)?;
        }
        if let Some(url) = &self.database_url {
            check_database_url(url)?;
        }
        if let Some(url) = &self.smtp_url {
            check_smtp_url(url)?;
        }
        if self.mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(ConfigError::new(
                "KENES_MAIL_FROM",
                "cli-config-expect-mailbox",
                &self.mail_from,
            ));
        }
        if let Err(problem) = crate::auth::client::parse_networks(&self.trusted_proxies) {
            return Err(ConfigError {
                variable: "KENES_TRUSTED_PROXIES",
                message: Message::new("cli-config-networks")
                    .text("variable", "KENES_TRUSTED_PROXIES")
                    .text("item", problem.0)
                    .text("value", &self.trusted_proxies),
            });
        }
        if tracing_subscriber::EnvFilter::try_new(&self.log).is_err() {
            return Err(ConfigError::new(
                "KENES_LOG",
                "cli-config-expect-log-filter",
                &self.log,
            ));
        }
        if let Some(bind) = &self.metrics_bind {
            check_address("KENES_METRICS_BIND", bind)?;
        }
        if let Some(token) = &self.metrics_token {
            if token.chars().count() < 16 || token.chars().any(|c| c.is_whitespace()) {
                return Err(ConfigError {
                    variable: "KENES_METRICS_TOKEN",
                    message: Message::new("cli-config-token")
                        .text("variable", "KENES_METRICS_TOKEN"),
                });
            }
        }
        let ranges: [(&'static str, i128, i128, i128); 12] = [
            ("KENES_DB_POOL_SIZE", self.db_pool_size.into(), 1, 1000),
            (
                "KENES_DB_TIMEOUT_SECS",
                self.db_timeout_secs.into(),
                1,
                3600,
            ),
            ("KENES_DB_QUEUE_MS", self.db_queue_ms.into(), 1, 60_000),
            ("KENES_WORKERS", self.workers.unwrap_or(1) as i128, 1, 1024),
            (
                "KENES_MAIL_POLL_MS",
                self.mail_poll_ms.into(),
                50,
                3_600_000,
            ),
            (
                "KENES_SESSION_IDLE_MINUTES",
                self.session_idle_minutes.into(),
                1,
                1_000_000,
            ),
            (
                "KENES_SESSION_LIFETIME_HOURS",
                self.session_lifetime_hours.into(),
                1,
                1_000_000,
            ),
            (
                "KENES_FLAG_THRESHOLD",
                self.flag_threshold.into(),
                1,
                1_000_000,
            ),
            (
                "KENES_HEADER_TIMEOUT_SECS",
                self.header_timeout_secs.into(),
                1,
                3600,
            ),
            (
                "KENES_BODY_TIMEOUT_SECS",
                self.body_timeout_secs.into(),
                1,
                3600,
            ),
            (
                "KENES_MAX_CONNECTIONS",
                self.max_connections.unwrap_or(1) as i128,
                1,
                10_000_000,
            ),
            ("KENES_BACKLOG", self.backlog.into(), 1, 1_000_000),
        ];
        for (variable, value, min, max) in ranges {
            if value < min || value > max {
                return Err(ConfigError {
                    variable,
                    message: Message::new("cli-config-range")
                        .text("variable", variable)
                        .text("min", min)
                        .text("max", max)
                        .text("value", value),
                });
            }
        }
        Ok(())
    }

    /// Longest a request waits for its turn at the database (see `crate::db::Gate`).
    pub fn db_queue_wait(&self) -> Duration {
        Duration::from_millis(self.db_queue_ms.max(1))
    }
}

/// A setting that is set but malformed: which variable, and what it expects, as a
/// message the command line renders in the operator's language (`Display` is English).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ConfigError {
    pub variable: &'static str,
    /// A `cli-config-…` message; its first words name the variable.
    pub message: Message,
}

impl ConfigError {
    /// `variable` must be what the message `expected` describes, and was `got`.
    fn new(variable: &'static str, expected: &'static str, got: &str) -> Self {
        Self::expecting(
            variable,
            expected,
            Message::new("cli-config-expected").text("value", got),
        )
    }

    /// `variable` must be what the message `expected` describes; `message` says so
    /// and what was found (a `cli-config-expected…` message, given the variable and
    /// the expectation here).
    fn expecting(variable: &'static str, expected: &'static str, message: Message) -> Self {
        Self {
            variable,
            message: message
                .text("variable", variable)
                .message("expected", Message::new(expected)),
        }
    }

    /// The value is a secret or may hold one: it is not repeated.
    fn hidden(variable: &'static str, expected: &'static str) -> Self {
        Self::expecting(
            variable,
            expected,
            Message::new("cli-config-expected-hidden"),
        )
    }
}

fn check_address(variable: &'static str, value: &str) -> Result<(), ConfigError> {
    let port = value
        .rsplit_once(':')
        .filter(|(host, _)| !host.is_empty())
        .and_then(|(_, port)| port.parse::<u16>().ok());
    match port {
        Some(_) => Ok(()),
        None => Err(ConfigError::new(
            variable,
            "cli-config-expect-address",
            value,
        )),
    }
}

fn check_public_url(value: &str) -> Result<(), ConfigError> {
    match url::Url::parse(value) {
        Ok(url)
            if matches!(url.scheme(), "http" | "https")
                && url.host_str().is_some_and(|h| !h.is_empty())
                && url.query().is_none()
                && url.fragment().is_none() =>
        {
            Ok(())
        }
        _ => Err(ConfigError::new(
            "KENES_PUBLIC_URL",
            "cli-config-expect-public-url",
            value,
        )),
    }
}

fn check_database_url(value: &str) -> Result<(), ConfigError> {
    let expected = "cli-config-expect-database-url";
    match value.split_once("://") {
        Some(("postgres" | "postgresql", rest)) if !rest.is_empty() => url::Url::parse(value)
            .map(|_| ())
            .map_err(|_| ConfigError::hidden("DATABASE_URL", expected)),
        Some(("sqlite", rest)) if !rest.is_empty() => Ok(()),
        Some((scheme, _)) => Err(ConfigError::expecting(
            "DATABASE_URL",
            expected,
            Message::new("cli-config-expected-scheme").text("scheme", scheme),
        )),
        None => Ok(()),
    }
}

fn check_smtp_url(value: &str) -> Result<(), ConfigError> {
    match url::Url::parse(value) {
        Ok(url)
            if matches!(url.scheme(), "smtp" | "smtps" | "smtp+starttls")
                && url.host_str().is_some_and(|h| !h.is_empty()) =>
        {
            Ok(())
        }
        _ => Err(ConfigError::hidden(
            "KENES_SMTP_URL",
            "cli-config-expect-smtp-url",
        )),
    }
}

/// Parse the command line and the environment, where a variable set to the empty
/// string counts as unset (its default applies). clap alone would take `KENES_BIND=`
/// as an empty address and `KENES_PUBLIC_URL=` as an empty base URL. A value clap
/// cannot parse (`KENES_DB_POOL_SIZE=four`) is reported with its variable's name.
pub fn parse_args<P: clap::Parser>() -> P {
    parse_command(P::command(), Lang::En, |_| None)
}

/// [`parse_args`] with a command built by the caller (the CLI sets its `--help` lines
/// in the operator's language), speaking `lang`. `describe` puts a parse error clap
/// reports into words (`None`: clap's own words, and `--help` and `--version` are
/// printed by clap as they are).
pub fn parse_command<P: clap::Parser>(
    command: clap::Command,
    lang: Lang,
    describe: impl Fn(&clap::Error) -> Option<String>,
) -> P {
    let command = forget_empty_variables(command);
    let named = environment_names(&command);
    let parsed = command
        .try_get_matches()
        .and_then(|matches| P::from_arg_matches(&matches));
    match parsed {
        Ok(parsed) => parsed,
        Err(error) => {
            if let Some(message) = name_the_variable(&error, &named) {
                let error_word = crate::i18n::plain(lang, "cli-error").unwrap_or("error");
                let _ = writeln!(std::io::stderr(), "{error_word}: {}", message.render(lang));
                std::process::exit(2);
            }
            if let Some(text) = describe(&error) {
                let _ = write!(std::io::stderr(), "{text}");
                std::process::exit(error.exit_code());
            }
            error.exit()
        }
    }
}

/// `command` without the environment variable of each option whose variable is set
/// to the empty string, so that it counts as unset. Before `Command::build`, which
/// copies the options every subcommand takes into each subcommand.
pub fn forget_empty_variables(command: clap::Command) -> clap::Command {
    command.mut_args(|arg| {
        let empty = arg
            .get_env()
            .and_then(std::env::var_os)
            .is_some_and(|value| value.is_empty());
        if empty {
            arg.env(None::<&'static str>)
        } else {
            arg
        }
    })
}

/// (`--long`, environment variable) of every argument that has both.
fn environment_names(command: &clap::Command) -> Vec<(String, String)> {
    command
        .get_arguments()
        .filter_map(|arg| {
            let long = arg.get_long()?;
            let env = arg.get_env()?.to_str()?;
            Some((format!("--{long}"), env.to_owned()))
        })
        .collect()
}

/// clap's message for a value it could not parse names the flag; when the value came
/// from the environment, say so with the variable's name.
fn name_the_variable(error: &clap::Error, named: &[(String, String)]) -> Option<Message> {
    use clap::error::{ContextKind, ContextValue};
    let ContextValue::String(arg) = error.get(ContextKind::InvalidArg)? else {
        return None;
    };
    let (long, variable) = named
        .iter()
        .find(|(long, _)| arg.split_whitespace().next() == Some(long.as_str()))?;
    let from_flag = std::env::args().any(|a| a == *long || a.starts_with(&format!("{long}=")));
    if from_flag || std::env::var_os(variable).is_none() {
        return None;
    }
    let value = match error.get(ContextKind::InvalidValue) {
        Some(ContextValue::String(value)) => value.clone(),
        _ => String::new(),
    };
    Some(
        Message::new("cli-config-variable-invalid")
            .text("variable", variable)
            .text("value", value),
    )
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
    fn malformed_settings_name_their_variable() {
        assert_eq!(Settings::with_defaults().validate(), Ok(()));
        type Spoil = Box<dyn Fn(&mut Settings)>;
        let cases: Vec<(&str, Spoil)> = vec![
            (
                "KENES_PUBLIC_URL",
                Box::new(|s| s.public_url = Some("/relative".into())),
            ),
            (
                "KENES_PUBLIC_URL",
                Box::new(|s| s.public_url = Some("ftp://x.kz".into())),
            ),
            ("KENES_BIND", Box::new(|s| s.bind = "8080".into())),
            (
                "DATABASE_URL",
                Box::new(|s| s.database_url = Some("mysql://u:p@h/db".into())),
            ),
            (
                "KENES_SMTP_URL",
                Box::new(|s| s.smtp_url = Some("smtp//x".into())),
            ),
            (
                "KENES_MAIL_FROM",
                Box::new(|s| s.mail_from = "not a mailbox".into()),
            ),
            (
                "KENES_TRUSTED_PROXIES",
                Box::new(|s| s.trusted_proxies = "10.0.0.0/33".into()),
            ),
            ("KENES_LOG", Box::new(|s| s.log = "kenes=loud".into())),
            ("KENES_DB_POOL_SIZE", Box::new(|s| s.db_pool_size = 0)),
            (
                "KENES_METRICS_TOKEN",
                Box::new(|s| s.metrics_token = Some("short".into())),
            ),
            (
                "KENES_METRICS_BIND",
                Box::new(|s| s.metrics_bind = Some("nowhere".into())),
            ),
        ];
        for (variable, spoil) in cases {
            let mut settings = Settings::with_defaults();
            spoil(&mut settings);
            let error = settings.validate().unwrap_err();
            assert_eq!(error.variable, variable);
            assert!(error.to_string().starts_with(variable), "{error}");
        }
        let mut secret = Settings::with_defaults();
        secret.database_url = Some("mysql://user:hunter2@h/db".into());
        assert!(!secret
            .validate()
            .unwrap_err()
            .to_string()
            .contains("hunter2"));
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
