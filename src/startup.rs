//! Building and running the web application.
//!
//! [`Application::build`] connects to the database, applies migrations and binds the
//! listener (port 0 picks a free port, which the tests use); [`Application::run_until_stopped`]
//! serves until SIGTERM or Ctrl-C, then lets requests in flight finish.

use std::net::TcpListener;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{from_fn, Compress, DefaultHeaders};
use actix_web::{web, App, HttpServer};
use anyhow::Context;
use tracing_actix_web::TracingLogger;

use lettre::message::Mailbox;

use crate::auth::password::Passwords;
use crate::auth::session::{self, SessionSettings};
use crate::auth::{csrf, token};
use crate::cache::PageCache;
use crate::config::Settings;
use crate::db::{self, AnyConnectionManager, DbPool};
use crate::error::AppError;
use crate::i18n::Message;
use crate::mail::transport::Transport;
use crate::mail::worker::{self, WorkerHandle};
use crate::models::secret;
use crate::routes;
use crate::state::AppState;

/// Largest request body accepted anywhere (forms are far smaller; uploads set their own).
const BODY_LIMIT_BYTES: usize = 64 * 1024;

pub struct Application {
    port: u16,
    server: Server,
    /// The listener of `/metrics` on `KENES_METRICS_BIND`, and its port.
    metrics_server: Option<(Server, u16)>,
    pool: DbPool,
    mail_worker: WorkerHandle,
    /// Hears other processes' changes for the reading pages; stops when dropped.
    changes: crate::db::changes::Watcher,
}

/// Connect, and bring the schema up to date.
pub fn prepare_database(settings: &Settings) -> anyhow::Result<DbPool> {
    settings.validate()?;
    let backend = settings.backend();
    let pool = db::connect(
        &backend,
        settings.db_pool_size.max(1),
        settings.db_timeout(),
    )
    .with_context(|| Message::new("cli-opening").text("database", backend.describe()))?
    .with_queue(settings.db_queue, settings.db_queue_wait());
    let mut conn = pool.get().context(Message::new("cli-getting-connection"))?;
    let applied = db::run_migrations(&mut conn)?;
    if applied > 0 {
        tracing::info!(applied, backend = backend.name(), "applied migrations");
    }
    Ok(pool)
}

/// The private listener: `/metrics` (and the probes) for the monitoring network
/// only, with one worker; nothing else is routed there.
fn metrics_server(
    bind: &str,
    state: web::Data<AppState>,
    readiness: web::Data<routes::health::Readiness>,
) -> anyhow::Result<(Server, u16)> {
    let listener = TcpListener::bind(bind).with_context(|| {
        Message::new("cli-binding")
            .text("variable", "KENES_METRICS_BIND")
            .text("address", bind)
    })?;
    let port = listener.local_addr()?.port();
    let server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .app_data(readiness.clone())
            .route("/metrics", web::get().to(crate::metrics::private_endpoint))
            .route("/healthz", web::get().to(routes::health::healthz))
            .route("/readyz", web::get().to(routes::health::readyz))
    })
    .workers(1)
    .max_connections(256)
    .disable_signals()
    .shutdown_timeout(5)
    .listen(listener)?
    .run();
    Ok((server, port))
}

/// Security headers on every response. The CSP allows no inline script or style, and
/// no framing (clickjacking); HSTS only when the public URL is https.
fn security_headers(https: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "strict-origin-when-cross-origin"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=()",
        ));
    if https {
        headers.add((
            "Strict-Transport-Security",
            "max-age=31536000; includeSubDomains",
        ))
    } else {
        headers
    }
}

impl Application {
    pub fn build(settings: &Settings) -> anyhow::Result<Self> {
        let pool = prepare_database(settings)?;
        Self::build_with_pool(settings, pool)
    }

    pub fn build_with_pool(settings: &Settings, pool: DbPool) -> anyhow::Result<Self> {
        settings.validate()?;
        let listener = TcpListener::bind(&settings.bind).with_context(|| {
            Message::new("cli-binding")
                .text("variable", "KENES_BIND")
                .text("address", &settings.bind)
        })?;
        let port = listener.local_addr()?.port();
        let csrf_key = {
            let mut conn = pool.get().context(Message::new("cli-getting-connection"))?;
            secret::get_or_create(&mut conn, "csrf_key", token::random_token)?
        };
        let https = settings.is_https();
        let default_lang = settings.lang()?;
        crate::i18n::set_time_zone(settings.zone()?);
        crate::i18n::set_default_lang(default_lang);
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let sessions = SessionSettings {
            idle_timeout: chrono::Duration::minutes(settings.session_idle_minutes.max(1)),
            lifetime: chrono::Duration::hours(settings.session_lifetime_hours.max(1)),
            secure_cookies: https,
        };
        let state = web::Data::new(AppState {
            pool: pool.clone(),
            page_cache: PageCache::new(Duration::from_secs(settings.page_cache_secs)),
            published: Default::default(),
            reading: Default::default(),
            passwords: Passwords::new(cores),
            csrf_key: csrf_key.into_bytes(),
            sessions,
            public_url: settings.public_url(),
            client_address: crate::auth::client::ClientAddress {
                trust_proxy: settings.trust_proxy,
                trusted: crate::auth::client::parse_networks(&settings.trusted_proxies)
                    .map_err(|e| anyhow::anyhow!("KENES_TRUSTED_PROXIES: {e}"))?,
            },
            flag_threshold: settings.flag_threshold.max(1),
            votes: crate::votes::start(AnyConnectionManager::for_batches(settings.backend()))
                .context("starting the vote writer")?,
            session_loader: crate::auth::session::start_loader(
                AnyConnectionManager::for_batches(settings.backend()),
                sessions.idle_timeout,
            )
            .context("starting the session loader")?,
            default_lang,
        });
        let changes = crate::db::changes::watch(settings.backend(), pool.changes())
            .context("starting the change watcher")?;
        let transport = Transport::new(
            settings.smtp_url.as_deref(),
            settings.data_dir.join("outbox"),
            settings.log_mail_links,
        )?;
        let from: Mailbox = settings.mail_from.parse().with_context(|| {
            format!("KENES_MAIL_FROM `{}` is not a mailbox", settings.mail_from)
        })?;
        let (mail_worker, _) = worker::spawn(
            pool.clone(),
            transport,
            from,
            Duration::from_millis(settings.mail_poll_ms.max(50)),
        )?;
        crate::housekeeping::spawn(
            pool.clone(),
            (settings.cluster_secs > 0).then(|| Duration::from_secs(settings.cluster_secs)),
            settings.public_url(),
            default_lang,
            &mail_worker,
        )?;
        let workers = settings.workers.unwrap_or(cores).max(1);
        crate::metrics::install();
        let metrics_token = settings
            .metrics_token
            .clone()
            .map(|t| web::Data::new(crate::metrics::PublicAccess(t)));
        let readiness = web::Data::new(routes::health::Readiness::default());
        let body_deadline = web::Data::new(crate::limits::BodyDeadline(Duration::from_secs(
            settings.body_timeout_secs.max(1),
        )));
        let metrics_server = match &settings.metrics_bind {
            Some(bind) => Some(metrics_server(bind, state.clone(), readiness.clone())?),
            None => None,
        };
        let max_connections = crate::limits::max_connections(settings.max_connections);
        // Blocking threads do database work (as many at once as the pool has
        // connections, see `db::pool`) and password hashing (one per core); the rest
        // of this bound is headroom, not a queue.
        let blocking_threads = (settings.db_pool_size as usize + cores).max(4) * 2;
        let server = HttpServer::new(move || {
            // Listed innermost first (the first, `after_writes`, tells the reading
            // pages' cache once a request that may have written is answered): a
            // request passes the tracing span, the security
            // headers and compression, then its language prefix is taken off
            // (`locale`), the session is loaded, an unprefixed page is redirected to its
            // address in a language, and the CSRF token checked; the router then applies each protected area's guard to the
            // scope it matched (`routes::configure`, `auth::policy`).
            let app = App::new()
                .wrap(from_fn(crate::read_cache::after_writes))
                .wrap(from_fn(csrf::protect))
                .wrap(from_fn(crate::locale::redirect))
                .wrap(from_fn(session::load))
                .wrap(from_fn(crate::limits::body_deadline))
                .wrap(from_fn(crate::locale::prefix))
                .wrap(Compress::default())
                .wrap(security_headers(https))
                .wrap(TracingLogger::default())
                .wrap(from_fn(crate::metrics::track))
                .app_data(state.clone())
                .app_data(readiness.clone())
                .app_data(body_deadline.clone())
                .app_data(web::PayloadConfig::new(BODY_LIMIT_BYTES))
                .app_data(
                    web::FormConfig::default()
                        .limit(BODY_LIMIT_BYTES)
                        .error_handler(|error, _| match error {
                            actix_web::error::UrlencodedError::Overflow { .. }
                            | actix_web::error::UrlencodedError::Payload(
                                actix_web::error::PayloadError::Overflow,
                            ) => AppError::PayloadTooLarge.into(),
                            _ => AppError::BadRequest.into(),
                        }),
                )
                .app_data(
                    web::QueryConfig::default().error_handler(|_, _| AppError::NotFound.into()),
                )
                .app_data(
                    web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into()),
                )
                .route("/readyz", web::get().to(routes::health::readyz));
            let app = match &metrics_token {
                Some(token) => app
                    .app_data(token.clone())
                    .route("/metrics", web::get().to(crate::metrics::public_endpoint)),
                None => app,
            };
            app.configure(routes::configure)
                .default_service(web::to(routes::not_found))
        })
        .workers(workers)
        .shutdown_timeout(30)
        .client_request_timeout(Duration::from_secs(settings.header_timeout_secs.max(1)))
        .client_disconnect_timeout(Duration::from_secs(2))
        .max_connections(max_connections.div_ceil(workers))
        .backlog(settings.backlog)
        .worker_max_blocking_threads(blocking_threads)
        .listen(listener)?
        .run();
        tracing::debug!(max_connections, blocking_threads, "connection limits");
        Ok(Self {
            port,
            server,
            metrics_server,
            pool,
            mail_worker,
            changes,
        })
    }

    /// The port of the `/metrics` listener (`KENES_METRICS_BIND`), if any.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_server.as_ref().map(|(_, port)| *port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn pool(&self) -> &DbPool {
        &self.pool
    }

    /// Serve until stopped. actix-web handles SIGTERM, SIGINT and SIGQUIT: it stops
    /// accepting connections and gives requests in flight up to 30 s to finish.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let metrics = self.metrics_server.map(|(server, _)| {
            let handle = server.handle();
            (handle, tokio::spawn(server))
        });
        let result = self.server.await;
        self.mail_worker.stop();
        drop(self.changes);
        if let Some((handle, task)) = metrics {
            handle.stop(true).await;
            let _ = task.await;
        }
        result
    }

    /// Stops the mail worker (tests stop it when they end).
    pub fn mail_worker(&self) -> WorkerHandle {
        self.mail_worker.clone()
    }
}
