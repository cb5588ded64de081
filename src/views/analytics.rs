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

/// One row of a chart's data, as its table shows it.
#[derive(Debug, Clone)]
pub struct ChartRow {
    pub label: String,
    /// Empty when withheld (small counts).
    pub value: String,
}

/// A chart: drawn as SVG on the server, with its numbers as a table and the CSV that
/// produced it.
#[derive(Debug, Clone)]
pub struct Chart {
    pub id: &'static str,
    pub title: &'static str,
    pub svg: String,
    pub rows: Vec<ChartRow>,
    pub csv_href: String,
    pub note: &'static str,
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Horizontal bars, one per category, labelled with its value. `None` values (withheld)
/// draw no bar.
pub fn bar_chart(title: &str, data: &[(String, Option<i64>)]) -> String {
    let max = data
        .iter()
        .filter_map(|(_, v)| *v)
        .max()
        .unwrap_or(0)
        .max(1);
    let (label_w, bar_w, row_h) = (200, 360, 24);
    let height = row_h * data.len().max(1) + 10;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {height}\" width=\"100%\" role=\"img\" aria-label=\"{t}\" class=\"chart\"><title>{t}</title>",
        w = label_w + bar_w + 70,
        t = xml(title)
    );
    for (i, (label, value)) in data.iter().enumerate() {
        let y = i * row_h + 5;
        svg.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"12\">{}</text>",
            label_w - 6,
            y + 16,
            xml(label)
        ));
        if let Some(v) = value {
            let w = (*v as f64 / max as f64 * f64::from(bar_w)).round().max(1.0);
            svg.push_str(&format!(
                "<rect x=\"{label_w}\" y=\"{}\" width=\"{w}\" height=\"{}\" fill=\"#1a5fb4\"/><text x=\"{}\" y=\"{}\" font-size=\"12\">{v}</text>",
                y + 3,
                row_h - 8,
                f64::from(label_w) + w + 4.0,
                y + 16
            ));
        }
    }
    svg.push_str("</svg>");
    svg
}

/// Columns over time (one per day), with the first and last day written below.
pub fn column_chart(title: &str, data: &[(String, i64)]) -> String {
    let max = data.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1);
    let (w, h) = (640.0_f64, 160.0_f64);
    let n = data.len().max(1) as f64;
    let step = w / n;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"100%\" role=\"img\" aria-label=\"{t}\" class=\"chart\"><title>{t}</title>",
        w + 20.0,
        h + 40.0,
        t = xml(title)
    );
    for (i, (_, v)) in data.iter().enumerate() {
        let bar = (*v as f64 / max as f64 * h).max(1.0);
        svg.push_str(&format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{bar:.1}\" fill=\"#1a5fb4\"/>",
            10.0 + i as f64 * step,
            10.0 + h - bar,
            (step - 1.0).max(1.0)
        ));
    }
    if let (Some(first), Some(last)) = (data.first(), data.last()) {
        svg.push_str(&format!(
            "<text x=\"10\" y=\"{}\" font-size=\"12\">{}</text><text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text><text x=\"{}\" y=\"20\" font-size=\"12\" text-anchor=\"end\">max {max}</text>",
            h + 30.0,
            xml(&first.0),
            w + 10.0,
            h + 30.0,
            xml(&last.0),
            w + 10.0
        ));
    }
    svg.push_str("</svg>");
    svg
}

#[derive(Template)]
#[template(path = "analytics/statistics.html")]
pub struct StatisticsPage {
    pub ctx: PageContext,
    pub consultation: String,
    pub charts: Vec<Chart>,
}
