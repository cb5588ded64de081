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
//! Rows are checked before anything is written: bad rows are reported with their line
//! numbers, and nothing is kept unless `skip_bad_rows` is set, in which case the good
//! rows are imported and the bad ones listed. Importing the same file again adds
//! nothing (each comment's id is its idempotency key).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, NaiveDateTime};
use unicode_segmentation::UnicodeSegmentation;

use crate::db::{self, AnyConnection};
use crate::domain::{ClauseRef, DisplayName, Email, Role, Slug, SuggestionKind, SuggestionStatus};
use crate::models::suggestion::{self, NewSuggestion};
use crate::models::{reading, user};

/// What to import and where.
pub struct CommentsRequest<'a> {
    pub consultation: &'a Slug,
    pub clause: &'a ClauseRef,
    /// Names the conversation: participant ids and comment ids are only unique within
    /// one, so accounts and idempotency keys are namespaced by it.
    pub source: &'a str,
    pub comments_name: &'a str,
    pub comments: &'a [u8],
    pub votes: Option<(&'a str, &'a [u8])>,
    pub skip_bad_rows: bool,
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
    /// `file:line: problem`, for rows skipped with `skip_bad_rows`.
    pub skipped: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum CommentsFailure {
    #[error("{0}")]
    Target(String),
    #[error("{} bad rows; nothing was imported (use --skip-bad-rows to import the others):\n{}", .0.len(), .0.join("\n"))]
    BadRows(Vec<String>),
    #[error("database error while importing: {0}")]
    Database(#[from] diesel::result::Error),
}

struct Comment {
    id: i64,
    author: i64,
    created_at: NaiveDateTime,
    status: SuggestionStatus,
    body: String,
}

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

/// Columns by name, so that their order does not matter.
fn column(headers: &csv::StringRecord, name: &str, file: &str) -> Result<usize, String> {
    headers
        .iter()
        .position(|h| h.trim() == name)
        .ok_or_else(|| format!("{file}:1: expected a column named `{name}` in the header"))
}

fn parse_comments(
    name: &str,
    bytes: &[u8],
    bad: &mut Vec<String>,
) -> Result<Vec<Comment>, CommentsFailure> {
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| {
            CommentsFailure::BadRows(vec![format!("{name}:1: cannot read the header: {e}")])
        })?
        .clone();
    let at = |col: &str| column(&headers, col, name);
    let (c_time, c_id, c_author, c_moderated, c_body) = match (
        at("timestamp"),
        at("comment-id"),
        at("author-id"),
        at("moderated"),
        at("comment-body"),
    ) {
        (Ok(a), Ok(b), Ok(c), Ok(d), Ok(e)) => (a, b, c, d, e),
        (a, b, c, d, e) => {
            let problems = [a, b, c, d, e]
                .into_iter()
                .filter_map(Result::err)
                .collect();
            return Err(CommentsFailure::BadRows(problems));
        }
    };
    let mut comments = Vec::new();
    let mut seen = BTreeMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                bad.push(format!("{name}:{line}: not a valid CSV row: {e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let problem = |what: &str| format!("{name}:{line}: {what}");
        let Some(created_at) = field(c_time).parse::<i64>().ok().and_then(time_from_millis) else {
            bad.push(problem("expected `timestamp` in epoch milliseconds"));
            continue;
        };
        let Ok(id) = field(c_id).parse::<i64>() else {
            bad.push(problem("expected a whole number in `comment-id`"));
            continue;
        };
        let Ok(author) = field(c_author).parse::<i64>() else {
            bad.push(problem("expected a whole number in `author-id`"));
            continue;
        };
        let status = match field(c_moderated) {
            "1" => SuggestionStatus::Published,
            "0" => SuggestionStatus::Pending,
            "-1" => SuggestionStatus::Rejected,
            _ => {
                bad.push(problem("expected 1, 0 or -1 in `moderated`"));
                continue;
            }
        };
        let body = field(c_body).to_owned();
        let length = body.graphemes(true).count();
        if length == 0 || length > 5000 {
            bad.push(problem(
                "expected a `comment-body` of 1 to 5,000 characters",
            ));
            continue;
        }
        if let Some(first) = seen.insert(id, line) {
            bad.push(problem(&format!(
                "comment-id {id} appears twice (first on line {first})"
            )));
            continue;
        }
        comments.push(Comment {
            id,
            author,
            created_at,
            status,
            body,
        });
    }
    Ok(comments)
}

/// The latest vote of each (comment, voter); returns the agreeing ones with their time.
fn parse_votes(
    name: &str,
    bytes: &[u8],
    known: &BTreeSet<i64>,
    bad: &mut Vec<String>,
) -> Result<Vec<(i64, i64, NaiveDateTime)>, CommentsFailure> {
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let headers = reader
        .headers()
        .map_err(|e| {
            CommentsFailure::BadRows(vec![format!("{name}:1: cannot read the header: {e}")])
        })?
        .clone();
    let at = |col: &str| column(&headers, col, name);
    let (c_time, c_comment, c_voter, c_vote) = match (
        at("timestamp"),
        at("comment-id"),
        at("voter-id"),
        at("vote"),
    ) {
        (Ok(a), Ok(b), Ok(c), Ok(d)) => (a, b, c, d),
        (a, b, c, d) => {
            let problems = [a, b, c, d].into_iter().filter_map(Result::err).collect();
            return Err(CommentsFailure::BadRows(problems));
        }
    };
    let mut latest: HashMap<(i64, i64), (i64, i8)> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                bad.push(format!("{name}:{line}: not a valid CSV row: {e}"));
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let parsed = (
            field(c_time).parse::<i64>(),
            field(c_comment).parse::<i64>(),
            field(c_voter).parse::<i64>(),
            field(c_vote).parse::<i8>(),
        );
        let (Ok(time), Ok(comment), Ok(voter), Ok(vote)) = parsed else {
            bad.push(format!(
                "{name}:{line}: expected whole numbers in timestamp, comment-id, voter-id and vote"
            ));
            continue;
        };
        if !(-1..=1).contains(&vote) {
            bad.push(format!("{name}:{line}: expected 1, 0 or -1 in `vote`"));
            continue;
        }
        if !known.contains(&comment) {
            bad.push(format!(
                "{name}:{line}: comment-id {comment} is not in the comments file"
            ));
            continue;
        }
        let entry = latest.entry((comment, voter)).or_insert((time, vote));
        if time >= entry.0 {
            *entry = (time, vote);
        }
    }
    let mut agree: Vec<(i64, i64, NaiveDateTime)> = latest
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
        |_| CommentsFailure::Target(format!("cannot make an account for participant {id}")),
    )?;
    let user_id = match user::find_by_email(conn, &email)? {
        Some(existing) => existing.id,
        None => {
            let name = DisplayName::parse(&format!("Participant {id}"))
                .map_err(|_| CommentsFailure::Target(format!("cannot name participant {id}")))?;
            *created += 1;
            // An empty password hash: imported accounts cannot sign in.
            user::create(
                conn,
                &user::Registration {
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
    request: &CommentsRequest<'_>,
) -> Result<CommentsSummary, CommentsFailure> {
    let target =
        reading::clause(conn, request.consultation, request.clause, None)?.ok_or_else(|| {
            CommentsFailure::Target(format!(
                "no clause {} in a published version of {}",
                request.clause, request.consultation
            ))
        })?;
    if !target.is_current {
        return Err(CommentsFailure::Target(format!(
            "clause {} is not in the current version of {}",
            request.clause, request.consultation
        )));
    }
    let mut bad = Vec::new();
    let comments = parse_comments(request.comments_name, request.comments, &mut bad)?;
    let known: BTreeSet<i64> = comments.iter().map(|c| c.id).collect();
    let votes = match request.votes {
        Some((name, bytes)) => parse_votes(name, bytes, &known, &mut bad)?,
        None => Vec::new(),
    };
    if !bad.is_empty() && !request.skip_bad_rows {
        return Err(CommentsFailure::BadRows(bad));
    }
    let mut summary = CommentsSummary {
        skipped: bad,
        ..CommentsSummary::default()
    };
    let slug = request.consultation;
    let source = source_name(request.source);
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
            summary.upvotes +=
                crate::models::upvote::insert_upvote(conn, *suggestion_id, voter_id, *at)?;
        }
        // The stored counts follow the rows, recomputed in SQL (not read into Rust and
        // written back: a vote arriving meanwhile would be lost).
        let ids: Vec<i64> = suggestion_ids.values().copied().collect();
        for chunk in ids.chunks(500) {
            crate::models::upvote::recount_upvotes(conn, chunk)?;
        }
        Ok::<_, CommentsFailure>(())
    })?;
    Ok(summary)
}
