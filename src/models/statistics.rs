//! Aggregates for the analysts' statistics pages, computed by the database (GROUP BY)
//! so that a page over a million suggestions reads a few hundred rows. Date grouping
//! is the one place the two databases need different SQL.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use crate::db::AnyConnection;
use crate::schema::{clauses, suggestions, users};

#[derive(QueryableByName)]
struct Group {
    #[diesel(sql_type = Text)]
    label: String,
    #[diesel(sql_type = BigInt)]
    n: i64,
}

/// `(label, count)` rows of a grouped count.
pub type Counts = Vec<(String, i64)>;

/// The day of a timestamp column as `YYYY-MM-DD` text, in this database's dialect.
fn day(conn: &AnyConnection, column: &str) -> String {
    match conn {
        AnyConnection::Sqlite(_) => format!("date({column})"),
        AnyConnection::Postgres(_) => format!("to_char({column}, 'YYYY-MM-DD')"),
    }
}

/// Run a grouped count. `sql` is built here from fixed text and numbers only.
fn grouped(conn: &mut AnyConnection, sql: &str) -> QueryResult<Counts> {
    Ok(diesel::sql_query(sql)
        .load::<Group>(conn)?
        .into_iter()
        .map(|g| (g.label, g.n))
        .collect())
}

fn scope(consultation_id: Option<i64>, column: &str) -> String {
    consultation_id.map_or_else(String::new, |id| format!(" AND {column} = {id}"))
}

/// Suggestions submitted per day.
pub fn per_day(conn: &mut AnyConnection, consultation_id: Option<i64>) -> QueryResult<Counts> {
    let day = day(conn, "created_at");
    grouped(
        conn,
        &format!(
            "SELECT {day} AS label, COUNT(*) AS n FROM suggestions WHERE 1 = 1{} \
             GROUP BY {day} ORDER BY label",
            scope(consultation_id, "consultation_id")
        ),
    )
}

pub fn by_status(conn: &mut AnyConnection, consultation_id: Option<i64>) -> QueryResult<Counts> {
    grouped(
        conn,
        &format!(
            "SELECT status AS label, COUNT(*) AS n FROM suggestions WHERE 1 = 1{} \
             GROUP BY status ORDER BY n DESC",
            scope(consultation_id, "consultation_id")
        ),
    )
}

pub fn by_kind(conn: &mut AnyConnection, consultation_id: Option<i64>) -> QueryResult<Counts> {
    grouped(
        conn,
        &format!(
            "SELECT kind AS label, COUNT(*) AS n FROM suggestions WHERE 1 = 1{} \
             GROUP BY kind ORDER BY n DESC",
            scope(consultation_id, "consultation_id")
        ),
    )
}

/// Suggestions per article (by its printed number), most discussed first.
pub fn by_article(
    conn: &mut AnyConnection,
    consultation_id: Option<i64>,
    limit: i64,
) -> QueryResult<Counts> {
    grouped(
        conn,
        &format!(
            "SELECT a.number AS label, COUNT(*) AS n FROM suggestions s \
             JOIN clauses c ON c.id = s.clause_id JOIN articles a ON a.id = c.article_id \
             WHERE 1 = 1{} GROUP BY a.number ORDER BY n DESC, a.number LIMIT {limit}",
            scope(consultation_id, "s.consultation_id")
        ),
    )
}

/// The most discussed clauses: (reference, suggestions), most first.
pub fn top_clauses(
    conn: &mut AnyConnection,
    consultation_id: Option<i64>,
    limit: i64,
) -> QueryResult<Counts> {
    let top = grouped(
        conn,
        &format!(
            "SELECT clause_lineage AS label, COUNT(*) AS n FROM suggestions WHERE 1 = 1{} \
             GROUP BY clause_lineage ORDER BY n DESC, clause_lineage LIMIT {limit}",
            scope(consultation_id, "consultation_id")
        ),
    )?;
    let lineages: Vec<&str> = top.iter().map(|(l, _)| l.as_str()).collect();
    let references: std::collections::HashMap<String, String> = clauses::table
        .filter(clauses::lineage.eq_any(&lineages))
        .order(clauses::id.desc())
        .select((clauses::lineage, clauses::reference))
        .load::<(String, String)>(conn)?
        .into_iter()
        .rev()
        .collect();
    Ok(top
        .into_iter()
        .map(|(lineage, n)| (references.get(&lineage).cloned().unwrap_or(lineage), n))
        .collect())
}

/// Per region: (region, distinct authors, suggestions).
pub fn by_region(
    conn: &mut AnyConnection,
    consultation_id: Option<i64>,
) -> QueryResult<Vec<(String, i64, i64)>> {
    let mut query = suggestions::table
        .inner_join(users::table)
        .group_by(users::region)
        .select((
            users::region,
            diesel::dsl::count(suggestions::author_id).aggregate_distinct(),
            diesel::dsl::count_star(),
        ))
        .into_boxed();
    if let Some(id) = consultation_id {
        query = query.filter(suggestions::consultation_id.eq(id));
    }
    Ok(query
        .load::<(Option<String>, i64, i64)>(conn)?
        .into_iter()
        .map(|(region, people, n)| (region.unwrap_or_default(), people, n))
        .collect())
}

/// Moderation decisions per day.
pub fn decisions_per_day(
    conn: &mut AnyConnection,
    consultation_id: Option<i64>,
) -> QueryResult<Counts> {
    let day = day(conn, "l.created_at");
    grouped(
        conn,
        &format!(
            "SELECT {day} AS label, COUNT(*) AS n FROM moderation_log l \
             JOIN suggestions s ON s.id = l.suggestion_id \
             WHERE l.action IN ('publish', 'reject', 'review', 'respond', 'merge', 'hide', \
             'flags_cleared', 'flags_upheld'){} GROUP BY {day} ORDER BY label",
            scope(consultation_id, "s.consultation_id")
        ),
    )
}

/// Pending suggestions by how long they have waited: under a day, a week, a month,
/// and longer.
pub fn backlog_age(
    conn: &mut AnyConnection,
    consultation_id: Option<i64>,
    now: NaiveDateTime,
) -> QueryResult<[i64; 4]> {
    let bounds = [
        now - chrono::Duration::days(1),
        now - chrono::Duration::days(7),
        now - chrono::Duration::days(30),
    ];
    let count_before = |conn: &mut AnyConnection,
                        newer_than: Option<NaiveDateTime>,
                        older_than: Option<NaiveDateTime>| {
        let mut query = suggestions::table
            .filter(suggestions::status.eq("pending"))
            .count()
            .into_boxed();
        if let Some(id) = consultation_id {
            query = query.filter(suggestions::consultation_id.eq(id));
        }
        if let Some(t) = newer_than {
            query = query.filter(suggestions::created_at.gt(t));
        }
        if let Some(t) = older_than {
            query = query.filter(suggestions::created_at.le(t));
        }
        query.get_result::<i64>(conn)
    };
    Ok([
        count_before(conn, Some(bounds[0]), None)?,
        count_before(conn, Some(bounds[1]), Some(bounds[0]))?,
        count_before(conn, Some(bounds[2]), Some(bounds[1]))?,
        count_before(conn, None, Some(bounds[2]))?,
    ])
}
