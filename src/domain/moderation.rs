//! Moderation: the decisions a moderator can take on a suggestion and which are legal
//! from which status. Every path (a single decision, a bulk action, the CLI) goes
//! through [`Decision::next_status`], so an illegal transition is refused the same way
//! everywhere. Nothing is ever deleted: a decision only changes a suggestion's status.

use std::str::FromStr;

use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

use super::account::FieldError;
use super::suggestion::SuggestionStatus;

/// Why a suggestion is rejected or hidden: a fixed list, so that decisions can be
/// counted and explained, plus free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReasonCode {
    OffTopic,
    Spam,
    Abusive,
    PersonalData,
    Unclear,
    Other,
}

impl ReasonCode {
    pub const ALL: [Self; 6] = [
        Self::OffTopic,
        Self::Spam,
        Self::Abusive,
        Self::PersonalData,
        Self::Unclear,
        Self::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::OffTopic => "off_topic",
            Self::Spam => "spam",
            Self::Abusive => "abusive",
            Self::PersonalData => "personal_data",
            Self::Unclear => "unclear",
            Self::Other => "other",
        }
    }
}

impl FromStr for ReasonCode {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or(FieldError("form.reason.invalid"))
    }
}

/// Free text of at most `max` graphemes, NFC and trimmed; empty is allowed only where
/// the caller says so.
fn bounded_text(input: &str, max: usize, required: &'static str) -> Result<String, FieldError> {
    super::text::check(input, true)?;
    let text = input
        .replace("\r\n", "\n")
        .nfc()
        .collect::<String>()
        .trim()
        .to_owned();
    if text.is_empty() {
        return Err(FieldError(required));
    }
    if text.graphemes(true).count() > max {
        return Err(FieldError("form.text.long"));
    }
    Ok(text)
}

/// The explanation that goes with a rejection or a hiding (up to 1,000 characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub code: ReasonCode,
    pub text: String,
}

impl Reason {
    pub fn parse(code: &str, text: &str) -> Result<Self, FieldError> {
        let code = code.parse()?;
        let text = if text.trim().is_empty() {
            String::new()
        } else {
            bounded_text(text, 1000, "form.reason.required")?
        };
        // "Other" says nothing by itself.
        if code == ReasonCode::Other && text.is_empty() {
            return Err(FieldError("form.reason.required"));
        }
        Ok(Self { code, text })
    }
}

/// An official response, published with the outcome: 10 to 10,000 characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialResponse(String);

impl OfficialResponse {
    pub fn parse(input: &str) -> Result<Self, FieldError> {
        let text = bounded_text(input, 10_000, "form.response.required")?;
        if text.graphemes(true).count() < 10 {
            return Err(FieldError("form.response.short"));
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A staff-only note, a tag name, a canned response's title: short trimmed text.
pub fn parse_note(input: &str) -> Result<String, FieldError> {
    bounded_text(input, 5000, "form.note.required")
}

/// Why a citizen reports a suggestion: 1 to 500 characters.
pub fn parse_report_reason(input: &str) -> Result<String, FieldError> {
    bounded_text(input, 500, "report.reason_required")
}

/// Tag names: 1 to 40 characters, lower case, single spaces.
pub fn parse_tag(input: &str) -> Result<String, FieldError> {
    let name = input
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let name = bounded_text(&name, 40, "form.tag.required")?;
    if name.contains(',') {
        return Err(FieldError("form.tag.invalid"));
    }
    Ok(name)
}

/// How the drafting commission answered a suggestion under review.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Accepted,
    PartlyAccepted,
    NotAccepted,
}

impl Outcome {
    pub fn status(self) -> SuggestionStatus {
        match self {
            Self::Accepted => SuggestionStatus::Accepted,
            Self::PartlyAccepted => SuggestionStatus::PartlyAccepted,
            Self::NotAccepted => SuggestionStatus::NotAccepted,
        }
    }
}

impl FromStr for Outcome {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, FieldError> {
        match s.trim() {
            "accepted" => Ok(Self::Accepted),
            "partly_accepted" => Ok(Self::PartlyAccepted),
            "not_accepted" => Ok(Self::NotAccepted),
            _ => Err(FieldError("form.outcome.invalid")),
        }
    }
}

/// A moderator's decision on one suggestion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Publish,
    Reject(Reason),
    StartReview,
    Respond(Outcome, OfficialResponse),
    /// Mark as a duplicate of the canonical suggestion with this id.
    MarkDuplicate(i64),
    Hide(Reason),
    /// Citizens' reports were unfounded: restore what reports hid, clear the flag.
    ClearFlags,
    /// Citizens' reports were right: hide (if not hidden yet), clear the flag.
    UpholdFlags,
}

/// The decisions by name, as forms, the command line and the log spell them. Names are
/// parsed here and nowhere else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecisionAction {
    Publish,
    Reject,
    StartReview,
    Respond,
    Merge,
    Hide,
    ClearFlags,
    UpholdFlags,
}

impl DecisionAction {
    pub const ALL: [Self; 8] = [
        Self::Publish,
        Self::Reject,
        Self::StartReview,
        Self::Respond,
        Self::Merge,
        Self::Hide,
        Self::ClearFlags,
        Self::UpholdFlags,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Publish => "publish",
            Self::Reject => "reject",
            Self::StartReview => "review",
            Self::Respond => "respond",
            Self::Merge => "merge",
            Self::Hide => "hide",
            Self::ClearFlags => "flags_cleared",
            Self::UpholdFlags => "flags_upheld",
        }
    }
}

impl FromStr for DecisionAction {
    type Err = FieldError;

    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::ALL
            .into_iter()
            .find(|a| a.as_str() == s.trim())
            .ok_or(FieldError("moderation.refused.unknown"))
    }
}

/// A decision as a moderator typed it (a form, or the command line's flags), with the
/// canonical suggestion of a merge already looked up and a chosen canned response's
/// text in place of an empty response.
#[derive(Debug, Clone, Default)]
pub struct DecisionFields<'a> {
    pub action: &'a str,
    pub reason_code: &'a str,
    pub reason_text: &'a str,
    pub outcome: &'a str,
    pub response: &'a str,
    /// The id of the suggestion to merge into, when the number given names one.
    pub canonical_id: Option<i64>,
}

impl DecisionFields<'_> {
    /// The decision, or a message per field (`action`, `reason_code`, `outcome`,
    /// `response`, `canonical`).
    pub fn parse(&self) -> Result<Decision, Vec<(&'static str, FieldError)>> {
        fn check<T>(
            errors: &mut Vec<(&'static str, FieldError)>,
            field: &'static str,
            result: Result<T, FieldError>,
        ) -> Option<T> {
            result.map_err(|e| errors.push((field, e))).ok()
        }
        let mut errors = Vec::new();
        let e = &mut errors;
        let decision = match check(e, "action", self.action.parse::<DecisionAction>()) {
            Some(DecisionAction::Publish) => Some(Decision::Publish),
            Some(DecisionAction::StartReview) => Some(Decision::StartReview),
            Some(DecisionAction::ClearFlags) => Some(Decision::ClearFlags),
            Some(DecisionAction::UpholdFlags) => Some(Decision::UpholdFlags),
            Some(DecisionAction::Reject) => check(
                e,
                "reason_code",
                Reason::parse(self.reason_code, self.reason_text),
            )
            .map(Decision::Reject),
            Some(DecisionAction::Hide) => check(
                e,
                "reason_code",
                Reason::parse(self.reason_code, self.reason_text),
            )
            .map(Decision::Hide),
            Some(DecisionAction::Respond) => {
                let outcome = check(e, "outcome", self.outcome.parse::<Outcome>());
                let response = check(e, "response", OfficialResponse::parse(self.response));
                outcome.zip(response).map(|(o, r)| Decision::Respond(o, r))
            }
            Some(DecisionAction::Merge) => check(
                e,
                "canonical",
                self.canonical_id
                    .ok_or(FieldError("moderation.canonical.unknown")),
            )
            .map(Decision::MarkDuplicate),
            None => None,
        };
        match decision {
            Some(decision) if errors.is_empty() => Ok(decision),
            _ => Err(errors),
        }
    }
}

/// Why a decision cannot be taken; the value is a translation key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal(pub &'static str);

impl Decision {
    /// The decision's name, as the moderation log records it.
    pub fn action(&self) -> DecisionAction {
        match self {
            Self::Publish => DecisionAction::Publish,
            Self::Reject(_) => DecisionAction::Reject,
            Self::StartReview => DecisionAction::StartReview,
            Self::Respond(..) => DecisionAction::Respond,
            Self::MarkDuplicate(_) => DecisionAction::Merge,
            Self::Hide(_) => DecisionAction::Hide,
            Self::ClearFlags => DecisionAction::ClearFlags,
            Self::UpholdFlags => DecisionAction::UpholdFlags,
        }
    }

    /// The status after this decision, or why it is not allowed. `flagged` says whether
    /// the suggestion waits for a review of reports; `hidden_from` is the status it had
    /// before reports hid it.
    pub fn next_status(
        &self,
        current: SuggestionStatus,
        flagged: bool,
        hidden_from: Option<SuggestionStatus>,
    ) -> Result<SuggestionStatus, Refusal> {
        use SuggestionStatus as S;
        match (self, current) {
            (Self::Publish, S::Pending) => Ok(S::Published),
            (Self::Publish, _) => Err(Refusal("moderation.refused.publish")),
            (Self::Reject(_), S::Pending) => Ok(S::Rejected),
            (Self::Reject(_), _) => Err(Refusal("moderation.refused.reject")),
            (Self::StartReview, S::Published) => Ok(S::UnderReview),
            (Self::StartReview, _) => Err(Refusal("moderation.refused.review")),
            (Self::Respond(outcome, _), S::UnderReview) => Ok(outcome.status()),
            (Self::Respond(..), _) => Err(Refusal("moderation.refused.respond")),
            (Self::MarkDuplicate(_), S::Pending | S::Published) => Ok(S::Duplicate),
            (Self::MarkDuplicate(_), _) => Err(Refusal("moderation.refused.duplicate")),
            (Self::Hide(_), s) if s.is_visible() => Ok(S::Hidden),
            (Self::Hide(_), _) => Err(Refusal("moderation.refused.hide")),
            (Self::ClearFlags | Self::UpholdFlags, _) if !flagged => {
                Err(Refusal("moderation.refused.not_flagged"))
            }
            (Self::ClearFlags, S::Hidden) => {
                hidden_from.ok_or(Refusal("moderation.refused.not_flagged"))
            }
            (Self::ClearFlags, s) => Ok(s),
            (Self::UpholdFlags, s) if s.is_visible() || s == S::Hidden => Ok(S::Hidden),
            (Self::UpholdFlags, s) => Ok(s),
        }
    }

    /// The decisions a moderator is offered for a suggestion in this state.
    pub fn offered(current: SuggestionStatus, flagged: bool) -> Vec<DecisionAction> {
        use DecisionAction as A;
        use SuggestionStatus as S;
        let mut offered = match current {
            S::Pending => vec![A::Publish, A::Reject, A::Merge],
            S::Published => vec![A::StartReview, A::Merge, A::Hide],
            S::UnderReview => vec![A::Respond, A::Hide],
            S::Accepted | S::PartlyAccepted | S::NotAccepted => vec![A::Hide],
            _ => vec![],
        };
        if flagged {
            offered.extend([A::ClearFlags, A::UpholdFlags]);
        }
        offered
    }
}

/// A change is on the public log when the public saw the suggestion before or after it.
pub fn is_public(from: SuggestionStatus, to: SuggestionStatus) -> bool {
    from.is_visible() || to.is_visible()
}

#[cfg(test)]
mod tests {
    use super::*;
    use SuggestionStatus as S;

    fn reason() -> Reason {
        Reason::parse("spam", "").unwrap()
    }

    fn response() -> OfficialResponse {
        OfficialResponse::parse("The commission took this into the new draft.").unwrap()
    }

    #[test]
    fn every_legal_transition() {
        let legal = [
            (Decision::Publish, S::Pending, S::Published),
            (Decision::Reject(reason()), S::Pending, S::Rejected),
            (Decision::StartReview, S::Published, S::UnderReview),
            (
                Decision::Respond(Outcome::Accepted, response()),
                S::UnderReview,
                S::Accepted,
            ),
            (
                Decision::Respond(Outcome::PartlyAccepted, response()),
                S::UnderReview,
                S::PartlyAccepted,
            ),
            (
                Decision::Respond(Outcome::NotAccepted, response()),
                S::UnderReview,
                S::NotAccepted,
            ),
            (Decision::MarkDuplicate(1), S::Pending, S::Duplicate),
            (Decision::MarkDuplicate(1), S::Published, S::Duplicate),
        ];
        for (decision, from, to) in legal {
            assert_eq!(
                decision.next_status(from, false, None),
                Ok(to),
                "{decision:?}"
            );
        }
        for from in S::ALL.into_iter().filter(|s| s.is_visible()) {
            assert_eq!(
                Decision::Hide(reason()).next_status(from, false, None),
                Ok(S::Hidden)
            );
        }
    }

    #[test]
    fn everything_else_is_refused() {
        let decisions = [
            Decision::Publish,
            Decision::Reject(reason()),
            Decision::StartReview,
            Decision::Respond(Outcome::Accepted, response()),
            Decision::MarkDuplicate(1),
            Decision::Hide(reason()),
        ];
        let mut legal = 0;
        for decision in &decisions {
            for from in S::ALL {
                if decision.next_status(from, false, None).is_ok() {
                    legal += 1;
                }
            }
        }
        // 8 listed above plus hiding from each of the 5 visible states.
        assert_eq!(legal, 1 + 1 + 1 + 1 + 2 + 5);
        assert_eq!(
            Decision::Publish.next_status(S::Rejected, false, None),
            Err(Refusal("moderation.refused.publish"))
        );
        assert!(Decision::Publish
            .next_status(S::Withdrawn, false, None)
            .is_err());
    }

    #[test]
    fn reports() {
        assert_eq!(
            Decision::ClearFlags.next_status(S::Hidden, true, Some(S::Published)),
            Ok(S::Published)
        );
        assert_eq!(
            Decision::ClearFlags.next_status(S::Published, true, None),
            Ok(S::Published)
        );
        assert_eq!(
            Decision::UpholdFlags.next_status(S::Published, true, None),
            Ok(S::Hidden)
        );
        assert!(Decision::ClearFlags
            .next_status(S::Published, false, None)
            .is_err());
    }

    #[test]
    fn decisions_parse_from_their_fields_in_one_place() {
        let fields = |action| DecisionFields {
            action,
            reason_code: "spam",
            outcome: "accepted",
            response: "The commission took this into the new draft.",
            canonical_id: Some(7),
            ..DecisionFields::default()
        };
        assert_eq!(fields("publish").parse(), Ok(Decision::Publish));
        assert_eq!(fields("merge").parse(), Ok(Decision::MarkDuplicate(7)));
        assert!(matches!(fields("reject").parse(), Ok(Decision::Reject(_))));
        assert!(matches!(
            fields("respond").parse(),
            Ok(Decision::Respond(Outcome::Accepted, _))
        ));
        for action in DecisionAction::ALL {
            assert_eq!(action.as_str().parse(), Ok(action));
        }
        let errors = DecisionFields {
            action: "respond",
            outcome: "maybe",
            response: "short",
            ..DecisionFields::default()
        }
        .parse()
        .unwrap_err();
        let fields_named: Vec<_> = errors.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields_named, ["outcome", "response"]);
        assert_eq!(
            DecisionFields {
                action: "merge",
                ..DecisionFields::default()
            }
            .parse(),
            Err(vec![(
                "canonical",
                FieldError("moderation.canonical.unknown")
            )])
        );
        assert_eq!(
            DecisionFields::default().parse(),
            Err(vec![("action", FieldError("moderation.refused.unknown"))])
        );
    }

    #[test]
    fn reasons_and_texts() {
        assert!(Reason::parse("other", "  ").is_err());
        assert!(Reason::parse("nonsense", "x").is_err());
        assert_eq!(Reason::parse("spam", "").unwrap().code, ReasonCode::Spam);
        assert!(OfficialResponse::parse("short").is_err());
        assert_eq!(parse_tag("  Land   Rights ").unwrap(), "land rights");
        assert!(parse_tag("a,b").is_err());
    }
}
