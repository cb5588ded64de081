//! Database outages seen from outside, through a real `kenes serve`: signed-in pages,
//! votes and anonymous pages answer 503 with `Retry-After` and the friendly page
//! (never 500), `/healthz` answers at once whatever the database does, `/readyz`
//! says whether the process can serve, the log says so once per interval rather than
//! per request, and everything works again without a restart.

use std::time::{Duration, Instant};

use diesel::RunQueryDsl;

use crate::helpers::{admin_postgres_url, Db};
use crate::operations_servers::{csrf_of, Server, SharedDatabase};

/// A signed-in citizen's client and CSRF token, and a published suggestion to vote on.
struct Fixture {
    client: reqwest::Client,
    csrf: String,
    number: String,
}

async fn fixture(shared: &SharedDatabase, server: &Server) -> Fixture {
    let number = crate::operations_scale::hot(shared, 1).await.remove(0);
    let (_, token) = crate::operations_scale::citizens(shared, 1).await.remove(0);
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let url: reqwest::Url = server.address.parse().unwrap();
    jar.add_cookie_str(&format!("kenes_session={token}; Path=/"), &url);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar)
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    Fixture {
        client,
        csrf: String::new(),
        number,
    }
}

struct Answer {
    status: u16,
    retry_after: String,
    body: String,
    took: Duration,
}

async fn get(client: &reqwest::Client, url: &str) -> Answer {
    let started = Instant::now();
    let response = client.get(url).send().await.unwrap();
    answer(response, started).await
}

async fn answer(response: reqwest::Response, started: Instant) -> Answer {
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let body = response.text().await.unwrap_or_default();
    Answer {
        status,
        retry_after,
        body,
        took: started.elapsed(),
    }
}

async fn vote(server: &Server, fixture: &Fixture, wanted: &str) -> Answer {
    let started = Instant::now();
    let response = fixture
        .client
        .post(format!(
            "{}/suggestions/{}/upvote",
            server.address, fixture.number
        ))
        .header("accept", "application/json")
        .form(&[
            ("csrf_token", fixture.csrf.as_str()),
            ("vote", wanted),
            ("return_to", "/"),
        ])
        .send()
        .await
        .unwrap();
    answer(response, started).await
}

/// A 503 a person can act on: `Retry-After` and the friendly page, no details.
fn assert_unavailable(what: &str, answer: &Answer) {
    assert_eq!(answer.status, 503, "{what}: {}", answer.body);
    assert!(
        answer.retry_after.parse::<u64>().is_ok_and(|s| s > 0),
        "{what}: Retry-After {:?}",
        answer.retry_after
    );
    assert!(
        answer.body.contains("Busy right now") || answer.body.contains("unavailable"),
        "{what}: {}",
        answer.body
    );
    assert!(!answer.body.to_lowercase().contains("diesel"), "{what}");
}

async fn wait_until_ready(client: &reqwest::Client, server: &Server) {
    let started = Instant::now();
    loop {
        let ready = get(client, &format!("{}/readyz", server.address)).await;
        if ready.status == 200 {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "not ready again: {}",
            ready.body
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// How many lines of the server's log report the database unavailable.
fn outage_lines(server: &Server) -> usize {
    server
        .log()
        .lines()
        .filter(|l| l.contains("unavailable") || l.contains("cannot connect"))
        .count()
}

fn pg_admin(sql: String) {
    use diesel::Connection;
    let mut conn = diesel::PgConnection::establish(&admin_postgres_url()).unwrap();
    diesel::sql_query(sql).execute(&mut conn).unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_postgres_outage_answers_503_and_recovers() {
    let Some(shared) = SharedDatabase::create(Db::Postgres).await else {
        return;
    };
    let name = shared.db.url.rsplit('/').next().unwrap().to_owned();
    let server = Server::start(&shared.db.url, &shared.data_dir.join("s"), &[]).await;
    let mut fixture = fixture(&shared, &server).await;
    let home = get(&fixture.client, &format!("{}/en/", server.address)).await;
    assert_eq!(home.status, 200);
    fixture.csrf = csrf_of(&home.body);
    assert_eq!(vote(&server, &fixture, "add").await.status, 200);
    // The test's own pool holds connections too: close it first.
    drop(shared.pool.clone());

    // The database refuses new connections and drops every open one.
    pg_admin(format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"));
    pg_admin(format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
    ));
    let anonymous = reqwest::Client::new();
    let started = Instant::now();
    let mut answers = Vec::new();
    for round in 0..40 {
        answers.push((
            "signed-in page",
            get(&fixture.client, &format!("{}/en/account", server.address)).await,
        ));
        answers.push(("vote", vote(&server, &fixture, "remove").await));
        answers.push((
            "anonymous page",
            get(
                &anonymous,
                &format!("{}/en/consultations/us", server.address),
            )
            .await,
        ));
        if round % 10 == 0 {
            let health = get(&anonymous, &format!("{}/healthz", server.address)).await;
            assert_eq!(health.status, 200, "{}", health.body);
            assert!(health.took < Duration::from_secs(1), "{:?}", health.took);
            let ready = get(&anonymous, &format!("{}/readyz", server.address)).await;
            assert_eq!(ready.status, 503, "{}", ready.body);
            assert!(ready.took < Duration::from_millis(1500), "{:?}", ready.took);
        }
    }
    for (what, answer) in &answers {
        assert_unavailable(what, answer);
    }
    let outage = started.elapsed();
    // 120 failed requests (and the pool's and batch threads' reconnections) over a
    // few seconds: a handful of lines, not one or more per request.
    let lines = outage_lines(&server);
    assert!(
        (1..=30).contains(&lines),
        "{lines} lines in {outage:?}:\n{}",
        server.log()
    );
    let health = get(&anonymous, &format!("{}/healthz", server.address)).await;
    assert!(
        health.body.contains("\"database\":\"unavailable\""),
        "{}",
        health.body
    );

    // Back: no restart needed.
    pg_admin(format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"));
    wait_until_ready(&anonymous, &server).await;
    let started = Instant::now();
    loop {
        let page = get(&fixture.client, &format!("{}/en/account", server.address)).await;
        let voted = vote(&server, &fixture, "add").await;
        if page.status == 200 && voted.status == 200 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{} {}",
            page.status,
            voted.status
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unavailable_sqlite_database_answers_503_and_recovers() {
    let shared = SharedDatabase::create(Db::Sqlite).await.unwrap();
    let database = std::path::PathBuf::from(&shared.db.url);
    let folder = database.parent().unwrap().to_owned();
    let away = folder.with_extension("away");
    let server = Server::start(&shared.db.url, &shared.data_dir.join("s"), &[]).await;
    let mut fixture = fixture(&shared, &server).await;
    let anonymous = reqwest::Client::new();
    let form = get(&anonymous, &format!("{}/en/sign-in", server.address)).await;
    assert_eq!(form.status, 200);

    // The database's folder goes away (a volume unmounted) before this process has
    // opened its session loader's and vote writer's connections.
    std::fs::rename(&folder, &away).unwrap();
    let mut answers = Vec::new();
    for _ in 0..20 {
        answers.push((
            "signed-in page",
            get(&fixture.client, &format!("{}/en/account", server.address)).await,
        ));
    }
    for (what, answer) in &answers {
        assert_unavailable(what, answer);
    }
    let health = get(&anonymous, &format!("{}/healthz", server.address)).await;
    assert_eq!(health.status, 200);
    assert!(health.took < Duration::from_secs(1));
    let lines = outage_lines(&server);
    assert!((1..=10).contains(&lines), "{lines}:\n{}", server.log());

    // Back, and the loader reconnects by itself.
    std::fs::rename(&away, &folder).unwrap();
    let started = Instant::now();
    let home = loop {
        let page = get(&fixture.client, &format!("{}/en/", server.address)).await;
        if page.status == 200 {
            break page;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{}",
            page.status
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    fixture.csrf = csrf_of(&home.body);

    // Another process holds SQLite's write lock longer than the busy timeout: a vote
    // is a 503 to retry, not a 500.
    let holder = {
        let path = database.clone();
        std::thread::spawn(move || {
            use diesel::connection::SimpleConnection;
            use diesel::Connection;
            let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy()).unwrap();
            conn.batch_execute("BEGIN EXCLUSIVE").unwrap();
            std::thread::sleep(Duration::from_secs(8));
            conn.batch_execute("COMMIT").unwrap();
        })
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_unavailable("vote while locked", &vote(&server, &fixture, "add").await);
    tokio::task::spawn_blocking(move || holder.join().unwrap())
        .await
        .unwrap();
    let started = Instant::now();
    while vote(&server, &fixture, "add").await.status != 200 {
        assert!(started.elapsed() < Duration::from_secs(20));
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    server.stop().await;
}
