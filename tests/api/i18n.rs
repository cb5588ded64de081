//! Kazakh, Russian and English: every page in each language, the addresses per
//! language and the redirects of a first visit (no JavaScript), the remembered and the
//! saved choice, errors and mail in the person's language.

use diesel::prelude::*;
use kenes::domain::{Role, SuggestionStatus};
use kenes::i18n::{self, Lang};
use kenes::schema::users;

use crate::fixtures::suggestion as fixture;
use crate::helpers::{TestApp, Visitor, US_TEXT};
use crate::on_both_backends;

on_both_backends!(
    every_page_reads_in_kazakh_and_russian,
    a_first_visit_is_sent_to_a_language,
    the_choice_is_remembered_and_saved_in_the_account,
    errors_and_mail_are_in_the_persons_language,
    every_email_goes_out_in_the_recipients_saved_language,
);

/// The visible text nodes of a page.
fn text_nodes(html: &str) -> Vec<String> {
    let body = html.split("<body").nth(1).unwrap_or(html);
    body.split('<')
        .filter_map(|piece| piece.split_once('>').map(|(_, text)| text.trim()))
        .filter(|text| !text.is_empty())
        .map(|text| text.replace("&#x27;", "'").replace("&amp;", "&"))
        .collect()
}

/// What would betray a missing translation on a page in `lang`.
fn check_page(path: &str, lang: Lang, html: &str) {
    assert!(
        html.contains(&format!(r#"<html lang="{}">"#, lang.code())),
        "{path}: lang attribute"
    );
    assert!(
        !html.contains("{ $") && !html.contains("{$"),
        "{path}: a placeholder shows"
    );
    let nodes = text_nodes(html);
    let ids = i18n::message_ids();
    for node in &nodes {
        // A key of the code (`error.not_found.title`) or a Fluent id shown as text.
        let is_key = !node.contains(' ') && ids.contains(&i18n::fluent_id(node).as_str());
        assert!(!is_key, "{path} ({}): key {node:?} shows", lang.code());
    }
    for id in ids.iter().copied() {
        let Some(english) = i18n::plain(Lang::En, id) else {
            continue;
        };
        if i18n::plain(lang, id) == Some(english) || english.len() < 4 {
            continue; // the same in both: a name (Kenes, English), a code
        }
        assert!(
            !nodes.iter().any(|n| n == english || n == id),
            "{path} ({}): untranslated {id:?}: {english:?}",
            lang.code()
        );
    }
}

async fn get_in(visitor: &Visitor, lang: Lang, path: &str) -> crate::helpers::Page {
    visitor.get(&kenes::urls::in_lang(lang, path)).await
}

async fn every_page_reads_in_kazakh_and_russian(app: TestApp) {
    app.import("us", "constitution-us.txt", US_TEXT, true).await;
    let (citizen, author) = app.citizen("Aigerim").await;
    let number = fixture(
        &app,
        author,
        "I.1",
        "A suggestion long enough to be shown on every page that lists it.",
        SuggestionStatus::Published,
    )
    .await;
    let moderator = app.signed_in_as(Role::Moderator).await;
    let analyst = app.signed_in_as(Role::Analyst).await;
    let admin = app.signed_in_as(Role::Admin).await;
    let anonymous = app.visitor();
    let suggest = "/consultations/us/clauses/I.1/suggest".to_owned();
    let receipt = format!("/receipt/{number}");
    let review = format!("/moderation/suggestions/{number}");
    let pages: Vec<(&Visitor, String, u16)> = vec![
        (&anonymous, "/".into(), 200),
        (&anonymous, "/consultations/us".into(), 200),
        (&anonymous, "/consultations/us/articles/I".into(), 200),
        (&anonymous, "/consultations/us/clauses/I.1".into(), 200),
        (&anonymous, "/register".into(), 200),
        (&anonymous, "/sign-in".into(), 200),
        (&anonymous, "/reset".into(), 200),
        (&anonymous, "/decisions".into(), 200),
        (&anonymous, "/open-data".into(), 200),
        (&anonymous, receipt.clone(), 200),
        (&anonymous, "/no/such/page".into(), 404),
        (&citizen, suggest, 200),
        (&citizen, "/account".into(), 200),
        (&citizen, "/account/suggestions".into(), 200),
        (&citizen, "/moderation".into(), 403),
        (&moderator, "/moderation".into(), 200),
        (&moderator, "/moderation/dashboard".into(), 200),
        (&moderator, "/moderation/log".into(), 200),
        (&moderator, "/moderation/templates".into(), 200),
        (&moderator, review, 200),
        (&analyst, "/analytics".into(), 200),
        (&analyst, "/analytics/statistics".into(), 200),
        (&analyst, "/analytics/dictionary".into(), 200),
        (&admin, "/admin".into(), 200),
        (&admin, "/admin/users".into(), 200),
        (&admin, "/admin/consultations".into(), 200),
        (&admin, "/admin/consultations/us".into(), 200),
    ];
    for lang in [Lang::Kk, Lang::Ru] {
        for (visitor, path, status) in &pages {
            let page = get_in(visitor, lang, path).await;
            assert_eq!(page.status, *status, "{} {path}", lang.code());
            check_page(path, lang, &page.body);
            // The page names itself in the other languages, and links in it keep the
            // language.
            for other in Lang::ALL {
                let href = kenes::urls::in_lang(other, path);
                assert!(
                    page.body
                        .contains(&format!(r#"hreflang="{}" href="{href}""#, other.code())),
                    "{path}: alternate {href}"
                );
            }
            assert!(page.body.contains(r#"hreflang="x-default""#));
            assert!(page
                .body
                .contains(&format!(r#"href="/{}/decisions""#, lang.code())));
        }
    }
    let home = get_in(&anonymous, Lang::Ru, "/").await;
    assert!(home.body.contains(">Қазақша<") && home.body.contains(">English<"));
}

async fn a_first_visit_is_sent_to_a_language(app: TestApp) {
    let raw = |headers: Vec<(&'static str, String)>| {
        let address = app.address.clone();
        async move {
            let client = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            let mut request = client.get(format!("{address}/consultations/us?version=1&x=%D0%B0"));
            for (name, value) in headers {
                request = request.header(name, value);
            }
            request.send().await.unwrap()
        }
    };
    let answer = raw(vec![]).await;
    assert_eq!(answer.status(), 303);
    assert_eq!(
        answer.headers()["location"],
        "/kk/consultations/us?version=1&x=%D0%B0",
        "the default, KENES_DEFAULT_LANG, keeps the path and the query"
    );
    assert_eq!(answer.headers()["vary"], "Accept-Language, Cookie");
    let answer = raw(vec![(
        "Accept-Language",
        "en;q=0.3, ru-RU;q=0.8, de".into(),
    )])
    .await;
    assert_eq!(
        answer.headers()["location"],
        "/ru/consultations/us?version=1&x=%D0%B0"
    );
    let answer = raw(vec![
        ("Accept-Language", "ru".into()),
        ("Cookie", "kenes_lang=en".into()),
    ])
    .await;
    assert_eq!(
        answer.headers()["location"],
        "/en/consultations/us?version=1&x=%D0%B0",
        "a remembered choice wins over the browser's languages"
    );
    // Static files, probes and open-data files have no prefix.
    for path in ["/healthz", "/open-data/suggestions.csv"] {
        let answer = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(format!("{}{path}", app.address))
            .send()
            .await
            .unwrap();
        assert_eq!(answer.status(), 200, "{path}");
    }
}

async fn the_choice_is_remembered_and_saved_in_the_account(app: TestApp) {
    let (citizen, id) = app.citizen("Saule").await;
    // The switcher is a link: following it shows the page in Russian and remembers it.
    let home = citizen.get("/en/").await;
    assert!(home
        .body
        .contains(r#"href="/ru/" hreflang="ru" lang="ru">Русский</a>"#));
    let russian = citizen.get("/ru/").await;
    assert!(russian.body.contains(r#"<html lang="ru">"#));
    assert!(russian.body.contains(i18n::t(Lang::Ru, "home.title")));
    let cookie = russian.header("set-cookie");
    assert!(cookie.contains("kenes_lang=ru"), "{cookie}");
    let saved: Option<String> = app
        .query(move |conn| {
            users::table
                .find(id)
                .select(users::lang)
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(saved.as_deref(), Some("ru"));
    // Signed in elsewhere, without the cookie: the saved choice decides.
    let (other, jar) = crate::helpers::session_for(&app, id).await;
    let _ = other;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar)
        .build()
        .unwrap();
    let answer = client
        .get(format!("{}/account", app.address))
        .header("Accept-Language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 303);
    assert_eq!(answer.headers()["location"], "/ru/account");
}

async fn errors_and_mail_are_in_the_persons_language(app: TestApp) {
    let visitor = app.visitor();
    let missing = visitor.get("/ru/no/such/page").await;
    assert_eq!(missing.status, 404);
    assert!(missing
        .body
        .contains(i18n::t(Lang::Ru, "error.not_found.title")));
    // Refused before any handler runs: the CSRF check.
    let refused = visitor
        .post_raw("/kk/sign-in", &[("email", "a@b.kz")])
        .await;
    assert_eq!(refused.status, 403);
    assert!(
        refused.body.contains(i18n::t(Lang::Kk, "error.csrf.title")),
        "{}",
        refused.body
    );
    assert!(refused.body.contains(r#"<html lang="kk">"#));

    // Registered on a Russian page: the confirmation is in Russian, its link too.
    let token = visitor.csrf_token("/ru/register").await;
    let page = visitor
        .post_raw(
            "/ru/register",
            &[
                ("email", "dana@example.kz"),
                ("display_name", "Dana"),
                ("password", "correct horse battery"),
                ("region", "astana"),
                ("terms", "yes"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location(), "/ru/register/sent");
    let mail = app.mail.wait_for("dana@example.kz", 1).await;
    assert!(mail
        .html()
        .contains(i18n::t(Lang::Ru, "email.confirm.subject")));
    assert!(mail.html().contains(r#"lang="ru""#));
    assert!(mail
        .text()
        .contains(i18n::t(Lang::Ru, "email.confirm.body")));
    assert!(mail
        .link("/confirm?token=")
        .unwrap()
        .contains("/ru/confirm?token="));
}

/// A mail's words that are not Kazakh or Russian: Latin-letter words, leaving out
/// links, tracking numbers and the site's name.
fn latin_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .filter(|w| !w.contains("http") && !w.contains("KZ-"))
        .flat_map(|w| w.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| w.len() > 1 && *w != "Kenes")
        .map(str::to_owned)
        .collect()
}

/// The mail is in `lang` through and through: subject, both parts, and `expected`
/// (whole sentences of the catalogue) in the text; no English word of the template.
fn assert_in_language(
    mail: &crate::smtp::ReceivedMail,
    lang: Lang,
    subject: &'static str,
    expected: &[String],
) {
    let (text, html) = (mail.text(), mail.html());
    assert_eq!(mail.subject(), i18n::t(lang, subject), "{}", mail.raw);
    assert!(
        html.contains(&format!(r#"<html lang="{}">"#, lang.code())),
        "{html}"
    );
    for sentence in expected
        .iter()
        .map(String::as_str)
        .chain([i18n::t(lang, "email.footer")])
    {
        assert!(text.contains(sentence), "{sentence:?} not in {text}");
    }
    assert_eq!(latin_words(&text), Vec::<String>::new(), "{text}");
    let visible: Vec<String> = text_nodes(&html)
        .into_iter()
        .filter(|n| !n.starts_with("http"))
        .collect();
    assert_eq!(
        latin_words(&visible.join(" ")),
        Vec::<String>::new(),
        "{html}"
    );
    // The English template shows nowhere.
    for id in i18n::message_ids()
        .into_iter()
        .filter(|id| id.starts_with("email-"))
    {
        if let Some(english) = i18n::plain(Lang::En, id) {
            assert!(!text.contains(english) && !html.contains(english), "{id}");
        }
    }
}

/// Set the language `id` chose (as following the switcher does).
async fn choose(app: &TestApp, id: i64, lang: Lang) {
    app.query(move |conn| {
        diesel::update(users::table.find(id))
            .set(users::lang.eq(lang.code()))
            .execute(conn)
            .unwrap()
    })
    .await;
}

async fn email_of(app: &TestApp, id: i64) -> String {
    app.query(move |conn| {
        users::table
            .find(id)
            .select(users::email)
            .first(conn)
            .unwrap()
    })
    .await
}

async fn every_email_goes_out_in_the_recipients_saved_language(app: TestApp) {
    app.import("us", "constitution-us.txt", US_TEXT, true).await;
    let moderator = app.signed_in_as(Role::Moderator).await;
    let anonymous = app.visitor();
    for (lang, name, outcome, outcome_key) in [
        (Lang::Kk, "Айгүл", "accepted", "email.response.accepted"),
        (
            Lang::Ru,
            "Павел",
            "not_accepted",
            "email.response.not_accepted",
        ),
    ] {
        let (citizen, id) = app.citizen(name).await;
        choose(&app, id, lang).await;
        let email = email_of(&app, id).await;
        let greeting = i18n::tf(lang, "email.greeting", name);

        // A password reset asked for on an English page: in the saved language.
        let page = anonymous
            .submit("/en/reset", "/en/reset", &[("email", &email)])
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
        let mail = app.mail.wait_for(&email, 1).await;
        assert_in_language(
            &mail,
            lang,
            "email.reset.subject",
            &[
                greeting.clone(),
                i18n::t(lang, "email.reset.body").to_owned(),
                i18n::t(lang, "email.reset.expiry").to_owned(),
                i18n::t(lang, "email.reset.action").to_owned(),
            ],
        );
        assert!(mail
            .link("/reset/confirm?token=")
            .unwrap()
            .contains(&format!("/{}/reset/confirm?token=", lang.code())));

        // The receipt of a suggestion made in the citizen's language.
        let form = format!("/{}/consultations/us/clauses/I.1/suggest", lang.code());
        let token = citizen.csrf_token(&form).await;
        let page = citizen
            .post_raw(
                &form,
                &[
                    ("kind", "comment"),
                    (
                        "body",
                        "Палата отырыстары ашық өтсін. Заседания палаты должны быть открытыми.",
                    ),
                    ("similar_seen", "yes"),
                    ("idempotency_key", &uuid::Uuid::new_v4().to_string()),
                    ("csrf_token", &token),
                ],
            )
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
        let number = page
            .location()
            .rsplit('/')
            .next()
            .unwrap()
            .trim_end_matches("?new=1")
            .to_owned();
        let mail = app.mail.wait_for(&email, 2).await;
        assert_in_language(
            &mail,
            lang,
            "email.receipt.subject",
            &[
                greeting.clone(),
                i18n::tf(lang, "email.receipt.body", number.as_str()),
                i18n::t(lang, "email.receipt.follow").to_owned(),
            ],
        );

        // The official response, decided by a moderator working in English.
        let review = format!("/en/moderation/suggestions/{number}");
        let decide = |fields: Vec<(&'static str, &'static str)>| {
            let (moderator, review) = (&moderator, review.clone());
            async move {
                let page = moderator
                    .submit(&review, &format!("{review}/decide"), &fields)
                    .await;
                assert_eq!(page.status, 303, "{}", page.body);
            }
        };
        decide(vec![("action", "publish")]).await;
        decide(vec![("action", "review")]).await;
        let response = "Комиссия ұсынысты қарады. Комиссия рассмотрела предложение.";
        decide(vec![
            ("action", "respond"),
            ("outcome", outcome),
            ("response", response),
        ])
        .await;
        let mail = app.mail.wait_for(&email, 3).await;
        assert_in_language(
            &mail,
            lang,
            "email.response.subject",
            &[
                greeting.clone(),
                i18n::tf(lang, "email.response.body", number.as_str()),
                i18n::t(lang, outcome_key).to_owned(),
                response.to_owned(),
            ],
        );

        // A merge of two of their suggestions.
        let kept = fixture(
            &app,
            id,
            "I.2",
            "Бірінші ұсыныс.",
            SuggestionStatus::Published,
        )
        .await;
        let merged = fixture(
            &app,
            id,
            "I.2",
            "Екінші ұсыныс.",
            SuggestionStatus::Published,
        )
        .await;
        let review = format!("/en/moderation/suggestions/{merged}");
        let page = moderator
            .submit(
                &review,
                &format!("{review}/decide"),
                &[("action", "merge"), ("canonical", &kept)],
            )
            .await;
        assert_eq!(page.status, 303, "{}", page.body);
        let mail = app.mail.wait_for(&email, 4).await;
        assert_in_language(
            &mail,
            lang,
            "email.merged.subject",
            &[
                greeting.clone(),
                i18n::tf(lang, "email.merged.body", merged.as_str()),
                i18n::tf(lang, "email.merged.canonical", kept.as_str()),
            ],
        );
    }

    // The moderators' daily summary, each in their own language.
    let mut summaries = Vec::new();
    for (lang, name) in [(Lang::Kk, "Модератор Әсел"), (Lang::Ru, "Модератор Ирина")]
    {
        let email = format!("summary-{}@example.kz", lang.code());
        let id = app
            .create_user(&email, name, "correct horse battery", Role::Moderator)
            .await;
        choose(&app, id, lang).await;
        app.query(move |conn| {
            diesel::update(users::table.find(id))
                .set(users::daily_summary.eq(true))
                .execute(conn)
                .unwrap()
        })
        .await;
        summaries.push((lang, name, email));
    }
    let pool = app.pool.clone();
    let sent = tokio::task::spawn_blocking(move || {
        kenes::housekeeping::send_daily_summaries(&pool, "http://kenes.test", Lang::En).unwrap()
    })
    .await
    .unwrap();
    assert_eq!(sent, 2);
    for (lang, name, email) in summaries {
        let mail = app.mail.wait_for(&email, 1).await;
        assert_in_language(
            &mail,
            lang,
            "email.summary.subject",
            &[
                i18n::tf(lang, "email.greeting", name),
                i18n::t(lang, "email.summary.body").to_owned(),
                format!("{}: 2", i18n::t(lang, "suggestion.status.published")),
                i18n::t(lang, "email.summary.action").to_owned(),
            ],
        );
        assert!(mail
            .link("/moderation/dashboard")
            .unwrap()
            .contains(&format!("/{}/moderation/dashboard", lang.code())));
    }
}
