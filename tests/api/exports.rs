//! Analysts' exports: every kind parses back and matches the database, filters apply,
//! pseudonyms, spreadsheet safety, the byte-order mark, small counts, the audit record
//! with the file's SHA-256, and who may download.

use std::collections::{HashMap, HashSet};

use diesel::prelude::*;
use kenes::domain::{Role, SuggestionStatus};
use kenes::schema::{audit_log, suggestions, upvotes, users};
use sha2::Digest;

use crate::fixtures::suggestion as fixture;
use crate::helpers::{TestApp, Visitor, US_TEXT};
use crate::on_both_backends;

on_both_backends!(
    suggestions_export_matches_the_database_and_is_spreadsheet_safe,
    every_export_kind_parses_and_filters_apply,
    only_analysts_and_admins_export,
    open_data_is_public_and_has_no_personal_data,
    statistics_are_charts_with_tables_and_csv,
);

const HOSTILE: [&str; 6] = [
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+1+2 is what I say",
    "-5 days is too short",
    "@SUM(A1:A9) please",
    "＝1+1 in full width",
    "\tTabbed start of text",
];

struct Download {
    status: u16,
    headers: reqwest::header::HeaderMap,
    bytes: Vec<u8>,
}

async fn download(visitor: &Visitor, query: &str) -> Download {
    let response = visitor
        .client
        .get(format!("{}/analytics/export?{query}", visitor.address))
        .send()
        .await
        .expect("request");
    Download {
        status: response.status().as_u16(),
        headers: response.headers().clone(),
        bytes: response.bytes().await.expect("body").to_vec(),
    }
}

fn records(bytes: &[u8]) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("valid CSV");
            headers
                .iter()
                .cloned()
                .zip(r.iter().map(str::to_owned))
                .collect()
        })
        .collect();
    (headers, rows)
}

async fn setup(app: &TestApp) -> (Vec<String>, Visitor) {
    app.import("us", "constitution-us.txt", US_TEXT, true).await;
    let (_, author) = app.citizen("Айгерім").await;
    let mut numbers = Vec::new();
    let tricky = "Line one, with \"quotes\";\nline two: Қазақстан Республикасы 🇰🇿 — ұлттық құндылықтар\nline three, Право граждан";
    numbers.push(fixture(app, author, "I.1", tricky, SuggestionStatus::Published).await);
    for body in HOSTILE {
        numbers.push(fixture(app, author, "I.2", body, SuggestionStatus::Pending).await);
    }
    let (_, other) = app.citizen("Other").await;
    numbers.push(
        fixture(
            app,
            other,
            "II.1",
            "A plain suggestion on Article II.",
            SuggestionStatus::Published,
        )
        .await,
    );
    // Votes by three citizens on the first.
    for i in 0..3 {
        let (_, voter) = app.citizen(&format!("Voter {i}")).await;
        let first = numbers[0].clone();
        app.query(move |conn| {
            let id: i64 = suggestions::table
                .filter(suggestions::tracking_number.eq(first))
                .select(suggestions::id)
                .first(conn)
                .unwrap();
            kenes::db::write_transaction(conn, |conn| {
                let added = kenes::models::upvote::add(conn, &[(id, voter)], kenes::models::now())?;
                let change = i32::try_from(added.len()).unwrap();
                kenes::models::upvote::step(conn, &std::collections::HashMap::from([(id, change)]))
            })
            .unwrap();
        })
        .await;
    }
    let analyst = app.signed_in_as(Role::Analyst).await;
    (numbers, analyst)
}

async fn suggestions_export_matches_the_database_and_is_spreadsheet_safe(app: TestApp) {
    let (numbers, analyst) = setup(&app).await;
    let file = download(&analyst, "export=suggestions&consultation=us").await;
    assert_eq!(file.status, 200);
    assert_eq!(file.headers["content-type"], "text/csv; charset=utf-8");
    let disposition = file.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"kenes-suggestions-us-"),
        "{disposition}"
    );
    assert!(
        !file.bytes.starts_with(b"\xEF\xBB\xBF"),
        "no BOM unless asked"
    );
    let (headers, rows) = records(&file.bytes);
    let documented: Vec<&str> = kenes::export::DICTIONARY[0].1.iter().map(|c| c.0).collect();
    assert_eq!(headers, documented, "columns are the documented contract");
    // Row for row, as the database holds them.
    let stored: Vec<(String, String, String, i32, i64)> = app
        .query(|conn| {
            suggestions::table
                .order(suggestions::id)
                .select((
                    suggestions::tracking_number,
                    suggestions::body,
                    suggestions::status,
                    suggestions::upvotes,
                    suggestions::author_id,
                ))
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(rows.len(), stored.len());
    for (row, (number, body, status, upvotes, _)) in rows.iter().zip(&stored) {
        assert_eq!(&row["tracking_number"], number);
        assert_eq!(&row["status"], status);
        assert_eq!(row["upvotes"], upvotes.to_string());
        if HOSTILE.contains(&body.as_str()) {
            assert_eq!(row["body"], format!("'{body}"), "formula neutralised");
        } else {
            assert_eq!(
                &row["body"], body,
                "multi-line, quotes, emoji, Kazakh intact"
            );
        }
        assert!(row["created_at"].ends_with('Z') && row["created_at"].contains('T'));
    }
    assert_eq!(rows[0]["clause"], "I.1");
    assert_eq!(rows[0]["article"], "I");
    assert!(rows[0]["clause_excerpt"].starts_with("All legislative Powers"));
    // Pseudonyms: one per author within the file, never a name or email.
    let authors: HashSet<&str> = rows.iter().map(|r| r["author"].as_str()).collect();
    assert_eq!(authors.len(), 2);
    assert!(rows[..6].iter().all(|r| r["author"] == rows[0]["author"]));
    let text = String::from_utf8(file.bytes.clone()).unwrap();
    assert!(!text.contains("Айгерім") && !text.contains("@example.kz"));
    // A second export names the same people differently.
    let again = download(&analyst, "export=suggestions&consultation=us&excel=1").await;
    assert!(again.bytes.starts_with(b"\xEF\xBB\xBF"), "BOM when asked");
    let (_, rows2) = records(&again.bytes[3..]);
    assert_ne!(rows2[0]["author"], rows[0]["author"]);
    // The export is in the audit log with the SHA-256 of exactly these bytes.
    let details: Vec<String> = app
        .query(|conn| {
            audit_log::table
                .filter(audit_log::action.eq("export"))
                .order(audit_log::id)
                .select(audit_log::details)
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(details.len(), 2);
    let first: serde_json::Value = serde_json::from_str(&details[0]).unwrap();
    assert_eq!(
        first["sha256"],
        hex::encode(sha2::Sha256::digest(&file.bytes))
    );
    assert_eq!(first["rows"], stored.len());
    let page = analyst.get("/analytics").await;
    assert!(page.body.contains(first["sha256"].as_str().unwrap()));
    // The command line writes the same rows.
    let out = app.db_dir().join("export.csv");
    let run = app
        .cli(&[
            "export",
            "suggestions",
            "--consultation",
            "us",
            "--filter",
            "status=published",
            "--out",
            out.to_str().unwrap(),
        ])
        .await;
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let written = std::fs::read(&out).unwrap();
    let printed = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(
        printed.contains(&hex::encode(sha2::Sha256::digest(&written))),
        "{printed}"
    );
    let (_, cli_rows) = records(&written);
    assert_eq!(cli_rows.len(), 2);
    assert_eq!(cli_rows[0]["tracking_number"], numbers[0]);
}

async fn every_export_kind_parses_and_filters_apply(app: TestApp) {
    let (numbers, analyst) = setup(&app).await;
    // Filters restrict rows: the queue's own.
    let (_, rows) = records(
        &download(&analyst, "export=suggestions&status=pending")
            .await
            .bytes,
    );
    assert_eq!(rows.len(), HOSTILE.len());
    let (_, rows) = records(
        &download(&analyst, "export=suggestions&article=II")
            .await
            .bytes,
    );
    assert_eq!(rows.len(), 1);
    let (_, rows) = records(
        &download(
            &analyst,
            &format!(
                "export=suggestions&q={}",
                "%D2%9B%D0%B0%D0%B7%D0%B0%D2%9B%D1%81%D1%82%D0%B0%D0%BD"
            ),
        )
        .await
        .bytes,
    );
    assert_eq!(
        rows.iter()
            .map(|r| r["tracking_number"].clone())
            .collect::<Vec<_>>(),
        vec![numbers[0].clone()],
        "Kazakh word"
    );
    // Upvotes: one row per vote, pseudonymous voters.
    let (headers, rows) = records(&download(&analyst, "export=upvotes").await.bytes);
    assert_eq!(
        headers,
        vec!["tracking_number", "voter", "voter_region", "created_at"]
    );
    let votes: i64 = app
        .query(|conn| upvotes::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(rows.len() as i64, votes);
    assert_eq!(
        rows.iter()
            .map(|r| r["voter"].clone())
            .collect::<HashSet<_>>()
            .len(),
        3
    );
    // Per-clause statistics add up.
    let (_, rows) = records(&download(&analyst, "export=clauses").await.bytes);
    let i2 = rows.iter().find(|r| r["clause"] == "I.2").expect("I.2");
    assert_eq!(i2["suggestions"], HOSTILE.len().to_string());
    assert_eq!(i2["pending"], HOSTILE.len().to_string());
    assert_eq!(i2["distinct_authors"], "1");
    let i1 = rows.iter().find(|r| r["clause"] == "I.1").expect("I.1");
    assert_eq!(i1["upvotes"], "3");
    // The moderation log export carries the decisions of the filtered suggestions.
    let (_, moderator_id) = {
        let v = app.signed_in_as(Role::Moderator).await;
        let token = v.csrf_token("/moderation").await;
        let page = v
            .post_raw(
                &format!("/moderation/suggestions/{}/decide", numbers[1]),
                &[
                    ("csrf_token", &token),
                    ("action", "reject"),
                    ("reason_code", "spam"),
                ],
            )
            .await;
        assert_eq!(page.status, 303);
        (v, 0)
    };
    let _ = moderator_id;
    let (_, rows) = records(&download(&analyst, "export=moderation-log").await.bytes);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["action"], "reject");
    assert_eq!(rows[0]["tracking_number"], numbers[1]);
    assert!(rows[0]["moderator"].starts_with("P-"));
    // Regions: aggregates only, small counts withheld.
    let (_, rows) = records(&download(&analyst, "export=regions").await.bytes);
    assert!(!rows.is_empty());
    for row in &rows {
        assert_eq!(
            row["suppressed"], "true",
            "fewer than 5 authors everywhere: {row:?}"
        );
        assert_eq!(row["participants"], "");
    }
    // Five authors in one region are shown.
    let mut in_astana = Vec::new();
    for i in 0..5 {
        let (_, id) = app.citizen(&format!("Astana {i}")).await;
        in_astana.push(id);
        fixture(
            &app,
            id,
            "III.1",
            "From the capital.",
            SuggestionStatus::Published,
        )
        .await;
    }
    app.query(move |conn| {
        diesel::update(users::table.filter(users::id.eq_any(in_astana)))
            .set(users::region.eq("astana"))
            .execute(conn)
            .unwrap()
    })
    .await;
    let (_, rows) = records(&download(&analyst, "export=regions").await.bytes);
    let astana = rows
        .iter()
        .find(|r| r["region"] == "astana")
        .expect("astana");
    assert_eq!(
        (
            astana["participants"].as_str(),
            astana["suggestions"].as_str()
        ),
        ("5", "5")
    );
    // An empty result is a header.
    let (headers, rows) = records(
        &download(&analyst, "export=suggestions&clause=VII.1")
            .await
            .bytes,
    );
    assert!(rows.is_empty() && headers.len() == 23);
    // The data dictionary page lists every column.
    let page = analyst.get("/analytics/dictionary").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("<code>author_region</code>")
            && page.body.contains("<code>upvotes_received</code>")
    );
}

async fn only_analysts_and_admins_export(app: TestApp) {
    let (_, _) = setup(&app).await;
    let (citizen, _) = app.citizen("Curious").await;
    assert_eq!(download(&citizen, "export=suggestions").await.status, 403);
    assert_eq!(citizen.get("/analytics").await.status, 403);
    let moderator = app.signed_in_as(Role::Moderator).await;
    assert_eq!(download(&moderator, "export=suggestions").await.status, 403);
    let anonymous = download(&app.visitor(), "export=suggestions").await;
    assert_eq!(anonymous.status, 303);
    let admin = app.signed_in_as(Role::Admin).await;
    assert_eq!(download(&admin, "export=suggestions").await.status, 200);
    let no_exports: i64 = app
        .query(|conn| {
            audit_log::table
                .filter(audit_log::action.eq("export"))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(no_exports, 1, "only the admin's export happened");
}

async fn open_data_is_public_and_has_no_personal_data(app: TestApp) {
    let (numbers, _) = setup(&app).await;
    let (_, author) = app.citizen("Formula Fan").await;
    let hostile = fixture(
        &app,
        author,
        "I.3",
        "=1+1 published on purpose",
        SuggestionStatus::Published,
    )
    .await;
    let anonymous = app.visitor();
    let page = anonymous.get("/open-data").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("CC BY 4.0"));
    let csv = download_public(&anonymous, "/open-data/suggestions.csv").await;
    let (headers, rows) = records(&csv);
    assert!(!headers
        .iter()
        .any(|h| h.contains("author") || h.contains("region")));
    let public: Vec<String> = rows.iter().map(|r| r["tracking_number"].clone()).collect();
    assert_eq!(
        public,
        vec![
            numbers[0].clone(),
            numbers[HOSTILE.len() + 1].clone(),
            hostile.clone()
        ],
        "only what the public sees"
    );
    let text = String::from_utf8(csv.clone()).unwrap();
    assert!(!text.contains("Айгерім") && !text.contains("Formula Fan"));
    assert_eq!(rows[2]["body"], "'=1+1 published on purpose");
    assert!(rows[0]["body"].contains("Қазақстан Республикасы 🇰🇿"));
    let json: serde_json::Value =
        serde_json::from_slice(&download_public(&anonymous, "/open-data/suggestions.json").await)
            .unwrap();
    let items = json.as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(
        items[2]["body"], "=1+1 published on purpose",
        "JSON keeps the text as written"
    );
    assert_eq!(items[0]["upvotes"], 3);
    let (_, clauses) =
        records(&download_public(&anonymous, "/open-data/clauses.csv?consultation=us").await);
    let i1 = clauses.iter().find(|r| r["clause"] == "I.1").unwrap();
    assert_eq!(
        (i1["suggestions"].as_str(), i1["upvotes"].as_str()),
        ("1", "3")
    );
    assert!(
        clauses.iter().all(|r| r["clause"] != "I.2"),
        "pending suggestions are not counted"
    );
    let empty: serde_json::Value = serde_json::from_slice(
        &download_public(
            &anonymous,
            "/open-data/clauses.json?consultation=nothing-here",
        )
        .await,
    )
    .unwrap();
    assert_eq!(empty, serde_json::json!([]));
    assert_eq!(anonymous.get("/open-data/secrets.csv").await.status, 404);
}

async fn download_public(visitor: &Visitor, path: &str) -> Vec<u8> {
    let response = visitor
        .client
        .get(format!("{}{path}", visitor.address))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status().as_u16(), 200, "{path}");
    response.bytes().await.expect("body").to_vec()
}

async fn statistics_are_charts_with_tables_and_csv(app: TestApp) {
    let (_, analyst) = setup(&app).await;
    let page = analyst.get("/analytics/statistics?consultation=us").await;
    assert_eq!(page.status, 200);
    assert_eq!(page.count("<svg"), 8, "eight charts, drawn on the server");
    assert_eq!(page.count("role=\"img\""), 8);
    assert!(
        page.body.contains("Suggestions by status") && page.body.contains("Most discussed clauses")
    );
    // The table beside the chart and its CSV say the same as the database.
    let pending: i64 = app
        .query(|conn| {
            suggestions::table
                .filter(suggestions::status.eq("pending"))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert!(
        page.body
            .contains(&format!("<td>pending</td><td class=\"num\">{pending}</td>")),
        "{}",
        page.body
    );
    let file = download_public(&analyst, "/analytics/statistics/status.csv?consultation=us").await;
    let (headers, rows) = records(&file);
    assert_eq!(headers, vec!["label", "count"]);
    let pending_row = rows.iter().find(|r| r["label"] == "pending").unwrap();
    assert_eq!(pending_row["count"], pending.to_string());
    let (_, articles) =
        records(&download_public(&analyst, "/analytics/statistics/articles.csv").await);
    assert_eq!(
        (articles[0]["label"].as_str(), articles[0]["count"].as_str()),
        ("I", "7")
    );
    let (_, clauses) =
        records(&download_public(&analyst, "/analytics/statistics/clauses.csv").await);
    assert_eq!(
        clauses[0]["label"], "I.2",
        "the most discussed clause first"
    );
    assert_eq!(clauses[0]["count"], HOSTILE.len().to_string());
    // Regions with fewer than 5 authors are withheld.
    let (_, regions) =
        records(&download_public(&analyst, "/analytics/statistics/regions.csv").await);
    assert!(regions.iter().all(|r| r["count"].is_empty()));
    let recorded: i64 = app
        .query(|conn| {
            audit_log::table
                .filter(audit_log::action.eq("export"))
                .filter(audit_log::subject.eq("statistics"))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    assert_eq!(recorded, 4);
    let (citizen, _) = app.citizen("Nosy").await;
    assert_eq!(citizen.get("/analytics/statistics").await.status, 403);
}
