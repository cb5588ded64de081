### Analytics: exports, the data dictionary, statistics, open data.
### English.

## Analytics home and exports (templates/analytics/home.html)

analytics-title = Analytics
analytics-intro = Download CSV files (UTF-8, one header row, times in UTC). People appear only as pseudonyms, different in every file. Each download is recorded with its SHA-256, so a published figure can be traced to its file.
analytics-statistics = Statistics and charts
# Label of the select of export-kind-… .
analytics-export = Export
analytics-excel = For Excel (adds a byte-order mark)
analytics-download = Download
analytics-recent = Exports made
analytics-none = No exports yet.
analytics-file = File and filters
# Column header; the cells are numbers.
analytics-rows = Rows
analytics-filter-invalid = A filter value is not valid.
# In the "Who" column, for an export made with the command kenes export (keep the command as it
# is).
analytics-export-cli = Command line (kenes export)
# Names of the exports, in the export select and as headings of the data dictionary.
export-kind-suggestions = Suggestions
export-kind-upvotes = Upvotes
export-kind-clauses = Clause statistics
export-kind-moderation-log = Moderation log
export-kind-regions = Regions

## Data dictionary (templates/analytics/dictionary.html; the meanings live in src/export.rs DICTIONARY)

analytics-dictionary = What each column means
analytics-dictionary-intro = The columns of every export are a stable contract: new columns may be added at the end; none is renamed or removed without notice. Files are RFC 4180 CSV in UTF-8 with one header row; times are ISO 8601 in UTC; text that a spreadsheet would read as a formula starts with an apostrophe.
analytics-column = Column
analytics-type = Type
analytics-meaning = Meaning
# Types of a column, lower case (a table cell).
analytics-type-text = text
analytics-type-integer = integer
analytics-type-time = time
analytics-type-boolean = boolean
# Meaning of one column of an export (the column names themselves are a contract and stay as they
# are; codes such as pending or off_topic are values of the file and stay too).
analytics-col-suggestions-tracking-number = The suggestion's receipt number, e.g. KZ-7F3K-9QX2; unique.
analytics-col-suggestions-consultation = Short name of the consultation.
analytics-col-suggestions-version = Version of the draft the suggestion was made on.
analytics-col-suggestions-chapter = Heading of the chapter (section) containing the clause; empty if the document has none.
analytics-col-suggestions-article = Article number as printed.
analytics-col-suggestions-clause = Clause reference, article.clause (e.g. 12.3).
analytics-col-suggestions-clause-excerpt = The first 200 characters of the clause's text in that version.
analytics-col-suggestions-kind = amend, delete, add or comment.
analytics-col-suggestions-body = The citizen's explanation, as submitted (line breaks kept).
analytics-col-suggestions-proposed-text = For amend and add: the wording proposed; otherwise empty.
analytics-col-suggestions-status = pending, published, rejected, under_review, accepted, partly_accepted, not_accepted, duplicate, hidden or withdrawn.
analytics-col-suggestions-reason-code = For rejected or hidden: off_topic, spam, abusive, personal_data, unclear or other.
analytics-col-suggestions-official-response = The drafting commission's published response, if any.
analytics-col-suggestions-upvotes = Distinct citizens supporting it (for a suggestion others were merged into: over the whole group).
analytics-col-suggestions-duplicate-of = For duplicates: the tracking number of the suggestion it was merged into.
analytics-col-suggestions-cluster-id = Near-duplicate group (the id of its first member); empty when alone.
analytics-col-suggestions-cluster-size = How many suggestions are in its near-duplicate group (1 when alone).
analytics-col-suggestions-tags = Moderators' tags, separated by "; ".
analytics-col-suggestions-created-at = When it was submitted (ISO 8601, UTC).
analytics-col-suggestions-decided-at = When the last moderation decision was taken; empty if none.
analytics-col-suggestions-author = Pseudonym of the author, stable within this file only (never a name or email).
analytics-col-suggestions-author-region = The author's region code as they gave it; empty if not given.
analytics-col-upvotes-tracking-number = The suggestion supported.
analytics-col-upvotes-voter = Pseudonym of the citizen, stable within this file only.
analytics-col-upvotes-voter-region = The citizen's region code; empty if not given.
analytics-col-upvotes-created-at = When the upvote was given (ISO 8601, UTC).
analytics-col-clauses-consultation = Short name of the consultation.
analytics-col-clauses-clause = Clause reference (as in the version of its first suggestion).
analytics-col-clauses-suggestions = Suggestions on the clause matching the filter.
analytics-col-clauses-kinds = Of those, how many of each kind.
analytics-col-clauses-statuses = Of those, how many in each status (one column per status).
analytics-col-clauses-upvotes = Sum of their upvotes.
analytics-col-clauses-distinct-authors = How many different citizens wrote them.
analytics-col-moderation-log-log-id = The log row's number; rows are never changed or removed.
analytics-col-moderation-log-created-at = When (ISO 8601, UTC).
analytics-col-moderation-log-tracking-number = The suggestion concerned.
analytics-col-moderation-log-action = publish, reject, review, respond, merge, hide, flags_cleared, flags_upheld, auto_hide, assign, tag, untag or note.
analytics-col-moderation-log-from-status = Status (or assignee, tag) before.
analytics-col-moderation-log-to-status = Status (or assignee, tag) after.
analytics-col-moderation-log-reason = Reason code and text, the official response, or the canonical suggestion of a merge.
analytics-col-moderation-log-moderator = Pseudonym of the moderator, stable within this file only; empty for automatic actions.
analytics-col-regions-region = Region code, or unknown.
analytics-col-regions-participants = Different citizens who wrote the suggestions matching the filter; withheld (empty) under 5.
analytics-col-regions-suggestions = Their suggestions; withheld under 5, or when participants are.
analytics-col-regions-upvotes-received = Upvotes those suggestions received; withheld under 5, or when participants are.
analytics-col-regions-suppressed = true when any count on the row was withheld.

## Statistics (templates/analytics/statistics.html, src/routes/analytics.rs)

statistics-title = Statistics
statistics-per-day = Suggestions per day
statistics-by-status = Suggestions by status
statistics-by-kind = Suggestions by kind
statistics-top-clauses = Most discussed clauses
statistics-by-article = Suggestions by article, most discussed first
statistics-by-region = Suggestions by the author's region
statistics-decisions = Moderation decisions per day
statistics-backlog = Suggestions awaiting moderation, by how long they have waited
statistics-regions-note = Regions with fewer than 5 authors or 5 suggestions are withheld, so that nobody can be recognised.
# Tooltip of "<5" in a table cell.
statistics-withheld = withheld: fewer than 5
statistics-csv = Download these numbers (CSV)
# Rows of the chart "Suggestions awaiting moderation, by how long they have waited".
statistics-age-under-day = < 1 day
statistics-age-week = 1–7 days
statistics-age-month = 7–30 days
statistics-age-older = > 30 days
# Small label at the top of a column chart. $value: the largest value shown (a number).
statistics-chart-max = max { $value }

## Open data (templates/open_data.html)

open-data-title = Open data
open-data-intro = Everything the public can read here is also available as files, free to reuse: the suggestions published on each clause, with their status and any official response, and per-clause counts. They contain no personal data: no names, emails or regions, and no suggestion that is not public.
open-data-files = Files
# Follows "suggestions.csv · suggestions.json: " (lower case).
open-data-suggestions = every public suggestion, with its clause, kind, text, status, official response and upvotes.
# Follows "clauses.csv · clauses.json: " (lower case).
open-data-clauses = per clause, how many public suggestions of each kind it has and their upvotes.
open-data-filter = Add ?consultation=SHORT-NAME to a file's address for one consultation. Files are produced when asked for, from one consistent moment.
open-data-columns = Columns
open-data-format = CSV files are RFC 4180 in UTF-8 with a header row; JSON files are one array of objects with the same fields. Times are ISO 8601 in UTC. In CSV, text that a spreadsheet would read as a formula starts with an apostrophe.
open-data-licence-title = Licence
# The licence's own name stays in English, as it is registered.
open-data-licence = The files are published under the Creative Commons Attribution 4.0 International licence (CC BY 4.0): you may copy, share and adapt them for any purpose, provided you credit the consultation's organiser and this platform as the source. Citizens' texts are published with their consent under the same terms.
