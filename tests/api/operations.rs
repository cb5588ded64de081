//! Running it: health check, security and cache headers, migrations both ways.

use crate::helpers::{TestApp, US_TEXT};
use crate::on_both_backends;

on_both_backends!(
    healthz_checks_the_database,
    every_response_carries_security_headers,
    static_files_are_cached_by_content,
    migrations_run_down_and_up_again,
);

mod anonymous_pages_are_cached_briefly {
    use crate::helpers::{spawn_app_with, Db};

    async fn check(backend: Db) {
        let Some(app) = spawn_app_with(backend, |s| s.page_cache_secs = 60).await else {
            return;
        };
        assert!(app
            .get("/")
            .await
            .body
            .contains("no public consultations yet"));
        assert_eq!(app.get("/consultations/us-constitution").await.status, 404);
        app.import(
            "us-constitution",
            "constitution-us.txt",
            super::US_TEXT,
            true,
        )
        .await;
        // An anonymous reader gets the cached page within the TTL...
        assert!(app
            .get("/")
            .await
            .body
            .contains("no public consultations yet"));
        // ...a signed-in one never does.
        let fresh = app.get_with("/", &[("cookie", "kenes_session=x")]).await;
        assert!(fresh.body.contains("/consultations/us-constitution"));
        // A 404 is not cached: the page exists as soon as it is imported.
        assert_eq!(app.get("/consultations/us-constitution").await.status, 200);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite() {
        check(Db::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn postgres() {
        check(Db::Postgres).await;
    }
}

async fn healthz_checks_the_database(app: TestApp) {
    let page = app.get("/healthz").await;
    assert_eq!(page.status, 200);
    let json: serde_json::Value = serde_json::from_str(&page.body).unwrap();
    assert_eq!(json["database"], "ok");
}

async fn every_response_carries_security_headers(app: TestApp) {
    app.import("us-constitution", "constitution-us.txt", US_TEXT, true)
        .await;
    for path in [
        "/",
        "/consultations/us-constitution/articles/I",
        "/missing",
        "/healthz",
        "/static/css/kenes.css",
    ] {
        let page = app.get(path).await;
        let csp = page.header("content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}"
        );
        assert_eq!(page.header("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(
            page.header("referrer-policy"),
            "strict-origin-when-cross-origin",
            "{path}"
        );
    }
    let home = app.get("/").await;
    assert!(home.body.contains(r#"<html lang="en">"#));
    assert!(home
        .body
        .contains(r##"<a class="skip-link" href="#main">"##));
    assert!(home.body.contains(r#"<main id="main""#));
}

async fn static_files_are_cached_by_content(app: TestApp) {
    let home = app.get("/").await;
    let start = home
        .body
        .find("/static/css/kenes.css?v=")
        .expect("versioned css link");
    let href: String = home.body[start..]
        .chars()
        .take_while(|&c| c != '"')
        .collect();
    let css = app.get(&href).await;
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").starts_with("text/css"));
    assert!(css.header("cache-control").contains("immutable"));
    let etag = css.header("etag").to_owned();
    assert!(!etag.is_empty());
    let again = app.get_with(&href, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, 304);
    let unversioned = app.get("/static/css/kenes.css").await;
    assert!(unversioned.header("cache-control").contains("max-age=300"));
    assert_eq!(app.get("/en/static/../Cargo.toml").await.status, 404);
}

async fn migrations_run_down_and_up_again(app: TestApp) {
    let (reverted, reapplied) = app
        .query(|conn| {
            let reverted = kenes::db::revert_all_migrations(conn).unwrap();
            let reapplied = kenes::db::run_migrations(conn).unwrap();
            (reverted, reapplied)
        })
        .await;
    assert!(reverted >= 1);
    assert_eq!(reverted, reapplied);
    let out = app.cli(&["migrate"]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Database is up to date"));
    // The site still works on the re-created schema.
    app.import("us-constitution", "constitution-us.txt", US_TEXT, true)
        .await;
    assert_eq!(app.get("/consultations/us-constitution").await.status, 200);
}
