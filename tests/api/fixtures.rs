//! Test fixtures: data created directly in the database (not through the forms), so
//! that a test can start from the state it is about.

use diesel::prelude::*;
use kenes::domain::{SuggestionKind, SuggestionStatus};
use kenes::models::suggestion::{self, NewSuggestion};
use kenes::schema::{suggestions, users};

use crate::helpers::{TestApp, US_TEXT};

/// The US Constitution as the open consultation `us`.
pub async fn open_us(app: &TestApp) {
    app.import("us", "constitution-us.txt", US_TEXT, true).await;
}

/// A suggestion created directly (a fixture), on clause `reference`, by `author`.
pub async fn suggestion(
    app: &TestApp,
    author: i64,
    reference: &'static str,
    body: &str,
    status: SuggestionStatus,
) -> String {
    let body = body.to_owned();
    app.query(move |conn| {
        let (consultation_id, clause_id, lineage): (i64, i64, String) =
            kenes::schema::clauses::table
                .inner_join(kenes::schema::document_versions::table.on(
                    kenes::schema::document_versions::id.eq(kenes::schema::clauses::version_id),
                ))
                .filter(kenes::schema::clauses::reference.eq(reference))
                .select((
                    kenes::schema::document_versions::consultation_id,
                    kenes::schema::clauses::id,
                    kenes::schema::clauses::lineage,
                ))
                .first(conn)
                .unwrap();
        let key = uuid::Uuid::new_v4().to_string();
        // As the application does: inside a write transaction (on SQLite, BEGIN
        // IMMEDIATE, so that the background housekeeping's writes queue behind it).
        kenes::db::write_transaction(conn, |conn| {
            suggestion::create(
                conn,
                &NewSuggestion {
                    consultation_id,
                    clause_id,
                    clause_lineage: &lineage,
                    author_id: author,
                    kind: SuggestionKind::Comment,
                    body: &body,
                    proposed_text: None,
                    status,
                    idempotency_key: &key,
                    lang: kenes::domain::TextLang::En,
                    created_at: None,
                },
            )
        })
        .unwrap()
        .0
        .tracking_number
    })
    .await
}

pub async fn status_of(app: &TestApp, number: &str) -> String {
    let number = number.to_owned();
    app.query(move |conn| {
        suggestions::table
            .filter(suggestions::tracking_number.eq(number))
            .select(suggestions::status)
            .first(conn)
            .unwrap()
    })
    .await
}

/// Take away an account's email confirmation.
pub async fn unconfirm(app: &TestApp, id: i64) {
    app.query(move |conn| {
        diesel::update(users::table.find(id))
            .set(users::email_confirmed_at.eq(None::<chrono::NaiveDateTime>))
            .execute(conn)
            .unwrap()
    })
    .await;
}

/// Block an account (as a moderator would).
pub async fn block(app: &TestApp, id: i64) {
    app.query(move |conn| {
        diesel::update(users::table.find(id))
            .set(users::blocked_at.eq(Some(kenes::models::now())))
            .execute(conn)
            .unwrap()
    })
    .await;
}
