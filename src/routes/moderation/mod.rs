//! The moderation workbench (`/moderation`, moderators and admins; the scope's guard
//! and each handler's `Staff<Moderators>` say so), one file per job: the queue, one
//! suggestion under review, bulk actions, the overview pages (clusters, dashboard,
//! logs, canned responses), and citizens' reports (public). Handlers parse the form,
//! call the data layer or `services::moderation` off the executor, and render a view
//! assembled in `views::moderation`.

mod bulk;
mod overview;
mod queue;
mod reports;
mod review;

pub use bulk::bulk;
pub use overview::{
    add_template, cluster, dashboard, public_log, staff_log, summary_setting, templates,
};
pub use queue::queue;
pub use reports::report;
pub use review::{assign, block, claim, decide, note, release, review, tag, untag};

use serde::Deserialize;

use super::{with_db, AppState};
use crate::db;
use crate::domain::{SuggestionId, TrackingNumber, UserId};
use crate::error::AppError;
use crate::models::moderation as data;
use crate::services::moderation::BulkFailure;

/// Rows on a page of the queue and of the logs.
use crate::models::moderation::QUEUE_PAGE_SIZE as PAGE_SIZE;

/// A return address inside the workbench, or the queue.
fn back_to(return_to: &str) -> String {
    crate::urls::return_path(return_to)
        .filter(|p| p.starts_with("/moderation"))
        .unwrap_or_else(|| "/moderation".to_owned())
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ReturnQuery {
    return_to: String,
}

fn number_of(path: &str) -> Result<TrackingNumber, AppError> {
    TrackingNumber::parse(path).ok_or(AppError::NotFound)
}

/// Run `work` on the suggestion with this number, in one write transaction.
async fn change_suggestion<F>(
    state: &AppState,
    number: TrackingNumber,
    work: F,
) -> Result<(), AppError>
where
    F: FnOnce(&mut crate::db::AnyConnection, SuggestionId) -> Result<(), AppError> + Send + 'static,
{
    with_db(state, move |conn| {
        let id = data::id_by_number(conn, number.as_str())?.ok_or(AppError::NotFound)?;
        db::write_transaction(conn, |conn| work(conn, SuggestionId(id)))
    })
    .await
}

/// The review page of a suggestion, remembering where the moderator came from.
fn review_with_return(number: &str, return_to: &str) -> String {
    format!(
        "{}?return_to={}",
        crate::urls::review(number),
        url::form_urlencoded::byte_serialize(back_to(return_to).as_bytes()).collect::<String>()
    )
}

/// The assignee a form names: `me`, nobody, or a user id.
fn parse_assignee(value: &str, me: UserId) -> Result<Option<UserId>, AppError> {
    match value {
        "me" => Ok(Some(me)),
        "nobody" | "" => Ok(None),
        id => id
            .parse()
            .map(|id| Some(UserId(id)))
            .map_err(|_| AppError::BadRequest),
    }
}

/// A bulk action's refusal as the page that says so.
fn bulk_error(error: BulkFailure) -> AppError {
    match error {
        BulkFailure::Refused(key) => AppError::Refused(key),
        BulkFailure::Db(e) => e.into(),
    }
}
