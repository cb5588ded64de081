//! The open-data files: what the public can already read (published suggestions and
//! per-clause counts of them), as CSV or JSON, without any personal data. Text in CSV
//! is neutralised like any export; JSON keeps it as written.

use std::collections::HashMap;

use serde::Serialize;

use super::analyst::{clauses_in_order, each_chunk, learn_places};
use super::output::{iso, text, Format, Records, Sink};
use super::ExportError;
use crate::db::AnyConnection;
use crate::domain::SuggestionKind;
use crate::models::export as data;
use crate::models::moderation::Resolved;

/// The public files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenData {
    Suggestions,
    Clauses,
}

#[derive(Serialize, Default)]
struct OpenSuggestion {
    tracking_number: String,
    consultation: String,
    clause: String,
    kind: &'static str,
    body: String,
    proposed_text: String,
    status: &'static str,
    official_response: String,
    upvotes: i32,
    created_at: String,
    decided_at: String,
    lang: &'static str,
}

#[derive(Serialize, Default)]
struct OpenClause {
    consultation: String,
    clause: String,
    suggestions: i64,
    amend: i64,
    delete: i64,
    add: i64,
    comment: i64,
    upvotes: i64,
}

/// Write an open-data file over the public suggestions `resolved` matches (the caller
/// holds the snapshot); returns how many records it holds.
pub fn write(
    conn: &mut AnyConnection,
    which: OpenData,
    format: Format,
    resolved: &Resolved,
    sink: Sink<'_>,
) -> Result<u64, ExportError> {
    let csv_text = |value: &str| match format {
        Format::Csv => text(value),
        Format::Json => value.to_owned(),
    };
    let mut records = match which {
        OpenData::Suggestions => Records::new::<OpenSuggestion>(format, sink)?,
        OpenData::Clauses => Records::new::<OpenClause>(format, sink)?,
    };
    if which == OpenData::Clauses {
        for (consultation, t) in clauses_in_order(conn, resolved)? {
            records.push(&OpenClause {
                consultation,
                clause: csv_text(&t.reference),
                suggestions: t.suggestions,
                amend: t.of_kind(SuggestionKind::Amend),
                delete: t.of_kind(SuggestionKind::Delete),
                add: t.of_kind(SuggestionKind::Add),
                comment: t.of_kind(SuggestionKind::Comment),
                upvotes: t.upvotes,
            })?;
        }
        return records.finish();
    }
    let slugs = data::consultation_slugs(conn)?;
    let mut places: HashMap<i64, data::Place> = HashMap::new();
    each_chunk(conn, resolved, |conn, chunk| {
        learn_places(conn, chunk, &mut places)?;
        for s in chunk {
            let clause = places
                .get(&s.clause_id)
                .map(|p| p.reference.as_str())
                .unwrap_or_default();
            records.push(&OpenSuggestion {
                tracking_number: s.tracking_number.clone(),
                consultation: slugs.get(&s.consultation_id).cloned().unwrap_or_default(),
                clause: csv_text(clause),
                kind: s.kind().as_str(),
                body: csv_text(&s.body),
                proposed_text: csv_text(s.proposed_text.as_deref().unwrap_or("")),
                status: s.status().as_str(),
                official_response: csv_text(s.official_response.as_deref().unwrap_or("")),
                upvotes: s.upvotes,
                created_at: iso(s.created_at),
                decided_at: s.decided_at.map(iso).unwrap_or_default(),
                lang: s.lang.as_str(),
            })?;
        }
        records.flush()
    })?;
    records.finish()
}
