//! Text as the lineage compares it: words, normalised, interned, and two measures.
//!
//! A clause becomes the sequence of its words: Unicode normalisation form C, split at
//! the word boundaries of Unicode Standard Annex #29 (language-neutral: Kazakh, Russian
//! and English alike, marks kept inside their word), punctuation and spacing dropped,
//! lower case. Each distinct word gets a small number, so comparing two clauses compares
//! integers. Both measures come from one longest common subsequence of words (the
//! Myers diff of the `similar` crate, as the word diff shown to people uses):
//!
//! * [`ratio`]: `2 · common / (len a + len b)`, the share of words kept in order: 1.0
//!   for the same words, 0.83 when one word in six changed;
//! * [`containment`]: `common / len a`, how much of `a` survives inside `b`, whatever
//!   else `b` says: the measure of merges (an old clause inside a longer new one) and
//!   splits (a new clause inside a longer old one).

use std::borrow::Cow;
use std::collections::HashMap;
use std::time::{Duration, Instant};

use similar::algorithms::{diff_slices_deadline, Algorithm, DiffHook};
use unicode_normalization::{IsNormalized, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

/// The number given to a distinct normalised word.
pub(super) type Word = u32;

/// Gives each distinct normalised word a number, the same for both versions.
#[derive(Debug, Default)]
pub(super) struct Interner {
    numbers: HashMap<String, Word>,
}

impl Interner {
    /// The words of `text`, as numbers.
    #[cfg(test)]
    pub(super) fn words(&mut self, text: &str) -> Vec<Word> {
        self.words_of_normal(&nfc(text))
    }

    /// The exact text ([`exact_text`]) and the words of `text`, normalised once.
    pub(super) fn prepare(&mut self, text: &str) -> (String, Vec<Word>) {
        let normal = nfc(text);
        (fold_spaces(&normal), self.words_of_normal(&normal))
    }

    fn words_of_normal(&mut self, normal: &str) -> Vec<Word> {
        let mut lower = String::new();
        normal
            .unicode_words()
            .map(|word| {
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                if let Some(&number) = self.numbers.get(lower.as_str()) {
                    return number;
                }
                let number = Word::try_from(self.numbers.len()).unwrap_or(Word::MAX);
                self.numbers.insert(lower.clone(), number);
                number
            })
            .collect()
    }

    /// How many distinct words have been seen.
    pub(super) fn len(&self) -> usize {
        self.numbers.len()
    }
}

/// `text` in Unicode form C, copied only when it is not already (most text is).
fn nfc(text: &str) -> Cow<'_, str> {
    if unicode_normalization::is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

fn fold_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text with Unicode form C and every run of white space folded to one space:
/// two clauses with the same exact text are the same clause, whatever the line
/// wrapping of the file they came from.
#[cfg(test)]
pub(super) fn exact_text(text: &str) -> String {
    fold_spaces(&nfc(text))
}

/// Longer comparisons than this give up and return an approximation (a common
/// subsequence that may not be the longest): only a clause of many thousands of words,
/// compared with an unrelated one, comes near it.
const DEADLINE: Duration = Duration::from_millis(50);

/// The length of a longest common subsequence of `a` and `b`.
pub(super) fn common(a: &[Word], b: &[Word]) -> usize {
    struct Count(usize);
    impl DiffHook for Count {
        type Error = std::convert::Infallible;
        fn equal(&mut self, _old: usize, _new: usize, len: usize) -> Result<(), Self::Error> {
            self.0 += len;
            Ok(())
        }
    }
    if a == b {
        return a.len();
    }
    let mut count = Count(0);
    // Infallible: the hook never fails.
    let _ = diff_slices_deadline(
        Algorithm::Myers,
        &mut count,
        a,
        b,
        Some(Instant::now() + DEADLINE),
    );
    count.0
}

/// `2 · common / (len a + len b)`: 1.0 for the same words, 0.0 for none in common.
/// Two empty texts are the same.
pub(super) fn ratio(a: &[Word], b: &[Word]) -> f64 {
    ratio_of(common(a, b), a.len(), b.len())
}

pub(super) fn ratio_of(common: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        1.0
    } else {
        (2 * common) as f64 / (a + b) as f64
    }
}

/// `common / len a`: the share of `a`'s words found, in order, in `b` (given the
/// length of their common subsequence).
pub(super) fn containment_of(common: usize, a: usize) -> f64 {
    if a == 0 {
        0.0
    } else {
        common as f64 / a as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_punctuation_spacing_and_normal_form() {
        let mut interner = Interner::default();
        let a = interner.words("The Republic,  shall\nensure: the rights!");
        let b = interner.words("the republic shall ensure the RIGHTS");
        assert_eq!(a, b);
        assert_eq!(a.len(), 6);
        assert_eq!(a[0], a[4], "the same word gets the same number");
        // Kazakh and Russian: letters outside ASCII, and `й` decomposed (и + U+0306).
        let kk = interner.words("Қазақстан Республикасы — демократиялық мемлекет.");
        assert_eq!(kk.len(), 4);
        let composed = interner.words("Каждый имеет право");
        let decomposed = interner.words("Кажды\u{438}\u{306} имеет право");
        assert_eq!(composed, decomposed);
        assert_eq!(interner.len(), 5 + 4 + 3);
    }

    #[test]
    fn prepare_gives_both_at_once() {
        let mut interner = Interner::default();
        let (exact, words) = interner.prepare("Кажды\u{438}\u{306}  имеет\nправо.");
        assert_eq!(exact, "Каждый имеет право.");
        assert_eq!(words, interner.words("каждый имеет право"));
    }

    #[test]
    fn exact_text_folds_only_spacing_and_normal_form() {
        assert_eq!(exact_text("  a\n b\t\tc "), "a b c");
        assert_eq!(exact_text("Кажды\u{438}\u{306}"), exact_text("Каждый"));
        assert_ne!(exact_text("a, b"), exact_text("a b"));
    }

    fn containment(a: &[Word], b: &[Word]) -> f64 {
        containment_of(common(a, b), a.len())
    }

    #[test]
    fn ratio_and_containment() {
        let mut interner = Interner::default();
        let old = interner.words("one two three four five six");
        let reworded = interner.words("one two three four five seven");
        let longer = interner.words("one two three four five six and more words here");
        assert_eq!(ratio(&old, &old), 1.0);
        assert!((ratio(&old, &reworded) - 10.0 / 12.0).abs() < 1e-9);
        assert_eq!(containment(&old, &longer), 1.0);
        assert!((containment(&longer, &old) - 0.6).abs() < 1e-9);
        assert_eq!(ratio(&[], &[]), 1.0);
        assert_eq!(ratio(&old, &[]), 0.0);
        assert_eq!(containment(&[], &old), 0.0);
        let unrelated = interner.words("nothing alike at all");
        assert_eq!(common(&old, &unrelated), 0);
    }
}
