//! How large an import file may be, checked before it is read.
//!
//! A draft is read whole (it is parsed as one text) and a CSV file row by row, but both
//! are refused by their size on disk before the first byte is read, and again while
//! reading if more arrives than the limit (a file that grows, a pipe, `/dev/zero`): a
//! 2 GB file costs a `stat`, not 2 GB of memory.
//!
//! | file | default limit | why |
//! | --- | --- | --- |
//! | draft | [`MAX_DRAFT_BYTES`], 8 MiB | a whole constitution is ~100 KiB; the admin upload uses the same limit |
//! | comments or votes CSV | [`MAX_CSV_BYTES`], 64 MiB | ~1.5 million votes; rows are kept in memory until they are all checked |
//!
//! `--max-bytes` on the import commands, or [`MAX_BYTES_ENV`], sets another limit for
//! every file of that import (an empty variable counts as unset).

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::Path;

use super::parser::ImportError;
use crate::i18n::Message;

/// The largest draft file accepted by default (a whole constitution is ~100 KiB).
pub const MAX_DRAFT_BYTES: usize = 8 * 1024 * 1024;

/// The largest comments or votes CSV file accepted by default.
pub const MAX_CSV_BYTES: u64 = 64 * 1024 * 1024;

/// The environment variable that overrides the limits (bytes, or e.g. `512MiB`).
pub const MAX_BYTES_ENV: &str = "KENES_IMPORT_MAX_BYTES";

const UNITS: [(&str, u64); 7] = [
    ("GiB", 1 << 30),
    ("MiB", 1 << 20),
    ("KiB", 1 << 10),
    ("G", 1 << 30),
    ("M", 1 << 20),
    ("K", 1 << 10),
    ("B", 1),
];

/// A size in bytes: `1048576`, or with a binary unit: `64MiB`, `512K`, `2G`.
pub fn parse_byte_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = UNITS
        .iter()
        .find_map(|(suffix, factor)| {
            text.strip_suffix(suffix)
                .or_else(|| text.strip_suffix(&suffix.to_lowercase()))
                .map(|d| (d.trim(), *factor))
        })
        .unwrap_or((text, 1));
    let expected = || format!("expected a size in bytes such as 8388608 or 64MiB, found `{text}`");
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(expected());
    }
    let value = digits.parse::<u64>().map_err(|_| expected())?;
    match value.checked_mul(unit) {
        Some(bytes) if bytes > 0 => Ok(bytes),
        _ => Err(expected()),
    }
}

/// The limit to apply: the flag if given, else [`MAX_BYTES_ENV`] if set and not empty,
/// else `default`. A malformed variable is an error that names it.
pub fn max_bytes(flag: Option<u64>, default: u64) -> Result<u64, Message> {
    let env = std::env::var(MAX_BYTES_ENV).ok();
    limit_from(flag, env.as_deref(), default)
}

/// [`max_bytes`] without the environment, for tests.
pub fn limit_from(flag: Option<u64>, env: Option<&str>, default: u64) -> Result<u64, Message> {
    if let Some(bytes) = flag {
        return Ok(bytes);
    }
    match env.map(str::trim).filter(|v| !v.is_empty()) {
        Some(value) => parse_byte_size(value).map_err(|_| {
            Message::new("import-bad-max-bytes")
                .text("variable", MAX_BYTES_ENV)
                .text("value", value)
        }),
        None => Ok(default),
    }
}

/// `8.0`: a size in MiB, to print beside the exact number of bytes.
fn mib(bytes: u64) -> String {
    // Precision does not matter for a message; the exact number is printed too.
    #[allow(clippy::cast_precision_loss)]
    let mib = bytes as f64 / f64::from(1u32 << 20);
    format!("{mib:.1}")
}

/// The file's size if known (a regular file), else only that it is over the limit.
fn too_large(size: Option<u64>, max: u64) -> Message {
    match size {
        Some(size) => Message::new("import-too-large")
            .number("size", size)
            .text("size_mib", mib(size)),
        None => Message::new("import-too-large-stream"),
    }
    .number("max", max)
    .text("max_mib", mib(max))
}

/// The operating system's reason stays as it gives it (in English).
pub(super) fn cannot(id: &'static str, error: &io::Error) -> Message {
    Message::new(id).text("error", error)
}

fn open(path: &Path, max: u64) -> Result<File, ImportError> {
    let name = path.display().to_string();
    let file = File::open(path)
        .map_err(|e| ImportError::new(&name, 0, cannot("import-cannot-open", &e)))?;
    let meta = file
        .metadata()
        .map_err(|e| ImportError::new(&name, 0, cannot("import-cannot-read", &e)))?;
    if meta.is_dir() {
        return Err(ImportError::new(&name, 0, Message::new("import-directory")));
    }
    // Only a regular file's length is known in advance; anything else is counted while
    // it is read.
    if meta.is_file() && meta.len() > max {
        return Err(ImportError::new(&name, 0, too_large(Some(meta.len()), max)));
    }
    Ok(file)
}

/// Read a whole file of at most `max` bytes; a larger one is refused before it is read.
pub fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, ImportError> {
    let name = path.display().to_string();
    let file = open(path, max)?;
    let expected = file.metadata().map(|m| m.len().min(max)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(usize::try_from(expected).unwrap_or(0));
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::new(&name, 0, cannot("import-cannot-read", &e)))?;
    if bytes.len() as u64 > max {
        return Err(ImportError::new(&name, 0, too_large(None, max)));
    }
    Ok(bytes)
}

/// Open a file to be read as a stream of at most `max` bytes: refused at once if it is
/// larger on disk, and failing with [`io::ErrorKind::FileTooLarge`] if more arrives.
pub fn open_file(path: &Path, max: u64) -> Result<LimitedReader<BufReader<File>>, ImportError> {
    let file = open(path, max)?;
    Ok(LimitedReader::new(
        BufReader::new(file),
        &path.display().to_string(),
        max,
    ))
}

/// A reader that fails once more than its limit has been read from it.
pub struct LimitedReader<R> {
    inner: R,
    name: String,
    max: u64,
    left: u64,
}

impl<R: Read> LimitedReader<R> {
    pub fn new(inner: R, name: &str, max: u64) -> Self {
        Self {
            inner,
            name: name.to_owned(),
            max,
            left: max,
        }
    }
}

impl<R: Read> Read for LimitedReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // Ask for at most one byte past the limit: that byte is the proof it is exceeded.
        let room = usize::try_from(self.left.saturating_add(1)).unwrap_or(usize::MAX);
        let want = buf.len().min(room);
        let Some(window) = buf.get_mut(..want) else {
            return Ok(0);
        };
        let n = self.inner.read(window)?;
        let n64 = n as u64;
        if n64 > self.left {
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                ImportError::new(&self.name, 0, too_large(None, self.max)),
            ));
        }
        self.left -= n64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_with_units() {
        assert_eq!(parse_byte_size("1048576"), Ok(1 << 20));
        assert_eq!(parse_byte_size("64MiB"), Ok(64 << 20));
        assert_eq!(parse_byte_size("64 mib"), Ok(64 << 20));
        assert_eq!(parse_byte_size("512K"), Ok(512 << 10));
        assert_eq!(parse_byte_size("2G"), Ok(2 << 30));
        for bad in [
            "",
            "0",
            "-1",
            "1.5M",
            "lots",
            "99999999999999999999G",
            "12 TB",
        ] {
            assert!(parse_byte_size(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn flag_then_environment_then_default() {
        assert_eq!(limit_from(Some(5), Some("7"), 9), Ok(5));
        assert_eq!(limit_from(None, Some("7"), 9), Ok(7));
        assert_eq!(limit_from(None, Some(""), 9), Ok(9), "empty means unset");
        assert_eq!(limit_from(None, None, 9), Ok(9));
        let err = limit_from(None, Some("big"), 9).unwrap_err().to_string();
        assert!(
            err.starts_with("KENES_IMPORT_MAX_BYTES: expected a size"),
            "{err}"
        );
    }

    #[test]
    fn an_oversized_file_is_refused_without_being_read() {
        let dir = std::env::temp_dir().join(format!("kenes-limits-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("big.txt");
        // A sparse 3 GiB file: reading it would take gigabytes of memory.
        let file = File::create(&path).unwrap();
        file.set_len(3 << 30).unwrap();
        let err = read_file(&path, 1 << 20).unwrap_err();
        assert_eq!(err.line, 0);
        let message = err.message.to_string();
        assert!(message.starts_with("the file is 3221225472 bytes (3072.0 MiB); an import file may be at most 1048576 bytes"), "{message}");
        assert!(err.to_string().contains("big.txt: the file is"));
        assert!(open_file(&path, 1 << 20).is_err());
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(read_file(&path, 5).unwrap(), b"12345");
        assert!(read_file(&path, 4).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_stream_that_grows_past_the_limit_fails() {
        let mut reader = LimitedReader::new(io::repeat(b'a'), "zero", 1000);
        let mut sink = Vec::new();
        let err = reader.read_to_end(&mut sink).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::FileTooLarge);
        assert!(sink.len() <= 1000);
        assert!(err.to_string().contains("may be at most 1000 bytes"));
        let mut exact = LimitedReader::new(&b"abc"[..], "abc", 3);
        let mut out = Vec::new();
        assert_eq!(exact.read_to_end(&mut out).unwrap(), 3);
    }
}
