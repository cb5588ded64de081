//! Human references to the parts of a draft.
//!
//! A clause is cited as `<article>.<clause>`: `12.3`, `83-1.2`, `IV.1`, `AM-XIV.1`.
//! The article part is the number as printed (Arabic with an optional `-N` suffix, or
//! Roman); amendments carry the prefix `AM-` so that `AMENDMENT I` and `ARTICLE I` of
//! the same text do not collide. References are case-insensitive on input and stored
//! in one canonical, upper-case form, so `am-xiv.1` and `AM-XIV.1` name the same clause.

use std::fmt;

/// Why a reference could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReferenceError {
    #[error("a reference cannot be empty")]
    Empty,
    #[error("`{0}` is not an article number (expected e.g. 12, 83-1, IV or AM-XIV)")]
    Article(String),
    #[error("`{0}` is not a clause number (expected e.g. 3 or 3-1)")]
    Clause(String),
    #[error("`{0}` is not a clause reference (expected <article>.<clause>, e.g. 12.3)")]
    Shape(String),
}

impl ReferenceError {
    /// The same text as a catalogue message (`reference-…`), for the reader's language.
    pub fn message(&self) -> crate::i18n::Message {
        use crate::i18n::Message;
        match self {
            Self::Empty => Message::new("reference-empty"),
            Self::Article(value) => Message::new("reference-bad-article").text("value", value),
            Self::Clause(value) => Message::new("reference-bad-clause").text("value", value),
            Self::Shape(value) => Message::new("reference-bad-clause-ref").text("value", value),
        }
    }
}

const MAX_PART_LEN: usize = 24;

/// The number of an article as printed: `12`, `83-1`, `IV`, or `AM-XIV` for an amendment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ArticleNumber(String);

/// The number of a clause within its article: `3`, `3-1`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClauseNumber(String);

/// A full clause reference, `<article>.<clause>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ClauseRef {
    pub article: ArticleNumber,
    pub clause: ClauseNumber,
}

/// `123` or `123-4`.
fn is_arabic_with_suffix(s: &str) -> bool {
    let mut parts = s.split('-');
    let first_ok = parts
        .next()
        .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let rest: Vec<&str> = parts.collect();
    first_ok
        && rest.len() <= 1
        && rest
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A Roman numeral in upper case (validated loosely: the letters, not the grammar).
pub fn is_roman(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b"IVXLCDM".contains(&b))
}

/// The value of a Roman numeral, for ordering; `None` if it is not one.
pub fn roman_value(s: &str) -> Option<u32> {
    if !is_roman(s) {
        return None;
    }
    let digit = |c: u8| -> i64 {
        match c {
            b'I' => 1,
            b'V' => 5,
            b'X' => 10,
            b'L' => 50,
            b'C' => 100,
            b'D' => 500,
            _ => 1000,
        }
    };
    let bytes = s.as_bytes();
    let mut total: i64 = 0;
    for (i, &c) in bytes.iter().enumerate() {
        let v = digit(c);
        // A smaller numeral before a larger one subtracts (IV = 4).
        match bytes.get(i + 1) {
            Some(&next) if digit(next) > v => total -= v,
            _ => total += v,
        }
    }
    u32::try_from(total).ok()
}

impl ArticleNumber {
    pub const AMENDMENT_PREFIX: &'static str = "AM-";

    pub fn parse(input: &str) -> Result<Self, ReferenceError> {
        let s = input.trim().to_ascii_uppercase();
        if s.is_empty() {
            return Err(ReferenceError::Empty);
        }
        let body = s.strip_prefix(Self::AMENDMENT_PREFIX).unwrap_or(&s);
        let ok = s.len() <= MAX_PART_LEN && (is_arabic_with_suffix(body) || is_roman(body));
        if ok {
            Ok(Self(s))
        } else {
            Err(ReferenceError::Article(input.trim().to_owned()))
        }
    }

    /// The number of an amendment printed as `AMENDMENT XIV`.
    pub fn amendment(printed: &str) -> Result<Self, ReferenceError> {
        Self::parse(&format!("{}{}", Self::AMENDMENT_PREFIX, printed.trim()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_amendment(&self) -> bool {
        self.0.starts_with(Self::AMENDMENT_PREFIX)
    }

    /// The number as a reader expects it after "Article" / "Amendment": `XIV`, `83-1`.
    pub fn printed(&self) -> &str {
        self.0
            .strip_prefix(Self::AMENDMENT_PREFIX)
            .unwrap_or(&self.0)
    }
}

impl ClauseNumber {
    pub fn parse(input: &str) -> Result<Self, ReferenceError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(ReferenceError::Empty);
        }
        if s.len() <= MAX_PART_LEN && is_arabic_with_suffix(s) {
            Ok(Self(s.to_owned()))
        } else {
            Err(ReferenceError::Clause(s.to_owned()))
        }
    }

    /// The implicit number of the n-th (1-based) unnumbered paragraph of an article.
    pub fn nth(n: usize) -> Self {
        Self(n.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl ClauseRef {
    pub fn new(article: ArticleNumber, clause: ClauseNumber) -> Self {
        Self { article, clause }
    }

    pub fn parse(input: &str) -> Result<Self, ReferenceError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(ReferenceError::Empty);
        }
        let (article, clause) = s
            .rsplit_once('.')
            .ok_or_else(|| ReferenceError::Shape(s.to_owned()))?;
        Ok(Self {
            article: ArticleNumber::parse(article)?,
            clause: ClauseNumber::parse(clause)?,
        })
    }
}

impl fmt::Display for ArticleNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for ClauseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Display for ClauseRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.article, self.clause)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_printed_shapes() {
        for (input, canonical) in [
            ("12.3", "12.3"),
            ("83-1.2", "83-1.2"),
            ("IV.1", "IV.1"),
            ("iv.1", "IV.1"),
            ("am-xiv.1", "AM-XIV.1"),
            (" 2.3-1 ", "2.3-1"),
        ] {
            let parsed = ClauseRef::parse(input).map(|r| r.to_string());
            assert_eq!(parsed.as_deref(), Ok(canonical), "input {input:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_reference() {
        for input in [
            "", "12", "12.", ".3", "12.3.4", "A12.3", "12.x", "1-2-3.1", "../etc.1",
        ] {
            assert!(ClauseRef::parse(input).is_err(), "accepted {input:?}");
        }
    }

    #[test]
    fn amendments_do_not_collide_with_articles() {
        let article = ArticleNumber::parse("I").ok();
        let amendment = ArticleNumber::amendment("I").ok();
        assert_ne!(article, amendment);
        assert_eq!(
            amendment.map(|a| a.printed().to_owned()).as_deref(),
            Some("I")
        );
    }

    #[test]
    fn roman_values() {
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("XXVII"), Some(27));
        assert_eq!(roman_value("IX"), Some(9));
        assert_eq!(roman_value("12"), None);
    }

    mod properties {
        //! Arbitrary strings never make the reference parsers (or the tracking-number
        //! parser, the other reference a citizen types) panic, and whatever they accept
        //! prints back to a form they accept as the same value. Inputs are short
        //! strings, and the parsers are single passes, so each case is quick by
        //! construction.

        use super::*;
        use crate::domain::TrackingNumber;
        use proptest::prelude::*;

        /// Strings made of the characters references are made of, and a few others.
        fn reference_like() -> impl Strategy<Value = String> {
            "[0-9IVXLCDMivxam.\\- \t·٣١\u{0}é]{0,30}"
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn clause_references(input in prop_oneof![reference_like(), any::<String>()]) {
                if let Ok(parsed) = ClauseRef::parse(&input) {
                    let printed = parsed.to_string();
                    prop_assert_eq!(ClauseRef::parse(&printed), Ok(parsed));
                    prop_assert!(printed.len() <= 2 * MAX_PART_LEN + 1);
                }
                if let Ok(article) = ArticleNumber::parse(&input) {
                    prop_assert_eq!(ArticleNumber::parse(article.as_str()), Ok(article.clone()));
                    prop_assert!(!article.printed().is_empty());
                }
                if let Ok(clause) = ClauseNumber::parse(&input) {
                    prop_assert_eq!(ClauseNumber::parse(clause.as_str()), Ok(clause));
                }
                let _ = roman_value(&input);
            }

            #[test]
            fn tracking_numbers(
                input in prop_oneof!["(?i)(kz)?[-\\s0-9a-z]{0,14}", any::<String>()],
            ) {
                if let Some(number) = TrackingNumber::parse(&input) {
                    prop_assert_eq!(TrackingNumber::parse(number.as_str()), Some(number.clone()));
                }
            }
        }
    }
}
