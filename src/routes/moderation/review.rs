//! One suggestion under review: its page, a decision on it, and working it (claim,
//! release, assign, tags, notes), and blocking its author.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::bulk_error;
use super::{
    back_to, change_suggestion, number_of, parse_assignee, review_with_return, with_db, AppState,
    ReturnQuery,
};
use crate::auth::policy::{self, Moderators, Staff};
use crate::db;
use crate::domain::moderation as rules;
use crate::domain::{FieldError, TrackingNumber, UserId};
use crate::error::AppError;
use crate::i18n;
use crate::models::moderation as data;
use crate::models::{now, suggestion, user};
use crate::routes::{html, html_with_status, see_other};
use crate::services::moderation::{self as decisions, DecideFailure, DecisionRequest};
use crate::views::forms::FormErrors;
use crate::views::moderation::{
    clock_time, review_page, DecisionValues, ReviewData, ReviewPage, Shown,
};
use crate::views::{Ctx, PageContext};

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct DecisionForm {
    action: String,
    reason_code: String,
    reason_text: String,
    outcome: String,
    response: String,
    template_id: String,
    canonical: String,
    return_to: String,
}

impl DecisionForm {
    fn request(&self) -> DecisionRequest {
        DecisionRequest {
            action: self.action.clone(),
            reason_code: self.reason_code.clone(),
            reason_text: self.reason_text.clone(),
            outcome: self.outcome.clone(),
            response: self.response.clone(),
            template_id: self.template_id.parse().ok(),
            canonical: self.canonical.clone(),
        }
    }

    /// What the form held, to show it again.
    fn values(&self) -> DecisionValues {
        DecisionValues {
            reason_code: self.reason_code.clone(),
            reason_text: self.reason_text.clone(),
            outcome: self.outcome.clone(),
            response: self.response.clone(),
            canonical: self.canonical.clone(),
            note: String::new(),
        }
    }
}

/// Everything the review page shows, loaded in one blocking call.
async fn load(
    state: &AppState,
    ctx: PageContext,
    me: &user::User,
    number: TrackingNumber,
    return_to: String,
    shown: Shown,
) -> Result<ReviewPage, AppError> {
    let data = with_db(state, move |conn| {
        let found = suggestion::find_by_number(conn, &number)?.ok_or(AppError::NotFound)?;
        let s = &found.suggestion;
        let author = user::find(conn, s.author_id)?.ok_or(AppError::NotFound)?;
        let duplicate_of = match s.duplicate_of {
            Some(id) => data::tracking_number(conn, id)?,
            None => String::new(),
        };
        Ok(ReviewData {
            around: data::surroundings(conn, std::slice::from_ref(s))?,
            reviewers: data::reviewers(conn)?,
            notes: data::notes(conn, s.id)?,
            history: data::history(conn, s.id)?,
            reports: data::open_reports(conn, s.id)?,
            templates: data::templates(conn, s.consultation_id)?,
            duplicate_of,
            author,
            found,
        })
    })
    .await?;
    Ok(review_page(ctx, me, data, return_to, shown, now()))
}

/// A suggestion under review. Opening it claims it for the viewer when nobody else
/// holds it, so that two moderators do not decide it at once.
pub async fn review(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    Staff(me, _): Staff<Moderators>,
    path: web::Path<String>,
    query: web::Query<ReturnQuery>,
) -> Result<HttpResponse, AppError> {
    let number = number_of(&path)?;
    let me_id = UserId(me.user.id);
    change_suggestion(&state, number.clone(), move |conn, id| {
        // Taken or not, the page shows who holds it.
        let _ = data::claim(conn, me_id, id, now())?;
        Ok(())
    })
    .await?;
    let return_to = back_to(&query.return_to);
    let page = load(&state, ctx, &me.user, number, return_to, Shown::default()).await?;
    html(&page)
}

/// Take a decision on one suggestion (from its page or a queue row).
pub async fn decide(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    Staff(me, _): Staff<Moderators>,
    path: web::Path<String>,
    form: web::Form<DecisionForm>,
) -> Result<HttpResponse, AppError> {
    let number = number_of(&path)?;
    let form = form.into_inner();
    let (me_id, public_url) = (UserId(me.user.id), state.public_url.clone());
    let (n, request) = (number.clone(), form.request());
    let outcome = with_db(&state, move |conn| {
        match decisions::decide(conn, me_id, &n, &request, &public_url, now()) {
            Ok(_) => Ok(None),
            Err(DecideFailure::NotFound) => Err(AppError::NotFound),
            Err(DecideFailure::Db(e)) => Err(e.into()),
            Err(failure) => Ok(Some(failure)),
        }
    })
    .await?;
    let return_to = back_to(&form.return_to);
    let Some(failure) = outcome else {
        return Ok(see_other(&return_to, Some("flash.saved")));
    };
    let lang = ctx.lang;
    let (errors, message) = match failure {
        DecideFailure::Form(fields) => (FormErrors::from_fields(fields), String::new()),
        DecideFailure::Refused(key) => (FormErrors::default(), i18n::t(lang, key).to_owned()),
        DecideFailure::Held { by, until } => (
            FormErrors::default(),
            i18n::tv(
                lang,
                "moderation.claim.held",
                &[("name", &by), ("until", &clock_time(lang, until))],
            ),
        ),
        DecideFailure::NotFound | DecideFailure::Db(_) => (FormErrors::default(), String::new()),
    };
    let status = if errors.is_empty() {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let shown = Shown {
        values: form.values(),
        errors,
        message,
    };
    let page = load(&state, ctx, &me.user, number, return_to, shown).await?;
    html_with_status(status, &page)
}

pub async fn claim(
    state: web::Data<AppState>,
    Staff(me, _): Staff<Moderators>,
    path: web::Path<String>,
    form: web::Form<ReturnQuery>,
) -> Result<HttpResponse, AppError> {
    let number = number_of(&path)?;
    let me_id = UserId(me.user.id);
    change_suggestion(&state, number, move |conn, id| {
        // Taken or not, the review page shows who holds it.
        let _ = data::claim(conn, me_id, id, now())?;
        Ok(())
    })
    .await?;
    Ok(see_other(
        &review_with_return(path.as_str(), &form.return_to),
        None,
    ))
}

pub async fn release(
    state: web::Data<AppState>,
    Staff(me, _): Staff<Moderators>,
    path: web::Path<String>,
    form: web::Form<ReturnQuery>,
) -> Result<HttpResponse, AppError> {
    let number = number_of(&path)?;
    let me_id = UserId(me.user.id);
    change_suggestion(&state, number, move |conn, id| {
        data::release(conn, me_id, id)?;
        Ok(())
    })
    .await?;
    Ok(see_other(&back_to(&form.return_to), None))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AssignForm {
    assignee: String,
    return_to: String,
}

pub async fn assign(
    state: web::Data<AppState>,
    Staff(me, _): Staff<Moderators>,
    path: web::Path<String>,
    form: web::Form<AssignForm>,
) -> Result<HttpResponse, AppError> {
    let number = number_of(&path)?;
    let me_id = UserId(me.user.id);
    let assignee = parse_assignee(&form.assignee, me_id)?;
    change_suggestion(&state, number, move |conn, id| {
        decisions::check_reviewer(conn, assignee).map_err(bulk_error)?;
        data::assign(conn, me_id, &[id], assignee, now())?;
        Ok(())
    })
    .await?;
    Ok(see_other(&back_to(&form.return_to), Some("flash.saved")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TagForm {
    tag: String,
    return_to: String,
}

pub async fn tag(
    state: web::Data<AppState>,
    Staff(me, _): Staff<Moderators>,
    path: web::Path<String>,
    form: web::Form<TagForm>,
) -> Result<HttpResponse, AppError> {
    let number = number_of(&path)?;
    let me_id = UserId(me.user.id);
    let name = rules::parse_tag(&form.tag).map_err(|_| AppError::Refused("form.tag.required"))?;
    change_suggestion(&state, number, move |conn, id| {
        data::tag(conn, me_id, &[id], &name, now())?;
        Ok(())
    })
    .await?;
    Ok(see_other(
        &review_with_return(path.as_str(), &form.return_to),
        Some("flash.saved"),
    ))
}

pub async fn untag(
    state: web::Data<AppState>,
    Staff(me, _): Staff<Moderators>,
    path: web::Path<String>,
    form: web::Form<TagForm>,
) -> Result<HttpResponse, AppError> {
    let number = number_of(&path)?;
    let me_id = UserId(me.user.id);
    let name = form.tag.clone();
    change_suggestion(&state, number, move |conn, id| {
        data::untag(conn, me_id, id, &name, now())?;
        Ok(())
    })
    .await?;
    Ok(see_other(
        &review_with_return(path.as_str(), &form.return_to),
        Some("flash.saved"),
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NoteForm {
    note: String,
    return_to: String,
}

pub async fn note(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    Staff(me, _): Staff<Moderators>,
    path: web::Path<String>,
    form: web::Form<NoteForm>,
) -> Result<HttpResponse, AppError> {
    let number = number_of(&path)?;
    let me_id = UserId(me.user.id);
    let body = match rules::parse_note(&form.note) {
        Ok(body) => body,
        Err(FieldError(key)) => {
            let mut errors = FormErrors::default();
            errors.add("note", key);
            let shown = Shown {
                values: DecisionValues {
                    note: form.note.clone(),
                    ..DecisionValues::default()
                },
                errors,
                message: String::new(),
            };
            let return_to = back_to(&form.return_to);
            let page = load(&state, ctx, &me.user, number, return_to, shown).await?;
            return html_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    change_suggestion(&state, number, move |conn, id| {
        data::add_note(conn, me_id, id, &body, now())?;
        Ok(())
    })
    .await?;
    Ok(see_other(
        &review_with_return(path.as_str(), &form.return_to),
        Some("flash.saved"),
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct BlockForm {
    blocked: String,
    reason: String,
    return_to: String,
}

pub async fn block(
    state: web::Data<AppState>,
    Staff(me, _): Staff<Moderators>,
    path: web::Path<i64>,
    form: web::Form<BlockForm>,
) -> Result<HttpResponse, AppError> {
    let target_id = path.into_inner();
    let blocked = form.blocked == "1";
    let reason = if form.reason.trim().is_empty() {
        String::new()
    } else {
        rules::parse_note(&form.reason).map_err(|e| AppError::Refused(e.0))?
    };
    let actor = me.user;
    with_db(&state, move |conn| {
        let target = user::find(conn, target_id)?.ok_or(AppError::NotFound)?;
        if !policy::may_block(&actor, &target) {
            return Err(AppError::Forbidden);
        }
        db::write_transaction(conn, |conn| {
            data::set_blocked(
                conn,
                UserId(actor.id),
                UserId(target.id),
                blocked,
                &reason,
                now(),
            )
        })?;
        Ok(())
    })
    .await?;
    Ok(see_other(&back_to(&form.return_to), Some("flash.saved")))
}
