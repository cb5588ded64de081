//! The log's entries, format version 1: what each submission and decision records, as
//! canonical bytes.
//!
//! Why a byte format and not JSON: an entry is hashed, so two encoders must produce the
//! same bytes for the same facts, and a verifier in another language must be able to
//! parse it without a JSON canonicalisation scheme (Decidim's unverifiable "fingerprint"
//! of sorted JSON is the example to avoid). Layout (all integers big-endian):
//!
//! ```text
//! entry   = version:u8 (=1) || type:u8 || fields of that type, in the documented order
//! string  = length:u16 || UTF-8 bytes          (no control characters, at most 1024 bytes)
//! u32/u64 = 4 / 8 bytes
//! hash    = 32 bytes
//! opthash = 0x00 | 0x01 || hash
//! time    = u64 seconds since 1970-01-01T00:00:00Z
//! ```
//!
//! Decoding accepts only what encoding produces: unknown versions or types, truncation,
//! trailing bytes, bad UTF-8, bad option tags and unsorted lists are errors, never panics,
//! and `encode(decode(b)) == b` for every accepted `b`. No entry holds personal data: a
//! suggestion appears as a commitment (a salted hash of its content, see
//! [`commit_suggestion`]), so a person's text can be erased from the database while the
//! tree, and everyone's proofs, stay intact. The full byte layout is in
//! `docs/transparency.md`.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The entry format this code writes and reads.
pub const ENTRY_VERSION: u8 = 1;
/// Longest string field, in bytes.
pub const MAX_STRING: usize = 1024;
/// Largest encoded entry: what a tlog-tiles entry bundle can carry.
pub const MAX_ENTRY_SIZE: usize = u16::MAX as usize;
/// Domain-separation prefix of the suggestion commitment.
pub const COMMITMENT_TAG: &[u8] = b"kenes/suggestion-commitment/v1\n";

/// Why an entry could not be encoded or decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    /// The bytes end inside a field.
    #[error("entry is truncated")]
    Truncated,
    /// Bytes remain after the last field.
    #[error("entry has {0} trailing bytes")]
    TrailingBytes(usize),
    /// A format version this code does not read.
    #[error("unknown entry format version {0}")]
    UnknownVersion(u8),
    /// An entry type this code does not know.
    #[error("unknown entry type {0:#04x}")]
    UnknownType(u8),
    /// A field that breaks its rule.
    #[error("invalid field {field}: {reason}")]
    BadField {
        field: &'static str,
        reason: &'static str,
    },
    /// The entry would not fit in an entry bundle.
    #[error("entry of {0} bytes is too large")]
    TooLarge(usize),
    /// The random generator failed (salts).
    #[error("could not generate a salt: {0}")]
    Random(String),
}

/// A 32-byte hash written as lowercase hex in JSON.
pub type Sha256Hash = [u8; 32];

pub(crate) mod hex32 {
    use serde::{de::Error as _, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(h: &[u8; 32], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex::encode(h))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<[u8; 32], D::Error> {
        let s = String::deserialize(d)?;
        parse(&s).map_err(D::Error::custom)
    }

    pub fn parse(s: &str) -> Result<[u8; 32], &'static str> {
        if s.len() != 64 || s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Err("expected 64 lowercase hex digits");
        }
        let v = hex::decode(s).map_err(|_| "expected 64 lowercase hex digits")?;
        v.try_into().map_err(|_| "expected 64 lowercase hex digits")
    }

    pub mod option {
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(h: &Option<[u8; 32]>, s: S) -> Result<S::Ok, S::Error> {
            match h {
                Some(h) => s.serialize_some(&hex::encode(h)),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[u8; 32]>, D::Error> {
            use serde::de::Error as _;
            Option::<String>::deserialize(d)?
                .map(|s| super::parse(&s).map_err(D::Error::custom))
                .transpose()
        }
    }
}

/// The hash of one language's text of a published version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageHash {
    /// Language tag, e.g. `kk`, `ru`, `en`.
    pub language: String,
    /// SHA-256 of that language's canonical text (defined by the publishing step).
    #[serde(with = "hex32")]
    pub sha256: Sha256Hash,
}

/// One log entry. The numbers are the type bytes of format version 1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Entry {
    /// 0x01: a suggestion was received. Its content is committed, not revealed.
    SuggestionSubmitted {
        tracking_number: String,
        /// The clause's permanent identity: a canonical lowercase hyphenated UUID.
        clause_identity: String,
        kind: String,
        language: String,
        /// [`commit_suggestion`] of the content and a random salt.
        #[serde(with = "hex32")]
        commitment: Sha256Hash,
    },
    /// 0x02: a moderation state change. `reason_code` is empty when there is none.
    StateChanged {
        tracking_number: String,
        from: String,
        to: String,
        reason_code: String,
        /// SHA-256 of the public official response text, if the change published one.
        #[serde(with = "hex32::option")]
        response_hash: Option<Sha256Hash>,
        time: u64,
    },
    /// 0x03: a suggestion was marked a duplicate of another.
    Merged {
        tracking_number: String,
        into: String,
        time: u64,
    },
    /// 0x04: a suggestion was hidden for abuse.
    Hidden {
        tracking_number: String,
        reason_code: String,
        time: u64,
    },
    /// 0x05: a suggestion's upvote total when the consultation closed.
    UpvoteTotals {
        tracking_number: String,
        total: u64,
        time: u64,
    },
    /// 0x06: a draft version was published; one text hash per language, sorted by tag.
    VersionPublished {
        consultation: String,
        version: u32,
        texts: Vec<LanguageHash>,
        time: u64,
    },
    /// 0x07: the log's signing key was replaced.
    KeyRotated {
        old_key_name: String,
        old_key_id: u32,
        /// The new verifier key string (`name+id+base64`).
        new_verifier_key: String,
        time: u64,
    },
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_be_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_be_bytes());
    }
    fn hash(&mut self, h: &Sha256Hash) {
        self.0.extend_from_slice(h);
    }
    fn opt_hash(&mut self, h: &Option<Sha256Hash>) {
        match h {
            None => self.u8(0),
            Some(h) => {
                self.u8(1);
                self.hash(h);
            }
        }
    }
    fn string(&mut self, field: &'static str, s: &str, required: bool) -> Result<(), EntryError> {
        check_string(field, s, required)?;
        // check_string bounds the length to MAX_STRING, far below u16::MAX.
        self.0.extend_from_slice(&(s.len() as u16).to_be_bytes());
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

fn check_string(field: &'static str, s: &str, required: bool) -> Result<(), EntryError> {
    if s.len() > MAX_STRING {
        return Err(EntryError::BadField {
            field,
            reason: "longer than 1024 bytes",
        });
    }
    if required && s.is_empty() {
        return Err(EntryError::BadField {
            field,
            reason: "must not be empty",
        });
    }
    if s.chars().any(char::is_control) {
        return Err(EntryError::BadField {
            field,
            reason: "control character",
        });
    }
    Ok(())
}

fn check_uuid(field: &'static str, s: &str) -> Result<(), EntryError> {
    let canonical = uuid::Uuid::parse_str(s)
        .ok()
        .map(|u| u.hyphenated().to_string());
    if canonical.as_deref() == Some(s) {
        Ok(())
    } else {
        Err(EntryError::BadField {
            field,
            reason: "must be a lowercase hyphenated UUID",
        })
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], EntryError> {
        if self.0.len() < n {
            return Err(EntryError::Truncated);
        }
        let (head, tail) = self.0.split_at(n);
        self.0 = tail;
        Ok(head)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], EntryError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }
    fn u8(&mut self) -> Result<u8, EntryError> {
        Ok(self.array::<1>()?[0])
    }
    fn u16(&mut self) -> Result<u16, EntryError> {
        Ok(u16::from_be_bytes(self.array()?))
    }
    fn u32(&mut self) -> Result<u32, EntryError> {
        Ok(u32::from_be_bytes(self.array()?))
    }
    fn u64(&mut self) -> Result<u64, EntryError> {
        Ok(u64::from_be_bytes(self.array()?))
    }
    fn hash(&mut self) -> Result<Sha256Hash, EntryError> {
        self.array()
    }
    fn opt_hash(&mut self, field: &'static str) -> Result<Option<Sha256Hash>, EntryError> {
        match self.u8()? {
            0 => Ok(None),
            1 => Ok(Some(self.hash()?)),
            _ => Err(EntryError::BadField {
                field,
                reason: "option tag must be 0 or 1",
            }),
        }
    }
    fn string(&mut self, field: &'static str, required: bool) -> Result<String, EntryError> {
        let len = usize::from(self.u16()?);
        let bytes = self.take(len)?;
        let s = std::str::from_utf8(bytes).map_err(|_| EntryError::BadField {
            field,
            reason: "not UTF-8",
        })?;
        check_string(field, s, required)?;
        Ok(s.to_string())
    }
}

impl Entry {
    /// The type byte of this entry.
    pub fn type_byte(&self) -> u8 {
        match self {
            Entry::SuggestionSubmitted { .. } => 0x01,
            Entry::StateChanged { .. } => 0x02,
            Entry::Merged { .. } => 0x03,
            Entry::Hidden { .. } => 0x04,
            Entry::UpvoteTotals { .. } => 0x05,
            Entry::VersionPublished { .. } => 0x06,
            Entry::KeyRotated { .. } => 0x07,
        }
    }

    /// The tracking number the entry is about, if it is about a suggestion.
    pub fn tracking_number(&self) -> Option<&str> {
        match self {
            Entry::SuggestionSubmitted {
                tracking_number, ..
            }
            | Entry::StateChanged {
                tracking_number, ..
            }
            | Entry::Merged {
                tracking_number, ..
            }
            | Entry::Hidden {
                tracking_number, ..
            }
            | Entry::UpvoteTotals {
                tracking_number, ..
            } => Some(tracking_number),
            Entry::VersionPublished { .. } | Entry::KeyRotated { .. } => None,
        }
    }

    /// The canonical bytes of the entry (format version 1), after checking every field.
    pub fn encode(&self) -> Result<Vec<u8>, EntryError> {
        let mut w = Writer(vec![ENTRY_VERSION, self.type_byte()]);
        match self {
            Entry::SuggestionSubmitted {
                tracking_number,
                clause_identity,
                kind,
                language,
                commitment,
            } => {
                w.string("tracking_number", tracking_number, true)?;
                check_uuid("clause_identity", clause_identity)?;
                w.string("clause_identity", clause_identity, true)?;
                w.string("kind", kind, true)?;
                w.string("language", language, true)?;
                w.hash(commitment);
            }
            Entry::StateChanged {
                tracking_number,
                from,
                to,
                reason_code,
                response_hash,
                time,
            } => {
                w.string("tracking_number", tracking_number, true)?;
                w.string("from", from, true)?;
                w.string("to", to, true)?;
                w.string("reason_code", reason_code, false)?;
                w.opt_hash(response_hash);
                w.u64(*time);
            }
            Entry::Merged {
                tracking_number,
                into,
                time,
            } => {
                w.string("tracking_number", tracking_number, true)?;
                w.string("into", into, true)?;
                w.u64(*time);
            }
            Entry::Hidden {
                tracking_number,
                reason_code,
                time,
            } => {
                w.string("tracking_number", tracking_number, true)?;
                w.string("reason_code", reason_code, false)?;
                w.u64(*time);
            }
            Entry::UpvoteTotals {
                tracking_number,
                total,
                time,
            } => {
                w.string("tracking_number", tracking_number, true)?;
                w.u64(*total);
                w.u64(*time);
            }
            Entry::VersionPublished {
                consultation,
                version,
                texts,
                time,
            } => {
                w.string("consultation", consultation, true)?;
                w.u32(*version);
                check_sorted(texts)?;
                // check_sorted bounds the count to 1024.
                w.0.extend_from_slice(&(texts.len() as u16).to_be_bytes());
                for t in texts {
                    w.string("language", &t.language, true)?;
                    w.hash(&t.sha256);
                }
                w.u64(*time);
            }
            Entry::KeyRotated {
                old_key_name,
                old_key_id,
                new_verifier_key,
                time,
            } => {
                w.string("old_key_name", old_key_name, true)?;
                w.u32(*old_key_id);
                w.string("new_verifier_key", new_verifier_key, true)?;
                w.u64(*time);
            }
        }
        if w.0.len() > MAX_ENTRY_SIZE {
            return Err(EntryError::TooLarge(w.0.len()));
        }
        Ok(w.0)
    }

    /// Parses canonical entry bytes; anything [`Entry::encode`] would not produce is an
    /// error.
    pub fn decode(bytes: &[u8]) -> Result<Self, EntryError> {
        if bytes.len() > MAX_ENTRY_SIZE {
            return Err(EntryError::TooLarge(bytes.len()));
        }
        let mut r = Reader(bytes);
        let version = r.u8()?;
        if version != ENTRY_VERSION {
            return Err(EntryError::UnknownVersion(version));
        }
        let entry = match r.u8()? {
            0x01 => {
                let tracking_number = r.string("tracking_number", true)?;
                let clause_identity = r.string("clause_identity", true)?;
                check_uuid("clause_identity", &clause_identity)?;
                Entry::SuggestionSubmitted {
                    tracking_number,
                    clause_identity,
                    kind: r.string("kind", true)?,
                    language: r.string("language", true)?,
                    commitment: r.hash()?,
                }
            }
            0x02 => Entry::StateChanged {
                tracking_number: r.string("tracking_number", true)?,
                from: r.string("from", true)?,
                to: r.string("to", true)?,
                reason_code: r.string("reason_code", false)?,
                response_hash: r.opt_hash("response_hash")?,
                time: r.u64()?,
            },
            0x03 => Entry::Merged {
                tracking_number: r.string("tracking_number", true)?,
                into: r.string("into", true)?,
                time: r.u64()?,
            },
            0x04 => Entry::Hidden {
                tracking_number: r.string("tracking_number", true)?,
                reason_code: r.string("reason_code", false)?,
                time: r.u64()?,
            },
            0x05 => Entry::UpvoteTotals {
                tracking_number: r.string("tracking_number", true)?,
                total: r.u64()?,
                time: r.u64()?,
            },
            0x06 => {
                let consultation = r.string("consultation", true)?;
                let version = r.u32()?;
                let count = usize::from(r.u16()?);
                let mut texts = Vec::with_capacity(count.min(64));
                for _ in 0..count {
                    texts.push(LanguageHash {
                        language: r.string("language", true)?,
                        sha256: r.hash()?,
                    });
                }
                check_sorted(&texts)?;
                Entry::VersionPublished {
                    consultation,
                    version,
                    texts,
                    time: r.u64()?,
                }
            }
            0x07 => Entry::KeyRotated {
                old_key_name: r.string("old_key_name", true)?,
                old_key_id: r.u32()?,
                new_verifier_key: r.string("new_verifier_key", true)?,
                time: r.u64()?,
            },
            other => return Err(EntryError::UnknownType(other)),
        };
        if !r.0.is_empty() {
            return Err(EntryError::TrailingBytes(r.0.len()));
        }
        Ok(entry)
    }
}

fn check_sorted(texts: &[LanguageHash]) -> Result<(), EntryError> {
    if texts.len() > 1024 {
        return Err(EntryError::BadField {
            field: "texts",
            reason: "too many languages",
        });
    }
    if texts
        .windows(2)
        .any(|w| w[0].language.as_bytes() >= w[1].language.as_bytes())
    {
        return Err(EntryError::BadField {
            field: "texts",
            reason: "languages must be unique and sorted by byte order",
        });
    }
    Ok(())
}

/// The content a suggestion commitment binds: revealed in a receipt, checked against the
/// log by [`verify_commitment`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestionContent {
    pub tracking_number: String,
    pub clause_identity: String,
    pub kind: String,
    pub language: String,
    /// The suggestion's text, exactly as stored (Kenes stores NFC).
    pub text: String,
    /// The proposed replacement text of an amendment, if any.
    pub proposed_text: Option<String>,
    /// Submission time, seconds since the Unix epoch.
    pub submitted_at: u64,
}

fn put_long(out: &mut Vec<u8>, s: &str) {
    // Texts can be long: commitment fields use u32 lengths. A &str cannot exceed
    // isize::MAX, and the server's body limit keeps it far below u32::MAX; saturate rather
    // than wrap so an absurd input cannot collide with a shorter one.
    let len = u32::try_from(s.len()).unwrap_or(u32::MAX);
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// The exact bytes hashed by [`commit_suggestion`]:
///
/// ```text
/// "kenes/suggestion-commitment/v1\n"
/// || str(tracking_number) || str(clause_identity) || str(kind) || str(language)
/// || str(text) || (0x00 | 0x01 || str(proposed_text)) || u64(submitted_at) || salt[32]
/// ```
/// with `str(s) = u32 big-endian byte length || UTF-8 bytes`.
pub fn commitment_preimage(content: &SuggestionContent, salt: &[u8; 32]) -> Vec<u8> {
    let mut out = Vec::with_capacity(
        COMMITMENT_TAG.len()
            + 64
            + content.text.len()
            + content.proposed_text.as_ref().map_or(0, String::len),
    );
    out.extend_from_slice(COMMITMENT_TAG);
    put_long(&mut out, &content.tracking_number);
    put_long(&mut out, &content.clause_identity);
    put_long(&mut out, &content.kind);
    put_long(&mut out, &content.language);
    put_long(&mut out, &content.text);
    match &content.proposed_text {
        None => out.push(0),
        Some(p) => {
            out.push(1);
            put_long(&mut out, p);
        }
    }
    out.extend_from_slice(&content.submitted_at.to_be_bytes());
    out.extend_from_slice(salt);
    out
}

/// SHA-256 of [`commitment_preimage`]: hides the content (the salt is 32 random bytes) and
/// binds it (changing any field changes the hash).
pub fn commit_suggestion(content: &SuggestionContent, salt: &[u8; 32]) -> Sha256Hash {
    Sha256::digest(commitment_preimage(content, salt)).into()
}

/// Whether `content` and `salt` open `commitment`.
pub fn verify_commitment(
    content: &SuggestionContent,
    salt: &[u8; 32],
    commitment: &Sha256Hash,
) -> bool {
    use subtle::ConstantTimeEq;
    commit_suggestion(content, salt).ct_eq(commitment).into()
}

/// A fresh salt from the operating system's random generator.
pub fn new_salt() -> Result<[u8; 32], EntryError> {
    use rand::RngCore as _;
    let mut salt = [0u8; 32];
    rand::rngs::OsRng
        .try_fill_bytes(&mut salt)
        .map_err(|e| EntryError::Random(e.to_string()))?;
    Ok(salt)
}

/// The `SuggestionSubmitted` entry for `content` with `salt`.
pub fn suggestion_entry(content: &SuggestionContent, salt: &[u8; 32]) -> Entry {
    Entry::SuggestionSubmitted {
        tracking_number: content.tracking_number.clone(),
        clause_identity: content.clause_identity.clone(),
        kind: content.kind.clone(),
        language: content.language.clone(),
        commitment: commit_suggestion(content, salt),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(crate) fn sample_content() -> SuggestionContent {
        SuggestionContent {
            tracking_number: "KNS-2024-000123".into(),
            clause_identity: "6f1c2b1e-8a3d-4c5e-9f00-1a2b3c4d5e6f".into(),
            kind: "amend".into(),
            language: "kk".into(),
            text: "Бұл бапты нақтылау керек.".into(),
            proposed_text: Some("Азаматтар тең құқылы.".into()),
            submitted_at: 1_714_000_000,
        }
    }

    /// Version 1 of the sample consultation, with one text hash `[b; 32]` per language.
    pub(crate) fn version_entry(texts: &[(&str, u8)]) -> Entry {
        Entry::VersionPublished {
            consultation: "constitution-2024".into(),
            version: 1,
            texts: texts
                .iter()
                .map(|(language, b)| LanguageHash {
                    language: (*language).into(),
                    sha256: [*b; 32],
                })
                .collect(),
            time: 1_713_000_000,
        }
    }

    #[test]
    fn suggestion_entry_bytes_are_as_documented() {
        let salt = [0x11u8; 32];
        let content = sample_content();
        let entry = suggestion_entry(&content, &salt);
        let bytes = entry.encode().expect("encode");
        let mut want = vec![1u8, 1];
        for s in [
            "KNS-2024-000123",
            "6f1c2b1e-8a3d-4c5e-9f00-1a2b3c4d5e6f",
            "amend",
            "kk",
        ] {
            want.extend_from_slice(&(s.len() as u16).to_be_bytes());
            want.extend_from_slice(s.as_bytes());
        }
        want.extend_from_slice(&commit_suggestion(&content, &salt));
        assert_eq!(bytes, want);
        assert_eq!(Entry::decode(&bytes).expect("decode"), entry);
        assert!(verify_commitment(
            &content,
            &salt,
            &commit_suggestion(&content, &salt)
        ));
        let mut changed = content.clone();
        changed.text.push('!');
        assert!(!verify_commitment(
            &changed,
            &salt,
            &commit_suggestion(&content, &salt)
        ));
        let mut none = content.clone();
        none.proposed_text = None;
        assert_ne!(
            commit_suggestion(&none, &salt),
            commit_suggestion(&content, &salt)
        );
        let mut empty = content;
        empty.proposed_text = Some(String::new());
        assert_ne!(
            commit_suggestion(&none, &salt),
            commit_suggestion(&empty, &salt)
        );
        assert!(!verify_commitment(
            &empty,
            &[0x12; 32],
            &commit_suggestion(&empty, &salt)
        ));
    }

    #[test]
    fn commitment_preimage_layout() {
        let c = SuggestionContent {
            tracking_number: "T".into(),
            clause_identity: "u".into(),
            kind: "k".into(),
            language: "l".into(),
            text: "x".into(),
            proposed_text: None,
            submitted_at: 2,
        };
        let p = commitment_preimage(&c, &[9; 32]);
        let mut want = COMMITMENT_TAG.to_vec();
        for s in ["T", "u", "k", "l", "x"] {
            want.extend_from_slice(&[0, 0, 0, 1]);
            want.extend_from_slice(s.as_bytes());
        }
        want.push(0);
        want.extend_from_slice(&2u64.to_be_bytes());
        want.extend_from_slice(&[9; 32]);
        assert_eq!(p, want);
    }

    #[test]
    fn decode_rejects_non_canonical_input() {
        let e = Entry::Merged {
            tracking_number: "A".into(),
            into: "B".into(),
            time: 5,
        };
        let b = e.encode().expect("encode");
        assert_eq!(Entry::decode(&b), Ok(e));
        let mut trailing = b.clone();
        trailing.push(0);
        assert_eq!(Entry::decode(&trailing), Err(EntryError::TrailingBytes(1)));
        assert_eq!(Entry::decode(&b[..b.len() - 1]), Err(EntryError::Truncated));
        let mut v2 = b.clone();
        v2[0] = 2;
        assert_eq!(Entry::decode(&v2), Err(EntryError::UnknownVersion(2)));
        let mut t = b.clone();
        t[1] = 0x42;
        assert_eq!(Entry::decode(&t), Err(EntryError::UnknownType(0x42)));
        assert_eq!(Entry::decode(&[]), Err(EntryError::Truncated));
        assert_eq!(Entry::decode(&[1]), Err(EntryError::Truncated));
        // Bad option tag.
        let s = Entry::StateChanged {
            tracking_number: "A".into(),
            from: "pending".into(),
            to: "published".into(),
            reason_code: String::new(),
            response_hash: None,
            time: 1,
        };
        let mut b = s.encode().expect("encode");
        let tag_at = b.len() - 9;
        assert_eq!(b[tag_at], 0);
        b[tag_at] = 2;
        assert!(matches!(
            Entry::decode(&b),
            Err(EntryError::BadField { .. })
        ));
        // Invalid UTF-8, control characters, non-canonical UUIDs and unsorted languages.
        let bad_utf8 = [1u8, 3, 0, 1, 0xff, 0, 1, b'B', 0, 0, 0, 0, 0, 0, 0, 0];
        assert!(matches!(
            Entry::decode(&bad_utf8),
            Err(EntryError::BadField { .. })
        ));
        let ctrl = Entry::Merged {
            tracking_number: "A\n".into(),
            into: "B".into(),
            time: 5,
        };
        assert!(ctrl.encode().is_err());
        let mut upper = suggestion_entry(&sample_content(), &[0; 32]);
        if let Entry::SuggestionSubmitted {
            clause_identity, ..
        } = &mut upper
        {
            *clause_identity = clause_identity.to_uppercase();
        }
        assert!(upper.encode().is_err());
        assert!(version_entry(&[("ru", 1), ("kk", 2)]).encode().is_err());
        assert!(version_entry(&[("kk", 1), ("kk", 2)]).encode().is_err());
        assert!(version_entry(&[("kk", 1), ("ru", 2)]).encode().is_ok());
        let empty = Entry::Merged {
            tracking_number: String::new(),
            into: "B".into(),
            time: 5,
        };
        assert!(empty.encode().is_err());
        let long = Entry::Hidden {
            tracking_number: "A".into(),
            reason_code: "x".repeat(MAX_STRING + 1),
            time: 5,
        };
        assert!(long.encode().is_err());
    }

    #[test]
    fn json_form_is_readable() {
        let e = Entry::StateChanged {
            tracking_number: "A".into(),
            from: "published".into(),
            to: "accepted".into(),
            reason_code: "R1".into(),
            response_hash: Some([0xab; 32]),
            time: 7,
        };
        let j = serde_json::to_value(&e).expect("json");
        assert_eq!(j["type"], "state_changed");
        assert_eq!(j["response_hash"], "ab".repeat(32));
        let back: Entry = serde_json::from_value(j).expect("back");
        assert_eq!(back, e);
    }

    fn field() -> impl Strategy<Value = String> {
        "[A-Za-z0-9 ._\u{400}-\u{4ff}-]{1,40}"
    }

    fn hash() -> impl Strategy<Value = [u8; 32]> {
        any::<[u8; 32]>()
    }

    pub(crate) fn entry_strategy() -> impl Strategy<Value = Entry> {
        prop_oneof![
            (field(), any::<u128>(), field(), field(), hash()).prop_map(|(t, u, k, l, c)| {
                Entry::SuggestionSubmitted {
                    tracking_number: t,
                    clause_identity: uuid::Uuid::from_u128(u).hyphenated().to_string(),
                    kind: k,
                    language: l,
                    commitment: c,
                }
            }),
            (
                field(),
                field(),
                field(),
                "[A-Z0-9_]{0,10}",
                proptest::option::of(hash()),
                any::<u64>()
            )
                .prop_map(|(t, f, to, r, h, time)| Entry::StateChanged {
                    tracking_number: t,
                    from: f,
                    to,
                    reason_code: r,
                    response_hash: h,
                    time,
                }),
            (field(), field(), any::<u64>()).prop_map(|(t, i, time)| Entry::Merged {
                tracking_number: t,
                into: i,
                time
            }),
            (field(), "[A-Z0-9_]{0,10}", any::<u64>()).prop_map(|(t, r, time)| Entry::Hidden {
                tracking_number: t,
                reason_code: r,
                time
            }),
            (field(), any::<u64>(), any::<u64>()).prop_map(|(t, total, time)| {
                Entry::UpvoteTotals {
                    tracking_number: t,
                    total,
                    time,
                }
            }),
            (
                field(),
                any::<u32>(),
                proptest::collection::btree_map("[a-z]{2,3}", hash(), 0..5),
                any::<u64>()
            )
                .prop_map(|(c, v, m, time)| Entry::VersionPublished {
                    consultation: c,
                    version: v,
                    texts: m
                        .into_iter()
                        .map(|(language, sha256)| LanguageHash { language, sha256 })
                        .collect(),
                    time,
                }),
            (field(), any::<u32>(), field(), any::<u64>()).prop_map(|(n, id, k, time)| {
                Entry::KeyRotated {
                    old_key_name: n,
                    old_key_id: id,
                    new_verifier_key: k,
                    time,
                }
            }),
        ]
    }

    proptest! {
        #[test]
        fn round_trip(e in entry_strategy()) {
            let b = e.encode().expect("encode");
            prop_assert_eq!(Entry::decode(&b).expect("decode"), e.clone());
            let j = serde_json::to_string(&e).expect("json");
            prop_assert_eq!(serde_json::from_str::<Entry>(&j).expect("from json"), e);
        }

        #[test]
        fn decode_never_panics_and_is_canonical(b in proptest::collection::vec(any::<u8>(), 0..200)) {
            if let Ok(e) = Entry::decode(&b) {
                prop_assert_eq!(e.encode().expect("re-encode"), b);
            }
        }

        #[test]
        fn decode_survives_mutations(e in entry_strategy(), pos in any::<usize>(), byte in any::<u8>()) {
            let mut b = e.encode().expect("encode");
            let at = pos % b.len();
            b[at] = byte;
            if let Ok(d) = Entry::decode(&b) {
                prop_assert_eq!(d.encode().expect("re-encode"), b);
            }
        }
    }
}
