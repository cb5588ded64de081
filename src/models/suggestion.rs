//! Suggestions and upvotes.
//!
//! Counts change in SQL only: an upvote is a row with a (suggestion, user) primary key,
//! inserted or deleted together with `upvotes = upvotes ± 1` in one write transaction,
//! and only when the row really was inserted or deleted. The stored count is therefore
//! always the number of rows, whatever the concurrency.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::domain::{SuggestionId, UserId};

use crate::db::AnyConnection;
use crate::domain::similarity;
use crate::domain::{SuggestionInput, SuggestionKind, SuggestionStatus, TextLang, TrackingNumber};
use crate::schema::{clause_texts, clauses, consultations, suggestion_drafts, suggestions, users};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = suggestions)]
pub struct Suggestion {
    pub id: i64,
    pub tracking_number: String,
    pub consultation_id: i64,
    pub clause_id: i64,
    pub clause_lineage: String,
    pub author_id: i64,
    #[diesel(deserialize_as = String)]
    pub kind: SuggestionKind,
    pub body: String,
    pub proposed_text: Option<String>,
    #[diesel(deserialize_as = String)]
    pub status: SuggestionStatus,
    pub visible: bool,
    pub upvotes: i32,
    pub official_response: Option<String>,
    pub signature: String,
    pub idempotency_key: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub published_at: Option<NaiveDateTime>,
    pub reason_code: Option<String>,
    pub reason_text: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub duplicate_of: Option<i64>,
    pub duplicate_count: i32,
    pub cluster_id: Option<i64>,
    pub clustered: bool,
    pub text_hash: Option<String>,
    pub campaign: bool,
    pub assignee_id: Option<i64>,
    pub claimed_by: Option<i64>,
    pub claimed_until: Option<NaiveDateTime>,
    pub flag_count: i32,
    pub flagged: bool,
    pub hidden_from: Option<String>,
    /// The language it is written in.
    #[diesel(deserialize_as = String)]
    pub lang: TextLang,
}

impl Suggestion {
    pub fn status(&self) -> SuggestionStatus {
        self.status
    }

    pub fn kind(&self) -> SuggestionKind {
        self.kind
    }
}

/// What a new suggestion consists of (validated by the domain types beforehand).
pub struct NewSuggestion<'a> {
    pub consultation_id: i64,
    pub clause_id: i64,
    pub clause_lineage: &'a str,
    pub author_id: i64,
    pub kind: SuggestionKind,
    pub body: &'a str,
    pub proposed_text: Option<&'a str>,
    pub status: SuggestionStatus,
    pub idempotency_key: &'a str,
    pub lang: TextLang,
    /// For imports and seeds; `None` means now.
    pub created_at: Option<NaiveDateTime>,
}

/// Create a suggestion, or return the one this author already made with the same
/// idempotency key (a double click, or a resubmission after a timeout). The bool says
/// whether it was created now. Call inside a write transaction.
pub fn create(
    conn: &mut AnyConnection,
    new: &NewSuggestion<'_>,
) -> QueryResult<(Suggestion, bool)> {
    let existing = suggestions::table
        .filter(suggestions::author_id.eq(new.author_id))
        .filter(suggestions::idempotency_key.eq(new.idempotency_key))
        .select(Suggestion::as_select())
        .first(conn)
        .optional()?;
    if let Some(existing) = existing {
        return Ok((existing, false));
    }
    let now = super::now();
    let created_at = new.created_at.unwrap_or(now);
    let text = match new.proposed_text {
        Some(proposed) => format!("{} {proposed}", new.body),
        None => new.body.to_owned(),
    };
    let signature = similarity::encode(&similarity::signature(&text));
    let text_hash = similarity::text_hash(&text);
    let visible = new.status.is_visible();
    // 40 random bits: a collision is rare, and retried.
    let mut attempts = 0;
    loop {
        let number = TrackingNumber::generate();
        let taken = suggestions::table
            .filter(suggestions::tracking_number.eq(number.as_str()))
            .count()
            .get_result::<i64>(conn)?
            > 0;
        attempts += 1;
        if taken && attempts < 5 {
            continue;
        }
        // In a savepoint: if a concurrent request with the same idempotency key won
        // the race, its row is returned instead of an error.
        let inserted = conn.transaction(|conn| {
            diesel::insert_into(suggestions::table)
                .values((
                    suggestions::tracking_number.eq(number.as_str()),
                    suggestions::consultation_id.eq(new.consultation_id),
                    suggestions::clause_id.eq(new.clause_id),
                    suggestions::clause_lineage.eq(new.clause_lineage),
                    suggestions::author_id.eq(new.author_id),
                    suggestions::kind.eq(new.kind.as_str()),
                    suggestions::body.eq(new.body),
                    suggestions::proposed_text.eq(new.proposed_text),
                    suggestions::status.eq(new.status.as_str()),
                    suggestions::visible.eq(visible),
                    suggestions::signature.eq(&signature),
                    suggestions::text_hash.eq(&text_hash),
                    suggestions::idempotency_key.eq(new.idempotency_key),
                    suggestions::lang.eq(new.lang.as_str()),
                    suggestions::created_at.eq(created_at),
                    suggestions::updated_at.eq(now),
                    suggestions::published_at.eq(visible.then_some(created_at)),
                ))
                .returning(suggestions::id)
                .get_result::<i64>(conn)
        });
        let id = match inserted {
            Ok(id) => id,
            Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            )) => {
                let existing = suggestions::table
                    .filter(suggestions::author_id.eq(new.author_id))
                    .filter(suggestions::idempotency_key.eq(new.idempotency_key))
                    .select(Suggestion::as_select())
                    .first(conn)
                    .optional()?;
                match existing {
                    Some(existing) => return Ok((existing, false)),
                    // The tracking number collided: try another.
                    None if attempts < 5 => continue,
                    None => return Err(diesel::result::Error::RollbackTransaction),
                }
            }
            Err(other) => return Err(other),
        };
        let created = suggestions::table
            .find(id)
            .select(Suggestion::as_select())
            .first(conn)?;
        return Ok((created, true));
    }
}

/// A suggestion with what its pages show around it.
#[derive(Debug, Clone)]
pub struct SuggestionContext {
    pub suggestion: Suggestion,
    pub author_name: String,
    pub author_deleted: bool,
    pub clause_reference: String,
    pub clause_body: String,
    pub consultation_slug: String,
    pub consultation_title: String,
    /// The language of the consultation's title.
    pub consultation_language: TextLang,
    pub opens_at: Option<NaiveDateTime>,
    pub closes_at: Option<NaiveDateTime>,
}

pub fn find_by_number(
    conn: &mut AnyConnection,
    number: &TrackingNumber,
) -> QueryResult<Option<SuggestionContext>> {
    // The clause's text in the suggestion's language where the version has it, else
    // the authoritative text: an amendment's diff is against what its author read.
    let row = suggestions::table
        .inner_join(users::table)
        .inner_join(clauses::table)
        .inner_join(consultations::table.on(consultations::id.eq(suggestions::consultation_id)))
        .left_join(
            clause_texts::table.on(clause_texts::clause_id
                .eq(suggestions::clause_id)
                .and(clause_texts::lang.eq(suggestions::lang))),
        )
        .filter(suggestions::tracking_number.eq(number.as_str()))
        .select((
            Suggestion::as_select(),
            users::display_name,
            users::deleted_at.is_not_null(),
            clauses::reference,
            diesel::dsl::sql::<diesel::sql_types::Text>(
                "COALESCE(clause_texts.body, clauses.body)",
            ),
            consultations::slug,
            consultations::title,
            consultations::language,
            consultations::opens_at,
            consultations::closes_at,
        ))
        .first::<(
            Suggestion,
            String,
            bool,
            String,
            String,
            String,
            String,
            String,
            Option<NaiveDateTime>,
            Option<NaiveDateTime>,
        )>(conn)
        .optional()?;
    Ok(row.map(
        |(
            suggestion,
            author_name,
            author_deleted,
            clause_reference,
            clause_body,
            slug,
            title,
            title_lang,
            opens,
            closes,
        )| {
            SuggestionContext {
                suggestion,
                author_name,
                author_deleted,
                clause_reference,
                clause_body,
                consultation_slug: slug,
                consultation_title: title,
                consultation_language: stored_lang(&title_lang),
                opens_at: opens,
                closes_at: closes,
            }
        },
    ))
}

/// How many of a clause's suggestions a new one is compared with (see
/// [`similar_on_clause`]).
pub const SIMILARITY_CANDIDATES: i64 = 5000;

/// Up to `limit` visible suggestions on the same clause whose text is at least
/// `threshold` similar to `text`, the most similar first.
pub fn similar_on_clause(
    conn: &mut AnyConnection,
    lineage: &str,
    text: &str,
    threshold: f64,
    limit: usize,
) -> QueryResult<Vec<(Suggestion, f64)>> {
    let probe = similarity::signature(text);
    // Bounded work per submission: the most supported suggestions on the clause (the
    // ones worth offering instead), read through the (lineage, visible, upvotes) index.
    let candidates: Vec<(i64, String)> = suggestions::table
        .filter(suggestions::clause_lineage.eq(lineage))
        .filter(suggestions::visible.eq(true))
        .order((suggestions::upvotes.desc(), suggestions::id.desc()))
        .limit(SIMILARITY_CANDIDATES)
        .select((suggestions::id, suggestions::signature))
        .load(conn)?;
    let mut scored: Vec<(i64, f64)> = candidates
        .into_iter()
        .filter_map(|(id, sig)| {
            let score = similarity::similarity(&probe, &similarity::decode(&sig)?);
            (score >= threshold).then_some((id, score))
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0)));
    scored.truncate(limit);
    let ids: Vec<i64> = scored.iter().map(|(id, _)| *id).collect();
    let rows: HashMap<i64, Suggestion> = suggestions::table
        .filter(suggestions::id.eq_any(&ids))
        .select(Suggestion::as_select())
        .load::<Suggestion>(conn)?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    Ok(scored
        .into_iter()
        .filter_map(|(id, score)| rows.get(&id).cloned().map(|s| (s, score)))
        .collect())
}

/// How a clause's suggestions are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sort {
    /// Most upvoted first (the default).
    Top,
    Newest,
    /// Grouped by status, newest first within each.
    Status,
}

impl Sort {
    pub fn parse(value: &str) -> Self {
        match value {
            "newest" => Self::Newest,
            "status" => Self::Status,
            _ => Self::Top,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Top => "top",
            Self::Newest => "newest",
            Self::Status => "status",
        }
    }
}

/// Where the next page starts: the sort key of the last row shown. Keyset paging stays
/// as fast a thousand pages in as on the first.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Cursor {
    Top { upvotes: i32, id: i64 },
    Newest { id: i64 },
    Status { status: String, id: i64 },
}

impl Cursor {
    pub fn encode(&self) -> String {
        match self {
            Self::Top { upvotes, id } => format!("{upvotes}_{id}"),
            Self::Newest { id } => id.to_string(),
            Self::Status { status, id } => format!("{status}_{id}"),
        }
    }

    pub fn decode(sort: Sort, text: &str) -> Option<Self> {
        match sort {
            Sort::Top => {
                let (upvotes, id) = text.split_once('_')?;
                Some(Self::Top {
                    upvotes: upvotes.parse().ok()?,
                    id: id.parse().ok()?,
                })
            }
            Sort::Newest => Some(Self::Newest {
                id: text.parse().ok()?,
            }),
            Sort::Status => {
                let (status, id) = text.rsplit_once('_')?;
                let status: SuggestionStatus = status.parse().ok()?;
                Some(Self::Status {
                    status: status.as_str().to_owned(),
                    id: id.parse().ok()?,
                })
            }
        }
    }

    fn after(sort: Sort, last: &Suggestion) -> Self {
        match sort {
            Sort::Top => Self::Top {
                upvotes: last.upvotes,
                id: last.id,
            },
            Sort::Newest => Self::Newest { id: last.id },
            Sort::Status => Self::Status {
                status: last.status.as_str().to_owned(),
                id: last.id,
            },
        }
    }
}

/// A listed suggestion with its author's public name.
#[derive(Debug, Clone)]
pub struct Listed {
    pub suggestion: Suggestion,
    pub author_name: String,
    pub author_deleted: bool,
}

/// One page of a clause's visible suggestions, and the cursor of the next page.
pub fn list_for_clause(
    conn: &mut AnyConnection,
    lineage: &str,
    sort: Sort,
    cursor: Option<&Cursor>,
    limit: i64,
) -> QueryResult<(Vec<Listed>, Option<Cursor>)> {
    let mut query = suggestions::table
        .inner_join(users::table)
        .filter(suggestions::clause_lineage.eq(lineage))
        .filter(suggestions::visible.eq(true))
        .select((
            Suggestion::as_select(),
            users::display_name,
            users::deleted_at.is_not_null(),
        ))
        .limit(limit + 1)
        .into_boxed();
    query = match (sort, cursor) {
        (Sort::Top, Some(Cursor::Top { upvotes, id })) => query.filter(
            suggestions::upvotes.lt(*upvotes).or(suggestions::upvotes
                .eq(*upvotes)
                .and(suggestions::id.lt(*id))),
        ),
        (Sort::Newest, Some(Cursor::Newest { id })) => query.filter(suggestions::id.lt(*id)),
        (Sort::Status, Some(Cursor::Status { status, id })) => query.filter(
            suggestions::status
                .gt(status.clone())
                .or(suggestions::status
                    .eq(status.clone())
                    .and(suggestions::id.lt(*id))),
        ),
        _ => query,
    };
    query = match sort {
        Sort::Top => query.order((suggestions::upvotes.desc(), suggestions::id.desc())),
        Sort::Newest => query.order(suggestions::id.desc()),
        Sort::Status => query.order((suggestions::status.asc(), suggestions::id.desc())),
    };
    let mut rows: Vec<Listed> = query
        .load::<(Suggestion, String, bool)>(conn)?
        .into_iter()
        .map(|(suggestion, author_name, author_deleted)| Listed {
            suggestion,
            author_name,
            author_deleted,
        })
        .collect();
    let limit = usize::try_from(limit).unwrap_or(0);
    let next = if rows.len() > limit {
        rows.truncate(limit);
        rows.last()
            .map(|last| Cursor::after(sort, &last.suggestion))
    } else {
        None
    };
    Ok((rows, next))
}

/// Visible suggestions per clause identity.
pub fn counts_by_lineage(
    conn: &mut AnyConnection,
    lineages: &[String],
) -> QueryResult<HashMap<String, i64>> {
    use crate::schema::clause_counts;
    // The rows of +n / -n the triggers keep (see the migration), never the suggestions
    // themselves: a clause's count costs a few index entries, not a row per suggestion.
    // Summed here: few rows, as housekeeping folds them (and SUM of a BIGINT is NUMERIC
    // on PostgreSQL).
    let rows: Vec<(String, i64)> = clause_counts::table
        .filter(clause_counts::clause_lineage.eq_any(lineages))
        .select((clause_counts::clause_lineage, clause_counts::n))
        .load(conn)?;
    let mut counts: HashMap<String, i64> = HashMap::new();
    for (lineage, n) in rows {
        *counts.entry(lineage).or_default() += n;
    }
    Ok(counts)
}

/// Visible suggestions per article of a version.
pub fn counts_by_article(
    conn: &mut AnyConnection,
    version_id: i64,
) -> QueryResult<HashMap<i64, i64>> {
    use crate::schema::clause_counts;
    let rows: Vec<(i64, i64)> = clause_counts::table
        .inner_join(clauses::table.on(clauses::lineage.eq(clause_counts::clause_lineage)))
        .filter(clauses::version_id.eq(version_id))
        .select((clauses::article_id, clause_counts::n))
        .load(conn)?;
    let mut counts: HashMap<i64, i64> = HashMap::new();
    for (article, n) in rows {
        *counts.entry(article).or_default() += n;
    }
    Ok(counts)
}

/// A language code as the database holds it (written from a [`TextLang`], so always
/// one; Kazakh, the platform's default, should a hand-edited row hold another).
fn stored_lang(code: &str) -> TextLang {
    code.parse().unwrap_or(TextLang::Kk)
}

/// A citizen's own suggestion, with where it is.
#[derive(Debug, Clone)]
pub struct Own {
    pub suggestion: Suggestion,
    pub clause_reference: String,
    pub consultation_slug: String,
    pub consultation_title: String,
    pub consultation_language: TextLang,
}

pub fn by_author(conn: &mut AnyConnection, author_id: i64) -> QueryResult<Vec<Own>> {
    Ok(suggestions::table
        .inner_join(clauses::table)
        .inner_join(consultations::table.on(consultations::id.eq(suggestions::consultation_id)))
        .filter(suggestions::author_id.eq(author_id))
        .order(suggestions::id.desc())
        .select((
            Suggestion::as_select(),
            clauses::reference,
            consultations::slug,
            consultations::title,
            consultations::language,
        ))
        .load::<(Suggestion, String, String, String, String)>(conn)?
        .into_iter()
        .map(
            |(suggestion, clause_reference, consultation_slug, consultation_title, language)| Own {
                suggestion,
                clause_reference,
                consultation_slug,
                consultation_title,
                consultation_language: stored_lang(&language),
            },
        )
        .collect())
}

/// Edit a pending suggestion of this author; false if it is not (or no longer) pending.
pub fn update_pending(
    conn: &mut AnyConnection,
    id: SuggestionId,
    author_id: UserId,
    input: &SuggestionInput,
) -> QueryResult<bool> {
    let (kind, body, proposed_text) = (input.kind, input.body.as_str(), input.proposed_str());
    let id = id.get();
    let author_id = author_id.get();
    let text = match proposed_text {
        Some(proposed) => format!("{body} {proposed}"),
        None => body.to_owned(),
    };
    let updated = diesel::update(
        suggestions::table
            .find(id)
            .filter(suggestions::author_id.eq(author_id))
            .filter(suggestions::status.eq(SuggestionStatus::Pending.as_str())),
    )
    .set((
        suggestions::kind.eq(kind.as_str()),
        suggestions::body.eq(body),
        suggestions::proposed_text.eq(proposed_text),
        suggestions::lang.eq(input.lang.as_str()),
        suggestions::signature.eq(similarity::encode(&similarity::signature(&text))),
        suggestions::updated_at.eq(super::now()),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Withdraw a pending suggestion of this author (it is kept, as withdrawn).
pub fn withdraw(
    conn: &mut AnyConnection,
    id: SuggestionId,
    author_id: UserId,
) -> QueryResult<bool> {
    let id = id.get();
    let author_id = author_id.get();
    let updated = diesel::update(
        suggestions::table
            .find(id)
            .filter(suggestions::author_id.eq(author_id))
            .filter(suggestions::status.eq(SuggestionStatus::Pending.as_str())),
    )
    .set((
        suggestions::status.eq(SuggestionStatus::Withdrawn.as_str()),
        suggestions::visible.eq(false),
        suggestions::updated_at.eq(super::now()),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

// ---------------------------------------------------------------- drafts

/// What someone typed while signed out, kept until they sign in.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = suggestion_drafts)]
pub struct Draft {
    pub token_hash: String,
    pub clause_id: i64,
    pub kind: String,
    pub body: String,
    pub proposed_text: String,
    pub created_at: NaiveDateTime,
    /// Empty for drafts kept before languages were recorded.
    pub lang: String,
}

/// At most this many drafts of signed-out writers are kept at once (each under the
/// 64 KiB form limit, so the table stays under about 640 MiB whatever a flood sends).
pub const MAX_DRAFTS: i64 = 10_000;

/// Whether a draft was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DraftKept {
    Kept,
    /// `max` live drafts are already kept.
    Full,
}

/// Keep a signed-out writer's text for a day, unless `max` drafts are already kept.
/// Expired drafts are removed first. Run it in a write transaction.
pub fn save_draft(
    conn: &mut AnyConnection,
    token_hash: &str,
    clause_id: i64,
    input: &SuggestionInput,
    max: i64,
) -> QueryResult<DraftKept> {
    prune_drafts(conn)?;
    let live: i64 = suggestion_drafts::table.count().get_result(conn)?;
    if live >= max {
        return Ok(DraftKept::Full);
    }
    diesel::insert_into(suggestion_drafts::table)
        .values((
            suggestion_drafts::token_hash.eq(token_hash),
            suggestion_drafts::clause_id.eq(clause_id),
            suggestion_drafts::kind.eq(input.kind.as_str()),
            suggestion_drafts::body.eq(input.body.as_str()),
            suggestion_drafts::proposed_text.eq(input.proposed_str().unwrap_or("")),
            suggestion_drafts::lang.eq(input.lang.as_str()),
            suggestion_drafts::created_at.eq(super::now()),
        ))
        .execute(conn)?;
    Ok(DraftKept::Kept)
}

/// Remove drafts older than their day.
pub fn prune_drafts(conn: &mut AnyConnection) -> QueryResult<usize> {
    let cutoff = super::now() - chrono::Duration::days(1);
    diesel::delete(suggestion_drafts::table.filter(suggestion_drafts::created_at.le(cutoff)))
        .execute(conn)
}

/// Take a draft (it is deleted); drafts older than a day are gone.
pub fn take_draft(conn: &mut AnyConnection, token_hash: &str) -> QueryResult<Option<Draft>> {
    let cutoff = super::now() - chrono::Duration::days(1);
    let draft = suggestion_drafts::table
        .find(token_hash)
        .filter(suggestion_drafts::created_at.gt(cutoff))
        .select(Draft::as_select())
        .first(conn)
        .optional()?;
    diesel::delete(suggestion_drafts::table.find(token_hash)).execute(conn)?;
    Ok(draft)
}
