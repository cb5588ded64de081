//! How an export file is written: CSV (RFC 4180, CRLF, an optional UTF-8 byte-order
//! mark for Excel) or a JSON array, handed to a sink a chunk at a time, with every byte
//! counted and hashed (SHA-256) for the audit log. Text cells pass through [`text`],
//! which neutralises what a spreadsheet would read as a formula.
//!
//! A file's header row is its row struct's serde field names ([`header_of`]), so the
//! struct is the one place a column is named in code.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::ExportError;
use crate::domain::export::neutralise;

/// Where an export's bytes go: returns false when the receiver has gone away (the
/// web's response channel closed, or the CLI's file failed), which stops the export.
pub type Sink<'a> = &'a mut dyn FnMut(Vec<u8>) -> bool;

/// A time as exports write it: ISO 8601 in UTC.
pub fn iso(t: chrono::NaiveDateTime) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A text cell, safe to open in a spreadsheet (see [`neutralise`]).
pub fn text(value: &str) -> String {
    neutralise(value).into_owned()
}

/// The header row of a file of `T` rows: the names of its fields as serde gives them,
/// in order. Taken from the CSV writer itself (the header it writes before a first
/// row), so that a file with no rows has the same header as any other.
pub fn header_of<T: Serialize + Default>() -> Result<Vec<String>, ExportError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.serialize(T::default())?;
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    let header = reader.records().next().transpose()?.unwrap_or_default();
    Ok(header.iter().map(str::to_owned).collect())
}

/// A buffer the CSV writer fills and the output drains after each chunk.
#[derive(Clone, Default)]
struct Buffer(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What was written: rows (not counting the header), bytes and their SHA-256 in hex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub rows: u64,
    pub bytes: u64,
    pub sha256: String,
}

/// CSV to the sink as chunks fill, hashing every byte.
pub struct Output<'a> {
    csv: csv::Writer<Buffer>,
    buffer: Buffer,
    sink: Sink<'a>,
    hash: Sha256,
    rows: u64,
    bytes: u64,
}

impl<'a> Output<'a> {
    /// A CSV file: the byte-order mark if asked, then the header (see [`header_of`]).
    pub fn csv(sink: Sink<'a>, excel: bool, header: &[String]) -> Result<Self, ExportError> {
        let mut out = Self::raw(sink);
        if excel {
            out.send(b"\xEF\xBB\xBF".to_vec())?;
        }
        out.csv.write_record(header)?;
        Ok(out)
    }

    /// Bytes as they are given (JSON), counted and hashed the same way.
    fn raw(sink: Sink<'a>) -> Self {
        let buffer = Buffer::default();
        Self {
            csv: csv::WriterBuilder::new()
                .has_headers(false)
                .terminator(csv::Terminator::CRLF)
                .from_writer(buffer.clone()),
            buffer,
            sink,
            hash: Sha256::new(),
            rows: 0,
            bytes: 0,
        }
    }

    fn send(&mut self, bytes: Vec<u8>) -> Result<(), ExportError> {
        if bytes.is_empty() {
            return Ok(());
        }
        self.hash.update(&bytes);
        self.bytes += bytes.len() as u64;
        if (self.sink)(bytes) {
            Ok(())
        } else {
            Err(ExportError::Disconnected)
        }
    }

    pub fn row<T: Serialize>(&mut self, row: &T) -> Result<(), ExportError> {
        self.csv.serialize(row)?;
        self.rows += 1;
        Ok(())
    }

    /// Hand what is buffered to the sink (after each chunk).
    pub fn flush(&mut self) -> Result<(), ExportError> {
        self.csv.flush().map_err(csv::Error::from)?;
        let bytes = std::mem::take(&mut *self.buffer.0.borrow_mut());
        self.send(bytes)
    }

    pub fn finish(mut self) -> Result<Written, ExportError> {
        self.flush()?;
        Ok(Written {
            rows: self.rows,
            bytes: self.bytes,
            sha256: hex::encode(self.hash.finalize()),
        })
    }
}

/// The formats of the open-data files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// CSV (spreadsheet-safe) or a JSON array, one record at a time.
pub enum Records<'a> {
    Csv(Output<'a>),
    Json { out: Output<'a>, first: bool },
}

impl<'a> Records<'a> {
    /// A file of `T` records in this format.
    pub fn new<T: Serialize + Default>(
        format: Format,
        sink: Sink<'a>,
    ) -> Result<Self, ExportError> {
        Ok(match format {
            Format::Csv => Self::Csv(Output::csv(sink, false, &header_of::<T>()?)?),
            Format::Json => Self::Json {
                out: Output::raw(sink),
                first: true,
            },
        })
    }

    pub fn push<T: Serialize>(&mut self, row: &T) -> Result<(), ExportError> {
        match self {
            Self::Csv(out) => out.row(row),
            Self::Json { out, first } => {
                let mut bytes = if *first {
                    b"[\n".to_vec()
                } else {
                    b",\n".to_vec()
                };
                *first = false;
                serde_json::to_writer(&mut bytes, row)
                    .map_err(|e| csv::Error::from(std::io::Error::other(e)))?;
                out.rows += 1;
                out.send(bytes)
            }
        }
    }

    pub fn flush(&mut self) -> Result<(), ExportError> {
        match self {
            Self::Csv(out) => out.flush(),
            Self::Json { .. } => Ok(()),
        }
    }

    /// Close the file (a JSON array's bracket) and say how many records it holds.
    pub fn finish(self) -> Result<u64, ExportError> {
        match self {
            Self::Csv(out) => Ok(out.finish()?.rows),
            Self::Json { mut out, first } => {
                out.send(if first {
                    b"[]\n".to_vec()
                } else {
                    b"\n]\n".to_vec()
                })?;
                Ok(out.finish()?.rows)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Default)]
    struct Pair {
        label: String,
        count: Option<i64>,
    }

    #[test]
    fn the_header_is_the_struct_and_an_empty_file_has_it() {
        assert_eq!(header_of::<Pair>().unwrap(), ["label", "count"]);
        let mut bytes = Vec::new();
        let mut sink = |chunk: Vec<u8>| {
            bytes.extend(chunk);
            true
        };
        let written = Output::csv(&mut sink, true, &header_of::<Pair>().unwrap())
            .unwrap()
            .finish()
            .unwrap();
        assert_eq!(bytes, b"\xEF\xBB\xBFlabel,count\r\n");
        assert_eq!(written.rows, 0);
        assert_eq!(written.bytes, bytes.len() as u64);
        assert_eq!(written.sha256, hex::encode(Sha256::digest(&bytes)));
    }

    #[test]
    fn a_receiver_that_went_away_stops_the_file() {
        let mut sink = |_: Vec<u8>| false;
        let mut out = Output::csv(&mut sink, false, &header_of::<Pair>().unwrap()).unwrap();
        out.row(&Pair::default()).unwrap();
        assert!(matches!(out.flush(), Err(ExportError::Disconnected)));
    }
}
