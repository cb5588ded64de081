//! The lineage file: what `kenes import-draft` writes for review and reads back with
//! `--lineage FILE`.
//!
//! Plain text, one row a line, four columns separated by a tab (shown aligned here),
//! under a header:
//!
//! ```text
//! # comments start with #; blank lines are ignored
//! old new     kind       similarity
//! 1.1 1.1     unchanged  1.000
//! 5.2 4.2     reworded   0.871
//! 6.1 -       deleted    -
//! 7.1 5.1;5.2 split      0.962
//! 8.1 6.1     merged     0.940
//! 8.2 6.1     merged     1.000
//! -   6.2     inserted   -
//! ```
//!
//! `-` stands for none; several new references are separated by `;`. Every old clause
//! has exactly one row; every new clause is named by a row, and by several only when
//! all of them are `merged`. Reading refuses the whole file on any problem, naming
//! `FILE:LINE` for each (a clause left out is reported at the line where its row
//! belongs), so an edited file either describes a complete lineage or changes nothing.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::{ChangeKind, Lineage, Link, Similarity};
use crate::domain::reference::ClauseRef;

/// The column names, the first line that is not a comment.
pub const HEADER: &str = "old\tnew\tkind\tsimilarity";

/// A lineage of 3,000 clauses is about 100 KiB; anything far larger is not one.
pub const MAX_LINEAGE_BYTES: usize = 8 * 1024 * 1024;

/// More problems than this are summed up in one last line.
const MAX_PROBLEMS: usize = 100;

/// A quoted piece of the file is cut to this many characters in a message.
const QUOTE_CHARS: usize = 40;

/// What is wrong on a line of a lineage file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("the file is {0} bytes; a lineage file may be at most {MAX_LINEAGE_BYTES} bytes")]
    TooLarge(usize),
    #[error("expected the header `old<TAB>new<TAB>kind<TAB>similarity` as the first line that is not a comment")]
    Header,
    #[error("expected 4 columns separated by tabs (old, new, kind, similarity); found {0}")]
    Columns(usize),
    #[error("`{text}` is not a clause reference: {reason}")]
    Reference { text: String, reason: String },
    #[error("there is no clause {0} in the old version")]
    UnknownOld(ClauseRef),
    #[error("there is no clause {0} in the new version")]
    UnknownNew(ClauseRef),
    #[error("`{0}` is not a kind (expected unchanged, renumbered, reworded, moved, merged, split, inserted or deleted)")]
    Kind(String),
    #[error("`{0}` is not a similarity (expected a decimal from 0 to 1 with at most three places, e.g. 0.85, or -)")]
    Similarity(String),
    #[error("{0}")]
    Shape(&'static str),
    #[error("new clause {0} is named twice on this row")]
    NewRepeated(ClauseRef),
    #[error("old clause {reference} already has a row, on line {first}; each old clause has exactly one")]
    OldTwice { reference: ClauseRef, first: usize },
    #[error("new clause {reference} is already named on line {first} ({first_kind}); several rows may name one new clause only when all are merged")]
    NewContradicts {
        reference: ClauseRef,
        first: usize,
        first_kind: ChangeKind,
    },
    #[error(
        "only this row merges into {0}; a merge joins two or more old clauses (or say reworded)"
    )]
    LoneMerge(ClauseRef),
    #[error("old clause {0} is in no row; its row belongs here (e.g. `{0}<TAB>-<TAB>deleted<TAB>-` if it was removed)")]
    OldUnaccounted(ClauseRef),
    #[error("new clause {0} is in no row; its row belongs here (e.g. `-<TAB>{0}<TAB>inserted<TAB>-` if it is new)")]
    NewUnaccounted(ClauseRef),
    #[error("{0} more problems not shown")]
    More(usize),
}

/// A problem at a line of a named file: `FILE:LINE: problem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineageError {
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    pub problem: Problem,
}

impl fmt::Display for LineageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.problem)
        }
    }
}

impl std::error::Error for LineageError {}

/// The file for `lineage`: comments saying how to read and edit it, the header, a row
/// per link in the lineage's order.
pub fn write(lineage: &Lineage) -> String {
    let mut out = String::from(
        "# Kenes clause lineage: what each clause of the old version became in the new one.\n\
         # One row per old clause, and one per inserted clause; columns separated by a tab:\n\
         #   old reference, new reference(s) (`;` between several), kind, similarity (0 to 1).\n\
         # `-` stands for none. Kinds: unchanged, renumbered, reworded, moved,\n\
         #   merged (each old clause on its own row, all naming the one new clause),\n\
         #   split (the new clauses in order), inserted, deleted.\n\
         # Correct what is wrong, then: kenes import-draft ... --lineage FILE\n",
    );
    out.push_str(HEADER);
    out.push('\n');
    for link in lineage.links() {
        let old = link
            .old
            .as_ref()
            .map_or("-".to_owned(), ToString::to_string);
        let new = if link.new.is_empty() {
            "-".to_owned()
        } else {
            let names: Vec<String> = link.new.iter().map(ToString::to_string).collect();
            names.join(";")
        };
        let similarity = link
            .similarity
            .map_or("-".to_owned(), |s: Similarity| s.to_string());
        out.push_str(&format!("{old}\t{new}\t{}\t{similarity}\n", link.kind));
    }
    out
}

/// At most [`QUOTE_CHARS`] characters of a piece of the file, for a message.
fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

/// The problems found so far, and what has been seen of the clauses.
struct Reader<'a> {
    old_known: HashSet<&'a ClauseRef>,
    new_known: HashSet<&'a ClauseRef>,
    problems: Vec<(usize, Problem)>,
    /// The line of each old clause's row.
    old_rows: HashMap<ClauseRef, usize>,
    /// The first row naming each new clause, and its kind (`None` if unreadable).
    new_rows: HashMap<ClauseRef, (usize, Option<ChangeKind>)>,
    /// New clause → the lines of the merged rows naming it.
    merges: HashMap<ClauseRef, Vec<usize>>,
    links: Vec<Link>,
}

impl Reader<'_> {
    fn problem(&mut self, line: usize, problem: Problem) {
        self.problems.push((line, problem));
    }

    fn reference(&mut self, line: usize, text: &str) -> Option<ClauseRef> {
        match ClauseRef::parse(text) {
            Ok(reference) => Some(reference),
            Err(e) => {
                self.problem(
                    line,
                    Problem::Reference {
                        text: quote(text),
                        reason: e.to_string(),
                    },
                );
                None
            }
        }
    }

    /// One row. Its clauses count as seen even when something else on it is wrong, so
    /// that one mistake is reported once, not again as a clause left out.
    fn row(&mut self, line: usize, fields: &[&str]) {
        let [old, new, kind, similarity] = fields else {
            self.problem(line, Problem::Columns(fields.len()));
            return;
        };
        let problems_before = self.problems.len();
        let old = match old.trim() {
            "-" => Column::None,
            text => self
                .reference(line, text)
                .map_or(Column::Unreadable, Column::Given),
        };
        let new = match new.trim() {
            "-" => Column::None,
            text => {
                let mut refs: Vec<ClauseRef> = Vec::new();
                let mut readable = true;
                for piece in text.split(';') {
                    match self.reference(line, piece) {
                        Some(r) if refs.contains(&r) => {
                            self.problem(line, Problem::NewRepeated(r));
                        }
                        Some(r) => refs.push(r),
                        None => readable = false,
                    }
                }
                if readable {
                    Column::Given(refs)
                } else {
                    Column::Unreadable
                }
            }
        };
        let kind: Option<ChangeKind> = match kind.parse() {
            Ok(kind) => Some(kind),
            Err(()) => {
                self.problem(line, Problem::Kind(quote(kind.trim())));
                None
            }
        };
        let similarity = match similarity.trim() {
            "-" => None,
            text => match text.parse::<Similarity>() {
                Ok(s) => Some(s),
                Err(()) => {
                    self.problem(line, Problem::Similarity(quote(text)));
                    None
                }
            },
        };
        if let Some(problem) = kind.and_then(|kind| shape(kind, &old, &new, similarity)) {
            self.problem(line, Problem::Shape(problem));
        }
        let old = old.given();
        let new = new.given().unwrap_or_default();
        self.claim(line, old.as_ref(), &new, kind);
        if let (Some(kind), true) = (kind, self.problems.len() == problems_before) {
            self.links.push(Link {
                old,
                new,
                kind,
                similarity,
            });
        }
    }

    /// Record the row's clauses: known, not mapped twice, not contradicted.
    fn claim(
        &mut self,
        line: usize,
        old: Option<&ClauseRef>,
        new: &[ClauseRef],
        kind: Option<ChangeKind>,
    ) {
        if let Some(old) = old {
            if !self.old_known.contains(old) {
                self.problem(line, Problem::UnknownOld(old.clone()));
            } else if let Some(&first) = self.old_rows.get(old) {
                self.problem(
                    line,
                    Problem::OldTwice {
                        reference: old.clone(),
                        first,
                    },
                );
            } else {
                self.old_rows.insert(old.clone(), line);
            }
        }
        for reference in new {
            if !self.new_known.contains(reference) {
                self.problem(line, Problem::UnknownNew(reference.clone()));
                continue;
            }
            if kind == Some(ChangeKind::Merged) {
                self.merges.entry(reference.clone()).or_default().push(line);
            }
            match self.new_rows.get(reference) {
                None => {
                    self.new_rows.insert(reference.clone(), (line, kind));
                }
                Some(&(_, Some(ChangeKind::Merged))) if kind == Some(ChangeKind::Merged) => {}
                // An unreadable kind is reported already; do not add a second problem.
                Some(&(_, None)) => {}
                Some(_) if kind.is_none() => {}
                Some(&(first, Some(first_kind))) => self.problem(
                    line,
                    Problem::NewContradicts {
                        reference: reference.clone(),
                        first,
                        first_kind,
                    },
                ),
            }
        }
    }
}

/// A column as read: `-`, a value, or something already reported as unreadable.
enum Column<T> {
    None,
    Unreadable,
    Given(T),
}

impl<T> Column<T> {
    fn named(&self) -> bool {
        !matches!(self, Column::None)
    }

    fn given(self) -> Option<T> {
        match self {
            Column::Given(value) => Some(value),
            _ => None,
        }
    }
}

/// What a row of `kind` must look like; the first rule it breaks, if any.
fn shape(
    kind: ChangeKind,
    old: &Column<ClauseRef>,
    new: &Column<Vec<ClauseRef>>,
    similarity: Option<Similarity>,
) -> Option<&'static str> {
    use ChangeKind::*;
    let one_to_one = matches!(kind, Unchanged | Renumbered | Reworded | Moved | Merged);
    let same_reference = match (old, new) {
        (Column::Given(old), Column::Given(new)) => {
            Some(new.len() == 1 && new.first() == Some(old))
        }
        _ => None,
    };
    let new_count = match new {
        Column::Given(new) => Some(new.len()),
        _ => None,
    };
    match kind {
        Inserted if old.named() => Some("an inserted clause has no old clause: write - in the old column"),
        Inserted if !new.named() => Some("an inserted row names the new clause(s) it adds"),
        Deleted if new.named() => Some("a deleted clause has no new clause: write - in the new column"),
        Inserted | Deleted if similarity.is_some() => {
            Some("an inserted or deleted clause has nothing to be similar to: write - for the similarity")
        }
        Inserted | Deleted => None,
        _ if !old.named() => Some("only an inserted row has - for its old clause"),
        _ if !new.named() => Some("only a deleted row has - for its new clause"),
        Split if new_count == Some(1) => Some("a split names two or more new clauses, separated by ;"),
        _ if one_to_one && new_count.is_some_and(|n| n > 1) => {
            Some("this kind names one new clause; a clause divided into several is split")
        }
        Unchanged if same_reference == Some(false) => {
            Some("unchanged keeps its reference; a clause under another reference is renumbered (same text) or reworded")
        }
        Renumbered if same_reference == Some(true) => {
            Some("renumbered changes the reference; with the same reference and text it is unchanged")
        }
        _ => None,
    }
}

/// Read a lineage file (named `file_name` in messages) against the references of the
/// old and the new version, in document order. Any problem refuses the whole file:
/// every problem found is returned, in line order.
pub fn parse(
    file_name: &str,
    text: &str,
    old: &[ClauseRef],
    new: &[ClauseRef],
) -> Result<Lineage, Vec<LineageError>> {
    let error = |(line, problem): (usize, Problem)| LineageError {
        file: file_name.to_owned(),
        line,
        problem,
    };
    if text.len() > MAX_LINEAGE_BYTES {
        return Err(vec![error((0, Problem::TooLarge(text.len())))]);
    }
    let mut reader = Reader {
        old_known: old.iter().collect(),
        new_known: new.iter().collect(),
        problems: Vec::new(),
        old_rows: HashMap::new(),
        new_rows: HashMap::new(),
        merges: HashMap::new(),
        links: Vec::new(),
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut header_line = None;
    for (index, raw) in text.split('\n').enumerate() {
        let line = index + 1;
        let content = raw.strip_suffix('\r').unwrap_or(raw);
        let trimmed = content.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = content.split('\t').collect();
        if header_line.is_none() {
            header_line = Some(line);
            let is_header = fields.len() == 4
                && fields
                    .iter()
                    .zip(HEADER.split('\t'))
                    .all(|(f, h)| f.trim().eq_ignore_ascii_case(h));
            if is_header {
                continue;
            }
            reader.problem(line, Problem::Header);
        }
        reader.row(line, &fields);
    }
    if header_line.is_none() {
        reader.problem(text.split('\n').count().max(1), Problem::Header);
    }
    let mut merges: Vec<(ClauseRef, Vec<usize>)> =
        std::mem::take(&mut reader.merges).into_iter().collect();
    merges.sort_by_key(|(_, lines)| lines.first().copied());
    for (reference, lines) in merges {
        if let [line] = lines.as_slice() {
            reader.problem(*line, Problem::LoneMerge(reference));
        }
    }
    // A clause left out is reported where its row belongs: after the row of the
    // nearest earlier clause that has one (or after the header).
    let first_row = header_line.map_or(1, |h| h + 1);
    let mut after = first_row;
    for reference in old {
        match reader.old_rows.get(reference) {
            Some(&line) => after = line + 1,
            None => reader.problem(after, Problem::OldUnaccounted(reference.clone())),
        }
    }
    let mut after = first_row;
    for reference in new {
        match reader.new_rows.get(reference) {
            Some(&(line, _)) => after = line + 1,
            None => reader.problem(after, Problem::NewUnaccounted(reference.clone())),
        }
    }
    if reader.problems.is_empty() {
        return Ok(Lineage::from_links(reader.links));
    }
    let mut problems = reader.problems;
    problems.sort_by_key(|(line, _)| *line);
    let hidden = problems.len().saturating_sub(MAX_PROBLEMS);
    problems.truncate(MAX_PROBLEMS);
    let last = problems.last().map_or(0, |(line, _)| *line);
    if hidden > 0 {
        problems.push((last, Problem::More(hidden)));
    }
    Err(problems.into_iter().map(error).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lineage::{propose, ClauseText, Version};
    use proptest::prelude::*;

    fn refs(list: &[&str]) -> Vec<ClauseRef> {
        list.iter().map(|r| ClauseRef::parse(r).unwrap()).collect()
    }

    const OLD: [&str; 7] = ["1.1", "1.2", "2.1", "3.1", "3.2", "4.1", "5.1"];
    const NEW: [&str; 7] = ["1.1", "1.2", "2.1", "2.2", "3.1", "4.1", "4.2"];

    /// A valid file for OLD → NEW, with a comment and a blank line in it.
    const GOOD: &str = "# reviewed by the commission\n\
        old\tnew\tkind\tsimilarity\n\
        1.1\t1.1\tunchanged\t1.000\n\
        1.2\t1.2\treworded\t0.871\n\
        \n\
        2.1\t-\tdeleted\t-\n\
        3.1\t2.1;2.2\tsplit\t0.962\n\
        3.2\t3.1\tmerged\t0.940\n\
        4.1\t3.1\tMerged\t1\n\
        -\t4.1;4.2\tinserted\t-\n\
        5.1\t-\tdeleted\t-\n";

    fn read(text: &str) -> Result<Lineage, Vec<String>> {
        parse("lineage.tsv", text, &refs(&OLD), &refs(&NEW))
            .map_err(|errors| errors.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn a_reviewed_file_is_read() {
        let lineage = read(GOOD).unwrap();
        assert_eq!(lineage.links().len(), 8);
        let split = lineage.successor(&refs(&["3.1"])[0]).unwrap();
        assert_eq!(split.kind, ChangeKind::Split);
        assert_eq!(split.new, refs(&["2.1", "2.2"]));
        assert_eq!(lineage.predecessors(&refs(&["3.1"])[0]).len(), 2);
        assert_eq!(
            lineage.successor(&refs(&["4.1"])[0]).unwrap().similarity,
            Some(Similarity::ONE)
        );
        // Windows line ends and a byte-order mark are fine too.
        let windows = format!("\u{feff}{}", GOOD.replace('\n', "\r\n"));
        assert_eq!(read(&windows), Ok(lineage.clone()));
        // What is written reads back as the same lineage.
        assert_eq!(read(&write(&lineage)), Ok(lineage));
    }

    #[test]
    fn a_proposal_round_trips_through_the_file() {
        let version = |texts: &[(&str, &str)]| {
            Version::new(
                texts
                    .iter()
                    .enumerate()
                    .map(|(position, (r, t))| ClauseText {
                        reference: ClauseRef::parse(r).unwrap(),
                        identity: None,
                        text: (*t).to_owned(),
                        position,
                    })
                    .collect(),
            )
            .unwrap()
        };
        let old = version(&[
            (
                "1.1",
                "The people shall be the sole source of governmental power.",
            ),
            ("1.2", "Censorship shall be prohibited."),
            (
                "2.1",
                "State power shall be unified and exercised on the basis of the Constitution.",
            ),
        ]);
        let new = version(&[
            (
                "1.1",
                "The people shall be the sole source of all governmental power.",
            ),
            (
                "2.1",
                "Everyone shall have the right to the protection of personal data.",
            ),
            (
                "3.1",
                "State power shall be unified and exercised on the basis of the Constitution.",
            ),
        ]);
        let lineage = propose(&old, &new);
        let file = write(&lineage);
        assert!(
            file.contains("\nold\tnew\tkind\tsimilarity\n1.1\t1.1\treworded\t0.95"),
            "{file}"
        );
        let read = parse("x", &file, &old.references(), &new.references());
        assert_eq!(read, Ok(lineage));
    }

    #[test]
    fn every_problem_is_named_with_its_line() {
        let bad = "old\tnew\tkind\tsimilarity\n\
            1.1\t1.1\tunchanged\t1.000\n\
            1.1\t1.2\treworded\t0.9\n\
            9.9\t1.2\treworded\t0.9\n\
            2.1\t7.7\tmoved\t0.9\n\
            3.1\t2.1\trenamed\t0.9\n\
            3.2\t2.2\treworded\t1.5\n\
            4.1\t2.2\treworded\t0.8\n\
            5.1\t3.1\tmerged\t0.9\n\
            x.y\t-\tdeleted\t-\n\
            only three\tcolumns\n";
        assert_eq!(
            read(bad).unwrap_err(),
            [
                "lineage.tsv:3: old clause 1.1 already has a row, on line 2; each old clause has exactly one",
                // The row meant for 1.2 named 1.1: 1.2 is left out, and belongs here.
                "lineage.tsv:3: old clause 1.2 is in no row; its row belongs here (e.g. `1.2<TAB>-<TAB>deleted<TAB>-` if it was removed)",
                "lineage.tsv:4: there is no clause 9.9 in the old version",
                "lineage.tsv:4: new clause 1.2 is already named on line 3 (reworded); several rows may name one new clause only when all are merged",
                "lineage.tsv:5: there is no clause 7.7 in the new version",
                "lineage.tsv:6: `renamed` is not a kind (expected unchanged, renumbered, reworded, moved, merged, split, inserted or deleted)",
                "lineage.tsv:7: `1.5` is not a similarity (expected a decimal from 0 to 1 with at most three places, e.g. 0.85, or -)",
                "lineage.tsv:8: new clause 2.2 is already named on line 7 (reworded); several rows may name one new clause only when all are merged",
                "lineage.tsv:9: only this row merges into 3.1; a merge joins two or more old clauses (or say reworded)",
                "lineage.tsv:10: `x.y` is not a clause reference: `y` is not a clause number (expected e.g. 3 or 3-1)",
                // After the row of 3.1, the last new clause before them with a row.
                "lineage.tsv:10: new clause 4.1 is in no row; its row belongs here (e.g. `-<TAB>4.1<TAB>inserted<TAB>-` if it is new)",
                "lineage.tsv:10: new clause 4.2 is in no row; its row belongs here (e.g. `-<TAB>4.2<TAB>inserted<TAB>-` if it is new)",
                "lineage.tsv:11: expected 4 columns separated by tabs (old, new, kind, similarity); found 2",
            ]
        );
    }

    #[test]
    fn a_clause_left_out_is_reported_where_its_row_belongs() {
        // Drop the rows of 2.1 (line 6) and 5.1 (the last).
        let lines: Vec<&str> = GOOD
            .lines()
            .filter(|l| !l.starts_with("2.1\t") && !l.starts_with("5.1\t"))
            .collect();
        let text = lines.join("\n");
        assert_eq!(
            read(&text).unwrap_err(),
            [
                "lineage.tsv:5: old clause 2.1 is in no row; its row belongs here (e.g. `2.1<TAB>-<TAB>deleted<TAB>-` if it was removed)",
                "lineage.tsv:9: old clause 5.1 is in no row; its row belongs here (e.g. `5.1<TAB>-<TAB>deleted<TAB>-` if it was removed)",
            ]
        );
        // Before any row: just after the header.
        let no_first = GOOD.replace("1.1\t1.1\tunchanged\t1.000\n", "");
        let errors = read(&no_first).unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].starts_with("lineage.tsv:3: old clause 1.1 is in no row"),
            "{errors:?}"
        );
        assert!(
            errors[1].starts_with("lineage.tsv:3: new clause 1.1 is in no row"),
            "{errors:?}"
        );
    }

    #[test]
    fn rows_must_have_the_shape_of_their_kind() {
        let cases = [
            ("1.1\t1.2\tunchanged\t1", "unchanged keeps its reference"),
            (
                "1.1\t1.1\trenumbered\t1",
                "renumbered changes the reference",
            ),
            (
                "1.1\t1.1;1.2\treworded\t0.9",
                "this kind names one new clause",
            ),
            ("1.1\t1.1\tsplit\t0.9", "a split names two or more"),
            (
                "1.1\t1.1;1.1\tsplit\t0.9",
                "new clause 1.1 is named twice on this row",
            ),
            (
                "1.1\t1.1\tinserted\t-",
                "an inserted clause has no old clause",
            ),
            (
                "-\t-\tinserted\t-",
                "an inserted row names the new clause(s)",
            ),
            ("1.1\t1.1\tdeleted\t-", "a deleted clause has no new clause"),
            ("1.1\t-\tdeleted\t0.5", "nothing to be similar to"),
            (
                "-\t1.1\treworded\t0.9",
                "only an inserted row has - for its old clause",
            ),
            (
                "1.1\t-\treworded\t0.9",
                "only a deleted row has - for its new clause",
            ),
            (
                "1.1\t1.1;\tsplit\t0.9",
                "is not a clause reference: a reference cannot be empty",
            ),
        ];
        for (row, expected) in cases {
            let text = format!("{HEADER}\n{row}\n");
            let errors = read(&text).unwrap_err();
            assert!(
                errors
                    .iter()
                    .any(|e| e.starts_with("lineage.tsv:2: ") && e.contains(expected)),
                "{row:?}: {errors:?}"
            );
        }
    }

    #[test]
    fn a_file_without_its_header_or_with_nothing_in_it() {
        let headless = GOOD.replace("old\tnew\tkind\tsimilarity\n", "");
        let errors = read(&headless).unwrap_err();
        assert_eq!(
            errors,
            ["lineage.tsv:2: expected the header `old<TAB>new<TAB>kind<TAB>similarity` as the first line that is not a comment"]
        );
        let errors = read("").unwrap_err();
        assert!(
            errors[0].starts_with("lineage.tsv:1: expected the header"),
            "{errors:?}"
        );
        assert_eq!(errors.len(), 1 + OLD.len() + NEW.len());
        // With nothing to account for, a file of just the header is a complete lineage.
        assert_eq!(parse("x", HEADER, &[], &[]), Ok(Lineage::default()));
        let huge = "#".repeat(MAX_LINEAGE_BYTES + 1);
        let errors = read(&huge).unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("lineage.tsv: the file is"),
            "{errors:?}"
        );
    }

    #[test]
    fn long_garbage_is_quoted_short_and_problems_are_capped() {
        let garbage = format!("{HEADER}\n1.1\t1.1\t{}\t1\n", "z".repeat(10_000));
        let errors = read(&garbage).unwrap_err();
        assert!(errors[0].len() < 200, "{}", errors[0]);
        let many: String = std::iter::once(HEADER.to_owned())
            .chain((0..500).map(|i| format!("{i}.1\t-\tdeleted\t-")))
            .collect::<Vec<_>>()
            .join("\n");
        let errors = read(&many).unwrap_err();
        assert_eq!(errors.len(), MAX_PROBLEMS + 1);
        assert!(
            errors[MAX_PROBLEMS].ends_with("more problems not shown"),
            "{errors:?}"
        );
    }

    /// Pieces a hostile or careless file is made of.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("\t".to_owned()),
            Just("\n".to_owned()),
            Just("\r\n".to_owned()),
            Just(";".to_owned()),
            Just("-".to_owned()),
            Just("#".to_owned()),
            Just(HEADER.to_owned()),
            proptest::sample::select(OLD.to_vec()).prop_map(str::to_owned),
            proptest::sample::select(NEW.to_vec()).prop_map(str::to_owned),
            proptest::sample::select(ChangeKind::ALL.to_vec()).prop_map(|k| k.to_string()),
            "[0-9.]{1,6}",
            any::<String>(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Never a panic; any error names this file and a line within it (or just past
        /// its end, where a missing row belongs).
        #[test]
        fn hostile_files_are_refused_calmly(pieces in proptest::collection::vec(piece(), 0..60)) {
            let text: String = pieces.concat();
            let lines = text.split('\n').count();
            if let Err(errors) = parse("f", &text, &refs(&OLD), &refs(&NEW)) {
                prop_assert!(!errors.is_empty());
                for error in &errors {
                    prop_assert_eq!(&error.file, "f");
                    prop_assert!(error.line <= lines + 1, "{} beyond {} lines", error, lines);
                }
            }
        }

        /// Any one line of a good file changed or removed: read, or refused, never a panic,
        /// and if read, still a complete lineage (it writes and reads back the same).
        #[test]
        fn an_edited_good_file_stays_consistent(line in 0usize..12, replacement in piece()) {
            let mut lines: Vec<String> = GOOD.lines().map(str::to_owned).collect();
            if line < lines.len() {
                lines[line] = replacement;
            }
            let text = lines.join("\n");
            if let Ok(lineage) = read(&text) {
                prop_assert_eq!(read(&write(&lineage)), Ok(lineage));
            }
        }
    }
}
