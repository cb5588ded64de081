//! Pages of the moderation workbench: the queue ([`queue`]), a suggestion under review
//! ([`review`]), bulk confirmation, clusters, the dashboard, the logs and canned
//! responses. Each page is assembled here from what the data layer loaded; handlers
//! only load and render.

mod queue;
mod review;

pub use queue::{queue_page, QueueContext, QueueData, QueuePage, QueueRow, StatusTab};
pub use review::{
    review_page, DecisionValues, NoteView, ReviewData, ReviewPage, Shown, TemplateChoice,
};

use askama::Template;

use super::forms::{Choice, FormErrors};
use super::suggestion::{kind_key, status_key};
use super::{DateView, PageContext};
use crate::domain::moderation::ReasonCode;
use crate::domain::queue::QueueSort;
use crate::domain::{SuggestionKind, SuggestionStatus};
use crate::i18n::{self, Lang};
use crate::models::moderation::LoggedAction;
use crate::models::suggestion::Suggestion;

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

/// The queue's language filter: any, or one of the text languages (named in itself).
pub fn lang_filter_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    let mut out = vec![Choice {
        value: "",
        label: i18n::t(lang, "languages.filter.any"),
        selected: selected.is_empty(),
    }];
    out.extend(crate::domain::TextLang::ALL.iter().map(|l| Choice {
        value: l.as_str(),
        label: l.native_name(),
        selected: l.as_str() == selected,
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

/// "Me", "nobody" and the other reviewers, as assignee options.
pub fn reviewer_choices(
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

/// A time of day as the workbench shows it (when a claim ends).
pub fn clock_time(lang: Lang, at: chrono::NaiveDateTime) -> String {
    crate::i18n::time(lang, at)
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
            when: DateView::new(lang, entry.created_at),
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
                crate::urls::review(&number)
            } else {
                crate::urls::receipt(&number)
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

/// The members of a near-duplicate cluster, with the merge form.
pub fn cluster_page(ctx: PageContext, size: i32, members: &[Suggestion]) -> ClusterPage {
    ClusterPage {
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
                href: crate::urls::review(&m.tracking_number),
                status_key: status_key(m.status()),
                status_class: m.status().as_str(),
                excerpt: excerpt(&m.body, 200),
                upvotes: m.upvotes,
                date: DateView::new(ctx.lang, m.created_at),
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
    }
}

/// What the dashboard shows, as the data layer loaded it.
pub struct DashboardData {
    /// (status, count)
    pub backlog: Vec<(String, i64)>,
    pub oldest_pending: Option<chrono::NaiveDateTime>,
    /// (day, action, count)
    pub decisions: Vec<(String, String, i64)>,
    /// (id, size, tracking number, body)
    pub clusters: Vec<(i64, i32, String, String)>,
}

pub fn dashboard_page(
    ctx: PageContext,
    data: DashboardData,
    daily_summary: bool,
    now: chrono::NaiveDateTime,
) -> DashboardPage {
    let lang = ctx.lang;
    let age = data.oldest_pending.map(|t| now - t);
    DashboardPage {
        backlog: data
            .backlog
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
        oldest_pending: data
            .oldest_pending
            .map(|t| crate::i18n::datetime(lang, t))
            .unwrap_or_default(),
        oldest_age: age.map_or_else(String::new, |a| {
            if a.num_days() >= 1 {
                i18n::tf(lang, "moderation.dashboard.days", a.num_days())
            } else {
                i18n::tf(lang, "moderation.dashboard.hours", a.num_hours())
            }
        }),
        decisions: data.decisions,
        clusters: data
            .clusters
            .into_iter()
            .map(|(id, size, number, body)| ClusterLine {
                href: crate::urls::cluster(id),
                size,
                number,
                excerpt: excerpt(&body, 120),
            })
            .collect(),
        daily_summary,
        ctx,
    }
}

/// A page of the staff log (with names) or of the public one (decisions only).
pub fn log_page(
    ctx: PageContext,
    entries: &[LoggedAction],
    public: bool,
    base: &str,
    page_size: usize,
) -> LogPage {
    let lang = ctx.lang;
    let next_href = (entries.len() == page_size)
        .then(|| entries.last().map(|e| format!("{base}?before={}", e.id)))
        .flatten();
    LogPage {
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
    }
}
