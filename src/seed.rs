//! Synthetic load for benchmarks and demos: `kenes seed`.
//!
//! Citizens, suggestions and votes are written through [`crate::models::bulk`], 1,000
//! rows per statement with every value bound, inside one write transaction; votes are
//! drawn before the suggestions are written, so each is written once with its count.
//! The text mixes Kazakh, Russian and English sentences of varied length, and
//! popularity is skewed (a power law over suggestions), so that a few suggestions get
//! most of the votes, as in real consultations. A fixed random seed makes runs repeatable.

use std::time::Instant;

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::db::{self, AnyConnection};
use crate::domain::similarity;
use crate::domain::{ClauseRef, Slug, TrackingNumber};
use crate::models::bulk::{self, NewCitizen, NewSuggestion};
use crate::models::{consultation, document, now};

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
    let targets = bulk::clauses_of(conn, version.id, request.clause)?;
    if let Some(reference) = request.clause {
        anyhow::ensure!(
            !targets.is_empty(),
            "no clause {reference} in {}",
            request.consultation
        );
    }
    anyhow::ensure!(
        !targets.is_empty(),
        "{} has no clauses",
        request.consultation
    );
    let run: u32 = rng.gen();
    let prefix = format!("seed-{run:08x}-");
    let stamp = now();
    bulk::prepare_connection(conn)?;
    let mut summary = SeedSummary::default();

    db::write_transaction(conn, |conn| -> anyhow::Result<()> {
        // Citizens: imported-style accounts (no password), confirmed.
        for start in (0..request.citizens).step_by(BATCH) {
            let end = (start + BATCH).min(request.citizens);
            let rows: Vec<NewCitizen> = (start..end)
                .map(|i| NewCitizen {
                    email: format!("{prefix}{i}@seed.invalid"),
                    display_name: format!("{} {}", NAMES[i % NAMES.len()], i),
                    region: crate::domain::Region::ALL[i % crate::domain::Region::ALL.len()]
                        .to_owned(),
                })
                .collect();
            bulk::insert_citizens(conn, &rows, stamp)?;
        }
        let citizens = bulk::citizens_by_email_prefix(conn, &prefix)?;
        summary.citizens = citizens.len();
        anyhow::ensure!(
            !citizens.is_empty() || request.suggestions == 0,
            "suggestions need --citizens"
        );

        // Each suggestion's status first, then the votes on the published ones, so
        // that every row is written once with its final count: a recount after the
        // load rewrote every suggestion, on PostgreSQL a second version of a million
        // rows and of their entries in twenty indexes.
        let statuses: Vec<(&'static str, bool)> = (0..request.suggestions)
            .map(|_| match rng.gen_range(0..20) {
                0..=16 => ("published", true),
                17 | 18 => ("pending", false),
                _ => ("rejected", false),
            })
            .collect();
        let mut visible: Vec<usize> = (0..request.suggestions)
            .filter(|&i| statuses[i].1)
            .collect();
        // Shuffle so that popularity does not follow creation order.
        for i in (1..visible.len()).rev() {
            visible.swap(i, rng.gen_range(0..=i));
        }
        // (position of the suggestion in this load, citizen), each pair once.
        let mut votes: Vec<(usize, i64)> = Vec::new();
        if !visible.is_empty() && !citizens.is_empty() {
            votes = (0..request.votes)
                .map(|_| {
                    let suggestion = visible[skewed(&mut rng, visible.len())];
                    let voter = citizens[rng.gen_range(0..citizens.len())];
                    (suggestion, voter)
                })
                .collect();
            votes.sort_unstable();
            votes.dedup();
        }
        let mut counts = vec![0i32; request.suggestions];
        for (position, _) in &votes {
            counts[*position] += 1;
        }

        // Suggestions.
        for start in (0..request.suggestions).step_by(BATCH) {
            let end = (start + BATCH).min(request.suggestions);
            let mut rows = Vec::with_capacity(end - start);
            for i in start..end {
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
                let (status, visible) = statuses[i];
                let created = stamp - chrono::Duration::seconds(rng.gen_range(0..60 * 24 * 3600));
                let text = match &proposed {
                    Some(p) => format!("{body} {p}"),
                    None => body.clone(),
                };
                rows.push(NewSuggestion {
                    tracking_number: TrackingNumber::generate().as_str().to_owned(),
                    clause_id: *clause_id,
                    clause_lineage: lineage.clone(),
                    author_id: author,
                    kind,
                    signature: similarity::encode(&similarity::signature(&text)),
                    text_hash: similarity::text_hash(&text),
                    body,
                    proposed_text: proposed,
                    status,
                    visible,
                    upvotes: counts[i],
                    idempotency_key: format!("{prefix}{i}"),
                    created_at: created,
                    published_at: visible.then_some(created),
                });
            }
            summary.suggestions += bulk::insert_suggestions(conn, found.id, &rows)?;
        }

        // Votes, by the ids the rows were given (a row skipped for a taken tracking
        // number takes its votes with it), sorted so that the primary-key B-tree grows
        // by appending instead of by random inserts that outgrow any cache at ten
        // million rows.
        let mut ids = vec![None; request.suggestions];
        for (id, key) in bulk::ids_by_key_prefix(conn, found.id, &prefix)? {
            if let Some(slot) = key
                .strip_prefix(&prefix)
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| ids.get_mut(n))
            {
                *slot = Some(id);
            }
        }
        let mut pairs: Vec<(i64, i64)> = votes
            .iter()
            .filter_map(|&(position, voter)| ids[position].map(|id| (id, voter)))
            .collect();
        drop(votes);
        pairs.sort_unstable();
        for chunk in pairs.chunks(BATCH) {
            summary.votes += bulk::insert_upvotes(conn, chunk, stamp)?;
        }
        Ok(())
    })?;
    db::write_transaction(conn, crate::models::moderation::fold_counts)?;
    db::refresh_statistics(conn, true)?;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}
