//! Accounts: registration, email confirmation, sign-in and sign-out, password reset,
//! and the account page.
//!
//! Registration, sign-in and reset answer the same way whether or not an email is
//! known (no account enumeration); every path that could differ in time hashes or
//! verifies a password either way.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::{html, html_with_status, see_other, with_db, AppState};
use crate::auth::csrf::{self, CsrfVerdict};
use crate::auth::session::{self as sessions, RequireUser};
use crate::auth::throttle::{self, Limit};
use crate::auth::token::{hash_token, looks_like_token, random_token};
use crate::db::{self, AnyConnection};
use crate::domain::{DisplayName, Email, NewPassword, Region};
use crate::error::AppError;
use crate::mail::messages;
use crate::models::token::Purpose;
use crate::models::{audit, outbox, session, token, user};
use crate::services::accounts;
use crate::views::account::{
    AccountPage, MessagePage, RegisterPage, ResetPage, ResetRequestPage, SignInPage,
};
use crate::views::forms::{region_choices, FormErrors};
use crate::views::{Ctx, Link, PageContext};

const RESET_LIFETIME_HOURS: i64 = 1;

/// Count a hit against a limit; over it, the request is refused with 429.
fn throttled(conn: &mut AnyConnection, limit: Limit, subject: &str) -> Result<(), AppError> {
    throttle::hit(conn, limit, subject)?.map_err(AppError::TooManyRequests)
}

/// Redirect with a flash message, ending this browser's session cookie.
fn signed_out_redirect(
    state: &AppState,
    location: &str,
    flash: &'static str,
) -> Result<HttpResponse, AppError> {
    let mut response = see_other(location, Some(flash));
    response
        .add_removal_cookie(&sessions::end_cookie(&state.sessions))
        .map_err(AppError::internal)?;
    Ok(response)
}

/// A page that only says something, from translation keys: a title, paragraphs, and
/// optionally a link (path, key).
fn message(
    ctx: PageContext,
    status: StatusCode,
    title: &'static str,
    paragraphs: &[&'static str],
    link: Option<(&str, &'static str)>,
) -> Result<HttpResponse, AppError> {
    let page = MessagePage {
        title: ctx.t(title),
        paragraphs: paragraphs.iter().map(|key| ctx.t(key).to_owned()).collect(),
        link: link.map(|(href, key)| Link {
            href: href.to_owned(),
            text: ctx.t(key).to_owned(),
        }),
        ctx,
    };
    html_with_status(status, &page)
}

// ---------------------------------------------------------------- registration

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RegisterForm {
    email: String,
    display_name: String,
    password: String,
    region: String,
    terms: String,
}

impl RegisterForm {
    /// The form's fields as domain values, or the messages per field.
    fn parse(&self) -> Result<(Email, DisplayName, NewPassword, Option<Region>), FormErrors> {
        let mut errors = FormErrors::default();
        let email = errors.check("email", Email::parse(&self.email));
        let name = errors.check("display_name", DisplayName::parse(&self.display_name));
        let password = errors.check(
            "password",
            NewPassword::parse(&self.password, email.as_ref()),
        );
        let region = errors.check("region", Region::parse(&self.region));
        if self.terms.is_empty() {
            errors.add("terms", "form.terms.required");
        }
        match (email, name, password, region, errors.is_empty()) {
            (Some(email), Some(name), Some(password), Some(region), true) => {
                Ok((email, name, password, region))
            }
            _ => Err(errors),
        }
    }
}

fn register_page(
    ctx: PageContext,
    form: &RegisterForm,
    errors: FormErrors,
    notice: &'static str,
) -> RegisterPage {
    let lang = ctx.lang;
    RegisterPage {
        email: form.email.clone(),
        display_name: form.display_name.clone(),
        regions: region_choices(lang, &form.region),
        terms: !form.terms.is_empty(),
        errors,
        notice,
        ctx,
    }
}

pub async fn register_form(Ctx(ctx): Ctx) -> Result<HttpResponse, AppError> {
    html(&register_page(
        ctx,
        &RegisterForm::default(),
        FormErrors::default(),
        "",
    ))
}

pub async fn register(
    state: web::Data<AppState>,
    request: HttpRequest,
    Ctx(ctx): Ctx,
    csrf: CsrfVerdict,
    form: web::Form<RegisterForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    if !csrf.valid {
        // The form had gone stale: keep everything typed (but the password) and ask
        // for one more submit, with the fresh token this page now carries.
        let notice = ctx.t("form.resubmit");
        return html_with_status(
            StatusCode::FORBIDDEN,
            &register_page(ctx, &form, FormErrors::default(), notice),
        );
    }
    let ip = state.client_ip(&request);
    with_db(&state, move |conn| {
        throttled(conn, throttle::REGISTER_PER_IP, &ip)
    })
    .await?;

    let (email, name, password, region) = match form.parse() {
        Ok(parsed) => parsed,
        Err(errors) => {
            let page = register_page(ctx, &form, errors, "");
            return html_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };

    // Per address: so that nobody floods a mailbox with "already registered" notices.
    let key = email.to_string();
    with_db(&state, move |conn| {
        throttled(conn, throttle::REGISTER_PER_ACCOUNT, &key)
    })
    .await?;
    // Hash first in every case, so a known email answers as slowly as a new one.
    let hash = state.passwords.hash(password.expose().to_owned()).await?;
    let (base, lang) = (state.public_url.clone(), ctx.lang);
    with_db(&state, move |conn| {
        let new = accounts::NewAccount {
            email: &email,
            display_name: &name,
            password_hash: &hash,
            region,
        };
        Ok(accounts::register(conn, &new, lang, &base)?)
    })
    .await?;
    Ok(see_other("/register/sent", None))
}

pub async fn register_sent(Ctx(ctx): Ctx) -> Result<HttpResponse, AppError> {
    message(
        ctx,
        StatusCode::OK,
        "register.sent.title",
        &["register.sent.body", "register.sent.spam"],
        None,
    )
}

#[derive(Debug, Deserialize)]
pub struct TokenQuery {
    #[serde(default)]
    token: String,
}

/// The link in the confirmation email. Confirming twice is harmless, so a GET does it.
pub async fn confirm(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let secret = query.into_inner().token;
    let confirmed = looks_like_token(&secret)
        && with_db(&state, move |conn| {
            db::write_transaction(conn, |conn| {
                let Some(user_id) = token::consume(conn, Purpose::Confirm, &hash_token(&secret))?
                else {
                    return Ok(false);
                };
                user::mark_confirmed(conn, user_id)?;
                Ok(true)
            })
        })
        .await?;
    if confirmed {
        // A GET that writes (`read_cache::after_writes` sees only other methods): the
        // session kept for this account must show it confirmed on the next page.
        state.pool.changes().bump();
        message(
            ctx,
            StatusCode::OK,
            "confirm.done.title",
            &["confirm.done.body"],
            Some(("/", "confirm.done.link")),
        )
    } else {
        message(
            ctx,
            StatusCode::GONE,
            "confirm.expired.title",
            &["confirm.expired.body"],
            Some(("/account", "confirm.expired.link")),
        )
    }
}

/// The "resend" button of the unconfirmed-account banner.
pub async fn resend_confirmation(
    state: web::Data<AppState>,
    request: HttpRequest,
    RequireUser(signed_in): RequireUser,
    Ctx(ctx): Ctx,
) -> Result<HttpResponse, AppError> {
    if signed_in.user.is_confirmed() {
        return Ok(see_other("/account", None));
    }
    let ip = state.client_ip(&request);
    let base = state.public_url.clone();
    let lang = ctx.lang;
    with_db(&state, move |conn| {
        throttled(conn, throttle::RESEND_PER_IP, &ip)?;
        throttled(conn, throttle::RESEND_PER_ACCOUNT, &signed_in.user.email)?;
        Ok(accounts::resend_confirmation(
            conn,
            lang,
            &base,
            &signed_in.user,
        )?)
    })
    .await?;
    Ok(see_other("/account", Some("flash.confirmation_sent")))
}

// ---------------------------------------------------------------- sign-in

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NextQuery {
    next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SignInForm {
    email: String,
    password: String,
    next: String,
}

pub async fn sign_in_form(
    Ctx(ctx): Ctx,
    query: web::Query<NextQuery>,
) -> Result<HttpResponse, AppError> {
    html(&SignInPage {
        ctx,
        email: String::new(),
        next: crate::urls::return_path_or_home(&query.next),
        error: "",
    })
}

pub async fn sign_in(
    state: web::Data<AppState>,
    request: HttpRequest,
    Ctx(ctx): Ctx,
    form: web::Form<SignInForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let next = crate::urls::return_path_or_home(&form.next);
    let account = account_to_check(&state, &request, &form.email).await?;
    // Unknown accounts are checked against a dummy hash: same answer, same time.
    let verified = state
        .passwords
        .verify(
            form.password.clone(),
            account.as_ref().map(|a| a.password_hash.clone()),
        )
        .await?;
    let Some(account) = account.filter(|_| verified.ok) else {
        let error = ctx.t("sign_in.failed");
        let page = SignInPage {
            ctx,
            email: form.email,
            next,
            error,
        };
        return html_with_status(StatusCode::UNAUTHORIZED, &page);
    };
    let rehash = if verified.needs_rehash {
        Some(state.passwords.hash(form.password).await?)
    } else {
        None
    };
    let previous = request
        .cookie(state.sessions.cookie_name())
        .map(|c| hash_token(c.value()));
    let settings = state.sessions;
    let cookie = with_db(&state, move |conn| {
        Ok(accounts::start_session(
            conn, &settings, &account, previous, rehash,
        )?)
    })
    .await?;
    let mut response = see_other(&next, Some("flash.signed_in"));
    response.add_cookie(&cookie).map_err(AppError::internal)?;
    // A fresh CSRF secret for the signed-in browser as well.
    response
        .add_cookie(&csrf::new_cookie(settings.secure_cookies))
        .map_err(AppError::internal)?;
    Ok(response)
}

/// Count the attempt against the sign-in throttles (per account and address, per
/// address, per account), then find the account that may sign in with this email.
async fn account_to_check(
    state: &AppState,
    request: &HttpRequest,
    typed_email: &str,
) -> Result<Option<user::User>, AppError> {
    let email = Email::parse(typed_email).ok();
    let ip = state.client_ip(request);
    let account_key = email
        .as_ref()
        .map_or_else(|| typed_email.trim().to_lowercase(), |e| e.to_string());
    with_db(state, move |conn| {
        let pair = format!("{account_key}\n{ip}");
        throttled(conn, throttle::SIGN_IN_PER_ACCOUNT_AND_ADDRESS, &pair)?;
        throttled(conn, throttle::SIGN_IN_PER_IP, &ip)?;
        throttled(conn, throttle::SIGN_IN_PER_ACCOUNT, &account_key)?;
        Ok(match email {
            Some(email) => user::find_by_email(conn, &email)?.filter(user::User::can_sign_in),
            None => None,
        })
    })
    .await
}

pub async fn sign_out(
    state: web::Data<AppState>,
    request: HttpRequest,
) -> Result<HttpResponse, AppError> {
    if let Some(cookie) = request.cookie(state.sessions.cookie_name()) {
        let hash = hash_token(cookie.value());
        with_db(&state, move |conn| Ok(session::delete(conn, &hash)?)).await?;
    }
    signed_out_redirect(&state, "/", "flash.signed_out")
}

// ---------------------------------------------------------------- password reset

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResetRequestForm {
    email: String,
}

pub async fn reset_request_form(Ctx(ctx): Ctx) -> Result<HttpResponse, AppError> {
    html(&ResetRequestPage {
        ctx,
        email: String::new(),
        errors: FormErrors::default(),
    })
}

pub async fn reset_request(
    state: web::Data<AppState>,
    request: HttpRequest,
    Ctx(ctx): Ctx,
    form: web::Form<ResetRequestForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    let Some(email) = errors.check("email", Email::parse(&form.email)) else {
        return html_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ResetRequestPage {
                ctx,
                email: form.email,
                errors,
            },
        );
    };
    let ip = state.client_ip(&request);
    let base = state.public_url.clone();
    let lang = ctx.lang;
    with_db(&state, move |conn| {
        throttled(conn, throttle::RESET_PER_IP, &ip)?;
        throttled(conn, throttle::RESET_PER_ACCOUNT, email.as_str())?;
        db::write_transaction(conn, |conn| {
            let Some(account) = user::find_by_email(conn, &email)?.filter(user::User::can_sign_in)
            else {
                return Ok(());
            };
            let secret = random_token();
            token::revoke_all(conn, account.id, Purpose::Reset)?;
            token::create(
                conn,
                account.id,
                Purpose::Reset,
                &hash_token(&secret),
                chrono::Duration::hours(RESET_LIFETIME_HOURS),
            )?;
            outbox::enqueue(
                conn,
                &messages::reset_password(
                    account.lang_or(lang),
                    &account.email,
                    &account.display_name,
                    crate::urls::absolute(
                        &base,
                        account.lang_or(lang),
                        &format!("/reset/confirm?token={secret}"),
                    ),
                ),
            )?;
            Ok::<_, AppError>(())
        })
    })
    .await?;
    Ok(see_other("/reset/sent", None))
}

pub async fn reset_sent(Ctx(ctx): Ctx) -> Result<HttpResponse, AppError> {
    message(
        ctx,
        StatusCode::OK,
        "reset.sent.title",
        &["reset.sent.body"],
        None,
    )
}

fn reset_expired(ctx: PageContext) -> Result<HttpResponse, AppError> {
    message(
        ctx,
        StatusCode::GONE,
        "reset.expired.title",
        &["reset.expired.body"],
        Some(("/reset", "reset.expired.link")),
    )
}

/// The link in the reset email: a form for the new password (the token is used only
/// when that form is submitted, so a mail scanner opening the link spends nothing).
pub async fn reset_form(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    query: web::Query<TokenQuery>,
) -> Result<HttpResponse, AppError> {
    let secret = query.into_inner().token;
    let hash = hash_token(&secret);
    let valid = looks_like_token(&secret)
        && with_db(&state, move |conn| {
            Ok(token::peek(conn, Purpose::Reset, &hash)?.is_some())
        })
        .await?;
    if !valid {
        return reset_expired(ctx);
    }
    html(&ResetPage {
        ctx,
        token: secret,
        errors: FormErrors::default(),
    })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ResetForm {
    token: String,
    password: String,
}

pub async fn reset(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    form: web::Form<ResetForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let secret = form.token.clone();
    let hash = hash_token(&secret);
    let owner = if looks_like_token(&secret) {
        with_db(&state, move |conn| {
            Ok(match token::peek(conn, Purpose::Reset, &hash)? {
                Some(id) => user::find(conn, id)?,
                None => None,
            })
        })
        .await?
    } else {
        None
    };
    let Some(owner) = owner else {
        return reset_expired(ctx);
    };
    let mut errors = FormErrors::default();
    let email = Email::parse(&owner.email).ok();
    let Some(password) = errors.check(
        "password",
        NewPassword::parse(&form.password, email.as_ref()),
    ) else {
        return html_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ResetPage {
                ctx,
                token: secret,
                errors,
            },
        );
    };
    let new_hash = state.passwords.hash(password.expose().to_owned()).await?;
    let (base, lang, token_hash) = (state.public_url.clone(), ctx.lang, hash_token(&secret));
    let done = with_db(&state, move |conn| {
        let new = accounts::NewPassword {
            token_hash: &token_hash,
            password_hash: &new_hash,
        };
        Ok(accounts::reset_password(conn, &new, &owner, lang, &base)?)
    })
    .await?;
    if !done {
        return reset_expired(ctx);
    }
    signed_out_redirect(&state, "/sign-in", "flash.password_reset")
}

// ---------------------------------------------------------------- account page

async fn account_page(
    state: &AppState,
    ctx: PageContext,
    user_id: i64,
    display_name: Option<String>,
    region: Option<String>,
    errors: (FormErrors, FormErrors, FormErrors),
) -> Result<AccountPage, AppError> {
    let (account, sessions) = with_db(state, move |conn| {
        let account = user::find(conn, user_id)?.ok_or(AppError::NotFound)?;
        let count = session::count_for_user(conn, user_id)?;
        Ok((account, count))
    })
    .await?;
    let lang = ctx.lang;
    let region = region.unwrap_or_else(|| account.region.clone().unwrap_or_default());
    Ok(AccountPage {
        email: account.email.clone(),
        display_name: display_name.unwrap_or_else(|| account.display_name.clone()),
        regions: region_choices(lang, &region),
        confirmed: account.is_confirmed(),
        sessions,
        profile_errors: errors.0,
        password_errors: errors.1,
        delete_errors: errors.2,
        ctx,
    })
}

pub async fn account(
    state: web::Data<AppState>,
    RequireUser(signed_in): RequireUser,
    Ctx(ctx): Ctx,
) -> Result<HttpResponse, AppError> {
    html(
        &account_page(
            &state,
            ctx,
            signed_in.user.id,
            None,
            None,
            Default::default(),
        )
        .await?,
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ProfileForm {
    display_name: String,
    region: String,
}

pub async fn update_profile(
    state: web::Data<AppState>,
    RequireUser(signed_in): RequireUser,
    Ctx(ctx): Ctx,
    form: web::Form<ProfileForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let mut errors = FormErrors::default();
    let name = errors.check("display_name", DisplayName::parse(&form.display_name));
    let region = errors.check("region", Region::parse(&form.region));
    let (Some(name), Some(region)) = (name, region) else {
        let page = account_page(
            &state,
            ctx,
            signed_in.user.id,
            Some(form.display_name),
            Some(form.region),
            (errors, FormErrors::default(), FormErrors::default()),
        )
        .await?;
        return html_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let id = signed_in.user.id;
    with_db(&state, move |conn| {
        db::write_transaction(conn, |conn| {
            Ok::<_, AppError>(user::set_profile(conn, id, &name, region)?)
        })
    })
    .await?;
    Ok(see_other("/account", Some("flash.profile_saved")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
}

pub async fn change_password(
    state: web::Data<AppState>,
    RequireUser(signed_in): RequireUser,
    Ctx(ctx): Ctx,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let form = form.into_inner();
    let account = signed_in.user;
    let mut errors = FormErrors::default();
    let verified = state
        .passwords
        .verify(
            form.current_password.clone(),
            Some(account.password_hash.clone()),
        )
        .await?;
    if !verified.ok {
        errors.add("current_password", "form.current_password.wrong");
    }
    let email = Email::parse(&account.email).ok();
    let password = errors.check(
        "new_password",
        NewPassword::parse(&form.new_password, email.as_ref()),
    );
    let (Some(password), true) = (password, errors.is_empty()) else {
        let page = account_page(
            &state,
            ctx,
            account.id,
            None,
            None,
            (FormErrors::default(), errors, FormErrors::default()),
        )
        .await?;
        return html_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    };
    let hash = state.passwords.hash(password.expose().to_owned()).await?;
    let (base, lang) = (state.public_url.clone(), ctx.lang);
    with_db(&state, move |conn| {
        Ok(accounts::change_password(
            conn, &account, &hash, lang, &base,
        )?)
    })
    .await?;
    signed_out_redirect(&state, "/sign-in", "flash.password_changed")
}

pub async fn sign_out_everywhere(
    state: web::Data<AppState>,
    RequireUser(signed_in): RequireUser,
) -> Result<HttpResponse, AppError> {
    let id = signed_in.user.id;
    with_db(&state, move |conn| {
        Ok(session::delete_all_for_user(conn, id)?)
    })
    .await?;
    signed_out_redirect(&state, "/sign-in", "flash.signed_out_everywhere")
}

/// Everything Kenes holds about the signed-in person, as JSON.
pub async fn download_data(
    state: web::Data<AppState>,
    RequireUser(signed_in): RequireUser,
) -> Result<HttpResponse, AppError> {
    let id = signed_in.user.id;
    let (account, own, votes) = with_db(&state, move |conn| {
        let account = user::find(conn, id)?.ok_or(AppError::NotFound)?;
        let own = crate::models::suggestion::by_author(conn, id)?;
        let votes = crate::models::upvote::votes_by_user(conn, id)?;
        Ok((account, own, votes))
    })
    .await?;
    let body = crate::views::account::personal_data(&account, &own, &votes);
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"kenes-my-data.json\"",
        ))
        .body(serde_json::to_string_pretty(&body).map_err(AppError::internal)?))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DeleteForm {
    delete_password: String,
}

pub async fn delete_account(
    state: web::Data<AppState>,
    RequireUser(signed_in): RequireUser,
    Ctx(ctx): Ctx,
    form: web::Form<DeleteForm>,
) -> Result<HttpResponse, AppError> {
    let account = signed_in.user;
    let verified = state
        .passwords
        .verify(
            form.into_inner().delete_password,
            Some(account.password_hash.clone()),
        )
        .await?;
    if !verified.ok {
        let mut errors = FormErrors::default();
        errors.add("delete_password", "form.current_password.wrong");
        let page = account_page(
            &state,
            ctx,
            account.id,
            None,
            None,
            (FormErrors::default(), FormErrors::default(), errors),
        )
        .await?;
        return html_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page);
    }
    let id = account.id;
    with_db(&state, move |conn| {
        db::write_transaction(conn, |conn| {
            user::erase(conn, id)?;
            session::delete_all_for_user(conn, id)?;
            audit::record(
                conn,
                Some(id),
                "account_delete",
                &format!("user:{id}"),
                &serde_json::json!({}),
            )?;
            Ok::<_, AppError>(())
        })
    })
    .await?;
    signed_out_redirect(&state, "/", "flash.account_deleted")
}
