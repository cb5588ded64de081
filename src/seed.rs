//! Synthetic load for benchmarks and demos: `kenes seed`.
//!
//! Citizens, suggestions and votes are written with multi-row INSERTs (1,000 rows per
//! statement) inside one write transaction, the same SQL on both backends; vote
//! counts are then recomputed in SQL. The text mixes Kazakh, Russian and English
//! sentences of varied length, and popularity is skewed (a power law over
//! suggestions), so that a few suggestions get most of the votes, as in real
//! consultations. A fixed random seed makes runs repeatable.

use std::fmt::Write as _;
use std::time::Instant;

use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::db::{self, AnyConnection};
use crate::domain::similarity;
use crate::domain::{ClauseRef, Slug, TrackingNumber};
use crate::models::{consultation, document, now};
use crate::schema::{clauses, suggestions, users};

pub struct SeedRequest<'a> {
    pub consultation: &'a Slug,
    /// Put every suggestion on this clause (default: spread over all clauses, skewed).
    pub clause: Option<&'a ClauseRef>,
    pub citizens: usize,
    pub suggestions: usize,
    pub votes: usize,
    pub random_seed: u64,
}

#[derive(Debug, Clone, Default)]
pub struct SeedSummary {
    pub citizens: usize,
    pub suggestions: usize,
    /// Distinct (suggestion, citizen) pairs stored; repeated draws of a pair count once.
    pub votes: usize,
    pub seconds: f64,
}

const BATCH: usize = 1000;

const SENTENCES: [&str; 18] = [
    "Бұл бапта азаматтардың құқықтары нақтырақ көрсетілуі керек",
    "Мемлекеттік тілді дамытуға көбірек көңіл бөлу қажет",
    "Жергілікті өзін-өзі басқаруға нақты өкілеттіктер берілсін",
    "Әкімдерді халық тікелей сайлауы керек деп ойлаймын",
    "Қоғамдық тыңдаулар міндетті болуы тиіс",
    "Предлагаю уточнить формулировку этого пункта",
    "Необходимо закрепить право граждан на доступ к информации",
    "Эта норма должна применяться одинаково ко всем регионам",
    "Следует установить чёткие сроки рассмотрения обращений",
    "Прошу исключить неоднозначные слова из текста статьи",
    "The wording should be clearer for ordinary citizens",
    "This clause needs a deadline for the state to act",
    "Local councils should have a real say in this decision",
    "Please add a guarantee of judicial review here",
    "The rights listed here should apply to everyone equally",
    "Экологиялық қауіпсіздік туралы ереже қосылсын",
    "Нужно добавить ответственность должностных лиц за нарушение",
    "Independent oversight of this power would build trust",
];

const NAMES: [&str; 12] = [
    "Айгерим",
    "Нұрлан",
    "Асель",
    "Ерлан",
    "Дана",
    "Тимур",
    "Ольга",
    "Сергей",
    "Madina",
    "Arman",
    "Зарина",
    "Бекзат",
];

fn sql_text(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

fn sql_time(t: chrono::NaiveDateTime) -> String {
    format!("'{}'", t.format("%Y-%m-%d %H:%M:%S"))
}

fn sentences(rng: &mut StdRng, min: usize, max: usize) -> String {
    let n = rng.gen_range(min..=max);
    let mut text = String::new();
    for i in 0..n {
        if i > 0 {
            text.push_str(". ");
        }
        text.push_str(SENTENCES[rng.gen_range(0..SENTENCES.len())]);
    }
    text.push('.');
    text
}

/// An index in `0..n`, small indices far more likely (a power law).
fn skewed(rng: &mut StdRng, n: usize) -> usize {
    let u: f64 = rng.gen();
    ((n as f64) * u.powi(4)).floor().min((n - 1) as f64) as usize
}

pub fn seed(conn: &mut AnyConnection, request: &SeedRequest<'_>) -> anyhow::Result<SeedSummary> {
    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(request.random_seed);
    let found = consultation::find_by_slug(conn, request.consultation)?
        .ok_or_else(|| anyhow::anyhow!("no consultation {}", request.consultation))?;
    let version = document::latest_published(conn, found.id)?
        .ok_or_else(|| anyhow::anyhow!("{} has no published version", request.consultation))?;
    let mut targets: Vec<(i64, String)> = clauses::table
        .filter(clauses::version_id.eq(version.id))
        .order(clauses::id)
        .select((clauses::id, clauses::lineage))
        .load(conn)?;
    if let Some(reference) = request.clause {
        let wanted: Vec<(i64, String)> = clauses::table
            .filter(clauses::version_id.eq(version.id))
            .filter(clauses::reference.eq(reference.to_string()))
            .select((clauses::id, clauses::lineage))
            .load(conn)?;
        anyhow::ensure!(
            !wanted.is_empty(),
            "no clause {reference} in {}",
            request.consultation
        );
        targets = wanted;
    }
    anyhow::ensure!(
        !targets.is_empty(),
        "{} has no clauses",
        request.consultation
    );
    let run: u32 = rng.gen();
    let stamp = now();
    // A bulk load into B-trees far larger than SQLite's default 2 MB page cache thrashes
    // it; a large cache for this one connection keeps the load in minutes.
    if let AnyConnection::Sqlite(lite) = conn {
        diesel::connection::SimpleConnection::batch_execute(lite, "PRAGMA cache_size = -524288")?;
    }
    let mut summary = SeedSummary::default();

    db::write_transaction(conn, |conn| -> anyhow::Result<()> {
        // Citizens: imported-style accounts (no password), confirmed.
        for start in (0..request.citizens).step_by(BATCH) {
            let end = (start + BATCH).min(request.citizens);
            let mut sql = String::from(
                "INSERT INTO users (email, display_name, password_hash, region, role, email_confirmed_at, created_at, updated_at) VALUES ",
            );
            for i in start..end {
                if i > start {
                    sql.push(',');
                }
                let name = format!("{} {}", NAMES[i % NAMES.len()], i);
                let region = crate::domain::Region::ALL[i % crate::domain::Region::ALL.len()];
                let _ = write!(
                    sql,
                    "('seed-{run:08x}-{i}@seed.invalid',{},'',{},'citizen',{t},{t},{t})",
                    sql_text(&name),
                    sql_text(region),
                    t = sql_time(stamp)
                );
            }
            diesel::sql_query(sql).execute(conn)?;
        }
        let citizens: Vec<i64> = users::table
            .filter(users::email.like(format!("seed-{run:08x}-%")))
            .order(users::id)
            .select(users::id)
            .load(conn)?;
        summary.citizens = citizens.len();
        anyhow::ensure!(
            !citizens.is_empty() || request.suggestions == 0,
            "suggestions need --citizens"
        );

        // Suggestions.
        for start in (0..request.suggestions).step_by(BATCH) {
            let end = (start + BATCH).min(request.suggestions);
            let mut sql = String::from(
                "INSERT INTO suggestions (tracking_number, consultation_id, clause_id, clause_lineage, author_id, kind, body, proposed_text, status, visible, upvotes, signature, text_hash, idempotency_key, created_at, updated_at, published_at) VALUES ",
            );
            for i in start..end {
                if i > start {
                    sql.push(',');
                }
                let (clause_id, lineage) = &targets[skewed(&mut rng, targets.len())];
                let author = citizens[rng.gen_range(0..citizens.len())];
                let kind = match rng.gen_range(0..10) {
                    0..=4 => "amend",
                    5 => "delete",
                    6 => "add",
                    _ => "comment",
                };
                let body = sentences(&mut rng, 1, 6);
                let proposed = matches!(kind, "amend" | "add").then(|| sentences(&mut rng, 1, 3));
                let (status, visible) = match rng.gen_range(0..20) {
                    0..=16 => ("published", true),
                    17 | 18 => ("pending", false),
                    _ => ("rejected", false),
                };
                let created = stamp - chrono::Duration::seconds(rng.gen_range(0..60 * 24 * 3600));
                let text = match &proposed {
                    Some(p) => format!("{body} {p}"),
                    None => body.clone(),
                };
                let signature = similarity::encode(&similarity::signature(&text));
                let hash = similarity::text_hash(&text);
                let _ = write!(
                    sql,
                    "({},{},{},{},{},'{kind}',{},{},'{status}',{},0,'{signature}','{hash}','seed-{run:08x}-{i}',{t},{t},{})",
                    sql_text(TrackingNumber::generate().as_str()),
                    found.id,
                    clause_id,
                    sql_text(lineage),
                    author,
                    sql_text(&body),
                    proposed.as_deref().map_or_else(|| "NULL".to_owned(), sql_text),
                    if visible { "TRUE" } else { "FALSE" },
                    if visible { sql_time(created) } else { "NULL".to_owned() },
                    t = sql_time(created),
                );
            }
            sql.push_str(" ON CONFLICT DO NOTHING");
            summary.suggestions += diesel::sql_query(sql).execute(conn)?;
        }

        // Votes, on published suggestions, skewed towards a few popular ones.
        let mut visible: Vec<i64> = suggestions::table
            .filter(suggestions::consultation_id.eq(found.id))
            .filter(suggestions::visible.eq(true))
            .filter(suggestions::idempotency_key.like(format!("seed-{run:08x}-%")))
            .select(suggestions::id)
            .load(conn)?;
        // Shuffle so that popularity does not follow creation order.
        for i in (1..visible.len()).rev() {
            visible.swap(i, rng.gen_range(0..=i));
        }
        if !visible.is_empty() && !citizens.is_empty() {
            // Draw every pair first, then insert them sorted and without repeats: the
            // primary-key B-tree then grows by appending, instead of by random inserts
            // that outgrow any cache at ten million rows.
            let mut pairs: Vec<(i64, i64)> = (0..request.votes)
                .map(|_| {
                    let suggestion = visible[skewed(&mut rng, visible.len())];
                    let voter = citizens[rng.gen_range(0..citizens.len())];
                    (suggestion, voter)
                })
                .collect();
            pairs.sort_unstable();
            pairs.dedup();
            for chunk in pairs.chunks(BATCH) {
                let mut sql = String::from(
                    "INSERT INTO upvotes (suggestion_id, user_id, created_at) VALUES ",
                );
                for (i, (suggestion, voter)) in chunk.iter().enumerate() {
                    if i > 0 {
                        sql.push(',');
                    }
                    let _ = write!(sql, "({suggestion},{voter},{})", sql_time(stamp));
                }
                sql.push_str(" ON CONFLICT DO NOTHING");
                summary.votes += diesel::sql_query(sql).execute(conn)?;
            }
            diesel::sql_query(format!(
                "UPDATE suggestions SET upvotes = \
                 (SELECT COUNT(*) FROM upvotes WHERE upvotes.suggestion_id = suggestions.id) \
                 WHERE consultation_id = {} AND idempotency_key LIKE 'seed-{run:08x}-%'",
                found.id
            ))
            .execute(conn)?;
        }
        Ok(())
    })?;
    db::write_transaction(conn, crate::models::moderation::fold_counts)?;
    db::refresh_statistics(conn, true)?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}
