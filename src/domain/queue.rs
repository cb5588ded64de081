//! The moderation queue's filter: what a moderator (or an analyst's export) asks for,
//! parsed from the query string once. Invalid values are reported per field and left
//! out of the filter, so a typo narrows nothing rather than failing the page.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::account::FieldError;
use super::reference::{ArticleNumber, ClauseRef};
use super::suggestion::{SuggestionKind, SuggestionStatus};
use super::Slug;

/// The order of the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum QueueSort {
    /// First in, first out: how triage works through a backlog (the default).
    #[default]
    Oldest,
    MostUpvoted,
    Newest,
}

impl QueueSort {
    pub const ALL: [Self; 3] = [Self::Oldest, Self::MostUpvoted, Self::Newest];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Oldest => "oldest",
            Self::MostUpvoted => "upvotes",
            Self::Newest => "newest",
        }
    }
}

/// Whose suggestions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Assignee {
    #[default]
    Anyone,
    Me,
    Nobody,
    User(i64),
}

/// The query string as sent (every field text, empty when absent).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(default)]
pub struct RawFilter {
    pub status: String,
    pub consultation: String,
    pub chapter: String,
    pub article: String,
    pub clause: String,
    pub kind: String,
    /// The language a suggestion is written in (`kk`, `ru`, `en`).
    pub lang: String,
    pub from: String,
    pub to: String,
    pub min_upvotes: String,
    pub flagged: String,
    pub clustered: String,
    pub campaign: String,
    pub tag: String,
    pub assignee: String,
    pub q: String,
    pub sort: String,
}

/// A parsed filter. Every field narrows the queue; `None` or `false` means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QueueFilter {
    pub status: Option<SuggestionStatus>,
    pub consultation: Option<Slug>,
    /// The chapter's position in the document (1 for the first).
    pub chapter: Option<i32>,
    pub article: Option<ArticleNumber>,
    pub clause: Option<ClauseRef>,
    pub kind: Option<SuggestionKind>,
    pub lang: Option<super::TextLang>,
    /// Created on or after this day (UTC).
    pub from: Option<NaiveDate>,
    /// Created on or before this day (UTC).
    pub to: Option<NaiveDate>,
    pub min_upvotes: Option<i32>,
    pub flagged: bool,
    /// Only suggestions in a near-duplicate cluster of two or more.
    pub clustered: bool,
    pub campaign: bool,
    pub tag: Option<String>,
    pub assignee: Assignee,
    /// The words of a full-text query (all must occur).
    pub words: Vec<String>,
    pub sort: QueueSort,
    /// Only what the public sees (open data); never set from a query string.
    pub public_only: bool,
}

fn checked(value: &str) -> bool {
    matches!(value, "1" | "on" | "true" | "yes")
}

/// The words of a search query: letters and digits in any script, lower-cased.
pub fn search_words(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .take(12)
        .collect()
}

impl QueueFilter {
    /// Parse what the query string says; the status defaults to pending (the work to
    /// do) and `all` means every status. Invalid fields are returned as errors.
    pub fn parse(raw: &RawFilter) -> (Self, Vec<(&'static str, FieldError)>) {
        let mut errors = Vec::new();
        let mut filter = Self::default();
        let mut field = |name: &'static str, result: Result<(), FieldError>| {
            if let Err(e) = result {
                errors.push((name, e));
            }
        };
        let status = raw.status.trim();
        field(
            "status",
            match status {
                "" => {
                    filter.status = Some(SuggestionStatus::Pending);
                    Ok(())
                }
                "all" => Ok(()),
                s => s
                    .parse()
                    .map(|s| filter.status = Some(s))
                    .map_err(|_| FieldError("moderation.filter.invalid")),
            },
        );
        let text = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
        if let Some(slug) = text(&raw.consultation) {
            field(
                "consultation",
                Slug::parse(&slug)
                    .map(|s| filter.consultation = Some(s))
                    .map_err(|_| FieldError("moderation.filter.invalid")),
            );
        }
        if let Some(chapter) = text(&raw.chapter) {
            field(
                "chapter",
                chapter
                    .parse::<i32>()
                    .ok()
                    .filter(|n| *n > 0)
                    .map(|n| filter.chapter = Some(n))
                    .ok_or(FieldError("moderation.filter.invalid")),
            );
        }
        if let Some(article) = text(&raw.article) {
            field(
                "article",
                ArticleNumber::parse(&article)
                    .map(|a| filter.article = Some(a))
                    .map_err(|_| FieldError("moderation.filter.invalid")),
            );
        }
        if let Some(clause) = text(&raw.clause) {
            field(
                "clause",
                ClauseRef::parse(&clause)
                    .map(|c| filter.clause = Some(c))
                    .map_err(|_| FieldError("moderation.filter.invalid")),
            );
        }
        if let Some(kind) = text(&raw.kind) {
            field("kind", kind.parse().map(|k| filter.kind = Some(k)));
        }
        if let Some(lang) = text(&raw.lang) {
            field(
                "lang",
                lang.parse()
                    .map(|l| filter.lang = Some(l))
                    .map_err(|_| FieldError("moderation.filter.invalid")),
            );
        }
        for (name, value, slot) in [
            ("from", &raw.from, &mut filter.from),
            ("to", &raw.to, &mut filter.to),
        ] {
            if let Some(day) = text(value) {
                field(
                    name,
                    NaiveDate::parse_from_str(&day, "%Y-%m-%d")
                        .map(|d| *slot = Some(d))
                        .map_err(|_| FieldError("moderation.filter.date")),
                );
            }
        }
        if let Some(min) = text(&raw.min_upvotes) {
            field(
                "min_upvotes",
                min.parse::<i32>()
                    .ok()
                    .filter(|n| *n >= 0)
                    .map(|n| filter.min_upvotes = Some(n))
                    .ok_or(FieldError("moderation.filter.invalid")),
            );
        }
        filter.flagged = checked(&raw.flagged);
        filter.clustered = checked(&raw.clustered);
        filter.campaign = checked(&raw.campaign);
        if let Some(tag) = text(&raw.tag) {
            field(
                "tag",
                super::moderation::parse_tag(&tag).map(|t| filter.tag = Some(t)),
            );
        }
        filter.assignee = match raw.assignee.trim() {
            "me" => Assignee::Me,
            "nobody" => Assignee::Nobody,
            other => other.parse().map_or(Assignee::Anyone, Assignee::User),
        };
        filter.words = search_words(&raw.q);
        filter.sort = QueueSort::ALL
            .into_iter()
            .find(|s| s.as_str() == raw.sort.trim())
            .unwrap_or_default();
        (filter, errors)
    }

    /// Whether anything besides the consultation, status and order narrows the queue
    /// (then per-status counts must be counted; otherwise they are kept by the database).
    pub fn narrows(&self) -> bool {
        let plain = Self {
            status: self.status,
            consultation: self.consultation.clone(),
            sort: self.sort,
            ..Self::default()
        };
        *self != plain
    }

    /// The same filter as a query string (for links to other pages of it).
    pub fn to_raw(&self) -> RawFilter {
        let flag = |b: bool| if b { "1".to_owned() } else { String::new() };
        RawFilter {
            status: self
                .status
                .map_or_else(|| "all".to_owned(), |s| s.as_str().to_owned()),
            consultation: self
                .consultation
                .as_ref()
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
            chapter: self.chapter.map(|c| c.to_string()).unwrap_or_default(),
            article: self
                .article
                .as_ref()
                .map(|a| a.as_str().to_owned())
                .unwrap_or_default(),
            clause: self
                .clause
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            kind: self.kind.map(|k| k.as_str().to_owned()).unwrap_or_default(),
            lang: self.lang.map(|l| l.as_str().to_owned()).unwrap_or_default(),
            from: self.from.map(|d| d.to_string()).unwrap_or_default(),
            to: self.to.map(|d| d.to_string()).unwrap_or_default(),
            min_upvotes: self.min_upvotes.map(|n| n.to_string()).unwrap_or_default(),
            flagged: flag(self.flagged),
            clustered: flag(self.clustered),
            campaign: flag(self.campaign),
            tag: self.tag.clone().unwrap_or_default(),
            assignee: match self.assignee {
                Assignee::Anyone => String::new(),
                Assignee::Me => "me".to_owned(),
                Assignee::Nobody => "nobody".to_owned(),
                Assignee::User(id) => id.to_string(),
            },
            q: self.words.join(" "),
            sort: self.sort.as_str().to_owned(),
        }
    }

    pub fn query_string(&self) -> String {
        let raw = self.to_raw();
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for (name, value) in [
            ("status", &raw.status),
            ("consultation", &raw.consultation),
            ("chapter", &raw.chapter),
            ("article", &raw.article),
            ("clause", &raw.clause),
            ("kind", &raw.kind),
            ("lang", &raw.lang),
            ("from", &raw.from),
            ("to", &raw.to),
            ("min_upvotes", &raw.min_upvotes),
            ("flagged", &raw.flagged),
            ("clustered", &raw.clustered),
            ("campaign", &raw.campaign),
            ("tag", &raw.tag),
            ("assignee", &raw.assignee),
            ("q", &raw.q),
            ("sort", &raw.sort),
        ] {
            if !value.is_empty() {
                out.append_pair(name, value);
            }
        }
        out.finish()
    }
}

/// An export's filter, from a query string such as the queue's (status defaults to
/// every status here), and a consultation. The error names the first invalid field.
pub fn export_filter(query: &str, consultation: Option<&str>) -> Result<QueueFilter, &'static str> {
    let mut raw: RawFilter = parse_query(query);
    if raw.status.trim().is_empty() {
        raw.status = "all".to_owned();
    }
    if let Some(slug) = consultation {
        raw.consultation = slug.to_owned();
    }
    let (filter, errors) = QueueFilter::parse(&raw);
    match errors.first() {
        Some((field, _)) => Err(field),
        None => Ok(filter),
    }
}

/// Read the filter's fields from a query string (unknown names are ignored).
fn parse_query(query: &str) -> RawFilter {
    let mut raw = RawFilter::default();
    for (name, value) in url::form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        let value = value.into_owned();
        match name.as_ref() {
            "status" => raw.status = value,
            "consultation" => raw.consultation = value,
            "chapter" => raw.chapter = value,
            "article" => raw.article = value,
            "clause" => raw.clause = value,
            "kind" => raw.kind = value,
            "lang" => raw.lang = value,
            "from" => raw.from = value,
            "to" => raw.to = value,
            "min_upvotes" => raw.min_upvotes = value,
            "flagged" => raw.flagged = value,
            "clustered" => raw.clustered = value,
            "campaign" => raw.campaign = value,
            "tag" => raw.tag = value,
            "assignee" => raw.assignee = value,
            "q" => raw.q = value,
            "sort" => raw.sort = value,
            _ => {}
        }
    }
    raw
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// Whatever a query string holds, the filter parses to a filter and errors,
        /// the export filter to a filter or the name of a field: never a panic.
        #[test]
        fn any_query_string_parses(query in ".{0,400}", bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let raw = parse_query(&query);
            let (filter, _) = QueueFilter::parse(&raw);
            let _ = QueueFilter::parse(&parse_query(&filter.query_string()));
            let _ = export_filter(&query, Some(&query));
            let lossy = String::from_utf8_lossy(&bytes);
            let _ = export_filter(&lossy, None);
            let _ = QueueFilter::parse(&parse_query(&lossy));
        }
    }

    use super::*;

    #[test]
    fn defaults_to_pending_oldest_first() {
        let (filter, errors) = QueueFilter::parse(&RawFilter::default());
        assert!(errors.is_empty());
        assert_eq!(filter.status, Some(SuggestionStatus::Pending));
        assert_eq!(filter.sort, QueueSort::Oldest);
    }

    #[test]
    fn round_trips_and_reports_bad_fields() {
        let raw = RawFilter {
            status: "all".into(),
            kind: "amend".into(),
            from: "2026-01-02".into(),
            min_upvotes: "-3".into(),
            q: "Тіл, ҚАЗАҚ language!".into(),
            flagged: "1".into(),
            sort: "upvotes".into(),
            ..RawFilter::default()
        };
        let (filter, errors) = QueueFilter::parse(&raw);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, "min_upvotes");
        assert_eq!(filter.status, None);
        assert_eq!(filter.words, vec!["тіл", "қазақ", "language"]);
        let again = QueueFilter::parse(&filter.to_raw()).0;
        assert_eq!(again, filter);
        assert!(filter.query_string().contains("flagged=1"));
    }
}
