//! C2SP tlog-tiles: the log's tree and entries as immutable static files, so anyone can
//! mirror the whole log with plain HTTP GETs and recompute every root and proof.
//!
//! A hash tile at level `L`, index `N` holds up to 256 consecutive Merkle node hashes of
//! tree level `8·L` (level 0: leaf hashes), concatenated; an entry bundle holds the entries
//! of a level-0 tile, each prefixed with its length as a big-endian `u16`. The rightmost
//! tiles of a tree are *partial* (`.p/<W>`, `W` in 1..=255) and never hashed into the level
//! above. Paths follow <https://c2sp.org/tlog-tiles>: `tile/<L>/<N>[.p/<W>]` and
//! `tile/entries/<N>[.p/<W>]`, with `N` written in zero-padded groups of three digits,
//! all but the last prefixed with `x` (`1234067` → `x001/x234/067`).
//!
//! [`TileHashReader`] turns downloaded tiles back into a [`HashReader`], so an auditor
//! recomputes roots and proofs with the same code the server uses.

use super::merkle::{
    read_exact, root_from_leaf_hashes, Hash, HashReader, NodeId, ProofError, HASH_SIZE,
};
use std::collections::HashMap;

/// Tree levels spanned by one tile.
pub const TILE_HEIGHT: u8 = 8;
/// Hashes (or entries) in a full tile.
pub const TILE_WIDTH: u16 = 256;
/// The largest tile level the spec allows.
pub const MAX_TILE_LEVEL: u8 = 63;
/// The largest entry an entry bundle can carry (its length prefix is a `u16`).
pub const MAX_ENTRY_SIZE: usize = u16::MAX as usize;

/// Why a tile path or tile content was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TileError {
    /// The path does not follow the tlog-tiles grammar.
    #[error("not a tile path: {0}")]
    BadPath(String),
    /// A level, index or width outside the allowed ranges.
    #[error("tile coordinates out of range: {0}")]
    OutOfRange(String),
    /// The tile's bytes are not `width` hashes.
    #[error("hash tile has {got} bytes, {want} expected")]
    BadTileLength { got: usize, want: usize },
    /// An entry bundle that does not parse, or an entry too large for one.
    #[error("bad entry bundle: {0}")]
    BadBundle(String),
}

/// The coordinates of one hash tile (or, at level 0, of the entry bundle beside it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TileId {
    level: u8,
    index: u64,
    width: u16,
}

impl TileId {
    /// The tile at `level`, `index` holding `width` hashes (1..=256).
    pub fn new(level: u8, index: u64, width: u16) -> Result<Self, TileError> {
        if level > MAX_TILE_LEVEL {
            return Err(TileError::OutOfRange(format!("level {level}")));
        }
        if width == 0 || width > TILE_WIDTH {
            return Err(TileError::OutOfRange(format!("width {width}")));
        }
        // Every hash of the tile must be a node of a tree of at most 2^64 leaves.
        let level_bits = u32::from(level) * u32::from(TILE_HEIGHT);
        let last = index
            .checked_mul(u64::from(TILE_WIDTH))
            .and_then(|first| first.checked_add(u64::from(width) - 1));
        let fits = match last {
            Some(last) if level_bits == 0 => last < u64::MAX,
            Some(last) => level_bits < 64 && last < (u64::MAX >> level_bits),
            None => false,
        };
        if !fits {
            return Err(TileError::OutOfRange(format!(
                "index {index} at level {level}"
            )));
        }
        Ok(TileId {
            level,
            index,
            width,
        })
    }

    /// The tile level (tree level `8 × level`).
    pub fn level(&self) -> u8 {
        self.level
    }

    /// The tile's position within its level.
    pub fn index(&self) -> u64 {
        self.index
    }

    /// How many hashes it holds.
    pub fn width(&self) -> u16 {
        self.width
    }

    /// Whether it is a full (256-wide, immutable forever) tile.
    pub fn is_full(&self) -> bool {
        self.width == TILE_WIDTH
    }

    /// The tree level of the hashes in the tile.
    pub fn tree_level(&self) -> u8 {
        self.level * TILE_HEIGHT
    }

    /// The Merkle nodes whose hashes the tile holds, left to right.
    pub fn node_ids(&self) -> Vec<NodeId> {
        let first = self.index * u64::from(TILE_WIDTH);
        (0..u64::from(self.width))
            .map(|i| NodeId::new(self.tree_level(), first + i))
            .collect()
    }

    /// The first leaf index covered by the tile's hashes.
    pub fn start_leaf(&self) -> u64 {
        NodeId::new(self.tree_level(), self.index * u64::from(TILE_WIDTH))
            .leaf_range()
            .0
    }

    /// `tile/<L>/<N>[.p/<W>]`
    pub fn path(&self) -> String {
        format!(
            "tile/{}/{}{}",
            self.level,
            encode_index(self.index),
            partial_suffix(self.width)
        )
    }

    /// For a level-0 tile, the path of the entry bundle holding the same entries:
    /// `tile/entries/<N>[.p/<W>]`.
    pub fn entries_path(&self) -> Option<String> {
        (self.level == 0).then(|| {
            format!(
                "tile/entries/{}{}",
                encode_index(self.index),
                partial_suffix(self.width)
            )
        })
    }
}

fn partial_suffix(width: u16) -> String {
    if width == TILE_WIDTH {
        String::new()
    } else {
        format!(".p/{width}")
    }
}

/// The `N` part of a tile path: zero-padded groups of three digits, all but the last
/// prefixed with `x`.
pub fn encode_index(n: u64) -> String {
    let mut groups = vec![n % 1000];
    let mut rest = n / 1000;
    while rest > 0 {
        groups.push(rest % 1000);
        rest /= 1000;
    }
    let last = groups.len() - 1;
    groups
        .iter()
        .rev()
        .enumerate()
        .map(|(i, g)| {
            if i == last {
                format!("{g:03}")
            } else {
                format!("x{g:03}")
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// What a tile path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TilePath {
    /// A hash tile.
    Hashes(TileId),
    /// The entry bundle of the level-0 tile with these coordinates.
    Entries(TileId),
}

fn parse_small_decimal(s: &str, max: u32) -> Option<u32> {
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if s.len() > 1 && s.starts_with('0') {
        return None;
    }
    s.parse::<u32>().ok().filter(|v| *v <= max)
}

/// Parses `tile/<L>/<N>[.p/<W>]` or `tile/entries/<N>[.p/<W>]`, accepting only the
/// canonical spelling (so a cache or mirror never holds one tile under two names).
pub fn parse_tile_path(path: &str) -> Result<TilePath, TileError> {
    let bad = || TileError::BadPath(path.chars().take(80).collect());
    if path.len() > 100 {
        return Err(bad());
    }
    let mut parts: Vec<&str> = path.split('/').collect();
    if parts.len() < 3 || parts[0] != "tile" {
        return Err(bad());
    }
    // Width suffix: the last element is W and the one before ends in ".p".
    let mut width = TILE_WIDTH;
    if parts.len() >= 4 {
        if let Some(stripped) = parts[parts.len() - 2].strip_suffix(".p") {
            let w = parse_small_decimal(parts[parts.len() - 1], 255).ok_or_else(bad)?;
            if w == 0 {
                return Err(bad());
            }
            width = u16::try_from(w).map_err(|_| bad())?;
            let n = parts.len();
            parts[n - 2] = stripped;
            parts.truncate(n - 1);
        }
    }
    let entries = parts[1] == "entries";
    let level = if entries {
        0u8
    } else {
        let l = parse_small_decimal(parts[1], u32::from(MAX_TILE_LEVEL)).ok_or_else(bad)?;
        u8::try_from(l).map_err(|_| bad())?
    };
    let groups = &parts[2..];
    if groups.is_empty() {
        return Err(bad());
    }
    let mut index: u64 = 0;
    for (i, g) in groups.iter().enumerate() {
        let digits = if i + 1 == groups.len() {
            *g
        } else {
            g.strip_prefix('x').ok_or_else(bad)?
        };
        if digits.len() != 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        if i == 0 && groups.len() > 1 && digits == "000" {
            return Err(bad());
        }
        let v: u64 = digits.parse().map_err(|_| bad())?;
        index = index
            .checked_mul(1000)
            .and_then(|x| x.checked_add(v))
            .ok_or_else(bad)?;
    }
    let tile = TileId::new(level, index, width)?;
    Ok(if entries {
        TilePath::Entries(tile)
    } else {
        TilePath::Hashes(tile)
    })
}

/// Every tile of a tree of `size` leaves: at each level the full tiles, then the partial
/// one if the level's node count is not a multiple of 256.
pub fn tiles_for_size(size: u64) -> Vec<TileId> {
    tiles_between(0, size)
}

/// The tiles that a tree of `new` leaves has and a tree of `old` leaves lacks or holds
/// narrower: what a sequencer writes (and a mirror fetches) when the tree grows.
pub fn tiles_between(old: u64, new: u64) -> Vec<TileId> {
    let mut out = Vec::new();
    if new <= old {
        return out;
    }
    let width = u64::from(TILE_WIDTH);
    for level in 0..=MAX_TILE_LEVEL {
        let shift = u32::from(level) * u32::from(TILE_HEIGHT);
        if shift >= 64 {
            break;
        }
        let new_count = new >> shift;
        let old_count = old >> shift;
        if new_count == 0 {
            break;
        }
        if new_count == old_count {
            continue;
        }
        let first_tile = old_count / width;
        let last_tile = (new_count - 1) / width;
        for n in first_tile..=last_tile {
            let w = (new_count - n * width).min(width);
            // Safe: 1 <= w <= 256, and the tile lies inside a tree of `new` leaves.
            if let Ok(tile) = TileId::new(level, n, w as u16) {
                out.push(tile);
            }
        }
    }
    out
}

/// The content of a hash tile: its hashes, read from stored node hashes, concatenated.
pub fn hash_tile_content<R: HashReader + ?Sized>(
    reader: &R,
    tile: TileId,
) -> Result<Vec<u8>, ProofError> {
    Ok(read_exact(reader, &tile.node_ids())?.concat())
}

/// Splits a downloaded hash tile into its hashes, checking its length against the tile's
/// width.
pub fn parse_hash_tile(tile: TileId, data: &[u8]) -> Result<Vec<Hash>, TileError> {
    let want = usize::from(tile.width()) * HASH_SIZE;
    if data.len() != want {
        return Err(TileError::BadTileLength {
            got: data.len(),
            want,
        });
    }
    Ok(data
        .chunks_exact(HASH_SIZE)
        .map(|c| {
            let mut h = [0u8; HASH_SIZE];
            h.copy_from_slice(c);
            h
        })
        .collect())
}

/// An entry bundle: each entry as a big-endian `u16` length and its bytes.
pub fn encode_entry_bundle<E: AsRef<[u8]>>(entries: &[E]) -> Result<Vec<u8>, TileError> {
    if entries.len() > usize::from(TILE_WIDTH) {
        return Err(TileError::BadBundle(format!(
            "{} entries, at most 256",
            entries.len()
        )));
    }
    let mut out = Vec::new();
    for e in entries {
        let e = e.as_ref();
        let len = u16::try_from(e.len())
            .map_err(|_| TileError::BadBundle(format!("entry of {} bytes", e.len())))?;
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(e);
    }
    Ok(out)
}

/// Parses an entry bundle, which must hold exactly `tile.width()` entries and nothing else.
pub fn parse_entry_bundle(tile: TileId, data: &[u8]) -> Result<Vec<Vec<u8>>, TileError> {
    let mut out = Vec::with_capacity(usize::from(tile.width()));
    let mut rest = data;
    while !rest.is_empty() {
        if out.len() == usize::from(tile.width()) {
            return Err(TileError::BadBundle(
                "more entries than the tile's width".into(),
            ));
        }
        let (len, tail) = rest
            .split_first_chunk::<2>()
            .ok_or_else(|| TileError::BadBundle("truncated length".into()))?;
        let len = usize::from(u16::from_be_bytes(*len));
        if tail.len() < len {
            return Err(TileError::BadBundle("truncated entry".into()));
        }
        let (entry, tail) = tail.split_at(len);
        out.push(entry.to_vec());
        rest = tail;
    }
    if out.len() != usize::from(tile.width()) {
        return Err(TileError::BadBundle(format!(
            "{} entries, {} expected",
            out.len(),
            tile.width()
        )));
    }
    Ok(out)
}

/// A [`HashReader`] over downloaded hash tiles, so roots and proofs can be recomputed from
/// a mirror of the log with the same functions the server uses. Each node hash is taken
/// from the tile that holds its level (or recomputed inside that tile for the levels in
/// between).
#[derive(Clone, Debug, Default)]
pub struct TileHashReader {
    tiles: HashMap<(u8, u64), Vec<Hash>>,
}

impl TileHashReader {
    /// No tiles yet.
    pub fn new() -> Self {
        TileHashReader::default()
    }

    /// Adds a downloaded tile. A wider version of a tile replaces a narrower one; the
    /// caller is responsible for the tile's authenticity, which it establishes by
    /// recomputing a signed checkpoint's root from the tiles.
    pub fn insert(&mut self, tile: TileId, data: &[u8]) -> Result<(), TileError> {
        let hashes = parse_hash_tile(tile, data)?;
        let key = (tile.level(), tile.index());
        let keep = self
            .tiles
            .get(&key)
            .is_some_and(|have| have.len() >= hashes.len());
        if !keep {
            self.tiles.insert(key, hashes);
        }
        Ok(())
    }

    fn node(&self, id: NodeId) -> Result<Hash, ProofError> {
        let missing = || {
            ProofError::Reader(format!(
                "no tile holds the node at level {} index {}",
                id.level, id.index
            ))
        };
        let tile_level = id.level / TILE_HEIGHT;
        let sub = u32::from(id.level % TILE_HEIGHT);
        let count = 1u64 << sub;
        let first = id.index.checked_mul(count).ok_or_else(missing)?;
        let tile_index = first / u64::from(TILE_WIDTH);
        let offset = usize::try_from(first % u64::from(TILE_WIDTH)).map_err(|_| missing())?;
        let count = usize::try_from(count).map_err(|_| missing())?;
        let hashes = self
            .tiles
            .get(&(tile_level, tile_index))
            .ok_or_else(missing)?;
        let slice = hashes.get(offset..offset + count).ok_or_else(missing)?;
        Ok(root_from_leaf_hashes(slice))
    }
}

impl HashReader for TileHashReader {
    fn read_hashes(&self, ids: &[NodeId]) -> Result<Vec<Hash>, ProofError> {
        ids.iter().map(|id| self.node(*id)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tlog::merkle::{
        leaf_hash, prove_consistency, prove_inclusion, tree_root, MemoryHashStore,
    };
    use proptest::prelude::*;

    fn t(level: u8, index: u64, width: u16) -> TileId {
        TileId::new(level, index, width).expect("tile")
    }

    #[test]
    fn index_encoding_follows_the_spec_example() {
        assert_eq!(encode_index(1234067), "x001/x234/067");
        assert_eq!(encode_index(0), "000");
        assert_eq!(encode_index(7), "007");
        assert_eq!(encode_index(1000), "x001/000");
        assert_eq!(encode_index(u64::MAX), "x018/x446/x744/x073/x709/x551/615");
    }

    #[test]
    fn paths() {
        assert_eq!(t(0, 1234067, 256).path(), "tile/0/x001/x234/067");
        assert_eq!(t(1, 2, 17).path(), "tile/1/002.p/17");
        assert_eq!(
            t(0, 1234067, 256).entries_path().as_deref(),
            Some("tile/entries/x001/x234/067")
        );
        assert_eq!(
            t(0, 273, 112).entries_path().as_deref(),
            Some("tile/entries/273.p/112")
        );
        assert_eq!(t(2, 0, 1).entries_path(), None);
        for tile in [t(0, 1234067, 256), t(1, 2, 17), t(7, 0, 1), t(5, 999, 255)] {
            assert_eq!(parse_tile_path(&tile.path()), Ok(TilePath::Hashes(tile)));
        }
        assert_eq!(
            parse_tile_path("tile/entries/x001/x234/067.p/3"),
            Ok(TilePath::Entries(t(0, 1234067, 3)))
        );
        for bad in [
            "",
            "tile",
            "tile/0",
            "tile/0/1",
            "tile/0/01",
            "tile/00/001",
            "tile/64/001",
            "tile/0/x000/001",
            "tile/0/001/002",
            "tile/0/x01/002",
            "tile/0/001.p/0",
            "tile/0/001.p/256",
            "tile/0/001.p/012",
            "tile/0/001.p/",
            "tile/0/001.p",
            "tile/entries/001.p/-1",
            "tile/-1/001",
            "tile/0/x1a4/001",
            "tiles/0/001",
            "tile/0/x018/x446/x744/x073/x709/x551/616",
            "tile/0/x018/x446/x744/x073/x709/x551/615",
        ] {
            assert!(parse_tile_path(bad).is_err(), "{bad:?} should be rejected");
        }
        // Grammatical, but no tree of at most 2^64 leaves has it.
        assert!(matches!(
            parse_tile_path("tile/63/000"),
            Err(TileError::OutOfRange(_))
        ));
        assert!(TileId::new(0, 0, 0).is_err());
        assert!(TileId::new(0, 0, 257).is_err());
        assert!(TileId::new(64, 0, 1).is_err());
        assert!(
            TileId::new(8, 1, 1).is_err(),
            "level 8 holds only one possible node"
        );
        assert!(TileId::new(7, 0, 256).is_err(), "would need 2^64 leaves");
        assert!(TileId::new(7, 0, 255).is_ok());
    }

    #[test]
    fn tiles_of_a_tree_follow_the_spec_examples() {
        // "a tree of size 70,000 will be represented by 273 full level 0 tiles, one partial
        // level 0 tile of width 112, one full level 1 tile, one partial level 1 tile of
        // width 17, and one partial level 2 tile of width 1."
        let tiles = tiles_for_size(70_000);
        let level0: Vec<_> = tiles.iter().filter(|t| t.level() == 0).collect();
        assert_eq!(level0.len(), 274);
        assert_eq!(level0.iter().filter(|t| t.is_full()).count(), 273);
        assert_eq!(*level0[273], t(0, 273, 112));
        let rest: Vec<_> = tiles.iter().filter(|t| t.level() > 0).copied().collect();
        assert_eq!(rest, vec![t(1, 0, 256), t(1, 1, 17), t(2, 0, 1)]);
        // "a tree of size 256 will be represented by a full level 0 tile and a partial
        // level 1 tile of width 1."
        assert_eq!(tiles_for_size(256), vec![t(0, 0, 256), t(1, 0, 1)]);
        assert!(tiles_for_size(0).is_empty());
        assert_eq!(tiles_between(255, 256), vec![t(0, 0, 256), t(1, 0, 1)]);
        assert_eq!(tiles_between(256, 300), vec![t(0, 1, 44)]);
        assert_eq!(tiles_between(300, 300), vec![]);
        assert_eq!(
            tiles_between(u64::MAX - 1, u64::MAX),
            vec![t(0, u64::MAX / 256, 255)]
        );
    }

    #[test]
    fn entry_bundles_round_trip_and_reject_garbage() {
        let entries: Vec<Vec<u8>> = vec![b"a".to_vec(), vec![], vec![7u8; 300]];
        let data = encode_entry_bundle(&entries).expect("encode");
        assert_eq!(&data[..3], &[0, 1, b'a']);
        assert_eq!(
            parse_entry_bundle(t(0, 0, 3), &data).expect("parse"),
            entries
        );
        assert!(parse_entry_bundle(t(0, 0, 2), &data).is_err());
        assert!(parse_entry_bundle(t(0, 0, 4), &data).is_err());
        assert!(parse_entry_bundle(t(0, 0, 3), &data[..data.len() - 1]).is_err());
        assert!(parse_entry_bundle(t(0, 0, 1), &[0]).is_err());
        assert!(encode_entry_bundle(&[vec![0u8; 65536]]).is_err());
        assert!(encode_entry_bundle(&vec![vec![0u8]; 257]).is_err());
    }

    #[test]
    fn tiles_rebuild_roots_and_proofs() {
        let mut store = MemoryHashStore::new();
        let n = 256 * 3 + 77;
        for i in 0u32..n {
            store.append(leaf_hash(&i.to_be_bytes()));
        }
        let size = u64::from(n);
        let mut reader = TileHashReader::new();
        for tile in tiles_for_size(size) {
            let content = hash_tile_content(&store, tile).expect("content");
            assert_eq!(content.len(), usize::from(tile.width()) * 32);
            reader.insert(tile, &content).expect("insert");
        }
        assert_eq!(tree_root(&reader, size).expect("root"), store.root());
        for (index, tree) in [(0u64, size), (500, size), (size - 1, size), (3, 600)] {
            assert_eq!(
                prove_inclusion(&reader, index, tree).expect("from tiles"),
                prove_inclusion(&store, index, tree).expect("from store")
            );
        }
        assert_eq!(
            prove_consistency(&reader, 300, size).expect("from tiles"),
            prove_consistency(&store, 300, size).expect("from store")
        );
        // The tiles of a smaller tree do not reach the larger one's nodes.
        let mut small = TileHashReader::new();
        for tile in tiles_for_size(300) {
            let content = hash_tile_content(&store, tile).expect("content");
            small.insert(tile, &content).expect("insert");
        }
        assert_eq!(
            tree_root(&small, 300).expect("root"),
            tree_root(&store, 300).expect("root")
        );
        assert!(tree_root(&small, size).is_err());
        assert!(reader.insert(t(0, 0, 2), &[0u8; 63]).is_err());
    }

    proptest! {
        #[test]
        fn tile_path_parser_never_panics(s in "\\PC{0,60}") {
            let _ = parse_tile_path(&s);
        }

        #[test]
        fn tile_path_parser_accepts_only_what_it_prints(level in 0u8..3, index in any::<u32>(), width in 1u16..=256) {
            let tile = TileId::new(level, u64::from(index), width).expect("tile");
            prop_assert_eq!(parse_tile_path(&tile.path()), Ok(TilePath::Hashes(tile)));
        }

        #[test]
        fn entry_bundle_parser_never_panics(data in proptest::collection::vec(any::<u8>(), 0..600), width in 1u16..=256) {
            let _ = parse_entry_bundle(TileId::new(0, 0, width).expect("tile"), &data);
        }
    }
}
