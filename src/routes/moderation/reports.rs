//! Citizens' reports of a suggestion (any signed-in, confirmed citizen; public route).

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::{number_of, with_db, AppState};
use crate::auth::policy;
use crate::auth::CurrentUser;
use crate::db;
use crate::domain::moderation as rules;
use crate::domain::{SuggestionId, UserId};
use crate::error::AppError;
use crate::models::moderation::{self as data, Reported};
use crate::models::{now, suggestion};
use crate::routes::see_other;

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
    let reason = rules::parse_report_reason(&form.reason).map_err(|e| AppError::Refused(e.0))?;
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
            data::report(
                conn,
                UserId(user.id),
                SuggestionId(s.id),
                &reason,
                threshold,
                now(),
            )
        })?)
    })
    .await?;
    let flash = match reported {
        Reported::Already => "flash.report_already",
        Reported::Recorded | Reported::Hidden => "flash.reported",
    };
    Ok(see_other(&back, Some(flash)))
}
