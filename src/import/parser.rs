//! The line-oriented draft parser shared by both layouts.
//!
//! Each line is first classified on its own (`layout.rs`); [`Builder`] then assembles
//! paragraphs, clauses, articles and chapters, and knows the context a single line
//! cannot (a number at the start of a wrapped line is text, not a new clause).
//!
//! Everything here is linear in the size of the file: each line is looked at once, and
//! duplicates are found through hash maps, so a hostile file costs no more than a long
//! honest one.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use super::layout::{classify_markdown, classify_plain, starts_own_paragraph, LineKind};
use crate::domain::draft::{Article, Chapter, Clause, Draft};
use crate::domain::reference::{ArticleNumber, ClauseNumber};
use crate::i18n::{Lang, Message};

/// How far a clause number may jump past the one before it (`5.` after `2.`: repealed
/// clauses 3 and 4 left out). A larger jump at the start of a paragraph is far more
/// often a sentence that begins with a year (`1995. ...`) than a real clause number, so
/// it is refused with a message instead of silently becoming clause 1995.
pub const MAX_CLAUSE_GAP: u32 = 10;

/// A file that could not be imported: where, and what was expected there. The message
/// is a catalogue id with its arguments (`import-…` in `locales/*/import.ftl`), put
/// into words by [`ImportError::render`] in the reader's language; `Display` is English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    pub message: Message,
}

impl ImportError {
    pub fn new(file: &str, line: usize, message: Message) -> Self {
        Self {
            file: file.to_owned(),
            line,
            message,
        }
    }

    /// `file:line: problem` (or `file: problem` for the whole file) in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        self.located().render(lang)
    }

    /// The whole message, with where the problem is, as one [`Message`].
    pub fn located(&self) -> Message {
        if self.line == 0 {
            Message::new("import-at-file")
        } else {
            Message::new("import-at-line").number("line", self.line)
        }
        .text("file", &self.file)
        .message("message", self.message.clone())
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for ImportError {}

/// The first control character in `line` that text may not hold, with its column
/// (1-based, in characters). Tab is white space; a line end (LF, or CR LF) has already
/// been cut off, so a CR left here stands alone inside the line. NUL in particular must
/// not get through: PostgreSQL refuses it in text, and SQLite would cut the text there.
pub fn control_character(line: &str, allow: &[char]) -> Option<(usize, char)> {
    line.chars()
        .enumerate()
        .map(|(i, c)| (i + 1, c))
        .find(|(_, c)| c.is_control() && !allow.contains(c))
}

/// The message for a control character found by [`control_character`].
pub fn control_message(column: usize, c: char) -> Message {
    let kind = match c {
        '\0' => "nul",
        '\r' => "cr",
        '\u{1b}' => "escape",
        '\u{7f}' => "delete",
        _ => "other",
    };
    Message::new("import-control-character")
        .text("code", format!("{:04X}", u32::from(c)))
        .text("kind", kind)
        .number("column", column)
}

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
///
/// The size of `bytes` is not checked here: the caller has already read them, and the
/// readers in `limits.rs` refuse an oversized file before reading it.
pub fn parse_draft(file_name: &str, bytes: &[u8]) -> Result<Draft, ImportError> {
    let err = |line: usize, message: Message| ImportError::new(file_name, line, message);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        err(line, Message::new("import-not-utf8"))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = Format::detect(file_name, text);
    let mut builder = Builder::new(format);
    for (index, raw) in text.split('\n').enumerate() {
        let line_no = index + 1;
        let line = raw.trim_end_matches('\r');
        if let Some((column, c)) = control_character(line, &['\t']) {
            return Err(err(line_no, control_message(column, c)));
        }
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

/// A clause number as (number, sub-number): `3` is (3, 0), `3-1` is (3, 1).
fn clause_order(number: &ClauseNumber) -> Option<(u32, u32)> {
    let mut parts = number.as_str().split('-');
    let base = parts.next()?.parse().ok()?;
    let sub = parts.next().map_or(Some(0), |s| s.parse().ok())?;
    Some((base, sub))
}

/// Clause numbers go up through an article, by small steps: `2` after `1`, `3-1` after
/// `3`, `4` after `3-1`, or a jump of at most [`MAX_CLAUSE_GAP`] over repealed clauses
/// (the first clause is at most that). Anything else at the start of a paragraph is a
/// mistake in the file or a sentence that begins with a number (`1995. ...`); both are
/// better reported than guessed at.
fn check_order(
    previous: Option<&ClauseNumber>,
    number: &ClauseNumber,
    article: &str,
) -> Result<(), Message> {
    let Some(order) = clause_order(number) else {
        return Ok(());
    };
    let last = previous.and_then(clause_order).unwrap_or_default();
    if let Some(previous) = previous.filter(|_| order <= last) {
        return Err(Message::new("import-clause-not-increasing")
            .text("clause", number)
            .text("previous", previous)
            .text("article", article));
    }
    if order.0 > last.0 + MAX_CLAUSE_GAP {
        let message = match previous {
            None => Message::new("import-clause-gap-first"),
            Some(previous) => Message::new("import-clause-gap").text("previous", previous),
        };
        return Err(message
            .text("clause", number)
            .text("article", article)
            .number("max", MAX_CLAUSE_GAP));
    }
    Ok(())
}

/// An article being read: its numbered clauses, or, until the first numbered one, its
/// loose paragraphs (an article without numbered clauses has one clause per paragraph).
struct ArticleBuilder {
    article: Article,
    loose: Vec<Clause>,
    /// The line of each numbered clause so far, to find a repeated number at once.
    clause_lines: HashMap<ClauseNumber, usize>,
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

    fn feed(&mut self, line_no: usize, kind: LineKind<'_>) -> Result<(), Message> {
        match kind {
            LineKind::Blank => self.end_paragraph(),
            LineKind::Invalid(message) => Err(message),
            LineKind::PreambleMarker => {
                self.end_paragraph()?;
                if self.article.is_some() || !self.draft.chapters.is_empty() {
                    return Err(Message::new("import-preamble-late"));
                }
                self.seen_content = true;
                Ok(())
            }
            LineKind::DocTitle(title) => {
                self.end_paragraph()?;
                if self.seen_content || self.draft.title.is_some() {
                    return Err(Message::new("import-title-twice"));
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
                    return Err(Message::new("import-article-twice")
                        .text("article", &label)
                        .number("first", *first));
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
                    clause_lines: HashMap::new(),
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
                        return Err(
                            Message::new("import-clause-before-article").text("clause", &number)
                        );
                    }
                    // A wrapped line that happens to start with a number, or preamble text.
                    self.paragraph.push(line_no, whole);
                    return Ok(());
                }
                self.end_paragraph()?;
                self.start_clause(line_no, number, rest)
            }
            LineKind::BadNumber {
                problem,
                never_prose,
                whole,
            } => {
                // Strict where a clause number is expected: at the start of a paragraph
                // once the headings have begun. Inside a wrapped paragraph, and in the
                // preamble, such a line is text (`... in\n1995. The ...`), unless its
                // shape (`1--2.`) is one no sentence has.
                let strict = (self.article.is_some() || self.seen_heading())
                    && (self.at_paragraph_start() || never_prose);
                if strict {
                    return Err(
                        Message::new("import-bad-clause-number").message("problem", problem)
                    );
                }
                self.paragraph.push(line_no, whole);
                Ok(())
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
        match (clause_order(&last.number), clause_order(number)) {
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
    ) -> Result<(), Message> {
        let Some(builder) = self.article.as_mut() else {
            return Err(Message::new("import-clause-before-article").text("clause", &number));
        };
        if !builder.loose.is_empty() {
            return Err(Message::new("import-unnumbered-text")
                .text("article", &builder.article.label)
                .number("line", builder.loose[0].line)
                .text("clause", &number));
        }
        if let Some(first) = builder.clause_lines.get(&number) {
            return Err(Message::new("import-clause-twice")
                .text("clause", &number)
                .text("article", &builder.article.label)
                .number("first", *first));
        }
        check_order(
            builder.article.clauses.last().map(|c| &c.number),
            &number,
            &builder.article.label,
        )?;
        builder.clause_lines.insert(number.clone(), line_no);
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

    fn add_note(&mut self, note: &str) -> Result<(), Message> {
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
            _ => Err(Message::new("import-note-orphan")),
        }
    }

    fn end_paragraph(&mut self) -> Result<(), Message> {
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
            return Err(Message::new("import-text-after-chapter").text("chapter", &chapter.heading));
        }
        self.seen_content = true;
        self.preamble.push(text);
        Ok(())
    }

    fn end_article(&mut self) -> Result<(), Message> {
        let Some(mut builder) = self.article.take() else {
            return Ok(());
        };
        if builder.article.clauses.is_empty() {
            builder.article.clauses = std::mem::take(&mut builder.loose);
        }
        if let Some(empty) = builder.article.clauses.iter().find(|c| c.text.is_empty()) {
            self.error_line = Some(empty.line);
            return Err(Message::new("import-clause-empty")
                .text("clause", &empty.number)
                .text("article", &builder.article.label)
                .number("line", empty.line));
        }
        if builder.article.clauses.is_empty() && builder.article.notes.is_empty() {
            self.error_line = Some(builder.article.line);
            return Err(Message::new("import-article-empty")
                .text("article", &builder.article.label)
                .number("line", builder.article.line));
        }
        self.draft.articles.push(builder.article);
        Ok(())
    }

    fn finish(mut self) -> Result<Draft, (usize, Message)> {
        let last_line = self.paragraph.line;
        self.end_paragraph().map_err(|m| (last_line, m))?;
        let article_line = self.article.as_ref().map_or(0, |b| b.article.line);
        if let Err(message) = self.end_article() {
            return Err((self.error_line.unwrap_or(article_line), message));
        }
        if self.draft.articles.is_empty() {
            return Err((1, Message::new("import-no-articles")));
        }
        let with_articles: HashSet<usize> = self
            .draft
            .articles
            .iter()
            .filter_map(|a| a.chapter)
            .collect();
        if let Some(chapter) = self
            .draft
            .chapters
            .iter()
            .enumerate()
            .find(|(i, _)| !with_articles.contains(i))
            .map(|(_, c)| c)
        {
            return Err((
                chapter.line,
                Message::new("import-chapter-empty").text("chapter", &chapter.heading),
            ));
        }
        // A single short line without final punctuation at the top is the document's title.
        if self.draft.title.is_none() && self.preamble.len() > 1 {
            let first = &self.preamble[0];
            if first.chars().count() <= 120 && !first.ends_with(['.', ',', ';', ':']) {
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
                (e.line, e.message.to_string())
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

    fn sample(name: &str) -> Draft {
        let path = format!("{}/samples/udhr/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap();
        parse_draft(name, &bytes).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The articles of the Declaration whose paragraphs are numbered `1.`, `2.`, ...
    const UDHR_NUMBERED: [&str; 13] = [
        "11", "13", "14", "15", "16", "17", "20", "21", "23", "25", "26", "27", "29",
    ];

    #[test]
    fn the_declaration_in_three_languages() {
        let mut references = Vec::new();
        for (name, title, first_words) in [
            (
                "udhr-kk.txt",
                "АДАМ ҚҰҚЫҚТАРЫНЫҢ ЖАЛПЫҒА БІРДЕЙ ДЕКЛАРАЦИЯСЫ",
                "Адам баласы үйелменінің",
            ),
            (
                "udhr-ru.txt",
                "Всеобщая декларация прав человека",
                "Принимая во внимание",
            ),
            (
                "udhr-en.txt",
                "Universal Declaration of Human Rights",
                "Whereas recognition",
            ),
        ] {
            let draft = sample(name);
            assert_eq!(draft.title.as_deref(), Some(title), "{name}");
            assert!(
                draft.preamble.starts_with(first_words),
                "{name}: {}",
                &draft.preamble[..80]
            );
            assert!(
                !draft.preamble.to_lowercase().starts_with("преамбула"),
                "{name}"
            );
            assert!(draft.chapters.is_empty(), "{name}");
            assert_eq!(draft.articles.len(), 30, "{name}");
            let numbers: Vec<&str> = draft.articles.iter().map(|a| a.number.as_str()).collect();
            let expected: Vec<String> = (1..=30).map(|n| n.to_string()).collect();
            assert_eq!(numbers, expected, "{name}");
            let numbered: usize = draft
                .articles
                .iter()
                .filter(|a| UDHR_NUMBERED.contains(&a.number.as_str()))
                .map(|a| a.clauses.len())
                .sum();
            assert_eq!(numbered, 32, "{name}: numbered paragraphs");
            // `17 бап.` with its full stop is article 17 with two numbered paragraphs.
            assert_eq!(draft.articles[16].clauses.len(), 2, "{name}");
            assert!(
                draft.articles.iter().all(|a| !a.clauses.is_empty()),
                "{name}"
            );
            let refs: Vec<String> = draft
                .articles
                .iter()
                .flat_map(|a| a.clauses.iter().map(|c| a.reference(c).to_string()))
                .collect();
            references.push((name, refs));
        }
        let (first, rest) = references.split_first().unwrap();
        for (name, refs) in rest {
            assert_eq!(refs, &first.1, "{name} has the references of {}", first.0);
        }
        let drafts: Vec<(&str, Draft)> = ["udhr-kk.txt", "udhr-ru.txt", "udhr-en.txt"]
            .into_iter()
            .map(|n| (n, sample(n)))
            .collect();
        let pairs: Vec<(&str, &Draft)> = drafts.iter().map(|(n, d)| (*n, d)).collect();
        assert_eq!(crate::import::check_alignment(&pairs), Ok(()));
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
                "expected `### Article N`, `### Amendment N`",
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
    fn a_number_inside_a_wrapped_paragraph_is_text() {
        let text = "Article 1\n\n1. The census of\n1790. shall count everyone.\n\n2. Second.\n";
        let draft = parse("wrap.txt", text).unwrap();
        let clauses = &draft.articles[0].clauses;
        assert_eq!(clauses.len(), 2);
        assert_eq!(clauses[0].text, "The census of 1790. shall count everyone.");
    }

    #[test]
    fn control_characters_are_refused_with_their_line() {
        for (text, line, needle) in [
            ("Article 1\n\n1. A\0B.\n", 3, "U+0000 (NUL) at column 5"),
            (
                "Article 1\n\n1. A.\rB\n",
                3,
                "carriage return without a line feed",
            ),
            ("Article 1\n\n1. \u{1b}[31mred\n", 3, "U+001B (escape)"),
            ("\u{7}Article 1\n\n1. A.\n", 1, "U+0007"),
        ] {
            let (got_line, message) = error("ctl.txt", text);
            assert_eq!(got_line, line, "{text:?}: {message}");
            assert!(message.contains(needle), "{text:?}: {message}");
        }
        // Tabs and CR LF line ends are fine.
        let draft = parse("ok.txt", "Article 1\r\n\r\n1.\tTabbed\ttext.\r\n").unwrap();
        assert_eq!(draft.articles[0].clauses[0].text, "Tabbed text.");
    }

    #[test]
    fn malformed_numbering_is_an_error_with_its_line() {
        let cases: &[(&str, usize, &str)] = &[
            (
                "Article 1\n\n1. A.\n\n99999999999999999999999999. B.\n",
                5,
                "too large",
            ),
            (
                "Article 1\n\n1. A.\n\n1--2. B.\n",
                5,
                "`1--2` is not a number",
            ),
            // `1--2.` is no sentence's start, so even without a blank line.
            (
                "Article 1\n\n1. A.\n1--2. B.\n",
                4,
                "`1--2` is not a number",
            ),
            ("Article 1\n\n1. A.\n\n-1. B.\n", 5, "`-1` is not a number"),
            ("Article 1\n\n01. A.\n", 3, "leading zero"),
            ("Article 1\n\n1. A.\n\n2-01. B.\n", 5, "leading zero"),
            ("Article 01\n\n1. A.\n", 1, "leading zero"),
            ("Article 1--2\n\n1. A.\n", 1, "`1--2` is not a number"),
            ("01-бап\n\n1. A.\n", 1, "leading zero"),
            ("Статья 99999999999\n\n1. A.\n", 1, "too large"),
            // Numbers go up, by small steps.
            (
                "Article 1\n\n2. A.\n\n1. B.\n",
                5,
                "clause numbers must increase",
            ),
            ("Article 1\n\n3-1. A.\n\n3. B.\n", 5, "must increase"),
            (
                "Article 1\n\n1. A.\n\n2. B.\n\n1995. The year it was adopted.\n",
                7,
                "such as a year",
            ),
            (
                "Article 1\n\n1995. The year.\n",
                3,
                "is the first numbered clause",
            ),
        ];
        for &(text, line, needle) in cases {
            let (got_line, message) = error("num.txt", text);
            assert!(message.contains(needle), "{text:?}: {message}");
            assert_eq!(got_line, line, "{text:?}: {message}");
        }
    }

    #[test]
    fn numbers_that_are_text_stay_text() {
        // Inside a wrapped paragraph a year, or a number with a leading zero, is text.
        let draft = parse(
            "wrap.txt",
            "Preamble adopted in\n1995. It stands.\n\nArticle 1\n\n1. Adopted in\n1995. Amended in\n02. Text.\n\n2. Gaps are fine.\n\n5. After repealed 3 and 4.\n",
        )
        .unwrap();
        assert_eq!(draft.preamble, "Preamble adopted in 1995. It stands.");
        let clauses = &draft.articles[0].clauses;
        assert_eq!(clauses.len(), 3);
        assert_eq!(clauses[0].text, "Adopted in 1995. Amended in 02. Text.");
        assert_eq!(clauses[2].number.as_str(), "5");
    }

    #[test]
    fn many_clauses_in_one_article_are_checked_in_linear_time() {
        // 200,000 clauses: quadratic duplicate detection took minutes at this size.
        let mut text = String::from("Article 1\n\n");
        for n in 1..=200_000 {
            text.push_str(&format!("{n}. Clause {n}.\n"));
        }
        let draft = parse("big.txt", &text).unwrap();
        assert_eq!(draft.clause_count(), 200_000);
        text.push_str("\n7. Again.\n");
        let (line, message) = error("big.txt", &text);
        assert_eq!(line, 200_004);
        assert!(
            message.contains("clause 7 appears twice in Article 1 (first on line 9)"),
            "{message}"
        );
    }
}
