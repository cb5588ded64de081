//! Black-box tests: the real application on a random port, spoken to over HTTP, each
//! test on SQLite and on PostgreSQL with a database of its own.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod fixtures;
mod helpers;
mod smtp;

mod accounts;
mod admin;
mod browser;
mod exports;
mod i18n;
mod import;
mod languages;
mod mail;
mod moderation;
mod operations;
mod operations_backup;
mod operations_config;
mod operations_metrics;
mod operations_outage;
mod operations_overload;
mod operations_scale;
mod operations_servers;
mod page_cache;
mod reading;
mod security;
mod suggestions;
