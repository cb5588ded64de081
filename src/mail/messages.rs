//! The messages Kenes sends, with a plain-text and an HTML part, every string through
//! the translation layer.

use askama::Template;

use crate::i18n::{self, Lang};
use crate::models::outbox::NewMail;

#[derive(Template)]
#[template(path = "email/message.txt")]
struct TextPart<'a> {
    greeting: &'a str,
    paragraphs: &'a [String],
    action: Option<(&'a str, &'a str)>,
    footer: &'a str,
}

#[derive(Template)]
#[template(path = "email/message.html")]
struct HtmlPart<'a> {
    lang: &'a str,
    subject: &'a str,
    greeting: &'a str,
    paragraphs: &'a [String],
    action: Option<(&'a str, &'a str)>,
    footer: &'a str,
}

fn compose(
    lang: Lang,
    to: &str,
    subject_key: &'static str,
    name: &str,
    paragraphs: Vec<String>,
    action: Option<(&'static str, String)>,
) -> NewMail {
    let subject = i18n::t(lang, subject_key);
    let greeting = if name.is_empty() {
        i18n::t(lang, "email.greeting_anonymous").to_owned()
    } else {
        i18n::tf(lang, "email.greeting", name)
    };
    let footer = i18n::t(lang, "email.footer");
    let action = action.map(|(label, url)| (i18n::t(lang, label), url));
    let action_ref = action.as_ref().map(|(label, url)| (*label, url.as_str()));
    let text = TextPart {
        greeting: &greeting,
        paragraphs: &paragraphs,
        action: action_ref,
        footer,
    }
    .render()
    .unwrap_or_default();
    let html = HtmlPart {
        lang: lang.code(),
        subject,
        greeting: &greeting,
        paragraphs: &paragraphs,
        action: action_ref,
        footer,
    }
    .render()
    .unwrap_or_default();
    NewMail {
        to: to.to_owned(),
        subject: subject.to_owned(),
        text,
        html,
    }
}

pub fn confirm_email(lang: Lang, to: &str, name: &str, link: String) -> NewMail {
    compose(
        lang,
        to,
        "email.confirm.subject",
        name,
        vec![
            i18n::t(lang, "email.confirm.body").to_owned(),
            i18n::t(lang, "email.confirm.expiry").to_owned(),
            i18n::t(lang, "email.not_you").to_owned(),
        ],
        Some(("email.confirm.action", link)),
    )
}

pub fn already_registered(
    lang: Lang,
    to: &str,
    name: &str,
    sign_in: String,
    reset: String,
) -> NewMail {
    compose(
        lang,
        to,
        "email.already.subject",
        name,
        vec![
            i18n::t(lang, "email.already.body").to_owned(),
            i18n::tf(lang, "email.already.reset", reset),
            i18n::t(lang, "email.not_you").to_owned(),
        ],
        Some(("email.already.action", sign_in)),
    )
}

pub fn reset_password(lang: Lang, to: &str, name: &str, link: String) -> NewMail {
    compose(
        lang,
        to,
        "email.reset.subject",
        name,
        vec![
            i18n::t(lang, "email.reset.body").to_owned(),
            i18n::t(lang, "email.reset.expiry").to_owned(),
            i18n::t(lang, "email.not_you").to_owned(),
        ],
        Some(("email.reset.action", link)),
    )
}

pub fn password_changed(lang: Lang, to: &str, name: &str, reset: String) -> NewMail {
    compose(
        lang,
        to,
        "email.changed.subject",
        name,
        vec![
            i18n::t(lang, "email.changed.body").to_owned(),
            i18n::tf(lang, "email.changed.not_you", reset),
        ],
        None,
    )
}

pub fn suggestion_receipt(lang: Lang, to: &str, name: &str, number: &str, link: String) -> NewMail {
    compose(
        lang,
        to,
        "email.receipt.subject",
        name,
        vec![
            i18n::tf(lang, "email.receipt.body", number),
            i18n::t(lang, "email.receipt.follow").to_owned(),
        ],
        Some(("email.receipt.action", link)),
    )
}

/// To the author of a suggestion merged into another one.
pub fn merged_into(
    lang: Lang,
    to: &str,
    name: &str,
    number: &str,
    canonical: &str,
    link: String,
) -> NewMail {
    compose(
        lang,
        to,
        "email.merged.subject",
        name,
        vec![
            i18n::tf(lang, "email.merged.body", number),
            i18n::tf(lang, "email.merged.canonical", canonical),
        ],
        Some(("email.merged.action", link)),
    )
}

/// To the author: the official response to their suggestion.
pub fn official_response(
    lang: Lang,
    to: &str,
    name: &str,
    number: &str,
    outcome_key: &'static str,
    response: &str,
    link: String,
) -> NewMail {
    compose(
        lang,
        to,
        "email.response.subject",
        name,
        vec![
            i18n::tf(lang, "email.response.body", number),
            i18n::t(lang, outcome_key).to_owned(),
            response.to_owned(),
        ],
        Some(("email.receipt.action", link)),
    )
}

/// To a moderator who asked for it: the backlog by status.
pub fn daily_summary(
    lang: Lang,
    to: &str,
    name: &str,
    backlog: &[(String, i64)],
    oldest_pending: Option<chrono::NaiveDateTime>,
    link: String,
) -> NewMail {
    let mut paragraphs = vec![i18n::t(lang, "email.summary.body").to_owned()];
    for (status, count) in backlog {
        let label = status
            .parse::<crate::domain::SuggestionStatus>()
            .map_or(status.as_str(), |s| {
                i18n::t(lang, crate::views::suggestion::status_key(s))
            });
        paragraphs.push(format!("{label}: {count}"));
    }
    if let Some(oldest) = oldest_pending {
        paragraphs.push(i18n::tf(
            lang,
            "email.summary.oldest",
            i18n::datetime(lang, oldest),
        ));
    }
    compose(
        lang,
        to,
        "email.summary.subject",
        name,
        paragraphs,
        Some(("email.summary.action", link)),
    )
}
