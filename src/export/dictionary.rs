//! The data dictionary: what every column of every analyst export means, the contract
//! analysts rely on. `/analytics/dictionary` shows it, `kenes data-dictionary` prints
//! it, and `docs/data-dictionary.md` is generated from it. Tests keep all three equal
//! and keep each export's lines in the order of its row struct's columns (the header
//! the file is written with), so a column cannot be added, renamed or moved without
//! the dictionary saying so.

/// A line of the dictionary: name, type, meaning. The name is a column's, or, for a run
/// of columns that mean the same for different values, their names joined by `, `
/// or the first and last joined by ` … `.
pub type Column = (&'static str, &'static str, &'static str);

/// The columns of each export (in [`crate::domain::export::ExportKind::ALL`] order).
pub const DICTIONARY: &[(&str, &[Column])] = &[
    ("suggestions", &[
        ("tracking_number", "text", "The suggestion's receipt number, e.g. KZ-7F3K-9QX2; unique."),
        ("consultation", "text", "Short name of the consultation."),
        ("version", "integer", "Version of the draft the suggestion was made on."),
        ("chapter", "text", "Heading of the chapter (section) containing the clause; empty if the document has none."),
        ("article", "text", "Article number as printed."),
        ("clause", "text", "Clause reference, article.clause (e.g. 12.3)."),
        ("clause_excerpt", "text", "The first 200 characters of the clause's text in that version."),
        ("kind", "text", "amend, delete, add or comment."),
        ("body", "text", "The citizen's explanation, as submitted (line breaks kept)."),
        ("proposed_text", "text", "For amend and add: the wording proposed; otherwise empty."),
        ("status", "text", "pending, published, rejected, under_review, accepted, partly_accepted, not_accepted, duplicate, hidden or withdrawn."),
        ("reason_code", "text", "For rejected or hidden: off_topic, spam, abusive, personal_data, unclear or other."),
        ("official_response", "text", "The drafting commission's published response, if any."),
        ("upvotes", "integer", "Distinct citizens supporting it (for a suggestion others were merged into: over the whole group)."),
        ("duplicate_of", "text", "For duplicates: the tracking number of the suggestion it was merged into."),
        ("cluster_id", "integer", "Near-duplicate group (the id of its first member); empty when alone."),
        ("cluster_size", "integer", "How many suggestions are in its near-duplicate group (1 when alone)."),
        ("tags", "text", "Moderators' tags, separated by \"; \"."),
        ("created_at", "time", "When it was submitted (ISO 8601, UTC)."),
        ("decided_at", "time", "When the last moderation decision was taken; empty if none."),
        ("author", "text", "Pseudonym of the author, stable within this file only (never a name or email)."),
        ("author_region", "text", "The author's region code as they gave it; empty if not given."),
        ("lang", "text", "The language the suggestion is written in: kk, ru or en (en for suggestions made before drafts had several languages)."),
    ]),
    ("upvotes", &[
        ("tracking_number", "text", "The suggestion supported."),
        ("voter", "text", "Pseudonym of the citizen, stable within this file only."),
        ("voter_region", "text", "The citizen's region code; empty if not given."),
        ("created_at", "time", "When the upvote was given (ISO 8601, UTC)."),
    ]),
    ("clauses", &[
        ("consultation", "text", "Short name of the consultation."),
        ("clause", "text", "Clause reference (as in the version of its first suggestion)."),
        ("suggestions", "integer", "Suggestions on the clause matching the filter."),
        ("amend, delete, add, comment", "integer", "Of those, how many of each kind."),
        ("pending … withdrawn", "integer", "Of those, how many in each status (one column per status)."),
        ("upvotes", "integer", "Sum of their upvotes."),
        ("distinct_authors", "integer", "How many different citizens wrote them."),
    ]),
    ("moderation-log", &[
        ("log_id", "integer", "The log row's number; rows are never changed or removed."),
        ("created_at", "time", "When (ISO 8601, UTC)."),
        ("tracking_number", "text", "The suggestion concerned."),
        ("action", "text", "publish, reject, review, respond, merge, hide, flags_cleared, flags_upheld, auto_hide, assign, tag, untag or note."),
        ("from_status", "text", "Status (or assignee, tag) before."),
        ("to_status", "text", "Status (or assignee, tag) after."),
        ("reason", "text", "Reason code and text, the official response, or the canonical suggestion of a merge."),
        ("moderator", "text", "Pseudonym of the moderator, stable within this file only; empty for automatic actions."),
    ]),
    ("regions", &[
        ("region", "text", "Region code, or unknown."),
        ("participants", "integer", "Different citizens who wrote the suggestions matching the filter; withheld (empty) under 5."),
        ("suggestions", "integer", "Their suggestions; withheld under 5, or when participants are."),
        ("upvotes_received", "integer", "Upvotes those suggestions received; withheld under 5, or when participants are."),
        ("suppressed", "boolean", "true when any count on the row was withheld."),
    ]),
];

/// The dictionary as Markdown (what `docs/data-dictionary.md` holds).
pub fn dictionary_markdown() -> String {
    let mut out = String::from(
        "# Data dictionary\n\nThe columns of Kenes' CSV exports (`/analytics` and `kenes export`). \
         Files are RFC 4180 CSV in UTF-8 with one header row and CRLF line ends; times are \
         ISO 8601 in UTC; an \"Excel\" file starts with a byte-order mark. Text cells that \
         a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage \
         return, or their full-width forms) start with an apostrophe. Generated from \
         `src/export/dictionary.rs`.\n",
    );
    for (kind, columns) in DICTIONARY {
        out.push_str(&format!(
            "\n## {kind}\n\n| column | type | meaning |\n| --- | --- | --- |\n"
        ));
        for (name, kind, meaning) in *columns {
            out.push_str(&format!("| `{name}` | {kind} | {meaning} |\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::analyst::{ClauseRow, LogRow, RegionRow, SuggestionRow, UpvoteRow};
    use super::super::output::header_of;
    use super::*;
    use crate::domain::export::ExportKind;

    #[test]
    fn the_documented_dictionary_is_the_one_in_the_code() {
        let documented = include_str!("../../docs/data-dictionary.md");
        assert_eq!(
            documented,
            dictionary_markdown(),
            "regenerate it: cargo run -- data-dictionary > docs/data-dictionary.md"
        );
    }

    /// The header a dictionary section describes, its runs of columns spelled out
    /// from the header itself.
    fn described(columns: &[Column], header: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (name, _, _) in columns {
            if let Some((first, last)) = name.split_once(" … ") {
                let start = header.iter().position(|h| h == first);
                let end = header.iter().position(|h| h == last);
                match (start, end) {
                    (Some(start), Some(end)) => out.extend_from_slice(&header[start..=end]),
                    _ => out.push((*name).to_owned()),
                }
            } else {
                out.extend(name.split(", ").map(str::to_owned));
            }
        }
        out
    }

    #[test]
    fn every_export_is_described_column_by_column_in_file_order() {
        let kinds: Vec<&str> = DICTIONARY.iter().map(|(kind, _)| *kind).collect();
        let expected: Vec<&str> = ExportKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(kinds, expected);
        let headers = [
            header_of::<SuggestionRow>(),
            header_of::<UpvoteRow>(),
            header_of::<ClauseRow>(),
            header_of::<LogRow>(),
            header_of::<RegionRow>(),
        ];
        for ((kind, columns), header) in DICTIONARY.iter().zip(headers) {
            let header = header.unwrap();
            assert_eq!(described(columns, &header), header, "{kind}");
        }
    }
}
