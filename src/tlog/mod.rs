//! The transparency log's pure core: hashing and proofs, signed notes and checkpoints,
//! tiles, cosignatures, the entry format and receipt bundles.
//!
//! Nothing here touches the database, the clock or the network: a later step stores node
//! hashes and entries in tables, runs the sequencer and serves the endpoints, and calls
//! into these functions. Keeping the core pure is what lets `kenes verify`, the auditor,
//! the witness and the server share one implementation of every check, and lets each be
//! tested against published vectors. The formats are specified for third parties in
//! `docs/transparency.md`.

pub mod bundle;
pub mod checkpoint;
pub mod cosignature;
pub mod entry;
pub mod merkle;
pub mod note;
pub mod tiles;
