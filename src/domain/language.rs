//! The language a draft's text or a citizen's suggestion is written in.
//!
//! Independent of the interface language ([`crate::i18n::Lang`]): a Russian-speaking
//! reader may read the Kazakh text. A version holds its text in one or more of these,
//! aligned by reference; one is authoritative ([`TextLang::authoritative_of`]).

use std::fmt;
use std::str::FromStr;

/// A language a draft can be published in, by its ISO 639-1 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TextLang {
    Kk,
    Ru,
    En,
}

/// `--lang xx` or `?text=xx` named no language a draft can be published in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a text language (kk, ru or en)")]
pub struct UnknownLanguage(pub String);

impl UnknownLanguage {
    /// The same text as a catalogue message, for the reader's language.
    pub fn message(&self) -> crate::i18n::Message {
        crate::i18n::Message::new("import-unknown-language").text("value", &self.0)
    }
}

impl TextLang {
    pub const ALL: [Self; 3] = [Self::Kk, Self::Ru, Self::En];

    /// The code stored and used in `lang` attributes and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Kk => "kk",
            Self::Ru => "ru",
            Self::En => "en",
        }
    }

    /// The language's name in itself, as the switcher shows it in every interface
    /// language (locales/GLOSSARY.md, "Languages").
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Kk => "Қазақша",
            Self::Ru => "Русский",
            Self::En => "English",
        }
    }

    /// The authoritative language of a version imported in `langs` (in import order):
    /// Kazakh when present, else the first.
    pub fn authoritative_of(langs: &[Self]) -> Option<Self> {
        langs
            .iter()
            .copied()
            .find(|l| *l == Self::Kk)
            .or_else(|| langs.first().copied())
    }

    /// The authoritative language of a version that holds `langs` (in import order)
    /// once languages are added to it: the one the admin asks for now, else the one
    /// they named before (`chosen_before`: `current` was named), else the rule of
    /// [`Self::authoritative_of`], so that a Kazakh text added to a Russian version
    /// becomes the authoritative one.
    pub fn authoritative_after(
        langs: &[Self],
        current: Self,
        chosen_before: bool,
        asked: Option<Self>,
    ) -> Self {
        asked
            .or(chosen_before.then_some(current))
            .or_else(|| Self::authoritative_of(langs))
            .unwrap_or(current)
    }
}

impl FromStr for TextLang {
    type Err = UnknownLanguage;

    fn from_str(s: &str) -> Result<Self, UnknownLanguage> {
        match s.trim().to_ascii_lowercase().as_str() {
            "kk" => Ok(Self::Kk),
            "ru" => Ok(Self::Ru),
            "en" => Ok(Self::En),
            _ => Err(UnknownLanguage(s.to_owned())),
        }
    }
}

impl fmt::Display for TextLang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_is_authoritative_when_present_else_the_first() {
        use TextLang::*;
        assert_eq!(TextLang::authoritative_of(&[Ru, Kk, En]), Some(Kk));
        assert_eq!(TextLang::authoritative_of(&[Ru, En]), Some(Ru));
        assert_eq!(TextLang::authoritative_of(&[]), None);
    }

    #[test]
    fn kazakh_added_later_becomes_authoritative_unless_another_was_named() {
        use TextLang::*;
        assert_eq!(
            TextLang::authoritative_after(&[Ru, Kk], Ru, false, None),
            Kk
        );
        assert_eq!(
            TextLang::authoritative_after(&[Ru, En], Ru, false, None),
            Ru
        );
        assert_eq!(TextLang::authoritative_after(&[Ru, Kk], Ru, true, None), Ru);
        assert_eq!(
            TextLang::authoritative_after(&[Kk, Ru], Kk, false, Some(Ru)),
            Ru
        );
        assert_eq!(
            TextLang::authoritative_after(&[Ru, Kk, En], Kk, true, None),
            Kk
        );
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for lang in TextLang::ALL {
            assert_eq!(lang.as_str().parse::<TextLang>(), Ok(lang));
        }
        assert_eq!(" RU ".parse::<TextLang>(), Ok(TextLang::Ru));
        assert!("de".parse::<TextLang>().is_err());
    }
}
