//! Several `kenes serve` processes on one database: votes on the same popular
//! suggestions through all of them never deadlock and stay exact, and queued mail is
//! delivered once, by whichever process claims it, as fast as the receiver takes it.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use diesel::sql_types::BigInt;
use diesel::{ExpressionMethods, QueryDsl, RunQueryDsl};
use rand::seq::SliceRandom;
use rand::SeedableRng;

use crate::helpers::{Db, Page};
use crate::operations_servers::SharedDatabase;

#[derive(diesel::QueryableByName)]
struct Number {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn number(conn: &mut kenes::db::AnyConnection, sql: &'static str) -> i64 {
    diesel::sql_query(sql)
        .get_result::<Number>(conn)
        .map(|r| r.n)
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// `count` confirmed citizens with a session each: (user id, session token).
pub async fn citizens(shared: &SharedDatabase, count: usize) -> Vec<(i64, String)> {
    shared
        .query(move |conn| {
            // One hash for all: hashing each would cost a second per ten accounts.
            let hash = kenes::auth::password::hash_blocking("correct horse battery").unwrap();
            let settings = kenes::auth::session::SessionSettings {
                idle_timeout: chrono::Duration::minutes(30),
                lifetime: chrono::Duration::hours(12),
                secure_cookies: false,
            };
            (0..count)
                .map(|i| {
                    let email = format!("voter{i}-{}@example.kz", uuid::Uuid::new_v4().simple());
                    let user = kenes::models::user::create(
                        conn,
                        &kenes::models::user::Registration {
                            lang: None,
                            email: &kenes::domain::Email::parse(&email).unwrap(),
                            display_name: &kenes::domain::DisplayName::parse(&format!("Voter {i}"))
                                .unwrap(),
                            password_hash: &hash,
                            region: None,
                            role: kenes::domain::Role::Citizen,
                            confirmed: true,
                        },
                    )
                    .unwrap();
                    let cookie = kenes::auth::session::start(conn, &settings, user.id).unwrap();
                    (user.id, cookie.value().to_owned())
                })
                .collect()
        })
        .await
}

/// Published suggestions on clause I.1 by seeded authors: their tracking numbers.
pub async fn hot(shared: &SharedDatabase, wanted: usize) -> Vec<String> {
    shared
        .query(move |conn| {
            let slug = kenes::domain::Slug::parse("us").unwrap();
            let clause = kenes::domain::ClauseRef::parse("I.1").unwrap();
            kenes::seed::seed(
                conn,
                &kenes::seed::SeedRequest {
                    consultation: &slug,
                    clause: Some(&clause),
                    citizens: 20,
                    suggestions: wanted * 3,
                    votes: 0,
                    random_seed: 14,
                },
            )
            .unwrap();
            use kenes::schema::suggestions;
            suggestions::table
                .filter(suggestions::status.eq("published"))
                .order(suggestions::id)
                .limit(i64::try_from(wanted).unwrap())
                .select(suggestions::tracking_number)
                .load::<String>(conn)
                .unwrap()
        })
        .await
}

/// A client holding `token`'s session (cookies go to every port of 127.0.0.1) and
/// the CSRF token a page gave it.
pub async fn signed_in_client(address: &str, token: &str) -> (reqwest::Client, String) {
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let url: reqwest::Url = address.parse().unwrap();
    jar.add_cookie_str(&format!("kenes_session={token}; Path=/"), &url);
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_provider(jar)
        .build()
        .unwrap();
    let page = Page::from(client.get(format!("{address}/en/")).send().await.unwrap()).await;
    let csrf = page
        .input_value("csrf_token")
        .unwrap_or_else(|| panic!("no csrf token: {} {}", page.status, page.body));
    (client, csrf)
}

async fn three_servers_vote_on_the_same_suggestions_without_deadlock(backend: Db) {
    let Some(shared) = SharedDatabase::create(backend).await else {
        return;
    };
    let hot = hot(&shared, 6).await;
    assert_eq!(hot.len(), 6, "the seed published too few suggestions");
    let voter_count = 90;
    let voters = citizens(&shared, voter_count).await;
    let servers = shared.servers(3, &[]).await;
    let addresses: Vec<String> = servers.iter().map(|s| s.address.clone()).collect();

    let mut tasks = Vec::new();
    for (i, (_, token)) in voters.into_iter().enumerate() {
        let addresses = addresses.clone();
        let hot = hot.clone();
        tasks.push(tokio::spawn(async move {
            let (client, csrf) = signed_in_client(&addresses[i % 3], &token).await;
            // Every suggestion added in a random order, half of them removed, those
            // added again: batches with additions and removals on many rows at once.
            let mut rng = rand::rngs::StdRng::seed_from_u64(i as u64);
            let mut plan: Vec<(String, &str)> = Vec::new();
            let mut order = hot.clone();
            order.shuffle(&mut rng);
            plan.extend(order.iter().map(|n| (n.clone(), "add")));
            order.shuffle(&mut rng);
            let half = &order[..order.len() / 2];
            plan.extend(half.iter().map(|n| (n.clone(), "remove")));
            plan.extend(half.iter().rev().map(|n| (n.clone(), "add")));
            let mut statuses = Vec::new();
            for (step, (number, vote)) in plan.into_iter().enumerate() {
                let address = &addresses[(i + step) % 3];
                let response = client
                    .post(format!("{address}/suggestions/{number}/upvote"))
                    .header("accept", "application/json")
                    .form(&[
                        ("csrf_token", csrf.as_str()),
                        ("vote", vote),
                        ("return_to", "/"),
                    ])
                    .send()
                    .await
                    .unwrap();
                statuses.push(response.status().as_u16());
            }
            statuses
        }));
    }
    let mut by_status: HashMap<u16, usize> = HashMap::new();
    for task in tasks {
        for status in task.await.unwrap() {
            *by_status.entry(status).or_default() += 1;
        }
    }
    let logs: Vec<String> = servers.iter().map(|s| s.log()).collect();
    for server in servers {
        server.stop().await;
    }
    assert_eq!(
        by_status.keys().copied().collect::<Vec<_>>(),
        vec![200],
        "every vote acknowledged: {by_status:?}\n{}",
        logs.join("\n")
    );
    let (mismatched, votes, deadlocks) = shared
        .query(move |conn| {
            let mismatched = number(
                conn,
                "SELECT COUNT(*) AS n FROM suggestions s WHERE s.upvotes <> \
                 (SELECT COUNT(*) FROM upvotes u WHERE u.suggestion_id = s.id)",
            );
            let votes = number(conn, "SELECT COUNT(*) AS n FROM upvotes");
            let deadlocks = match conn {
                kenes::db::AnyConnection::Postgres(_) => {
                    // The servers' backends report their statistics as they exit.
                    std::thread::sleep(Duration::from_millis(1500));
                    let _ = number(conn, "SELECT 0::bigint AS n FROM pg_stat_clear_snapshot()");
                    number(
                        conn,
                        "SELECT deadlocks AS n FROM pg_stat_database \
                         WHERE datname = current_database()",
                    )
                }
                kenes::db::AnyConnection::Sqlite(_) => 0,
            };
            (mismatched, votes, deadlocks)
        })
        .await;
    assert_eq!(deadlocks, 0, "PostgreSQL counted deadlocks");
    assert_eq!(mismatched, 0, "a stored count differs from its vote rows");
    assert_eq!(votes, i64::try_from(voter_count * hot.len()).unwrap());
    let joined = logs.join("\n");
    assert!(!joined.contains("deadlock"), "{joined}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_servers_vote_without_deadlock_postgres() {
    three_servers_vote_on_the_same_suggestions_without_deadlock(Db::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_servers_vote_without_deadlock_sqlite() {
    three_servers_vote_on_the_same_suggestions_without_deadlock(Db::Sqlite).await;
}

async fn three_servers_deliver_each_message_once(backend: Db) {
    let Some(shared) = SharedDatabase::create(backend).await else {
        return;
    };
    let total = 1000;
    shared
        .query(move |conn| {
            for i in 0..total {
                kenes::models::outbox::enqueue(
                    conn,
                    &kenes::models::outbox::NewMail {
                        to: "citizen@example.kz".into(),
                        subject: format!("Message {i}"),
                        text: format!("Body of message {i}."),
                        html: format!("<p>Body of message {i}.</p>"),
                    },
                )
                .unwrap();
            }
        })
        .await;
    let catcher = crate::smtp::MailCatcher::start().await;
    // A long poll: the workers must keep claiming while mail is due, not wait for the
    // next poll after each handful.
    let env = [
        ("KENES_SMTP_URL", catcher.url()),
        ("KENES_MAIL_POLL_MS", "5000".to_owned()),
    ];
    let started = Instant::now();
    let servers = shared.servers(3, &env).await;
    let deadline = Duration::from_secs(40);
    while catcher.messages_to("citizen@example.kz").len() < total && started.elapsed() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let took = started.elapsed();
    // Time for a duplicate to turn up, were one on its way.
    tokio::time::sleep(Duration::from_millis(1000)).await;
    let logs: Vec<String> = servers.iter().map(|s| s.log()).collect();
    for server in servers {
        server.stop().await;
    }
    let received = catcher.messages_to("citizen@example.kz");
    let mut per_subject: HashMap<String, usize> = HashMap::new();
    for mail in &received {
        *per_subject.entry(mail.subject()).or_default() += 1;
    }
    let duplicates: Vec<_> = per_subject.iter().filter(|(_, n)| **n > 1).collect();
    assert!(duplicates.is_empty(), "sent twice: {duplicates:?}");
    assert_eq!(
        per_subject.len(),
        total,
        "{} of {total} messages arrived within {deadline:?}\n{}",
        per_subject.len(),
        logs.join("\n")
    );
    let pending = shared
        .query(|conn| kenes::models::outbox::pending_count(conn).unwrap())
        .await;
    assert_eq!(pending, 0);
    let _ = std::io::Write::write_fmt(
        &mut std::io::stderr(),
        format_args!(
            "{backend:?}: three servers delivered {total} messages in {:.2} s (starting the servers included)\n",
            took.as_secs_f64()
        ),
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_servers_deliver_mail_once_postgres() {
    three_servers_deliver_each_message_once(Db::Postgres).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_servers_deliver_mail_once_sqlite() {
    three_servers_deliver_each_message_once(Db::Sqlite).await;
}
