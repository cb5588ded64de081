//! RFC 9162 Merkle tree hashing, the incremental frontier a sequencer keeps, and inclusion
//! and consistency proofs.
//!
//! Why our own code and not a crate: `ct-merkle` keeps the whole tree in memory, and
//! `tlog_tiles` (a port of Go's `sumdb/tlog`) uses the older Go tile paths
//! (`tile/<H>/<L>/…`), panics on a misbehaving hash reader and pins older `base64` and
//! `thiserror`. The log's tree lives in the database, so proofs here are computed from a
//! [`HashReader`] that returns stored node hashes by `(level, index)`: one batched read per
//! proof, O(log n) hashes, never the whole tree. Everything is checked against the RFC 6962
//! test vectors used by Trillian and `transparency-dev/merkle`, and against a direct
//! transcription of the RFC's recursive definitions in the tests.
//!
//! Vocabulary: a *node* `(level, index)` is the root of the perfect subtree over the leaves
//! `[index·2^level, (index+1)·2^level)`. Only perfect subtrees are ever stored; the hash of
//! any other range is recomputed from the perfect subtrees that tile it.

use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// Size of every hash in the tree (SHA-256).
pub const HASH_SIZE: usize = 32;

/// A SHA-256 hash: a leaf hash, a node hash or a tree root.
pub type Hash = [u8; HASH_SIZE];

/// The root of the empty tree: SHA-256 of the empty string (RFC 9162 §2.1.1).
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// The leaf hash of one entry: `SHA-256(0x00 || entry)`.
pub fn leaf_hash(entry: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0x00]);
    h.update(entry);
    h.finalize().into()
}

/// The hash of an interior node: `SHA-256(0x01 || left || right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([0x01]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// Why a proof could not be computed or did not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    /// The leaf index is not inside the tree.
    #[error("leaf index {index} is not in a tree of size {size}")]
    IndexOutOfRange { index: u64, size: u64 },
    /// The old tree is larger than the new one.
    #[error("tree size {old} is larger than tree size {new}")]
    SizeOrder { old: u64, new: u64 },
    /// The proof has the wrong number of hashes for these sizes.
    #[error("the proof has {got} hashes, {want} expected")]
    WrongLength { got: usize, want: usize },
    /// The proof is well formed but does not lead to the expected root.
    #[error("the proof does not lead to the expected root hash")]
    RootMismatch,
    /// The range asked for is not a subtree of the tree (a caller bug or corrupted sizes).
    #[error("leaves [{start}, {end}) do not form a subtree")]
    BadRange { start: u64, end: u64 },
    /// The hash reader failed or returned the wrong number of hashes.
    #[error("reading stored hashes failed: {0}")]
    Reader(String),
}

/// The coordinates of a perfect subtree: its height above the leaves and its position in
/// that level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId {
    /// 0 for leaves; a node at level `l` covers `2^l` leaves.
    pub level: u8,
    /// Position within the level, counted from the left.
    pub index: u64,
}

impl NodeId {
    /// The node at `level`, `index`.
    pub fn new(level: u8, index: u64) -> Self {
        NodeId { level, index }
    }

    /// The leaves `[start, end)` this node covers (saturating at `u64::MAX`).
    pub fn leaf_range(&self) -> (u64, u64) {
        let start = self.index.saturating_mul(1u64 << self.level.min(63));
        let width = if self.level >= 64 {
            u64::MAX
        } else {
            1u64 << self.level
        };
        (start, start.saturating_add(width))
    }
}

/// Storage of node hashes, so that proofs are computed from a database table (or from
/// downloaded tiles) instead of an in-memory tree.
///
/// `read_hashes` returns the hashes of the given nodes in the same order. Only perfect
/// subtrees that are fully inside the tree are ever asked for; a missing node is an error.
pub trait HashReader {
    /// The hashes of `ids`, in order.
    fn read_hashes(&self, ids: &[NodeId]) -> Result<Vec<Hash>, ProofError>;
}

/// Largest power of two strictly less than `n` (`n >= 2`): the split point of RFC 9162.
fn split_point(n: u64) -> u64 {
    debug_assert!(n >= 2);
    1u64 << (63 - (n - 1).leading_zeros())
}

/// The perfect subtrees that tile `[start, end)`, from left to right, each as large as its
/// alignment allows. For an RFC subtree range (start aligned to a power of two at least the
/// range's width) they come in decreasing size and the range hash is their right fold.
fn range_nodes(start: u64, end: u64) -> Result<Vec<NodeId>, ProofError> {
    if start > end {
        return Err(ProofError::BadRange { start, end });
    }
    let mut nodes = Vec::new();
    let mut at = start;
    while at < end {
        let remaining = end - at;
        let max_by_size = 63 - remaining.leading_zeros();
        let max_by_align = if at == 0 { 63 } else { at.trailing_zeros() };
        let level = max_by_size.min(max_by_align);
        // level <= 63, so the cast and the shifts are in range.
        nodes.push(NodeId::new(level as u8, at >> level));
        at += 1u64 << level;
    }
    Ok(nodes)
}

/// Checks that `[start, end)` is a subtree in the RFC sense (non-empty, and `start`
/// aligned to a power of two at least as large as the width), so its hash is well defined.
fn check_subtree(start: u64, end: u64) -> Result<(), ProofError> {
    if end <= start {
        return Err(ProofError::BadRange { start, end });
    }
    if start != 0 {
        let width = end - start;
        let align = start.trailing_zeros();
        if align < 64 && (1u64 << align) < width {
            return Err(ProofError::BadRange { start, end });
        }
    }
    Ok(())
}

/// Folds the hashes of a range's perfect subtrees (left to right) into the range's hash.
fn fold_right(hashes: &[Hash]) -> Result<Hash, ProofError> {
    let mut iter = hashes.iter().rev();
    let mut acc = *iter
        .next()
        .ok_or(ProofError::BadRange { start: 0, end: 0 })?;
    for h in iter {
        acc = node_hash(h, &acc);
    }
    Ok(acc)
}

/// Reads `ids` from `reader`, checking that it answered with one hash per node.
pub(crate) fn read_exact<R: HashReader + ?Sized>(
    reader: &R,
    ids: &[NodeId],
) -> Result<Vec<Hash>, ProofError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let hashes = reader.read_hashes(ids)?;
    if hashes.len() != ids.len() {
        return Err(ProofError::Reader(format!(
            "asked for {} hashes, got {}",
            ids.len(),
            hashes.len()
        )));
    }
    Ok(hashes)
}

/// Reads the hashes of several subtree ranges in one call to the reader, then folds each.
fn range_hashes<R: HashReader + ?Sized>(
    reader: &R,
    ranges: &[(u64, u64)],
) -> Result<Vec<Hash>, ProofError> {
    let mut ids = Vec::new();
    let mut bounds = Vec::with_capacity(ranges.len());
    for &(start, end) in ranges {
        check_subtree(start, end)?;
        let nodes = range_nodes(start, end)?;
        let from = ids.len();
        ids.extend(nodes);
        bounds.push((from, ids.len()));
    }
    let hashes = read_exact(reader, &ids)?;
    bounds
        .into_iter()
        .map(|(from, to)| fold_right(&hashes[from..to]))
        .collect()
}

/// The Merkle Tree Hash of the tree of the first `size` leaves, from stored hashes.
pub fn tree_root<R: HashReader + ?Sized>(reader: &R, size: u64) -> Result<Hash, ProofError> {
    if size == 0 {
        return Ok(empty_root());
    }
    let mut roots = range_hashes(reader, &[(0, size)])?;
    roots.pop().ok_or(ProofError::BadRange {
        start: 0,
        end: size,
    })
}

/// The Merkle Tree Hash (RFC 9162 §2.1.1) of a list of leaf hashes, computed in memory.
pub fn root_from_leaf_hashes(leaves: &[Hash]) -> Hash {
    let mut range = CompactRange::new();
    for leaf in leaves {
        range.append(*leaf);
    }
    range.root()
}

/// The ranges whose hashes make up the inclusion proof of leaf `index` in a tree of `size`
/// leaves, bottom-up (RFC 9162 §2.1.3.1, PATH, unrolled).
fn inclusion_ranges(index: u64, size: u64) -> Vec<(u64, u64)> {
    let mut ranges = Vec::new();
    let (mut lo, mut hi) = (0u64, size);
    while hi - lo > 1 {
        let k = split_point(hi - lo);
        if index - lo < k {
            ranges.push((lo + k, hi));
            hi = lo + k;
        } else {
            ranges.push((lo, lo + k));
            lo += k;
        }
    }
    ranges.reverse();
    ranges
}

/// The ranges whose hashes make up the consistency proof from `old` to `new` leaves,
/// bottom-up (RFC 9162 §2.1.4.1, SUBPROOF, unrolled). Requires `0 < old < new`.
fn consistency_ranges(old: u64, new: u64) -> Vec<(u64, u64)> {
    let mut ranges = Vec::new();
    let (mut lo, mut hi) = (0u64, new);
    let mut m = old;
    let mut whole_old_tree = true;
    loop {
        let n = hi - lo;
        if m == n {
            if !whole_old_tree {
                ranges.push((lo, hi));
            }
            break;
        }
        let k = split_point(n);
        if m <= k {
            ranges.push((lo + k, hi));
            hi = lo + k;
        } else {
            ranges.push((lo, lo + k));
            lo += k;
            m -= k;
            whole_old_tree = false;
        }
    }
    ranges.reverse();
    ranges
}

/// The inclusion proof (audit path) of leaf `index` in the tree of the first `size` leaves.
pub fn prove_inclusion<R: HashReader + ?Sized>(
    reader: &R,
    index: u64,
    size: u64,
) -> Result<Vec<Hash>, ProofError> {
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    range_hashes(reader, &inclusion_ranges(index, size))
}

/// The consistency proof between the trees of the first `old` and the first `new` leaves.
///
/// Empty when `old == new` or `old == 0` (the empty tree is a prefix of every tree).
pub fn prove_consistency<R: HashReader + ?Sized>(
    reader: &R,
    old: u64,
    new: u64,
) -> Result<Vec<Hash>, ProofError> {
    if old > new {
        return Err(ProofError::SizeOrder { old, new });
    }
    if old == 0 || old == new {
        return Ok(Vec::new());
    }
    range_hashes(reader, &consistency_ranges(old, new))
}

/// The number of hashes in an inclusion proof for `index` in a tree of `size` leaves.
fn inclusion_proof_len(index: u64, size: u64) -> usize {
    inclusion_ranges(index, size).len()
}

/// The walk shared by RFC 9162's two verification algorithms (§2.1.3.2 and §2.1.4.2):
/// starting from node numbers `fn_` and `sn`, it tells for each path element whether it is
/// a left sibling (`true`: hash it in front) or a right one, and fails if the path is
/// longer or shorter than the walk from `fn_` up to the root.
fn rfc_walk(
    mut fn_: u64,
    mut sn: u64,
    path: &[Hash],
    mut step: impl FnMut(&Hash, bool),
) -> Result<(), ()> {
    for p in path {
        if sn == 0 {
            return Err(());
        }
        if fn_ & 1 == 1 || fn_ == sn {
            step(p, true);
            while fn_ & 1 == 0 && fn_ != 0 {
                fn_ >>= 1;
                sn >>= 1;
            }
        } else {
            step(p, false);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    if sn == 0 {
        Ok(())
    } else {
        Err(())
    }
}

/// Recomputes the root from a leaf hash and its inclusion proof (RFC 9162 §2.1.3.2).
pub fn root_from_inclusion_proof(
    leaf: &Hash,
    index: u64,
    size: u64,
    proof: &[Hash],
) -> Result<Hash, ProofError> {
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    let want = inclusion_proof_len(index, size);
    let wrong_length = ProofError::WrongLength {
        got: proof.len(),
        want,
    };
    if proof.len() != want {
        return Err(wrong_length);
    }
    let mut r = *leaf;
    rfc_walk(index, size - 1, proof, |p, left| {
        r = if left {
            node_hash(p, &r)
        } else {
            node_hash(&r, p)
        };
    })
    .map_err(|()| wrong_length)?;
    Ok(r)
}

/// Checks that `leaf` is at `index` in the tree of `size` leaves whose root is `root`.
pub fn verify_inclusion(
    leaf: &Hash,
    index: u64,
    size: u64,
    proof: &[Hash],
    root: &Hash,
) -> Result<(), ProofError> {
    let computed = root_from_inclusion_proof(leaf, index, size, proof)?;
    if ct_eq(&computed, root) {
        Ok(())
    } else {
        Err(ProofError::RootMismatch)
    }
}

/// Checks that the tree of `new` leaves with root `new_root` extends the tree of `old`
/// leaves with root `old_root` (RFC 9162 §2.1.4.2).
///
/// Equal sizes need an empty proof and equal roots. An old size of 0 needs an empty proof
/// and the empty-tree root: every tree extends the empty tree.
pub fn verify_consistency(
    old: u64,
    new: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> Result<(), ProofError> {
    if old > new {
        return Err(ProofError::SizeOrder { old, new });
    }
    if old == 0 || old == new {
        if !proof.is_empty() {
            return Err(ProofError::WrongLength {
                got: proof.len(),
                want: 0,
            });
        }
        let expected = if old == 0 { empty_root() } else { *new_root };
        return if ct_eq(old_root, &expected) {
            Ok(())
        } else {
            Err(ProofError::RootMismatch)
        };
    }
    let want = consistency_ranges(old, new).len();
    if proof.len() != want {
        return Err(ProofError::WrongLength {
            got: proof.len(),
            want,
        });
    }
    // Step 2: when the old tree is a perfect subtree its root is the first path element.
    let mut path: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if old.is_power_of_two() {
        path.push(*old_root);
    }
    path.extend_from_slice(proof);
    let mut fn_ = old - 1;
    let mut sn = new - 1;
    while fn_ & 1 == 1 {
        fn_ >>= 1;
        sn >>= 1;
    }
    let (first, rest) = path
        .split_first()
        .ok_or(ProofError::WrongLength { got: 0, want })?;
    let mut fr = *first;
    let mut sr = *first;
    rfc_walk(fn_, sn, rest, |c, left| {
        if left {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
        } else {
            sr = node_hash(&sr, c);
        }
    })
    .map_err(|()| ProofError::WrongLength {
        got: proof.len(),
        want,
    })?;
    if ct_eq(&fr, old_root) && ct_eq(&sr, new_root) {
        Ok(())
    } else {
        Err(ProofError::RootMismatch)
    }
}

/// Constant-time equality of two hashes (roots are public, but this costs nothing).
fn ct_eq(a: &Hash, b: &Hash) -> bool {
    use subtle::ConstantTimeEq;
    a.ct_eq(b).into()
}

/// The right edge of a growing tree: the roots of the perfect subtrees that make up the
/// first `size` leaves, largest (leftmost) first: one per set bit of `size`, so at most 64
/// hashes whatever the tree's size.
///
/// A sequencer keeps this between batches (or rebuilds it with [`CompactRange::load`]
/// from the stored nodes named by [`CompactRange::frontier_ids`]) and integrates new
/// entries without reading the old ones. [`CompactRange::append`] returns every node the
/// append completed, so the caller can store them for later proofs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompactRange {
    size: u64,
    hashes: Vec<Hash>,
}

impl CompactRange {
    /// The frontier of the empty tree.
    pub fn new() -> Self {
        CompactRange::default()
    }

    /// Rebuilds a frontier from its hashes, as stored (largest subtree first).
    pub fn from_parts(size: u64, hashes: Vec<Hash>) -> Result<Self, ProofError> {
        let want = size.count_ones() as usize;
        if hashes.len() != want {
            return Err(ProofError::WrongLength {
                got: hashes.len(),
                want,
            });
        }
        Ok(CompactRange { size, hashes })
    }

    /// The stored nodes that make up the frontier of a tree of `size` leaves, in the order
    /// [`CompactRange::from_parts`] expects.
    pub fn frontier_ids(size: u64) -> Vec<NodeId> {
        let mut ids = Vec::with_capacity(size.count_ones() as usize);
        let mut start = 0u64;
        for level in (0..64u8).rev() {
            if size & (1u64 << level) != 0 {
                ids.push(NodeId::new(level, start >> level));
                start += 1u64 << level;
            }
        }
        ids
    }

    /// Rebuilds the frontier of a tree of `size` leaves from stored node hashes.
    pub fn load<R: HashReader + ?Sized>(reader: &R, size: u64) -> Result<Self, ProofError> {
        let hashes = read_exact(reader, &Self::frontier_ids(size))?;
        Self::from_parts(size, hashes)
    }

    /// Number of leaves appended so far.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The frontier hashes, largest subtree first.
    pub fn hashes(&self) -> &[Hash] {
        &self.hashes
    }

    /// Appends one leaf hash and returns the nodes this completed, starting with the leaf
    /// itself at `(0, old size)`, then each parent that became perfect.
    pub fn append(&mut self, leaf: Hash) -> Vec<(NodeId, Hash)> {
        let mut index = self.size;
        let mut level = 0u8;
        let mut node = leaf;
        let mut completed = vec![(NodeId::new(0, index), leaf)];
        while index & 1 == 1 {
            // The frontier's last hash is the left sibling of `node`: its bit is set.
            let Some(left) = self.hashes.pop() else {
                break;
            };
            node = node_hash(&left, &node);
            level += 1;
            index >>= 1;
            completed.push((NodeId::new(level, index), node));
        }
        self.hashes.push(node);
        self.size += 1;
        completed
    }

    /// The Merkle Tree Hash of the leaves appended so far.
    pub fn root(&self) -> Hash {
        fold_right(&self.hashes).unwrap_or_else(|_| empty_root())
    }
}

/// An in-memory node store: every perfect subtree of a tree kept in RAM. For tests, small
/// tools and auditors that have downloaded the whole log; the server uses a database table.
#[derive(Clone, Debug, Default)]
pub struct MemoryHashStore {
    levels: Vec<Vec<Hash>>,
    frontier: CompactRange,
}

impl MemoryHashStore {
    /// An empty tree.
    pub fn new() -> Self {
        MemoryHashStore::default()
    }

    /// Appends a leaf hash; returns its index.
    pub fn append(&mut self, leaf: Hash) -> u64 {
        let index = self.frontier.size();
        for (id, hash) in self.frontier.append(leaf) {
            let level = usize::from(id.level);
            if self.levels.len() <= level {
                self.levels.resize_with(level + 1, Vec::new);
            }
            self.levels[level].push(hash);
        }
        index
    }

    /// Appends the leaf hash of an entry; returns its index.
    pub fn append_entry(&mut self, entry: &[u8]) -> u64 {
        self.append(leaf_hash(entry))
    }

    /// Number of leaves.
    pub fn size(&self) -> u64 {
        self.frontier.size()
    }

    /// The current root.
    pub fn root(&self) -> Hash {
        self.frontier.root()
    }

    /// The node hash at `id`, if that perfect subtree is complete.
    pub fn node(&self, id: NodeId) -> Option<Hash> {
        let index = usize::try_from(id.index).ok()?;
        self.levels.get(usize::from(id.level))?.get(index).copied()
    }
}

impl HashReader for MemoryHashStore {
    fn read_hashes(&self, ids: &[NodeId]) -> Result<Vec<Hash>, ProofError> {
        ids.iter()
            .map(|id| {
                self.node(*id).ok_or_else(|| {
                    ProofError::Reader(format!("no node at level {} index {}", id.level, id.index))
                })
            })
            .collect()
    }
}

impl HashReader for HashMap<NodeId, Hash> {
    fn read_hashes(&self, ids: &[NodeId]) -> Result<Vec<Hash>, ProofError> {
        ids.iter()
            .map(|id| {
                self.get(id).copied().ok_or_else(|| {
                    ProofError::Reader(format!("no node at level {} index {}", id.level, id.index))
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn h(s: &str) -> Hash {
        let v = hex::decode(s).expect("hex");
        v.try_into().expect("32 bytes")
    }

    /// The eight leaf inputs of the RFC 6962 test tree (transparency-dev/merkle
    /// testonly/constants.go, originally certificate-transparency's merkle tests).
    fn leaf_inputs() -> Vec<Vec<u8>> {
        [
            "",
            "00",
            "10",
            "2021",
            "3031",
            "40414243",
            "5051525354555657",
            "606162636465666768696a6b6c6d6e6f",
        ]
        .iter()
        .map(|s| hex::decode(s).expect("hex"))
        .collect()
    }

    /// Roots of the trees of 0..=8 of those leaves (same source).
    const ROOTS: [&str; 9] = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    /// Node hashes of all perfect subtrees of the 8-leaf tree, by level (same source).
    const NODES: [&[&str]; 4] = [
        &[
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        ],
        &[
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        ],
        &[
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
        ],
        &["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
    ];

    /// Inclusion happy paths of transparency-dev/merkle testdata/inclusion/*/happy-path.json:
    /// (index, size, proof).
    const INCLUSION: [(u64, u64, &[&str]); 5] = [
        (0, 1, &[]),
        (
            0,
            8,
            &[
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ],
        ),
        (
            5,
            8,
            &[
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
        (
            2,
            3,
            &["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"],
        ),
        (
            1,
            5,
            &[
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ],
        ),
    ];

    /// Consistency happy paths of transparency-dev/merkle testdata/consistency/*/happy-path.json:
    /// (old size, new size, proof).
    const CONSISTENCY: [(u64, u64, &[&str]); 5] = [
        (1, 1, &[]),
        (
            1,
            8,
            &[
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4",
            ],
        ),
        (
            6,
            8,
            &[
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
        (
            2,
            5,
            &[
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            ],
        ),
        (
            6,
            7,
            &[
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            ],
        ),
    ];

    fn vector_store() -> MemoryHashStore {
        let mut store = MemoryHashStore::new();
        for leaf in leaf_inputs() {
            store.append_entry(&leaf);
        }
        store
    }

    fn hashes(list: &[&str]) -> Vec<Hash> {
        list.iter().map(|s| h(s)).collect()
    }

    // ---- A direct transcription of RFC 9162 §2.1, used as an oracle. ----

    fn ref_mth(d: &[Hash]) -> Hash {
        match d.len() {
            0 => empty_root(),
            1 => d[0],
            n => {
                let k = split_point(n as u64) as usize;
                node_hash(&ref_mth(&d[..k]), &ref_mth(&d[k..]))
            }
        }
    }

    fn ref_path(m: usize, d: &[Hash]) -> Vec<Hash> {
        let n = d.len();
        if n <= 1 {
            return Vec::new();
        }
        let k = split_point(n as u64) as usize;
        let mut out;
        if m < k {
            out = ref_path(m, &d[..k]);
            out.push(ref_mth(&d[k..]));
        } else {
            out = ref_path(m - k, &d[k..]);
            out.push(ref_mth(&d[..k]));
        }
        out
    }

    fn ref_subproof(m: usize, d: &[Hash], b: bool) -> Vec<Hash> {
        let n = d.len();
        if m == n {
            return if b { Vec::new() } else { vec![ref_mth(d)] };
        }
        let k = split_point(n as u64) as usize;
        let mut out;
        if m <= k {
            out = ref_subproof(m, &d[..k], b);
            out.push(ref_mth(&d[k..]));
        } else {
            out = ref_subproof(m - k, &d[k..], false);
            out.push(ref_mth(&d[..k]));
        }
        out
    }

    #[test]
    fn hashes_match_rfc6962_vectors() {
        let leaves = leaf_inputs();
        for (i, leaf) in leaves.iter().enumerate() {
            assert_eq!(leaf_hash(leaf), h(NODES[0][i]), "leaf {i}");
        }
        let mut store = MemoryHashStore::new();
        assert_eq!(store.root(), h(ROOTS[0]));
        assert_eq!(empty_root(), h(ROOTS[0]));
        for (i, leaf) in leaves.iter().enumerate() {
            store.append_entry(leaf);
            assert_eq!(store.root(), h(ROOTS[i + 1]), "root of size {}", i + 1);
            assert_eq!(
                tree_root(&store, (i + 1) as u64).expect("root"),
                h(ROOTS[i + 1])
            );
        }
        for (level, nodes) in NODES.iter().enumerate() {
            for (index, node) in nodes.iter().enumerate() {
                let id = NodeId::new(level as u8, index as u64);
                assert_eq!(store.node(id), Some(h(node)), "{id:?}");
            }
        }
        let leaf_hashes: Vec<Hash> = leaves.iter().map(|l| leaf_hash(l)).collect();
        for n in 0..=8 {
            assert_eq!(root_from_leaf_hashes(&leaf_hashes[..n]), h(ROOTS[n]));
        }
    }

    #[test]
    fn inclusion_matches_vectors_and_verifies() {
        let store = vector_store();
        for (index, size, proof) in INCLUSION {
            let want = hashes(proof);
            let got = prove_inclusion(&store, index, size).expect("proof");
            assert_eq!(got, want, "inclusion {index} in {size}");
            let leaf = h(NODES[0][index as usize]);
            let root = h(ROOTS[size as usize]);
            verify_inclusion(&leaf, index, size, &want, &root).expect("verifies");
            // The mutations of the testdata's negative cases must all fail.
            assert!(verify_inclusion(&leaf, index ^ 2, size, &want, &root).is_err());
            assert!(verify_inclusion(&leaf, index + 1, size, &want, &root).is_err());
            assert!(verify_inclusion(&leaf, index, size * 2, &want, &root).is_err());
            assert!(verify_inclusion(&leaf, index, size / 2, &want, &root).is_err());
            assert!(verify_inclusion(&h(ROOTS[0]), index, size, &want, &root).is_err());
            assert!(verify_inclusion(&leaf, index, size, &want, &h(ROOTS[0])).is_err());
            let mut longer = want.clone();
            longer.push(root);
            assert!(verify_inclusion(&leaf, index, size, &longer, &root).is_err());
            let mut preceding = vec![root];
            preceding.extend_from_slice(&want);
            assert!(verify_inclusion(&leaf, index, size, &preceding, &root).is_err());
            for i in 0..want.len() {
                let mut bad = want.clone();
                bad[i][3] ^= 0x08;
                assert!(verify_inclusion(&leaf, index, size, &bad, &root).is_err());
            }
        }
    }

    #[test]
    fn consistency_matches_vectors_and_verifies() {
        let store = vector_store();
        for (old, new, proof) in CONSISTENCY {
            let want = hashes(proof);
            let got = prove_consistency(&store, old, new).expect("proof");
            assert_eq!(got, want, "consistency {old} -> {new}");
            let r1 = h(ROOTS[old as usize]);
            let r2 = h(ROOTS[new as usize]);
            verify_consistency(old, new, &r1, &r2, &want).expect("verifies");
            assert!(verify_consistency(old, new, &r2, &r1, &want).is_err() || r1 == r2);
            assert!(verify_consistency(old + 1, new, &r1, &r2, &want).is_err());
            assert!(verify_consistency(old ^ 2, new, &r1, &r2, &want).is_err());
            assert!(verify_consistency(old, new * 2, &r1, &r2, &want).is_err());
            assert!(verify_consistency(old, new, &h(ROOTS[0]), &r2, &want).is_err());
            assert!(verify_consistency(old, new, &r1, &h(ROOTS[0]), &want).is_err());
            if !want.is_empty() {
                assert!(verify_consistency(old, new, &r1, &r2, &want[1..]).is_err());
                for i in 0..want.len() {
                    let mut bad = want.clone();
                    bad[i][3] ^= 0x08;
                    assert!(verify_consistency(old, new, &r1, &r2, &bad).is_err());
                }
            }
            let mut longer = want.clone();
            longer.push(r2);
            assert!(verify_consistency(old, new, &r1, &r2, &longer).is_err());
        }
    }

    #[test]
    fn edge_cases_are_errors_not_panics() {
        let store = vector_store();
        let e = empty_root();
        assert!(prove_inclusion(&store, 0, 0).is_err());
        assert!(prove_inclusion(&store, 8, 8).is_err());
        assert!(
            prove_inclusion(&store, 0, 9).is_err(),
            "node beyond the stored tree"
        );
        assert!(prove_consistency(&store, 5, 4).is_err());
        assert!(prove_consistency(&store, 3, 9).is_err());
        assert!(verify_inclusion(&e, 0, 0, &[], &e).is_err());
        assert!(verify_inclusion(&e, u64::MAX, u64::MAX, &[], &e).is_err());
        assert!(verify_inclusion(&e, u64::MAX - 1, u64::MAX, &[e; 64], &e).is_err());
        assert!(verify_consistency(2, 1, &e, &e, &[]).is_err());
        assert!(verify_consistency(0, 0, &e, &e, &[]).is_ok());
        assert!(verify_consistency(0, 5, &e, &h(ROOTS[5]), &[]).is_ok());
        assert!(verify_consistency(0, 5, &h(ROOTS[1]), &h(ROOTS[5]), &[]).is_err());
        assert!(verify_consistency(0, 1, &e, &e, &[e]).is_err());
        assert!(verify_consistency(1, 1, &e, &h(ROOTS[1]), &[]).is_err());
        assert!(verify_consistency(1, 1, &e, &e, &[e]).is_err());
        assert!(verify_consistency(u64::MAX - 1, u64::MAX, &e, &e, &[e; 3]).is_err());
        assert!(CompactRange::from_parts(3, vec![e]).is_err());
        assert_eq!(CompactRange::new().root(), e);
    }

    #[test]
    fn frontier_reload_matches() {
        let store = vector_store();
        for size in 0..=8u64 {
            let range = CompactRange::load(&store, size).expect("load");
            assert_eq!(range.root(), h(ROOTS[size as usize]));
        }
        let mut range = CompactRange::load(&store, 5).expect("load");
        let leaves = leaf_inputs();
        for leaf in &leaves[5..] {
            range.append(leaf_hash(leaf));
        }
        assert_eq!(range.root(), h(ROOTS[8]));
        assert_eq!(
            CompactRange::frontier_ids(7),
            vec![NodeId::new(2, 0), NodeId::new(1, 2), NodeId::new(0, 6)]
        );
    }

    #[test]
    fn node_ids_cover_their_leaves() {
        assert_eq!(NodeId::new(0, 5).leaf_range(), (5, 6));
        assert_eq!(NodeId::new(3, 2).leaf_range(), (16, 24));
        assert_eq!(NodeId::new(63, 1).leaf_range(), (1 << 63, u64::MAX));
    }

    fn leaves_strategy() -> impl Strategy<Value = Vec<Hash>> {
        (1usize..300).prop_map(|n| (0..n as u32).map(|i| leaf_hash(&i.to_be_bytes())).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn generated_proofs_match_the_rfc_and_verify(leaves in leaves_strategy(), seed in any::<u64>()) {
            let mut store = MemoryHashStore::new();
            for l in &leaves {
                store.append(*l);
            }
            let n = leaves.len();
            let size = 1 + (seed as usize % n);
            let index = (seed >> 20) as usize % size;
            let root = ref_mth(&leaves[..size]);
            prop_assert_eq!(tree_root(&store, size as u64).expect("root"), root);

            let proof = prove_inclusion(&store, index as u64, size as u64).expect("inclusion");
            prop_assert_eq!(&proof, &ref_path(index, &leaves[..size]));
            prop_assert!(verify_inclusion(&leaves[index], index as u64, size as u64, &proof, &root).is_ok());
            // A wrong leaf, index or size fails.
            let wrong_leaf = leaf_hash(b"not in the log");
            prop_assert!(verify_inclusion(&wrong_leaf, index as u64, size as u64, &proof, &root).is_err());
            if size > 1 {
                let other = (index + 1) % size;
                prop_assert!(verify_inclusion(&leaves[index], other as u64, size as u64, &proof, &root).is_err());
            }
            if size < n {
                // Against the next tree's root, this tree's proof fails (a proof only binds
                // the size through the root: for some shapes the same path serves both).
                let next_root = ref_mth(&leaves[..size + 1]);
                prop_assert!(verify_inclusion(&leaves[index], index as u64, size as u64 + 1, &proof, &next_root).is_err());
            }

            let old = 1 + (seed >> 40) as usize % size;
            let cproof = prove_consistency(&store, old as u64, size as u64).expect("consistency");
            if old < size {
                prop_assert_eq!(&cproof, &ref_subproof(old, &leaves[..size], true));
            } else {
                prop_assert!(cproof.is_empty());
            }
            let old_root = ref_mth(&leaves[..old]);
            prop_assert!(verify_consistency(old as u64, size as u64, &old_root, &root, &cproof).is_ok());
            if old < size {
                prop_assert!(verify_consistency(old as u64, size as u64, &wrong_leaf, &root, &cproof).is_err());
                prop_assert!(verify_consistency(old as u64, size as u64, &old_root, &wrong_leaf, &cproof).is_err());
                if old > 1 {
                    let older_root = ref_mth(&leaves[..old - 1]);
                    prop_assert!(verify_consistency(old as u64 - 1, size as u64, &older_root, &root, &cproof).is_err());
                }
            }
        }

        #[test]
        fn verifiers_never_panic(index in any::<u64>(), size in any::<u64>(), old in any::<u64>(),
                                 proof in proptest::collection::vec(any::<[u8; 32]>(), 0..70)) {
            let r = empty_root();
            let _ = verify_inclusion(&r, index, size, &proof, &r);
            let _ = verify_consistency(old, size, &r, &r, &proof);
        }
    }
}
