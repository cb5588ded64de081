//! Security: what a hostile visitor tries. Each test here fails if its fix is removed.
//!
//! The route walk sends every protected route of `kenes::routes::ROUTES` (the table the
//! router is built from, so a route added later is walked too) as raw request lines in
//! many spellings, as every role, and checks that no role outside the area ever gets
//! past the guard.

use diesel::prelude::*;
use kenes::auth::policy::Area;
use kenes::domain::{Role, SuggestionStatus};
use kenes::routes::ROUTES;
use kenes::schema::{consultations, suggestions, users};

use crate::helpers::{cookie_header, raw_request, session_for, RawResponse, TestApp, US_TEXT};
use crate::moderation::fixture;
use crate::on_both_backends;

on_both_backends!(no_spelling_of_a_protected_path_gets_past_its_guard,);

/// The people of the route walk: who they are and whether an area admits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Anonymous,
    Unconfirmed,
    Citizen,
    Blocked,
    Moderator,
    Analyst,
    Admin,
}

impl Who {
    const ALL: [Self; 7] = [
        Self::Anonymous,
        Self::Unconfirmed,
        Self::Citizen,
        Self::Blocked,
        Self::Moderator,
        Self::Analyst,
        Self::Admin,
    ];

    fn role(self) -> Option<Role> {
        match self {
            Self::Anonymous => None,
            Self::Unconfirmed | Self::Citizen | Self::Blocked => Some(Role::Citizen),
            Self::Moderator => Some(Role::Moderator),
            Self::Analyst => Some(Role::Analyst),
            Self::Admin => Some(Role::Admin),
        }
    }

    fn admitted(self, area: Area) -> bool {
        self.role().is_some_and(|role| area.admits(role))
    }
}

/// Percent-encode every ASCII letter of `segment`, with upper- or lower-case hex.
fn encode_letters(segment: &str, upper: bool) -> String {
    segment
        .chars()
        .map(|c| {
            if c.is_ascii_alphabetic() {
                if upper {
                    format!("%{:02X}", c as u32)
                } else {
                    format!("%{:02x}", c as u32)
                }
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Ways of writing `path` that a server might route like `path` while a check on the
/// raw request line would not recognise it (or the reverse).
fn spellings(path: &str) -> Vec<String> {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let first = segments[0];
    let rest = segments[1..].join("/");
    let join = |head: &str| {
        if rest.is_empty() {
            format!("/{head}")
        } else {
            format!("/{head}/{rest}")
        }
    };
    let first_letter_lower = format!("%{:02x}{}", first.as_bytes()[0], &first[1..]);
    let first_letter_upper = format!("%{:02X}{}", first.as_bytes()[0], &first[1..]);
    // `m` is %6D / %6d: hex with a letter in it, so upper and lower case differ.
    let m_encoded_upper = first.replacen('m', "%6D", 1);
    let m_encoded_lower = first.replacen('m', "%6d", 1);
    let mut all = vec![
        path.to_owned(),
        join(&first_letter_lower),
        join(&first_letter_upper),
        join(&m_encoded_upper),
        join(&m_encoded_lower),
        join(&encode_letters(first, false)),
        join(&encode_letters(first, true)),
        format!("/{}", encode_letters(path.trim_start_matches('/'), false)),
        format!("/{}", encode_letters(path.trim_start_matches('/'), true)),
        format!("/%25{:02x}{}", first.as_bytes()[0], &path[2..]),
        format!("/{path}"),
        format!("//{}", join(&first_letter_lower).trim_start_matches('/')),
        format!("/.{path}"),
        format!("/x/..{path}"),
        format!("/%2e{path}"),
        format!("/%2E{path}"),
        format!("/x/%2e%2e{path}"),
        format!("/x/%2E%2E{path}"),
        path.to_uppercase(),
        join(&first.to_uppercase()),
        format!("{path}/"),
        format!("{}/", join(&first_letter_lower)),
        join(&format!("{first};x=1")),
        format!("{path};jsessionid=1"),
        join(&format!("{first_letter_lower};x=1")),
        format!("/{first}%2Fx"),
    ];
    if !rest.is_empty() {
        all.push(format!("/{first}%2F{rest}"));
        all.push(format!("/{first}%2f{rest}"));
        all.push(format!("/{first_letter_lower}%2f{rest}"));
        all.push(format!("/{first}//{rest}"));
        all.push(format!("/{first}/./{rest}"));
        all.push(format!("/{first}/x/../{rest}"));
        all.push(format!("/{first}/x/%2e%2e/{rest}"));
        let last = segments[segments.len() - 1];
        if let Some(c) = last.chars().find(char::is_ascii_alphabetic) {
            let encoded = last.replacen(c, &format!("%{:02x}", c as u32), 1);
            let mut with_last = segments.clone();
            let n = with_last.len();
            with_last[n - 1] = &encoded;
            all.push(format!("/{}", with_last.join("/")));
        }
    }
    all
}

/// Fill a route pattern's parameters with values that exist in this test's data.
fn concrete(pattern: &str, number: &str, user_id: i64) -> String {
    pattern
        .replace("/suggestions/{number}", &format!("/suggestions/{number}"))
        .replace("/versions/{number}", "/versions/1")
        .replace("{slug}", "us")
        .replace("{id}", &user_id.to_string())
        .replace("{chart}", "status.csv")
}

struct Person {
    who: Who,
    cookies: String,
    token: String,
}

async fn person(app: &TestApp, who: Who) -> Person {
    let Some(role) = who.role() else {
        // Anonymous: a CSRF cookie and token from a public form, no session.
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .build()
            .unwrap();
        let page = crate::helpers::Page::from(
            client
                .get(format!("{}/sign-in", app.address))
                .send()
                .await
                .unwrap(),
        )
        .await;
        return Person {
            who,
            cookies: cookie_header(app, &jar),
            token: page.input_value("csrf_token").unwrap(),
        };
    };
    let email = format!("{who:?}-{}@example.kz", uuid::Uuid::new_v4().simple()).to_lowercase();
    let id = app
        .create_user(
            &email,
            &format!("{who:?} person"),
            "correct horse battery",
            role,
        )
        .await;
    match who {
        Who::Unconfirmed => {
            app.query(move |conn| {
                diesel::update(users::table.find(id))
                    .set(users::email_confirmed_at.eq(None::<chrono::NaiveDateTime>))
                    .execute(conn)
                    .unwrap()
            })
            .await;
        }
        Who::Blocked => {
            app.query(move |conn| {
                diesel::update(users::table.find(id))
                    .set(users::blocked_at.eq(Some(kenes::models::now())))
                    .execute(conn)
                    .unwrap()
            })
            .await;
        }
        _ => {}
    }
    let (visitor, jar) = session_for(app, id).await;
    let token = visitor.csrf_token("/account").await;
    Person {
        who,
        cookies: cookie_header(app, &jar),
        token,
    }
}

async fn send(app: &TestApp, person: &Person, method: &str, target: &str) -> RawResponse {
    let body = format!(
        "csrf_token={}&action=publish&role=admin&scope=filter&confirmed=1&outcome=accepted\
         &response=Hacked&note=hacked&tag=hacked&blocked=1&reason=hacked&title=Hacked&slug=hacked\
         &status=open&moderation_mode=post&summary=hacked&daily_summary=1&assignee=1&body=hacked",
        person.token
    );
    let mut headers = vec![("Cookie", person.cookies.as_str())];
    if method == "POST" {
        headers.push(("Content-Type", "application/x-www-form-urlencoded"));
        headers.push(("Origin", app.address.as_str()));
        headers.push(("Sec-Fetch-Site", "same-origin"));
        raw_request(&app.address, method, target, &headers, body.as_bytes()).await
    } else {
        raw_request(&app.address, method, target, &headers, b"").await
    }
}

async fn no_spelling_of_a_protected_path_gets_past_its_guard(app: TestApp) {
    app.import("us", "constitution-us.txt", US_TEXT, true).await;
    let (_, author) = app.citizen("Author").await;
    let number = fixture(
        &app,
        author,
        "I.1",
        "A pending suggestion that nobody outside moderation may publish.",
        SuggestionStatus::Pending,
    )
    .await;
    let mut people = Vec::new();
    for who in Who::ALL {
        people.push(person(&app, who).await);
    }
    let roles_before: Vec<(i64, String)> = app
        .query(|conn| {
            users::table
                .order(users::id)
                .select((users::id, users::role))
                .load(conn)
                .unwrap()
        })
        .await;

    let protected: Vec<_> = ROUTES.iter().filter(|r| r.area.is_some()).collect();
    assert!(
        protected.len() >= 40,
        "the route table lists the protected routes"
    );
    for area in Area::ALL {
        assert!(
            protected.iter().any(|r| r.area == Some(area)),
            "{area:?} has routes"
        );
    }
    let mut checked = 0;
    for route in &protected {
        let area = route.area.unwrap();
        let method = route.method.to_uppercase();
        let path = concrete(route.path, &number, author);
        // Positive control: someone the area admits reaches the handler through an
        // encoded spelling, so a refusal below is the guard's doing, not a 404 of a
        // spelling the router never matched.
        let insider = people.iter().find(|p| p.who.admitted(area)).unwrap();
        if method == "GET" {
            let first = path.trim_start_matches('/');
            let encoded = format!("/%{:02x}{}", first.as_bytes()[0], &first[1..]);
            let reached = send(&app, insider, "GET", &encoded).await;
            assert!(
                reached.status != 403 && !reached.header("location").starts_with("/sign-in"),
                "{:?} should reach GET {encoded}: {}",
                insider.who,
                reached.status
            );
        }
        for person in people.iter().filter(|p| !p.who.admitted(area)) {
            for target in spellings(&path) {
                let answer = send(&app, person, &method, &target).await;
                let location = answer.header("location");
                let refused = matches!(answer.status, 403 | 404)
                    || (answer.status == 303 && location.starts_with("/sign-in?next="));
                assert!(
                    refused,
                    "{:?} {method} {target} (route {}) answered {} {location}: {}",
                    person.who,
                    route.path,
                    answer.status,
                    &answer.body[..answer.body.len().min(300)]
                );
                if person.who == Who::Anonymous && target == path {
                    assert_eq!(answer.status, 303, "anonymous {method} {target}");
                }
                if person.who != Who::Anonymous && target == path {
                    assert_eq!(answer.status, 403, "{:?} {method} {target}", person.who);
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 3000, "walked {checked} requests");

    // Nothing any of them sent changed anything.
    let roles_after: Vec<(i64, String)> = app
        .query(|conn| {
            users::table
                .order(users::id)
                .select((users::id, users::role))
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(roles_before, roles_after);
    let status: String = app
        .query(|conn| {
            suggestions::table
                .select(suggestions::status)
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(status, "pending");
    let consultations: i64 = app
        .query(|conn| consultations::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(consultations, 1);
}
