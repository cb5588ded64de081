//! The queue: filters, per-status counts, one keyset page.

use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::{with_db, AppState, PAGE_SIZE};
use crate::auth::policy::{Moderators, Staff};
use crate::domain::queue::{QueueFilter, RawFilter};
use crate::error::AppError;
use crate::models::moderation::{self as data, QueueCursor};
use crate::models::now;
use crate::routes::html;
use crate::views::moderation::{queue_page, QueueContext, QueueData};
use crate::views::Ctx;

/// A narrowing filter gets per-status counts when at most this many match.
const COUNT_CAP: i64 = 2_000;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct QueueQuery {
    #[serde(flatten)]
    filter: RawFilter,
    after: String,
    done: String,
    skipped: String,
}

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
    let f = filter.clone();
    let loaded = with_db(&state, move |conn| {
        let resolved = data::resolve(conn, &f, me_id)?;
        let (rows, next) = data::queue_page(conn, &resolved, after, PAGE_SIZE)?;
        Ok(QueueData {
            counts: data::status_counts(conn, &resolved, COUNT_CAP)?,
            around: data::surroundings(conn, &rows)?,
            reviewers: data::reviewers(conn)?,
            tag_names: data::tag_names(conn)?,
            rows,
            next,
        })
    })
    .await?;
    let return_to = match request.query_string() {
        "" => "/moderation".to_owned(),
        q => format!("/moderation?{q}"),
    };
    let bulk_result = query.done.parse().ok().zip(query.skipped.parse().ok());
    let page = QueueContext {
        filter: &filter,
        errors: &errors,
        me_id,
        return_to,
        bulk_result,
        count_cap: COUNT_CAP,
        now: now(),
    };
    html(&queue_page(ctx, page, loaded))
}
