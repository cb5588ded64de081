### The kenes command line: what it prints, and its errors.
### English.

## The kenes command: what it prints (src/cli.rs), in the language of KENES_CLI_LANG or the locale. Codes, flags and commands in `backticks` are typed as they are: keep them. Statuses and roles ($status, $role, $from, $to) are the codes the operator types (open, admin, published).

# The first line of `kenes --help`.
cli-about = Kenes: publish a draft law clause by clause and consult the public on it
# The last line of `kenes --help`.
cli-after-help = Every option can also be set by the environment variable named in brackets.
# $database: which database, e.g. sqlite:kenes.db (never a password).
cli-migrate-done = Database is up to date ({ $database }).
# $consultation: the short name; $status: a status code (draft, open, closed, results).
cli-status-set = { $consultation } is now { $status }.
# `kenes seed`. The counts are written after a dash, so that no plural form is needed. $seconds:
# e.g. 3.2.
cli-seeded = Seeded { $consultation }: { $citizens } citizens, { $suggestions } suggestions, { $votes } distinct votes in { $seconds } s.
# `kenes cluster`.
cli-clustered = Clustered { $suggestions } suggestions on { $clauses } clauses in { $seconds } s: { $changed } changed, { $campaigns } newly flagged as campaigns.
# `kenes import-comments --skip-bad-rows`: one line per bad row. $row: the file, line and problem
# (import-at-line).
cli-comments-skipped = skipped { $row }
# After the listed rows: $count rows not listed, $total bad rows in all.
cli-comments-skipped-more = skipped { $count } more bad rows ({ $total } in all)
# `kenes import-comments`. $clause: a reference such as 12.3.
cli-comments-imported = Imported { $suggestions } suggestions on { $clause } of { $consultation } ({ $published } published, { $pending } pending, { $rejected } rejected; { $existing } already there), { $upvotes } upvotes, { $accounts } new participant accounts.
# `kenes show`: the first line, followed by a blank line and the clause's text. $article: the
# article's label as printed.
cli-show-heading = { $reference } — { $article } (version { $version })
# `kenes export`.
cli-export-done = Wrote { $rows } rows to { $file } ({ $bytes } bytes). SHA-256: { $sha256 }
# `kenes moderate` done. $from, $to: status codes (pending, published…).
cli-moderated = { $number }: { $from } → { $to }
# $reason: one of the moderation-refused-… messages.
cli-refused = refused: { $reason }
# $until: a date and time.
cli-refused-held = refused: { $name } is reviewing it until { $until }
cli-not-tracking-number = `{ $value }` is not a tracking number
cli-not-email = `{ $value }` is not an email address
cli-not-moderator = { $email } is not a moderator or admin
cli-no-suggestion = no suggestion { $number }
# A form field's error on the command line. $field: the option (email, name, password, --reason); $message:
# one of the form-… messages.
cli-field-error = { $field }: { $message }
# Prompt; the program adds ": " after it.
cli-password-prompt = Password
# Prompt; the program adds ": " after it.
cli-password-again = Password again
cli-passwords-differ = the passwords do not match
# $role: a role code (citizen, moderator, analyst, admin).
cli-user-created = Created { $email } ({ $name }) as { $role }.
cli-user-exists = an account with { $email } already exists; use `kenes user grant`
cli-no-account = no account { $email }
# $current, $role: role codes.
cli-role-mismatch = { $email } is { $current }, not { $role }
cli-role-set = { $email } is now { $role }.
cli-no-clause = no clause { $reference } in a published version of { $consultation }
cli-filter-invalid = --filter: the value of `{ $field }` is not valid
cli-invalid-time = `{ $value }` is not an RFC 3339 time such as 2026-12-01T09:00:00Z
# Context before a database error.
cli-setting-status = setting the status of { $consultation }
# $files, $langs: numbers.
cli-lang-count = { $files } files and { $langs } --lang flags: give one --lang per file, in the same order
# `kenes import-draft`. $files: the file names; $languages, $authoritative: language codes (kk, ru, en).
cli-draft-imported-published = Imported { $files } ({ $languages }; authoritative: { $authoritative }) as version { $version } of { $consultation }: { $chapters } chapters, { $articles } articles, { $clauses } clauses ({ $unchanged } unchanged from the previous version), published.
# `kenes import-draft --unpublished`.
cli-draft-imported-unpublished = Imported { $files } ({ $languages }; authoritative: { $authoritative }) as version { $version } of { $consultation }: { $chapters } chapters, { $articles } articles, { $clauses } clauses ({ $unchanged } unchanged from the previous version), not published.
# `kenes import-draft --into-version`.
cli-languages-added = Added { $files } ({ $languages }) to version { $version } of { $consultation }: { $articles } articles, { $clauses } clauses in each language; authoritative: { $authoritative }.
# `kenes demo`: one line per sample draft.
cli-demo-imported = Imported { $consultation }: { $articles } articles, { $clauses } clauses in { $languages } (authoritative: { $authoritative }).
# Between the last two addresses of a list (cli-demo-serving).
cli-and = and
# `kenes demo`, three lines. $urls: the full addresses of the sample consultations.
cli-demo-serving =
    Kenes demo is serving the sample drafts at { $urls }
    (database: { $database }; mail goes to files in the outbox folder; stop with Ctrl-C)
    To sign in as an admin: cargo run --release -- user create --email you@example.kz --role admin

## `kenes backup` and `kenes restore`. $database: the SQLite file; $file: the backup file. The counts are numbers.

cli-backup-postgres = kenes backup and restore copy SQLite databases. For PostgreSQL use its own tools, which take a consistent snapshot while the servers run: `pg_dump --format=custom --file=kenes.dump "$DATABASE_URL"` and `pg_restore --clean --if-exists --dbname="$DATABASE_URL" kenes.dump`, or base backups with WAL archiving (pg_basebackup) for point-in-time recovery. See docs/deployment.md, "Backups".
cli-no-database = there is no database at { $path }
# Context before a database error. $database: which database (never a password).
cli-opening = opening { $database }
cli-backup-done = Backed up { $database } to { $file } ({ $bytes } bytes): { $suggestions } suggestions, { $upvotes } upvotes, { $accounts } accounts, schema of { $migrations } migrations. Checked: it restores.
cli-restore-done = Restored { $file } to { $database }: { $suggestions } suggestions, { $upvotes } upvotes, { $accounts } accounts, schema of { $migrations } migrations (the next start applies any newer ones).
# $file: where the replaced database now is.
cli-restore-kept = The database it replaced is kept at { $file }.

## Settings that are set but malformed (src/config.rs), the variable named first. $expected: one of the cli-config-expect-… messages; $value: what was set.

cli-config-expected = { $variable } must be { $expected } (got `{ $value }`)
cli-config-expected-hidden = { $variable } must be { $expected } (the value is not shown: it may hold a password)
cli-config-expected-scheme = { $variable } must be { $expected } (got a { $scheme }:// URL, the rest not shown: it may hold a password)
# $item: the first item of the list that is neither.
cli-config-networks = { $variable } must be a comma-separated list of addresses or CIDR networks (`{ $item }` is neither; got `{ $value }`)
cli-config-token = { $variable } must be at least 16 characters without spaces (the value is a secret and is not shown)
cli-config-range = { $variable } must be a whole number from { $min } to { $max } (got { $value })
# A variable clap could not read (not a number where one is needed, say).
cli-config-variable-invalid = { $variable } has a value that is not valid (`{ $value }`)
cli-config-expect-address = an address and a port such as `127.0.0.1:8080` or `[::]:8080`
cli-config-expect-public-url = an absolute http(s) URL such as `https://kenes.example.kz`
cli-config-expect-database-url = `postgres://user:password@host/database`, `sqlite://PATH` or a file path
cli-config-expect-smtp-url = `smtps://user:pass@host:465`, `smtp+starttls://user:pass@host:587` or `smtp://host:25`
cli-config-expect-mailbox = a mailbox such as `Kenes <no-reply@kenes.example.kz>`
cli-config-expect-log-filter = a log filter such as `info` or `kenes=debug,info`
cli-config-expect-lang = `kk`, `ru` or `en`
cli-config-expect-time-zone = an IANA time zone such as `Asia/Almaty`
# Contexts before a system error, which follows after a colon.
cli-getting-connection = getting a database connection
cli-binding = binding { $variable } { $address }

## The command line clap could not read (cli::describe_parse_error). English prints clap's own words; these are for the other languages. $argument: an option as typed with its value name (`--lang <LANGS>`).

# Before every such error; the program adds the colon.
cli-error = error
# Before a suggestion; the program adds the colon.
cli-error-tip = tip
cli-error-unknown-argument = unexpected argument `{ $argument }` found
cli-error-unknown-subcommand = unrecognized subcommand `{ $subcommand }`
cli-error-invalid-value = invalid value `{ $value }` for `{ $argument }`
# $arguments: the arguments, separated by commas.
cli-error-missing-arguments = the following required arguments were not provided: { $arguments }
cli-error-missing-subcommand = `{ $command }` requires a subcommand
cli-error-conflict = the argument `{ $argument }` cannot be used with `{ $other }`
cli-error-no-equals = an equals sign is needed when giving a value to `{ $argument }`
cli-error-number-of-values = wrong number of values for `{ $argument }`
cli-error-repeated = the argument `{ $argument }` cannot be used more than once
cli-error-utf8 = invalid UTF-8 was found in an argument
cli-error-unreadable = the command line could not be read
cli-error-similar = a similar one exists: `{ $suggestion }`
cli-error-possible-values = possible values: { $values }
cli-error-more = For more information, try `{ $help }`.
# The notes after an option's help in `--help`, each in brackets.
cli-note-values = possible values: { $values }
cli-note-default = default: { $value }
cli-note-env = env: { $variable }

## Values the command line could not read (the errors of src/domain/*.rs)

cli-invalid-role = `{ $value }` is not a role (expected citizen, moderator, analyst or admin)
cli-invalid-slug = `{ $value }` is not a valid slug: use 2 to 64 lower-case letters, digits and hyphens, e.g. constitution-2024
cli-invalid-status = `{ $value }` is not a consultation status (expected draft, open, closed or results)
cli-invalid-export = unknown export `{ $value }` (suggestions, upvotes, clauses, moderation-log, regions)

## `kenes --help` and `kenes <subcommand> --help`: the help of each subcommand and option (src/cli.rs, the settings of src/config.rs), set over clap's by cli::localize_help. cli-help-<subcommand> is a subcommand's line, cli-help-<subcommand>-<option> one of its options, cli-help-<option> an option every subcommand takes. The English is the doc comment of the code without its last full stop (a test compares them). Flags, variables, codes and examples in `backticks` are typed as they are: keep them.

# The headings of `--help` in Kazakh and Russian (English keeps clap's own); the program adds the colon.
cli-heading-usage = Usage
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-heading-commands = Commands
# `kenes help`, `--help` and `--version`: clap's own lines.
cli-help-help = Print help
cli-help-version = Print version
cli-help-help-command = Print this message or the help of the given subcommand(s)
# The options every subcommand takes (src/config.rs); each also reads the variable clap shows after it.
cli-help-bind = Address and port to listen on
cli-help-data-dir = Directory for the SQLite file, the mail outbox and generated secrets; created if missing
cli-help-database-url = `postgres://user@host/db` for PostgreSQL; a file path or `sqlite://PATH` for SQLite. Unset: SQLite at `<data dir>/kenes.db`
cli-help-public-url = The address citizens use to reach the site, used in links and emails; `https://` makes cookies Secure. Unset: `http://<bind>`
cli-help-db-pool-size = Database connections per server process. Keep it small on a small machine
cli-help-db-timeout-secs = Seconds a request waits for a free database connection before it gets a 503
cli-help-workers = HTTP worker threads. Unset: one per CPU core
cli-help-page-cache-secs = Seconds an anonymous reader's page may be served from the in-process cache; 0 turns the cache off
cli-help-default-lang = Language of a first visit when neither a remembered choice nor the browser's `Accept-Language` names one that is served: `kk`, `ru` or `en`
cli-help-time-zone = The consultation's time zone (IANA name): dates and times on pages and in mail are shown in it, with the zone named
cli-help-smtp-url = SMTP server for outgoing mail: `smtps://user:pass@host:465`, `smtp+starttls://user:pass@host:587` or `smtp://host:25`. Unset: messages are written as .eml files to `<data dir>/outbox/` and their links logged
cli-help-mail-from = Sender of outgoing mail
cli-help-mail-poll-ms = How often the mail worker looks for mail to send, in milliseconds
cli-help-session-idle-minutes = A session ends after this many minutes without a request
cli-help-session-lifetime-hours = A session ends this many hours after sign-in, however active
cli-help-trust-proxy = Take the client address from X-Forwarded-For (only behind a proxy you run)
cli-help-trusted-proxies = The networks of the proxies in front of Kenes (comma-separated CIDR list), read with `KENES_TRUST_PROXY`: `X-Forwarded-For` is read from the right, past these
cli-help-flag-threshold = Distinct citizens' reports that hide a suggestion until a moderator reviews it
cli-help-cluster-secs = Seconds between background passes that cluster new suggestions into near-duplicate groups (and flag campaigns); 0 turns the pass off
cli-help-db-queue = Requests that may wait for a database connection beyond the pool's size; past that a request is answered 503 with `Retry-After` at once. Waiting holds no thread, so this bounds memory, not latency (`KENES_DB_QUEUE_MS` does that): a small bound shed most of a flood at once, and the 503s, asked again at once by clients that do not wait, then took the CPU the pages needed (under `wrk -c500` a bound of 32 served 89 pages/s of the 768 the server can, 512 served 411)
cli-help-db-queue-ms = Milliseconds a request may wait for its turn at the database before it is answered 503 with `Retry-After`
cli-help-header-timeout-secs = Seconds a client has to send a request's headers; slower ones are cut
cli-help-body-timeout-secs = Seconds a client has to send a request's body (from its first byte of headers); slower ones get 408 and the connection is closed
cli-help-max-connections = Open connections the server accepts at once, all workers together. Unset: the process's file-descriptor limit less a reserve for the database, files and mail, so that accepting never runs out of descriptors
cli-help-backlog = Connections the kernel may queue before the server accepts them
cli-help-metrics-bind = Address and port of a separate listener for `/metrics` (Prometheus text format), e.g. `127.0.0.1:9090`. Unset: `/metrics` is not served there
cli-help-metrics-token = A bearer token that lets `/metrics` be read on the public address (`Authorization: Bearer TOKEN`); at least 16 characters. Unset: the public address has no `/metrics`
cli-help-log = Log filter, in `tracing` syntax (`info`, `kenes=debug,actix_web=info`)
cli-help-log-format = Log format: `text` for people, `json` for a log collector
# The subcommands and their options.
cli-help-serve = Serve the site from the configured database
cli-help-demo = Create the database if needed, import and open the sample draft (the US Constitution), print its address and serve it
cli-help-migrate = Apply pending database migrations and exit
cli-help-import-draft = Import a draft as the next version of a consultation (created if missing), in one or more languages aligned by reference: `import-draft kk.txt ru.txt --lang kk --lang ru`, or later `import-draft en.txt --lang en --into-version 1`
cli-help-import-draft-files = The draft files: a Markdown outline (.md) or a plain-text constitution layout, one per language, in the order of the `--lang` flags
cli-help-import-draft-lang = The language of each file, in order (kk, ru or en; default en for a single file). A new version's authoritative language is kk when one file is Kazakh, else the first file's
cli-help-import-draft-into-version = Add the files' languages to this existing version instead of creating a new one; they must have its articles and clauses
cli-help-import-draft-authoritative = The authoritative language (one of the version's). Default: kk when the version has a Kazakh text (also one added later with --into-version), else the first language imported. Once named, adding a language keeps it
cli-help-import-draft-consultation = The consultation's slug, e.g. `constitution-2024`
cli-help-import-draft-title = Title of a new consultation (default: the document's title line)
cli-help-import-draft-summary = Summary of a new consultation
cli-help-import-draft-changelog = What changed since the previous version
cli-help-import-draft-unpublished = Store the version without publishing it
cli-help-import-draft-status = Also set the consultation's status: draft, open, closed or results
cli-help-import-draft-opens-at = Opening time, RFC 3339 (`2026-12-01T09:00:00Z`)
cli-help-import-draft-closes-at = Closing time, RFC 3339
cli-help-import-draft-max-bytes = Refuse a larger file (bytes, or e.g. `32MiB`; default 8 MiB, or KENES_IMPORT_MAX_BYTES)
cli-help-import-comments = Import public comments in the Polis format (comments.csv, optionally votes.csv) as suggestions on one clause; each participant becomes an imported account
cli-help-import-comments-comments = The Polis `comments.csv`
cli-help-import-comments-consultation = The consultation's slug
cli-help-import-comments-clause = The clause they are about, e.g. `12.3`
cli-help-import-comments-votes = The Polis `votes.csv` (agree = upvote; the latest vote per voter counts)
cli-help-import-comments-skip-bad-rows = Import the good rows and list the bad ones, instead of importing nothing
cli-help-import-comments-source = A name for the conversation (default: the folder of the comments file); importing the same source again adds nothing
cli-help-import-comments-max-bytes = Refuse a larger file (bytes, or e.g. `512MiB`; default 64 MiB each, or KENES_IMPORT_MAX_BYTES)
cli-help-seed = Generate a synthetic load: citizens, suggestions (Kazakh, Russian and English text, skewed over clauses) and votes (skewed: a few suggestions get most of them)
cli-help-seed-consultation = The consultation's slug
cli-help-seed-clause = Put every suggestion on this clause
cli-help-seed-citizens = How many citizens' accounts to create
cli-help-seed-suggestions = How many suggestions to create
cli-help-seed-votes = How many votes to cast (one per citizen and suggestion at most)
cli-help-seed-random-seed = The random seed (the same seed and sizes give the same data)
cli-help-user = Manage accounts and roles
cli-help-user-create = Create an account with a confirmed email, e.g. the first admin. The password is asked for (not echoed), or read from the first line of standard input when it is not a terminal
cli-help-user-create-email = The account's email address
cli-help-user-create-name = Public name (default: the part of the email before @)
cli-help-user-create-role = citizen, moderator, analyst or admin
cli-help-user-grant = Give an account a role
cli-help-user-grant-email = The account's email address
cli-help-user-grant-role = The role: citizen, moderator, analyst or admin
cli-help-user-revoke = Take a role away (the account becomes a citizen)
cli-help-user-revoke-email = The account's email address
cli-help-user-revoke-role = The role it has now: moderator, analyst or admin
cli-help-cluster = Group suggestions into near-duplicate clusters and flag campaigns. By default only clauses with suggestions not clustered yet (what `kenes serve` also does in the background every KENES_CLUSTER_SECS)
cli-help-cluster-all = Recompute every clause, not only those with new suggestions
cli-help-export = Export CSV for analysts: suggestions, upvotes, clauses (per-clause statistics), moderation-log or regions. Prints the row count and the file's SHA-256, and records the export in the audit log
cli-help-export-kind = suggestions, upvotes, clauses, moderation-log or regions
cli-help-export-consultation = The consultation's slug (default: every consultation)
cli-help-export-filter = More filters, written as on the moderation queue's address, e.g. `status=published&article=5&q=тіл` (default: every status)
cli-help-export-excel = Start the file with a UTF-8 byte-order mark (for Excel)
cli-help-export-out = Where to write the file
cli-help-data-dictionary = Print the data dictionary of the exports (Markdown; `docs/data-dictionary.md`)
cli-help-moderate = Take a moderation decision, as the moderator with this email (same rules and log as the web workbench), e.g. `kenes moderate KZ-7F3K-9QX2 reject --reason spam --as mod@example.kz`
cli-help-moderate-number = The suggestion's tracking number
cli-help-moderate-action = publish, reject, review, respond, merge, hide, flags_cleared or flags_upheld
cli-help-moderate-as = The moderator's email
cli-help-moderate-reason = Reason code for reject and hide: off_topic, spam, abusive, personal_data, unclear, other
cli-help-moderate-text = Explanation of the reason (required with `other`)
cli-help-moderate-outcome = Outcome for respond: accepted, partly_accepted, not_accepted
cli-help-moderate-response = The official response for respond
cli-help-moderate-canonical = Tracking number of the canonical suggestion for merge
cli-help-queue-plan = Print how the moderation queue answers a filter, for the moderator with this email: how many suggestions match, and the database's plan for the page, e.g. `kenes queue-plan 'status=all&clause=I.8' --as mod@example.kz`
cli-help-queue-plan-query = The queue's query string, as after `/moderation?` in the address bar
cli-help-queue-plan-as = The moderator's email (`assignee=me` is theirs)
cli-help-show = Print a clause by its reference, e.g. `kenes show us-constitution AM-XIV.1`
cli-help-show-consultation = The consultation's slug
cli-help-show-reference = `<article>.<clause>`: `12.3`, `83-1.2`, `IV.1`, `AM-XIV.1`
cli-help-backup = Write a consistent copy of the SQLite database to FILE while the server runs, and check it. For PostgreSQL it says how to use pg_dump instead
cli-help-backup-file = The new file (it must not exist yet)
cli-help-restore = Put a backup made by `kenes backup` in place of the SQLite database, after checking that it is a Kenes database of a schema this version knows. Stop every server using the database first; the database replaced is kept beside it
cli-help-restore-file = The backup file

## kenes queue-plan (how the moderation queue answers a filter)
cli-queue-plan-unreadable = The filter could not be read: { $problem }
cli-queue-plan-bad-filter = The filter's { $field } has a value that is not valid
cli-queue-plan-matching = Suggestions matching the filter: { $count }
cli-queue-plan-not-counted = Suggestions matching the filter: not counted (its search words are common, and are checked row by row)
