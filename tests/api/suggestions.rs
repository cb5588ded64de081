//! Suggestions and upvotes: submitting each kind, receipts, idempotency, similar
//! hints, never losing text, moderation modes, exact counts under concurrency,
//! closed consultations, reading lists.

use diesel::prelude::*;
use kenes::schema::{consultations, suggestions, upvotes};

use crate::helpers::{Page, TestApp, Visitor, US_TEXT};
use crate::on_both_backends;

on_both_backends!(
    each_kind_gets_a_receipt_and_shows_on_the_clause,
    invalid_suggestions_keep_the_text,
    a_double_submit_makes_one_suggestion,
    similar_suggestions_are_offered_before_saving,
    text_typed_while_signed_out_survives_signing_in,
    a_stale_form_keeps_the_suggestion_text,
    pre_moderation_hides_until_published,
    upvotes_toggle_with_and_without_javascript,
    concurrent_upvotes_are_counted_exactly,
    a_batch_of_votes_ends_as_if_applied_one_by_one,
    a_batch_of_new_votes_counts_limits_and_refusals,
    one_session_twice_in_a_batch_is_signed_in_twice,
    closed_consultations_refuse_submissions_and_votes,
    pending_suggestions_can_be_edited_and_withdrawn,
    clause_lists_page_by_keyset_and_pages_show_counts,
    submissions_are_throttled_per_account,
    unconfirmed_citizens_read_but_cannot_submit_or_vote,
);

async fn unconfirmed_citizens_read_but_cannot_submit_or_vote(app: TestApp) {
    open_consultation(&app, "post").await;
    let (author, _) = app.citizen("Author").await;
    let number = submit_ok(
        &author,
        &[("kind", "comment"), ("body", "Something to vote for.")],
    )
    .await;
    let (newcomer, id) = app.citizen("Newcomer").await;
    app.query(move |conn| {
        diesel::update(kenes::schema::users::table.find(id))
            .set(kenes::schema::users::email_confirmed_at.eq(None::<chrono::NaiveDateTime>))
            .execute(conn)
            .unwrap()
    })
    .await;
    let clause = newcomer.get(CLAUSE).await;
    assert_eq!(clause.status, 200, "reading works");
    assert!(!clause.body.contains("upvote-form"), "no vote button");
    let page = suggest(
        &newcomer,
        &[
            ("kind", "comment"),
            ("body", "My text waits for my confirmation."),
        ],
    )
    .await;
    assert_eq!(page.status, 403);
    assert!(page
        .body
        .contains("Please confirm your email address first"));
    assert!(page.body.contains("My text waits for my confirmation."));
    let token = newcomer.csrf_token(CLAUSE).await;
    let vote = newcomer
        .post_raw(
            &format!("/suggestions/{number}/upvote"),
            &[
                ("csrf_token", &token),
                ("vote", "add"),
                ("return_to", CLAUSE),
            ],
        )
        .await;
    assert_eq!(vote.status, 409);
    assert_eq!(count_rows(&app).await, 1);
}

const CLAUSE: &str = "/consultations/us/clauses/I.1";
const FORM: &str = "/consultations/us/clauses/I.1/suggest";

/// The US Constitution, open, with the given moderation mode (`pre` or `post`).
async fn open_consultation(app: &TestApp, mode: &'static str) {
    app.import("us", "constitution-us.txt", US_TEXT, true).await;
    app.query(move |conn| {
        diesel::update(consultations::table)
            .set(consultations::moderation_mode.eq(mode))
            .execute(conn)
            .unwrap()
    })
    .await;
}

async fn suggest(visitor: &Visitor, fields: &[(&str, &str)]) -> Page {
    let page = visitor.get(FORM).await;
    let token = page.input_value("csrf_token").expect("token on the form");
    let key = page
        .input_value("idempotency_key")
        .expect("idempotency key");
    let mut all = fields.to_vec();
    all.push(("csrf_token", &token));
    if !fields.iter().any(|(k, _)| *k == "idempotency_key") {
        all.push(("idempotency_key", &key));
    }
    visitor.post_raw(FORM, &all).await
}

/// Submit and follow to the receipt; returns the tracking number.
async fn submit_ok(visitor: &Visitor, fields: &[(&str, &str)]) -> String {
    let mut all = fields.to_vec();
    all.push(("similar_seen", "yes"));
    let page = suggest(visitor, &all).await;
    assert_eq!(page.status, 303, "{}", page.body);
    let location = page.location().to_owned();
    assert!(location.starts_with("/receipt/KZ-"), "{location}");
    location["/receipt/".len()..]
        .trim_end_matches("?new=1")
        .to_owned()
}

async fn count_rows(app: &TestApp) -> i64 {
    app.query(|conn| suggestions::table.count().get_result(conn).unwrap())
        .await
}

async fn each_kind_gets_a_receipt_and_shows_on_the_clause(app: TestApp) {
    open_consultation(&app, "post").await;
    let (citizen, _) = app.citizen("Айгүл").await;
    let amend = submit_ok(
        &citizen,
        &[
            ("kind", "amend"),
            ("proposed_text", "All legislative Powers hereby granted shall be vested in a Parliament of the United States."),
            ("body", "“Parliament” is the word our people use; “hereby” is clearer."),
        ],
    )
    .await;
    assert!(kenes::domain::TrackingNumber::parse(&amend).is_some());
    let receipt = citizen.get(&format!("/receipt/{amend}?new=1")).await;
    assert_eq!(receipt.status, 200);
    assert!(receipt
        .body
        .contains("Thank you. Your suggestion is received"));
    assert!(receipt.body.contains("Published"));
    // Anyone can follow it, and the number is forgiving to type.
    let public = app
        .visitor()
        .get(&format!("/receipt/{}", amend.to_lowercase()))
        .await;
    assert_eq!(public.status, 303);
    assert_eq!(public.location(), format!("/en/receipt/{amend}"));
    assert_eq!(app.visitor().get("/receipt/KZ-0000-0000").await.status, 404);
    // The receipt is emailed.
    let mail = app.mail.messages_to_any_eventually(&amend).await;
    assert_eq!(mail.subject(), "Your suggestion is received");

    for (kind, proposed) in [
        ("delete", ""),
        ("add", "A new clause about the Senate's quorum."),
        ("comment", ""),
    ] {
        submit_ok(
            &citizen,
            &[
                ("kind", kind),
                ("proposed_text", proposed),
                ("body", "A reason of more than ten characters."),
            ],
        )
        .await;
    }
    let clause = app.get(CLAUSE).await;
    assert_eq!(clause.count(r#"class="suggestion""#), 4);
    assert!(clause.body.contains("Amend the clause") && clause.body.contains("Delete the clause"));
    assert!(
        clause.body.contains("Add a clause after it")
            && clause.body.contains("Comment or question")
    );
    // The amendment is a word diff against the clause.
    assert!(
        clause.body.contains("herein </span>") || clause.body.contains("herein"),
        "old word shown"
    );
    assert!(clause.body.contains("<del>") && clause.body.contains("<ins>"));
    assert!(clause.body.contains("Parliament"));
    assert!(clause.body.contains("Айгүл"));
    assert!(
        clause
            .body
            .contains("A new clause about the Senate&#39;s quorum.")
            || clause.body.contains("A new clause about the Senate")
    );
    // The kind field is stored as chosen.
    let kinds: Vec<String> = app
        .query(|conn| {
            suggestions::table
                .order(suggestions::id)
                .select(suggestions::kind)
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(kinds, vec!["amend", "delete", "add", "comment"]);
    // The author's data download lists them.
    let data: serde_json::Value =
        serde_json::from_str(&citizen.get("/account/data.json").await.body).unwrap();
    assert_eq!(data["suggestions"].as_array().unwrap().len(), 4);
    assert!(data["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["tracking_number"] == amend.as_str()));
}

async fn invalid_suggestions_keep_the_text(app: TestApp) {
    open_consultation(&app, "post").await;
    let (citizen, _) = app.citizen("Citizen").await;
    let long_proposal = "Қазақстан Республикасы ".repeat(20);
    let page = suggest(
        &citizen,
        &[
            ("kind", "amend"),
            ("proposed_text", &long_proposal),
            ("body", "short"),
        ],
    )
    .await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains("at least 10 characters long"));
    assert!(page.body.contains(long_proposal.trim()), "proposal kept");
    assert!(page.body.contains(">short</textarea>"), "body kept");
    let missing = suggest(
        &citizen,
        &[
            ("kind", "amend"),
            ("body", "A reason of more than ten characters."),
        ],
    )
    .await;
    assert_eq!(missing.status, 422);
    assert!(missing.body.contains("Give the wording you propose."));
    let links = suggest(
        &citizen,
        &[
            ("kind", "comment"),
            (
                "body",
                "See https://a.kz https://b.kz https://c.kz https://d.kz for context",
            ),
        ],
    )
    .await;
    assert!(links.body.contains("at most 3 links"));
    assert_eq!(count_rows(&app).await, 0, "nothing half-saved");
}

async fn a_double_submit_makes_one_suggestion(app: TestApp) {
    open_consultation(&app, "post").await;
    let (citizen, _) = app.citizen("Citizen").await;
    let page = citizen.get(FORM).await;
    let token = page.input_value("csrf_token").unwrap();
    let key = page.input_value("idempotency_key").unwrap();
    let fields = [
        ("kind", "comment"),
        ("body", "Submitted twice by a double click."),
        ("idempotency_key", key.as_str()),
        ("similar_seen", "yes"),
        ("csrf_token", token.as_str()),
    ];
    let (first, second) = tokio::join!(
        citizen.post_raw(FORM, &fields),
        citizen.post_raw(FORM, &fields)
    );
    assert_eq!((first.status, second.status), (303, 303));
    assert_eq!(
        first.location(),
        second.location(),
        "both land on the same receipt"
    );
    let third = citizen.post_raw(FORM, &fields).await;
    assert_eq!(third.location(), first.location());
    assert_eq!(count_rows(&app).await, 1);
}

async fn similar_suggestions_are_offered_before_saving(app: TestApp) {
    open_consultation(&app, "post").await;
    let (first, _) = app.citizen("First").await;
    let number = submit_ok(
        &first,
        &[
            ("kind", "comment"),
            (
                "body",
                "The Congress should meet in Astana every spring to hear petitions from citizens.",
            ),
        ],
    )
    .await;
    let (second, _) = app.citizen("Second").await;
    let hint = suggest(
        &second,
        &[("kind", "comment"), ("body", "The Congress should meet in Astana every spring to hear the petitions of citizens!")],
    )
    .await;
    assert_eq!(hint.status, 200);
    assert!(hint.body.contains("Similar suggestions already made"));
    assert!(hint.body.contains(&number));
    assert!(
        hint.body.contains(&format!("/suggestions/{number}/upvote")),
        "upvote this instead"
    );
    assert!(hint.body.contains(r#"name="similar_seen" value="yes""#));
    assert!(hint.body.contains("Send mine anyway"));
    assert_eq!(count_rows(&app).await, 1, "not saved yet");
    // An unrelated text gets no hint.
    let unrelated = suggest(
        &second,
        &[
            ("kind", "comment"),
            ("body", "Taxes on imports should be debated openly."),
        ],
    )
    .await;
    assert_eq!(unrelated.status, 303);
    // Sending anyway saves it, once (same idempotency key as the hint page).
    let token = hint.input_value("csrf_token").unwrap();
    let key = hint.input_value("idempotency_key").unwrap();
    let anyway = second
        .post_raw(
            FORM,
            &[
                ("kind", "comment"),
                ("body", "The Congress should meet in Astana every spring to hear the petitions of citizens!"),
                ("idempotency_key", &key),
                ("similar_seen", "yes"),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(anyway.status, 303);
    assert_eq!(count_rows(&app).await, 3);
}

async fn text_typed_while_signed_out_survives_signing_in(app: TestApp) {
    open_consultation(&app, "post").await;
    app.create_user(
        "late@example.kz",
        "Late",
        "correct horse battery",
        kenes::domain::Role::Citizen,
    )
    .await;
    let visitor = app.visitor();
    let form = visitor.get(FORM).await;
    assert!(form
        .body
        .contains("you will be asked to sign in when you send it"));
    let token = form.input_value("csrf_token").unwrap();
    let text = "Қазақ тіліндегі мәтін де осында сақталуы керек, it is long and precious.";
    let page = visitor
        .post_raw(
            FORM,
            &[
                ("kind", "amend"),
                ("proposed_text", "A proposal typed while signed out."),
                ("body", text),
                ("csrf_token", &token),
            ],
        )
        .await;
    assert_eq!(page.status, 303);
    assert_eq!(
        page.location(),
        "/sign-in?next=%2Fconsultations%2Fus%2Fclauses%2FI.1%2Fsuggest"
    );
    let sign_in = visitor.get(page.location()).await;
    let csrf = sign_in.input_value("csrf_token").unwrap();
    let next = sign_in.input_value("next").unwrap();
    let signed = visitor
        .post_raw(
            "/sign-in",
            &[
                ("email", "late@example.kz"),
                ("password", "correct horse battery"),
                ("next", &next),
                ("csrf_token", &csrf),
            ],
        )
        .await;
    assert_eq!(signed.location(), FORM);
    let refilled = visitor.get(FORM).await;
    assert!(refilled.body.contains(text), "the text came back");
    assert!(refilled.body.contains("A proposal typed while signed out."));
    assert!(refilled.body.contains(r#"value="amend" checked"#));
    // It is given back once, not kept forever.
    assert!(!visitor.get(FORM).await.body.contains(text));
    assert_eq!(
        count_rows(&app).await,
        0,
        "nothing was submitted without the author's say"
    );
}

async fn a_stale_form_keeps_the_suggestion_text(app: TestApp) {
    open_consultation(&app, "post").await;
    let (citizen, _) = app.citizen("Citizen").await;
    let page = citizen
        .post_raw(
            FORM,
            &[
                ("kind", "comment"),
                ("body", "Long careful text that must not be lost."),
                ("csrf_token", "stale"),
            ],
        )
        .await;
    assert_eq!(page.status, 403);
    assert!(page.body.contains("This form had expired"));
    assert!(page
        .body
        .contains("Long careful text that must not be lost."));
    assert_eq!(count_rows(&app).await, 0);
}

async fn pre_moderation_hides_until_published(app: TestApp) {
    open_consultation(&app, "pre").await;
    let (author, _) = app.citizen("Author").await;
    let number = submit_ok(
        &author,
        &[
            ("kind", "comment"),
            ("body", "Awaiting a moderator's decision."),
        ],
    )
    .await;
    let status: String = app
        .query(|conn| {
            suggestions::table
                .select(suggestions::status)
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(status, "pending");
    assert!(
        !app.get(CLAUSE).await.body.contains(&number),
        "not public yet"
    );
    let (other, _) = app.citizen("Other").await;
    assert!(!other.get(CLAUSE).await.body.contains(&number));
    // Its author sees it as pending, and its receipt says so to everyone.
    let mine = author.get("/account/suggestions").await;
    assert!(mine.body.contains(&number) && mine.body.contains("Awaiting moderation"));
    let public_receipt = app.visitor().get(&format!("/receipt/{number}")).await;
    assert!(public_receipt.body.contains("Awaiting moderation"));
    assert!(
        !public_receipt
            .body
            .contains("Awaiting a moderator&#39;s decision")
            && !public_receipt
                .body
                .contains("Awaiting a moderator's decision")
    );
    let author_receipt = author.get(&format!("/receipt/{number}")).await;
    assert!(author_receipt.body.contains("Awaiting a moderator"));
    // Published (by moderation), it appears.
    app.query(|conn| {
        diesel::update(suggestions::table)
            .set((
                suggestions::status.eq("published"),
                suggestions::visible.eq(true),
            ))
            .execute(conn)
            .unwrap()
    })
    .await;
    assert!(app.get(CLAUSE).await.body.contains(&number));
}

async fn upvotes_toggle_with_and_without_javascript(app: TestApp) {
    open_consultation(&app, "post").await;
    let (author, _) = app.citizen("Author").await;
    let number = submit_ok(
        &author,
        &[("kind", "comment"), ("body", "Please support this one.")],
    )
    .await;
    let action = format!("/en/suggestions/{number}/upvote");
    let (voter, _) = app.citizen("Voter").await;
    let page = voter.get(CLAUSE).await;
    assert!(page.body.contains(&format!(r#"action="{action}""#)));
    assert!(page.body.contains(r#"aria-pressed="false""#));
    let token = page.input_value("csrf_token").unwrap();

    // Without JavaScript: a form post, redirected back to the suggestion.
    let voted = voter
        .post_raw(
            &action,
            &[
                ("csrf_token", &token),
                ("vote", "add"),
                ("return_to", "/consultations/us/clauses/I.1?sort=top"),
            ],
        )
        .await;
    assert_eq!(voted.status, 303);
    assert_eq!(
        voted.location(),
        format!("/en/consultations/us/clauses/I.1?sort=top#s-{number}")
    );
    let after = voter.get(CLAUSE).await;
    assert!(after.body.contains("1 supporter") && after.body.contains(r#"aria-pressed="true""#));
    assert!(after.body.contains(r#"name="vote" value="remove""#));
    let data: serde_json::Value =
        serde_json::from_str(&voter.get("/account/data.json").await.body).unwrap();
    assert_eq!(data["votes"][0]["suggestion"], number.as_str());

    // With JavaScript: JSON, toggled off.
    let response = voter
        .client
        .post(format!("{}{action}", app.address))
        .header("accept", "application/json")
        .form(&[
            ("csrf_token", token.as_str()),
            ("vote", "remove"),
            ("return_to", CLAUSE),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let json: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(json["upvoted"], false);
    assert_eq!(json["upvotes"], 0);
    assert_eq!(json["count_text"], "0 supporters");

    // Not on one's own, not anonymously.
    let own_token = author.csrf_token(CLAUSE).await;
    let own = author
        .post_raw(
            &action,
            &[
                ("csrf_token", &own_token),
                ("vote", "add"),
                ("return_to", CLAUSE),
            ],
        )
        .await;
    assert_eq!(own.status, 409);
    assert!(own.body.contains("You cannot support your own suggestion."));
    let anonymous = app.visitor();
    let anon_token = anonymous.csrf_token("/sign-in").await;
    let refused = anonymous
        .post_raw(
            &action,
            &[
                ("csrf_token", &anon_token),
                ("vote", "add"),
                ("return_to", CLAUSE),
            ],
        )
        .await;
    assert_eq!(refused.status, 303);
    assert!(refused.location().starts_with("/en/sign-in?next="));
    let rows: i64 = app
        .query(|conn| upvotes::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(rows, 0);
}

async fn concurrent_upvotes_are_counted_exactly(app: TestApp) {
    open_consultation(&app, "post").await;
    let (author, _) = app.citizen("Author").await;
    let number = submit_ok(
        &author,
        &[
            ("kind", "comment"),
            ("body", "A popular suggestion for the test."),
        ],
    )
    .await;
    let action = format!("/suggestions/{number}/upvote");
    let voters = 40;
    let mut citizens = Vec::new();
    for i in 0..voters {
        let (visitor, _) = app.citizen(&format!("Voter {i}")).await;
        let token = visitor.csrf_token("/").await;
        citizens.push((visitor, token));
    }
    // Everyone at once, from several tasks on several threads.
    let mut tasks = Vec::new();
    for (visitor, token) in citizens {
        let action = action.clone();
        tasks.push(tokio::spawn(async move {
            visitor
                .post_raw(
                    &action,
                    &[("csrf_token", &token), ("vote", "add"), ("return_to", "/")],
                )
                .await
                .status
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), 303);
    }
    // One more citizen hammers the button (a double click, many tabs): one vote.
    let (eager, _) = app.citizen("Eager").await;
    let token = eager.csrf_token("/").await;
    let hammering: Vec<_> = (0..9)
        .map(|_| {
            let (client, address, action, token) = (
                eager.client.clone(),
                app.address.clone(),
                action.clone(),
                token.clone(),
            );
            tokio::spawn(async move {
                client
                    .post(format!("{address}{action}"))
                    .form(&[
                        ("csrf_token", token.as_str()),
                        ("vote", "add"),
                        ("return_to", "/"),
                    ])
                    .send()
                    .await
                    .unwrap()
                    .status()
                    .as_u16()
            })
        })
        .collect();
    for task in hammering {
        assert_eq!(task.await.unwrap(), 303);
    }
    let (count, rows, eager_rows) = app
        .query(|conn| {
            let s: (i64, i32) = suggestions::table
                .select((suggestions::id, suggestions::upvotes))
                .first(conn)
                .unwrap();
            let rows = kenes::models::upvote::count_upvote_rows(conn, s.0).unwrap();
            let eager_id: i64 = kenes::schema::users::table
                .filter(kenes::schema::users::display_name.eq("Eager"))
                .select(kenes::schema::users::id)
                .first(conn)
                .unwrap();
            let eager_rows: i64 = upvotes::table
                .filter(upvotes::user_id.eq(eager_id))
                .count()
                .get_result(conn)
                .unwrap();
            (i64::from(s.1), rows, eager_rows)
        })
        .await;
    assert_eq!(count, rows, "the stored count equals the vote rows");
    assert!(eager_rows <= 1, "one citizen is one vote at most");
    assert_eq!(
        count,
        voters + eager_rows,
        "every distinct voter counted once"
    );
    // Nine "add"s from one citizen are one vote.
    assert_eq!(eager_rows, 1);
}

/// The vote writer applies the votes that arrive together in one transaction; the
/// outcome must be that of applying them one after another.
async fn a_batch_of_votes_ends_as_if_applied_one_by_one(app: TestApp) {
    use kenes::domain::TrackingNumber;
    use kenes::error::AppError;
    use kenes::votes::{apply, VoteRequest, Voted};
    open_consultation(&app, "post").await;
    let (author, author_id) = app.citizen("Author").await;
    let a = submit_ok(
        &author,
        &[("kind", "comment"), ("body", "First suggestion here.")],
    )
    .await;
    let b = submit_ok(
        &author,
        &[("kind", "comment"), ("body", "Second suggestion here.")],
    )
    .await;
    let (_, first) = app.citizen("First").await;
    let (_, second) = app.citizen("Second").await;
    let (_, third) = app.citizen("Third").await;
    let email = |id: i64| format!("voter-{id}");
    let vote = |number: &str, voter: i64, wanted: bool| VoteRequest {
        number: TrackingNumber::parse(number).unwrap(),
        voter_id: voter,
        voter_email: email(voter),
        wanted,
    };
    let mut batch = vec![
        // add, remove, add: upvoted once.
        vote(&a, first, true),
        vote(&a, first, false),
        vote(&a, first, true),
        // add twice: once.
        vote(&a, second, true),
        vote(&a, second, true),
        // add, remove: not upvoted.
        vote(&b, second, true),
        vote(&b, second, false),
        // Refused: one's own, and a number that names nothing.
        vote(&a, author_id, true),
        vote("KZ-0000-0000", first, true),
    ];
    // One citizen over the hourly limit inside the batch: the 301st is refused.
    batch.extend((0..301).map(|_| vote(&b, third, true)));
    let results = app.query(move |conn| apply(conn, &batch)).await;
    let (a2, b2) = (a.clone(), b.clone());
    let (a_count, b_count, rows) = app
        .query(move |conn| {
            let mut count = |n: &str| -> i32 {
                suggestions::table
                    .filter(suggestions::tracking_number.eq(n.to_owned()))
                    .select(suggestions::upvotes)
                    .first(conn)
                    .unwrap()
            };
            let (a, b) = (count(&a2), count(&b2));
            let rows: i64 = upvotes::table.count().get_result(conn).unwrap();
            (a, b, rows)
        })
        .await;
    assert_eq!((a_count, b_count, rows), (2, 1, 3));
    let ok = |r: &Result<Voted, AppError>| r.as_ref().ok().map(|v| (v.upvoted, v.count));
    assert_eq!(ok(&results[0]), Some((true, 2)));
    assert_eq!(ok(&results[1]), Some((false, 2)));
    assert_eq!(ok(&results[2]), Some((true, 2)));
    assert_eq!(ok(&results[4]), Some((true, 2)));
    assert_eq!(ok(&results[6]), Some((false, 1)));
    assert!(matches!(
        results[7],
        Err(AppError::Refused("suggestion.vote.own"))
    ));
    assert!(matches!(results[8], Err(AppError::NotFound)));
    assert!(results[9..309].iter().all(|r| r.is_ok()));
    assert!(matches!(results[309], Err(AppError::TooManyRequests(s)) if s > 0));
    // The same limit holds for the next batch, which counts on from the stored counter.
    let next = vec![vote(&a, third, true), vote(&a, second, false)];
    let results = app.query(move |conn| apply(conn, &next)).await;
    assert!(matches!(results[0], Err(AppError::TooManyRequests(_))));
    assert_eq!(ok(&results[1]), Some((false, 1)));
}

/// The common batch, new votes on distinct pairs (one statement on PostgreSQL): the
/// limit, refusals and counts as one by one.
async fn a_batch_of_new_votes_counts_limits_and_refusals(app: TestApp) {
    use kenes::auth::throttle;
    use kenes::domain::TrackingNumber;
    use kenes::error::AppError;
    use kenes::votes::{apply, VoteRequest, Voted};
    open_consultation(&app, "post").await;
    let (author, author_id) = app.citizen("Author").await;
    let mut numbers = Vec::new();
    for text in ["First of three.", "Second of three.", "Third of three."] {
        numbers.push(submit_ok(&author, &[("kind", "comment"), ("body", text)]).await);
    }
    let (_, near_limit) = app.citizen("Near the limit").await;
    let (_, other) = app.citizen("Other").await;
    // 299 of the hour's 300 votes already used.
    let key = throttle::key(throttle::VOTE_PER_ACCOUNT, &format!("voter-{near_limit}"));
    app.query(move |conn| {
        diesel::insert_into(kenes::schema::rate_limits::table)
            .values((
                kenes::schema::rate_limits::key.eq(key),
                kenes::schema::rate_limits::window_start.eq(kenes::models::now()),
                kenes::schema::rate_limits::hits.eq(299),
            ))
            .execute(conn)
            .unwrap()
    })
    .await;
    let vote = |number: &str, voter: i64| VoteRequest {
        number: TrackingNumber::parse(number).unwrap(),
        voter_id: voter,
        voter_email: format!("voter-{voter}"),
        wanted: true,
    };
    // A vote that already exists: counted once, however often it comes.
    let first = vec![vote(&numbers[0], other)];
    let results = app.query(move |conn| apply(conn, &first)).await;
    assert!(results[0].is_ok());
    let batch = vec![
        vote(&numbers[0], near_limit),
        vote(&numbers[1], near_limit),
        vote(&numbers[2], near_limit),
        vote(&numbers[0], other),
        vote(&numbers[1], other),
        vote(&numbers[2], author_id),
        vote("KZ-0000-0000", other),
    ];
    let results = app.query(move |conn| apply(conn, &batch)).await;
    let ok = |r: &Result<Voted, AppError>| r.as_ref().ok().map(|v| (v.upvoted, v.count));
    assert_eq!(
        ok(&results[0]),
        Some((true, 2)),
        "the 300th vote of the hour"
    );
    assert!(matches!(results[1], Err(AppError::TooManyRequests(s)) if s > 0));
    assert!(matches!(results[2], Err(AppError::TooManyRequests(_))));
    assert_eq!(
        ok(&results[3]),
        Some((true, 2)),
        "an existing vote: no change"
    );
    assert_eq!(ok(&results[4]), Some((true, 1)));
    assert!(matches!(
        results[5],
        Err(AppError::Refused("suggestion.vote.own"))
    ));
    assert!(matches!(results[6], Err(AppError::NotFound)));
    let stored = app
        .query(|conn| {
            let counts: Vec<i32> = suggestions::table
                .order(suggestions::id)
                .select(suggestions::upvotes)
                .load(conn)
                .unwrap();
            let rows: i64 = upvotes::table.count().get_result(conn).unwrap();
            (counts, rows)
        })
        .await;
    assert_eq!(stored, (vec![2, 1, 0], 3));
}

/// Two requests of one browser can land in the same session batch: both are signed in.
async fn one_session_twice_in_a_batch_is_signed_in_twice(app: TestApp) {
    let (_, citizen) = app.citizen("Twice").await;
    let loaded = app
        .query(move |conn| {
            kenes::models::session::create(
                conn,
                "hash-of-a-token",
                citizen,
                chrono::Duration::hours(1),
            )
            .unwrap();
            let hashes =
                ["hash-of-a-token", "hash-of-a-token", "no-such-session"].map(String::from);
            kenes::auth::session::load_sessions(conn, &hashes, chrono::Duration::minutes(30))
                .into_iter()
                .map(|r| r.unwrap().map(|(_, user)| user.id))
                .collect::<Vec<_>>()
        })
        .await;
    assert_eq!(loaded, vec![Some(citizen), Some(citizen), None]);
}

async fn closed_consultations_refuse_submissions_and_votes(app: TestApp) {
    open_consultation(&app, "post").await;
    let (author, _) = app.citizen("Author").await;
    let number = submit_ok(
        &author,
        &[("kind", "comment"), ("body", "Made while it was open.")],
    )
    .await;
    let (voter, _) = app.citizen("Voter").await;
    let token = voter.csrf_token(CLAUSE).await;
    app.query(|conn| {
        diesel::update(consultations::table)
            .set(consultations::status.eq("closed"))
            .execute(conn)
            .unwrap()
    })
    .await;
    let page = suggest(
        &author,
        &[
            ("kind", "comment"),
            ("body", "Too late, but my words stay on the page."),
        ],
    )
    .await;
    assert_eq!(page.status, 409);
    assert!(page.body.contains("not accepting suggestions now"));
    assert!(page
        .body
        .contains("Too late, but my words stay on the page."));
    let vote = voter
        .post_raw(
            &format!("/suggestions/{number}/upvote"),
            &[
                ("csrf_token", &token),
                ("vote", "add"),
                ("return_to", CLAUSE),
            ],
        )
        .await;
    assert_eq!(vote.status, 409);
    assert!(vote.body.contains("This consultation is closed"));
    // Reading stays.
    let clause = app.get(CLAUSE).await;
    assert_eq!(clause.status, 200);
    assert!(clause.body.contains("Made while it was open."));
    assert!(!clause.body.contains("Suggest a change to this clause"));
    assert_eq!(count_rows(&app).await, 1);
}

async fn pending_suggestions_can_be_edited_and_withdrawn(app: TestApp) {
    open_consultation(&app, "pre").await;
    let (author, _) = app.citizen("Author").await;
    let number = submit_ok(
        &author,
        &[
            ("kind", "comment"),
            ("body", "First wording of my comment."),
        ],
    )
    .await;
    let edit = format!("/account/suggestions/{number}/edit");
    let form = author.get(&edit).await;
    assert!(form.body.contains("First wording of my comment."));
    let saved = author
        .submit(
            &edit,
            &edit,
            &[("kind", "comment"), ("body", "Second, better wording.")],
        )
        .await;
    assert_eq!(saved.status, 303);
    let body: String = app
        .query(|conn| {
            suggestions::table
                .select(suggestions::body)
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(body, "Second, better wording.");
    // Someone else cannot touch it.
    let (other, _) = app.citizen("Other").await;
    assert_eq!(other.get(&edit).await.status, 404);
    let withdrawn = author
        .submit(
            "/account/suggestions",
            &format!("/account/suggestions/{number}/withdraw"),
            &[],
        )
        .await;
    assert_eq!(withdrawn.status, 303);
    let status: String = app
        .query(|conn| {
            suggestions::table
                .select(suggestions::status)
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(status, "withdrawn");
    assert_eq!(author.get(&edit).await.status, 409, "no longer editable");
    assert_eq!(count_rows(&app).await, 1, "kept, not deleted");
}

async fn clause_lists_page_by_keyset_and_pages_show_counts(app: TestApp) {
    open_consultation(&app, "post").await;
    let (author, author_id) = app.citizen("Author").await;
    let _ = author;
    // 45 published suggestions with distinct support, made directly.
    app.query(move |conn| {
        use kenes::models::suggestion::{create, NewSuggestion};
        let (clause_id, lineage): (i64, String) = kenes::schema::clauses::table
            .filter(kenes::schema::clauses::reference.eq("I.1"))
            .select((kenes::schema::clauses::id, kenes::schema::clauses::lineage))
            .first(conn)
            .unwrap();
        let consultation_id: i64 = consultations::table
            .select(consultations::id)
            .first(conn)
            .unwrap();
        for i in 0..45 {
            let (created, _) = create(
                conn,
                &NewSuggestion {
                    consultation_id,
                    clause_id,
                    clause_lineage: &lineage,
                    author_id,
                    kind: kenes::domain::SuggestionKind::Comment,
                    body: &format!("Listed suggestion number {i:02}"),
                    proposed_text: None,
                    status: kenes::domain::SuggestionStatus::Published,
                    idempotency_key: &format!("seed-{i}"),
                    lang: kenes::domain::TextLang::En,
                    created_at: None,
                },
            )
            .unwrap();
            diesel::update(suggestions::table.find(created.id))
                .set(suggestions::upvotes.eq((i * 7) % 45))
                .execute(conn)
                .unwrap();
        }
    })
    .await;
    let mut seen = Vec::new();
    let mut path = format!("{CLAUSE}?sort=top");
    let mut pages = 0;
    loop {
        let page = app.get(&path).await;
        assert_eq!(page.status, 200);
        for chunk in page.body.split("Listed suggestion number ").skip(1) {
            seen.push(chunk[..2].parse::<i32>().unwrap());
        }
        pages += 1;
        // The "More suggestions" link: `<a href="…" rel="next">`.
        let Some(rel) = page.body.find(r#"" rel="next">"#) else {
            break;
        };
        let href_start = page.body[..rel].rfind("href=\"").unwrap() + 6;
        path = page.body[href_start..rel]
            .replace("&#38;", "&")
            .replace("&amp;", "&");
    }
    assert_eq!(pages, 3);
    assert_eq!(seen.len(), 45, "every suggestion exactly once");
    let support: Vec<i32> = seen.iter().map(|i| (i * 7) % 45).collect();
    assert!(
        support.windows(2).all(|w| w[0] >= w[1]),
        "most supported first: {support:?}"
    );
    let newest = app.get(&format!("{CLAUSE}?sort=newest")).await;
    assert!(newest.body.find("number 44").unwrap() < newest.body.find("number 43").unwrap());
    // Counts on the article and contents pages.
    assert!(app
        .get("/consultations/us/articles/I")
        .await
        .body
        .contains("45 suggestions"));
    assert!(app
        .get("/consultations/us")
        .await
        .body
        .contains("45 suggestions"));
    assert_eq!(
        app.get(&format!("{CLAUSE}?sort=top&after=garbage"))
            .await
            .status,
        200
    );
}

async fn submissions_are_throttled_per_account(app: TestApp) {
    open_consultation(&app, "post").await;
    let (citizen, _) = app.citizen("Prolific").await;
    let limit = kenes::auth::throttle::SUBMIT_PER_ACCOUNT.max;
    for i in 0..limit {
        submit_ok(
            &citizen,
            &[
                ("kind", "comment"),
                ("body", &format!("Distinct comment number {i} on taxes")),
            ],
        )
        .await;
    }
    let mut fields = vec![
        ("kind", "comment"),
        ("body", "One too many, but kept on the page."),
        ("similar_seen", "yes"),
    ];
    fields.truncate(3);
    let page = suggest(&citizen, &fields).await;
    assert_eq!(page.status, 429);
    assert!(page.header("retry-after").parse::<i64>().unwrap() > 0);
    assert!(page.body.contains("One too many, but kept on the page."));
    assert_eq!(count_rows(&app).await, i64::from(limit));
}
