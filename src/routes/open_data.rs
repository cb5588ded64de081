//! Open data for everyone, without signing in: the public suggestions and per-clause
//! counts, as CSV and JSON, with no personal data, and a page explaining them.

use actix_web::http::header;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::{html, streamed, AppState};
use crate::domain::Slug;
use crate::error::AppError;
use crate::services::exports::{self, ExportError, Format, OpenData};
use crate::views::analytics::OpenDataPage;
use crate::views::Ctx;

pub async fn page(Ctx(ctx): Ctx) -> Result<HttpResponse, AppError> {
    html(&OpenDataPage { ctx })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct FileQuery {
    consultation: String,
}

/// `suggestions.csv`, `suggestions.json`, `clauses.csv` or `clauses.json`.
pub async fn file(
    state: web::Data<AppState>,
    path: web::Path<String>,
    query: web::Query<FileQuery>,
) -> Result<HttpResponse, AppError> {
    let (which, format, content_type) = match path.as_str() {
        "suggestions.csv" => (
            OpenData::Suggestions,
            Format::Csv,
            "text/csv; charset=utf-8",
        ),
        "suggestions.json" => (OpenData::Suggestions, Format::Json, "application/json"),
        "clauses.csv" => (OpenData::Clauses, Format::Csv, "text/csv; charset=utf-8"),
        "clauses.json" => (OpenData::Clauses, Format::Json, "application/json"),
        _ => return Err(AppError::NotFound),
    };
    let consultation = match query.consultation.trim() {
        "" => None,
        slug => Some(Slug::parse(slug).map_err(|_| AppError::NotFound)?),
    };
    let name = format!(
        "kenes-open-{}-{}",
        consultation.as_ref().map_or("all", |s| s.as_str()),
        path.as_str()
    );
    let body = streamed(&state, move |conn, sink| {
        if let Err(error) = exports::open_data(conn, which, format, consultation, sink) {
            if !matches!(error, ExportError::Disconnected) {
                tracing::error!(%error, "open data failed part-way");
            }
        }
    });
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{name}\""),
        ))
        // The same for everyone: a proxy or CDN in front may keep it for five minutes.
        .insert_header((header::CACHE_CONTROL, "public, max-age=300"))
        .streaming(body))
}
