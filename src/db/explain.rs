//! The plan the database chose for a query, as its own `EXPLAIN` prints it: for
//! `kenes queue-plan`, which the moderation queue benchmark runs for each filter it
//! measures, so that a slow combination can be understood (issue 20).

use std::marker::PhantomData;

use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::{Integer, Text};
use diesel::{QueryResult, RunQueryDsl};

use super::{AnyConnection, MultiBackend};

/// `EXPLAIN <query>` (PostgreSQL) or `EXPLAIN QUERY PLAN <query>` (SQLite), with the
/// query's own binds; `Row` is the shape of the answer on that backend.
struct Explain<Q, Row> {
    query: Q,
    prefix: &'static str,
    row: PhantomData<Row>,
}

impl<Q: QueryFragment<MultiBackend>, Row> QueryFragment<MultiBackend> for Explain<Q, Row> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, MultiBackend>) -> QueryResult<()> {
        out.push_sql(self.prefix);
        self.query.walk_ast(out.reborrow())
    }
}

/// Not kept prepared: a plan is asked for once.
impl<Q, Row> QueryId for Explain<Q, Row> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q, Row> Query for Explain<Q, Row> {
    type SqlType = Row;
}

impl<Q, Row> RunQueryDsl<AnyConnection> for Explain<Q, Row> {}

/// The plan of `query`, one line per step: PostgreSQL's `EXPLAIN` lines as printed;
/// SQLite's `EXPLAIN QUERY PLAN` details, indented by depth.
pub fn plan<Q: QueryFragment<MultiBackend>>(
    conn: &mut AnyConnection,
    query: Q,
) -> QueryResult<Vec<String>> {
    match conn {
        AnyConnection::Postgres(_) => Explain::<Q, Text> {
            query,
            prefix: "EXPLAIN ",
            row: PhantomData,
        }
        .load::<String>(conn),
        AnyConnection::Sqlite(_) => {
            let steps = Explain::<Q, (Integer, Integer, Integer, Text)> {
                query,
                prefix: "EXPLAIN QUERY PLAN ",
                row: PhantomData,
            }
            .load::<(i32, i32, i32, String)>(conn)?;
            // Each step names its parent's id: indent it one deeper than its parent.
            let mut depth: std::collections::HashMap<i32, usize> = Default::default();
            Ok(steps
                .into_iter()
                .map(|(id, parent, _, detail)| {
                    let d = depth.get(&parent).map_or(0, |p| p + 1);
                    depth.insert(id, d);
                    format!("{}{detail}", "  ".repeat(d))
                })
                .collect())
        }
    }
}
