//! Starting the real application for a test: its own port, its own database.
//!
//! SQLite tests use a file in a fresh temporary directory. PostgreSQL tests create a
//! database named `kenes_test_<uuid>` on `TEST_POSTGRES_URL` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`) and drop it afterwards. Without a
//! reachable PostgreSQL the PostgreSQL variant of each test prints that it was skipped;
//! with `CI=true` it fails instead.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Once;

use diesel::{Connection, PgConnection, RunQueryDsl};
use kenes::config::Settings;
use kenes::db::DbPool;
use kenes::domain::Slug;
use kenes::import::{self, ImportRequest};
use kenes::startup::Application;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Db {
    Sqlite,
    Postgres,
}

pub const KZ_TEXT: &[u8] = include_bytes!("../data/constitution-kazakhstan-en.txt");
pub const US_TEXT: &[u8] = include_bytes!("../data/constitution-us.txt");

pub fn admin_postgres_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// A database of its own for one test, removed when dropped.
pub struct TestDatabase {
    pub url: String,
    pg_name: Option<String>,
    dir: PathBuf,
}

impl TestDatabase {
    /// `None` when PostgreSQL is wanted but not reachable (outside CI).
    pub fn create(backend: Db) -> Option<Self> {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let dir = std::env::temp_dir().join(format!("kenes-test-{id}"));
        std::fs::create_dir_all(&dir).expect("temp dir");
        match backend {
            Db::Sqlite => Some(Self {
                url: dir.join("kenes.db").to_string_lossy().into_owned(),
                pg_name: None,
                dir,
            }),
            Db::Postgres => {
                let admin = admin_postgres_url();
                let mut conn = match PgConnection::establish(&admin) {
                    Ok(conn) => conn,
                    Err(error) => {
                        assert!(
                            !in_ci(),
                            "CI=true but PostgreSQL is not reachable at {admin}: {error}"
                        );
                        // Straight to stderr: libtest hides `eprintln!` of passing tests.
                        let _ = writeln!(
                            std::io::stderr(),
                            "*** SKIPPED (PostgreSQL): not reachable at {admin}: {error}. \
                             Set TEST_POSTGRES_URL or start PostgreSQL; with CI=true this fails. ***"
                        );
                        let _ = std::fs::remove_dir_all(&dir);
                        return None;
                    }
                };
                let name = format!("kenes_test_{id}");
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .expect("create test database");
                let base = admin
                    .rsplit_once('/')
                    .map_or(admin.as_str(), |(base, _)| base);
                Some(Self {
                    url: format!("{base}/{name}"),
                    pg_name: Some(name),
                    dir,
                })
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(name) = &self.pg_name {
            if let Ok(mut conn) = PgConnection::establish(&admin_postgres_url()) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn);
            }
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub pool: DbPool,
    pub db: TestDatabase,
    pub mail: crate::smtp::MailCatcher,
    worker: kenes::mail::worker::WorkerHandle,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.worker.stop();
    }
}

/// A browser of its own: its own cookies, so its own session.
pub struct Visitor {
    pub address: String,
    pub client: reqwest::Client,
}

/// A page's address in English: tests read English text, so GETs of unprefixed pages
/// go to `/en/…` (an unprefixed GET would answer with a 303 to a language; see
/// `i18n.rs` for those redirects). POSTs stay as given: they are answered in the
/// language the visitor's `kenes_lang` cookie remembers, as old forms are.
pub fn english(path: &str) -> String {
    let unprefixed = ["/kk", "/ru", "/en"]
        .iter()
        .any(|p| path == *p || path.starts_with(&format!("{p}/")))
        || kenes::locale::is_unprefixed(path.split('?').next().unwrap_or_default());
    if unprefixed || !path.starts_with('/') {
        path.to_owned()
    } else {
        kenes::urls::in_lang(kenes::i18n::Lang::En, path)
    }
}

/// The test browsers ask for English (a test of another language says so itself).
pub fn english_browser() -> reqwest::header::HeaderMap {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        reqwest::header::HeaderValue::from_static("en"),
    );
    headers
}

fn new_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(english_browser())
        .cookie_store(true)
        .build()
        .expect("client")
}

impl Visitor {
    pub async fn get(&self, path: &str) -> Page {
        let response = self
            .client
            .get(format!("{}{}", self.address, english(path)))
            .send()
            .await
            .expect("request");
        Page::from(response).await
    }

    /// The CSRF token a form on `path` carries (as a browser would have it).
    pub async fn csrf_token(&self, path: &str) -> String {
        let page = self.get(path).await;
        page.input_value("csrf_token")
            .unwrap_or_else(|| panic!("no csrf_token on {path} (status {})", page.status))
    }

    /// Submit a form as a browser does: fetch the page with the form first (for the
    /// token), then post the fields.
    pub async fn submit(&self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Page {
        let token = self.csrf_token(form_page).await;
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf_token", &token));
        self.post_raw(action, &all).await
    }

    /// Post exactly these fields (no token added), as a browser posts a form of this
    /// site: with `Origin` and `Sec-Fetch-Site: same-origin`.
    pub async fn post_raw(&self, action: &str, fields: &[(&str, &str)]) -> Page {
        let response = self
            .client
            .post(format!("{}{action}", self.address))
            .header("Origin", &self.address)
            .header("Sec-Fetch-Site", "same-origin")
            .form(fields)
            .send()
            .await
            .expect("request");
        Page::from(response).await
    }

    pub async fn register(&self, email: &str, name: &str, password: &str) -> Page {
        self.submit(
            "/register",
            "/register",
            &[
                ("email", email),
                ("display_name", name),
                ("password", password),
                ("region", "astana"),
                ("terms", "yes"),
            ],
        )
        .await
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> Page {
        self.submit(
            "/sign-in",
            "/sign-in",
            &[
                ("email", email),
                ("password", password),
                ("next", "/account"),
            ],
        )
        .await
    }
}

static TRACING: Once = Once::new();

pub fn settings_for(db: &TestDatabase) -> Settings {
    let mut settings = Settings::with_defaults();
    settings.bind = "127.0.0.1:0".into();
    settings.database_url = Some(db.url.clone());
    settings.data_dir = db.dir.clone();
    settings.workers = Some(2);
    // Tests read their own writes at once; the cache has a test of its own.
    settings.page_cache_secs = 0;
    settings
}

/// Start the application; `None` if the backend is unavailable (see module docs).
pub async fn spawn_app(backend: Db) -> Option<TestApp> {
    spawn_app_with(backend, |_| {}).await
}

/// Start the application with adjusted settings.
pub async fn spawn_app_with(backend: Db, adjust: impl FnOnce(&mut Settings)) -> Option<TestApp> {
    TRACING.call_once(|| {
        if std::env::var("TEST_LOG").is_ok() {
            kenes::telemetry::init("info", kenes::config::LogFormat::Text);
        }
    });
    let db = TestDatabase::create(backend)?;
    let mail = crate::smtp::MailCatcher::start().await;
    let mut settings = settings_for(&db);
    settings.smtp_url = Some(mail.url());
    settings.mail_poll_ms = 50;
    settings.public_url = Some("http://kenes.test".into());
    adjust(&mut settings);
    let app = tokio::task::spawn_blocking(move || Application::build(&settings))
        .await
        .expect("join")
        .expect("application builds");
    let address = format!("http://127.0.0.1:{}", app.port());
    let pool = app.pool().clone();
    let worker = app.mail_worker();
    tokio::spawn(app.run_until_stopped());
    Some(TestApp {
        address,
        client: new_client(),
        pool,
        db,
        mail,
        worker,
    })
}

/// A page as a person's browser receives it.
pub struct Page {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Page {
    pub async fn from(response: reqwest::Response) -> Self {
        Self {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.text().await.expect("body"),
        }
    }

    /// The `value` of the input named `name`.
    pub fn input_value(&self, name: &str) -> Option<String> {
        let marker = format!("name=\"{name}\" value=\"");
        let start = self.body.find(&marker)? + marker.len();
        let value = &self.body[start..];
        Some(
            value[..value.find('"')?]
                .replace("&amp;", "&")
                .replace("&#x2f;", "/"),
        )
    }

    pub fn location(&self) -> &str {
        self.header("location")
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    /// How often `needle` occurs in the body.
    pub fn count(&self, needle: &str) -> usize {
        self.body.matches(needle).count()
    }
}

impl TestApp {
    /// A new browser for this app.
    pub fn visitor(&self) -> Visitor {
        Visitor {
            address: self.address.clone(),
            client: new_client(),
        }
    }

    /// An account created directly (a fixture, not the registration form): confirmed,
    /// with the given role. Returns its id.
    pub async fn create_user(
        &self,
        email: &str,
        name: &str,
        password: &str,
        role: kenes::domain::Role,
    ) -> i64 {
        let (email, name, password) = (email.to_owned(), name.to_owned(), password.to_owned());
        self.query(move |conn| {
            let hash = kenes::auth::password::hash_blocking(&password).unwrap();
            kenes::models::user::create(
                conn,
                &kenes::models::user::Registration {
                    // Test people read English, as if they had chosen it.
                    lang: Some("en"),
                    email: &kenes::domain::Email::parse(&email).unwrap(),
                    display_name: &kenes::domain::DisplayName::parse(&name).unwrap(),
                    password_hash: &hash,
                    region: None,
                    role,
                    confirmed: true,
                },
            )
            .unwrap()
            .id
        })
        .await
    }

    /// A visitor holding a session for a new, confirmed citizen, created directly (no
    /// sign-in request, so many can be made without meeting the sign-in throttle).
    /// Returns the visitor and the user id.
    pub async fn citizen(&self, name: &str) -> (Visitor, i64) {
        let email = format!("{}@example.kz", uuid::Uuid::new_v4().simple());
        let id = self
            .create_user(
                &email,
                name,
                "correct horse battery",
                kenes::domain::Role::Citizen,
            )
            .await;
        let cookie = self
            .query(move |conn| {
                let settings = kenes::auth::session::SessionSettings {
                    idle_timeout: chrono::Duration::minutes(30),
                    lifetime: chrono::Duration::hours(12),
                    secure_cookies: false,
                };
                kenes::auth::session::start(conn, &settings, id).unwrap()
            })
            .await;
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let url: reqwest::Url = self.address.parse().unwrap();
        jar.add_cookie_str(&format!("kenes_session={}; Path=/", cookie.value()), &url);
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .default_headers(english_browser())
            .cookie_provider(jar)
            .build()
            .unwrap();
        (
            Visitor {
                address: self.address.clone(),
                client,
            },
            id,
        )
    }

    /// A visitor signed in with a new account of `role`.
    pub async fn signed_in_as(&self, role: kenes::domain::Role) -> Visitor {
        let email = format!(
            "{}-{}@example.kz",
            role.as_str(),
            uuid::Uuid::new_v4().simple()
        );
        self.create_user(
            &email,
            &format!("Test {}", role.as_str()),
            "correct horse battery",
            role,
        )
        .await;
        let visitor = self.visitor();
        let page = visitor.sign_in(&email, "correct horse battery").await;
        assert_eq!(page.status, 303, "sign-in as {role} failed: {}", page.body);
        visitor
    }

    pub async fn get(&self, path: &str) -> Page {
        self.get_with(path, &[]).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut request = self
            .client
            .get(format!("{}{}", self.address, english(path)));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.expect("request");
        Page {
            status: response.status().as_u16(),
            headers: response.headers().clone(),
            body: response.text().await.expect("body"),
        }
    }

    /// Import a draft the way the CLI does, and optionally open the consultation.
    pub async fn import(&self, slug: &str, file_name: &str, bytes: &'static [u8], open: bool) {
        let pool = self.pool.clone();
        let slug = Slug::parse(slug).expect("slug");
        let file_name = file_name.to_owned();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().expect("connection");
            let request = ImportRequest {
                consultation: &slug,
                files: &[import::DraftFile {
                    lang: kenes::domain::TextLang::En,
                    file_name: &file_name,
                    bytes,
                }],
                into_version: None,
                authoritative: None,
                title: None,
                summary: Some("A test consultation."),
                changelog: "",
                publish: true,
            };
            import::import_draft(&mut conn, &request).expect("import");
            if open {
                let found = kenes::models::consultation::find_by_slug(&mut conn, &slug)
                    .expect("query")
                    .expect("exists");
                kenes::models::consultation::set_status(
                    &mut conn,
                    found.id,
                    kenes::domain::ConsultationStatus::Open,
                    None,
                    None,
                )
                .expect("open");
            }
        })
        .await
        .expect("join");
        // Written through the server's pool, as a request's write would be: its pages
        // read afresh at once.
        self.pool.changes().bump();
    }

    /// Run the real `kenes` binary against this test's database, in its default
    /// language (English: no language variable of the test's own environment).
    pub async fn cli(&self, args: &[&str]) -> std::process::Output {
        let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_kenes"));
        without_cli_language(&mut command);
        let output = command
            .args(args)
            .env("DATABASE_URL", &self.db.url)
            .env("KENES_DATA_DIR", &self.db.dir)
            .env("KENES_LOG", "warn")
            .output()
            .await
            .expect("run kenes");
        // The server hears another process's change within milliseconds (see
        // `reading::reading_pages_come_from_memory_while_nothing_changed`); a test
        // reads the very next moment, so it is told at once.
        self.pool.changes().bump();
        output
    }

    /// A scratch directory of this test's own.
    pub fn db_dir(&self) -> PathBuf {
        self.db.dir.clone()
    }

    /// A query on this test's database, off the async executor.
    pub async fn query<T, F>(&self, f: F) -> T
    where
        F: FnOnce(&mut kenes::db::AnyConnection) -> T + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        let result = tokio::task::spawn_blocking({
            let pool = pool.clone();
            move || f(&mut pool.get().expect("connection"))
        })
        .await
        .expect("join");
        // A change written here is the server's own, as a request's would be: its
        // reading pages read afresh at once (another process's change is heard within
        // milliseconds; `reading::pages_follow_changes_made_by_another_process`).
        pool.changes().bump();
        result
    }
}

/// Define `mod <test> { sqlite, postgres }` running `async fn <test>(app: TestApp)` on
/// each backend with a fresh app.
#[macro_export]
macro_rules! on_both_backends {
    ($($test:ident),* $(,)?) => {
        $(
            mod $test {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let app = $crate::helpers::spawn_app($crate::helpers::Db::Sqlite)
                        .await
                        .expect("SQLite is always available");
                    super::$test(app).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    if let Some(app) = $crate::helpers::spawn_app($crate::helpers::Db::Postgres).await {
                        super::$test(app).await;
                    }
                }
            }
        )*
    };
}

/// What a raw HTTP/1.1 exchange returned: status, headers (lower-case names), body.
#[derive(Debug)]
pub struct RawResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl RawResponse {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// Send `method target` exactly as written (no client library normalises the path:
/// `/%61dmin`, `//admin`, `/x/../admin` reach the server as they are), with the given
/// headers and body, and read the whole answer.
pub async fn raw_request(
    address: &str,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> RawResponse {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.expect("connect");
    let mut request =
        format!("{method} {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        request.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    request.push_str("\r\n");
    let mut bytes = request.into_bytes();
    bytes.extend_from_slice(body);
    stream.write_all(&bytes).await.expect("write");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.expect("read");
    let text = String::from_utf8_lossy(&answer).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in answer to {method} {target}: {text:?}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_lowercase(), v.trim().to_owned()))
        .collect();
    RawResponse {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// A browser holding a session for `user_id`, started directly, with its cookie jar so
/// that raw requests can carry the same cookies.
pub async fn session_for(
    app: &TestApp,
    user_id: i64,
) -> (Visitor, std::sync::Arc<reqwest::cookie::Jar>) {
    let cookie = app
        .query(move |conn| {
            let settings = kenes::auth::session::SessionSettings {
                idle_timeout: chrono::Duration::minutes(30),
                lifetime: chrono::Duration::hours(12),
                secure_cookies: false,
            };
            kenes::auth::session::start(conn, &settings, user_id).unwrap()
        })
        .await;
    let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
    let url: reqwest::Url = app.address.parse().unwrap();
    jar.add_cookie_str(
        &format!("{}={}; Path=/", cookie.name(), cookie.value()),
        &url,
    );
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(english_browser())
        .cookie_provider(jar.clone())
        .build()
        .unwrap();
    (
        Visitor {
            address: app.address.clone(),
            client,
        },
        jar,
    )
}

/// The `Cookie:` header a browser with this jar sends to the app.
pub fn cookie_header(app: &TestApp, jar: &reqwest::cookie::Jar) -> String {
    use reqwest::cookie::CookieStore;
    let url: reqwest::Url = app.address.parse().unwrap();
    jar.cookies(&url)
        .and_then(|v| v.to_str().ok().map(str::to_owned))
        .unwrap_or_default()
}

/// Like [`on_both_backends`], with the settings adjusted for every test listed.
#[macro_export]
macro_rules! on_both_backends_with {
    ($adjust:expr; $($test:ident),* $(,)?) => {
        $(
            mod $test {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let app = $crate::helpers::spawn_app_with($crate::helpers::Db::Sqlite, $adjust)
                        .await
                        .expect("SQLite is always available");
                    super::$test(app).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    if let Some(app) =
                        $crate::helpers::spawn_app_with($crate::helpers::Db::Postgres, $adjust).await
                    {
                        super::$test(app).await;
                    }
                }
            }
        )*
    };
}

/// The variables that choose the language of `kenes`'s messages (`KENES_CLI_LANG`, then
/// the POSIX locale): taken out of a command, so that a test's machine set to Russian
/// still sees the English default.
pub const CLI_LANGUAGE_VARIABLES: [&str; 4] = ["KENES_CLI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

pub fn without_cli_language(command: &mut tokio::process::Command) {
    for name in CLI_LANGUAGE_VARIABLES {
        command.env_remove(name);
    }
}
