//! The admin area: consultations, draft upload through the importer, preview and
//! publication, roles; every change in the audit log.

use diesel::prelude::*;
use kenes::domain::Role;
use kenes::schema::{audit_log, document_versions, users};

use crate::helpers::{TestApp, Visitor, US_TEXT};
use crate::on_both_backends;

on_both_backends!(
    admin_creates_uploads_previews_and_publishes,
    admin_changes_roles_but_not_their_own,
    role_changes_write_the_audit_and_moderation_logs_on_every_path,
    the_upload_page_shows_import_errors_in_its_language
);

async fn upload(
    app: &TestApp,
    admin: &Visitor,
    slug: &str,
    file_name: &str,
    bytes: Vec<u8>,
) -> crate::helpers::Page {
    upload_in(app, admin, "", slug, file_name, bytes, &[]).await
}

/// The upload form posted under a language prefix (`/kk`, or "" for none), with more
/// text fields.
async fn upload_in(
    app: &TestApp,
    admin: &Visitor,
    prefix: &str,
    slug: &str,
    file_name: &str,
    bytes: Vec<u8>,
    fields: &[(&str, &str)],
) -> crate::helpers::Page {
    let token = admin
        .csrf_token(&format!("{prefix}/admin/consultations/{slug}"))
        .await;
    let form = reqwest::multipart::Form::new()
        .part(
            "draft",
            reqwest::multipart::Part::bytes(bytes).file_name(file_name.to_owned()),
        )
        .text("changelog", "First draft for comment.");
    let form = fields.iter().fold(form, |form, (name, value)| {
        form.text(name.to_string(), value.to_string())
    });
    let response = admin
        .client
        .post(format!(
            "{}{prefix}/admin/consultations/{slug}/drafts?csrf_token={token}",
            app.address
        ))
        .multipart(form)
        .send()
        .await
        .unwrap();
    crate::helpers::Page::from(response).await
}

async fn actions(app: &TestApp) -> Vec<String> {
    app.query(|conn| {
        audit_log::table
            .order(audit_log::id)
            .select(audit_log::action)
            .load(conn)
            .unwrap()
    })
    .await
}

async fn admin_creates_uploads_previews_and_publishes(app: TestApp) {
    let admin = app.signed_in_as(Role::Admin).await;
    let invalid = admin
        .submit(
            "/admin/consultations/new",
            "/admin/consultations",
            &[
                ("slug", "Bad Slug"),
                ("title", "Draft"),
                ("status", "open"),
                ("moderation_mode", "pre"),
                ("opens_at", "2026-12-01T09:00"),
                ("closes_at", "2026-11-01T09:00"),
            ],
        )
        .await;
    assert_eq!(invalid.status, 422);
    assert!(invalid.body.contains("Use 2 to 64 lower-case letters"));
    assert!(invalid
        .body
        .contains("The closing time must be after the opening time."));
    assert!(invalid.body.contains(r#"value="Bad Slug""#), "input kept");

    let created = admin
        .submit(
            "/admin/consultations/new",
            "/admin/consultations",
            &[
                ("slug", "constitution-2024"),
                ("title", "Draft amendments to the Constitution"),
                ("summary", "Proposed changes, put to the public."),
                ("language", "en"),
                ("status", "draft"),
                ("moderation_mode", "pre"),
                ("opens_at", "2026-12-01T09:00"),
                ("closes_at", "2027-01-31T18:00"),
            ],
        )
        .await;
    assert_eq!(created.status, 303, "{}", created.body);
    assert_eq!(created.location(), "/admin/consultations/constitution-2024");
    // The title's language is kept, and offered again when the form is edited.
    let edit = admin.get("/admin/consultations/constitution-2024").await;
    assert!(
        edit.body
            .contains(r#"<option value="en" lang="en" selected>English</option>"#),
        "{}",
        edit.body
    );

    // A bad file shows the importer's message with the line, and imports nothing.
    let bad = upload(
        &app,
        &admin,
        "constitution-2024",
        "broken.txt",
        b"Article 1\n\n1. A.\n\nArticle 1\n\n1. B.\n".to_vec(),
    )
    .await;
    assert_eq!(bad.status, 422);
    assert!(
        bad.body.contains("broken.txt:5: Article 1 appears twice"),
        "{}",
        bad.body
    );
    let versions: i64 = app
        .query(|conn| document_versions::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(versions, 0);

    // A good one becomes an unpublished version to preview.
    let good = upload(
        &app,
        &admin,
        "constitution-2024",
        "us.txt",
        US_TEXT.to_vec(),
    )
    .await;
    assert_eq!(good.status, 303, "{}", good.body);
    assert_eq!(
        good.location(),
        "/admin/consultations/constitution-2024/versions/1"
    );
    let preview = admin
        .get("/admin/consultations/constitution-2024/versions/1")
        .await;
    assert!(preview.body.contains("34 articles · 78 clauses"));
    assert!(preview.body.contains("AM-XIV.1"));

    // Not public while the consultation is a draft and the version unpublished.
    assert_eq!(
        app.get("/consultations/constitution-2024").await.status,
        404
    );
    let token = admin
        .csrf_token("/admin/consultations/constitution-2024")
        .await;
    let published = admin
        .post_raw(
            "/admin/consultations/constitution-2024/versions/1/publish",
            &[("csrf_token", &token)],
        )
        .await;
    assert_eq!(published.status, 303);
    let opened = admin
        .submit(
            "/admin/consultations/constitution-2024",
            "/admin/consultations/constitution-2024",
            &[
                ("title", "Draft amendments to the Constitution"),
                ("summary", "Proposed changes, put to the public."),
                ("language", "en"),
                ("status", "open"),
                ("moderation_mode", "post"),
                ("opens_at", "2026-12-01T09:00"),
                ("closes_at", "2027-01-31T18:00"),
            ],
        )
        .await;
    assert_eq!(opened.status, 303);
    let public = app.get("/consultations/constitution-2024").await;
    assert_eq!(public.status, 200);
    assert!(public.body.contains("Open for suggestions"));
    assert!(public
        .body
        .contains(r#"<time datetime="2027-01-31T18:00:00Z">31 January 2027</time>"#));
    assert_eq!(
        actions(&app).await,
        vec![
            "consultation_create",
            "version_import",
            "version_publish",
            "consultation_update"
        ]
    );
    let mode: String = app
        .query(|conn| {
            kenes::schema::consultations::table
                .select(kenes::schema::consultations::moderation_mode)
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(mode, "post");
}

async fn admin_changes_roles_but_not_their_own(app: TestApp) {
    let admin = app.signed_in_as(Role::Admin).await;
    let citizen_id = app
        .create_user(
            "analyst-to-be@example.kz",
            "Analyst To Be",
            "correct horse battery",
            Role::Citizen,
        )
        .await;
    let found = admin.get("/admin/users?q=ANALYST-to").await;
    assert!(found.body.contains("analyst-to-be@example.kz"));
    assert!(!found.body.contains("admin-"), "search filters");
    let changed = admin
        .submit(
            "/admin/users",
            &format!("/admin/users/{citizen_id}/role"),
            &[("role", "analyst")],
        )
        .await;
    assert_eq!(changed.status, 303);
    let role: String = app
        .query(move |conn| {
            users::table
                .find(citizen_id)
                .select(users::role)
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(role, "analyst");
    let details: String = app
        .query(|conn| {
            audit_log::table
                .select(audit_log::details)
                .first(conn)
                .unwrap()
        })
        .await;
    assert!(
        details.contains(r#""from":"citizen""#) && details.contains(r#""to":"analyst""#),
        "{details}"
    );

    // An admin cannot change their own role (no lock-out of the last admin).
    let own_id: i64 = app
        .query(|conn| {
            users::table
                .filter(users::role.eq("admin"))
                .select(users::id)
                .first(conn)
                .unwrap()
        })
        .await;
    let own = admin
        .submit(
            "/admin/users",
            &format!("/admin/users/{own_id}/role"),
            &[("role", "citizen")],
        )
        .await;
    assert_eq!(own.status, 403);
    let bogus = admin
        .submit(
            "/admin/users",
            &format!("/admin/users/{citizen_id}/role"),
            &[("role", "emperor")],
        )
        .await;
    assert_eq!(bogus.status, 400);
}

/// The audit and moderation-log rows about one account's role: (audit actions, log
/// (from, to) pairs).
async fn role_records(app: &TestApp, user_id: i64) -> (Vec<String>, Vec<(String, String)>) {
    use kenes::schema::moderation_log;
    app.query(move |conn| {
        let audits = audit_log::table
            .filter(audit_log::subject.eq(format!("user:{user_id}")))
            .filter(audit_log::action.eq("user_role"))
            .order(audit_log::id)
            .select(audit_log::details)
            .load::<String>(conn)
            .unwrap();
        let logged = moderation_log::table
            .filter(moderation_log::subject_user_id.eq(user_id))
            .filter(moderation_log::action.eq("role"))
            .order(moderation_log::id)
            .select((moderation_log::from_value, moderation_log::to_value))
            .load::<(Option<String>, Option<String>)>(conn)
            .unwrap()
            .into_iter()
            .map(|(f, t)| (f.unwrap_or_default(), t.unwrap_or_default()))
            .collect();
        (audits, logged)
    })
    .await
}

async fn role_changes_write_the_audit_and_moderation_logs_on_every_path(app: TestApp) {
    let admin = app.signed_in_as(Role::Admin).await;
    let id = app
        .create_user(
            "both@example.kz",
            "Both Paths",
            "correct horse battery",
            Role::Citizen,
        )
        .await;
    // The admin page.
    let changed = admin
        .submit(
            "/admin/users",
            &format!("/admin/users/{id}/role"),
            &[("role", "moderator")],
        )
        .await;
    assert_eq!(changed.status, 303);
    // The command line, both ways.
    let grant = app
        .cli(&[
            "user",
            "grant",
            "--email",
            "both@example.kz",
            "--role",
            "analyst",
        ])
        .await;
    assert!(
        grant.status.success(),
        "{}",
        String::from_utf8_lossy(&grant.stderr)
    );
    let revoke = app
        .cli(&[
            "user",
            "revoke",
            "--email",
            "both@example.kz",
            "--role",
            "analyst",
        ])
        .await;
    assert!(
        revoke.status.success(),
        "{}",
        String::from_utf8_lossy(&revoke.stderr)
    );
    let (audits, logged) = role_records(&app, id).await;
    assert_eq!(audits.len(), 3, "{audits:?}");
    assert!(audits[0].contains(r#""via":"web""#), "{}", audits[0]);
    assert!(audits[1].contains(r#""via":"cli grant""#), "{}", audits[1]);
    assert!(audits[2].contains(r#""via":"cli revoke""#), "{}", audits[2]);
    assert_eq!(
        logged,
        vec![
            ("citizen".to_owned(), "moderator".to_owned()),
            ("moderator".to_owned(), "analyst".to_owned()),
            ("analyst".to_owned(), "citizen".to_owned()),
        ]
    );
}

/// The importer's problems are shown in the page's language, with the file and line.
async fn the_upload_page_shows_import_errors_in_its_language(app: TestApp) {
    let good = app.db_dir().join("law.txt");
    std::fs::write(&good, "1-бап\n\n1. Бірінші.\n\n2. Екінші.\n").unwrap();
    let out = app
        .cli(&[
            "import-draft",
            good.to_str().unwrap(),
            "--lang",
            "kk",
            "--consultation",
            "law",
        ])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let admin = app.signed_in_as(Role::Admin).await;
    let broken = b"Article 1\n\n1. A.\n\nArticle 1\n\n1. B.\n".to_vec();

    let kazakh = upload_in(
        &app,
        &admin,
        "/kk",
        "law",
        "broken.txt",
        broken.clone(),
        &[],
    )
    .await;
    assert_eq!(kazakh.status, 422);
    assert!(
        kazakh.body.contains(
            "broken.txt:5: Article 1 екі рет кездеседі; ол алғаш рет 1-жолда берілген (әр баптың нөмірі қайталанбауы керек)"
        ),
        "{}",
        kazakh.body
    );
    let russian = upload_in(
        &app,
        &admin,
        "/ru",
        "law",
        "broken.txt",
        broken.clone(),
        &[],
    )
    .await;
    assert_eq!(russian.status, 422);
    assert!(
        russian
            .body
            .contains("broken.txt:5: Article 1 встречается дважды; впервые — в строке 1"),
        "{}",
        russian.body
    );
    let english = upload_in(&app, &admin, "/en", "law", "broken.txt", broken, &[]).await;
    assert!(
        english
            .body
            .contains("broken.txt:5: Article 1 appears twice; it was first used on line 1"),
        "{}",
        english.body
    );

    // A text that does not line up with the version it is added to: every line of the
    // comparison is in the language.
    let short = "Статья 1\n\n1. Первый.\n".as_bytes().to_vec();
    let fields = [("lang", "ru"), ("into_version", "1")];
    let refused = upload_in(&app, &admin, "/kk", "law", "ru.txt", short, &fields).await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains(
            "әр тілдегі мәтіндердің баптары мен тармақтары бірдей емес; ештеңе импортталмады:"
        ),
        "{}",
        refused.body
    );
    assert!(
        refused
            .body
            .contains("ru.txt:1: жоқ: 1-баптың 2-тармағы (№ 1 редакция (kk, "),
        "{}",
        refused.body
    );
    let bad_version = [("lang", "ru"), ("into_version", "first")];
    let refused = upload_in(
        &app,
        &admin,
        "/kk",
        "law",
        "ru.txt",
        b"x".to_vec(),
        &bad_version,
    )
    .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused.body.contains("`first` — редакция нөмірі емес"),
        "{}",
        refused.body
    );
    let versions: i64 = app
        .query(|conn| document_versions::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(versions, 1, "only the version imported on the command line");
}
