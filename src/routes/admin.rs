//! The admin area (admins only, enforced by [`crate::auth::policy`]): users and roles,
//! consultations and their draft versions. Every change is written to the audit log in
//! the same transaction.

use crate::i18n::{Lang, Message};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use futures_util::TryStreamExt;
use serde::Deserialize;

use super::{html, html_with_status, see_other, with_db, AppState};
use crate::auth::policy::{Admins, Staff};
use crate::db;
use crate::domain::{text, ConsultationStatus, ModerationMode, Role, Slug, TextLang};
use crate::error::AppError;
use crate::import::{DraftFile, ImportFailure, ImportRequest, MAX_DRAFT_BYTES};
use crate::models::consultation::{self, ConsultationFields};
use crate::models::{audit, document, outbox, user};
use crate::services::accounts::{self, Actor, RoleError};
use crate::services::drafts;
use crate::views::admin::{
    mode_choices, status_choices, AdminHome, AuditLine, ConsultationEditPage, ConsultationRow,
    ConsultationValues, ConsultationsPage, PreviewArticle, PreviewClause, PreviewPage,
    UndeliverableLine, UploadSlot, UserRow, UsersPage, VersionRow, UPLOAD_SLOTS,
};
use crate::views::consultation::status_key;
use crate::views::forms::{role_choices, FormErrors};
use crate::views::{Ctx, DateView, PageContext};

pub async fn home(
    _staff: Staff<Admins>,
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let (entries, undeliverable) = with_db(&state, |conn| {
        Ok((audit::recent(conn, 50)?, outbox::undeliverable(conn, 50)?))
    })
    .await?;
    html(&AdminHome {
        ctx,
        audit: entries
            .into_iter()
            .map(|e| AuditLine {
                when: DateView::new(lang, e.created_at),
                actor: e
                    .actor_user_id
                    .map_or_else(|| "cli".to_owned(), |id| format!("user:{id}")),
                action: e.action,
                subject: e.subject,
                details: e.details,
            })
            .collect(),
        undeliverable: undeliverable
            .into_iter()
            .map(|m| UndeliverableLine {
                when: DateView::new(lang, m.failed_at.unwrap_or_default()),
                to: m.to_address,
                subject: m.subject,
                error: m.last_error.unwrap_or_default(),
            })
            .collect(),
    })
}

// ---------------------------------------------------------------- users

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct UserSearch {
    q: String,
}

pub async fn users(
    state: web::Data<AppState>,
    Staff(admin, _): Staff<Admins>,
    Ctx(ctx): Ctx,
    query: web::Query<UserSearch>,
) -> Result<HttpResponse, AppError> {
    let q = text::strip(&query.into_inner().q);
    let needle = q.clone();
    let found = with_db(&state, move |conn| Ok(user::search(conn, &needle, 100)?)).await?;
    let lang = ctx.lang;
    html(&UsersPage {
        query: q,
        users: found
            .into_iter()
            .map(|u| UserRow {
                id: u.id,
                is_self: u.id == admin.user.id,
                roles: role_choices(lang, u.role()),
                confirmed: u.is_confirmed(),
                joined: DateView::new(lang, u.created_at),
                name: u.display_name,
                email: u.email,
            })
            .collect(),
        ctx,
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RoleForm {
    role: String,
}

pub async fn change_role(
    state: web::Data<AppState>,
    Staff(admin, _): Staff<Admins>,
    path: web::Path<i64>,
    form: web::Form<RoleForm>,
) -> Result<HttpResponse, AppError> {
    let target_id = path.into_inner();
    let role: Role = form.role.parse().map_err(|_| AppError::BadRequest)?;
    with_db(&state, move |conn| {
        accounts::change_role(conn, Actor::Admin(&admin.user), target_id, role).map_err(|error| {
            match error {
                RoleError::NotFound => AppError::NotFound,
                RoleError::OwnRole => AppError::Forbidden,
                RoleError::Db(e) => e.into(),
            }
        })
    })
    .await?;
    Ok(see_other("/admin/users", Some("flash.role_changed")))
}

// ---------------------------------------------------------------- consultations

pub async fn consultations(
    _staff: Staff<Admins>,
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
) -> Result<HttpResponse, AppError> {
    let rows = with_db(&state, |conn| {
        let counts = document::version_counts(conn)?;
        Ok(consultation::list_all(conn)?
            .into_iter()
            .map(|c| ConsultationRow {
                status: status_key(c.status()),
                versions: counts.get(&c.id).copied().unwrap_or(0),
                slug: c.slug,
                title: c.title,
            })
            .collect::<Vec<_>>())
    })
    .await?;
    html(&ConsultationsPage {
        ctx,
        consultations: rows,
    })
}

#[derive(Debug, Default, Deserialize, Clone)]
#[serde(default)]
pub struct ConsultationForm {
    slug: String,
    title: String,
    summary: String,
    language: String,
    status: String,
    moderation_mode: String,
    opens_at: String,
    closes_at: String,
}

impl ConsultationForm {
    fn values(&self) -> ConsultationValues {
        ConsultationValues {
            slug: self.slug.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            language: self.language.clone(),
            status: self.status.clone(),
            moderation_mode: self.moderation_mode.clone(),
            opens_at: self.opens_at.clone(),
            closes_at: self.closes_at.clone(),
        }
    }

    /// The fields, or the per-field errors.
    fn parse(&self, errors: &mut FormErrors) -> Option<ConsultationFields> {
        let title = self.title.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Err(error) = text::check(&self.title, true) {
            errors.add("title", error.0);
        } else if title.chars().count() < 3 || title.chars().count() > 200 {
            errors.add("title", "admin.error.title");
        }
        if let Err(error) = text::check(&self.summary, true) {
            errors.add("summary", error.0);
        } else if self.summary.chars().count() > 5000 {
            errors.add("summary", "admin.error.summary");
        }
        let language = self.language.parse::<TextLang>().ok();
        if language.is_none() {
            errors.add("language", "admin.error.choice");
        }
        let status = self.status.parse::<ConsultationStatus>().ok();
        let mode = self.moderation_mode.parse::<ModerationMode>().ok();
        if status.is_none() || mode.is_none() {
            errors.add("status", "admin.error.choice");
        }
        let opens_at = parse_local_time(&self.opens_at);
        let closes_at = parse_local_time(&self.closes_at);
        if opens_at.is_err() {
            errors.add("opens_at", "admin.error.time");
        }
        if closes_at.is_err() {
            errors.add("closes_at", "admin.error.time");
        }
        if let (Ok(Some(opens)), Ok(Some(closes))) = (opens_at, closes_at) {
            if closes <= opens {
                errors.add("closes_at", "admin.error.order");
            }
        }
        Some(ConsultationFields {
            title,
            summary: self.summary.trim().to_owned(),
            language: language?,
            status: status?,
            moderation_mode: mode?,
            opens_at: opens_at.ok()?,
            closes_at: closes_at.ok()?,
        })
        .filter(|_| errors.is_empty())
    }
}

/// `2026-12-01T09:00` (what `<input type="datetime-local">` sends), taken as UTC.
fn parse_local_time(value: &str) -> Result<Option<NaiveDateTime>, ()> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(value, "%Y-%m-%dT%H:%M:%S"))
        .map(Some)
        .map_err(|_| ())
}

fn local_time(value: Option<NaiveDateTime>) -> String {
    value
        .map(|t| t.format("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

struct EditData {
    values: ConsultationValues,
    versions: Vec<VersionRow>,
}

async fn load_edit_data(state: &AppState, slug: Slug, lang: Lang) -> Result<EditData, AppError> {
    with_db(state, move |conn| {
        let c = consultation::find_by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
        let versions = document::versions(conn, c.id)?
            .into_iter()
            .map(|v| VersionRow {
                number: v.number,
                created: DateView::new(lang, v.created_at),
                published: v.published_at.map(|t| DateView::new(lang, t)),
                source: v.source_name,
                preview_href: format!("/admin/consultations/{}/versions/{}", c.slug, v.number),
                publish_action: format!(
                    "/admin/consultations/{}/versions/{}/publish",
                    c.slug, v.number
                ),
            })
            .collect();
        Ok(EditData {
            values: ConsultationValues {
                slug: c.slug.clone(),
                title: c.title.clone(),
                summary: c.summary.clone(),
                language: c.language.as_str().to_owned(),
                status: c.status.as_str().to_owned(),
                moderation_mode: c.moderation_mode.as_str().to_owned(),
                opens_at: local_time(c.opens_at),
                closes_at: local_time(c.closes_at),
            },
            versions,
        })
    })
    .await
}

fn edit_page(
    ctx: PageContext,
    existing_slug: Option<String>,
    values: ConsultationValues,
    errors: FormErrors,
    versions: Vec<VersionRow>,
    import_error: String,
) -> ConsultationEditPage {
    let lang = ctx.lang;
    let upload_action = existing_slug
        .as_ref()
        .map(|slug| {
            format!(
                "/admin/consultations/{slug}/drafts?csrf_token={}",
                url::form_urlencoded::byte_serialize(ctx.csrf_token.as_bytes()).collect::<String>()
            )
        })
        .unwrap_or_default();
    ConsultationEditPage {
        upload_slots: UploadSlot::all(crate::views::text_lang::default_text_lang(lang)),
        statuses: status_choices(lang, &values.status),
        modes: mode_choices(lang, &values.moderation_mode),
        title_langs: TextLang::ALL
            .iter()
            .map(|l| (l.as_str(), l.native_name(), l.as_str() == values.language))
            .collect(),
        existing_slug,
        values,
        errors,
        versions,
        import_error,
        upload_action,
        ctx,
    }
}

pub async fn new_consultation(
    _staff: Staff<Admins>,
    Ctx(ctx): Ctx,
) -> Result<HttpResponse, AppError> {
    let values = ConsultationValues {
        // A new consultation's title is most likely typed in the page's language.
        language: crate::views::text_lang::default_text_lang(ctx.lang)
            .as_str()
            .into(),
        status: ConsultationStatus::Draft.as_str().into(),
        moderation_mode: ModerationMode::Pre.as_str().into(),
        ..ConsultationValues::default()
    };
    html(&edit_page(
        ctx,
        None,
        values,
        FormErrors::default(),
        Vec::new(),
        String::new(),
    ))
}

pub async fn create_consultation(
    state: web::Data<AppState>,
    Staff(admin, _): Staff<Admins>,
    Ctx(ctx): Ctx,
    form: web::Form<ConsultationForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    let slug = Slug::parse(&form.slug).ok();
    if slug.is_none() {
        errors.add("slug", "admin.error.slug");
    }
    let fields = form.parse(&mut errors);
    let (Some(slug), Some(fields)) = (slug, fields) else {
        let page = edit_page(ctx, None, form.values(), errors, Vec::new(), String::new());
        return html_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let actor = admin.user.id;
    let created_slug = slug.clone();
    let created = with_db(&state, move |conn| {
        db::write_transaction(conn, |conn| {
            let Some(created) = consultation::create(conn, &slug, &fields)? else {
                return Ok(false);
            };
            audit::record(
                conn,
                Some(actor),
                "consultation_create",
                &format!("consultation:{}", created.slug),
                &serde_json::json!({"title": created.title, "status": created.status}),
            )?;
            Ok::<_, AppError>(true)
        })
    })
    .await?;
    if !created {
        let mut errors = FormErrors::default();
        errors.add("slug", "admin.error.slug_taken");
        let page = edit_page(ctx, None, form.values(), errors, Vec::new(), String::new());
        return html_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    state.page_cache.clear();
    Ok(see_other(
        &format!("/admin/consultations/{created_slug}"),
        Some("flash.saved"),
    ))
}

fn parse_slug(raw: &str) -> Result<Slug, AppError> {
    Slug::parse(raw).map_err(|_| AppError::NotFound)
}

pub async fn edit_consultation(
    _staff: Staff<Admins>,
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    path: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let slug = parse_slug(&path)?;
    let data = load_edit_data(&state, slug.clone(), ctx.lang).await?;
    html(&edit_page(
        ctx,
        Some(slug.to_string()),
        data.values,
        FormErrors::default(),
        data.versions,
        String::new(),
    ))
}

pub async fn update_consultation(
    state: web::Data<AppState>,
    Staff(admin, _): Staff<Admins>,
    Ctx(ctx): Ctx,
    path: web::Path<String>,
    form: web::Form<ConsultationForm>,
) -> Result<HttpResponse, AppError> {
    let slug = parse_slug(&path)?;
    let mut form = form.into_inner();
    form.slug = slug.to_string();
    let mut errors = FormErrors::default();
    let Some(fields) = form.parse(&mut errors) else {
        let data = load_edit_data(&state, slug.clone(), ctx.lang).await?;
        let page = edit_page(
            ctx,
            Some(slug.to_string()),
            form.values(),
            errors,
            data.versions,
            String::new(),
        );
        return html_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let actor = admin.user.id;
    let target = slug.clone();
    with_db(&state, move |conn| {
        db::write_transaction(conn, |conn| {
            let before = consultation::find_by_slug(conn, &target)?.ok_or(AppError::NotFound)?;
            consultation::update(conn, before.id, &fields)?;
            audit::record(
                conn,
                Some(actor),
                "consultation_update",
                &format!("consultation:{target}"),
                &serde_json::json!({
                    "title": fields.title,
                    "status": {"from": before.status, "to": fields.status.as_str()},
                    "moderation_mode": fields.moderation_mode.as_str(),
                    "opens_at": local_time(fields.opens_at),
                    "closes_at": local_time(fields.closes_at),
                }),
            )?;
            Ok::<_, AppError>(())
        })
    })
    .await?;
    state.page_cache.clear();
    Ok(see_other(
        &format!("/admin/consultations/{slug}"),
        Some("flash.saved"),
    ))
}

/// Upload a draft file: imported by the same importer as `kenes import-draft`, as an
/// unpublished version to preview. A bad file shows the importer's message.
/// The draft upload form's fields: up to [`UPLOAD_SLOTS`] files, each with its
/// language (`draft`/`lang`, `draft2`/`lang2`, …), and the version to add them to.
struct Upload {
    files: Vec<(TextLang, String, Vec<u8>)>,
    changelog: String,
    into_version: Option<i32>,
    /// The authoritative language, when the admin named one (empty: by the rule).
    authoritative: Option<TextLang>,
    /// A language or version the form could not read: shown instead of importing.
    refused: Option<Message>,
}

/// A slot as read: the file's name, its bytes, and the language chosen.
type UploadedSlot = (Option<String>, Option<Vec<u8>>, Option<String>);

/// Which upload slot a field belongs to: `draft`/`lang` is 1, `draft2`/`lang2` is 2.
fn upload_slot(name: &str, prefix: &str) -> Option<usize> {
    let rest = name.strip_prefix(prefix)?;
    let n = if rest.is_empty() {
        1
    } else {
        rest.parse().ok()?
    };
    (1..=UPLOAD_SLOTS).contains(&n).then_some(n)
}

/// Read the multipart form, refusing a draft over the import limit as it arrives.
async fn read_upload(mut payload: Multipart) -> Result<Upload, AppError> {
    let mut upload = Upload {
        files: Vec::new(),
        changelog: String::new(),
        into_version: None,
        authoritative: None,
        refused: None,
    };
    let mut slots: Vec<UploadedSlot> = vec![(None, None, None); UPLOAD_SLOTS];
    while let Some(mut field) = payload.try_next().await.map_err(|_| AppError::BadRequest)? {
        let name = field.name().map(str::to_owned).unwrap_or_default();
        let file_slot = upload_slot(&name, "draft");
        let given = field
            .content_disposition()
            .and_then(|cd| cd.get_filename())
            .filter(|g| !g.is_empty())
            .map(str::to_owned);
        let limit = if file_slot.is_some() {
            MAX_DRAFT_BYTES
        } else {
            20_000
        };
        let mut data = Vec::new();
        while let Some(chunk) = field.try_next().await.map_err(|_| AppError::BadRequest)? {
            if data.len() + chunk.len() > limit {
                return Err(AppError::PayloadTooLarge);
            }
            data.extend_from_slice(&chunk);
        }
        let text = || String::from_utf8_lossy(&data).trim().to_owned();
        if let Some(n) = file_slot {
            slots[n - 1].0 = given;
            slots[n - 1].1 = Some(data);
        } else if let Some(n) = upload_slot(&name, "lang") {
            slots[n - 1].2 = Some(text());
        } else if name == "changelog" {
            upload.changelog = text();
        } else if name == "authoritative" {
            let value = text();
            if !value.is_empty() {
                match value.parse::<TextLang>() {
                    Ok(lang) => upload.authoritative = Some(lang),
                    Err(error) => upload.refused = Some(error.message()),
                }
            }
        } else if name == "into_version" {
            let value = text();
            if !value.is_empty() {
                match value.parse::<i32>() {
                    Ok(n) if n > 0 => upload.into_version = Some(n),
                    _ => {
                        upload.refused =
                            Some(Message::new("import-bad-version-number").text("value", &value));
                    }
                }
            }
        }
    }
    for (n, (given, bytes, lang)) in slots.into_iter().enumerate() {
        // A slot without a chosen file sends an empty part with no file name.
        let Some(bytes) = bytes.filter(|b| !b.is_empty() || given.is_some()) else {
            continue;
        };
        let lang = match lang.as_deref().unwrap_or("en").parse::<TextLang>() {
            Ok(lang) => lang,
            Err(error) => {
                upload.refused = Some(error.message());
                continue;
            }
        };
        let file_name = given.unwrap_or_else(|| format!("upload-{}.txt", n + 1));
        upload.files.push((lang, file_name, bytes));
    }
    Ok(upload)
}

pub async fn upload_draft(
    state: web::Data<AppState>,
    Staff(admin, _): Staff<Admins>,
    Ctx(ctx): Ctx,
    path: web::Path<String>,
    payload: Multipart,
) -> Result<HttpResponse, AppError> {
    let slug = parse_slug(&path)?;
    let upload = read_upload(payload).await?;
    let (admin, target, lang) = (admin.user, slug.clone(), ctx.lang);
    let outcome = with_db(&state, move |conn| {
        if consultation::find_by_slug(conn, &target)?.is_none() {
            return Err(AppError::NotFound);
        }
        if let Some(refused) = upload.refused {
            return Ok(Err(refused.render(lang)));
        }
        let files: Vec<DraftFile<'_>> = upload
            .files
            .iter()
            .map(|(lang, file_name, bytes)| DraftFile {
                lang: *lang,
                file_name,
                bytes,
            })
            .collect();
        let request = ImportRequest {
            consultation: &target,
            files: &files,
            into_version: upload.into_version,
            authoritative: upload.authoritative,
            title: None,
            summary: None,
            changelog: &upload.changelog,
            publish: false,
        };
        match drafts::import(conn, &request, Actor::Admin(&admin)) {
            Ok(stored) => Ok(Ok(stored.version.number)),
            Err(ImportFailure::Database(error)) => Err(error.into()),
            // The file's problems, in the page's language.
            Err(refused) => Ok(Err(refused.render(lang).unwrap_or_default())),
        }
    })
    .await?;
    let message = match outcome {
        Ok(number) => {
            let preview = format!("/admin/consultations/{slug}/versions/{number}");
            return Ok(see_other(&preview, None));
        }
        Err(message) => message,
    };
    let data = load_edit_data(&state, slug.clone(), ctx.lang).await?;
    let page = edit_page(
        ctx,
        Some(slug.to_string()),
        data.values,
        FormErrors::default(),
        data.versions,
        message,
    );
    html_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
}

pub async fn preview_version(
    _staff: Staff<Admins>,
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    path: web::Path<(String, i32)>,
) -> Result<HttpResponse, AppError> {
    let (raw_slug, number) = path.into_inner();
    let slug = parse_slug(&raw_slug)?;
    let (version, articles, clauses) = with_db(&state, move |conn| {
        let c = consultation::find_by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
        let v = document::version(conn, c.id, number)?.ok_or(AppError::NotFound)?;
        let (_, articles) = document::table_of_contents(conn, v.id)?;
        let clauses = document::clauses_of_version(conn, v.id)?;
        Ok((v, articles, clauses))
    })
    .await?;
    let preview: Vec<PreviewArticle> = articles
        .iter()
        .map(|a| PreviewArticle {
            label: a.article.label.clone(),
            title: a.article.title.clone(),
            clauses: clauses
                .iter()
                .filter(|c| c.article_id == a.article.id)
                .map(|c| PreviewClause::new(&c.reference, &c.body))
                .collect(),
        })
        .collect();
    let counts = format!(
        "{} · {}",
        ctx.tf("admin.preview.articles", articles.len()),
        ctx.tf("consultation.clause_count", clauses.len())
    );
    html(&PreviewPage {
        slug: raw_slug.clone(),
        number,
        published: version.published_at.is_some(),
        publish_action: format!("/admin/consultations/{raw_slug}/versions/{number}/publish"),
        counts,
        preamble: crate::views::paragraphs(&version.preamble),
        articles: preview,
        ctx,
    })
}

pub async fn publish_version(
    state: web::Data<AppState>,
    Staff(admin, _): Staff<Admins>,
    path: web::Path<(String, i32)>,
) -> Result<HttpResponse, AppError> {
    let (raw_slug, number) = path.into_inner();
    let slug = parse_slug(&raw_slug)?;
    let actor = admin.user.id;
    with_db(&state, move |conn| {
        db::write_transaction(conn, |conn| {
            let c = consultation::find_by_slug(conn, &slug)?.ok_or(AppError::NotFound)?;
            let v = document::version(conn, c.id, number)?.ok_or(AppError::NotFound)?;
            if document::publish(conn, v.id)? {
                audit::record(
                    conn,
                    Some(actor),
                    "version_publish",
                    &format!("consultation:{slug}"),
                    &serde_json::json!({"version": number}),
                )?;
            }
            Ok::<_, AppError>(())
        })
    })
    .await?;
    state.page_cache.clear();
    Ok(see_other(
        &format!("/admin/consultations/{raw_slug}"),
        Some("flash.saved"),
    ))
}
