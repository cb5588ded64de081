//! What one line of a draft is, seen on its own: the headings, numbers and markers of
//! the English, Kazakh and Russian layouts of official texts.
//!
//! [`classify_plain`] and [`classify_markdown`] know nothing of the lines around; the
//! builder in `parser.rs` adds the context (a number at the start of a wrapped line is
//! text, not a new clause).
//!
//! Numbers are read strictly: a token that looks like a clause or article number but is
//! not a well-formed one (`01.`, `1--2.`, `-1.`, more than [`MAX_NUMBER_DIGITS`] digits)
//! comes back as [`LineKind::BadNumber`] or [`LineKind::Invalid`], so that it is
//! reported with its line instead of being read as text of the clause above.

use crate::domain::reference::{is_roman, ArticleNumber, ClauseNumber};
use crate::i18n::Message;

/// The most digits in one part of a clause or article number (`999999`, `3-999999`).
/// Real texts stay under four; a longer run of digits is a mistake or hostile input.
pub const MAX_NUMBER_DIGITS: usize = 6;

/// What one line is, seen on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineKind<'a> {
    Blank,
    /// `# Title` (Markdown) — the document title.
    DocTitle(&'a str),
    /// `PREAMBLE`, `Преамбула`, `Кіріспе` on its own line: a marker, not content.
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
    /// A line that starts like a numbered clause with a malformed number (`01.`,
    /// `1--2.`): an error at the start of a paragraph, text inside one.
    BadNumber {
        /// Why the number is not one, for the message.
        problem: Message,
        /// `1--2.` and `3-.` are never prose, wherever they stand.
        never_prose: bool,
        whole: &'a str,
    },
    /// A footnote, kept as a note of the clause it follows.
    Note(&'a str),
    /// A line that always starts a new paragraph (`Note.` in the Kazakh text).
    ParagraphStart(&'a str),
    Text(&'a str),
    /// A line the layout does not allow, with what was expected instead.
    Invalid(Message),
}

/// Chapter words printed before the number: `Section I`, `Раздел I`, `Глава 2`.
const CHAPTER_WORDS: [&str; 10] = [
    "Section",
    "SECTION",
    "Chapter",
    "CHAPTER",
    "Part",
    "PART",
    "Раздел",
    "РАЗДЕЛ",
    "Глава",
    "ГЛАВА",
];
/// Article words printed before the number: `Article 12`, `Статья 12`.
const ARTICLE_WORDS: [&str; 4] = ["Article", "ARTICLE", "Статья", "СТАТЬЯ"];
const AMENDMENT_WORDS: [&str; 2] = ["Amendment", "AMENDMENT"];
/// Kazakh puts the word after the number: `I бөлім`, `I-бөлім`, `1-тарау`.
const CHAPTER_WORDS_AFTER: [&str; 4] = ["бөлім", "БӨЛІМ", "тарау", "ТАРАУ"];
/// `1-бап`, `1 бап`, `17 бап.`
const ARTICLE_WORDS_AFTER: [&str; 2] = ["бап", "БАП"];

/// Whole lines that only announce the preamble, compared case-insensitively.
const PREAMBLE_MARKERS: [&str; 3] = ["preamble", "преамбула", "кіріспе"];

/// Footnote markers: the editorial notes of official publications (`Ескерту.` in
/// Kazakh and `Сноска.` / `Примечание.` in Russian texts on Adilet, `Footnote.` in their
/// English translations).
const FOOTNOTE_MARKERS: [&str; 16] = [
    "Footnote:",
    "Footnote.",
    "FOOTNOTE:",
    "FOOTNOTE.",
    "Footnote ",
    "Ескерту.",
    "Ескерту:",
    "ЕСКЕРТУ.",
    "Сноска.",
    "Сноска:",
    "СНОСКА.",
    "Примечание.",
    "Примечание:",
    "ПРИМЕЧАНИЕ.",
    "Примечания.",
    "ПРИМЕЧАНИЯ.",
];

/// Why an Arabic number token (`12`, `3-1`) is not a well-formed one, if it is not.
/// Leading zeros are refused because `01` and `1` would otherwise be two different
/// articles; more than [`MAX_NUMBER_DIGITS`] digits because no real text has them.
pub fn arabic_number_problem(token: &str) -> Option<Message> {
    let mut parts = token.split('-');
    let well_formed = parts.clone().count() <= 2
        && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    if !well_formed {
        return Some(Message::new("import-number-shape").text("token", token));
    }
    let mut parts = token.split('-');
    if parts.any(|p| p.starts_with('0')) {
        let fixed: Vec<String> = token
            .split('-')
            .map(|p| {
                let trimmed = p.trim_start_matches('0');
                if trimmed.is_empty() { "0" } else { trimmed }.to_owned()
            })
            .collect();
        return Some(
            Message::new("import-number-leading-zero")
                .text("token", token)
                .text("fixed", fixed.join("-")),
        );
    }
    if token.split('-').any(|p| p.len() > MAX_NUMBER_DIGITS) {
        return Some(
            Message::new("import-number-too-long")
                .text("token", token)
                .number("max", MAX_NUMBER_DIGITS),
        );
    }
    None
}

/// The number token at the start of `s` (`1`, `83-1`, `XIV`, or a malformed one such as
/// `01` or `1--2`), and the rest after it; `None` when the first word is not a number at
/// all (`Article becomes operative ...` is prose).
fn leading_number(s: &str) -> Option<(&str, &str)> {
    let end = s
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(s.len());
    let (token, rest) = s.split_at(end);
    let arabic_like = token.starts_with(|c: char| c.is_ascii_digit())
        && token.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    (arabic_like || is_roman(token)).then_some((token, rest))
}

/// What follows a heading's number: nothing, a full stop, or a separator and a title.
/// `None` when it is prose (`Article 5 of this Constitution`).
fn heading_title(rest: &str) -> Option<Option<&str>> {
    let rest = rest.trim();
    if rest.is_empty() || rest == "." {
        return Some(None);
    }
    // A title must be set off by a separator; `Article 5 of this Constitution` is prose.
    [".", ":", "—", "–", "-"]
        .iter()
        .find_map(|sep| rest.strip_prefix(sep))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(Some)
}

/// A heading found on a line: its printed form up to the number (or word), the number
/// token, and the title if any.
struct Heading<'a> {
    printed: String,
    number: &'a str,
    title: Option<&'a str>,
}

/// `<word> <number>[<sep> <title>]`: `Article 12`, `Section VIII. State Administration`,
/// `Статья 5: Языки`.
fn word_first<'a>(line: &'a str, words: &[&str]) -> Option<Heading<'a>> {
    let word = words.iter().find(|w| {
        line.strip_prefix(**w)
            .is_some_and(|rest| rest.starts_with(char::is_whitespace))
    })?;
    let after_word = line[word.len()..].trim_start();
    let (number, rest) = leading_number(after_word)?;
    let title = heading_title(rest)?;
    Some(Heading {
        printed: format!("{word} {number}"),
        number,
        title,
    })
}

/// `<number>[-| ]<word>[<sep> <title>]`, as Kazakh prints headings: `1-бап`, `1 бап`,
/// `17 бап.`, `I бөлім`, `I-бөлім`, `2-тарау. Адам және азамат`.
fn number_first<'a>(line: &'a str, words: &[&str]) -> Option<Heading<'a>> {
    let alnum_end = line
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(line.len());
    // `83-1-бап`: a suffix `-1` belongs to the number when digits follow the hyphen.
    let suffix_end = line[alnum_end..]
        .strip_prefix('-')
        .map(|rest| {
            rest.find(|c: char| !c.is_ascii_digit())
                .unwrap_or(rest.len())
        })
        .filter(|&digits| digits > 0)
        .map_or(alnum_end, |digits| alnum_end + 1 + digits);
    let (number, after) = line.split_at(suffix_end);
    let arabic_like = !number.is_empty()
        && number.starts_with(|c: char| c.is_ascii_digit())
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    if !(arabic_like || is_roman(number)) {
        return None;
    }
    let (joiner, after) = match after.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => {
            let trimmed = after.trim_start();
            if trimmed.len() == after.len() {
                return None;
            }
            (" ", trimmed)
        }
    };
    let word = words.iter().find(|w| {
        after
            .strip_prefix(**w)
            .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric))
    })?;
    let title = heading_title(&after[word.len()..])?;
    Some(Heading {
        printed: format!("{number}{joiner}{word}"),
        number,
        title,
    })
}

fn chapter(heading: Heading<'_>) -> LineKind<'static> {
    if heading.number.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some(problem) = arabic_number_problem(heading.number) {
            return LineKind::Invalid(
                Message::new("import-heading-number")
                    .text("heading", &heading.printed)
                    .message("problem", problem),
            );
        }
    }
    LineKind::Chapter {
        heading: heading.printed,
        title: heading.title.map(str::to_owned),
    }
}

fn article(heading: Heading<'_>, amendment: bool) -> LineKind<'static> {
    if heading.number.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some(problem) = arabic_number_problem(heading.number) {
            return LineKind::Invalid(
                Message::new("import-heading-number")
                    .text("heading", &heading.printed)
                    .message("problem", problem),
            );
        }
    }
    let number = if amendment {
        ArticleNumber::amendment(heading.number)
    } else {
        ArticleNumber::parse(heading.number)
    };
    match number {
        Ok(number) => LineKind::Article {
            number,
            label: heading.printed,
            title: heading.title.map(str::to_owned),
        },
        Err(e) => LineKind::Invalid(e.message()),
    }
}

pub fn classify_heading(line: &str) -> Option<LineKind<'static>> {
    if let Some(h) = word_first(line, &CHAPTER_WORDS) {
        return Some(chapter(h));
    }
    if let Some(h) = number_first(line, &CHAPTER_WORDS_AFTER) {
        return Some(chapter(h));
    }
    if let Some(h) = word_first(line, &ARTICLE_WORDS) {
        return Some(article(h, false));
    }
    if let Some(h) = number_first(line, &ARTICLE_WORDS_AFTER) {
        return Some(article(h, false));
    }
    if let Some(h) = word_first(line, &AMENDMENT_WORDS) {
        return Some(article(h, true));
    }
    None
}

/// `1. text`, `3-1. text`, `SECTION. 2. text`, `§ 2. text`, or a malformed number in
/// that place (`01. text`, `1--2. text`).
pub fn numbered(line: &str) -> Option<LineKind<'_>> {
    let body = ["SECTION.", "Section.", "§"]
        .iter()
        .find_map(|marker| line.strip_prefix(marker))
        .map(str::trim_start)
        .unwrap_or(line);
    let end = body
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(body.len());
    let (token, rest) = body.split_at(end);
    if !token.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = rest.strip_prefix('.')?;
    // `1. The`, and `1.The` as the Kazakh text has it; but not `1.5 million`.
    let starts_text = rest.is_empty()
        || rest.starts_with(char::is_whitespace)
        || rest.starts_with(|c: char| c.is_alphabetic() || "\"'«“(".contains(c));
    if !starts_text {
        return None;
    }
    if let Some(problem) = arabic_number_problem(token) {
        return Some(LineKind::BadNumber {
            problem,
            never_prose: token.contains("--") || token.ends_with('-'),
            whole: line,
        });
    }
    match ClauseNumber::parse(token) {
        Ok(number) => Some(LineKind::Numbered {
            number,
            rest: rest.trim(),
            whole: line,
        }),
        Err(e) => Some(LineKind::BadNumber {
            problem: e.message(),
            never_prose: false,
            whole: line,
        }),
    }
}

pub fn footnote(line: &str) -> Option<&str> {
    FOOTNOTE_MARKERS
        .iter()
        .find_map(|marker| line.strip_prefix(marker))
        .map(str::trim)
}

fn is_preamble_marker(line: &str) -> bool {
    // Markers are short; lower-casing only short lines keeps this cheap on long ones.
    line.chars().count() <= 16 && {
        let lower = line.trim_end_matches(['.', ':']).to_lowercase();
        PREAMBLE_MARKERS.contains(&lower.as_str())
    }
}

pub fn classify_plain(raw: &str) -> LineKind<'_> {
    let line = raw.trim();
    if line.is_empty() {
        return LineKind::Blank;
    }
    if is_preamble_marker(line) {
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
pub fn starts_own_paragraph(line: &str) -> bool {
    let list_number = line
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .filter(|&i| i > 0 && line[i..].starts_with(')'));
    line.starts_with("Note.")
        || line.starts_with("Note:")
        || line.starts_with("- ")
        || line.starts_with("• ")
        || list_number.is_some()
}

pub fn classify_markdown(raw: &str) -> LineKind<'_> {
    let line = raw.trim();
    if line.is_empty() {
        return LineKind::Blank;
    }
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if hashes > 0 {
        let text = line[hashes..].trim();
        if !line[hashes..].starts_with(' ') || text.is_empty() {
            return LineKind::Invalid(Message::new("import-heading-space"));
        }
        return match hashes {
            1 => LineKind::DocTitle(text),
            2 => match classify_heading(text) {
                Some(chapter @ (LineKind::Chapter { .. } | LineKind::Invalid(_))) => chapter,
                _ => LineKind::Chapter {
                    heading: text.to_owned(),
                    title: None,
                },
            },
            3 => match classify_heading(text) {
                Some(article @ (LineKind::Article { .. } | LineKind::Invalid(_))) => article,
                _ => {
                    LineKind::Invalid(Message::new("import-bad-article-heading").text("text", text))
                }
            },
            _ => LineKind::Invalid(Message::new("import-heading-too-deep")),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn article_of(line: &str) -> Option<(String, String, Option<String>)> {
        match classify_plain(line) {
            LineKind::Article {
                number,
                label,
                title,
            } => Some((number.to_string(), label, title)),
            _ => None,
        }
    }

    fn chapter_of(line: &str) -> Option<(String, Option<String>)> {
        match classify_plain(line) {
            LineKind::Chapter { heading, title } => Some((heading, title)),
            _ => None,
        }
    }

    #[test]
    fn kazakh_article_headings() {
        for (line, number, label) in [
            ("1-бап", "1", "1-бап"),
            ("1 бап", "1", "1 бап"),
            ("1 бап.", "1", "1 бап"),
            ("17 бап.", "17", "17 бап"),
            ("83-1-бап", "83-1", "83-1-бап"),
            ("83-1 бап", "83-1", "83-1 бап"),
            ("  94 БАП  ", "94", "94 БАП"),
        ] {
            let (n, l, t) =
                article_of(line).unwrap_or_else(|| panic!("{line:?} is not an article"));
            assert_eq!(
                (n.as_str(), l.as_str(), t),
                (number, label, None),
                "{line:?}"
            );
        }
        assert_eq!(
            article_of("2-бап. Тіл").map(|a| a.2),
            Some(Some("Тіл".to_owned()))
        );
        // Inflected words and prose are not headings.
        assert_eq!(article_of("1 бапта көрсетілген"), None);
        assert_eq!(article_of("1 баптың ережелері"), None);
        assert_eq!(article_of("1 бап бойынша"), None);
    }

    #[test]
    fn russian_article_headings() {
        for line in ["Статья 1", "Статья 1.", "СТАТЬЯ 1"] {
            let (n, _, t) = article_of(line).unwrap_or_else(|| panic!("{line:?}"));
            assert_eq!((n.as_str(), t), ("1", None), "{line:?}");
        }
        assert_eq!(
            article_of("Статья 83-1. Уполномоченный"),
            Some((
                "83-1".into(),
                "Статья 83-1".into(),
                Some("Уполномоченный".into())
            ))
        );
        assert_eq!(article_of("Статья 5 настоящей Конституции"), None);
        assert_eq!(article_of("Статья"), None);
    }

    #[test]
    fn kazakh_and_russian_chapter_headings() {
        for (line, heading) in [
            ("I бөлім", "I бөлім"),
            ("I-бөлім", "I-бөлім"),
            ("IV БӨЛІМ", "IV БӨЛІМ"),
            ("1-тарау", "1-тарау"),
            ("2 тарау", "2 тарау"),
            ("Раздел I", "Раздел I"),
            ("РАЗДЕЛ II", "РАЗДЕЛ II"),
            ("Глава 2", "Глава 2"),
        ] {
            let (h, t) = chapter_of(line).unwrap_or_else(|| panic!("{line:?}"));
            assert_eq!((h.as_str(), t), (heading, None), "{line:?}");
        }
        assert_eq!(
            chapter_of("I бөлім. ЖАЛПЫ ЕРЕЖЕЛЕР"),
            Some(("I бөлім".into(), Some("ЖАЛПЫ ЕРЕЖЕЛЕР".into())))
        );
        assert_eq!(
            chapter_of("Раздел I. Общие положения"),
            Some(("Раздел I".into(), Some("Общие положения".into())))
        );
        // "Глава государства" is "head of state": prose.
        assert_eq!(chapter_of("Глава государства"), None);
        assert_eq!(chapter_of("I бөлімде"), None);
    }

    #[test]
    fn preamble_markers_in_three_languages() {
        for line in [
            "PREAMBLE",
            "Preamble",
            "ПРЕАМБУЛА",
            "Преамбула",
            "Кіріспе",
            "КІРІСПЕ",
            "Преамбула.",
        ] {
            assert_eq!(classify_plain(line), LineKind::PreambleMarker, "{line:?}");
        }
        assert!(matches!(
            classify_plain("Преамбула Конституции"),
            LineKind::Text(_)
        ));
    }

    #[test]
    fn footnotes_in_three_languages() {
        for (line, note) in [
            ("Footnote. Amended in 2022.", "Amended in 2022."),
            (
                "Ескерту. 1-бапқа өзгеріс енгізілді.",
                "1-бапқа өзгеріс енгізілді.",
            ),
            ("Сноска. Статья 1 с изменениями.", "Статья 1 с изменениями."),
            ("Примечание. Текст уточнён.", "Текст уточнён."),
        ] {
            assert_eq!(classify_plain(line), LineKind::Note(note), "{line:?}");
        }
    }

    #[test]
    fn malformed_numbers_are_not_text() {
        for (line, needle, never_prose) in [
            ("99999999999999999999999999. Text", "too large", false),
            ("1--2. Text", "is not a number", true),
            ("3-. Text", "is not a number", true),
            ("-1. Text", "is not a number", false),
            ("01. Text", "leading zero", false),
            ("3-01. Text", "e.g. `3-1`", false),
            ("0. Text", "leading zero", false),
        ] {
            match numbered(line) {
                Some(LineKind::BadNumber {
                    problem,
                    never_prose: np,
                    ..
                }) => {
                    let problem = problem.to_string();
                    assert!(problem.contains(needle), "{line:?}: {problem}");
                    assert_eq!(np, never_prose, "{line:?}");
                }
                other => panic!("{line:?} gave {other:?}"),
            }
        }
        // Not numbers at all: decimals, dates, list items, prose.
        for line in [
            "1.5 million",
            "01.02.2020 a date",
            "1) item",
            "- dash",
            "Text",
        ] {
            assert!(
                !matches!(numbered(line), Some(LineKind::BadNumber { .. })),
                "{line:?}"
            );
        }
    }

    #[test]
    fn malformed_article_numbers_are_invalid_headings() {
        for line in [
            "Article 01",
            "Article 1--2",
            "Article 99999999999999999999",
            "01-бап",
            "Статья 007.",
            "Section 01",
        ] {
            assert!(
                matches!(classify_plain(line), LineKind::Invalid(_)),
                "{line:?} gave {:?}",
                classify_plain(line)
            );
        }
        // Prose that merely starts with the word stays prose.
        assert!(matches!(
            classify_plain("Article 01 of the Code applies"),
            LineKind::Text(_)
        ));
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
