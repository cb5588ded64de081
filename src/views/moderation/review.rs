//! A suggestion under review: the item, its place, who holds it, its history, notes
//! and reports, and the decisions it is offered.

use askama::Template;

use super::{clock_time, outcome_choices, reason_choices, reviewer_choices, LogLine, PersonChoice};
use crate::auth::policy;
use crate::domain::moderation::{Decision, DecisionAction};
use crate::models::moderation::{LoggedAction, ResponseTemplate, Surroundings};
use crate::models::suggestion::SuggestionContext;
use crate::models::user::User;
use crate::views::forms::{Choice, FormErrors};
use crate::views::suggestion::SuggestionView;
use crate::views::{paragraphs, DateView, PageContext};

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

/// Everything the review page shows of a suggestion, as the data layer loaded it.
pub struct ReviewData {
    pub found: SuggestionContext,
    pub author: User,
    pub around: Surroundings,
    pub reviewers: Vec<(i64, String)>,
    /// (author, body, when)
    pub notes: Vec<(String, String, chrono::NaiveDateTime)>,
    pub history: Vec<LoggedAction>,
    /// (reason, when)
    pub reports: Vec<(String, chrono::NaiveDateTime)>,
    pub templates: Vec<ResponseTemplate>,
    /// The tracking number it is a duplicate of, or "".
    pub duplicate_of: String,
}

/// What a review page shows besides the suggestion: a form as typed, its errors, and a
/// message (why a decision was refused).
#[derive(Default)]
pub struct Shown {
    pub values: DecisionValues,
    pub errors: FormErrors,
    pub message: String,
}

pub fn review_page(
    ctx: PageContext,
    me: &User,
    data: ReviewData,
    return_to: String,
    shown: Shown,
    now: chrono::NaiveDateTime,
) -> ReviewPage {
    let ReviewData {
        found,
        author,
        around,
        reviewers,
        notes,
        history,
        reports,
        templates,
        duplicate_of,
    } = data;
    let s = &found.suggestion;
    let lang = ctx.lang;
    let offered = Decision::offered(s.status(), s.flagged);
    let has = |a: DecisionAction| offered.contains(&a);
    let held = match (s.claimed_by, s.claimed_until) {
        (Some(by), Some(until)) if until > now => Some((by, until)),
        _ => None,
    };
    let name = |id: Option<i64>| {
        id.and_then(|id| around.names.get(&id).cloned())
            .unwrap_or_default()
    };
    let assignee_value = s.assignee_id.map(|id| {
        if id == me.id {
            "me".to_owned()
        } else {
            id.to_string()
        }
    });
    ReviewPage {
        item: SuggestionView::new(
            lang,
            s,
            Some(author.display_name.as_str()),
            &found.clause_body,
            None,
            false,
            false,
        ),
        number: s.tracking_number.clone(),
        action_base: crate::urls::review(&s.tracking_number),
        place: format!("{} · {}", found.consultation_title, found.clause_reference),
        clause_href: crate::urls::clause(&found.consultation_slug, &found.clause_reference),
        clause_text: paragraphs(&found.clause_body),
        author: author.display_name.clone(),
        author_id: author.id,
        author_blocked: author.blocked_at.is_some(),
        may_block: policy::may_block(me, &author),
        held_by_other: held
            .filter(|(by, _)| *by != me.id)
            .map(|(by, _)| name(Some(by)))
            .unwrap_or_default(),
        held_until: held
            .map(|(_, until)| clock_time(lang, until))
            .unwrap_or_default(),
        held_by_me: held.is_some_and(|(by, _)| by == me.id),
        assignee: name(s.assignee_id),
        reviewers: reviewer_choices(
            &reviewers,
            me.id,
            assignee_value.as_deref().unwrap_or(""),
            lang,
        ),
        tags: around.tags.get(&s.id).cloned().unwrap_or_default(),
        notes: notes
            .into_iter()
            .map(|(author, body, when)| NoteView {
                author,
                body: body.lines().map(str::to_owned).collect(),
                when: DateView::new(lang, when),
            })
            .collect(),
        history: history
            .iter()
            .map(|e| LogLine::new(lang, e, true))
            .collect(),
        reports: reports
            .into_iter()
            .map(|(reason, when)| (reason, DateView::new(lang, when)))
            .collect(),
        flagged: s.flagged,
        campaign: s.campaign,
        cluster_size: around.cluster_size(s),
        cluster_href: s.cluster_id.map(crate::urls::cluster).unwrap_or_default(),
        duplicate_of,
        reason: match (&s.reason_code, &s.reason_text) {
            (Some(code), Some(text)) if !text.is_empty() => format!("{code}: {text}"),
            (Some(code), _) => code.clone(),
            _ => String::new(),
        },
        can_publish: has(DecisionAction::Publish),
        can_reject: has(DecisionAction::Reject),
        can_review: has(DecisionAction::StartReview),
        can_respond: has(DecisionAction::Respond),
        can_merge: has(DecisionAction::Merge),
        can_hide: has(DecisionAction::Hide),
        can_review_flags: has(DecisionAction::ClearFlags),
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
    }
}
