//! C2SP tlog-cosignature v1 (<https://c2sp.org/tlog-cosignature>), Ed25519: a witness's
//! statement that, at a time, the checkpoint is the largest consistent tree head it has
//! seen for that log.
//!
//! A cosignature is an ordinary note signature line whose key has type `0x04` (so its key
//! ID differs from the same key used for plain notes) and whose signature bytes are
//! `u64 big-endian timestamp || Ed25519 signature` over
//!
//! ```text
//! cosignature/v1
//! time <timestamp in decimal>
//! <the checkpoint text>
//! ```
//!
//! The message does not include the witness's name, so a witness key must never serve two
//! names. This module only signs and checks; checking consistency before cosigning is the
//! witness's job (`kenes witness`, wired elsewhere), using [`super::merkle`].

use super::checkpoint::{Checkpoint, CheckpointError};
use super::note::{self, NamedPublicKey, NamedSigningKey, NoteError, NoteSignature, Verifier};

/// Signature type byte of Ed25519 cosignature/v1 keys.
pub const SIG_TYPE_COSIGNATURE_V1: u8 = 0x04;
/// Timestamps above this are invalid (the spec's 2^63 - 1).
pub const MAX_TIMESTAMP: u64 = (1 << 63) - 1;

/// Why a cosignature could not be made or checked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CosignatureError {
    /// The cosigned note or the checkpoint inside it is malformed.
    #[error(transparent)]
    Checkpoint(#[from] CheckpointError),
    /// A key string or note problem.
    #[error(transparent)]
    Note(#[from] NoteError),
    /// A timestamp above 2^63 - 1.
    #[error("timestamp {0} is out of range")]
    BadTimestamp(u64),
    /// A signature line of a known witness that is not a valid cosignature.
    #[error("invalid cosignature by {name}+{key_id:08x}")]
    Invalid { name: String, key_id: u32 },
}

/// The message a cosigner signs for `checkpoint_text` at `timestamp`.
pub fn signed_message(checkpoint_text: &str, timestamp: u64) -> Vec<u8> {
    format!("cosignature/v1\ntime {timestamp}\n{checkpoint_text}").into_bytes()
}

/// A witness's Ed25519 cosigning key. `Debug` never shows the secret.
#[derive(Clone, Debug)]
pub struct CosignatureSigner(NamedSigningKey);

impl CosignatureSigner {
    /// A fresh key from the operating system's random generator.
    pub fn generate(name: &str) -> Result<Self, CosignatureError> {
        Ok(CosignatureSigner(NamedSigningKey::generate(
            name,
            SIG_TYPE_COSIGNATURE_V1,
        )?))
    }

    /// The key with this 32-byte RFC 8032 seed.
    pub fn from_seed(name: &str, seed: &[u8; 32]) -> Result<Self, CosignatureError> {
        Ok(CosignatureSigner(NamedSigningKey::from_seed(
            name,
            seed,
            SIG_TYPE_COSIGNATURE_V1,
        )?))
    }

    /// Parses `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x04 || seed)>`.
    pub fn from_skey(skey: &str) -> Result<Self, CosignatureError> {
        Ok(CosignatureSigner(NamedSigningKey::from_skey(
            skey,
            SIG_TYPE_COSIGNATURE_V1,
        )?))
    }

    /// The secret key string.
    pub fn to_skey(&self) -> String {
        self.0.to_skey()
    }

    /// The matching verifier.
    pub fn verifier(&self) -> CosignatureVerifier {
        CosignatureVerifier(self.0.public())
    }

    /// Cosigns `checkpoint` at `timestamp` (POSIX seconds): the signature line to add to
    /// the checkpoint's note with [`note::add_signatures`].
    pub fn cosign(
        &self,
        checkpoint: &Checkpoint,
        timestamp: u64,
    ) -> Result<NoteSignature, CosignatureError> {
        if timestamp > MAX_TIMESTAMP {
            return Err(CosignatureError::BadTimestamp(timestamp));
        }
        let msg = signed_message(&checkpoint.to_text(), timestamp);
        let mut signature = timestamp.to_be_bytes().to_vec();
        signature.extend_from_slice(&self.0.sign(&msg));
        Ok(NoteSignature {
            name: self.0.name.clone(),
            key_id: self.0.key_id,
            signature,
        })
    }
}

/// A witness's public key, checking cosignature/v1 lines. As a [`Verifier`] it lets a
/// cosigned checkpoint be opened with the witness alone.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CosignatureVerifier(NamedPublicKey);

/// A checked cosignature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cosignature {
    /// The witness's key name.
    pub name: String,
    /// Its key ID.
    pub key_id: u32,
    /// When it cosigned (POSIX seconds).
    pub timestamp: u64,
}

impl CosignatureVerifier {
    /// The verifier for `public_key` under `name`.
    pub fn new(name: &str, public_key: &[u8; 32]) -> Result<Self, CosignatureError> {
        Ok(CosignatureVerifier(NamedPublicKey::new(
            name,
            public_key,
            SIG_TYPE_COSIGNATURE_V1,
        )?))
    }

    /// Parses `<name>+<hex key ID>+<base64(0x04 || public key)>`.
    pub fn from_vkey(vkey: &str) -> Result<Self, CosignatureError> {
        Ok(CosignatureVerifier(NamedPublicKey::from_vkey(
            vkey,
            SIG_TYPE_COSIGNATURE_V1,
        )?))
    }

    /// The public key string.
    pub fn to_vkey(&self) -> String {
        self.0.to_vkey()
    }

    /// The raw 32-byte public key.
    pub fn public_key(&self) -> [u8; 32] {
        self.0.key.to_bytes()
    }

    /// Checks one signature (`timestamp || ed25519`) over `text`; returns the timestamp.
    pub fn check(&self, text: &[u8], signature: &[u8]) -> Option<u64> {
        let (ts, sig) = signature.split_first_chunk::<8>()?;
        let timestamp = u64::from_be_bytes(*ts);
        if timestamp > MAX_TIMESTAMP {
            return None;
        }
        let text = std::str::from_utf8(text).ok()?;
        self.0
            .verify(&signed_message(text, timestamp), sig)
            .then_some(timestamp)
    }
}

impl Verifier for CosignatureVerifier {
    fn name(&self) -> &str {
        &self.0.name
    }
    fn key_id(&self) -> u32 {
        self.0.key_id
    }
    fn verify(&self, text: &[u8], signature: &[u8]) -> bool {
        self.check(text, signature).is_some()
    }
}

/// The cosignatures on a signed checkpoint note by the given witnesses, each checked.
/// Lines by other keys are ignored (the log's own signature is checked elsewhere); a line
/// by a known witness that does not verify is an error. One result per witness.
pub fn verify_cosignatures(
    signed: &str,
    witnesses: &[CosignatureVerifier],
) -> Result<Vec<Cosignature>, CosignatureError> {
    let parsed = note::Note::parse(signed)?;
    Checkpoint::parse(&parsed.text)?;
    let mut out: Vec<Cosignature> = Vec::new();
    for sig in &parsed.signatures {
        let Some(w) = witnesses
            .iter()
            .find(|w| w.name() == sig.name && w.key_id() == sig.key_id)
        else {
            continue;
        };
        let timestamp = w
            .check(parsed.text.as_bytes(), &sig.signature)
            .ok_or_else(|| CosignatureError::Invalid {
                name: sig.name.clone(),
                key_id: sig.key_id,
            })?;
        if !out
            .iter()
            .any(|c| c.name == sig.name && c.key_id == sig.key_id)
        {
            out.push(Cosignature {
                name: sig.name.clone(),
                key_id: sig.key_id,
                timestamp,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tlog::note::{add_signatures, open, Ed25519Signer};
    use proptest::prelude::*;

    /// RFC 8032 §7.1 TEST 1 secret key, used as a fixed witness seed.
    const SEED: &str = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";

    fn witness() -> CosignatureSigner {
        let seed: [u8; 32] = hex::decode(SEED).expect("hex").try_into().expect("32");
        CosignatureSigner::from_seed("witness.example.com/w1", &seed).expect("key")
    }

    fn spec_checkpoint() -> Checkpoint {
        Checkpoint::parse(
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
        )
        .expect("checkpoint")
    }

    #[test]
    fn message_matches_the_spec_example() {
        let msg = signed_message(&spec_checkpoint().to_text(), 1679315147);
        assert_eq!(
            String::from_utf8(msg).expect("utf8"),
            "cosignature/v1\ntime 1679315147\nexample.com/behind-the-sofa\n20852163\n\
             CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
        );
    }

    #[test]
    fn fixed_vector() {
        // Computed independently with Python's `cryptography` package (Ed25519 over the
        // message above, key ID = SHA-256(name || 0x0A || 0x04 || pub)[:4]).
        let w = witness();
        assert_eq!(
            w.verifier().to_vkey(),
            "witness.example.com/w1+7e6f4aaa+BNdamAGCsQq31Uv+08lkBzoO4XLz2qYjJa8CGmj3B1Ea"
        );
        let line = w
            .cosign(&spec_checkpoint(), 1679315147)
            .expect("cosign")
            .to_line();
        assert_eq!(line, VECTOR_LINE);
    }

    // The timestamp bytes (AAAABkGFDL…) match those of the spec's example cosignature.
    const VECTOR_LINE: &str = "\u{2014} witness.example.com/w1 fm9KqgAAAABkGFDL+TPmh4BYuAjsYRoqMJCWb/gWJaeRF/kmm5tlCr9sJ57DLErur7K0yDXc2ArN+TIuotuB/HbuL3AJsp3bv/aNCQ==";

    #[test]
    fn round_trip_and_rejections() {
        let log = Ed25519Signer::generate("example.com/behind-the-sofa").expect("key");
        let cp = spec_checkpoint();
        let signed = cp.sign(&log).expect("sign");
        let w = witness();
        let cosig = w.cosign(&cp, 1_700_000_000).expect("cosign");
        let both = add_signatures(&signed, &[cosig]).expect("add");
        let found = verify_cosignatures(&both, &[w.verifier()]).expect("verify");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].timestamp, 1_700_000_000);
        // The log key and the witness both open the note.
        assert!(open(&both, &[&log.verifier(), &w.verifier()]).is_ok());
        // Not a cosignature by this witness: nothing found.
        assert!(verify_cosignatures(&signed, &[w.verifier()])
            .expect("verify")
            .is_empty());
        // A different checkpoint invalidates it.
        let other = Checkpoint::new("example.com/behind-the-sofa", 20852164, *cp.root())
            .expect("checkpoint");
        let moved = format!(
            "{}\n{}\n",
            other.to_text(),
            both.lines().skip(4).collect::<Vec<_>>().join("\n")
        );
        assert!(matches!(
            verify_cosignatures(&moved, &[w.verifier()]),
            Err(CosignatureError::Invalid { .. })
        ));
        assert!(w.cosign(&cp, 1 << 63).is_err());
        let again = CosignatureSigner::from_skey(&w.to_skey()).expect("skey");
        assert_eq!(again.verifier(), w.verifier());
        assert_eq!(
            CosignatureVerifier::from_vkey(&w.verifier().to_vkey()).expect("vkey"),
            w.verifier()
        );
        // A plain note key is not a cosignature key, and key IDs differ by type.
        assert!(CosignatureVerifier::from_vkey(&log.verifier().to_vkey()).is_err());
        assert_ne!(
            note::key_id(w.verifier().name(), 0x01, &w.verifier().public_key()),
            w.verifier().key_id()
        );
    }

    proptest! {
        #[test]
        fn verifier_never_panics(s in "(\\PC|\n|\u{2014}| ){0,300}") {
            let _ = verify_cosignatures(&s, &[witness().verifier()]);
            let _ = CosignatureVerifier::from_vkey(&s);
        }
    }
}
