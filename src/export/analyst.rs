//! The analysts' exports, the five kinds of [`ExportKind`]: suggestions, their upvotes
//! and moderation log row by row, read in id order, [`CHUNK`] at a time, and written
//! as they come, so memory stays flat whatever the row count; per-clause and
//! per-region totals, counted by the database; and the statistics charts' tables.
//! The caller holds the snapshot they are read in. Each file's
//! columns are the fields of its row struct below, described in
//! [`super::dictionary::DICTIONARY`].

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::output::{header_of, iso, text, Output, Sink, Written};
use super::ExportError;
use crate::db::AnyConnection;
use crate::domain::export::{ExportKind, Pseudonyms, SMALL_COUNT};
use crate::domain::{SuggestionKind, SuggestionStatus};
use crate::models::export as data;
use crate::models::moderation::{self, Resolved};

/// Suggestions read per query.
const CHUNK: i64 = 1000;

/// The clause text excerpt in the suggestions export.
const EXCERPT_CHARS: usize = 200;

/// The header row of a file of this kind.
pub fn header(kind: ExportKind) -> Result<Vec<String>, ExportError> {
    match kind {
        ExportKind::Suggestions => header_of::<SuggestionRow>(),
        ExportKind::Upvotes => header_of::<UpvoteRow>(),
        ExportKind::ClauseStatistics => header_of::<ClauseRow>(),
        ExportKind::ModerationLog => header_of::<LogRow>(),
        ExportKind::Regions => header_of::<RegionRow>(),
    }
}

/// Write the rows of an export of this kind over the suggestions `resolved` matches.
pub fn write(
    conn: &mut AnyConnection,
    kind: ExportKind,
    resolved: &Resolved,
    out: &mut Output<'_>,
) -> Result<(), ExportError> {
    match kind {
        ExportKind::Suggestions => suggestions(conn, resolved, out),
        ExportKind::Upvotes => upvotes(conn, resolved, out),
        ExportKind::ClauseStatistics => clauses(conn, resolved, out),
        ExportKind::ModerationLog => log(conn, resolved, out),
        ExportKind::Regions => regions(conn, resolved, out),
    }
}

#[derive(Serialize, Default)]
pub(super) struct SuggestionRow {
    tracking_number: String,
    consultation: String,
    version: i32,
    chapter: String,
    article: String,
    clause: String,
    clause_excerpt: String,
    kind: &'static str,
    body: String,
    proposed_text: String,
    status: &'static str,
    reason_code: String,
    official_response: String,
    upvotes: i32,
    duplicate_of: String,
    cluster_id: Option<i64>,
    cluster_size: i32,
    tags: String,
    created_at: String,
    decided_at: String,
    author: String,
    author_region: String,
    lang: &'static str,
}

#[derive(Serialize, Default)]
pub(super) struct UpvoteRow {
    tracking_number: String,
    voter: String,
    voter_region: String,
    created_at: String,
}

#[derive(Serialize, Default)]
pub(super) struct LogRow {
    log_id: i64,
    created_at: String,
    tracking_number: String,
    action: String,
    from_status: String,
    to_status: String,
    reason: String,
    moderator: String,
}

#[derive(Serialize, Default)]
pub(super) struct ClauseRow {
    consultation: String,
    clause: String,
    suggestions: i64,
    amend: i64,
    delete: i64,
    add: i64,
    comment: i64,
    pending: i64,
    published: i64,
    rejected: i64,
    under_review: i64,
    accepted: i64,
    partly_accepted: i64,
    not_accepted: i64,
    duplicate: i64,
    hidden: i64,
    withdrawn: i64,
    upvotes: i64,
    distinct_authors: i64,
}

#[derive(Serialize, Default)]
pub(super) struct RegionRow {
    region: String,
    participants: Option<i64>,
    suggestions: Option<i64>,
    upvotes_received: Option<i64>,
    suppressed: bool,
}

/// A row of a statistics chart's CSV: a label and its count, empty when withheld.
#[derive(Serialize, Default)]
struct StatisticsRow {
    label: String,
    count: Option<i64>,
}

/// A statistics chart's table as CSV (the charts are a few dozen rows, counted by
/// [`crate::models::statistics`]).
pub fn statistics(
    sink: Sink<'_>,
    rows: Vec<(String, Option<i64>)>,
) -> Result<Written, ExportError> {
    let mut out = Output::csv(sink, false, &header_of::<StatisticsRow>()?)?;
    for (label, count) in rows {
        out.row(&StatisticsRow {
            label: text(&label),
            count,
        })?;
    }
    out.finish()
}

/// Every matching suggestion, a chunk at a time.
pub(super) fn each_chunk(
    conn: &mut AnyConnection,
    resolved: &Resolved,
    mut f: impl FnMut(&mut AnyConnection, &[data::Row]) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let mut after = 0;
    loop {
        let chunk = moderation::matching_after(conn, resolved, after, CHUNK)?;
        let Some(last) = chunk.last() else {
            return Ok(());
        };
        after = last.id;
        f(conn, &chunk)?;
    }
}

/// Add the places of a chunk's clauses not seen yet (a document has a few hundred).
pub(super) fn learn_places(
    conn: &mut AnyConnection,
    chunk: &[data::Row],
    places: &mut HashMap<i64, data::Place>,
) -> Result<(), ExportError> {
    let missing: Vec<i64> = chunk
        .iter()
        .map(|s| s.clause_id)
        .filter(|id| !places.contains_key(id))
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    places.extend(data::places(conn, &missing)?);
    Ok(())
}

fn suggestions(
    conn: &mut AnyConnection,
    resolved: &Resolved,
    out: &mut Output<'_>,
) -> Result<(), ExportError> {
    let pseudonyms = Pseudonyms::new();
    let slugs = data::consultation_slugs(conn)?;
    let mut places: HashMap<i64, data::Place> = HashMap::new();
    each_chunk(conn, resolved, |conn, chunk| {
        learn_places(conn, chunk, &mut places)?;
        let tags = data::tags_of(conn, &chunk.iter().map(|s| s.id).collect::<Vec<_>>())?;
        let authors: Vec<i64> = chunk.iter().map(|s| s.author_id).collect();
        let regions = data::regions(conn, &authors)?;
        let duplicates: Vec<i64> = chunk.iter().filter_map(|s| s.duplicate_of).collect();
        let clusters: Vec<i64> = chunk.iter().filter_map(|s| s.cluster_id).collect();
        let sizes = data::cluster_sizes(conn, &clusters)?;
        let numbers = data::tracking_numbers(conn, &duplicates)?;
        for s in chunk {
            let place = places.get(&s.clause_id);
            let excerpt: String = place
                .map(|p| p.text.chars().take(EXCERPT_CHARS).collect())
                .unwrap_or_default();
            out.row(&SuggestionRow {
                tracking_number: s.tracking_number.clone(),
                consultation: slugs.get(&s.consultation_id).cloned().unwrap_or_default(),
                version: place.map_or(0, |p| p.version),
                chapter: text(place.map_or("", |p| p.chapter.as_str())),
                article: text(place.map_or("", |p| p.article.as_str())),
                clause: text(place.map_or("", |p| p.reference.as_str())),
                clause_excerpt: text(&excerpt),
                kind: s.kind().as_str(),
                body: text(&s.body),
                proposed_text: text(s.proposed_text.as_deref().unwrap_or("")),
                status: s.status().as_str(),
                reason_code: s.reason_code.clone().unwrap_or_default(),
                official_response: text(s.official_response.as_deref().unwrap_or("")),
                upvotes: s.upvotes,
                duplicate_of: s
                    .duplicate_of
                    .and_then(|id| numbers.get(&id).cloned())
                    .unwrap_or_default(),
                cluster_id: s.cluster_id,
                cluster_size: s
                    .cluster_id
                    .and_then(|c| sizes.get(&c).copied())
                    .unwrap_or(1),
                tags: text(&tags.get(&s.id).cloned().unwrap_or_default().join("; ")),
                created_at: iso(s.created_at),
                decided_at: s.decided_at.map(iso).unwrap_or_default(),
                author: pseudonyms.of(s.author_id),
                author_region: regions.get(&s.author_id).cloned().unwrap_or_default(),
                lang: s.lang.as_str(),
            })?;
        }
        out.flush()
    })?;
    Ok(())
}

fn upvotes(
    conn: &mut AnyConnection,
    resolved: &Resolved,
    out: &mut Output<'_>,
) -> Result<(), ExportError> {
    let pseudonyms = Pseudonyms::new();
    each_chunk(conn, resolved, |conn, chunk| {
        let ids: Vec<i64> = chunk.iter().map(|s| s.id).collect();
        let numbers: HashMap<i64, &str> = chunk
            .iter()
            .map(|s| (s.id, s.tracking_number.as_str()))
            .collect();
        let votes = data::upvotes_of(conn, &ids)?;
        let voters: Vec<i64> = votes
            .iter()
            .map(|v| v.1)
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let regions = data::regions(conn, &voters)?;
        for (suggestion_id, voter, at) in votes {
            out.row(&UpvoteRow {
                tracking_number: numbers
                    .get(&suggestion_id)
                    .copied()
                    .unwrap_or("")
                    .to_owned(),
                voter: pseudonyms.of(voter),
                voter_region: regions.get(&voter).cloned().unwrap_or_default(),
                created_at: iso(at),
            })?;
        }
        out.flush()
    })?;
    Ok(())
}

fn log(
    conn: &mut AnyConnection,
    resolved: &Resolved,
    out: &mut Output<'_>,
) -> Result<(), ExportError> {
    let pseudonyms = Pseudonyms::new();
    each_chunk(conn, resolved, |conn, chunk| {
        let ids: Vec<i64> = chunk.iter().map(|s| s.id).collect();
        let numbers: HashMap<i64, &str> = chunk
            .iter()
            .map(|s| (s.id, s.tracking_number.as_str()))
            .collect();
        for record in data::log_of(conn, &ids)? {
            out.row(&LogRow {
                log_id: record.id,
                created_at: iso(record.created_at),
                tracking_number: record
                    .suggestion_id
                    .and_then(|id| numbers.get(&id).copied())
                    .unwrap_or("")
                    .to_owned(),
                action: record.action,
                from_status: record.from.unwrap_or_default(),
                to_status: record.to.unwrap_or_default(),
                reason: text(record.reason.as_deref().unwrap_or("")),
                moderator: record
                    .actor_id
                    .map(|id| pseudonyms.of(id))
                    .unwrap_or_default(),
            })?;
        }
        out.flush()
    })?;
    Ok(())
}

/// Per-clause totals named by consultation and clause reference, in that order (ties
/// in the order of each clause's first suggestion).
pub(super) fn clauses_in_order(
    conn: &mut AnyConnection,
    resolved: &Resolved,
) -> Result<Vec<(String, data::ClauseTotals)>, ExportError> {
    let slugs = data::consultation_slugs(conn)?;
    let mut named: Vec<(String, data::ClauseTotals)> = data::clause_totals(conn, resolved)?
        .into_iter()
        .map(|t| {
            (
                slugs.get(&t.consultation_id).cloned().unwrap_or_default(),
                t,
            )
        })
        .collect();
    // Sorted here, in byte order: the databases' collations differ.
    named.sort_by(|a, b| (&a.0, &a.1.reference).cmp(&(&b.0, &b.1.reference)));
    Ok(named)
}

fn clauses(
    conn: &mut AnyConnection,
    resolved: &Resolved,
    out: &mut Output<'_>,
) -> Result<(), ExportError> {
    use SuggestionKind as K;
    use SuggestionStatus as S;
    for (consultation, t) in clauses_in_order(conn, resolved)? {
        out.row(&ClauseRow {
            consultation,
            clause: text(&t.reference),
            suggestions: t.suggestions,
            amend: t.of_kind(K::Amend),
            delete: t.of_kind(K::Delete),
            add: t.of_kind(K::Add),
            comment: t.of_kind(K::Comment),
            pending: t.in_status(S::Pending),
            published: t.in_status(S::Published),
            rejected: t.in_status(S::Rejected),
            under_review: t.in_status(S::UnderReview),
            accepted: t.in_status(S::Accepted),
            partly_accepted: t.in_status(S::PartlyAccepted),
            not_accepted: t.in_status(S::NotAccepted),
            duplicate: t.in_status(S::Duplicate),
            hidden: t.in_status(S::Hidden),
            withdrawn: t.in_status(S::Withdrawn),
            upvotes: t.upvotes,
            distinct_authors: t.distinct_authors,
        })?;
    }
    Ok(())
}

fn regions(
    conn: &mut AnyConnection,
    resolved: &Resolved,
    out: &mut Output<'_>,
) -> Result<(), ExportError> {
    for t in data::region_totals(conn, resolved)? {
        // Fewer than SMALL_COUNT people could be recognised: withhold the whole row's
        // numbers, and any other count under the threshold.
        let small = |n: i64| (1..SMALL_COUNT).contains(&n);
        let shown = |n: i64| (t.participants >= SMALL_COUNT && !small(n)).then_some(n);
        out.row(&RegionRow {
            region: if t.region.is_empty() {
                "unknown".to_owned()
            } else {
                t.region.clone()
            },
            participants: shown(t.participants),
            suggestions: shown(t.suggestions),
            upvotes_received: shown(t.upvotes),
            suppressed: t.participants < SMALL_COUNT || small(t.suggestions) || small(t.upvotes),
        })?;
    }
    Ok(())
}
