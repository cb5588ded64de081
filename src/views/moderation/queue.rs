//! The queue page: filters, per-status tabs, one page of rows.

use crate::i18n::Lang;
use askama::Template;

use super::{
    excerpt, kind_filter_choices, reason_choices, reviewer_choices, sort_choices, status_choices,
    PersonChoice,
};
use crate::domain::queue::{QueueFilter, RawFilter};
use crate::domain::{FieldError, SuggestionStatus};
use crate::i18n;
use crate::models::moderation::{QueueCursor, Surroundings};
use crate::models::suggestion::Suggestion;
use crate::views::forms::Choice;
use crate::views::suggestion::{kind_key, status_key};
use crate::views::{DateView, PageContext};

/// One status with how many match, as a tab of the queue.
#[derive(Debug, Clone)]
pub struct StatusTab {
    pub label: &'static str,
    pub count: String,
    pub href: String,
    pub current: bool,
}

/// A row of the queue.
#[derive(Debug, Clone)]
pub struct QueueRow {
    pub number: String,
    pub href: String,
    pub status_key: &'static str,
    pub status_class: &'static str,
    pub kind_key: &'static str,
    pub excerpt: String,
    pub place: String,
    pub upvotes: i32,
    pub date: DateView,
    pub author: String,
    pub cluster_size: i32,
    pub cluster_href: String,
    pub flagged: bool,
    pub flag_count: i32,
    pub campaign: bool,
    pub assignee: String,
    pub held_by: String,
    pub tags: Vec<String>,
    pub can_publish: bool,
    pub can_reject: bool,
    pub can_merge: bool,
}

/// The people a queue row names.
pub struct RowPeople {
    pub author: String,
    pub assignee: String,
    pub held_by: String,
}

impl QueueRow {
    pub fn new(
        lang: Lang,
        s: &Suggestion,
        place: String,
        people: RowPeople,
        tags: Vec<String>,
        cluster_size: i32,
    ) -> Self {
        let RowPeople {
            author,
            assignee,
            held_by,
        } = people;
        let status = s.status();
        Self {
            number: s.tracking_number.clone(),
            href: crate::urls::review(&s.tracking_number),
            status_key: status_key(status),
            status_class: status.as_str(),
            kind_key: kind_key(s.kind()),
            excerpt: excerpt(&s.body, 160),
            place,
            upvotes: s.upvotes,
            date: DateView::new(lang, s.created_at),
            author,
            cluster_size,
            cluster_href: s.cluster_id.map(crate::urls::cluster).unwrap_or_default(),
            flagged: s.flagged,
            flag_count: s.flag_count,
            campaign: s.campaign,
            assignee,
            held_by,
            tags,
            can_publish: status == SuggestionStatus::Pending,
            can_reject: status == SuggestionStatus::Pending,
            can_merge: matches!(
                status,
                SuggestionStatus::Pending | SuggestionStatus::Published
            ),
        }
    }
}

#[derive(Template)]
#[template(path = "moderation/queue.html")]
pub struct QueuePage {
    pub ctx: PageContext,
    pub filter: RawFilter,
    pub filter_errors: Vec<(&'static str, &'static str)>,
    /// The current filter as a query string (for return links and bulk actions).
    pub query: String,
    pub return_to: String,
    pub tabs: Vec<StatusTab>,
    /// False when too many match to count them per status.
    pub counts_shown: bool,
    pub count_cap: i64,
    pub rows: Vec<QueueRow>,
    pub next_href: Option<String>,
    pub status_choices: Vec<Choice>,
    pub kind_choices: Vec<Choice>,
    pub lang_choices: Vec<Choice>,
    pub sort_choices: Vec<Choice>,
    pub reason_choices: Vec<Choice>,
    pub reviewers: Vec<PersonChoice>,
    pub tag_names: Vec<String>,
    pub message: String,
}

/// What the queue page shows, as the data layer loaded it.
pub struct QueueData {
    pub rows: Vec<Suggestion>,
    pub next: Option<QueueCursor>,
    /// Per status, `None` when too many match to count.
    pub counts: Option<Vec<(SuggestionStatus, i64)>>,
    pub around: Surroundings,
    pub reviewers: Vec<(i64, String)>,
    pub tag_names: Vec<String>,
}

/// What the page around the queue says.
pub struct QueueContext<'a> {
    pub filter: &'a QueueFilter,
    pub errors: &'a [(&'static str, FieldError)],
    pub me_id: i64,
    /// The page's own address, to come back to after an action.
    pub return_to: String,
    /// The counts of a bulk action just taken (done, skipped).
    pub bulk_result: Option<(usize, usize)>,
    /// Beyond this many matches the per-status counts are not shown.
    pub count_cap: i64,
    pub now: chrono::NaiveDateTime,
}

pub fn queue_page(ctx: PageContext, page: QueueContext<'_>, data: QueueData) -> QueuePage {
    let lang = ctx.lang;
    let filter = page.filter;
    let query_string = filter.query_string();
    let counts_shown = data.counts.is_some();
    let tabs = SuggestionStatus::ALL
        .iter()
        .map(|status| {
            let mut with_status = filter.clone();
            with_status.status = Some(*status);
            let n = data
                .counts
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
    let around = &data.around;
    let name = |id: Option<i64>| {
        id.and_then(|id| around.names.get(&id).cloned())
            .unwrap_or_default()
    };
    let rows = data
        .rows
        .iter()
        .map(|s| {
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
                (Some(by), Some(until)) if until > page.now && by != page.me_id => name(Some(by)),
                _ => String::new(),
            };
            QueueRow::new(
                lang,
                s,
                place,
                RowPeople {
                    author: name(Some(s.author_id)),
                    assignee: name(s.assignee_id),
                    held_by: held,
                },
                around.tags.get(&s.id).cloned().unwrap_or_default(),
                around.cluster_size(s),
            )
        })
        .collect();
    let message = match page.bulk_result {
        Some((done, skipped)) => format!(
            "{} {}",
            i18n::tf(lang, "moderation.bulk.done", done),
            if skipped > 0 {
                i18n::tf(lang, "moderation.bulk.skipped", skipped)
            } else {
                String::new()
            }
        ),
        None => String::new(),
    };
    let raw = filter.to_raw();
    QueuePage {
        filter_errors: page
            .errors
            .iter()
            .map(|(field, FieldError(key))| (*field, i18n::t(lang, key)))
            .collect(),
        next_href: data
            .next
            .map(|c| format!("/moderation?{query_string}&after={}", c.encode())),
        status_choices: status_choices(lang, &raw.status),
        kind_choices: kind_filter_choices(lang, &raw.kind),
        lang_choices: super::lang_filter_choices(lang, &raw.lang),
        sort_choices: sort_choices(lang, &raw.sort),
        reason_choices: reason_choices(lang, ""),
        reviewers: reviewer_choices(&data.reviewers, page.me_id, &raw.assignee, lang),
        query: query_string,
        return_to: page.return_to,
        tabs,
        counts_shown,
        count_cap: page.count_cap,
        rows,
        tag_names: data.tag_names,
        message,
        filter: raw,
        ctx,
    }
}
