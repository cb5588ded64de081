//! The analytics area (`/analytics`, analysts and admins: see `auth::policy::AREAS`):
//! CSV exports streamed as they are read, and the record of past exports with their
//! SHA-256.

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::{html, streamed, with_db, AppState};
use crate::auth::session::RequireUser;
use crate::domain::export::{file_name, ExportKind};
use crate::domain::queue::export_filter;
use crate::error::AppError;
use crate::export::{self, ExportRequest};
use crate::models::{audit, now, user};
use crate::views::analytics::{AnalyticsPage, DictionaryPage, DictionarySection, ExportLine};
use crate::views::moderation::{kind_filter_choices, status_choices};
use crate::views::{Ctx, DateView};

/// The export form and the exports made so far.
pub async fn home(
    state: web::Data<AppState>,
    request: HttpRequest,
    Ctx(ctx): Ctx,
) -> Result<HttpResponse, AppError> {
    let entries = with_db(&state, |conn| {
        let entries = audit::recent_of(conn, "export", 20)?;
        let mut lines = Vec::new();
        for e in entries {
            let details: serde_json::Value = serde_json::from_str(&e.details).unwrap_or_default();
            let who = match e.actor_user_id {
                Some(id) => user::find(conn, id)?
                    .map(|u| u.display_name)
                    .unwrap_or_default(),
                None => "kenes export".to_owned(),
            };
            lines.push(ExportLine {
                when: DateView::new(e.created_at),
                time: e.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
                who,
                file: details["file"].as_str().unwrap_or_default().to_owned(),
                filters: details["filters"].as_str().unwrap_or_default().to_owned(),
                rows: details["rows"].as_u64().unwrap_or_default(),
                sha256: details["sha256"].as_str().unwrap_or_default().to_owned(),
            });
        }
        Ok(lines)
    })
    .await?;
    // Excel on Windows needs the byte-order mark to read UTF-8.
    let windows = request
        .headers()
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ua| ua.contains("Windows"));
    let lang = ctx.lang;
    html(&AnalyticsPage {
        kinds: ExportKind::ALL.iter().map(|k| k.as_str()).collect(),
        status_choices: status_choices(lang, "all"),
        kind_choices: kind_filter_choices(lang, ""),
        excel: windows,
        exports: entries,
        ctx,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExportQuery {
    export: String,
    excel: String,
}

/// Stream an export: a blocking thread reads the rows in one snapshot and sends CSV
/// through a small channel; the response forwards it as it comes. When the client goes
/// away the channel closes and the export stops.
pub async fn download(
    state: web::Data<AppState>,
    request: HttpRequest,
    RequireUser(me): RequireUser,
) -> Result<HttpResponse, AppError> {
    let query = web::Query::<ExportQuery>::from_query(request.query_string())
        .map_err(|_| AppError::BadRequest)?
        .into_inner();
    let kind: ExportKind = query.export.parse().map_err(|_| AppError::BadRequest)?;
    let filter_query = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(
            url::form_urlencoded::parse(request.query_string().as_bytes())
                .filter(|(k, _)| k != "export" && k != "excel"),
        )
        .finish();
    let filter = export_filter(&filter_query, None)
        .map_err(|_| AppError::Refused("analytics.filter.invalid"))?;
    let name = file_name(
        kind,
        filter.consultation.as_ref().map(|s| s.as_str()),
        now(),
    );
    let export_request = ExportRequest {
        kind,
        filter,
        excel: matches!(query.excel.as_str(), "1" | "on" | "yes"),
    };
    let actor = me.user.id;
    let file = name.clone();
    let body = streamed(&state, move |conn, sink| {
        match export::run(conn, &export_request, Some(actor), &file, sink) {
            Ok(report) => {
                tracing::info!(
                    file,
                    rows = report.rows,
                    sha256 = report.sha256,
                    "export done"
                );
            }
            Err(export::ExportError::Disconnected) => {
                tracing::info!(file, "export stopped: the client went away");
            }
            Err(error) => tracing::error!(file, %error, "export failed part-way"),
        }
    });
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(body))
}

/// What each column of each export means.
pub async fn dictionary(Ctx(ctx): Ctx) -> Result<HttpResponse, AppError> {
    html(&DictionaryPage {
        sections: export::DICTIONARY
            .iter()
            .map(|(kind, columns)| DictionarySection {
                kind,
                columns: columns.to_vec(),
            })
            .collect(),
        ctx,
    })
}
