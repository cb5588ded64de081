//! The moderation workbench: the state machine on every path, the append-only log,
//! bulk actions on a filter, merging with distinct voters, claims, reports, blocking,
//! full-text search in three scripts, clusters and campaigns, and access rules.

use diesel::prelude::*;
use kenes::domain::{Role, SuggestionStatus};
use kenes::schema::{clusters, moderation_log, suggestions, upvotes, users};

use crate::fixtures::{open_us, status_of, suggestion as fixture};
use crate::helpers::{Page, TestApp, Visitor};
use crate::on_both_backends;

on_both_backends!(
    decisions_follow_the_state_machine_on_every_path,
    bulk_actions_apply_to_everything_matching_a_filter,
    merging_counts_each_citizen_once,
    two_moderators_cannot_decide_the_same_suggestion,
    reports_hide_a_suggestion_until_a_moderator_decides,
    blocked_citizens_read_but_cannot_take_part,
    search_finds_cyrillic_kazakh_and_latin_words,
    citizens_cannot_reach_any_moderation_route,
    clusters_group_near_duplicates_and_flag_campaigns,
    notes_tags_canned_responses_and_the_dashboard,
    queue_filters_combine_and_pages_cover_everything,
    queue_plan_counts_what_a_filter_matches_and_shows_the_plan,
);

const CLAUSE: &str = "/consultations/us/clauses/I.1";

/// The tracking numbers of the queue rows on a page, in order.
fn numbers(body: &str) -> Vec<String> {
    body.split("data-number=\"")
        .skip(1)
        .map(|p| p[..12].to_owned())
        .collect()
}

async fn log_rows(app: &TestApp, number: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let number = number.to_owned();
    app.query(move |conn| {
        moderation_log::table
            .inner_join(suggestions::table)
            .filter(suggestions::tracking_number.eq(number))
            .order(moderation_log::id)
            .select((
                moderation_log::action,
                moderation_log::from_value,
                moderation_log::to_value,
            ))
            .load(conn)
            .unwrap()
    })
    .await
}

/// A moderator with a known name and email, signed in.
async fn moderator(app: &TestApp, name: &str) -> (Visitor, i64, String) {
    let email = format!("{}@gov.kz", uuid::Uuid::new_v4().simple());
    let id = app
        .create_user(&email, name, "correct horse battery", Role::Moderator)
        .await;
    let visitor = app.visitor();
    let page = visitor.sign_in(&email, "correct horse battery").await;
    assert_eq!(page.status, 303);
    (visitor, id, email)
}

async fn decide(moderator: &Visitor, number: &str, fields: &[(&str, &str)]) -> Page {
    let review = format!("/moderation/suggestions/{number}");
    moderator
        .submit(&review, &format!("{review}/decide"), fields)
        .await
}

async fn decisions_follow_the_state_machine_on_every_path(app: TestApp) {
    open_us(&app).await;
    let (author_visitor, author) = app.citizen("Author").await;
    let a = fixture(
        &app,
        author,
        "I.1",
        "Let the House sit in public always.",
        SuggestionStatus::Pending,
    )
    .await;
    let b = fixture(
        &app,
        author,
        "I.1",
        "Buy cheap watches at example.com",
        SuggestionStatus::Pending,
    )
    .await;
    let c = fixture(
        &app,
        author,
        "I.1",
        "A third idea, for the command line.",
        SuggestionStatus::Pending,
    )
    .await;
    let (moderator, _, email) = moderator(&app, "Moderator Ainur").await;

    // The queue lists pending suggestions oldest first, with counts per status.
    let queue = moderator.get("/moderation").await;
    assert_eq!(queue.status, 200);
    let (pa, pb) = (queue.body.find(&a).unwrap(), queue.body.find(&b).unwrap());
    assert!(pa < pb, "oldest first");
    assert!(queue
        .body
        .contains("Awaiting moderation <span class=\"count\">3</span>"));

    // pending → published
    let page = decide(
        &moderator,
        &a,
        &[("action", "publish"), ("return_to", "/moderation")],
    )
    .await;
    assert_eq!(page.status, 303, "{}", page.body);
    assert_eq!(status_of(&app, &a).await, "published");
    assert!(app.get(CLAUSE).await.body.contains(&a), "public now");
    // pending → rejected needs a reason; without one the form says so.
    let page = decide(
        &moderator,
        &b,
        &[
            ("action", "reject"),
            ("reason_code", "other"),
            ("reason_text", ""),
        ],
    )
    .await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains("Explain the reason in a few words."));
    let page = decide(
        &moderator,
        &b,
        &[("action", "reject"), ("reason_code", "spam")],
    )
    .await;
    assert_eq!(page.status, 303);
    assert_eq!(status_of(&app, &b).await, "rejected");
    // Refused: publishing a rejected suggestion, responding to a published one.
    let page = decide(&moderator, &b, &[("action", "publish")]).await;
    assert_eq!(page.status, 409);
    assert!(page
        .body
        .contains("Only pending suggestions can be published."));
    let page = decide(
        &moderator,
        &a,
        &[
            ("action", "respond"),
            ("outcome", "accepted"),
            ("response", "We agree and changed the text."),
        ],
    )
    .await;
    assert_eq!(page.status, 409);
    assert!(page
        .body
        .contains("An official response is given to suggestions under review."));
    // published → under review → accepted, with the response public and emailed.
    assert_eq!(
        decide(&moderator, &a, &[("action", "review")]).await.status,
        303
    );
    let response = "The commission agrees: sessions will be public.";
    let page = decide(
        &moderator,
        &a,
        &[
            ("action", "respond"),
            ("outcome", "accepted"),
            ("response", response),
        ],
    )
    .await;
    assert_eq!(page.status, 303);
    assert_eq!(status_of(&app, &a).await, "accepted");
    assert!(app
        .get(&format!("/receipt/{a}"))
        .await
        .body
        .contains(response));
    assert!(app.get(CLAUSE).await.body.contains(response));
    let mail = app.mail.messages_to_any_eventually(response).await;
    assert_eq!(mail.subject(), "An official response to your suggestion");
    // visible → hidden
    let page = decide(
        &moderator,
        &a,
        &[("action", "hide"), ("reason_code", "abusive")],
    )
    .await;
    assert_eq!(page.status, 303);
    assert!(!app.get(CLAUSE).await.body.contains(&a));
    // Every change is one log row, from → to.
    assert_eq!(
        log_rows(&app, &a).await,
        vec![
            (
                "publish".into(),
                Some("pending".into()),
                Some("published".into())
            ),
            (
                "review".into(),
                Some("published".into()),
                Some("under_review".into())
            ),
            (
                "respond".into(),
                Some("under_review".into()),
                Some("accepted".into())
            ),
            (
                "hide".into(),
                Some("accepted".into()),
                Some("hidden".into())
            ),
        ]
    );
    assert_eq!(log_rows(&app, &b).await.len(), 1);
    // The log refuses to be changed, on both databases.
    let tampered = app
        .query(|conn| {
            diesel::delete(moderation_log::table).execute(conn).is_err()
                && diesel::update(moderation_log::table)
                    .set(moderation_log::reason.eq("x"))
                    .execute(conn)
                    .is_err()
        })
        .await;
    assert!(tampered, "append-only");

    // The command line takes the same path and meets the same rules.
    let out = app.cli(&["moderate", &c, "publish", "--as", &email]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(status_of(&app, &c).await, "published");
    let out = app
        .cli(&["moderate", &c, "reject", "--reason", "spam", "--as", &email])
        .await;
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("Only pending suggestions can be rejected")
    );
    assert_eq!(log_rows(&app, &c).await.len(), 1);
    // Nothing is ever deleted.
    assert_eq!(
        app.query(|conn| suggestions::table.count().get_result::<i64>(conn).unwrap())
            .await,
        3
    );

    // The public log shows decisions on published content, without names; staff see who.
    let public = app.get("/decisions").await;
    assert!(public.body.contains(&a));
    assert!(
        !public.body.contains(&b),
        "a rejection of unpublished content is not public"
    );
    assert!(!public.body.contains("Moderator Ainur"));
    let staff = moderator.get("/moderation/log").await;
    assert!(staff.body.contains("Moderator Ainur") && staff.body.contains(&b));
    // The author sees the outcome on their own receipt too.
    assert!(author_visitor
        .get(&format!("/receipt/{b}"))
        .await
        .body
        .contains("Not published"));
}

async fn bulk_actions_apply_to_everything_matching_a_filter(app: TestApp) {
    open_us(&app).await;
    let (_, author) = app.citizen("Author").await;
    let mut tax = Vec::new();
    for i in 0..3 {
        tax.push(
            fixture(
                &app,
                author,
                "I.1",
                &format!("Tax reform proposal number {i}"),
                SuggestionStatus::Pending,
            )
            .await,
        );
    }
    let other = fixture(
        &app,
        author,
        "I.1",
        "Something else entirely",
        SuggestionStatus::Pending,
    )
    .await;
    let (moderator, moderator_id, _) = moderator(&app, "Bulk Moderator").await;
    let token = moderator.csrf_token("/moderation").await;

    // Everything matching "tax": a confirmation with the count first.
    let query = "status=pending&q=tax";
    let page = moderator
        .post_raw(
            "/moderation/bulk",
            &[
                ("csrf_token", &token),
                ("scope", "filter"),
                ("action", "publish"),
                ("query", query),
            ],
        )
        .await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("This will apply to 3 suggestions"),
        "{}",
        page.body
    );
    assert_eq!(status_of(&app, &tax[0]).await, "pending", "nothing yet");
    let page = moderator
        .post_raw(
            "/moderation/bulk",
            &[
                ("csrf_token", &token),
                ("scope", "filter"),
                ("action", "publish"),
                ("query", query),
                ("confirmed", "3"),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    for n in &tax {
        assert_eq!(status_of(&app, n).await, "published");
        assert_eq!(log_rows(&app, n).await.len(), 1, "one log row per item");
    }
    assert_eq!(status_of(&app, &other).await, "pending");
    let back = moderator.get(page.location()).await;
    assert!(back.body.contains("Done for 3 suggestions."));

    // A selection: tag and assign, each with its log rows; "assigned to me" finds them.
    let page = moderator
        .post_raw(
            "/moderation/bulk",
            &[
                ("csrf_token", &token),
                ("scope", "selected"),
                ("action", "tag"),
                ("tag", "Fiscal"),
                ("ids", &tax[0]),
                ("ids", &tax[1]),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    let tagged = moderator.get("/moderation?status=all&tag=fiscal").await;
    assert!(
        tagged.body.contains(&tax[0])
            && tagged.body.contains(&tax[1])
            && !tagged.body.contains(&tax[2])
    );
    let page = moderator
        .post_raw(
            "/moderation/bulk",
            &[
                ("csrf_token", &token),
                ("scope", "selected"),
                ("action", "assign"),
                ("assignee", &moderator_id.to_string()),
                ("ids", &tax[2]),
                ("ids", &other),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    let mine = moderator.get("/moderation?status=all&assignee=me").await;
    assert!(
        mine.body.contains(&tax[2]) && mine.body.contains(&other) && !mine.body.contains(&tax[0])
    );
    assert_eq!(
        log_rows(&app, &other).await,
        vec![("assign".into(), None, Some("Bulk Moderator".into()))]
    );
    // Bulk reject of a selection that includes published ones: those are skipped.
    let page = moderator
        .post_raw(
            "/moderation/bulk",
            &[
                ("csrf_token", &token),
                ("scope", "selected"),
                ("action", "reject"),
                ("reason_code", "off_topic"),
                ("ids", &tax[0]),
                ("ids", &other),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    assert!(
        page.location().contains("done=1&skipped=1"),
        "{}",
        page.location()
    );
    assert_eq!(status_of(&app, &other).await, "rejected");
    // Counts per status: kept by the database for the whole queue, counted for a
    // narrowing filter; both equal what the table holds.
    let kept: Vec<(String, i64)> = app
        .query(|conn| {
            use kenes::schema::suggestion_counts as c;
            kenes::db::write_transaction(conn, kenes::models::moderation::fold_counts).unwrap();
            c::table
                .filter(c::n.ne(0))
                .order(c::status)
                .select((c::status, c::n))
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(
        kept,
        vec![("published".to_owned(), 3), ("rejected".to_owned(), 1)]
    );
    let all = moderator.get("/moderation").await;
    assert!(all
        .body
        .contains("Published <span class=\"count\">3</span>"));
    let narrowed = moderator.get("/moderation?status=all&tag=fiscal").await;
    assert!(narrowed
        .body
        .contains("Published <span class=\"count\">2</span>"));
    assert!(narrowed
        .body
        .contains("Not published <span class=\"count\">0</span>"));
}

async fn merging_counts_each_citizen_once(app: TestApp) {
    open_us(&app).await;
    let (_, author_a) = app.citizen("Author A").await;
    let (_, author_b) = app.citizen("Author B").await;
    let a = fixture(
        &app,
        author_a,
        "I.1",
        "Keep the Congress sessions public.",
        SuggestionStatus::Published,
    )
    .await;
    let b = fixture(
        &app,
        author_b,
        "I.1",
        "Congress sessions should be public.",
        SuggestionStatus::Published,
    )
    .await;
    let c = fixture(
        &app,
        author_b,
        "I.1",
        "Public sessions of Congress, please.",
        SuggestionStatus::Published,
    )
    .await;
    let mut voters = Vec::new();
    for i in 0..5 {
        voters.push(app.citizen(&format!("Voter {i}")).await);
    }
    async fn vote(app: &TestApp, voter: &Visitor, number: &str, how: &str) -> u16 {
        let _ = app;
        let token = voter.csrf_token(CLAUSE).await;
        voter
            .post_raw(
                &format!("/suggestions/{number}/upvote"),
                &[("csrf_token", &token), ("vote", how), ("return_to", CLAUSE)],
            )
            .await
            .status
    }
    // v0: a and b; v1: b; v2: c; v3: a.
    for (v, n) in [(0, &a), (0, &b), (1, &b), (2, &c), (3, &a)] {
        assert_eq!(vote(&app, &voters[v].0, n, "add").await, 303);
    }
    let (moderator, _, _) = moderator(&app, "Merger").await;
    let token = moderator.csrf_token("/moderation").await;
    let page = moderator
        .post_raw(
            "/moderation/bulk",
            &[
                ("csrf_token", &token),
                ("scope", "selected"),
                ("action", "merge"),
                ("canonical", &a),
                ("ids", &b),
                ("ids", &c),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    async fn count_and_rows(app: &TestApp, a: &str) -> (i32, i64) {
        let a = a.to_owned();
        app.query(move |conn| {
            let count: i32 = suggestions::table
                .filter(suggestions::tracking_number.eq(a))
                .select(suggestions::upvotes)
                .first(conn)
                .unwrap();
            let rows: i64 = upvotes::table.count().get_result(conn).unwrap();
            (count, rows)
        })
        .await
    }
    let counts = |app| count_and_rows(app, &a);
    // Distinct citizens over a, b, c: v0, v1, v2, v3. No vote row moved.
    assert_eq!(counts(&app).await, (4, 5));
    assert_eq!(status_of(&app, &b).await, "duplicate");
    assert_eq!(status_of(&app, &c).await, "duplicate");
    // v1 (who upvoted b) now upvotes a: still one citizen. v4 is new: one more.
    assert_eq!(vote(&app, &voters[1].0, &a, "add").await, 303);
    assert_eq!(counts(&app).await, (4, 6));
    assert_eq!(vote(&app, &voters[4].0, &a, "add").await, 303);
    assert_eq!(counts(&app).await, (5, 7));
    // v0 takes back the vote on a, but still supports b: still counted.
    assert_eq!(vote(&app, &voters[0].0, &a, "remove").await, 303);
    assert_eq!(counts(&app).await, (5, 6));
    // Duplicates take no more votes.
    assert_eq!(vote(&app, &voters[4].0, &b, "add").await, 409);
    // The author of b and c is told, with a link to a.
    let mail = app
        .mail
        .messages_to_any_eventually(&format!("/receipt/{a}"))
        .await;
    assert_eq!(
        mail.subject(),
        "Your suggestion was merged with a similar one"
    );
    // Merging into itself or into a duplicate is refused.
    let page = decide(&moderator, &c, &[("action", "merge"), ("canonical", &b)]).await;
    assert_eq!(page.status, 409);
}

async fn two_moderators_cannot_decide_the_same_suggestion(app: TestApp) {
    open_us(&app).await;
    let (_, author) = app.citizen("Author").await;
    let s = fixture(
        &app,
        author,
        "I.1",
        "A suggestion two moderators look at.",
        SuggestionStatus::Pending,
    )
    .await;
    let (first, _, _) = moderator(&app, "First Moderator").await;
    let (second, _, _) = moderator(&app, "Second Moderator").await;
    let path = format!("/moderation/suggestions/{s}");
    let t1 = first.csrf_token("/moderation").await;
    let t2 = second.csrf_token("/moderation").await;
    // Both try to claim at the same moment: exactly one holds it.
    let claim = format!("{path}/claim");
    let (f1, f2) = ([("csrf_token", t1.as_str())], [("csrf_token", t2.as_str())]);
    let (r1, r2) = tokio::join!(first.post_raw(&claim, &f1), second.post_raw(&claim, &f2));
    assert_eq!((r1.status, r2.status), (303, 303));
    let holder: Option<i64> = {
        let s = s.clone();
        app.query(move |conn| {
            suggestions::table
                .filter(suggestions::tracking_number.eq(s))
                .select(suggestions::claimed_by)
                .first(conn)
                .unwrap()
        })
        .await
    };
    let holder_name: String = app
        .query(move |conn| {
            users::table
                .find(holder.unwrap())
                .select(users::display_name)
                .first(conn)
                .unwrap()
        })
        .await;
    let (winner, loser, loser_token) = if holder_name == "First Moderator" {
        (&first, &second, &t2)
    } else {
        (&second, &first, &t1)
    };
    // The other sees who holds it, and cannot decide it.
    let page = loser.get(&path).await;
    assert!(page
        .body
        .contains(&format!("{holder_name} is reviewing this suggestion")));
    let page = loser
        .post_raw(
            &format!("{path}/decide"),
            &[("csrf_token", loser_token), ("action", "publish")],
        )
        .await;
    assert_eq!(page.status, 409);
    assert_eq!(status_of(&app, &s).await, "pending");
    // Claims expire.
    app.query(|conn| {
        diesel::update(suggestions::table)
            .set(suggestions::claimed_until.eq(kenes::models::now() - chrono::Duration::minutes(1)))
            .execute(conn)
            .unwrap()
    })
    .await;
    let page = loser
        .post_raw(
            &format!("{path}/decide"),
            &[("csrf_token", loser_token), ("action", "publish")],
        )
        .await;
    assert_eq!(page.status, 303);
    assert_eq!(status_of(&app, &s).await, "published");
    let _ = winner;
}

async fn reports_hide_a_suggestion_until_a_moderator_decides(app: TestApp) {
    open_us(&app).await;
    let (_, author) = app.citizen("Author").await;
    let s = fixture(
        &app,
        author,
        "I.1",
        "Something some readers find offensive.",
        SuggestionStatus::Published,
    )
    .await;
    async fn report_as(v: &Visitor, s: &str) -> Page {
        let token = v.csrf_token(CLAUSE).await;
        v.post_raw(
            &format!("/suggestions/{s}/report"),
            &[
                ("csrf_token", &token),
                ("reason", "Offensive"),
                ("return_to", CLAUSE),
            ],
        )
        .await
    }
    let report = |v| report_as(v, &s);
    let mut citizens = Vec::new();
    for i in 0..3 {
        citizens.push(app.citizen(&format!("Reader {i}")).await.0);
    }
    assert_eq!(report(&citizens[0]).await.status, 303);
    // The same citizen twice counts once.
    let again = report(&citizens[0]).await;
    assert_eq!(again.status, 303);
    assert!(
        app.get(CLAUSE).await.body.contains(&s),
        "visible below the threshold"
    );
    assert_eq!(report(&citizens[1]).await.status, 303);
    assert_eq!(status_of(&app, &s).await, "published");
    assert_eq!(report(&citizens[2]).await.status, 303);
    assert_eq!(
        status_of(&app, &s).await,
        "hidden",
        "hidden at 3 distinct reports"
    );
    assert!(!app.get(CLAUSE).await.body.contains(&s));
    assert_eq!(
        log_rows(&app, &s).await,
        vec![(
            "auto_hide".into(),
            Some("published".into()),
            Some("hidden".into())
        )]
    );
    // The moderator finds it among the reported ones and clears the reports.
    let (moderator, _, _) = moderator(&app, "Flag Moderator").await;
    let flagged = moderator.get("/moderation?status=all&flagged=1").await;
    assert!(flagged.body.contains(&s) && flagged.body.contains("3 reports"));
    assert_eq!(
        decide(&moderator, &s, &[("action", "flags_cleared")])
            .await
            .status,
        303
    );
    assert_eq!(status_of(&app, &s).await, "published");
    assert!(app.get(CLAUSE).await.body.contains(&s));
    // New reports by others; this time the moderator upholds them.
    let (late, _) = app.citizen("Late reader").await;
    assert_eq!(report(&late).await.status, 303);
    assert_eq!(
        decide(&moderator, &s, &[("action", "flags_upheld")])
            .await
            .status,
        303
    );
    assert_eq!(status_of(&app, &s).await, "hidden");
    let actions: Vec<String> = log_rows(&app, &s).await.into_iter().map(|r| r.0).collect();
    assert_eq!(actions, vec!["auto_hide", "flags_cleared", "flags_upheld"]);
}

async fn blocked_citizens_read_but_cannot_take_part(app: TestApp) {
    open_us(&app).await;
    let (troll, troll_id) = app.citizen("Troll").await;
    let s = fixture(
        &app,
        troll_id,
        "I.1",
        "Published before the block.",
        SuggestionStatus::Published,
    )
    .await;
    let (_, other) = app.citizen("Other").await;
    let votable = fixture(
        &app,
        other,
        "I.1",
        "Someone else's suggestion.",
        SuggestionStatus::Published,
    )
    .await;
    let (moderator, _, _) = moderator(&app, "Blocking Moderator").await;
    let token = moderator.csrf_token("/moderation").await;
    let page = moderator
        .post_raw(
            &format!("/moderation/users/{troll_id}/block"),
            &[
                ("csrf_token", &token),
                ("blocked", "1"),
                ("reason", "Repeated abuse"),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    // Their content waits for review.
    let flagged = moderator.get("/moderation?status=all&flagged=1").await;
    assert!(flagged.body.contains(&s));
    // Reading works; submitting keeps the text and says why; voting is refused.
    assert_eq!(troll.get(CLAUSE).await.status, 200);
    let form = troll.get("/consultations/us/clauses/I.1/suggest").await;
    let token = form.input_value("csrf_token").unwrap();
    let key = form.input_value("idempotency_key").unwrap();
    let page = troll
        .post_raw(
            "/consultations/us/clauses/I.1/suggest",
            &[
                ("csrf_token", &token),
                ("idempotency_key", &key),
                ("kind", "comment"),
                ("body", "My words after the block."),
                ("similar_seen", "yes"),
            ],
        )
        .await;
    assert_eq!(page.status, 403);
    assert!(
        page.body.contains("blocked by the moderators")
            && page.body.contains("My words after the block.")
    );
    let page = troll
        .post_raw(
            &format!("/suggestions/{votable}/upvote"),
            &[
                ("csrf_token", &token),
                ("vote", "add"),
                ("return_to", CLAUSE),
            ],
        )
        .await;
    assert_eq!(page.status, 409);
    let logged: Vec<(String, Option<String>)> = app
        .query(move |conn| {
            moderation_log::table
                .filter(moderation_log::subject_user_id.eq(troll_id))
                .select((moderation_log::action, moderation_log::reason))
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(
        logged,
        vec![("block".to_owned(), Some("Repeated abuse".to_owned()))]
    );
    // Moderators cannot block staff.
    let (_, staff_id, _) = self::moderator(&app, "Another Moderator").await;
    let page = moderator
        .post_raw(
            &format!("/moderation/users/{staff_id}/block"),
            &[("csrf_token", &token), ("blocked", "1")],
        )
        .await;
    assert_eq!(page.status, 403);
}

async fn search_finds_cyrillic_kazakh_and_latin_words(app: TestApp) {
    open_us(&app).await;
    let (_, author) = app.citizen("Author").await;
    let kazakh = fixture(
        &app,
        author,
        "I.1",
        "Мемлекеттік тілді дамытуға көбірек көңіл бөлу қажет",
        SuggestionStatus::Pending,
    )
    .await;
    let russian = fixture(
        &app,
        author,
        "I.1",
        "Необходимо закрепить право граждан на доступ к информации",
        SuggestionStatus::Pending,
    )
    .await;
    let english = fixture(
        &app,
        author,
        "I.1",
        "Please add a guarantee of judicial review here",
        SuggestionStatus::Pending,
    )
    .await;
    let (moderator, _, _) = moderator(&app, "Searcher").await;
    let find = |q: &'static str| {
        let m = &moderator;
        async move {
            let page = m.get(&format!("/moderation?q={}", urlencode(q))).await;
            assert_eq!(page.status, 200, "{q}");
            page.body
        }
    };
    for (q, expected) in [
        ("тілді", &kazakh),
        ("ТІЛДІ", &kazakh),
        ("көңіл қажет", &kazakh),
        ("информации", &russian),
        ("ПРАВО граждан", &russian),
        ("judicial", &english),
        ("Review", &english),
    ] {
        let body = find(q).await;
        assert!(body.contains(expected.as_str()), "{q} finds its suggestion");
        for other in [&kazakh, &russian, &english] {
            if other != expected {
                assert!(
                    !body.contains(other.as_str()),
                    "{q} finds only its suggestion"
                );
            }
        }
    }
    // ә and а are different letters; query syntax is only text.
    assert!(
        !find("тiлдi").await.contains(kazakh.as_str()),
        "Latin i is not Kazakh і"
    );
    let body = find("\"judicial* OR (NEAR").await;
    assert!(!body.contains(english.as_str()));
    // A word in thousands of suggestions takes the other path on SQLite (checked row
    // by row in queue order); the page is still exactly the first matches in order.
    let out = app
        .cli(&[
            "seed",
            "--consultation",
            "us",
            "--citizens",
            "50",
            "--suggestions",
            "9000",
            "--votes",
            "0",
        ])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Every match, in id order, with its status: what each page must show.
    let matches: Vec<(String, String)> = app
        .query(|conn| {
            suggestions::table
                .order(suggestions::id)
                .select((
                    suggestions::tracking_number,
                    suggestions::status,
                    suggestions::body,
                    suggestions::proposed_text,
                ))
                .load::<(String, String, String, Option<String>)>(conn)
                .unwrap()
                .into_iter()
                .filter(|(_, _, body, proposed)| {
                    kenes::domain::similarity::words(&format!(
                        "{body} {}",
                        proposed.as_deref().unwrap_or("")
                    ))
                    .contains(&"тілді".to_owned())
                })
                .map(|(n, status, _, _)| (n, status))
                .collect()
        })
        .await;
    assert!(matches.len() > 2000, "common: {}", matches.len());
    let in_order = |status: Option<&str>| -> Vec<String> {
        matches
            .iter()
            .filter(|(_, s)| status.is_none_or(|want| s == want))
            .map(|(n, _)| n.clone())
            .collect()
    };
    let page = moderator
        .get(&format!("/moderation?status=all&q={}", urlencode("ТІЛДІ")))
        .await;
    assert_eq!(numbers(&page.body), in_order(None)[..50]);
    assert!(page
        .body
        .contains("Counts by status are shown for narrower filters"));
    // The next page starts where the first ended.
    let next = page
        .body
        .split("href=\"/en/moderation?")
        .skip(1)
        .map(|p| p[..p.find('"').unwrap()].replace("&#38;", "&"))
        .find(|href| href.contains("after="))
        .expect("a next page");
    let second = moderator.get(&format!("/moderation?{next}")).await;
    assert_eq!(numbers(&second.body), in_order(None)[50..100]);
    // Newest first, and combined with a status.
    let newest = moderator
        .get(&format!(
            "/moderation?status=all&sort=newest&q={}",
            urlencode("тілді")
        ))
        .await;
    let mut reversed = in_order(None);
    reversed.reverse();
    assert_eq!(numbers(&newest.body), reversed[..50]);
    let published = in_order(Some("published"));
    assert!(published.len() > 50, "{}", published.len());
    let page = moderator
        .get(&format!(
            "/moderation?status=published&q={}",
            urlencode("тілді")
        ))
        .await;
    assert_eq!(numbers(&page.body), published[..50]);
    // An article holding thousands of suggestions: the same answer as the database's.
    let page = moderator
        .get("/moderation?status=all&article=I&sort=newest")
        .await;
    let listed = numbers(&page.body);
    let expected: Vec<String> = app
        .query(|conn| {
            use kenes::schema::{articles, clauses};
            suggestions::table
                .inner_join(clauses::table.inner_join(articles::table))
                .filter(articles::number.eq("I"))
                .order(suggestions::id.desc())
                .select(suggestions::tracking_number)
                .limit(50)
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(listed, expected);
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

async fn citizens_cannot_reach_any_moderation_route(app: TestApp) {
    open_us(&app).await;
    let (citizen, author) = app.citizen("Citizen").await;
    let s = fixture(
        &app,
        author,
        "I.1",
        "Mine, and I would like to publish it.",
        SuggestionStatus::Pending,
    )
    .await;
    let token = citizen.csrf_token("/account").await;
    let base = format!("/moderation/suggestions/{s}");
    for path in [
        "/moderation",
        "/moderation/dashboard",
        "/moderation/log",
        "/moderation/templates",
        "/moderation/clusters/1",
        base.as_str(),
    ] {
        assert_eq!(citizen.get(path).await.status, 403, "GET {path}");
        let anonymous = app.visitor().get(path).await;
        assert_eq!(anonymous.status, 303, "GET {path} anonymous");
        assert!(anonymous.location().starts_with("/en/sign-in"));
    }
    for path in [
        "/moderation/bulk".to_owned(),
        "/moderation/summary".to_owned(),
        "/moderation/templates".to_owned(),
        format!("/moderation/users/{author}/block"),
        format!("{base}/decide"),
        format!("{base}/claim"),
        format!("{base}/release"),
        format!("{base}/assign"),
        format!("{base}/tag"),
        format!("{base}/untag"),
        format!("{base}/note"),
    ] {
        let page = citizen
            .post_raw(
                &path,
                &[
                    ("csrf_token", &token),
                    ("action", "publish"),
                    ("scope", "filter"),
                    ("confirmed", "1"),
                ],
            )
            .await;
        assert_eq!(page.status, 403, "POST {path}");
    }
    assert_eq!(status_of(&app, &s).await, "pending");
}

async fn clusters_group_near_duplicates_and_flag_campaigns(app: TestApp) {
    open_us(&app).await;
    let letter = "We demand that the right to peaceful assembly be guaranteed to every citizen without exception";
    let mut campaign = Vec::new();
    for i in 0..6 {
        let (_, author) = app.citizen(&format!("Sender {i}")).await;
        campaign.push(fixture(&app, author, "I.1", letter, SuggestionStatus::Pending).await);
    }
    let (_, author) = app.citizen("Variant").await;
    let variant = fixture(&app, author, "I.1", "We demand that the right to peaceful assembly be guaranteed to every single citizen without any exception", SuggestionStatus::Published).await;
    let unrelated = fixture(
        &app,
        author,
        "I.1",
        "Judges should be elected for fixed terms of office",
        SuggestionStatus::Pending,
    )
    .await;
    let out = app.cli(&["cluster"]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<(String, Option<i64>, bool)> = app
        .query(|conn| {
            suggestions::table
                .order(suggestions::id)
                .select((
                    suggestions::tracking_number,
                    suggestions::cluster_id,
                    suggestions::campaign,
                ))
                .load(conn)
                .unwrap()
        })
        .await;
    let first_cluster = rows[0].1.expect("clustered");
    for (number, cluster, is_campaign) in &rows {
        if *number == unrelated {
            assert_eq!((*cluster, *is_campaign), (None, false));
        } else {
            assert_eq!(*cluster, Some(first_cluster), "{number}");
            assert_eq!(*is_campaign, *number != variant, "{number}");
        }
    }
    async fn cluster_rows(app: &TestApp) -> Vec<(i64, i32)> {
        app.query(|conn| {
            clusters::table
                .select((clusters::id, clusters::size))
                .load::<(i64, i32)>(conn)
                .unwrap()
        })
        .await
    }
    assert_eq!(cluster_rows(&app).await, vec![(first_cluster, 7)]);
    // Running again changes nothing; a new near-duplicate joins incrementally.
    let out = app.cli(&["cluster"]).await;
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Clustered 0 suggestions"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let late = fixture(&app, author, "I.1", letter, SuggestionStatus::Pending).await;
    let out = app.cli(&["cluster"]).await;
    assert!(out.status.success());
    // Only the newcomer was written; the cluster kept its id and grew by one.
    assert!(
        String::from_utf8_lossy(&out.stdout).contains(": 1 changed"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let late_cluster: Option<i64> = app
        .query(|conn| {
            suggestions::table
                .select(suggestions::cluster_id)
                .order(suggestions::id.desc())
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(late_cluster, Some(first_cluster));
    assert_eq!(cluster_rows(&app).await, vec![(first_cluster, 8)]);

    // The queue shows the cluster; the cluster view merges it into one.
    let (moderator, _, _) = moderator(&app, "Cluster Moderator").await;
    let queue = moderator.get("/moderation?status=all&clustered=1").await;
    assert!(queue.body.contains("8 similar") && !queue.body.contains(&unrelated));
    assert!(moderator
        .get("/moderation?status=all&campaign=1")
        .await
        .body
        .contains(&late));
    let cluster = moderator
        .get(&format!("/moderation/clusters/{first_cluster}"))
        .await;
    assert_eq!(cluster.status, 200);
    assert_eq!(cluster.count("type=\"radio\""), 8);
    let ids = cluster.input_value("members").unwrap();
    let page = moderator
        .submit(
            &format!("/moderation/clusters/{first_cluster}"),
            "/moderation/bulk",
            &[
                ("scope", "selected"),
                ("action", "merge"),
                ("members", &ids),
                ("canonical", &variant),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    for n in campaign.iter().chain([&late]) {
        assert_eq!(status_of(&app, n).await, "duplicate");
    }
    assert_eq!(status_of(&app, &variant).await, "published");
}

async fn notes_tags_canned_responses_and_the_dashboard(app: TestApp) {
    open_us(&app).await;
    let (author_visitor, author) = app.citizen("Author").await;
    let s = fixture(
        &app,
        author,
        "I.1",
        "Please define 'legislative Powers' precisely.",
        SuggestionStatus::Published,
    )
    .await;
    let (moderator, moderator_id, email) = moderator(&app, "Dashboard Moderator").await;
    let review = format!("/moderation/suggestions/{s}");
    // A note is for staff only; an empty note is refused with the message.
    let page = moderator
        .submit(&review, &format!("{review}/note"), &[("note", "  ")])
        .await;
    assert_eq!(page.status, 422);
    let page = moderator
        .submit(
            &review,
            &format!("{review}/note"),
            &[("note", "Check with the legal department.")],
        )
        .await;
    assert_eq!(page.status, 303);
    assert!(moderator
        .get(&review)
        .await
        .body
        .contains("Check with the legal department."));
    assert!(!author_visitor
        .get(&format!("/receipt/{s}"))
        .await
        .body
        .contains("legal department"));
    // Tags, added and removed, each logged.
    moderator
        .submit(&review, &format!("{review}/tag"), &[("tag", "Definitions")])
        .await;
    assert!(moderator.get(&review).await.body.contains("definitions"));
    moderator
        .submit(
            &review,
            &format!("{review}/untag"),
            &[("tag", "definitions")],
        )
        .await;
    // A canned response, used for the official answer.
    let page = moderator
        .submit(
            "/moderation/templates",
            "/moderation/templates",
            &[
                ("consultation", "us"),
                ("title", "Taken into account"),
                (
                    "body",
                    "Thank you; the commission took this into account in the new draft.",
                ),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    assert!(moderator
        .get("/moderation/templates")
        .await
        .body
        .contains("Taken into account"));
    assert_eq!(
        decide(&moderator, &s, &[("action", "review")]).await.status,
        303
    );
    let template_id: i64 = app
        .query(|conn| {
            kenes::schema::response_templates::table
                .select(kenes::schema::response_templates::id)
                .first(conn)
                .unwrap()
        })
        .await;
    let page = decide(
        &moderator,
        &s,
        &[
            ("action", "respond"),
            ("outcome", "partly_accepted"),
            ("response", ""),
            ("template_id", &template_id.to_string()),
        ],
    )
    .await;
    assert_eq!(page.status, 303, "{}", page.body);
    assert!(app
        .get(&format!("/receipt/{s}"))
        .await
        .body
        .contains("the commission took this into account"));
    let actions: Vec<String> = log_rows(&app, &s).await.into_iter().map(|r| r.0).collect();
    assert_eq!(actions, vec!["note", "tag", "untag", "review", "respond"]);
    // The dashboard: backlog, decisions per moderator.
    fixture(
        &app,
        author,
        "I.1",
        "Still waiting for a decision.",
        SuggestionStatus::Pending,
    )
    .await;
    let dashboard = moderator.get("/moderation/dashboard").await;
    assert_eq!(dashboard.status, 200);
    assert!(dashboard
        .body
        .contains("The oldest pending suggestion was submitted on"));
    assert!(
        dashboard
            .body
            .contains("Dashboard Moderator</td><td class=\"num\">2</td>"),
        "{}",
        dashboard.body
    );
    // The daily summary, once asked for, arrives once a day.
    let page = moderator
        .submit(
            "/moderation/dashboard",
            "/moderation/summary",
            &[("daily_summary", "1")],
        )
        .await;
    assert_eq!(page.status, 303);
    let wanted: bool = app
        .query(move |conn| {
            users::table
                .find(moderator_id)
                .select(users::daily_summary)
                .first(conn)
                .unwrap()
        })
        .await;
    assert!(wanted);
    let sent = {
        let url = "http://kenes.test".to_owned();
        let pool = app.pool.clone();
        tokio::task::spawn_blocking(move || {
            let first =
                kenes::housekeeping::send_daily_summaries(&pool, &url, kenes::i18n::Lang::En)
                    .unwrap();
            let second =
                kenes::housekeeping::send_daily_summaries(&pool, &url, kenes::i18n::Lang::En)
                    .unwrap();
            (first, second)
        })
        .await
        .unwrap()
    };
    assert_eq!(sent, (1, 0));
    let mail = app.mail.wait_for(&email, 1).await;
    assert_eq!(mail.subject(), "Moderation backlog today");
    assert!(
        mail.text().contains("Awaiting moderation: 1"),
        "{}",
        mail.text()
    );
}

async fn queue_filters_combine_and_pages_cover_everything(app: TestApp) {
    open_us(&app).await;
    let out = app
        .cli(&[
            "seed",
            "--consultation",
            "us",
            "--citizens",
            "40",
            "--suggestions",
            "230",
            "--votes",
            "900",
        ])
        .await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (moderator, _, _) = moderator(&app, "Filter Moderator").await;
    // Walk every page of "all statuses, most upvoted": each suggestion exactly once, in order.
    let mut seen = Vec::new();
    let mut next = Some("/moderation?status=all&sort=upvotes".to_owned());
    while let Some(path) = next {
        let page = moderator.get(&path).await;
        assert_eq!(page.status, 200);
        for piece in page.body.split("data-number=\"").skip(1) {
            seen.push(piece[..12].to_owned());
        }
        next = page
            .body
            .split("rel=\"next\"")
            .next()
            .and_then(|before| before.rsplit("href=\"").next())
            .filter(|_| page.body.contains("rel=\"next\""))
            .map(|href| {
                href.split('"')
                    .next()
                    .unwrap()
                    .replace("&#38;", "&")
                    .replace("&amp;", "&")
            });
        assert!(seen.len() <= 230, "pages never repeat");
    }
    let expected: Vec<String> = app
        .query(|conn| {
            suggestions::table
                .order((suggestions::upvotes.desc(), suggestions::id.desc()))
                .select(suggestions::tracking_number)
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(seen, expected);
    // Combined filters match the database's own answer, and the status counts too.
    let (kind, min): (&str, i32) = ("amend", 3);
    let expected: Vec<String> = app
        .query(move |conn| {
            suggestions::table
                .inner_join(kenes::schema::clauses::table)
                .filter(suggestions::kind.eq(kind))
                .filter(suggestions::upvotes.ge(min))
                .filter(suggestions::status.eq("published"))
                .filter(kenes::schema::clauses::reference.like("I.%"))
                .order(suggestions::id)
                .select(suggestions::tracking_number)
                .load(conn)
                .unwrap()
        })
        .await;
    let page = moderator
        .get("/moderation?status=published&kind=amend&min_upvotes=3&article=I&from=2000-01-01")
        .await;
    let listed = numbers(&page.body);
    assert_eq!(listed, expected.into_iter().take(50).collect::<Vec<_>>());
    let pending: i64 = app
        .query(|conn| {
            suggestions::table
                .filter(suggestions::status.eq("pending"))
                .count()
                .get_result(conn)
                .unwrap()
        })
        .await;
    let all = moderator.get("/moderation").await;
    assert!(all.body.contains(&format!(
        "Awaiting moderation <span class=\"count\">{pending}</span>"
    )));
    // A bad filter value is reported, not fatal.
    let page = moderator
        .get("/moderation?min_upvotes=lots&from=yesterday")
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Enter a date as YYYY-MM-DD."));
}

/// `kenes queue-plan` (issue 20) reads a filter as the workbench does and prints how
/// many suggestions it matches, then the database's plan of the page's query; a filter
/// it cannot read, or someone who is not a moderator, is refused.
async fn queue_plan_counts_what_a_filter_matches_and_shows_the_plan(app: TestApp) {
    open_us(&app).await;
    let (_, author) = app.citizen("Author").await;
    for status in [
        SuggestionStatus::Pending,
        SuggestionStatus::Pending,
        SuggestionStatus::Published,
    ] {
        fixture(&app, author, "I.1", "On the first clause", status).await;
    }
    fixture(
        &app,
        author,
        "I.2",
        "On another clause",
        SuggestionStatus::Pending,
    )
    .await;
    app.create_user(
        "planner@gov.kz",
        "Queue Planner",
        "correct horse battery",
        Role::Moderator,
    )
    .await;
    let run = |query: &'static str, who: &'static str| {
        let app = &app;
        async move {
            let out = app.cli(&["queue-plan", query, "--as", who]).await;
            (
                out.status.success(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            )
        }
    };
    let (ok, stdout, stderr) = run("status=all&clause=I.1", "planner@gov.kz").await;
    assert!(ok, "{stderr}");
    let mut lines = stdout.lines();
    assert_eq!(
        lines.next(),
        Some("Suggestions matching the filter: 3"),
        "{stdout}"
    );
    let plan: Vec<&str> = lines.collect();
    assert!(
        plan.iter().any(|l| l.contains("suggestions")),
        "the plan names the table it reads: {stdout}"
    );
    // The default filter is the pending queue: three of the four.
    let (ok, stdout, _) = run("", "planner@gov.kz").await;
    assert!(ok);
    assert!(
        stdout.starts_with("Suggestions matching the filter: 3\n"),
        "{stdout}"
    );
    let (ok, stdout, _) = run("?status=published", "planner@gov.kz").await;
    assert!(ok);
    assert!(
        stdout.starts_with("Suggestions matching the filter: 1\n"),
        "{stdout}"
    );

    let (ok, _, stderr) = run("status=bogus", "planner@gov.kz").await;
    assert!(!ok);
    assert!(
        stderr.contains("The filter's status has a value that is not valid"),
        "{stderr}"
    );
    let citizen = app.create_user(
        "reader@example.kz",
        "Reader",
        "correct horse battery",
        Role::Citizen,
    );
    citizen.await;
    let (ok, _, stderr) = run("status=all", "reader@example.kz").await;
    assert!(!ok);
    assert!(
        stderr.contains("reader@example.kz is not a moderator or admin"),
        "{stderr}"
    );
}
