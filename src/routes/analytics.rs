//! The analytics area (`/analytics`, analysts and admins: see `auth::policy::AREAS`):
//! CSV exports streamed as they are read, and the record of past exports with their
//! SHA-256.

use crate::i18n::t;
use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::{html, streamed, with_db, AppState};
use crate::auth::policy::{Analysts, Staff};
use crate::domain::export::ExportKind;
use crate::domain::Slug;
use crate::error::AppError;
use crate::export;
use crate::models::statistics;
use crate::models::{audit, now, user};
use crate::services::exports::{self, ExportError, ExportRequest};
use crate::views::analytics::{
    bar_chart, column_chart, AnalyticsPage, Chart, ChartRow, DictionaryPage, DictionarySection,
    ExportLine, StatisticsPage,
};
use crate::views::moderation::{kind_filter_choices, status_choices};
use crate::views::{Ctx, DateView};

/// The export form and the exports made so far.
pub async fn home(
    _staff: Staff<Analysts>,
    state: web::Data<AppState>,
    request: HttpRequest,
    Ctx(ctx): Ctx,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let entries = with_db(&state, move |conn| {
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
                when: DateView::new(lang, e.created_at),
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
    Staff(me, _): Staff<Analysts>,
) -> Result<HttpResponse, AppError> {
    let query = web::Query::<ExportQuery>::from_query(request.query_string())
        .map_err(|_| AppError::BadRequest)?
        .into_inner();
    // The filter is the rest of the address (`export` and `excel` are no filter's).
    let export = ExportRequest::parse(
        &query.export,
        request.query_string(),
        None,
        matches!(query.excel.as_str(), "1" | "on" | "yes"),
        Some(me.user.id),
    )
    .map_err(|error| match error {
        ExportError::InvalidFilter(_) => AppError::Refused("analytics.filter.invalid"),
        _ => AppError::BadRequest,
    })?;
    let name = export.file_name.clone();
    let body = streamed(&state, move |conn, sink| {
        let file = &export.file_name;
        match exports::run_export(conn, &export, sink) {
            Ok(receipt) => {
                tracing::info!(
                    file,
                    rows = receipt.rows,
                    sha256 = receipt.sha256,
                    "export done"
                );
            }
            Err(ExportError::Disconnected) => {
                tracing::info!(file, "export stopped: the client went away");
            }
            Err(error) => tracing::error!(file, %error, "export failed part-way"),
        }
    });
    Ok(csv_attachment(&name)
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .streaming(body))
}

/// A CSV file to download under this name.
fn csv_attachment(name: &str) -> actix_web::HttpResponseBuilder {
    let mut response = HttpResponse::Ok();
    response
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ));
    response
}

/// What each column of each export means.
pub async fn dictionary(_staff: Staff<Analysts>, Ctx(ctx): Ctx) -> Result<HttpResponse, AppError> {
    html(&DictionaryPage {
        sections: export::DICTIONARY
            .iter()
            .map(|(kind, columns)| DictionarySection {
                kind,
                // The meaning in the page's language (the CLI and the docs keep English).
                columns: columns
                    .iter()
                    .map(|&(name, kind_of, meaning)| {
                        // A run of columns is named by what they count.
                        let column = if name.contains(", ") {
                            "kinds".to_owned()
                        } else if name.contains(" … ") {
                            "statuses".to_owned()
                        } else {
                            crate::i18n::fluent_id(name)
                        };
                        let id = format!("analytics-col-{kind}-{column}");
                        let meaning = crate::i18n::plain(ctx.lang, &id).unwrap_or(meaning);
                        let kind_of =
                            crate::i18n::plain(ctx.lang, &format!("analytics-type-{kind_of}"))
                                .unwrap_or(kind_of);
                        (name, kind_of, meaning)
                    })
                    .collect(),
            })
            .collect(),
        ctx,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StatisticsQuery {
    consultation: String,
}

/// Every chart's data: (id, title key, rows of label and value (None when withheld)).
type ChartData = Vec<(&'static str, &'static str, Vec<(String, Option<i64>)>)>;

/// The statistics behind the charts, for one consultation or all.
/// `lang`: of the row labels that are words (the page's language; CSV files keep English).
async fn chart_data(
    state: &AppState,
    slug: &str,
    lang: crate::i18n::Lang,
) -> Result<(Option<Slug>, ChartData), AppError> {
    let slug = match slug.trim() {
        "" => None,
        s => Some(Slug::parse(s).map_err(|_| AppError::NotFound)?),
    };
    let wanted = slug.clone();
    let data = with_db(state, move |conn| {
        let consultation_id = match &wanted {
            Some(slug) => Some(
                crate::models::consultation::find_by_slug(conn, slug)?
                    .ok_or(AppError::NotFound)?
                    .id,
            ),
            None => None,
        };
        let plain = |rows: Vec<(String, i64)>| {
            rows.into_iter()
                .map(|(l, n)| (l, Some(n)))
                .collect::<Vec<_>>()
        };
        let small = crate::domain::export::SMALL_COUNT;
        let regions = statistics::by_region(conn, consultation_id)?
            .into_iter()
            .map(|(region, people, n)| {
                let label = if region.is_empty() {
                    "unknown".to_owned()
                } else {
                    region
                };
                (label, (people >= small && n >= small).then_some(n))
            })
            .collect();
        let age = statistics::backlog_age(conn, consultation_id, now())?;
        Ok(vec![
            (
                "per-day",
                "statistics.per_day",
                plain(statistics::per_day(conn, consultation_id)?),
            ),
            (
                "status",
                "statistics.by_status",
                plain(statistics::by_status(conn, consultation_id)?),
            ),
            (
                "kind",
                "statistics.by_kind",
                plain(statistics::by_kind(conn, consultation_id)?),
            ),
            (
                "articles",
                "statistics.by_article",
                plain(statistics::by_article(conn, consultation_id, 30)?),
            ),
            (
                "clauses",
                "statistics.top_clauses",
                plain(statistics::top_clauses(conn, consultation_id, 20)?),
            ),
            ("regions", "statistics.by_region", regions),
            (
                "decisions",
                "statistics.decisions",
                plain(statistics::decisions_per_day(conn, consultation_id)?),
            ),
            (
                "backlog",
                "statistics.backlog",
                vec![
                    (t(lang, "statistics.age_under_day").to_owned(), Some(age[0])),
                    (t(lang, "statistics.age_week").to_owned(), Some(age[1])),
                    (t(lang, "statistics.age_month").to_owned(), Some(age[2])),
                    (t(lang, "statistics.age_older").to_owned(), Some(age[3])),
                ],
            ),
        ])
    })
    .await?;
    Ok((slug, data))
}

/// Statistics pages: each chart drawn as SVG on the server, with its table and CSV.
pub async fn statistics(
    _staff: Staff<Analysts>,
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    query: web::Query<StatisticsQuery>,
) -> Result<HttpResponse, AppError> {
    let (slug, data) = chart_data(&state, &query.consultation, ctx.lang).await?;
    let suffix = slug
        .as_ref()
        .map_or_else(String::new, |s| format!("?consultation={}", s.as_str()));
    let lang = ctx.lang;
    let charts = data
        .into_iter()
        .map(|(id, title, rows)| {
            let title_text = crate::i18n::t(lang, title);
            let svg = if matches!(id, "per-day" | "decisions") {
                column_chart(
                    title_text,
                    &rows
                        .iter()
                        .map(|(l, v)| (l.clone(), v.unwrap_or(0)))
                        .collect::<Vec<_>>(),
                )
            } else {
                bar_chart(title_text, &rows)
            };
            Chart {
                id,
                title,
                svg,
                rows: rows
                    .into_iter()
                    .map(|(label, value)| ChartRow {
                        label,
                        value: value.map(|v| v.to_string()).unwrap_or_default(),
                    })
                    .collect(),
                csv_href: format!("/analytics/statistics/{id}.csv{suffix}"),
                note: if id == "regions" {
                    "statistics.regions_note"
                } else {
                    ""
                },
            }
        })
        .collect();
    html(&StatisticsPage {
        consultation: slug.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        charts,
        ctx,
    })
}

/// The CSV behind one chart (recorded in the audit log with its SHA-256, as every
/// export is).
pub async fn statistics_csv(
    state: web::Data<AppState>,
    Staff(me, _): Staff<Analysts>,
    path: web::Path<String>,
    query: web::Query<StatisticsQuery>,
) -> Result<HttpResponse, AppError> {
    let chart = path.trim_end_matches(".csv").to_owned();
    let (slug, data) = chart_data(&state, &query.consultation, crate::i18n::Lang::En).await?;
    let (_, _, rows) = data
        .into_iter()
        .find(|(id, _, _)| *id == chart)
        .ok_or(AppError::NotFound)?;
    let (actor, filters) = (me.user.id, query.into_inner().consultation);
    let (bytes, receipt) = with_db(&state, move |conn| {
        exports::statistics_csv(conn, &chart, slug.as_ref(), &filters, rows, actor).map_err(
            |error| match error {
                ExportError::Db(error) => AppError::from(error),
                other => AppError::internal(other),
            },
        )
    })
    .await?;
    Ok(csv_attachment(&receipt.file_name).body(bytes))
}
