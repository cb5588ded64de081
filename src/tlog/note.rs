//! C2SP signed notes (<https://c2sp.org/signed-note>), as used by Go's checksum database
//! (`golang.org/x/mod/sumdb/note`): a UTF-8 text ending in a newline, a blank line, then
//! one line per signature, `— <key name> <base64(key ID || signature)>`.
//!
//! Checkpoints and witness cosignatures are notes, so this one parser guards everything a
//! verifier reads from the network; it returns an error for any malformed input and never
//! panics. Unknown signatures are kept but ignored (that is how key rotation and witnesses
//! work); a signature from a known key that fails is an error for the whole note; a note
//! with no verified signature is rejected.
//!
//! Keys use the sumdb encodings: a verifier key is `<name>+<hex key ID>+<base64(type ||
//! public key)>`, a signer key `PRIVATE+KEY+<name>+<hex key ID>+<base64(type || seed)>`,
//! with key ID = first four bytes of `SHA-256(name || 0x0A || type || public key)`. The log
//! signs with Ed25519 (type `0x01`) through `ed25519-dalek`; cosignatures (type `0x04`) are
//! in [`super::cosignature`].

use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};
use std::fmt;

/// Signature type byte of plain Ed25519 note signatures.
pub const SIG_TYPE_ED25519: u8 = 0x01;
/// Largest note accepted, in bytes: far above a checkpoint with dozens of cosignatures.
pub const MAX_NOTE_SIZE: usize = 1 << 20;
/// Most signature lines accepted in one note (the spec requires at least 16).
pub const MAX_SIGNATURES: usize = 100;

const SIG_PREFIX: &str = "\u{2014} ";

/// Why a note or a key was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NoteError {
    /// The note does not follow the signed-note syntax.
    #[error("malformed note: {0}")]
    Malformed(&'static str),
    /// A key string does not follow the vkey/skey syntax.
    #[error("malformed key: {0}")]
    MalformedKey(&'static str),
    /// A key of a signature type this code does not implement.
    #[error("unsupported signature type {0:#04x}")]
    UnsupportedKeyType(u8),
    /// The key ID written in a key string is not the one its name and key give.
    #[error("key ID does not match the key")]
    KeyIdMismatch,
    /// Two known verifiers share a name and key ID.
    #[error("ambiguous key {name}+{key_id:08x}")]
    AmbiguousKey { name: String, key_id: u32 },
    /// A signature by a known key does not verify.
    #[error("invalid signature for key {name}+{key_id:08x}")]
    InvalidSignature { name: String, key_id: u32 },
    /// No signature on the note is from a known key.
    #[error("note has no signature from a known key")]
    Unverified,
    /// The operating system's random generator failed.
    #[error("could not generate a key: {0}")]
    Random(String),
}

/// Whether `name` may be a key name: non-empty, no Unicode white space, no `+`, and (since
/// the note must hold no control characters) no control characters.
pub fn is_valid_key_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 1024
        && !name
            .chars()
            .any(|c| c.is_whitespace() || c == '+' || c.is_control())
}

/// `SHA-256(name || 0x0A || sig_type || public_key)[:4]` as a big-endian `u32`.
pub fn key_id(name: &str, sig_type: u8, public_key: &[u8]) -> u32 {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update([b'\n', sig_type]);
    h.update(public_key);
    let d = h.finalize();
    u32::from_be_bytes([d[0], d[1], d[2], d[3]])
}

/// A key that checks signatures on notes.
pub trait Verifier {
    /// The key name in signature lines.
    fn name(&self) -> &str;
    /// The key ID in signature lines.
    fn key_id(&self) -> u32;
    /// Whether `signature` (without the key ID) is a valid signature of `text`.
    fn verify(&self, text: &[u8], signature: &[u8]) -> bool;
}

/// A key that signs notes.
pub trait Signer {
    /// The key name in signature lines.
    fn name(&self) -> &str;
    /// The key ID in signature lines.
    fn key_id(&self) -> u32;
    /// The signature of `text` (without the key ID).
    fn sign(&self, text: &[u8]) -> Vec<u8>;
}

/// The parts of a verifier key string.
struct KeyParts {
    name: String,
    key_id: u32,
    sig_type: u8,
    key: Vec<u8>,
}

fn parse_hex_id(s: &str) -> Result<u32, NoteError> {
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(NoteError::MalformedKey("key ID must be 8 hex digits"));
    }
    u32::from_str_radix(s, 16).map_err(|_| NoteError::MalformedKey("key ID must be 8 hex digits"))
}

/// Splits `<name>+<hex id>+<base64(type || key)>`.
fn parse_key_parts(s: &str) -> Result<KeyParts, NoteError> {
    let mut it = s.splitn(3, '+');
    let (Some(name), Some(id), Some(key64)) = (it.next(), it.next(), it.next()) else {
        return Err(NoteError::MalformedKey("expected <name>+<id>+<key>"));
    };
    if !is_valid_key_name(name) {
        return Err(NoteError::MalformedKey("invalid key name"));
    }
    let key_id = parse_hex_id(id)?;
    let raw = B64
        .decode(key64)
        .map_err(|_| NoteError::MalformedKey("key is not base64"))?;
    let (&sig_type, key) = raw
        .split_first()
        .ok_or(NoteError::MalformedKey("empty key"))?;
    Ok(KeyParts {
        name: name.to_string(),
        key_id,
        sig_type,
        key: key.to_vec(),
    })
}

fn random_seed() -> Result<[u8; 32], NoteError> {
    use rand::RngCore as _;
    let mut seed = [0u8; 32];
    rand::rngs::OsRng
        .try_fill_bytes(&mut seed)
        .map_err(|e| NoteError::Random(e.to_string()))?;
    Ok(seed)
}

fn encode_key(name: &str, key_id: u32, sig_type: u8, key: &[u8]) -> String {
    let mut raw = Vec::with_capacity(1 + key.len());
    raw.push(sig_type);
    raw.extend_from_slice(key);
    format!("{name}+{key_id:08x}+{}", B64.encode(raw))
}

/// An Ed25519 public key under a name, for one signature type (`0x01` for notes, `0x04`
/// for cosignatures): what the typed verifiers of this module and of
/// [`super::cosignature`] share.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct NamedPublicKey {
    pub(crate) name: String,
    pub(crate) key_id: u32,
    pub(crate) sig_type: u8,
    pub(crate) key: VerifyingKey,
}

impl NamedPublicKey {
    pub(crate) fn new(name: &str, public_key: &[u8; 32], sig_type: u8) -> Result<Self, NoteError> {
        if !is_valid_key_name(name) {
            return Err(NoteError::MalformedKey("invalid key name"));
        }
        let key = VerifyingKey::from_bytes(public_key)
            .map_err(|_| NoteError::MalformedKey("not an Ed25519 public key"))?;
        Ok(NamedPublicKey {
            name: name.to_string(),
            key_id: key_id(name, sig_type, public_key),
            sig_type,
            key,
        })
    }

    /// Parses `<name>+<hex key ID>+<base64(sig_type || public key)>`.
    pub(crate) fn from_vkey(vkey: &str, sig_type: u8) -> Result<Self, NoteError> {
        let parts = parse_key_parts(vkey.trim())?;
        if parts.sig_type != sig_type {
            return Err(NoteError::UnsupportedKeyType(parts.sig_type));
        }
        let bytes = <[u8; 32]>::try_from(parts.key.as_slice())
            .map_err(|_| NoteError::MalformedKey("an Ed25519 public key is 32 bytes"))?;
        let key = Self::new(&parts.name, &bytes, sig_type)?;
        if key.key_id != parts.key_id {
            return Err(NoteError::KeyIdMismatch);
        }
        Ok(key)
    }

    pub(crate) fn to_vkey(&self) -> String {
        encode_key(&self.name, self.key_id, self.sig_type, self.key.as_bytes())
    }

    /// RFC 8032 verification, strict: small-order keys and non-canonical signatures fail.
    pub(crate) fn verify(&self, msg: &[u8], signature: &[u8]) -> bool {
        let Ok(bytes) = <[u8; 64]>::try_from(signature) else {
            return false;
        };
        self.key
            .verify_strict(msg, &Signature::from_bytes(&bytes))
            .is_ok()
    }
}

/// An Ed25519 signing key under a name, for one signature type.
#[derive(Clone)]
pub(crate) struct NamedSigningKey {
    pub(crate) name: String,
    pub(crate) key_id: u32,
    pub(crate) sig_type: u8,
    key: SigningKey,
}

impl NamedSigningKey {
    pub(crate) fn generate(name: &str, sig_type: u8) -> Result<Self, NoteError> {
        Self::from_seed(name, &random_seed()?, sig_type)
    }

    pub(crate) fn from_seed(name: &str, seed: &[u8; 32], sig_type: u8) -> Result<Self, NoteError> {
        if !is_valid_key_name(name) {
            return Err(NoteError::MalformedKey("invalid key name"));
        }
        let key = SigningKey::from_bytes(seed);
        Ok(NamedSigningKey {
            name: name.to_string(),
            key_id: key_id(name, sig_type, key.verifying_key().as_bytes()),
            sig_type,
            key,
        })
    }

    /// Parses `PRIVATE+KEY+<name>+<hex key ID>+<base64(sig_type || seed)>`.
    pub(crate) fn from_skey(skey: &str, sig_type: u8) -> Result<Self, NoteError> {
        let rest = skey
            .trim()
            .strip_prefix("PRIVATE+KEY+")
            .ok_or(NoteError::MalformedKey("expected PRIVATE+KEY+…"))?;
        let parts = parse_key_parts(rest)?;
        if parts.sig_type != sig_type {
            return Err(NoteError::UnsupportedKeyType(parts.sig_type));
        }
        let seed = <[u8; 32]>::try_from(parts.key.as_slice())
            .map_err(|_| NoteError::MalformedKey("an Ed25519 seed is 32 bytes"))?;
        let key = Self::from_seed(&parts.name, &seed, sig_type)?;
        if key.key_id != parts.key_id {
            return Err(NoteError::KeyIdMismatch);
        }
        Ok(key)
    }

    pub(crate) fn to_skey(&self) -> String {
        format!(
            "PRIVATE+KEY+{}",
            encode_key(&self.name, self.key_id, self.sig_type, self.key.as_bytes())
        )
    }

    pub(crate) fn public(&self) -> NamedPublicKey {
        NamedPublicKey {
            name: self.name.clone(),
            key_id: self.key_id,
            sig_type: self.sig_type,
            key: self.key.verifying_key(),
        }
    }

    pub(crate) fn sign(&self, msg: &[u8]) -> [u8; 64] {
        self.key.sign(msg).to_bytes()
    }
}

impl fmt::Debug for NamedSigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}+{:08x} (secret hidden)", self.name, self.key_id)
    }
}

impl fmt::Debug for NamedPublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_vkey())
    }
}

/// An Ed25519 note verifier (signature type `0x01`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Ed25519Verifier(NamedPublicKey);

impl Ed25519Verifier {
    /// The verifier for `public_key` under `name`.
    pub fn new(name: &str, public_key: &[u8; 32]) -> Result<Self, NoteError> {
        NamedPublicKey::new(name, public_key, SIG_TYPE_ED25519).map(Ed25519Verifier)
    }

    /// Parses a verifier key `<name>+<hex key ID>+<base64(0x01 || public key)>`.
    pub fn from_vkey(vkey: &str) -> Result<Self, NoteError> {
        NamedPublicKey::from_vkey(vkey, SIG_TYPE_ED25519).map(Ed25519Verifier)
    }

    /// The verifier key string, as published for people to pin.
    pub fn to_vkey(&self) -> String {
        self.0.to_vkey()
    }

    /// The raw 32-byte public key.
    pub fn public_key(&self) -> [u8; 32] {
        self.0.key.to_bytes()
    }
}

impl fmt::Display for Ed25519Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_vkey())
    }
}

impl Verifier for Ed25519Verifier {
    fn name(&self) -> &str {
        &self.0.name
    }
    fn key_id(&self) -> u32 {
        self.0.key_id
    }
    fn verify(&self, text: &[u8], signature: &[u8]) -> bool {
        self.0.verify(text, signature)
    }
}

/// An Ed25519 note signer (signature type `0x01`): the log's checkpoint key. Its `Debug`
/// output never shows the secret.
#[derive(Clone, Debug)]
pub struct Ed25519Signer(NamedSigningKey);

impl Ed25519Signer {
    /// A fresh key from the operating system's random generator.
    pub fn generate(name: &str) -> Result<Self, NoteError> {
        NamedSigningKey::generate(name, SIG_TYPE_ED25519).map(Ed25519Signer)
    }

    /// The key with this 32-byte RFC 8032 seed.
    pub fn from_seed(name: &str, seed: &[u8; 32]) -> Result<Self, NoteError> {
        NamedSigningKey::from_seed(name, seed, SIG_TYPE_ED25519).map(Ed25519Signer)
    }

    /// Parses a signer key `PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>`.
    pub fn from_skey(skey: &str) -> Result<Self, NoteError> {
        NamedSigningKey::from_skey(skey, SIG_TYPE_ED25519).map(Ed25519Signer)
    }

    /// The signer key string. It is the secret: store it with the other secrets.
    pub fn to_skey(&self) -> String {
        self.0.to_skey()
    }

    /// The matching verifier.
    pub fn verifier(&self) -> Ed25519Verifier {
        Ed25519Verifier(self.0.public())
    }
}

impl Signer for Ed25519Signer {
    fn name(&self) -> &str {
        &self.0.name
    }
    fn key_id(&self) -> u32 {
        self.0.key_id
    }
    fn sign(&self, text: &[u8]) -> Vec<u8> {
        self.0.sign(text).to_vec()
    }
}

/// One signature line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoteSignature {
    /// Key name.
    pub name: String,
    /// Key ID (the first four bytes of the decoded signature).
    pub key_id: u32,
    /// The signature bytes after the key ID.
    pub signature: Vec<u8>,
}

impl NoteSignature {
    /// `— <name> <base64(key ID || signature)>` without the newline.
    pub fn to_line(&self) -> String {
        let mut raw = Vec::with_capacity(4 + self.signature.len());
        raw.extend_from_slice(&self.key_id.to_be_bytes());
        raw.extend_from_slice(&self.signature);
        format!("{SIG_PREFIX}{} {}", self.name, B64.encode(raw))
    }

    fn parse_line(line: &str) -> Result<Self, NoteError> {
        let rest = line.strip_prefix(SIG_PREFIX).ok_or(NoteError::Malformed(
            "signature line must start with an em dash",
        ))?;
        let (name, b64) = rest.split_once(' ').ok_or(NoteError::Malformed(
            "signature line needs a name and a signature",
        ))?;
        if !is_valid_key_name(name) {
            return Err(NoteError::Malformed("invalid key name in signature line"));
        }
        let raw = B64
            .decode(b64)
            .map_err(|_| NoteError::Malformed("signature is not base64"))?;
        if raw.len() < 5 {
            return Err(NoteError::Malformed("signature too short"));
        }
        let (id, sig) = raw.split_at(4);
        Ok(NoteSignature {
            name: name.to_string(),
            key_id: u32::from_be_bytes([id[0], id[1], id[2], id[3]]),
            signature: sig.to_vec(),
        })
    }
}

/// A note split into its text and its signature lines, none verified yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The signed text, including its final newline.
    pub text: String,
    /// The signature lines in order.
    pub signatures: Vec<NoteSignature>,
}

impl Note {
    /// Parses the syntax of a signed note without checking any signature.
    pub fn parse(msg: &str) -> Result<Self, NoteError> {
        if msg.len() > MAX_NOTE_SIZE {
            return Err(NoteError::Malformed("note too large"));
        }
        if msg.chars().any(|c| c < ' ' && c != '\n') {
            return Err(NoteError::Malformed("control character in note"));
        }
        let split = msg
            .rfind("\n\n")
            .ok_or(NoteError::Malformed("no blank line before the signatures"))?;
        let text = &msg[..split + 1];
        let sigs = &msg[split + 2..];
        if sigs.is_empty() || !sigs.ends_with('\n') {
            return Err(NoteError::Malformed("signatures must end with a newline"));
        }
        let mut signatures = Vec::new();
        for line in sigs[..sigs.len() - 1].split('\n') {
            if signatures.len() == MAX_SIGNATURES {
                return Err(NoteError::Malformed("too many signatures"));
            }
            signatures.push(NoteSignature::parse_line(line)?);
        }
        Ok(Note {
            text: text.to_string(),
            signatures,
        })
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)?;
        f.write_str("\n")?;
        for s in &self.signatures {
            f.write_str(&s.to_line())?;
            f.write_str("\n")?;
        }
        Ok(())
    }
}

/// A note whose text is vouched for by at least one known key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenedNote {
    /// The signed text, including its final newline.
    pub text: String,
    /// Signatures by known keys, each checked, one per key.
    pub verified: Vec<NoteSignature>,
    /// Signatures by keys not in the known set, unchecked and ignored.
    pub unverified: Vec<NoteSignature>,
}

/// Parses a signed note and checks it against `known`: every signature by a known key
/// must verify, at least one must be present; signatures by other keys are ignored.
pub fn open(msg: &str, known: &[&dyn Verifier]) -> Result<OpenedNote, NoteError> {
    let note = Note::parse(msg)?;
    let mut verified: Vec<NoteSignature> = Vec::new();
    let mut unverified: Vec<NoteSignature> = Vec::new();
    for sig in note.signatures {
        let mut matching = known
            .iter()
            .filter(|v| v.name() == sig.name && v.key_id() == sig.key_id);
        let Some(v) = matching.next() else {
            if !unverified.contains(&sig) {
                unverified.push(sig);
            }
            continue;
        };
        if matching.next().is_some() {
            return Err(NoteError::AmbiguousKey {
                name: sig.name,
                key_id: sig.key_id,
            });
        }
        if !v.verify(note.text.as_bytes(), &sig.signature) {
            return Err(NoteError::InvalidSignature {
                name: sig.name,
                key_id: sig.key_id,
            });
        }
        if !verified
            .iter()
            .any(|s| s.name == sig.name && s.key_id == sig.key_id)
        {
            verified.push(sig);
        }
    }
    if verified.is_empty() {
        return Err(NoteError::Unverified);
    }
    Ok(OpenedNote {
        text: note.text,
        verified,
        unverified,
    })
}

/// Checks that `text` can be the text of a note: it ends with a newline and holds no
/// control characters other than newlines.
pub fn check_text(text: &str) -> Result<(), NoteError> {
    if text.is_empty() || !text.ends_with('\n') {
        return Err(NoteError::Malformed("text must end with a newline"));
    }
    if text.len() > MAX_NOTE_SIZE / 2 {
        return Err(NoteError::Malformed("text too large"));
    }
    if text.chars().any(|c| c < ' ' && c != '\n') {
        return Err(NoteError::Malformed("control character in text"));
    }
    Ok(())
}

/// Signs `text` with each signer and returns the signed note.
pub fn sign(text: &str, signers: &[&dyn Signer]) -> Result<String, NoteError> {
    check_text(text)?;
    let mut note = Note {
        text: text.to_string(),
        signatures: Vec::with_capacity(signers.len()),
    };
    for s in signers {
        if !is_valid_key_name(s.name()) {
            return Err(NoteError::MalformedKey("invalid key name"));
        }
        note.signatures.push(NoteSignature {
            name: s.name().to_string(),
            key_id: s.key_id(),
            signature: s.sign(text.as_bytes()),
        });
    }
    if note.signatures.is_empty() {
        return Err(NoteError::Malformed("a note needs at least one signature"));
    }
    Ok(note.to_string())
}

/// Adds signature lines (cosignatures) to a signed note, replacing any earlier line by the
/// same key name and ID, and keeping the rest in order.
pub fn add_signatures(msg: &str, extra: &[NoteSignature]) -> Result<String, NoteError> {
    let mut note = Note::parse(msg)?;
    for sig in extra {
        if !is_valid_key_name(&sig.name) {
            return Err(NoteError::Malformed("invalid key name"));
        }
        note.signatures
            .retain(|s| !(s.name == sig.name && s.key_id == sig.key_id));
        note.signatures.push(sig.clone());
    }
    if note.signatures.len() > MAX_SIGNATURES {
        return Err(NoteError::Malformed("too many signatures"));
    }
    Ok(note.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    // golang.org/x/mod/sumdb/note/note_test.go
    const PETER_VKEY: &str = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    const PETER_SKEY: &str =
        "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    const ENOCH_VKEY: &str = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    const TEXT: &str = "If you think cryptography is the answer to your problem,\n\
                        then you don't know what your problem is.\n";
    const PETER_SIG: &str = "\u{2014} PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    const ENOCH_SIG: &str = "\u{2014} EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    fn peter() -> Ed25519Verifier {
        Ed25519Verifier::from_vkey(PETER_VKEY).expect("vkey")
    }

    #[test]
    fn go_sumdb_sign_vector() {
        let signer = Ed25519Signer::from_skey(PETER_SKEY).expect("skey");
        assert_eq!(signer.key_id(), 0xc74f20a3);
        assert_eq!(signer.verifier().to_vkey(), PETER_VKEY);
        assert_eq!(signer.to_skey(), PETER_SKEY);
        let msg = sign(TEXT, &[&signer]).expect("sign");
        assert_eq!(msg, format!("{TEXT}\n{PETER_SIG}"));
        assert!(!format!("{signer:?}").contains("AYEKF"));
    }

    #[test]
    fn go_sumdb_open_vectors() {
        let enoch = Ed25519Verifier::from_vkey(ENOCH_VKEY).expect("vkey");
        let msg = format!("{TEXT}\n{PETER_SIG}{ENOCH_SIG}");
        let peter = peter();
        let opened = open(&msg, &[&peter]).expect("open");
        assert_eq!(opened.text, TEXT);
        assert_eq!(opened.verified.len(), 1);
        assert_eq!(opened.verified[0].key_id, 0xc74f20a3);
        assert_eq!(opened.unverified.len(), 1);
        assert_eq!(opened.unverified[0].name, "EnochRoot");
        let both = open(&msg, &[&peter, &enoch]).expect("open");
        assert_eq!(both.verified.len(), 2);
        assert!(both.unverified.is_empty());
        assert_eq!(open(&msg, &[]), Err(NoteError::Unverified));
        assert!(matches!(
            open(&format!("{TEXT}\n{ENOCH_SIG}"), &[&enoch, &peter, &enoch]),
            Err(NoteError::AmbiguousKey { .. })
        ));
        // Too many signatures.
        let many = format!("{TEXT}\n{}", PETER_SIG.repeat(101));
        assert!(matches!(
            open(&many, &[&peter]),
            Err(NoteError::Malformed(_))
        ));
        // A corrupted signature by a known key rejects the note.
        let bad = format!("{TEXT}\n{}ABCD{}", &PETER_SIG[..60], &PETER_SIG[60..]);
        assert!(matches!(
            open(&bad, &[&peter]),
            Err(NoteError::InvalidSignature { .. })
        ));
        // Duplicates are collapsed.
        let dup = format!("{TEXT}\n{PETER_SIG}{PETER_SIG}{ENOCH_SIG}{ENOCH_SIG}");
        let opened = open(&dup, &[&peter]).expect("open");
        assert_eq!((opened.verified.len(), opened.unverified.len()), (1, 1));
        // Syntax errors (the Go test's bad messages).
        for msg in [
            TEXT.to_string(),
            format!("{TEXT}\n"),
            format!("{TEXT}\n{}", &PETER_SIG[..PETER_SIG.len() - 1]),
            format!("\u{1}{TEXT}\n{PETER_SIG}"),
            format!("{TEXT}\n\u{2014} Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="),
            format!("{TEXT}\n{PETER_SIG}Unexpected line.\n"),
        ] {
            assert!(matches!(open(&msg, &[&peter]), Err(NoteError::Malformed(_))), "{msg:?}");
        }
    }

    #[test]
    fn c2sp_signed_note_example() {
        // https://c2sp.org/signed-note, "Verifier keys / Example".
        let v = Ed25519Verifier::from_vkey(
            "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k",
        )
        .expect("vkey");
        let msg = "This is an example message.\n\n\u{2014} example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
        let opened = open(msg, &[&v]).expect("open");
        assert_eq!(opened.text, "This is an example message.\n");
    }

    #[test]
    fn mangled_keys_are_rejected() {
        // As in the Go test: every proper substring and every single-byte change fails.
        let b = PETER_VKEY.as_bytes();
        for i in 0..=b.len() {
            for j in i + 1..=b.len() {
                if i == 0 && j == b.len() {
                    continue;
                }
                if let Ok(s) = std::str::from_utf8(&b[i..j]) {
                    assert!(Ed25519Verifier::from_vkey(s).is_err(), "{s}");
                }
            }
        }
        for i in 0..b.len() {
            let mut m = b.to_vec();
            m[i] = m[i].wrapping_add(1);
            if let Ok(s) = std::str::from_utf8(&m) {
                assert!(Ed25519Verifier::from_vkey(s).is_err(), "{s}");
            }
        }
        let s = PETER_SKEY.as_bytes();
        for i in 0..s.len() {
            let mut m = s.to_vec();
            m[i] = m[i].wrapping_add(1);
            if let Ok(k) = std::str::from_utf8(&m) {
                assert!(Ed25519Signer::from_skey(k).is_err(), "{k}");
            }
        }
        assert!(Ed25519Verifier::from_vkey(
            "PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY=="
        )
        .is_err());
        assert_eq!(
            Ed25519Verifier::from_vkey(
                "PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
            ),
            Err(NoteError::UnsupportedKeyType(0x65))
        );
    }

    #[test]
    fn generated_keys_round_trip() {
        let signer = Ed25519Signer::generate("kenes.example/log").expect("generate");
        let again = Ed25519Signer::from_skey(&signer.to_skey()).expect("parse");
        assert_eq!(again.verifier(), signer.verifier());
        let v = Ed25519Verifier::from_vkey(&signer.verifier().to_vkey()).expect("vkey");
        let msg = sign("hello\n", &[&signer]).expect("sign");
        assert!(open(&msg, &[&v]).is_ok());
        let other = Ed25519Signer::generate("other.example/w").expect("generate");
        let extra = Note::parse(&sign("hello\n", &[&other]).expect("sign"))
            .expect("parse")
            .signatures;
        let both = add_signatures(&msg, &extra).expect("add");
        let opened = open(&both, &[&v, &other.verifier()]).expect("open");
        assert_eq!(opened.verified.len(), 2);
        assert_eq!(add_signatures(&both, &extra).expect("add again"), both);
        assert!(sign("no newline", &[&signer]).is_err());
        assert!(sign("tab\there\n", &[&signer]).is_err());
        assert!(sign("x\n", &[]).is_err());
        assert!(Ed25519Signer::generate("bad name").is_err());
        assert!(Ed25519Signer::generate("a+b").is_err());
    }

    proptest! {
        #[test]
        fn parser_never_panics(s in "(\\PC|\n|\u{2014}| ){0,200}") {
            let p = peter();
            let _ = open(&s, &[&p]);
            let _ = Note::parse(&s);
        }

        #[test]
        fn parser_survives_mutated_valid_notes(pos in 0usize..200, byte in any::<u8>()) {
            let msg = format!("{TEXT}\n{PETER_SIG}{ENOCH_SIG}");
            let mut b = msg.into_bytes();
            let pos = pos % b.len();
            b[pos] = byte;
            if let Ok(s) = String::from_utf8(b) {
                let p = peter();
                let _ = open(&s, &[&p]);
            }
        }

        #[test]
        fn key_parsers_never_panic(s in "\\PC{0,120}") {
            let _ = Ed25519Verifier::from_vkey(&s);
            let _ = Ed25519Signer::from_skey(&s);
        }
    }
}
