//! Near-duplicate clusters: what to cluster, the candidates, and storing the result.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::schema::{clusters, suggestions};

/// What clustering needs of a suggestion.
#[derive(Debug, Clone, Queryable)]
pub struct ClusterMember {
    pub id: i64,
    pub signature: String,
    pub text_hash: Option<String>,
    pub author_id: i64,
    pub created_at: NaiveDateTime,
    pub cluster_id: Option<i64>,
    pub campaign: bool,
}

/// Clause identities with suggestions the clustering pass has not seen (or all).
pub fn lineages_to_cluster(conn: &mut AnyConnection, all: bool) -> QueryResult<Vec<String>> {
    let mut query = suggestions::table
        .select(suggestions::clause_lineage)
        .distinct()
        .into_boxed();
    if !all {
        query = query.filter(suggestions::clustered.eq(false));
    }
    query.load(conn)
}

/// Every suggestion on a clause identity, in id order, except withdrawn ones.
pub fn cluster_candidates(
    conn: &mut AnyConnection,
    lineage: &str,
) -> QueryResult<Vec<ClusterMember>> {
    suggestions::table
        .filter(suggestions::clause_lineage.eq(lineage))
        .filter(suggestions::status.ne("withdrawn"))
        .order(suggestions::id.asc())
        .select((
            suggestions::id,
            suggestions::signature,
            suggestions::text_hash,
            suggestions::author_id,
            suggestions::created_at,
            suggestions::cluster_id,
            suggestions::campaign,
        ))
        .load(conn)
}

/// The clusters of a clause identity: (id, size).
pub fn clusters_of(conn: &mut AnyConnection, lineage: &str) -> QueryResult<HashMap<i64, i32>> {
    Ok(clusters::table
        .filter(clusters::clause_lineage.eq(lineage))
        .select((clusters::id, clusters::size))
        .load::<(i64, i32)>(conn)?
        .into_iter()
        .collect())
}

/// What a clustering pass changes on one clause identity.
#[derive(Debug, Clone, Default)]
pub struct ClusterChanges {
    /// New cluster of these members (`None`: alone again), grouped so that a cluster
    /// of thousands is a few statements.
    pub members: Vec<(Option<i64>, Vec<i64>)>,
    /// Clusters to create or resize: (id, size).
    pub sizes: Vec<(i64, i32)>,
    /// Clusters that no longer exist.
    pub gone: Vec<i64>,
    pub campaign: Vec<i64>,
}

/// Store a pass's changes on a lineage; mark its suggestions up to `max_id` as seen.
pub fn store_clusters(
    conn: &mut AnyConnection,
    lineage: &str,
    changes: &ClusterChanges,
    max_id: i64,
) -> QueryResult<()> {
    for chunk in changes.gone.chunks(500) {
        diesel::delete(clusters::table.filter(clusters::id.eq_any(chunk))).execute(conn)?;
    }
    for (id, size) in &changes.sizes {
        let updated = diesel::update(clusters::table.find(id))
            .set(clusters::size.eq(size))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(clusters::table)
                .values((
                    clusters::id.eq(id),
                    clusters::clause_lineage.eq(lineage),
                    clusters::size.eq(size),
                ))
                .execute(conn)?;
        }
    }
    // A member is marked clustered in the same statement that sets its cluster: the
    // first pass over a fresh load writes each row once, not twice (on PostgreSQL each
    // write is a new row version with an entry in every index).
    for (cluster_id, ids) in &changes.members {
        for chunk in ids.chunks(500) {
            diesel::update(suggestions::table.filter(suggestions::id.eq_any(chunk)))
                .set((
                    suggestions::cluster_id.eq(cluster_id),
                    suggestions::clustered.eq(true),
                ))
                .execute(conn)?;
        }
    }
    let campaign = &changes.campaign;
    for chunk in campaign.chunks(500) {
        diesel::update(suggestions::table.filter(suggestions::id.eq_any(chunk)))
            .set(suggestions::campaign.eq(true))
            .execute(conn)?;
    }
    diesel::update(
        suggestions::table
            .filter(suggestions::clause_lineage.eq(lineage))
            .filter(suggestions::clustered.eq(false))
            .filter(suggestions::id.le(max_id)),
    )
    .set(suggestions::clustered.eq(true))
    .execute(conn)?;
    Ok(())
}
