//! Property tests: the importers' parsers on arbitrary and hostile input return a value
//! or an error, never panic, and what they return keeps its promises.
//!
//! Time is bounded by construction rather than measured: every input here is at most a
//! few kilobytes, and the parsers look at each line once and find duplicates through
//! hash maps (the 200,000-clause test in `parser.rs` is the scale check), so no case
//! can take long. Timing asserts would be flaky on a shared machine.

use proptest::prelude::*;

use super::comments::{read_comments, read_votes, BadRows, CsvInput, MAX_LISTED_BAD_ROWS};
use super::parser::control_character;
use super::{check_alignment, parse_draft};
use crate::domain::draft::Draft;

/// Pieces of the layouts, well-formed and not, so that random files reach deep into
/// the parser instead of stopping at the first line.
const DRAFT_PIECES: &[&str] = &[
    "Article 1",
    "Article 2: Title",
    "Article 01",
    "Article 1--2",
    "ARTICLE IV",
    "AMENDMENT XIV",
    "Article 5 of this Constitution",
    "1-бап",
    "17 бап.",
    "83-1-бап",
    "Статья 2.",
    "СТАТЬЯ 3",
    "I бөлім",
    "I-бөлім. Жалпы",
    "Раздел I",
    "Глава 2",
    "1-тарау",
    "Section I",
    "Chapter 2: Rules",
    "PREAMBLE",
    "Преамбула",
    "Кіріспе",
    "1.",
    "1. Text",
    "2. Text",
    "3-1. Text",
    "1.The",
    "01. Text",
    "1--2. Text",
    "-1. Text",
    "99999999999999999999999999. Text",
    "1995. A year",
    "0. Zero",
    "1) item",
    "- item",
    "• item",
    "Note. Kept",
    "Footnote: note",
    "Ескерту. ескерту",
    "Сноска. сноска",
    "Примечание. текст",
    "> quoted note",
    "# Title",
    "## Chapter",
    "### Article 3",
    "### Overview",
    "#### Deep",
    "#",
    "text",
    "1.5 million",
    "SECTION. 2. The",
    "§ 3. Text",
    "\t",
    "",
    " ",
    "\r",
    "\u{0}",
    "\u{1b}",
    "\u{feff}",
    "«quoted»",
    "Қазақ мәтіні",
];

fn draft_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(DRAFT_PIECES).prop_map(str::to_owned),
        1 => (0u32..30_000).prop_map(|n| format!("{n}. Text")),
        1 => "\\PC{0,20}",
    ];
    let joiner = proptest::sample::select(&["\n", "\n\n", "\r\n", " ", ""][..]);
    proptest::collection::vec((piece, joiner), 0..120).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(p, j)| [p, j.to_owned()])
            .collect()
    })
}

/// Words a clause may hold, including numbers that are text where they stand (inside
/// a line, or at the start of a wrapped line).
const PROSE: &[&str] = &[
    "Everyone has the right",
    "Әр адамның құқығы бар",
    "Каждый человек имеет право",
    "in 1995. It",
    "1.5 million",
    "Article 5 of this Constitution",
    "«quoted» and \"quoted\"",
    "01.02.2020",
];

/// A well-formed plain-text draft in one of the three layouts, with its article and
/// clause counts: `1.`-numbered clauses, wrapped lines that begin with numbers, and
/// footnotes.
fn well_formed_draft() -> impl Strategy<Value = (String, usize, usize)> {
    let heading = proptest::sample::select(&["Article {}", "{}-бап", "{} бап.", "Статья {}"][..]);
    let wrapped =
        proptest::sample::select(&["", "\n1995. continued", "\n02. continued", "\ncontinued"][..]);
    let clause = (proptest::sample::select(PROSE), wrapped);
    let article = proptest::collection::vec(clause, 1..12);
    (
        heading,
        proptest::collection::vec(article, 1..8),
        any::<bool>(),
    )
        .prop_map(|(heading, articles, footnotes)| {
            let mut text = String::from("Title\n\nA preamble.\n\n");
            let mut clauses = 0;
            for (i, article) in articles.iter().enumerate() {
                text.push_str(&heading.replace("{}", &(i + 1).to_string()));
                text.push_str("\n\n");
                for (j, (prose, wrapped)) in article.iter().enumerate() {
                    text.push_str(&format!("{}. {prose}{wrapped}\n\n", j + 1));
                    clauses += 1;
                }
                if footnotes {
                    text.push_str("Footnote. Amended.\n\n");
                }
            }
            (text, articles.len(), clauses)
        })
}

/// What any parsed draft promises, whatever the input was.
fn check_draft(draft: &Draft, lines: usize) {
    let mut articles = std::collections::HashSet::new();
    for article in &draft.articles {
        assert!(
            articles.insert(&article.number),
            "article {} twice",
            article.number
        );
        assert!(article.line >= 1 && article.line <= lines);
        assert!(!article.clauses.is_empty() || !article.notes.is_empty());
        let mut clauses = std::collections::HashSet::new();
        for clause in &article.clauses {
            assert!(
                clauses.insert(&clause.number),
                "clause {} twice",
                clause.number
            );
            assert!(!clause.text.is_empty());
            assert!(clause.line >= 1 && clause.line <= lines);
            assert_eq!(control_character(&clause.text, &['\n']), None);
        }
        if let Some(chapter) = article.chapter {
            assert!(chapter < draft.chapters.len());
        }
    }
    assert_eq!(control_character(&draft.preamble, &['\n']), None);
    // A draft always aligns with itself.
    assert_eq!(check_alignment(&[("a", draft), ("b", draft)]), Ok(()));
}

fn check_parse(name: &str, bytes: &[u8]) {
    let lines = bytes.split(|&b| b == b'\n').count().max(1);
    match parse_draft(name, bytes) {
        Ok(draft) => check_draft(&draft, lines),
        Err(e) => {
            assert_eq!(e.file, name);
            assert!(e.line <= lines, "line {} of {lines}: {}", e.line, e.message);
            assert!(!e.message.to_string().is_empty());
        }
    }
}

const CSV_PIECES: &[&str] = &[
    ",",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\r",
    "1651071094558",
    "1",
    "0",
    "-1",
    "9",
    "x",
    "\u{0}",
    "ä",
    " ",
    "99999999999999999999",
];

fn csv_text(header: &'static str) -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        6 => proptest::sample::select(CSV_PIECES).prop_map(str::to_owned),
        1 => "\\PC{0,10}",
    ];
    proptest::collection::vec(piece, 0..200).prop_map(move |parts| {
        let mut text = header.to_owned();
        text.extend(parts);
        text.into_bytes()
    })
}

fn check_bad(bad: &BadRows) {
    assert!(bad.listed.len() <= MAX_LISTED_BAD_ROWS);
    assert!(bad.listed.len() <= bad.total);
    assert!(bad.listed.iter().all(|l| l.file == "p.csv"), "{bad}");
}

fn check_comments(bytes: &[u8]) {
    let mut bad = BadRows::default();
    if let Ok(comments) = read_comments(CsvInput::new("p.csv", bytes), &mut bad) {
        let mut ids = std::collections::HashSet::new();
        for comment in &comments {
            assert!(ids.insert(comment.id));
            assert!(!comment.body.is_empty());
            assert_eq!(control_character(&comment.body, &['\t', '\n', '\r']), None);
        }
        check_bad(&bad);
        let known = ids;
        let mut bad = BadRows::default();
        if let Ok(votes) = read_votes(CsvInput::new("p.csv", bytes), &known, &mut bad) {
            assert!(votes.iter().all(|(comment, _, _)| known.contains(comment)));
        }
        check_bad(&bad);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn drafts_from_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_parse("any.txt", &bytes);
        check_parse("any.md", &bytes);
    }

    #[test]
    fn drafts_from_layout_pieces(text in draft_text()) {
        check_parse("pieces.txt", text.as_bytes());
        check_parse("pieces.md", text.as_bytes());
    }

    #[test]
    fn well_formed_drafts_keep_their_structure((text, articles, clauses) in well_formed_draft()) {
        let draft = parse_draft("ok.txt", text.as_bytes());
        prop_assert!(draft.is_ok(), "{:?}\n{text}", draft.err());
        let draft = draft.unwrap_or_default();
        prop_assert_eq!(draft.articles.len(), articles);
        prop_assert_eq!(draft.clause_count(), clauses);
        check_draft(&draft, text.split('\n').count());
    }

    #[test]
    fn comments_from_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        check_comments(&bytes);
    }

    #[test]
    fn comments_from_csv_pieces(
        bytes in csv_text("timestamp,comment-id,author-id,moderated,comment-body\n"),
    ) {
        check_comments(&bytes);
    }

    #[test]
    fn comments_written_by_a_csv_writer_read_back(
        bodies in proptest::collection::vec("[a-zA-Zәқ,\"\n\t ]{0,40}[a-zA-Zә]", 1..40),
    ) {
        let mut writer = csv::Writer::from_writer(Vec::new());
        let header = ["timestamp", "comment-id", "author-id", "moderated", "comment-body"];
        prop_assert!(writer.write_record(header).is_ok());
        for (id, body) in bodies.iter().enumerate() {
            let id = id.to_string();
            prop_assert!(writer.write_record(["1651071094558", &id, "7", "1", body]).is_ok());
        }
        let bytes = writer.into_inner().unwrap_or_default();
        let mut bad = BadRows::default();
        let comments = read_comments(CsvInput::new("p.csv", &bytes[..]), &mut bad);
        prop_assert!(bad.is_empty(), "{bad}");
        let read: Vec<String> = comments.map(|c| c.into_iter().map(|c| c.body).collect()).unwrap_or_default();
        let expected: Vec<String> = bodies.iter().map(|b| b.trim().to_owned()).collect();
        prop_assert_eq!(read, expected);
    }

    #[test]
    fn votes_from_csv_pieces(bytes in csv_text("timestamp,comment-id,voter-id,vote\n")) {
        let known = [0, 1, 9, -1].into_iter().collect();
        let mut bad = BadRows::default();
        let _ = read_votes(CsvInput::new("p.csv", &bytes[..]), &known, &mut bad);
        check_bad(&bad);
    }
}
