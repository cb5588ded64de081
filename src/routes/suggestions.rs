//! Suggestions: the form, submission, receipts, upvotes, and a citizen's own list.
//!
//! No citizen's text is lost: a stale form, a closed consultation, an unconfirmed email,
//! a throttle or a validation error all re-render the form with the text in it; a
//! citizen who was signed out has the text kept as a draft until they sign in.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::{html, html_with_status, see_other, with_db, AppState};
use crate::auth::csrf::CsrfVerdict;
use crate::auth::session::RequireUser;
use crate::auth::token::{hash_token, looks_like_token, random_token};
use crate::auth::{policy, CurrentUser};
use crate::db;
use crate::domain::{
    ClauseRef, Slug, SuggestionId, SuggestionInput, TextLang, TrackingNumber, UserId,
};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::models::reading::{self, ClauseData};
use crate::models::suggestion::{self, DraftKept};
use crate::models::user::User;
use crate::services::suggestions::{self, Submitted, Target};
use crate::views::consultation::ConsultationSummary;
use crate::views::forms::FormErrors;
use crate::views::suggestion::{
    kind_choices, kind_key, status_key, FormClauseText, MySuggestionsPage, OwnRow, ReceiptPage,
    SuggestFormPage, SuggestionView,
};
use crate::views::text_lang::{lang_choices, suggestion_lang};
use crate::views::{Ctx, DateView, PageContext};
use crate::votes::{VoteRequest, Voted};

const DRAFT_COOKIE: &str = "kenes_draft";

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct SuggestForm {
    kind: String,
    body: String,
    proposed_text: String,
    /// The language the suggestion is written in (a code; empty: the default).
    lang: String,
    idempotency_key: String,
    similar_seen: String,
}

/// The language of the suggestion on `form`, as [`suggestion_lang`] resolves it.
fn form_lang(ctx: &PageContext, data: &ClauseData, form: &SuggestForm) -> TextLang {
    suggestion_lang(
        &data.version,
        &data.texts.languages,
        form.lang.parse().ok(),
        ctx.lang,
    )
}

fn parse_target(path: &(String, String)) -> Result<(Slug, ClauseRef), AppError> {
    let slug = Slug::parse(&path.0).map_err(|_| AppError::NotFound)?;
    let reference = ClauseRef::parse(&path.1).map_err(|_| AppError::NotFound)?;
    Ok((slug, reference))
}

/// The clause to suggest on: in the current published version only.
async fn load_clause(
    state: &AppState,
    slug: Slug,
    reference: ClauseRef,
) -> Result<ClauseData, AppError> {
    let data = with_db(state, move |conn| {
        Ok(reading::clause(conn, &slug, &reference, None)?)
    })
    .await?
    .ok_or(AppError::NotFound)?;
    if !data.is_current {
        return Err(AppError::NotFound);
    }
    Ok(data)
}

fn accepting(data: &ClauseData) -> bool {
    data.consultation.status().accepts_participation(
        data.consultation.opens_at,
        data.consultation.closes_at,
        crate::models::now(),
    )
}

fn form_page(
    ctx: PageContext,
    data: &ClauseData,
    form: &SuggestForm,
    errors: FormErrors,
    notice: &'static str,
    similar: Vec<SuggestionView>,
) -> SuggestFormPage {
    let slug = &data.consultation.slug;
    let reference = &data.clause.reference;
    let lang = form_lang(&ctx, data, form);
    SuggestFormPage {
        consultation: ConsultationSummary::new(ctx.lang, &data.consultation),
        clause_reference: reference.clone(),
        clause_href: crate::urls::clause(slug, reference),
        clause_text: FormClauseText::new(ctx.lang, data, lang),
        suggestion_langs: lang_choices(&data.version, &data.texts.languages, lang),
        action: format!("{}/suggest", crate::urls::clause(slug, reference)),
        editing: false,
        kinds: kind_choices(if form.kind.is_empty() {
            "amend"
        } else {
            &form.kind
        }),
        body: form.body.clone(),
        proposed_text: form.proposed_text.clone(),
        idempotency_key: if form.idempotency_key.is_empty() {
            uuid::Uuid::new_v4().to_string()
        } else {
            form.idempotency_key.clone()
        },
        errors,
        notice,
        similar,
        accepting: accepting(data),
        ctx,
    }
}

pub async fn suggest_form(
    state: web::Data<AppState>,
    request: HttpRequest,
    Ctx(ctx): Ctx,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let (slug, reference) = parse_target(&path)?;
    let data = load_clause(&state, slug, reference).await?;
    // Text typed while signed out comes back once they have signed in.
    let mut form = SuggestForm::default();
    let draft_token = request.cookie(DRAFT_COOKIE).map(|c| c.value().to_owned());
    if let Some(token) = draft_token
        .filter(|t| looks_like_token(t))
        .filter(|_| ctx.user.is_some())
    {
        let hash = hash_token(&token);
        if let Some(draft) =
            with_db(&state, move |conn| Ok(suggestion::take_draft(conn, &hash)?)).await?
        {
            if draft.clause_id == data.clause.id {
                form.kind = draft.kind;
                form.body = draft.body;
                form.proposed_text = draft.proposed_text;
                form.lang = draft.lang;
            }
        }
    }
    let notice = if accepting(&data) {
        ""
    } else {
        ctx.t("suggest.closed")
    };
    let mut response = html(&form_page(
        ctx,
        &data,
        &form,
        FormErrors::default(),
        notice,
        Vec::new(),
    ))?;
    if request.cookie(DRAFT_COOKIE).is_some() {
        let mut gone = Cookie::new(DRAFT_COOKIE, "");
        gone.set_path("/");
        response
            .add_removal_cookie(&gone)
            .map_err(AppError::internal)?;
    }
    Ok(response)
}

pub async fn submit(
    state: web::Data<AppState>,
    request: HttpRequest,
    Ctx(ctx): Ctx,
    csrf: CsrfVerdict,
    CurrentUser(signed_in): CurrentUser,
    path: web::Path<(String, String)>,
    form: web::Form<SuggestForm>,
) -> Result<HttpResponse, AppError> {
    let (slug, reference) = parse_target(&path)?;
    let form = form.into_inner();
    let data = load_clause(&state, slug, reference).await?;
    if !csrf.valid {
        return refuse(ctx, &data, &form, StatusCode::FORBIDDEN, "form.resubmit");
    }
    // The same rules for everyone, so that nobody signs in only to be told the text
    // is too long, and so that text kept for a signed-out writer is bounded too.
    let lang = form_lang(&ctx, &data, &form);
    let input = match SuggestionInput::parse(&form.kind, &form.body, &form.proposed_text, lang) {
        Ok(input) => input,
        Err(fields) => {
            let errors = FormErrors::from_fields(fields);
            let page = form_page(ctx, &data, &form, errors, "", Vec::new());
            return html_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let Some(signed_in) = signed_in else {
        return keep_for_sign_in(&state, &request, ctx, &data, &form, input).await;
    };
    let author = signed_in.user;
    if let Some((status, key)) = refusal(&data, &author) {
        return refuse(ctx, &data, &form, status, key);
    }
    let idempotency_key = idempotency_key(&form.idempotency_key);
    // Before saving: similar suggestions already on this clause, to support instead.
    if form.similar_seen.is_empty() {
        let similar = similar_views(&state, &data, &input, author.id, ctx.lang).await?;
        if !similar.is_empty() {
            let form = SuggestForm {
                idempotency_key,
                ..form
            };
            return html(&form_page(
                ctx,
                &data,
                &form,
                FormErrors::default(),
                "",
                similar,
            ));
        }
    }
    let outcome = store(&state, &data, author, input, idempotency_key, ctx.lang).await?;
    match outcome {
        Submitted::Stored(number) => Ok(see_other(
            &format!("{}?new=1", crate::urls::receipt(&number)),
            None,
        )),
        Submitted::Throttled(wait) => throttled(ctx, &data, &form, wait),
    }
}

/// The form again after the hourly limit, saying when to try again.
fn throttled(
    ctx: PageContext,
    data: &ClauseData,
    form: &SuggestForm,
    wait: i64,
) -> Result<HttpResponse, AppError> {
    let status = StatusCode::TOO_MANY_REQUESTS;
    let mut response = refuse(ctx, data, form, status, "suggest.throttled")?;
    response.headers_mut().insert(
        header::RETRY_AFTER,
        header::HeaderValue::from_str(&wait.to_string()).map_err(AppError::internal)?,
    );
    Ok(response)
}

/// Why this citizen may not suggest on this clause now, if they may not.
fn refusal(data: &ClauseData, author: &User) -> Option<(StatusCode, &'static str)> {
    if !accepting(data) {
        Some((StatusCode::CONFLICT, "suggest.closed"))
    } else if author.blocked_at.is_some() {
        Some((StatusCode::FORBIDDEN, "suggest.blocked"))
    } else if !policy::may_participate(author) {
        Some((StatusCode::FORBIDDEN, "suggest.confirm_first"))
    } else {
        None
    }
}

/// Submit through the service, off the executor.
async fn store(
    state: &AppState,
    data: &ClauseData,
    author: User,
    input: SuggestionInput,
    idempotency_key: String,
    lang: crate::i18n::Lang,
) -> Result<Submitted, AppError> {
    let base = state.public_url.clone();
    let lang = author.lang_or(lang);
    let (consultation, clause_id) = (data.consultation.clone(), data.clause.id);
    let lineage = data.clause.lineage.clone();
    with_db(state, move |conn| {
        let target = Target {
            consultation: &consultation,
            clause_id,
            clause_lineage: &lineage,
        };
        let receipt_url = |n: &str| crate::urls::absolute(&base, lang, &crate::urls::receipt(n));
        Ok(suggestions::submit(
            conn,
            &author,
            &target,
            &input,
            &idempotency_key,
            lang,
            receipt_url,
        )?)
    })
    .await
}

/// The form again, with the text kept and a notice saying why nothing was saved.
fn refuse(
    ctx: PageContext,
    data: &ClauseData,
    form: &SuggestForm,
    status: StatusCode,
    key: &'static str,
) -> Result<HttpResponse, AppError> {
    let notice = ctx.t(key);
    html_with_status(
        status,
        &form_page(ctx, data, form, FormErrors::default(), notice, Vec::new()),
    )
}

/// Our forms send a UUID; anything else (empty, long, odd characters) gets a new one.
fn idempotency_key(sent: &str) -> String {
    let key = sent.trim();
    if key.is_empty()
        || key.len() > 64
        || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        uuid::Uuid::new_v4().to_string()
    } else {
        key.to_owned()
    }
}

/// Suggestions on the clause that say nearly the same, as the form shows them.
async fn similar_views(
    state: &AppState,
    data: &ClauseData,
    input: &SuggestionInput,
    viewer_id: i64,
    lang: Lang,
) -> Result<Vec<SuggestionView>, AppError> {
    let lineage = data.clause.lineage.clone();
    let probe = input.clone();
    let similar = with_db(state, move |conn| {
        Ok(suggestions::similar(conn, &lineage, &probe)?)
    })
    .await?;
    let voting = accepting(data);
    Ok(similar
        .iter()
        .map(|s| {
            SuggestionView::new(
                lang,
                s,
                None,
                &data.clause.body,
                Some(viewer_id),
                false,
                voting,
            )
        })
        .collect())
}

/// A signed-out writer sent the form: keep the text server-side and send them to sign
/// in; the form refills after. Past the bounds the text stays on the page instead.
async fn keep_for_sign_in(
    state: &AppState,
    request: &HttpRequest,
    ctx: PageContext,
    data: &ClauseData,
    form: &SuggestForm,
    input: SuggestionInput,
) -> Result<HttpResponse, AppError> {
    let token = random_token();
    let (hash, clause_id) = (hash_token(&token), data.clause.id);
    let ip = state.client_ip(request);
    let kept = with_db(state, move |conn| {
        Ok(suggestions::keep_draft(
            conn, &ip, &hash, clause_id, &input,
        )?)
    })
    .await?;
    if kept != Some(DraftKept::Kept) {
        return refuse(
            ctx,
            data,
            form,
            StatusCode::TOO_MANY_REQUESTS,
            "suggest.draft_not_kept",
        );
    }
    let back = format!(
        "{}/suggest",
        crate::urls::clause(&data.consultation.slug, &data.clause.reference)
    );
    let mut cookie = Cookie::new(DRAFT_COOKIE, token);
    cookie.set_path("/");
    cookie.set_http_only(true);
    cookie.set_same_site(SameSite::Lax);
    cookie.set_secure(state.sessions.secure_cookies);
    let next: String = url::form_urlencoded::byte_serialize(back.as_bytes()).collect();
    let mut response = see_other(&format!("/sign-in?next={next}"), None);
    response.add_cookie(&cookie).map_err(AppError::internal)?;
    Ok(response)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReceiptQuery {
    new: String,
    number: String,
}

/// `/receipt?number=kz 7f3k 9qx2`: the lookup form, forgiving about how it is typed.
pub async fn receipt_lookup(query: web::Query<ReceiptQuery>) -> Result<HttpResponse, AppError> {
    let number = TrackingNumber::parse(&query.number).ok_or(AppError::NotFound)?;
    Ok(see_other(&crate::urls::receipt(number.as_str()), None))
}

pub async fn receipt(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    CurrentUser(viewer): CurrentUser,
    path: web::Path<String>,
    query: web::Query<ReceiptQuery>,
) -> Result<HttpResponse, AppError> {
    let number = TrackingNumber::parse(&path).ok_or(AppError::NotFound)?;
    if number.as_str() != path.as_str() {
        return Ok(see_other(&crate::urls::receipt(number.as_str()), None));
    }
    let found = with_db(&state, move |conn| {
        Ok(suggestion::find_by_number(conn, &number)?)
    })
    .await?
    .ok_or(AppError::NotFound)?;
    let s = &found.suggestion;
    let viewer_id = viewer.map(|v| v.user.id);
    let is_author = viewer_id == Some(s.author_id);
    let shown = s.status().is_visible() || is_author;
    let author = (!found.author_deleted).then_some(found.author_name.as_str());
    html(&ReceiptPage {
        number: s.tracking_number.clone(),
        status_key: status_key(s.status()),
        status_class: s.status().as_str(),
        kind_key: kind_key(s.kind()),
        consultation_title: found.consultation_title.clone(),
        consultation_lang: found.consultation_language.as_str(),
        consultation_href: crate::urls::consultation(&found.consultation_slug),
        clause_reference: found.clause_reference.clone(),
        clause_href: crate::urls::clause(&found.consultation_slug, &found.clause_reference),
        date: DateView::new(ctx.lang, s.created_at),
        suggestion: shown.then(|| {
            SuggestionView::new(ctx.lang, s, author, &found.clause_body, None, false, false)
        }),
        just_submitted: is_author && !query.new.is_empty(),
        ctx,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UpvoteForm {
    return_to: String,
    /// `add` or `remove`: what the person asked for, given the state they saw.
    vote: String,
}

/// Add or remove the signed-in citizen's upvote. Without JavaScript the form posts and is
/// redirected back to where it was; with it, `Accept: application/json` gets the new
/// state to update the button in place.
pub async fn upvote(
    state: web::Data<AppState>,
    request: HttpRequest,
    Ctx(ctx): Ctx,
    CurrentUser(signed_in): CurrentUser,
    path: web::Path<String>,
    form: web::Form<UpvoteForm>,
) -> Result<HttpResponse, AppError> {
    let wants_json = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"));
    let back = crate::urls::return_path_or_home(&form.return_to);
    let wanted = match form.vote.as_str() {
        "add" => true,
        "remove" => false,
        _ => return Err(AppError::BadRequest),
    };
    let number = TrackingNumber::parse(&path).ok_or(AppError::NotFound)?;
    let Some(signed_in) = signed_in else {
        if wants_json {
            return Ok(HttpResponse::Unauthorized()
                .json(serde_json::json!({"error": ctx.t("suggestion.vote.sign_in")})));
        }
        return Err(AppError::SignInRequired(back));
    };
    let voter = signed_in.user;
    let outcome = if voter.blocked_at.is_some() {
        Err(AppError::Refused("suggest.blocked"))
    } else if !policy::may_participate(&voter) {
        Err(AppError::Refused("suggest.confirm_first"))
    } else {
        // The suggestion's checks, the limit's counter and the vote commit together,
        // batched with whatever other votes arrive meanwhile.
        let request = VoteRequest {
            number,
            voter_id: voter.id,
            voter_email: voter.email.clone(),
            wanted,
        };
        state.votes.run(request).await
    };
    vote_answer(&ctx, outcome, wants_json, &back)
}

/// The answer to a vote: JSON for the in-place button, else back where it was.
fn vote_answer(
    ctx: &PageContext,
    outcome: Result<Voted, AppError>,
    wants_json: bool,
    back: &str,
) -> Result<HttpResponse, AppError> {
    match (outcome, wants_json) {
        (Ok(voted), true) => Ok(HttpResponse::Ok().json(serde_json::json!({
            "number": voted.number,
            "upvoted": voted.upvoted,
            "upvotes": voted.count,
            "label": ctx.t(if voted.upvoted { "suggestion.upvoted" } else { "suggestion.upvote" }),
            "count_text": ctx.supporters(voted.count),
        }))),
        (Ok(Voted { number, .. }), false) => {
            let location = format!("{}#s-{number}", back.split('#').next().unwrap_or("/"));
            Ok(see_other(&location, None))
        }
        (Err(AppError::Refused(key)), true) => {
            Ok(HttpResponse::Conflict().json(serde_json::json!({"error": ctx.t(key)})))
        }
        (Err(error), _) => Err(error),
    }
}

// ---------------------------------------------------------------- a citizen's own

pub async fn mine(
    state: web::Data<AppState>,
    RequireUser(signed_in): RequireUser,
    Ctx(ctx): Ctx,
) -> Result<HttpResponse, AppError> {
    let id = signed_in.user.id;
    let own = with_db(&state, move |conn| Ok(suggestion::by_author(conn, id)?)).await?;
    let rows = own
        .into_iter()
        .map(|o| {
            let s = &o.suggestion;
            let excerpt: String = s.body.chars().take(200).collect();
            OwnRow {
                number: s.tracking_number.clone(),
                receipt_href: crate::urls::receipt(&s.tracking_number),
                status_key: status_key(s.status()),
                status_class: s.status().as_str(),
                kind_key: kind_key(s.kind()),
                clause_reference: o.clause_reference.clone(),
                clause_href: crate::urls::clause(&o.consultation_slug, &o.clause_reference),
                consultation_title: o.consultation_title.clone(),
                consultation_lang: o.consultation_language.as_str(),
                date: DateView::new(ctx.lang, s.created_at),
                excerpt: if s.body.chars().count() > 200 {
                    format!("{excerpt}…")
                } else {
                    excerpt
                },
                editable: s.status().editable_by_author(),
                edit_href: format!("/account/suggestions/{}/edit", s.tracking_number),
                withdraw_action: format!("/account/suggestions/{}/withdraw", s.tracking_number),
                upvotes: s.upvotes,
            }
        })
        .collect();
    html(&MySuggestionsPage { ctx, rows })
}

/// The author's pending suggestion, with its clause, or 404.
async fn own_pending(
    state: &AppState,
    number: &str,
    author_id: i64,
) -> Result<(suggestion::SuggestionContext, ClauseData), AppError> {
    let number = TrackingNumber::parse(number).ok_or(AppError::NotFound)?;
    let found = with_db(state, move |conn| {
        Ok(suggestion::find_by_number(conn, &number)?)
    })
    .await?
    .filter(|f| f.suggestion.author_id == author_id)
    .ok_or(AppError::NotFound)?;
    if !found.suggestion.status().editable_by_author() {
        return Err(AppError::Refused("mine.not_editable"));
    }
    let slug = Slug::parse(&found.consultation_slug).map_err(|_| AppError::NotFound)?;
    let reference = ClauseRef::parse(&found.clause_reference).map_err(|_| AppError::NotFound)?;
    let data = with_db(state, move |conn| {
        Ok(reading::clause(conn, &slug, &reference, None)?)
    })
    .await?
    .ok_or(AppError::NotFound)?;
    Ok((found, data))
}

fn edit_page(
    ctx: PageContext,
    data: &ClauseData,
    number: &str,
    form: &SuggestForm,
    errors: FormErrors,
    notice: &'static str,
) -> SuggestFormPage {
    let mut page = form_page(ctx, data, form, errors, notice, Vec::new());
    page.action = format!("/account/suggestions/{number}/edit");
    page.editing = true;
    page
}

pub async fn edit_form(
    state: web::Data<AppState>,
    RequireUser(signed_in): RequireUser,
    Ctx(ctx): Ctx,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let (found, data) = own_pending(&state, &path, signed_in.user.id).await?;
    let notice = if signed_in.user.blocked_at.is_some() {
        ctx.t("mine.blocked_edit")
    } else {
        ""
    };
    let s = &found.suggestion;
    let form = SuggestForm {
        kind: s.kind.as_str().to_owned(),
        body: s.body.clone(),
        proposed_text: s.proposed_text.clone().unwrap_or_default(),
        lang: s.lang.as_str().to_owned(),
        ..SuggestForm::default()
    };
    html(&edit_page(
        ctx,
        &data,
        &s.tracking_number,
        &form,
        FormErrors::default(),
        notice,
    ))
}

pub async fn edit(
    state: web::Data<AppState>,
    RequireUser(signed_in): RequireUser,
    Ctx(ctx): Ctx,
    csrf: CsrfVerdict,
    path: web::Path<String>,
    form: web::Form<SuggestForm>,
) -> Result<HttpResponse, AppError> {
    let author = signed_in.user.id;
    let (found, data) = own_pending(&state, &path, author).await?;
    let number = found.suggestion.tracking_number.clone();
    let form = form.into_inner();
    // A blocked citizen keeps what they wrote on screen but cannot change what is
    // waiting for moderation (withdrawing it stays possible).
    let refusal = if !csrf.valid {
        Some("form.resubmit")
    } else if signed_in.user.blocked_at.is_some() {
        Some("mine.blocked_edit")
    } else {
        None
    };
    if let Some(key) = refusal {
        let notice = ctx.t(key);
        let page = edit_page(ctx, &data, &number, &form, FormErrors::default(), notice);
        return html_with_status(StatusCode::FORBIDDEN, &page);
    }
    let lang = form_lang(&ctx, &data, &form);
    let input = match SuggestionInput::parse(&form.kind, &form.body, &form.proposed_text, lang) {
        Ok(input) => input,
        Err(fields) => {
            let errors = FormErrors::from_fields(fields);
            let page = edit_page(ctx, &data, &number, &form, errors, "");
            return html_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let id = found.suggestion.id;
    let saved = with_db(&state, move |conn| {
        Ok(suggestions::edit(
            conn,
            SuggestionId(id),
            UserId(author),
            &input,
        )?)
    })
    .await?;
    if !saved {
        return Err(AppError::Refused("mine.not_editable"));
    }
    Ok(see_other("/account/suggestions", Some("flash.saved")))
}

pub async fn withdraw(
    state: web::Data<AppState>,
    RequireUser(signed_in): RequireUser,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let author = signed_in.user.id;
    let (found, _) = own_pending(&state, &path, author).await?;
    let id = found.suggestion.id;
    with_db(&state, move |conn| {
        db::write_transaction(conn, |conn| {
            Ok::<_, AppError>(suggestion::withdraw(
                conn,
                SuggestionId(id),
                UserId(author),
            )?)
        })
    })
    .await?;
    Ok(see_other("/account/suggestions", Some("flash.withdrawn")))
}
