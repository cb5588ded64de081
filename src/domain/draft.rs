//! A draft document as read from a file, before it is stored: the output of the
//! importer and the input of the data layer. Its invariants (unique article numbers,
//! unique clause numbers within an article, no empty article) hold by construction,
//! because only the importer builds it and the importer checks them.

use super::reference::{ArticleNumber, ClauseNumber, ClauseRef};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    /// A title line found at the top of the file, if any.
    pub title: Option<String>,
    /// Paragraphs before the first heading, separated by blank lines.
    pub preamble: String,
    pub chapters: Vec<Chapter>,
    pub articles: Vec<Article>,
}

/// A grouping of articles: `Section I`, `Chapter 2`, `Part III`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chapter {
    /// As printed: `Section I`.
    pub heading: String,
    pub title: Option<String>,
    /// Footnotes on the heading itself (e.g. when its wording was amended).
    pub notes: Vec<String>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Index into [`Draft::chapters`]; `None` for articles before any chapter heading.
    pub chapter: Option<usize>,
    pub number: ArticleNumber,
    /// As printed: `Article 12`, `ARTICLE IV`, `AMENDMENT XIV`.
    pub label: String,
    pub title: Option<String>,
    pub clauses: Vec<Clause>,
    /// Footnotes before the first clause; a repealed article may have only these.
    pub notes: Vec<String>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub number: ClauseNumber,
    /// Paragraphs separated by a blank line (`\n\n`).
    pub text: String,
    /// Footnotes kept with the clause they follow, one per entry.
    pub notes: Vec<String>,
    pub line: usize,
}

impl Draft {
    pub fn clause_count(&self) -> usize {
        self.articles.iter().map(|a| a.clauses.len()).sum()
    }

    /// Footnotes on clauses and on chapter headings.
    pub fn note_count(&self) -> usize {
        self.chapters.iter().map(|c| c.notes.len()).sum::<usize>()
            + self.articles.iter().map(|a| a.notes.len()).sum::<usize>()
            + self
                .articles
                .iter()
                .flat_map(|a| &a.clauses)
                .map(|c| c.notes.len())
                .sum::<usize>()
    }

    pub fn clause(&self, reference: &ClauseRef) -> Option<&Clause> {
        self.articles
            .iter()
            .find(|a| a.number == reference.article)?
            .clauses
            .iter()
            .find(|c| c.number == reference.clause)
    }
}

impl Article {
    pub fn reference(&self, clause: &Clause) -> ClauseRef {
        ClauseRef::new(self.number.clone(), clause.number.clone())
    }
}
