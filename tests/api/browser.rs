//! End-to-end journeys in Debian's Chromium, headless, driven over WebDriver
//! (chromedriver). Screenshots land in `target/tmp/screenshots/`.
//!
//! Without Chromium and chromedriver these tests say loudly that they were skipped;
//! with `CI=true` they fail (`.ci/run` installs both).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};

use crate::helpers::{in_ci, TestApp, US_TEXT};
use crate::on_both_backends;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

on_both_backends!(
    reader_follows_a_clause_from_the_home_page,
    citizen_registers_confirms_and_signs_in,
    citizen_suggests_and_supports_with_and_without_javascript,
    moderator_triages_five_suggestions_with_the_keyboard,
    analyst_downloads_the_suggestions_export,
    citizen_switches_to_kazakh_with_the_switcher,
    citizen_reads_kazakh_and_russian_side_by_side_and_suggests_in_russian,
);

/// A headless Chromium session and the chromedriver behind it (killed on drop).
pub struct Browser {
    pub client: Client,
    _driver: tokio::process::Child,
    _profile: PathBuf,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

impl Browser {
    /// `None` when Chromium is not installed (outside CI).
    pub async fn start() -> Option<Self> {
        Self::start_with(true).await
    }

    /// A browser with JavaScript on or off.
    pub async fn start_with(javascript: bool) -> Option<Self> {
        if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
            assert!(
                !in_ci(),
                "CI=true but {CHROMIUM} or {CHROMEDRIVER} is missing"
            );
            let _ = writeln!(
                std::io::stderr(),
                "*** SKIPPED (browser): {CHROMIUM} or {CHROMEDRIVER} not found; \
                 apt-get install chromium chromium-driver. With CI=true this fails. ***"
            );
            return None;
        }
        let port = free_port();
        let driver = tokio::process::Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("start chromedriver");
        let profile =
            std::env::temp_dir().join(format!("kenes-chromium-{}", uuid::Uuid::new_v4().simple()));
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": CHROMIUM,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                    "--lang=en-US",
                    format!("--user-data-dir={}", profile.display()),
                ],
                "prefs": {
                    "intl.accept_languages": "en-US,en",
                    "profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 },
                    "download.default_directory": profile.join("downloads").display().to_string(),
                    "download.prompt_for_download": false,
                }
            }),
        );
        let webdriver = format!("http://127.0.0.1:{port}");
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let mut last_error = String::new();
        for _ in 0..50 {
            match ClientBuilder::new(connector.clone())
                .capabilities(capabilities.clone())
                .connect(&webdriver)
                .await
            {
                Ok(client) => {
                    return Some(Self {
                        client,
                        _driver: driver,
                        _profile: profile,
                    })
                }
                Err(error) => last_error = error.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        panic!("chromedriver did not start a session: {last_error}");
    }

    pub async fn screenshot(&self, name: &str) {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot dir");
        let png = self.client.screenshot().await.expect("screenshot");
        std::fs::write(dir.join(format!("{name}.png")), png).expect("write screenshot");
    }

    pub async fn fill(&self, css: &str, value: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no field {css}: {e}"))
            .send_keys(value)
            .await
            .expect("type");
    }

    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("nothing to click at {css}: {e}"))
            .click()
            .await
            .expect("click");
    }

    /// Wait (up to 5 s) until the browser is at `expected`.
    pub async fn wait_for_path(&self, expected: &str) {
        for _ in 0..100 {
            if self.path().await == expected {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let body = self.text_of("main").await;
        panic!(
            "still at {} instead of {expected}: {body}",
            self.path().await
        );
    }

    pub async fn path(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("url")
            .path()
            .to_owned()
    }

    pub async fn click_link(&self, text: &str) {
        self.client
            .find(Locator::LinkText(text))
            .await
            .unwrap_or_else(|e| panic!("no link {text:?}: {e}"))
            .click()
            .await
            .expect("click");
    }

    /// The text of the element at `css`, waiting (up to 5 s) for it to appear: after a
    /// click that submits a form, the next page may not have loaded yet.
    pub async fn text_of(&self, css: &str) -> String {
        let mut last_error = String::new();
        for _ in 0..100 {
            match self.client.find(Locator::Css(css)).await {
                Ok(element) => return element.text().await.expect("text"),
                Err(error) => last_error = error.to_string(),
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no element {css}: {last_error}");
    }

    /// Wait (up to 5 s) until the element at `css` says `expected`.
    pub async fn wait_for_text(&self, css: &str, expected: &str) {
        let mut seen = String::new();
        for _ in 0..100 {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                seen = element.text().await.unwrap_or_default();
                if seen == expected {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{css} says {seen:?}, not {expected:?}");
    }

    /// Whether the page fits the window without horizontal scrolling.
    pub async fn fits_width(&self) -> bool {
        let fits = self
            .client
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth;",
                vec![],
            )
            .await
            .expect("script");
        fits.as_bool().unwrap_or(false)
    }

    /// Where this browser saves downloads.
    pub fn downloads(&self) -> PathBuf {
        self._profile.join("downloads")
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
        let _ = std::fs::remove_dir_all(&self._profile);
    }
}

async fn reader_follows_a_clause_from_the_home_page(app: TestApp) {
    let Some(browser) = Browser::start().await else {
        return;
    };
    app.import("us-constitution", "constitution-us.txt", US_TEXT, true)
        .await;
    let backend = if app.db.url.starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    };

    browser
        .client
        .goto(&format!("{}/", app.address))
        .await
        .expect("home");
    assert_eq!(browser.text_of("h1").await, "Public consultations");
    browser
        .screenshot(&format!("reading-{backend}-1-home"))
        .await;

    browser
        .client
        .find(Locator::Css(".cards h2 a"))
        .await
        .expect("consultation link")
        .click()
        .await
        .expect("click");
    assert_eq!(browser.path().await, "/en/consultations/us-constitution");
    browser
        .screenshot(&format!("reading-{backend}-2-contents"))
        .await;

    browser.click_link("ARTICLE I").await;
    assert_eq!(
        browser.path().await,
        "/en/consultations/us-constitution/articles/I"
    );
    assert_eq!(browser.text_of("h1").await, "ARTICLE I");
    browser
        .screenshot(&format!("reading-{backend}-3-article"))
        .await;

    // Follow the permalink of clause I.8 (the powers of Congress).
    browser
        .client
        .find(Locator::Css("#clause-8 .clause-ref a"))
        .await
        .expect("permalink")
        .click()
        .await
        .expect("click permalink");
    assert_eq!(
        browser.path().await,
        "/en/consultations/us-constitution/clauses/I.8"
    );
    assert_eq!(browser.text_of("h1").await, "Clause I.8");
    assert!(browser
        .text_of(".clause-text")
        .await
        .contains("To lay and collect Taxes"));
    browser
        .screenshot(&format!("reading-{backend}-4-clause"))
        .await;

    // The skip link is the first thing the keyboard reaches.
    let first_focus = browser
        .client
        .execute(
            "document.body.focus(); return document.querySelector('a').className;",
            vec![],
        )
        .await
        .expect("script");
    assert_eq!(first_focus.as_str(), Some("skip-link"));

    // Readable on a small phone: nothing overflows at 320 px.
    browser
        .client
        .set_window_size(320, 800)
        .await
        .expect("resize");
    browser.click_link("Read it in the whole article").await;
    assert!(
        browser.fits_width().await,
        "article page scrolls sideways at 320 px"
    );
    browser
        .screenshot(&format!("reading-{backend}-5-article-320px"))
        .await;
    browser.close().await;
}

async fn citizen_registers_confirms_and_signs_in(app: TestApp) {
    let Some(browser) = Browser::start().await else {
        return;
    };
    let backend = if app.db.url.starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    };
    browser
        .client
        .goto(&format!("{}/", app.address))
        .await
        .expect("home");
    browser.click_link("Register").await;
    assert_eq!(browser.path().await, "/en/register");

    // A first try with a common password: the form comes back with the text kept.
    browser.fill("#email", "asel@example.kz").await;
    browser.fill("#display_name", "Әсел Нұрланқызы").await;
    browser.fill("#password", "password123").await;
    browser.click("#terms").await;
    browser
        .click("form[action='/en/register'] button[type=submit]")
        .await;
    assert!(browser
        .text_of("#password-error")
        .await
        .contains("too common"));
    let kept = browser
        .client
        .find(Locator::Css("#display_name"))
        .await
        .expect("name field")
        .prop("value")
        .await
        .expect("value");
    assert_eq!(kept.as_deref(), Some("Әсел Нұрланқызы"));
    browser
        .screenshot(&format!("account-{backend}-1-register-error"))
        .await;

    browser
        .fill("#password", "steppe wind over the river")
        .await;
    browser
        .click("form[action='/en/register'] button[type=submit]")
        .await;
    browser.wait_for_path("/en/register/sent").await;
    browser
        .screenshot(&format!("account-{backend}-2-check-email"))
        .await;

    // The link from the email, delivered over SMTP, confirms the address.
    let mail = app.mail.wait_for("asel@example.kz", 1).await;
    let link = mail.link("/confirm?token=").expect("link");
    let path = link.trim_start_matches("http://kenes.test");
    browser
        .client
        .goto(&format!("{}{path}", app.address))
        .await
        .expect("confirm");
    assert_eq!(
        browser.text_of("h1").await,
        "Your email address is confirmed"
    );

    browser.click_link("Sign in").await;
    browser.fill("#email", "asel@example.kz").await;
    browser
        .fill("#password", "steppe wind over the river")
        .await;
    browser
        .click("form[action='/en/sign-in'] button[type=submit]")
        .await;
    browser.wait_for_path("/en/").await;
    browser.wait_for_text(".flash", "You are signed in.").await;
    assert!(browser
        .text_of(".site-header")
        .await
        .contains("Әсел Нұрланқызы"));
    browser
        .screenshot(&format!("account-{backend}-3-signed-in"))
        .await;

    browser
        .click(".site-header form[action='/en/sign-out'] button")
        .await;
    browser.wait_for_text(".flash", "You are signed out.").await;
    browser.close().await;
}

async fn sign_in_browser(browser: &Browser, app: &TestApp, email: &str) {
    browser
        .client
        .goto(&format!("{}/sign-in", app.address))
        .await
        .expect("sign-in page");
    browser.fill("#email", email).await;
    browser.fill("#password", "correct horse battery").await;
    browser
        .click("form[action='/en/sign-in'] button[type=submit]")
        .await;
    browser.wait_for_text(".flash", "You are signed in.").await;
}

async fn citizen_suggests_and_supports_with_and_without_javascript(app: TestApp) {
    use kenes::domain::Role;
    let Some(browser) = Browser::start().await else {
        return;
    };
    let backend = if app.db.url.starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    };
    app.import("us", "constitution-us.txt", US_TEXT, true).await;
    app.query(|conn| {
        use diesel::prelude::*;
        diesel::update(kenes::schema::consultations::table)
            .set(kenes::schema::consultations::moderation_mode.eq("post"))
            .execute(conn)
            .unwrap()
    })
    .await;
    app.create_user(
        "amina@example.kz",
        "Амина",
        "correct horse battery",
        Role::Citizen,
    )
    .await;
    app.create_user(
        "timur@example.kz",
        "Тимур",
        "correct horse battery",
        Role::Citizen,
    )
    .await;
    // Someone else's suggestion to support.
    let (other, _) = app.citizen("Other").await;
    let form = other.get("/consultations/us/clauses/I.8/suggest").await;
    let page = other
        .post_raw(
            "/consultations/us/clauses/I.8/suggest",
            &[
                ("kind", "comment"),
                (
                    "body",
                    "Taxes should be explained to citizens in plain language.",
                ),
                ("similar_seen", "yes"),
                (
                    "idempotency_key",
                    &form.input_value("idempotency_key").unwrap(),
                ),
                ("csrf_token", &form.input_value("csrf_token").unwrap()),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    let number = page
        .location()
        .trim_start_matches("/receipt/")
        .trim_end_matches("?new=1")
        .to_owned();

    // Amina submits an amendment.
    sign_in_browser(&browser, &app, "amina@example.kz").await;
    browser
        .client
        .goto(&format!("{}/consultations/us/clauses/I.1", app.address))
        .await
        .expect("clause");
    browser.click_link("Suggest a change to this clause").await;
    browser
        .wait_for_path("/en/consultations/us/clauses/I.1/suggest")
        .await;
    browser.click("#kind-amend").await;
    browser
        .fill(
            "#proposed_text",
            "All legislative Powers hereby granted shall be vested in a Parliament.",
        )
        .await;
    browser
        .fill("#body", "Parliament is the word people use today.")
        .await;
    browser
        .screenshot(&format!("suggest-{backend}-1-form"))
        .await;
    browser.click("form.suggest-form button[type=submit]").await;
    browser
        .wait_for_text(
            ".flash",
            "Thank you. Your suggestion is received; we have emailed you this receipt.",
        )
        .await;
    let receipt = browser.text_of(".tracking-number").await;
    assert!(
        kenes::domain::TrackingNumber::parse(&receipt).is_some(),
        "{receipt}"
    );
    assert!(browser.path().await.starts_with("/en/receipt/KZ-"));
    browser
        .screenshot(&format!("suggest-{backend}-2-receipt"))
        .await;

    // With JavaScript: support in place, no page load.
    browser
        .client
        .goto(&format!("{}/consultations/us/clauses/I.8", app.address))
        .await
        .expect("clause");
    let button = format!("#s-{number} button.upvote");
    browser.click(&button).await;
    browser
        .wait_for_text(&format!("#s-{number} .upvote-count"), "1 supporter")
        .await;
    let pressed = browser
        .client
        .find(Locator::Css(&button))
        .await
        .expect("button")
        .attr("aria-pressed")
        .await
        .expect("attr");
    assert_eq!(pressed.as_deref(), Some("true"));
    assert_eq!(
        browser.path().await,
        "/en/consultations/us/clauses/I.8",
        "no navigation"
    );
    let url = browser.client.current_url().await.expect("url");
    assert_eq!(url.fragment(), None, "updated in place by the script");
    browser
        .screenshot(&format!("suggest-{backend}-3-supported"))
        .await;
    browser.close().await;

    // Without JavaScript: the same button is a form that posts and comes back.
    let Some(plain) = Browser::start_with(false).await else {
        return;
    };
    sign_in_browser(&plain, &app, "timur@example.kz").await;
    plain
        .client
        .goto(&format!("{}/consultations/us/clauses/I.8", app.address))
        .await
        .expect("clause");
    plain.click(&button).await;
    plain
        .wait_for_text(&format!("#s-{number} .upvote-count"), "2 supporters")
        .await;
    assert_eq!(plain.path().await, "/en/consultations/us/clauses/I.8");
    // The form posted and the redirect came back to the suggestion: no script ran.
    let url = plain.client.current_url().await.expect("url");
    assert_eq!(url.fragment(), Some(format!("s-{number}").as_str()));
    plain.close().await;
    let count: i32 = app
        .query(|conn| {
            use diesel::prelude::*;
            kenes::schema::suggestions::table
                .filter(kenes::schema::suggestions::kind.eq("comment"))
                .select(kenes::schema::suggestions::upvotes)
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(count, 2);
}

/// The number of the row the keyboard is on, once the queue has (re)loaded.
async fn current_row(browser: &Browser) -> String {
    for _ in 0..100 {
        let value = browser
            .client
            .execute(
                "var r = document.querySelector('tr.queue-row.current'); \
                 return r && document.readyState === 'complete' ? r.dataset.number : null;",
                vec![],
            )
            .await
            .expect("script");
        if let Some(number) = value.as_str() {
            return number.to_owned();
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no current row in the queue");
}

async fn press(browser: &Browser, key: &str) {
    browser
        .client
        .find(Locator::Css("tr.queue-row.current"))
        .await
        .expect("current row")
        .send_keys(key)
        .await
        .expect("key");
}

/// Wait until the queue shows `number` as the current row (after a decision reloads it).
async fn wait_for_row(browser: &Browser, number: &str) {
    for _ in 0..100 {
        if current_row(browser).await == number {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the queue did not move on to {number}");
}

async fn moderator_triages_five_suggestions_with_the_keyboard(app: TestApp) {
    use crate::fixtures::{status_of, suggestion as fixture};
    use kenes::domain::{Role, SuggestionStatus};
    let Some(browser) = Browser::start().await else {
        return;
    };
    app.import("us", "constitution-us.txt", US_TEXT, true).await;
    let (_, author) = app.citizen("Author").await;
    let mut n = Vec::new();
    for text in [
        "First: let the House meet in public.",
        "Second: buy cheap watches online today.",
        "Third: the House should meet in public.",
        "Fourth: a question for the legal department.",
        "Fifth: define the word Congress.",
    ] {
        n.push(fixture(&app, author, "I.1", text, SuggestionStatus::Pending).await);
    }
    let email = format!("{}@gov.kz", uuid::Uuid::new_v4().simple());
    let moderator_id = app
        .create_user(
            &email,
            "Keyboard Moderator",
            "correct horse battery",
            Role::Moderator,
        )
        .await;
    sign_in_browser(&browser, &app, &email).await;
    browser
        .client
        .goto(&format!("{}/moderation", app.address))
        .await
        .expect("queue");
    assert_eq!(current_row(&browser).await, n[0]);
    // p publishes the first.
    press(&browser, "p").await;
    wait_for_row(&browser, &n[1]).await;
    assert_eq!(status_of(&app, &n[0]).await, "published");
    // r rejects, asking for the reason.
    press(&browser, "r").await;
    browser
        .client
        .send_alert_text("spam")
        .await
        .expect("prompt");
    browser.client.accept_alert().await.expect("accept");
    wait_for_row(&browser, &n[2]).await;
    assert_eq!(status_of(&app, &n[1]).await, "rejected");
    // d marks the third a duplicate of the first.
    press(&browser, "d").await;
    browser.client.send_alert_text(&n[0]).await.expect("prompt");
    browser.client.accept_alert().await.expect("accept");
    wait_for_row(&browser, &n[3]).await;
    assert_eq!(status_of(&app, &n[2]).await, "duplicate");
    // a assigns the fourth to me; it stays in the queue.
    press(&browser, "a").await;
    for _ in 0..100 {
        let assigned: Option<i64> = {
            let number = n[3].clone();
            app.query(move |conn| {
                use diesel::prelude::*;
                use kenes::schema::suggestions;
                suggestions::table
                    .filter(suggestions::tracking_number.eq(number))
                    .select(suggestions::assignee_id)
                    .first(conn)
                    .unwrap()
            })
            .await
        };
        if assigned == Some(moderator_id) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    wait_for_row(&browser, &n[3]).await;
    // j moves to the fifth; p publishes it.
    press(&browser, "j").await;
    assert_eq!(current_row(&browser).await, n[4]);
    press(&browser, "p").await;
    wait_for_row(&browser, &n[3]).await;
    assert_eq!(status_of(&app, &n[4]).await, "published");
    assert_eq!(status_of(&app, &n[3]).await, "pending");
    // ? lists the keys; o opens the suggestion.
    press(&browser, "?").await;
    let open = browser
        .client
        .execute(
            "return document.getElementById('triage-help').open;",
            vec![],
        )
        .await
        .expect("script");
    assert_eq!(open.as_bool(), Some(true));
    browser.screenshot("moderation-keys").await;
    browser
        .client
        .execute("document.getElementById('triage-help').close();", vec![])
        .await
        .expect("close");
    press(&browser, "o").await;
    browser
        .wait_for_path(&format!("/en/moderation/suggestions/{}", n[3]))
        .await;
    browser.screenshot("moderation-review").await;
    browser.close().await;
}

async fn analyst_downloads_the_suggestions_export(app: TestApp) {
    use crate::fixtures::suggestion as fixture;
    use kenes::domain::{Role, SuggestionStatus};
    let Some(browser) = Browser::start().await else {
        return;
    };
    app.import("us", "constitution-us.txt", US_TEXT, true).await;
    let (_, author) = app.citizen("Author").await;
    for text in [
        "Қазақ тілі туралы ұсыныс",
        "=1+1 should stay text",
        "A third, in English",
    ] {
        fixture(&app, author, "I.1", text, SuggestionStatus::Published).await;
    }
    let email = format!("{}@gov.kz", uuid::Uuid::new_v4().simple());
    app.create_user(
        &email,
        "Browser Analyst",
        "correct horse battery",
        Role::Analyst,
    )
    .await;
    sign_in_browser(&browser, &app, &email).await;
    browser
        .client
        .goto(&format!("{}/analytics", app.address))
        .await
        .expect("analytics");
    browser.screenshot("analytics").await;
    browser
        .click("form[action='/analytics/export'] button[type=submit]")
        .await;
    // The file lands in the download folder once complete.
    let mut found = None;
    for _ in 0..200 {
        if let Ok(entries) = std::fs::read_dir(browser.downloads()) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with("kenes-suggestions-all-") && name.ends_with(".csv") {
                    found = Some(entry.path());
                }
            }
        }
        if found.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let path = found.expect("the export was downloaded");
    let bytes = std::fs::read(&path).expect("read download");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let bodies: Vec<String> = reader
        .records()
        .map(|r| r.expect("valid CSV")[8].to_owned())
        .collect();
    assert_eq!(
        bodies,
        vec![
            "Қазақ тілі туралы ұсыныс",
            "'=1+1 should stay text",
            "A third, in English"
        ]
    );
    // The page now lists the download with its SHA-256.
    browser
        .client
        .goto(&format!("{}/analytics", app.address))
        .await
        .expect("analytics");
    let hash = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes));
    assert_eq!(browser.text_of("code.sha").await, hash);
    browser.close().await;
}

/// The language switcher is a plain link: the same page comes back in Kazakh, and the
/// choice is remembered for the next unprefixed address.
async fn citizen_switches_to_kazakh_with_the_switcher(app: TestApp) {
    let Some(browser) = Browser::start().await else {
        return;
    };
    app.import("us", "constitution-us.txt", US_TEXT, true).await;
    browser
        .client
        .goto(&format!("{}/consultations/us", app.address))
        .await
        .expect("contents");
    assert_eq!(browser.path().await, "/en/consultations/us");
    browser.click_link("Қазақша").await;
    browser.wait_for_path("/kk/consultations/us").await;
    let html = browser
        .client
        .find(Locator::Css("html"))
        .await
        .expect("html");
    assert_eq!(
        html.attr("lang").await.expect("lang").as_deref(),
        Some("kk")
    );
    let source = browser.client.source().await.expect("source");
    assert!(source.contains(kenes::i18n::t(
        kenes::i18n::Lang::Kk,
        "consultation.contents"
    )));
    assert!(source.contains(r#"href="/kk/consultations/us/articles/"#));
    browser
        .client
        .goto(&format!("{}/", app.address))
        .await
        .expect("home");
    browser.wait_for_path("/kk/").await;
    assert_eq!(
        browser.text_of("h1").await,
        kenes::i18n::t(kenes::i18n::Lang::Kk, "home.title")
    );
}

/// Whether the element at `css` is on the page and shown.
async fn shown(browser: &Browser, css: &str) -> bool {
    match browser.client.find(Locator::Css(css)).await {
        Ok(element) => element.is_displayed().await.unwrap_or(false),
        Err(_) => false,
    }
}

async fn citizen_reads_kazakh_and_russian_side_by_side_and_suggests_in_russian(app: TestApp) {
    use kenes::i18n::{t, Lang};
    let Some(browser) = Browser::start().await else {
        return;
    };
    let backend = if app.db.url.starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    };
    app.query(|conn| kenes::demo::install(conn).expect("demo"))
        .await;
    app.create_user(
        "aliya@example.kz",
        "Әлия",
        "correct horse battery",
        kenes::domain::Role::Citizen,
    )
    .await;
    sign_in_browser(&browser, &app, "aliya@example.kz").await;

    // The clause, then the interface in Kazakh with the site's switcher.
    browser
        .client
        .goto(&format!("{}/consultations/udhr/clauses/1.1", app.address))
        .await
        .expect("clause");
    browser
        .wait_for_path("/en/consultations/udhr/clauses/1.1")
        .await;
    browser
        .click(".site-header nav.languages a[hreflang='kk']")
        .await;
    browser
        .wait_for_path("/kk/consultations/udhr/clauses/1.1")
        .await;
    let html = browser
        .client
        .find(Locator::Css("html"))
        .await
        .expect("html");
    assert_eq!(
        html.attr("lang").await.expect("lang").as_deref(),
        Some("kk")
    );
    let kazakh = "Барлық адамдар тумысынан азат";
    let russian = "Все люди рождаются свободными";
    assert!(browser
        .text_of(".clause-text[lang='kk']")
        .await
        .contains(kazakh));
    assert!(!shown(&browser, ".clause-text[lang='ru']").await);

    // Side by side with the Russian text, with the text switcher's link.
    browser
        .click(".text-switch p:nth-of-type(2) a[hreflang='ru']")
        .await;
    for _ in 0..100 {
        if shown(&browser, ".text-column[lang='ru']").await {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(shown(&browser, ".text-columns .text-column[lang='kk']").await);
    assert!(shown(&browser, ".text-columns .text-column[lang='ru']").await);
    let left = browser.text_of(".text-column[lang='kk']").await;
    let right = browser.text_of(".text-column[lang='ru']").await;
    assert!(left.contains(kazakh), "{left}");
    assert!(
        left.contains(t(Lang::Kk, "languages.authoritative.short")),
        "the Kazakh text is labelled authoritative: {left}"
    );
    assert!(right.contains(russian), "{right}");
    assert!(!right.contains(kazakh));
    assert_eq!(
        browser
            .text_of(".text-switch p:nth-of-type(2) strong[aria-current]")
            .await,
        "Русский"
    );
    browser
        .screenshot(&format!("side-by-side-{backend}-1-clause"))
        .await;

    // An amendment written in Russian, from the clause's suggestion link.
    browser.click_link(t(Lang::Kk, "suggestions.suggest")).await;
    browser
        .wait_for_path("/kk/consultations/udhr/clauses/1.1/suggest")
        .await;
    let select = browser
        .client
        .find(Locator::Css("#lang"))
        .await
        .expect("language select");
    let chosen = select
        .find(Locator::Css("option:checked"))
        .await
        .expect("selected");
    assert_eq!(
        chosen.attr("value").await.expect("value").as_deref(),
        Some("kk")
    );
    select.select_by_value("ru").await.expect("choose Russian");
    browser.click("#kind-amend").await;
    let ru_text = "Все люди рождаются свободными и равными в своем достоинстве и правах.";
    browser
        .fill("#proposed_text", &ru_text.replace("свободными", "вольными"))
        .await;
    browser.fill("#body", "Так точнее передается смысл.").await;
    browser
        .screenshot(&format!("side-by-side-{backend}-2-form"))
        .await;
    browser.click("form.suggest-form button[type=submit]").await;
    browser
        .wait_for_text(".flash", t(Lang::Kk, "receipt.thanks"))
        .await;
    assert!(browser.path().await.starts_with("/kk/receipt/KZ-"));

    // The receipt shows it in Russian, compared with the Russian text.
    assert!(shown(&browser, ".suggestion-body[lang='ru']").await);
    assert_eq!(
        browser.text_of(".suggestion-body[lang='ru']").await,
        "Так точнее передается смысл."
    );
    assert!(shown(&browser, ".diff[lang='ru']").await);
    let removed = browser.text_of(".diff[lang='ru'] del").await;
    let added = browser.text_of(".diff[lang='ru'] ins").await;
    assert!(removed.contains("свободными"), "{removed}");
    assert!(added.contains("вольными"), "{added}");
    let diff = browser.text_of(".diff[lang='ru']").await;
    assert!(
        diff.contains("Все люди рождаются") && diff.contains("в своем достоинстве и правах."),
        "against the Russian text: {diff}"
    );
    assert!(!diff.contains("адамдар"), "{diff}");
    browser
        .screenshot(&format!("side-by-side-{backend}-3-receipt"))
        .await;
    browser.close().await;
}
