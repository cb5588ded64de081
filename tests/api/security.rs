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

use crate::fixtures::{block, open_us, status_of, suggestion as fixture, unconfirm};
use crate::helpers::{
    cookie_header, raw_request, session_for, RawResponse, TestApp, Visitor, US_TEXT,
};
use crate::{on_both_backends, on_both_backends_with};

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
                .get(format!("{}/en/sign-in", app.address))
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
            let encoded = format!("/en/%{:02x}{}", first.as_bytes()[0], &first[1..]);
            let reached = send(&app, insider, "GET", &encoded).await;
            assert!(
                reached.status != 403 && !reached.header("location").contains("/sign-in"),
                "{:?} should reach GET {encoded}: {}",
                insider.who,
                reached.status
            );
        }
        // Every spelling unprefixed and under each language prefix (which is taken off
        // before routing, so the guard must hold there too).
        for person in people.iter().filter(|p| !p.who.admitted(area)) {
            for prefix in ["", "/kk", "/ru", "/en"] {
                for spelled in spellings(&path) {
                    let target = format!("{prefix}{spelled}");
                    let answer = send(&app, person, &method, &target).await;
                    let location = answer.header("location");
                    let to_sign_in = ["", "/kk", "/ru", "/en"]
                        .iter()
                        .any(|p| location.starts_with(&format!("{p}/sign-in?next=")));
                    // An unprefixed page is first sent to its address in a language,
                    // which is walked as well.
                    let to_language = prefix.is_empty()
                        && method == "GET"
                        && answer.status == 303
                        && ["/kk", "/ru", "/en"]
                            .iter()
                            .any(|p| location == format!("{p}{spelled}"));
                    let refused = matches!(answer.status, 403 | 404)
                        || (answer.status == 303 && to_sign_in)
                        || to_language;
                    assert!(
                        refused,
                        "{:?} {method} {target} (route {}) answered {} {location}: {}",
                        person.who,
                        route.path,
                        answer.status,
                        &answer.body[..answer.body.len().min(300)]
                    );
                    let exact = spelled == path && !to_language;
                    if person.who == Who::Anonymous && exact {
                        assert_eq!(answer.status, 303, "anonymous {method} {target}");
                        assert!(to_sign_in, "anonymous {method} {target}: {location}");
                    }
                    if person.who != Who::Anonymous && exact {
                        assert_eq!(answer.status, 403, "{:?} {method} {target}", person.who);
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 12000, "walked {checked} requests");

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

// ---------------------------------------------------------------- the other points

on_both_backends!(
    reports_count_only_confirmed_unblocked_citizens,
    text_kept_for_signed_out_writers_is_bounded,
    return_addresses_stay_on_this_site,
    cross_site_posts_get_nothing_back,
    private_pages_are_not_cacheable,
    blocked_citizens_cannot_edit_but_can_withdraw,
    control_characters_and_bad_encodings_are_refused_with_the_text_kept,
    csrf_tokens_are_masked_and_bound_to_the_session,
    email_addresses_are_validated_and_idn_accepted,
    permanent_smtp_refusals_stop_retrying_and_show_to_admins,
);

on_both_backends_with!(
    |s: &mut kenes::config::Settings| s.trust_proxy = true;
    strangers_cannot_lock_an_owner_out,
    forwarded_for_is_read_from_the_right,
);

on_both_backends_with!(
    |s: &mut kenes::config::Settings| s.public_url = Some("https://kenes.test".into());
    cookies_carry_the_host_prefix_over_https,
);

const CLAUSE: &str = "/consultations/us/clauses/I.1";
const FORM: &str = "/consultations/us/clauses/I.1/suggest";

async fn report(visitor: &Visitor, number: &str) -> crate::helpers::Page {
    let token = visitor.csrf_token(CLAUSE).await;
    visitor
        .post_raw(
            &format!("/suggestions/{number}/report"),
            &[
                ("csrf_token", &token),
                ("reason", "Offensive"),
                ("return_to", CLAUSE),
            ],
        )
        .await
}

async fn reports_count_only_confirmed_unblocked_citizens(app: TestApp) {
    open_us(&app).await;
    let (_, author) = app.citizen("Author").await;
    let number = fixture(
        &app,
        author,
        "I.1",
        "A suggestion a troll wants to silence.",
        SuggestionStatus::Published,
    )
    .await;
    // Three throw-away accounts that never confirmed their address.
    for i in 0..3 {
        let (troll, id) = app.citizen(&format!("Throwaway {i}")).await;
        unconfirm(&app, id).await;
        let page = report(&troll, &number).await;
        assert_eq!(page.status, 409, "an unconfirmed report is refused");
        assert!(page.body.contains("confirm"), "{}", page.body);
    }
    assert_eq!(status_of(&app, &number).await, "published");
    // Two real reports, then one reporter is blocked: the third report is not enough.
    let (first, first_id) = app.citizen("Reader one").await;
    let (second, _) = app.citizen("Reader two").await;
    assert_eq!(report(&first, &number).await.status, 303);
    assert_eq!(report(&second, &number).await.status, 303);
    block(&app, first_id).await;
    let (third, _) = app.citizen("Reader three").await;
    assert_eq!(report(&third, &number).await.status, 303);
    assert_eq!(
        status_of(&app, &number).await,
        "published",
        "a blocked citizen's report does not count"
    );
    let (fourth, _) = app.citizen("Reader four").await;
    assert_eq!(report(&fourth, &number).await.status, 303);
    assert_eq!(status_of(&app, &number).await, "hidden");
}

async fn drafts(app: &TestApp) -> i64 {
    app.query(|conn| {
        kenes::schema::suggestion_drafts::table
            .count()
            .get_result(conn)
            .unwrap()
    })
    .await
}

async fn post_signed_out(visitor: &Visitor, body: &str) -> crate::helpers::Page {
    let token = visitor.csrf_token(FORM).await;
    visitor
        .post_raw(
            FORM,
            &[("kind", "comment"), ("body", body), ("csrf_token", &token)],
        )
        .await
}

async fn text_kept_for_signed_out_writers_is_bounded(app: TestApp) {
    open_us(&app).await;
    let visitor = app.visitor();
    // Over the form's own limit: refused on the spot, the text shown back, nothing kept.
    let long = "слово ".repeat(1000);
    let page = post_signed_out(&visitor, &long).await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains(long.trim()));
    assert_eq!(drafts(&app).await, 0);
    // An expired draft is removed when the next one is kept.
    let clause_id: i64 = app
        .query(|conn| {
            kenes::schema::clauses::table
                .filter(kenes::schema::clauses::reference.eq("I.1"))
                .select(kenes::schema::clauses::id)
                .first(conn)
                .unwrap()
        })
        .await;
    app.query(move |conn| {
        diesel::insert_into(kenes::schema::suggestion_drafts::table)
            .values((
                kenes::schema::suggestion_drafts::token_hash.eq("old"),
                kenes::schema::suggestion_drafts::clause_id.eq(clause_id),
                kenes::schema::suggestion_drafts::kind.eq("comment"),
                kenes::schema::suggestion_drafts::body.eq("yesterday's"),
                kenes::schema::suggestion_drafts::proposed_text.eq(""),
                kenes::schema::suggestion_drafts::created_at
                    .eq(kenes::models::now() - chrono::Duration::hours(25)),
            ))
            .execute(conn)
            .unwrap()
    })
    .await;
    // Per address: 30 an hour, then the text stays on the page instead.
    let limit = kenes::auth::throttle::DRAFT_PER_ADDRESS.max;
    for i in 0..limit {
        let page = post_signed_out(&visitor, &format!("Careful words number {i}.")).await;
        assert_eq!(page.status, 303, "draft {i}");
    }
    assert_eq!(
        drafts(&app).await,
        i64::from(limit),
        "the expired one is gone"
    );
    let refused = post_signed_out(&visitor, "One more careful text, not to be lost.").await;
    assert_eq!(refused.status, 429);
    assert!(refused
        .body
        .contains("One more careful text, not to be lost."));
    assert!(refused.body.contains("cannot keep your text"));
    assert_eq!(drafts(&app).await, i64::from(limit));

    // And in all: a full store keeps no more, from any address.
    let max = kenes::models::suggestion::MAX_DRAFTS;
    app.query(move |conn| {
        let now = kenes::models::now();
        let made = drafts_in(conn);
        kenes::db::write_transaction(conn, |conn| {
            for i in made..max {
                diesel::insert_into(kenes::schema::suggestion_drafts::table)
                    .values((
                        kenes::schema::suggestion_drafts::token_hash.eq(format!("fill-{i}")),
                        kenes::schema::suggestion_drafts::clause_id.eq(clause_id),
                        kenes::schema::suggestion_drafts::kind.eq("comment"),
                        kenes::schema::suggestion_drafts::body.eq("filler text"),
                        kenes::schema::suggestion_drafts::proposed_text.eq(""),
                        kenes::schema::suggestion_drafts::created_at.eq(now),
                    ))
                    .execute(conn)?;
            }
            Ok::<_, diesel::result::Error>(())
        })
        .unwrap();
    })
    .await;
    // A new visitor (whose address has posted nothing yet in a real deployment; here
    // every test browser shares 127.0.0.1, whose hour is used up, so the bound is
    // checked through the model directly as well).
    let full = post_signed_out(&app.visitor(), "A visitor writes while the store is full.").await;
    assert_eq!(full.status, 429);
    assert!(full
        .body
        .contains("A visitor writes while the store is full."));
    let kept = app
        .query(move |conn| {
            kenes::db::write_transaction(conn, |conn| {
                let input = kenes::domain::SuggestionInput::parse(
                    "comment",
                    "A text long enough to be kept.",
                    "",
                    kenes::domain::TextLang::En,
                )
                .unwrap();
                kenes::models::suggestion::save_draft(conn, "one-more", clause_id, &input, max)
            })
            .unwrap()
        })
        .await;
    assert_eq!(kept, kenes::models::suggestion::DraftKept::Full);
    assert_eq!(drafts(&app).await, max);
}

fn drafts_in(conn: &mut kenes::db::AnyConnection) -> i64 {
    kenes::schema::suggestion_drafts::table
        .count()
        .get_result(conn)
        .unwrap()
}

async fn return_addresses_stay_on_this_site(app: TestApp) {
    app.create_user(
        "owner@example.kz",
        "Owner",
        "correct horse battery",
        Role::Citizen,
    )
    .await;
    for (next, expected) in [
        ("/%09/evil.example", "/"),
        ("/\t/evil.example", "/"),
        ("/%2F/evil.example", "/"),
        ("//evil.example", "/"),
        ("/\r\nSet-Cookie: stolen=1", "/"),
        ("https://evil.example/", "/"),
        ("/consultations/us?version=1", "/consultations/us?version=1"),
    ] {
        let visitor = app.visitor();
        let form = visitor
            .get(&format!(
                "/sign-in?next={}",
                url::form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>()
            ))
            .await;
        assert_eq!(form.status, 200, "{next:?}");
        assert_eq!(
            form.input_value("next").as_deref(),
            Some(expected),
            "{next:?}"
        );
        let token = form.input_value("csrf_token").unwrap();
        let signed = visitor
            .post_raw(
                "/sign-in",
                &[
                    ("email", "owner@example.kz"),
                    ("password", "correct horse battery"),
                    ("next", next),
                    ("csrf_token", &token),
                ],
            )
            .await;
        assert_eq!(signed.status, 303, "{next:?}: {}", signed.body);
        assert_eq!(signed.location(), expected, "{next:?}");
    }
}

async fn cross_site_posts_get_nothing_back(app: TestApp) {
    let attacker_text = "Filed in the victim's name by another site";
    // A stale or missing token from another site: refused, nothing echoed.
    for headers in [
        vec![("Origin", "https://evil.example")],
        vec![("Sec-Fetch-Site", "cross-site")],
        vec![("Origin", "null")],
    ] {
        let body = format!(
            "email=victim%40example.kz&display_name={}&password=x&terms=yes&csrf_token=stale",
            url::form_urlencoded::byte_serialize(attacker_text.as_bytes()).collect::<String>()
        );
        let mut all = headers.clone();
        all.push(("Content-Type", "application/x-www-form-urlencoded"));
        let answer = raw_request(&app.address, "POST", "/register", &all, body.as_bytes()).await;
        assert_eq!(answer.status, 403, "{headers:?}");
        assert!(
            !answer.body.contains(attacker_text),
            "{headers:?} echoed the text"
        );
        assert!(
            !answer.body.contains("csrf_token"),
            "{headers:?} handed out a form"
        );
    }
    // Even with a valid token, a post the browser marks cross-site is refused.
    let page = app.visitor();
    let token = page.csrf_token("/reset").await;
    let response = page
        .client
        .post(format!("{}/reset", app.address))
        .header("Sec-Fetch-Site", "cross-site")
        .form(&[("email", "x@example.kz"), ("csrf_token", &token)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 403);
    // The same stale form from this site's own page keeps the text (no loss).
    let same = app
        .visitor()
        .post_raw(
            "/register",
            &[
                ("email", "dana@example.kz"),
                ("display_name", "Dana Own Site"),
                ("password", "correct horse battery"),
                ("terms", "yes"),
                ("csrf_token", "stale"),
            ],
        )
        .await;
    assert_eq!(same.status, 403);
    assert!(same.body.contains("Dana Own Site"));
}

async fn private_pages_are_not_cacheable(app: TestApp) {
    open_us(&app).await;
    let anonymous = app.get("/").await;
    assert_ne!(anonymous.header("cache-control"), "no-store");
    let (citizen, author) = app.citizen("Private").await;
    let number = fixture(
        &app,
        author,
        "I.1",
        "My own words, shown to me alone while pending.",
        SuggestionStatus::Pending,
    )
    .await;
    for path in [
        "/".to_owned(),
        CLAUSE.to_owned(),
        "/account".to_owned(),
        "/account/data.json".to_owned(),
        "/account/suggestions".to_owned(),
        format!("/receipt/{number}"),
    ] {
        let page = citizen.get(&path).await;
        assert_eq!(page.status, 200, "{path}");
        assert_eq!(page.header("cache-control"), "no-store", "{path}");
    }
    let staff = app.signed_in_as(Role::Admin).await;
    for path in ["/admin", "/moderation", "/analytics", "/admin/users"] {
        assert_eq!(
            staff.get(path).await.header("cache-control"),
            "no-store",
            "{path}"
        );
    }
    // The answer that starts a session is not cacheable either.
    app.create_user(
        "cache@example.kz",
        "Cache",
        "correct horse battery",
        Role::Citizen,
    )
    .await;
    let signed = app
        .visitor()
        .sign_in("cache@example.kz", "correct horse battery")
        .await;
    assert_eq!(signed.status, 303);
    assert_eq!(signed.header("cache-control"), "no-store");
}

async fn blocked_citizens_cannot_edit_but_can_withdraw(app: TestApp) {
    open_us(&app).await;
    let (citizen, id) = app.citizen("Soon blocked").await;
    let number = fixture(
        &app,
        id,
        "I.1",
        "Original words awaiting moderation.",
        SuggestionStatus::Pending,
    )
    .await;
    block(&app, id).await;
    let edit = format!("/account/suggestions/{number}/edit");
    let token = citizen.csrf_token(&edit).await;
    let page = citizen
        .post_raw(
            &edit,
            &[
                ("kind", "comment"),
                ("body", "Changed words after being blocked."),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(page.status, 403);
    assert!(page.body.contains("Your account is blocked"));
    assert!(page.body.contains("Changed words after being blocked."));
    let stored: String = app
        .query(|conn| {
            suggestions::table
                .select(suggestions::body)
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(stored, "Original words awaiting moderation.");
    let token = citizen.csrf_token("/account/suggestions").await;
    let withdrawn = citizen
        .post_raw(
            &format!("/account/suggestions/{number}/withdraw"),
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(withdrawn.status, 303);
    assert_eq!(status_of(&app, &number).await, "withdrawn");
}

async fn control_characters_and_bad_encodings_are_refused_with_the_text_kept(app: TestApp) {
    open_us(&app).await;
    let (citizen, _) = app.citizen("Typist").await;
    let page = citizen.get(FORM).await;
    let token = page.input_value("csrf_token").unwrap();
    let answer = citizen
        .post_raw(
            FORM,
            &[
                ("kind", "amend"),
                ("body", "A reason with a NUL\0 byte in the middle."),
                ("proposed_text", "The proposed wording stays here."),
                ("csrf_token", &token),
                ("similar_seen", "yes"),
            ],
        )
        .await;
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert!(answer.body.contains("invisible control characters"));
    assert!(answer.body.contains("The proposed wording stays here."));
    let rows: i64 = app
        .query(|conn| suggestions::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(rows, 0, "nothing half-written, nothing truncated");
    // Other fields: a public name, a moderator's note.
    let register = app
        .visitor()
        .submit(
            "/register",
            "/register",
            &[
                ("email", "nul@example.kz"),
                ("display_name", "Nul\u{1}Name"),
                ("password", "correct horse battery"),
                ("terms", "yes"),
            ],
        )
        .await;
    assert_eq!(register.status, 422);
    assert!(register.body.contains("invisible control characters"));
    assert!(register.body.contains("nul@example.kz"));
    let (_, author) = app.citizen("Author").await;
    let number = fixture(
        &app,
        author,
        "I.1",
        "Pending words.",
        SuggestionStatus::Pending,
    )
    .await;
    let moderator = app.signed_in_as(Role::Moderator).await;
    let review = format!("/moderation/suggestions/{number}");
    let token = moderator.csrf_token(&review).await;
    let note = moderator
        .post_raw(
            &format!("{review}/note"),
            &[("note", "bad\0note"), ("csrf_token", &token)],
        )
        .await;
    assert!(matches!(note.status, 409 | 422), "{}", note.status);
    // A search box with a NUL finds nothing rather than failing.
    assert_eq!(
        moderator.get("/moderation?q=a%00b&status=all").await.status,
        200
    );
    assert_eq!(
        app.signed_in_as(Role::Admin)
            .await
            .get("/admin/users?q=a%00b")
            .await
            .status,
        200
    );
    // A form that is not UTF-8 at all: 400 with a message, nothing stored.
    let token = citizen.csrf_token(FORM).await;
    let response = citizen
        .client
        .post(format!("{}{FORM}", app.address))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Origin", &app.address)
        .body(format!(
            "kind=comment&body=caf%E9+latin1+text+here&csrf_token={token}"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 400);
    assert!(response.text().await.unwrap().contains("not valid text"));
    let rows: i64 = app
        .query(|conn| suggestions::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(rows, 1, "only the moderator's fixture");
}

async fn csrf_tokens_are_masked_and_bound_to_the_session(app: TestApp) {
    // Masked afresh on every page, and every one of them works.
    let visitor = app.visitor();
    let one = visitor.csrf_token("/reset").await;
    let two = visitor.csrf_token("/reset").await;
    assert_ne!(one, two, "the token is masked afresh in every response");
    for token in [&one, &two] {
        let page = visitor
            .post_raw(
                "/reset",
                &[("email", "x@example.kz"), ("csrf_token", token)],
            )
            .await;
        assert_eq!(page.status, 303);
    }
    // Bound to the session: a token from one session is refused in another session of
    // the same browser (same CSRF cookie).
    let id = app
        .create_user(
            "bound@example.kz",
            "Bound",
            "correct horse battery",
            Role::Citizen,
        )
        .await;
    let (first, jar) = session_for(&app, id).await;
    let token = first.csrf_token("/account").await;
    let cookies = cookie_header(&app, &jar);
    let csrf_cookie = cookies
        .split("; ")
        .find(|c| c.starts_with("kenes_csrf="))
        .unwrap()
        .to_owned();
    let (_, second_jar) = session_for(&app, id).await;
    let session_cookie = cookie_header(&app, &second_jar)
        .split("; ")
        .find(|c| c.starts_with("kenes_session="))
        .unwrap()
        .to_owned();
    let body = format!("display_name=Hijacked&region=&csrf_token={token}");
    let answer = raw_request(
        &app.address,
        "POST",
        "/account/profile",
        &[
            ("Cookie", &format!("{csrf_cookie}; {session_cookie}")),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        body.as_bytes(),
    )
    .await;
    assert_eq!(answer.status, 403);
    // With its own session it works.
    let ok = first
        .post_raw(
            "/account/profile",
            &[
                ("display_name", "Bound Again"),
                ("region", ""),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(ok.status, 303);
}

async fn email_addresses_are_validated_and_idn_accepted(app: TestApp) {
    for bad in [
        "a@b",
        "a..b@example.kz",
        "a@-x.kz",
        "a@example.123",
        "a@ex_ample.kz",
    ] {
        let page = app
            .visitor()
            .register(bad, "Someone", "correct horse battery")
            .await;
        assert_eq!(page.status, 422, "{bad}");
        assert!(page.body.contains("Enter an email address like"), "{bad}");
    }
    let page = app
        .visitor()
        .register("Әлия@Мысал.Қаз", "Aliya", "correct horse battery")
        .await;
    // The local part must be ASCII (mail servers cannot be assumed to accept UTF-8).
    assert_eq!(page.status, 422);
    let page = app
        .visitor()
        .register("aliya@Мысал.Қаз", "Aliya", "correct horse battery")
        .await;
    assert_eq!(page.status, 303, "{}", page.body);
    let stored: Vec<String> = app
        .query(|conn| users::table.select(users::email).load(conn).unwrap())
        .await;
    assert!(
        stored.iter().any(|e| e.starts_with("aliya@xn--")),
        "stored in ASCII form: {stored:?}"
    );
}

async fn permanent_smtp_refusals_stop_retrying_and_show_to_admins(app: TestApp) {
    use kenes::schema::outbox;
    for to in ["bounce-gone@example.kz", "busy-later@example.kz"] {
        let page = app
            .visitor()
            .register(to, "Mail Test", "correct horse battery")
            .await;
        assert_eq!(page.status, 303);
    }
    // Wait for the worker's first attempts.
    let mut rows = Vec::new();
    for _ in 0..200 {
        rows = app
            .query(|conn| {
                outbox::table
                    .order(outbox::to_address)
                    .select((
                        outbox::to_address,
                        outbox::attempts,
                        outbox::failed_at.is_not_null(),
                        outbox::sent_at.is_not_null(),
                    ))
                    .load::<(String, i32, bool, bool)>(conn)
                    .unwrap()
            })
            .await;
        if rows.iter().all(|r| r.1 >= 1) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(
        rows,
        vec![
            ("bounce-gone@example.kz".to_owned(), 1, true, false),
            ("busy-later@example.kz".to_owned(), 1, false, false),
        ]
    );
    // The permanent one is never tried again (the worker polls every 50 ms).
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let attempts: i32 = app
        .query(|conn| {
            outbox::table
                .filter(outbox::to_address.eq("bounce-gone@example.kz"))
                .select(outbox::attempts)
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(attempts, 1);
    let admin = app.signed_in_as(Role::Admin).await;
    let page = admin.get("/admin").await;
    assert!(page.body.contains("Mail that could not be delivered"));
    assert!(page.body.contains("bounce-gone@example.kz"));
    assert!(page.body.contains("No such mailbox"));
    assert!(!page.body.contains("busy-later@example.kz"));
}

/// Sign in as a browser at `address` behind our (trusted, loopback) proxy.
async fn sign_in_from(app: &TestApp, forwarded_for: &str, email: &str, password: &str) -> u16 {
    let visitor = app.visitor();
    let form = crate::helpers::Page::from(
        visitor
            .client
            .get(format!("{}/en/sign-in", app.address))
            .header("X-Forwarded-For", forwarded_for)
            .send()
            .await
            .unwrap(),
    )
    .await;
    let token = form.input_value("csrf_token").unwrap();
    visitor
        .client
        .post(format!("{}/sign-in", app.address))
        .header("X-Forwarded-For", forwarded_for)
        .header("Origin", &app.address)
        .form(&[
            ("email", email),
            ("password", password),
            ("csrf_token", &token),
        ])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

async fn strangers_cannot_lock_an_owner_out(app: TestApp) {
    app.create_user(
        "owner@example.kz",
        "Owner",
        "correct horse battery",
        Role::Citizen,
    )
    .await;
    let limit = kenes::auth::throttle::SIGN_IN_PER_ACCOUNT_AND_ADDRESS.max;
    for attempt in 0..limit {
        let status = sign_in_from(&app, "203.0.113.5", "owner@example.kz", "wrong guess").await;
        assert_eq!(status, 401, "attempt {attempt}");
    }
    assert_eq!(
        sign_in_from(&app, "203.0.113.5", "owner@example.kz", "wrong guess").await,
        429,
        "the stranger's address is throttled for this account"
    );
    assert_eq!(
        sign_in_from(
            &app,
            "198.51.100.7",
            "owner@example.kz",
            "correct horse battery"
        )
        .await,
        303,
        "the owner still signs in from elsewhere"
    );
}

async fn forwarded_for_is_read_from_the_right(app: TestApp) {
    app.create_user(
        "target@example.kz",
        "Target",
        "correct horse battery",
        Role::Citizen,
    )
    .await;
    let limit = kenes::auth::throttle::SIGN_IN_PER_ACCOUNT_AND_ADDRESS.max;
    // The client invents a new left-most address each time; our proxy appends the
    // real one on the right. The throttle must see the real one.
    for attempt in 0..limit {
        let spoofed = format!("10.9.8.{attempt}, 203.0.113.77");
        let status = sign_in_from(&app, &spoofed, "target@example.kz", "wrong").await;
        assert_eq!(status, 401, "attempt {attempt}");
    }
    assert_eq!(
        sign_in_from(&app, "1.2.3.4, 203.0.113.77", "target@example.kz", "wrong").await,
        429
    );
}

async fn cookies_carry_the_host_prefix_over_https(app: TestApp) {
    app.create_user(
        "secure@example.kz",
        "Secure",
        "correct horse battery",
        Role::Citizen,
    )
    .await;
    let first = raw_request(&app.address, "GET", "/en/sign-in", &[], b"").await;
    let set_cookie: Vec<&str> = first
        .headers
        .iter()
        .filter(|(n, _)| n == "set-cookie")
        .map(|(_, v)| v.as_str())
        .collect();
    let csrf = set_cookie
        .iter()
        .find(|c| c.starts_with("__Host-kenes_csrf="))
        .expect("the CSRF cookie has the __Host- prefix");
    assert!(csrf.contains("Secure") && csrf.contains("Path=/") && !csrf.contains("Domain"));
    let cookie = csrf.split(';').next().unwrap();
    let page = crate::helpers::Page {
        status: first.status,
        headers: reqwest::header::HeaderMap::new(),
        body: first.body.clone(),
    };
    let token = page.input_value("csrf_token").unwrap();
    let body =
        format!("email=secure%40example.kz&password=correct+horse+battery&csrf_token={token}");
    let signed = raw_request(
        &app.address,
        "POST",
        "/sign-in",
        &[
            ("Cookie", cookie),
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Origin", "https://kenes.test"),
        ],
        body.as_bytes(),
    )
    .await;
    assert_eq!(signed.status, 303, "{}", signed.body);
    let session = signed
        .headers
        .iter()
        .filter(|(n, _)| n == "set-cookie")
        .map(|(_, v)| v.as_str())
        .find(|c| c.contains("kenes_session="))
        .expect("a session cookie");
    assert!(session.starts_with("__Host-kenes_session="), "{session}");
    assert!(session.contains("Secure") && session.contains("HttpOnly"));
}
