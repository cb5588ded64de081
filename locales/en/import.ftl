### Importing a draft or public comments: the problems found in a file.
### English.

## Where a problem is (a draft or CSV file that could not be imported; shown on the admin upload page and by the command line)

# $file: the file name; $line: the line number; $message: one of the import-… messages below.
import-at-line = { $file }:{ $line }: { $message }
# A problem with the whole file.
import-at-file = { $file }: { $message }
# $error: the database's own message (English).
import-database-error = database error while importing: { $error }

## A draft file (src/import/parser.rs). In Kazakh and Russian the headings are the forms the importer reads (1-бап, Статья 1, I бөлім, Раздел I…).

import-too-large = the file is { $size } bytes; a draft may be at most { $max } bytes
import-not-utf8 = expected UTF-8 text; this line has bytes that are not UTF-8 (save the file as UTF-8)
import-heading-space = expected a space and a heading text after `#`
import-bad-article-heading = expected `### Article N` or `### Amendment N` (optionally `: Title`), found `### { $text }`
import-heading-too-deep = expected `#` (title), `##` (section or chapter) or `###` (article); deeper headings are not part of the outline
import-preamble-late = `PREAMBLE` may only stand before the first heading
import-title-twice = expected the `# Title` line only once, at the top of the file
# $article: the article's heading as printed in the file (Article 5, 5-бап, Статья 5); $first: a
# line number.
import-article-twice = { $article } appears twice; it was first used on line { $first } (each article number must be unique)
# $clause: the clause number as printed (3, 3-1).
import-clause-before-article = expected an `Article` heading before numbered clause { $clause }
import-unnumbered-text = { $article } has unnumbered text (line { $line }) before its first numbered clause { $clause }; number that text too, or put it in the preamble
import-clause-twice = clause { $clause } appears twice in { $article } (first on line { $first })
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

## Public comments in the Polis format (`kenes import-comments`, src/import/comments.rs). Column names in backticks are those of the CSV file.

# Followed by one line per bad row (import-at-line). $count: a number.
import-comments-bad-rows =
    { $count ->
        [one] { $count } bad row; nothing was imported (use --skip-bad-rows to import the others):
       *[other] { $count } bad rows; nothing was imported (use --skip-bad-rows to import the others):
    }
import-comments-missing-column = expected a column named `{ $column }` in the header
# $error: the CSV reader's own message (English).
import-comments-header = cannot read the header: { $error }
import-comments-bad-csv = not a valid CSV row: { $error }
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
import-comments-not-current = clause { $reference } is not in the current version of { $consultation }
