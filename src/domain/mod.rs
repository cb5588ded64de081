//! Domain types: values that are valid by construction.
//!
//! Everything that crosses a boundary (a URL segment, a CLI flag, an imported file)
//! is parsed into one of these types first; code past the boundary never re-checks.

pub mod account;
pub mod consultation;
pub mod draft;
pub mod export;
pub mod ids;
pub mod language;
pub mod lineage;
pub mod moderation;
pub mod queue;
pub mod reference;
pub mod search;
pub mod similarity;
pub mod suggestion;
pub mod text;

/// A value read from the database that names no variant of its type: the database holds
/// something this code does not know, which is an error, never a silent default.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{value}` in the database")]
pub struct UnknownValue {
    pub what: &'static str,
    pub value: String,
}

/// `TryFrom<String>` through `FromStr`, for loading a text column into an enum with
/// diesel's `deserialize_as = String`: the one conversion from stored text.
macro_rules! stored_as_text {
    ($($ty:ty => $what:literal),* $(,)?) => {
        $(
            impl TryFrom<String> for $ty {
                type Error = UnknownValue;

                fn try_from(value: String) -> Result<Self, UnknownValue> {
                    value.parse().map_err(|_| UnknownValue { what: $what, value })
                }
            }

            /// Written as its stored code, as everywhere else.
            impl serde::Serialize for $ty {
                fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                    s.serialize_str(self.as_str())
                }
            }
        )*
    };
}

stored_as_text!(
    SuggestionStatus => "suggestion status",
    SuggestionKind => "suggestion kind",
    Role => "role",
    ConsultationStatus => "consultation status",
    ModerationMode => "moderation mode",
    TextLang => "text language",
);

pub use account::{DisplayName, Email, FieldError, NewPassword, Region, Role};
pub use consultation::{ConsultationStatus, ModerationMode, Slug};
pub use ids::{ClauseId, ConsultationId, SuggestionId, UserId};
pub use language::TextLang;
pub use reference::{ArticleNumber, ClauseNumber, ClauseRef};
pub use suggestion::{
    ProposedText, SuggestionBody, SuggestionInput, SuggestionKind, SuggestionStatus, TrackingNumber,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_text_that_names_no_variant_is_an_error() {
        assert_eq!(
            SuggestionStatus::try_from("partly_accepted".to_owned()),
            Ok(SuggestionStatus::PartlyAccepted)
        );
        assert_eq!(
            SuggestionStatus::try_from("approved".to_owned()),
            Err(UnknownValue {
                what: "suggestion status",
                value: "approved".into()
            })
        );
        assert!(Role::try_from("emperor".to_owned()).is_err());
        assert!(SuggestionKind::try_from(String::new()).is_err());
        assert!(ConsultationStatus::try_from("Open".to_owned()).is_err());
        assert!(ModerationMode::try_from("post".to_owned()).is_ok());
        assert_eq!(
            serde_json::to_string(&SuggestionStatus::UnderReview).ok(),
            Some("\"under_review\"".to_owned())
        );
    }
}
