//! Pages for reading a draft: the list of consultations, a consultation's contents,
//! an article, a clause.

use crate::i18n::Lang;
use std::collections::HashMap;

use askama::Template;

use super::suggestion::SuggestionList;
use super::text_lang::{Shown, TextColumn, TextSwitch};
use super::{paragraphs, DateView, Link, PageContext};
use crate::domain::ConsultationStatus;
use crate::models::consultation::Consultation;
use crate::models::document::{self, ArticleSummary, ChapterRow, ClauseRow, DocumentVersion};
use crate::models::reading::{ArticleData, ClauseData};

/// Paths of the reading pages, in one place.
/// A consultation as listed and as headed on its pages.
#[derive(Debug, Clone)]
pub struct ConsultationSummary {
    pub slug: String,
    pub href: String,
    pub title: String,
    /// The language code of the title and summary, for their `lang`: the page may
    /// be in another.
    pub title_lang: &'static str,
    pub summary: Vec<String>,
    pub status_key: &'static str,
    pub status_class: &'static str,
    pub opens: Option<DateView>,
    pub closes: Option<DateView>,
}

impl ConsultationSummary {
    pub fn new(lang: Lang, c: &Consultation) -> Self {
        let status = c.status();
        Self {
            slug: c.slug.clone(),
            href: crate::urls::consultation(&c.slug),
            title: c.title.clone(),
            title_lang: c.language.as_str(),
            summary: paragraphs(&c.summary),
            status_key: status_key(status),
            status_class: status.as_str(),
            opens: c.opens_at.map(|t| DateView::new(lang, t)),
            closes: c.closes_at.map(|t| DateView::new(lang, t)),
        }
    }
}

pub fn status_key(status: ConsultationStatus) -> &'static str {
    match status {
        ConsultationStatus::Draft => "status.draft",
        ConsultationStatus::Open => "status.open",
        ConsultationStatus::Closed => "status.closed",
        ConsultationStatus::Results => "status.results",
    }
}

#[derive(Template)]
#[template(path = "consultations/home.html")]
pub struct HomePage<'a> {
    pub ctx: &'a PageContext,
    pub consultations: Vec<ConsultationSummary>,
}

#[derive(Debug, Clone)]
pub struct VersionView {
    pub number: i32,
    pub published: Option<DateView>,
    pub changelog: Vec<String>,
}

impl VersionView {
    fn new(lang: Lang, v: &DocumentVersion) -> Self {
        Self {
            number: v.number,
            published: v.published_at.map(|t| DateView::new(lang, t)),
            changelog: paragraphs(&v.changelog),
        }
    }
}

/// When a page shows a version other than the current one: which, and the way back.
#[derive(Debug, Clone)]
pub struct OldVersionNotice {
    pub number: i32,
    pub current_href: String,
}

#[derive(Debug, Clone)]
pub struct TocEntry {
    pub href: String,
    pub label: String,
    pub title: Option<String>,
    pub clauses: String,
    /// "12 suggestions", or empty when there are none.
    pub suggestions: String,
}

#[derive(Debug, Clone)]
pub struct TocGroup {
    pub heading: Option<String>,
    pub title: Option<String>,
    pub notes: Vec<String>,
    pub entries: Vec<TocEntry>,
}

#[derive(Template)]
#[template(path = "consultations/consultation.html")]
pub struct ConsultationPage<'a> {
    pub ctx: &'a PageContext,
    pub consultation: ConsultationSummary,
    pub version: Option<VersionView>,
    pub old_version: Option<OldVersionNotice>,
    pub preamble: Vec<String>,
    pub groups: Vec<TocGroup>,
}

impl<'a> ConsultationPage<'a> {
    pub fn new(
        ctx: &'a PageContext,
        consultation: &Consultation,
        version: Option<(&DocumentVersion, bool)>,
        chapters: &[ChapterRow],
        articles: &[ArticleSummary],
        suggestion_counts: &HashMap<i64, i64>,
    ) -> Self {
        let slug = consultation.slug.as_str();
        let is_old = version.is_some_and(|(_, current)| !current);
        let query = crate::urls::version_query(version.filter(|_| is_old).map(|(v, _)| v.number));
        let entry = |a: &ArticleSummary| TocEntry {
            href: format!("{}{query}", crate::urls::article(slug, &a.article.number)),
            label: a.article.label.clone(),
            title: a.article.title.clone(),
            clauses: match a.clause_count {
                0 => ctx.t("consultation.no_clauses").to_owned(),
                n => ctx.tf("consultation.clause_count", n),
            },
            suggestions: suggestion_count(
                ctx,
                suggestion_counts.get(&a.article.id).copied().unwrap_or(0),
            ),
        };
        let mut groups = Vec::new();
        let loose: Vec<TocEntry> = articles
            .iter()
            .filter(|a| a.article.chapter_id.is_none())
            .map(entry)
            .collect();
        if !loose.is_empty() {
            groups.push(TocGroup {
                heading: None,
                title: None,
                notes: Vec::new(),
                entries: loose,
            });
        }
        for chapter in chapters {
            groups.push(TocGroup {
                heading: Some(chapter.heading.clone()),
                title: chapter.title.clone(),
                notes: document::split_notes(&chapter.notes)
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
                entries: articles
                    .iter()
                    .filter(|a| a.article.chapter_id == Some(chapter.id))
                    .map(entry)
                    .collect(),
            });
        }
        Self {
            ctx,
            consultation: ConsultationSummary::new(ctx.lang, consultation),
            version: version.map(|(v, _)| VersionView::new(ctx.lang, v)),
            old_version: version.filter(|_| is_old).map(|(v, _)| OldVersionNotice {
                number: v.number,
                current_href: crate::urls::consultation(slug),
            }),
            preamble: version
                .map(|(v, _)| paragraphs(&v.preamble))
                .unwrap_or_default(),
            groups,
        }
    }
}

/// "3 suggestions", or empty for none.
pub fn suggestion_count(ctx: &PageContext, n: i64) -> String {
    match n {
        0 => String::new(),
        n => ctx.tf("suggestion.count", n),
    }
}

/// A clause as shown on the article and clause pages.
#[derive(Debug, Clone)]
pub struct ClauseView {
    pub anchor: String,
    pub reference: String,
    pub number: String,
    /// The text in the language read, then the one compared beside it, if any.
    pub columns: Vec<TextColumn>,
    pub permalink: String,
    /// "3 suggestions" (empty for none), linking to the clause page's list.
    pub suggestions: String,
}

impl ClauseView {
    fn new(slug: &str, clause: &ClauseRow, query: &str, columns: Vec<TextColumn>) -> Self {
        Self {
            suggestions: String::new(),
            anchor: format!("clause-{}", clause.number),
            reference: clause.reference.clone(),
            number: clause.number.clone(),
            columns,
            permalink: format!("{}{query}", crate::urls::clause(slug, &clause.reference)),
        }
    }
}

/// An article page: the page around its content, which is rendered once and shared
/// ([`RenderedArticle`]).
#[derive(Template)]
#[template(path = "consultations/article.html")]
pub struct ArticlePage<'a> {
    pub ctx: &'a PageContext,
    pub title: &'a str,
    pub body: &'a str,
}

impl<'a> ArticlePage<'a> {
    pub fn new(ctx: &'a PageContext, rendered: &'a RenderedArticle) -> Self {
        Self {
            ctx,
            title: &rendered.title,
            body: &rendered.html,
        }
    }
}

/// An article page's title and content as every reader sees them (in one interface
/// language and choice of texts), rendered with their links in that language.
#[derive(Debug)]
pub struct RenderedArticle {
    pub title: String,
    pub html: String,
}

impl RenderedArticle {
    pub fn new(lang: Lang, data: &ArticleData, shown: &Shown) -> Result<Self, askama::Error> {
        let ctx = PageContext::new(lang);
        let body = ArticleBody::new(&ctx, data, shown);
        Ok(Self {
            title: format!("{} · {}", body.label, body.consultation.title),
            html: crate::locale::links_in(lang, body.render()?),
        })
    }
}

#[derive(Template)]
#[template(path = "consultations/article_body.html")]
struct ArticleBody<'a> {
    pub ctx: &'a PageContext,
    pub consultation: ConsultationSummary,
    pub contents_href: String,
    pub old_version: Option<OldVersionNotice>,
    pub chapter: Option<String>,
    pub label: String,
    pub title: Option<String>,
    pub notes: Vec<String>,
    /// The language of the heading and notes above.
    pub heading_lang: &'static str,
    pub switch: TextSwitch,
    pub clauses: Vec<ClauseView>,
    pub previous: Option<Link>,
    pub next: Option<Link>,
}

impl<'a> ArticleBody<'a> {
    fn new(ctx: &'a PageContext, data: &ArticleData, shown: &Shown) -> Self {
        let ArticleData {
            consultation,
            version,
            is_current,
            view,
            suggestion_counts,
            texts,
        } = data;
        let is_current = *is_current;
        let slug = consultation.slug.as_str();
        let old = (!is_current).then_some(version.number);
        let query = crate::urls::version_query(old);
        let article_text = texts.article.get(&shown.text);
        let chapter_text = texts.chapter.get(&shown.text);
        let heading_lang = match article_text {
            Some(_) => shown.text,
            None => shown.authoritative,
        };
        let link = |(number, label): &(String, String)| Link {
            href: format!("{}{query}", crate::urls::article(slug, number)),
            text: label.clone(),
        };
        Self {
            ctx,
            consultation: ConsultationSummary::new(ctx.lang, consultation),
            contents_href: format!("{}{query}", crate::urls::consultation(slug)),
            old_version: old.map(|number| OldVersionNotice {
                number,
                current_href: crate::urls::article(slug, &view.article.number),
            }),
            chapter: view.chapter.as_ref().map(|c| {
                let (heading, title) = match chapter_text {
                    Some(t) => (&t.heading, &t.title),
                    None => (&c.heading, &c.title),
                };
                match title {
                    Some(title) => format!("{heading}. {title}"),
                    None => heading.clone(),
                }
            }),
            label: article_text
                .map_or(&view.article.label, |t| &t.label)
                .clone(),
            title: article_text
                .map_or(&view.article.title, |t| &t.title)
                .clone(),
            notes: document::split_notes(article_text.map_or(&view.article.notes, |t| &t.notes))
                .into_iter()
                .map(str::to_owned)
                .collect(),
            heading_lang: heading_lang.as_str(),
            switch: TextSwitch::new(
                &crate::urls::article(slug, &view.article.number),
                old,
                texts,
                shown,
            ),
            clauses: view
                .clauses
                .iter()
                .map(|c| ClauseView {
                    suggestions: suggestion_count(
                        ctx,
                        suggestion_counts.get(&c.lineage).copied().unwrap_or(0),
                    ),
                    ..ClauseView::new(slug, c, &query, shown.columns(texts, c))
                })
                .collect(),
            previous: view.previous.as_ref().map(link),
            next: view.next.as_ref().map(link),
        }
    }
}

#[derive(Template)]
#[template(path = "consultations/clause.html")]
pub struct ClausePage<'a> {
    pub ctx: &'a PageContext,
    pub consultation: ConsultationSummary,
    pub article_label: String,
    pub article_href: String,
    pub clause: ClauseView,
    pub switch: TextSwitch,
    /// Set when the clause is not in the current version.
    pub shown_from_version: Option<i32>,
    pub list: SuggestionList<'a>,
}

impl<'a> ClausePage<'a> {
    pub fn new(
        ctx: &'a PageContext,
        data: &ClauseData,
        list: SuggestionList<'a>,
        shown: &Shown,
    ) -> Self {
        let ClauseData {
            consultation,
            version,
            is_current,
            article,
            clause,
            texts,
        } = data;
        let is_current = *is_current;
        let slug = consultation.slug.as_str();
        let old = (!is_current).then_some(version.number);
        let query = crate::urls::version_query(old);
        let view = ClauseView::new(slug, clause, &query, shown.columns(texts, clause));
        Self {
            ctx,
            consultation: ConsultationSummary::new(ctx.lang, consultation),
            article_label: article.label.clone(),
            article_href: format!(
                "{}{query}#{}",
                crate::urls::article(slug, &article.number),
                view.anchor
            ),
            clause: view,
            switch: TextSwitch::new(
                &crate::urls::clause(slug, &clause.reference),
                old,
                texts,
                shown,
            ),
            shown_from_version: (!is_current).then_some(version.number),
            list,
        }
    }
}
