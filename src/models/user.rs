//! Accounts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::domain::{DisplayName, Email, Region, Role};
use crate::schema::users;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub region: Option<String>,
    #[diesel(deserialize_as = String)]
    pub role: Role,
    pub email_confirmed_at: Option<NaiveDateTime>,
    pub terms_accepted_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
    pub blocked_at: Option<NaiveDateTime>,
    pub daily_summary: bool,
    pub summary_sent_on: Option<String>,
    /// The chosen language code (`kk`, `ru`, `en`); `None` until one is chosen.
    pub lang: Option<String>,
}

impl User {
    pub fn role(&self) -> Role {
        self.role
    }

    pub fn is_confirmed(&self) -> bool {
        self.email_confirmed_at.is_some()
    }

    /// Deleted and imported accounts have no password and cannot sign in.
    pub fn can_sign_in(&self) -> bool {
        self.deleted_at.is_none() && !self.password_hash.is_empty()
    }
}

#[derive(Insertable)]
#[diesel(table_name = users)]
struct NewUser<'a> {
    email: &'a str,
    display_name: &'a str,
    password_hash: &'a str,
    region: Option<&'a str>,
    role: &'a str,
    email_confirmed_at: Option<NaiveDateTime>,
    terms_accepted_at: Option<NaiveDateTime>,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    lang: Option<&'a str>,
}

/// What registration (or `kenes user create`) provides.
pub struct Registration<'a> {
    pub email: &'a Email,
    pub display_name: &'a DisplayName,
    pub password_hash: &'a str,
    pub region: Option<Region>,
    pub role: Role,
    pub confirmed: bool,
    /// The language of the page they registered on (`None` from the command line).
    pub lang: Option<&'a str>,
}

/// Remember the language a person chose.
pub fn set_lang(conn: &mut AnyConnection, id: i64, lang: &str) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::lang.eq(Some(lang)))
        .execute(conn)
        .map(|_| ())
}

/// The language to write to `user` in: their choice, else `default`.
impl User {
    pub fn lang_or(&self, default: crate::i18n::Lang) -> crate::i18n::Lang {
        self.lang
            .as_deref()
            .and_then(crate::i18n::Lang::from_code)
            .unwrap_or(default)
    }
}

pub fn find_by_email(conn: &mut AnyConnection, email: &Email) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email.as_str()))
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// Create an account; call inside a write transaction after checking the email is free.
pub fn create(conn: &mut AnyConnection, registration: &Registration<'_>) -> QueryResult<User> {
    let now = super::now();
    let id: i64 = diesel::insert_into(users::table)
        .values(NewUser {
            email: registration.email.as_str(),
            display_name: registration.display_name.as_str(),
            password_hash: registration.password_hash,
            region: registration.region.map(Region::code),
            role: registration.role.as_str(),
            email_confirmed_at: registration.confirmed.then_some(now),
            terms_accepted_at: Some(now),
            created_at: now,
            updated_at: now,
            lang: registration.lang,
        })
        .returning(users::id)
        .get_result(conn)?;
    users::table.find(id).select(User::as_select()).first(conn)
}

pub fn mark_confirmed(conn: &mut AnyConnection, id: i64) -> QueryResult<()> {
    let now = super::now();
    diesel::update(
        users::table
            .find(id)
            .filter(users::email_confirmed_at.is_null()),
    )
    .set((users::email_confirmed_at.eq(now), users::updated_at.eq(now)))
    .execute(conn)?;
    Ok(())
}

pub fn set_password_hash(conn: &mut AnyConnection, id: i64, hash: &str) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::password_hash.eq(hash),
            users::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_profile(
    conn: &mut AnyConnection,
    id: i64,
    display_name: &DisplayName,
    region: Option<Region>,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::display_name.eq(display_name.as_str()),
            users::region.eq(region.map(Region::code)),
            users::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn set_role(conn: &mut AnyConnection, id: i64, role: Role) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set((
            users::role.eq(role.as_str()),
            users::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Erase personal data, keep the row (so suggestions stay, by "a deleted account").
pub fn erase(conn: &mut AnyConnection, id: i64) -> QueryResult<()> {
    let now = super::now();
    diesel::update(users::table.find(id))
        .set((
            users::email.eq(format!("deleted-{id}@invalid")),
            users::display_name.eq(""),
            users::password_hash.eq(""),
            users::region.eq(None::<String>),
            users::role.eq(Role::Citizen.as_str()),
            users::deleted_at.eq(Some(now)),
            users::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// Accounts whose email or name contains `query` (case-insensitive), newest first.
pub fn search(conn: &mut AnyConnection, query: &str, limit: i64) -> QueryResult<Vec<User>> {
    let pattern = format!(
        "%{}%",
        query
            .trim()
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    users::table
        .filter(users::deleted_at.is_null())
        .filter(
            users::email
                .like(pattern.clone())
                .escape('\\')
                .or(users::display_name.like(pattern).escape('\\')),
        )
        .order(users::id.desc())
        .limit(limit)
        .select(User::as_select())
        .load(conn)
}
