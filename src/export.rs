//! Writing an export: rows are read in id order, 1,000 at a time, inside one read-only
//! snapshot, and written as CSV to a sink as they come, so memory stays flat whatever
//! the row count and the first bytes leave at once. The web route's sink is a channel
//! to the response (a client that goes away stops the work); the CLI's is a file.
//!
//! Columns are a contract: each row type is a struct below, and `docs/data-dictionary.md`
//! (also served at `/analytics/dictionary`) describes every column.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::db::{self, AnyConnection};
use crate::domain::export::{neutralise, ExportKind, Pseudonyms, SMALL_COUNT};
use crate::domain::queue::QueueFilter;
use crate::domain::{SuggestionKind, SuggestionStatus};
use crate::models::moderation::{self, Resolved};
use crate::models::{audit, export as data};

const CHUNK: i64 = 1000;

/// A column of an export: name, type, meaning.
pub type Column = (&'static str, &'static str, &'static str);

/// The columns of each export and what they mean: the contract analysts rely on. The
/// page `/analytics/dictionary` shows it, and `docs/data-dictionary.md` is generated
/// from it (a test keeps them equal; `kenes data-dictionary` prints it).
pub const DICTIONARY: &[(&str, &[Column])] = &[
    ("suggestions", &[
        ("tracking_number", "text", "The suggestion's receipt number, e.g. KZ-7F3K-9QX2; unique."),
        ("consultation", "text", "Short name of the consultation."),
        ("version", "integer", "Version of the draft the suggestion was made on."),
        ("chapter", "text", "Heading of the chapter (section) containing the clause; empty if the document has none."),
        ("article", "text", "Article number as printed."),
        ("clause", "text", "Clause reference, article.clause (e.g. 12.3)."),
        ("clause_excerpt", "text", "The first 200 characters of the clause's text in that version."),
        ("kind", "text", "amend, delete, add or comment."),
        ("body", "text", "The citizen's explanation, as submitted (line breaks kept)."),
        ("proposed_text", "text", "For amend and add: the wording proposed; otherwise empty."),
        ("status", "text", "pending, published, rejected, under_review, accepted, partly_accepted, not_accepted, duplicate, hidden or withdrawn."),
        ("reason_code", "text", "For rejected or hidden: off_topic, spam, abusive, personal_data, unclear or other."),
        ("official_response", "text", "The drafting commission's published response, if any."),
        ("upvotes", "integer", "Distinct citizens supporting it (for a suggestion others were merged into: over the whole group)."),
        ("duplicate_of", "text", "For duplicates: the tracking number of the suggestion it was merged into."),
        ("cluster_id", "integer", "Near-duplicate group (the id of its first member); empty when alone."),
        ("cluster_size", "integer", "How many suggestions are in its near-duplicate group (1 when alone)."),
        ("tags", "text", "Moderators' tags, separated by \"; \"."),
        ("created_at", "time", "When it was submitted (ISO 8601, UTC)."),
        ("decided_at", "time", "When the last moderation decision was taken; empty if none."),
        ("author", "text", "Pseudonym of the author, stable within this file only (never a name or email)."),
        ("author_region", "text", "The author's region code as they gave it; empty if not given."),
    ]),
    ("upvotes", &[
        ("tracking_number", "text", "The suggestion supported."),
        ("voter", "text", "Pseudonym of the citizen, stable within this file only."),
        ("voter_region", "text", "The citizen's region code; empty if not given."),
        ("created_at", "time", "When the upvote was given (ISO 8601, UTC)."),
    ]),
    ("clauses", &[
        ("consultation", "text", "Short name of the consultation."),
        ("clause", "text", "Clause reference (as in the version of its first suggestion)."),
        ("suggestions", "integer", "Suggestions on the clause matching the filter."),
        ("amend, delete, add, comment", "integer", "Of those, how many of each kind."),
        ("pending … withdrawn", "integer", "Of those, how many in each status (one column per status)."),
        ("upvotes", "integer", "Sum of their upvotes."),
        ("distinct_authors", "integer", "How many different citizens wrote them."),
    ]),
    ("moderation-log", &[
        ("log_id", "integer", "The log row's number; rows are never changed or removed."),
        ("created_at", "time", "When (ISO 8601, UTC)."),
        ("tracking_number", "text", "The suggestion concerned."),
        ("action", "text", "publish, reject, review, respond, merge, hide, flags_cleared, flags_upheld, auto_hide, assign, tag, untag or note."),
        ("from_status", "text", "Status (or assignee, tag) before."),
        ("to_status", "text", "Status (or assignee, tag) after."),
        ("reason", "text", "Reason code and text, the official response, or the canonical suggestion of a merge."),
        ("moderator", "text", "Pseudonym of the moderator, stable within this file only; empty for automatic actions."),
    ]),
    ("regions", &[
        ("region", "text", "Region code, or unknown."),
        ("participants", "integer", "Different citizens who wrote the suggestions matching the filter; withheld (empty) under 5."),
        ("suggestions", "integer", "Their suggestions; withheld under 5, or when participants are."),
        ("upvotes_received", "integer", "Upvotes those suggestions received; withheld under 5, or when participants are."),
        ("suppressed", "boolean", "true when any count on the row was withheld."),
    ]),
];

/// The dictionary as Markdown (what `docs/data-dictionary.md` holds).
pub fn dictionary_markdown() -> String {
    let mut out = String::from(
        "# Data dictionary\n\nThe columns of Kenes' CSV exports (`/analytics` and `kenes export`). \
         Files are RFC 4180 CSV in UTF-8 with one header row and CRLF line ends; times are \
         ISO 8601 in UTC; an \"Excel\" file starts with a byte-order mark. Text cells that \
         a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage \
         return, or their full-width forms) start with an apostrophe. Generated from \
         `src/export.rs`.\n",
    );
    for (kind, columns) in DICTIONARY {
        out.push_str(&format!(
            "\n## {kind}\n\n| column | type | meaning |\n| --- | --- | --- |\n"
        ));
        for (name, kind, meaning) in *columns {
            out.push_str(&format!("| `{name}` | {kind} | {meaning} |\n"));
        }
    }
    out
}
/// The clause text excerpt in the suggestions export.
const EXCERPT_CHARS: usize = 200;

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub kind: ExportKind,
    pub filter: QueueFilter,
    /// Start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8.
    pub excel: bool,
}

/// What was exported, as recorded in the audit log.
#[derive(Debug, Clone)]
pub struct ExportReport {
    pub rows: u64,
    pub sha256: String,
    pub bytes: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("the receiver went away")]
    Disconnected,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Csv(#[from] csv::Error),
}

fn iso(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn text(value: &str) -> String {
    neutralise(value).into_owned()
}

#[derive(Serialize)]
struct SuggestionRow {
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
}

#[derive(Serialize)]
struct UpvoteRow {
    tracking_number: String,
    voter: String,
    voter_region: String,
    created_at: String,
}

#[derive(Serialize)]
struct LogRow {
    log_id: i64,
    created_at: String,
    tracking_number: String,
    action: String,
    from_status: String,
    to_status: String,
    reason: String,
    moderator: String,
}

#[derive(Serialize)]
struct ClauseRow {
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

#[derive(Serialize)]
struct RegionRow {
    region: String,
    participants: Option<i64>,
    suggestions: Option<i64>,
    upvotes_received: Option<i64>,
    suppressed: bool,
}

/// A buffer the CSV writer fills and the output drains after each chunk.
#[derive(Clone, Default)]
struct Buffer(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Writes CSV to the sink as chunks fill, hashing every byte.
struct Output<'a> {
    csv: csv::Writer<Buffer>,
    buffer: Buffer,
    sink: &'a mut dyn FnMut(Vec<u8>) -> bool,
    hash: Sha256,
    rows: u64,
    bytes: u64,
}

impl<'a> Output<'a> {
    fn new(sink: &'a mut dyn FnMut(Vec<u8>) -> bool, excel: bool) -> Result<Self, ExportError> {
        let buffer = Buffer::default();
        let mut out = Self {
            csv: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(buffer.clone()),
            buffer,
            sink,
            hash: Sha256::new(),
            rows: 0,
            bytes: 0,
        };
        if excel {
            out.send(b"\xEF\xBB\xBF".to_vec())?;
        }
        Ok(out)
    }

    fn send(&mut self, bytes: Vec<u8>) -> Result<(), ExportError> {
        if bytes.is_empty() {
            return Ok(());
        }
        self.hash.update(&bytes);
        self.bytes += bytes.len() as u64;
        if (self.sink)(bytes) {
            Ok(())
        } else {
            Err(ExportError::Disconnected)
        }
    }

    fn row<T: Serialize>(&mut self, row: &T) -> Result<(), ExportError> {
        self.csv.serialize(row)?;
        self.rows += 1;
        Ok(())
    }

    /// Hand what is buffered to the sink (after each chunk).
    fn flush(&mut self) -> Result<(), ExportError> {
        self.csv.flush().map_err(csv::Error::from)?;
        let bytes = std::mem::take(&mut *self.buffer.0.borrow_mut());
        self.send(bytes)
    }

    /// A header for an export with no rows (serde writes it with the first row).
    fn header_only(&mut self, names: &[&str]) -> Result<(), ExportError> {
        if self.rows == 0 {
            self.csv.write_record(names)?;
        }
        Ok(())
    }

    fn finish(mut self) -> Result<(u64, String, u64), ExportError> {
        self.flush()?;
        Ok((self.rows, hex::encode(self.hash.finalize()), self.bytes))
    }
}

/// Run an export into `sink` (which returns false when the receiver has gone), inside
/// one consistent snapshot, then record it in the audit log with its row count and
/// SHA-256.
pub fn run(
    conn: &mut AnyConnection,
    request: &ExportRequest,
    actor_id: Option<i64>,
    file_name: &str,
    sink: &mut dyn FnMut(Vec<u8>) -> bool,
) -> Result<ExportReport, ExportError> {
    let (rows, sha256, bytes) = db::read_snapshot(conn, |conn| {
        let resolved = moderation::resolve(conn, &request.filter, actor_id.unwrap_or(0))?;
        let mut out = Output::new(sink, request.excel)?;
        match request.kind {
            ExportKind::Suggestions => suggestions(conn, &resolved, &mut out)?,
            ExportKind::Upvotes => upvotes(conn, &resolved, &mut out)?,
            ExportKind::ClauseStatistics => clauses(conn, &resolved, &mut out)?,
            ExportKind::ModerationLog => log(conn, &resolved, &mut out)?,
            ExportKind::Regions => regions(conn, &resolved, &mut out)?,
        }
        out.finish()
    })?;
    db::write_transaction(conn, |conn| {
        audit::record(
            conn,
            actor_id,
            "export",
            request.kind.as_str(),
            &serde_json::json!({
                "file": file_name,
                "filters": request.filter.query_string(),
                "rows": rows,
                "bytes": bytes,
                "sha256": sha256,
                "excel": request.excel,
            }),
        )
    })?;
    Ok(ExportReport {
        rows,
        sha256,
        bytes,
    })
}

/// Every matching suggestion, a chunk at a time.
fn each_chunk(
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
fn learn_places(
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
            })?;
        }
        out.flush()
    })?;
    out.header_only(&[
        "tracking_number",
        "consultation",
        "version",
        "chapter",
        "article",
        "clause",
        "clause_excerpt",
        "kind",
        "body",
        "proposed_text",
        "status",
        "reason_code",
        "official_response",
        "upvotes",
        "duplicate_of",
        "cluster_id",
        "cluster_size",
        "tags",
        "created_at",
        "decided_at",
        "author",
        "author_region",
    ])
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
    out.header_only(&["tracking_number", "voter", "voter_region", "created_at"])
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
    out.header_only(&[
        "log_id",
        "created_at",
        "tracking_number",
        "action",
        "from_status",
        "to_status",
        "reason",
        "moderator",
    ])
}

#[derive(Default)]
struct ClauseTally {
    by_kind: HashMap<SuggestionKind, i64>,
    by_status: HashMap<SuggestionStatus, i64>,
    upvotes: i64,
    authors: HashSet<i64>,
    total: i64,
}

fn clauses(
    conn: &mut AnyConnection,
    resolved: &Resolved,
    out: &mut Output<'_>,
) -> Result<(), ExportError> {
    // Keyed by (consultation, clause reference as last seen), in document order of
    // first appearance.
    let slugs = data::consultation_slugs(conn)?;
    let mut tallies: Vec<((String, String), ClauseTally)> = Vec::new();
    let mut index: HashMap<(i64, String), usize> = HashMap::new();
    let mut places: HashMap<i64, data::Place> = HashMap::new();
    each_chunk(conn, resolved, |conn, chunk| {
        learn_places(conn, chunk, &mut places)?;
        for s in chunk {
            let key = (s.consultation_id, s.clause_lineage.clone());
            let at = *index.entry(key).or_insert_with(|| {
                tallies.push((
                    (
                        slugs.get(&s.consultation_id).cloned().unwrap_or_default(),
                        places
                            .get(&s.clause_id)
                            .map(|p| p.reference.clone())
                            .unwrap_or_default(),
                    ),
                    ClauseTally::default(),
                ));
                tallies.len() - 1
            });
            let tally = &mut tallies[at].1;
            *tally.by_kind.entry(s.kind()).or_default() += 1;
            *tally.by_status.entry(s.status()).or_default() += 1;
            tally.upvotes += i64::from(s.upvotes);
            tally.authors.insert(s.author_id);
            tally.total += 1;
        }
        Ok(())
    })?;
    tallies.sort_by(|a, b| a.0.cmp(&b.0));
    for ((consultation, clause), t) in tallies {
        let kind = |k| t.by_kind.get(&k).copied().unwrap_or(0);
        let status = |s| t.by_status.get(&s).copied().unwrap_or(0);
        out.row(&ClauseRow {
            consultation,
            clause: text(&clause),
            suggestions: t.total,
            amend: kind(SuggestionKind::Amend),
            delete: kind(SuggestionKind::Delete),
            add: kind(SuggestionKind::Add),
            comment: kind(SuggestionKind::Comment),
            pending: status(SuggestionStatus::Pending),
            published: status(SuggestionStatus::Published),
            rejected: status(SuggestionStatus::Rejected),
            under_review: status(SuggestionStatus::UnderReview),
            accepted: status(SuggestionStatus::Accepted),
            partly_accepted: status(SuggestionStatus::PartlyAccepted),
            not_accepted: status(SuggestionStatus::NotAccepted),
            duplicate: status(SuggestionStatus::Duplicate),
            hidden: status(SuggestionStatus::Hidden),
            withdrawn: status(SuggestionStatus::Withdrawn),
            upvotes: t.upvotes,
            distinct_authors: i64::try_from(t.authors.len()).unwrap_or(i64::MAX),
        })?;
    }
    out.header_only(&[
        "consultation",
        "clause",
        "suggestions",
        "amend",
        "delete",
        "add",
        "comment",
        "pending",
        "published",
        "rejected",
        "under_review",
        "accepted",
        "partly_accepted",
        "not_accepted",
        "duplicate",
        "hidden",
        "withdrawn",
        "upvotes",
        "distinct_authors",
    ])
}

fn regions(
    conn: &mut AnyConnection,
    resolved: &Resolved,
    out: &mut Output<'_>,
) -> Result<(), ExportError> {
    #[derive(Default)]
    struct Tally {
        authors: HashSet<i64>,
        suggestions: i64,
        upvotes: i64,
    }
    let mut by_region: HashMap<String, Tally> = HashMap::new();
    each_chunk(conn, resolved, |conn, chunk| {
        let authors: Vec<i64> = chunk.iter().map(|s| s.author_id).collect();
        let regions = data::regions(conn, &authors)?;
        for s in chunk {
            let region = regions.get(&s.author_id).cloned().unwrap_or_default();
            let tally = by_region.entry(region).or_default();
            tally.authors.insert(s.author_id);
            tally.suggestions += 1;
            tally.upvotes += i64::from(s.upvotes);
        }
        Ok(())
    })?;
    let mut rows: Vec<(String, Tally)> = by_region.into_iter().collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    for (region, t) in rows {
        let participants = i64::try_from(t.authors.len()).unwrap_or(i64::MAX);
        // Fewer than SMALL_COUNT people could be recognised: withhold the whole row's
        // numbers, and any other count under the threshold.
        let shown =
            |n: i64| (participants >= SMALL_COUNT && !(1..SMALL_COUNT).contains(&n)).then_some(n);
        out.row(&RegionRow {
            region: if region.is_empty() {
                "unknown".to_owned()
            } else {
                region
            },
            participants: shown(participants),
            suggestions: shown(t.suggestions),
            upvotes_received: shown(t.upvotes),
            suppressed: participants < SMALL_COUNT
                || (1..SMALL_COUNT).contains(&t.suggestions)
                || (1..SMALL_COUNT).contains(&t.upvotes),
        })?;
    }
    out.header_only(&[
        "region",
        "participants",
        "suggestions",
        "upvotes_received",
        "suppressed",
    ])
}

// ---------------------------------------------------------------- open data

/// The public files: what the public can already read, without any personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenData {
    Suggestions,
    Clauses,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

#[derive(Serialize)]
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
}

#[derive(Serialize)]
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

/// CSV (spreadsheet-safe) or a JSON array, one record at a time.
enum Records<'a> {
    Csv(Output<'a>),
    Json { out: Output<'a>, first: bool },
}

impl<'a> Records<'a> {
    fn new(format: Format, sink: &'a mut dyn FnMut(Vec<u8>) -> bool) -> Result<Self, ExportError> {
        let out = Output::new(sink, false)?;
        Ok(match format {
            Format::Csv => Self::Csv(out),
            Format::Json => Self::Json { out, first: true },
        })
    }

    fn push<T: Serialize>(&mut self, row: &T) -> Result<(), ExportError> {
        match self {
            Self::Csv(out) => out.row(row),
            Self::Json { out, first } => {
                let mut bytes = if *first {
                    b"[\n".to_vec()
                } else {
                    b",\n".to_vec()
                };
                *first = false;
                serde_json::to_writer(&mut bytes, row)
                    .map_err(|e| csv::Error::from(std::io::Error::other(e)))?;
                out.rows += 1;
                out.send(bytes)
            }
        }
    }

    fn flush(&mut self) -> Result<(), ExportError> {
        match self {
            Self::Csv(out) => out.flush(),
            Self::Json { .. } => Ok(()),
        }
    }

    fn finish(self, header: &[&str]) -> Result<u64, ExportError> {
        match self {
            Self::Csv(mut out) => {
                out.header_only(header)?;
                Ok(out.finish()?.0)
            }
            Self::Json { mut out, first } => {
                out.send(if first {
                    b"[]\n".to_vec()
                } else {
                    b"\n]\n".to_vec()
                })?;
                Ok(out.finish()?.0)
            }
        }
    }
}

/// Write an open-data file: public suggestions (or per-clause counts of them) of one
/// consultation or all, in one snapshot. Text in CSV is neutralised like any export.
pub fn open_data(
    conn: &mut AnyConnection,
    which: OpenData,
    format: Format,
    consultation: Option<crate::domain::Slug>,
    sink: &mut dyn FnMut(Vec<u8>) -> bool,
) -> Result<u64, ExportError> {
    let filter = QueueFilter {
        consultation,
        public_only: true,
        ..QueueFilter::default()
    };
    let csv_text = |value: &str| match format {
        Format::Csv => text(value),
        Format::Json => value.to_owned(),
    };
    db::read_snapshot(conn, |conn| {
        let resolved = moderation::resolve(conn, &filter, 0)?;
        let slugs = data::consultation_slugs(conn)?;
        let mut records = Records::new(format, sink)?;
        let mut places: HashMap<i64, data::Place> = HashMap::new();
        let mut clauses: Vec<((String, String), [i64; 6])> = Vec::new();
        let mut index: HashMap<(i64, String), usize> = HashMap::new();
        each_chunk(conn, &resolved, |conn, chunk| {
            learn_places(conn, chunk, &mut places)?;
            for s in chunk {
                let consultation = slugs.get(&s.consultation_id).cloned().unwrap_or_default();
                let clause = places
                    .get(&s.clause_id)
                    .map(|p| p.reference.clone())
                    .unwrap_or_default();
                match which {
                    OpenData::Suggestions => records.push(&OpenSuggestion {
                        tracking_number: s.tracking_number.clone(),
                        consultation,
                        clause: csv_text(&clause),
                        kind: s.kind().as_str(),
                        body: csv_text(&s.body),
                        proposed_text: csv_text(s.proposed_text.as_deref().unwrap_or("")),
                        status: s.status().as_str(),
                        official_response: csv_text(s.official_response.as_deref().unwrap_or("")),
                        upvotes: s.upvotes,
                        created_at: iso(s.created_at),
                        decided_at: s.decided_at.map(iso).unwrap_or_default(),
                    })?,
                    OpenData::Clauses => {
                        let at = *index
                            .entry((s.consultation_id, s.clause_lineage.clone()))
                            .or_insert_with(|| {
                                clauses.push(((consultation, clause), [0; 6]));
                                clauses.len() - 1
                            });
                        let counts = &mut clauses[at].1;
                        counts[0] += 1;
                        counts[match s.kind() {
                            SuggestionKind::Amend => 1,
                            SuggestionKind::Delete => 2,
                            SuggestionKind::Add => 3,
                            SuggestionKind::Comment => 4,
                        }] += 1;
                        counts[5] += i64::from(s.upvotes);
                    }
                }
            }
            records.flush()
        })?;
        clauses.sort_by(|a, b| a.0.cmp(&b.0));
        for ((consultation, clause), c) in clauses {
            records.push(&OpenClause {
                consultation,
                clause: csv_text(&clause),
                suggestions: c[0],
                amend: c[1],
                delete: c[2],
                add: c[3],
                comment: c[4],
                upvotes: c[5],
            })?;
        }
        records.finish(match which {
            OpenData::Suggestions => &[
                "tracking_number",
                "consultation",
                "clause",
                "kind",
                "body",
                "proposed_text",
                "status",
                "official_response",
                "upvotes",
                "created_at",
                "decided_at",
            ],
            OpenData::Clauses => &[
                "consultation",
                "clause",
                "suggestions",
                "amend",
                "delete",
                "add",
                "comment",
                "upvotes",
            ],
        })
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_documented_dictionary_is_the_one_in_the_code() {
        let documented = include_str!("../docs/data-dictionary.md");
        assert_eq!(
            documented,
            super::dictionary_markdown(),
            "regenerate it: cargo run -- data-dictionary > docs/data-dictionary.md"
        );
    }
}
