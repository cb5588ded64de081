//! Statements whose text never varies, so that diesel keeps them prepared.
//!
//! diesel parses a statement once and reuses it only when it can tell that the text
//! is always the same. It cannot for `sql_query` (the text might be built at run
//! time) nor for a list of values on SQLite (`eq_any` writes `IN (?, ?, …)`, a new
//! text for each length), so those are parsed anew on every call, and PostgreSQL
//! plans them anew. For the batch threads, which run a few statements thousands of
//! times a second, parsing was a quarter of their time on SQLite (building the text
//! another tenth), and planning the vote statement a fifth of the vote writer's
//! database time on PostgreSQL. The two pieces here let such a statement keep one
//! text:
//!
//! - [`fixed_query`]: `sql_query` whose text is a constant.
//! - [`InJsonList`]: `column IN (values)` on SQLite with the values bound as one
//!   JSON array (`json_each`), whatever their number (PostgreSQL's `= ANY($1)`
//!   already is one text).

use diesel::backend::Backend;
use diesel::expression::{is_aggregate, AppearsOnTable, Expression, ValidGrouping};
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId, SqlQuery};
use diesel::sqlite::Sqlite;
use diesel::{QueryResult, RunQueryDsl};

/// A `sql_query` with a constant text and its binds; see [`fixed_query`].
pub struct Fixed<Q>(Q);

/// `sql_query(sql)` with the binds `bind` adds, kept prepared by the connection. The
/// text must be `'static` so that it cannot be built at run time: each distinct text
/// stays in the connection's statement cache for good.
pub fn fixed_query<Q>(sql: &'static str, bind: impl FnOnce(SqlQuery) -> Q) -> Fixed<Q> {
    Fixed(bind(diesel::sql_query(sql)))
}

impl<Q, DB> QueryFragment<DB> for Fixed<Q>
where
    Q: QueryFragment<DB>,
    DB: Backend,
{
    fn walk_ast<'b>(&'b self, pass: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        self.0.walk_ast(pass)
    }

    fn is_safe_to_cache_prepared(&self, _backend: &DB) -> QueryResult<bool> {
        Ok(true)
    }
}

/// No identity by type: the connection keys its cache by the text (and bind types).
impl<Q> QueryId for Fixed<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q: Query> Query for Fixed<Q> {
    type SqlType = Q::SqlType;
}

impl<Q, Conn> RunQueryDsl<Conn> for Fixed<Q> {}

/// SQLite: `column IN (SELECT value FROM json_each(?))`, the values bound as one JSON
/// array. Built by [`in_json_list`].
#[derive(Debug, Clone, diesel::query_builder::QueryId)]
pub struct InJsonList<C> {
    column: C,
    json: String,
}

/// `column IN (values)` for SQLite in one statement text whatever the number of values.
pub fn in_json_list<C, T: serde::Serialize>(column: C, values: &[T]) -> InJsonList<C> {
    InJsonList {
        column,
        json: json_array(values),
    }
}

/// Values as the JSON array SQLite's `json_each` reads, for a list bound as one text.
pub fn json_array<T: serde::Serialize>(values: &[T]) -> String {
    // A slice of strings or integers always serialises.
    serde_json::to_string(values).unwrap_or_else(|_| "[]".to_owned())
}

impl<C: Expression> Expression for InJsonList<C> {
    type SqlType = diesel::sql_types::Bool;
}

impl<C: AppearsOnTable<QS>, QS> AppearsOnTable<QS> for InJsonList<C> {}

impl<C> ValidGrouping<()> for InJsonList<C> {
    type IsAggregate = is_aggregate::Never;
}

impl<C: QueryFragment<Sqlite>> QueryFragment<Sqlite> for InJsonList<C> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Sqlite>) -> QueryResult<()> {
        self.column.walk_ast(out.reborrow())?;
        out.push_sql(" IN (SELECT value FROM json_each(");
        out.push_bind_param::<diesel::sql_types::Text, _>(&self.json)?;
        out.push_sql("))");
        Ok(())
    }
}
