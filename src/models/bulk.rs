//! Bulk loads (`kenes seed`): many rows per statement, with one statement text per
//! backend whatever the number of rows, and what a load reads back of its own rows. PostgreSQL binds each column as an array and
//! reads the rows with `unnest`; SQLite binds the rows as one JSON array and reads
//! them with `json_each`. Every value is bound, none is part of the SQL, and a chunk
//! of any size uses a handful of bind parameters (far under PostgreSQL's 65,535 and
//! SQLite's 32,766), so the statements stay prepared.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Integer, Nullable, Text, Timestamp};
use serde::Serialize;

use crate::db::fixed::{fixed_query, json_array};
use crate::db::AnyConnection;
use crate::domain::{ClauseRef, Role};
use crate::schema::{clauses, suggestions, users};

/// Ready this connection for a bulk load. On SQLite, a load into B-trees far larger
/// than the default 2 MB page cache thrashes it: a 512 MiB cache for this one
/// connection keeps a load of millions of rows in minutes.
pub fn prepare_connection(conn: &mut AnyConnection) -> QueryResult<()> {
    if let AnyConnection::Sqlite(lite) = conn {
        diesel::connection::SimpleConnection::batch_execute(lite, "PRAGMA cache_size = -524288")?;
    }
    Ok(())
}

/// The clauses of a version as (id, lineage), in id order; only the one with this
/// reference when given.
pub fn clauses_of(
    conn: &mut AnyConnection,
    version_id: i64,
    reference: Option<&ClauseRef>,
) -> QueryResult<Vec<(i64, String)>> {
    let mut query = clauses::table
        .filter(clauses::version_id.eq(version_id))
        .order(clauses::id)
        .select((clauses::id, clauses::lineage))
        .into_boxed();
    if let Some(reference) = reference {
        query = query.filter(clauses::reference.eq(reference.to_string()));
    }
    query.load(conn)
}

/// The ids of the accounts whose email starts with `prefix` (one load's), in order.
pub fn citizens_by_email_prefix(conn: &mut AnyConnection, prefix: &str) -> QueryResult<Vec<i64>> {
    users::table
        .filter(users::email.like(format!("{prefix}%")))
        .order(users::id)
        .select(users::id)
        .load(conn)
}

/// The (id, idempotency key) of a consultation's suggestions whose key starts with
/// `prefix` (one load's).
pub fn ids_by_key_prefix(
    conn: &mut AnyConnection,
    consultation_id: i64,
    prefix: &str,
) -> QueryResult<Vec<(i64, String)>> {
    suggestions::table
        .filter(suggestions::consultation_id.eq(consultation_id))
        .filter(suggestions::idempotency_key.like(format!("{prefix}%")))
        .select((suggestions::id, suggestions::idempotency_key))
        .load(conn)
}

/// A timestamp inside SQLite's JSON rows, written as diesel binds a `Timestamp` there,
/// so that seeded rows compare with rows written any other way.
fn sqlite_time(t: NaiveDateTime) -> String {
    t.format("%F %T%.f").to_string()
}

/// A confirmed account without a password (it cannot sign in), as seeds make.
#[derive(Debug, Clone, Serialize)]
pub struct NewCitizen {
    pub email: String,
    pub display_name: String,
    pub region: String,
}

/// Insert these citizens, confirmed and created at `at`; returns how many.
pub fn insert_citizens(
    conn: &mut AnyConnection,
    rows: &[NewCitizen],
    at: NaiveDateTime,
) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    let role = Role::Citizen.as_str();
    match conn {
        AnyConnection::Postgres(pg) => {
            let column = |f: fn(&NewCitizen) -> &String| -> Vec<&str> {
                rows.iter().map(|r| f(r).as_str()).collect()
            };
            fixed_query(
                "INSERT INTO users (email, display_name, password_hash, region, role, \
                 email_confirmed_at, created_at, updated_at) \
                 SELECT e, n, '', r, $4, $5, $5, $5 \
                 FROM unnest($1::text[], $2::text[], $3::text[]) AS u (e, n, r)",
                |q| {
                    q.bind::<Array<Text>, _>(column(|r| &r.email))
                        .bind::<Array<Text>, _>(column(|r| &r.display_name))
                        .bind::<Array<Text>, _>(column(|r| &r.region))
                        .bind::<Text, _>(role)
                        .bind::<Timestamp, _>(at)
                },
            )
            .execute(pg)
        }
        AnyConnection::Sqlite(lite) => fixed_query(
            "INSERT INTO users (email, display_name, password_hash, region, role, \
             email_confirmed_at, created_at, updated_at) \
             SELECT value ->> 'email', value ->> 'display_name', '', value ->> 'region', \
             ?2, ?3, ?3, ?3 FROM json_each(?1)",
            |q| {
                q.bind::<Text, _>(json_array(rows))
                    .bind::<Text, _>(role)
                    .bind::<Timestamp, _>(at)
            },
        )
        .execute(lite),
    }
}

/// A suggestion as seeds make it: with the number of votes the load will insert for it,
/// `updated_at` its creation time, `published_at` set when it is visible.
#[derive(Debug, Clone)]
pub struct NewSuggestion {
    pub tracking_number: String,
    pub clause_id: i64,
    pub clause_lineage: String,
    pub author_id: i64,
    pub kind: &'static str,
    pub body: String,
    pub proposed_text: Option<String>,
    pub status: &'static str,
    pub visible: bool,
    /// The upvote rows the load inserts for it, counted before they are written.
    pub upvotes: i32,
    pub signature: String,
    pub text_hash: String,
    pub idempotency_key: String,
    pub created_at: NaiveDateTime,
    pub published_at: Option<NaiveDateTime>,
}

/// The JSON row SQLite reads: an array (read by position, which SQLite does faster
/// than by name), with timestamps as SQLite stores them.
#[derive(Serialize)]
struct SuggestionJson<'a>(
    &'a str,
    i64,
    &'a str,
    i64,
    &'a str,
    &'a str,
    Option<&'a str>,
    &'a str,
    bool,
    &'a str,
    &'a str,
    &'a str,
    String,
    Option<String>,
    i32,
);

/// Insert these suggestions of one consultation, skipping any whose tracking number
/// or idempotency key is taken; returns how many were inserted.
pub fn insert_suggestions(
    conn: &mut AnyConnection,
    consultation_id: i64,
    rows: &[NewSuggestion],
) -> QueryResult<usize> {
    if rows.is_empty() {
        return Ok(0);
    }
    match conn {
        AnyConnection::Postgres(pg) => {
            fn column<'a, T>(
                rows: &'a [NewSuggestion],
                f: impl Fn(&'a NewSuggestion) -> T,
            ) -> Vec<T> {
                rows.iter().map(f).collect()
            }
            fixed_query(
                "INSERT INTO suggestions (tracking_number, consultation_id, clause_id, \
                 clause_lineage, author_id, kind, body, proposed_text, status, visible, upvotes, \
                 signature, text_hash, idempotency_key, created_at, updated_at, published_at) \
                 SELECT t, $1, c, l, a, k, b, p, s, v, u, sig, h, key, at, at, pub \
                 FROM unnest($2::text[], $3::bigint[], $4::text[], $5::bigint[], $6::text[], \
                 $7::text[], $8::text[], $9::text[], $10::bool[], $11::text[], $12::text[], \
                 $13::text[], $14::timestamp[], $15::timestamp[], $16::integer[]) \
                 AS r (t, c, l, a, k, b, p, s, v, sig, h, key, at, pub, u) \
                 ON CONFLICT DO NOTHING",
                |q| {
                    q.bind::<BigInt, _>(consultation_id)
                        .bind::<Array<Text>, _>(column(rows, |r| r.tracking_number.as_str()))
                        .bind::<Array<BigInt>, _>(column(rows, |r| r.clause_id))
                        .bind::<Array<Text>, _>(column(rows, |r| r.clause_lineage.as_str()))
                        .bind::<Array<BigInt>, _>(column(rows, |r| r.author_id))
                        .bind::<Array<Text>, _>(column(rows, |r| r.kind))
                        .bind::<Array<Text>, _>(column(rows, |r| r.body.as_str()))
                        .bind::<Array<Nullable<Text>>, _>(column(rows, |r| {
                            r.proposed_text.as_deref()
                        }))
                        .bind::<Array<Text>, _>(column(rows, |r| r.status))
                        .bind::<Array<Bool>, _>(column(rows, |r| r.visible))
                        .bind::<Array<Text>, _>(column(rows, |r| r.signature.as_str()))
                        .bind::<Array<Text>, _>(column(rows, |r| r.text_hash.as_str()))
                        .bind::<Array<Text>, _>(column(rows, |r| r.idempotency_key.as_str()))
                        .bind::<Array<Timestamp>, _>(column(rows, |r| r.created_at))
                        .bind::<Array<Nullable<Timestamp>>, _>(column(rows, |r| r.published_at))
                        .bind::<Array<Integer>, _>(column(rows, |r| r.upvotes))
                },
            )
            .execute(pg)
        }
        // `WHERE true` tells SQLite's parser that ON CONFLICT is the upsert's, not a join's.
        AnyConnection::Sqlite(lite) => {
            let json: Vec<SuggestionJson<'_>> = rows
                .iter()
                .map(|r| {
                    SuggestionJson(
                        &r.tracking_number,
                        r.clause_id,
                        &r.clause_lineage,
                        r.author_id,
                        r.kind,
                        &r.body,
                        r.proposed_text.as_deref(),
                        r.status,
                        r.visible,
                        &r.signature,
                        &r.text_hash,
                        &r.idempotency_key,
                        sqlite_time(r.created_at),
                        r.published_at.map(sqlite_time),
                        r.upvotes,
                    )
                })
                .collect();
            fixed_query(
                "INSERT INTO suggestions (tracking_number, consultation_id, clause_id, \
                 clause_lineage, author_id, kind, body, proposed_text, status, visible, upvotes, \
                 signature, text_hash, idempotency_key, created_at, updated_at, published_at) \
                 SELECT value ->> 0, ?1, value ->> 1, value ->> 2, value ->> 3, value ->> 4, \
                 value ->> 5, value ->> 6, value ->> 7, value ->> 8, value ->> 14, value ->> 9, \
                 value ->> 10, value ->> 11, value ->> 12, value ->> 12, value ->> 13 \
                 FROM json_each(?2) WHERE true ON CONFLICT DO NOTHING",
                |q| {
                    q.bind::<BigInt, _>(consultation_id)
                        .bind::<Text, _>(json_array(&json))
                },
            )
            .execute(lite)
        }
    }
}

/// Insert these (suggestion, citizen) upvotes, given at `at`, skipping pairs already
/// there; returns how many were inserted. Stored counts are not changed: a bulk load
/// writes each suggestion with its count ([`NewSuggestion::upvotes`]). The vote
/// writer's path, which counts as it goes, is [`super::upvote::add`].
pub fn insert_upvotes(
    conn: &mut AnyConnection,
    pairs: &[(i64, i64)],
    at: NaiveDateTime,
) -> QueryResult<usize> {
    if pairs.is_empty() {
        return Ok(0);
    }
    match conn {
        AnyConnection::Postgres(pg) => fixed_query(
            "INSERT INTO upvotes (suggestion_id, user_id, created_at) \
             SELECT sid, uid, $3 FROM unnest($1::bigint[], $2::bigint[]) AS v (sid, uid) \
             ON CONFLICT DO NOTHING",
            |q| {
                q.bind::<Array<BigInt>, _>(pairs.iter().map(|p| p.0).collect::<Vec<_>>())
                    .bind::<Array<BigInt>, _>(pairs.iter().map(|p| p.1).collect::<Vec<_>>())
                    .bind::<Timestamp, _>(at)
            },
        )
        .execute(pg),
        // One array of pairs: `[[suggestion, citizen], …]`.
        AnyConnection::Sqlite(lite) => fixed_query(
            "INSERT INTO upvotes (suggestion_id, user_id, created_at) \
             SELECT value ->> 0, value ->> 1, ?2 FROM json_each(?1) WHERE true \
             ON CONFLICT DO NOTHING",
            |q| {
                q.bind::<Text, _>(json_array(pairs))
                    .bind::<Timestamp, _>(at)
            },
        )
        .execute(lite),
    }
}
