//! `GET /healthz`: 200 when the database answers, 503 otherwise. For load balancers
//! and process supervisors; it says nothing about the data.

use actix_web::{web, HttpResponse};
use diesel::connection::SimpleConnection;

use super::{with_db, AppState};

pub async fn healthz(state: web::Data<AppState>) -> HttpResponse {
    let check = with_db(&state, |conn| {
        conn.batch_execute("SELECT 1").map_err(Into::into)
    })
    .await;
    match check {
        Ok(()) => HttpResponse::Ok().json(serde_json::json!({"status": "ok", "database": "ok"})),
        Err(error) => {
            tracing::warn!(%error, "health check failed");
            HttpResponse::ServiceUnavailable()
                .json(serde_json::json!({"status": "unavailable", "database": "unreachable"}))
        }
    }
}
