//! The receipt proof bundle: everything a citizen needs to prove, offline and without
//! trusting Kenes, that an entry is in the log: the entry's bytes, the opening of its
//! commitment (salt and content) for a suggestion, its inclusion proof, and a checkpoint
//! signed by the log's key (and perhaps cosigned by witnesses).
//!
//! [`verify_bundle`] is what `kenes verify` calls; `tools/verify_receipt.py` performs the
//! same checks from `docs/transparency.md` alone. The JSON is an envelope: every check
//! runs on the entry bytes and the signed note, and the human-readable `decoded` copy of
//! the entry is accepted only if it equals what the bytes say.

use super::checkpoint::{Checkpoint, CheckpointError};
use super::cosignature::{verify_cosignatures, Cosignature, CosignatureError, CosignatureVerifier};
use super::entry::{hex32, verify_commitment, Entry, EntryError, SuggestionContent};
use super::merkle::{leaf_hash, verify_inclusion, Hash, ProofError};
use super::note::{self, Ed25519Verifier, NoteError, NoteSignature};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

/// The value of the bundle's `format` field.
pub const BUNDLE_FORMAT: &str = "kenes-receipt-bundle/v1";
/// Largest bundle JSON accepted, in bytes.
pub const MAX_BUNDLE_SIZE: usize = 4 << 20;

/// The salt and content that open a suggestion's commitment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opening {
    /// The 32-byte salt, hex.
    #[serde(with = "hex32")]
    pub salt: [u8; 32],
    /// The committed fields.
    pub suggestion: SuggestionContent,
}

/// A receipt's proof bundle, as JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReceiptBundle {
    /// Always [`BUNDLE_FORMAT`].
    pub format: String,
    /// The entry's index in the log.
    pub leaf_index: u64,
    /// The size of the tree the proof and checkpoint are for.
    pub tree_size: u64,
    /// The entry bytes, base64.
    pub entry: String,
    /// The entry decoded, for people; checked against `entry`.
    pub decoded: Entry,
    /// For a submitted suggestion: what opens its commitment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening: Option<Opening>,
    /// The inclusion proof, bottom-up, each hash hex.
    pub inclusion_proof: Vec<String>,
    /// The signed checkpoint note of size `tree_size`.
    pub checkpoint: String,
    /// Witness cosignature lines (`— name base64`) on that checkpoint.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cosignatures: Vec<String>,
}

/// Why a bundle does not verify. Each message names the check that failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BundleError {
    /// Not JSON of the bundle's shape.
    #[error("not a receipt bundle: {0}")]
    Json(String),
    /// Another format version.
    #[error("unsupported bundle format {0:?}")]
    Format(String),
    /// The entry field is not base64 or not a valid entry.
    #[error("the entry is invalid: {0}")]
    Entry(String),
    /// The decoded copy differs from the entry bytes.
    #[error("the decoded entry does not match the entry bytes")]
    DecodedMismatch,
    /// The opening does not open the entry's commitment.
    #[error("the suggestion's content and salt do not match the logged commitment: {0}")]
    Commitment(&'static str),
    /// The trusted key string is not a verifier key.
    #[error("the trusted key is invalid: {0}")]
    Key(NoteError),
    /// The checkpoint is malformed, for another log, or not signed by the trusted key.
    #[error("the checkpoint does not verify: {0}")]
    Checkpoint(CheckpointError),
    /// The checkpoint's size is not the bundle's tree size.
    #[error("the checkpoint is for tree size {checkpoint}, the proof for {bundle}")]
    SizeMismatch { checkpoint: u64, bundle: u64 },
    /// A proof hash is not 64 lowercase hex digits.
    #[error("inclusion proof hash {0} is not 64 hex digits")]
    ProofHash(usize),
    /// The inclusion proof does not lead to the checkpoint's root.
    #[error("the entry is not included in the signed tree: {0}")]
    Inclusion(ProofError),
    /// A witness cosignature line is malformed or does not verify.
    #[error("cosignature check failed: {0}")]
    Cosignature(CosignatureError),
}

/// What a successful verification established.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verified {
    /// The log's origin, from the signed checkpoint.
    pub origin: String,
    /// The signed tree size.
    pub tree_size: u64,
    /// The signed root.
    pub root: Hash,
    /// The entry's index.
    pub leaf_index: u64,
    /// The entry.
    pub entry: Entry,
    /// Whether the bundle carried the suggestion's content and it opened the commitment.
    pub commitment_opened: bool,
}

impl ReceiptBundle {
    /// Assembles a bundle for the server: `entry` is the logged bytes, `proof` its
    /// inclusion proof in the tree of `signed_checkpoint`.
    pub fn new(
        entry: &[u8],
        leaf_index: u64,
        proof: &[Hash],
        signed_checkpoint: &str,
        opening: Option<Opening>,
    ) -> Result<Self, BundleError> {
        let decoded = Entry::decode(entry).map_err(|e| BundleError::Entry(e.to_string()))?;
        let parsed =
            note::Note::parse(signed_checkpoint).map_err(|e| BundleError::Checkpoint(e.into()))?;
        let checkpoint = Checkpoint::parse(&parsed.text).map_err(BundleError::Checkpoint)?;
        Ok(ReceiptBundle {
            format: BUNDLE_FORMAT.to_string(),
            leaf_index,
            tree_size: checkpoint.size(),
            entry: B64.encode(entry),
            decoded,
            opening,
            inclusion_proof: proof.iter().map(hex::encode).collect(),
            checkpoint: signed_checkpoint.to_string(),
            cosignatures: Vec::new(),
        })
    }

    /// Adds witness cosignature lines.
    pub fn with_cosignatures(mut self, cosignatures: &[NoteSignature]) -> Self {
        self.cosignatures = cosignatures.iter().map(NoteSignature::to_line).collect();
        self
    }

    /// Pretty JSON, as downloaded from a receipt.
    pub fn to_json(&self) -> Result<String, BundleError> {
        serde_json::to_string_pretty(self).map_err(|e| BundleError::Json(e.to_string()))
    }

    /// Parses bundle JSON (at most 4 MiB).
    pub fn from_json(json: &str) -> Result<Self, BundleError> {
        if json.len() > MAX_BUNDLE_SIZE {
            return Err(BundleError::Json("larger than 4 MiB".into()));
        }
        serde_json::from_str(json).map_err(|e| BundleError::Json(e.to_string()))
    }

    /// The checkpoint note with the bundle's cosignature lines added.
    fn cosigned_checkpoint(&self) -> Result<String, BundleError> {
        let mut lines = Vec::with_capacity(self.cosignatures.len());
        for line in &self.cosignatures {
            let wrapped = format!("x\n\n{line}\n");
            let parsed = note::Note::parse(&wrapped)
                .map_err(|e| BundleError::Cosignature(CosignatureError::Note(e)))?;
            lines.extend(parsed.signatures);
        }
        note::add_signatures(&self.checkpoint, &lines)
            .map_err(|e| BundleError::Cosignature(CosignatureError::Note(e)))
    }
}

/// Checks a bundle against the log's verifier key (`<name>+<id>+<base64>`): the entry
/// decodes, the opening (if any) opens its commitment, the entry's leaf hash is included
/// in the tree whose root the checkpoint states, and the checkpoint is signed by that key.
pub fn verify_bundle(
    bundle: &ReceiptBundle,
    trusted_verifier_key: &str,
) -> Result<Verified, BundleError> {
    if bundle.format != BUNDLE_FORMAT {
        return Err(BundleError::Format(
            bundle.format.chars().take(60).collect(),
        ));
    }
    let bytes = B64
        .decode(&bundle.entry)
        .map_err(|_| BundleError::Entry("not base64".into()))?;
    let entry = Entry::decode(&bytes).map_err(|e: EntryError| BundleError::Entry(e.to_string()))?;
    if entry != bundle.decoded {
        return Err(BundleError::DecodedMismatch);
    }
    let commitment_opened = match (&entry, &bundle.opening) {
        (_, None) => false,
        (
            Entry::SuggestionSubmitted {
                tracking_number,
                clause_identity,
                kind,
                language,
                commitment,
            },
            Some(opening),
        ) => {
            let s = &opening.suggestion;
            if &s.tracking_number != tracking_number
                || &s.clause_identity != clause_identity
                || &s.kind != kind
                || &s.language != language
            {
                return Err(BundleError::Commitment(
                    "the revealed fields differ from the entry's",
                ));
            }
            if !verify_commitment(s, &opening.salt, commitment) {
                return Err(BundleError::Commitment("the hash differs"));
            }
            true
        }
        (_, Some(_)) => {
            return Err(BundleError::Commitment(
                "only a submitted suggestion has an opening",
            ))
        }
    };
    let key = Ed25519Verifier::from_vkey(trusted_verifier_key).map_err(BundleError::Key)?;
    let (checkpoint, _) =
        Checkpoint::open(&bundle.checkpoint, None, &[&key]).map_err(BundleError::Checkpoint)?;
    if checkpoint.size() != bundle.tree_size {
        return Err(BundleError::SizeMismatch {
            checkpoint: checkpoint.size(),
            bundle: bundle.tree_size,
        });
    }
    let proof = bundle
        .inclusion_proof
        .iter()
        .enumerate()
        .map(|(i, h)| hex32::parse(h).map_err(|_| BundleError::ProofHash(i)))
        .collect::<Result<Vec<Hash>, _>>()?;
    verify_inclusion(
        &leaf_hash(&bytes),
        bundle.leaf_index,
        bundle.tree_size,
        &proof,
        checkpoint.root(),
    )
    .map_err(BundleError::Inclusion)?;
    Ok(Verified {
        origin: checkpoint.origin().to_string(),
        tree_size: checkpoint.size(),
        root: *checkpoint.root(),
        leaf_index: bundle.leaf_index,
        entry,
        commitment_opened,
    })
}

/// The bundle's cosignatures by the given witnesses, each checked against the bundle's
/// checkpoint (call after [`verify_bundle`]); an auditor policy can then require N of them.
pub fn verify_bundle_cosignatures(
    bundle: &ReceiptBundle,
    witnesses: &[CosignatureVerifier],
) -> Result<Vec<Cosignature>, BundleError> {
    let note = bundle.cosigned_checkpoint()?;
    verify_cosignatures(&note, witnesses).map_err(BundleError::Cosignature)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tlog::checkpoint::origin_for_host;
    use crate::tlog::cosignature::CosignatureSigner;
    use crate::tlog::entry::suggestion_entry;
    use crate::tlog::entry::tests::{sample_content, version_entry};
    use crate::tlog::merkle::{prove_inclusion, MemoryHashStore};
    use crate::tlog::note::Ed25519Signer;
    use proptest::prelude::*;
    use std::path::PathBuf;
    use std::process::Command;

    pub(crate) struct Fixture {
        pub signer: Ed25519Signer,
        pub witness: CosignatureSigner,
        pub bundle: ReceiptBundle,
        pub later: ReceiptBundle,
        /// Bundles for every other entry, one of each entry type among them.
        pub others: Vec<ReceiptBundle>,
    }

    /// A log of eight entries, every type among them, with a suggestion at index 2 and its
    /// publication at index 3 (`later`), and bundles for each.
    pub(crate) fn fixture() -> Fixture {
        let origin = origin_for_host("consult.example.kz");
        let signer = Ed25519Signer::from_seed(&origin, &[42; 32]).expect("key");
        let witness = CosignatureSigner::from_seed("witness.example.kz/w1", &[7; 32]).expect("w");
        let salt = [0x5a; 32];
        let content = sample_content();
        let entries = [
            version_entry(&[("kk", 1), ("ru", 2)]),
            Entry::Merged {
                tracking_number: "KNS-2024-000007".into(),
                into: "KNS-2024-000003".into(),
                time: 1_713_500_000,
            },
            suggestion_entry(&content, &salt),
            Entry::StateChanged {
                tracking_number: content.tracking_number.clone(),
                from: "pending".into(),
                to: "published".into(),
                reason_code: String::new(),
                response_hash: None,
                time: 1_714_000_100,
            },
            Entry::UpvoteTotals {
                tracking_number: "KNS-2024-000003".into(),
                total: 12,
                time: 1_715_000_000,
            },
            Entry::Hidden {
                tracking_number: "KNS-2024-000009".into(),
                reason_code: "ABUSE".into(),
                time: 1_715_000_010,
            },
            Entry::StateChanged {
                tracking_number: "KNS-2024-000003".into(),
                from: "under_review".into(),
                to: "accepted".into(),
                reason_code: "R2".into(),
                response_hash: Some([0x33; 32]),
                time: 1_715_000_020,
            },
            Entry::KeyRotated {
                old_key_name: origin.clone(),
                old_key_id: 0x1234_5678,
                new_verifier_key: signer.verifier().to_vkey(),
                time: 1_715_000_030,
            },
        ];
        let mut store = MemoryHashStore::new();
        let encoded: Vec<Vec<u8>> = entries
            .iter()
            .map(|e| e.encode().expect("encode"))
            .collect();
        for e in &encoded {
            store.append_entry(e);
        }
        let checkpoint = Checkpoint::new(&origin, store.size(), store.root()).expect("checkpoint");
        let signed = checkpoint.sign(&signer).expect("sign");
        let cosig = witness.cosign(&checkpoint, 1_715_000_100).expect("cosign");
        let proof = prove_inclusion(&store, 2, store.size()).expect("proof");
        let bundle = ReceiptBundle::new(
            &encoded[2],
            2,
            &proof,
            &signed,
            Some(Opening {
                salt,
                suggestion: content,
            }),
        )
        .expect("bundle")
        .with_cosignatures(std::slice::from_ref(&cosig));
        let others = (0..encoded.len())
            .filter(|&i| i != 2)
            .map(|i| {
                let proof = prove_inclusion(&store, i as u64, store.size()).expect("proof");
                ReceiptBundle::new(&encoded[i], i as u64, &proof, &signed, None)
                    .expect("bundle")
                    .with_cosignatures(std::slice::from_ref(&cosig))
            })
            .collect::<Vec<_>>();
        let later = others[2].clone();
        Fixture {
            signer,
            witness,
            bundle,
            later,
            others,
        }
    }

    fn tamperings(b: &ReceiptBundle) -> Vec<(&'static str, ReceiptBundle)> {
        let mut out = Vec::new();
        let mut t = b.clone();
        if let Some(o) = &mut t.opening {
            o.suggestion.text.push_str(" (edited)");
        }
        out.push(("edited text", t));
        let mut t = b.clone();
        if let Some(o) = &mut t.opening {
            o.salt[0] ^= 1;
        }
        out.push(("other salt", t));
        let mut t = b.clone();
        t.leaf_index += 1;
        out.push(("other index", t));
        let mut t = b.clone();
        t.inclusion_proof[0] = hex::encode([0u8; 32]);
        out.push(("bad proof", t));
        let mut t = b.clone();
        t.inclusion_proof.pop();
        out.push(("short proof", t));
        let mut t = b.clone();
        t.checkpoint = t.checkpoint.replacen("\n8\n", "\n9\n", 1);
        t.tree_size = 9;
        out.push(("resized checkpoint", t));
        let mut t = b.clone();
        let mut bytes = B64.decode(&t.entry).expect("b64");
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        t.entry = B64.encode(&bytes);
        if let Ok(d) = Entry::decode(&bytes) {
            t.decoded = d;
        }
        out.push(("edited entry", t));
        let mut t = b.clone();
        if let Entry::SuggestionSubmitted { kind, .. } = &mut t.decoded {
            kind.push('x');
        }
        out.push(("edited decoded copy", t));
        out
    }

    #[test]
    fn valid_bundles_verify_and_tampered_ones_do_not() {
        let f = fixture();
        let vkey = f.signer.verifier().to_vkey();
        let json = f.bundle.to_json().expect("json");
        let back = ReceiptBundle::from_json(&json).expect("parse");
        assert_eq!(back, f.bundle);
        let v = verify_bundle(&back, &vkey).expect("verifies");
        assert!(v.commitment_opened);
        assert_eq!((v.leaf_index, v.tree_size), (2, 8));
        assert_eq!(v.origin, "consult.example.kz/kenes/log");
        let v = verify_bundle(&f.later, &vkey).expect("verifies");
        assert!(!v.commitment_opened);
        let mut types: Vec<u8> = vec![f.bundle.decoded.type_byte()];
        for b in &f.others {
            types.push(verify_bundle(b, &vkey).expect("verifies").entry.type_byte());
        }
        types.sort_unstable();
        types.dedup();
        assert_eq!(
            types,
            (1..=7).collect::<Vec<u8>>(),
            "one bundle of each type"
        );
        let cosigs = verify_bundle_cosignatures(&f.bundle, &[f.witness.verifier()]).expect("cosig");
        assert_eq!(cosigs.len(), 1);
        assert_eq!(cosigs[0].timestamp, 1_715_000_100);
        for (what, t) in tamperings(&f.bundle) {
            assert!(verify_bundle(&t, &vkey).is_err(), "{what} was accepted");
        }
        let other = Ed25519Signer::from_seed("consult.example.kz/kenes/log", &[43; 32])
            .expect("key")
            .verifier()
            .to_vkey();
        assert!(matches!(
            verify_bundle(&f.bundle, &other),
            Err(BundleError::Checkpoint(_))
        ));
        assert!(matches!(
            verify_bundle(&f.bundle, "nonsense"),
            Err(BundleError::Key(_))
        ));
        let mut opened_later = f.later.clone();
        opened_later.opening = f.bundle.opening.clone();
        assert!(verify_bundle(&opened_later, &vkey).is_err());
        assert!(ReceiptBundle::from_json("{}").is_err());
        assert!(ReceiptBundle::from_json(&json.replacen("{", "{\"extra\": 1,", 1)).is_err());
    }

    fn python_available() -> bool {
        Command::new("python3").arg("--version").output().is_ok()
    }

    /// The independent verifier, written from docs/transparency.md only, must accept what
    /// the Rust code produces and reject every tampering.
    #[test]
    fn python_verifier_agrees() {
        if !python_available() {
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!("python3 is required on CI to run tools/verify_receipt.py");
            }
            eprintln!("skipping: python3 not found");
            return;
        }
        let f = fixture();
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tools/verify_receipt.py");
        let dir = std::env::temp_dir().join(format!(
            "kenes-tlog-bundle-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        ));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let selftest = Command::new("python3")
            .arg(&script)
            .arg("--self-test")
            .output()
            .expect("run python3");
        assert!(
            selftest.status.success(),
            "the vendored Ed25519 fails RFC 8032's vectors"
        );
        let vkey = f.signer.verifier().to_vkey();
        let witness = f.witness.verifier().to_vkey();
        let run = |name: &str, b: &ReceiptBundle| {
            let path = dir.join(format!("{name}.json"));
            std::fs::write(&path, b.to_json().expect("json")).expect("write");
            Command::new("python3")
                .arg(&script)
                .arg(&path)
                .arg("--key")
                .arg(&vkey)
                .arg("--witness")
                .arg(&witness)
                .output()
                .expect("run python3")
        };
        let mut all = vec![("suggestion".to_string(), &f.bundle)];
        all.extend(
            f.others
                .iter()
                .map(|b| (format!("entry-{}", b.leaf_index), b)),
        );
        for (name, b) in &all {
            let out = run(name, b);
            assert!(
                out.status.success(),
                "python rejected the {name} bundle: {}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
        }
        let out = run("suggestion", &f.bundle);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("commitment"), "{stdout}");
        assert!(stdout.contains("witness.example.kz/w1"), "{stdout}");
        for (what, t) in tamperings(&f.bundle) {
            let out = run("tampered", &t);
            assert!(!out.status.success(), "python accepted: {what}");
            assert!(!out.stderr.is_empty(), "no message for {what}");
        }
        // Keep the witness's name and key ID, break the signature bytes.
        let mut bad_cosig = f.bundle.clone();
        let (head, b64) = bad_cosig.cosignatures[0]
            .rsplit_once(' ')
            .expect("signature line");
        let mut raw = B64.decode(b64).expect("b64");
        raw[20] ^= 1;
        bad_cosig.cosignatures[0] = format!("{head} {}", B64.encode(raw));
        assert!(verify_bundle_cosignatures(&bad_cosig, &[f.witness.verifier()]).is_err());
        let out = run("bad-cosig", &bad_cosig);
        assert!(
            !out.status.success(),
            "python accepted a broken cosignature"
        );
        if std::env::var_os("KENES_KEEP_BUNDLES").is_none() {
            let _ = std::fs::remove_dir_all(&dir);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn from_json_never_panics(s in "\\PC{0,300}") {
            let _ = ReceiptBundle::from_json(&s);
        }

        #[test]
        fn verify_never_panics_on_mutated_json(pos in any::<usize>(), c in any::<char>()) {
            let f = fixture();
            let json = f.bundle.to_json().expect("json");
            let mut chars: Vec<char> = json.chars().collect();
            let at = pos % chars.len();
            chars[at] = c;
            let mutated: String = chars.into_iter().collect();
            if let Ok(b) = ReceiptBundle::from_json(&mutated) {
                let _ = verify_bundle(&b, &f.signer.verifier().to_vkey());
            }
        }
    }
}
