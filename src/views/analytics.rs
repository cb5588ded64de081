//! Pages of the analytics area.

use askama::Template;

use super::forms::Choice;
use super::{DateView, PageContext};

/// A past export, from the audit log.
#[derive(Debug, Clone)]
pub struct ExportLine {
    pub when: DateView,
    pub time: String,
    pub who: String,
    pub file: String,
    pub filters: String,
    pub rows: u64,
    pub sha256: String,
}

#[derive(Template)]
#[template(path = "analytics/home.html")]
pub struct AnalyticsPage {
    pub ctx: PageContext,
    pub kinds: Vec<&'static str>,
    pub status_choices: Vec<Choice>,
    pub kind_choices: Vec<Choice>,
    /// Pre-tick "for Excel" (the browser says Windows).
    pub excel: bool,
    pub exports: Vec<ExportLine>,
}

/// One export's columns, for the data dictionary page.
#[derive(Debug, Clone)]
pub struct DictionarySection {
    pub kind: &'static str,
    pub columns: Vec<(&'static str, &'static str, &'static str)>,
}

#[derive(Template)]
#[template(path = "analytics/dictionary.html")]
pub struct DictionaryPage {
    pub ctx: PageContext,
    pub sections: Vec<DictionarySection>,
}

#[derive(Template)]
#[template(path = "open_data.html")]
pub struct OpenDataPage {
    pub ctx: PageContext,
}
