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
        builder
            .feed(line_no, kind)
            .map_err(|message| err(line_no, message))?;
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
            return Err(format!(
                "clause {} of {} (line {}) has no text",
                empty.number, builder.article.label, empty.line
            ));
        }
        if builder.article.clauses.is_empty() && builder.article.notes.is_empty() {
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
        self.end_article().map_err(|m| (article_line, m))?;
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
