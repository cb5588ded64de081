//! The command line: `kenes serve | demo | migrate | import-draft | show`.
//!
//! Every subcommand reads the same settings (flags or `KENES_*` / `DATABASE_URL`).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{anyhow, bail, Context};
use chrono::NaiveDateTime;
use clap::{Parser, Subcommand};

use crate::config::Settings;
use crate::db::{self, DbPool};
use crate::domain::{ClauseRef, ConsultationStatus, Slug, TextLang};
use crate::import::{self, DraftFile, ImportRequest};
use crate::models::{consultation, reading};
use crate::startup::{self, Application};
use crate::telemetry;

#[derive(Debug, Parser)]
#[command(
    name = "kenes",
    version,
    about = "Kenes: publish a draft law clause by clause and consult the public on it",
    after_help = "Every option can also be set by the environment variable named in brackets."
)]
pub struct Cli {
    #[command(flatten)]
    pub settings: Settings,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site from the configured database.
    Serve,
    /// Create the database if needed, import and open the sample draft (the US
    /// Constitution), print its address and serve it.
    Demo,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Import a draft as the next version of a consultation (created if missing), in
    /// one or more languages aligned by reference: `import-draft kk.txt ru.txt --lang kk
    /// --lang ru`, or later `import-draft en.txt --lang en --into-version 1`.
    ImportDraft {
        /// The draft files: a Markdown outline (.md) or a plain-text constitution layout,
        /// one per language, in the order of the `--lang` flags.
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
        /// The language of each file, in order (kk, ru or en; default en for a single
        /// file). A new version's authoritative language is kk when one file is
        /// Kazakh, else the first file's.
        #[arg(long = "lang")]
        langs: Vec<String>,
        /// Add the files' languages to this existing version instead of creating a
        /// new one; they must have its articles and clauses.
        #[arg(long)]
        into_version: Option<i32>,
        /// The authoritative language (one of the version's). Default: kk when the
        /// version has a Kazakh text (also one added later with --into-version), else
        /// the first language imported. Once named, adding a language keeps it.
        #[arg(long)]
        authoritative: Option<TextLang>,
        /// The consultation's slug, e.g. `constitution-2024`.
        #[arg(long)]
        consultation: String,
        /// Title of a new consultation (default: the document's title line).
        #[arg(long)]
        title: Option<String>,
        /// Summary of a new consultation.
        #[arg(long)]
        summary: Option<String>,
        /// What changed since the previous version.
        #[arg(long, default_value = "")]
        changelog: String,
        /// Store the version without publishing it.
        #[arg(long)]
        unpublished: bool,
        /// Also set the consultation's status: draft, open, closed or results.
        #[arg(long)]
        status: Option<String>,
        /// Opening time, RFC 3339 (`2026-12-01T09:00:00Z`).
        #[arg(long)]
        opens_at: Option<String>,
        /// Closing time, RFC 3339.
        #[arg(long)]
        closes_at: Option<String>,
        /// Refuse a larger file (bytes, or e.g. `32MiB`; default 8 MiB, or
        /// KENES_IMPORT_MAX_BYTES).
        #[arg(long, value_parser = import::limits::parse_byte_size)]
        max_bytes: Option<u64>,
    },
    /// Import public comments in the Polis format (comments.csv, optionally votes.csv)
    /// as suggestions on one clause; each participant becomes an imported account.
    ImportComments {
        /// The Polis `comments.csv`.
        comments: PathBuf,
        #[arg(long)]
        consultation: String,
        /// The clause they are about, e.g. `12.3`.
        #[arg(long)]
        clause: String,
        /// The Polis `votes.csv` (agree = upvote; the latest vote per voter counts).
        #[arg(long)]
        votes: Option<PathBuf>,
        /// Import the good rows and list the bad ones, instead of importing nothing.
        #[arg(long)]
        skip_bad_rows: bool,
        /// A name for the conversation (default: the folder of the comments file);
        /// importing the same source again adds nothing.
        #[arg(long)]
        source: Option<String>,
        /// Refuse a larger file (bytes, or e.g. `512MiB`; default 64 MiB each, or
        /// KENES_IMPORT_MAX_BYTES).
        #[arg(long, value_parser = import::limits::parse_byte_size)]
        max_bytes: Option<u64>,
    },
    /// Generate a synthetic load: citizens, suggestions (Kazakh, Russian and English text,
    /// skewed over clauses) and votes (skewed: a few suggestions get most of them).
    Seed {
        #[arg(long)]
        consultation: String,
        /// Put every suggestion on this clause.
        #[arg(long)]
        clause: Option<String>,
        #[arg(long, default_value_t = 1000)]
        citizens: usize,
        #[arg(long, default_value_t = 10_000)]
        suggestions: usize,
        #[arg(long, default_value_t = 100_000)]
        votes: usize,
        /// The random seed (the same seed and sizes give the same data).
        #[arg(long, default_value_t = 2024)]
        random_seed: u64,
    },
    /// Manage accounts and roles.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
    /// Group suggestions into near-duplicate clusters and flag campaigns. By default only
    /// clauses with suggestions not clustered yet (what `kenes serve` also does in the
    /// background every KENES_CLUSTER_SECS).
    Cluster {
        /// Recompute every clause, not only those with new suggestions.
        #[arg(long)]
        all: bool,
    },
    /// Export CSV for analysts: suggestions, upvotes, clauses (per-clause statistics),
    /// moderation-log or regions. Prints the row count and the file's SHA-256, and
    /// records the export in the audit log.
    Export {
        /// suggestions, upvotes, clauses, moderation-log or regions.
        kind: String,
        #[arg(long)]
        consultation: Option<String>,
        /// More filters, written as on the moderation queue's address, e.g.
        /// `status=published&article=5&q=тіл` (default: every status).
        #[arg(long, default_value = "")]
        filter: String,
        /// Start the file with a UTF-8 byte-order mark (for Excel).
        #[arg(long)]
        excel: bool,
        /// Where to write the file.
        #[arg(long)]
        out: PathBuf,
    },
    /// Print the data dictionary of the exports (Markdown; `docs/data-dictionary.md`).
    DataDictionary,
    /// Take a moderation decision, as the moderator with this email (same rules and log
    /// as the web workbench), e.g. `kenes moderate KZ-7F3K-9QX2 reject --reason spam
    /// --as mod@example.kz`.
    Moderate {
        /// The suggestion's tracking number.
        number: String,
        /// publish, reject, review, respond, merge, hide, flags_cleared or flags_upheld.
        action: String,
        /// The moderator's email.
        #[arg(long = "as")]
        actor: String,
        /// Reason code for reject and hide: off_topic, spam, abusive, personal_data,
        /// unclear, other.
        #[arg(long, default_value = "")]
        reason: String,
        /// Explanation of the reason (required with `other`).
        #[arg(long, default_value = "")]
        text: String,
        /// Outcome for respond: accepted, partly_accepted, not_accepted.
        #[arg(long, default_value = "")]
        outcome: String,
        /// The official response for respond.
        #[arg(long, default_value = "")]
        response: String,
        /// Tracking number of the canonical suggestion for merge.
        #[arg(long, default_value = "")]
        canonical: String,
    },
    /// Print a clause by its reference, e.g. `kenes show us-constitution AM-XIV.1`.
    Show {
        consultation: String,
        /// `<article>.<clause>`: `12.3`, `83-1.2`, `IV.1`, `AM-XIV.1`.
        reference: String,
    },
    /// Write a consistent copy of the SQLite database to FILE while the server runs,
    /// and check it. For PostgreSQL it says how to use pg_dump instead.
    Backup {
        /// The new file (it must not exist yet).
        file: PathBuf,
    },
    /// Put a backup made by `kenes backup` in place of the SQLite database, after
    /// checking that it is a Kenes database of a schema this version knows. Stop every
    /// server using the database first; the database replaced is kept beside it.
    Restore {
        /// The backup file.
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account with a confirmed email, e.g. the first admin. The password is
    /// asked for (not echoed), or read from the first line of standard input when it
    /// is not a terminal.
    Create {
        #[arg(long)]
        email: String,
        /// Public name (default: the part of the email before @).
        #[arg(long)]
        name: Option<String>,
        /// citizen, moderator, analyst or admin.
        #[arg(long, default_value = "citizen")]
        role: String,
    },
    /// Give an account a role.
    Grant {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
    },
    /// Take a role away (the account becomes a citizen).
    Revoke {
        #[arg(long)]
        email: String,
        #[arg(long)]
        role: String,
    },
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = cli.settings;
    telemetry::init(&settings.log, settings.log_format);
    match cli.command {
        Command::Serve => serve(&settings, startup::prepare_database(&settings)?),
        Command::Demo => demo(&settings),
        Command::Migrate => {
            startup::prepare_database(&settings)?;
            say(&format!(
                "Database is up to date ({}).",
                settings.backend().describe()
            ))
        }
        Command::ImportDraft {
            files,
            langs,
            into_version,
            authoritative,
            consultation,
            title,
            summary,
            changelog,
            unpublished,
            status,
            opens_at,
            closes_at,
            max_bytes,
        } => {
            let slug = Slug::parse(&consultation)?;
            let status = status
                .map(|s| s.parse::<ConsultationStatus>())
                .transpose()?;
            let opens_at = opens_at.as_deref().map(parse_time).transpose()?;
            let closes_at = closes_at.as_deref().map(parse_time).transpose()?;
            let limit = import::max_bytes(max_bytes, import::MAX_DRAFT_BYTES as u64)
                .map_err(|e| anyhow!(e))?;
            let langs = file_languages(&files, &langs)?;
            let mut contents = Vec::with_capacity(files.len());
            for file in &files {
                contents.push((
                    file.to_string_lossy().into_owned(),
                    import::read_file(file, limit)?,
                ));
            }
            let drafts: Vec<DraftFile<'_>> = contents
                .iter()
                .zip(&langs)
                .map(|((file_name, bytes), lang)| DraftFile {
                    lang: *lang,
                    file_name,
                    bytes,
                })
                .collect();
            let pool = startup::prepare_database(&settings)?;
            let request = ImportRequest {
                consultation: &slug,
                files: &drafts,
                into_version,
                authoritative,
                title: title.as_deref(),
                summary: summary.as_deref(),
                changelog: &changelog,
                publish: !unpublished,
            };
            import_and_report(&pool, &request)?;
            if let Some(status) = status {
                set_status(&pool, &slug, status, opens_at, closes_at)?;
                say(&format!("{slug} is now {status}."))?;
            }
            Ok(())
        }
        Command::User { action } => user_command(&settings, action),
        Command::Seed {
            consultation,
            clause,
            citizens,
            suggestions,
            votes,
            random_seed,
        } => {
            let slug = Slug::parse(&consultation)?;
            let clause = clause.as_deref().map(ClauseRef::parse).transpose()?;
            let pool = startup::prepare_database(&settings)?;
            let mut conn = pool.get()?;
            let summary = crate::seed::seed(
                &mut conn,
                &crate::seed::SeedRequest {
                    consultation: &slug,
                    clause: clause.as_ref(),
                    citizens,
                    suggestions,
                    votes,
                    random_seed,
                },
            )?;
            say(&format!(
                "Seeded {slug}: {} citizens, {} suggestions, {} distinct votes in {:.1} s.",
                summary.citizens, summary.suggestions, summary.votes, summary.seconds
            ))
        }
        Command::Export {
            kind,
            consultation,
            filter,
            excel,
            out,
        } => export(
            &settings,
            &kind,
            consultation.as_deref(),
            &filter,
            excel,
            &out,
        ),
        Command::DataDictionary => say(crate::export::dictionary_markdown().trim_end()),
        Command::Cluster { all } => {
            let pool = startup::prepare_database(&settings)?;
            let mut conn = pool.get()?;
            let report = crate::clustering::run(&mut conn, all)?;
            say(&format!(
                "Clustered {} suggestions on {} clauses in {:.1} s: {} changed, {} newly flagged as campaigns.",
                report.suggestions, report.lineages, report.seconds, report.changed, report.campaign
            ))
        }
        Command::Moderate {
            number,
            action,
            actor,
            reason,
            text,
            outcome,
            response,
            canonical,
        } => moderate(
            &settings,
            &number,
            &action,
            &actor,
            [&reason, &text, &outcome, &response, &canonical],
        ),
        Command::ImportComments {
            comments,
            consultation,
            clause,
            votes,
            skip_bad_rows,
            source,
            max_bytes,
        } => {
            let source = source.unwrap_or_else(|| {
                comments
                    .canonicalize()
                    .ok()
                    .and_then(|p| {
                        p.parent()
                            .and_then(|d| d.file_name())
                            .map(|n| n.to_string_lossy().into_owned())
                    })
                    .unwrap_or_else(|| "import".to_owned())
            });
            let slug = Slug::parse(&consultation)?;
            let clause = ClauseRef::parse(&clause)?;
            use crate::import::comments::{CommentsRequest, CsvInput};
            let limit =
                import::max_bytes(max_bytes, import::MAX_CSV_BYTES).map_err(|e| anyhow!(e))?;
            // Opened (and refused by size) before the database is touched.
            let comments_name = comments.to_string_lossy().into_owned();
            let comments_file = import::open_file(&comments, limit)?;
            let votes_name = votes.as_ref().map(|p| p.to_string_lossy().into_owned());
            let votes_file = votes
                .as_ref()
                .map(|p| import::open_file(p, limit))
                .transpose()?;
            let pool = startup::prepare_database(&settings)?;
            let mut conn = pool.get()?;
            let summary = crate::import::comments::import_comments(
                &mut conn,
                CommentsRequest {
                    consultation: &slug,
                    clause: &clause,
                    source: &source,
                    comments: CsvInput::new(&comments_name, comments_file),
                    votes: votes_name
                        .as_deref()
                        .zip(votes_file)
                        .map(|(n, f)| CsvInput::new(n, f)),
                    skip_bad_rows,
                },
            )?;
            for line in &summary.skipped.listed {
                say(&format!("skipped {line}"))?;
            }
            if summary.skipped.unlisted() > 0 {
                say(&format!(
                    "skipped {} more bad rows ({} in all)",
                    summary.skipped.unlisted(),
                    summary.skipped.total
                ))?;
            }
            say(&format!(
                "Imported {} suggestions on {clause} of {slug} ({} published, {} pending, {} rejected; {} already there), {} upvotes, {} new participant accounts.",
                summary.suggestions,
                summary.published,
                summary.pending,
                summary.rejected,
                summary.already_imported,
                summary.upvotes,
                summary.accounts
            ))
        }
        Command::Backup { file } => backup(&settings, &file),
        Command::Restore { file } => restore(&settings, &file),
        Command::Show {
            consultation,
            reference,
        } => {
            let slug = Slug::parse(&consultation)?;
            let reference = ClauseRef::parse(&reference)?;
            let pool = startup::prepare_database(&settings)?;
            let mut conn = pool.get()?;
            let data = reading::clause(&mut conn, &slug, &reference, None)?
                .ok_or_else(|| anyhow!("no clause {reference} in a published version of {slug}"))?;
            say(&format!(
                "{} — {} (version {})\n\n{}",
                data.clause.reference, data.article.label, data.version.number, data.clause.body
            ))
        }
    }
}

/// What to do for PostgreSQL instead of `kenes backup` and `kenes restore`.
const POSTGRES_BACKUP_ADVICE: &str = "kenes backup and restore copy SQLite databases. For \
PostgreSQL use its own tools, which take a consistent snapshot while the servers run: \
`pg_dump --format=custom --file=kenes.dump \"$DATABASE_URL\"` and `pg_restore --clean \
--if-exists --dbname=\"$DATABASE_URL\" kenes.dump`, or base backups with WAL archiving \
(pg_basebackup) for point-in-time recovery. See docs/deployment.md, \"Backups\".";

/// `kenes backup FILE`: an online, consistent copy of the SQLite database.
fn backup(settings: &Settings, file: &std::path::Path) -> anyhow::Result<()> {
    settings.validate()?;
    let backend = settings.backend();
    let db::Backend::Sqlite(path) = &backend else {
        anyhow::bail!(POSTGRES_BACKUP_ADVICE);
    };
    anyhow::ensure!(path.exists(), "there is no database at {}", path.display());
    let mut conn = db::AnyConnectionManager::new(backend.clone())
        .establish()
        .with_context(|| format!("opening {}", backend.describe()))?;
    let summary = db::backup::sqlite_backup(&mut conn, file)?;
    say(&format!(
        "Backed up {} to {} ({} bytes): {} suggestions, {} upvotes, {} accounts, schema of {} migrations. Checked: it restores.",
        path.display(),
        file.display(),
        summary.bytes,
        summary.suggestions,
        summary.upvotes,
        summary.users,
        summary.migrations
    ))
}

/// `kenes restore FILE`: a checked backup in place of the SQLite database.
fn restore(settings: &Settings, file: &std::path::Path) -> anyhow::Result<()> {
    settings.validate()?;
    let backend = settings.backend();
    let db::Backend::Sqlite(path) = &backend else {
        anyhow::bail!(POSTGRES_BACKUP_ADVICE);
    };
    let known = db::embedded_migration_versions(&backend)?;
    let (summary, kept) = db::backup::sqlite_restore(file, path, &known)?;
    say(&format!(
        "Restored {} to {}: {} suggestions, {} upvotes, {} accounts, schema of {} migrations (the next start applies any newer ones).",
        file.display(),
        path.display(),
        summary.suggestions,
        summary.upvotes,
        summary.users,
        summary.migrations
    ))?;
    if let Some(kept) = kept {
        say(&format!(
            "The database it replaced is kept at {}.",
            kept.display()
        ))?;
    }
    Ok(())
}

/// `kenes export`: the same export as `/analytics`, into a file.
fn export(
    settings: &Settings,
    kind: &str,
    consultation: Option<&str>,
    filter: &str,
    excel: bool,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    use crate::services::exports::{self, ExportError, ExportRequest};
    use std::io::Write as _;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let request = ExportRequest::parse(kind, filter, consultation, excel, None)
        .map_err(|error| match error {
            ExportError::InvalidFilter(_) => anyhow!("--filter: {error}"),
            other => other.into(),
        })?
        .saved_as(name);
    let pool = startup::prepare_database(settings)?;
    let mut conn = pool.get()?;
    let mut file = std::io::BufWriter::new(std::fs::File::create(out)?);
    let mut failed = None;
    let receipt = exports::run_export(
        &mut conn,
        &request,
        &mut |bytes| match file.write_all(&bytes) {
            Ok(()) => true,
            Err(e) => {
                failed = Some(e);
                false
            }
        },
    );
    if let Some(error) = failed {
        return Err(error.into());
    }
    let receipt = receipt?;
    file.flush()?;
    say(&format!(
        "Wrote {} rows to {} ({} bytes). SHA-256: {}",
        receipt.rows,
        out.display(),
        receipt.bytes,
        receipt.sha256
    ))
}

/// `kenes moderate`: the same decision path as the workbench.
fn moderate(
    settings: &Settings,
    number: &str,
    action: &str,
    actor: &str,
    [reason, text, outcome, response, canonical]: [&String; 5],
) -> anyhow::Result<()> {
    use crate::domain::{Email, Role, TrackingNumber};
    use crate::models::user;
    use crate::services::moderation::{self, DecideFailure, DecisionRequest};
    let number = TrackingNumber::parse(number)
        .ok_or_else(|| anyhow::anyhow!("`{number}` is not a tracking number"))?;
    let pool = startup::prepare_database(settings)?;
    let mut conn = pool.get()?;
    let email = Email::parse(actor).map_err(|_| anyhow::anyhow!("`{actor}` is not an email"))?;
    let moderator = user::find_by_email(&mut conn, &email)?
        .filter(|u| matches!(u.role(), Role::Moderator | Role::Admin))
        .ok_or_else(|| anyhow::anyhow!("{actor} is not a moderator or admin"))?;
    let request = DecisionRequest {
        action: action.to_owned(),
        reason_code: reason.clone(),
        reason_text: text.clone(),
        outcome: outcome.clone(),
        response: response.clone(),
        template_id: None,
        canonical: canonical.clone(),
    };
    let english = |key| crate::i18n::t(crate::i18n::Lang::En, key);
    match moderation::decide(
        &mut conn,
        crate::domain::UserId(moderator.id),
        &number,
        &request,
        &settings.public_url(),
        crate::models::now(),
    ) {
        Ok(applied) => say(&format!(
            "{number}: {} → {}",
            applied.from.as_str(),
            applied.to.as_str()
        )),
        Err(DecideFailure::Form(fields)) => {
            let problems: Vec<String> = fields
                .iter()
                .map(|(field, error)| format!("--{}: {}", cli_flag(field), english(error.0)))
                .collect();
            anyhow::bail!("{}", problems.join("\n"))
        }
        Err(DecideFailure::Refused(key)) => anyhow::bail!("refused: {}", english(key)),
        Err(DecideFailure::Held { by, until }) => {
            anyhow::bail!("refused: {by} is reviewing it until {until}")
        }
        Err(DecideFailure::NotFound) => anyhow::bail!("no suggestion {number}"),
        Err(DecideFailure::Db(e)) => Err(e.into()),
    }
}

/// The `kenes moderate` flag that sets a decision's field.
fn cli_flag(field: &str) -> &str {
    match field {
        "reason_code" => "reason",
        "reason_text" => "text",
        "action" => "action",
        other => other,
    }
}

fn say(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    Ok(())
}

fn parse_time(text: &str) -> anyhow::Result<NaiveDateTime> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.naive_utc())
        .with_context(|| format!("`{text}` is not an RFC 3339 time such as 2026-12-01T09:00:00Z"))
}

/// The language of each file: one `--lang` per file, or none for a single English file.
fn file_languages(files: &[PathBuf], langs: &[String]) -> anyhow::Result<Vec<TextLang>> {
    if langs.is_empty() && files.len() == 1 {
        return Ok(vec![TextLang::En]);
    }
    if langs.len() != files.len() {
        bail!(
            "{} files and {} --lang flags: give one --lang per file, in the same order",
            files.len(),
            langs.len()
        );
    }
    Ok(langs
        .iter()
        .map(|l| l.parse::<TextLang>())
        .collect::<Result<_, _>>()?)
}

fn import_and_report(pool: &DbPool, request: &ImportRequest<'_>) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    let stored = crate::services::drafts::import(
        &mut conn,
        request,
        crate::services::Actor::CommandLine {
            how: "import-draft",
        },
    )?;
    let files: Vec<&str> = request.files.iter().map(|f| f.file_name).collect();
    let languages: Vec<&str> = stored.languages.iter().map(|l| l.as_str()).collect();
    if request.into_version.is_some() {
        return say(&format!(
            "Added {} ({}) to version {} of {}: {} articles, {} clauses in each language; authoritative: {}.",
            files.join(", "),
            languages.join(", "),
            stored.version.number,
            request.consultation,
            stored.articles,
            stored.clauses,
            stored.version.language,
        ));
    }
    say(&format!(
        "Imported {} ({}; authoritative: {}) as version {} of {}: {} chapters, {} articles, {} clauses ({} unchanged from the previous version){}.",
        files.join(", "),
        languages.join(", "),
        stored.version.language,
        stored.version.number,
        request.consultation,
        stored.chapters,
        stored.articles,
        stored.clauses,
        stored.unchanged_clauses,
        if request.publish { ", published" } else { ", not published" },
    ))
}

fn set_status(
    pool: &DbPool,
    slug: &Slug,
    status: ConsultationStatus,
    opens_at: Option<NaiveDateTime>,
    closes_at: Option<NaiveDateTime>,
) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    db::write_transaction(&mut conn, |conn| {
        let found =
            consultation::find_by_slug(conn, slug)?.ok_or(diesel::result::Error::NotFound)?;
        consultation::set_status(conn, found.id, status, opens_at, closes_at)
    })
    .with_context(|| format!("setting the status of {slug}"))
}

/// Import the sample drafts once (crate::demo), open them, and serve.
fn demo(settings: &Settings) -> anyhow::Result<()> {
    let pool = startup::prepare_database(settings)?;
    let installed = crate::demo::install(&mut *pool.get()?)?;
    for (slug, stored) in &installed {
        let languages: Vec<&str> = stored.languages.iter().map(|l| l.as_str()).collect();
        say(&format!(
            "Imported {slug}: {} articles, {} clauses in {} (authoritative: {}).",
            stored.articles,
            stored.clauses,
            languages.join(", "),
            stored.version.language
        ))?;
    }
    let addresses: Vec<String> = crate::demo::ALL
        .iter()
        .map(|d| format!("{}/consultations/{}", settings.public_url(), d.slug))
        .collect();
    say(&format!(
        "Kenes demo is serving the sample drafts at {}\n\
         (database: {}; mail goes to files in the outbox folder; stop with Ctrl-C)\n\
         To sign in as an admin: cargo run --release -- user create --email you@example.kz --role admin",
        addresses.join(" and "),
        settings.backend().describe()
    ))?;
    // The demo's reader is the person registering: show them the mailed links.
    let mut settings = settings.clone();
    settings.log_mail_links = true;
    serve(&settings, pool)
}

fn serve(settings: &Settings, pool: DbPool) -> anyhow::Result<()> {
    actix_web::rt::System::new().block_on(async move {
        let app = Application::build_with_pool(settings, pool)?;
        tracing::info!(
            port = app.port(),
            backend = settings.backend().name(),
            "serving"
        );
        app.run_until_stopped().await?;
        tracing::info!("stopped");
        Ok(())
    })
}

/// A field error as a CLI message, in English.
fn field<T>(result: Result<T, crate::domain::FieldError>, what: &str) -> anyhow::Result<T> {
    result.map_err(|e| anyhow!("{what}: {}", crate::i18n::t(crate::i18n::Lang::En, e.0)))
}

fn read_password() -> anyhow::Result<String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let again = rpassword::prompt_password("Password again: ")?;
        anyhow::ensure!(first == again, "the passwords do not match");
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

fn user_command(settings: &Settings, action: UserCommand) -> anyhow::Result<()> {
    use crate::domain::{DisplayName, Email, NewPassword, Role};
    use crate::models::user;

    match action {
        UserCommand::Create { email, name, role } => {
            let email = field(Email::parse(&email), "email")?;
            let role: Role = role.parse()?;
            let name = name.unwrap_or_else(|| {
                email
                    .as_str()
                    .split('@')
                    .next()
                    .unwrap_or("admin")
                    .to_owned()
            });
            let name = field(DisplayName::parse(&name), "name")?;
            let password = read_password()?;
            let password = field(NewPassword::parse(&password, Some(&email)), "password")?;
            let hash = crate::auth::password::hash_blocking(password.expose())?;
            let pool = startup::prepare_database(settings)?;
            let mut conn = pool.get()?;
            let created = crate::services::accounts::create_confirmed(
                &mut conn,
                &user::Registration {
                    lang: None,
                    email: &email,
                    display_name: &name,
                    password_hash: &hash,
                    region: None,
                    role,
                    confirmed: true,
                },
                crate::services::accounts::Actor::CommandLine { how: "create" },
            )?;
            match created {
                Some(u) => say(&format!(
                    "Created {} ({}) as {role}.",
                    u.email, u.display_name
                )),
                None => {
                    anyhow::bail!("an account with {email} already exists; use `kenes user grant`")
                }
            }
        }
        UserCommand::Grant { email, role } => {
            set_role_cli(settings, &email, role.parse()?, "grant")
        }
        UserCommand::Revoke { email, role } => {
            let role: Role = role.parse()?;
            let pool = startup::prepare_database(settings)?;
            let mut conn = pool.get()?;
            let email = field(Email::parse(&email), "email")?;
            let current = user::find_by_email(&mut conn, &email)?
                .ok_or_else(|| anyhow!("no account {email}"))?;
            anyhow::ensure!(
                current.role() == role,
                "{email} is {}, not {role}",
                current.role()
            );
            drop(conn);
            set_role_cli(settings, email.as_str(), Role::Citizen, "revoke")
        }
    }
}

fn set_role_cli(
    settings: &Settings,
    email: &str,
    role: crate::domain::Role,
    how: &str,
) -> anyhow::Result<()> {
    use crate::domain::Email;
    use crate::models::user;
    use crate::services::accounts::{self, Actor};
    let email = Email::parse(email).map_err(|_| anyhow!("`{email}` is not an email address"))?;
    let pool = startup::prepare_database(settings)?;
    let mut conn = pool.get()?;
    let target =
        user::find_by_email(&mut conn, &email)?.ok_or_else(|| anyhow!("no account {email}"))?;
    accounts::change_role(&mut conn, Actor::CommandLine { how }, target.id, role)?;
    say(&format!("{email} is now {role}."))
}
