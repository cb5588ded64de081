//! Building and running the web application.
//!
//! [`Application::build`] connects to the database, applies migrations and binds the
//! listener (port 0 picks a free port, which the tests use); [`Application::run_until_stopped`]
//! serves until SIGTERM or Ctrl-C, then lets requests in flight finish.

use std::net::TcpListener;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, DefaultHeaders};
use actix_web::{web, App, HttpServer};
use anyhow::Context;
use tracing_actix_web::TracingLogger;

use crate::cache::PageCache;
use crate::config::Settings;
use crate::db::{self, DbPool};
use crate::error::AppError;
use crate::routes::{self, AppState};

/// Largest request body accepted anywhere (forms are far smaller; uploads set their own).
const BODY_LIMIT_BYTES: usize = 64 * 1024;

pub struct Application {
    port: u16,
    server: Server,
    pool: DbPool,
}

/// Connect, and bring the schema up to date.
pub fn prepare_database(settings: &Settings) -> anyhow::Result<DbPool> {
    let backend = settings.backend();
    let pool = db::connect(
        &backend,
        settings.db_pool_size.max(1),
        settings.db_timeout(),
    )
    .with_context(|| format!("opening {}", backend.describe()))?;
    let mut conn = pool.get().context("getting a database connection")?;
    let applied = db::run_migrations(&mut conn)?;
    if applied > 0 {
        tracing::info!(applied, backend = backend.name(), "applied migrations");
    }
    Ok(pool)
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
        let listener = TcpListener::bind(&settings.bind)
            .with_context(|| format!("binding {}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let state = web::Data::new(AppState {
            pool: pool.clone(),
            page_cache: PageCache::new(Duration::from_secs(settings.page_cache_secs)),
        });
        let https = settings.is_https();
        let workers = settings
            .workers
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
        let server = HttpServer::new(move || {
            App::new()
                .wrap(Compress::default())
                .wrap(security_headers(https))
                .wrap(TracingLogger::default())
                .app_data(state.clone())
                .app_data(web::PayloadConfig::new(BODY_LIMIT_BYTES))
                .app_data(web::FormConfig::default().limit(BODY_LIMIT_BYTES))
                .app_data(
                    web::QueryConfig::default().error_handler(|_, _| AppError::NotFound.into()),
                )
                .app_data(
                    web::PathConfig::default().error_handler(|_, _| AppError::NotFound.into()),
                )
                .configure(routes::configure)
                .default_service(web::to(routes::not_found))
        })
        .workers(workers)
        .shutdown_timeout(30)
        .listen(listener)?
        .run();
        Ok(Self { port, server, pool })
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
        self.server.await
    }
}
