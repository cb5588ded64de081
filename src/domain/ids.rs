//! Typed ids, so that a function taking a user and a suggestion cannot be handed them
//! the wrong way round. Rows keep plain `i64` columns; the id types are used where
//! several ids meet in one call (a moderator acting on a suggestion, a vote, an edit).

use std::fmt;

macro_rules! typed_id {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
            #[serde(transparent)]
            pub struct $name(pub i64);

            impl $name {
                /// The number stored in the database.
                pub fn get(self) -> i64 {
                    self.0
                }
            }

            impl fmt::Display for $name {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    self.0.fmt(f)
                }
            }
        )*
    };
}

typed_id!(
    /// An account.
    UserId,
    /// A suggestion (its row, not its tracking number).
    SuggestionId,
    /// A clause of one version.
    ClauseId,
    /// A consultation.
    ConsultationId,
);

/// The ids of several suggestions as the database stores them.
pub fn raw(ids: &[SuggestionId]) -> Vec<i64> {
    ids.iter().map(|id| id.0).collect()
}
