//! Proposing a lineage: the six passes described in the parent module.

use std::collections::HashMap;

use super::text::{self, Interner, Word};
use super::{ChangeKind, ClauseText, Lineage, Link, Similarity, Version};

/// Least similarity of a rewording found at the corresponding place.
pub const ALIGN_RATIO: f64 = 0.5;
/// Least similarity of a clause found out of place.
pub const MOVE_RATIO: f64 = 0.75;
/// Least share of a part's words found, in order, in the whole it was merged into (or
/// split from).
pub const CONTAIN: f64 = 0.85;
/// Least share of a merged (or split) clause's words that its parts explain.
pub const COVER: f64 = 0.6;
/// Fewest words a part of a merge or split (or a clause found inside another at the
/// corresponding place) must have.
pub const MIN_PART_WORDS: usize = 4;

/// Added to a pair's weight in a gap when it keeps its reference: less than any real
/// difference of similarity (a thousandth), enough to settle a tie.
const SAME_REFERENCE_BONUS: f64 = 1e-4;
/// A gap with at most this many old × new pairs is compared all with all.
const ALL_PAIRS: usize = 64;
/// How many candidates the index gives for one clause.
const CANDIDATES: usize = 6;
/// How many of a clause's rarest words are looked up in the index.
const RARE_WORDS: usize = 12;

/// One side (old or new) with its texts prepared.
struct Side<'a> {
    clauses: &'a [ClauseText],
    exact: Vec<String>,
    words: Vec<Vec<Word>>,
}

impl<'a> Side<'a> {
    fn new(version: &'a Version, interner: &mut Interner) -> Self {
        let clauses = version.clauses();
        let (exact, words) = clauses.iter().map(|c| interner.prepare(&c.text)).unzip();
        Self {
            clauses,
            exact,
            words,
        }
    }

    fn len(&self) -> usize {
        self.clauses.len()
    }
}

/// Which clauses of one side contain each word.
struct Index {
    postings: Vec<Vec<usize>>,
    /// Longer posting lists are not read: such a word is in too many clauses to tell
    /// them apart.
    max_posting: usize,
}

impl Index {
    fn new(side: &Side<'_>, vocabulary: usize) -> Self {
        let mut postings = vec![Vec::new(); vocabulary];
        for (clause, words) in side.words.iter().enumerate() {
            for &word in words {
                // Clauses are visited in order, so a repeat is always the last entry.
                if let Some(list) = postings.get_mut(word as usize) {
                    if list.last() != Some(&clause) {
                        list.push(clause);
                    }
                }
            }
        }
        Self {
            postings,
            max_posting: (side.len() / 8).max(64),
        }
    }

    /// Up to `limit` clauses accepted by `accept` that share the rarest of `query`'s
    /// words, most shared rarity first (each shared word weighs 1 / its frequency).
    fn candidates(
        &self,
        query: &[Word],
        frequency: &[u32],
        accept: impl Fn(usize) -> bool,
        limit: usize,
    ) -> Vec<usize> {
        let df = |w: Word| frequency.get(w as usize).copied().unwrap_or(1).max(1);
        let mut words = query.to_vec();
        words.sort_unstable();
        words.dedup();
        words.sort_by_key(|&w| (df(w), w));
        let mut score: HashMap<usize, f64> = HashMap::new();
        for &word in words.iter().take(RARE_WORDS) {
            let Some(list) = self.postings.get(word as usize) else {
                continue;
            };
            if list.len() > self.max_posting {
                break;
            }
            let weight = 1.0 / f64::from(df(word));
            for &clause in list {
                if accept(clause) {
                    *score.entry(clause).or_default() += weight;
                }
            }
        }
        let mut ranked: Vec<(usize, f64)> = score.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.into_iter().take(limit).map(|(c, _)| c).collect()
    }
}

/// Measures between an old and a new clause, each pair computed once.
struct Compare<'a> {
    old: &'a Side<'a>,
    new: &'a Side<'a>,
    common: HashMap<(usize, usize), usize>,
}

impl Compare<'_> {
    fn common(&mut self, i: usize, j: usize) -> usize {
        let (old, new) = (&self.old.words[i], &self.new.words[j]);
        *self
            .common
            .entry((i, j))
            .or_insert_with(|| text::common(old, new))
    }

    fn ratio(&mut self, i: usize, j: usize) -> f64 {
        let common = self.common(i, j);
        text::ratio_of(common, self.old.words[i].len(), self.new.words[j].len())
    }

    fn old_in_new(&mut self, i: usize, j: usize) -> f64 {
        let common = self.common(i, j);
        text::containment_of(common, self.old.words[i].len())
    }

    fn new_in_old(&mut self, i: usize, j: usize) -> f64 {
        let common = self.common(i, j);
        text::containment_of(common, self.new.words[j].len())
    }

    /// One of the two, of at least [`MIN_PART_WORDS`] words, is found almost whole in
    /// the other: a clause that grew (a sentence added) or shrank.
    fn one_inside_other(&mut self, i: usize, j: usize) -> bool {
        let (a, b) = (self.old.words[i].len(), self.new.words[j].len());
        if a.min(b) < MIN_PART_WORDS {
            return false;
        }
        if a <= b {
            self.old_in_new(i, j) >= CONTAIN
        } else {
            self.new_in_old(i, j) >= CONTAIN
        }
    }

    /// Pairs compared, for the tests that check the work stays linear.
    fn comparisons(&self) -> usize {
        self.common.len()
    }
}

/// How a one-to-one pair was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// Pass 1: the same text.
    SameText,
    /// Pass 3: at the corresponding place.
    InPlace,
    /// Pass 5: elsewhere.
    Elsewhere,
}

/// What became of an old clause.
#[derive(Debug, Clone, PartialEq)]
enum Fate {
    Gone,
    Pair(usize, Found),
    MergedInto(usize),
    SplitInto(Vec<usize>),
}

struct Matching {
    fate: Vec<Fate>,
    /// The old clause paired one-to-one with each new clause.
    pair_of_new: Vec<Option<usize>>,
    /// New clauses that are a merge or a part of a split.
    grouped_new: Vec<bool>,
}

impl Matching {
    fn new(old: usize, new: usize) -> Self {
        Self {
            fate: vec![Fate::Gone; old],
            pair_of_new: vec![None; new],
            grouped_new: vec![false; new],
        }
    }

    fn old_free(&self, i: usize) -> bool {
        self.fate.get(i) == Some(&Fate::Gone)
    }

    fn new_free(&self, j: usize) -> bool {
        self.pair_of_new.get(j) == Some(&None) && self.grouped_new.get(j) == Some(&false)
    }

    fn pair(&mut self, i: usize, j: usize, found: Found) {
        self.fate[i] = Fate::Pair(j, found);
        self.pair_of_new[j] = Some(i);
    }

    fn unpair(&mut self, i: usize) {
        if let Fate::Pair(j, _) = self.fate[i] {
            self.pair_of_new[j] = None;
        }
        self.fate[i] = Fate::Gone;
    }

    /// The new clause paired one-to-one with old clause `i`.
    fn pair_of_old(&self, i: usize) -> Option<usize> {
        match self.fate.get(i) {
            Some(Fate::Pair(j, _)) => Some(*j),
            _ => None,
        }
    }
}

/// Propose the lineage from `old` to `new`.
pub fn propose(old: &Version, new: &Version) -> Lineage {
    propose_counting(old, new).0
}

/// [`propose`], and how many pairs of clauses it compared.
pub(super) fn propose_counting(old: &Version, new: &Version) -> (Lineage, usize) {
    let mut interner = Interner::default();
    let old_side = Side::new(old, &mut interner);
    let new_side = Side::new(new, &mut interner);
    let old_index = Index::new(&old_side, interner.len());
    let new_index = Index::new(&new_side, interner.len());
    // How many clauses of both versions have each word.
    let frequency: Vec<u32> = old_index
        .postings
        .iter()
        .zip(&new_index.postings)
        .map(|(a, b)| u32::try_from(a.len() + b.len()).unwrap_or(u32::MAX))
        .collect();
    let mut compare = Compare {
        old: &old_side,
        new: &new_side,
        common: HashMap::new(),
    };
    let mut m = Matching::new(old_side.len(), new_side.len());

    same_text(&old_side, &new_side, &mut m);
    let backbone = backbone(&old_side, &m);
    in_gaps(&backbone, &old_index, &frequency, &mut compare, &mut m);
    merges(&new_index, &frequency, &mut compare, &mut m);
    splits(&old_index, &frequency, &mut compare, &mut m);
    elsewhere(&old_index, &frequency, &mut compare, &mut m);

    let links = links(&mut compare, &m);
    (Lineage::from_links(links), compare.comparisons())
}

/// Pass 1: the same exact text, where it occurs once on each side. A text repeated
/// ("Excluded by the Law of …") is left to the alignment, which pairs its copies by
/// their place: pairing them by reference would tie a stub to the wrong article as
/// soon as the articles are renumbered.
fn same_text(old: &Side<'_>, new: &Side<'_>, m: &mut Matching) {
    let mut by_text: HashMap<&str, (Vec<usize>, Vec<usize>)> = HashMap::new();
    for i in 0..old.len() {
        by_text.entry(&old.exact[i]).or_default().0.push(i);
    }
    for j in 0..new.len() {
        by_text.entry(&new.exact[j]).or_default().1.push(j);
    }
    for (olds, news) in by_text.values() {
        if let ([i], [j]) = (olds.as_slice(), news.as_slice()) {
            m.pair(*i, *j, Found::SameText);
        }
    }
}

/// Pass 2: the heaviest chain of same-text pairs in document order on both sides.
fn backbone(old: &Side<'_>, m: &Matching) -> Vec<(usize, usize)> {
    let anchors: Vec<(usize, usize, f64)> = m
        .fate
        .iter()
        .enumerate()
        .filter_map(|(i, fate)| match fate {
            Fate::Pair(j, Found::SameText) => Some((i, *j, (old.words[i].len() + 1) as f64)),
            _ => None,
        })
        .collect();
    heaviest_chain(&anchors)
}

/// Pass 3: within each gap between backbone pairs, the heaviest chain of similar pairs.
fn in_gaps(
    backbone: &[(usize, usize)],
    old_index: &Index,
    frequency: &[u32],
    compare: &mut Compare<'_>,
    m: &mut Matching,
) {
    let (old_len, new_len) = (compare.old.len(), compare.new.len());
    let mut start = (0, 0);
    let ends = backbone
        .iter()
        .map(|&(i, j)| ((i, j), (i + 1, j + 1)))
        .chain(std::iter::once(((old_len, new_len), (old_len, new_len))));
    for (end, next_start) in ends {
        let olds: Vec<usize> = (start.0..end.0).filter(|&i| m.old_free(i)).collect();
        let news: Vec<usize> = (start.1..end.1).filter(|&j| m.new_free(j)).collect();
        let old_range = start.0..end.0;
        start = next_start;
        if olds.is_empty() || news.is_empty() {
            continue;
        }
        let mut pairs: Vec<(usize, usize)> = Vec::new();
        if olds.len() * news.len() <= ALL_PAIRS {
            for &j in &news {
                pairs.extend(olds.iter().map(|&i| (i, j)));
            }
        } else {
            for (rank, &j) in news.iter().enumerate() {
                let accept = |i: usize| old_range.contains(&i) && m.old_free(i);
                pairs.extend(
                    old_index
                        .candidates(&compare.new.words[j], frequency, accept, CANDIDATES)
                        .into_iter()
                        .map(|i| (i, j)),
                );
                // The clauses at the same relative place, so that a clause of common
                // words only is still compared with its likely predecessor.
                let at = rank * olds.len() / news.len();
                let near = at.saturating_sub(1)..(at + 2).min(olds.len());
                pairs.extend(olds[near].iter().map(|&i| (i, j)));
            }
            pairs.sort_unstable();
            pairs.dedup();
        }
        let weighted: Vec<(usize, usize, f64)> = pairs
            .into_iter()
            .filter_map(|(i, j)| {
                let ratio = compare.ratio(i, j);
                // Between equally good chains (copies of one text), the one that keeps
                // references wins.
                let same_reference =
                    compare.old.clauses[i].reference == compare.new.clauses[j].reference;
                let weight = ratio
                    + if same_reference {
                        SAME_REFERENCE_BONUS
                    } else {
                        0.0
                    };
                (ratio >= ALIGN_RATIO || compare.one_inside_other(i, j)).then_some((i, j, weight))
            })
            .collect();
        for (i, j) in heaviest_chain(&weighted) {
            m.pair(i, j, Found::InPlace);
        }
    }
}

/// The words of several clauses of one side read one after another.
fn joined(words: &[Vec<Word>], parts: &[usize]) -> Vec<Word> {
    parts
        .iter()
        .flat_map(|&p| words[p].iter().copied())
        .collect()
}

/// The `parts` (clauses of one side, in order) are what `whole` was made of: read
/// together, [`CONTAIN`] of their words are found in it in order and they explain
/// [`COVER`] of its words; and each part adds [`CONTAIN`] of its own words to what the
/// others explain, so that a clause merely echoing words the others bring (a stock
/// "Excluded by the Law of …" inside a long clause that kept its text) is no part.
fn explains(words: &[Vec<Word>], parts: &[usize], whole: &[Word]) -> bool {
    let together = joined(words, parts);
    let common = text::common(&together, whole);
    if text::containment_of(common, together.len()) < CONTAIN
        || text::containment_of(common, whole.len()) < COVER
    {
        return false;
    }
    parts.iter().enumerate().all(|(k, &part)| {
        let mut others = parts.to_vec();
        others.remove(k);
        let without = text::common(&joined(words, &others), whole);
        let gain = common.saturating_sub(without);
        text::containment_of(gain, words[part].len()) >= CONTAIN
    })
}

/// Which way clauses were joined: old parts into a new whole, or a new part out of
/// an old whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joining {
    Merge,
    Split,
}

/// The wholes and their parts for pass 4: each free part of [`MIN_PART_WORDS`] or
/// more is given to the whole it is most contained in (at least [`CONTAIN`]); the
/// clause aligned with a whole joins its parts if it is contained too; a whole with
/// two or more parts that [`explains`] them is returned, its parts in document order.
fn groups(
    joining: Joining,
    whole_index: &Index,
    frequency: &[u32],
    compare: &mut Compare<'_>,
    m: &Matching,
) -> Vec<(usize, Vec<usize>)> {
    let (part_side, whole_side) = match joining {
        Joining::Merge => (compare.old, compare.new),
        Joining::Split => (compare.new, compare.old),
    };
    let inside = |compare: &mut Compare<'_>, part: usize, whole: usize| match joining {
        Joining::Merge => compare.old_in_new(part, whole),
        Joining::Split => compare.new_in_old(whole, part),
    };
    let mut parts: HashMap<usize, Vec<usize>> = HashMap::new();
    for part in 0..part_side.len() {
        let free = match joining {
            Joining::Merge => m.old_free(part),
            Joining::Split => m.new_free(part),
        };
        if !free || part_side.words[part].len() < MIN_PART_WORDS {
            continue;
        }
        let open = |whole: usize| match joining {
            Joining::Merge => !m.grouped_new[whole],
            Joining::Split => matches!(m.fate[whole], Fate::Gone | Fate::Pair(..)),
        };
        let best = whole_index
            .candidates(&part_side.words[part], frequency, open, CANDIDATES)
            .into_iter()
            .map(|whole| (inside(compare, part, whole), whole))
            .filter(|&(c, _)| c >= CONTAIN)
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, whole)) = best {
            parts.entry(whole).or_default().push(part);
        }
    }
    let mut wholes: Vec<(usize, Vec<usize>)> = parts.into_iter().collect();
    wholes.sort_unstable();
    wholes
        .into_iter()
        .filter_map(|(whole, mut parts)| {
            let aligned = match joining {
                Joining::Merge => m.pair_of_new[whole],
                Joining::Split => m.pair_of_old(whole),
            };
            let aligned = aligned.filter(|&a| {
                part_side.words[a].len() >= MIN_PART_WORDS && inside(compare, a, whole) >= CONTAIN
            });
            parts.extend(aligned);
            parts.sort_unstable();
            (parts.len() >= 2 && explains(&part_side.words, &parts, &whole_side.words[whole]))
                .then_some((whole, parts))
        })
        .collect()
}

/// Pass 4a: old clauses found inside one new clause that they explain together.
fn merges(new_index: &Index, frequency: &[u32], compare: &mut Compare<'_>, m: &mut Matching) {
    for (j, olds) in groups(Joining::Merge, new_index, frequency, compare, m) {
        for &i in &olds {
            m.unpair(i);
            m.fate[i] = Fate::MergedInto(j);
        }
        m.grouped_new[j] = true;
    }
}

/// Pass 4b: new clauses found inside one old clause that they explain together.
fn splits(old_index: &Index, frequency: &[u32], compare: &mut Compare<'_>, m: &mut Matching) {
    for (i, news) in groups(Joining::Split, old_index, frequency, compare, m) {
        m.unpair(i);
        for &j in &news {
            m.grouped_new[j] = true;
        }
        m.fate[i] = Fate::SplitInto(news);
    }
}

/// Pass 5: what is still unmatched, paired across the document, best first.
fn elsewhere(old_index: &Index, frequency: &[u32], compare: &mut Compare<'_>, m: &mut Matching) {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for j in 0..compare.new.len() {
        if !m.new_free(j) {
            continue;
        }
        let accept = |i: usize| m.old_free(i);
        for i in old_index.candidates(&compare.new.words[j], frequency, accept, CANDIDATES) {
            let ratio = compare.ratio(i, j);
            if ratio >= MOVE_RATIO {
                pairs.push((ratio, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, i, j) in pairs {
        if m.old_free(i) && m.new_free(j) {
            m.pair(i, j, Found::Elsewhere);
        }
    }
}

/// The rows: one per old clause in old order, each insertion after the row of the new
/// clause before it.
fn links(compare: &mut Compare<'_>, m: &Matching) -> Vec<Link> {
    let (old, new) = (compare.old, compare.new);
    let reference = |side: &Side<'_>, k: usize| side.clauses[k].reference.clone();
    let mut rows: Vec<Link> = Vec::with_capacity(old.len() + new.len());
    // For each new clause, the last old row that names it.
    let mut row_of_new: Vec<Option<usize>> = vec![None; new.len()];
    for (i, fate) in m.fate.iter().enumerate() {
        let (new_parts, kind, similarity) = match fate {
            Fate::Gone => (Vec::new(), ChangeKind::Deleted, None),
            Fate::Pair(j, found) => {
                let same_text = old.exact[i] == new.exact[*j];
                let same_reference = old.clauses[i].reference == new.clauses[*j].reference;
                let kind = match (same_text, same_reference, found) {
                    (true, true, _) => ChangeKind::Unchanged,
                    (true, false, _) => ChangeKind::Renumbered,
                    (false, false, Found::Elsewhere) => ChangeKind::Moved,
                    (false, _, _) => ChangeKind::Reworded,
                };
                (vec![*j], kind, Some(compare.ratio(i, *j)))
            }
            Fate::MergedInto(j) => (
                vec![*j],
                ChangeKind::Merged,
                Some(compare.old_in_new(i, *j)),
            ),
            Fate::SplitInto(parts) => {
                let together = joined(&new.words, parts);
                let similarity = text::ratio(&old.words[i], &together);
                (parts.clone(), ChangeKind::Split, Some(similarity))
            }
        };
        for &j in &new_parts {
            row_of_new[j] = Some(i);
        }
        rows.push(Link {
            old: Some(reference(old, i)),
            new: new_parts.into_iter().map(|j| reference(new, j)).collect(),
            kind,
            similarity: similarity.map(Similarity::from_f64),
        });
    }
    // Insertions: each after the old row of the nearest earlier new clause (in new
    // order among themselves).
    let mut inserted: Vec<(Option<usize>, usize)> = Vec::new();
    let mut anchor = None;
    for (j, row) in row_of_new.iter().enumerate() {
        match row {
            Some(i) => anchor = Some(*i),
            None => inserted.push((anchor, j)),
        }
    }
    inserted.sort_unstable();
    // An insertion waits for the deletions right after its anchor, so that what was
    // removed at a place reads before what took its place.
    let mut ordered: Vec<Link> = Vec::with_capacity(rows.len() + inserted.len());
    let mut waiting: Vec<Link> = Vec::new();
    let mut pending = inserted.into_iter().peekable();
    let insertion = |j: usize| Link {
        old: None,
        new: vec![reference(new, j)],
        kind: ChangeKind::Inserted,
        similarity: None,
    };
    while let Some((_, j)) = pending.next_if(|(anchor, _)| anchor.is_none()) {
        waiting.push(insertion(j));
    }
    for (i, row) in rows.into_iter().enumerate() {
        if row.kind != ChangeKind::Deleted {
            ordered.append(&mut waiting);
        }
        ordered.push(row);
        while let Some((_, j)) = pending.next_if(|(anchor, _)| *anchor == Some(i)) {
            waiting.push(insertion(j));
        }
    }
    ordered.append(&mut waiting);
    // Every anchor is a row, so nothing is left; should one be, it is kept.
    ordered.extend(pending.map(|(_, j)| insertion(j)));
    ordered
}

/// The heaviest chain of `(old, new, weight)` pairs strictly increasing in both old
/// and new: a weighted longest increasing subsequence, O(k log k) with a Fenwick tree
/// of prefix maxima over the new coordinates.
fn heaviest_chain(pairs: &[(usize, usize, f64)]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..pairs.len()).collect();
    order.sort_by_key(|&k| (pairs[k].0, pairs[k].1));
    let mut columns: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    columns.sort_unstable();
    columns.dedup();
    // tree[c] = the best (total weight, pair) ending at a column in c's range.
    let mut tree: Vec<Option<(f64, usize)>> = vec![None; columns.len() + 1];
    let better = |a: Option<(f64, usize)>, b: Option<(f64, usize)>| match (a, b) {
        (Some(x), Some(y)) if y.0 > x.0 => Some(y),
        (None, y) => y,
        (x, _) => x,
    };
    let mut total = vec![0.0_f64; pairs.len()];
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    let mut group_start = 0;
    while group_start < order.len() {
        // Pairs on one old clause cannot chain with each other: query them all first.
        let row = pairs[order[group_start]].0;
        let group_end = order[group_start..]
            .iter()
            .position(|&k| pairs[k].0 != row)
            .map_or(order.len(), |p| group_start + p);
        for &k in &order[group_start..group_end] {
            let column = columns.partition_point(|&c| c < pairs[k].1);
            // Prefix maximum over columns strictly before this one (1-based tree).
            let mut best = None;
            let mut at = column;
            while at > 0 {
                best = better(best, tree[at]);
                at &= at - 1;
            }
            total[k] = pairs[k].2 + best.map_or(0.0, |b| b.0);
            previous[k] = best.map(|b| b.1);
        }
        for &k in &order[group_start..group_end] {
            let mut at = columns.partition_point(|&c| c < pairs[k].1) + 1;
            while at < tree.len() {
                tree[at] = better(tree[at], Some((total[k], k)));
                at += at & at.wrapping_neg();
            }
        }
        group_start = group_end;
    }
    let mut end = None;
    for &k in &order {
        end = better(end, Some((total[k], k)));
    }
    let mut chain = Vec::new();
    let mut at = end.map(|e| e.1);
    while let Some(k) = at {
        chain.push((pairs[k].0, pairs[k].1));
        at = previous[k];
    }
    chain.reverse();
    chain
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::reference::ClauseRef;

    fn r(s: &str) -> ClauseRef {
        ClauseRef::parse(s).unwrap()
    }

    fn version(clauses: &[(&str, &str)]) -> Version {
        Version::new(
            clauses
                .iter()
                .enumerate()
                .map(|(position, (reference, text))| ClauseText {
                    reference: r(reference),
                    identity: None,
                    text: (*text).to_owned(),
                    position,
                })
                .collect(),
        )
        .unwrap()
    }

    /// The rows as `old > new;new kind`, for compact assertions.
    fn rows(lineage: &Lineage) -> Vec<String> {
        lineage
            .links()
            .iter()
            .map(|l| {
                let old = l.old.as_ref().map_or("-".to_owned(), ToString::to_string);
                let new: Vec<String> = l.new.iter().map(ToString::to_string).collect();
                let new = if new.is_empty() {
                    "-".to_owned()
                } else {
                    new.join(";")
                };
                format!("{old} > {new} {}", l.kind)
            })
            .collect()
    }

    const A: &str = "Everyone shall have the right to freedom of speech and creative activity.";
    const B: &str = "Censorship shall be prohibited in the Republic of Kazakhstan.";
    const C: &str = "Everyone shall have the right to freely receive and disseminate information by any means not prohibited by law.";
    const D: &str =
        "The list of information constituting state secrets shall be determined by law.";
    const E: &str = "Propaganda of social, racial, national, religious, class and tribal superiority shall not be permitted.";
    const F: &str =
        "Citizens of the Republic shall have the right to peacefully assemble without weapons.";

    #[test]
    fn the_same_text_is_unchanged_or_renumbered() {
        let old = version(&[("1.1", A), ("1.2", B), ("2.1", C)]);
        let new = version(&[("1.1", A), ("2.1", B), ("2.2", C)]);
        let lineage = propose(&old, &new);
        assert_eq!(
            rows(&lineage),
            [
                "1.1 > 1.1 unchanged",
                "1.2 > 2.1 renumbered",
                "2.1 > 2.2 renumbered"
            ]
        );
        assert!(lineage
            .links()
            .iter()
            .all(|l| l.similarity == Some(Similarity::ONE)));
    }

    #[test]
    fn an_insertion_shifts_what_follows_and_a_deletion_too() {
        // Article 2 deleted, a new article 3 inserted: everything after is renumbered.
        let old = version(&[("1.1", A), ("2.1", B), ("3.1", C), ("4.1", D), ("5.1", E)]);
        let new = version(&[("1.1", A), ("2.1", C), ("3.1", F), ("4.1", D), ("5.1", E)]);
        let lineage = propose(&old, &new);
        assert_eq!(
            rows(&lineage),
            [
                "1.1 > 1.1 unchanged",
                "2.1 > - deleted",
                "3.1 > 2.1 renumbered",
                "- > 3.1 inserted",
                "4.1 > 4.1 unchanged",
                "5.1 > 5.1 unchanged",
            ]
        );
    }

    #[test]
    fn a_rewording_is_found_in_place_even_under_a_new_number() {
        let reworded_c = "Everyone shall have the right to freely receive and disseminate information by any lawful means.";
        let old = version(&[("1.1", A), ("2.1", B), ("3.1", C), ("4.1", D)]);
        let new = version(&[("1.1", A), ("2.1", reworded_c), ("3.1", D)]);
        let lineage = propose(&old, &new);
        assert_eq!(
            rows(&lineage),
            [
                "1.1 > 1.1 unchanged",
                "2.1 > - deleted",
                "3.1 > 2.1 reworded",
                "4.1 > 3.1 renumbered",
            ]
        );
        let similarity = lineage.links()[2].similarity.unwrap().value();
        assert!((0.7..1.0).contains(&similarity), "{similarity}");
    }

    #[test]
    fn punctuation_only_is_a_rewording_of_similarity_one() {
        let old = version(&[("1.1", A)]);
        let new = version(&[("1.1", &A.replace("speech", "speech,"))]);
        let lineage = propose(&old, &new);
        assert_eq!(rows(&lineage), ["1.1 > 1.1 reworded"]);
        assert_eq!(lineage.links()[0].similarity, Some(Similarity::ONE));
    }

    #[test]
    fn a_clause_reworded_and_moved_out_of_order_is_moved() {
        let moved_e = "Propaganda of social, racial, national, religious and class superiority shall not be permitted.";
        let old = version(&[("1.1", A), ("1.2", E), ("2.1", B), ("2.2", C), ("3.1", D)]);
        let new = version(&[
            ("1.1", A),
            ("2.1", B),
            ("2.2", C),
            ("3.1", D),
            ("3.2", moved_e),
        ]);
        let lineage = propose(&old, &new);
        assert_eq!(
            rows(&lineage),
            [
                "1.1 > 1.1 unchanged",
                "1.2 > 3.2 moved",
                "2.1 > 2.1 unchanged",
                "2.2 > 2.2 unchanged",
                "3.1 > 3.1 unchanged",
            ]
        );
    }

    #[test]
    fn unrelated_texts_at_one_place_are_a_deletion_and_an_insertion() {
        let old = version(&[("1.1", A), ("2.1", B), ("3.1", D)]);
        let new = version(&[("1.1", A), ("2.1", F), ("3.1", D)]);
        assert_eq!(
            rows(&propose(&old, &new)),
            [
                "1.1 > 1.1 unchanged",
                "2.1 > - deleted",
                "- > 2.1 inserted",
                "3.1 > 3.1 unchanged",
            ]
        );
    }

    #[test]
    fn two_clauses_joined_are_a_merge_and_one_cut_in_two_a_split() {
        let joined_bc = format!("{B} {C}");
        let old = version(&[("1.1", A), ("1.2", B), ("1.3", C), ("2.1", D), ("3.1", E)]);
        let cut = "Propaganda of social, racial, national, religious, class";
        let rest = "and tribal superiority shall not be permitted.";
        let new = version(&[
            ("1.1", A),
            ("1.2", &joined_bc),
            ("2.1", D),
            ("3.1", cut),
            ("3.2", rest),
        ]);
        let lineage = propose(&old, &new);
        assert_eq!(
            rows(&lineage),
            [
                "1.1 > 1.1 unchanged",
                "1.2 > 1.2 merged",
                "1.3 > 1.2 merged",
                "2.1 > 2.1 unchanged",
                "3.1 > 3.1;3.2 split",
            ]
        );
        assert_eq!(
            lineage.continues(&r("1.2")),
            Some(&r("1.2")),
            "both whole: the first"
        );
        assert_eq!(lineage.continues(&r("3.2")), None);
    }

    #[test]
    fn a_sentence_added_at_its_place_is_a_rewording() {
        let longer = format!("{B} The procedure for lifting it in a state of emergency shall be established by the constitutional law, which Parliament adopts by two thirds of the votes of its deputies.");
        let old = version(&[("1.1", A), ("1.2", B), ("2.1", D)]);
        let new = version(&[("1.1", A), ("1.2", &longer), ("2.1", D)]);
        let lineage = propose(&old, &new);
        assert_eq!(
            rows(&lineage),
            [
                "1.1 > 1.1 unchanged",
                "1.2 > 1.2 reworded",
                "2.1 > 2.1 unchanged"
            ]
        );
        assert!(lineage.links()[1].similarity.unwrap().value() < ALIGN_RATIO);
    }

    #[test]
    fn repeated_texts_pair_by_place() {
        let x = "Excluded by the Law of 7 October 1998.";
        // The first of two identical clauses is deleted with its article.
        let old = version(&[("1.1", A), ("2.1", x), ("3.1", B), ("4.1", x), ("5.1", C)]);
        let new = version(&[("1.1", A), ("2.1", B), ("3.1", x), ("4.1", C)]);
        assert_eq!(
            rows(&propose(&old, &new)),
            [
                "1.1 > 1.1 unchanged",
                "2.1 > - deleted",
                "3.1 > 2.1 renumbered",
                "4.1 > 3.1 renumbered",
                "5.1 > 4.1 renumbered",
            ]
        );
    }

    #[test]
    fn empty_versions() {
        let empty = Version::default();
        let some = version(&[("1.1", A)]);
        assert!(propose(&empty, &empty).links().is_empty());
        assert_eq!(rows(&propose(&empty, &some)), ["- > 1.1 inserted"]);
        assert_eq!(rows(&propose(&some, &empty)), ["1.1 > - deleted"]);
    }

    #[test]
    fn the_heaviest_chain() {
        assert_eq!(heaviest_chain(&[]), vec![]);
        // (0,2) and (1,0),(2,1): the pair of lighter ones outweighs the single.
        let pairs = [(0, 2, 1.5), (1, 0, 1.0), (2, 1, 1.0), (3, 3, 1.0)];
        assert_eq!(heaviest_chain(&pairs), vec![(1, 0), (2, 1), (3, 3)]);
        let heavy = [(0, 2, 5.0), (1, 0, 1.0), (2, 1, 1.0), (3, 3, 1.0)];
        assert_eq!(heaviest_chain(&heavy), vec![(0, 2), (3, 3)]);
        // Strictly increasing: two pairs on one old clause or one new clause never chain.
        let same = [(0, 0, 1.0), (0, 1, 1.0), (1, 1, 1.0)];
        assert_eq!(heaviest_chain(&same).len(), 2);
    }
}

/// Re-measures the numbers behind the thresholds (the module documentation quotes
/// them): `cargo test --release --lib threshold_survey -- --ignored --nocapture`.
#[cfg(test)]
mod survey {
    use super::*;

    #[test]
    #[ignore = "a measurement, not a check"]
    fn threshold_survey() {
        let path = format!(
            "{}/tests/data/constitution-kazakhstan-en.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let draft = crate::import::parse_draft(&path, &std::fs::read(&path).unwrap()).unwrap();
        let version = Version::from_draft(&draft).unwrap();
        let mut interner = Interner::default();
        let side = Side::new(&version, &mut interner);
        let n = side.len();
        let mut ratios = Vec::new();
        let mut nearest = vec![0.0_f64; n];
        for i in 0..n {
            for j in i + 1..n {
                if side.exact[i] == side.exact[j] {
                    continue;
                }
                let r = text::ratio(&side.words[i], &side.words[j]);
                ratios.push(r);
                nearest[i] = nearest[i].max(r);
                nearest[j] = nearest[j].max(r);
            }
        }
        ratios.sort_by(f64::total_cmp);
        let q = |p: f64| ratios[((ratios.len() - 1) as f64 * p) as usize];
        eprintln!(
            "{} pairs of different clauses: median {:.3}, p99 {:.3}, p99.9 {:.3}, max {:.3}",
            ratios.len(),
            q(0.5),
            q(0.99),
            q(0.999),
            q(1.0)
        );
        for t in [0.5, 0.6, 0.7, 0.75, 0.8] {
            let count = nearest.iter().filter(|&&r| r >= t).count();
            eprintln!("clauses with another clause at >= {t}: {count}");
        }
        let mut neighbours: Vec<f64> = (1..n)
            .map(|i| text::ratio(&side.words[i - 1], &side.words[i]))
            .collect();
        neighbours.sort_by(f64::total_cmp);
        let last = neighbours.len() - 1;
        eprintln!(
            "consecutive clauses: median {:.3}, p99 {:.3}, max {:.3}",
            neighbours[last / 2],
            neighbours[last * 99 / 100],
            neighbours[last]
        );
    }
}
