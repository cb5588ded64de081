//! Importing public comments in the Polis export format (`comments.csv`, and optionally
//! `votes.csv`) as suggestions on one clause. This is also how a ministry loads
//! submissions received on paper or by email.
//!
//! * `comments.csv`: `timestamp` (epoch ms), `comment-id`, `author-id`, `moderated`
//!   (1 published, 0 pending, -1 rejected), `comment-body`; other columns are ignored.
//! * `votes.csv`: `timestamp`, `comment-id`, `voter-id`, `vote` (1 agree, -1 disagree,
//!   0 pass). One vote per voter and comment counts, the latest; agree is an upvote.
//!
//! Every author and voter id becomes an imported citizen account that cannot sign in.
//! The files are read as streams, row by row, and every row is checked before anything
//! is written: bad rows are reported with their line numbers (the first
//! [`MAX_LISTED_BAD_ROWS`] and the total), and nothing is kept unless `skip_bad_rows` is
//! set, in which case the good rows are imported and the bad ones listed. Importing the
//! same file again adds nothing (each comment's id is its idempotency key).
//!
//! Each comment is stored through the same function as a suggestion made on the site
//! (tracking number, similarity signature, idempotency), one short statement per row,
//! so no statement comes near a backend's bind-parameter limit; the recount after the
//! votes goes in chunks of [`RECOUNT_CHUNK`] ids.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{self, Read};

use chrono::{DateTime, NaiveDateTime};
use unicode_segmentation::UnicodeSegmentation;

use super::parser::{control_character, control_message, ImportError};
use crate::db::{self, AnyConnection};
use crate::domain::{ClauseRef, DisplayName, Email, Role, Slug, SuggestionKind, SuggestionStatus};
use crate::i18n::{Lang, Message};
use crate::models::suggestion::{self, NewSuggestion};
use crate::models::{reading, user};

/// How many bad rows are listed in a message; the rest are only counted. A million bad
/// rows once made a 62 MB error message.
pub const MAX_LISTED_BAD_ROWS: usize = 100;

/// The longest row accepted, in bytes. A comment has at most 5,000 characters (at most
/// 20 KB of UTF-8); a longer row is a broken file, for example a quote that is never
/// closed, and the `csv` crate would hold all of it in memory.
pub const MAX_ROW_BYTES: usize = 1 << 20;

/// Suggestions whose counts are recomputed by one statement after the votes.
pub const RECOUNT_CHUNK: usize = 500;

/// A CSV file to read: its name (for messages) and its bytes as a stream.
pub struct CsvInput<'a> {
    pub name: &'a str,
    pub reader: Box<dyn Read + 'a>,
}

impl<'a> CsvInput<'a> {
    pub fn new(name: &'a str, reader: impl Read + 'a) -> Self {
        Self {
            name,
            reader: Box::new(reader),
        }
    }
}

/// What to import and where.
pub struct CommentsRequest<'a> {
    pub consultation: &'a Slug,
    pub clause: &'a ClauseRef,
    /// Names the conversation: participant ids and comment ids are only unique within
    /// one, so accounts and idempotency keys are namespaced by it.
    pub source: &'a str,
    pub comments: CsvInput<'a>,
    pub votes: Option<CsvInput<'a>>,
    pub skip_bad_rows: bool,
}

/// Bad rows, each with its file and line: the first [`MAX_LISTED_BAD_ROWS`] and how
/// many in all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BadRows {
    pub listed: Vec<ImportError>,
    pub total: usize,
}

impl BadRows {
    pub fn push(&mut self, problem: ImportError) {
        self.total += 1;
        if self.listed.len() < MAX_LISTED_BAD_ROWS {
            self.listed.push(problem);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Rows counted but not listed.
    pub fn unlisted(&self) -> usize {
        self.total - self.listed.len()
    }
}

impl BadRows {
    /// One line per listed row, then how many more there are, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut lines: Vec<String> = self.listed.iter().map(|e| e.render(lang)).collect();
        if self.unlisted() > 0 {
            lines.push(
                Message::new("import-comments-more-bad-rows")
                    .number("count", self.unlisted())
                    .number("max", MAX_LISTED_BAD_ROWS)
                    .render(lang),
            );
        }
        lines.join("\n")
    }
}

impl fmt::Display for BadRows {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CommentsSummary {
    pub suggestions: usize,
    pub published: usize,
    pub pending: usize,
    pub rejected: usize,
    pub already_imported: usize,
    pub accounts: usize,
    pub upvotes: usize,
    /// Rows skipped with `skip_bad_rows`.
    pub skipped: BadRows,
}

/// Why an import of comments failed. As with [`super::ImportFailure`], each message is
/// printed once: a variant shows its cause in its text or leaves it to `source()`.
#[derive(Debug, thiserror::Error)]
pub enum CommentsFailure {
    #[error("{0}")]
    Target(Message),
    /// The file as a whole: too large, unreadable, or without the needed columns.
    #[error(transparent)]
    File(#[from] ImportError),
    #[error("{}", render_bad_rows(.0, Lang::En))]
    BadRows(BadRows),
    #[error("database error while importing")]
    Database(#[from] diesel::result::Error),
}

impl CommentsFailure {
    /// The message for the person who asked, in their language, when the failure is
    /// theirs to fix (a database error is not).
    pub fn render(&self, lang: Lang) -> Option<String> {
        match self {
            Self::Target(message) => Some(message.render(lang)),
            Self::File(error) => Some(error.render(lang)),
            Self::BadRows(bad) => Some(render_bad_rows(bad, lang)),
            Self::Database(_) => None,
        }
    }
}

/// How many rows are bad and that nothing was imported, then the rows.
fn render_bad_rows(bad: &BadRows, lang: Lang) -> String {
    let head = Message::new("import-comments-bad-rows")
        .number("count", bad.total)
        .render(lang);
    format!("{head}\n{}", bad.render(lang))
}

/// A comment row that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub id: i64,
    pub author: i64,
    pub created_at: NaiveDateTime,
    pub status: SuggestionStatus,
    pub body: String,
}

/// An agreeing vote: (comment id, voter id, when).
pub type Agree = (i64, i64, NaiveDateTime);

fn time_from_millis(ms: i64) -> Option<NaiveDateTime> {
    DateTime::from_timestamp_millis(ms).map(|t| t.naive_utc().with_nanosecond_zero())
}

trait WithoutNanos {
    fn with_nanosecond_zero(self) -> Self;
}

impl WithoutNanos for NaiveDateTime {
    fn with_nanosecond_zero(self) -> Self {
        chrono::Timelike::with_nanosecond(&self, 0).unwrap_or(self)
    }
}

/// Where a CSV byte stream stands, as the `csv` crate's default dialect reads it
/// (`"` quotes, `""` inside quotes, `,` between fields, CR or LF between records).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum QuoteState {
    FieldStart,
    Unquoted,
    Quoted,
    /// A `"` inside a quoted field: the end of the field, or the first of `""`.
    QuoteInQuoted,
}

/// Passes bytes through and follows the quoting, because the `csv` crate ends a record
/// silently at the end of input inside an open quote: a last row with a missing `"`
/// would otherwise import, with every line after the quote in one field. It also stops
/// a row longer than [`MAX_ROW_BYTES`], so that memory stays bounded by the row, not by
/// the file.
struct QuoteTracker<R> {
    inner: R,
    name: String,
    state: QuoteState,
    line: u64,
    opened_on: u64,
    row_started_on: u64,
    row_bytes: usize,
}

impl<R> QuoteTracker<R> {
    fn new(inner: R, name: &str) -> Self {
        Self {
            inner,
            name: name.to_owned(),
            state: QuoteState::FieldStart,
            line: 1,
            opened_on: 0,
            row_started_on: 1,
            row_bytes: 0,
        }
    }

    /// The line of a quote still open at the end of the input, if any.
    fn open_quote(&self) -> Option<u64> {
        (self.state == QuoteState::Quoted).then_some(self.opened_on)
    }
}

impl<R: Read> Read for QuoteTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in buf.get(..n).unwrap_or_default() {
            use QuoteState::*;
            self.state = match (self.state, b) {
                (FieldStart, b'"') => {
                    self.opened_on = self.line;
                    Quoted
                }
                (FieldStart | Unquoted | QuoteInQuoted, b',' | b'\n' | b'\r') => FieldStart,
                (FieldStart | Unquoted, _) => Unquoted,
                (Quoted, b'"') => QuoteInQuoted,
                (Quoted, _) => Quoted,
                (QuoteInQuoted, b'"') => Quoted,
                (QuoteInQuoted, _) => Unquoted,
            };
            if b == b'\n' {
                self.line += 1;
            }
            let row_ended = matches!(b, b'\n' | b'\r') && self.state == FieldStart;
            if row_ended {
                self.row_bytes = 0;
                self.row_started_on = self.line;
            } else {
                self.row_bytes += 1;
                if self.row_bytes > MAX_ROW_BYTES {
                    let line = usize::try_from(self.row_started_on).unwrap_or(usize::MAX);
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        ImportError::new(
                            &self.name,
                            line,
                            Message::new("import-comments-row-too-long")
                                .number("max", MAX_ROW_BYTES),
                        ),
                    ));
                }
            }
        }
        Ok(n)
    }
}

/// Read `input` record by record: check the header has `required` columns (by name, so
/// their order does not matter), then call `row` with each record's line and the
/// required fields in the order asked. CSV syntax errors are bad rows; a read error
/// (the size limit, a broken disk) ends the import. A record is handed on only once the
/// next one has been read, so that the last one can be refused if it ends inside a quote.
fn each_row<const N: usize>(
    input: CsvInput<'_>,
    required: [&str; N],
    bad: &mut BadRows,
    mut row: impl FnMut(u64, [&str; N], &mut BadRows),
) -> Result<(), CommentsFailure> {
    let name = input.name;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(QuoteTracker::new(input.reader, name));
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        // A header that cannot be read leaves nothing to check the rows against.
        Err(e) => return Err(row_error(name, &e)?.into()),
    };
    let mut columns = [0usize; N];
    let mut missing = Vec::new();
    for (slot, wanted) in columns.iter_mut().zip(required) {
        match headers.iter().position(|h| h.trim() == wanted) {
            Some(i) => *slot = i,
            None => missing.push(format!("`{wanted}`")),
        }
    }
    if !missing.is_empty() {
        let found = headers
            .iter()
            .map(|h| format!("`{h}`"))
            .collect::<Vec<_>>()
            .join(", ");
        return Err(ImportError::new(
            name,
            1,
            Message::new("import-comments-missing-columns")
                .text("missing", missing.join(", "))
                .text("found", found),
        )
        .into());
    }
    let mut handle = |record: &csv::StringRecord, bad: &mut BadRows| {
        let line = record.position().map_or(0, csv::Position::line);
        let fields = columns.map(|i| record.get(i).unwrap_or(""));
        row(line, fields, bad);
    };
    let mut pending: Option<csv::StringRecord> = None;
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                if let Some(previous) = pending.replace(record.clone()) {
                    handle(&previous, bad);
                }
            }
            Ok(false) => break,
            // The rows after a broken one are read as usual.
            Err(e) => bad.push(row_error(name, &e)?),
        }
    }
    match (reader.get_ref().open_quote(), pending) {
        (Some(opened), last) => {
            let line = last
                .as_ref()
                .and_then(csv::StringRecord::position)
                .map_or(opened, csv::Position::line);
            bad.push(ImportError::new(
                name,
                usize::try_from(line).unwrap_or(usize::MAX),
                Message::new("import-comments-open-quote").number("opened", opened),
            ));
        }
        (None, Some(last)) => handle(&last, bad),
        (None, None) => {}
    }
    Ok(())
}

/// A read error of the stream is fatal (`Err`); a CSV syntax error is a bad row, turned
/// into its `file:line` message (`Ok`).
fn row_error(name: &str, e: &csv::Error) -> Result<ImportError, CommentsFailure> {
    let line = e
        .position()
        .map_or(0, |p| usize::try_from(p.line()).unwrap_or(usize::MAX));
    let message = match e.kind() {
        // The readers below (size limit, row length) say what went wrong, and where.
        csv::ErrorKind::Io(io) => {
            let known = io.get_ref().and_then(|e| e.downcast_ref::<ImportError>());
            return Err(known
                .cloned()
                .unwrap_or_else(|| {
                    ImportError::new(name, 0, super::limits::cannot("import-cannot-read", io))
                })
                .into());
        }
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Message::new("import-comments-field-count")
            .number("expected", *expected_len)
            .number("found", *len),
        csv::ErrorKind::Utf8 { .. } => Message::new("import-comments-not-utf8"),
        _ => Message::new("import-comments-bad-csv").text("error", e),
    };
    Ok(ImportError::new(name, line, message))
}

/// The problem with a text field, if any: a control character other than the line
/// breaks and tabs a multi-line comment may hold (NUL would fail on PostgreSQL and be
/// cut off on SQLite).
fn text_problem(column: &str, value: &str) -> Option<Message> {
    control_character(value, &['\t', '\n', '\r']).map(|(at, c)| {
        Message::new("import-comments-in-column")
            .text("column", column)
            .message("problem", control_message(at, c))
    })
}

/// Read and check every row of a Polis `comments.csv`. Good rows come back; bad ones are
/// added to `bad` with their lines.
pub fn read_comments(
    input: CsvInput<'_>,
    bad: &mut BadRows,
) -> Result<Vec<Comment>, CommentsFailure> {
    let name = input.name;
    let mut comments: Vec<Comment> = Vec::new();
    let mut seen: HashMap<i64, u64> = HashMap::new();
    each_row(
        input,
        [
            "timestamp",
            "comment-id",
            "author-id",
            "moderated",
            "comment-body",
        ],
        bad,
        |line, [time, id, author, moderated, body], bad| {
            let at = usize::try_from(line).unwrap_or(usize::MAX);
            let problem = |what: Message| ImportError::new(name, at, what);
            let Some(created_at) = time.trim().parse::<i64>().ok().and_then(time_from_millis)
            else {
                return bad.push(problem(Message::new("import-comments-bad-timestamp")));
            };
            let Ok(id) = id.trim().parse::<i64>() else {
                return bad.push(problem(Message::new("import-comments-bad-comment-id")));
            };
            let Ok(author) = author.trim().parse::<i64>() else {
                return bad.push(problem(Message::new("import-comments-bad-author-id")));
            };
            let status = match moderated.trim() {
                "1" => SuggestionStatus::Published,
                "0" => SuggestionStatus::Pending,
                "-1" => SuggestionStatus::Rejected,
                _ => return bad.push(problem(Message::new("import-comments-bad-moderated"))),
            };
            if let Some(text) = text_problem("comment-body", body) {
                return bad.push(problem(text));
            }
            let body = body.trim();
            let length = body.graphemes(true).count();
            if length == 0 || length > 5000 {
                return bad.push(problem(Message::new("import-comments-bad-body")));
            }
            match seen.entry(id) {
                Entry::Occupied(first) => {
                    return bad.push(problem(
                        Message::new("import-comments-duplicate-id")
                            .text("id", id)
                            .number("first", *first.get()),
                    ));
                }
                Entry::Vacant(slot) => {
                    slot.insert(line);
                }
            }
            comments.push(Comment {
                id,
                author,
                created_at,
                status,
                body: body.to_owned(),
            });
        },
    )?;
    Ok(comments)
}

/// Read and check a Polis `votes.csv`: the latest vote of each (comment, voter), and of
/// those the agreeing ones with their time, sorted. Votes on comments not in `known`
/// are bad rows.
pub fn read_votes(
    input: CsvInput<'_>,
    known: &HashSet<i64>,
    bad: &mut BadRows,
) -> Result<Vec<Agree>, CommentsFailure> {
    let name = input.name;
    let mut latest: HashMap<(i64, i64), (i64, i8)> = HashMap::new();
    each_row(
        input,
        ["timestamp", "comment-id", "voter-id", "vote"],
        bad,
        |line, [time, comment, voter, vote], bad| {
            let parsed = (
                time.trim().parse::<i64>(),
                comment.trim().parse::<i64>(),
                voter.trim().parse::<i64>(),
                vote.trim().parse::<i8>(),
            );
            let at = usize::try_from(line).unwrap_or(usize::MAX);
            let problem = |what: Message| ImportError::new(name, at, what);
            let (Ok(time), Ok(comment), Ok(voter), Ok(vote)) = parsed else {
                return bad.push(problem(Message::new("import-votes-bad-numbers")));
            };
            if !(-1..=1).contains(&vote) {
                return bad.push(problem(Message::new("import-votes-bad-vote")));
            }
            if time_from_millis(time).is_none() {
                return bad.push(problem(Message::new("import-comments-bad-timestamp")));
            }
            if !known.contains(&comment) {
                return bad.push(problem(
                    Message::new("import-votes-unknown-comment").text("id", comment),
                ));
            }
            let entry = latest.entry((comment, voter)).or_insert((time, vote));
            if time >= entry.0 {
                *entry = (time, vote);
            }
        },
    )?;
    let mut agree: Vec<Agree> = latest
        .into_iter()
        .filter(|(_, (_, vote))| *vote == 1)
        .filter_map(|((comment, voter), (time, _))| Some((comment, voter, time_from_millis(time)?)))
        .collect();
    agree.sort_unstable();
    Ok(agree)
}

/// A source name fit for an email domain label: lower-case letters, digits, hyphens.
pub fn source_name(raw: &str) -> String {
    let cleaned: String = raw
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let trimmed = cleaned.trim_matches('-');
    let short: String = trimmed.chars().take(48).collect();
    if short.is_empty() {
        "import".to_owned()
    } else {
        short.trim_end_matches('-').to_owned()
    }
}

/// The imported account for a participant id, created if needed.
fn participant(
    conn: &mut AnyConnection,
    slug: &Slug,
    source: &str,
    id: i64,
    cache: &mut HashMap<i64, i64>,
    created: &mut usize,
) -> Result<i64, CommentsFailure> {
    if let Some(user_id) = cache.get(&id) {
        return Ok(*user_id);
    }
    let email = Email::parse(&format!("participant-{id}@{source}.{slug}.import.invalid")).map_err(
        |_| CommentsFailure::Target(Message::new("import-comments-no-account").text("id", id)),
    )?;
    let user_id = match user::find_by_email(conn, &email)? {
        Some(existing) => existing.id,
        None => {
            let name = DisplayName::parse(&format!("Participant {id}")).map_err(|_| {
                CommentsFailure::Target(Message::new("import-comments-no-name").text("id", id))
            })?;
            *created += 1;
            // An empty password hash: imported accounts cannot sign in.
            user::create(
                conn,
                &user::Registration {
                    lang: None,
                    email: &email,
                    display_name: &name,
                    password_hash: "",
                    region: None,
                    role: Role::Citizen,
                    confirmed: false,
                },
            )?
            .id
        }
    };
    cache.insert(id, user_id);
    Ok(user_id)
}

pub fn import_comments(
    conn: &mut AnyConnection,
    request: CommentsRequest<'_>,
) -> Result<CommentsSummary, CommentsFailure> {
    let CommentsRequest {
        consultation: slug,
        clause,
        source,
        comments,
        votes,
        skip_bad_rows,
    } = request;
    let target = reading::clause(conn, slug, clause, None)?.ok_or_else(|| {
        CommentsFailure::Target(
            Message::new("import-comments-no-clause")
                .text("reference", clause)
                .text("consultation", slug),
        )
    })?;
    if !target.is_current {
        return Err(CommentsFailure::Target(
            Message::new("import-comments-not-current")
                .text("reference", clause)
                .text("consultation", slug),
        ));
    }
    let mut bad = BadRows::default();
    let comments = read_comments(comments, &mut bad)?;
    let known: HashSet<i64> = comments.iter().map(|c| c.id).collect();
    let votes = match votes {
        Some(input) => read_votes(input, &known, &mut bad)?,
        None => Vec::new(),
    };
    if !bad.is_empty() && !skip_bad_rows {
        return Err(CommentsFailure::BadRows(bad));
    }
    let mut summary = CommentsSummary {
        skipped: bad,
        ..CommentsSummary::default()
    };
    let source = source_name(source);
    let (consultation_id, clause_id, lineage) = (
        target.consultation.id,
        target.clause.id,
        target.clause.lineage.clone(),
    );
    db::write_transaction(conn, |conn| {
        let mut accounts = HashMap::new();
        let mut suggestion_ids = HashMap::new();
        for comment in &comments {
            let author_id = participant(
                conn,
                slug,
                &source,
                comment.author,
                &mut accounts,
                &mut summary.accounts,
            )?;
            let (created, is_new) = suggestion::create(
                conn,
                &NewSuggestion {
                    consultation_id,
                    clause_id,
                    clause_lineage: &lineage,
                    author_id,
                    kind: SuggestionKind::Comment,
                    body: &comment.body,
                    proposed_text: None,
                    status: comment.status,
                    idempotency_key: &format!("import:{source}:{}", comment.id),
                    // Polis comments carry no language: the draft's own.
                    lang: target.version.language,
                    created_at: Some(comment.created_at),
                },
            )?;
            if is_new {
                summary.suggestions += 1;
                match comment.status {
                    SuggestionStatus::Published => summary.published += 1,
                    SuggestionStatus::Pending => summary.pending += 1,
                    _ => summary.rejected += 1,
                }
            } else {
                summary.already_imported += 1;
            }
            suggestion_ids.insert(comment.id, created.id);
        }
        for (comment, voter, at) in &votes {
            let Some(suggestion_id) = suggestion_ids.get(comment) else {
                continue;
            };
            let voter_id = participant(
                conn,
                slug,
                &source,
                *voter,
                &mut accounts,
                &mut summary.accounts,
            )?;
            summary.upvotes += crate::models::upvote::insert_upvote(
                conn,
                crate::domain::SuggestionId(*suggestion_id),
                crate::domain::UserId(voter_id),
                *at,
            )?;
        }
        // The stored counts follow the rows, recomputed in SQL (not read into Rust and
        // written back: a vote arriving meanwhile would be lost).
        let ids: Vec<i64> = suggestion_ids.values().copied().collect();
        for chunk in ids.chunks(RECOUNT_CHUNK) {
            crate::models::upvote::recount_upvotes(conn, chunk)?;
        }
        Ok::<_, CommentsFailure>(())
    })?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(bad: &BadRows) -> Vec<String> {
        bad.listed.iter().map(ToString::to_string).collect()
    }

    const HEADER: &str = "timestamp,comment-id,author-id,moderated,comment-body\n";

    fn comments(text: &str) -> (Vec<Comment>, BadRows) {
        let mut bad = BadRows::default();
        let got = read_comments(CsvInput::new("c.csv", text.as_bytes()), &mut bad)
            .unwrap_or_else(|e| panic!("{e}"));
        (got, bad)
    }

    #[test]
    fn good_rows_in_any_column_order() {
        let (got, bad) = comments(
            "comment-body,moderated,author-id,comment-id,timestamp\n\"Hello, world\",1,7,1,1651071094558\n\"Two\nlines\",0,8,2,1651071094558\n",
        );
        assert!(bad.is_empty(), "{bad}");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].body, "Hello, world");
        assert_eq!(got[1].body, "Two\nlines");
        assert_eq!(got[1].status, SuggestionStatus::Pending);
    }

    #[test]
    fn a_last_row_inside_an_open_quote_is_refused() {
        let (got, bad) = comments(&format!(
            "{HEADER}1651071094558,1,7,1,Fine\n1651071094558,2,8,1,\"Never closed\nstill in the quote\n"
        ));
        assert_eq!(got.len(), 1, "the open row is not kept");
        assert_eq!(
            listed(&bad),
            vec![
                "c.csv:3: this row ends inside a quoted field: the `\"` opened on line 3 is never closed"
            ]
        );
        // A closed quote at the very end is fine, with or without a final newline.
        let (got, bad) = comments(&format!(
            "{HEADER}1651071094558,1,7,1,\"Closed \"\"quote\"\"\""
        ));
        assert!(bad.is_empty(), "{bad}");
        assert_eq!(got[0].body, "Closed \"quote\"");
    }

    #[test]
    fn control_characters_are_bad_rows() {
        let (got, bad) = comments(&format!(
            "{HEADER}1651071094558,1,7,1,NUL\0inside\n1651071094558,2,7,1,\"tab\tand\r\nCRLF are fine\"\n1651071094558,3,7,1,bell\u{7}\n"
        ));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].id, 2);
        assert_eq!(bad.total, 2);
        assert!(bad.listed[0].to_string().starts_with("c.csv:2: in `comment-body`: expected text; found the control character U+0000 (NUL)"), "{bad}");
        // The row before spans two lines.
        assert!(bad.listed[1].to_string().starts_with("c.csv:5: "), "{bad}");
    }

    #[test]
    fn only_the_first_bad_rows_are_listed_with_the_total() {
        let mut text = HEADER.to_owned();
        for n in 0..10_000 {
            text.push_str(&format!("notatime,{n},1,1,body\n"));
        }
        let (_, bad) = comments(&text);
        assert_eq!(bad.total, 10_000);
        assert_eq!(bad.listed.len(), MAX_LISTED_BAD_ROWS);
        let message = CommentsFailure::BadRows(bad).to_string();
        assert!(message.starts_with("10000 bad rows; nothing was imported"));
        assert!(message.ends_with("… and 9900 more bad rows (only the first 100 are listed)"));
        assert!(message.len() < 10_000, "{} bytes", message.len());
    }

    #[test]
    fn duplicates_name_the_first_line() {
        let (_, bad) = comments(&format!(
            "{HEADER}1651071094558,1,7,1,a\n1651071094558,1,7,1,b\n1651071094558,1,7,1,c\n"
        ));
        assert_eq!(
            listed(&bad),
            vec![
                "c.csv:3: comment-id 1 appears twice (first on line 2)",
                "c.csv:4: comment-id 1 appears twice (first on line 2)"
            ]
        );
    }

    #[test]
    fn a_missing_column_is_one_error_about_the_header() {
        let mut bad = BadRows::default();
        let err = read_comments(
            CsvInput::new("c.csv", &b"timestamp,comment-body\n1,a\n"[..]),
            &mut bad,
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "c.csv:1: expected the columns `comment-id`, `author-id`, `moderated` in the header; found `timestamp`, `comment-body`"
        );
    }

    #[test]
    fn a_stream_over_its_limit_stops_the_import() {
        let endless = io::repeat(b'1').take(10_000);
        let mut input = HEADER.as_bytes().chain(endless);
        let limited = crate::import::limits::LimitedReader::new(&mut input, "c.csv", 1000);
        let mut bad = BadRows::default();
        let err = read_comments(CsvInput::new("c.csv", limited), &mut bad).unwrap_err();
        assert!(matches!(err, CommentsFailure::File(_)), "{err}");
        assert!(
            err.to_string().contains("may be at most 1000 bytes"),
            "{err}"
        );
    }

    #[test]
    fn a_row_longer_than_the_row_limit_stops_the_import() {
        // An open quote early in a large file would otherwise gather the rest into one
        // field held in memory.
        let mut input = format!("{HEADER}1651071094558,1,7,1,\"open\n").into_bytes();
        input.extend(std::iter::repeat_n(b'a', MAX_ROW_BYTES + 10));
        let mut bad = BadRows::default();
        let err = read_comments(CsvInput::new("c.csv", &input[..]), &mut bad).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("c.csv:2: this row is longer than 1048576 bytes"),
            "{err}"
        );
    }

    #[test]
    fn votes_keep_the_latest_per_voter() {
        let known: HashSet<i64> = [1, 2].into_iter().collect();
        let mut bad = BadRows::default();
        let agree = read_votes(
            CsvInput::new(
                "v.csv",
                &b"timestamp,comment-id,voter-id,vote\n2,1,9,-1\n3,1,9,1\n1,2,9,1\n4,2,9,0\n5,3,9,1\n6,1,8,\"1\n"[..],
            ),
            &known,
            &mut bad,
        )
        .unwrap();
        assert_eq!(
            agree.iter().map(|a| (a.0, a.1)).collect::<Vec<_>>(),
            vec![(1, 9)]
        );
        assert_eq!(bad.total, 2, "{bad}");
        assert!(bad.listed[0]
            .to_string()
            .starts_with("v.csv:6: comment-id 3 is not in the comments file"));
        assert!(bad.listed[1]
            .to_string()
            .starts_with("v.csv:7: this row ends inside a quoted field"));
    }
}
