//! Real `kenes serve` processes (the binary, not the library in this process) on one
//! database, for what only shows with several processes or with the environment as
//! an operator sets it: votes and mail from three servers, configuration.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use kenes::db::DbPool;

use crate::helpers::{Db, TestDatabase, US_TEXT};

/// A free port on the loopback interface (the server binds it a moment later).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// One running `kenes serve`; killed when dropped.
pub struct Server {
    pub address: String,
    pub log_path: PathBuf,
    child: tokio::process::Child,
}

impl Server {
    /// Start `kenes serve` on `database_url` with these extra variables, and wait
    /// until `/healthz` answers.
    pub async fn start(database_url: &str, data_dir: &Path, env: &[(&str, String)]) -> Self {
        let port = free_port();
        std::fs::create_dir_all(data_dir).expect("data dir");
        let log_path = data_dir.join(format!("serve-{port}.log"));
        let log = std::fs::File::create(&log_path).expect("log file");
        let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_kenes"));
        command
            .arg("serve")
            .env("DATABASE_URL", database_url)
            .env("KENES_DATA_DIR", data_dir)
            .env("KENES_BIND", format!("127.0.0.1:{port}"))
            .env("KENES_PAGE_CACHE_SECS", "0")
            .env("KENES_WORKERS", "2")
            .env("KENES_LOG", "warn")
            .env("KENES_LOG_FORMAT", "json")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::from(log))
            .kill_on_drop(true);
        for (name, value) in env {
            command.env(name, value);
        }
        let child = command.spawn().expect("start kenes serve");
        let server = Self {
            address: format!("http://127.0.0.1:{port}"),
            log_path,
            child,
        };
        server.wait_until_up().await;
        server
    }

    async fn wait_until_up(&self) {
        let client = reqwest::Client::new();
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(60) {
            if let Ok(response) = client.get(format!("{}/healthz", self.address)).send().await {
                if response.status().is_success() {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "kenes serve did not come up at {}: {}",
            self.address,
            self.log()
        );
    }

    /// What the server logged so far.
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log_path).unwrap_or_default()
    }

    /// SIGTERM, and wait for the process to end (connections closed, stats flushed).
    pub async fn stop(mut self) {
        if let Some(pid) = self.child.id() {
            let _ = tokio::process::Command::new("kill")
                .arg(pid.to_string())
                .status()
                .await;
        }
        let _ = tokio::time::timeout(Duration::from_secs(40), self.child.wait()).await;
    }
}

/// A fresh database with the schema and the US Constitution open for participation,
/// and a pool of this test's own on it (not a server's).
pub struct SharedDatabase {
    pub db: TestDatabase,
    pub pool: DbPool,
    pub data_dir: PathBuf,
}

impl SharedDatabase {
    pub async fn create(backend: Db) -> Option<Self> {
        let db = TestDatabase::create(backend)?;
        let data_dir = std::env::temp_dir().join(format!("kenes-ops-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&data_dir).expect("data dir");
        let url = db.url.clone();
        let dir = data_dir.clone();
        let pool = tokio::task::spawn_blocking(move || {
            let mut settings = kenes::config::Settings::with_defaults();
            settings.database_url = Some(url);
            settings.data_dir = dir;
            let pool = kenes::startup::prepare_database(&settings).expect("database");
            let mut conn = pool.get().expect("connection");
            let slug = kenes::domain::Slug::parse("us").unwrap();
            kenes::import::import_draft(
                &mut conn,
                &kenes::import::ImportRequest {
                    consultation: &slug,
                    files: &[kenes::import::DraftFile {
                        lang: kenes::domain::TextLang::En,
                        file_name: "constitution-us.txt",
                        bytes: US_TEXT,
                    }],
                    into_version: None,
                    authoritative: None,
                    title: None,
                    summary: None,
                    changelog: "",
                    publish: true,
                },
            )
            .expect("import");
            let found = kenes::models::consultation::find_by_slug(&mut conn, &slug)
                .unwrap()
                .unwrap();
            kenes::models::consultation::set_status(
                &mut conn,
                found.id,
                kenes::domain::ConsultationStatus::Open,
                None,
                None,
            )
            .unwrap();
            drop(conn);
            pool
        })
        .await
        .expect("join");
        Some(Self { db, pool, data_dir })
    }

    pub async fn query<T, F>(&self, f: F) -> T
    where
        F: FnOnce(&mut kenes::db::AnyConnection) -> T + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || f(&mut pool.get().expect("connection")))
            .await
            .expect("join")
    }

    /// Start `n` servers on this database.
    pub async fn servers(&self, n: usize, env: &[(&str, String)]) -> Vec<Server> {
        let mut servers = Vec::new();
        for i in 0..n {
            servers
                .push(Server::start(&self.db.url, &self.data_dir.join(format!("s{i}")), env).await);
        }
        servers
    }
}

impl Drop for SharedDatabase {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

/// `mod $name { sqlite, postgres }`, each calling `$test(Db::…)`.
#[macro_export]
macro_rules! on_both {
    ($name:ident, $test:path) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                $test($crate::helpers::Db::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                $test($crate::helpers::Db::Postgres).await;
            }
        }
    };
}

/// The CSRF token of the first form on a page.
pub fn csrf_of(body: &str) -> String {
    crate::helpers::Page {
        status: 200,
        headers: Default::default(),
        body: body.to_owned(),
    }
    .input_value("csrf_token")
    .unwrap_or_else(|| panic!("no csrf token in {body}"))
}
