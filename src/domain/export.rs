//! Analysts' exports: which kinds exist, how a cell is made safe for spreadsheets, how
//! people are named in them (pseudonyms), and what the file is called.

use std::str::FromStr;

use sha2::{Digest, Sha256};

/// What an export contains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    Suggestions,
    Upvotes,
    ClauseStatistics,
    ModerationLog,
    Regions,
}

impl ExportKind {
    pub const ALL: [Self; 5] = [
        Self::Suggestions,
        Self::Upvotes,
        Self::ClauseStatistics,
        Self::ModerationLog,
        Self::Regions,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Suggestions => "suggestions",
            Self::Upvotes => "upvotes",
            Self::ClauseStatistics => "clauses",
            Self::ModerationLog => "moderation-log",
            Self::Regions => "regions",
        }
    }
}

impl FromStr for ExportKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or_else(|| {
                format!(
                    "unknown export `{s}` (suggestions, upvotes, clauses, moderation-log, regions)"
                )
            })
    }
}

/// Make a text cell safe to open in a spreadsheet (OWASP "CSV injection"): a cell that
/// begins with `=`, `+`, `-`, `@`, a tab or a carriage return, or the full-width
/// `＝`, `＋`, `－`, `＠`, would be read as a formula; a leading apostrophe makes it
/// text. Numbers are written from numeric fields and never pass through here.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r' | '＝' | '＋' | '－' | '＠') => {
            std::borrow::Cow::Owned(format!("'{cell}"))
        }
        _ => std::borrow::Cow::Borrowed(cell),
    }
}

/// Pseudonyms for one export: the same person gets the same pseudonym throughout the
/// file and a different one in every other export (the key is random per export), so
/// files cannot be joined on people and never carry a name or email.
pub struct Pseudonyms {
    key: [u8; 32],
}

impl Pseudonyms {
    pub fn new() -> Self {
        let mut key = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut key);
        Self { key }
    }

    pub fn of(&self, user_id: i64) -> String {
        // SHA-256 over a 256-bit secret key followed by the fixed-length id: without the
        // key, which is never stored, nobody can link a pseudonym to an account.
        let mut hash = Sha256::new();
        hash.update(self.key);
        hash.update(user_id.to_be_bytes());
        let digest = hash.finalize();
        format!("P-{}", hex::encode(&digest[..6]))
    }
}

impl Default for Pseudonyms {
    fn default() -> Self {
        Self::new()
    }
}

/// `kenes-<kind>-<consultation or all>-<UTC time>.csv`.
pub fn file_name(
    kind: ExportKind,
    consultation: Option<&str>,
    at: chrono::NaiveDateTime,
) -> String {
    format!(
        "kenes-{}-{}-{}.csv",
        kind.as_str(),
        consultation.unwrap_or("all"),
        at.format("%Y%m%dT%H%M%SZ")
    )
}

/// Small counts in aggregates are withheld: fewer than this many people could be
/// recognised.
pub const SMALL_COUNT: i64 = 5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised() {
        for hostile in [
            "=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx", "＝1", "＋1", "－1", "＠x",
        ] {
            assert!(neutralise(hostile).starts_with('\''), "{hostile:?}");
        }
        assert_eq!(neutralise("Тіл туралы"), "Тіл туралы");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn pseudonyms_are_stable_within_and_differ_across_exports() {
        let (a, b) = (Pseudonyms::new(), Pseudonyms::new());
        assert_eq!(a.of(7), a.of(7));
        assert_ne!(a.of(7), a.of(8));
        assert_ne!(a.of(7), b.of(7));
        assert_eq!(a.of(7).len(), 14);
    }
}
