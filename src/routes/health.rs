//! Probes for load balancers and supervisors; they say nothing about the data.
//!
//! - `GET /healthz` (liveness): the process is up and serving HTTP. It answers at
//!   once, 200, without touching the database (it reports what the pool last found),
//!   so a supervisor never restarts a healthy process because the database is down:
//!   a restart would not bring the database back.
//! - `GET /readyz` (readiness): whether this process can serve requests now, i.e. the
//!   database answers. 200, or 503 with `Retry-After`, always within a second
//!   whatever the database does; a load balancer sends traffic elsewhere meanwhile.
//!   One check runs at a time and its answer serves every probe for a second.

use std::time::{Duration, Instant};

use actix_web::{web, HttpResponse};
use diesel::connection::SimpleConnection;

use super::AppState;
use crate::db::Health;

/// How long a readiness check may take, and how long its answer is reused.
const CHECK_DEADLINE: Duration = Duration::from_millis(900);
const REUSE_FOR: Duration = Duration::from_secs(1);

pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let database = match state.pool.health() {
        Health::Up => "ok",
        Health::Down { .. } => "unavailable",
    };
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(serde_json::json!({"status": "ok", "database": database}))
}

/// The last readiness check, shared by the probes of one server.
#[derive(Default)]
pub struct Readiness {
    last: tokio::sync::Mutex<Option<(Instant, Result<(), String>)>>,
}

pub async fn readyz(state: web::Data<AppState>, readiness: web::Data<Readiness>) -> HttpResponse {
    let verdict = {
        let mut last = readiness.last.lock().await;
        match last.as_ref() {
            Some((at, verdict)) if at.elapsed() < REUSE_FOR => verdict.clone(),
            _ => {
                let verdict = check(&state).await;
                *last = Some((Instant::now(), verdict.clone()));
                verdict
            }
        }
    };
    match verdict {
        Ok(()) => HttpResponse::Ok()
            .insert_header(("Cache-Control", "no-store"))
            .json(serde_json::json!({"status": "ready", "database": "ok"})),
        Err(problem) => HttpResponse::ServiceUnavailable()
            .insert_header(("Cache-Control", "no-store"))
            .insert_header(("Retry-After", "5"))
            .json(serde_json::json!({"status": "unavailable", "database": problem})),
    }
}

/// One round trip to the database, within the deadline.
async fn check(state: &AppState) -> Result<(), String> {
    let pool = state.pool.clone();
    let probe = web::block(move || {
        let mut conn = pool.get().map_err(|e| e.to_string())?;
        conn.batch_execute("SELECT 1").map_err(|e| e.to_string())
    });
    match tokio::time::timeout(CHECK_DEADLINE, probe).await {
        Ok(Ok(result)) => result,
        Ok(Err(error)) => Err(error.to_string()),
        Err(_) => Err("no answer within a second".into()),
    }
}
