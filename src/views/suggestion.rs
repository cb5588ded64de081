//! Suggestions as pages show them: in a clause's list, on the form, on a receipt.

use crate::i18n::Lang;
use askama::Template;

use super::consultation::ConsultationSummary;
use super::forms::FormErrors;
use super::{paragraphs, DateView, PageContext};
use crate::domain::{SuggestionKind, SuggestionStatus, TextLang};
use crate::models::suggestion::Sort;
use crate::models::suggestion::{Listed, Suggestion};

/// A run of words in an amendment's diff against the clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffSpan {
    /// `same`, `del` or `ins`.
    pub kind: &'static str,
    pub text: String,
}

/// Word-level diff of `old` to `new`, adjacent runs of one kind merged; empty when the
/// two share too few words for a diff to help (the proposal is then shown whole).
pub fn word_diff(old: &str, new: &str) -> Vec<DiffSpan> {
    let old_words: std::collections::HashSet<&str> = old.split_whitespace().collect();
    let new_words: Vec<&str> = new.split_whitespace().collect();
    let shared = new_words.iter().filter(|w| old_words.contains(*w)).count();
    if new_words.is_empty() || shared * 2 < new_words.len() {
        return Vec::new();
    }
    // A deadline bounds the work on long clauses; past it the diff is coarser, not wrong.
    let diff = similar::TextDiff::configure()
        .deadline(std::time::Instant::now() + std::time::Duration::from_millis(5))
        .diff_words(old, new);
    let mut spans: Vec<DiffSpan> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Equal => "same",
            similar::ChangeTag::Delete => "del",
            similar::ChangeTag::Insert => "ins",
        };
        match spans.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => spans.push(DiffSpan {
                kind,
                text: change.value().to_owned(),
            }),
        }
    }
    spans
}

pub fn kind_key(kind: SuggestionKind) -> &'static str {
    match kind {
        SuggestionKind::Amend => "suggestion.kind.amend",
        SuggestionKind::Delete => "suggestion.kind.delete",
        SuggestionKind::Add => "suggestion.kind.add",
        SuggestionKind::Comment => "suggestion.kind.comment",
    }
}

pub fn status_key(status: SuggestionStatus) -> &'static str {
    match status {
        SuggestionStatus::Pending => "suggestion.status.pending",
        SuggestionStatus::Published => "suggestion.status.published",
        SuggestionStatus::Rejected => "suggestion.status.rejected",
        SuggestionStatus::UnderReview => "suggestion.status.under_review",
        SuggestionStatus::Accepted => "suggestion.status.accepted",
        SuggestionStatus::PartlyAccepted => "suggestion.status.partly_accepted",
        SuggestionStatus::NotAccepted => "suggestion.status.not_accepted",
        SuggestionStatus::Duplicate => "suggestion.status.duplicate",
        SuggestionStatus::Hidden => "suggestion.status.hidden",
        SuggestionStatus::Withdrawn => "suggestion.status.withdrawn",
    }
}

/// A suggestion in a list.
#[derive(Debug, Clone)]
pub struct SuggestionView {
    pub number: String,
    pub anchor: String,
    pub kind_key: &'static str,
    pub status_key: &'static str,
    pub status_class: &'static str,
    pub body: Vec<String>,
    /// An addition's proposed clause.
    pub proposed: Vec<String>,
    /// An amendment, against the clause text.
    pub diff: Vec<DiffSpan>,
    pub author: Option<String>,
    pub date: DateView,
    pub upvotes: i32,
    /// "12 supporters", in the page's language.
    pub supporters: String,
    pub response: Vec<String>,
    pub receipt_href: String,
    pub upvote_action: String,
    /// Whether the viewer upvotes it.
    pub upvoted: bool,
    /// Whether the viewer may upvote it (signed in, confirmed, not theirs, open).
    pub can_vote: bool,
    pub is_own: bool,
    /// Whether the viewer may report it (signed in, not theirs, public).
    pub can_report: bool,
    pub report_action: String,
    /// The language it is written in, for its `lang` attributes, and its name.
    pub lang: &'static str,
    pub lang_name: &'static str,
    /// What [`SuggestionView::for_viewer`] decides from.
    author_id: i64,
    status: SuggestionStatus,
}

impl SuggestionView {
    pub fn new(
        lang: Lang,
        suggestion: &Suggestion,
        author: Option<&str>,
        clause_body: &str,
        viewer: Option<i64>,
        upvoted: bool,
        voting_open: bool,
    ) -> Self {
        let kind = suggestion.kind();
        let status = suggestion.status();
        let proposed = suggestion.proposed_text.as_deref().unwrap_or("");
        let diff = if kind == SuggestionKind::Amend {
            word_diff(clause_body, proposed)
        } else {
            Vec::new()
        };
        let mut view = Self {
            number: suggestion.tracking_number.clone(),
            anchor: format!("s-{}", suggestion.tracking_number),
            kind_key: kind_key(kind),
            status_key: status_key(status),
            status_class: status.as_str(),
            // Citizens type line breaks, not blank-line paragraphs: each line is one.
            body: suggestion
                .body
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect(),
            proposed: if kind == SuggestionKind::Add
                || (kind == SuggestionKind::Amend && diff.is_empty())
            {
                paragraphs(proposed)
            } else {
                Vec::new()
            },
            diff,
            author: author.map(str::to_owned),
            date: DateView::new(lang, suggestion.created_at),
            upvotes: suggestion.upvotes,
            supporters: crate::i18n::tf(lang, "suggestion.upvotes", i64::from(suggestion.upvotes)),
            response: suggestion
                .official_response
                .as_deref()
                .map(paragraphs)
                .unwrap_or_default(),
            receipt_href: crate::urls::receipt(&suggestion.tracking_number),
            upvote_action: format!("/suggestions/{}/upvote", suggestion.tracking_number),
            upvoted: false,
            can_vote: false,
            can_report: false,
            report_action: format!("/suggestions/{}/report", suggestion.tracking_number),
            lang: suggestion.lang.as_str(),
            lang_name: suggestion.lang.native_name(),
            is_own: false,
            author_id: suggestion.author_id,
            status,
        };
        view.for_viewer(viewer, upvoted, voting_open);
        view
    }

    /// What `viewer` may do with it, and whether they support it: the one part of a
    /// view that is not the same for every reader (the rest may be shared).
    pub fn for_viewer(&mut self, viewer: Option<i64>, upvoted: bool, voting_open: bool) {
        self.is_own = viewer == Some(self.author_id);
        self.upvoted = upvoted;
        self.can_vote = self.may_vote(viewer, voting_open);
        self.can_report = self.may_report(viewer);
    }

    /// Whether `viewer` (when they may take part) may support it.
    fn may_vote(&self, viewer: Option<i64>, voting_open: bool) -> bool {
        viewer.is_some_and(|v| v != self.author_id) && voting_open && self.status.accepts_votes()
    }

    /// Whether `viewer` may report it.
    fn may_report(&self, viewer: Option<i64>) -> bool {
        viewer.is_some_and(|v| v != self.author_id) && self.status.is_visible()
    }

    pub fn from_listed(
        lang: Lang,
        listed: &Listed,
        clause_body: &str,
        viewer: Option<i64>,
        upvoted: bool,
        voting_open: bool,
    ) -> Self {
        let author = (!listed.author_deleted).then_some(listed.author_name.as_str());
        Self::new(
            lang,
            &listed.suggestion,
            author,
            clause_body,
            viewer,
            upvoted,
            voting_open,
        )
    }
}

/// What every reader sees of a suggestion (`suggestions/item_text.html`), rendered
/// once for a clause page's shared list (see [`SharedSuggestion`]).
#[derive(Template)]
#[template(path = "suggestions/item_text.html")]
struct SuggestionText<'a> {
    ctx: &'a PageContext,
    item: &'a SuggestionView,
}

/// A suggestion of a clause page as anyone sees it, with that part already rendered
/// (links in the page's language): the costly part of the page, the same for every
/// reader of the same data, so made once per kept entry and language.
#[derive(Debug)]
pub struct SharedSuggestion {
    pub view: SuggestionView,
    pub html: String,
}

/// A suggestion in a clause page's list for one viewer: the shared rendering and what
/// this viewer may do with it (`suggestions/item_actions.html`).
#[derive(Debug)]
pub struct ListedItem<'a> {
    pub anchor: &'a str,
    pub number: &'a str,
    pub text_html: &'a str,
    pub supporters: &'a str,
    pub upvote_action: &'a str,
    pub report_action: &'a str,
    pub upvoted: bool,
    pub can_vote: bool,
    pub can_report: bool,
}

/// The list of suggestions on a clause page.
#[derive(Debug)]
pub struct SuggestionList<'a> {
    pub items: Vec<ListedItem<'a>>,
    pub sorts: Vec<SortLink>,
    pub next_href: Option<String>,
    pub total: i64,
    /// Where an upvote without JavaScript returns to.
    pub return_to: String,
    pub suggest_href: String,
    pub accepting: bool,
}

impl<'a> SuggestionList<'a> {
    /// A clause page's suggestions in `lang` as anyone sees them: the costly part of
    /// the list (word diffs, dates), which every reader of the same data can share
    /// ([`crate::read_cache`]); [`SuggestionList::build`] adds the viewer's part.
    pub fn shared_items(
        lang: Lang,
        data: &crate::models::reading::ClauseWithSuggestions,
    ) -> Result<Vec<SharedSuggestion>, askama::Error> {
        let c = &data.clause;
        let ctx = PageContext::new(lang);
        data.suggestions
            .iter()
            .map(|l| {
                let view = SuggestionView::from_listed(
                    lang,
                    l,
                    c.texts
                        .clauses
                        .get(&(c.clause.id, l.suggestion.lang))
                        .map_or(&c.clause.body, |t| &t.body),
                    None,
                    false,
                    false,
                );
                let html = SuggestionText {
                    ctx: &ctx,
                    item: &view,
                }
                .render()?;
                Ok(SharedSuggestion {
                    html: crate::locale::links_in(lang, html),
                    view,
                })
            })
            .collect()
    }

    /// The list on a clause page, from `shared` (its [`SuggestionList::shared_items`]).
    /// `may_vote_as`: the viewer, when they may support.
    #[allow(clippy::too_many_arguments)]
    pub fn build(
        data: &crate::models::reading::ClauseWithSuggestions,
        shared: &'a [SharedSuggestion],
        upvoted: &std::collections::HashSet<i64>,
        may_vote_as: Option<i64>,
        sort: Sort,
        requested_version: Option<i32>,
        return_to: String,
        now: chrono::NaiveDateTime,
    ) -> Self {
        let c = &data.clause;
        let accepting = c.consultation.status().accepts_participation(
            c.consultation.opens_at,
            c.consultation.closes_at,
            now,
        ) && c.is_current;
        let base = crate::urls::clause(&c.consultation.slug, &c.clause.reference);
        let version_part = requested_version
            .map(|v| format!("&version={v}"))
            .unwrap_or_default();
        Self {
            items: shared
                .iter()
                .zip(&data.suggestions)
                .map(|(shared, l)| {
                    let view = &shared.view;
                    ListedItem {
                        anchor: &view.anchor,
                        number: &view.number,
                        text_html: &shared.html,
                        supporters: &view.supporters,
                        upvote_action: &view.upvote_action,
                        report_action: &view.report_action,
                        upvoted: upvoted.contains(&l.suggestion.id),
                        can_vote: view.may_vote(may_vote_as, accepting),
                        can_report: view.may_report(may_vote_as),
                    }
                })
                .collect(),
            sorts: [
                (Sort::Top, "suggestions.sort.top"),
                (Sort::Newest, "suggestions.sort.newest"),
                (Sort::Status, "suggestions.sort.status"),
            ]
            .into_iter()
            .map(|(s, label_key)| SortLink {
                href: crate::urls::clause_sorted(
                    &c.consultation.slug,
                    &c.clause.reference,
                    s.as_str(),
                ),
                label_key,
                current: s == sort,
            })
            .collect(),
            next_href: data.next.as_ref().map(|next| {
                format!(
                    "{base}?sort={}&after={}{version_part}#suggestions",
                    sort.as_str(),
                    next.encode()
                )
            }),
            total: data.total,
            return_to,
            suggest_href: format!("{base}/suggest"),
            accepting,
        }
    }
}

#[derive(Debug, Clone)]
pub struct SortLink {
    pub href: String,
    pub label_key: &'static str,
    pub current: bool,
}

/// The choice of kind on the form.
#[derive(Debug, Clone)]
pub struct KindChoice {
    pub value: &'static str,
    pub label_key: &'static str,
    pub hint_key: &'static str,
    pub checked: bool,
}

pub fn kind_choices(selected: &str) -> Vec<KindChoice> {
    SuggestionKind::ALL
        .iter()
        .map(|kind| KindChoice {
            value: kind.as_str(),
            label_key: kind_key(*kind),
            hint_key: match kind {
                SuggestionKind::Amend => "suggest.kind.amend.hint",
                SuggestionKind::Delete => "suggest.kind.delete.hint",
                SuggestionKind::Add => "suggest.kind.add.hint",
                SuggestionKind::Comment => "suggest.kind.comment.hint",
            },
            checked: kind.as_str() == selected,
        })
        .collect()
}

/// The clause beside the suggestion form: in the suggestion's language (by default
/// the page's), which is what a proposed wording is compared with; in the
/// authoritative language, labelled, when the version lacks the page's.
#[derive(Debug, Clone)]
pub struct FormClauseText {
    pub paragraphs: Vec<String>,
    pub lang: &'static str,
    pub name: &'static str,
    pub authoritative: bool,
    /// Name the language above the text: the version has several, or lacks the page's.
    pub labelled: bool,
    /// The page's language the version lacks, by name: the authoritative text is shown.
    pub missing: Option<&'static str>,
    pub authoritative_code: &'static str,
    pub authoritative_name: &'static str,
}

impl FormClauseText {
    /// `data`'s clause in `lang` (the suggestion's language, which the version has).
    pub fn new(page: Lang, data: &crate::models::reading::ClauseData, lang: TextLang) -> Self {
        let authoritative = data.version.language;
        let (lang, body) = match data.texts.clauses.get(&(data.clause.id, lang)) {
            Some(text) if lang != authoritative => (lang, text.body.as_str()),
            _ => (authoritative, data.clause.body.as_str()),
        };
        let page_text = super::text_lang::default_text_lang(page);
        let has_page_text = page_text == authoritative || data.texts.languages.contains(&page_text);
        let missing = (!has_page_text).then(|| page_text.native_name());
        Self {
            paragraphs: paragraphs(body),
            lang: lang.as_str(),
            name: lang.native_name(),
            authoritative: lang == authoritative,
            labelled: data.texts.languages.len() > 1 || missing.is_some(),
            missing,
            authoritative_code: authoritative.as_str(),
            authoritative_name: authoritative.native_name(),
        }
    }
}

#[derive(Template)]
#[template(path = "suggestions/form.html")]
pub struct SuggestFormPage {
    pub ctx: PageContext,
    pub consultation: ConsultationSummary,
    pub clause_reference: String,
    pub clause_href: String,
    pub clause_text: FormClauseText,
    /// The languages a suggestion may be written in: (code, name, selected).
    pub suggestion_langs: Vec<(&'static str, &'static str, bool)>,
    pub action: String,
    pub editing: bool,
    pub kinds: Vec<KindChoice>,
    pub body: String,
    pub proposed_text: String,
    pub idempotency_key: String,
    pub errors: FormErrors,
    /// A message above the form (stale form, closed consultation, confirm email…).
    pub notice: &'static str,
    pub similar: Vec<SuggestionView>,
    pub accepting: bool,
}

#[derive(Template)]
#[template(path = "suggestions/receipt.html")]
pub struct ReceiptPage {
    pub ctx: PageContext,
    pub number: String,
    pub status_key: &'static str,
    pub status_class: &'static str,
    pub kind_key: &'static str,
    pub consultation_title: String,
    /// The language code of the title, for its `lang`.
    pub consultation_lang: &'static str,
    pub consultation_href: String,
    pub clause_reference: String,
    pub clause_href: String,
    pub date: DateView,
    /// Shown when the public may see it, or to its author.
    pub suggestion: Option<SuggestionView>,
    pub just_submitted: bool,
}

#[derive(Debug, Clone)]
pub struct OwnRow {
    pub number: String,
    pub receipt_href: String,
    pub status_key: &'static str,
    pub status_class: &'static str,
    pub kind_key: &'static str,
    pub clause_reference: String,
    pub clause_href: String,
    pub consultation_title: String,
    pub consultation_lang: &'static str,
    pub date: DateView,
    pub excerpt: String,
    pub editable: bool,
    pub edit_href: String,
    pub withdraw_action: String,
    pub upvotes: i32,
}

#[derive(Template)]
#[template(path = "suggestions/mine.html")]
pub struct MySuggestionsPage {
    pub ctx: PageContext,
    pub rows: Vec<OwnRow>,
}
