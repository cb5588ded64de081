//! Words for search and similarity in Kazakh, Russian and English.
//!
//! Similarity compares [`words`]: Unicode lower case, `ё` read as `е` (as most
//! Russian official texts write it), Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і) kept as
//! letters of their own, no ASCII-only assumption.
//!
//! Search stems at query time, in Rust, so that both backends find the same rows from
//! the same index of plain words (SQLite's FTS5 `unicode61`, PostgreSQL's `simple`
//! tsvector): [`query_terms`] turns a Cyrillic word into the prefix of its Snowball
//! Russian stem (`языками` → `язык*`, which finds `язык`, `языка`, `языки`; `тіл`,
//! which the Russian stemmer leaves alone, finds `тілді` and `тілі`: Kazakh has no
//! Snowball stemmer, and its suffixes follow the stem), and keeps a Latin word exact,
//! as English search always was.

use rust_stemmers::{Algorithm, Stemmer};

/// A word as compared: lower case, `ё` → `е`.
pub fn normalize_word(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// The words of a text (letters and digits in any script), normalised.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(normalize_word)
        .collect()
}

fn is_cyrillic(word: &str) -> bool {
    word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

fn russian_stem(word: &str) -> String {
    Stemmer::create(Algorithm::Russian).stem(word).into_owned()
}

/// One term of a query: the text to look for, and whether a longer word matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTerm {
    pub text: String,
    pub prefix: bool,
}

/// The terms of already-split query words (see [`crate::domain::queue::search_words`]).
pub fn query_terms(words: &[String]) -> Vec<QueryTerm> {
    words
        .iter()
        .map(|word| {
            // Lower case only: the index keeps `ё` as written.
            let word = word.to_lowercase();
            if is_cyrillic(&word) {
                let stem = russian_stem(&word);
                QueryTerm {
                    text: if stem.is_empty() { word } else { stem },
                    prefix: true,
                }
            } else {
                QueryTerm {
                    text: word,
                    prefix: false,
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(query: &str, text: &str) -> bool {
        // As the backends index a text: its words, lower case.
        let indexed: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        let asked: Vec<String> = query.split(' ').map(str::to_owned).collect();
        query_terms(&asked).iter().all(|term| {
            indexed.iter().any(|t| {
                if term.prefix {
                    t.starts_with(&term.text)
                } else {
                    *t == term.text
                }
            })
        })
    }

    #[test]
    fn russian_word_forms_find_each_other() {
        assert!(finds("языками", "Право на родной язык и языки народов"));
        assert!(finds(
            "свободами",
            "Каждый человек должен обладать всеми правами и всеми свободами"
        ));
        assert!(finds("свобода", "права и свободы человека"));
        assert!(!finds("собака", "права и свободы человека"));
    }

    #[test]
    fn kazakh_word_forms_are_found_by_prefix() {
        assert!(finds("тіл", "Мемлекеттік тілді дамыту"));
        assert!(finds("тіл", "Қазақ тілі — мемлекеттік тіл"));
        assert!(finds("құқық", "Әр адамның құқықтары тең"));
        assert!(!finds("тіл", "Әр адамның құқықтары тең"));
    }

    #[test]
    fn english_words_match_exactly_as_before() {
        assert!(finds("Freedom", "freedom of speech"));
        assert!(!finds("free", "freedom of speech"));
    }

    #[test]
    fn normalisation_is_unicode_and_keeps_kazakh_letters() {
        assert_eq!(words("ЁЛКА Әділет, ҚҰҚЫҚ"), vec!["елка", "әділет", "құқық"]);
        assert_eq!(normalize_word("ІЛІМ"), "ілім");
    }
}
