//! The one translation function. Every string a person reads goes through
//! [`t`]; templates call it as `ctx.t("key")`. English is the only catalogue so far;
//! Kazakh and Russian are added as further `match` arms over the same keys, and the
//! unit test below fails when a template uses a key the catalogue lacks.

/// A language the interface can be served in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    /// The BCP 47 code, for the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
        }
    }
}

/// The text for `key` in `lang`. A missing key is logged and shown as the key itself,
/// so a gap is visible rather than silently blank.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    let found = match lang {
        Lang::En => english(key),
    };
    found.unwrap_or_else(|| {
        tracing::warn!(key, lang = lang.code(), "missing translation");
        key
    })
}

/// The one-time messages a redirect may carry (the flash cookie holds the key).
pub const FLASH_KEYS: [&str; 11] = [
    "flash.withdrawn",
    "flash.signed_in",
    "flash.signed_out",
    "flash.signed_out_everywhere",
    "flash.profile_saved",
    "flash.password_changed",
    "flash.password_reset",
    "flash.confirmation_sent",
    "flash.account_deleted",
    "flash.role_changed",
    "flash.saved",
];

/// The static key for a flash cookie's value, if it is one of [`FLASH_KEYS`].
pub fn flash_key(value: &str) -> Option<&'static str> {
    FLASH_KEYS.iter().find(|k| **k == value).copied()
}

/// A count in words: `one` for 1, else `many` with `{}` replaced by the number.
pub fn count(lang: Lang, one: &'static str, many: &'static str, n: i64) -> String {
    if n == 1 {
        t(lang, one).to_owned()
    } else {
        tf(lang, many, n)
    }
}

/// `t` with `{}` replaced by `value`.
pub fn tf(lang: Lang, key: &'static str, value: impl std::fmt::Display) -> String {
    t(lang, key).replacen("{}", &value.to_string(), 1)
}

fn english(key: &str) -> Option<&'static str> {
    Some(match key {
        "site.name" => "Kenes",
        "site.tagline" => "Public consultation on draft laws",
        "nav.skip" => "Skip to main content",
        "nav.main" => "Main",
        "nav.consultations" => "Consultations",
        "footer.about" => "Kenes is a public consultation platform. The texts shown are drafts published for comment; they are not in force as shown.",
        "breadcrumb.label" => "You are here",
        "home.title" => "Public consultations",
        "home.intro" => "Read a draft clause by clause, find what matters to you, and tell the drafters what should change.",
        "home.empty" => "There are no public consultations yet.",
        "home.read" => "Read the draft",
        "dates.opens" => "Opens",
        "dates.closes" => "Closes",
        "dates.published" => "Published",
        "status.label" => "Status",
        "status.draft" => "Draft",
        "status.open" => "Open for suggestions",
        "status.closed" => "Closed",
        "status.results" => "Results published",
        "consultation.contents" => "Contents",
        "consultation.version" => "Version {}",
        "consultation.changelog" => "What changed in this version",
        "consultation.preamble" => "Preamble",
        "consultation.no_version" => "The draft text has not been published yet.",
        "consultation.clause_count" => "{} clauses",
        "consultation.one_clause" => "1 clause",
        "consultation.no_clauses" => "no clauses",
        "consultation.old_version" => "You are reading version {} of this draft, not the current one.",
        "consultation.current_version" => "Read the current version",
        "article.clauses" => "Clauses",
        "article.permalink" => "Permanent link to clause {}",
        "article.previous" => "Previous",
        "article.next" => "Next",
        "article.neighbours" => "Other articles",
        "article.no_clauses" => "This article has no text of its own; see its notes.",
        "notes.title" => "Notes",
        "clause.title" => "Clause {}",
        "clause.reference" => "Reference",
        "clause.permalink" => "Permanent link",
        "clause.in_context" => "Read it in the whole article",
        "clause.other_version" => "This clause is shown as it stood in version {}; it is not part of the current version.",
        "error.status" => "Error {}",
        "error.back_home" => "Go to the list of consultations",
        "error.not_found.title" => "Page not found",
        "error.not_found.message" => "We could not find that page. It may have moved, or the address may be mistyped.",
        "error.unavailable.title" => "Busy right now",
        "error.unavailable.message" => "The service is busy. Please try again in a few seconds.",
        "error.internal.title" => "Something went wrong",
        "error.internal.message" => "An error occurred on our side and has been logged. Please try again later.",
        "error.forbidden.title" => "Not allowed",
        "error.forbidden.message" => "Your account does not have access to this page.",
        "error.csrf.title" => "This form has expired",
        "error.csrf.message" => "For your security, forms expire. Go back, reload the page and submit the form again.",
        "error.throttled.title" => "Too many attempts",
        "error.throttled.message" => "There have been too many attempts from here. Please wait a little and try again.",
        "error.retry_minutes" => "You can try again in about {} minutes.",
        "error.too_large.title" => "Too much data",
        "error.too_large.message" => "What was sent is larger than this page accepts.",
        "error.bad_request.title" => "Something was wrong with that request",
        "error.bad_request.message" => "The page could not understand what was sent. Go back and try again.",
        "nav.moderation" => "Moderation",
        "nav.analytics" => "Analytics",
        "nav.admin" => "Administration",
        "nav.sign_in" => "Sign in",
        "nav.my_suggestions" => "My suggestions",
        "nav.sign_out" => "Sign out",
        "nav.register" => "Register",
        "banner.unconfirmed.label" => "Email confirmation",
        "banner.unconfirmed" => "Please confirm your email address to submit suggestions and vote. We have sent you a link.",
        "banner.resend" => "Send the link again",
        "form.errors.title" => "Please correct the following",
        "form.resubmit" => "This form had expired, so nothing was saved. Everything you typed is still here except your password: enter it again and submit once more.",
        "form.email.label" => "Email address",
        "form.email.required" => "Enter your email address.",
        "form.email.invalid" => "Enter an email address like name@example.kz.",
        "form.display_name.label" => "Public name",
        "form.display_name.hint" => "Shown with your suggestions. 2 to 50 characters; it need not be your real name.",
        "form.display_name.required" => "Enter a public name.",
        "form.display_name.length" => "Your public name must be 2 to 50 characters long.",
        "form.display_name.invalid" => "Your public name cannot contain @ or control characters.",
        "form.password.label" => "Password",
        "form.password.hint" => "At least 8 characters. A few words you can remember are a good password.",
        "form.password.required" => "Enter a password.",
        "form.password.short" => "Your password must be at least 8 characters long.",
        "form.password.long" => "Your password can be at most 128 characters long.",
        "form.password.common" => "This password is too common and easy to guess. Choose another.",
        "form.new_password.label" => "New password",
        "form.current_password.label" => "Current password",
        "form.current_password.wrong" => "That is not your current password.",
        "form.region.label" => "Region (optional)",
        "form.region.hint" => "Helps analysts see where suggestions come from. Only totals are published.",
        "form.region.none" => "Choose a region",
        "form.region.invalid" => "Choose a region from the list.",
        "form.terms.label" => "I agree to the terms of use and to my public name being shown with my suggestions.",
        "form.terms.required" => "You need to agree to the terms to register.",
        "register.title" => "Register",
        "register.intro" => "Register to suggest changes to the draft and to vote for other people's suggestions.",
        "register.email.hint" => "We send a link to confirm it. It is never shown publicly.",
        "register.submit" => "Register",
        "register.have_account" => "Already registered?",
        "register.sent.title" => "Check your email",
        "register.sent.body" => "If the address can be registered, we have sent a message to it. Follow the link in it to confirm your address; the link works for 48 hours.",
        "register.sent.spam" => "Nothing after a few minutes? Check your spam folder.",
        "confirm.done.title" => "Your email address is confirmed",
        "confirm.done.body" => "You can now suggest changes and vote.",
        "confirm.done.link" => "Go to the consultations",
        "confirm.expired.title" => "This link no longer works",
        "confirm.expired.body" => "The link has expired or has already been used. Sign in and ask for a new one.",
        "confirm.expired.link" => "Go to your account",
        "sign_in.title" => "Sign in",
        "sign_in.submit" => "Sign in",
        "sign_in.forgot" => "Forgot your password?",
        "sign_in.no_account" => "No account yet?",
        "sign_in.failed" => "The email address or password is not right.",
        "reset.title" => "Reset your password",
        "reset.intro" => "Enter the email address of your account. We will send you a link to choose a new password.",
        "reset.submit" => "Send the link",
        "reset.sent.title" => "Check your email",
        "reset.sent.body" => "If there is an account with that address, we have sent a link to it. It works for one hour.",
        "reset.new.title" => "Choose a new password",
        "reset.new.submit" => "Save the new password",
        "reset.expired.title" => "This link no longer works",
        "reset.expired.body" => "The link has expired or has already been used. Ask for a new one.",
        "reset.expired.link" => "Ask for a new link",
        "account.title" => "Your account",
        "account.email_status" => "Email",
        "account.confirmed" => "Confirmed",
        "account.unconfirmed" => "Not confirmed yet",
        "account.sessions" => "Signed-in devices",
        "account.profile" => "Profile",
        "account.save" => "Save",
        "account.password" => "Change your password",
        "account.password.intro" => "You will be signed out on every device and asked to sign in again.",
        "account.password.submit" => "Change password",
        "account.everywhere" => "Sign out everywhere",
        "account.everywhere.submit" => "Sign out on every device",
        "account.data" => "Your data",
        "account.data.download" => "Download everything we hold about you (JSON)",
        "account.delete" => "Delete your account",
        "account.delete.intro" => "Your personal data is erased. Your suggestions stay, shown as by a deleted account.",
        "account.delete.submit" => "Delete my account",
        "flash.signed_in" => "You are signed in.",
        "flash.signed_out" => "You are signed out.",
        "flash.signed_out_everywhere" => "You are signed out on every device.",
        "flash.profile_saved" => "Your profile is saved.",
        "flash.password_changed" => "Your password is changed. Please sign in again.",
        "flash.password_reset" => "Your password is reset. Please sign in with the new one.",
        "flash.confirmation_sent" => "We have sent you a new confirmation link.",
        "flash.account_deleted" => "Your account is deleted.",
        "flash.role_changed" => "The role is changed.",
        "flash.saved" => "Saved.",
        "email.greeting" => "Hello {},",
        "email.greeting_anonymous" => "Hello,",
        "email.footer" => "Kenes, public consultation on draft laws. You receive this because of an action on your account.",
        "email.not_you" => "If this was not you, you can ignore this message.",
        "email.confirm.subject" => "Confirm your email address",
        "email.confirm.body" => "Please confirm your email address to take part in the consultation.",
        "email.confirm.expiry" => "The link works for 48 hours and only once.",
        "email.confirm.action" => "Confirm my email address",
        "email.already.subject" => "Someone tried to register with your address",
        "email.already.body" => "Someone tried to register a new account with this email address, which already has an account.",
        "email.already.reset" => "If it was you and you have forgotten your password, you can choose a new one: {}",
        "email.already.action" => "Sign in",
        "email.reset.subject" => "Reset your password",
        "email.reset.body" => "Someone asked to reset the password of your account. Follow the link to choose a new one.",
        "email.reset.expiry" => "The link works for one hour and only once.",
        "email.reset.action" => "Choose a new password",
        "email.changed.subject" => "Your password was changed",
        "email.changed.body" => "The password of your account was just changed, and every device was signed out.",
        "email.changed.not_you" => "If this was not you, reset your password at once: {}",
        "admin.title" => "Administration",
        "admin.consultations" => "Consultations",
        "admin.consultations.new" => "New consultation",
        "admin.users" => "Users and roles",
        "admin.audit" => "Recent changes",
        "admin.audit.empty" => "Nothing recorded yet.",
        "admin.audit.when" => "When (UTC)",
        "admin.audit.who" => "Who",
        "admin.audit.action" => "Action",
        "admin.audit.subject" => "Subject",
        "admin.audit.details" => "Details",
        "admin.users.search" => "Find by email or name",
        "admin.users.search.submit" => "Search",
        "admin.users.none" => "No accounts match.",
        "admin.users.joined" => "Registered",
        "admin.users.role" => "Role",
        "admin.users.change_role" => "Change",
        "admin.consultation.title" => "Title",
        "admin.consultation.slug" => "Address name",
        "admin.consultation.slug.hint" => "Lower-case letters, digits and hyphens, e.g. constitution-2024. It cannot be changed later.",
        "admin.consultation.summary" => "Summary",
        "admin.consultation.mode" => "Moderation",
        "admin.consultation.opens" => "Opens",
        "admin.consultation.closes" => "Closes",
        "admin.consultation.utc" => "In UTC.",
        "admin.mode.pre" => "Before publication (suggestions are public once a moderator publishes them)",
        "admin.mode.post" => "After publication (suggestions are public at once and can be hidden)",
        "admin.versions" => "Versions",
        "admin.save" => "Save",
        "admin.publish" => "Publish",
        "admin.upload" => "Upload a draft",
        "admin.upload.intro" => "A Markdown outline or a plain-text constitution layout (see the README). It becomes the next version, unpublished until you publish it.",
        "admin.upload.failed" => "The file could not be imported; nothing was saved",
        "admin.upload.file" => "Draft file",
        "admin.upload.submit" => "Upload and preview",
        "admin.preview" => "Preview",
        "admin.preview.published" => "This version is published.",
        "admin.preview.articles" => "{} articles",
        "admin.error.title" => "The title must be 3 to 200 characters long.",
        "admin.error.summary" => "The summary can be at most 5,000 characters long.",
        "admin.error.choice" => "Choose a value from the list.",
        "admin.error.time" => "Enter a date and time like 2026-12-01T09:00.",
        "admin.error.order" => "The closing time must be after the opening time.",
        "admin.error.slug" => "Use 2 to 64 lower-case letters, digits and hyphens.",
        "admin.error.slug_taken" => "Another consultation already uses this address name.",
        "flash.withdrawn" => "Your suggestion is withdrawn.",
        "error.refused.title" => "That is not possible",
        "suggestion.count" => "{} suggestions",
        "suggestion.count.one" => "1 suggestion",
        "suggestion.kind.amend" => "Amend the clause",
        "suggestion.kind.delete" => "Delete the clause",
        "suggestion.kind.add" => "Add a clause after it",
        "suggestion.kind.comment" => "Comment or question",
        "suggestion.status.pending" => "Awaiting moderation",
        "suggestion.status.published" => "Published",
        "suggestion.status.rejected" => "Not published",
        "suggestion.status.under_review" => "Under review by the drafters",
        "suggestion.status.accepted" => "Accepted",
        "suggestion.status.partly_accepted" => "Partly accepted",
        "suggestion.status.not_accepted" => "Not accepted",
        "suggestion.status.duplicate" => "Merged with a similar suggestion",
        "suggestion.status.hidden" => "Hidden",
        "suggestion.status.withdrawn" => "Withdrawn by its author",
        "suggestion.deleted_author" => "a deleted account",
        "suggestion.diff.label" => "Proposed wording, compared with the clause",
        "suggestion.diff.removed" => "removed",
        "suggestion.diff.added" => "added",
        "suggestion.proposed_clause" => "Proposed new clause:",
        "suggestion.proposed_wording" => "Proposed wording, replacing the clause:",
        "suggestion.official_response" => "Official response:",
        "suggestion.upvote" => "Support",
        "suggestion.upvoted" => "Supported",
        "suggestion.upvotes" => "{} supporters",
        "suggestion.upvotes.one" => "1 supporter",
        "suggestion.vote.sign_in" => "Sign in to support suggestions.",
        "suggestion.vote.closed" => "This consultation is closed: suggestions can no longer be supported.",
        "suggestion.vote.not_open" => "This suggestion can no longer be supported.",
        "suggestion.vote.own" => "You cannot support your own suggestion.",
        "suggestions.title" => "Suggestions",
        "suggestions.suggest" => "Suggest a change to this clause",
        "suggestions.closed" => "This consultation is not accepting suggestions now.",
        "suggestions.none" => "No suggestions have been published on this clause yet.",
        "suggestions.more" => "More suggestions",
        "suggestions.sort.label" => "Order",
        "suggestions.sort.top" => "Most supported",
        "suggestions.sort.newest" => "Newest",
        "suggestions.sort.status" => "By status",
        "suggest.title" => "Suggest a change to clause {}",
        "suggest.edit_title" => "Edit your suggestion",
        "suggest.signed_out" => "You can write your suggestion now; you will be asked to sign in when you send it, and nothing you typed is lost.",
        "suggest.kind.legend" => "What do you suggest?",
        "suggest.kind.amend.hint" => "Give the wording you propose; readers see it compared with the current text.",
        "suggest.kind.delete.hint" => "Explain why the clause should go.",
        "suggest.kind.add.hint" => "Give the text of the new clause to add after this one.",
        "suggest.kind.comment.hint" => "A remark or a question about the clause.",
        "suggest.proposed.label" => "Proposed wording (for an amendment or a new clause)",
        "suggest.proposed.hint" => "Up to 5,000 characters.",
        "suggest.body.label" => "Your explanation",
        "suggest.body.hint" => "10 to 5,000 characters, at most 3 links.",
        "suggest.submit" => "Send my suggestion",
        "suggest.submit_anyway" => "Send mine anyway",
        "suggest.save" => "Save the changes",
        "suggest.similar.title" => "Similar suggestions already made",
        "suggest.similar.intro" => "These say something close to yours. You can support one of them instead, or still send your own below.",
        "suggest.closed" => "This consultation is not accepting suggestions now. Your text is kept below so that you can copy it.",
        "suggest.confirm_first" => "Please confirm your email address first (see the link we sent you). Your text is kept below.",
        "suggest.throttled" => "You have sent many suggestions in a short time. Please wait a while; your text is kept below.",
        "form.kind.invalid" => "Choose what you suggest.",
        "form.body.required" => "Explain your suggestion.",
        "form.body.short" => "Your explanation must be at least 10 characters long.",
        "form.body.long" => "Your explanation can be at most 5,000 characters long.",
        "form.body.links" => "Please include at most 3 links.",
        "form.proposed.required" => "Give the wording you propose.",
        "form.proposed.long" => "The proposed wording can be at most 5,000 characters long.",
        "receipt.title" => "Suggestion {}",
        "receipt.thanks" => "Thank you. Your suggestion is received; we have emailed you this receipt.",
        "receipt.number" => "Tracking number",
        "receipt.kind" => "Kind",
        "receipt.consultation" => "Consultation",
        "receipt.clause" => "Clause",
        "receipt.submitted" => "Submitted",
        "receipt.keep" => "Keep the tracking number: anyone can follow the suggestion's status at this address.",
        "mine.title" => "My suggestions",
        "mine.none" => "You have not made any suggestions yet.",
        "mine.edit" => "Edit",
        "mine.withdraw" => "Withdraw",
        "mine.not_editable" => "Only suggestions still awaiting moderation can be changed or withdrawn.",
        "email.receipt.subject" => "Your suggestion is received",
        "email.receipt.body" => "Thank you for your suggestion. Its tracking number is {}.",
        "email.receipt.follow" => "You can follow what becomes of it at any time:",
        "email.receipt.action" => "See its status",
        "moderation.title" => "Moderation",
        "moderation.empty" => "The moderation queue will appear here once citizens can submit suggestions.",
        "analytics.title" => "Analytics",
        "analytics.empty" => "Exports and statistics will appear here once citizens can submit suggestions.",
        _ => return None,
    })
}

/// The name of a region, by its code ([`crate::domain::Region::ALL`]).
pub fn region_name(lang: Lang, code: &str) -> &'static str {
    match lang {
        Lang::En => match code {
            "abai" => "Abai Region",
            "akmola" => "Akmola Region",
            "aktobe" => "Aktobe Region",
            "almaty-region" => "Almaty Region",
            "atyrau" => "Atyrau Region",
            "east-kazakhstan" => "East Kazakhstan Region",
            "jambyl" => "Jambyl Region",
            "jetisu" => "Jetisu Region",
            "karaganda" => "Karaganda Region",
            "kostanay" => "Kostanay Region",
            "kyzylorda" => "Kyzylorda Region",
            "mangystau" => "Mangystau Region",
            "north-kazakhstan" => "North Kazakhstan Region",
            "pavlodar" => "Pavlodar Region",
            "turkistan" => "Turkistan Region",
            "ulytau" => "Ulytau Region",
            "west-kazakhstan" => "West Kazakhstan Region",
            "astana" => "Astana (city)",
            "almaty" => "Almaty (city)",
            "shymkent" => "Shymkent (city)",
            "abroad" => "Living abroad",
            "undisclosed" => "Prefer not to say",
            _ => "—",
        },
    }
}

pub fn role_name(lang: Lang, role: crate::domain::Role) -> &'static str {
    use crate::domain::Role;
    match lang {
        Lang::En => match role {
            Role::Citizen => "Citizen",
            Role::Moderator => "Moderator",
            Role::Analyst => "Analyst",
            Role::Admin => "Administrator",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Namespaces of translation keys: a string literal in the code or templates that
    /// looks like `namespace.some.key` must exist in the catalogue.
    const NAMESPACES: [&str; 22] = [
        "site",
        "nav",
        "footer",
        "breadcrumb",
        "home",
        "dates",
        "status",
        "consultation",
        "article",
        "notes",
        "clause",
        "error",
        "banner",
        "form",
        "register",
        "confirm",
        "sign_in",
        "reset",
        "account",
        "flash",
        "email",
        "admin",
    ];

    #[test]
    fn every_key_in_code_and_templates_exists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("src"), root.join("templates")];
        let mut checked = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                    files.push(entry.path());
                }
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for literal in text.split('"').skip(1).step_by(2) {
                let looks_like_key = literal.contains('.')
                    && literal.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_'
                    })
                    && NAMESPACES.contains(&literal.split('.').next().unwrap_or_default())
                    && !literal.ends_with('.')
                    && ![".html", ".txt", ".md", ".json"]
                        .iter()
                        .any(|ext| literal.ends_with(ext));
                if looks_like_key {
                    assert!(
                        english(literal).is_some(),
                        "{}: unknown key {literal:?}",
                        path.display()
                    );
                    checked += 1;
                }
            }
        }
        assert!(
            checked > 100,
            "found only {checked} keys: is the scan broken?"
        );
        for key in FLASH_KEYS {
            assert!(english(key).is_some(), "flash key {key}");
        }
    }

    #[test]
    fn formats_a_value() {
        assert_eq!(tf(Lang::En, "consultation.version", 3), "Version 3");
    }
}
