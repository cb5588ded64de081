//! Near-duplicate detection, computed in Rust so that it is the same on both backends.
//!
//! A text is reduced to its set of word pairs (lower-case, letters and digits only, so
//! Cyrillic, Kazakh and Latin all work); its MinHash signature keeps, for each of 64
//! fixed hash functions, the smallest hash over that set. The share of positions where
//! two signatures agree estimates the Jaccard similarity of the two sets. Signatures
//! are stored with each suggestion (hex), so comparing a new text with thousands on
//! the same clause never reads their bodies. The hash functions are fixed constants
//! (FNV-1a and splitmix64), so stored signatures stay valid across builds.

use std::collections::HashSet;

pub const SIGNATURE_LEN: usize = 64;

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The words of a text, normalised for comparison in any of the three languages
/// (Unicode lower case, `ё` as `е`, Kazakh letters kept: [`super::search::words`]).
pub fn words(text: &str) -> Vec<String> {
    super::search::words(text)
}

/// Word pairs (single words for a one-word text), hashed.
fn shingles(text: &str) -> HashSet<u64> {
    let words = words(text);
    if words.len() < 2 {
        return words.iter().map(|w| fnv1a(w.as_bytes())).collect();
    }
    words
        .windows(2)
        .map(|pair| fnv1a(format!("{} {}", pair[0], pair[1]).as_bytes()))
        .collect()
}

/// The MinHash signature of a text.
pub fn signature(text: &str) -> Vec<u32> {
    let set = shingles(text);
    (0..SIGNATURE_LEN as u64)
        .map(|i| {
            let seed = splitmix64(i.wrapping_add(1));
            set.iter()
                .map(|h| u32::try_from(splitmix64(h ^ seed) >> 32).unwrap_or(u32::MAX))
                .min()
                .unwrap_or(u32::MAX)
        })
        .collect()
}

pub fn encode(signature: &[u32]) -> String {
    signature.iter().map(|v| format!("{v:08x}")).collect()
}

pub fn decode(text: &str) -> Option<Vec<u32>> {
    if text.len() != SIGNATURE_LEN * 8 {
        return None;
    }
    (0..SIGNATURE_LEN)
        .map(|i| u32::from_str_radix(text.get(i * 8..i * 8 + 8)?, 16).ok())
        .collect()
}

/// Estimated Jaccard similarity of two signatures, 0.0 to 1.0.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    if a.len() != b.len() || a.is_empty() {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len() as f64
}

/// Locality-sensitive hashing: a signature cut into `BANDS` bands of `ROWS` values.
/// Two texts land in the same bucket of some band with probability 1 - (1 - s^4)^16
/// for similarity s: about 0.12 at s = 0.3, 0.64 at s = 0.5, 0.97 at s = 0.67 and
/// 0.999 at s = 0.8. Only pairs sharing a bucket are compared (and joined only when
/// their estimated similarity reaches the threshold), so clustering is linear in the
/// number of texts.
pub const BANDS: usize = 16;
const ROWS: usize = SIGNATURE_LEN / BANDS;

/// The bucket key of each band (the band's number is mixed in).
pub fn band_keys(signature: &[u32]) -> Vec<u64> {
    signature
        .chunks(ROWS)
        .enumerate()
        .map(|(band, values)| {
            values.iter().fold(band as u64, |acc, v| {
                splitmix64(acc ^ u64::from(*v)).rotate_left(7)
            })
        })
        .collect()
}

/// How similar two texts must be to belong to one near-duplicate cluster.
pub const CLUSTER_THRESHOLD: f64 = 0.5;
/// How many earlier members of a bucket a text is compared with. Identical campaign
/// texts fill one bucket by the thousand; comparing with a few representatives keeps
/// the work linear.
const REPRESENTATIVES: usize = 4;

/// Group texts into near-duplicate clusters: each item is (id, signature), in id
/// order. Returns, for each item, the index of its cluster's first member. Items whose
/// similarity is at least [`CLUSTER_THRESHOLD`] to a representative of a shared bucket
/// are joined (and joining is transitive, as for any clustering by linkage).
pub fn cluster(signatures: &[Vec<u32>]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..signatures.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut buckets: std::collections::HashMap<u64, Vec<usize>> = std::collections::HashMap::new();
    for (i, signature) in signatures.iter().enumerate() {
        for key in band_keys(signature) {
            let reps = buckets.entry(key).or_default();
            let mut matched = false;
            for &j in reps.iter() {
                if similarity(signature, &signatures[j]) >= CLUSTER_THRESHOLD {
                    matched = true;
                    let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                    if a != b {
                        // The smaller index (the earlier text) stays the root.
                        parent[a.max(b)] = a.min(b);
                    }
                }
            }
            if !matched && reps.len() < REPRESENTATIVES {
                reps.push(i);
            }
        }
    }
    (0..signatures.len())
        .map(|i| root(&mut parent, i))
        .collect()
}

/// A short hash of a text's words (case, spacing and punctuation ignored): identical
/// texts from many accounts are a campaign.
pub fn text_hash(text: &str) -> String {
    let normal = words(text).join(" ");
    let digest = <sha2::Sha256 as sha2::Digest>::digest(normal.as_bytes());
    hex::encode(&digest[..8])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_duplicates_score_high_and_others_low() {
        let a = signature(
            "Право на мирные собрания должно быть гарантировано каждому гражданину без исключений",
        );
        let b = signature("Право на мирные собрания должно быть гарантировано каждому гражданину, без всяких исключений!");
        let c = signature("Қазақ тілі мемлекеттік тіл болып табылады және оны дамыту қажет");
        assert!(similarity(&a, &b) > 0.5, "{}", similarity(&a, &b));
        assert!(similarity(&a, &c) < 0.1, "{}", similarity(&a, &c));
        assert_eq!(similarity(&a, &a), 1.0);
    }

    #[test]
    fn kazakh_and_russian_near_duplicates_ignore_case_yo_and_punctuation() {
        // Russian: capitals, ё written or not, punctuation.
        let a = signature("Всё население страны имеет право на ещё одно обсуждение закона");
        let b = signature("ВСЕ НАСЕЛЕНИЕ СТРАНЫ ИМЕЕТ ПРАВО НА ЕЩЕ ОДНО ОБСУЖДЕНИЕ ЗАКОНА.");
        assert_eq!(similarity(&a, &b), 1.0);
        // Kazakh: capitals of the Kazakh letters fold to their own lower case, and
        // stay distinct from the Russian letters they resemble (қ is not к).
        let c = signature("Қазақ тілі мемлекеттік тіл болып табылады және оны дамыту қажет");
        let d = signature("ҚАЗАҚ ТІЛІ МЕМЛЕКЕТТІК ТІЛ БОЛЫП ТАБЫЛАДЫ ЖӘНЕ ОНЫ ДАМЫТУ ҚАЖЕТ!");
        let e = signature("Казак тили мемлекеттик тил болып табылады жане оны дамыту кажет");
        assert_eq!(similarity(&c, &d), 1.0);
        assert!(similarity(&c, &e) < 0.35, "{}", similarity(&c, &e));
        // A near-duplicate with one word changed still scores high.
        let f = signature("Қазақ тілі мемлекеттік тіл болып табылады және оны қорғау қажет");
        assert!(similarity(&c, &f) > 0.5, "{}", similarity(&c, &f));
        assert_eq!(text_hash("Всё верно"), text_hash("все ВЕРНО"));
    }

    #[test]
    fn signatures_round_trip_and_are_stable() {
        let s = signature("The Congress shall have Power To lay and collect Taxes");
        assert_eq!(decode(&encode(&s)), Some(s.clone()));
        // Fixed hash functions: the same text gives the same signature in every build.
        assert_eq!(
            encode(&s)[..8],
            encode(&signature(
                "the congress shall have power to lay and collect taxes"
            ))[..8]
        );
        assert_eq!(decode("xyz"), None);
    }

    #[test]
    fn clusters_join_near_duplicates_only() {
        let texts = [
            "Право на мирные собрания должно быть гарантировано каждому гражданину без исключений",
            "Қазақ тілі мемлекеттік тіл болып табылады және оны дамыту қажет",
            "Право на мирные собрания должно быть гарантировано каждому гражданину без всяких исключений",
            "Қазақ тілі мемлекеттік тіл болып табылады және оны дамыту қажет!",
            "Local councils should have a real say in this decision",
        ];
        let signatures: Vec<Vec<u32>> = texts.iter().map(|t| signature(t)).collect();
        assert_eq!(cluster(&signatures), vec![0, 1, 0, 1, 4]);
        assert_eq!(text_hash(texts[1]), text_hash(texts[3]));
        assert_ne!(text_hash(texts[0]), text_hash(texts[2]));
    }
}
