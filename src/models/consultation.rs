//! Consultations.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::document::DocumentVersion;
use crate::db::AnyConnection;
use crate::domain::{ConsultationStatus, ModerationMode, Slug, TextLang};
use crate::schema::{consultations, document_versions};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = consultations)]
pub struct Consultation {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub summary: String,
    #[diesel(deserialize_as = String)]
    pub status: ConsultationStatus,
    pub opens_at: Option<NaiveDateTime>,
    pub closes_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    #[diesel(deserialize_as = String)]
    pub moderation_mode: ModerationMode,
    /// The language of the title and summary.
    #[diesel(deserialize_as = String)]
    pub language: TextLang,
}

impl Consultation {
    pub fn status(&self) -> ConsultationStatus {
        self.status
    }

    pub fn moderation_mode(&self) -> ModerationMode {
        self.moderation_mode
    }
}

#[derive(Debug, Insertable)]
#[diesel(table_name = consultations)]
struct NewConsultation<'a> {
    slug: &'a str,
    title: &'a str,
    summary: &'a str,
    status: &'a str,
    language: &'a str,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// Every consultation, for the admin area, newest first.
pub fn list_all(conn: &mut AnyConnection) -> QueryResult<Vec<Consultation>> {
    consultations::table
        .order(consultations::id.desc())
        .select(Consultation::as_select())
        .load(conn)
}

/// The editable fields of a consultation.
#[derive(Debug, Clone)]
pub struct ConsultationFields {
    pub title: String,
    pub summary: String,
    /// The language the title and summary are written in.
    pub language: TextLang,
    pub status: ConsultationStatus,
    pub moderation_mode: ModerationMode,
    pub opens_at: Option<NaiveDateTime>,
    pub closes_at: Option<NaiveDateTime>,
}

/// Create a consultation; `Ok(None)` if the slug is taken. Call in a write transaction.
pub fn create(
    conn: &mut AnyConnection,
    slug: &Slug,
    fields: &ConsultationFields,
) -> QueryResult<Option<Consultation>> {
    if find_by_slug(conn, slug)?.is_some() {
        return Ok(None);
    }
    let now = super::now();
    diesel::insert_into(consultations::table)
        .values((
            consultations::slug.eq(slug.as_str()),
            consultations::title.eq(&fields.title),
            consultations::summary.eq(&fields.summary),
            consultations::language.eq(fields.language.as_str()),
            consultations::status.eq(fields.status.as_str()),
            consultations::moderation_mode.eq(fields.moderation_mode.as_str()),
            consultations::opens_at.eq(fields.opens_at),
            consultations::closes_at.eq(fields.closes_at),
            consultations::created_at.eq(now),
            consultations::updated_at.eq(now),
        ))
        .execute(conn)?;
    find_by_slug(conn, slug)
}

pub fn update(conn: &mut AnyConnection, id: i64, fields: &ConsultationFields) -> QueryResult<()> {
    diesel::update(consultations::table.find(id))
        .set((
            consultations::title.eq(&fields.title),
            consultations::summary.eq(&fields.summary),
            consultations::language.eq(fields.language.as_str()),
            consultations::status.eq(fields.status.as_str()),
            consultations::moderation_mode.eq(fields.moderation_mode.as_str()),
            consultations::opens_at.eq(fields.opens_at),
            consultations::closes_at.eq(fields.closes_at),
            consultations::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Consultations the public may see, the most recently opened first.
pub fn list_public(conn: &mut AnyConnection) -> QueryResult<Vec<Consultation>> {
    consultations::table
        .filter(consultations::status.ne(ConsultationStatus::Draft.as_str()))
        .order((consultations::opens_at.desc(), consultations::id.desc()))
        .select(Consultation::as_select())
        .load(conn)
}

pub fn find_by_slug(conn: &mut AnyConnection, slug: &Slug) -> QueryResult<Option<Consultation>> {
    consultations::table
        .filter(consultations::slug.eq(slug.as_str()))
        .select(Consultation::as_select())
        .first(conn)
        .optional()
}

/// A consultation by slug with its latest published version, in one statement (every
/// reading page needs both).
pub fn find_with_latest(
    conn: &mut AnyConnection,
    slug: &Slug,
) -> QueryResult<Option<(Consultation, Option<DocumentVersion>)>> {
    consultations::table
        .left_join(
            document_versions::table.on(document_versions::consultation_id
                .eq(consultations::id)
                .and(document_versions::published_at.is_not_null())),
        )
        .filter(consultations::slug.eq(slug.as_str()))
        .order(document_versions::number.desc())
        .select((
            Consultation::as_select(),
            Option::<DocumentVersion>::as_select(),
        ))
        .first(conn)
        .optional()
}

/// Find a consultation or create it as a draft, its title and summary in `language`.
/// Call inside a write transaction.
pub fn find_or_create(
    conn: &mut AnyConnection,
    slug: &Slug,
    title: &str,
    summary: &str,
    language: TextLang,
) -> QueryResult<Consultation> {
    if let Some(existing) = find_by_slug(conn, slug)? {
        return Ok(existing);
    }
    let now = super::now();
    diesel::insert_into(consultations::table)
        .values(NewConsultation {
            slug: slug.as_str(),
            title,
            summary,
            status: ConsultationStatus::Draft.as_str(),
            language: language.as_str(),
            created_at: now,
            updated_at: now,
        })
        .execute(conn)?;
    consultations::table
        .filter(consultations::slug.eq(slug.as_str()))
        .select(Consultation::as_select())
        .first(conn)
}

/// Change the status, and the opening and closing times when given.
pub fn set_status(
    conn: &mut AnyConnection,
    id: i64,
    status: ConsultationStatus,
    opens_at: Option<NaiveDateTime>,
    closes_at: Option<NaiveDateTime>,
) -> QueryResult<()> {
    diesel::update(consultations::table.find(id))
        .set((
            consultations::status.eq(status.as_str()),
            consultations::updated_at.eq(super::now()),
        ))
        .execute(conn)?;
    if opens_at.is_some() || closes_at.is_some() {
        diesel::update(consultations::table.find(id))
            .set((
                consultations::opens_at.eq(opens_at),
                consultations::closes_at.eq(closes_at),
            ))
            .execute(conn)?;
    }
    Ok(())
}
