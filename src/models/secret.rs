//! Secrets generated on first start and kept in the database, so that every server
//! process against the same database shares them without configuration.

use diesel::prelude::*;

use crate::db::{self, AnyConnection};
use crate::schema::app_secrets;

/// The secret called `name`, created from `generate` if it does not exist yet.
pub fn get_or_create(
    conn: &mut AnyConnection,
    name: &str,
    generate: impl FnOnce() -> String,
) -> QueryResult<String> {
    db::write_transaction(conn, |conn| {
        let existing = app_secrets::table
            .find(name)
            .select(app_secrets::value)
            .first::<String>(conn)
            .optional()?;
        if let Some(value) = existing {
            return Ok(value);
        }
        let value = generate();
        diesel::insert_into(app_secrets::table)
            .values((app_secrets::name.eq(name), app_secrets::value.eq(&value)))
            .execute(conn)?;
        Ok(value)
    })
}
