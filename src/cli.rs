//! The command line: `kenes serve | demo | migrate | import-draft | show`.
//!
//! Every subcommand reads the same settings (flags or `KENES_*` / `DATABASE_URL`).
//!
//! What it prints for its operator (done-messages, errors, an import file's problems)
//! comes from the `cli-…` and `import-…` messages of the catalogue, in the language of
//! [`operator_lang`]: `KENES_CLI_LANG`, else the POSIX locale, else English. So does
//! `--help`: the `cli-help-…` messages replace the doc comments below (see
//! [`localize_help`]). Codes typed on the command line (`open`, `admin`, flags) stay as
//! they are.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{anyhow, Context};
use chrono::NaiveDateTime;
use clap::{Parser, Subcommand};

use crate::config::Settings;
use crate::db::{self, DbPool};
use crate::domain::{ClauseRef, ConsultationStatus, Slug, TextLang};
use crate::i18n::{self, Lang, Message};
use crate::import::comments::CommentsFailure;
use crate::import::{self, DraftFile, ImportError, ImportFailure, ImportRequest};
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
        /// The consultation's slug.
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
        /// The consultation's slug.
        #[arg(long)]
        consultation: String,
        /// Put every suggestion on this clause.
        #[arg(long)]
        clause: Option<String>,
        /// How many citizens' accounts to create.
        #[arg(long, default_value_t = 1000)]
        citizens: usize,
        /// How many suggestions to create.
        #[arg(long, default_value_t = 10_000)]
        suggestions: usize,
        /// How many votes to cast (one per citizen and suggestion at most).
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
        /// The consultation's slug (default: every consultation).
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
    /// Print how the moderation queue answers a filter, for the moderator with this
    /// email: how many suggestions match, and the database's plan for the page, e.g.
    /// `kenes queue-plan 'status=all&clause=I.8' --as mod@example.kz`.
    QueuePlan {
        /// The queue's query string, as after `/moderation?` in the address bar.
        query: String,
        /// The moderator's email (`assignee=me` is theirs).
        #[arg(long = "as")]
        actor: String,
    },
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
        /// The consultation's slug.
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
        /// The account's email address.
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
        /// The account's email address.
        #[arg(long)]
        email: String,
        /// The role: citizen, moderator, analyst or admin.
        #[arg(long)]
        role: String,
    },
    /// Take a role away (the account becomes a citizen).
    Revoke {
        /// The account's email address.
        #[arg(long)]
        email: String,
        /// The role it has now: moderator, analyst or admin.
        #[arg(long)]
        role: String,
    },
}

/// The variable that chooses the command line's language (kk, ru or en).
pub const LANG_ENV: &str = "KENES_CLI_LANG";

/// The language to speak to the operator in: [`LANG_ENV`] if it names one (kk, ru, en),
/// else the POSIX locale (the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set:
/// `kk_KZ.UTF-8` is Kazakh, `ru_RU.UTF-8` Russian), else English. `var` reads a
/// variable (`std::env::var` in the binary, a table in tests); an empty one is unset.
pub fn operator_lang(var: impl Fn(&str) -> Option<String>) -> Lang {
    let set = |name: &str| var(name).filter(|value| !value.trim().is_empty());
    if let Some(lang) = set(LANG_ENV).and_then(|value| Lang::from_code(&value)) {
        return lang;
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(set)
        .and_then(|locale| locale_lang(&locale))
        .unwrap_or(Lang::En)
}

/// The language of a POSIX locale name (`language[_territory][.codeset][@modifier]`);
/// `C`, `POSIX` and languages not served have none.
fn locale_lang(locale: &str) -> Option<Lang> {
    let language = locale.split(['.', '@']).next()?;
    Lang::from_code(language)
}

/// The operator's language, from the process's environment.
pub fn lang_from_env() -> Lang {
    operator_lang(|name| std::env::var(name).ok())
}

/// The parsed command line, with `--help` in the operator's language (see
/// [`localize_help`]).
pub fn parse() -> Cli {
    let lang = lang_from_env();
    crate::config::parse_command(command_in(lang), lang, |error| {
        describe_parse_error(error, lang)
    })
}

/// The clap command of [`Cli`], built, with its help in `lang`: the first and last
/// lines of `kenes --help`, then [`localize_help`]. Variables set to the empty string
/// are forgotten before the build, which copies the options every subcommand takes
/// into each of them.
pub fn command_in(lang: Lang) -> clap::Command {
    use clap::CommandFactory;
    let command = Cli::command()
        .about(i18n::render(lang, &Message::new("cli-about")))
        .after_help(i18n::render(lang, &Message::new("cli-after-help")));
    let mut command = crate::config::forget_empty_variables(command);
    command.build();
    localize_help(command, lang)
}

/// The prefix of the help of subcommands and options in the catalogue.
const HELP_PREFIX: &str = "cli-help-";

/// The message of the subcommand at `path` (names from the top: `["user", "create"]`
/// is `cli-help-user-create`). clap's `help` subcommand, at any level, is
/// `cli-help-help-command`.
fn subcommand_help_id(path: &[String]) -> String {
    match path.last() {
        Some(name) if name == "help" => format!("{HELP_PREFIX}help-command"),
        _ => format!("{HELP_PREFIX}{}", path.join("-")),
    }
}

/// The message of an option or argument of the subcommand at `path`: named by its
/// long flag, else its id (`--into-version` of `import-draft` is
/// `cli-help-import-draft-into-version`). An option every subcommand takes (the
/// settings), `--help` and `--version` are named without the subcommand
/// (`cli-help-database-url`).
fn argument_help_id(path: &[String], arg: &clap::Arg) -> String {
    let name = arg
        .get_long()
        .unwrap_or_else(|| arg.get_id().as_str())
        .replace('_', "-");
    let shared = arg.is_global_set() || name == "help" || name == "version";
    if shared || path.is_empty() {
        format!("{HELP_PREFIX}{name}")
    } else {
        let subcommand = subcommand_help_id(path);
        format!("{subcommand}-{name}")
    }
}

/// Replace the about of every subcommand and the help of every option of a built
/// `command` by the `cli-help-…` messages in `lang`; in Kazakh and Russian also the
/// headings clap prints ("Usage:", "Arguments:", "Options:", "Commands:"). The
/// English messages are the doc comments (a test holds them equal), so English help
/// reads as clap writes it. clap's own words elsewhere (`[default: …]`, `[env: …]`,
/// its parse errors) stay English.
pub fn localize_help(command: clap::Command, lang: Lang) -> clap::Command {
    localize_level(command, &[], lang)
}

fn localize_level(command: clap::Command, path: &[String], lang: Lang) -> clap::Command {
    let headings = (lang != Lang::En).then(|| HelpHeadings::in_lang(lang));
    let mut command = command.mut_args(|arg| {
        let help = i18n::plain(lang, &argument_help_id(path, &arg));
        let arg = match (help, lang) {
            (Some(text), Lang::En) => arg.help(text),
            (Some(text), _) => help_notes_in(arg, text, lang),
            (None, _) => arg,
        };
        match &headings {
            Some(headings) if arg.get_help_heading().is_none() => {
                let heading = if arg.is_positional() {
                    headings.arguments
                } else {
                    headings.options
                };
                arg.help_heading(heading)
            }
            _ => arg,
        }
    });
    if let Some(headings) = &headings {
        command = command
            .subcommand_help_heading(headings.commands)
            .help_template(headings.template.clone());
    }
    command.mut_subcommands(|sub| {
        let mut sub_path = path.to_vec();
        sub_path.push(sub.get_name().to_owned());
        let sub = match i18n::plain(lang, &subcommand_help_id(&sub_path)) {
            Some(text) => sub.about(text),
            None => sub,
        };
        if sub.get_name() == "help" {
            // Its subcommands are copies of the tree, for `kenes help <subcommand>`.
            return sub;
        }
        localize_level(sub, &sub_path, lang)
    })
}

/// `arg` with the help `text` followed by the notes clap would add in English
/// (`[default: …]`, `[env: …]`, `[possible values: …]`), in `lang`; clap's own notes
/// are hidden.
fn help_notes_in(arg: clap::Arg, text: &str, lang: Lang) -> clap::Arg {
    let mut notes = Vec::new();
    if arg.get_action().takes_values() {
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|value| !value.is_hide_set())
            .map(|value| value.get_name().to_owned())
            .collect();
        if !values.is_empty() && !arg.is_hide_possible_values_set() {
            notes.push(Message::new("cli-note-values").text("values", values.join(", ")));
        }
        let defaults: Vec<String> = arg
            .get_default_values()
            .iter()
            .map(|value| value.to_string_lossy().into_owned())
            .collect();
        if !defaults.is_empty() && !arg.is_hide_default_value_set() {
            notes.push(Message::new("cli-note-default").text("value", defaults.join(", ")));
        }
    }
    if let Some(variable) = arg.get_env() {
        if !arg.is_hide_env_set() {
            notes.push(Message::new("cli-note-env").text("variable", variable.to_string_lossy()));
        }
    }
    let mut help = text.to_owned();
    for note in notes {
        help.push_str(&format!(" [{}]", note.render(lang)));
    }
    arg.help(help)
        .hide_possible_values(true)
        .hide_default_value(true)
        .hide_env(true)
}

/// The headings of `--help` in a language other than English.
struct HelpHeadings {
    arguments: &'static str,
    options: &'static str,
    commands: &'static str,
    /// clap's default template with the usage heading written out.
    template: String,
}

impl HelpHeadings {
    fn in_lang(lang: Lang) -> Self {
        let text = |id: &'static str| i18n::plain(lang, id).unwrap_or(id);
        Self {
            arguments: text("cli-heading-arguments"),
            options: text("cli-heading-options"),
            commands: text("cli-heading-commands"),
            template: format!(
                "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
                text("cli-heading-usage")
            ),
        }
    }
}

/// A parse error clap reports, in `lang`, laid out as clap lays it out (`error: …`,
/// a tip, the usage line, where to find more). `None` in English, where clap's own
/// words are the catalogue's, and for `--help` and `--version`, which are not errors.
pub fn describe_parse_error(error: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if lang == Lang::En {
        return None;
    }
    let text = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(ContextValue::Strings(texts)) => Some(texts.join(", ")),
        Some(ContextValue::StyledStr(text)) => Some(text.to_string()),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let argument = || text(ContextKind::InvalidArg).unwrap_or_default();
    let message = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::UnknownArgument => {
            Message::new("cli-error-unknown-argument").text("argument", argument())
        }
        ErrorKind::InvalidSubcommand => Message::new("cli-error-unknown-subcommand").text(
            "subcommand",
            text(ContextKind::InvalidSubcommand).unwrap_or_default(),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            Message::new("cli-error-invalid-value")
                .text("argument", argument())
                .text("value", text(ContextKind::InvalidValue).unwrap_or_default())
        }
        ErrorKind::MissingRequiredArgument => {
            Message::new("cli-error-missing-arguments").text("arguments", argument())
        }
        ErrorKind::MissingSubcommand => Message::new("cli-error-missing-subcommand").text(
            "command",
            text(ContextKind::InvalidSubcommand).unwrap_or_else(|| "kenes".into()),
        ),
        ErrorKind::ArgumentConflict => {
            let other = text(ContextKind::PriorArg).unwrap_or_default();
            // clap reports an option given twice as conflicting with itself.
            if other == argument() {
                Message::new("cli-error-repeated").text("argument", argument())
            } else {
                Message::new("cli-error-conflict")
                    .text("argument", argument())
                    .text("other", other)
            }
        }
        ErrorKind::NoEquals => Message::new("cli-error-no-equals").text("argument", argument()),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            Message::new("cli-error-number-of-values").text("argument", argument())
        }
        ErrorKind::InvalidUtf8 => Message::new("cli-error-utf8"),
        _ => Message::new("cli-error-unreadable"),
    };
    let heading = |id: &'static str| i18n::plain(lang, id).unwrap_or(id);
    let mut out = format!("{}: {}\n", heading("cli-error"), message.render(lang));
    // Each suggestion in its own backticks (the message quotes the first and last).
    let quoted = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::Strings(texts)) => Some(texts.join("`, `")),
        Some(ContextValue::String(text)) => Some(text.clone()),
        _ => None,
    };
    let suggested = quoted(ContextKind::SuggestedArg)
        .or_else(|| quoted(ContextKind::SuggestedSubcommand))
        .or_else(|| quoted(ContextKind::SuggestedValue));
    if let Some(suggested) = suggested {
        let tip = Message::new("cli-error-similar").text("suggestion", suggested);
        out.push_str(&format!(
            "\n  {}: {}\n",
            heading("cli-error-tip"),
            tip.render(lang)
        ));
    }
    if let Some(values) = text(ContextKind::ValidValue) {
        let values = Message::new("cli-error-possible-values").text("values", values);
        out.push_str(&format!("\n  {}\n", values.render(lang)));
    }
    if let Some(usage) = text(ContextKind::Usage) {
        // clap writes its own "Usage:" before the line.
        let usage = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim();
        out.push_str(&format!("\n{}: {usage}\n", heading("cli-heading-usage")));
    }
    let more = Message::new("cli-error-more").text("help", "--help");
    out.push_str(&format!("\n{}\n", more.render(lang)));
    Some(out)
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    run_in(cli, lang_from_env())
}

/// Run a command, speaking `lang`.
pub fn run_in(cli: Cli, lang: Lang) -> anyhow::Result<()> {
    run_command(cli, lang).map_err(|error| in_language(error, lang))
}

/// An error of start-up in `lang`: a malformed setting, or a step that failed (a
/// [`Message`] as the context of its cause, which is printed as it is). Errors the
/// commands put into words themselves pass through.
fn in_language(error: anyhow::Error, lang: Lang) -> anyhow::Error {
    if let Some(config) = error.downcast_ref::<crate::config::ConfigError>() {
        return anyhow!(config.message.render(lang));
    }
    let Some(step) = error.downcast_ref::<Message>() else {
        return error;
    };
    let mut text = step.render(lang);
    for cause in error.chain().skip(1) {
        text.push_str(": ");
        text.push_str(&cause.to_string());
    }
    anyhow!(text)
}

fn run_command(cli: Cli, lang: Lang) -> anyhow::Result<()> {
    let settings = cli.settings;
    telemetry::init(&settings.log, settings.log_format);
    let tell = |message: Message| say(&message.render(lang));
    match cli.command {
        Command::Serve => serve(&settings, startup::prepare_database(&settings)?),
        Command::Demo => demo(&settings, lang),
        Command::Migrate => {
            startup::prepare_database(&settings)?;
            tell(Message::new("cli-migrate-done").text("database", settings.backend().describe()))
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
            let slug = parse_slug(&consultation, lang)?;
            let status = status
                .map(|s| {
                    s.parse::<ConsultationStatus>().map_err(|e| {
                        fail(lang, Message::new("cli-invalid-status").text("value", e.0))
                    })
                })
                .transpose()?;
            let opens_at = opens_at
                .as_deref()
                .map(|t| parse_time(t, lang))
                .transpose()?;
            let closes_at = closes_at
                .as_deref()
                .map(|t| parse_time(t, lang))
                .transpose()?;
            let limit = import::max_bytes(max_bytes, import::MAX_DRAFT_BYTES as u64)
                .map_err(|e| fail(lang, e))?;
            let langs = file_languages(&files, &langs, lang)?;
            let mut contents = Vec::with_capacity(files.len());
            for file in &files {
                contents.push((
                    file.to_string_lossy().into_owned(),
                    import::read_file(file, limit).map_err(|e| file_problem(lang, &e))?,
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
            import_and_report(&pool, &request, lang)?;
            if let Some(status) = status {
                set_status(&pool, &slug, status, opens_at, closes_at, lang)?;
                tell(
                    Message::new("cli-status-set")
                        .text("consultation", &slug)
                        .text("status", status),
                )?;
            }
            Ok(())
        }
        Command::User { action } => user_command(&settings, action, lang),
        Command::Seed {
            consultation,
            clause,
            citizens,
            suggestions,
            votes,
            random_seed,
        } => {
            let slug = parse_slug(&consultation, lang)?;
            let clause = clause
                .as_deref()
                .map(|c| parse_reference(c, lang))
                .transpose()?;
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
            tell(
                Message::new("cli-seeded")
                    .text("consultation", &slug)
                    .number("citizens", summary.citizens)
                    .number("suggestions", summary.suggestions)
                    .number("votes", summary.votes)
                    .text("seconds", format!("{:.1}", summary.seconds)),
            )
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
            lang,
        ),
        Command::DataDictionary => say(crate::export::dictionary_markdown().trim_end()),
        Command::QueuePlan { query, actor } => queue_plan(&settings, &query, &actor, lang),
        Command::Cluster { all } => {
            let pool = startup::prepare_database(&settings)?;
            let mut conn = pool.get()?;
            let report = crate::clustering::run(&mut conn, all)?;
            tell(
                Message::new("cli-clustered")
                    .number("suggestions", report.suggestions)
                    .number("clauses", report.lineages)
                    .text("seconds", format!("{:.1}", report.seconds))
                    .number("changed", report.changed)
                    .number("campaigns", report.campaign),
            )
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
            lang,
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
            let slug = parse_slug(&consultation, lang)?;
            let clause = parse_reference(&clause, lang)?;
            use crate::import::comments::{CommentsRequest, CsvInput};
            let limit =
                import::max_bytes(max_bytes, import::MAX_CSV_BYTES).map_err(|e| fail(lang, e))?;
            // Opened (and refused by size) before the database is touched.
            let comments_name = comments.to_string_lossy().into_owned();
            let comments_file =
                import::open_file(&comments, limit).map_err(|e| file_problem(lang, &e))?;
            let votes_name = votes.as_ref().map(|p| p.to_string_lossy().into_owned());
            let votes_file = votes
                .as_ref()
                .map(|p| import::open_file(p, limit))
                .transpose()
                .map_err(|e| file_problem(lang, &e))?;
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
            )
            .map_err(|e| comments_failure(lang, e))?;
            for row in &summary.skipped.listed {
                tell(Message::new("cli-comments-skipped").message("row", row.located()))?;
            }
            if summary.skipped.unlisted() > 0 {
                tell(
                    Message::new("cli-comments-skipped-more")
                        .number("count", summary.skipped.unlisted())
                        .number("total", summary.skipped.total),
                )?;
            }
            tell(
                Message::new("cli-comments-imported")
                    .number("suggestions", summary.suggestions)
                    .text("clause", &clause)
                    .text("consultation", &slug)
                    .number("published", summary.published)
                    .number("pending", summary.pending)
                    .number("rejected", summary.rejected)
                    .number("existing", summary.already_imported)
                    .number("upvotes", summary.upvotes)
                    .number("accounts", summary.accounts),
            )
        }
        Command::Backup { file } => backup(&settings, &file, lang),
        Command::Restore { file } => restore(&settings, &file, lang),
        Command::Show {
            consultation,
            reference,
        } => {
            let slug = parse_slug(&consultation, lang)?;
            let reference = parse_reference(&reference, lang)?;
            let pool = startup::prepare_database(&settings)?;
            let mut conn = pool.get()?;
            let data = reading::clause(&mut conn, &slug, &reference, None)?.ok_or_else(|| {
                fail(
                    lang,
                    Message::new("cli-no-clause")
                        .text("reference", &reference)
                        .text("consultation", &slug),
                )
            })?;
            let heading = Message::new("cli-show-heading")
                .text("reference", &data.clause.reference)
                .text("article", &data.article.label)
                .number("version", u64::try_from(data.version.number).unwrap_or(0));
            say(&format!("{}\n\n{}", heading.render(lang), data.clause.body))
        }
    }
}

/// What to do for PostgreSQL instead of `kenes backup` and `kenes restore`
/// (`cli-backup-postgres`: the commands in it are typed as they are).
fn postgres_backup_advice(lang: Lang) -> anyhow::Error {
    fail(lang, Message::new("cli-backup-postgres"))
}

/// `kenes backup FILE`: an online, consistent copy of the SQLite database.
fn backup(settings: &Settings, file: &std::path::Path, lang: Lang) -> anyhow::Result<()> {
    settings.validate()?;
    let backend = settings.backend();
    let db::Backend::Sqlite(path) = &backend else {
        return Err(postgres_backup_advice(lang));
    };
    if !path.exists() {
        return Err(fail(
            lang,
            Message::new("cli-no-database").text("path", path.display()),
        ));
    }
    let mut conn = db::AnyConnectionManager::new(backend.clone())
        .establish()
        .with_context(|| {
            Message::new("cli-opening")
                .text("database", backend.describe())
                .render(lang)
        })?;
    let summary = db::backup::sqlite_backup(&mut conn, file)?;
    say(&Message::new("cli-backup-done")
        .text("database", path.display())
        .text("file", file.display())
        .number("bytes", summary.bytes)
        .number("suggestions", summary.suggestions)
        .number("upvotes", summary.upvotes)
        .number("accounts", summary.users)
        .number("migrations", summary.migrations)
        .render(lang))
}

/// `kenes restore FILE`: a checked backup in place of the SQLite database.
fn restore(settings: &Settings, file: &std::path::Path, lang: Lang) -> anyhow::Result<()> {
    settings.validate()?;
    let backend = settings.backend();
    let db::Backend::Sqlite(path) = &backend else {
        return Err(postgres_backup_advice(lang));
    };
    let known = db::embedded_migration_versions(&backend)?;
    let (summary, kept) = db::backup::sqlite_restore(file, path, &known)?;
    say(&Message::new("cli-restore-done")
        .text("file", file.display())
        .text("database", path.display())
        .number("suggestions", summary.suggestions)
        .number("upvotes", summary.upvotes)
        .number("accounts", summary.users)
        .number("migrations", summary.migrations)
        .render(lang))?;
    if let Some(kept) = kept {
        say(&Message::new("cli-restore-kept")
            .text("file", kept.display())
            .render(lang))?;
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
    lang: Lang,
) -> anyhow::Result<()> {
    use crate::services::exports::{self, ExportError, ExportRequest};
    use std::io::Write as _;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let request = ExportRequest::parse(kind, filter, consultation, excel, None)
        .map_err(|error| match error {
            ExportError::InvalidFilter(field) => fail(
                lang,
                Message::new("cli-filter-invalid").text("field", field),
            ),
            ExportError::UnknownKind(_) => {
                fail(lang, Message::new("cli-invalid-export").text("value", kind))
            }
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
    say(&Message::new("cli-export-done")
        .number("rows", receipt.rows)
        .text("file", out.display())
        .number("bytes", receipt.bytes)
        .text("sha256", &receipt.sha256)
        .render(lang))
}

/// `kenes moderate`: the same decision path as the workbench.
fn moderate(
    settings: &Settings,
    number: &str,
    action: &str,
    actor: &str,
    [reason, text, outcome, response, canonical]: [&String; 5],
    lang: Lang,
) -> anyhow::Result<()> {
    use crate::domain::{Email, Role, TrackingNumber};
    use crate::models::user;
    use crate::services::moderation::{self, DecideFailure, DecisionRequest};
    let number = TrackingNumber::parse(number).ok_or_else(|| {
        fail(
            lang,
            Message::new("cli-not-tracking-number").text("value", number),
        )
    })?;
    let pool = startup::prepare_database(settings)?;
    let mut conn = pool.get()?;
    let email = Email::parse(actor)
        .map_err(|_| fail(lang, Message::new("cli-not-email").text("value", actor)))?;
    let moderator = user::find_by_email(&mut conn, &email)?
        .filter(|u| matches!(u.role(), Role::Moderator | Role::Admin))
        .ok_or_else(|| fail(lang, Message::new("cli-not-moderator").text("email", actor)))?;
    let request = DecisionRequest {
        action: action.to_owned(),
        reason_code: reason.clone(),
        reason_text: text.clone(),
        outcome: outcome.clone(),
        response: response.clone(),
        template_id: None,
        canonical: canonical.clone(),
    };
    match moderation::decide(
        &mut conn,
        crate::domain::UserId(moderator.id),
        &number,
        &request,
        &settings.public_url(),
        crate::models::now(),
    ) {
        Ok(applied) => say(&Message::new("cli-moderated")
            .text("number", &number)
            .text("from", applied.from.as_str())
            .text("to", applied.to.as_str())
            .render(lang)),
        Err(DecideFailure::Form(fields)) => {
            let problems: Vec<String> = fields
                .iter()
                .map(|(field, error)| {
                    field_message(lang, &format!("--{}", cli_flag(field)), error.0)
                })
                .collect();
            anyhow::bail!("{}", problems.join("\n"))
        }
        Err(DecideFailure::Refused(key)) => Err(fail(
            lang,
            Message::new("cli-refused").text("reason", i18n::t(lang, key)),
        )),
        Err(DecideFailure::Held { by, until }) => Err(fail(
            lang,
            Message::new("cli-refused-held")
                .text("name", by)
                .text("until", until),
        )),
        Err(DecideFailure::NotFound) => Err(fail(
            lang,
            Message::new("cli-no-suggestion").text("number", &number),
        )),
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

/// `kenes queue-plan`: the filter read as the workbench reads it, then what matches
/// and the plan of the page's query.
fn queue_plan(settings: &Settings, query: &str, actor: &str, lang: Lang) -> anyhow::Result<()> {
    use crate::domain::queue::{QueueFilter, RawFilter};
    use crate::domain::{Email, Role};
    use crate::models::moderation as queue;
    let raw = actix_web::web::Query::<RawFilter>::from_query(query.trim_start_matches('?'))
        .map_err(|e| {
            fail(
                lang,
                Message::new("cli-queue-plan-unreadable").text("problem", e.to_string()),
            )
        })?
        .into_inner();
    let (filter, errors) = QueueFilter::parse(&raw);
    // The workbench ignores a field it cannot read (and says so); here it is a mistake
    // in the command, so nothing is planned.
    if let Some((field, _)) = errors.first() {
        return Err(fail(
            lang,
            Message::new("cli-queue-plan-bad-filter").text("field", *field),
        ));
    }
    let email = Email::parse(actor)
        .map_err(|_| fail(lang, Message::new("cli-not-email").text("value", actor)))?;
    let pool = startup::prepare_database(settings)?;
    let mut conn = pool.get()?;
    let moderator = crate::models::user::find_by_email(&mut conn, &email)?
        .filter(|u| matches!(u.role(), Role::Moderator | Role::Admin))
        .ok_or_else(|| fail(lang, Message::new("cli-not-moderator").text("email", actor)))?;
    let resolved = queue::resolve(&mut conn, &filter, moderator.id)?;
    let plan = queue::queue_plan(&mut conn, &resolved, queue::QUEUE_PAGE_SIZE)?;
    let matching = match plan.matching {
        Some(count) => Message::new("cli-queue-plan-matching").number("count", count),
        None => Message::new("cli-queue-plan-not-counted"),
    };
    say(&matching.render(lang))?;
    for step in &plan.page {
        say(step)?;
    }
    Ok(())
}

fn say(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}")?;
    Ok(())
}

/// An error for the operator, in their language.
fn fail(lang: Lang, message: Message) -> anyhow::Error {
    anyhow!(message.render(lang))
}

fn parse_slug(value: &str, lang: Lang) -> anyhow::Result<Slug> {
    Slug::parse(value).map_err(|e| fail(lang, Message::new("cli-invalid-slug").text("value", e.0)))
}

fn parse_reference(value: &str, lang: Lang) -> anyhow::Result<ClauseRef> {
    ClauseRef::parse(value).map_err(|e| fail(lang, e.message()))
}

/// A file that could not be opened or read, or is too large: `file: problem`.
fn file_problem(lang: Lang, error: &ImportError) -> anyhow::Error {
    anyhow!(error.render(lang))
}

/// A draft import that failed: the file's problems in the operator's language, or the
/// database's error after `import-database-error`.
fn import_failure(lang: Lang, failure: ImportFailure) -> anyhow::Error {
    match (failure.render(lang), failure) {
        (Some(text), _) => anyhow!(text),
        (None, ImportFailure::Database(error)) => database_error(lang, &error),
        (None, other) => other.into(),
    }
}

/// An import of comments that failed, as [`import_failure`].
fn comments_failure(lang: Lang, failure: CommentsFailure) -> anyhow::Error {
    match (failure.render(lang), failure) {
        (Some(text), _) => anyhow!(text),
        (None, CommentsFailure::Database(error)) => database_error(lang, &error),
        (None, other) => other.into(),
    }
}

fn database_error(lang: Lang, error: &diesel::result::Error) -> anyhow::Error {
    fail(
        lang,
        Message::new("import-database-error").text("error", error),
    )
}

fn parse_time(text: &str, lang: Lang) -> anyhow::Result<NaiveDateTime> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.naive_utc())
        .with_context(|| {
            Message::new("cli-invalid-time")
                .text("value", text)
                .render(lang)
        })
}

/// The language of each file: one `--lang` per file, or none for a single English file.
fn file_languages(
    files: &[PathBuf],
    langs: &[String],
    lang: Lang,
) -> anyhow::Result<Vec<TextLang>> {
    if langs.is_empty() && files.len() == 1 {
        return Ok(vec![TextLang::En]);
    }
    if langs.len() != files.len() {
        return Err(fail(
            lang,
            Message::new("cli-lang-count")
                .number("files", files.len())
                .number("langs", langs.len()),
        ));
    }
    langs
        .iter()
        .map(|l| l.parse::<TextLang>().map_err(|e| fail(lang, e.message())))
        .collect()
}

fn import_and_report(pool: &DbPool, request: &ImportRequest<'_>, lang: Lang) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    let stored = crate::services::drafts::import(
        &mut conn,
        request,
        crate::services::Actor::CommandLine {
            how: "import-draft",
        },
    )
    .map_err(|e| import_failure(lang, e))?;
    let files: Vec<&str> = request.files.iter().map(|f| f.file_name).collect();
    let languages: Vec<&str> = stored.languages.iter().map(|l| l.as_str()).collect();
    let number = u64::try_from(stored.version.number).unwrap_or(0);
    if request.into_version.is_some() {
        return say(&Message::new("cli-languages-added")
            .text("files", files.join(", "))
            .text("languages", languages.join(", "))
            .number("version", number)
            .text("consultation", request.consultation)
            .number("articles", stored.articles)
            .number("clauses", stored.clauses)
            .text("authoritative", stored.version.language)
            .render(lang));
    }
    let id = if request.publish {
        "cli-draft-imported-published"
    } else {
        "cli-draft-imported-unpublished"
    };
    say(&Message::new(id)
        .text("files", files.join(", "))
        .text("languages", languages.join(", "))
        .text("authoritative", stored.version.language)
        .number("version", number)
        .text("consultation", request.consultation)
        .number("chapters", stored.chapters)
        .number("articles", stored.articles)
        .number("clauses", stored.clauses)
        .number("unchanged", stored.unchanged_clauses)
        .render(lang))
}

fn set_status(
    pool: &DbPool,
    slug: &Slug,
    status: ConsultationStatus,
    opens_at: Option<NaiveDateTime>,
    closes_at: Option<NaiveDateTime>,
    lang: Lang,
) -> anyhow::Result<()> {
    let mut conn = pool.get()?;
    db::write_transaction(&mut conn, |conn| {
        let found =
            consultation::find_by_slug(conn, slug)?.ok_or(diesel::result::Error::NotFound)?;
        consultation::set_status(conn, found.id, status, opens_at, closes_at)
    })
    .with_context(|| {
        Message::new("cli-setting-status")
            .text("consultation", slug)
            .render(lang)
    })
}

/// Import the sample drafts once (crate::demo), open them, and serve.
fn demo(settings: &Settings, lang: Lang) -> anyhow::Result<()> {
    let pool = startup::prepare_database(settings)?;
    let installed = crate::demo::install(&mut *pool.get()?).map_err(|e| import_failure(lang, e))?;
    for (slug, stored) in &installed {
        let languages: Vec<&str> = stored.languages.iter().map(|l| l.as_str()).collect();
        say(&Message::new("cli-demo-imported")
            .text("consultation", slug)
            .number("articles", stored.articles)
            .number("clauses", stored.clauses)
            .text("languages", languages.join(", "))
            .text("authoritative", stored.version.language)
            .render(lang))?;
    }
    let addresses: Vec<String> = crate::demo::ALL
        .iter()
        .map(|d| format!("{}/consultations/{}", settings.public_url(), d.slug))
        .collect();
    let and = format!(" {} ", Message::new("cli-and").render(lang));
    say(&Message::new("cli-demo-serving")
        .text("urls", addresses.join(&and))
        .text("database", settings.backend().describe())
        .render(lang))?;
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

/// `field: problem`, the problem being a form message (`form-…`).
fn field_message(lang: Lang, field: &str, key: &'static str) -> String {
    Message::new("cli-field-error")
        .text("field", field)
        .text("message", i18n::t(lang, key))
        .render(lang)
}

/// A field error as a CLI message, in the operator's language.
fn field<T>(
    result: Result<T, crate::domain::FieldError>,
    what: &str,
    lang: Lang,
) -> anyhow::Result<T> {
    result.map_err(|e| anyhow!(field_message(lang, what, e.0)))
}

fn read_password(lang: Lang) -> anyhow::Result<String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        let prompt = |id| format!("{}: ", Message::new(id).render(lang));
        let first = rpassword::prompt_password(prompt("cli-password-prompt"))?;
        let again = rpassword::prompt_password(prompt("cli-password-again"))?;
        if first != again {
            return Err(fail(lang, Message::new("cli-passwords-differ")));
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

fn parse_role(value: &str, lang: Lang) -> anyhow::Result<crate::domain::Role> {
    value
        .parse()
        .map_err(|e: crate::domain::account::RoleError| {
            fail(lang, Message::new("cli-invalid-role").text("value", e.0))
        })
}

fn user_command(settings: &Settings, action: UserCommand, lang: Lang) -> anyhow::Result<()> {
    use crate::domain::{DisplayName, Email, NewPassword, Role};
    use crate::models::user;

    match action {
        UserCommand::Create { email, name, role } => {
            let email = field(Email::parse(&email), "email", lang)?;
            let role = parse_role(&role, lang)?;
            let name = name.unwrap_or_else(|| {
                email
                    .as_str()
                    .split('@')
                    .next()
                    .unwrap_or("admin")
                    .to_owned()
            });
            let name = field(DisplayName::parse(&name), "name", lang)?;
            let password = read_password(lang)?;
            let password = field(
                NewPassword::parse(&password, Some(&email)),
                "password",
                lang,
            )?;
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
                Some(u) => say(&Message::new("cli-user-created")
                    .text("email", &u.email)
                    .text("name", &u.display_name)
                    .text("role", role)
                    .render(lang)),
                None => Err(fail(
                    lang,
                    Message::new("cli-user-exists").text("email", &email),
                )),
            }
        }
        UserCommand::Grant { email, role } => {
            let role = parse_role(&role, lang)?;
            set_role_cli(settings, &email, role, "grant", lang)
        }
        UserCommand::Revoke { email, role } => {
            let role = parse_role(&role, lang)?;
            let pool = startup::prepare_database(settings)?;
            let mut conn = pool.get()?;
            let email = field(Email::parse(&email), "email", lang)?;
            let current = user::find_by_email(&mut conn, &email)?
                .ok_or_else(|| fail(lang, Message::new("cli-no-account").text("email", &email)))?;
            if current.role() != role {
                return Err(fail(
                    lang,
                    Message::new("cli-role-mismatch")
                        .text("email", &email)
                        .text("current", current.role())
                        .text("role", role),
                ));
            }
            drop(conn);
            set_role_cli(settings, email.as_str(), Role::Citizen, "revoke", lang)
        }
    }
}

fn set_role_cli(
    settings: &Settings,
    email: &str,
    role: crate::domain::Role,
    how: &str,
    lang: Lang,
) -> anyhow::Result<()> {
    use crate::domain::Email;
    use crate::models::user;
    use crate::services::accounts::{self, Actor};
    let email = Email::parse(email)
        .map_err(|_| fail(lang, Message::new("cli-not-email").text("value", email)))?;
    let pool = startup::prepare_database(settings)?;
    let mut conn = pool.get()?;
    let target = user::find_by_email(&mut conn, &email)?
        .ok_or_else(|| fail(lang, Message::new("cli-no-account").text("email", &email)))?;
    accounts::change_role(&mut conn, Actor::CommandLine { how }, target.id, role)?;
    say(&Message::new("cli-role-set")
        .text("email", &email)
        .text("role", role)
        .render(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`operator_lang`] over a table of variables instead of the real environment.
    fn lang_with(vars: &[(&str, &str)]) -> Lang {
        operator_lang(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_owned())
        })
    }

    #[test]
    fn the_variable_wins_over_the_locale() {
        assert_eq!(lang_with(&[("KENES_CLI_LANG", "kk")]), Lang::Kk);
        assert_eq!(
            lang_with(&[("KENES_CLI_LANG", "ru"), ("LC_ALL", "kk_KZ.UTF-8")]),
            Lang::Ru
        );
        assert_eq!(
            lang_with(&[("KENES_CLI_LANG", "EN"), ("LANG", "ru_RU.UTF-8")]),
            Lang::En
        );
    }

    #[test]
    fn an_empty_or_unknown_variable_falls_back_to_the_locale() {
        assert_eq!(
            lang_with(&[("KENES_CLI_LANG", ""), ("LANG", "ru_RU.UTF-8")]),
            Lang::Ru
        );
        assert_eq!(
            lang_with(&[("KENES_CLI_LANG", "de"), ("LANG", "kk_KZ.UTF-8")]),
            Lang::Kk
        );
    }

    #[test]
    fn the_locale_is_read_as_posix_does() {
        assert_eq!(lang_with(&[("LANG", "kk_KZ.UTF-8")]), Lang::Kk);
        assert_eq!(lang_with(&[("LANG", "ru_RU.UTF-8")]), Lang::Ru);
        assert_eq!(lang_with(&[("LANG", "ru_KZ")]), Lang::Ru);
        assert_eq!(lang_with(&[("LANG", "kk")]), Lang::Kk);
        assert_eq!(lang_with(&[("LANG", "ru_RU.UTF-8@euro")]), Lang::Ru);
        // LC_ALL, then LC_MESSAGES, then LANG; an empty one is unset.
        assert_eq!(
            lang_with(&[
                ("LC_ALL", "ru_RU.UTF-8"),
                ("LC_MESSAGES", "kk_KZ.UTF-8"),
                ("LANG", "en_GB.UTF-8")
            ]),
            Lang::Ru
        );
        assert_eq!(
            lang_with(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "kk_KZ.UTF-8"),
                ("LANG", "ru_RU.UTF-8")
            ]),
            Lang::Kk
        );
        // The first locale set decides, even when it is not one of ours.
        assert_eq!(
            lang_with(&[("LC_ALL", "C"), ("LANG", "ru_RU.UTF-8")]),
            Lang::En
        );
    }

    #[test]
    fn english_without_a_choice() {
        assert_eq!(lang_with(&[]), Lang::En);
        assert_eq!(lang_with(&[("LANG", "C.UTF-8")]), Lang::En);
        assert_eq!(lang_with(&[("LANG", "POSIX")]), Lang::En);
        assert_eq!(lang_with(&[("LANG", "de_DE.UTF-8")]), Lang::En);
    }

    /// (message id, clap's help) of every subcommand and option of the built command,
    /// as [`localize_help`] names them.
    fn help_texts(command: &clap::Command, path: &[String], found: &mut Vec<(String, String)>) {
        for arg in command.get_arguments() {
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            found.push((argument_help_id(path, arg), help));
        }
        for sub in command.get_subcommands() {
            let mut sub_path = path.to_vec();
            sub_path.push(sub.get_name().to_owned());
            let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
            found.push((subcommand_help_id(&sub_path), about));
            if sub.get_name() != "help" {
                help_texts(sub, &sub_path, found);
            }
        }
    }

    fn english_help() -> Vec<(String, String)> {
        use clap::CommandFactory;
        let mut command = Cli::command();
        command.build();
        let mut found = Vec::new();
        help_texts(&command, &[], &mut found);
        found
    }

    #[test]
    fn every_subcommand_and_option_has_its_help_in_each_language() {
        let found = english_help();
        assert!(found.len() > 100, "only {} found", found.len());
        let mut missing = Vec::new();
        for (id, english) in &found {
            if english.is_empty() {
                missing.push(format!("{id}: no doc comment in the code"));
            }
            for lang in Lang::ALL {
                if i18n::plain(lang, id).is_none() {
                    missing.push(format!("{id}: not in locales/{}/cli.ftl", lang.code()));
                }
            }
        }
        assert!(missing.is_empty(), "{}", missing.join("\n"));
    }

    #[test]
    fn the_english_help_is_the_doc_comment() {
        let differ: Vec<String> = english_help()
            .into_iter()
            .filter(|(id, english)| i18n::plain(Lang::En, id) != Some(english.as_str()))
            .map(|(id, english)| format!("{id} = {english}"))
            .collect();
        assert!(
            differ.is_empty(),
            "locales/en/cli.ftl should say:\n{}",
            differ.join("\n")
        );
    }

    #[test]
    fn every_help_message_belongs_to_a_subcommand_or_option() {
        let ids: Vec<String> = english_help().into_iter().map(|(id, _)| id).collect();
        let stale: Vec<&str> = i18n::message_ids()
            .into_iter()
            .filter(|id| id.starts_with(HELP_PREFIX) && !ids.iter().any(|known| known == id))
            .collect();
        assert!(
            stale.is_empty(),
            "help of nothing in the command: {stale:?}"
        );
    }

    /// The help as printed, without colours.
    fn help_of(lang: Lang, path: &[&str]) -> String {
        let mut command = command_in(lang);
        let mut level = &mut command;
        for name in path {
            level = level
                .find_subcommand_mut(name)
                .unwrap_or_else(|| panic!("no subcommand {name}"));
        }
        // clap wraps long lines to the terminal's width.
        let help = level.render_help().to_string();
        help.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn help_is_printed_in_the_operator_language() {
        let russian = help_of(Lang::Ru, &["import-draft"]);
        assert!(russian.contains("Использование: "), "{russian}");
        assert!(russian.contains("Параметры:"), "{russian}");
        assert!(
            russian.contains("Язык каждого файла по порядку"),
            "{russian}"
        );
        assert!(
            russian.contains("Краткое имя общественного обсуждения"),
            "{russian}"
        );
        let kazakh = help_of(Lang::Kk, &[]);
        assert!(kazakh.contains("Командалар:"), "{kazakh}");
        assert!(
            kazakh.contains("Сайтты параметрлерде көрсетілген дерекқордан іске қосу"),
            "{kazakh}"
        );
        assert!(kazakh.contains("Анықтаманы шығару"), "{kazakh}");
        // English is clap's own layout with the doc comments.
        let english = help_of(Lang::En, &["import-draft"]);
        assert!(english.contains("Usage: "), "{english}");
        assert!(english.contains("Options:"), "{english}");
        assert!(
            english.contains("The language of each file, in order"),
            "{english}"
        );
    }

    #[test]
    fn the_notes_of_the_help_are_in_the_operator_language() {
        let russian = help_of(Lang::Ru, &["serve"]);
        for needle in [
            "[по умолчанию: 127.0.0.1:8080] [переменная окружения: KENES_BIND]",
            "[допустимые значения: text, json]",
        ] {
            assert!(russian.contains(needle), "expected {needle:?} in {russian}");
        }
        for english in ["[default:", "[env:", "[possible values:"] {
            assert!(!russian.contains(english), "{english} in {russian}");
        }
        let kazakh = help_of(Lang::Kk, &["import-draft"]);
        assert!(
            kazakh.contains("[орта айнымалысы: KENES_DATA_DIR]"),
            "{kazakh}"
        );
        assert!(!kazakh.contains("[env:"), "{kazakh}");
        let english = help_of(Lang::En, &["serve"]);
        assert!(english.contains("[env: KENES_BIND=]") || english.contains("[env: KENES_BIND"));
        assert!(english.contains("[default: 127.0.0.1:8080]"), "{english}");
    }

    /// What `kenes` prints for `args` in `lang`, when clap refuses them.
    fn parse_error_in(lang: Lang, args: &[&str]) -> Option<String> {
        let error = command_in(lang)
            .try_get_matches_from(args)
            .expect_err("refused");
        describe_parse_error(&error, lang)
    }

    #[test]
    fn a_command_line_clap_refuses_is_explained_in_the_operator_language() {
        let unknown = parse_error_in(Lang::Ru, &["kenes", "serve", "--bnd", "x"]).unwrap();
        assert!(
            unknown.starts_with("ошибка: неизвестный аргумент `--bnd`\n"),
            "{unknown}"
        );
        assert!(
            unknown.contains("подсказка: существует похожий вариант: `--bind`"),
            "{unknown}"
        );
        assert!(
            unknown.contains("\nИспользование: kenes serve"),
            "{unknown}"
        );
        assert!(
            unknown.ends_with("Дополнительные сведения: `--help`.\n"),
            "{unknown}"
        );

        let value = parse_error_in(Lang::Kk, &["kenes", "serve", "--log-format", "xml"]).unwrap();
        assert!(
            value.starts_with("қате: `--log-format <LOG_FORMAT>` параметрінің `xml` мәні жарамсыз"),
            "{value}"
        );
        assert!(
            value.contains("рұқсат етілген мәндер: text, json"),
            "{value}"
        );

        let missing = parse_error_in(Lang::Ru, &["kenes", "import-draft"]).unwrap();
        assert!(
            missing.starts_with("ошибка: не указаны обязательные аргументы: "),
            "{missing}"
        );
        assert!(missing.contains("--consultation"), "{missing}");

        let subcommand = parse_error_in(Lang::Kk, &["kenes", "serv"]).unwrap();
        assert!(
            subcommand.starts_with("қате: белгісіз команда: `serv`"),
            "{subcommand}"
        );
        assert!(subcommand.contains("`serve`"), "{subcommand}");

        // English is clap's own; help and version are not errors.
        assert_eq!(parse_error_in(Lang::En, &["kenes", "--bnd"]), None);
        assert_eq!(parse_error_in(Lang::Ru, &["kenes", "--help"]), None);
        assert_eq!(parse_error_in(Lang::Ru, &["kenes", "--version"]), None);
        for lang in [Lang::Kk, Lang::Ru] {
            for args in [
                &["kenes", "--bnd"][..],
                &["kenes", "serve", "--workers", "many"],
                &["kenes", "user", "create"],
            ] {
                let text = parse_error_in(lang, args).unwrap();
                for english in ["error:", "Usage:", "For more information", "invalid value"] {
                    assert!(!text.contains(english), "{english} in {text}");
                }
            }
        }
    }

    #[test]
    fn a_malformed_setting_is_explained_in_the_operator_language() {
        let mut settings = Settings::with_defaults();
        settings.bind = "8080".into();
        let error = settings.validate().unwrap_err();
        assert_eq!(
            error.to_string(),
            "KENES_BIND must be an address and a port such as `127.0.0.1:8080` or `[::]:8080` \
             (got `8080`)"
        );
        let russian = in_language(error.clone().into(), Lang::Ru).to_string();
        assert_eq!(
            russian,
            "KENES_BIND: ожидается адрес и порт, например `127.0.0.1:8080` или `[::]:8080` \
             (указано `8080`)"
        );
        let kazakh = in_language(error.into(), Lang::Kk).to_string();
        assert!(
            kazakh.starts_with("KENES_BIND: күтілетін мән — мекенжай мен порт"),
            "{kazakh}"
        );

        // A failed step: its context in the operator's language, the cause as it is.
        let step = anyhow::Error::from(std::io::Error::other("Address already in use")).context(
            Message::new("cli-binding")
                .text("variable", "KENES_BIND")
                .text("address", "127.0.0.1:80"),
        );
        assert_eq!(
            in_language(step, Lang::Ru).to_string(),
            "привязка к адресу 127.0.0.1:80 (KENES_BIND): Address already in use"
        );
    }

    #[test]
    fn messages_are_printed_in_the_operator_language() {
        let done = Message::new("cli-migrate-done").text("database", "sqlite:kenes.db");
        assert_eq!(
            done.render(Lang::En),
            "Database is up to date (sqlite:kenes.db)."
        );
        assert!(done.render(Lang::Ru).starts_with("База данных"));
        assert!(done.render(Lang::Kk).starts_with("Дерекқор"));
    }
}
