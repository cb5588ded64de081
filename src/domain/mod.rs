//! Domain types: values that are valid by construction.
//!
//! Everything that crosses a boundary (a URL segment, a CLI flag, an imported file)
//! is parsed into one of these types first; code past the boundary never re-checks.

pub mod account;
pub mod consultation;
pub mod draft;
pub mod export;
pub mod lineage;
pub mod moderation;
pub mod queue;
pub mod reference;
pub mod similarity;
pub mod suggestion;

pub use account::{DisplayName, Email, FieldError, NewPassword, Region, Role};
pub use consultation::{ConsultationStatus, ModerationMode, Slug};
pub use reference::{ArticleNumber, ClauseNumber, ClauseRef};
pub use suggestion::{
    ProposedText, SuggestionBody, SuggestionKind, SuggestionStatus, TrackingNumber,
};
