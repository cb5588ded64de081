//! Near-duplicate clusters and campaign detection: `kenes cluster`, and the background
//! pass of `kenes serve`.
//!
//! Incremental: only clause identities with suggestions the pass has not seen are
//! recomputed, and only suggestions whose cluster changed are written. Work per
//! clause is linear in its suggestions (locality-sensitive hashing, see
//! [`similarity::cluster`]); memory is about 300 bytes per suggestion of the largest
//! clause.

use std::collections::HashMap;
use std::time::Instant;

use chrono::Duration;

use crate::db::{self, AnyConnection};
use crate::domain::similarity;
use crate::models::moderation::{self, ClusterMember};

/// Identical texts from this many accounts within [`CAMPAIGN_WINDOW_HOURS`] are
/// flagged as a possible campaign.
pub const CAMPAIGN_MIN_ACCOUNTS: usize = 5;
pub const CAMPAIGN_WINDOW_HOURS: i64 = 24;

#[derive(Debug, Clone, Default)]
pub struct ClusterReport {
    pub lineages: usize,
    pub suggestions: usize,
    pub changed: usize,
    pub campaign: usize,
    pub seconds: f64,
}

/// Cluster every clause with new suggestions (or every clause, when `all`).
pub fn run(conn: &mut AnyConnection, all: bool) -> diesel::QueryResult<ClusterReport> {
    let started = Instant::now();
    let mut report = ClusterReport::default();
    for lineage in moderation::lineages_to_cluster(conn, all)? {
        let members = moderation::cluster_candidates(conn, &lineage)?;
        let Some(max_id) = members.last().map(|m| m.id) else {
            continue;
        };
        let (changes, changed) = assignments(&members);
        let campaign = campaign_members(&members);
        report.lineages += 1;
        report.suggestions += members.len();
        report.changed += changed;
        report.campaign += campaign.len();
        db::write_transaction(conn, |conn| {
            moderation::store_clusters(conn, &lineage, &changes, &campaign, max_id)
        })?;
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

type Changes = Vec<(Option<i64>, i32, Vec<i64>)>;

/// The (cluster id, size, members) to write: only members whose values change.
/// A suggestion alone has no cluster id.
fn assignments(members: &[ClusterMember]) -> (Changes, usize) {
    let signatures: Vec<Vec<u32>> = members
        .iter()
        .map(|m| {
            similarity::decode(&m.signature)
                .unwrap_or_else(|| vec![u32::MAX; similarity::SIGNATURE_LEN])
        })
        .collect();
    let roots = similarity::cluster(&signatures);
    let mut sizes: HashMap<usize, i32> = HashMap::new();
    for root in &roots {
        *sizes.entry(*root).or_default() += 1;
    }
    let mut grouped: HashMap<(Option<i64>, i32), Vec<i64>> = HashMap::new();
    let mut changed = 0;
    for (member, root) in members.iter().zip(&roots) {
        let size = sizes[root];
        let cluster_id = (size > 1).then(|| members[*root].id);
        if member.cluster_id != cluster_id || member.cluster_size != size {
            grouped
                .entry((cluster_id, size))
                .or_default()
                .push(member.id);
            changed += 1;
        }
    }
    let changes = grouped
        .into_iter()
        .map(|((id, size), ids)| (id, size, ids))
        .collect();
    (changes, changed)
}

/// Members not yet flagged whose exact text came from at least
/// [`CAMPAIGN_MIN_ACCOUNTS`] accounts within a window of [`CAMPAIGN_WINDOW_HOURS`].
fn campaign_members(members: &[ClusterMember]) -> Vec<i64> {
    let mut by_text: HashMap<&str, Vec<&ClusterMember>> = HashMap::new();
    for m in members {
        if let Some(hash) = &m.text_hash {
            by_text.entry(hash.as_str()).or_default().push(m);
        }
    }
    let window = Duration::hours(CAMPAIGN_WINDOW_HOURS);
    let mut flagged = Vec::new();
    for (_, mut group) in by_text {
        if group.len() < CAMPAIGN_MIN_ACCOUNTS {
            continue;
        }
        group.sort_by_key(|m| m.created_at);
        // A sliding window over time, counting texts per account inside it.
        let mut marked = vec![false; group.len()];
        let mut in_window: HashMap<i64, usize> = HashMap::new();
        let mut start = 0;
        let mut marked_from = 0;
        for end in 0..group.len() {
            *in_window.entry(group[end].author_id).or_default() += 1;
            while group[end].created_at - group[start].created_at > window {
                let author = group[start].author_id;
                if let Some(n) = in_window.get_mut(&author) {
                    *n -= 1;
                    if *n == 0 {
                        in_window.remove(&author);
                    }
                }
                start += 1;
            }
            if in_window.len() >= CAMPAIGN_MIN_ACCOUNTS {
                for m in &mut marked[start.max(marked_from)..=end] {
                    *m = true;
                }
                marked_from = end + 1;
            }
        }
        flagged.extend(
            group
                .iter()
                .zip(marked)
                .filter(|(m, marked)| *marked && !m.campaign)
                .map(|(m, _)| m.id),
        );
    }
    flagged
}
