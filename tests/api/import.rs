//! Importing drafts with the real `kenes import-draft` binary: complete and correct on
//! both real constitutions, all-or-nothing on bad input, versioned on re-import.

use diesel::prelude::*;
use kenes::schema::{articles, chapters, clauses, consultations, document_versions};

use crate::helpers::TestApp;
use crate::on_both_backends;

on_both_backends!(
    cli_imports_the_kazakh_constitution_completely,
    cli_imports_the_us_constitution_completely,
    a_bad_file_names_file_and_line_and_imports_nothing,
    reimport_creates_the_next_version,
    cli_shows_a_clause_by_reference,
    polis_comments_and_votes_import_as_suggestions,
    bad_comment_rows_are_reported_by_line,
    seed_generates_consistent_skewed_data,
);

async fn seed_generates_consistent_skewed_data(app: TestApp) {
    use kenes::schema::{suggestions, upvotes};
    import_open(&app, "constitution-us.txt", "us").await;
    let out = app
        .cli(&[
            "seed",
            "--consultation",
            "us",
            "--citizens",
            "200",
            "--suggestions",
            "1500",
            "--votes",
            "20000",
        ])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("200 citizens, 1500 suggestions"),
        "{stdout}"
    );
    let (rows, stored, mut counts, bodies) = app
        .query(|conn| {
            let rows: i64 = upvotes::table.count().get_result(conn).unwrap();
            let counts: Vec<i32> = suggestions::table
                .select(suggestions::upvotes)
                .load(conn)
                .unwrap();
            let bodies: Vec<String> = suggestions::table
                .select(suggestions::body)
                .limit(200)
                .load(conn)
                .unwrap();
            (
                rows,
                counts.iter().map(|c| i64::from(*c)).sum::<i64>(),
                counts,
                bodies,
            )
        })
        .await;
    assert_eq!(stored, rows, "stored counts equal the vote rows");
    assert!(
        stdout.contains(&format!("{rows} distinct votes")),
        "{stdout}"
    );
    assert!(rows > 5000 && rows <= 20000, "{rows}");
    counts.sort_unstable_by(|a, b| b.cmp(a));
    assert!(
        counts[0] >= 10 * counts[counts.len() / 2].max(1),
        "skewed: top {} vs median {}",
        counts[0],
        counts[counts.len() / 2]
    );
    assert!(
        bodies.iter().any(|b| b.contains('қ') || b.contains('ә')),
        "Kazakh text"
    );
    assert!(bodies
        .iter()
        .any(|b| b.contains("Предлагаю") || b.contains("Необходимо") || b.contains("Следует")));
    assert!(bodies.iter().any(|b| b.is_ascii()));
}

async fn polis_comments_and_votes_import_as_suggestions(app: TestApp) {
    use kenes::schema::{suggestions, upvotes, users};
    import_open(&app, "constitution-kazakhstan-en.txt", "kz").await;
    let comments = data("polis-austria-climate/comments.csv");
    let votes = data("polis-austria-climate/votes.csv");
    let args = [
        "import-comments",
        &comments,
        "--votes",
        &votes,
        "--consultation",
        "kz",
        "--clause",
        "20.2",
    ];
    let out = app.cli(&args).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Figures checked independently: 522 statements (277 accepted, 245 rejected);
    // 61,384 distinct (statement, voter) pairs, of which 38,206 end on "agree";
    // 1,066 distinct authors and agreeing voters.
    assert!(
        stdout.contains("Imported 522 suggestions on 20.2 of kz (277 published, 0 pending, 245 rejected; 0 already there), 38206 upvotes, 1066 new participant accounts."),
        "{stdout}"
    );
    let (rows, visible, vote_rows, stored_total, imported_can_sign_in) = app
        .query(|conn| {
            let rows: i64 = suggestions::table.count().get_result(conn).unwrap();
            let visible: i64 = suggestions::table
                .filter(suggestions::visible.eq(true))
                .count()
                .get_result(conn)
                .unwrap();
            let vote_rows: i64 = upvotes::table.count().get_result(conn).unwrap();
            let counts: Vec<i32> = suggestions::table
                .select(suggestions::upvotes)
                .load(conn)
                .unwrap();
            let hashes: Vec<String> = users::table
                .select(users::password_hash)
                .load(conn)
                .unwrap();
            (
                rows,
                visible,
                vote_rows,
                counts.iter().map(|c| i64::from(*c)).sum::<i64>(),
                hashes.iter().any(|h| !h.is_empty()),
            )
        })
        .await;
    assert_eq!((rows, visible, vote_rows), (522, 277, 38206));
    assert_eq!(stored_total, vote_rows, "stored counts equal the rows");
    assert!(
        !imported_can_sign_in,
        "imported participants cannot sign in"
    );
    // German text with umlauts is intact and shown on the clause page.
    let page = app.get("/consultations/kz/clauses/20.2").await;
    assert!(page.body.contains("(277)"));
    assert!(page.body.contains("Participant "));
    // Importing the same file again adds nothing.
    let again = app.cli(&args).await;
    assert!(String::from_utf8_lossy(&again.stdout).contains("Imported 0 suggestions"));
    let rows: i64 = app
        .query(|conn| suggestions::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(rows, 522);
}

async fn bad_comment_rows_are_reported_by_line(app: TestApp) {
    use kenes::schema::suggestions;
    import_open(&app, "constitution-us.txt", "us").await;
    let file = app.db_dir().join("comments.csv");
    std::fs::write(
        &file,
        "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n\
         1651071094558,x,1,10,0,0,1,\"A good comment, with a comma\"\n\
         notatime,x,2,11,0,0,1,Second\n\
         1651071094558,x,3,12,0,0,7,Third\n\
         1651071094558,x,4,13,0,0,0,\"Multi\nline body\"\n\
         1651071094558,x,1,14,0,0,1,Duplicate id\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let out = app
        .cli(&[
            "import-comments",
            path,
            "--consultation",
            "us",
            "--clause",
            "I.1",
        ])
        .await;
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("3 bad rows; nothing was imported"),
        "{stderr}"
    );
    assert!(
        stderr.contains("comments.csv:3: expected `timestamp` in epoch milliseconds"),
        "{stderr}"
    );
    assert!(
        stderr.contains("comments.csv:4: expected 1, 0 or -1 in `moderated`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("comments.csv:7: comment-id 1 appears twice (first on line 2)"),
        "{stderr}"
    );
    let rows: i64 = app
        .query(|conn| suggestions::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(rows, 0);
    let out = app
        .cli(&[
            "import-comments",
            path,
            "--consultation",
            "us",
            "--clause",
            "I.1",
            "--skip-bad-rows",
        ])
        .await;
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("skipped "), "{stdout}");
    assert!(
        stdout.contains("Imported 2 suggestions on I.1 of us (1 published, 1 pending, 0 rejected"),
        "{stdout}"
    );
    let bodies: Vec<String> = app
        .query(|conn| {
            suggestions::table
                .order(suggestions::id)
                .select(suggestions::body)
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(
        bodies,
        vec!["A good comment, with a comma", "Multi\nline body"]
    );
    let missing = app
        .cli(&[
            "import-comments",
            path,
            "--consultation",
            "us",
            "--clause",
            "IX.9",
        ])
        .await;
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no clause IX.9"));
}

/// Import a draft with the CLI and open the consultation.
async fn import_open(app: &TestApp, file: &str, slug: &str) {
    let out = app
        .cli(&[
            "import-draft",
            &data(file),
            "--consultation",
            slug,
            "--status",
            "open",
        ])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// (chapters, articles, clauses, notes on clauses + articles + chapters) of the newest version.
async fn counts(app: &TestApp, slug: &'static str) -> (i64, i64, i64, usize) {
    app.query(move |conn| {
        let version: i64 = document_versions::table
            .inner_join(consultations::table)
            .filter(consultations::slug.eq(slug))
            .order(document_versions::number.desc())
            .select(document_versions::id)
            .first(conn)
            .unwrap();
        let (c, a, k) = kenes::models::document::count_version_content(conn, version).unwrap();
        let note_lines =
            |notes: Vec<String>| notes.iter().map(|n| n.lines().count()).sum::<usize>();
        let notes = note_lines(
            clauses::table
                .filter(clauses::version_id.eq(version))
                .select(clauses::notes)
                .load(conn)
                .unwrap(),
        ) + note_lines(
            articles::table
                .filter(articles::version_id.eq(version))
                .select(articles::notes)
                .load(conn)
                .unwrap(),
        ) + note_lines(
            chapters::table
                .filter(chapters::version_id.eq(version))
                .select(chapters::notes)
                .load(conn)
                .unwrap(),
        );
        (c, a, k, notes)
    })
    .await
}

async fn clause_text(app: &TestApp, reference: &'static str) -> String {
    app.query(move |conn| {
        clauses::table
            .filter(clauses::reference.eq(reference))
            .order(clauses::version_id.desc())
            .select(clauses::body)
            .first::<String>(conn)
            .unwrap()
    })
    .await
}

async fn cli_imports_the_kazakh_constitution_completely(app: TestApp) {
    let out = app
        .cli(&[
            "import-draft",
            &data("constitution-kazakhstan-en.txt"),
            "--consultation",
            "kz",
            "--status",
            "open",
        ])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("9 chapters, 102 articles, 309 clauses"),
        "{stdout}"
    );
    // 9 sections, 102 articles (1-99, 83-1, 94-1, 94-2), 309 clauses, all 110 footnotes.
    assert_eq!(counts(&app, "kz").await, (9, 102, 309, 110));
    assert!(clause_text(&app, "2.3-1")
        .await
        .starts_with("A special legal regime"));
    assert!(clause_text(&app, "94-2.1").await.len() > 100);
    // Clauses without blank lines between them (Article 72) are still split.
    assert!(clause_text(&app, "72.2")
        .await
        .starts_with("The Constitutional Council shall examine"));
    // `1.The` without a space is a clause; its list items stay inside it.
    let oath = clause_text(&app, "42.1").await;
    assert!(oath.starts_with("The President of the Republic of Kazakhstan shall take office"));
    let powers = clause_text(&app, "44.1").await;
    assert!(powers.contains("\n\n1) annually address the people"));
    assert!(powers.contains("\n\n20) "));
    // A `Note.` continues its clause as a paragraph of its own.
    assert!(clause_text(&app, "4.1")
        .await
        .contains("\n\nNote. In accordance with the Law"));
    let page = app.get("/consultations/kz/clauses/83-1.2").await;
    assert_eq!(page.status, 200);
    assert!(page
        .body
        .contains("Human Rights Commissioner shall be independent"));
}

async fn cli_imports_the_us_constitution_completely(app: TestApp) {
    let out = app
        .cli(&[
            "import-draft",
            &data("constitution-us.txt"),
            "--consultation",
            "us",
            "--status",
            "open",
        ])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // 7 articles + 27 amendments; 54 `SECTION.` clauses + 24 paragraphs of unsectioned ones.
    assert_eq!(counts(&app, "us").await, (0, 34, 78, 0));
    // Hard-wrapped lines are joined; later paragraphs of a section stay in it.
    let house = clause_text(&app, "I.2").await;
    assert!(house.starts_with(
        "The House of Representatives shall be composed of Members chosen every second Year"
    ));
    assert_eq!(house.split("\n\n").count(), 5);
    assert!(clause_text(&app, "VI.2")
        .await
        .starts_with("This Constitution, and the Laws of the United States"));
    assert!(clause_text(&app, "AM-XXVII.1")
        .await
        .starts_with("No law, varying the compensation"));
    // A wrapped line that begins with "Article" is prose, not a heading.
    assert!(clause_text(&app, "AM-XXII.1")
        .await
        .contains("Article becomes operative"));
}

async fn a_bad_file_names_file_and_line_and_imports_nothing(app: TestApp) {
    let dir = app.db_dir();
    let bad = dir.join("bad-draft.txt");
    std::fs::write(
        &bad,
        "Preamble text.\n\nArticle 1\n\n1. Fine.\n\n2. Also fine.\n\nArticle 1\n\n1. Duplicate.\n",
    )
    .unwrap();
    let out = app
        .cli(&[
            "import-draft",
            bad.to_str().unwrap(),
            "--consultation",
            "bad",
        ])
        .await;
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("bad-draft.txt:9:"), "{stderr}");
    assert!(
        stderr.contains("Article 1 appears twice; it was first used on line 3"),
        "{stderr}"
    );

    let not_utf8 = dir.join("latin1.txt");
    std::fs::write(&not_utf8, b"Article 1\n\n1. Caf\xe9.\n").unwrap();
    let out = app
        .cli(&[
            "import-draft",
            not_utf8.to_str().unwrap(),
            "--consultation",
            "bad",
        ])
        .await;
    assert!(String::from_utf8_lossy(&out.stderr).contains("latin1.txt:3: expected UTF-8 text"));

    let (consultation_rows, version_rows, clause_rows) = app
        .query(|conn| {
            (
                consultations::table
                    .count()
                    .get_result::<i64>(conn)
                    .unwrap(),
                document_versions::table
                    .count()
                    .get_result::<i64>(conn)
                    .unwrap(),
                clauses::table.count().get_result::<i64>(conn).unwrap(),
            )
        })
        .await;
    assert_eq!(
        (consultation_rows, version_rows, clause_rows),
        (0, 0, 0),
        "nothing imported"
    );
}

async fn reimport_creates_the_next_version(app: TestApp) {
    let file = data("constitution-us.txt");
    for expected_version in 1..=2 {
        let out = app
            .cli(&[
                "import-draft",
                &file,
                "--consultation",
                "us",
                "--status",
                "open",
            ])
            .await;
        assert!(out.status.success());
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains(&format!("as version {expected_version} of us")),
            "{stdout}"
        );
    }
    let stdout = String::from_utf8_lossy(
        &app.cli(&["import-draft", &file, "--consultation", "us"])
            .await
            .stdout,
    )
    .into_owned();
    assert!(
        stdout.contains("78 clauses (78 unchanged from the previous version)"),
        "{stdout}"
    );
    let (consultation_rows, versions) = app
        .query(|conn| {
            (
                consultations::table
                    .count()
                    .get_result::<i64>(conn)
                    .unwrap(),
                document_versions::table
                    .order(document_versions::number)
                    .select(document_versions::number)
                    .load::<i32>(conn)
                    .unwrap(),
            )
        })
        .await;
    assert_eq!(consultation_rows, 1, "no duplicate consultation");
    assert_eq!(versions, vec![1, 2, 3]);
}

async fn cli_shows_a_clause_by_reference(app: TestApp) {
    import_open(&app, "constitution-us.txt", "us").await;
    let out = app.cli(&["show", "us", "am-xiv.5"]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("AM-XIV.5 — AMENDMENT XIV"), "{stdout}");
    assert!(stdout.contains("The Congress shall have the power to enforce"));
    let missing = app.cli(&["show", "us", "I.42"]).await;
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no clause I.42"));
    let malformed = app.cli(&["show", "us", "I"]).await;
    assert!(String::from_utf8_lossy(&malformed.stderr).contains("is not a clause reference"));
}
