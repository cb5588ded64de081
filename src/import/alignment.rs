//! Checking that several language versions of one draft line up, reference by
//! reference, before they are stored as one version (issue 15: the Kazakh, Russian and
//! English texts of the same law).
//!
//! The first file is the yardstick (the authoritative text, typically Kazakh). Every
//! other file must have exactly its articles and, in each article, exactly its clauses,
//! compared by reference (`17.2`), not by position or wording. For each file that does
//! not, the first missing and the first extra reference in reading order are named with
//! their lines, so a translator can go straight to the place.

use std::collections::{HashMap, HashSet};
use std::fmt;

use super::parser::ImportError;
use crate::domain::draft::{Article, Draft};
use crate::domain::reference::{ArticleNumber, ClauseNumber};
use crate::i18n::{Lang, Message};

/// A part of a draft that other files may lack or add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Article(ArticleNumber),
    Clause(ArticleNumber, ClauseNumber),
}

impl Part {
    /// `article 2`, `amendment XIV clause 1`, as a catalogue message.
    pub fn message(&self) -> Message {
        let (article, clause) = match self {
            Self::Article(a) => (a, None),
            Self::Clause(a, c) => (a, Some(c)),
        };
        let message = match (article.is_amendment(), clause) {
            (false, None) => Message::new("import-part-article"),
            (false, Some(c)) => Message::new("import-part-article-clause").text("clause", c),
            (true, None) => Message::new("import-part-amendment"),
            (true, Some(c)) => Message::new("import-part-amendment-clause").text("clause", c),
        };
        if article.is_amendment() {
            message.text("article", article.printed())
        } else {
            message.text("article", article)
        }
    }
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.message(), f)
    }
}

/// What the others are compared with: a file, or the text of a stored version (which
/// has no lines to point at).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Yardstick {
    File(String),
    Version {
        number: i32,
        lang: crate::domain::TextLang,
        /// The file the version's text was imported from.
        source: String,
    },
}

impl From<&str> for Yardstick {
    fn from(name: &str) -> Self {
        Self::File(name.to_owned())
    }
}

impl Yardstick {
    /// `kk.txt`, or `version 1 (kk, kk.txt)`, as a message.
    pub fn message(&self) -> Message {
        match self {
            Self::File(name) => Message::new("import-yardstick-file").text("file", name),
            Self::Version {
                number,
                lang,
                source,
            } => Message::new("import-yardstick-version")
                .number("version", u64::try_from(*number).unwrap_or(0))
                .text("lang", lang)
                .text("file", source),
        }
    }
}

/// One difference from the first file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misalignment {
    /// `part` is in `present_in` (at `present_line`) but not in `file`; `line` is where
    /// it would belong in `file` (the heading of its article, or of the article that
    /// would follow it).
    Missing {
        file: String,
        line: usize,
        part: Part,
        present_in: Yardstick,
        present_line: usize,
    },
    /// `part` is in `file` at `line` but not in `reference`.
    Extra {
        file: String,
        line: usize,
        part: Part,
        reference: Yardstick,
    },
}

impl Misalignment {
    /// The difference as a file's problem at a line.
    pub fn error(&self) -> ImportError {
        match self {
            Self::Missing {
                file,
                line,
                part,
                present_in,
                present_line,
            } => {
                let missing = Message::new("import-part-missing").message("part", part.message());
                // A stored version has no lines to point at.
                let message = match present_in {
                    Yardstick::File(name) if *present_line > 0 => {
                        missing.text("present", format!("{name}:{present_line}"))
                    }
                    other => missing.message("present", other.message()),
                };
                ImportError::new(file, *line, message)
            }
            Self::Extra {
                file,
                line,
                part,
                reference,
            } => ImportError::new(
                file,
                *line,
                Message::new("import-part-extra")
                    .message("part", part.message())
                    .message("reference", reference.message()),
            ),
        }
    }
}

impl fmt::Display for Misalignment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error(), f)
    }
}

/// The files do not line up: at most one missing and one extra part per file, in the
/// order of the files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignmentError {
    pub problems: Vec<Misalignment>,
}

impl AlignmentError {
    /// A first line saying what is wrong, then one line per difference, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut text = Message::new("import-not-aligned").render(lang);
        for problem in &self.problems {
            text.push('\n');
            text.push_str(&problem.error().render(lang));
        }
        text
    }
}

impl fmt::Display for AlignmentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for AlignmentError {}

/// An article's clause numbers, for membership tests.
fn clause_set(article: &Article) -> HashSet<&ClauseNumber> {
    article.clauses.iter().map(|c| &c.number).collect()
}

/// The first part of `ours` (in reading order) that `theirs` lacks, with its line in
/// `ours` and where it would belong in `theirs`.
fn first_absent(ours: &Draft, theirs: &Draft) -> Option<(Part, usize, usize)> {
    let by_number: HashMap<&ArticleNumber, &Article> =
        theirs.articles.iter().map(|a| (&a.number, a)).collect();
    for (index, article) in ours.articles.iter().enumerate() {
        let Some(their) = by_number.get(&article.number) else {
            // Where it would go: the next of our articles that they do have.
            let line = ours.articles[index + 1..]
                .iter()
                .find_map(|a| by_number.get(&a.number).map(|t| t.line))
                .or_else(|| theirs.articles.last().map(|a| a.line))
                .unwrap_or(1);
            return Some((Part::Article(article.number.clone()), article.line, line));
        };
        let present = clause_set(their);
        if let Some(clause) = article
            .clauses
            .iter()
            .find(|c| !present.contains(&c.number))
        {
            return Some((
                Part::Clause(article.number.clone(), clause.number.clone()),
                clause.line,
                their.line,
            ));
        }
    }
    None
}

/// Check that every draft has the same articles and clauses as the first, by reference.
/// `files` pairs a file name (for messages) with its parsed draft; zero or one file is
/// trivially aligned.
pub fn check_alignment(files: &[(&str, &Draft)]) -> Result<(), AlignmentError> {
    let Some(((first_name, first), rest)) = files.split_first() else {
        return Ok(());
    };
    check_against(&Yardstick::from(*first_name), first, rest)
}

/// Check that every file of `rest` has the articles and clauses of `first`.
pub fn check_against(
    first_name: &Yardstick,
    first: &Draft,
    rest: &[(&str, &Draft)],
) -> Result<(), AlignmentError> {
    let mut problems = Vec::new();
    for (name, draft) in rest {
        if let Some((part, present_line, line)) = first_absent(first, draft) {
            problems.push(Misalignment::Missing {
                file: (*name).to_owned(),
                line,
                part,
                present_in: first_name.clone(),
                present_line,
            });
        }
        if let Some((part, line, _)) = first_absent(draft, first) {
            problems.push(Misalignment::Extra {
                file: (*name).to_owned(),
                line,
                part,
                reference: first_name.clone(),
            });
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(AlignmentError { problems })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::parse_draft;

    fn draft(name: &str, text: &str) -> Draft {
        parse_draft(name, text.as_bytes()).unwrap()
    }

    const KK: &str = "1 бап\n\nБірінші.\n\n2 бап\n\n1. А.\n\n2. Ә.\n\n3 бап\n\nҮшінші.\n";
    const RU: &str = "Статья 1\n\nПервая.\n\nСтатья 2\n\n1. А.\n\n2. Б.\n\nСтатья 3\n\nТретья.\n";

    #[test]
    fn identical_references_align() {
        let (kk, ru) = (draft("kk.txt", KK), draft("ru.txt", RU));
        assert_eq!(check_alignment(&[("kk.txt", &kk), ("ru.txt", &ru)]), Ok(()));
        assert_eq!(check_alignment(&[("kk.txt", &kk)]), Ok(()));
        assert_eq!(check_alignment(&[]), Ok(()));
    }

    #[test]
    fn a_missing_clause_is_named_with_both_lines() {
        let kk = draft("kk.txt", KK);
        let ru = draft(
            "ru.txt",
            "Статья 1\n\nПервая.\n\nСтатья 2\n\n1. А.\n\nСтатья 3\n\nТретья.\n",
        );
        let err = check_alignment(&[("kk.txt", &kk), ("ru.txt", &ru)]).unwrap_err();
        assert_eq!(
            err.problems,
            vec![Misalignment::Missing {
                file: "ru.txt".into(),
                line: 5,
                part: Part::Clause(
                    ArticleNumber::parse("2").unwrap(),
                    ClauseNumber::parse("2").unwrap()
                ),
                present_in: "kk.txt".into(),
                present_line: 9,
            }]
        );
        assert!(err
            .to_string()
            .ends_with("ru.txt:5: article 2 clause 2 is missing (present in kk.txt:9)"));
    }

    #[test]
    fn missing_and_extra_articles_in_several_files() {
        let kk = draft("kk.txt", KK);
        // No article 2, and an article 4 of its own.
        let ru = draft(
            "ru.txt",
            "Статья 1\n\nПервая.\n\nСтатья 3\n\nТретья.\n\nСтатья 4\n\nЧетвёртая.\n",
        );
        // Article 1 has a second paragraph, so a clause 1.2 the others lack.
        let en = draft(
            "en.txt",
            "Article 1\n\nFirst.\n\nMore.\n\nArticle 2\n\n1. A.\n\n2. B.\n\nArticle 3\n\nThird.\n",
        );
        let err =
            check_alignment(&[("kk.txt", &kk), ("ru.txt", &ru), ("en.txt", &en)]).unwrap_err();
        let lines: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            vec![
                "ru.txt:5: article 2 is missing (present in kk.txt:5)",
                "ru.txt:9: article 4 is not in kk.txt",
                "en.txt:5: article 1 clause 2 is not in kk.txt",
            ]
        );
    }

    #[test]
    fn amendments_are_named_as_such() {
        let a = draft("a.txt", "AMENDMENT I\n\nFirst.\n");
        let b = draft("b.txt", "Article I\n\nFirst.\n");
        let err = check_alignment(&[("a.txt", &a), ("b.txt", &b)]).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("b.txt:1: amendment I is missing (present in a.txt:1)"),
            "{text}"
        );
        assert!(
            text.contains("b.txt:1: article I is not in a.txt"),
            "{text}"
        );
    }
}
