//! Background work of a server process besides mail: clustering new suggestions and
//! the moderators' daily backlog summary. One thread per process; with several
//! processes on one PostgreSQL each task runs in one of them at a time: a pass takes
//! the task's advisory lock and a process that finds it taken skips its turn (see
//! `db::advisory`). Two clustering passes at once did the same work twice and wrote
//! the same rows in different orders; two summary passes could both queue a day's
//! mail before either marked it sent.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::db::advisory::Task;
use crate::db::{self, DbPool};
use crate::i18n::Lang;
use crate::mail::messages;
use crate::mail::worker::WorkerHandle;
use crate::models::{moderation, outbox};

/// Start the thread; it stops when `stopper` (the mail worker's handle) is stopped.
pub fn spawn(
    pool: DbPool,
    cluster_every: Option<Duration>,
    public_url: String,
    default_lang: Lang,
    stopper: &WorkerHandle,
) -> std::io::Result<()> {
    let stop: Arc<AtomicBool> = stopper.stopped();
    std::thread::Builder::new()
        .name("kenes-housekeeping".into())
        .spawn(move || {
            let mut last_cluster: Option<Instant> = None;
            // A pass on a large queue takes seconds; waiting ten times as long as the
            // last one took keeps clustering to a tenth of one core at most.
            let mut cluster_wait = cluster_every.unwrap_or_default();
            let mut last_summary: Option<Instant> = None;
            while !stop.load(Ordering::Relaxed) {
                if let Some(every) = cluster_every {
                    if last_cluster.is_none_or(|t| t.elapsed() >= cluster_wait) {
                        let started = Instant::now();
                        last_cluster = Some(started);
                        if let Err(error) = cluster(&pool) {
                            let text = format!("{error:#}");
                            if let Some(repeated) = crate::telemetry::limited("clustering", &text) {
                                tracing::warn!(error = %text, repeated, "clustering pass failed");
                            }
                        }
                        cluster_wait = every.max(started.elapsed() * 10);
                    }
                }
                if last_summary.is_none_or(|t| t.elapsed() >= Duration::from_secs(600)) {
                    last_summary = Some(Instant::now());
                    let pass = db::advisory::exclusively(&pool, Task::Housekeeping, |conn| {
                        // Keep SQLite's planner statistics fresh as the queue grows, and
                        // the queue's count rows few.
                        let _ = db::refresh_statistics(conn, false);
                        let _ = db::write_transaction(conn, moderation::fold_counts);
                        let _ = crate::models::suggestion::prune_drafts(conn);
                        send_daily_summaries_on(conn, &public_url, default_lang)
                    });
                    match pass {
                        Ok(Some(Ok(_)) | None) => {}
                        Ok(Some(Err(error))) | Err(error) => {
                            let text = format!("{error:#}");
                            if let Some(repeated) = crate::telemetry::limited("housekeeping", &text) {
                                tracing::warn!(error = %text, repeated, "housekeeping pass failed; daily summaries not queued");
                            }
                        }
                    }
                }
                std::thread::sleep(Duration::from_millis(500));
            }
        })?;
    Ok(())
}

/// One clustering pass, unless another process is running one.
fn cluster(pool: &DbPool) -> anyhow::Result<()> {
    let Some(report) = db::advisory::exclusively(pool, Task::Clustering, |conn| {
        crate::clustering::run(conn, false)
    })?
    else {
        return Ok(());
    };
    let report = report?;
    if report.lineages > 0 {
        tracing::info!(
            lineages = report.lineages,
            changed = report.changed,
            campaign = report.campaign,
            seconds = report.seconds,
            "clustered new suggestions"
        );
    }
    Ok(())
}

/// Queue today's backlog summary for each moderator who asked for it and has not
/// had it yet today (UTC).
/// Each moderator's summary is written in their chosen language, else `default_lang`.
pub fn send_daily_summaries(
    pool: &DbPool,
    public_url: &str,
    default_lang: Lang,
) -> anyhow::Result<usize> {
    let mut conn = pool.get()?;
    send_daily_summaries_on(&mut conn, public_url, default_lang)
}

fn send_daily_summaries_on(
    conn: &mut crate::db::AnyConnection,
    public_url: &str,
    default_lang: Lang,
) -> anyhow::Result<usize> {
    let today = crate::models::now().date().to_string();
    let recipients = moderation::summary_recipients(conn, &today)?;
    if recipients.is_empty() {
        return Ok(0);
    }
    let backlog = moderation::backlog(conn)?;
    let oldest = moderation::oldest_pending(conn)?;
    let lines: Vec<(String, i64)> = backlog.into_iter().collect();
    for (id, email, name, lang) in &recipients {
        let lang = lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or(default_lang);
        let mail = messages::daily_summary(
            lang,
            email,
            name,
            &lines,
            oldest,
            format!(
                "{public_url}{}",
                crate::urls::in_lang(lang, "/moderation/dashboard")
            ),
        );
        db::write_transaction(conn, |conn| {
            outbox::enqueue(conn, &mail)?;
            moderation::mark_summary_sent(conn, *id, &today)
        })?;
    }
    Ok(recipients.len())
}
