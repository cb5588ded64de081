//! The line-oriented draft parser shared by both layouts.
//!
//! Each line is first classified on its own ([`classify_plain`] or
//! [`classify_markdown`]); [`Builder`] then assembles paragraphs, clauses, articles and
//! chapters, and knows the context a single line cannot (a number at the start of a
//! wrapped line is text, not a new clause).

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use crate::domain::draft::{Article, Chapter, Clause, Draft};
use crate::domain::reference::{is_roman, ArticleNumber, ClauseNumber};

/// The largest draft file accepted (a whole constitution is ~100 KiB).
pub const MAX_DRAFT_BYTES: usize = 8 * 1024 * 1024;

/// A file that could not be imported: where, and what was expected there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for ImportError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    PlainText,
}

impl Format {
    /// Markdown by extension (`.md`, `.markdown`) or when the first non-blank line is a
    /// `#` heading; plain text otherwise.
    pub fn detect(file_name: &str, text: &str) -> Self {
        let ext = Path::new(file_name)
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        if matches!(ext.as_deref(), Some("md" | "markdown")) {
            return Self::Markdown;
        }
        let first = text.lines().map(str::trim).find(|l| !l.is_empty());
        if first.is_some_and(|l| l.starts_with("# ") || l.starts_with("## ")) {
            Self::Markdown
        } else {
            Self::PlainText
        }
    }
}

/// Parse a draft file. `file_name` is used for format detection and in error messages.
pub fn parse_draft(file_name: &str, bytes: &[u8]) -> Result<Draft, ImportError> {
    let err = |line: usize, message: String| ImportError {
        file: file_name.to_owned(),
        line,
        message,
    };
    if bytes.len() > MAX_DRAFT_BYTES {
        return Err(err(
            0,
            format!(
                "the file is {} bytes; a draft may be at most {MAX_DRAFT_BYTES} bytes",
                bytes.len()
            ),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        err(
            line,
            "expected UTF-8 text; this line has bytes that are not UTF-8 (save the file as UTF-8)"
                .to_owned(),
        )
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = Format::detect(file_name, text);
    let mut builder = Builder::new(format);
    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = raw.trim_end_matches('\r');
        let kind = match format {
            Format::Markdown => classify_markdown(line),
            Format::PlainText => classify_plain(line),
        };
        if let Err(message) = builder.feed(line_no, kind) {
            return Err(err(builder.error_line.unwrap_or(line_no), message));
        }
    }
    builder
        .finish()
        .map_err(|(line, message)| err(line, message))
}

/// What one line is, seen on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
enum LineKind<'a> {
    Blank,
    /// `# Title` (Markdown) — the document title.
    DocTitle(&'a str),
    /// `PREAMBLE` on its own line: a marker, not content.
    PreambleMarker,
    Chapter {
        heading: String,
        title: Option<String>,
    },
    Article {
        number: ArticleNumber,
        label: String,
        title: Option<String>,
    },
    /// A line that starts a numbered clause if it also starts a paragraph.
    Numbered {
        number: ClauseNumber,
        rest: &'a str,
        whole: &'a str,
    },
    /// A footnote, kept as a note of the clause it follows.
    Note(&'a str),
    /// A line that always starts a new paragraph (`Note.` in the Kazakh text).
    ParagraphStart(&'a str),
    Text(&'a str),
    /// A line the layout does not allow, with what was expected instead.
    Invalid(String),
}

const CHAPTER_WORDS: [&str; 6] = ["Section", "SECTION", "Chapter", "CHAPTER", "Part", "PART"];
const ARTICLE_WORDS: [&str; 2] = ["Article", "ARTICLE"];
const AMENDMENT_WORDS: [&str; 2] = ["Amendment", "AMENDMENT"];

/// `1`, `83-1` or `XIV` at the start of `s`, and the rest after it; `None` when the
/// first word is not a number (`Article becomes operative ...` is prose).
fn leading_number(s: &str) -> Option<(&str, &str)> {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(s.len());
    let (token, rest) = s.split_at(end);
    let arabic = token.starts_with(|c: char| c.is_ascii_digit())
        && token.chars().all(|c| c.is_ascii_digit() || c == '-')
        && !token.ends_with('-')
        && !token.contains("--");
    (arabic || is_roman(token)).then_some((token, rest))
}

/// `<word> <number>[<sep> <title>]`, for headings such as `Article 12`,
/// `Section VIII. State Administration` or `Article 5: Languages`.
fn heading<'a>(
    line: &'a str,
    words: &[&'static str],
) -> Option<(&'a str, &'a str, Option<&'a str>)> {
    let word = words.iter().find(|w| {
        line.strip_prefix(**w)
            .is_some_and(|rest| rest.starts_with(char::is_whitespace))
    })?;
    let after_word = line[word.len()..].trim_start();
    let (number, rest) = leading_number(after_word)?;
    let rest = rest.trim();
    if rest.is_empty() || rest == "." {
        return Some((word, number, None));
    }
    // A title must be set off by a separator; `Article 5 of this Constitution` is prose.
    let title = [".", ":", "—", "–", "-"]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))
        .map(str::trim)
        .filter(|t| !t.is_empty())?;
    Some((word, number, Some(title)))
}

fn classify_heading(line: &str) -> Option<LineKind<'_>> {
    if let Some((word, number, title)) = heading(line, &CHAPTER_WORDS) {
        return Some(LineKind::Chapter {
            heading: format!("{word} {number}"),
            title: title.map(str::to_owned),
        });
    }
    if let Some((word, number, title)) = heading(line, &ARTICLE_WORDS) {
        return Some(match ArticleNumber::parse(number) {
            Ok(n) => LineKind::Article {
                number: n,
                label: format!("{word} {number}"),
                title: title.map(str::to_owned),
            },
            Err(e) => LineKind::Invalid(e.to_string()),
        });
    }
    if let Some((word, number, title)) = heading(line, &AMENDMENT_WORDS) {
        return Some(match ArticleNumber::amendment(number) {
            Ok(n) => LineKind::Article {
                number: n,
                label: format!("{word} {number}"),
                title: title.map(str::to_owned),
            },
            Err(e) => LineKind::Invalid(e.to_string()),
        });
    }
    None
}

/// `1. text`, `3-1. text`, `SECTION. 2. text`, `§ 2. text`.
fn numbered(line: &str) -> Option<LineKind<'_>> {
    let body = ["SECTION.", "Section.", "§"]
        .iter()
        .find_map(|marker| line.strip_prefix(marker))
        .map(str::trim_start)
        .unwrap_or(line);
    let digits_end = body
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(body.len());
    let (number, rest) = body.split_at(digits_end);
    let rest = rest.strip_prefix('.')?;
    // `1. The`, and `1.The` as the Kazakh text has it; but not `1.5 million`.
    let starts_text = rest.is_empty()
        || rest.starts_with(char::is_whitespace)
        || rest.starts_with(|c: char| c.is_alphabetic() || "\"'«“(".contains(c));
    if !starts_text {
        return None;
    }
    let number = ClauseNumber::parse(number).ok()?;
    Some(LineKind::Numbered {
        number,
        rest: rest.trim(),
        whole: line,
    })
}

fn footnote(line: &str) -> Option<&str> {
    ["Footnote:", "Footnote.", "FOOTNOTE:", "Footnote "]
        .iter()
        .find_map(|marker| line.strip_prefix(marker))
        .map(str::trim)
}

fn classify_plain(raw: &str) -> LineKind<'_> {
    let line = raw.trim();
    if line.is_empty() {
        return LineKind::Blank;
    }
    if line.eq_ignore_ascii_case("preamble") {
        return LineKind::PreambleMarker;
    }
    if let Some(note) = footnote(line) {
        return LineKind::Note(note);
    }
    if let Some(kind) = classify_heading(line) {
        return kind;
    }
    if let Some(kind) = numbered(line) {
        return kind;
    }
    if starts_own_paragraph(line) {
        return LineKind::ParagraphStart(line);
    }
    LineKind::Text(line)
}

/// Lines that begin a paragraph even without a blank line before them: a `Note.` and
/// the items of a list (`1)`, `12)`, `-`, `•`), which the Kazakh text writes one per line.
fn starts_own_paragraph(line: &str) -> bool {
    let list_number = line
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .filter(|&i| i > 0 && line[i..].starts_with(')'));
    line.starts_with("Note.")
        || line.starts_with("Note:")
        || line.starts_with("- ")
        || line.starts_with("• ")
        || list_number.is_some()
}

fn classify_markdown(raw: &str) -> LineKind<'_> {
    let line = raw.trim();
    if line.is_empty() {
        return LineKind::Blank;
    }
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if hashes > 0 {
        let text = line[hashes..].trim();
        if !line[hashes..].starts_with(' ') || text.is_empty() {
            return LineKind::Invalid("expected a space and a heading text after `#`".into());
        }
        return match hashes {
            1 => LineKind::DocTitle(text),
            2 => match classify_heading(text) {
                Some(chapter @ LineKind::Chapter { .. }) => chapter,
                _ => LineKind::Chapter {
                    heading: text.to_owned(),
                    title: None,
                },
            },
            3 => match classify_heading(text) {
                Some(article @ (LineKind::Article { .. } | LineKind::Invalid(_))) => article,
                _ => LineKind::Invalid(format!(
                    "expected `### Article N` or `### Amendment N` (optionally `: Title`), found `### {text}`"
                )),
            },
            _ => LineKind::Invalid(
                "expected `#` (title), `##` (section or chapter) or `###` (article); deeper headings are not part of the outline".into(),
            ),
        };
    }
    if let Some(quoted) = line.strip_prefix('>') {
        let quoted = quoted.trim();
        return LineKind::Note(footnote(quoted).unwrap_or(quoted));
    }
    if let Some(kind) = numbered(line) {
        return kind;
    }
    LineKind::Text(line)
}

/// A paragraph under construction: its lines so far and where it started.
#[derive(Default)]
struct Paragraph {
    text: String,
    line: usize,
}

impl Paragraph {
    fn push(&mut self, line_no: usize, text: &str) {
        if self.text.is_empty() {
            self.line = line_no;
        } else {
            self.text.push(' ');
        }
        // Hard-wrapped lines are joined with a single space.
        self.text.extend(join_whitespace(text));
    }

    fn take(&mut self) -> Option<(usize, String)> {
        (!self.text.is_empty()).then(|| (self.line, std::mem::take(&mut self.text)))
    }
}

fn join_whitespace(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut previous_space = false;
    text.chars().filter_map(move |c| {
        if c.is_whitespace() {
            let keep = !previous_space;
            previous_space = true;
            keep.then_some(' ')
        } else {
            previous_space = false;
            Some(c)
        }
    })
}

/// An article being read: its numbered clauses, or, until the first numbered one, its
/// loose paragraphs (an article without numbered clauses has one clause per paragraph).
struct ArticleBuilder {
    article: Article,
    loose: Vec<Clause>,
}

struct Builder {
    format: Format,
    draft: Draft,
    preamble: Vec<String>,
    paragraph: Paragraph,
    article: Option<ArticleBuilder>,
    /// After a plain-text chapter heading without a title, the next paragraph is its title.
    chapter_awaits_title: bool,
    article_lines: HashMap<ArticleNumber, usize>,
    seen_content: bool,
    /// Set when an error concerns an earlier line than the one being read (an empty
    /// article is noticed only at the next heading).
    error_line: Option<usize>,
}

impl Builder {
    fn new(format: Format) -> Self {
        Self {
            format,
            draft: Draft::default(),
            preamble: Vec::new(),
            paragraph: Paragraph::default(),
            article: None,
            chapter_awaits_title: false,
            article_lines: HashMap::new(),
            seen_content: false,
            error_line: None,
        }
    }

    fn at_paragraph_start(&self) -> bool {
        self.paragraph.text.is_empty()
    }

    fn feed(&mut self, line_no: usize, kind: LineKind<'_>) -> Result<(), String> {
        match kind {
            LineKind::Blank => self.end_paragraph(),
            LineKind::Invalid(message) => Err(message),
            LineKind::PreambleMarker => {
                self.end_paragraph()?;
                if self.article.is_some() || !self.draft.chapters.is_empty() {
                    return Err("`PREAMBLE` may only stand before the first heading".into());
                }
                self.seen_content = true;
                Ok(())
            }
            LineKind::DocTitle(title) => {
                self.end_paragraph()?;
                if self.seen_content || self.draft.title.is_some() {
                    return Err(
                        "expected the `# Title` line only once, at the top of the file".into(),
                    );
                }
                self.draft.title = Some(title.to_owned());
                Ok(())
            }
            LineKind::Chapter { heading, title } => {
                self.end_paragraph()?;
                self.end_article()?;
                self.seen_content = true;
                self.chapter_awaits_title = title.is_none() && self.format == Format::PlainText;
                self.draft.chapters.push(Chapter {
                    heading,
                    title,
                    notes: Vec::new(),
                    line: line_no,
                });
                Ok(())
            }
            LineKind::Article {
                number,
                label,
                title,
            } => {
                self.end_paragraph()?;
                self.end_article()?;
                self.seen_content = true;
                self.chapter_awaits_title = false;
                if let Some(first) = self.article_lines.get(&number) {
                    return Err(format!(
                        "{label} appears twice; it was first used on line {first} (each article number must be unique)"
                    ));
                }
                self.article_lines.insert(number.clone(), line_no);
                self.article = Some(ArticleBuilder {
                    article: Article {
                        chapter: self.draft.chapters.len().checked_sub(1),
                        number,
                        label,
                        title,
                        clauses: Vec::new(),
                        notes: Vec::new(),
                        line: line_no,
                    },
                    loose: Vec::new(),
                });
                Ok(())
            }
            LineKind::Numbered {
                number,
                rest,
                whole,
            } => {
                let continues_sequence = self.is_next_clause(&number);
                if (!self.at_paragraph_start() && !continues_sequence) || self.article.is_none() {
                    if self.article.is_none() && self.at_paragraph_start() && self.seen_heading() {
                        return Err(format!(
                            "expected an `Article` heading before numbered clause {number}"
                        ));
                    }
                    // A wrapped line that happens to start with a number, or preamble text.
                    self.paragraph.push(line_no, whole);
                    return Ok(());
                }
                self.end_paragraph()?;
                self.start_clause(line_no, number, rest)
            }
            LineKind::Note(note) => {
                self.end_paragraph()?;
                self.add_note(note)
            }
            LineKind::ParagraphStart(text) => {
                self.end_paragraph()?;
                self.paragraph.push(line_no, text);
                Ok(())
            }
            LineKind::Text(text) => {
                self.paragraph.push(line_no, text);
                Ok(())
            }
        }
    }

    /// Whether `number` follows the current article's last clause (`2` after `1`, `3-1`
    /// after `3`, `3-2` after `3-1`, `4` after `3-2`). Texts without blank lines between
    /// clauses (Article 72 of the Kazakh text) rely on this; a wrapped line that merely
    /// starts with some number does not match it.
    fn is_next_clause(&self, number: &ClauseNumber) -> bool {
        let Some(last) = self.article.as_ref().and_then(|b| b.article.clauses.last()) else {
            return false;
        };
        let parts = |n: &ClauseNumber| -> Option<(u32, u32)> {
            let mut it = n.as_str().split('-');
            let base = it.next()?.parse().ok()?;
            let sub = it.next().map_or(Some(0), |s| s.parse().ok())?;
            Some((base, sub))
        };
        match (parts(&last.number), parts(number)) {
            (Some((base, sub)), Some((next_base, next_sub))) => {
                (next_base == base + 1 && next_sub == 0)
                    || (next_base == base && next_sub == sub + 1)
            }
            _ => false,
        }
    }

    fn seen_heading(&self) -> bool {
        !self.draft.chapters.is_empty() || !self.draft.articles.is_empty()
    }

    fn start_clause(
        &mut self,
        line_no: usize,
        number: ClauseNumber,
        rest: &str,
    ) -> Result<(), String> {
        let Some(builder) = self.article.as_mut() else {
            return Err(format!(
                "expected an `Article` heading before numbered clause {number}"
            ));
        };
        if !builder.loose.is_empty() {
            return Err(format!(
                "{} has unnumbered text (line {}) before its first numbered clause {number}; number that text too, or put it in the preamble",
                builder.article.label, builder.loose[0].line
            ));
        }
        if let Some(previous) = builder.article.clauses.iter().find(|c| c.number == number) {
            return Err(format!(
                "clause {number} appears twice in {} (first on line {})",
                builder.article.label, previous.line
            ));
        }
        builder.article.clauses.push(Clause {
            number,
            text: String::new(),
            notes: Vec::new(),
            line: line_no,
        });
        if !rest.is_empty() {
            self.paragraph.push(line_no, rest);
        } else {
            // `1.` alone on its line: the clause text follows; keep the line for errors.
            self.paragraph.line = line_no;
        }
        Ok(())
    }

    fn add_note(&mut self, note: &str) -> Result<(), String> {
        let note = join_whitespace(note).collect::<String>();
        let clause = self.article.as_mut().and_then(|b| {
            if b.article.clauses.is_empty() {
                b.loose.last_mut()
            } else {
                b.article.clauses.last_mut()
            }
        });
        if let Some(clause) = clause {
            clause.notes.push(note);
            return Ok(());
        }
        if let Some(builder) = self.article.as_mut() {
            builder.article.notes.push(note);
            return Ok(());
        }
        // Between a chapter heading and its first article: a note on the heading.
        match self.draft.chapters.last_mut() {
            Some(chapter) if self.article.is_none() => {
                chapter.notes.push(note);
                Ok(())
            }
            _ => Err("expected a heading or a clause before this footnote; a footnote belongs to what stands above it".into()),
        }
    }

    fn end_paragraph(&mut self) -> Result<(), String> {
        let Some((line, text)) = self.paragraph.take() else {
            return Ok(());
        };
        if let Some(builder) = self.article.as_mut() {
            // A list item or a note continues the clause above it; it is not a clause of
            // its own (Article 44 of the Kazakh text: an intro line and items `1)`..`22)`).
            let continues_previous = starts_own_paragraph(&text);
            let target = match builder.article.clauses.last_mut() {
                Some(clause) => Some(clause),
                None if continues_previous => builder.loose.last_mut(),
                None => None,
            };
            match target {
                Some(clause) => {
                    if !clause.text.is_empty() {
                        clause.text.push_str("\n\n");
                    }
                    clause.text.push_str(&text);
                }
                None => builder.loose.push(Clause {
                    number: ClauseNumber::nth(builder.loose.len() + 1),
                    text,
                    notes: Vec::new(),
                    line,
                }),
            }
            return Ok(());
        }
        if self.chapter_awaits_title {
            if let Some(chapter) = self.draft.chapters.last_mut() {
                chapter.title = Some(text);
            }
            self.chapter_awaits_title = false;
            return Ok(());
        }
        if let Some(chapter) = self.draft.chapters.last() {
            self.error_line = Some(line);
            return Err(format!(
                "expected an `Article` heading after `{}`, found text",
                chapter.heading
            ));
        }
        self.seen_content = true;
        self.preamble.push(text);
        Ok(())
    }

    fn end_article(&mut self) -> Result<(), String> {
        let Some(mut builder) = self.article.take() else {
            return Ok(());
        };
        if builder.article.clauses.is_empty() {
            builder.article.clauses = std::mem::take(&mut builder.loose);
        }
        if let Some(empty) = builder.article.clauses.iter().find(|c| c.text.is_empty()) {
            self.error_line = Some(empty.line);
            return Err(format!(
                "clause {} of {} (line {}) has no text",
                empty.number, builder.article.label, empty.line
            ));
        }
        if builder.article.clauses.is_empty() && builder.article.notes.is_empty() {
            self.error_line = Some(builder.article.line);
            return Err(format!(
                "{} (line {}) has no text; expected at least one paragraph or footnote after it",
                builder.article.label, builder.article.line
            ));
        }
        self.draft.articles.push(builder.article);
        Ok(())
    }

    fn finish(mut self) -> Result<Draft, (usize, String)> {
        let last_line = self.paragraph.line;
        self.end_paragraph().map_err(|m| (last_line, m))?;
        let article_line = self.article.as_ref().map_or(0, |b| b.article.line);
        if let Err(message) = self.end_article() {
            return Err((self.error_line.unwrap_or(article_line), message));
        }
        if self.draft.articles.is_empty() {
            return Err((
                1,
                "expected at least one article heading (`Article 1`, `ARTICLE I`, `AMENDMENT I` or `### Article 1`); found none".into(),
            ));
        }
        if let Some(chapter) = self
            .draft
            .chapters
            .iter()
            .enumerate()
            .find(|(i, _)| !self.draft.articles.iter().any(|a| a.chapter == Some(*i)))
            .map(|(_, c)| c)
        {
            return Err((
                chapter.line,
                format!(
                    "`{}` has no articles; expected an `Article` heading after it",
                    chapter.heading
                ),
            ));
        }
        // A single short line without final punctuation at the top is the document's title.
        if self.draft.title.is_none() && self.preamble.len() > 1 {
            let first = &self.preamble[0];
            if first.len() <= 120 && !first.ends_with(['.', ',', ';', ':']) {
                self.draft.title = Some(self.preamble.remove(0));
            }
        }
        self.draft.preamble = self.preamble.join("\n\n");
        Ok(self.draft)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(name: &str, text: &str) -> Result<Draft, ImportError> {
        parse_draft(name, text.as_bytes())
    }

    fn error(name: &str, text: &str) -> (usize, String) {
        match parse(name, text) {
            Ok(draft) => panic!("accepted a bad file: {draft:?}"),
            Err(e) => {
                assert_eq!(e.file, name);
                (e.line, e.message)
            }
        }
    }

    fn real(name: &str) -> Draft {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap();
        parse_draft(&path, &bytes).unwrap()
    }

    #[test]
    fn kazakh_constitution_structure() {
        let draft = real("constitution-kazakhstan-en.txt");
        assert_eq!(
            draft.title.as_deref(),
            Some("Constitution of the Republic of Kazakhstan")
        );
        assert_eq!(draft.chapters.len(), 9);
        assert_eq!(draft.articles.len(), 102);
        assert_eq!(draft.clause_count(), 309);
        assert_eq!(draft.note_count(), 110);
        let numbers: Vec<&str> = draft.articles.iter().map(|a| a.number.as_str()).collect();
        for extra in ["83-1", "94-1", "94-2"] {
            assert!(numbers.contains(&extra), "{extra}");
        }
        assert_eq!(
            draft.chapters[7].title.as_deref(),
            Some("State Administration and Self-Government")
        );
        assert_eq!(
            draft.chapters[6].heading, "Section VII",
            "leading space tolerated"
        );
        assert!(draft.preamble.starts_with("We, the people of Kazakhstan,"));
    }

    #[test]
    fn us_constitution_structure() {
        let draft = real("constitution-us.txt");
        assert_eq!(draft.articles.len(), 34);
        assert_eq!(draft.clause_count(), 78);
        assert!(draft.chapters.is_empty());
        assert!(draft
            .preamble
            .starts_with("We the People of the United States"));
        assert!(!draft.preamble.contains("PREAMBLE"));
        let amendments = draft
            .articles
            .iter()
            .filter(|a| a.number.is_amendment())
            .count();
        assert_eq!(amendments, 27);
    }

    const OUTLINE: &str = "# Law on Public Consultation\n\
        \n\
        This law sets out how drafts are put to the public.\n\
        \n\
        ## Chapter 1: General provisions\n\
        \n\
        ### Article 1: Purpose\n\
        \n\
        1. Drafts of laws are published for comment\n\
        before they are adopted.\n\
        2. Comments are answered.\n\
        > Footnote: Added in 2026.\n\
        \n\
        ### Article 1-1\n\
        \n\
        Unnumbered first paragraph.\n\
        \n\
        Second paragraph.\n\
        \n\
        ## Chapter 2: Final provisions\n\
        \n\
        ### Amendment I\n\
        \n\
        1. Enters into force on publication.\n";

    #[test]
    fn markdown_outline() {
        let draft = parse("law.md", OUTLINE).unwrap();
        assert_eq!(draft.title.as_deref(), Some("Law on Public Consultation"));
        assert_eq!(
            draft.preamble,
            "This law sets out how drafts are put to the public."
        );
        assert_eq!(draft.chapters.len(), 2);
        assert_eq!(draft.chapters[0].heading, "Chapter 1");
        assert_eq!(
            draft.chapters[0].title.as_deref(),
            Some("General provisions")
        );
        let first = &draft.articles[0];
        assert_eq!(
            (first.number.as_str(), first.title.as_deref()),
            ("1", Some("Purpose"))
        );
        assert_eq!(
            first.clauses[0].text,
            "Drafts of laws are published for comment before they are adopted."
        );
        assert_eq!(first.clauses[1].notes, vec!["Added in 2026.".to_owned()]);
        let second = &draft.articles[1];
        assert_eq!(second.number.as_str(), "1-1");
        assert_eq!(
            second.clauses.len(),
            2,
            "one clause per unnumbered paragraph"
        );
        assert_eq!(draft.articles[2].number.as_str(), "AM-I");
        assert_eq!(draft.articles[2].chapter, Some(1));
        // Detected by content too, whatever the extension.
        assert_eq!(parse("law.txt", OUTLINE).unwrap(), draft);
    }

    #[test]
    fn windows_line_endings_and_bom() {
        let text = "\u{feff}Article 1\r\n\r\n1. First\r\nclause.\r\n";
        let draft = parse("crlf.txt", text).unwrap();
        assert_eq!(draft.articles[0].clauses[0].text, "First clause.");
    }

    #[test]
    fn malformed_files_name_the_line_and_what_was_expected() {
        let cases: &[(&str, &str, usize, &str)] = &[
            ("empty.txt", "", 1, "expected at least one article heading"),
            (
                "prose.txt",
                "Just some text.\n\nMore text.\n",
                1,
                "expected at least one article heading",
            ),
            (
                "dup.txt",
                "Article 1\n\n1. A.\n\nArticle 1\n\n1. B.\n",
                5,
                "Article 1 appears twice; it was first used on line 1",
            ),
            (
                "dupclause.txt",
                "Article 1\n\n1. A.\n\n1. B.\n",
                5,
                "clause 1 appears twice in Article 1 (first on line 3)",
            ),
            (
                "noarticle.txt",
                "Section I\n\nTitle\n\n1. Orphan.\n",
                5,
                "expected an `Article` heading before numbered clause 1",
            ),
            (
                "emptyarticle.txt",
                "Article 1\n\nArticle 2\n\n1. B.\n",
                1,
                "Article 1 (line 1) has no text",
            ),
            (
                "emptyclause.txt",
                "Article 1\n\n1.\n\nArticle 2\n\n1. B.\n",
                3,
                "clause 1 of Article 1 (line 3) has no text",
            ),
            (
                "mixed.txt",
                "Article 1\n\nIntro.\n\n1. A.\n",
                5,
                "has unnumbered text (line 3) before its first numbered clause 1",
            ),
            (
                "footnote.txt",
                "Footnote: nothing above.\n\nArticle 1\n\n1. A.\n",
                1,
                "expected a heading or a clause before this footnote",
            ),
            (
                "chaptertext.txt",
                "Section I\n\nTitle\n\nStray text.\n\nArticle 1\n\n1. A.\n",
                5,
                "expected an `Article` heading after `Section I`, found text",
            ),
            (
                "emptychapter.txt",
                "Section I\n\nTitle\n\nSection II\n\nTitle two\n\nArticle 1\n\n1. A.\n",
                1,
                "`Section I` has no articles",
            ),
            (
                "deep.md",
                "### Article 1\n\n1. A.\n\n#### Too deep\n",
                5,
                "deeper headings are not part of the outline",
            ),
            (
                "bad-h3.md",
                "## Chapter 1\n\n### Overview\n",
                3,
                "expected `### Article N` or `### Amendment N`",
            ),
            (
                "title-late.md",
                "### Article 1\n\n1. A.\n\n# Title\n",
                5,
                "expected the `# Title` line only once, at the top of the file",
            ),
        ];
        for &(name, text, line, message) in cases {
            let (got_line, got_message) = error(name, text);
            assert!(got_message.contains(message), "{name}: got {got_message:?}");
            assert_eq!(got_line, line, "{name}: {got_message}");
        }
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        let err = parse_draft("latin1.txt", b"Article 1\n\n1. Caf\xe9 au lait.\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err
            .to_string()
            .starts_with("latin1.txt:3: expected UTF-8 text"));
    }

    #[test]
    fn oversized_files_are_refused_before_parsing() {
        let big = vec![b'a'; MAX_DRAFT_BYTES + 1];
        let err = parse_draft("big.txt", &big).unwrap_err();
        assert!(err.message.contains("at most"));
    }

    #[test]
    fn a_number_inside_a_wrapped_paragraph_is_text() {
        let text = "Article 1\n\n1. The census of\n1790. shall count everyone.\n\n2. Second.\n";
        let draft = parse("wrap.txt", text).unwrap();
        let clauses = &draft.articles[0].clauses;
        assert_eq!(clauses.len(), 2);
        assert_eq!(clauses[0].text, "The census of 1790. shall count everyone.");
    }

    #[test]
    fn headings_need_a_number_and_a_separator_before_a_title() {
        assert!(classify_heading("Article becomes operative").is_none());
        assert!(classify_heading("Article 5 of this Constitution").is_none());
        assert!(matches!(
            classify_heading("Article 5: Languages"),
            Some(LineKind::Article { .. })
        ));
        assert!(matches!(
            classify_heading("Section VIII. State Administration"),
            Some(LineKind::Chapter { .. })
        ));
        assert!(classify_heading("SECTION. 2. The House").is_none());
    }
}
