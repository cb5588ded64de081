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
    each_import_error_is_printed_once,
    oversized_files_are_refused_before_they_are_read,
    a_100000_clause_draft_imports_in_one_go,
    malformed_numbering_and_control_characters_name_the_line,
    comment_files_with_open_quotes_and_control_characters_import_nothing,
    a_flood_of_bad_rows_lists_the_first_hundred_and_the_total,
    the_declaration_imports_in_kazakh_russian_and_english,
    import_errors_are_printed_in_the_operator_language,
);

/// Run the real binary with extra environment variables.
async fn cli_env(app: &TestApp, env: &[(&str, &str)], args: &[&str]) -> std::process::Output {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_kenes"));
    crate::helpers::without_cli_language(&mut command);
    command
        .args(args)
        .env("DATABASE_URL", &app.db.url)
        .env("KENES_DATA_DIR", app.db_dir())
        .env("KENES_LOG", "warn");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().await.unwrap();
    // Heard by the server within milliseconds; the test reads at once (see `TestApp::cli`).
    app.pool.changes().bump();
    output
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The command failed, saying each of `needles`; returns what it said.
fn refused_saying(out: &std::process::Output, needles: &[&str]) -> String {
    let stderr = stderr_of(out);
    assert!(!out.status.success(), "{stderr}");
    for needle in needles {
        assert!(stderr.contains(needle), "expected {needle:?} in {stderr}");
    }
    stderr
}

/// Versions, clauses and suggestions stored: what "nothing was imported" is checked on.
async fn stored_rows(app: &TestApp) -> (i64, i64, i64) {
    use kenes::schema::suggestions;
    app.query(|conn| {
        (
            document_versions::table.count().get_result(conn).unwrap(),
            clauses::table.count().get_result(conn).unwrap(),
            suggestions::table.count().get_result(conn).unwrap(),
        )
    })
    .await
}

/// `kenes import-comments FILE --consultation us --clause I.1 [EXTRA...]`.
async fn comments_cli(app: &TestApp, file: &str, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "import-comments",
        file,
        "--consultation",
        "us",
        "--clause",
        "I.1",
    ];
    args.extend_from_slice(extra);
    app.cli(&args).await
}

/// `kenes import-draft FILE --consultation SLUG`.
async fn draft_cli(app: &TestApp, file: &str, slug: &str) -> std::process::Output {
    app.cli(&["import-draft", file, "--consultation", slug])
        .await
}

async fn each_import_error_is_printed_once(app: TestApp) {
    let dir = app.db_dir();
    let bad = dir.join("dup.txt");
    std::fs::write(&bad, "Article 1\n\n1. A.\n\nArticle 1\n\n1. B.\n").unwrap();
    let out = draft_cli(&app, bad.to_str().unwrap(), "dup").await;
    assert!(!out.status.success());
    let stderr = stderr_of(&out);
    assert_eq!(
        stderr.matches("Article 1 appears twice").count(),
        1,
        "{stderr}"
    );
    assert_eq!(stderr.matches("dup.txt:5:").count(), 1, "{stderr}");

    import_open(&app, "constitution-us.txt", "us").await;
    let csv = dir.join("comments.csv");
    std::fs::write(
        &csv,
        "timestamp,comment-id,author-id,moderated,comment-body\nx,1,1,1,a\n",
    )
    .unwrap();
    let out = comments_cli(&app, csv.to_str().unwrap(), &[]).await;
    let stderr = stderr_of(&out);
    assert_eq!(
        stderr
            .matches("comments.csv:2: expected `timestamp`")
            .count(),
        1,
        "{stderr}"
    );
}

async fn oversized_files_are_refused_before_they_are_read(app: TestApp) {
    let dir = app.db_dir();
    // Sparse files: 3 GiB on paper, nothing on disk; reading them would need gigabytes.
    let draft = dir.join("huge.txt");
    std::fs::File::create(&draft)
        .unwrap()
        .set_len(3 << 30)
        .unwrap();
    let out = draft_cli(&app, draft.to_str().unwrap(), "huge").await;
    let stderr = stderr_of(&out);
    assert!(!out.status.success());
    assert!(
        stderr.contains("huge.txt: the file is 3221225472 bytes (3072.0 MiB); an import file may be at most 8388608 bytes (8.0 MiB) (use --max-bytes or KENES_IMPORT_MAX_BYTES to allow more)"),
        "{stderr}"
    );
    import_open(&app, "constitution-us.txt", "us").await;
    let csv = dir.join("huge.csv");
    std::fs::File::create(&csv)
        .unwrap()
        .set_len(3 << 30)
        .unwrap();
    refused_saying(
        &comments_cli(&app, csv.to_str().unwrap(), &[]).await,
        &[
            "huge.csv: the file is 3221225472 bytes",
            "at most 67108864 bytes (64.0 MiB)",
        ],
    );

    // The limit can be lowered or raised: by the variable (empty means unset), then the flag.
    let us = data("constitution-us.txt");
    for (env, flag, refused) in [
        ("1KiB", None, Some("at most 1024 bytes")),
        ("1KiB", Some("1MiB"), None),
        ("", None, None),
        (
            "lots",
            None,
            Some("KENES_IMPORT_MAX_BYTES: expected a size in bytes"),
        ),
    ] {
        let mut args = vec!["import-draft", &us, "--consultation", "us"];
        args.extend(flag.iter().flat_map(|f| ["--max-bytes", f]));
        let out = cli_env(&app, &[("KENES_IMPORT_MAX_BYTES", env)], &args).await;
        match refused {
            Some(message) => assert!(
                stderr_of(&out).contains(message),
                "{env:?}: {}",
                stderr_of(&out)
            ),
            None => assert!(out.status.success(), "{env:?}: {}", stderr_of(&out)),
        }
    }
    assert_eq!(
        stored_rows(&app).await,
        (3, 3 * 78, 0),
        "only the three good imports"
    );
}

/// 100,000 clauses: article 1 alone has 10,000 (one INSERT of them all needed 80,000
/// bind parameters, over PostgreSQL's 65,535), and 9,000 more articles have 10 each
/// (more articles than one statement of 32,766 parameters holds, so they go in two).
fn big_draft() -> String {
    let mut text = String::with_capacity(4 << 20);
    for article in 1..=9001 {
        text.push_str(&format!("Article {article}\n\n"));
        let clauses = if article == 1 { 10_000 } else { 10 };
        for clause in 1..=clauses {
            text.push_str(&format!(
                "{clause}. Clause {clause} of article {article}.\n\n"
            ));
        }
    }
    text
}

async fn a_100000_clause_draft_imports_in_one_go(app: TestApp) {
    use std::io::Write;
    let file = app.db_dir().join("big.txt");
    std::fs::write(&file, big_draft()).unwrap();
    let path = file.to_str().unwrap().to_owned();
    for expected in [
        "100000 clauses (0 unchanged",
        "100000 clauses (100000 unchanged",
    ] {
        let started = std::time::Instant::now();
        let out = draft_cli(&app, &path, "big").await;
        let seconds = started.elapsed().as_secs_f64();
        // Reported, not asserted (timings depend on the machine); see the README.
        let backend = if app.db.url.starts_with("postgres") {
            "PostgreSQL"
        } else {
            "SQLite"
        };
        let _ = writeln!(
            std::io::stderr(),
            "100,000-clause import on {backend}: {seconds:.2} s (debug build)"
        );
        assert!(out.status.success(), "{}", stderr_of(&out));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains(&format!("9001 articles, {expected}")),
            "{stdout}"
        );
    }
    let (first_article, last) = app
        .query(|conn| {
            let first_ids: Vec<i64> = articles::table
                .filter(articles::number.eq("1"))
                .select(articles::id)
                .load(conn)
                .unwrap();
            let first: i64 = clauses::table
                .filter(clauses::article_id.eq_any(first_ids))
                .count()
                .get_result(conn)
                .unwrap();
            let last: String = clauses::table
                .filter(clauses::reference.eq("9001.10"))
                .select(clauses::body)
                .first(conn)
                .unwrap();
            (first, last)
        })
        .await;
    assert_eq!(
        first_article, 20_000,
        "10,000 clauses in article 1 of each version"
    );
    assert_eq!(last, "Clause 10 of article 9001.");
}

async fn malformed_numbering_and_control_characters_name_the_line(app: TestApp) {
    let dir = app.db_dir();
    for (name, text, expected) in [
        (
            "nul.txt",
            "Article 1\n\n1. A\u{0}B.\n",
            "nul.txt:3: expected text; found the control character U+0000 (NUL) at column 5",
        ),
        (
            "huge.txt",
            "Article 1\n\n1. A.\n\n99999999999999999999999999. B.\n",
            "huge.txt:5: expected a clause number",
        ),
        (
            "dash.txt",
            "Article 1\n\n1. A.\n\n1--2. B.\n",
            "dash.txt:5: expected a clause number",
        ),
        (
            "minus.txt",
            "Article 1\n\n1. A.\n\n-1. B.\n",
            "minus.txt:5: expected a clause number",
        ),
        (
            "zero.txt",
            "Article 1\n\n1. A.\n\nArticle 01\n\n1. B.\n",
            "zero.txt:5: in the heading `Article 01`: `01` has a leading zero",
        ),
        (
            "year.txt",
            "Article 1\n\n1. A.\n\n1995. The year.\n",
            "year.txt:5: clause 1995 follows clause 1 in Article 1",
        ),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        let out = draft_cli(&app, file.to_str().unwrap(), "bad").await;
        assert!(!out.status.success(), "{name}");
        let stderr = stderr_of(&out);
        assert!(stderr.contains(expected), "{name}: {stderr}");
    }
    assert_eq!(stored_rows(&app).await, (0, 0, 0), "nothing imported");
}

async fn comment_files_with_open_quotes_and_control_characters_import_nothing(app: TestApp) {
    import_open(&app, "constitution-us.txt", "us").await;
    let file = app.db_dir().join("comments.csv");
    std::fs::write(
        &file,
        "timestamp,comment-id,author-id,moderated,comment-body\n\
         1651071094558,1,10,1,Fine\n\
         1651071094558,2,11,1,NUL\u{0}here\n\
         1651071094558,3,12,1,\"An open quote\nthat never closes\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    refused_saying(
        &comments_cli(&app, path, &[]).await,
        &[
            "2 bad rows; nothing was imported",
            "comments.csv:3: in `comment-body`: expected text; found the control character U+0000 (NUL)",
            "comments.csv:4: this row ends inside a quoted field: the `\"` opened on line 4 is never closed",
        ],
    );
    assert_eq!(stored_rows(&app).await.2, 0);
    let out = comments_cli(&app, path, &["--skip-bad-rows"]).await;
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(stored_rows(&app).await.2, 1, "only the good row");
}

async fn a_flood_of_bad_rows_lists_the_first_hundred_and_the_total(app: TestApp) {
    import_open(&app, "constitution-us.txt", "us").await;
    let mut text = String::from("timestamp,comment-id,author-id,moderated,comment-body\n");
    for n in 0..50_000 {
        text.push_str(&format!("1651071094558,{n},1,9,body\n"));
    }
    let file = app.db_dir().join("comments.csv");
    std::fs::write(&file, text).unwrap();
    let stderr = refused_saying(
        &comments_cli(&app, file.to_str().unwrap(), &[]).await,
        &[
            "50000 bad rows; nothing was imported",
            "… and 49900 more bad rows",
        ],
    );
    assert_eq!(
        stderr.matches("expected 1, 0 or -1 in `moderated`").count(),
        100
    );
    assert!(stderr.len() < 20_000, "{} bytes of errors", stderr.len());
}

async fn the_declaration_imports_in_kazakh_russian_and_english(app: TestApp) {
    let mut references = Vec::new();
    for (lang, first_clause) in [
        ("kk", "Барлық адамдар тумысынан азат"),
        ("ru", "Все люди рождаются свободными"),
        ("en", "All human beings are born free"),
    ] {
        let slug = format!("udhr-{lang}");
        let file = format!(
            "{}/samples/udhr/udhr-{lang}.txt",
            env!("CARGO_MANIFEST_DIR")
        );
        let out = app
            .cli(&["import-draft", &file, "--consultation", &slug])
            .await;
        assert!(out.status.success(), "{}", stderr_of(&out));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("0 chapters, 30 articles"), "{stdout}");
        let slug_q = slug.clone();
        let refs: Vec<(String, String)> = app
            .query(move |conn| {
                let version: i64 = document_versions::table
                    .inner_join(consultations::table)
                    .filter(consultations::slug.eq(slug_q))
                    .select(document_versions::id)
                    .first(conn)
                    .unwrap();
                clauses::table
                    .filter(clauses::version_id.eq(version))
                    .order(clauses::id)
                    .select((clauses::reference, clauses::body))
                    .load(conn)
                    .unwrap()
            })
            .await;
        let one = refs.iter().find(|(r, _)| r == "1.1").unwrap();
        assert!(one.1.starts_with(first_clause), "{lang}: {}", one.1);
        references.push(refs.into_iter().map(|(r, _)| r).collect::<Vec<_>>());
    }
    assert_eq!(references[0], references[1]);
    assert_eq!(references[0], references[2]);
}

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
    // And each suggestion's own count is its rows (the seed counts votes before it
    // writes the suggestions).
    let (per_row, voted) = app
        .query(|conn| {
            let voted: Vec<i64> = upvotes::table
                .select(upvotes::suggestion_id)
                .load(conn)
                .unwrap();
            let per_row: Vec<(i64, i32, bool)> = suggestions::table
                .select((suggestions::id, suggestions::upvotes, suggestions::visible))
                .load(conn)
                .unwrap();
            (per_row, voted)
        })
        .await;
    let mut rows_of = std::collections::HashMap::<i64, i32>::new();
    for id in voted {
        *rows_of.entry(id).or_default() += 1;
    }
    for (id, stored, visible) in per_row {
        let counted = rows_of.get(&id).copied().unwrap_or(0);
        assert_eq!(stored, counted, "suggestion {id}");
        assert!(visible || counted == 0, "a vote on hidden suggestion {id}");
    }
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
    let out = comments_cli(&app, path, &[]).await;
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
    let out = comments_cli(&app, path, &["--skip-bad-rows"]).await;
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

/// `kenes import-draft` speaks the operator's language: `KENES_CLI_LANG`, else the
/// locale; the file and line stay as they are.
async fn import_errors_are_printed_in_the_operator_language(app: TestApp) {
    let dir = app.db_dir();
    let bad = dir.join("bad-draft.txt");
    std::fs::write(
        &bad,
        "Preamble text.\n\nArticle 1\n\n1. Fine.\n\n2. Also fine.\n\nArticle 1\n\n1. Duplicate.\n",
    )
    .unwrap();
    let file = bad.to_str().unwrap();
    let args = ["import-draft", file, "--consultation", "bad"];

    let russian = cli_env(&app, &[("KENES_CLI_LANG", "ru")], &args).await;
    refused_saying(
        &russian,
        &["bad-draft.txt:9: Article 1 встречается дважды; впервые — в строке 3 (номера статей не должны повторяться)"],
    );
    let kazakh = cli_env(&app, &[("KENES_CLI_LANG", "kk")], &args).await;
    refused_saying(
        &kazakh,
        &["bad-draft.txt:9: Article 1 екі рет кездеседі; ол алғаш рет 3-жолда берілген (әр баптың нөмірі қайталанбауы керек)"],
    );
    // Without the variable, the locale decides; the variable wins over it.
    let by_locale = cli_env(&app, &[("LANG", "kk_KZ.UTF-8")], &args).await;
    refused_saying(
        &by_locale,
        &["bad-draft.txt:9: Article 1 екі рет кездеседі"],
    );
    let chosen = cli_env(
        &app,
        &[("LC_ALL", "kk_KZ.UTF-8"), ("KENES_CLI_LANG", "ru")],
        &args,
    )
    .await;
    refused_saying(&chosen, &["bad-draft.txt:9: Article 1 встречается дважды"]);
    let english = cli_env(&app, &[], &args).await;
    refused_saying(&english, &["bad-draft.txt:9: Article 1 appears twice"]);

    // A problem with the whole file, and a bad argument, are in the language too.
    let missing = dir.join("missing.txt");
    let missing = missing.to_str().unwrap();
    let out = cli_env(
        &app,
        &[("KENES_CLI_LANG", "ru")],
        &["import-draft", missing, "--consultation", "bad"],
    )
    .await;
    refused_saying(&out, &["missing.txt: не удалось открыть файл: "]);
    let out = cli_env(
        &app,
        &[("KENES_CLI_LANG", "kk")],
        &["import-draft", file, "--consultation", "Bad Slug"],
    )
    .await;
    refused_saying(&out, &["`Bad Slug` — жарамсыз қысқа атау"]);
    assert_eq!(stored_rows(&app).await, (0, 0, 0), "nothing imported");

    // And so is what it prints when it is done.
    let good = dir.join("good.txt");
    std::fs::write(&good, "Article 1\n\n1. Fine.\n").unwrap();
    let out = cli_env(
        &app,
        &[("KENES_CLI_LANG", "kk")],
        &[
            "import-draft",
            good.to_str().unwrap(),
            "--consultation",
            "good",
        ],
    )
    .await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        stdout.contains("good талқылауының № 1 редакциясы импортталды")
            && stdout.contains("тараулар — 0, баптар — 1, тармақтар — 1"),
        "{stdout}"
    );
}

/// `kenes import-draft --help` as printed with `env`; no database is needed.
fn import_draft_help(env: &[(&str, &str)]) -> String {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_kenes"));
    for name in crate::helpers::CLI_LANGUAGE_VARIABLES {
        command.env_remove(name);
    }
    command
        .args(["import-draft", "--help"])
        .envs(env.iter().copied());
    let out = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // clap wraps long lines to the terminal's width.
    stdout.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `kenes ARGS` with `env` and no language variables of this process; no database
/// is needed for what is refused before one is opened.
fn kenes_refused(args: &[&str], env: &[(&str, &str)]) -> (Option<i32>, String) {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_kenes"));
    for name in crate::helpers::CLI_LANGUAGE_VARIABLES {
        command.env_remove(name);
    }
    let out = command
        .args(args)
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(!out.status.success());
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// What clap refuses, and a malformed setting, are explained in the operator's
/// language: no English word in Kazakh or Russian.
#[test]
fn a_refused_command_line_is_explained_in_the_operator_language() {
    let (code, russian) = kenes_refused(&["serv"], &[("KENES_CLI_LANG", "ru")]);
    assert_eq!(code, Some(2), "{russian}");
    assert!(
        russian.starts_with("ошибка: неизвестная команда `serv`"),
        "{russian}"
    );
    assert!(russian.contains("Использование: kenes"), "{russian}");
    let (code, kazakh) = kenes_refused(&["import-draft"], &[("LANG", "kk_KZ.UTF-8")]);
    assert_eq!(code, Some(2), "{kazakh}");
    assert!(
        kazakh.starts_with("қате: міндетті аргументтер көрсетілмеген: "),
        "{kazakh}"
    );
    for text in [&russian, &kazakh] {
        for english in ["error:", "Usage:", "For more information", "unrecognized"] {
            assert!(!text.contains(english), "{english} in {text}");
        }
    }
    // clap's own words in English.
    let (code, english) = kenes_refused(&["serv"], &[]);
    assert_eq!(code, Some(2));
    assert!(
        english.contains("error: unrecognized subcommand 'serv'"),
        "{english}"
    );

    // A malformed setting stops `migrate` before any database is opened.
    let (_, kazakh) = kenes_refused(
        &["migrate"],
        &[("KENES_CLI_LANG", "kk"), ("KENES_BIND", "8080")],
    );
    assert!(
        kazakh.contains("KENES_BIND: күтілетін мән — мекенжай мен порт"),
        "{kazakh}"
    );
    let (code, russian) = kenes_refused(
        &["migrate"],
        &[("KENES_CLI_LANG", "ru"), ("KENES_DB_POOL_SIZE", "four")],
    );
    assert_eq!(code, Some(2));
    assert!(
        russian.starts_with("ошибка: KENES_DB_POOL_SIZE: недопустимое значение `four`"),
        "{russian}"
    );
}

/// The help of a subcommand's options is in the operator's language too; flags and
/// codes stay as they are typed.
#[test]
fn import_draft_help_is_printed_in_the_operator_language() {
    let russian = import_draft_help(&[("KENES_CLI_LANG", "ru")]);
    for needle in [
        "Использование: kenes import-draft",
        "--lang <LANGS>",
        "Язык каждого файла по порядку (kk, ru или en; для одного файла по умолчанию en)",
        "--into-version <INTO_VERSION>",
        "Добавить языки файлов в указанную существующую редакцию вместо создания новой",
        "Краткое имя общественного обсуждения",
    ] {
        assert!(russian.contains(needle), "expected {needle:?} in {russian}");
    }
    let kazakh = import_draft_help(&[("KENES_CLI_LANG", "kk")]);
    for needle in [
        "Қолданылуы: kenes import-draft",
        "Әр файлдың тілі, ретімен (kk, ru немесе en; бір файл үшін әдепкі мәні en)",
        "Жаңа редакция құрудың орнына файлдардың тілдерін осы бар редакцияға қосу",
        "Параметрлер:",
    ] {
        assert!(kazakh.contains(needle), "expected {needle:?} in {kazakh}");
    }
    // The locale decides without the variable; English is the doc comments.
    let by_locale = import_draft_help(&[("LANG", "kk_KZ.UTF-8")]);
    assert!(
        by_locale.contains("Әр файлдың тілі, ретімен"),
        "{by_locale}"
    );
    let english = import_draft_help(&[]);
    assert!(english.contains("Usage: kenes import-draft"), "{english}");
    assert!(
        english.contains(
            "The language of each file, in order (kk, ru or en; default en for a single file)"
        ),
        "{english}"
    );
}
