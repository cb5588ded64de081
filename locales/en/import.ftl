### Importing a draft or public comments: the problems found in a file.
### English.

## Where a problem is (a draft or CSV file that could not be imported; shown on the admin upload page and by the command line)

# $file: the file name; $line: the line number; $message: one of the import-… messages below.
import-at-line = { $file }:{ $line }: { $message }
# A problem with the whole file.
import-at-file = { $file }: { $message }
# $error: the database's own message (English).
import-database-error = database error while importing: { $error }
# $error: the operating system's own message (English).
import-cannot-open = cannot open the file: { $error }
import-cannot-read = cannot read the file: { $error }
import-directory = expected a file, found a directory
# $size, $max: numbers of bytes; $size_mib, $max_mib: the same in MiB, e.g. 8.0.
import-too-large = the file is { $size } bytes ({ $size_mib } MiB); an import file may be at most { $max } bytes ({ $max_mib } MiB) (use --max-bytes or KENES_IMPORT_MAX_BYTES to allow more)
# A stream whose size is not known in advance.
import-too-large-stream = the file is larger than the limit; an import file may be at most { $max } bytes ({ $max_mib } MiB) (use --max-bytes or KENES_IMPORT_MAX_BYTES to allow more)
# The environment variable that sets the import limit ($variable) holds $value, which is not a size.
import-bad-max-bytes = { $variable }: expected a size in bytes such as 8388608 or 64MiB, found `{ $value }`
# $code: four hexadecimal digits, e.g. 0000; $kind: nul, cr, escape, delete or other; $column: a number.
import-control-character = expected text; found the control character U+{ $code }{ $kind ->
        [nul] {" "}(NUL)
        [cr] {" "}(carriage return without a line feed)
        [escape] {" "}(escape)
        [delete] {" "}(delete)
       *[other] {""}
    } at column { $column } (save the file as plain UTF-8 text)

## A draft file (src/import/parser.rs). In Kazakh and Russian the headings are the forms the importer reads (1-бап, Статья 1, I бөлім, Раздел I…).

import-not-utf8 = expected UTF-8 text; this line has bytes that are not UTF-8 (save the file as UTF-8)
import-heading-space = expected a space and a heading text after `#`
# $text: the rest of the heading line.
import-bad-article-heading = expected `### Article N`, `### Amendment N`, `### Статья N` or `### N-бап` (optionally `: Title`), found `### { $text }`
import-heading-too-deep = expected `#` (title), `##` (section or chapter) or `###` (article); deeper headings are not part of the outline
# $heading: the heading as printed (Article 01); $problem: one of import-number-….
import-heading-number = in the heading `{ $heading }`: { $problem }
# $problem: one of import-number-… or reference-….
import-bad-clause-number = expected a clause number such as `3.` or `3-1.` at the start of this paragraph: { $problem }
# $token: the number as found in the file.
import-number-shape = `{ $token }` is not a number (expected a number such as `3` or `3-1`)
# $fixed: the number without the leading zero.
import-number-leading-zero = `{ $token }` has a leading zero (numbers start at 1 and are written without one, e.g. `{ $fixed }`)
# $max: a number of digits.
import-number-too-long = `{ $token }` is too large for a number here (at most { $max } digits)
import-preamble-late = `PREAMBLE` may only stand before the first heading
import-title-twice = expected the `# Title` line only once, at the top of the file
# $article: the article's heading as printed in the file (Article 5, 5-бап, Статья 5); $first: a
# line number.
import-article-twice = { $article } appears twice; it was first used on line { $first } (each article number must be unique)
# $clause: the clause number as printed (3, 3-1).
import-clause-before-article = expected an `Article` heading before numbered clause { $clause }
import-unnumbered-text = { $article } has unnumbered text (line { $line }) before its first numbered clause { $clause }; number that text too, or put it in the preamble
import-clause-twice = clause { $clause } appears twice in { $article } (first on line { $first })
# $previous: the clause number before it.
import-clause-not-increasing = clause { $clause } follows clause { $previous } in { $article }; clause numbers must increase (was clause { $previous } numbered wrongly?)
# $max: how far a number may jump (10).
import-clause-gap = clause { $clause } follows clause { $previous } in { $article }; numbers may skip at most { $max } (repealed clauses). If this paragraph begins with a number that is not its clause number, such as a year, reword it so that it does not start the paragraph
import-clause-gap-first = clause { $clause } is the first numbered clause of { $article }; numbers may skip at most { $max } (repealed clauses). If this paragraph begins with a number that is not its clause number, such as a year, reword it so that it does not start the paragraph
import-note-orphan = expected a heading or a clause before this footnote; a footnote belongs to what stands above it
# $chapter: a section or chapter heading as printed (Section I, I бөлім, Раздел I).
import-text-after-chapter = expected an `Article` heading after `{ $chapter }`, found text
import-clause-empty = clause { $clause } of { $article } (line { $line }) has no text
import-article-empty = { $article } (line { $line }) has no text; expected at least one paragraph or footnote after it
import-no-articles = expected at least one article heading (`Article 1`, `ARTICLE I`, `AMENDMENT I` or `### Article 1`); found none
import-chapter-empty = `{ $chapter }` has no articles; expected an `Article` heading after it
reference-empty = a reference cannot be empty
reference-bad-article = `{ $value }` is not an article number (expected e.g. 12, 83-1, IV or AM-XIV)
reference-bad-clause = `{ $value }` is not a clause number (expected e.g. 3 or 3-1)
reference-bad-clause-ref = `{ $value }` is not a clause reference (expected <article>.<clause>, e.g. 12.3)

## A draft in several languages (src/import/mod.rs, src/import/alignment.rs). $lang: a language code (kk, ru, en), typed as it is.

import-same-language = two files are in the same language ({ $lang }); give each file its own --lang
import-no-file = no draft file was given
import-authoritative-not-among = the authoritative language ({ $lang }) must be one of the version's languages
# $consultation: the short name; $version: a number.
import-no-version = { $consultation } has no version { $version } to add a language to
import-language-stored = version { $version } of { $consultation } already has its text in { $lang }; a stored text is never replaced (import a new version instead)
# The admin upload form: $value is what was typed as the version number.
import-bad-version-number = `{ $value }` is not a version number
# The admin upload form and `kenes import-draft --lang`: $value is what was given.
import-unknown-language = `{ $value }` is not a text language (kk, ru or en)
# Followed by one line per difference (import-at-line with import-part-missing or import-part-extra).
import-not-aligned = the language versions do not have the same articles and clauses; nothing was imported:
# $part: one of import-part-article…; $present: the file (and line) that has it.
import-part-missing = { $part } is missing (present in { $present })
# $reference: the file the others are compared with.
import-part-extra = { $part } is not in { $reference }
# What the other files are compared with: a file ($file), or the stored text of a version
# ($version: a number; $lang: its language code; $file: the file it was imported from).
import-yardstick-file = { $file }
import-yardstick-version = version { $version } ({ $lang }, { $file })
# $article: an article number (5, 83-1, IV); $clause: a clause number.
import-part-article = article { $article }
import-part-article-clause = article { $article } clause { $clause }
import-part-amendment = amendment { $article }
import-part-amendment-clause = amendment { $article } clause { $clause }

## Public comments in the Polis format (`kenes import-comments`, src/import/comments.rs). Column names in backticks are those of the CSV file.

# Followed by one line per bad row (import-at-line). $count: a number.
import-comments-bad-rows =
    { $count ->
        [one] { $count } bad row; nothing was imported (use --skip-bad-rows to import the others):
       *[other] { $count } bad rows; nothing was imported (use --skip-bad-rows to import the others):
    }
# After the listed rows. $count: the rows not listed; $max: how many are listed (100).
import-comments-more-bad-rows =
    { $count ->
        [one] … and { $count } more bad row (only the first { $max } are listed)
       *[other] … and { $count } more bad rows (only the first { $max } are listed)
    }
# $max: a number of bytes.
import-comments-row-too-long = this row is longer than { $max } bytes; expected rows of one comment or vote (is a `"` left open?)
# $missing, $found: lists of column names in backticks.
import-comments-missing-columns = expected the columns { $missing } in the header; found { $found }
# $opened: a line number.
import-comments-open-quote = this row ends inside a quoted field: the `"` opened on line { $opened } is never closed
# $expected, $found: numbers of fields.
import-comments-field-count = expected { $expected } fields, as in the header; found { $found }
import-comments-not-utf8 = expected UTF-8 text; this row has bytes that are not UTF-8 (save the file as UTF-8)
# $error: the CSV reader's own message (English).
import-comments-bad-csv = not a valid CSV row: { $error }
# $column: a column name; $problem: import-control-character.
import-comments-in-column = in `{ $column }`: { $problem }
import-comments-bad-timestamp = expected `timestamp` in epoch milliseconds
import-comments-bad-comment-id = expected a whole number in `comment-id`
import-comments-bad-author-id = expected a whole number in `author-id`
import-comments-bad-moderated = expected 1, 0 or -1 in `moderated`
import-comments-bad-body = expected a `comment-body` of 1 to 5,000 characters
import-comments-duplicate-id = comment-id { $id } appears twice (first on line { $first })
import-votes-bad-numbers = expected whole numbers in timestamp, comment-id, voter-id and vote
import-votes-bad-vote = expected 1, 0 or -1 in `vote`
import-votes-unknown-comment = comment-id { $id } is not in the comments file
import-comments-no-account = cannot make an account for participant { $id }
import-comments-no-name = cannot name participant { $id }
# $reference: a clause reference such as 12.3; $consultation: the short name.
import-comments-no-clause = no clause { $reference } in a published version of { $consultation }
import-comments-not-current = clause { $reference } is not in the current version of { $consultation }
