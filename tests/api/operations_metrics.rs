//! `/metrics`: the Prometheus text format, on a separate listener or behind a bearer
//! token, never public.

use crate::helpers::{spawn_app_with, Db, US_TEXT};
use crate::operations_servers::free_port;

const TOKEN: &str = "a-long-metrics-token-for-tests";

async fn metrics_are_private_and_say_what_happens(backend: Db) {
    let port = free_port();
    let Some(app) = spawn_app_with(backend, move |s| {
        s.metrics_token = Some(TOKEN.into());
        s.metrics_bind = Some(format!("127.0.0.1:{port}"));
        s.page_cache_secs = 2;
    })
    .await
    else {
        return;
    };
    app.import("us", "constitution-us.txt", US_TEXT, true).await;
    assert_eq!(app.get("/consultations/us").await.status, 200);
    let (citizen, _) = app.citizen("Metered").await;
    assert_eq!(citizen.get("/account").await.status, 200);

    // Not to the public: no token, a wrong one, or a token in the query string.
    for headers in [
        vec![],
        vec![("authorization", "Bearer wrong-token-of-some-length")],
        vec![("authorization", TOKEN)],
    ] {
        let page = app.get_with("/metrics", &headers).await;
        assert_eq!(page.status, 401, "{headers:?}");
        assert!(!page.body.contains("kenes_"), "{headers:?}");
    }
    assert_eq!(
        app.get(&format!("/metrics?token={TOKEN}")).await.status,
        401
    );

    let bearer = format!("Bearer {TOKEN}");
    let public = app
        .get_with("/metrics", &[("authorization", &bearer)])
        .await;
    assert_eq!(public.status, 200);
    assert!(public.header("content-type").starts_with("text/plain"));
    let private = reqwest::get(format!("http://127.0.0.1:{port}/metrics"))
        .await
        .unwrap();
    assert_eq!(private.status(), 200);
    let text = private.text().await.unwrap();
    for series in [
        "kenes_http_requests_total{",
        r#"route="/consultations/{slug}""#,
        r#"status="200""#,
        "kenes_http_request_duration_seconds_bucket{",
        "kenes_db_pool_connections{",
        "kenes_db_pool_wait_seconds_bucket",
        "kenes_db_requests_waiting",
        "kenes_batch_size_bucket{",
        r#"batch="session-loader""#,
        "kenes_batch_duration_seconds_bucket{",
        "kenes_outbox_backlog",
        "kenes_outbox_oldest_age_seconds",
        "kenes_moderation_backlog",
        "kenes_page_cache_requests_total",
        "kenes_argon2_permits_in_use",
    ] {
        assert!(text.contains(series), "no {series} in:\n{text}");
    }
    // Lines of the text format: `# TYPE` comments and `name{labels} value`.
    assert!(text.contains("# TYPE kenes_http_requests_total counter"));
    // Only /metrics and the probes are on the private listener.
    let other = reqwest::get(format!("http://127.0.0.1:{port}/consultations/us"))
        .await
        .unwrap();
    assert_eq!(other.status(), 404);
}

async fn without_settings_there_is_no_metrics_page(backend: Db) {
    let Some(app) = spawn_app_with(backend, |_| {}).await else {
        return;
    };
    assert_eq!(app.get("/metrics").await.status, 404);
    assert_eq!(
        app.get_with("/metrics", &[("authorization", &format!("Bearer {TOKEN}"))])
            .await
            .status,
        404
    );
}

crate::on_both!(
    private_metrics,
    super::metrics_are_private_and_say_what_happens
);

crate::on_both!(
    no_metrics_by_default,
    super::without_settings_there_is_no_metrics_page
);
