//! Clause lineage: which clause of version N became which clause(s) of version N+1.
//!
//! A clause's permanent identity (what suggestions and permalinks attach to) is not its
//! printed reference: version N+1 may renumber, move, merge, split, insert and delete
//! articles and clauses. Importing a new version *proposes* a [`Lineage`] ([`propose`]),
//! an admin reviews it (on a page, or as a file: [`write()`] and [`parse()`]), and only a
//! confirmed lineage is stored. Everything here is pure: no database, no clock but the
//! diff deadline of a pathological clause.
//!
//! # The mapping
//!
//! A lineage is a list of [`Link`]s, one per old clause, plus one per inserted new
//! clause. Each says what became of its old clause ([`ChangeKind`]):
//!
//! | kind | old → new | meaning |
//! |---|---|---|
//! | unchanged | one → one | same reference, same text |
//! | renumbered | one → one | same text, another reference |
//! | reworded | one → one | the corresponding place in the new order, similar text |
//! | moved | one → one | similar text found out of order, elsewhere |
//! | merged | several → one | one row per old clause, all naming the same new clause |
//! | split | one → several | the new clauses in their order |
//! | inserted | none → one or more | no predecessor |
//! | deleted | one → none | no successor |
//!
//! "Same text" is the text in Unicode form C with white space folded; a change of a
//! comma is a rewording (of similarity 1.00, since the words are the same).
//!
//! # How a lineage is proposed
//!
//! Texts are compared as sequences of normalised words (form C, Unicode word
//! boundaries, lower case: no language's tokenisation assumed). `ratio` is
//! `2·common/(len a + len b)` over a longest common subsequence of words; `containment`
//! of a in b is `common/len a`. The proposal runs in six passes, each on what the
//! previous ones left unmatched:
//!
//! 1. **Same text.** A text that occurs exactly once on each side pairs its two clauses
//!    (a hash map: linear). Repeated texts ("Excluded by the Law of …" stubs) are
//!    left to pass 3, which pairs the copies by their place.
//! 2. **The backbone.** Of those pairs, the heaviest chain in document order on both
//!    sides (a weighted longest increasing subsequence, weight = words + 1) is the
//!    alignment of the two versions. Renumbering "everything after" an insertion keeps
//!    the order, so it is seen as a shift along the backbone, never as moves.
//! 3. **Gaps.** Between two consecutive backbone pairs lie the old and new clauses that
//!    changed there. Each gap is aligned on its own by the same weighted chain, over
//!    candidate pairs of similarity at least [`ALIGN_RATIO`] (or one text contained in
//!    the other, see below): these are the reworded clauses, found at the
//!    corresponding place even when their references differ.
//! 4. **Merges and splits.** An unmatched old clause whose words are found in a new
//!    clause ([`CONTAIN`] of them, in order) is a part of it; when two or more old
//!    clauses (the new clause's aligned predecessor included, if it is also contained)
//!    are parts of one new clause and together cover [`COVER`] of its words, they were
//!    merged into it. Splits are the same with old and new exchanged.
//! 5. **Moves.** Clauses still unmatched are paired across the whole document, best
//!    similarity first, when the similarity reaches [`MOVE_RATIO`]: text found out of
//!    place. (A clause both moved and much enlarged is not recognised: it reads as
//!    deleted and inserted, for the reviewer to join.)
//! 6. Whatever is left is **deleted** (old) or **inserted** (new).
//!
//! Candidates for passes 3 to 5 come from an inverted index of words: a clause is
//! compared only with the few clauses sharing most of its rarest words (and, in a small
//! gap, with every clause of the gap), each pair once. No pass builds a similarity
//! matrix over everything, so the work grows with the number of clauses, not its
//! square. The tests bound the pairs compared: four per clause for a revision (the
//! constitution's needs 0.7, the synthetic one's 0.7) and twelve for two unrelated
//! drafts (5.6). On this 2-core machine the constitution takes 15 to 40 ms in a
//! release build (170 ms in the unoptimised test build), two synthetic 1,000-article
//! drafts of about 2,950 clauses each 100 to 230 ms (760 ms), most of it spent cutting
//! the texts into words.
//!
//! # Thresholds
//!
//! Measured on the Kazakh constitution (309 clauses; the ignored test `threshold_survey`
//! measures again): of the 47,584 pairs of different clauses, the median ratio is 0.19,
//! the 99th percentile 0.41, the 99.9th 0.56; of consecutive clauses (what sits side
//! by side in a gap), median 0.25, 99th percentile 0.58. Still, 23 clauses have another
//! at 0.7 or more and 6 at 0.8 or more, up to 0.875: "Excluded by the Law of …" stubs
//! and parallel rules ("The Chairman of the Constitutional Court / of the Supreme
//! Judicial Council shall be appointed by the President …"). Plausible rewordings (a
//! word or phrase changed, a sentence added) keep 0.81 to 0.996 in the constitution
//! fixture and 0.67 to 0.98 in the synthetic one. Hence:
//!
//! * [`ALIGN_RATIO`] 0.5: at the corresponding place the order is evidence too, and
//!   a deleted and an inserted clause side by side that keep half their words are
//!   more likely one clause reworded than two unrelated ones (the admin reviews it);
//! * [`MOVE_RATIO`] 0.75: out of place only the text is evidence; only 17 of the 309
//!   clauses have any other clause that close, and a move is sought only among the
//!   clauses the earlier passes left unmatched;
//! * [`CONTAIN`] 0.85 for a part of a merge or split (a merged clause keeps its parts
//!   almost word for word) and [`COVER`] 0.6 for the share of the whole its parts must
//!   explain; each part must add its own words (a stub found inside a long clause that
//!   kept its text is no part), and have at least [`MIN_PART_WORDS`] words;
//! * a clause grown by a sentence, or shrunk, keeps its place by containment: at the
//!   corresponding place, one text of [`MIN_PART_WORDS`] words or more found at
//!   [`CONTAIN`] inside the other is a rewording whatever the ratio.
//!
//! # Identity
//!
//! [`Lineage::continues`] says which old clause each new clause continues (the one
//! whose suggestions and permalinks it inherits): the old clause of a one-to-one row,
//! the old clause of a split for its first part, the most similar part of a merge.
//! [`Lineage::identities`] turns that into the stored identities to keep.

mod diff;
mod file;
pub mod fixture;
mod propose;
mod text;

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use super::draft::Draft;
use super::reference::ClauseRef;

pub use diff::{word_diff, WordRun, WordRunKind};
pub use file::{parse, write, LineageError, Problem, HEADER};
pub use propose::{propose, ALIGN_RATIO, CONTAIN, COVER, MIN_PART_WORDS, MOVE_RATIO};

/// One clause of a version, as the lineage sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseText {
    pub reference: ClauseRef,
    /// The clause's permanent identity (the stored `lineage`), where it has one: the
    /// clauses of a stored version do, those of a draft being imported do not yet.
    /// [`Lineage::identities`] says which of them the new clauses keep.
    pub identity: Option<String>,
    pub text: String,
    /// The clause's place in the whole version, in document order.
    pub position: usize,
}

/// Two clauses of one version with the same reference.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("clause {0} appears twice in one version")]
pub struct DuplicateReference(pub ClauseRef);

/// The clauses of one version in document order, each reference once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Version {
    clauses: Vec<ClauseText>,
}

impl Version {
    /// The clauses, put in order of [`ClauseText::position`] (stably: equal positions
    /// keep the order given). Refused if a reference appears twice.
    pub fn new(mut clauses: Vec<ClauseText>) -> Result<Self, DuplicateReference> {
        clauses.sort_by_key(|c| c.position);
        let mut seen = std::collections::HashSet::with_capacity(clauses.len());
        for clause in &clauses {
            if !seen.insert(&clause.reference) {
                return Err(DuplicateReference(clause.reference.clone()));
            }
        }
        Ok(Self { clauses })
    }

    /// The clauses of a parsed draft, with no identities yet.
    pub fn from_draft(draft: &Draft) -> Result<Self, DuplicateReference> {
        let clauses = draft
            .articles
            .iter()
            .flat_map(|article| {
                article
                    .clauses
                    .iter()
                    .map(move |clause| (article.reference(clause), clause))
            })
            .enumerate()
            .map(|(position, (reference, clause))| ClauseText {
                reference,
                identity: None,
                text: clause.text.clone(),
                position,
            })
            .collect();
        Self::new(clauses)
    }

    pub fn clauses(&self) -> &[ClauseText] {
        &self.clauses
    }

    /// The references in document order: what [`parse`] checks a file against.
    pub fn references(&self) -> Vec<ClauseRef> {
        self.clauses.iter().map(|c| c.reference.clone()).collect()
    }

    pub fn len(&self) -> usize {
        self.clauses.len()
    }

    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }
}

/// What became of a clause between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ChangeKind {
    Unchanged,
    Renumbered,
    Reworded,
    Moved,
    Merged,
    Split,
    Inserted,
    Deleted,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 8] = [
        Self::Unchanged,
        Self::Renumbered,
        Self::Reworded,
        Self::Moved,
        Self::Merged,
        Self::Split,
        Self::Inserted,
        Self::Deleted,
    ];

    /// The word used in the lineage file.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unchanged => "unchanged",
            Self::Renumbered => "renumbered",
            Self::Reworded => "reworded",
            Self::Moved => "moved",
            Self::Merged => "merged",
            Self::Split => "split",
            Self::Inserted => "inserted",
            Self::Deleted => "deleted",
        }
    }

    /// The new clause carries the same text (the word diff is empty).
    pub fn keeps_text(self) -> bool {
        matches!(self, Self::Unchanged | Self::Renumbered)
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ChangeKind {
    type Err = ();

    /// Case-insensitive: `Reworded` and `reworded` are one kind.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or(())
    }
}

/// How similar two texts are, from 0 (nothing in common) to 1 (the same words), kept
/// in thousandths so that writing and reading it back gives the same value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Similarity(u16);

impl Similarity {
    pub const ONE: Similarity = Similarity(1000);
    pub const ZERO: Similarity = Similarity(0);

    /// The nearest thousandth of `value`, clamped to 0..=1 (NaN is 0).
    pub fn from_f64(value: f64) -> Self {
        if value.is_nan() {
            return Self::ZERO;
        }
        let thousandths = (value.clamp(0.0, 1.0) * 1000.0).round();
        // In 0..=1000 after the clamp, so the conversion is exact.
        Self(thousandths as u16)
    }

    pub fn value(self) -> f64 {
        f64::from(self.0) / 1000.0
    }

    pub fn thousandths(self) -> u16 {
        self.0
    }
}

impl fmt::Display for Similarity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:03}", self.0 / 1000, self.0 % 1000)
    }
}

impl FromStr for Similarity {
    type Err = ();

    /// A decimal from 0 to 1 with at most three places: `1`, `0.5`, `0.835`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 3 {
            return Err(());
        }
        let whole: u16 = match whole.trim_start_matches('0') {
            "" => 0,
            "1" => 1,
            _ => return Err(()),
        };
        let fraction: u16 = format!("{fraction:0<3}").parse().map_err(|_| ())?;
        let value = whole * 1000 + fraction;
        if value > 1000 {
            return Err(());
        }
        Ok(Self(value))
    }
}

/// One row of a lineage: an old clause and what it became, or an inserted clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// `None` only for [`ChangeKind::Inserted`].
    pub old: Option<ClauseRef>,
    /// Empty only for [`ChangeKind::Deleted`]; several for a split (in their order)
    /// and for an insertion written on one row.
    pub new: Vec<ClauseRef>,
    pub kind: ChangeKind,
    /// How similar the old text is to what it became: for a split, to its parts read
    /// together; for a merge, the share of the old clause found in the merged one.
    /// `None` for inserted and deleted clauses, and where a reviewer wrote `-`.
    pub similarity: Option<Similarity>,
}

/// A complete mapping between two versions: every old clause on exactly one row,
/// every new clause named by at least one row, and by several only as a merge. Built
/// only by [`propose`] and [`parse`], which guarantee it.
#[derive(Debug, Clone, Default)]
pub struct Lineage {
    links: Vec<Link>,
    by_old: HashMap<ClauseRef, usize>,
    by_new: HashMap<ClauseRef, Vec<usize>>,
}

impl PartialEq for Lineage {
    fn eq(&self, other: &Self) -> bool {
        self.links == other.links
    }
}

impl Eq for Lineage {}

impl Lineage {
    /// Index the rows. The caller has checked the invariants.
    fn from_links(links: Vec<Link>) -> Self {
        let mut by_old = HashMap::with_capacity(links.len());
        let mut by_new: HashMap<ClauseRef, Vec<usize>> = HashMap::with_capacity(links.len());
        for (i, link) in links.iter().enumerate() {
            if let Some(old) = &link.old {
                by_old.insert(old.clone(), i);
            }
            for new in &link.new {
                by_new.entry(new.clone()).or_default().push(i);
            }
        }
        Self {
            links,
            by_old,
            by_new,
        }
    }

    /// The rows, in the order they are written: old document order, each insertion
    /// after the row of the new clause before it.
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// What became of an old clause.
    pub fn successor(&self, old: &ClauseRef) -> Option<&Link> {
        self.by_old.get(old).and_then(|&i| self.links.get(i))
    }

    /// The rows that name a new clause: one, or several for a merge.
    pub fn predecessors(&self, new: &ClauseRef) -> Vec<&Link> {
        self.by_new
            .get(new)
            .map(|rows| rows.iter().filter_map(|&i| self.links.get(i)).collect())
            .unwrap_or_default()
    }

    /// The old clause whose identity a new clause continues, if any. A one-to-one
    /// row continues its old clause; the first part of a split continues the clause
    /// split (the other parts are new clauses descended from it); a merged clause
    /// continues the most similar of its parts (the first of them on a tie). An
    /// inserted clause continues nothing.
    pub fn continues(&self, new: &ClauseRef) -> Option<&ClauseRef> {
        let rows = self.predecessors(new);
        let best = rows
            .iter()
            .filter(|link| link.kind != ChangeKind::Inserted)
            .filter(|link| link.kind != ChangeKind::Split || link.new.first() == Some(new))
            .fold(None::<&Link>, |best, link| match best {
                Some(b) if b.similarity >= link.similarity => Some(b),
                _ => Some(link),
            })?;
        best.old.as_ref()
    }

    /// For each new clause that continues an old one, the old clause's identity (as
    /// given in `old`): what the importer stores as the new clause's `lineage`. New
    /// clauses missing here get a fresh identity.
    pub fn identities(&self, old: &Version) -> HashMap<ClauseRef, String> {
        let identity: HashMap<&ClauseRef, &str> = old
            .clauses()
            .iter()
            .filter_map(|c| Some((&c.reference, c.identity.as_deref()?)))
            .collect();
        self.by_new
            .keys()
            .filter_map(|new| {
                let old = self.continues(new)?;
                Some((new.clone(), (*identity.get(old)?).to_owned()))
            })
            .collect()
    }

    /// How many rows have each kind.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.links.iter().filter(|l| l.kind == kind).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> ClauseRef {
        ClauseRef::parse(s).unwrap()
    }

    fn clause(reference: &str, text: &str, position: usize) -> ClauseText {
        ClauseText {
            reference: r(reference),
            identity: Some(format!("id-{reference}")),
            text: text.to_owned(),
            position,
        }
    }

    #[test]
    fn a_version_is_ordered_and_refuses_a_repeated_reference() {
        let version = Version::new(vec![clause("2.1", "b", 5), clause("1.1", "a", 1)]).unwrap();
        assert_eq!(version.references(), vec![r("1.1"), r("2.1")]);
        let twice = Version::new(vec![clause("1.1", "a", 0), clause("1.1", "b", 1)]);
        assert_eq!(twice, Err(DuplicateReference(r("1.1"))));
    }

    #[test]
    fn similarity_is_kept_in_thousandths_and_round_trips() {
        assert_eq!(Similarity::from_f64(0.8347).to_string(), "0.835");
        assert_eq!(Similarity::from_f64(2.0), Similarity::ONE);
        assert_eq!(Similarity::from_f64(f64::NAN), Similarity::ZERO);
        assert_eq!(Similarity::ONE.to_string(), "1.000");
        for text in ["0", "1", "0.5", "0.835", "1.000", "00.25", "1.0"] {
            let parsed: Similarity = text.parse().unwrap();
            assert_eq!(
                parsed.to_string().parse::<Similarity>(),
                Ok(parsed),
                "{text}"
            );
        }
        for bad in [
            "", ".5", "1.001", "2", "0.1234", "-0.5", "0,5", "nan", "0.5x", "1e-3",
        ] {
            assert!(bad.parse::<Similarity>().is_err(), "accepted {bad:?}");
        }
        assert_eq!(
            "0.5".parse::<Similarity>().map(Similarity::thousandths),
            Ok(500)
        );
    }

    #[test]
    fn kinds_read_back_whatever_the_case() {
        for kind in ChangeKind::ALL {
            assert_eq!(kind.as_str().parse(), Ok(kind));
            assert_eq!(kind.as_str().to_uppercase().parse(), Ok(kind));
        }
        assert!("renamed".parse::<ChangeKind>().is_err());
    }

    #[test]
    fn identities_follow_continuation() {
        let old = Version::new(vec![
            clause("1.1", "a", 0),
            clause("1.2", "b", 1),
            clause("2.1", "c", 2),
            clause("3.1", "d", 3),
        ])
        .unwrap();
        let link = |old: &str, new: &[&str], kind, similarity: Option<u16>| Link {
            old: (old != "-").then(|| r(old)),
            new: new.iter().map(|n| r(n)).collect(),
            kind,
            similarity: similarity.map(|t| Similarity::from_f64(f64::from(t) / 1000.0)),
        };
        let lineage = Lineage::from_links(vec![
            link("1.1", &["1.1"], ChangeKind::Merged, Some(600)),
            link("1.2", &["1.1"], ChangeKind::Merged, Some(900)),
            link("2.1", &["2.1", "2.2"], ChangeKind::Split, Some(950)),
            link("3.1", &["3.1"], ChangeKind::Renumbered, Some(1000)),
            link("-", &["4.1"], ChangeKind::Inserted, None),
        ]);
        let ids = lineage.identities(&old);
        assert_eq!(ids.get(&r("1.1")).map(String::as_str), Some("id-1.2"));
        assert_eq!(ids.get(&r("2.1")).map(String::as_str), Some("id-2.1"));
        assert_eq!(
            ids.get(&r("2.2")),
            None,
            "a later part of a split is a new clause"
        );
        assert_eq!(ids.get(&r("3.1")).map(String::as_str), Some("id-3.1"));
        assert_eq!(ids.get(&r("4.1")), None);
        assert_eq!(lineage.predecessors(&r("1.1")).len(), 2);
        assert_eq!(
            lineage.successor(&r("2.1")).map(|l| l.kind),
            Some(ChangeKind::Split)
        );
        assert_eq!(lineage.count(ChangeKind::Merged), 2);
    }
}
