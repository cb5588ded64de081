//! A citizen reads a draft: home, contents, article, clause, permalinks, versions.

use diesel::prelude::*;
use kenes::domain::SuggestionStatus;
use kenes::i18n::Lang;
use kenes::schema::{clauses, sessions, suggestions};

use crate::fixtures::{open_us, suggestion as fixture};
use crate::helpers::{TestApp, Visitor, KZ_TEXT, US_TEXT};
use crate::{on_both_backends, on_both_backends_with};

on_both_backends!(
    home_lists_public_consultations_only,
    contents_list_every_article_by_section,
    article_shows_every_clause_with_permalink,
    clause_permalinks_resolve_case_insensitively,
    unknown_and_malformed_addresses_are_friendly_404s,
    a_new_version_keeps_old_permalinks_working,
    suggestion_counts_follow_every_change,
    reading_pages_write_their_links_in_the_language,
);

// Nothing in the background moves the server's clock or sends statements through its
// pool: the statement counts below are the pages' own.
on_both_backends_with!(
    |s| {
        s.mail_poll_ms = 600_000;
        s.cluster_secs = 0;
    };
    reading_pages_come_from_memory_while_nothing_changed,
);

async fn home_lists_public_consultations_only(app: TestApp) {
    let empty = app.get("/").await;
    assert_eq!(empty.status, 200);
    assert!(empty
        .body
        .contains("There are no public consultations yet."));

    app.import("us-constitution", "constitution-us.txt", US_TEXT, true)
        .await;
    app.import(
        "hidden-draft",
        "constitution-kazakhstan-en.txt",
        KZ_TEXT,
        false,
    )
    .await;

    let home = app.get("/").await;
    assert_eq!(home.status, 200);
    assert!(home
        .body
        .contains(r#"href="/en/consultations/us-constitution""#));
    assert!(home.body.contains("Open for suggestions"));
    assert!(
        !home.body.contains("hidden-draft"),
        "a draft consultation is not public"
    );
    assert_eq!(app.get("/consultations/hidden-draft").await.status, 404);
    assert_eq!(
        app.get("/consultations/hidden-draft/clauses/1.1")
            .await
            .status,
        404
    );
}

async fn contents_list_every_article_by_section(app: TestApp) {
    app.import(
        "kz-constitution",
        "constitution-kazakhstan-en.txt",
        KZ_TEXT,
        true,
    )
    .await;
    let page = app.get("/consultations/kz-constitution").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.count(r#"href="/en/consultations/kz-constitution/articles/"#),
        102
    );
    for heading in [
        "Section I<",
        "Section IX<",
        "Man and citizen",
        "State Administration and Self-Government",
    ] {
        assert!(page.body.contains(heading), "missing {heading}");
    }
    assert!(page.body.contains("articles/83-1\">Article 83-1"));
    // The preamble and the footnote on the heading of Section VI are kept.
    assert!(page.body.contains("We, the people of Kazakhstan,"));
    assert!(page
        .body
        .contains("The title of Section VI is in the wording"));
    assert!(page.body.contains("Version 1"));
}

async fn article_shows_every_clause_with_permalink(app: TestApp) {
    app.import(
        "kz-constitution",
        "constitution-kazakhstan-en.txt",
        KZ_TEXT,
        true,
    )
    .await;
    let page = app.get("/consultations/kz-constitution/articles/2").await;
    assert_eq!(page.status, 200);
    for (number, reference) in [("1", "2.1"), ("3-1", "2.3-1"), ("4", "2.4")] {
        assert!(
            page.body.contains(&format!(r#"id="clause-{number}""#)),
            "anchor {number}"
        );
        assert!(page.body.contains(&format!(
            r#"href="/en/consultations/kz-constitution/clauses/{reference}""#
        )));
    }
    assert_eq!(page.count(r#"class="clause""#), 5);
    assert!(page
        .body
        .contains("A special legal regime in the financial sphere"));
    assert!(
        page.body
            .contains("See Resolution No. 4 of the Constitutional Council"),
        "footnote kept"
    );
    assert!(page
        .body
        .contains(r#"rel="prev" href="/en/consultations/kz-constitution/articles/1""#));
    assert!(page
        .body
        .contains(r#"rel="next" href="/en/consultations/kz-constitution/articles/3""#));

    // A repealed article shows its note and no clauses.
    let repealed = app.get("/consultations/kz-constitution/articles/84").await;
    assert_eq!(repealed.status, 200);
    assert!(repealed.body.contains("Article 84 is excluded"));
    assert_eq!(repealed.count(r#"class="clause""#), 0);
}

async fn clause_permalinks_resolve_case_insensitively(app: TestApp) {
    app.import("us-constitution", "constitution-us.txt", US_TEXT, true)
        .await;
    for path in [
        "/consultations/us-constitution/clauses/AM-XIV.1",
        "/consultations/us-constitution/clauses/am-xiv.1",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 200, "{path}");
        assert!(page
            .body
            .contains("All persons born or naturalized in the United States"));
        assert!(page.body.contains("<h1>Clause AM-XIV.1</h1>"));
    }
    // Article I and Amendment I do not collide.
    let article = app.get("/consultations/us-constitution/clauses/I.1").await;
    assert!(article
        .body
        .contains("All legislative Powers herein granted"));
    let amendment = app
        .get("/consultations/us-constitution/clauses/AM-I.1")
        .await;
    assert!(amendment
        .body
        .contains("Congress shall make no law respecting an establishment of religion"));
}

async fn unknown_and_malformed_addresses_are_friendly_404s(app: TestApp) {
    app.import("us-constitution", "constitution-us.txt", US_TEXT, true)
        .await;
    for path in [
        "/no/such/page",
        "/consultations/nope",
        "/consultations/us-constitution/articles/99",
        "/consultations/us-constitution/clauses/I.99",
        "/consultations/us-constitution/clauses/not-a-reference",
        "/consultations/us-constitution/clauses/..%2F..%2Fetc.1",
        "/consultations/us-constitution?version=7",
        "/consultations/us-constitution?version=abc",
        "/consultations/UPPER",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, 404, "{path}");
        assert!(
            page.body.contains("Page not found"),
            "{path}: friendly page"
        );
        assert!(page.header("content-type").starts_with("text/html"));
    }
}

async fn a_new_version_keeps_old_permalinks_working(app: TestApp) {
    app.import("us-constitution", "constitution-us.txt", US_TEXT, true)
        .await;
    // Version 2 drops the amendments and changes I.1.
    let text = std::str::from_utf8(US_TEXT).unwrap();
    let cut = text.find("AMENDMENT I\n").unwrap();
    let v2 = text[..cut].replace(
        "All legislative Powers herein granted",
        "All legislative Powers hereby granted",
    );
    let v2: &'static [u8] = Box::leak(v2.into_bytes().into_boxed_slice());
    app.import("us-constitution", "constitution-us-v2.txt", v2, true)
        .await;

    let contents = app.get("/consultations/us-constitution").await;
    assert!(contents.body.contains("Version 2"));
    assert_eq!(
        contents.count(r#"href="/en/consultations/us-constitution/articles/"#),
        7
    );

    let current = app.get("/consultations/us-constitution/clauses/I.1").await;
    assert!(current.body.contains("hereby granted"));
    assert!(!current.body.contains("shown as it stood in version"));

    // A clause dropped from version 2 is still reachable, shown from version 1.
    let dropped = app
        .get("/consultations/us-constitution/clauses/AM-XIV.1")
        .await;
    assert_eq!(dropped.status, 200);
    assert!(dropped.body.contains("shown as it stood in version 1"));

    // Version 1 can still be read, flagged as not current.
    let old = app
        .get("/consultations/us-constitution/articles/I?version=1")
        .await;
    assert_eq!(old.status, 200);
    assert!(old.body.contains("herein granted"));
    assert!(old.body.contains("You are reading version 1 of this draft"));

    // Unchanged clauses keep their identity across versions; changed ones do not.
    let (kept, changed) = app
        .query(|conn| {
            use diesel::prelude::*;
            use kenes::schema::clauses;
            let lineage = |conn: &mut kenes::db::AnyConnection, reference: &str| -> Vec<String> {
                clauses::table
                    .filter(clauses::reference.eq(reference))
                    .order(clauses::version_id)
                    .select(clauses::lineage)
                    .load(conn)
                    .unwrap()
            };
            (lineage(conn, "I.2"), lineage(conn, "I.1"))
        })
        .await;
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[0], kept[1], "unchanged clause keeps its identity");
    assert_ne!(changed[0], changed[1], "changed clause gets a new identity");
}

/// The count an article page shows beside clause `reference` ("3 suggestions"), 0 when
/// it shows none.
fn count_beside(body: &str, reference: &str) -> i64 {
    let link = format!(
        r##"class="clause-count" href="/en/consultations/us/clauses/{reference}#suggestions">"##
    );
    body.split_once(&link)
        .map(|(_, after)| {
            after
                .split(' ')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("a number")
        })
        .unwrap_or(0)
}

/// The counts on reading pages come from a tally kept by triggers (issue 16), not from
/// counting the suggestions: every way a suggestion appears, disappears or moves must
/// change them in the same transaction, and folding the tally must not.
async fn suggestion_counts_follow_every_change(app: TestApp) {
    open_us(&app).await;
    let (_, author) = app.citizen("Author").await;
    let mut numbers = Vec::new();
    for body in ["One", "Two", "Three"] {
        numbers.push(fixture(&app, author, "I.1", body, SuggestionStatus::Published).await);
    }
    // Not public: not counted.
    fixture(&app, author, "I.1", "Pending", SuggestionStatus::Pending).await;
    const ARTICLE: &str = "/consultations/us/articles/I";
    let page = app.get(ARTICLE).await.body;
    assert_eq!(count_beside(&page, "I.1"), 3);
    assert_eq!(count_beside(&page, "I.2"), 0);
    let clause = app.get("/consultations/us/clauses/I.1").await;
    assert!(
        clause.body.contains(r#"<span class="count">(3)</span>"#),
        "the clause page's total"
    );

    let first = numbers[0].clone();
    let second = numbers[1].clone();
    app.query(move |conn| {
        // Hidden.
        diesel::update(suggestions::table.filter(suggestions::tracking_number.eq(&first)))
            .set((
                suggestions::visible.eq(false),
                suggestions::status.eq("rejected"),
            ))
            .execute(conn)
            .unwrap();
        // Moved to another clause (as a new version's lineage may).
        let other: String = clauses::table
            .filter(clauses::reference.eq("I.2"))
            .select(clauses::lineage)
            .first(conn)
            .unwrap();
        diesel::update(suggestions::table.filter(suggestions::tracking_number.eq(&second)))
            .set(suggestions::clause_lineage.eq(other))
            .execute(conn)
            .unwrap();
    })
    .await;
    let page = app.get(ARTICLE).await.body;
    assert_eq!(count_beside(&page, "I.1"), 1);
    assert_eq!(count_beside(&page, "I.2"), 1);

    let third = numbers[2].clone();
    app.query(move |conn| {
        diesel::delete(suggestions::table.filter(suggestions::tracking_number.eq(&third)))
            .execute(conn)
            .unwrap();
        kenes::db::write_transaction(conn, kenes::models::moderation::fold_counts).unwrap();
    })
    .await;
    let page = app.get(ARTICLE).await.body;
    assert_eq!(count_beside(&page, "I.1"), 0);
    assert_eq!(count_beside(&page, "I.2"), 1);
    let contents = app.get("/consultations/us").await;
    assert!(
        contents.body.contains("· 1 suggestion<"),
        "the contents page's count"
    );
}

/// The SQL statements the server's pool sent while `path` was read once.
async fn statements_of(app: &TestApp, path: &str) -> (u64, String) {
    let before = app.pool.statements().0;
    let page = app.get(path).await;
    assert_eq!(page.status, 200, "{path}");
    (app.pool.statements().0 - before, page.body)
}

/// The same for a signed-in visitor.
async fn statements_signed_in(app: &TestApp, visitor: &Visitor, path: &str) -> u64 {
    let before = app.pool.statements().0;
    let page = visitor.get(path).await;
    assert_eq!(page.status, 200, "{path}");
    assert!(page.body.contains("/sign-out"), "{path}: not signed in");
    app.pool.statements().0 - before
}

/// A reading page read again while nothing it shows has changed is rendered from
/// memory, without a statement (issue 16); a change made through another connection
/// (as another process makes it) is on the page within moments, heard by the server's
/// watcher: NOTIFY on PostgreSQL, a counter the triggers bump on SQLite. Without the
/// cache the second read costs statements; without the triggers or the watcher the
/// change never shows.
async fn reading_pages_come_from_memory_while_nothing_changed(app: TestApp) {
    open_us(&app).await;
    let (_, author) = app.citizen("Author").await;
    let number = fixture(
        &app,
        author,
        "I.1",
        "Words as first written",
        SuggestionStatus::Published,
    )
    .await;
    const PAGES: [&str; 4] = [
        "/en/",
        "/en/consultations/us",
        "/en/consultations/us/articles/I",
        "/en/consultations/us/clauses/I.1",
    ];
    // The watcher connects as the server starts; until it has, nothing is kept.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    for path in PAGES {
        loop {
            // As after any change: what was kept is out of date.
            app.pool.changes().bump();
            let (first, _) = statements_of(&app, path).await;
            let (again, _) = statements_of(&app, path).await;
            if again == 0 {
                assert!(first > 0, "{path}: the first read loads from the database");
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{path}: read again, it still sent {again} statements"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    // A signed-in citizen's session is kept too: their second read sends nothing.
    // The pool's counter is the whole server's: a background worker (the mail sent
    // for the new account) may add its statements to a read, so a read is tried again
    // until one shows nothing; a page that loads on every read never does.
    let (reader, reader_id) = app.citizen("Reader").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    for path in &PAGES[2..] {
        statements_signed_in(&app, &reader, path).await;
        loop {
            let again = statements_signed_in(&app, &reader, path).await;
            if again == 0 {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{path}: a signed-in citizen's read again sent {again}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    // Another connection, not the server's pool: only the watcher can tell.
    let url = app.db.url.clone();
    tokio::task::spawn_blocking(move || {
        let backend = kenes::db::Backend::from_url(Some(&url), std::path::Path::new("."));
        let mut conn = kenes::db::AnyConnectionManager::new(backend)
            .establish()
            .expect("a second connection");
        diesel::update(suggestions::table.filter(suggestions::tracking_number.eq(&number)))
            .set(suggestions::body.eq("Words changed elsewhere"))
            .execute(&mut conn)
            .unwrap();
        // Signed out everywhere, by another process: the kept session must go too.
        diesel::delete(sessions::table.filter(sessions::user_id.eq(reader_id)))
            .execute(&mut conn)
            .unwrap();
    })
    .await
    .unwrap();
    let changed = std::time::Instant::now();
    loop {
        let page = app.get("/en/consultations/us/clauses/I.1").await;
        if page.body.contains("Words changed elsewhere") {
            assert!(!page.body.contains("Words as first written"));
            break;
        }
        assert!(
            changed.elapsed() < std::time::Duration::from_secs(5),
            "a change made through another connection never reached the page"
        );
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let _ = std::io::Write::write_fmt(
        &mut std::io::stderr(),
        format_args!(
            "a change elsewhere was on the page after {:?}\n",
            changed.elapsed()
        ),
    );
    loop {
        let page = reader.get("/en/consultations/us/clauses/I.1").await;
        if !page.body.contains("/sign-out") {
            break;
        }
        assert!(
            changed.elapsed() < std::time::Duration::from_secs(5),
            "a session ended by another process is still signed in"
        );
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
}

/// The article and clause pages write every link in the page's language themselves
/// (`ctx.link`), so the pass that would add the prefixes is skipped for them (issue
/// 16): in each language, for a visitor, a citizen (whose page has support and report
/// forms) and an admin (every menu), on the current and an older version, no link to a
/// page of the site is left without its prefix.
async fn reading_pages_write_their_links_in_the_language(app: TestApp) {
    open_us(&app).await;
    let (_, author) = app.citizen("Author").await;
    fixture(
        &app,
        author,
        "I.1",
        "A comment to support",
        SuggestionStatus::Published,
    )
    .await;
    // Version 2 rewords I.2, so that version 1's pages say they are not current.
    let text = std::str::from_utf8(US_TEXT).unwrap().replace(
        "The House of Representatives shall be composed",
        "The House of Representatives shall consist",
    );
    let v2: &'static [u8] = Box::leak(text.into_bytes().into_boxed_slice());
    app.import("us", "constitution-us-v2.txt", v2, true).await;
    let (citizen, _) = app.citizen("Reader").await;
    let admin = app.signed_in_as(kenes::domain::Role::Admin).await;
    let visitor = app.visitor();
    let viewers = [
        ("visitor", &visitor),
        ("citizen", &citizen),
        ("admin", &admin),
    ];
    for lang in [Lang::En, Lang::Kk, Lang::Ru] {
        for (who, viewer) in viewers {
            for path in [
                "/consultations/us/articles/I",
                "/consultations/us/articles/I?version=1",
                "/consultations/us/clauses/I.1",
                "/consultations/us/clauses/I.1?version=1",
                "/consultations/us/clauses/I.1?sort=newest",
            ] {
                let path = format!("/{}{path}", lang.code());
                let page = viewer.get(&path).await;
                assert_eq!(page.status, 200, "{path}");
                assert!(
                    !kenes::locale::has_unprefixed_links(lang, &page.body),
                    "{path} for the {who}: a link without the language prefix\n{}",
                    page.body
                );
                if who == "citizen" && path.contains("clauses/I.1?sort") {
                    let support = format!(r#"action="/{}/suggestions/"#, lang.code());
                    assert!(page.body.contains(&support), "{path}: no support form");
                }
            }
        }
    }
}
