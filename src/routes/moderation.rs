//! The moderation workbench (`/moderation`, moderators and admins: see
//! `auth::policy::AREAS`). Handlers parse the form into domain types, call the data
//! layer or `workbench` off the executor, and render a view.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::{html, html_with_status, see_other, with_db, AppState};
use crate::auth::policy;
use crate::auth::policy::{Moderators, Staff};
use crate::auth::CurrentUser;
use crate::db;
use crate::domain::moderation::{self as rules, Decision, OfficialResponse, Outcome, Reason};
use crate::domain::queue::{QueueFilter, RawFilter};
use crate::domain::{FieldError, SuggestionStatus, TrackingNumber};
use crate::error::AppError;
use crate::i18n::{self, Lang};
use crate::models::moderation::{self as data, DecideError, QueueCursor, Reported};
use crate::models::{consultation, now, suggestion, user};
use crate::views::consultation::paths;
use crate::views::forms::FormErrors;
use crate::views::moderation::{
    cluster_href, excerpt, kind_filter_choices, outcome_choices, reason_choices, review_href,
    sort_choices, status_choices, ClusterLine, ClusterPage, ConfirmBulkPage, ConsultationTemplates,
    DashboardPage, DecisionValues, LogLine, LogPage, MemberRow, NoteView, PersonChoice, QueuePage,
    QueueRow, ReviewPage, StatusTab, TemplateChoice, TemplatesPage,
};
use crate::views::suggestion::{status_key, SuggestionView};
use crate::views::{paragraphs, Ctx, DateView, PageContext};
use crate::workbench;

const PAGE_SIZE: i64 = 50;
/// A narrowing filter gets per-status counts when at most this many match.
const COUNT_CAP: i64 = 2_000;

fn back_to(return_to: &str) -> String {
    crate::urls::return_path(return_to)
        .filter(|p| p.starts_with("/moderation"))
        .unwrap_or_else(|| "/moderation".to_owned())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct QueueQuery {
    #[serde(flatten)]
    filter: RawFilter,
    after: String,
    done: String,
    skipped: String,
}

fn reviewer_choices(
    reviewers: &[(i64, String)],
    me: i64,
    selected: &str,
    lang: Lang,
) -> Vec<PersonChoice> {
    let mut out = vec![
        PersonChoice {
            value: "me".into(),
            label: i18n::t(lang, "moderation.filter.me").into(),
            selected: selected == "me",
        },
        PersonChoice {
            value: "nobody".into(),
            label: i18n::t(lang, "moderation.filter.nobody").into(),
            selected: selected == "nobody",
        },
    ];
    out.extend(
        reviewers
            .iter()
            .filter(|(id, _)| *id != me)
            .map(|(id, name)| PersonChoice {
                value: id.to_string(),
                label: name.clone(),
                selected: selected == id.to_string(),
            }),
    );
    out
}

/// The queue: filters, per-status counts, one keyset page.
pub async fn queue(
    state: web::Data<AppState>,
    request: HttpRequest,
    Ctx(ctx): Ctx,
    Staff(me, _): Staff<Moderators>,
    query: web::Query<QueueQuery>,
) -> Result<HttpResponse, AppError> {
    let query = query.into_inner();
    let (filter, errors) = QueueFilter::parse(&query.filter);
    let after = QueueCursor::decode(&query.after);
    let me_id = me.user.id;
    let lang = ctx.lang;
    let f = filter.clone();
    let (rows, next, counts, around, reviewers, tag_names) = with_db(&state, move |conn| {
        let resolved = data::resolve(conn, &f, me_id)?;
        let (rows, next) = data::queue_page(conn, &resolved, after, PAGE_SIZE)?;
        let counts = data::status_counts(conn, &resolved, COUNT_CAP)?;
        let around = data::surroundings(conn, &rows)?;
        Ok((
            rows,
            next,
            counts,
            around,
            data::reviewers(conn)?,
            data::tag_names(conn)?,
        ))
    })
    .await?;
    let query_string = filter.query_string();
    let return_to = match request.query_string() {
        "" => "/moderation".to_owned(),
        q => format!("/moderation?{q}"),
    };
    let counts_shown = counts.is_some();
    let tabs = SuggestionStatus::ALL
        .iter()
        .map(|status| {
            let mut with_status = filter.clone();
            with_status.status = Some(*status);
            let n = counts
                .as_ref()
                .and_then(|c| c.iter().find(|(s, _)| s == status).map(|(_, n)| *n));
            StatusTab {
                label: i18n::t(lang, status_key(*status)),
                count: n.map(|n| n.to_string()).unwrap_or_default(),
                href: format!("/moderation?{}", with_status.query_string()),
                current: filter.status == Some(*status),
            }
        })
        .collect();
    let rows = rows
        .iter()
        .map(|s| {
            let name = |id: Option<i64>| {
                id.and_then(|id| around.names.get(&id).cloned())
                    .unwrap_or_default()
            };
            let place = format!(
                "{} {}",
                around
                    .consultation_slug
                    .get(&s.consultation_id)
                    .cloned()
                    .unwrap_or_default(),
                around
                    .clause_reference
                    .get(&s.clause_id)
                    .cloned()
                    .unwrap_or_default()
            );
            let held = match (s.claimed_by, s.claimed_until) {
                (Some(by), Some(until)) if until > now() && by != me_id => name(Some(by)),
                _ => String::new(),
            };
            QueueRow::new(
                s,
                place,
                name(Some(s.author_id)),
                name(s.assignee_id),
                held,
                around.tags.get(&s.id).cloned().unwrap_or_default(),
                around.cluster_size(s),
            )
        })
        .collect();
    let message = match (query.done.parse::<usize>(), query.skipped.parse::<usize>()) {
        (Ok(done), Ok(skipped)) => format!(
            "{} {}",
            i18n::tf(lang, "moderation.bulk.done", done),
            if skipped > 0 {
                i18n::tf(lang, "moderation.bulk.skipped", skipped)
            } else {
                String::new()
            }
        ),
        _ => String::new(),
    };
    let raw = filter.to_raw();
    html(&QueuePage {
        filter_errors: errors
            .iter()
            .map(|(field, FieldError(key))| (*field, i18n::t(lang, key)))
            .collect(),
        next_href: next.map(|c| format!("/moderation?{query_string}&after={}", c.encode())),
        status_choices: status_choices(lang, &raw.status),
        kind_choices: kind_filter_choices(lang, &raw.kind),
        sort_choices: sort_choices(lang, &raw.sort),
        reason_choices: reason_choices(lang, ""),
        reviewers: reviewer_choices(&reviewers, me_id, &raw.assignee, lang),
        query: query_string,
        return_to,
        tabs,
        counts_shown,
        count_cap: COUNT_CAP,
        rows,
        tag_names,
        message,
        filter: raw,
        ctx,
    })
}

// ---------------------------------------------------------------- one suggestion

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

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReturnQuery {
    return_to: String,
}

fn number_of(path: &str) -> Result<TrackingNumber, AppError> {
    TrackingNumber::parse(path).ok_or(AppError::NotFound)
}

/// What a review page shows besides the suggestion: a form as typed, its errors, and a
/// message (why a decision was refused).
#[derive(Default)]
struct Shown {
    values: DecisionValues,
    errors: FormErrors,
    message: String,
}

/// Everything the review page shows, loaded in one blocking call.
async fn review_page(
    state: &AppState,
    ctx: PageContext,
    me: &user::User,
    number: TrackingNumber,
    return_to: String,
    shown: Shown,
) -> Result<ReviewPage, AppError> {
    let me_id = me.id;
    let me_user = me.clone();
    let loaded = with_db(state, move |conn| {
        let found = suggestion::find_by_number(conn, &number)?.ok_or(AppError::NotFound)?;
        let s = &found.suggestion;
        let author = user::find(conn, s.author_id)?.ok_or(AppError::NotFound)?;
        let around = data::surroundings(conn, std::slice::from_ref(s))?;
        let duplicate_of = match s.duplicate_of {
            Some(id) => data::tracking_number(conn, id)?,
            None => String::new(),
        };
        Ok((
            found.clone(),
            author,
            around,
            data::reviewers(conn)?,
            data::notes(conn, s.id)?,
            data::history(conn, s.id)?,
            data::open_reports(conn, s.id)?,
            data::templates(conn, s.consultation_id)?,
            duplicate_of,
        ))
    })
    .await?;
    let (found, author, around, reviewers, notes, history, reports, templates, duplicate_of) =
        loaded;
    let s = &found.suggestion;
    let lang = ctx.lang;
    let status = s.status();
    let offered = Decision::offered(status, s.flagged);
    let has = |a: &str| offered.contains(&a);
    let held = match (s.claimed_by, s.claimed_until) {
        (Some(by), Some(until)) if until > now() => Some((by, until)),
        _ => None,
    };
    let name = |id: Option<i64>| {
        id.and_then(|id| around.names.get(&id).cloned())
            .unwrap_or_default()
    };
    let assignee_value = s.assignee_id.map(|id| {
        if id == me_id {
            "me".to_owned()
        } else {
            id.to_string()
        }
    });
    Ok(ReviewPage {
        item: SuggestionView::new(
            s,
            Some(author.display_name.as_str()),
            &found.clause_body,
            None,
            false,
            false,
        ),
        number: s.tracking_number.clone(),
        action_base: review_href(&s.tracking_number),
        place: format!("{} · {}", found.consultation_title, found.clause_reference),
        clause_href: paths::clause(&found.consultation_slug, &found.clause_reference),
        clause_text: paragraphs(&found.clause_body),
        author: author.display_name.clone(),
        author_id: author.id,
        author_blocked: author.blocked_at.is_some(),
        may_block: policy::may_block(&me_user, &author),
        held_by_other: held
            .filter(|(by, _)| *by != me_id)
            .map(|(by, _)| name(Some(by)))
            .unwrap_or_default(),
        held_until: held
            .map(|(_, until)| until.format("%H:%M UTC").to_string())
            .unwrap_or_default(),
        held_by_me: held.is_some_and(|(by, _)| by == me_id),
        assignee: name(s.assignee_id),
        reviewers: reviewer_choices(
            &reviewers,
            me_id,
            assignee_value.as_deref().unwrap_or(""),
            lang,
        ),
        tags: around.tags.get(&s.id).cloned().unwrap_or_default(),
        notes: notes
            .into_iter()
            .map(|(author, body, when)| NoteView {
                author,
                body: body.lines().map(str::to_owned).collect(),
                when: DateView::new(when),
            })
            .collect(),
        history: history
            .iter()
            .map(|e| LogLine::new(lang, e, true))
            .collect(),
        reports: reports
            .into_iter()
            .map(|(reason, when)| (reason, DateView::new(when)))
            .collect(),
        flagged: s.flagged,
        campaign: s.campaign,
        cluster_size: around.cluster_size(s),
        cluster_href: s.cluster_id.map(cluster_href).unwrap_or_default(),
        duplicate_of,
        reason: match (&s.reason_code, &s.reason_text) {
            (Some(code), Some(text)) if !text.is_empty() => format!("{code}: {text}"),
            (Some(code), _) => code.clone(),
            _ => String::new(),
        },
        can_publish: has("publish"),
        can_reject: has("reject"),
        can_review: has("review"),
        can_respond: has("respond"),
        can_merge: has("merge"),
        can_hide: has("hide"),
        can_review_flags: has("flags_cleared"),
        reason_choices: reason_choices(lang, &shown.values.reason_code),
        outcome_choices: outcome_choices(lang, &shown.values.outcome),
        templates: templates
            .into_iter()
            .map(|t| TemplateChoice {
                id: t.id,
                title: t.title,
                body: t.body,
            })
            .collect(),
        return_to,
        values: shown.values,
        errors: shown.errors,
        message: shown.message,
        ctx,
    })
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
    let me_id = me.user.id;
    let n = number.clone();
    with_db(&state, move |conn| {
        let id = data::id_by_number(conn, n.as_str())?.ok_or(AppError::NotFound)?;
        // Taken or not, the page shows who holds it.
        let _ = db::write_transaction(conn, |conn| data::claim(conn, me_id, id, now()))?;
        Ok(())
    })
    .await?;
    let page = review_page(
        &state,
        ctx,
        &me.user,
        number,
        back_to(&query.return_to),
        Shown::default(),
    )
    .await?;
    html(&page)
}

/// Parse a decision form into a decision, or the per-field errors.
fn parse_decision(
    form: &DecisionForm,
    canonical_id: Option<i64>,
    template_body: Option<String>,
) -> Result<Decision, FormErrors> {
    let mut errors = FormErrors::default();
    let decision = match form.action.as_str() {
        "publish" => Some(Decision::Publish),
        "review" => Some(Decision::StartReview),
        "flags_cleared" => Some(Decision::ClearFlags),
        "flags_upheld" => Some(Decision::UpholdFlags),
        "reject" => errors
            .check(
                "reason_code",
                Reason::parse(&form.reason_code, &form.reason_text),
            )
            .map(Decision::Reject),
        "hide" => errors
            .check(
                "reason_code",
                Reason::parse(&form.reason_code, &form.reason_text),
            )
            .map(Decision::Hide),
        "respond" => {
            let outcome = errors.check("outcome", form.outcome.parse::<Outcome>());
            let text = match (form.response.trim().is_empty(), template_body) {
                (true, Some(body)) => body,
                _ => form.response.clone(),
            };
            let response = errors.check("response", OfficialResponse::parse(&text));
            outcome.zip(response).map(|(o, r)| Decision::Respond(o, r))
        }
        "merge" => match canonical_id {
            Some(id) => Some(Decision::MarkDuplicate(id)),
            None => {
                errors.add("canonical", "moderation.canonical.unknown");
                None
            }
        },
        _ => {
            errors.add("action", "moderation.refused.unknown");
            None
        }
    };
    decision.ok_or(errors)
}

/// Why a decision was not taken, for the page that says so.
enum Failure {
    Form(FormErrors),
    Refused(&'static str),
    Held(String, String),
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
    let me_id = me.user.id;
    let public_url = state.public_url.clone();
    let f = form.clone();
    let n = number.clone();
    let outcome = with_db(&state, move |conn| {
        let id = data::id_by_number(conn, n.as_str())?.ok_or(AppError::NotFound)?;
        let canonical_id = match TrackingNumber::parse(&f.canonical) {
            Some(c) => data::id_by_number(conn, c.as_str())?,
            None => None,
        };
        let template_body = match f.template_id.parse::<i64>() {
            Ok(t) => data::template(conn, t)?.map(|t| t.body),
            Err(_) => None,
        };
        let decision = match parse_decision(&f, canonical_id, template_body) {
            Ok(d) => d,
            Err(errors) => return Ok(Err(Failure::Form(errors))),
        };
        match workbench::decide_one(conn, me_id, id, &decision, &public_url, now()) {
            Ok(_) => Ok(Ok(())),
            Err(DecideError::Refused(rules::Refusal(key))) => Ok(Err(Failure::Refused(key))),
            Err(DecideError::Held { by, until }) => Ok(Err(Failure::Held(
                by,
                until.format("%H:%M UTC").to_string(),
            ))),
            Err(DecideError::NotFound) => Err(AppError::NotFound),
            Err(DecideError::Db(e)) => Err(e.into()),
        }
    })
    .await?;
    let return_to = back_to(&form.return_to);
    match outcome {
        Ok(()) => Ok(see_other(&return_to, Some("flash.saved"))),
        Err(failure) => {
            let lang = ctx.lang;
            let (errors, message) = match failure {
                Failure::Form(errors) => (errors, String::new()),
                Failure::Refused(key) => (FormErrors::default(), i18n::t(lang, key).to_owned()),
                Failure::Held(by, until) => (
                    FormErrors::default(),
                    format!("{} {until}", i18n::tf(lang, "moderation.claim.held", by)),
                ),
            };
            let values = DecisionValues {
                reason_code: form.reason_code.clone(),
                reason_text: form.reason_text.clone(),
                outcome: form.outcome.clone(),
                response: form.response.clone(),
                canonical: form.canonical.clone(),
                note: String::new(),
            };
            let status = if errors.is_empty() {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let page = review_page(
                &state,
                ctx,
                &me.user,
                number,
                return_to,
                Shown {
                    values,
                    errors,
                    message,
                },
            )
            .await?;
            html_with_status(status, &page)
        }
    }
}

/// Run `work` on the suggestion with this number, in one write transaction.
async fn change_suggestion<F>(
    state: &AppState,
    number: TrackingNumber,
    work: F,
) -> Result<(), AppError>
where
    F: FnOnce(&mut crate::db::AnyConnection, i64) -> Result<(), AppError> + Send + 'static,
{
    with_db(state, move |conn| {
        let id = data::id_by_number(conn, number.as_str())?.ok_or(AppError::NotFound)?;
        db::write_transaction(conn, |conn| work(conn, id))
    })
    .await
}

/// The review page of a suggestion, remembering where the moderator came from.
fn review_with_return(number: &str, return_to: &str) -> String {
    format!(
        "{}?return_to={}",
        review_href(number),
        url::form_urlencoded::byte_serialize(back_to(return_to).as_bytes()).collect::<String>()
    )
}

pub async fn claim(
    state: web::Data<AppState>,
    Staff(me, _): Staff<Moderators>,
    path: web::Path<String>,
    form: web::Form<ReturnQuery>,
) -> Result<HttpResponse, AppError> {
    let number = number_of(&path)?;
    let me_id = me.user.id;
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
    let me_id = me.user.id;
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

fn parse_assignee(value: &str, me: i64) -> Result<Option<i64>, AppError> {
    match value {
        "me" => Ok(Some(me)),
        "nobody" | "" => Ok(None),
        id => id.parse().map(Some).map_err(|_| AppError::BadRequest),
    }
}

/// Staff who may be assigned work (moderators and admins only).
fn check_reviewer(conn: &mut crate::db::AnyConnection, id: Option<i64>) -> Result<(), AppError> {
    if let Some(id) = id {
        let ok = data::reviewers(conn)?.iter().any(|(r, _)| *r == id);
        if !ok {
            return Err(AppError::Refused("moderation.assign.not_staff"));
        }
    }
    Ok(())
}

pub async fn assign(
    state: web::Data<AppState>,
    Staff(me, _): Staff<Moderators>,
    path: web::Path<String>,
    form: web::Form<AssignForm>,
) -> Result<HttpResponse, AppError> {
    let number = number_of(&path)?;
    let me_id = me.user.id;
    let assignee = parse_assignee(&form.assignee, me_id)?;
    change_suggestion(&state, number, move |conn, id| {
        check_reviewer(conn, assignee)?;
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
    let me_id = me.user.id;
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
    let me_id = me.user.id;
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
    let me_id = me.user.id;
    let body = match rules::parse_note(&form.note) {
        Ok(body) => body,
        Err(FieldError(key)) => {
            let mut errors = FormErrors::default();
            errors.add("note", key);
            let values = DecisionValues {
                note: form.note.clone(),
                ..DecisionValues::default()
            };
            let page = review_page(
                &state,
                ctx,
                &me.user,
                number,
                back_to(&form.return_to),
                Shown {
                    values,
                    errors,
                    message: String::new(),
                },
            )
            .await?;
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
            data::set_blocked(conn, actor.id, target.id, blocked, &reason, now())
        })?;
        Ok(())
    })
    .await?;
    Ok(see_other(&back_to(&form.return_to), Some("flash.saved")))
}

// ---------------------------------------------------------------- bulk

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct BulkForm {
    scope: String,
    action: String,
    /// The queue's filter, as its query string (for scope = filter).
    query: String,
    reason_code: String,
    reason_text: String,
    tag: String,
    assignee: String,
    canonical: String,
    /// The count the moderator confirmed (scope = filter).
    confirmed: String,
    /// Tracking numbers of a cluster's members (from the cluster page).
    members: String,
}

/// What a bulk action does to each suggestion.
enum BulkAction {
    Decide(Decision),
    Tag(String),
    Assign(Option<i64>),
}

fn bulk_label(action: &str) -> &'static str {
    match action {
        "publish" => "moderation.action.publish",
        "reject" => "moderation.action.reject",
        "tag" => "moderation.action.tag",
        "assign" => "moderation.action.assign",
        "merge" => "moderation.action.merge",
        _ => "moderation.action.other",
    }
}

/// A bulk action on the selected rows, or on everything matching the filter (after a
/// confirmation page that shows how many). One transaction; one log row per item.
pub async fn bulk(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    Staff(me, _): Staff<Moderators>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    // Checkbox lists repeat a name (`ids=…&ids=…`), which serde's map form cannot
    // hold; the pairs are read directly.
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(&body).into_owned().collect();
    let form: BulkForm = serde_urlencoded_pairs(&pairs)?;
    let mut numbers: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "ids")
        .map(|(_, v)| v.clone())
        .collect();
    numbers.extend(
        form.members
            .split(',')
            .filter(|n| !n.is_empty())
            .map(str::to_owned),
    );
    let me_id = me.user.id;
    let raw: RawFilter = serde_urlencoded_pairs(
        &url::form_urlencoded::parse(form.query.as_bytes())
            .into_owned()
            .collect::<Vec<_>>(),
    )?;
    let (filter, _) = QueueFilter::parse(&raw);
    let queue_href = format!("/moderation?{}", filter.query_string());

    let action = match form.action.as_str() {
        "publish" => BulkAction::Decide(Decision::Publish),
        "reject" => BulkAction::Decide(Decision::Reject(
            Reason::parse(&form.reason_code, &form.reason_text)
                .map_err(|_| AppError::Refused("form.reason.required"))?,
        )),
        "tag" => BulkAction::Tag(
            rules::parse_tag(&form.tag).map_err(|_| AppError::Refused("form.tag.required"))?,
        ),
        "assign" => BulkAction::Assign(parse_assignee(&form.assignee, me_id)?),
        // The canonical id is looked up below.
        "merge" => BulkAction::Decide(Decision::MarkDuplicate(0)),
        _ => return Err(AppError::BadRequest),
    };
    let by_filter = form.scope == "filter";
    if !by_filter && numbers.is_empty() {
        return Err(AppError::Refused("moderation.bulk.nothing"));
    }
    if by_filter && form.confirmed.is_empty() {
        let f = filter.clone();
        let count = with_db(&state, move |conn| {
            let resolved = data::resolve(conn, &f, me_id)?;
            Ok(data::count_matching(conn, &resolved)?)
        })
        .await?;
        let fields = [
            ("scope", &form.scope),
            ("action", &form.action),
            ("query", &form.query),
            ("reason_code", &form.reason_code),
            ("reason_text", &form.reason_text),
            ("tag", &form.tag),
            ("assignee", &form.assignee),
            ("canonical", &form.canonical),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.clone()))
        .collect();
        return html(&ConfirmBulkPage {
            count,
            action_label: bulk_label(&form.action),
            fields,
            cancel_href: queue_href,
            ctx,
        });
    }
    let public_url = state.public_url.clone();
    let canonical = form.canonical.clone();
    let (done, skipped) = with_db(&state, move |conn| {
        let ids: Vec<i64> = if by_filter {
            let resolved = data::resolve(conn, &filter, me_id)?;
            data::matching_ids(conn, &resolved)?
        } else {
            let mut ids = Vec::new();
            for n in &numbers {
                if let Some(n) = TrackingNumber::parse(n) {
                    if let Some(id) = data::id_by_number(conn, n.as_str())? {
                        ids.push(id);
                    }
                }
            }
            ids
        };
        let total = ids.len();
        let done = match action {
            BulkAction::Decide(Decision::MarkDuplicate(_)) => {
                let canonical_id = TrackingNumber::parse(&canonical)
                    .map(|c| data::id_by_number(conn, c.as_str()))
                    .transpose()?
                    .flatten()
                    .ok_or(AppError::Refused("moderation.canonical.unknown"))?;
                let others: Vec<i64> = ids.into_iter().filter(|id| *id != canonical_id).collect();
                workbench::decide_many(
                    conn,
                    me_id,
                    &others,
                    &Decision::MarkDuplicate(canonical_id),
                    &public_url,
                    now(),
                )?
                .done
                .len()
            }
            BulkAction::Decide(decision) => {
                workbench::decide_many(conn, me_id, &ids, &decision, &public_url, now())?
                    .done
                    .len()
            }
            BulkAction::Tag(name) => {
                db::write_transaction(conn, |conn| data::tag(conn, me_id, &ids, &name, now()))?
            }
            BulkAction::Assign(assignee) => {
                check_reviewer(conn, assignee)?;
                db::write_transaction(conn, |conn| {
                    data::assign(conn, me_id, &ids, assignee, now())
                })?
            }
        };
        Ok((done, total.saturating_sub(done)))
    })
    .await?;
    Ok(see_other(
        &format!("{queue_href}&done={done}&skipped={skipped}"),
        None,
    ))
}

/// Deserialize a struct from form pairs (unknown and repeated names ignored).
fn serde_urlencoded_pairs<T: serde::de::DeserializeOwned>(
    pairs: &[(String, String)],
) -> Result<T, AppError> {
    let mut seen = std::collections::HashSet::new();
    let unique: Vec<(&str, &str)> = pairs
        .iter()
        .filter(|(k, _)| k != "ids" && seen.insert(k.clone()))
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let encoded = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(unique)
        .finish();
    web::Query::<T>::from_query(&encoded)
        .map(web::Query::into_inner)
        .map_err(|_| AppError::BadRequest)
}

// ---------------------------------------------------------------- clusters, dashboard, log

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
    html(&ClusterPage {
        size,
        ids: members
            .iter()
            .map(|m| m.tracking_number.clone())
            .collect::<Vec<_>>()
            .join(","),
        members: members
            .iter()
            .map(|m| MemberRow {
                id: m.id,
                number: m.tracking_number.clone(),
                href: review_href(&m.tracking_number),
                status_key: status_key(m.status()),
                status_class: m.status().as_str(),
                excerpt: excerpt(&m.body, 200),
                upvotes: m.upvotes,
                date: DateView::new(m.created_at),
                mergeable: !matches!(
                    m.status(),
                    SuggestionStatus::Duplicate
                        | SuggestionStatus::Rejected
                        | SuggestionStatus::Hidden
                        | SuggestionStatus::Withdrawn
                ),
            })
            .collect(),
        ctx,
    })
}

pub async fn dashboard(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    Staff(me, _): Staff<Moderators>,
) -> Result<HttpResponse, AppError> {
    let since = now() - chrono::Duration::days(14);
    let (backlog, oldest, decisions, clusters) = with_db(&state, move |conn| {
        Ok((
            data::backlog(conn)?,
            data::oldest_pending(conn)?,
            data::decisions_per_day(conn, since)?,
            data::largest_clusters(conn, 10)?,
        ))
    })
    .await?;
    let lang = ctx.lang;
    let age = oldest.map(|t| now() - t);
    html(&DashboardPage {
        backlog: backlog
            .into_iter()
            .filter_map(|(status, n)| {
                let s = status.parse::<SuggestionStatus>().ok()?;
                Some((
                    status_key(s),
                    format!("/moderation?status={}", s.as_str()),
                    n,
                ))
            })
            .collect(),
        oldest_pending: oldest
            .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_default(),
        oldest_age: age.map_or_else(String::new, |a| {
            if a.num_days() >= 1 {
                i18n::tf(lang, "moderation.dashboard.days", a.num_days())
            } else {
                i18n::tf(lang, "moderation.dashboard.hours", a.num_hours())
            }
        }),
        decisions,
        clusters: clusters
            .into_iter()
            .map(|(id, size, number, body)| ClusterLine {
                href: cluster_href(id),
                size,
                number,
                excerpt: excerpt(&body, 120),
            })
            .collect(),
        daily_summary: me.user.daily_summary,
        ctx,
    })
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

async fn log_page(
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
    let lang = ctx.lang;
    let next_href = (entries.len() == usize::try_from(PAGE_SIZE).unwrap_or(50))
        .then(|| entries.last().map(|e| format!("{base}?before={}", e.id)))
        .flatten();
    html(&LogPage {
        title: if public {
            "decisions.title"
        } else {
            "moderation.log.title"
        },
        lines: entries
            .iter()
            .map(|e| LogLine::new(lang, e, !public))
            .collect(),
        with_names: !public,
        next_href,
        ctx,
    })
}

/// The staff log: who did what.
pub async fn staff_log(
    _staff: Staff<Moderators>,
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    query: web::Query<LogQuery>,
) -> Result<HttpResponse, AppError> {
    log_page(
        &state,
        ctx,
        false,
        query.before.parse().ok(),
        "/moderation/log",
    )
    .await
}

/// The public log of decisions on published content, without moderators' names.
pub async fn public_log(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    query: web::Query<LogQuery>,
) -> Result<HttpResponse, AppError> {
    log_page(&state, ctx, true, query.before.parse().ok(), "/decisions").await
}

// ---------------------------------------------------------------- canned responses

async fn templates_page(
    state: &AppState,
    ctx: PageContext,
    errors: FormErrors,
    title: String,
    body: String,
    selected: String,
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
        title,
        body,
        selected,
        ctx,
    })
}

pub async fn templates(
    _staff: Staff<Moderators>,
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
) -> Result<HttpResponse, AppError> {
    let page = templates_page(
        &state,
        ctx,
        FormErrors::default(),
        String::new(),
        String::new(),
        String::new(),
    )
    .await?;
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
        let page = templates_page(
            &state,
            ctx,
            errors,
            form.title,
            form.body,
            form.consultation,
        )
        .await?;
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

// ---------------------------------------------------------------- citizens' reports

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    reason: String,
    return_to: String,
}

/// A signed-in citizen reports a suggestion. Enough distinct reports hide it until a
/// moderator reviews them.
pub async fn report(
    state: web::Data<AppState>,
    CurrentUser(viewer): CurrentUser,
    path: web::Path<String>,
    form: web::Form<ReportForm>,
) -> Result<HttpResponse, AppError> {
    let back = crate::urls::return_path_or_home(&form.return_to);
    let Some(viewer) = viewer else {
        return Err(AppError::SignInRequired(back));
    };
    let number = number_of(&path)?;
    let reason = rules::parse_note(&form.reason)
        .map(|r| r.chars().take(500).collect::<String>())
        .map_err(|_| AppError::Refused("report.reason_required"))?;
    let threshold = state.flag_threshold;
    let user = viewer.user;
    let reported = with_db(&state, move |conn| {
        let found = suggestion::find_by_number(conn, &number)?.ok_or(AppError::NotFound)?;
        let s = &found.suggestion;
        if !s.status().is_visible() {
            return Err(AppError::NotFound);
        }
        if s.author_id == user.id {
            return Err(AppError::Refused("report.own"));
        }
        if user.blocked_at.is_some() {
            return Err(AppError::Refused("suggest.blocked"));
        }
        if !policy::may_participate(&user) {
            return Err(AppError::Refused("suggest.confirm_first"));
        }
        Ok(db::write_transaction(conn, |conn| {
            data::report(conn, user.id, s.id, &reason, threshold, now())
        })?)
    })
    .await?;
    let flash = match reported {
        Reported::Already => "flash.report_already",
        Reported::Recorded | Reported::Hidden => "flash.reported",
    };
    Ok(see_other(&back, Some(flash)))
}
