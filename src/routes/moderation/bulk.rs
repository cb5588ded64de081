//! Bulk actions on the selected rows, or on everything matching the filter (after a
//! confirmation page that shows how many). One transaction; one log row per item.

use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::{bulk_error, parse_assignee, with_db, AppState};
use crate::auth::policy::{Moderators, Staff};
use crate::domain::moderation::{self as rules, Decision, DecisionAction, Reason};
use crate::domain::queue::{QueueFilter, RawFilter};
use crate::domain::{SuggestionId, TrackingNumber, UserId};
use crate::error::AppError;
use crate::models::moderation as data;
use crate::models::now;
use crate::routes::{html, see_other};
use crate::services::moderation::{self as decisions, BulkAction};
use crate::views::moderation::ConfirmBulkPage;
use crate::views::Ctx;

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

impl BulkForm {
    fn action(&self, me: UserId) -> Result<BulkAction, AppError> {
        Ok(match self.action.as_str() {
            "tag" => BulkAction::Tag(
                rules::parse_tag(&self.tag).map_err(|_| AppError::Refused("form.tag.required"))?,
            ),
            "assign" => BulkAction::Assign(parse_assignee(&self.assignee, me)?),
            action => match action.parse::<DecisionAction>() {
                Ok(DecisionAction::Publish) => BulkAction::Decide(Decision::Publish),
                Ok(DecisionAction::Reject) => BulkAction::Decide(Decision::Reject(
                    Reason::parse(&self.reason_code, &self.reason_text)
                        .map_err(|_| AppError::Refused("form.reason.required"))?,
                )),
                Ok(DecisionAction::Merge) => BulkAction::Merge(self.canonical.clone()),
                _ => return Err(AppError::BadRequest),
            },
        })
    }

    /// The tracking numbers chosen: ticked rows (`ids`) and a cluster's members.
    fn numbers(&self, pairs: &[(String, String)]) -> Vec<String> {
        let ticked = pairs
            .iter()
            .filter(|(k, _)| k == "ids")
            .map(|(_, v)| v.clone());
        let members = self
            .members
            .split(',')
            .filter(|n| !n.is_empty())
            .map(str::to_owned);
        ticked.chain(members).collect()
    }

    /// The queue filter the action applies to (scope = filter).
    fn filter(&self) -> Result<RawFilter, AppError> {
        form_from_pairs(
            &url::form_urlencoded::parse(self.query.as_bytes())
                .into_owned()
                .collect::<Vec<_>>(),
        )
    }

    /// The fields to send again from the confirmation page.
    fn resent(&self) -> Vec<(String, String)> {
        [
            ("scope", &self.scope),
            ("action", &self.action),
            ("query", &self.query),
            ("reason_code", &self.reason_code),
            ("reason_text", &self.reason_text),
            ("tag", &self.tag),
            ("assignee", &self.assignee),
            ("canonical", &self.canonical),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.clone()))
        .collect()
    }
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

pub async fn bulk(
    state: web::Data<AppState>,
    Ctx(ctx): Ctx,
    Staff(me, _): Staff<Moderators>,
    body: web::Bytes,
) -> Result<HttpResponse, AppError> {
    // Checkbox lists repeat a name (`ids=…&ids=…`), which serde's map form cannot
    // hold; the pairs are read directly.
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(&body).into_owned().collect();
    let form: BulkForm = form_from_pairs(&pairs)?;
    let numbers = form.numbers(&pairs);
    let me_id = UserId(me.user.id);
    let (filter, _) = QueueFilter::parse(&form.filter()?);
    let queue_href = format!("/moderation?{}", filter.query_string());
    let action = form.action(me_id)?;
    let by_filter = form.scope == "filter";
    if !by_filter && numbers.is_empty() {
        return Err(AppError::Refused("moderation.bulk.nothing"));
    }
    if by_filter && form.confirmed.is_empty() {
        let f = filter.clone();
        let count = with_db(&state, move |conn| {
            let resolved = data::resolve(conn, &f, me_id.get())?;
            Ok(data::count_matching(conn, &resolved)?)
        })
        .await?;
        return html(&ConfirmBulkPage {
            count,
            action_label: bulk_label(&form.action),
            fields: form.resent(),
            cancel_href: queue_href,
            ctx,
        });
    }
    let public_url = state.public_url.clone();
    let (done, skipped) = with_db(&state, move |conn| {
        let ids = if by_filter {
            let resolved = data::resolve(conn, &filter, me_id.get())?;
            data::matching_ids(conn, &resolved)?
                .into_iter()
                .map(SuggestionId)
                .collect()
        } else {
            ids_of(conn, &numbers)?
        };
        let done = decisions::apply_bulk(conn, me_id, &ids, &action, &public_url, now())
            .map_err(bulk_error)?;
        Ok((done, ids.len().saturating_sub(done)))
    })
    .await?;
    Ok(see_other(
        &format!("{queue_href}&done={done}&skipped={skipped}"),
        None,
    ))
}

/// The ids of the suggestions with these tracking numbers (unknown ones left out).
fn ids_of(
    conn: &mut crate::db::AnyConnection,
    numbers: &[String],
) -> Result<Vec<SuggestionId>, AppError> {
    let mut ids = Vec::new();
    for n in numbers.iter().filter_map(|n| TrackingNumber::parse(n)) {
        ids.extend(data::id_by_number(conn, n.as_str())?.map(SuggestionId));
    }
    Ok(ids)
}

/// Deserialize a struct from form pairs (unknown and repeated names ignored).
fn form_from_pairs<T: serde::de::DeserializeOwned>(
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
