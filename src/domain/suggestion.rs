//! Suggestions: what a citizen proposes for a clause, its receipt number, and its status.

use std::fmt;
use std::str::FromStr;

use rand::RngCore;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use super::account::FieldError;

/// What a suggestion proposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SuggestionKind {
    /// Replace the clause's text (with the proposed text, shown as a diff).
    Amend,
    /// Remove the clause.
    Delete,
    /// Add a new clause after this one (with the proposed text).
    Add,
    /// A comment or question about the clause.
    Comment,
}

impl SuggestionKind {
    pub const ALL: [Self; 4] = [Self::Amend, Self::Delete, Self::Add, Self::Comment];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Amend => "amend",
            Self::Delete => "delete",
            Self::Add => "add",
            Self::Comment => "comment",
        }
    }

    /// Amendments and additions carry the text they propose.
    pub fn needs_proposed_text(self) -> bool {
        matches!(self, Self::Amend | Self::Add)
    }
}

impl FromStr for SuggestionKind {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or(FieldError("form.kind.invalid"))
    }
}

/// NFC, trimmed, with Windows line ends made plain.
fn normalize(input: &str) -> String {
    input
        .replace("\r\n", "\n")
        .nfc()
        .collect::<String>()
        .trim()
        .to_owned()
}

fn count_links(text: &str) -> usize {
    let lower = text.to_lowercase();
    lower.matches("http://").count()
        + lower.matches("https://").count()
        + lower.matches("www.").count()
        - lower.matches("://www.").count()
}

/// The explanation of a suggestion: 10 to 5,000 characters (graphemes, after trimming
/// and NFC), at most [`SuggestionBody::MAX_LINKS`] links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestionBody(String);

impl SuggestionBody {
    pub const MIN: usize = 10;
    pub const MAX: usize = 5000;
    pub const MAX_LINKS: usize = 3;

    pub fn parse(input: &str) -> Result<Self, FieldError> {
        super::text::check(input, true)?;
        let text = normalize(input);
        let length = text.graphemes(true).count();
        if length == 0 {
            return Err(FieldError("form.body.required"));
        }
        if length < Self::MIN {
            return Err(FieldError("form.body.short"));
        }
        if length > Self::MAX {
            return Err(FieldError("form.body.long"));
        }
        if count_links(&text) > Self::MAX_LINKS {
            return Err(FieldError("form.body.links"));
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The text an amendment or addition proposes: 1 to 5,000 characters, NFC, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposedText(String);

impl ProposedText {
    pub const MAX: usize = 5000;

    /// `Ok(None)` for kinds that propose no text (the field is then ignored).
    pub fn parse(kind: SuggestionKind, input: &str) -> Result<Option<Self>, FieldError> {
        if !kind.needs_proposed_text() {
            return Ok(None);
        }
        super::text::check(input, true)?;
        let text = normalize(input);
        let length = text.graphemes(true).count();
        if length == 0 {
            return Err(FieldError("form.proposed.required"));
        }
        if length > Self::MAX {
            return Err(FieldError("form.proposed.long"));
        }
        if count_links(&text) > SuggestionBody::MAX_LINKS {
            return Err(FieldError("form.body.links"));
        }
        Ok(Some(Self(text)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the suggestion form holds, valid: the one place where its fields are checked,
/// for a new suggestion, an edit, and text kept for a signed-out writer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuggestionInput {
    pub kind: SuggestionKind,
    pub body: SuggestionBody,
    /// Present for the kinds that propose text (amend, add).
    pub proposed: Option<ProposedText>,
    /// The language it is written in; an amendment is compared with the clause's
    /// text in this language.
    pub lang: super::TextLang,
}

impl SuggestionInput {
    /// The input, or a message per field (`kind`, `body`, `proposed_text`).
    pub fn parse(
        kind: &str,
        body: &str,
        proposed_text: &str,
        lang: super::TextLang,
    ) -> Result<Self, Vec<(&'static str, FieldError)>> {
        let mut errors = Vec::new();
        let kind = kind
            .parse::<SuggestionKind>()
            .map_err(|e| errors.push(("kind", e)))
            .ok();
        let body = SuggestionBody::parse(body)
            .map_err(|e| errors.push(("body", e)))
            .ok();
        let proposed = kind.and_then(|kind| {
            ProposedText::parse(kind, proposed_text)
                .map_err(|e| errors.push(("proposed_text", e)))
                .ok()
        });
        match (kind, body, proposed) {
            (Some(kind), Some(body), Some(proposed)) if errors.is_empty() => Ok(Self {
                kind,
                body,
                proposed,
                lang,
            }),
            _ => Err(errors),
        }
    }

    pub fn proposed_str(&self) -> Option<&str> {
        self.proposed.as_ref().map(ProposedText::as_str)
    }

    /// The words a similarity check compares: the explanation and any proposed text.
    pub fn compared_text(&self) -> String {
        match &self.proposed {
            Some(p) => format!("{} {}", self.body.as_str(), p.as_str()),
            None => self.body.as_str().to_owned(),
        }
    }
}

/// Where a suggestion is in its life. Moderation (the transitions between these) is
/// the moderation workbench's; here are the states and what each means for readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SuggestionStatus {
    Pending,
    Published,
    Rejected,
    UnderReview,
    Accepted,
    PartlyAccepted,
    NotAccepted,
    Duplicate,
    Hidden,
    Withdrawn,
}

impl SuggestionStatus {
    pub const ALL: [Self; 10] = [
        Self::Pending,
        Self::Published,
        Self::Rejected,
        Self::UnderReview,
        Self::Accepted,
        Self::PartlyAccepted,
        Self::NotAccepted,
        Self::Duplicate,
        Self::Hidden,
        Self::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Published => "published",
            Self::Rejected => "rejected",
            Self::UnderReview => "under_review",
            Self::Accepted => "accepted",
            Self::PartlyAccepted => "partly_accepted",
            Self::NotAccepted => "not_accepted",
            Self::Duplicate => "duplicate",
            Self::Hidden => "hidden",
            Self::Withdrawn => "withdrawn",
        }
    }

    /// Shown to the public on clause pages.
    pub fn is_visible(self) -> bool {
        matches!(
            self,
            Self::Published
                | Self::UnderReview
                | Self::Accepted
                | Self::PartlyAccepted
                | Self::NotAccepted
        )
    }

    /// Citizens may still add or take back their upvote.
    pub fn accepts_votes(self) -> bool {
        matches!(self, Self::Published | Self::UnderReview)
    }

    /// The author may still edit or withdraw it.
    pub fn editable_by_author(self) -> bool {
        self == Self::Pending
    }
}

impl FromStr for SuggestionStatus {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or_else(|| format!("unknown suggestion status {s}"))
    }
}

/// The receipt number of a suggestion: `KZ-` and eight characters of Crockford's base
/// 32 in two groups (`KZ-7F3K-9QX2`): 40 random bits, no I, L, O or U, so it reads
/// aloud and types without confusion. Input is forgiving: lower case, spaces, missing
/// hyphens, O for 0 and I or L for 1 are all accepted.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TrackingNumber(String);

const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

impl TrackingNumber {
    pub fn generate() -> Self {
        let mut bytes = [0u8; 5];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        let mut bits = bytes.iter().fold(0u64, |acc, b| (acc << 8) | u64::from(*b));
        let mut chars = [b'0'; 8];
        for slot in chars.iter_mut().rev() {
            // The index is masked to 0..32.
            *slot = CROCKFORD[usize::try_from(bits & 31).unwrap_or(0)];
            bits >>= 5;
        }
        let text = String::from_utf8_lossy(&chars).into_owned();
        Self(format!("KZ-{}-{}", &text[..4], &text[4..]))
    }

    pub fn parse(input: &str) -> Option<Self> {
        let cleaned: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let body = cleaned.strip_prefix("KZ").unwrap_or(&cleaned);
        if body.len() != 8 {
            return None;
        }
        let mut out = String::with_capacity(8);
        for c in body.chars() {
            let c = match c {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            if !CROCKFORD.contains(&u8::try_from(c).ok()?) {
                return None;
            }
            out.push(c);
        }
        Some(Self(format!("KZ-{}-{}", &out[..4], &out[4..])))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TrackingNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies() {
        assert_eq!(
            SuggestionBody::parse("too short"),
            Err(FieldError("form.body.short"))
        );
        assert!(SuggestionBody::parse("  Бұл баптың мәтінін нақтылау керек.  ").is_ok());
        assert_eq!(
            SuggestionBody::parse(&"ә".repeat(5001)),
            Err(FieldError("form.body.long"))
        );
        let links = "See https://a.kz, https://b.kz, http://c.kz and www.d.kz please";
        assert_eq!(
            SuggestionBody::parse(links),
            Err(FieldError("form.body.links"))
        );
        assert!(
            SuggestionBody::parse("See https://www.adilet.kz and https://b.kz and www.c.kz")
                .is_ok()
        );
    }

    #[test]
    fn proposed_text_depends_on_kind() {
        assert_eq!(ProposedText::parse(SuggestionKind::Comment, ""), Ok(None));
        assert_eq!(
            ProposedText::parse(SuggestionKind::Amend, "  "),
            Err(FieldError("form.proposed.required"))
        );
        assert!(ProposedText::parse(SuggestionKind::Add, "New clause.")
            .unwrap()
            .is_some());
    }

    #[test]
    fn tracking_numbers() {
        let n = TrackingNumber::generate();
        assert_eq!(n.as_str().len(), 12);
        assert_eq!(TrackingNumber::parse(n.as_str()), Some(n.clone()));
        assert_eq!(
            TrackingNumber::parse("kz 7f3k 9qx2").map(|t| t.0),
            Some("KZ-7F3K-9QX2".into())
        );
        assert_eq!(
            TrackingNumber::parse("KZ-7F3K-9QXO").map(|t| t.0),
            Some("KZ-7F3K-9QX0".into())
        );
        assert_eq!(TrackingNumber::parse("KZ-7F3K-9QXU"), None);
        assert_eq!(TrackingNumber::parse("KZ-7F3K"), None);
        assert_ne!(TrackingNumber::generate(), TrackingNumber::generate());
    }

    #[test]
    fn statuses() {
        for status in SuggestionStatus::ALL {
            assert_eq!(status.as_str().parse::<SuggestionStatus>(), Ok(status));
        }
        assert!(
            SuggestionStatus::Published.is_visible() && !SuggestionStatus::Pending.is_visible()
        );
    }
}
