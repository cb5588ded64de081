//! `kenes backup` while citizens vote, `kenes restore`, and what a restore refuses.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use diesel::sql_types::{BigInt, Text};
use diesel::{Connection, QueryableByName, RunQueryDsl};

use crate::helpers::Db;
use crate::operations_servers::{Server, SharedDatabase};

async fn kenes(database_url: &str, data_dir: &Path, args: &[&str]) -> std::process::Output {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_kenes"));
    crate::helpers::without_cli_language(&mut command);
    command
        .args(args)
        .env("DATABASE_URL", database_url)
        .env("KENES_DATA_DIR", data_dir)
        .env("KENES_LOG", "warn")
        .output()
        .await
        .expect("run kenes")
}

fn text(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[derive(QueryableByName)]
struct Vote {
    #[diesel(sql_type = Text)]
    number: String,
    #[diesel(sql_type = BigInt)]
    user_id: i64,
}

#[derive(QueryableByName)]
struct Number {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_during_votes_restores_every_acknowledged_vote() {
    let shared = SharedDatabase::create(Db::Sqlite).await.unwrap();
    let server = Server::start(&shared.db.url, &shared.data_dir.join("s"), &[]).await;
    let numbers = crate::operations_scale::hot(&shared, 20).await;
    let voters = crate::operations_scale::citizens(&shared, 30).await;

    // Voters vote on every suggestion, one after another, until told to stop;
    // each acknowledged vote is noted as (number, voter) with whether the backup
    // had started yet.
    let backup_started = Arc::new(AtomicBool::new(false));
    let stop = Arc::new(AtomicBool::new(false));
    let acknowledged: Arc<Mutex<Vec<(String, i64, bool)>>> = Arc::default();
    let mut tasks = Vec::new();
    for (user_id, token) in voters {
        let (address, numbers) = (server.address.clone(), numbers.clone());
        let (backup_started, stop, acknowledged) =
            (backup_started.clone(), stop.clone(), acknowledged.clone());
        tasks.push(tokio::spawn(async move {
            let (client, csrf) = crate::operations_scale::signed_in_client(&address, &token).await;
            for number in numbers.iter().cycle().take(numbers.len()) {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let response = client
                    .post(format!("{address}/suggestions/{number}/upvote"))
                    .header("accept", "application/json")
                    .form(&[
                        ("csrf_token", csrf.as_str()),
                        ("vote", "add"),
                        ("return_to", "/"),
                    ])
                    .send()
                    .await
                    .unwrap();
                if response.status() == 200 {
                    // Read after the answer: a vote acknowledged before the backup
                    // began must be in it.
                    let before = !backup_started.load(Ordering::SeqCst);
                    acknowledged
                        .lock()
                        .unwrap()
                        .push((number.clone(), user_id, before));
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }));
    }
    tokio::time::sleep(Duration::from_millis(700)).await;
    let backup = shared.data_dir.join("kenes-backup.db");
    backup_started.store(true, Ordering::SeqCst);
    let made = kenes(
        &shared.db.url,
        &shared.data_dir,
        &["backup", &backup.to_string_lossy()],
    )
    .await;
    assert!(made.status.success(), "{}", text(&made));
    assert!(text(&made).contains("Backed up"), "{}", text(&made));
    stop.store(true, Ordering::SeqCst);
    for task in tasks {
        task.await.unwrap();
    }
    server.stop().await;
    let acknowledged = acknowledged.lock().unwrap().clone();
    let before: Vec<&(String, i64, bool)> = acknowledged.iter().filter(|a| a.2).collect();
    assert!(
        before.len() > 20,
        "too few votes before the backup: {}",
        before.len()
    );

    // A second backup to the same name is refused: a backup is never overwritten.
    let again = kenes(
        &shared.db.url,
        &shared.data_dir,
        &["backup", &backup.to_string_lossy()],
    )
    .await;
    assert!(!again.status.success());
    assert!(text(&again).contains("already exists"), "{}", text(&again));

    // Restored elsewhere, as after losing the server.
    let restored = shared.data_dir.join("restored").join("kenes.db");
    let done = kenes(
        &restored.to_string_lossy(),
        &shared.data_dir,
        &["restore", &backup.to_string_lossy()],
    )
    .await;
    assert!(done.status.success(), "{}", text(&done));
    let path = restored.clone();
    let (rows, mismatched) = tokio::task::spawn_blocking(move || {
        let mut conn = diesel::SqliteConnection::establish(&path.to_string_lossy()).unwrap();
        let rows: Vec<Vote> = diesel::sql_query(
            "SELECT s.tracking_number AS number, u.user_id FROM upvotes u \
             JOIN suggestions s ON s.id = u.suggestion_id",
        )
        .load(&mut conn)
        .unwrap();
        let mismatched = diesel::sql_query(
            "SELECT COUNT(*) AS n FROM suggestions s WHERE s.upvotes <> \
             (SELECT COUNT(*) FROM upvotes u WHERE u.suggestion_id = s.id)",
        )
        .get_result::<Number>(&mut conn)
        .unwrap()
        .n;
        (rows, mismatched)
    })
    .await
    .unwrap();
    let stored: HashSet<(String, i64)> = rows.into_iter().map(|v| (v.number, v.user_id)).collect();
    for (number, user_id, _) in &before {
        assert!(
            stored.contains(&(number.clone(), *user_id)),
            "vote {number} by {user_id}, acknowledged before the backup, is missing"
        );
    }
    assert_eq!(mismatched, 0, "the copy is one consistent snapshot");
    // A server starts on the restored database.
    let again = Server::start(&restored.to_string_lossy(), &shared.data_dir.join("r"), &[]).await;
    again.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_restore_refuses_what_is_not_a_kenes_database_it_knows() {
    let shared = SharedDatabase::create(Db::Sqlite).await.unwrap();
    let dir = shared.data_dir.clone();
    let good = dir.join("good.db");
    let made = kenes(&shared.db.url, &dir, &["backup", &good.to_string_lossy()]).await;
    assert!(made.status.success(), "{}", text(&made));

    let text_file = dir.join("notes.txt");
    std::fs::write(&text_file, "not a database at all, just some text\n").unwrap();
    let empty = dir.join("empty.db");
    let other = dir.join("other.db");
    let newer = dir.join("newer.db");
    let (o, n, g) = (other.clone(), newer.clone(), good.clone());
    tokio::task::spawn_blocking(move || {
        use diesel::connection::SimpleConnection;
        let mut conn = diesel::SqliteConnection::establish(&o.to_string_lossy()).unwrap();
        conn.batch_execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
            .unwrap();
        std::fs::copy(&g, &n).unwrap();
        let mut conn = diesel::SqliteConnection::establish(&n.to_string_lossy()).unwrap();
        conn.batch_execute(
            "INSERT INTO __diesel_schema_migrations (version) VALUES ('29991231000000')",
        )
        .unwrap();
    })
    .await
    .unwrap();
    std::fs::write(&empty, b"").unwrap();

    let target = dir.join("target").join("kenes.db");
    let target_url = target.to_string_lossy().into_owned();
    for (file, expected) in [
        (&text_file, "is not an SQLite database"),
        (&empty, "is not an SQLite database"),
        (&other, "is not a Kenes database"),
        (&newer, "does not know (migrations 29991231000000)"),
        (&dir.join("missing.db"), "reading"),
    ] {
        let out = kenes(&target_url, &dir, &["restore", &file.to_string_lossy()]).await;
        assert!(!out.status.success(), "{} restored", file.display());
        assert!(
            text(&out).contains(expected),
            "{}: {}",
            file.display(),
            text(&out)
        );
        assert!(!target.exists(), "nothing is put in place");
    }

    // The good one restores; a database in use is not replaced.
    let server = Server::start(&shared.db.url, &dir.join("s"), &[]).await;
    let busy = kenes(&shared.db.url, &dir, &["restore", &good.to_string_lossy()]).await;
    assert!(!busy.status.success());
    assert!(text(&busy).contains("in use"), "{}", text(&busy));
    server.stop().await;
    let out = kenes(&target_url, &dir, &["restore", &good.to_string_lossy()]).await;
    assert!(out.status.success(), "{}", text(&out));
    // Restoring over an existing database keeps the one it replaces.
    let over = kenes(&target_url, &dir, &["restore", &good.to_string_lossy()]).await;
    assert!(over.status.success(), "{}", text(&over));
    let kept: Vec<PathBuf> = std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().contains("before-restore"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgres_backup_explains_pg_dump() {
    let Some(shared) = SharedDatabase::create(Db::Postgres).await else {
        return;
    };
    let file = shared.data_dir.join("pg.db");
    for command in ["backup", "restore"] {
        let out = kenes(
            &shared.db.url,
            &shared.data_dir,
            &[command, &file.to_string_lossy()],
        )
        .await;
        assert!(
            !out.status.success(),
            "{command} must not pretend to succeed"
        );
        assert!(text(&out).contains("pg_dump"), "{}", text(&out));
    }
    assert!(!file.exists());
}
