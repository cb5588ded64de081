//! Reading a draft: home, a consultation's contents, an article, a clause. Each page
//! is public and goes through the anonymous micro-cache ([`super::public_page`]).

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::{public_page, render, with_db, AppState};
use crate::domain::{ArticleNumber, ClauseRef, Slug};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::models::reading;
use crate::views::consultation::ConsultationSummary;
use crate::views::{ArticlePage, ClausePage, ConsultationPage, HomePage};

/// `?version=N` selects a published version other than the current one.
#[derive(Debug, Deserialize)]
pub struct VersionQuery {
    version: Option<i32>,
}

/// A malformed slug or reference names no page: 404, not 400.
fn parse<T, E>(result: Result<T, E>) -> Result<T, AppError> {
    result.map_err(|_| AppError::NotFound)
}

#[tracing::instrument(skip_all)]
pub async fn home(
    state: web::Data<AppState>,
    request: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let lang = Lang::default();
    let db = state.clone();
    public_page(&state, &request, lang, |ctx| async move {
        let consultations = with_db(&db, |conn| Ok(reading::public_consultations(conn)?)).await?;
        render(&HomePage {
            ctx: &ctx,
            consultations: consultations.iter().map(ConsultationSummary::new).collect(),
        })
    })
    .await
}

#[tracing::instrument(skip_all, fields(slug = %slug))]
pub async fn contents(
    state: web::Data<AppState>,
    request: HttpRequest,
    slug: web::Path<String>,
    query: web::Query<VersionQuery>,
) -> Result<HttpResponse, AppError> {
    let slug = parse(Slug::parse(&slug))?;
    let requested = query.version;
    let lang = Lang::default();
    let db = state.clone();
    public_page(&state, &request, lang, |ctx| async move {
        let data = with_db(&db, move |conn| {
            Ok(reading::contents(conn, &slug, requested)?)
        })
        .await?
        .ok_or(AppError::NotFound)?;
        render(&ConsultationPage::new(
            &ctx,
            &data.consultation,
            data.version.as_ref().map(|(v, current)| (v, *current)),
            &data.chapters,
            &data.articles,
        ))
    })
    .await
}

#[tracing::instrument(skip_all, fields(slug = %path.0, article = %path.1))]
pub async fn article(
    state: web::Data<AppState>,
    request: HttpRequest,
    path: web::Path<(String, String)>,
    query: web::Query<VersionQuery>,
) -> Result<HttpResponse, AppError> {
    let slug = parse(Slug::parse(&path.0))?;
    let number = parse(ArticleNumber::parse(&path.1))?;
    let requested = query.version;
    let lang = Lang::default();
    let db = state.clone();
    public_page(&state, &request, lang, |ctx| async move {
        let data = with_db(&db, move |conn| {
            Ok(reading::article(conn, &slug, &number, requested)?)
        })
        .await?
        .ok_or(AppError::NotFound)?;
        render(&ArticlePage::new(
            &ctx,
            &data.consultation,
            &data.version,
            data.is_current,
            &data.view,
        ))
    })
    .await
}

#[tracing::instrument(skip_all, fields(slug = %path.0, reference = %path.1))]
pub async fn clause(
    state: web::Data<AppState>,
    request: HttpRequest,
    path: web::Path<(String, String)>,
    query: web::Query<VersionQuery>,
) -> Result<HttpResponse, AppError> {
    let slug = parse(Slug::parse(&path.0))?;
    let reference = parse(ClauseRef::parse(&path.1))?;
    let requested = query.version;
    let lang = Lang::default();
    let db = state.clone();
    public_page(&state, &request, lang, |ctx| async move {
        let data = with_db(&db, move |conn| {
            Ok(reading::clause(conn, &slug, &reference, requested)?)
        })
        .await?
        .ok_or(AppError::NotFound)?;
        render(&ClausePage::new(
            &ctx,
            &data.consultation,
            &data.version,
            data.is_current,
            &data.article,
            &data.clause,
        ))
    })
    .await
}
