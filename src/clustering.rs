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
use crate::models::moderation::{self, ClusterChanges, ClusterMember};

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
        let stored = moderation::clusters_of(conn, &lineage)?;
        let mut changes = assignments(&members, &stored);
        changes.campaign = campaign_members(&members);
        report.lineages += 1;
        report.suggestions += members.len();
        report.changed += changes
            .members
            .iter()
            .map(|(_, ids)| ids.len())
            .sum::<usize>();
        report.campaign += changes.campaign.len();
        db::write_transaction(conn, |conn| {
            // Rows in id order first, as every writer of several suggestions does
            // (`models::upvote`): the votes of other processes go on meanwhile.
            crate::models::upvote::lock_for_clustering(conn, &lineage, &changes, max_id)?;
            moderation::store_clusters(conn, &lineage, &changes, max_id)
        })?;
    }
    report.seconds = started.elapsed().as_secs_f64();
    Ok(report)
}

/// What to write for a lineage, given its members and its clusters as stored: members
/// whose cluster changed, and clusters created, resized or gone. A suggestion alone
/// has no cluster. A cluster's id is its first member's, so it stays the same as new
/// suggestions join it: a pass writes the newcomers and one size, whatever the
/// cluster's size.
fn assignments(members: &[ClusterMember], stored: &HashMap<i64, i32>) -> ClusterChanges {
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
    let mut grouped: HashMap<Option<i64>, Vec<i64>> = HashMap::new();
    for (member, root) in members.iter().zip(&roots) {
        let cluster_id = (sizes[root] > 1).then(|| members[*root].id);
        if member.cluster_id != cluster_id {
            grouped.entry(cluster_id).or_default().push(member.id);
        }
    }
    let now: HashMap<i64, i32> = sizes
        .iter()
        .filter(|(_, size)| **size > 1)
        .map(|(root, size)| (members[*root].id, *size))
        .collect();
    let mut changes = ClusterChanges {
        members: grouped.into_iter().collect(),
        sizes: now
            .iter()
            .filter(|(id, size)| stored.get(id) != Some(size))
            .map(|(id, size)| (*id, *size))
            .collect(),
        gone: stored
            .keys()
            .filter(|id| !now.contains_key(id))
            .copied()
            .collect(),
        campaign: Vec::new(),
    };
    // Stable order: the same pass writes the same statements.
    changes.members.sort_by_key(|(id, _)| *id);
    changes.sizes.sort_unstable();
    changes.gone.sort_unstable();
    changes
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn member(id: i64, text: &str, cluster_id: Option<i64>) -> ClusterMember {
        ClusterMember {
            id,
            signature: similarity::encode(&similarity::signature(text)),
            text_hash: Some(similarity::text_hash(text)),
            author_id: id,
            created_at: NaiveDate::from_ymd_opt(2026, 1, 1)
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .unwrap_or_default(),
            cluster_id,
            campaign: false,
        }
    }

    const LETTER: &str = "Право на мирные собрания должно быть гарантировано каждому гражданину без исключений и ограничений";
    const OTHER: &str = "The president should serve a single term of seven years with no possibility of re-election";

    #[test]
    fn a_newcomer_is_the_only_member_written_and_the_size_is_stored_once() {
        let members = vec![
            member(3, LETTER, Some(3)),
            member(5, LETTER, Some(3)),
            member(7, OTHER, None),
            member(9, LETTER, None),
        ];
        let stored = HashMap::from([(3, 2)]);
        let changes = assignments(&members, &stored);
        assert_eq!(changes.members, vec![(Some(3), vec![9])]);
        assert_eq!(changes.sizes, vec![(3, 3)]);
        assert!(changes.gone.is_empty());
        // Nothing new: nothing to write.
        let settled = vec![
            member(3, LETTER, Some(3)),
            member(5, LETTER, Some(3)),
            member(7, OTHER, None),
        ];
        let changes = assignments(&settled, &stored);
        assert!(changes.members.is_empty() && changes.sizes.is_empty() && changes.gone.is_empty());
    }

    #[test]
    fn a_cluster_left_with_one_member_is_gone() {
        // Stored as a pair, but 5 was withdrawn (no longer a candidate).
        let members = vec![member(3, LETTER, Some(3)), member(7, OTHER, None)];
        let stored = HashMap::from([(3, 2)]);
        let changes = assignments(&members, &stored);
        assert_eq!(changes.members, vec![(None, vec![3])]);
        assert!(changes.sizes.is_empty());
        assert_eq!(changes.gone, vec![3]);
    }
}
