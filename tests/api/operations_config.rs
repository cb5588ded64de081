//! Configuration as an operator writes it: an empty variable means unset, and a
//! malformed one stops start-up with a message naming it.

use crate::helpers::{Db, Visitor};
use crate::operations_servers::{Server, SharedDatabase};

async fn an_empty_public_url_means_the_default(backend: Db) {
    let Some(shared) = SharedDatabase::create(backend).await else {
        return;
    };
    let catcher = crate::smtp::MailCatcher::start().await;
    let server = Server::start(
        &shared.db.url,
        &shared.data_dir.join("s"),
        &[
            ("KENES_PUBLIC_URL", String::new()),
            ("KENES_SMTP_URL", catcher.url()),
            ("KENES_MAIL_POLL_MS", "100".into()),
            ("KENES_DB_POOL_SIZE", String::new()),
            ("KENES_TRUSTED_PROXIES", String::new()),
        ],
    )
    .await;
    let visitor = Visitor {
        address: server.address.clone(),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .cookie_store(true)
            .build()
            .unwrap(),
    };
    let page = visitor
        .register(
            "empty-url@example.kz",
            "Empty Url",
            "a long enough passphrase",
        )
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let mail = catcher.wait_for("empty-url@example.kz", 1).await;
    let link = mail.link("/confirm").expect("a confirmation link");
    // Absolute, on the address the server listens on (the default public URL).
    assert!(
        link.starts_with(&format!("{}/", server.address)) && link.contains("/confirm?token="),
        "{link}"
    );
    server.stop().await;
}

async fn malformed_settings_stop_start_up_by_name(backend: Db) {
    let Some(shared) = SharedDatabase::create(backend).await else {
        return;
    };
    for (variable, value, expected) in [
        (
            "KENES_PUBLIC_URL",
            "kenes.example.kz",
            "must be an absolute http(s) URL",
        ),
        (
            "KENES_PUBLIC_URL",
            "/relative",
            "must be an absolute http(s) URL",
        ),
        (
            "KENES_DB_POOL_SIZE",
            "four",
            "KENES_DB_POOL_SIZE has a value that is not valid",
        ),
        ("KENES_DB_POOL_SIZE", "0", "must be a whole number from 1"),
        (
            "KENES_TRUST_PROXY",
            "perhaps",
            "KENES_TRUST_PROXY has a value that is not valid",
        ),
        ("KENES_BIND", "8080", "must be an address and a port"),
        ("KENES_MAIL_FROM", "nobody", "must be a mailbox"),
        ("KENES_METRICS_TOKEN", "short", "at least 16 characters"),
    ] {
        let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_kenes"))
            .arg("serve")
            .env("DATABASE_URL", &shared.db.url)
            .env("KENES_DATA_DIR", &shared.data_dir)
            .env("KENES_BIND", "127.0.0.1:0")
            .env(variable, value)
            .output()
            .await
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{variable}={value} started");
        assert!(
            stderr.contains(variable) && stderr.contains(expected),
            "{variable}={value}: {stderr}"
        );
    }
}

crate::on_both!(
    empty_means_unset,
    super::an_empty_public_url_means_the_default
);

crate::on_both!(
    malformed_is_refused,
    super::malformed_settings_stop_start_up_by_name
);
