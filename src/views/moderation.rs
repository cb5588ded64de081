//! Pages of the moderation workbench: the queue, a suggestion under review, bulk
//! confirmation, clusters, the dashboard, the logs and canned responses.

use askama::Template;

use super::forms::{Choice, FormErrors};
use super::suggestion::{kind_key, status_key, SuggestionView};
use super::{DateView, PageContext};
use crate::domain::moderation::ReasonCode;
use crate::domain::queue::{QueueSort, RawFilter};
use crate::domain::{SuggestionKind, SuggestionStatus};
use crate::i18n::{self, Lang};
use crate::models::moderation::LoggedAction;
use crate::models::suggestion::Suggestion;

pub fn review_href(number: &str) -> String {
    format!("/moderation/suggestions/{number}")
}

pub fn cluster_href(id: i64) -> String {
    format!("/moderation/clusters/{id}")
}

/// The first `max` characters of a text, on one line.
pub fn excerpt(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let mut cut: String = line.chars().take(max).collect();
    cut.push('…');
    cut
}

/// The translation key naming a log action.
pub fn action_key(action: &str) -> &'static str {
    match action {
        "publish" => "moderation.action.publish",
        "reject" => "moderation.action.reject",
        "review" => "moderation.action.review",
        "respond" => "moderation.action.respond",
        "merge" => "moderation.action.merge",
        "hide" => "moderation.action.hide",
        "flags_cleared" => "moderation.action.flags_cleared",
        "flags_upheld" => "moderation.action.flags_upheld",
        "auto_hide" => "moderation.action.auto_hide",
        "assign" => "moderation.action.assign",
        "tag" => "moderation.action.tag",
        "untag" => "moderation.action.untag",
        "note" => "moderation.action.note",
        "block" => "moderation.action.block",
        "unblock" => "moderation.action.unblock",
        "role" => "moderation.action.role",
        _ => "moderation.action.other",
    }
}

fn status_label(lang: Lang, value: Option<&str>) -> String {
    value.map_or_else(String::new, |v| {
        v.parse::<SuggestionStatus>().map_or_else(
            |_| v.to_owned(),
            |s| i18n::t(lang, status_key(s)).to_owned(),
        )
    })
}

pub fn reason_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    ReasonCode::ALL
        .iter()
        .map(|r| Choice {
            value: r.as_str(),
            label: i18n::t(
                lang,
                match r {
                    ReasonCode::OffTopic => "moderation.reason.off_topic",
                    ReasonCode::Spam => "moderation.reason.spam",
                    ReasonCode::Abusive => "moderation.reason.abusive",
                    ReasonCode::PersonalData => "moderation.reason.personal_data",
                    ReasonCode::Unclear => "moderation.reason.unclear",
                    ReasonCode::Other => "moderation.reason.other",
                },
            ),
            selected: r.as_str() == selected,
        })
        .collect()
}

pub fn status_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    let mut out = vec![Choice {
        value: "all",
        label: i18n::t(lang, "moderation.filter.any_status"),
        selected: selected == "all",
    }];
    out.extend(SuggestionStatus::ALL.iter().map(|s| Choice {
        value: s.as_str(),
        label: i18n::t(lang, status_key(*s)),
        selected: s.as_str() == selected,
    }));
    out
}

pub fn kind_filter_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    let mut out = vec![Choice {
        value: "",
        label: i18n::t(lang, "moderation.filter.any_kind"),
        selected: selected.is_empty(),
    }];
    out.extend(SuggestionKind::ALL.iter().map(|k| Choice {
        value: k.as_str(),
        label: i18n::t(lang, kind_key(*k)),
        selected: k.as_str() == selected,
    }));
    out
}

pub fn sort_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    QueueSort::ALL
        .iter()
        .map(|s| Choice {
            value: s.as_str(),
            label: i18n::t(
                lang,
                match s {
                    QueueSort::Oldest => "moderation.sort.oldest",
                    QueueSort::MostUpvoted => "moderation.sort.upvotes",
                    QueueSort::Newest => "moderation.sort.newest",
                },
            ),
            selected: s.as_str() == selected,
        })
        .collect()
}

pub fn outcome_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    [
        ("accepted", "suggestion.status.accepted"),
        ("partly_accepted", "suggestion.status.partly_accepted"),
        ("not_accepted", "suggestion.status.not_accepted"),
    ]
    .into_iter()
    .map(|(value, key)| Choice {
        value,
        label: i18n::t(lang, key),
        selected: value == selected,
    })
    .collect()
}

/// A person to pick (assignee), as an option.
#[derive(Debug, Clone)]
pub struct PersonChoice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

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

impl QueueRow {
    pub fn new(
        s: &Suggestion,
        place: String,
        author: String,
        assignee: String,
        held_by: String,
        tags: Vec<String>,
        cluster_size: i32,
    ) -> Self {
        let status = s.status();
        Self {
            number: s.tracking_number.clone(),
            href: review_href(&s.tracking_number),
            status_key: status_key(status),
            status_class: status.as_str(),
            kind_key: kind_key(s.kind()),
            excerpt: excerpt(&s.body, 160),
            place,
            upvotes: s.upvotes,
            date: DateView::new(s.created_at),
            author,
            cluster_size,
            cluster_href: s.cluster_id.map(cluster_href).unwrap_or_default(),
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
    pub sort_choices: Vec<Choice>,
    pub reason_choices: Vec<Choice>,
    pub reviewers: Vec<PersonChoice>,
    pub tag_names: Vec<String>,
    pub message: String,
}

/// A bulk action awaiting confirmation: a hidden field per value to resend.
#[derive(Template)]
#[template(path = "moderation/confirm.html")]
pub struct ConfirmBulkPage {
    pub ctx: PageContext,
    pub count: i64,
    pub action_label: &'static str,
    pub fields: Vec<(String, String)>,
    pub cancel_href: String,
}

#[derive(Debug, Clone)]
pub struct LogLine {
    pub when: DateView,
    pub time: String,
    pub action: &'static str,
    pub from: String,
    pub to: String,
    pub reason: String,
    pub actor: String,
    pub number: String,
    pub href: String,
    pub subject_user: String,
}

impl LogLine {
    /// `with_names`: staff see who acted and why; the public sees decisions only.
    pub fn new(lang: Lang, entry: &LoggedAction, with_names: bool) -> Self {
        let number = entry.tracking_number.clone().unwrap_or_default();
        Self {
            when: DateView::new(entry.created_at),
            time: entry.created_at.format("%Y-%m-%d %H:%M").to_string(),
            action: action_key(&entry.action),
            from: status_label(lang, entry.from.as_deref()),
            to: status_label(lang, entry.to.as_deref()),
            reason: if with_names {
                entry.reason.clone().unwrap_or_default()
            } else {
                String::new()
            },
            actor: if with_names {
                entry.actor.clone().unwrap_or_default()
            } else {
                String::new()
            },
            href: if number.is_empty() {
                String::new()
            } else if with_names {
                review_href(&number)
            } else {
                super::suggestion::receipt_href(&number)
            },
            number,
            subject_user: if with_names {
                entry.subject_user.clone().unwrap_or_default()
            } else {
                String::new()
            },
        }
    }
}

#[derive(Debug, Clone)]
pub struct NoteView {
    pub author: String,
    pub body: Vec<String>,
    pub when: DateView,
}

#[derive(Debug, Clone)]
pub struct TemplateChoice {
    pub id: i64,
    pub title: String,
    pub body: String,
}

/// What the decision form holds, as typed (kept when it comes back with errors).
#[derive(Debug, Clone, Default)]
pub struct DecisionValues {
    pub reason_code: String,
    pub reason_text: String,
    pub outcome: String,
    pub response: String,
    pub canonical: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "moderation/suggestion.html")]
pub struct ReviewPage {
    pub ctx: PageContext,
    pub item: SuggestionView,
    pub number: String,
    pub return_to: String,
    pub action_base: String,
    pub place: String,
    pub clause_href: String,
    pub clause_text: Vec<String>,
    pub author: String,
    pub author_id: i64,
    pub author_blocked: bool,
    pub may_block: bool,
    pub held_by_other: String,
    pub held_until: String,
    pub held_by_me: bool,
    pub assignee: String,
    pub reviewers: Vec<PersonChoice>,
    pub tags: Vec<String>,
    pub notes: Vec<NoteView>,
    pub history: Vec<LogLine>,
    pub reports: Vec<(String, DateView)>,
    pub flagged: bool,
    pub campaign: bool,
    pub cluster_size: i32,
    pub cluster_href: String,
    pub duplicate_of: String,
    pub reason: String,
    pub can_publish: bool,
    pub can_reject: bool,
    pub can_review: bool,
    pub can_respond: bool,
    pub can_merge: bool,
    pub can_hide: bool,
    pub can_review_flags: bool,
    pub reason_choices: Vec<Choice>,
    pub outcome_choices: Vec<Choice>,
    pub templates: Vec<TemplateChoice>,
    pub values: DecisionValues,
    pub errors: FormErrors,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct MemberRow {
    pub id: i64,
    pub number: String,
    pub href: String,
    pub status_key: &'static str,
    pub status_class: &'static str,
    pub excerpt: String,
    pub upvotes: i32,
    pub date: DateView,
    pub mergeable: bool,
}

#[derive(Template)]
#[template(path = "moderation/cluster.html")]
pub struct ClusterPage {
    pub ctx: PageContext,
    pub size: i32,
    pub members: Vec<MemberRow>,
    pub ids: String,
}

#[derive(Debug, Clone)]
pub struct ClusterLine {
    pub href: String,
    pub size: i32,
    pub number: String,
    pub excerpt: String,
}

#[derive(Template)]
#[template(path = "moderation/dashboard.html")]
pub struct DashboardPage {
    pub ctx: PageContext,
    pub backlog: Vec<(&'static str, String, i64)>,
    pub oldest_pending: String,
    pub oldest_age: String,
    pub decisions: Vec<(String, String, i64)>,
    pub clusters: Vec<ClusterLine>,
    pub daily_summary: bool,
}

#[derive(Template)]
#[template(path = "moderation/log.html")]
pub struct LogPage {
    pub ctx: PageContext,
    pub title: &'static str,
    pub lines: Vec<LogLine>,
    pub with_names: bool,
    pub next_href: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ConsultationTemplates {
    pub slug: String,
    pub title: String,
    pub templates: Vec<TemplateChoice>,
}

#[derive(Template)]
#[template(path = "moderation/templates.html")]
pub struct TemplatesPage {
    pub ctx: PageContext,
    pub consultations: Vec<ConsultationTemplates>,
    pub errors: FormErrors,
    pub title: String,
    pub body: String,
    pub selected: String,
}
