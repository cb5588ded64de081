//! What changed in a clause, word by word, for display in any language.
//!
//! Both texts are cut at the word boundaries of Unicode Standard Annex #29 (words,
//! spaces and punctuation marks each a piece; no language's rules assumed) and the
//! pieces are diffed with the Myers algorithm of the `similar` crate. Pieces compare in
//! Unicode form C, and any run of white space equals any other, so re-wrapping a line
//! is no change. The runs are then tidied for reading: a space or punctuation mark
//! kept between two changes is folded into them, and each change reads as what was
//! deleted followed by what was inserted: `[kept "shall be determined by "]
//! [deleted "law"] [inserted "the constitutional law"] [kept "."]`.

use std::time::{Duration, Instant};

use similar::{capture_diff_slices_deadline, Algorithm, DiffOp};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// Whether a run of words is in both texts or only one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordRunKind {
    /// In both (the text shown is the new one's).
    Kept,
    /// Only in the old text.
    Deleted,
    /// Only in the new text.
    Inserted,
}

/// A run of text of one kind: words with the spaces and punctuation between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordRun {
    pub kind: WordRunKind,
    pub text: String,
}

/// Beyond this a diff of two very long clauses is coarser (larger runs), not wrong.
const DEADLINE: Duration = Duration::from_millis(50);

/// A piece as it compares: form C, white space all alike.
fn key(piece: &str) -> String {
    if piece.chars().all(char::is_whitespace) {
        " ".to_owned()
    } else {
        piece.nfc().collect()
    }
}

enum Item {
    Kept(String),
    Change { deleted: String, inserted: String },
}

/// The runs that turn `old` into `new`. Kept and inserted runs read together give
/// `new` exactly; kept and deleted runs give `old` up to white space.
pub fn word_diff(old: &str, new: &str) -> Vec<WordRun> {
    let old_pieces: Vec<&str> = old.split_word_bounds().collect();
    let new_pieces: Vec<&str> = new.split_word_bounds().collect();
    let old_keys: Vec<String> = old_pieces.iter().map(|p| key(p)).collect();
    let new_keys: Vec<String> = new_pieces.iter().map(|p| key(p)).collect();
    let ops = capture_diff_slices_deadline(
        Algorithm::Myers,
        &old_keys,
        &new_keys,
        Some(Instant::now() + DEADLINE),
    );
    let text = |pieces: &[&str], start: usize, len: usize| -> String {
        pieces.iter().skip(start).take(len).copied().collect()
    };
    let mut items: Vec<Item> = Vec::new();
    for op in ops {
        let (kept, deleted, inserted) = match op {
            DiffOp::Equal { new_index, len, .. } => {
                (text(&new_pieces, new_index, len), "".into(), "".into())
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => (
                String::new(),
                text(&old_pieces, old_index, old_len),
                String::new(),
            ),
            DiffOp::Insert {
                new_index, new_len, ..
            } => (
                String::new(),
                String::new(),
                text(&new_pieces, new_index, new_len),
            ),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                String::new(),
                text(&old_pieces, old_index, old_len),
                text(&new_pieces, new_index, new_len),
            ),
        };
        if !kept.is_empty() {
            push_kept(&mut items, kept);
        } else {
            push_change(&mut items, &deleted, &inserted);
        }
    }
    fold_separators(items)
        .into_iter()
        .flat_map(|item| match item {
            Item::Kept(text) => vec![WordRun {
                kind: WordRunKind::Kept,
                text,
            }],
            Item::Change { deleted, inserted } => [
                (WordRunKind::Deleted, deleted),
                (WordRunKind::Inserted, inserted),
            ]
            .into_iter()
            .filter(|(_, text)| !text.is_empty())
            .map(|(kind, text)| WordRun { kind, text })
            .collect(),
        })
        .collect()
}

fn push_kept(items: &mut Vec<Item>, text: String) {
    match items.last_mut() {
        Some(Item::Kept(last)) => last.push_str(&text),
        _ => items.push(Item::Kept(text)),
    }
}

fn push_change(items: &mut Vec<Item>, deleted: &str, inserted: &str) {
    match items.last_mut() {
        Some(Item::Change {
            deleted: d,
            inserted: i,
        }) => {
            d.push_str(deleted);
            i.push_str(inserted);
        }
        _ => items.push(Item::Change {
            deleted: deleted.to_owned(),
            inserted: inserted.to_owned(),
        }),
    }
}

/// A kept run of spaces and punctuation only, between two changes, joins them: "the
/// law" → "a decree" reads as one change, not as two around a kept space.
fn fold_separators(items: Vec<Item>) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    let mut items = items.into_iter().peekable();
    while let Some(item) = items.next() {
        let between_changes = matches!(out.last(), Some(Item::Change { .. }))
            && matches!(items.peek(), Some(Item::Change { .. }));
        match item {
            Item::Kept(text) if between_changes && !text.chars().any(char::is_alphanumeric) => {
                push_change(&mut out, &text, &text);
            }
            Item::Kept(text) => push_kept(&mut out, text),
            Item::Change { deleted, inserted } => push_change(&mut out, &deleted, &inserted),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn show(runs: &[WordRun]) -> String {
        runs.iter()
            .map(|r| match r.kind {
                WordRunKind::Kept => r.text.clone(),
                WordRunKind::Deleted => format!("[-{}]", r.text),
                WordRunKind::Inserted => format!("[+{}]", r.text),
            })
            .collect()
    }

    fn rebuilt(runs: &[WordRun], side: WordRunKind) -> String {
        runs.iter()
            .filter(|r| r.kind == WordRunKind::Kept || r.kind == side)
            .map(|r| r.text.as_str())
            .collect()
    }

    #[test]
    fn a_phrase_replaced_reads_as_one_change() {
        let runs = word_diff(
            "The procedure shall be determined by law.",
            "The procedure shall be determined by the constitutional law.",
        );
        assert_eq!(
            show(&runs),
            "The procedure shall be determined by [+the constitutional ]law."
        );
        let runs = word_diff("the old law applies", "a new decree applies");
        assert_eq!(show(&runs), "[-the old law][+a new decree] applies");
    }

    #[test]
    fn works_for_kazakh_and_russian() {
        let runs = word_diff(
            "Қазақстан Республикасы өзін демократиялық мемлекет ретінде орнықтырады.",
            "Қазақстан Республикасы өзін демократиялық, зайырлы мемлекет ретінде орнықтырады.",
        );
        assert_eq!(
            show(&runs),
            "Қазақстан Республикасы өзін демократиялық[+, зайырлы] мемлекет ретінде орнықтырады."
        );
        let runs = word_diff(
            "Каждый имеет право на свободу слова.",
            "Каждый гражданин имеет право на свободу слова и творчества.",
        );
        assert_eq!(
            show(&runs),
            "Каждый [+гражданин ]имеет право на свободу слова[+ и творчества]."
        );
    }

    #[test]
    fn rewrapping_and_normal_form_are_no_change() {
        let runs = word_diff("one two\nthree", "one  two three");
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].kind, WordRunKind::Kept);
        let runs = word_diff("Кажды\u{438}\u{306}", "Каждый");
        assert_eq!(show(&runs), "Каждый");
        assert!(word_diff("", "").is_empty());
        assert_eq!(show(&word_diff("", "new")), "[+new]");
        assert_eq!(show(&word_diff("old", "")), "[-old]");
    }

    proptest! {
        #[test]
        fn runs_rebuild_both_texts(old in "[a-cа-в ,.\n]{0,40}", new in "[a-cа-в ,.\n]{0,40}") {
            let runs = word_diff(&old, &new);
            prop_assert_eq!(rebuilt(&runs, WordRunKind::Inserted), new);
            let spaced = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(spaced(&rebuilt(&runs, WordRunKind::Deleted)), spaced(&old));
            prop_assert!(runs.iter().all(|r| !r.text.is_empty()));
        }
    }
}
