//! The pages around the queue: a cluster of near-duplicates, the dashboard (with the
//! daily-summary setting), the staff and public logs, and canned responses.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::{with_db, AppState, PAGE_SIZE};
use crate::auth::policy::{Moderators, Staff};
use crate::db;
use crate::domain::moderation::{self as rules, OfficialResponse};
use crate::error::AppError;
use crate::models::moderation as data;
use crate::models::{consultation, now};
use crate::routes::{html, html_with_status, see_other};
use crate::views::forms::FormErrors;
use crate::views::moderation::{
    cluster_page, dashboard_page, log_page, ConsultationTemplates, DashboardData, TemplateChoice,
    TemplatesPage,
};
use crate::views::{Ctx, PageContext};

pub async fn cluster(
    _staff: Staff<Moderators>,
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let cluster_id = path.into_inner();
    let (members, size) = with_db(&state, move |conn| {
        let size = crate::models::export::cluster_sizes(conn, &[cluster_id])?;
        Ok((
            data::cluster_members(conn, cluster_id, 500)?,
            size.get(&cluster_id).copied(),
        ))
    })
    .await?;
    let Some(size) = size.filter(|_| !members.is_empty()) else {
        return Err(AppError::NotFound);
    };
    html(&cluster_page(ctx, size, &members))
}

pub async fn dashboard(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    Staff(me, _): Staff<Moderators>,
) -> Result<HttpResponse, AppError> {
    let since = now() - chrono::Duration::days(14);
    let loaded = with_db(&state, move |conn| {
        Ok(DashboardData {
            backlog: data::backlog(conn)?,
            oldest_pending: data::oldest_pending(conn)?,
            decisions: data::decisions_per_day(conn, since)?,
            clusters: data::largest_clusters(conn, 10)?,
        })
    })
    .await?;
    html(&dashboard_page(ctx, loaded, me.user.daily_summary, now()))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SummaryForm {
    daily_summary: String,
}

pub async fn summary_setting(
    state: web::Data<AppState>,
    Staff(me, _): Staff<Moderators>,
    form: web::Form<SummaryForm>,
) -> Result<HttpResponse, AppError> {
    let wanted = form.daily_summary == "1";
    let me_id = me.user.id;
    with_db(&state, move |conn| {
        db::write_transaction(conn, |conn| data::set_daily_summary(conn, me_id, wanted))?;
        Ok(())
    })
    .await?;
    Ok(see_other("/moderation/dashboard", Some("flash.saved")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct LogQuery {
    before: String,
}

async fn log(
    state: &AppState,
    ctx: PageContext,
    public: bool,
    before: Option<i64>,
    base: &str,
) -> Result<HttpResponse, AppError> {
    let entries = with_db(state, move |conn| {
        Ok(data::log_page(conn, public, before, PAGE_SIZE)?)
    })
    .await?;
    let page_size = usize::try_from(PAGE_SIZE).unwrap_or(50);
    html(&log_page(ctx, &entries, public, base, page_size))
}

/// The staff log: who did what.
pub async fn staff_log(
    _staff: Staff<Moderators>,
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    query: web::Query<LogQuery>,
) -> Result<HttpResponse, AppError> {
    let before = query.before.parse().ok();
    log(&state, ctx, false, before, "/moderation/log").await
}

/// The public log of decisions on published content, without moderators' names.
pub async fn public_log(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    query: web::Query<LogQuery>,
) -> Result<HttpResponse, AppError> {
    log(&state, ctx, true, query.before.parse().ok(), "/decisions").await
}

async fn templates_page(
    state: &AppState,
    ctx: PageContext,
    errors: FormErrors,
    form: TemplateForm,
) -> Result<TemplatesPage, AppError> {
    let consultations = with_db(state, move |conn| {
        let mut out = Vec::new();
        for c in consultation::list_all(conn)? {
            let templates = data::templates(conn, c.id)?
                .into_iter()
                .map(|t| TemplateChoice {
                    id: t.id,
                    title: t.title,
                    body: t.body,
                })
                .collect();
            out.push(ConsultationTemplates {
                slug: c.slug,
                title: c.title,
                templates,
            });
        }
        Ok(out)
    })
    .await?;
    Ok(TemplatesPage {
        consultations,
        errors,
        title: form.title,
        body: form.body,
        selected: form.consultation,
        ctx,
    })
}

pub async fn templates(
    _staff: Staff<Moderators>,
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
) -> Result<HttpResponse, AppError> {
    let page = templates_page(&state, ctx, FormErrors::default(), TemplateForm::default()).await?;
    html(&page)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TemplateForm {
    consultation: String,
    title: String,
    body: String,
}

pub async fn add_template(
    _staff: Staff<Moderators>,
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    form: web::Form<TemplateForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    let title = errors.check(
        "title",
        rules::parse_tag(&form.title).map(|_| form.title.trim().to_owned()),
    );
    let body = errors.check("body", OfficialResponse::parse(&form.body));
    let (Some(title), Some(body)) = (title, body) else {
        let page = templates_page(&state, ctx, errors, form).await?;
        return html_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let slug = form.consultation.clone();
    with_db(&state, move |conn| {
        let slug = crate::domain::Slug::parse(&slug).map_err(|_| AppError::NotFound)?;
        let c = consultation::find_by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
        db::write_transaction(conn, |conn| {
            data::add_template(conn, c.id, &title, body.as_str(), now())
        })?;
        Ok(())
    })
    .await?;
    Ok(see_other("/moderation/templates", Some("flash.saved")))
}
