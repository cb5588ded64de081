//! Metrics for operators, in the Prometheus text format (`/metrics`).
//!
//! Recorded through the `metrics` facade wherever something happens (a request, a
//! wait for a connection, a batch, a page served from the cache) and rendered by
//! `metrics-exporter-prometheus`. What is cheaper to read than to track (the pool's
//! state, the requests waiting for the database, argon2 permits in use, the outbox
//! and moderation backlogs) is read when scraped.
//!
//! Never public: `/metrics` says how busy the site is and how its database is doing.
//! It is served on a separate listener (`KENES_METRICS_BIND`, e.g. a private
//! interface), and on the public address only with `Authorization: Bearer
//! $KENES_METRICS_TOKEN`; with neither set there is no `/metrics` at all.

use std::sync::OnceLock;
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, HttpResponse};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::routes::AppState;

const LATENCY_BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];
const SIZE_BUCKETS: &[f64] = &[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0];

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Install the process's recorder (once; later calls return the same handle).
pub fn install() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let built = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), LATENCY_BUCKETS)
                .and_then(|b| {
                    b.set_buckets_for_metric(Matcher::Suffix("_size".into()), SIZE_BUCKETS)
                })
                .and_then(|b| b.install_recorder());
            match built {
                Ok(handle) => {
                    spawn_upkeep(handle.clone());
                    Some(handle)
                }
                Err(error) => {
                    tracing::warn!(%error, "metrics are not recorded");
                    None
                }
            }
        })
        .as_ref()
}

/// How often histogram samples are folded into their buckets.
const UPKEEP_INTERVAL: Duration = Duration::from_secs(5);

/// Fold the histograms' samples into their buckets every few seconds. The exporter
/// keeps every sample recorded between two upkeeps: without this thread a process
/// nobody scrapes would keep one sample per request for ever (about 1 GB an hour at
/// 30,000 requests a second), and the first scrape would have all of them to fold.
fn spawn_upkeep(handle: PrometheusHandle) {
    let spawned = std::thread::Builder::new()
        .name("metrics-upkeep".into())
        .spawn(move || loop {
            std::thread::sleep(UPKEEP_INTERVAL);
            handle.run_upkeep();
        });
    if let Err(error) = spawned {
        tracing::warn!(%error, "metrics upkeep thread not started");
    }
}

pub fn pool_wait(waited: Duration) {
    metrics::histogram!("kenes_db_pool_wait_seconds").record(waited.as_secs_f64());
}

pub fn pool_timeout() {
    metrics::counter!("kenes_db_pool_timeouts_total").increment(1);
}

/// A request turned away for want of the database: `down`, `queue_full`,
/// `queue_timeout`, `batch_full`.
pub fn db_unavailable(reason: &'static str) {
    metrics::counter!("kenes_db_unavailable_total", "reason" => reason).increment(1);
}

pub fn db_up(up: bool) {
    metrics::gauge!("kenes_db_up").set(if up { 1.0 } else { 0.0 });
}

/// One batch of a batch thread (`vote-writer`, `session-loader`).
pub fn batch(name: &'static str, size: usize, took: Duration) {
    metrics::histogram!("kenes_batch_size", "batch" => name).record(size as f64);
    metrics::histogram!("kenes_batch_duration_seconds", "batch" => name).record(took.as_secs_f64());
}

pub fn mail_sent(outcome: &'static str) {
    metrics::counter!("kenes_mail_total", "outcome" => outcome).increment(1);
}

/// Middleware: count and time every request by the route pattern it matched (not
/// its path: `/consultations/{slug}`, so that the series stay few), method and status.
pub async fn track(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().as_str().to_owned();
    let response = next.call(req).await;
    let (route, status) = match &response {
        Ok(response) => (
            response
                .request()
                .match_pattern()
                .unwrap_or_else(|| "unmatched".to_owned()),
            response.status().as_u16(),
        ),
        Err(error) => (
            "unmatched".to_owned(),
            error.as_response_error().status_code().as_u16(),
        ),
    };
    let labels = [
        ("route", route),
        ("method", method),
        ("status", status.to_string()),
    ];
    metrics::counter!("kenes_http_requests_total", &labels).increment(1);
    metrics::histogram!("kenes_http_request_duration_seconds", &labels)
        .record(started.elapsed().as_secs_f64());
    response
}

/// The bearer token that opens `/metrics` on the public address.
pub struct PublicAccess(pub String);

/// `GET /metrics` on the public address: only with the bearer token.
pub async fn public_endpoint(
    request: HttpRequest,
    access: web::Data<PublicAccess>,
    state: web::Data<AppState>,
) -> HttpResponse {
    use subtle::ConstantTimeEq;
    let offered = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("");
    let matches: bool = offered.as_bytes().ct_eq(access.0.as_bytes()).into();
    if !matches {
        return HttpResponse::Unauthorized()
            .insert_header((header::WWW_AUTHENTICATE, "Bearer"))
            .finish();
    }
    exposition(&state).await
}

/// `GET /metrics` on `KENES_METRICS_BIND`.
pub async fn private_endpoint(state: web::Data<AppState>) -> HttpResponse {
    exposition(&state).await
}

async fn exposition(state: &AppState) -> HttpResponse {
    let Some(handle) = install() else {
        return HttpResponse::NotFound().finish();
    };
    record_state(state);
    record_backlogs(state).await;
    handle.run_upkeep();
    let mut text = handle.render();
    counted_here(state, &mut text);
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(text)
}

/// Counters kept by this application's own state rather than the process-wide
/// recorder, written straight into the text format: the page cache and the
/// statements sent to the database. (One application per process in production;
/// in the tests, each application reports its own.)
fn counted_here(state: &AppState, text: &mut String) {
    use std::fmt::Write;
    let cache = state.page_cache.stats();
    let (statements, prepared) = state.pool.statements();
    let _ = write!(
        text,
        "# HELP kenes_page_cache_requests_total Anonymous page requests by how the page cache answered: hit (fresh), stale (the expired copy, while another request rebuilt it), wait (for another request's build), build.\n\
         # TYPE kenes_page_cache_requests_total counter\n\
         kenes_page_cache_requests_total{{result=\"hit\"}} {}\n\
         kenes_page_cache_requests_total{{result=\"stale\"}} {}\n\
         kenes_page_cache_requests_total{{result=\"wait\"}} {}\n\
         kenes_page_cache_requests_total{{result=\"build\"}} {}\n\
         # HELP kenes_page_cache_entries Pages in the page cache.\n\
         # TYPE kenes_page_cache_entries gauge\n\
         kenes_page_cache_entries {}\n\
         # HELP kenes_page_cache_bytes Bytes of keys and pages in the page cache.\n\
         # TYPE kenes_page_cache_bytes gauge\n\
         kenes_page_cache_bytes {}\n\
         # HELP kenes_db_statements_total Statements sent through the connection pool (queries, BEGIN/COMMIT, batches).\n\
         # TYPE kenes_db_statements_total counter\n\
         kenes_db_statements_total {statements}\n\
         # HELP kenes_db_statements_prepared_total Statements prepared for the first time on their connection.\n\
         # TYPE kenes_db_statements_prepared_total counter\n\
         kenes_db_statements_prepared_total {prepared}\n",
        cache.hits, cache.stale, cache.waited, cache.builds, cache.entries, cache.bytes,
    );
}

/// Gauges read from this process's state.
fn record_state(state: &AppState) {
    let pool = state.pool.state();
    metrics::gauge!("kenes_db_pool_connections", "state" => "in_use")
        .set(f64::from(pool.connections - pool.idle_connections));
    metrics::gauge!("kenes_db_pool_connections", "state" => "idle")
        .set(f64::from(pool.idle_connections));
    metrics::gauge!("kenes_db_pool_max").set(f64::from(state.pool.max_size()));
    let (at_database, waiting) = state.pool.queue();
    metrics::gauge!("kenes_db_requests_in_progress").set(at_database as f64);
    metrics::gauge!("kenes_db_requests_waiting").set(waiting as f64);
    db_up(matches!(state.pool.health(), crate::db::Health::Up));
    let (in_use, total) = state.passwords.permits();
    metrics::gauge!("kenes_argon2_permits_in_use").set(in_use as f64);
    metrics::gauge!("kenes_argon2_permits").set(total as f64);
}

/// Gauges read from the database (the whole site's, whichever process answers),
/// skipped when the database does not answer within a second.
async fn record_backlogs(state: &AppState) {
    let pool = state.pool.clone();
    let read = web::block(move || {
        let mut conn = pool.get_timeout(Duration::from_millis(500)).ok()?;
        crate::models::ops::backlogs(&mut conn).ok()
    });
    let Ok(Ok(Some(backlogs))) = tokio::time::timeout(Duration::from_secs(1), read).await else {
        return;
    };
    let now = crate::models::now();
    let age = |t: Option<chrono::NaiveDateTime>| {
        t.map_or(0.0, |t| (now - t).num_milliseconds().max(0) as f64 / 1000.0)
    };
    metrics::gauge!("kenes_outbox_backlog").set(backlogs.outbox as f64);
    metrics::gauge!("kenes_outbox_oldest_age_seconds").set(age(backlogs.outbox_oldest));
    metrics::gauge!("kenes_moderation_backlog").set(backlogs.pending as f64);
    metrics::gauge!("kenes_moderation_oldest_age_seconds").set(age(backlogs.pending_oldest));
}
