### The kenes command line: what it prints, and its errors.
### English.

## The kenes command: what it prints (src/cli.rs). Codes, flags and commands in `backticks` are typed as they are: keep them.

# The first line of `kenes --help`.
cli-about = Kenes: publish a draft law clause by clause and consult the public on it
# The last line of `kenes --help`.
cli-after-help = Every option can also be set by the environment variable named in brackets.
# $database: which database, e.g. sqlite:kenes.db (never a password).
cli-migrate-done = Database is up to date ({ $database }).
# $consultation: the short name; $status: the status's name (status-…).
cli-status-set = { $consultation } is now { $status }.
# `kenes seed`. The counts are written after a dash, so that no plural form is needed. $seconds:
# e.g. 3.2.
cli-seeded = Seeded { $consultation }: { $citizens } citizens, { $suggestions } suggestions, { $votes } distinct votes in { $seconds } s.
# `kenes cluster`.
cli-clustered = Clustered { $suggestions } suggestions on { $clauses } clauses in { $seconds } s: { $changed } changed, { $campaigns } newly flagged as campaigns.
# `kenes import-comments --skip-bad-rows`: one line per bad row. $row: the file, line and problem
# (import-at-line).
cli-comments-skipped = skipped { $row }
# `kenes import-comments`. $clause: a reference such as 12.3.
cli-comments-imported = Imported { $suggestions } suggestions on { $clause } of { $consultation } ({ $published } published, { $pending } pending, { $rejected } rejected; { $existing } already there), { $upvotes } upvotes, { $accounts } new participant accounts.
# `kenes show`: the first line, followed by a blank line and the clause's text. $article: the
# article's label as printed.
cli-show-heading = { $reference } — { $article } (version { $version })
# `kenes export`.
cli-export-done = Wrote { $rows } rows to { $file } ({ $bytes } bytes). SHA-256: { $sha256 }
# `kenes moderate` done. $from, $to: status names (suggestion-status-…).
cli-moderated = { $number }: { $from } → { $to }
# $reason: one of the moderation-refused-… messages.
cli-refused = refused: { $reason }
cli-refused-held = refused: { $name } is reviewing it until { $until }
cli-not-tracking-number = `{ $value }` is not a tracking number
cli-not-email = `{ $value }` is not an email address
cli-not-moderator = { $email } is not a moderator or admin
cli-no-suggestion = no suggestion { $number }
cli-canonical-required = --canonical needs a tracking number
cli-unknown-action = unknown action `{ $action }`
# A form field's error on the command line. $field: the option (email, name, password); $message:
# one of the form-… messages.
cli-field-error = { $field }: { $message }
# Prompt; the program adds ": " after it.
cli-password-prompt = Password
# Prompt; the program adds ": " after it.
cli-password-again = Password again
cli-passwords-differ = the passwords do not match
# $role: the role's name (role-…).
cli-user-created = Created { $email } ({ $name }) as { $role }.
cli-user-exists = an account with { $email } already exists; use `kenes user grant`
cli-no-account = no account { $email }
# $current, $role: role names (role-…).
cli-role-mismatch = { $email } is { $current }, not { $role }
cli-role-set = { $email } is now { $role }.
cli-no-clause = no clause { $reference } in a published version of { $consultation }
cli-filter-invalid = --filter: the value of `{ $field }` is not valid
cli-invalid-time = `{ $value }` is not an RFC 3339 time such as 2026-12-01T09:00:00Z
# Context before an operating-system error when a file cannot be read.
cli-reading = reading { $file }
# Context before a database error.
cli-setting-status = setting the status of { $consultation }
# `kenes import-draft` and `kenes demo`.
cli-draft-imported-published = Imported { $file } as version { $version } of { $consultation }: { $chapters } chapters, { $articles } articles, { $clauses } clauses ({ $unchanged } unchanged from the previous version), published.
# `kenes import-draft --unpublished`.
cli-draft-imported-unpublished = Imported { $file } as version { $version } of { $consultation }: { $chapters } chapters, { $articles } articles, { $clauses } clauses ({ $unchanged } unchanged from the previous version), not published.
# `kenes demo`, three lines. $url: the full address of the sample consultation.
cli-demo-serving =
    Kenes demo is serving the sample draft at { $url }
    (database: { $database }; mail goes to files in the outbox folder; stop with Ctrl-C)
    To sign in as an admin: cargo run --release -- user create --email you@example.kz --role admin

## Values the command line could not read (the errors of src/domain/*.rs)

cli-invalid-role = `{ $value }` is not a role (expected citizen, moderator, analyst or admin)
cli-invalid-slug = `{ $value }` is not a valid slug: use 2 to 64 lower-case letters, digits and hyphens, e.g. constitution-2024
cli-invalid-status = `{ $value }` is not a consultation status (expected draft, open, closed or results)
cli-invalid-mode = `{ $value }` is not a moderation mode (expected pre or post)
cli-invalid-export = unknown export `{ $value }` (suggestions, upvotes, clauses, moderation-log, regions)
