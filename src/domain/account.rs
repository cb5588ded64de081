//! Account values: what a person types at registration, valid by construction.

use std::collections::HashSet;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// A field-level problem, as a translation key for the message shown next to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError(pub &'static str);

/// An email address, trimmed and lower-cased (so one mailbox is one account).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// `local@domain`: the local part as RFC 5322's dot-atom (ASCII), the domain as
    /// DNS host name labels, which may be internationalised (`әкім@мысал.қаз`): it is
    /// stored in its ASCII (punycode) form, so that one mailbox is one account and mail
    /// servers read it.
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let s = input.trim().to_lowercase();
        if s.is_empty() {
            return Err(FieldError("form.email.required"));
        }
        let invalid = FieldError("form.email.invalid");
        let (local, domain) = s.rsplit_once('@').ok_or(invalid)?;
        if !is_dot_atom(local) || local.len() > 64 {
            return Err(invalid);
        }
        let domain = host_name(domain).ok_or(invalid)?;
        let address = format!("{local}@{domain}");
        if address.len() > 254 {
            return Err(invalid);
        }
        Ok(Self(address))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// RFC 5322 `dot-atom`: atext characters, single dots between them.
fn is_dot_atom(local: &str) -> bool {
    let atext = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c);
    !local.is_empty()
        && local
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(atext))
}

/// A domain as mail can be sent to it: labels of letters, digits and hyphens (after
/// IDNA conversion of Unicode labels), at least two of them, a top-level domain that is
/// not a number, at most 253 characters.
fn host_name(domain: &str) -> Option<String> {
    let ascii = idna::domain_to_ascii(domain.trim_end_matches('.')).ok()?;
    let labels: Vec<&str> = ascii.split('.').collect();
    let label_ok = |l: &&str| {
        (1..=63).contains(&l.len())
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let tld_ok = labels
        .last()
        .is_some_and(|t| !t.chars().all(|c| c.is_ascii_digit()));
    (ascii.len() <= 253 && labels.len() >= 2 && labels.iter().all(label_ok) && tld_ok)
        .then_some(ascii)
}

/// The public name shown with a person's suggestions: NFC, trimmed, inner runs of
/// white space collapsed, 2 to 50 characters (graphemes), no control characters,
/// and no `@` so that nobody publishes an email address by mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MIN: usize = 2;
    pub const MAX: usize = 50;

    pub fn parse(input: &str) -> Result<Self, FieldError> {
        super::text::check(input.trim(), false)?;
        let normalized: String = input.nfc().collect();
        let collapsed = normalized.split_whitespace().collect::<Vec<_>>().join(" ");
        let length = collapsed.graphemes(true).count();
        if length == 0 {
            return Err(FieldError("form.display_name.required"));
        }
        if !(Self::MIN..=Self::MAX).contains(&length) {
            return Err(FieldError("form.display_name.length"));
        }
        if collapsed.chars().any(|c| c.is_control()) || collapsed.contains('@') {
            return Err(FieldError("form.display_name.invalid"));
        }
        Ok(Self(collapsed))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

static COMMON_PASSWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../auth/common-passwords.txt")
        .lines()
        .collect()
});

/// A new password (NIST SP 800-63B): 8 to 128 characters of any kind, no composition
/// rules, not one of the commonly used passwords, not the account's email.
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN: usize = 8;
    pub const MAX: usize = 128;

    pub fn parse(input: &str, email: Option<&Email>) -> Result<Self, FieldError> {
        let length = input.chars().count();
        if length == 0 {
            return Err(FieldError("form.password.required"));
        }
        if length < Self::MIN {
            return Err(FieldError("form.password.short"));
        }
        if length > Self::MAX {
            return Err(FieldError("form.password.long"));
        }
        let lowered = input.to_lowercase();
        if COMMON_PASSWORDS.contains(lowered.as_str())
            || email.is_some_and(|e| e.as_str() == lowered)
        {
            return Err(FieldError("form.password.common"));
        }
        Ok(Self(input.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(…)")
    }
}

/// Where a participant lives: the 17 regions and 3 cities of republican significance
/// of Kazakhstan, abroad, or not said. Stored as the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Region(&'static str);

impl Region {
    /// (code, English name); the names go through the translation layer as
    /// `region.<code>`.
    pub const ALL: [&'static str; 22] = [
        "abai",
        "akmola",
        "aktobe",
        "almaty-region",
        "atyrau",
        "east-kazakhstan",
        "jambyl",
        "jetisu",
        "karaganda",
        "kostanay",
        "kyzylorda",
        "mangystau",
        "north-kazakhstan",
        "pavlodar",
        "turkistan",
        "ulytau",
        "west-kazakhstan",
        "astana",
        "almaty",
        "shymkent",
        "abroad",
        "undisclosed",
    ];

    pub fn parse(input: &str) -> Result<Option<Self>, FieldError> {
        let s = input.trim();
        if s.is_empty() {
            return Ok(None);
        }
        Self::ALL
            .iter()
            .find(|code| **code == s)
            .map(|code| Some(Self(code)))
            .ok_or(FieldError("form.region.invalid"))
    }

    pub fn code(self) -> &'static str {
        self.0
    }
}

/// What an account may do. Moderators, analysts and admins are also citizens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Citizen,
    Moderator,
    Analyst,
    Admin,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a role (expected citizen, moderator, analyst or admin)")]
pub struct RoleError(pub String);

impl Role {
    pub const ALL: [Self; 4] = [Self::Citizen, Self::Moderator, Self::Analyst, Self::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Citizen => "citizen",
            Self::Moderator => "moderator",
            Self::Analyst => "analyst",
            Self::Admin => "admin",
        }
    }
}

impl FromStr for Role {
    type Err = RoleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or_else(|| RoleError(s.to_owned()))
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            Email::parse(" Aigerim@Example.KZ ").map(|e| e.0),
            Ok("aigerim@example.kz".into())
        );
        for bad in [
            "",
            "no-at",
            "a@b",
            "a@.kz",
            "a b@c.kz",
            "@c.kz",
            "a@c..kz",
            "a..b@c.kz",
            ".a@c.kz",
            "a.@c.kz",
            "a@b@c.kz",
            "a<b>@c.kz",
            "a@-c.kz",
            "a@c-.kz",
            "a@c.123",
            "a@c_d.kz",
            "a\0@c.kz",
            "a@[127.0.0.1]",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
        // Internationalised domains are accepted, and kept in their ASCII form.
        assert_eq!(
            Email::parse("Aigerim@Мысал.Қаз").map(|e| e.0),
            Ok(format!(
                "aigerim@{}",
                idna::domain_to_ascii("мысал.қаз").unwrap()
            ))
        );
        assert!(Email::parse("o'brien+consult@sub.example.kz").is_ok());
    }

    #[test]
    fn display_names() {
        assert_eq!(
            DisplayName::parse("  Әлия   Серікқызы ").map(|n| n.0),
            Ok("Әлия Серікқызы".into())
        );
        assert_eq!(
            DisplayName::parse("A"),
            Err(FieldError("form.display_name.length"))
        );
        assert_eq!(
            DisplayName::parse("me@x.kz"),
            Err(FieldError("form.display_name.invalid"))
        );
        // 50 graphemes of Kazakh letters with combining marks are fine; 51 are not.
        assert!(DisplayName::parse(&"қ".repeat(50)).is_ok());
        assert!(DisplayName::parse(&"қ".repeat(51)).is_err());
    }

    #[test]
    fn passwords() {
        let email = Email::parse("someone@example.kz").ok();
        assert!(NewPassword::parse("correct horse battery", email.as_ref()).is_ok());
        assert_eq!(
            NewPassword::parse("short", None).err(),
            Some(FieldError("form.password.short"))
        );
        assert_eq!(
            NewPassword::parse("Password1", None).err(),
            Some(FieldError("form.password.common"))
        );
        assert_eq!(
            NewPassword::parse("BASEBALL", None).err(),
            Some(FieldError("form.password.common"))
        );
        assert_eq!(
            NewPassword::parse("someone@example.kz", email.as_ref()).err(),
            Some(FieldError("form.password.common"))
        );
        assert!(NewPassword::parse(&"ж".repeat(128), None).is_ok());
        assert_eq!(
            NewPassword::parse(&"ж".repeat(129), None).err(),
            Some(FieldError("form.password.long"))
        );
    }

    #[test]
    fn regions_and_roles() {
        assert_eq!(Region::ALL.len(), 22);
        assert_eq!(Region::parse("").ok(), Some(None));
        assert!(Region::parse("mars").is_err());
        assert_eq!("admin".parse::<Role>(), Ok(Role::Admin));
    }
}
