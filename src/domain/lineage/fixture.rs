//! Test fixtures for lineage: a realistic next version of a draft with the lineage it
//! should get, and synthetic drafts of any size.
//!
//! Public (not behind `#[cfg(test)]`) so that the integration tests, the benchmarks and
//! the browser suite build the same second version as the unit tests. Nothing here is
//! used by the server.
//!
//! [`renumbered_version`] makes version 2 as issue 18 asks of its test: three articles
//! deleted, two inserted, two merged into one, one split in two, everything after the
//! first change renumbered, and twenty clauses reworded. Where it makes each change is
//! chosen from the draft alone (spread evenly, on articles that can take it), so the
//! same draft always gives the same version 2. [`revise`] does the same with other
//! counts, and [`synthetic_draft`] makes a draft of any size in Kazakh-like Cyrillic
//! words with a realistic spread of common and rare words.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::{ChangeKind, Lineage};
use crate::domain::draft::{Article, Chapter, Clause, Draft};
use crate::domain::reference::{ArticleNumber, ClauseNumber, ClauseRef};

/// How many of each change [`revise`] makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub deleted_articles: usize,
    pub inserted_articles: usize,
    /// Pairs of adjacent articles merged into one; the last clause of the first and
    /// the first clause of the second become one clause.
    pub merges: usize,
    /// Articles divided into two; one clause of each is also cut in two at a sentence.
    pub splits: usize,
    pub reworded_clauses: usize,
}

impl Plan {
    /// Issue 18, point 8.
    pub const ISSUE_18: Plan = Plan {
        deleted_articles: 3,
        inserted_articles: 2,
        merges: 1,
        splits: 1,
        reworded_clauses: 20,
    };
}

/// One row the proposal should produce (the similarity is not predicted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpectedLink {
    pub old: Option<ClauseRef>,
    pub new: Vec<ClauseRef>,
    pub kind: ChangeKind,
}

/// The lineage a revision should get, known because the revision made it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExpectedLineage {
    pub links: Vec<ExpectedLink>,
}

impl ExpectedLineage {
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.links.iter().filter(|l| l.kind == kind).count()
    }

    /// Where `proposed` differs from this: one line per old clause whose row is wrong
    /// and per inserted clause not proposed as inserted. Empty when they agree.
    pub fn differences(&self, proposed: &Lineage) -> Vec<String> {
        let show = |refs: &[ClauseRef]| {
            let names: Vec<String> = refs.iter().map(ToString::to_string).collect();
            if names.is_empty() {
                "-".to_owned()
            } else {
                names.join(";")
            }
        };
        let mut out = Vec::new();
        for expected in &self.links {
            match &expected.old {
                Some(old) => match proposed.successor(old) {
                    Some(link) if link.kind == expected.kind && link.new == expected.new => {}
                    Some(link) => out.push(format!(
                        "{old}: expected {} {}, proposed {} {} ({})",
                        expected.kind,
                        show(&expected.new),
                        link.kind,
                        show(&link.new),
                        link.similarity.map_or("-".to_owned(), |s| s.to_string()),
                    )),
                    None => out.push(format!("{old}: no row proposed")),
                },
                None => {
                    for new in &expected.new {
                        let rows = proposed.predecessors(new);
                        let inserted =
                            rows.len() == 1 && rows.iter().all(|l| l.kind == ChangeKind::Inserted);
                        if !inserted {
                            let kinds: Vec<String> = rows
                                .iter()
                                .map(|l| {
                                    let old = l.old.as_ref().map_or("-".into(), |o| o.to_string());
                                    format!("{} from {old}", l.kind)
                                })
                                .collect();
                            out.push(format!(
                                "{new}: expected inserted, proposed {}",
                                kinds.join(", ")
                            ));
                        }
                    }
                }
            }
        }
        out
    }
}

/// Why a draft cannot take a revision.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the draft cannot take this revision: {0}")]
pub struct RevisionError(&'static str);

/// Version 2 of `draft` as issue 18 describes it, with the lineage it should get.
pub fn renumbered_version(draft: &Draft) -> Result<(Draft, ExpectedLineage), RevisionError> {
    revise(draft, Plan::ISSUE_18)
}

/// Where a clause of the new version comes from.
#[derive(Debug, Clone)]
enum Origin {
    /// The old clause, its text kept or reworded.
    Kept(ClauseRef, ChangeKind),
    MergedFrom(Vec<ClauseRef>),
    /// One part of the split of the old clause.
    PartOf(ClauseRef),
    Inserted,
}

struct NewClause {
    text: String,
    notes: Vec<String>,
    line: usize,
    origin: Origin,
    /// The clause number, when it keeps its old one.
    number: Option<ClauseNumber>,
}

struct NewArticle {
    chapter: Option<usize>,
    title: Option<String>,
    notes: Vec<String>,
    line: usize,
    clauses: Vec<NewClause>,
}

/// What [`revise`] does to each old article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Keep,
    Delete,
    /// The first of two merged articles (the next one is [`Fate::MergedAway`]).
    MergeWithNext,
    MergedAway,
    Split,
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Where `text` divides into a first sentence and the rest, both of six words or more.
fn sentence_cut(text: &str) -> Option<usize> {
    text.match_indices(". ").map(|(at, _)| at + 1).find(|&at| {
        let (first, rest) = text.split_at(at);
        rest.trim_start()
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            && word_count(first) >= 6
            && word_count(rest) >= 6
    })
}

/// One change of the structure, in the order they are spread over the draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    Delete,
    Merge,
    Split,
    Insert,
}

/// The old articles' fates, and the articles after which one is inserted: the
/// changes spread evenly, each on an article that can take it, with an untouched
/// article between any two. They are ordered so that the running change in the number
/// of articles never comes back to zero: every article after the first change has
/// another number ("renumbers everything after them").
fn plan_changes(draft: &Draft, plan: Plan) -> Result<(Vec<Fate>, HashSet<usize>), RevisionError> {
    let n = draft.articles.len();
    let interleave = |a: Change, a_count: usize, b: Change, b_count: usize| {
        (0..a_count.max(b_count))
            .flat_map(|round| {
                [
                    (round < a_count).then_some(a),
                    (round < b_count).then_some(b),
                ]
                .into_iter()
                .flatten()
            })
            .collect::<Vec<Change>>()
    };
    let mut fewer = interleave(
        Change::Delete,
        plan.deleted_articles,
        Change::Merge,
        plan.merges,
    )
    .into_iter();
    let mut more = interleave(
        Change::Insert,
        plan.inserted_articles,
        Change::Split,
        plan.splits,
    )
    .into_iter();
    let mut order: Vec<Change> = Vec::new();
    let mut shift: i64 = 0;
    loop {
        let next = if shift <= -2 {
            more.next().or_else(|| fewer.next())
        } else {
            fewer.next().or_else(|| more.next())
        };
        match next {
            Some(change @ (Change::Delete | Change::Merge)) => {
                shift -= 1;
                order.push(change);
            }
            Some(change) => {
                shift += 1;
                order.push(change);
            }
            None => break,
        }
    }
    let mut fates = vec![Fate::Keep; n];
    let mut busy = vec![false; n];
    let mut insert_after = HashSet::new();
    let free = |busy: &[bool], at: usize, span: usize| {
        at + span <= n
            && busy[at.saturating_sub(1)..(at + span + 1).min(n)]
                .iter()
                .all(|b| !b)
    };
    let fits = |at: usize, change: Change| {
        let article = &draft.articles[at];
        match change {
            Change::Delete => !article.clauses.is_empty(),
            Change::Insert => true,
            Change::Split => {
                article.clauses.len() >= 2
                    && article
                        .clauses
                        .iter()
                        .any(|c| sentence_cut(&c.text).is_some())
            }
            Change::Merge => {
                let ends = article.clauses.last().map(|c| word_count(&c.text));
                let next = draft.articles.get(at + 1).and_then(|b| b.clauses.first());
                ends.is_some_and(|w| w >= 6) && next.is_some_and(|c| word_count(&c.text) >= 6)
            }
        }
    };
    for (k, &change) in order.iter().enumerate() {
        let target = (k + 1) * n / (order.len() + 1);
        let span = if change == Change::Merge { 2 } else { 1 };
        let at = (target..n)
            .chain(0..target)
            .find(|&at| free(&busy, at, span) && fits(at, change))
            .ok_or(RevisionError("too few articles that can take the changes"))?;
        busy[at..at + span].iter_mut().for_each(|b| *b = true);
        match change {
            Change::Delete => fates[at] = Fate::Delete,
            Change::Split => fates[at] = Fate::Split,
            Change::Merge => {
                fates[at] = Fate::MergeWithNext;
                fates[at + 1] = Fate::MergedAway;
            }
            Change::Insert => {
                insert_after.insert(at);
            }
        }
    }
    Ok((fates, insert_after))
}

/// A second version of `draft` with the changes of `plan`, and its expected lineage.
pub fn revise(draft: &Draft, plan: Plan) -> Result<(Draft, ExpectedLineage), RevisionError> {
    let (fates, insert_after) = plan_changes(draft, plan)?;
    let n = draft.articles.len();
    let duplicated = duplicated_texts(draft);

    // Clauses to reword: in untouched articles, long enough, their text not repeated.
    let candidates: Vec<(usize, usize)> = draft
        .articles
        .iter()
        .enumerate()
        .filter(|(a, _)| fates[*a] == Fate::Keep)
        .flat_map(|(a, article)| {
            article
                .clauses
                .iter()
                .enumerate()
                .filter(|(_, c)| word_count(&c.text) >= 12 && !duplicated.contains(c.text.as_str()))
                .map(move |(c, _)| (a, c))
        })
        .collect();
    if candidates.len() < plan.reworded_clauses {
        return Err(RevisionError("too few clauses to reword"));
    }
    let reworded: HashMap<(usize, usize), usize> = (0..plan.reworded_clauses)
        .map(|k| {
            let at = (2 * k + 1) * candidates.len() / (2 * plan.reworded_clauses);
            (candidates[at], k)
        })
        .collect();

    let mut inserted_texts = InsertedTexts::default();
    let mut articles: Vec<NewArticle> = Vec::new();
    let mut a = 0;
    while a < n {
        let article = &draft.articles[a];
        let kept = |clause: &Clause, kind: ChangeKind, text: String| NewClause {
            text,
            notes: clause.notes.clone(),
            line: clause.line,
            origin: Origin::Kept(article.reference(clause), kind),
            number: Some(clause.number.clone()),
        };
        match fates[a] {
            Fate::Delete | Fate::MergedAway => {}
            Fate::Keep => {
                let clauses = article
                    .clauses
                    .iter()
                    .enumerate()
                    .map(|(c, clause)| match reworded.get(&(a, c)) {
                        Some(&k) => kept(clause, ChangeKind::Reworded, reword(&clause.text, k)),
                        None => kept(clause, ChangeKind::Renumbered, clause.text.clone()),
                    })
                    .collect();
                articles.push(NewArticle::like(article, clauses));
            }
            Fate::MergeWithNext => {
                let next = &draft.articles[a + 1];
                let (Some(last), Some(first)) = (article.clauses.last(), next.clauses.first())
                else {
                    return Err(RevisionError("a merged article has no clause"));
                };
                let mut clauses: Vec<NewClause> = article.clauses[..article.clauses.len() - 1]
                    .iter()
                    .map(|c| {
                        fresh(
                            c.text.clone(),
                            c,
                            Origin::Kept(article.reference(c), ChangeKind::Renumbered),
                        )
                    })
                    .collect();
                let mut merged = fresh(
                    format!("{} {}", last.text, first.text),
                    last,
                    Origin::MergedFrom(vec![article.reference(last), next.reference(first)]),
                );
                merged.notes.extend(first.notes.iter().cloned());
                clauses.push(merged);
                clauses.extend(next.clauses[1..].iter().map(|c| {
                    fresh(
                        c.text.clone(),
                        c,
                        Origin::Kept(next.reference(c), ChangeKind::Renumbered),
                    )
                }));
                let mut merged_article = NewArticle::like(article, clauses);
                merged_article.notes.extend(next.notes.iter().cloned());
                articles.push(merged_article);
                a += 1;
            }
            Fate::Split => {
                let cut_clause = article
                    .clauses
                    .iter()
                    .position(|c| sentence_cut(&c.text).is_some());
                let mut clauses: Vec<NewClause> = Vec::new();
                for (c, clause) in article.clauses.iter().enumerate() {
                    let cut = sentence_cut(&clause.text).filter(|_| Some(c) == cut_clause);
                    match cut {
                        Some(at) => {
                            let (first, rest) = clause.text.split_at(at);
                            let origin = Origin::PartOf(article.reference(clause));
                            clauses.push(fresh(first.trim().to_owned(), clause, origin.clone()));
                            let mut second = fresh(rest.trim().to_owned(), clause, origin);
                            second.notes.clear();
                            clauses.push(second);
                        }
                        None => clauses.push(fresh(
                            clause.text.clone(),
                            clause,
                            Origin::Kept(article.reference(clause), ChangeKind::Renumbered),
                        )),
                    }
                }
                let second_half = clauses.split_off(clauses.len().div_ceil(2));
                articles.push(NewArticle::like(article, clauses));
                let mut second = NewArticle::like(article, second_half);
                second.notes.clear();
                articles.push(second);
            }
        }
        if insert_after.contains(&a) {
            articles.push(inserted_texts.article(article.chapter));
        }
        a += 1;
    }
    number(draft, articles)
}

/// A clause of a merged or split article: numbered anew.
fn fresh(text: String, clause: &Clause, origin: Origin) -> NewClause {
    NewClause {
        text,
        notes: clause.notes.clone(),
        line: clause.line,
        origin,
        number: None,
    }
}

impl NewArticle {
    fn like(article: &Article, clauses: Vec<NewClause>) -> Self {
        Self {
            chapter: article.chapter,
            title: article.title.clone(),
            notes: article.notes.clone(),
            line: article.line,
            clauses,
        }
    }
}

/// Texts that occur more than once in the draft.
fn duplicated_texts(draft: &Draft) -> HashSet<&str> {
    let mut seen = HashSet::new();
    let mut twice = HashSet::new();
    for clause in draft.articles.iter().flat_map(|a| &a.clauses) {
        if !seen.insert(clause.text.as_str()) {
            twice.insert(clause.text.as_str());
        }
    }
    twice
}

/// Number the new articles 1, 2, 3…, build the draft and the expected lineage.
fn number(
    old: &Draft,
    articles: Vec<NewArticle>,
) -> Result<(Draft, ExpectedLineage), RevisionError> {
    let mut draft = Draft {
        title: old.title.clone(),
        preamble: old.preamble.clone(),
        chapters: old.chapters.clone(),
        articles: Vec::with_capacity(articles.len()),
    };
    let mut successors: HashMap<ClauseRef, (ChangeKind, Vec<ClauseRef>)> = HashMap::new();
    let mut inserted: Vec<ClauseRef> = Vec::new();
    for (index, article) in articles.into_iter().enumerate() {
        let number = article_number(index + 1)?;
        let mut clauses = Vec::with_capacity(article.clauses.len());
        for (c, clause) in article.clauses.into_iter().enumerate() {
            let clause_number = clause.number.unwrap_or_else(|| ClauseNumber::nth(c + 1));
            let new_ref = ClauseRef::new(number.clone(), clause_number.clone());
            match clause.origin {
                Origin::Kept(old_ref, kind) => {
                    let kind = match kind {
                        ChangeKind::Renumbered if old_ref == new_ref => ChangeKind::Unchanged,
                        other => other,
                    };
                    successors.insert(old_ref, (kind, vec![new_ref]));
                }
                Origin::MergedFrom(parts) => {
                    for part in parts {
                        successors.insert(part, (ChangeKind::Merged, vec![new_ref.clone()]));
                    }
                }
                Origin::PartOf(old_ref) => {
                    successors
                        .entry(old_ref)
                        .or_insert_with(|| (ChangeKind::Split, Vec::new()))
                        .1
                        .push(new_ref);
                }
                Origin::Inserted => inserted.push(new_ref),
            }
            clauses.push(Clause {
                number: clause_number,
                text: clause.text,
                notes: clause.notes,
                line: clause.line,
            });
        }
        draft.articles.push(Article {
            chapter: article.chapter,
            label: format!("Article {number}"),
            number,
            title: article.title,
            clauses,
            notes: article.notes,
            line: article.line,
        });
    }
    let mut links: Vec<ExpectedLink> = old
        .articles
        .iter()
        .flat_map(|a| a.clauses.iter().map(move |c| a.reference(c)))
        .map(|old_ref| {
            let (kind, new) = successors
                .remove(&old_ref)
                .unwrap_or((ChangeKind::Deleted, Vec::new()));
            ExpectedLink {
                old: Some(old_ref),
                new,
                kind,
            }
        })
        .collect();
    links.extend(inserted.into_iter().map(|new_ref| ExpectedLink {
        old: None,
        new: vec![new_ref],
        kind: ChangeKind::Inserted,
    }));
    Ok((draft, ExpectedLineage { links }))
}

/// Plausible phrase changes of legal English, tried in order.
const PHRASES: [(&str, &str); 8] = [
    ("in accordance with", "pursuant to"),
    (
        "shall be determined by law",
        "shall be established by the constitutional law",
    ),
    ("the Republic", "the Republic of Kazakhstan"),
    ("citizens", "every citizen"),
    ("may not", "shall not"),
    ("shall have the right", "shall be entitled"),
    ("by law", "by the constitutional law"),
    (" and ", " as well as "),
];

/// Sentences a commission might add.
const SENTENCES: [&str; 5] = [
    "The procedure for its application shall be determined by law.",
    "This provision may be restricted only by the constitutional law.",
    "The state shall guarantee its implementation.",
    "Its application shall be reviewed by Parliament every five years.",
    "Бұл ереже заңмен айқындалады.",
];

/// The `k`-th rewording: a phrase changed, a sentence added, a word changed, or a
/// phrase changed and a sentence added.
fn reword(text: &str, k: usize) -> String {
    let sentence = SENTENCES[k % SENTENCES.len()];
    let phrase = |text: &str| {
        PHRASES
            .iter()
            .cycle()
            .skip(k % PHRASES.len())
            .take(PHRASES.len())
            .find(|(from, _)| text.contains(from))
            .map(|(from, to)| text.replacen(from, to, 1))
    };
    let added = |text: &str| format!("{} {sentence}", text.trim_end());
    let word = |text: &str| {
        // The longest word (the first of them), replaced: a term changed.
        let longest = text
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .max_by_key(|w| (w.chars().count(), std::cmp::Reverse(text.find(w))))
            .unwrap_or("");
        if longest.is_empty() {
            added(text)
        } else {
            text.replacen(longest, "appropriate", 1)
        }
    };
    let reworded = match k % 4 {
        0 => phrase(text).unwrap_or_else(|| word(text)),
        1 => added(text),
        2 => word(text),
        _ => added(&phrase(text).unwrap_or_else(|| word(text))),
    };
    if reworded == text {
        added(text)
    } else {
        reworded
    }
}

/// Articles of new text: first two plausible ones, then synthetic.
#[derive(Default)]
struct InsertedTexts {
    made: usize,
}

const NEW_ARTICLES: [&[&str]; 2] = [
    &[
        "Draft laws affecting the rights and freedoms of citizens shall be published for public discussion before their adoption.",
        "Every person may submit proposals on a published draft; the body that prepared it shall publish a summary of the proposals received and of the decisions taken on them.",
    ],
    &[
        "Everyone shall have the right to the protection of personal data stored in electronic form.",
        "The collection and processing of personal data without the consent of the person concerned shall be permitted only in cases established by law.",
        "The state shall ensure equal access to public electronic services throughout its territory.",
    ],
];

impl InsertedTexts {
    fn article(&mut self, chapter: Option<usize>) -> NewArticle {
        let texts: Vec<String> = match NEW_ARTICLES.get(self.made) {
            Some(texts) => texts.iter().map(|t| (*t).to_owned()).collect(),
            None => {
                let mut words = Words::new(0x5eed ^ self.made as u64);
                (0..3).map(|_| words.clause()).collect()
            }
        };
        self.made += 1;
        NewArticle {
            chapter,
            title: None,
            notes: Vec::new(),
            line: 0,
            clauses: texts
                .into_iter()
                .map(|text| NewClause {
                    text,
                    notes: Vec::new(),
                    line: 0,
                    origin: Origin::Inserted,
                    number: None,
                })
                .collect(),
        }
    }
}

/// A draft of `articles` articles (one to five clauses each, about three) of synthetic
/// Kazakh-like text, the same for the same seed: ten chapters, every clause different.
pub fn synthetic_draft(articles: usize, seed: u64) -> Result<Draft, RevisionError> {
    let mut words = Words::new(seed);
    let chapters = 10.min(articles.max(1));
    let mut draft = Draft {
        title: Some("Синтетикалық заң жобасы".to_owned()),
        preamble: words.clause(),
        chapters: (0..chapters)
            .map(|c| Chapter {
                heading: format!("Section {}", c + 1),
                title: Some(words.sentence()),
                notes: Vec::new(),
                line: 0,
            })
            .collect(),
        articles: Vec::with_capacity(articles),
    };
    let mut line = 1;
    for a in 0..articles {
        let number = article_number(a + 1)?;
        let clause_count = 1 + (words.next() % 5) as usize;
        // The heading on its line, then a line per clause.
        let clauses = (0..clause_count)
            .map(|c| Clause {
                number: ClauseNumber::nth(c + 1),
                text: words.clause(),
                notes: Vec::new(),
                line: line + 1 + c,
            })
            .collect();
        draft.articles.push(Article {
            chapter: Some(a * chapters / articles.max(1)),
            label: format!("Article {number}"),
            number,
            title: None,
            clauses,
            notes: Vec::new(),
            line,
        });
        line += clause_count + 1;
    }
    Ok(draft)
}

fn article_number(n: usize) -> Result<ArticleNumber, RevisionError> {
    ArticleNumber::parse(&n.to_string())
        .map_err(|_| RevisionError("an article number could not be made"))
}

/// Pseudo-random Kazakh-like words: a vocabulary of syllable combinations drawn with a
/// Zipf-like skew, so that a few words are in most clauses and most words are rare.
struct Words {
    state: u64,
}

const SYLLABLES: [&str; 24] = [
    "қа", "за", "құ", "қы", "ле", "ме", "ті", "рі", "ға", "ды", "ны", "сы", "та", "ба", "ңы", "өз",
    "ұл", "жа", "ма", "лық", "тар", "дер", "ген", "ін",
];

impl Words {
    fn new(seed: u64) -> Self {
        Self {
            state: seed ^ 0x9e37_79b9_7f4a_7c15,
        }
    }

    /// splitmix64.
    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut x = self.state;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }

    /// A word of rank r with probability about 1/r over 20,000 ranks.
    fn word(&mut self) -> String {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        let rank = (20_000f64.powf(u)) as u64;
        let mut out = String::new();
        let mut r = rank;
        loop {
            out.push_str(SYLLABLES[(r % SYLLABLES.len() as u64) as usize]);
            r /= SYLLABLES.len() as u64;
            if r == 0 {
                break;
            }
        }
        out
    }

    fn sentence(&mut self) -> String {
        let length = 6 + (self.next() % 14) as usize;
        let mut text = String::new();
        for i in 0..length {
            let word = self.word();
            if i == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    text.extend(first.to_uppercase());
                    text.push_str(chars.as_str());
                }
            } else {
                text.push(' ');
                text.push_str(&word);
                if self.next().is_multiple_of(9) && i + 1 < length {
                    text.push(',');
                }
            }
        }
        text.push('.');
        text
    }

    /// One to three sentences.
    fn clause(&mut self) -> String {
        let sentences = 1 + (self.next() % 3) as usize;
        let mut text = String::new();
        for s in 0..sentences {
            if s > 0 {
                text.push(' ');
            }
            let _ = write!(text, "{}", self.sentence());
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::*;
    use crate::domain::lineage::{
        parse, propose, propose::propose_counting, word_diff, write, ClauseText, Version,
        WordRunKind,
    };

    fn constitution() -> Draft {
        let path = format!(
            "{}/tests/data/constitution-kazakhstan-en.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        crate::import::parse_draft(&path, &std::fs::read(&path).unwrap()).unwrap()
    }

    /// The proposal for `old` → `new` agrees with `expected` in every row, reads back
    /// from its own file, and compares few pairs: returns the time it took.
    fn check(old: &Draft, new: &Draft, expected: &ExpectedLineage) -> std::time::Duration {
        let (old_version, new_version) = (
            Version::from_draft(old).unwrap(),
            Version::from_draft(new).unwrap(),
        );
        let started = Instant::now();
        let (lineage, comparisons) = propose_counting(&old_version, &new_version);
        let elapsed = started.elapsed();
        eprintln!(
            "{comparisons} pairs compared for {} + {} clauses",
            old_version.len(),
            new_version.len()
        );
        let differences = expected.differences(&lineage);
        assert!(
            differences.is_empty(),
            "{} rows wrong:\n{}",
            differences.len(),
            differences.join("\n")
        );
        assert_eq!(lineage.links().len(), expected.links.len());
        let clauses = old_version.len() + new_version.len();
        assert!(
            comparisons <= 4 * clauses,
            "{comparisons} comparisons for {clauses} clauses: not linear"
        );
        let file = write(&lineage);
        let read = parse(
            "lineage.tsv",
            &file,
            &old_version.references(),
            &new_version.references(),
        );
        for kind in [ChangeKind::Reworded, ChangeKind::Merged, ChangeKind::Split] {
            let values: Vec<f64> = lineage
                .links()
                .iter()
                .filter(|l| l.kind == kind)
                .filter_map(|l| l.similarity.map(|s| s.value()))
                .collect();
            let low = values.iter().copied().fold(1.0, f64::min);
            let high = values.iter().copied().fold(0.0, f64::max);
            eprintln!(
                "{kind}: {} rows, similarity {low:.3} to {high:.3}",
                values.len()
            );
        }
        assert_eq!(read, Ok(lineage));
        elapsed
    }

    #[test]
    fn the_constitution_version_2_is_what_issue_18_asks() {
        let old = constitution();
        let (new, expected) = renumbered_version(&old).unwrap();
        assert_eq!(old.articles.len(), 102);
        assert_eq!(new.articles.len(), 102 - 3 + 2 - 1 + 1);
        assert_eq!(expected.count(ChangeKind::Reworded), 20);
        assert_eq!(expected.count(ChangeKind::Merged), 2);
        assert_eq!(expected.count(ChangeKind::Split), 1);
        assert_eq!(expected.count(ChangeKind::Inserted), 5);
        assert!(expected.count(ChangeKind::Deleted) >= 3);
        assert!(expected.count(ChangeKind::Unchanged) > 10);
        assert!(expected.count(ChangeKind::Renumbered) > 200);
        // Numbered 1, 2, 3…: `83-1` and its like are renumbered too.
        assert!(new
            .articles
            .iter()
            .enumerate()
            .all(|(i, a)| a.number.as_str() == (i + 1).to_string()));
        // The same draft always gives the same version 2.
        assert_eq!(renumbered_version(&old).unwrap().0, new);
    }

    #[test]
    fn the_proposal_for_the_constitution_needs_no_correction() {
        let old = constitution();
        let (new, expected) = renumbered_version(&old).unwrap();
        let elapsed = check(&old, &new, &expected);
        eprintln!(
            "constitution: {} → {} clauses proposed in {elapsed:?}",
            old.clause_count(),
            new.clause_count()
        );
    }

    #[test]
    fn the_proposal_for_two_synthetic_1000_article_drafts() {
        let old = synthetic_draft(1000, 18).unwrap();
        let plan = Plan {
            deleted_articles: 30,
            inserted_articles: 20,
            merges: 10,
            splits: 10,
            reworded_clauses: 200,
        };
        let (new, expected) = revise(&old, plan).unwrap();
        assert!(old.clause_count() > 2900, "{}", old.clause_count());
        let elapsed = check(&old, &new, &expected);
        eprintln!(
            "synthetic: {} → {} clauses proposed in {elapsed:?}",
            old.clause_count(),
            new.clause_count()
        );
    }

    #[test]
    fn a_clause_moved_far_and_reworded_is_found_as_moved() {
        let old = constitution();
        let (mut new, mut expected) = renumbered_version(&old).unwrap();
        // The last clause of new article 10 goes, a word changed, to the end of 80.
        let clause = new.articles[9].clauses.pop().unwrap();
        let from = ClauseRef::new(new.articles[9].number.clone(), clause.number.clone());
        let target = &mut new.articles[79];
        let number = ClauseNumber::nth(target.clauses.len() + 1);
        let to = ClauseRef::new(target.number.clone(), number.clone());
        let text = clause.text.replacen("shall", "must", 1);
        assert_ne!(text, clause.text);
        target.clauses.push(Clause {
            number,
            text,
            ..clause
        });
        let link = expected
            .links
            .iter_mut()
            .find(|l| l.new == [from.clone()])
            .unwrap();
        assert!(link.kind.keeps_text(), "{link:?}");
        link.kind = ChangeKind::Moved;
        link.new = vec![to];
        check(&old, &new, &expected);
    }

    #[test]
    fn the_word_diff_of_each_rewording_shows_what_changed() {
        let old = constitution();
        let (new, expected) = renumbered_version(&old).unwrap();
        for link in expected
            .links
            .iter()
            .filter(|l| l.kind == ChangeKind::Reworded)
        {
            let before = &old.clause(link.old.as_ref().unwrap()).unwrap().text;
            let after = &new.clause(&link.new[0]).unwrap().text;
            let runs = word_diff(before, after);
            let changed = runs.iter().filter(|r| r.kind != WordRunKind::Kept).count();
            assert!((1..=4).contains(&changed), "{runs:?}");
            let rebuilt: String = runs
                .iter()
                .filter(|r| r.kind != WordRunKind::Deleted)
                .map(|r| r.text.as_str())
                .collect();
            assert_eq!(&rebuilt, after);
        }
    }

    #[test]
    fn identities_carry_over_to_every_continuing_clause() {
        let old = constitution();
        let (new, expected) = renumbered_version(&old).unwrap();
        let with_ids = Version::new(
            Version::from_draft(&old)
                .unwrap()
                .clauses()
                .iter()
                .map(|c| ClauseText {
                    identity: Some(format!("id-{}", c.reference)),
                    ..c.clone()
                })
                .collect(),
        )
        .unwrap();
        let new_version = Version::from_draft(&new).unwrap();
        let lineage = propose(&with_ids, &new_version);
        let ids = lineage.identities(&with_ids);
        // All new clauses but the five inserted, the second part of the split.
        assert_eq!(ids.len(), new_version.len() - 5 - 1);
        for link in &expected.links {
            if let (Some(old), ChangeKind::Renumbered | ChangeKind::Reworded) =
                (&link.old, link.kind)
            {
                assert_eq!(ids.get(&link.new[0]), Some(&format!("id-{old}")));
            }
        }
    }

    #[test]
    fn a_version_compared_with_itself_is_unchanged_throughout() {
        let old = constitution();
        let version = Version::from_draft(&old).unwrap();
        let lineage = propose(&version, &version);
        assert_eq!(lineage.count(ChangeKind::Unchanged), old.clause_count());
    }

    #[test]
    fn two_unrelated_drafts_are_deleted_and_inserted_in_linear_work() {
        let (a, b) = (
            synthetic_draft(300, 1).unwrap(),
            synthetic_draft(300, 2).unwrap(),
        );
        let (va, vb) = (
            Version::from_draft(&a).unwrap(),
            Version::from_draft(&b).unwrap(),
        );
        let (lineage, comparisons) = propose_counting(&va, &vb);
        eprintln!(
            "unrelated: {comparisons} pairs compared for {} + {} clauses",
            va.len(),
            vb.len()
        );
        assert_eq!(lineage.count(ChangeKind::Deleted), va.len());
        assert_eq!(lineage.count(ChangeKind::Inserted), vb.len());
        assert!(comparisons <= 12 * (va.len() + vb.len()), "{comparisons}");
    }

    #[test]
    fn a_draft_too_small_for_the_plan_is_refused() {
        let tiny = synthetic_draft(4, 3).unwrap();
        assert!(renumbered_version(&tiny).is_err());
    }
}
