//! Overload and slow clients, in small bounded versions (the load runs are under
//! `bench/`): a body that trickles in is cut with 408 and its connection closed; a
//! request whose headers never end is cut too; and when the database is saturated,
//! requests beyond the bound are answered 503 with `Retry-After` at once instead of
//! queueing for the pool's whole timeout.

use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::helpers::{spawn_app_with, Db, TestApp};

/// Send `head` and the first bytes of a body, then nothing more: what comes back, and
/// when the server closed the connection (`None`: still open at `give_up`).
async fn trickle(app: &TestApp, head: &str, give_up: Duration) -> (String, Option<Duration>) {
    let host = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match tokio::time::timeout_at(
            tokio::time::Instant::from_std(started + give_up),
            stream.read(&mut buf),
        )
        .await
        {
            Ok(Ok(0)) | Ok(Err(_)) => {
                return (
                    String::from_utf8_lossy(&answer).into_owned(),
                    Some(started.elapsed()),
                )
            }
            Ok(Ok(n)) => answer.extend_from_slice(&buf[..n]),
            Err(_) => return (String::from_utf8_lossy(&answer).into_owned(), None),
        }
    }
}

async fn a_slow_body_is_cut_and_its_connection_closed(backend: Db) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.body_timeout_secs = 1;
        s.header_timeout_secs = 1;
    })
    .await
    else {
        return;
    };
    let host = app.address.trim_start_matches("http://");
    // Headers at once, then 10 of the 200 bytes announced, then silence.
    let head = format!(
        "POST /sign-in HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: 200\r\n\r\nemail=slow"
    );
    let (answer, closed) = trickle(&app, &head, Duration::from_secs(10)).await;
    let closed = closed.unwrap_or_else(|| panic!("still open after 10 s: {answer:?}"));
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
    assert!(closed < Duration::from_secs(5), "{closed:?}");

    // Headers that never end are cut too (actix's header deadline, now a setting).
    let (answer, closed) = trickle(
        &app,
        &format!("GET / HTTP/1.1\r\nHost: {host}\r\nX-Slow: "),
        Duration::from_secs(10),
    )
    .await;
    assert!(closed.is_some(), "still open after 10 s: {answer:?}");

    // A body that arrives in time is read as always.
    let page = app.get("/sign-in").await;
    assert_eq!(page.status, 200);
}

async fn a_saturated_database_sheds_requests_at_once(backend: Db) {
    let Some(app) = spawn_app_with(backend, |s| {
        s.db_pool_size = 1;
        s.db_queue = 1;
        s.db_queue_ms = 300;
        s.db_timeout_secs = 4;
    })
    .await
    else {
        return;
    };
    assert_eq!(app.get("/").await.status, 200);
    // Something holds the pool's only connection for six seconds.
    let pool = app.pool.clone();
    let (held, release) = std::sync::mpsc::channel::<()>();
    let holder = std::thread::spawn(move || {
        let conn = pool.get().unwrap();
        held.send(()).unwrap();
        std::thread::sleep(Duration::from_secs(6));
        drop(conn);
    });
    tokio::task::spawn_blocking(move || release.recv().unwrap())
        .await
        .unwrap();
    let started = Instant::now();
    let mut tasks = Vec::new();
    for i in 0..20 {
        let client = app.client.clone();
        // A page that needs the database every time: a consultation no one has
        // (a page held in memory would need none, see `crate::read_cache`).
        let url = format!("{}/en/consultations/missing-{i}", app.address);
        tasks.push(tokio::spawn(async move {
            let asked = Instant::now();
            let response = client.get(url).send().await.unwrap();
            let status = response.status().as_u16();
            let retry_after = response
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned();
            (status, retry_after, asked.elapsed())
        }));
    }
    let mut quick = 0;
    for task in tasks {
        let (status, retry_after, took) = task.await.unwrap();
        assert_eq!(status, 503, "every request is refused, none fails");
        assert!(
            retry_after.parse::<u64>().is_ok_and(|s| s > 0),
            "{retry_after:?}"
        );
        if took < Duration::from_secs(2) {
            quick += 1;
        }
    }
    // One request waits for the connection (the pool's 4 s), one in the queue (300
    // ms); the others are told at once. Without the bound all 20 waited 4 s.
    assert!(quick >= 18, "{quick} of 20 answered within 2 s");
    assert!(started.elapsed() < Duration::from_secs(6));
    tokio::task::spawn_blocking(move || holder.join().unwrap())
        .await
        .unwrap();
    assert_eq!(
        app.get("/").await.status,
        200,
        "served again once the pool is free"
    );
}

crate::on_both!(
    slow_body,
    super::a_slow_body_is_cut_and_its_connection_closed
);

crate::on_both!(shedding, super::a_saturated_database_sheds_requests_at_once);
