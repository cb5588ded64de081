//! The anonymous page cache under a crowd (issue 16): when a cached page expires, 200
//! readers asking at once cause one rebuild, seen on `/metrics` both as the cache's
//! own count of builds and as the statements sent to the database.

use crate::helpers::{english_browser, spawn_app_with, Db, TestApp, US_TEXT};

const TOKEN: &str = "a-long-metrics-token-for-the-cache-test";
const TTL_SECS: u64 = 1;
/// A clause page with 600 suggestions: a build long enough for the crowd to overlap it.
const PAGE: &str = "/en/consultations/us/clauses/I.8";

/// A counter's value from `/metrics` (the first series whose line starts with `series`).
async fn counter(app: &TestApp, series: &str) -> u64 {
    let bearer = format!("Bearer {TOKEN}");
    let page = app
        .get_with("/metrics", &[("authorization", &bearer)])
        .await;
    assert_eq!(page.status, 200);
    page.body
        .lines()
        .find_map(|line| line.strip_prefix(series)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {series} in:\n{}", page.body))
}

/// What one `/metrics` read reports, for comparing two intervals' work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reading {
    builds: u64,
    statements: u64,
}

async fn read(app: &TestApp) -> Reading {
    Reading {
        builds: counter(app, r#"kenes_page_cache_requests_total{result="build"}"#).await,
        statements: counter(app, "kenes_db_statements_total").await,
    }
}

/// Wait until the page's cached copy has expired (but is young enough to be served
/// stale while it is rebuilt).
async fn let_it_expire() {
    tokio::time::sleep(std::time::Duration::from_millis(TTL_SECS * 1000 + 200)).await;
}

/// A client without cookies holding 200 open connections to the app.
async fn crowd_client(app: &TestApp) -> reqwest::Client {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(english_browser())
        .build()
        .unwrap();
    let opening = (0..200).map(|_| client.get(format!("{}/healthz", app.address)).send());
    for response in futures_util::future::join_all(opening).await {
        assert_eq!(response.unwrap().status(), 200);
    }
    client
}

/// 200 anonymous readers at once, each on a connection of its own (already open, so
/// that they arrive together) and without cookies: every one gets the page.
async fn crowd(client: &reqwest::Client, app: &TestApp) -> Vec<String> {
    let readers = (0..200).map(|_| {
        let request = client.get(format!("{}{PAGE}", app.address)).send();
        async move {
            let response = request.await.expect("request");
            assert_eq!(response.status(), 200);
            response.text().await.expect("body")
        }
    });
    futures_util::future::join_all(readers).await
}

async fn an_expired_page_is_rebuilt_once(backend: Db) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.page_cache_secs = TTL_SECS;
        s.metrics_token = Some(TOKEN.into());
        // Nothing else at the database while the statements are counted.
        s.cluster_secs = 0;
        s.mail_poll_ms = 3_600_000;
    })
    .await
    else {
        return;
    };
    app.import("us", "constitution-us.txt", US_TEXT, true).await;
    let seed = [
        "seed",
        "--consultation",
        "us",
        "--clause",
        "I.8",
        "--citizens",
        "50",
        "--suggestions",
        "600",
        "--votes",
        "0",
    ];
    let out = app.cli(&seed).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let client = crowd_client(&app).await;
    let first = app.get(PAGE).await;
    assert_eq!(first.status, 200);
    assert!(first.body.contains("class=\"suggestion\""));

    // One reader of the expired page: the cost of one rebuild, as `/metrics` sees it
    // (its own reads included).
    let_it_expire().await;
    let before = read(&app).await;
    assert_eq!(app.get(PAGE).await.body, first.body);
    let after = read(&app).await;
    assert_eq!(after.builds - before.builds, 1);
    let one_rebuild = after.statements - before.statements;

    // 200 readers of the expired page at once: the same work.
    let_it_expire().await;
    let before = read(&app).await;
    let bodies = crowd(&client, &app).await;
    let after = read(&app).await;
    assert!(bodies.iter().all(|b| *b == first.body));
    assert_eq!(after.builds - before.builds, 1, "{before:?} → {after:?}");
    assert_eq!(
        after.statements - before.statements,
        one_rebuild,
        "200 readers sent other statements than one reader: {before:?} → {after:?}"
    );

    // The cache keys on the query string and the language: each its own page.
    let before = read(&app).await;
    assert_eq!(app.get(&format!("{PAGE}?text=en")).await.status, 200);
    let kazakh = app.get("/kk/consultations/us/clauses/I.8").await;
    assert_eq!(kazakh.status, 200);
    assert_ne!(kazakh.body, first.body);
    assert_eq!(read(&app).await.builds - before.builds, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    an_expired_page_is_rebuilt_once(Db::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    an_expired_page_is_rebuilt_once(Db::Postgres).await;
}
