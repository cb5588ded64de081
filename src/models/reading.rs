//! What the public reading pages need, each page's data loaded by one function.
//!
//! Visibility rules live here: a consultation in `draft` status is not public, and
//! only published versions are shown. Asking for a version other than the latest
//! shows that version, flagged as not current.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use diesel::QueryResult;

use super::consultation::{self, Consultation};
use super::document::{
    self, ArticleRow, ArticleSummary, ArticleView, ChapterRow, ClauseRow, DocumentVersion,
};
use super::suggestion;
use super::translation::{self, ArticleText, ChapterText, ClauseText};
use crate::db::AnyConnection;
use crate::domain::{ArticleNumber, ClauseRef, Slug, SuggestionId, TextLang, UserId};

/// The text languages a page asks for: the one to read, and one to read beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextChoice {
    pub text: TextLang,
    pub compare: Option<TextLang>,
}

/// What a reading page asks for: a version other than the current one, and the text
/// languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requested {
    pub version: Option<i32>,
    pub text: TextChoice,
}

/// A version's languages and, for the languages a page asked for, the texts of what
/// it shows: loaded in one query per kind (clauses, article, chapter).
#[derive(Debug, Clone, Default)]
pub struct PageTexts {
    /// The version's languages in import order, the authoritative one included.
    pub languages: Vec<TextLang>,
    pub clauses: HashMap<(i64, TextLang), ClauseText>,
    pub article: HashMap<TextLang, ArticleText>,
    pub chapter: HashMap<TextLang, ChapterText>,
}

impl PageTexts {
    /// The texts `choice` asks for (or every language), the version's `languages`
    /// already known.
    #[allow(clippy::too_many_arguments)]
    fn load(
        conn: &mut AnyConnection,
        version: &DocumentVersion,
        languages: Vec<TextLang>,
        choice: TextChoice,
        article: &ArticleRow,
        chapter: Option<&ChapterRow>,
        clause_ids: &[i64],
        every_language: bool,
    ) -> QueryResult<Self> {
        // Only the other languages the version has: the authoritative text is in the
        // rows already loaded.
        // A clause page wants every language: its suggestions are each compared with
        // the text in their own.
        let asked: Vec<TextLang> = if every_language {
            languages.clone()
        } else {
            [Some(choice.text), choice.compare]
                .into_iter()
                .flatten()
                .collect()
        };
        let wanted: Vec<TextLang> = asked
            .into_iter()
            .filter(|l| *l != version.language && languages.contains(l))
            .collect();
        if wanted.is_empty() {
            return Ok(Self {
                languages,
                ..Self::default()
            });
        }
        let clauses = translation::clause_texts(conn, clause_ids, &wanted)?;
        let (article, chapter) = translation::heading_texts(conn, article, chapter, &wanted)?;
        Ok(Self {
            languages,
            clauses,
            article,
            chapter,
        })
    }
}

pub struct Contents {
    pub consultation: Consultation,
    /// The version shown, and whether it is the current one.
    pub version: Option<(DocumentVersion, bool)>,
    pub chapters: Vec<ChapterRow>,
    pub articles: Vec<ArticleSummary>,
    /// Visible suggestions per article id.
    pub suggestion_counts: HashMap<i64, i64>,
}

pub struct ArticleData {
    pub consultation: Consultation,
    pub version: DocumentVersion,
    pub is_current: bool,
    /// Shared with every other request for the same article of the same version.
    pub view: Arc<ArticleView>,
    /// Visible suggestions per clause identity.
    pub suggestion_counts: HashMap<String, i64>,
    pub texts: Arc<PageTexts>,
}

pub struct ClauseData {
    pub consultation: Consultation,
    pub version: DocumentVersion,
    pub is_current: bool,
    pub article: ArticleRow,
    pub clause: ClauseRow,
    pub texts: PageTexts,
}

/// A clause page: the clause and one page of its suggestions, as every reader sees it
/// (what the reader supports is [`upvoted`]).
pub struct ClauseWithSuggestions {
    pub clause: ClauseData,
    pub suggestions: Vec<suggestion::Listed>,
    pub next: Option<suggestion::Cursor>,
    pub total: i64,
}

/// A public consultation (not in `draft` status) and its latest published version.
fn public_consultation(
    conn: &mut AnyConnection,
    slug: &Slug,
) -> QueryResult<Option<(Consultation, Option<DocumentVersion>)>> {
    Ok(consultation::find_with_latest(conn, slug)?.filter(|(c, _)| c.status().is_public()))
}

/// The languages of a version, in import order, the authoritative one included.
fn version_languages(conn: &mut AnyConnection, version_id: i64) -> QueryResult<Vec<TextLang>> {
    Ok(translation::languages(conn, version_id)?
        .into_iter()
        .map(|l| l.lang)
        .collect())
}

/// An article of a published version, as every reader of it sees it.
type PublishedArticle = (Arc<ArticleView>, Arc<PageTexts>);

/// What identifies a published article's text: its version, the languages the version
/// has and which is authoritative (a language added to a published version later, which
/// may become the authoritative one, is a new key), the article and the languages asked
/// for.
#[derive(PartialEq, Eq, Hash)]
pub struct PublishedKey {
    version_id: i64,
    /// The authoritative language: the one in the version's own rows.
    authoritative: TextLang,
    languages: Vec<TextLang>,
    number: String,
    choice: TextChoice,
}

/// Beyond this many articles the cache starts again (a consultation has hundreds; the
/// key space is bounded by the database, so this only caps memory).
const PUBLISHED_ARTICLES_MAX: usize = 4_096;

/// Articles of published versions, shared by every request of this process (one per
/// server, in its state). A published version's outline and text never change (only a
/// whole language can be added, which changes the key), so an entry is never stale,
/// whichever process wrote to the database. It spares an article page six of its ten
/// queries.
#[derive(Default)]
pub struct PublishedArticles(Mutex<HashMap<PublishedKey, PublishedArticle>>);

impl PublishedArticles {
    fn get(&self, key: &PublishedKey) -> Option<PublishedArticle> {
        let cache = self.0.lock().ok()?;
        cache
            .get(key)
            .map(|(view, texts)| (Arc::clone(view), Arc::clone(texts)))
    }

    fn insert(&self, key: PublishedKey, article: &PublishedArticle) {
        if let Ok(mut cache) = self.0.lock() {
            if cache.len() >= PUBLISHED_ARTICLES_MAX {
                cache.clear();
            }
            cache.insert(key, (Arc::clone(&article.0), Arc::clone(&article.1)));
        }
    }
}

/// The article `number` of the published `version` and its texts for `choice`: from
/// `published`, else loaded and kept there.
fn published_article(
    conn: &mut AnyConnection,
    published: &PublishedArticles,
    version: &DocumentVersion,
    number: &ArticleNumber,
    choice: TextChoice,
) -> QueryResult<Option<PublishedArticle>> {
    let key = PublishedKey {
        version_id: version.id,
        authoritative: version.language,
        languages: version_languages(conn, version.id)?,
        number: number.as_str().to_owned(),
        choice,
    };
    if let Some(found) = published.get(&key) {
        return Ok(Some(found));
    }
    let Some(view) = document::article_in_version(conn, version.id, number.as_str())? else {
        return Ok(None);
    };
    let clause_ids: Vec<i64> = view.clauses.iter().map(|c| c.id).collect();
    let texts = PageTexts::load(
        conn,
        version,
        key.languages.clone(),
        choice,
        &view.article,
        view.chapter.as_ref(),
        &clause_ids,
        false,
    )?;
    let found = (Arc::new(view), Arc::new(texts));
    // Only a published version's text is fixed (resolve_version finds no other).
    if version.published_at.is_some() {
        published.insert(key, &found);
    }
    Ok(Some(found))
}

/// The version to show: the requested one, else the `latest` published; with whether
/// it is the latest.
fn resolve_version(
    conn: &mut AnyConnection,
    consultation_id: i64,
    latest: Option<DocumentVersion>,
    requested: Option<i32>,
) -> QueryResult<Option<(DocumentVersion, bool)>> {
    let Some(latest) = latest else {
        return Ok(None);
    };
    match requested {
        Some(n) if n != latest.number => {
            Ok(document::published_version(conn, consultation_id, n)?.map(|v| (v, false)))
        }
        _ => Ok(Some((latest, true))),
    }
}

pub fn public_consultations(conn: &mut AnyConnection) -> QueryResult<Vec<Consultation>> {
    consultation::list_public(conn)
}

/// `None` when the consultation is not public, or a requested version does not exist.
pub fn contents(
    conn: &mut AnyConnection,
    slug: &Slug,
    requested: Option<i32>,
) -> QueryResult<Option<Contents>> {
    let Some((consultation, latest)) = public_consultation(conn, slug)? else {
        return Ok(None);
    };
    let version = resolve_version(conn, consultation.id, latest, requested)?;
    if requested.is_some() && version.is_none() {
        return Ok(None);
    }
    let (chapters, articles) = match &version {
        Some((v, _)) => document::table_of_contents(conn, v.id)?,
        None => (Vec::new(), Vec::new()),
    };
    let suggestion_counts = match &version {
        Some((v, _)) => suggestion::counts_by_article(conn, v.id)?,
        None => HashMap::new(),
    };
    Ok(Some(Contents {
        consultation,
        version,
        chapters,
        articles,
        suggestion_counts,
    }))
}

pub fn article(
    conn: &mut AnyConnection,
    published: &PublishedArticles,
    slug: &Slug,
    number: &ArticleNumber,
    requested: Option<i32>,
    choice: TextChoice,
) -> QueryResult<Option<ArticleData>> {
    let Some((consultation, latest)) = public_consultation(conn, slug)? else {
        return Ok(None);
    };
    let Some((version, is_current)) = resolve_version(conn, consultation.id, latest, requested)?
    else {
        return Ok(None);
    };
    let Some((view, texts)) = published_article(conn, published, &version, number, choice)? else {
        return Ok(None);
    };
    let lineages: Vec<String> = view.clauses.iter().map(|c| c.lineage.clone()).collect();
    let suggestion_counts = suggestion::counts_by_lineage(conn, &lineages)?;
    Ok(Some(ArticleData {
        consultation,
        version,
        is_current,
        view,
        suggestion_counts,
        texts,
    }))
}

/// A clause by its reference: in the requested version, else in the newest published
/// version that has it (a permalink outlives the clause's removal from the draft); its
/// texts not loaded yet, and its version's languages beside it.
fn find_clause(
    conn: &mut AnyConnection,
    slug: &Slug,
    reference: &ClauseRef,
    requested: Option<i32>,
) -> QueryResult<Option<(ClauseData, Vec<TextLang>)>> {
    let Some((consultation, Some(latest))) = public_consultation(conn, slug)? else {
        return Ok(None);
    };
    let found = document::find_clause(conn, consultation.id, &reference.to_string(), requested)?;
    let Some((version, article, clause)) = found else {
        return Ok(None);
    };
    let languages = version_languages(conn, version.id)?;
    Ok(Some((
        ClauseData {
            is_current: version.number == latest.number,
            consultation,
            version,
            article,
            clause,
            texts: PageTexts::default(),
        },
        languages,
    )))
}

/// A clause by its reference (as [`find_clause`] finds it), with its text in the
/// version's other languages: the suggestion form shows it in the page's.
pub fn clause(
    conn: &mut AnyConnection,
    slug: &Slug,
    reference: &ClauseRef,
    requested: Option<i32>,
) -> QueryResult<Option<ClauseData>> {
    let Some((mut found, languages)) = find_clause(conn, slug, reference, requested)? else {
        return Ok(None);
    };
    let others: Vec<TextLang> = languages
        .iter()
        .copied()
        .filter(|l| *l != found.version.language)
        .collect();
    // One query, and none for a draft in one language.
    found.texts = PageTexts {
        clauses: translation::clause_texts(conn, &[found.clause.id], &others)?,
        languages,
        ..PageTexts::default()
    };
    Ok(Some(found))
}

/// The clause page's data: the clause (as [`find_clause`] finds it) with its texts and
/// article heading in every language, and one page of its visible suggestions in the
/// given order.
pub fn clause_with_suggestions(
    conn: &mut AnyConnection,
    slug: &Slug,
    reference: &ClauseRef,
    requested: Requested,
    sort: suggestion::Sort,
    cursor: Option<&suggestion::Cursor>,
) -> QueryResult<Option<ClauseWithSuggestions>> {
    let Some((mut found, languages)) = find_clause(conn, slug, reference, requested.version)?
    else {
        return Ok(None);
    };
    found.texts = PageTexts::load(
        conn,
        &found.version,
        languages,
        requested.text,
        &found.article,
        None,
        &[found.clause.id],
        true,
    )?;
    let (suggestions, next) =
        suggestion::list_for_clause(conn, &found.clause.lineage, sort, cursor, PAGE_SIZE)?;
    let total = suggestion::counts_by_lineage(conn, std::slice::from_ref(&found.clause.lineage))?
        .values()
        .sum();
    Ok(Some(ClauseWithSuggestions {
        clause: found,
        suggestions,
        next,
        total,
    }))
}

/// Which of the suggestions `ids` the citizen `user_id` supports.
pub fn upvoted(conn: &mut AnyConnection, user_id: i64, ids: &[i64]) -> QueryResult<HashSet<i64>> {
    let ids: Vec<SuggestionId> = ids.iter().copied().map(SuggestionId).collect();
    super::upvote::upvoted_by(conn, UserId(user_id), &ids)
}

/// Suggestions per page on a clause page.
pub const PAGE_SIZE: i64 = 20;
