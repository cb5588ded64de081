//! Kenes: a civic consultation platform.
//!
//! The binary in `main.rs` only parses the command line; everything else lives here so
//! that the integration tests can start the real application.

pub mod assets;
pub mod auth;
pub mod batch;
pub mod cache;
pub mod cli;
pub mod clustering;
pub mod config;
pub mod db;
pub mod demo;
pub mod domain;
pub mod error;
pub mod export;
pub mod housekeeping;
pub mod i18n;
pub mod import;
pub mod limits;
pub mod locale;
pub mod mail;
pub mod metrics;
pub mod models;
pub mod read_cache;
pub mod routes;
pub mod schema;
pub mod seed;
pub mod services;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod tlog;
pub mod urls;
pub mod views;
pub mod votes;
