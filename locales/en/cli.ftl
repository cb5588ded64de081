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

## Values the command line could not read (the errors of src/domain/*.rs)

cli-invalid-role = `{ $value }` is not a role (expected citizen, moderator, analyst or admin)
cli-invalid-slug = `{ $value }` is not a valid slug: use 2 to 64 lower-case letters, digits and hyphens, e.g. constitution-2024
cli-invalid-status = `{ $value }` is not a consultation status (expected draft, open, closed or results)
cli-invalid-export = unknown export `{ $value }` (suggestions, upvotes, clauses, moderation-log, regions)
