//! C2SP tlog-checkpoint (<https://c2sp.org/tlog-checkpoint>): the note text a log signs to
//! commit to its tree at a size.
//!
//! ```text
//! <origin>
//! <tree size in decimal>
//! <base64 root hash>
//! [extension lines]
//! ```
//!
//! Parsing is strict (canonical decimal and base64, a 32-byte hash, no empty lines) so
//! that one tree head has exactly one text: two different texts for one origin and size
//! are then evidence of a fork, not of formatting. Kenes names its log
//! `<public host>/kenes/log` ([`origin_for_host`]); the log's key name is the origin.

use super::merkle::{Hash, HASH_SIZE};
use super::note::{self, is_valid_key_name, NoteError, OpenedNote, Signer, Verifier};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;

/// The path Kenes appends to its public host to name its log.
pub const ORIGIN_SUFFIX: &str = "/kenes/log";

/// Why a checkpoint was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckpointError {
    /// The text is not a checkpoint body.
    #[error("malformed checkpoint: {0}")]
    Malformed(&'static str),
    /// The signed note around it is malformed or not signed by a known key.
    #[error(transparent)]
    Note(#[from] NoteError),
    /// A checkpoint of another log.
    #[error("checkpoint is for origin {got:?}, expected {expected:?}")]
    WrongOrigin { expected: String, got: String },
}

/// The origin line of the Kenes log served at `host` (scheme-less, no trailing slash).
pub fn origin_for_host(host: &str) -> String {
    format!("{}{ORIGIN_SUFFIX}", host.trim_end_matches('/'))
}

/// A tree head: origin, size and root, plus opaque extension lines (Kenes writes none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    origin: String,
    size: u64,
    root: Hash,
    extensions: Vec<String>,
}

fn check_line(line: &str) -> Result<(), CheckpointError> {
    if line.is_empty() {
        return Err(CheckpointError::Malformed("empty line"));
    }
    if line.chars().any(|c| c.is_control()) {
        return Err(CheckpointError::Malformed("control character"));
    }
    Ok(())
}

impl Checkpoint {
    /// A checkpoint this log will sign. The origin doubles as the signing key's name, so it
    /// must be a valid key name (no spaces, no `+`).
    pub fn new(origin: &str, size: u64, root: Hash) -> Result<Self, CheckpointError> {
        if !is_valid_key_name(origin) {
            return Err(CheckpointError::Malformed(
                "origin must be non-empty, without spaces or +",
            ));
        }
        Ok(Checkpoint {
            origin: origin.to_string(),
            size,
            root,
            extensions: Vec::new(),
        })
    }

    /// Adds extension lines (each non-empty, no control characters).
    pub fn with_extensions(mut self, extensions: Vec<String>) -> Result<Self, CheckpointError> {
        for e in &extensions {
            check_line(e)?;
        }
        self.extensions = extensions;
        Ok(self)
    }

    /// The log's identity.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Number of leaves.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Root hash of the tree of that size.
    pub fn root(&self) -> &Hash {
        &self.root
    }

    /// Extension lines.
    pub fn extensions(&self) -> &[String] {
        &self.extensions
    }

    /// The note text, ending with a newline.
    pub fn to_text(&self) -> String {
        let mut s = format!(
            "{}\n{}\n{}\n",
            self.origin,
            self.size,
            B64.encode(self.root)
        );
        for e in &self.extensions {
            s.push_str(e);
            s.push('\n');
        }
        s
    }

    /// Parses a checkpoint body (the note text, without signatures).
    pub fn parse(text: &str) -> Result<Self, CheckpointError> {
        let body = text
            .strip_suffix('\n')
            .ok_or(CheckpointError::Malformed("must end with a newline"))?;
        let mut lines = body.split('\n');
        let (Some(origin), Some(size), Some(root)) = (lines.next(), lines.next(), lines.next())
        else {
            return Err(CheckpointError::Malformed(
                "needs origin, size and root lines",
            ));
        };
        check_line(origin)?;
        let size = parse_size(size)?;
        let root = parse_root(root)?;
        let mut extensions = Vec::new();
        for e in lines {
            check_line(e)?;
            extensions.push(e.to_string());
        }
        Ok(Checkpoint {
            origin: origin.to_string(),
            size,
            root,
            extensions,
        })
    }

    /// The signed note of this checkpoint.
    pub fn sign(&self, signer: &dyn Signer) -> Result<String, CheckpointError> {
        Ok(note::sign(&self.to_text(), &[signer])?)
    }

    /// Opens a signed checkpoint: the note must be signed by one of `verifiers` and, when
    /// `origin` is given, be for that log.
    pub fn open(
        signed: &str,
        origin: Option<&str>,
        verifiers: &[&dyn Verifier],
    ) -> Result<(Checkpoint, OpenedNote), CheckpointError> {
        let opened = note::open(signed, verifiers)?;
        let checkpoint = Checkpoint::parse(&opened.text)?;
        if let Some(expected) = origin {
            if checkpoint.origin != expected {
                return Err(CheckpointError::WrongOrigin {
                    expected: expected.to_string(),
                    got: checkpoint.origin,
                });
            }
        }
        Ok((checkpoint, opened))
    }
}

fn parse_size(s: &str) -> Result<u64, CheckpointError> {
    let bad = CheckpointError::Malformed("tree size must be a decimal without leading zeros");
    if s.is_empty() || s.len() > 20 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad);
    }
    if s.len() > 1 && s.starts_with('0') {
        return Err(bad);
    }
    s.parse().map_err(|_| bad)
}

fn parse_root(s: &str) -> Result<Hash, CheckpointError> {
    let bad = CheckpointError::Malformed("root hash must be the base64 of 32 bytes");
    let raw = B64.decode(s).map_err(|_| bad.clone())?;
    let root: Hash = raw.try_into().map_err(|_| bad.clone())?;
    if B64.encode(root) != s {
        return Err(bad);
    }
    debug_assert_eq!(root.len(), HASH_SIZE);
    Ok(root)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tlog::note::Ed25519Signer;
    use proptest::prelude::*;

    const SPEC: &str =
        "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    #[test]
    fn parses_the_spec_example() {
        let c = Checkpoint::parse(SPEC).expect("parse");
        assert_eq!(c.origin(), "example.com/behind-the-sofa");
        assert_eq!(c.size(), 20852163);
        assert_eq!(
            hex::encode(c.root()),
            "0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62"
        );
        assert_eq!(c.to_text(), SPEC);
        let ext = format!("{SPEC}extension one\n");
        let c = Checkpoint::parse(&ext).expect("parse");
        assert_eq!(c.extensions(), ["extension one".to_string()]);
        assert_eq!(c.to_text(), ext);
    }

    #[test]
    fn rejects_malformed_bodies() {
        let root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
        for bad in [
            String::new(),
            "example.com/log\n1\n".to_string(),
            format!("example.com/log\n1\n{root}"),
            format!("\n1\n{root}\n"),
            format!("example.com/log\n01\n{root}\n"),
            format!("example.com/log\n+1\n{root}\n"),
            format!("example.com/log\n-1\n{root}\n"),
            format!("example.com/log\n 1\n{root}\n"),
            format!("example.com/log\n18446744073709551616\n{root}\n"),
            "example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2\n".to_string(),
            "example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n".to_string(),
            "example.com/log\n1\nAAAA\n".to_string(),
            format!("example.com/log\n1\n{root}\n\n"),
            format!("example.com/log\n1\n{root}\nok\n\nlater\n"),
            format!("example.com/log\n1\n{root}\nbad\tline\n"),
        ] {
            assert!(Checkpoint::parse(&bad).is_err(), "{bad:?}");
        }
        assert!(Checkpoint::parse(&format!("example.com/log\n0\n{root}\n")).is_ok());
        assert!(
            Checkpoint::parse(&format!("example.com/log\n18446744073709551615\n{root}\n")).is_ok()
        );
        assert!(Checkpoint::new("has space", 1, [0; 32]).is_err());
        assert!(Checkpoint::new("", 1, [0; 32]).is_err());
        assert!(Checkpoint::new("a", 1, [0; 32])
            .and_then(|c| c.with_extensions(vec![String::new()]))
            .is_err());
    }

    #[test]
    fn sign_and_open() {
        let origin = origin_for_host("consult.example.kz/");
        assert_eq!(origin, "consult.example.kz/kenes/log");
        let signer = Ed25519Signer::generate(&origin).expect("key");
        let c = Checkpoint::new(&origin, 5, [7; 32]).expect("checkpoint");
        let signed = c.sign(&signer).expect("sign");
        let v = signer.verifier();
        let (back, opened) = Checkpoint::open(&signed, Some(&origin), &[&v]).expect("open");
        assert_eq!(back, c);
        assert_eq!(opened.verified.len(), 1);
        assert!(matches!(
            Checkpoint::open(&signed, Some("other.example/kenes/log"), &[&v]),
            Err(CheckpointError::WrongOrigin { .. })
        ));
        let other = Ed25519Signer::generate(&origin).expect("key").verifier();
        assert!(Checkpoint::open(&signed, None, &[&other]).is_err());
        let tampered = signed.replacen("\n5\n", "\n6\n", 1);
        assert!(Checkpoint::open(&tampered, None, &[&v]).is_err());
    }

    proptest! {
        #[test]
        fn parser_never_panics(s in "(\\PC|\n){0,120}") {
            let _ = Checkpoint::parse(&s);
        }

        #[test]
        fn round_trips(origin in "[a-z0-9./-]{1,40}", size in any::<u64>(), root in any::<[u8; 32]>()) {
            let c = Checkpoint::new(&origin, size, root).expect("checkpoint");
            prop_assert_eq!(Checkpoint::parse(&c.to_text()).expect("parse"), c);
        }
    }
}
