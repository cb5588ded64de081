//! Accounts: registration with email over real SMTP, confirmation, sign-in and out,
//! reset, sessions, CSRF, throttling, enumeration, the account page, roles.

use diesel::prelude::*;
use kenes::domain::Role;
use kenes::schema::{sessions, user_tokens, users};

use crate::helpers::TestApp;
use crate::on_both_backends;

on_both_backends!(
    register_confirm_sign_in_sign_out,
    invalid_registration_keeps_what_was_typed,
    stale_csrf_token_refuses_or_keeps_the_text,
    confirmation_links_are_single_use_and_expire,
    reset_ends_every_session_and_notifies,
    known_and_unknown_emails_get_the_same_answers,
    sign_in_is_throttled_per_account,
    every_protected_area_admits_only_its_roles,
    old_password_hashes_are_upgraded_at_sign_in,
    sessions_end_on_sign_out_everywhere_password_change_and_idle,
    unconfirmed_accounts_see_a_banner_and_can_resend,
    account_page_edits_exports_and_deletes,
    oversized_forms_are_refused,
    registration_is_throttled_per_address,
    registration_is_throttled_per_email,
    cli_creates_users_and_changes_roles,
);

const PASSWORD: &str = "correct horse battery";

async fn user_row(app: &TestApp, email: &'static str) -> Option<kenes::models::user::User> {
    app.query(move |conn| {
        users::table
            .filter(users::email.eq(email))
            .select(kenes::models::user::User::as_select())
            .first(conn)
            .optional()
            .unwrap()
    })
    .await
}

async fn register_confirm_sign_in_sign_out(app: TestApp) {
    let visitor = app.visitor();
    let page = visitor
        .register("aigerim@example.kz", "Әйгерім", PASSWORD)
        .await;
    assert_eq!(page.status, 303);
    assert_eq!(page.location(), "/register/sent");
    assert!(visitor
        .get("/register/sent")
        .await
        .body
        .contains("Check your email"));

    let stored = user_row(&app, "aigerim@example.kz")
        .await
        .expect("account created");
    assert!(stored
        .password_hash
        .starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    assert_eq!(stored.region.as_deref(), Some("astana"));
    assert!(stored.email_confirmed_at.is_none());

    // The email arrived over SMTP, with a text and an HTML part and a working link.
    let mail = app.mail.wait_for("aigerim@example.kz", 1).await;
    assert_eq!(mail.subject(), "Confirm your email address");
    assert!(
        mail.text().contains("Hello Әйгерім,") || mail.raw.contains("Hello"),
        "{}",
        mail.text()
    );
    assert!(mail
        .html()
        .contains("<a href=\"http://kenes.test/en/confirm?token="));
    let link = mail.link("/confirm?token=").expect("link in the text part");
    let token = link.split("token=").nth(1).unwrap().to_owned();
    let stored_hash: String = app
        .query(|conn| {
            user_tokens::table
                .select(user_tokens::token_hash)
                .first(conn)
                .unwrap()
        })
        .await;
    assert_ne!(stored_hash, token, "only a hash of the token is stored");

    let confirmed = visitor
        .get(link.trim_start_matches("http://kenes.test"))
        .await;
    assert_eq!(confirmed.status, 200);
    assert!(confirmed.body.contains("Your email address is confirmed"));
    assert!(user_row(&app, "aigerim@example.kz")
        .await
        .unwrap()
        .email_confirmed_at
        .is_some());

    let signed_in = visitor.sign_in("aigerim@example.kz", PASSWORD).await;
    assert_eq!(signed_in.status, 303);
    assert_eq!(signed_in.location(), "/account");
    let cookie = signed_in
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("kenes_session="))
        .expect("session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let account = visitor.get("/account").await;
    assert_eq!(account.status, 200);
    assert!(account.body.contains("Әйгерім"));
    assert!(
        account.body.contains("You are signed in."),
        "flash shown once"
    );
    assert!(
        !visitor
            .get("/account")
            .await
            .body
            .contains("You are signed in."),
        "and only once"
    );

    let token = visitor.csrf_token("/account").await;
    let out = visitor
        .post_raw("/sign-out", &[("csrf_token", &token)])
        .await;
    assert_eq!(out.status, 303);
    let after = visitor.get("/account").await;
    assert_eq!(after.status, 303);
    assert_eq!(after.location(), "/en/sign-in?next=%2Faccount");
    let count: i64 = app
        .query(|conn| sessions::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(count, 0, "the session row is gone");
}

async fn invalid_registration_keeps_what_was_typed(app: TestApp) {
    let visitor = app.visitor();
    let page = visitor
        .submit(
            "/register",
            "/register",
            &[
                ("email", "not-an-email"),
                ("display_name", "Марат <b>"),
                ("password", "password1"),
                ("region", "mars"),
            ],
        )
        .await;
    assert_eq!(page.status, 422);
    assert!(page
        .body
        .contains("Enter an email address like name@example.kz."));
    assert!(page.body.contains("This password is too common"));
    assert!(page.body.contains("Choose a region from the list."));
    assert!(page
        .body
        .contains("You need to agree to the terms to register."));
    assert!(page.body.contains(r#"value="not-an-email""#), "email kept");
    assert!(
        page.body.contains("Марат &#60;b&#62;") || page.body.contains("Марат &lt;b&gt;"),
        "name kept, escaped"
    );
    assert!(
        !page.body.contains("password1"),
        "the password is never echoed"
    );
    assert!(page
        .body
        .contains(r#"aria-invalid="true" aria-describedby="email-error""#));
    let short = visitor
        .submit(
            "/register",
            "/register",
            &[
                ("email", "a@example.kz"),
                ("display_name", "A"),
                ("password", "short"),
                ("terms", "yes"),
            ],
        )
        .await;
    assert!(short.body.contains("must be 2 to 50 characters"));
    assert!(short.body.contains("at least 8 characters long"));
    let count: i64 = app
        .query(|conn| users::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(count, 0, "nothing was written");
}

async fn stale_csrf_token_refuses_or_keeps_the_text(app: TestApp) {
    let visitor = app.visitor();
    // A form without a token is refused.
    let page = visitor
        .post_raw(
            "/sign-in",
            &[("email", "x@example.kz"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(page.status, 403);
    assert!(page.body.contains("This form has expired"));
    // A forged token too.
    let _ = visitor.csrf_token("/sign-in").await;
    let forged = visitor
        .post_raw(
            "/reset",
            &[("email", "x@example.kz"), ("csrf_token", &"0".repeat(64))],
        )
        .await;
    assert_eq!(forged.status, 403);

    // Registration keeps the text and asks to submit again, saving nothing.
    let kept = visitor
        .post_raw(
            "/register",
            &[
                ("email", "dana@example.kz"),
                ("display_name", "Дана"),
                ("password", PASSWORD),
                ("terms", "yes"),
                ("csrf_token", "stale"),
            ],
        )
        .await;
    assert_eq!(kept.status, 403);
    assert!(kept
        .body
        .contains("This form had expired, so nothing was saved"));
    assert!(kept.body.contains(r#"value="dana@example.kz""#));
    assert!(kept.body.contains(r#"value="Дана""#));
    assert!(user_row(&app, "dana@example.kz").await.is_none());
    // The re-rendered form carries a valid token: one more submit works.
    let token = kept.input_value("csrf_token").unwrap();
    let again = visitor
        .post_raw(
            "/register",
            &[
                ("email", "dana@example.kz"),
                ("display_name", "Дана"),
                ("password", PASSWORD),
                ("terms", "yes"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(again.status, 303);
    assert!(user_row(&app, "dana@example.kz").await.is_some());

    // A signed-in form with another browser's token is refused as well.
    let signed_in = app.signed_in_as(Role::Citizen).await;
    let other_token = app.visitor().csrf_token("/sign-in").await;
    let profile = signed_in
        .post_raw(
            "/account/profile",
            &[("display_name", "Hijacked"), ("csrf_token", &other_token)],
        )
        .await;
    assert_eq!(profile.status, 403);
}

async fn confirmation_links_are_single_use_and_expire(app: TestApp) {
    let visitor = app.visitor();
    visitor
        .register("ermek@example.kz", "Ермек", PASSWORD)
        .await;
    let link = app
        .mail
        .wait_for("ermek@example.kz", 1)
        .await
        .link("/confirm?token=")
        .unwrap();
    let path = link.trim_start_matches("http://kenes.test").to_owned();
    assert_eq!(visitor.get(&path).await.status, 200);
    let reused = visitor.get(&path).await;
    assert_eq!(reused.status, 410);
    assert!(reused.body.contains("This link no longer works"));
    assert_eq!(visitor.get("/confirm?token=garbage").await.status, 410);

    // An expired token is refused.
    visitor
        .register("olzhas@example.kz", "Олжас", PASSWORD)
        .await;
    let link = app
        .mail
        .wait_for("olzhas@example.kz", 1)
        .await
        .link("/confirm?token=")
        .unwrap();
    app.query(|conn| {
        diesel::update(user_tokens::table.filter(user_tokens::used_at.is_null()))
            .set(user_tokens::expires_at.eq(kenes::models::now() - chrono::Duration::minutes(1)))
            .execute(conn)
            .unwrap()
    })
    .await;
    assert_eq!(
        visitor
            .get(link.trim_start_matches("http://kenes.test"))
            .await
            .status,
        410
    );
    assert!(user_row(&app, "olzhas@example.kz")
        .await
        .unwrap()
        .email_confirmed_at
        .is_none());
}

async fn reset_ends_every_session_and_notifies(app: TestApp) {
    app.create_user("saule@example.kz", "Сәуле", PASSWORD, Role::Citizen)
        .await;
    let laptop = app.visitor();
    assert_eq!(
        laptop.sign_in("saule@example.kz", PASSWORD).await.status,
        303
    );
    assert_eq!(laptop.get("/account").await.status, 200);

    let phone = app.visitor();
    let asked = phone
        .submit("/reset", "/reset", &[("email", "saule@example.kz")])
        .await;
    assert_eq!(asked.status, 303);
    assert_eq!(asked.location(), "/reset/sent");
    let mail = app.mail.wait_for("saule@example.kz", 1).await;
    assert_eq!(mail.subject(), "Reset your password");
    let path = mail
        .link("/reset/confirm?token=")
        .unwrap()
        .trim_start_matches("http://kenes.test")
        .to_owned();
    let form = phone.get(&path).await;
    assert_eq!(form.status, 200);
    let token = form.input_value("token").unwrap();
    let csrf = form.input_value("csrf_token").unwrap();
    let weak = phone
        .post_raw(
            "/reset/confirm",
            &[
                ("token", &token),
                ("password", "password"),
                ("csrf_token", &csrf),
            ],
        )
        .await;
    assert_eq!(weak.status, 422, "the token survives a validation error");
    let done = phone
        .post_raw(
            "/reset/confirm",
            &[
                ("token", &token),
                ("password", "a brand new passphrase"),
                ("csrf_token", &csrf),
            ],
        )
        .await;
    assert_eq!(done.status, 303);
    assert_eq!(done.location(), "/sign-in");

    // The laptop's session is over; the old password no longer works; the new one does.
    assert_eq!(laptop.get("/account").await.status, 303);
    assert_eq!(
        app.visitor()
            .sign_in("saule@example.kz", PASSWORD)
            .await
            .status,
        401
    );
    assert_eq!(
        app.visitor()
            .sign_in("saule@example.kz", "a brand new passphrase")
            .await
            .status,
        303
    );
    // The link cannot be used twice, and the owner is told.
    assert_eq!(phone.get(&path).await.status, 410);
    let notice = app.mail.wait_for("saule@example.kz", 2).await;
    assert_eq!(notice.subject(), "Your password was changed");
}

async fn known_and_unknown_emails_get_the_same_answers(app: TestApp) {
    app.create_user("known@example.kz", "Known", PASSWORD, Role::Citizen)
        .await;
    let visitor = app.visitor();

    let known = visitor
        .register(
            "known@example.kz",
            "Someone Else",
            "another good passphrase",
        )
        .await;
    let unknown = visitor
        .register("fresh@example.kz", "Someone New", "another good passphrase")
        .await;
    assert_eq!(
        (known.status, known.location()),
        (unknown.status, unknown.location())
    );
    // The owner of the known address is told instead.
    let notice = app.mail.wait_for("known@example.kz", 1).await;
    assert_eq!(
        notice.subject(),
        "Someone tried to register with your address"
    );

    let wrong_password = visitor
        .sign_in("known@example.kz", "not the password")
        .await;
    let no_account = visitor
        .sign_in("nobody@example.kz", "not the password")
        .await;
    assert_eq!(wrong_password.status, 401);
    assert_eq!(no_account.status, 401);
    let strip = |p: &crate::helpers::Page| {
        p.body
            .replace(&p.input_value("csrf_token").unwrap_or_default(), "")
            .replace("known@example.kz", "nobody@example.kz")
    };
    assert_eq!(
        strip(&wrong_password),
        strip(&no_account),
        "same page for both"
    );

    let reset_known = visitor
        .submit("/reset", "/reset", &[("email", "known@example.kz")])
        .await;
    let reset_unknown = visitor
        .submit("/reset", "/reset", &[("email", "nobody@example.kz")])
        .await;
    assert_eq!(
        (reset_known.status, reset_known.location()),
        (reset_unknown.status, reset_unknown.location())
    );
}

async fn sign_in_is_throttled_per_account(app: TestApp) {
    app.create_user("target@example.kz", "Target", PASSWORD, Role::Citizen)
        .await;
    let limit = kenes::auth::throttle::SIGN_IN_PER_ACCOUNT_AND_ADDRESS.max;
    for attempt in 0..limit {
        // Each attempt from a different browser: the limit is per account (and
        // address: every test browser comes from 127.0.0.1).
        let page = app
            .visitor()
            .sign_in("TARGET@example.kz", "wrong guess")
            .await;
        assert_eq!(page.status, 401, "attempt {attempt}");
    }
    let refused = app.visitor().sign_in("target@example.kz", PASSWORD).await;
    assert_eq!(refused.status, 429);
    let retry: i64 = refused.header("retry-after").parse().unwrap();
    assert!(retry > 0 && retry <= 15 * 60);
    assert!(refused.body.contains("Too many attempts"));
    assert!(refused.body.contains("You can try again in about"));
    // Another account is not affected.
    app.create_user("other@example.kz", "Other", PASSWORD, Role::Citizen)
        .await;
    assert_eq!(
        app.visitor()
            .sign_in("other@example.kz", PASSWORD)
            .await
            .status,
        303
    );
}

async fn every_protected_area_admits_only_its_roles(app: TestApp) {
    let routes = [
        "/account",
        "/account/data.json",
        "/moderation",
        "/analytics",
        "/admin",
        "/admin/users",
        "/admin/consultations",
        "/admin/consultations/new",
    ];
    let anonymous = app.visitor();
    for route in routes {
        let page = anonymous.get(route).await;
        assert_eq!(page.status, 303, "anonymous {route}");
        // A download has no language prefix, so neither has its way to sign in.
        let sign_in = if kenes::locale::is_unprefixed(route) {
            "/sign-in?next="
        } else {
            "/en/sign-in?next="
        };
        assert!(page.location().starts_with(sign_in), "{route}");
    }
    for role in Role::ALL {
        let visitor = app.signed_in_as(role).await;
        for route in routes {
            let allowed = match route {
                "/account" | "/account/data.json" => true,
                "/moderation" => matches!(role, Role::Moderator | Role::Admin),
                "/analytics" => matches!(role, Role::Analyst | Role::Admin),
                _ => role == Role::Admin,
            };
            let page = visitor.get(route).await;
            let expected = if allowed { 200 } else { 403 };
            assert_eq!(page.status, expected, "{role} {route}");
            if !allowed {
                assert!(page.body.contains("Not allowed"));
            }
        }
    }
    // Protected POSTs are refused before the handler runs, too.
    let citizen = app.signed_in_as(Role::Citizen).await;
    let token = citizen.csrf_token("/account").await;
    let page = citizen
        .post_raw(
            "/admin/users/1/role",
            &[("role", "admin"), ("csrf_token", &token)],
        )
        .await;
    assert_eq!(page.status, 403);
}

async fn old_password_hashes_are_upgraded_at_sign_in(app: TestApp) {
    use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
    let id = app
        .create_user("legacy@example.kz", "Legacy", PASSWORD, Role::Citizen)
        .await;
    let weak = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(8 * 1024, 1, 1, None).unwrap(),
    )
    .hash_password(PASSWORD.as_bytes(), &SaltString::generate(&mut OsRng))
    .unwrap()
    .to_string();
    let stored = weak.clone();
    app.query(move |conn| kenes::models::user::set_password_hash(conn, id, &stored).unwrap())
        .await;
    assert_eq!(
        app.visitor()
            .sign_in("legacy@example.kz", PASSWORD)
            .await
            .status,
        303
    );
    let upgraded = user_row(&app, "legacy@example.kz")
        .await
        .unwrap()
        .password_hash;
    assert_ne!(upgraded, weak);
    assert!(upgraded.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
}

async fn sessions_end_on_sign_out_everywhere_password_change_and_idle(app: TestApp) {
    app.create_user("multi@example.kz", "Multi", PASSWORD, Role::Citizen)
        .await;
    let (a, b) = (app.visitor(), app.visitor());
    a.sign_in("multi@example.kz", PASSWORD).await;
    b.sign_in("multi@example.kz", PASSWORD).await;
    assert_eq!(b.get("/account").await.status, 200);
    let token = a.csrf_token("/account").await;
    assert_eq!(
        a.post_raw("/account/sign-out-everywhere", &[("csrf_token", &token)])
            .await
            .status,
        303
    );
    assert_eq!(a.get("/account").await.status, 303);
    assert_eq!(
        b.get("/account").await.status,
        303,
        "the other device is signed out too"
    );

    // Changing the password ends every session (wrong current password first: 422).
    a.sign_in("multi@example.kz", PASSWORD).await;
    b.sign_in("multi@example.kz", PASSWORD).await;
    let wrong = a
        .submit(
            "/account",
            "/account/password",
            &[
                ("current_password", "nope nope nope"),
                ("new_password", "a fresh passphrase"),
            ],
        )
        .await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("That is not your current password."));
    let changed = a
        .submit(
            "/account",
            "/account/password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "a fresh passphrase"),
            ],
        )
        .await;
    assert_eq!(changed.status, 303);
    assert_eq!(b.get("/account").await.status, 303);
    assert_eq!(
        app.mail.wait_for("multi@example.kz", 1).await.subject(),
        "Your password was changed"
    );

    // An idle session expires.
    a.sign_in("multi@example.kz", "a fresh passphrase").await;
    assert_eq!(a.get("/account").await.status, 200);
    app.query(|conn| {
        diesel::update(sessions::table)
            .set(sessions::last_seen_at.eq(kenes::models::now() - chrono::Duration::hours(2)))
            .execute(conn)
            .unwrap()
    })
    .await;
    assert_eq!(a.get("/account").await.status, 303);
}

async fn unconfirmed_accounts_see_a_banner_and_can_resend(app: TestApp) {
    let visitor = app.visitor();
    visitor
        .register("new@example.kz", "Newcomer", PASSWORD)
        .await;
    app.mail.wait_for("new@example.kz", 1).await;
    assert_eq!(
        visitor.sign_in("new@example.kz", PASSWORD).await.status,
        303,
        "unconfirmed may sign in"
    );
    let home = visitor.get("/").await;
    assert!(home.body.contains("Please confirm your email address"));
    let limit = kenes::auth::throttle::RESEND_PER_ACCOUNT.max;
    for n in 0..limit {
        let token = visitor.csrf_token("/account").await;
        let page = visitor
            .post_raw("/account/resend-confirmation", &[("csrf_token", &token)])
            .await;
        assert_eq!(page.status, 303, "resend {n}");
    }
    let second = app.mail.wait_for("new@example.kz", 2).await;
    // Only the newest link works.
    let first_link = app.mail.messages_to("new@example.kz")[0]
        .link("/confirm?token=")
        .unwrap();
    assert_eq!(
        visitor
            .get(first_link.trim_start_matches("http://kenes.test"))
            .await
            .status,
        410
    );
    let token = visitor.csrf_token("/account").await;
    assert_eq!(
        visitor
            .post_raw("/account/resend-confirmation", &[("csrf_token", &token)])
            .await
            .status,
        429
    );
    let newest = app
        .mail
        .wait_for("new@example.kz", u32::try_from(limit).unwrap() as usize + 1)
        .await;
    assert_ne!(second.link("/confirm"), newest.link("/confirm"));
    assert_eq!(
        visitor
            .get(
                newest
                    .link("/confirm?token=")
                    .unwrap()
                    .trim_start_matches("http://kenes.test")
            )
            .await
            .status,
        200
    );
    assert!(!visitor
        .get("/")
        .await
        .body
        .contains("Please confirm your email address"));
}

async fn account_page_edits_exports_and_deletes(app: TestApp) {
    app.create_user("gulnar@example.kz", "Гүлнар", PASSWORD, Role::Citizen)
        .await;
    let visitor = app.visitor();
    visitor.sign_in("gulnar@example.kz", PASSWORD).await;
    let bad = visitor
        .submit(
            "/account",
            "/account/profile",
            &[("display_name", "x"), ("region", "jetisu")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains(r#"value="x""#), "input kept");
    assert!(
        bad.body.contains(r#"<option value="jetisu" selected>"#),
        "choice kept"
    );
    let good = visitor
        .submit(
            "/account",
            "/account/profile",
            &[("display_name", "Гүлнар Қ."), ("region", "jetisu")],
        )
        .await;
    assert_eq!(good.status, 303);
    let stored = user_row(&app, "gulnar@example.kz").await.unwrap();
    assert_eq!(
        (stored.display_name.as_str(), stored.region.as_deref()),
        ("Гүлнар Қ.", Some("jetisu"))
    );

    let data = visitor.get("/account/data.json").await;
    assert_eq!(data.status, 200);
    assert!(data.header("content-disposition").contains("attachment"));
    let json: serde_json::Value = serde_json::from_str(&data.body).unwrap();
    assert_eq!(json["profile"]["email"], "gulnar@example.kz");
    assert_eq!(json["profile"]["region"], "jetisu");

    let wrong = visitor
        .submit(
            "/account",
            "/account/delete",
            &[("delete_password", "wrong password")],
        )
        .await;
    assert_eq!(wrong.status, 422);
    let deleted = visitor
        .submit(
            "/account",
            "/account/delete",
            &[("delete_password", PASSWORD)],
        )
        .await;
    assert_eq!(deleted.status, 303);
    assert!(
        user_row(&app, "gulnar@example.kz").await.is_none(),
        "the email is erased"
    );
    let erased = app
        .query(|conn| {
            users::table
                .select(kenes::models::user::User::as_select())
                .first::<kenes::models::user::User>(conn)
                .unwrap()
        })
        .await;
    assert!(
        erased.deleted_at.is_some()
            && erased.display_name.is_empty()
            && erased.password_hash.is_empty()
    );
    assert_eq!(
        app.visitor()
            .sign_in("gulnar@example.kz", PASSWORD)
            .await
            .status,
        401
    );
    assert_eq!(visitor.get("/account").await.status, 303);
}

async fn registration_is_throttled_per_address(app: TestApp) {
    let limit = kenes::auth::throttle::REGISTER_PER_IP.max;
    for n in 0..limit {
        let email = format!("person{n}@example.kz");
        // Fresh browsers: the limit is per address, not per cookie.
        assert_eq!(
            app.visitor()
                .register(&email, "Person", PASSWORD)
                .await
                .status,
            303,
            "{n}"
        );
    }
    let refused = app
        .visitor()
        .register("one-more@example.kz", "Person", PASSWORD)
        .await;
    assert_eq!(refused.status, 429);
    assert!(refused.header("retry-after").parse::<i64>().unwrap() > 0);
    assert!(user_row(&app, "one-more@example.kz").await.is_none());
}

async fn registration_is_throttled_per_email(app: TestApp) {
    let limit = kenes::auth::throttle::REGISTER_PER_ACCOUNT.max;
    for n in 0..limit {
        let page = app
            .visitor()
            .register("victim@example.kz", "Someone", PASSWORD)
            .await;
        assert_eq!(page.status, 303, "{n}");
    }
    let refused = app
        .visitor()
        .register("VICTIM@example.kz", "Someone", PASSWORD)
        .await;
    assert_eq!(refused.status, 429);
    // One account and one confirmation mail, then two notices: no mailbox flood.
    app.mail
        .wait_for("victim@example.kz", usize::try_from(limit).unwrap())
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(
        app.mail.messages_to("victim@example.kz").len(),
        usize::try_from(limit).unwrap()
    );
}

async fn oversized_forms_are_refused(app: TestApp) {
    let visitor = app.visitor();
    let huge = "x".repeat(100 * 1024);
    let token = visitor.csrf_token("/register").await;
    let page = visitor
        .post_raw(
            "/register",
            &[
                ("email", "big@example.kz"),
                ("display_name", &huge),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(page.status, 413);
    assert!(user_row(&app, "big@example.kz").await.is_none());
}

async fn cli_creates_users_and_changes_roles(app: TestApp) {
    use tokio::io::AsyncWriteExt;
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_kenes"));
    crate::helpers::without_cli_language(&mut command);
    let mut child = command
        .args([
            "user",
            "create",
            "--email",
            "Chief@Example.kz",
            "--name",
            "Chief",
            "--role",
            "admin",
        ])
        .env("DATABASE_URL", &app.db.url)
        .env("KENES_LOG", "warn")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a long admin passphrase\n")
        .await
        .unwrap();
    let out = child.wait_with_output().await.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let admin = user_row(&app, "chief@example.kz").await.unwrap();
    assert_eq!(admin.role, Role::Admin);
    assert!(admin.email_confirmed_at.is_some());
    let visitor = app.visitor();
    assert_eq!(
        visitor
            .sign_in("chief@example.kz", "a long admin passphrase")
            .await
            .status,
        303
    );
    assert_eq!(visitor.get("/admin").await.status, 200);

    app.create_user("mod@example.kz", "Mod", PASSWORD, Role::Citizen)
        .await;
    let out = app
        .cli(&[
            "user",
            "grant",
            "--email",
            "mod@example.kz",
            "--role",
            "moderator",
        ])
        .await;
    assert!(out.status.success());
    assert_eq!(
        user_row(&app, "mod@example.kz").await.unwrap().role,
        Role::Moderator
    );
    let wrong = app
        .cli(&[
            "user",
            "revoke",
            "--email",
            "mod@example.kz",
            "--role",
            "admin",
        ])
        .await;
    assert!(!wrong.status.success());
    let out = app
        .cli(&[
            "user",
            "revoke",
            "--email",
            "mod@example.kz",
            "--role",
            "moderator",
        ])
        .await;
    assert!(out.status.success());
    assert_eq!(
        user_row(&app, "mod@example.kz").await.unwrap().role,
        Role::Citizen
    );
    // Each change is in the audit log.
    let actions: Vec<String> = app
        .query(|conn| {
            kenes::schema::audit_log::table
                .order(kenes::schema::audit_log::id)
                .select(kenes::schema::audit_log::action)
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(actions, vec!["user_create", "user_role", "user_role"]);
    // A common password is refused by the CLI too.
    let weak = app
        .cli(&["user", "create", "--email", "weak@example.kz"])
        .await;
    assert!(!weak.status.success());
}
