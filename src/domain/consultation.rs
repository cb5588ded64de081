//! Consultations: their public identifier and their life cycle.

use std::fmt;
use std::str::FromStr;

/// The URL identifier of a consultation: lower-case ASCII letters, digits and single
/// hyphens, 2 to 64 characters (`constitution-2024`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Slug(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a valid slug: use 2 to 64 lower-case letters, digits and hyphens, e.g. constitution-2024")]
pub struct SlugError(pub String);

impl Slug {
    pub fn parse(input: &str) -> Result<Self, SlugError> {
        let s = input.trim();
        let shape_ok = (2..=64).contains(&s.len())
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-')
            && !s.contains("--");
        if shape_ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(SlugError(s.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a consultation is in its life.
///
/// `Draft` is invisible to the public; `Open` accepts suggestions between its opening
/// and closing times; `Closed` is read-only; `Results` has published its outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConsultationStatus {
    Draft,
    Open,
    Closed,
    Results,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a consultation status (expected draft, open, closed or results)")]
pub struct StatusError(pub String);

impl ConsultationStatus {
    pub const ALL: [Self; 4] = [Self::Draft, Self::Open, Self::Closed, Self::Results];

    /// The value stored in the database and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Open => "open",
            Self::Closed => "closed",
            Self::Results => "results",
        }
    }

    /// Whether citizens may submit and vote now: open, and within its opening and
    /// closing times when those are set.
    pub fn accepts_participation(
        self,
        opens_at: Option<chrono::NaiveDateTime>,
        closes_at: Option<chrono::NaiveDateTime>,
        now: chrono::NaiveDateTime,
    ) -> bool {
        self == Self::Open && opens_at.is_none_or(|t| now >= t) && closes_at.is_none_or(|t| now < t)
    }

    /// Whether the public may see the consultation at all.
    pub fn is_public(self) -> bool {
        self != Self::Draft
    }
}

impl FromStr for ConsultationStatus {
    type Err = StatusError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == s.trim())
            .ok_or_else(|| StatusError(s.to_owned()))
    }
}

impl fmt::Display for ConsultationStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When new suggestions become public: after a moderator publishes them (`Pre`, the
/// default) or at once, to be hidden later if need be (`Post`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModerationMode {
    Pre,
    Post,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a moderation mode (expected pre or post)")]
pub struct ModerationModeError(pub String);

impl ModerationMode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pre => "pre",
            Self::Post => "post",
        }
    }
}

impl FromStr for ModerationMode {
    type Err = ModerationModeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "pre" => Ok(Self::Pre),
            "post" => Ok(Self::Post),
            other => Err(ModerationModeError(other.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(Slug::parse("constitution-2024").is_ok());
        for bad in ["", "a", "Upper", "has space", "-x", "x-", "a--b", "ünï"] {
            assert!(Slug::parse(bad).is_err(), "accepted {bad:?}");
        }
    }

    #[test]
    fn status_round_trip() {
        for status in ConsultationStatus::ALL {
            assert_eq!(status.as_str().parse::<ConsultationStatus>(), Ok(status));
        }
        assert!("opened".parse::<ConsultationStatus>().is_err());
    }
}
