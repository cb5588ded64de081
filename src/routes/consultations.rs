//! Reading a draft: home, a consultation's contents, an article, a clause. Each page
//! is public and goes through the anonymous micro-cache ([`super::public_page`]).

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::{current, public_page, render, render_in_language, AppState};
use crate::auth::{policy, CurrentUser};
use crate::domain::{ArticleNumber, ClauseRef, Slug};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::models::reading;
use crate::models::reading::TextChoice;
use crate::models::suggestion::{Cursor, Sort};
use crate::read_cache::{ArticleKey, ClauseKey};
use crate::views::consultation::ConsultationSummary;
use crate::views::consultation::RenderedArticle;
use crate::views::suggestion::SuggestionList;
use crate::views::text_lang::{default_text_lang, Shown};
use crate::views::{ArticlePage, ClausePage, ConsultationPage, HomePage};

/// `?version=N` selects a published version other than the current one.
#[derive(Debug, Deserialize)]
pub struct VersionQuery {
    version: Option<i32>,
}

/// `?version=N&text=ru&compare=kk` on an article page: the version, the language to
/// read the text in (default: the page's, [`default_text_lang`]) and one to read
/// beside it. An unknown language code is ignored, not an error.
#[derive(Debug, Deserialize)]
pub struct ArticleQuery {
    version: Option<i32>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    compare: String,
}

fn text_choice(lang: Lang, text: &str, compare: &str) -> TextChoice {
    TextChoice {
        text: text.parse().unwrap_or_else(|_| default_text_lang(lang)),
        compare: compare.parse().ok(),
    }
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
    let lang = crate::locale::of(&request);
    let db = state.clone();
    public_page(&state, &request, lang, |ctx| async move {
        let consultations = current(&db, &db.reading.home, (), |conn| {
            Ok(Some(reading::public_consultations(conn)?))
        })
        .await?
        .ok_or(AppError::NotFound)?;
        render(&HomePage {
            ctx: &ctx,
            consultations: consultations
                .iter()
                .map(|c| ConsultationSummary::new(lang, c))
                .collect(),
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
    let lang = crate::locale::of(&request);
    let db = state.clone();
    public_page(&state, &request, lang, |ctx| async move {
        let key = (slug.to_string(), requested);
        let data = current(&db, &db.reading.contents, key, move |conn| {
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
            &data.suggestion_counts,
        ))
    })
    .await
}

#[tracing::instrument(skip_all, fields(slug = %path.0, article = %path.1))]
pub async fn article(
    state: web::Data<AppState>,
    request: HttpRequest,
    path: web::Path<(String, String)>,
    query: web::Query<ArticleQuery>,
) -> Result<HttpResponse, AppError> {
    let slug = parse(Slug::parse(&path.0))?;
    let number = parse(ArticleNumber::parse(&path.1))?;
    let requested = query.version;
    let lang = crate::locale::of(&request);
    let choice = text_choice(lang, &query.text, &query.compare);
    let db = state.clone();
    public_page(&state, &request, lang, |ctx| async move {
        let cache = db.clone();
        let key = ArticleKey {
            slug: slug.to_string(),
            number: number.as_str().to_owned(),
            version: requested,
            choice,
        };
        let views_key = (key.clone(), ctx.lang);
        let data = current(&db, &db.reading.articles, key, move |conn| {
            Ok(reading::article(
                conn,
                &cache.published,
                &slug,
                &number,
                requested,
                choice,
            )?)
        })
        .await?
        .ok_or(AppError::NotFound)?;
        let rendered = db
            .reading
            .article_views
            .get_or_make(views_key, &data, || {
                let shown = Shown::resolve(&data.version, &data.texts, choice);
                RenderedArticle::new(ctx.lang, &data, &shown)
            })
            .map_err(AppError::internal)?;
        // The content, and the page around it (header, menus, footer).
        render_in_language(
            &ArticlePage::new(&ctx, &rendered),
            rendered.html.len() + 8192,
        )
    })
    .await
}

/// `?sort=top|newest|status&after=<cursor>` on a clause page.
#[derive(Debug, Deserialize)]
pub struct ClauseQuery {
    version: Option<i32>,
    #[serde(default)]
    text: String,
    #[serde(default)]
    compare: String,
    #[serde(default)]
    sort: String,
    #[serde(default)]
    after: String,
}

#[tracing::instrument(skip_all, fields(slug = %path.0, reference = %path.1))]
pub async fn clause(
    state: web::Data<AppState>,
    request: HttpRequest,
    path: web::Path<(String, String)>,
    query: web::Query<ClauseQuery>,
    CurrentUser(viewer): CurrentUser,
) -> Result<HttpResponse, AppError> {
    let slug = parse(Slug::parse(&path.0))?;
    let reference = parse(ClauseRef::parse(&path.1))?;
    let query = query.into_inner();
    let requested = query.version;
    let sort = Sort::parse(&query.sort);
    let lang = crate::locale::of(&request);
    let choice = text_choice(lang, &query.text, &query.compare);
    let cursor = (!query.after.is_empty())
        .then(|| Cursor::decode(sort, &query.after))
        .flatten();
    let viewer = viewer.map(|v| v.user);
    let viewer_id = viewer.as_ref().map(|u| u.id);
    let return_to = request.uri().to_string();
    let db = state.clone();
    public_page(&state, &request, lang, |ctx| async move {
        let key = ClauseKey {
            slug: slug.to_string(),
            reference: reference.to_string(),
            version: requested,
            sort,
            after: cursor.clone(),
        };
        let views_key = (key.clone(), ctx.lang);
        let data = current(&db, &db.reading.clauses, key, move |conn| {
            Ok(reading::clause_with_suggestions(
                conn,
                &slug,
                &reference,
                reading::Requested {
                    version: requested,
                    text: choice,
                },
                sort,
                cursor.as_ref(),
            )?)
        })
        .await?
        .ok_or(AppError::NotFound)?;
        let upvoted = match viewer_id {
            Some(user_id) => {
                let ids: Vec<i64> = data.suggestions.iter().map(|l| l.suggestion.id).collect();
                let key = (user_id, ids.clone());
                current(&db, &db.reading.upvoted, key, move |conn| {
                    Ok(Some(reading::upvoted(conn, user_id, &ids)?))
                })
                .await?
                .unwrap_or_default()
            }
            None => Default::default(),
        };
        let may_vote_as = viewer
            .as_ref()
            .filter(|v| policy::may_participate(v))
            .map(|v| v.id);
        let now = crate::models::now();
        let shared = db
            .reading
            .suggestion_views
            .get_or_make(views_key, &data, || {
                SuggestionList::shared_items(ctx.lang, &data)
            })
            .map_err(AppError::internal)?;
        let list = SuggestionList::build(
            &data,
            &shared,
            &upvoted,
            may_vote_as,
            sort,
            requested,
            return_to,
            now,
        );
        let c = &data.clause;
        let shown = Shown::resolve(&c.version, &c.texts, choice);
        // The suggestions as rendered, the viewer's forms (some 1.2 KB each when signed
        // in), and the page around them.
        let size = shared.iter().map(|s| s.html.len() + 1536).sum::<usize>() + 12_288;
        render_in_language(&ClausePage::new(&ctx, c, list, &shown), size)
    })
    .await
}
