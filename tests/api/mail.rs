//! Mail delivery: the outbox folder when no SMTP server is configured, and an SMTP
//! outage that delays mail without losing it or failing the citizen's request.

use std::time::Duration;

use diesel::prelude::*;
use kenes::schema::outbox;

use crate::helpers::{spawn_app_with, Db};
use crate::smtp::MailCatcher;

async fn without_smtp_mail_goes_to_the_outbox_folder(backend: Db) {
    let Some(app) = spawn_app_with(backend, |s| s.smtp_url = None).await else {
        return;
    };
    let page = app
        .visitor()
        .register("offline@example.kz", "Offline", "correct horse battery")
        .await;
    assert_eq!(page.status, 303);
    let dir = app.db_dir().join("outbox");
    let mut found = None;
    for _ in 0..200 {
        if let Some(entry) = std::fs::read_dir(&dir).ok().and_then(|mut d| d.next()) {
            found = entry.ok().map(|e| e.path());
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let path = found.expect("an .eml file in the outbox folder");
    assert_eq!(path.extension().and_then(|e| e.to_str()), Some("eml"));
    let raw = std::fs::read_to_string(&path).unwrap();
    assert!(raw.contains("To: offline@example.kz"));
    assert!(raw.contains("Subject: Confirm your email address"));
    assert!(raw.contains("multipart/alternative"));
}

async fn smtp_outage_delays_mail_but_never_loses_it(backend: Db) {
    // A port with nothing listening: the first attempt fails.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let Some(app) = spawn_app_with(backend, |s| {
        s.smtp_url = Some(format!("smtp://127.0.0.1:{port}"))
    })
    .await
    else {
        return;
    };
    let page = app
        .visitor()
        .register("patient@example.kz", "Patient", "correct horse battery")
        .await;
    assert_eq!(page.status, 303, "the citizen's request does not fail");
    let mut failed = false;
    for _ in 0..100 {
        let (attempts, error, sent) = app
            .query(|conn| {
                outbox::table
                    .select((outbox::attempts, outbox::last_error, outbox::sent_at))
                    .first::<(i32, Option<String>, Option<chrono::NaiveDateTime>)>(conn)
                    .unwrap()
            })
            .await;
        if attempts >= 1 {
            assert!(error.is_some() && sent.is_none());
            failed = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(failed, "the worker tried and recorded the failure");
    // The server comes back; the retry (after 10 s of backoff) delivers the message.
    let catcher = MailCatcher::start_on(port).await;
    let mail = catcher
        .wait_for_within("patient@example.kz", 1, Duration::from_secs(30))
        .await;
    assert_eq!(mail.subject(), "Confirm your email address");
    let mut pending = 1;
    for _ in 0..40 {
        pending = app
            .query(|conn| kenes::models::outbox::pending_count(conn).unwrap())
            .await;
        if pending == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(pending, 0, "marked sent after delivery");
}

async fn cookies_are_secure_behind_https(backend: Db) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.public_url = Some("https://kenes.example.kz".into())
    })
    .await
    else {
        return;
    };
    app.create_user(
        "secure@example.kz",
        "Secure",
        "correct horse battery",
        kenes::domain::Role::Citizen,
    )
    .await;
    let page = app
        .visitor()
        .sign_in("secure@example.kz", "correct horse battery")
        .await;
    let cookies: Vec<String> = page
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert!(
        cookies
            .iter()
            .any(|c| c.starts_with("__Host-kenes_session=") && c.contains("Secure")),
        "{cookies:?}"
    );
    assert!(app
        .get("/")
        .await
        .header("strict-transport-security")
        .contains("max-age="));
}

macro_rules! both {
    ($($name:ident),*) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$name(crate::helpers::Db::Sqlite).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$name(crate::helpers::Db::Postgres).await;
                }
            }
        )*
    };
}

both!(
    without_smtp_mail_goes_to_the_outbox_folder,
    smtp_outage_delays_mail_but_never_loses_it,
    cookies_are_secure_behind_https
);
