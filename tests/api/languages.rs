//! Drafts in several languages (issue 15): the trilingual import, refused misaligned
//! imports, reading a clause in another language and side by side, "not yet updated".

use diesel::prelude::*;
use kenes::schema::{
    article_texts, articles, clause_texts, clauses, consultations, document_versions, version_texts,
};

use crate::helpers::{Page, TestApp, Visitor};
use crate::on_both_backends;

on_both_backends!(
    the_declaration_imports_as_one_version_in_three_languages,
    a_misaligned_language_is_refused_by_reference_and_line,
    a_language_added_later_must_align_with_the_stored_text,
    a_reader_switches_the_text_language_and_reads_side_by_side,
    an_unchanged_translation_of_a_changed_clause_is_not_yet_updated,
    a_suggestion_in_russian_is_compared_with_the_russian_text,
    the_suggestion_form_shows_the_clause_in_the_pages_language,
    search_finds_russian_and_kazakh_word_forms,
    the_admin_upload_takes_a_language_per_file,
    a_language_added_to_a_published_version_is_read_at_once,
    kazakh_is_authoritative_unless_the_admin_names_another,
    a_consultations_title_is_marked_with_its_language,
);

fn sample(lang: &str) -> String {
    format!(
        "{}/samples/udhr/udhr-{lang}.txt",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The UDHR's articles with numbered paragraphs (samples/udhr/README.md).
const NUMBERED: [&str; 13] = [
    "11", "13", "14", "15", "16", "17", "20", "21", "23", "25", "26", "27", "29",
];

/// (articles, numbered paragraphs) stored for `slug` in `lang`, authoritative or not.
async fn counts_in(app: &TestApp, slug: &str, lang: &'static str) -> (i64, usize) {
    let slug = slug.to_owned();
    app.query(move |conn| {
        let (version, authoritative): (i64, String) = document_versions::table
            .inner_join(consultations::table)
            .filter(consultations::slug.eq(slug))
            .select((document_versions::id, document_versions::language))
            .first(conn)
            .unwrap();
        let refs: Vec<(String, String)> = if authoritative == lang {
            clauses::table
                .inner_join(articles::table)
                .filter(clauses::version_id.eq(version))
                .select((articles::number, clauses::number))
                .load(conn)
                .unwrap()
        } else {
            clause_texts::table
                .inner_join(clauses::table.inner_join(articles::table))
                .filter(clause_texts::version_id.eq(version))
                .filter(clause_texts::lang.eq(lang))
                .select((articles::number, clauses::number))
                .load(conn)
                .unwrap()
        };
        let article_count: i64 = if authoritative == lang {
            articles::table
                .filter(articles::version_id.eq(version))
                .count()
                .get_result(conn)
                .unwrap()
        } else {
            article_texts::table
                .inner_join(articles::table)
                .filter(articles::version_id.eq(version))
                .filter(article_texts::lang.eq(lang))
                .count()
                .get_result(conn)
                .unwrap()
        };
        let numbered = refs
            .iter()
            .filter(|(article, _)| NUMBERED.contains(&article.as_str()))
            .count();
        (article_count, numbered)
    })
    .await
}

async fn import_udhr(app: &TestApp, slug: &str) -> std::process::Output {
    app.cli(&[
        "import-draft",
        &sample("ru"),
        &sample("kk"),
        &sample("en"),
        "--lang",
        "ru",
        "--lang",
        "kk",
        "--lang",
        "en",
        "--consultation",
        slug,
    ])
    .await
}

async fn the_declaration_imports_as_one_version_in_three_languages(app: TestApp) {
    let out = import_udhr(&app, "udhr").await;
    assert!(out.status.success(), "{}", stderr_of(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    // Kazakh is authoritative although the Russian file came first.
    assert!(
        stdout.contains(
            "(kk, ru, en; authoritative: kk) as version 1 of udhr: 0 chapters, 30 articles"
        ),
        "{stdout}"
    );
    for lang in ["kk", "ru", "en"] {
        assert_eq!(counts_in(&app, "udhr", lang).await, (30, 32), "{lang}");
    }
    let languages: Vec<(String, i32)> = app
        .query(|conn| {
            version_texts::table
                .order(version_texts::position)
                .select((version_texts::lang, version_texts::position))
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(
        languages,
        vec![("kk".into(), 1), ("ru".into(), 2), ("en".into(), 3)]
    );
}

/// The Russian file without paragraph 2 of article 17 (its lines 104–105).
fn russian_without_17_2(app: &TestApp) -> std::path::PathBuf {
    let text = std::fs::read_to_string(sample("ru")).unwrap();
    let cut = text.replace(
        "2. Никто не должен быть произвольно лишен своего имущества.\n\n",
        "",
    );
    assert_ne!(cut, text);
    let path = app.db_dir().join("ru.txt");
    std::fs::write(&path, cut).unwrap();
    path
}

async fn stored_versions(app: &TestApp) -> (i64, i64, i64) {
    app.query(|conn| {
        (
            document_versions::table.count().get_result(conn).unwrap(),
            version_texts::table.count().get_result(conn).unwrap(),
            clause_texts::table.count().get_result(conn).unwrap(),
        )
    })
    .await
}

async fn a_misaligned_language_is_refused_by_reference_and_line(app: TestApp) {
    let ru = russian_without_17_2(&app);
    let ru = ru.to_str().unwrap();
    let out = app
        .cli(&[
            "import-draft",
            &sample("kk"),
            ru,
            &sample("en"),
            "--lang",
            "kk",
            "--lang",
            "ru",
            "--lang",
            "en",
            "--consultation",
            "udhr",
        ])
        .await;
    let stderr = stderr_of(&out);
    assert!(!out.status.success(), "{stderr}");
    // Where article 17 is in the Russian file, and where 17.2 is in the Kazakh one.
    let kk = std::fs::read_to_string(sample("kk")).unwrap();
    let kk_line = kk.lines().position(|l| l == "17 бап.").unwrap()
        + kk.lines()
            .skip_while(|l| *l != "17 бап.")
            .position(|l| l.starts_with("2. "))
            .unwrap()
        + 1;
    assert_eq!(kk_line, 105);
    let expected = format!(
        "{ru}:101: article 17 clause 2 is missing (present in {}:{kk_line})",
        sample("kk")
    );
    assert!(
        stderr.contains(&expected),
        "expected {expected:?} in {stderr}"
    );
    assert!(stderr.contains("nothing was imported"), "{stderr}");
    assert_eq!(stored_versions(&app).await, (0, 0, 0));
    let consultations: i64 = app
        .query(|conn| consultations::table.count().get_result(conn).unwrap())
        .await;
    assert_eq!(consultations, 0);
}

async fn a_language_added_later_must_align_with_the_stored_text(app: TestApp) {
    let out = app
        .cli(&[
            "import-draft",
            &sample("kk"),
            "--lang",
            "kk",
            "--consultation",
            "udhr",
        ])
        .await;
    assert!(out.status.success(), "{}", stderr_of(&out));
    let ru = russian_without_17_2(&app);
    let ru = ru.to_str().unwrap();
    let into = |file: &str, lang: &str| {
        vec![
            "import-draft".to_owned(),
            file.to_owned(),
            "--lang".to_owned(),
            lang.to_owned(),
            "--into-version".to_owned(),
            "1".to_owned(),
            "--consultation".to_owned(),
            "udhr".to_owned(),
        ]
    };
    let args = into(ru, "ru");
    let out = app
        .cli(&args.iter().map(String::as_str).collect::<Vec<_>>())
        .await;
    let stderr = stderr_of(&out);
    assert!(!out.status.success(), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{ru}:101: article 17 clause 2 is missing (present in version 1 (kk, {}))",
            sample("kk")
        )),
        "{stderr}"
    );
    assert_eq!(stored_versions(&app).await, (1, 1, 0));

    // The intact Russian file goes in, into the same version.
    let args = into(&sample("ru"), "ru");
    let out = app
        .cli(&args.iter().map(String::as_str).collect::<Vec<_>>())
        .await;
    assert!(out.status.success(), "{}", stderr_of(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("to version 1 of udhr"), "{stdout}");
    assert_eq!(counts_in(&app, "udhr", "ru").await, (30, 32));
    let (versions, languages, _) = stored_versions(&app).await;
    assert_eq!((versions, languages), (1, 2));

    // A stored language is never replaced.
    let out = app
        .cli(&args.iter().map(String::as_str).collect::<Vec<_>>())
        .await;
    assert!(
        stderr_of(&out).contains("already has its text in ru"),
        "{}",
        stderr_of(&out)
    );
}

async fn install_demo(app: &TestApp) {
    let installed = app
        .query(|conn| kenes::demo::install(conn).expect("demo"))
        .await;
    let udhr = installed.iter().find(|(slug, _)| *slug == "udhr").unwrap();
    assert_eq!(udhr.1.version.language, kenes::domain::TextLang::Kk);
    assert_eq!(udhr.1.articles, 30);
    // A second run imports nothing.
    let again = app
        .query(|conn| kenes::demo::install(conn).expect("demo"))
        .await;
    assert!(again.is_empty());
}

async fn a_reader_switches_the_text_language_and_reads_side_by_side(app: TestApp) {
    install_demo(&app).await;
    let visitor = app.visitor();

    // The page's language (English) by default, with the authoritative one named.
    let page = visitor.get("/consultations/udhr/articles/1").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(r#"<div class="clause-text" lang="en">"#),
        "{}",
        page.body
    );
    assert!(page.body.contains("All human beings are born free"));
    assert!(page
        .body
        .contains(r#"Authoritative text: <span lang="kk">Қазақша</span>"#));
    assert!(
        page.body.contains(r#"<h1 lang="en">Article 1</h1>"#),
        "{}",
        page.body
    );
    // The switcher links to the other languages, without script.
    assert!(page.body.contains(
        r#"<a href="/en/consultations/udhr/articles/1?text=ru" hreflang="ru" lang="ru">Русский</a>"#
    ));

    let page = visitor.get("/consultations/udhr/articles/1?text=ru").await;
    assert!(page.body.contains(r#"<div class="clause-text" lang="ru">"#));
    assert!(page.body.contains("Все люди рождаются свободными"));
    assert!(!page.body.contains("All human beings are born free"));
    assert!(
        page.body.contains(r#"<h1 lang="ru">Статья 1</h1>"#),
        "{}",
        page.body
    );

    // Side by side on the clause page: two columns, each with its lang.
    let page = visitor
        .get("/consultations/udhr/clauses/1.1?text=ru&compare=kk")
        .await;
    assert_eq!(page.status, 200);
    // The switcher's links are written in the page's language (issue 16).
    assert!(!kenes::locale::has_unprefixed_links(
        kenes::i18n::Lang::En,
        &page.body
    ));
    assert!(
        page.body.contains(r#"<div class="text-columns">"#),
        "{}",
        page.body
    );
    assert!(page
        .body
        .contains(r#"<div class="clause-text text-column" lang="ru">"#));
    assert!(page
        .body
        .contains(r#"<div class="clause-text text-column" lang="kk">"#));
    assert!(page.body.contains("Барлық адамдар тумысынан азат"));
    assert!(page.body.contains("Все люди рождаются свободными"));
    assert!(page.body.contains("Қазақша · authoritative text"));
    let ru = page.body.find(r#"lang="ru">"#).unwrap();
    let kk = page.body.find(r#"text-column" lang="kk">"#).unwrap();
    assert!(ru < kk, "the text read comes first");

    // A language the draft lacks: the authoritative text, labelled.
    let page = visitor
        .get("/consultations/us-constitution/articles/I")
        .await;
    assert!(
        !page.body.contains("text-switch"),
        "one language, no switcher"
    );
    let page = visitor
        .get("/consultations/us-constitution/articles/I?text=kk")
        .await;
    assert!(page.body.contains(
        r#"The text is not published in this language: Қазақша. Shown instead: the authoritative text, <span lang="en">English</span>"#
    ), "{}", page.body);
    assert!(page.body.contains(r#"<div class="clause-text" lang="en">"#));
}

async fn an_unchanged_translation_of_a_changed_clause_is_not_yet_updated(app: TestApp) {
    let dir = app.db_dir();
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let kk1 = write("kk1.txt", "1-бап\n\n1. Бірінші.\n\n2. Екінші.\n");
    let ru1 = write("ru1.txt", "Статья 1\n\n1. Первый.\n\n2. Второй.\n");
    // Version 2: clause 1.1 changes in Kazakh; its Russian text does not, 1.2's does.
    let kk2 = write(
        "kk2.txt",
        "1-бап\n\n1. Бірінші, өзгертілген.\n\n2. Екінші.\n",
    );
    let ru2 = write(
        "ru2.txt",
        "Статья 1\n\n1. Первый.\n\n2. Второй, уточненный.\n",
    );
    for (kk, ru) in [(&kk1, &ru1), (&kk2, &ru2)] {
        let out = app
            .cli(&[
                "import-draft",
                kk,
                ru,
                "--lang",
                "kk",
                "--lang",
                "ru",
                "--consultation",
                "law",
                "--status",
                "open",
            ])
            .await;
        assert!(out.status.success(), "{}", stderr_of(&out));
    }
    let flags: Vec<(i32, String, bool)> = app
        .query(|conn| {
            clause_texts::table
                .inner_join(clauses::table)
                .inner_join(
                    document_versions::table.on(document_versions::id.eq(clause_texts::version_id)),
                )
                .order((document_versions::number, clauses::reference))
                .select((
                    document_versions::number,
                    clauses::reference,
                    clause_texts::outdated,
                ))
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(
        flags,
        vec![
            (1, "1.1".into(), false),
            (1, "1.2".into(), false),
            (2, "1.1".into(), true),
            (2, "1.2".into(), false),
        ]
    );
    let visitor = app.visitor();
    let page = visitor.get("/consultations/law/clauses/1.1?text=ru").await;
    assert!(page.body.contains("Not yet updated"), "{}", page.body);
    let page = visitor.get("/consultations/law/clauses/1.2?text=ru").await;
    assert!(!page.body.contains("Not yet updated"));
}

/// Suggest on `clause` of the UDHR as `visitor`, past the similar-suggestions step;
/// returns the receipt page.
async fn suggest_on(visitor: &Visitor, clause: &str, fields: &[(&str, &str)]) -> Page {
    let form = format!("/consultations/udhr/clauses/{clause}/suggest");
    let page = visitor.get(&form).await;
    let token = page.input_value("csrf_token").expect("token");
    let key = page.input_value("idempotency_key").expect("key");
    let mut all = fields.to_vec();
    all.extend([
        ("csrf_token", token.as_str()),
        ("idempotency_key", key.as_str()),
        ("similar_seen", "yes"),
    ]);
    let sent = visitor.post_raw(&form, &all).await;
    assert_eq!(sent.status, 303, "{}", sent.body);
    visitor.get(sent.location()).await
}

fn tracking_number(receipt: &Page) -> String {
    let at = receipt.body.find("KZ-").expect("a tracking number");
    receipt.body[at..at + 12].to_owned()
}

async fn a_suggestion_in_russian_is_compared_with_the_russian_text(app: TestApp) {
    install_demo(&app).await;
    // Published at once, so that open data has it too.
    app.query(|conn| {
        diesel::update(consultations::table.filter(consultations::slug.eq("udhr")))
            .set(consultations::moderation_mode.eq("post"))
            .execute(conn)
            .unwrap()
    })
    .await;
    let (citizen, _) = app.citizen("Айгерим").await;

    // The form asks for the language, the page's (English) chosen by default.
    let form = citizen.get("/consultations/udhr/clauses/1.1/suggest").await;
    assert!(
        form.body.contains(r#"<select id="lang" name="lang""#),
        "{}",
        form.body
    );
    assert!(form
        .body
        .contains(r#"<option value="en" lang="en" selected>English</option>"#));
    assert!(form
        .body
        .contains(r#"<option value="ru" lang="ru">Русский</option>"#));

    let ru_text = "Все люди рождаются свободными и равными в своем достоинстве и правах.";
    let receipt = suggest_on(
        &citizen,
        "1.1",
        &[
            ("kind", "amend"),
            ("lang", "ru"),
            ("proposed_text", &ru_text.replace("свободными", "вольными")),
            ("body", "Точнее передает смысл."),
        ],
    )
    .await;
    let ru_number = tracking_number(&receipt);
    // The diff is against the Russian text: one word out, one word in.
    assert!(
        receipt.body.contains(r#"<div class="diff" lang="ru""#),
        "{}",
        receipt.body
    );
    assert!(
        receipt.body.contains("</span>свободными<span"),
        "{}",
        receipt.body
    );
    assert!(receipt.body.contains("</span>вольными<span"));
    assert!(receipt
        .body
        .contains(r#"<div class="suggestion-body" lang="ru">"#));

    let receipt = suggest_on(
        &citizen,
        "1.1",
        &[
            ("kind", "comment"),
            ("lang", "kk"),
            ("body", "Тілі түсінікті."),
        ],
    )
    .await;
    let kk_number = tracking_number(&receipt);
    let stored: Vec<String> = app
        .query(|conn| {
            kenes::schema::suggestions::table
                .order(kenes::schema::suggestions::id)
                .select(kenes::schema::suggestions::lang)
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(stored, vec!["ru", "kk"]);

    // Moderators filter the queue by language.
    let moderator = app.signed_in_as(kenes::domain::Role::Moderator).await;
    let queue = moderator.get("/moderation?status=all&lang=ru").await;
    assert_eq!(queue.status, 200);
    assert!(queue.body.contains(&ru_number) && !queue.body.contains(&kk_number));
    assert!(queue
        .body
        .contains(r#"<option value="ru" lang="ru" selected>Русский</option>"#));
    let queue = moderator.get("/moderation?status=all&lang=kk").await;
    assert!(queue.body.contains(&kk_number) && !queue.body.contains(&ru_number));
    let queue = moderator.get("/moderation?status=all").await;
    assert!(queue.body.contains(&kk_number) && queue.body.contains(&ru_number));

    // Exports and open data end with the language column.
    let analyst = app.signed_in_as(kenes::domain::Role::Analyst).await;
    for (visitor, path) in [
        (
            &analyst,
            "/analytics/export?export=suggestions&consultation=udhr",
        ),
        (&analyst, "/open-data/suggestions.csv"),
    ] {
        let csv = visitor.get(path).await;
        assert_eq!(csv.status, 200, "{path}");
        let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(headers.iter().next_back(), Some("lang"), "{path}");
        let langs: Vec<(String, String)> = reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                (r[0].to_owned(), r[headers.len() - 1].to_owned())
            })
            .collect();
        assert!(
            langs.contains(&(ru_number.clone(), "ru".to_owned())),
            "{path}: {langs:?}"
        );
        assert!(
            langs.contains(&(kk_number.clone(), "kk".to_owned())),
            "{path}: {langs:?}"
        );
    }
}

async fn the_suggestion_form_shows_the_clause_in_the_pages_language(app: TestApp) {
    install_demo(&app).await;
    let (citizen, _) = app.citizen("Ерлан").await;
    let kazakh = "Барлық адамдар тумысынан азат";
    let russian = "Все люди рождаются свободными";

    // On a Kazakh page: the Kazakh text (the authoritative one), Kazakh chosen.
    let form = citizen
        .get("/kk/consultations/udhr/clauses/1.1/suggest")
        .await;
    assert_eq!(form.status, 200);
    assert!(
        form.body.contains(r#"<div class="clause-text" lang="kk">"#),
        "{}",
        form.body
    );
    assert!(form.body.contains(kazakh) && !form.body.contains(russian));
    assert!(form.body.contains(&format!(
        "Қазақша · {}",
        kenes::i18n::t(kenes::i18n::Lang::Kk, "languages.authoritative.short")
    )));
    assert!(form
        .body
        .contains(r#"<option value="kk" lang="kk" selected>Қазақша</option>"#));

    // On a Russian page: the Russian text, which a proposed wording is compared with.
    let form = citizen
        .get("/ru/consultations/udhr/clauses/1.1/suggest")
        .await;
    assert!(
        form.body.contains(r#"<div class="clause-text" lang="ru">"#),
        "{}",
        form.body
    );
    assert!(form.body.contains(russian) && !form.body.contains(kazakh));
    assert!(form.body.contains(r#"<p class="text-lang">Русский</p>"#));
    assert!(form
        .body
        .contains(r#"<option value="ru" lang="ru" selected>Русский</option>"#));

    // A form sent back (nothing proposed) keeps the language chosen, and shows the
    // clause in it.
    let token = form.input_value("csrf_token").unwrap();
    let key = form.input_value("idempotency_key").unwrap();
    let sent = citizen
        .post_raw(
            "/ru/consultations/udhr/clauses/1.1/suggest",
            &[
                ("kind", "amend"),
                ("lang", "en"),
                ("proposed_text", ""),
                ("body", ""),
                ("csrf_token", &token),
                ("idempotency_key", &key),
            ],
        )
        .await;
    assert_eq!(sent.status, 422, "{}", sent.body);
    assert!(sent
        .body
        .contains(r#"<option value="en" lang="en" selected>English</option>"#));
    assert!(sent.body.contains(r#"<div class="clause-text" lang="en">"#));
    assert!(sent.body.contains("All human beings are born free"));

    // A draft without the page's language: its authoritative text, labelled.
    let form = citizen
        .get("/kk/consultations/us-constitution/clauses/I.1/suggest")
        .await;
    assert_eq!(form.status, 200);
    assert!(
        form.body.contains(r#"<div class="clause-text" lang="en">"#),
        "{}",
        form.body
    );
    assert!(form.body.contains(&format!(
        r#"{} <span lang="en">English</span>"#,
        kenes::i18n::tf(kenes::i18n::Lang::Kk, "languages.fallback", "Қазақша")
    )));
    assert!(form
        .body
        .contains(r#"<input type="hidden" name="lang" value="en">"#));
}

async fn search_finds_russian_and_kazakh_word_forms(app: TestApp) {
    install_demo(&app).await;
    let mut numbers = Vec::new();
    for (lang, body) in [
        ("ru", "Нужно защитить права языков меньшинств."),
        ("kk", "Мемлекеттік тілді дамыту керек деп ойлаймын."),
        ("kk", "Қазақ тілі барлығына міндетті болуы тиіс."),
        ("en", "Freedom of speech matters most of all."),
    ] {
        let (citizen, _) = app.citizen("Азамат").await;
        let receipt = suggest_on(
            &citizen,
            "19.1",
            &[("kind", "comment"), ("lang", lang), ("body", body)],
        )
        .await;
        numbers.push(tracking_number(&receipt));
    }
    let moderator = app.signed_in_as(kenes::domain::Role::Moderator).await;
    let found = |page: &Page| -> Vec<usize> {
        (0..numbers.len())
            .filter(|&i| page.body.contains(&numbers[i]))
            .collect()
    };
    for (query, expected) in [
        // Russian word forms, by their Snowball stem.
        ("языками", vec![0]),
        ("ПРАВО", vec![0]),
        ("меньшинства", vec![0]),
        // Kazakh word forms, by prefix.
        ("тіл", vec![1, 2]),
        ("тілдің", Vec::new()),
        ("мемлекет", vec![1]),
        // English as before: whole words.
        ("speech", vec![3]),
        ("speec", Vec::new()),
    ] {
        let path = format!(
            "/moderation?status=all&q={}",
            url::form_urlencoded::byte_serialize(query.as_bytes()).collect::<String>()
        );
        let page = moderator.get(&path).await;
        assert_eq!(page.status, 200, "{query}");
        assert_eq!(found(&page), expected, "{query}");
    }
}

/// Post the admin upload form with `files` as (field, file name, text) and extra
/// text fields.
async fn admin_upload(
    app: &TestApp,
    admin: &Visitor,
    files: &[(&str, &str, &str)],
    fields: &[(&str, &str)],
) -> Page {
    let token = admin.csrf_token("/admin/consultations/law").await;
    let mut form = reqwest::multipart::Form::new();
    for (field, name, text) in files {
        form = form.part(
            field.to_string(),
            reqwest::multipart::Part::bytes(text.as_bytes().to_vec()).file_name(name.to_string()),
        );
    }
    for (name, value) in fields {
        form = form.text(name.to_string(), value.to_string());
    }
    let response = admin
        .client
        .post(format!(
            "{}/admin/consultations/law/drafts?csrf_token={token}",
            app.address
        ))
        .multipart(form)
        .send()
        .await
        .unwrap();
    Page::from(response).await
}

async fn the_admin_upload_takes_a_language_per_file(app: TestApp) {
    let dir = app.db_dir();
    let kk = dir.join("kk.txt");
    std::fs::write(&kk, "1-бап\n\n1. Бірінші.\n\n2. Екінші.\n").unwrap();
    let out = app
        .cli(&[
            "import-draft",
            kk.to_str().unwrap(),
            "--lang",
            "kk",
            "--consultation",
            "law",
        ])
        .await;
    assert!(out.status.success(), "{}", stderr_of(&out));
    let admin = app.signed_in_as(kenes::domain::Role::Admin).await;
    let page = admin.get("/admin/consultations/law").await;
    assert!(
        page.body.contains(r#"<select id="lang2" name="lang2">"#),
        "{}",
        page.body
    );

    // A Russian text lacking clause 1.2, into version 1: refused, nothing stored.
    let refused = admin_upload(
        &app,
        &admin,
        &[("draft", "ru.txt", "Статья 1\n\n1. Первый.\n")],
        &[("lang", "ru"), ("into_version", "1")],
    )
    .await;
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .body
            .contains("ru.txt:1: article 1 clause 2 is missing (present in version 1 (kk, "),
        "{}",
        refused.body
    );
    assert_eq!(stored_versions(&app).await, (1, 1, 0));

    let added = admin_upload(
        &app,
        &admin,
        &[("draft", "ru.txt", "Статья 1\n\n1. Первый.\n\n2. Второй.\n")],
        &[("lang", "ru"), ("into_version", "1")],
    )
    .await;
    assert_eq!(added.status, 303, "{}", added.body);
    assert_eq!(stored_versions(&app).await, (1, 2, 2));

    // Two files in one upload make the next version, Kazakh authoritative.
    let both = admin_upload(
        &app,
        &admin,
        &[
            ("draft", "ru2.txt", "Статья 1\n\n1. Первый.\n\n2. Второй.\n"),
            ("draft2", "kk2.txt", "1-бап\n\n1. Бірінші.\n\n2. Екінші.\n"),
        ],
        &[("lang", "ru"), ("lang2", "kk")],
    )
    .await;
    assert_eq!(both.status, 303, "{}", both.body);
    let languages: Vec<(i32, String)> = app
        .query(|conn| {
            document_versions::table
                .order(document_versions::number)
                .select((document_versions::number, document_versions::language))
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(languages, vec![(1, "kk".into()), (2, "kk".into())]);
    assert_eq!(stored_versions(&app).await, (2, 4, 4));
}

/// Articles of published versions are kept in memory (`reading::PublishedArticles`):
/// a language added to the version afterwards must show on the very next request.
async fn a_language_added_to_a_published_version_is_read_at_once(app: TestApp) {
    let out = app
        .cli(&[
            "import-draft",
            &sample("kk"),
            "--lang",
            "kk",
            "--consultation",
            "udhr",
            "--status",
            "open",
        ])
        .await;
    assert!(out.status.success(), "{}", stderr_of(&out));
    let visitor = app.visitor();
    let page = visitor
        .get("/ru/consultations/udhr/articles/1?text=ru")
        .await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains(r#"<div class="clause-text" lang="kk">"#));
    assert!(!page.body.contains("Все люди рождаются свободными"));

    let out = app
        .cli(&[
            "import-draft",
            &sample("ru"),
            "--lang",
            "ru",
            "--into-version",
            "1",
            "--consultation",
            "udhr",
        ])
        .await;
    assert!(out.status.success(), "{}", stderr_of(&out));
    let page = visitor
        .get("/ru/consultations/udhr/articles/1?text=ru")
        .await;
    assert!(
        page.body.contains(r#"<div class="clause-text" lang="ru">"#),
        "{}",
        page.body
    );
    assert!(page.body.contains("Все люди рождаются свободными"));
}

/// (authoritative language, whether the admin named it) of each version of `slug`.
async fn authorities(app: &TestApp, slug: &'static str) -> Vec<(i32, String, bool)> {
    app.query(move |conn| {
        document_versions::table
            .inner_join(consultations::table)
            .filter(consultations::slug.eq(slug))
            .order(document_versions::number)
            .select((
                document_versions::number,
                document_versions::language,
                document_versions::language_chosen,
            ))
            .load(conn)
            .unwrap()
    })
    .await
}

/// The stored text of clause 1.1 of `slug`'s version `number` in its own columns (the
/// authoritative one) and in `clause_texts`, by language.
async fn texts_of_1_1(
    app: &TestApp,
    slug: &'static str,
    number: i32,
) -> (String, Vec<(String, String)>) {
    app.query(move |conn| {
        let (id, body): (i64, String) = clauses::table
            .inner_join(
                document_versions::table
                    .on(document_versions::id.eq(clauses::version_id))
                    .inner_join(consultations::table),
            )
            .filter(consultations::slug.eq(slug))
            .filter(document_versions::number.eq(number))
            .filter(clauses::reference.eq("1.1"))
            .select((clauses::id, clauses::body))
            .first(conn)
            .unwrap();
        let others = clause_texts::table
            .filter(clause_texts::clause_id.eq(id))
            .order(clause_texts::lang)
            .select((clause_texts::lang, clause_texts::body))
            .load(conn)
            .unwrap();
        (body, others)
    })
    .await
}

/// Run `kenes import-draft ARGS`, which must succeed; its standard output.
async fn import_ok(app: &TestApp, args: &[&str]) -> String {
    let mut all = vec!["import-draft"];
    all.extend(args);
    let out = app.cli(&all).await;
    assert!(out.status.success(), "{}", stderr_of(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn kazakh_is_authoritative_unless_the_admin_names_another(app: TestApp) {
    let dir = app.db_dir();
    let write = |name: &str, text: &str| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let kk = write("kk.txt", "1-бап\n\n1. Бірінші.\n\n2. Екінші.\n");
    let ru = write("ru.txt", "Статья 1\n\n1. Первый.\n\n2. Второй.\n");
    let en = write("en.txt", "Article 1\n\n1. First.\n\n2. Second.\n");
    let (kk, ru, en) = (kk.as_str(), ru.as_str(), en.as_str());

    // Russian first, Kazakh added later into the same version: Kazakh becomes the
    // authoritative text, the Russian one a translation, on the same clauses.
    import_ok(
        &app,
        &[
            ru,
            "--lang",
            "ru",
            "--consultation",
            "law",
            "--status",
            "open",
        ],
    )
    .await;
    assert_eq!(
        authorities(&app, "law").await,
        vec![(1, "ru".into(), false)]
    );
    let stdout = import_ok(
        &app,
        &[
            kk,
            "--lang",
            "kk",
            "--into-version",
            "1",
            "--consultation",
            "law",
        ],
    )
    .await;
    assert!(stdout.contains("authoritative: kk"), "{stdout}");
    assert_eq!(
        authorities(&app, "law").await,
        vec![(1, "kk".into(), false)]
    );
    assert_eq!(
        texts_of_1_1(&app, "law", 1).await,
        ("Бірінші.".into(), vec![("ru".into(), "Первый.".into())])
    );
    let source: (String, String) = app
        .query(|conn| {
            document_versions::table
                .select((document_versions::source_name, document_versions::title))
                .first(conn)
                .unwrap()
        })
        .await;
    assert_eq!(source.0, kk);
    let page = app.visitor().get("/ru/consultations/law/clauses/1.1").await;
    assert!(
        page.body.contains(&format!(
            r#"{}: <span lang="kk">Қазақша</span>"#,
            kenes::i18n::t(kenes::i18n::Lang::Ru, "languages.authoritative")
        )),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"<div class="clause-text" lang="ru">"#));
    assert!(page.body.contains("Первый."));
    // The next version in both languages keeps the clauses' identity: its Kazakh
    // text is compared with the Kazakh text now authoritative.
    let stdout = import_ok(
        &app,
        &[
            ru,
            kk,
            "--lang",
            "ru",
            "--lang",
            "kk",
            "--consultation",
            "law",
        ],
    )
    .await;
    assert!(
        stdout.contains("(2 unchanged from the previous version)"),
        "{stdout}"
    );

    // Named by the admin: Russian stays authoritative when Kazakh is added later, or
    // when both come in one command.
    import_ok(
        &app,
        &[
            ru,
            "--lang",
            "ru",
            "--authoritative",
            "ru",
            "--consultation",
            "zan",
        ],
    )
    .await;
    let stdout = import_ok(
        &app,
        &[
            kk,
            "--lang",
            "kk",
            "--into-version",
            "1",
            "--consultation",
            "zan",
        ],
    )
    .await;
    assert!(stdout.contains("authoritative: ru"), "{stdout}");
    let stdout = import_ok(
        &app,
        &[
            kk,
            ru,
            "--lang",
            "kk",
            "--lang",
            "ru",
            "--authoritative",
            "ru",
            "--consultation",
            "zan",
        ],
    )
    .await;
    assert!(stdout.contains("authoritative: ru"), "{stdout}");
    assert_eq!(
        authorities(&app, "zan").await,
        vec![(1, "ru".into(), true), (2, "ru".into(), true)]
    );
    assert_eq!(
        texts_of_1_1(&app, "zan", 2).await,
        ("Первый.".into(), vec![("kk".into(), "Бірінші.".into())])
    );
    // Or named when a language is added: English made authoritative over Kazakh.
    let stdout = import_ok(
        &app,
        &[
            en,
            "--lang",
            "en",
            "--into-version",
            "2",
            "--authoritative",
            "en",
            "--consultation",
            "zan",
        ],
    )
    .await;
    assert!(stdout.contains("authoritative: en"), "{stdout}");
    assert_eq!(
        texts_of_1_1(&app, "zan", 2).await,
        (
            "First.".into(),
            vec![
                ("kk".into(), "Бірінші.".into()),
                ("ru".into(), "Первый.".into())
            ]
        )
    );

    // A language the version would not have is refused, and nothing is stored.
    let before = stored_versions(&app).await;
    let out = app
        .cli(&[
            "import-draft",
            kk,
            ru,
            "--lang",
            "kk",
            "--lang",
            "ru",
            "--authoritative",
            "en",
            "--consultation",
            "zan",
        ])
        .await;
    assert!(!out.status.success());
    assert!(
        stderr_of(&out)
            .contains("the authoritative language (en) must be one of the version's languages"),
        "{}",
        stderr_of(&out)
    );
    assert_eq!(stored_versions(&app).await, before);

    // The admin upload offers the same choice.
    let admin = app.signed_in_as(kenes::domain::Role::Admin).await;
    let page = admin.get("/admin/consultations/law").await;
    assert!(
        page.body
            .contains(r#"<select id="authoritative" name="authoritative""#),
        "{}",
        page.body
    );
    let both = admin_upload(
        &app,
        &admin,
        &[
            ("draft", "kk3.txt", "1-бап\n\n1. Бірінші.\n\n2. Екінші.\n"),
            (
                "draft2",
                "ru3.txt",
                "Статья 1\n\n1. Первый.\n\n2. Второй.\n",
            ),
        ],
        &[("lang", "kk"), ("lang2", "ru"), ("authoritative", "ru")],
    )
    .await;
    assert_eq!(both.status, 303, "{}", both.body);
    assert_eq!(
        authorities(&app, "law").await,
        vec![
            (1, "kk".into(), false),
            (2, "kk".into(), false),
            (3, "ru".into(), true)
        ]
    );
}

/// A consultation's title and summary are written in one language; on a page in
/// another they carry its `lang`, so that a screen reader reads them in the right voice.
async fn a_consultations_title_is_marked_with_its_language(app: TestApp) {
    install_demo(&app).await;
    let stored: Vec<(String, String)> = app
        .query(|conn| {
            consultations::table
                .order(consultations::slug)
                .select((consultations::slug, consultations::language))
                .load(conn)
                .unwrap()
        })
        .await;
    assert_eq!(
        stored,
        [
            ("udhr".to_owned(), "kk".to_owned()),
            ("us-constitution".to_owned(), "en".to_owned())
        ],
        "an imported consultation's title is in its first file's language"
    );

    let visitor = app.visitor();
    let home = visitor.get("/ru/").await;
    assert_eq!(home.status, 200);
    for needle in [
        r#"<h2 lang="kk"><a href="/ru/consultations/udhr">Адам құқықтарының"#,
        r#"<p lang="kk">Kenes жүйесін сынап көруге"#,
        r#"<h2 lang="en"><a href="/ru/consultations/us-constitution">Constitution of the United States"#,
    ] {
        assert!(
            home.body.contains(needle),
            "expected {needle:?} in {}",
            home.body
        );
    }
    let contents = visitor.get("/en/consultations/udhr").await;
    assert!(
        contents
            .body
            .contains(r#"<h1 lang="kk">Адам құқықтарының жалпыға бірдей декларациясы"#),
        "{}",
        contents.body
    );
    let article = visitor
        .get("/kk/consultations/us-constitution/articles/I")
        .await;
    assert!(
        article
            .body
            .contains(r#"lang="en">Constitution of the United States (sample draft)</a>"#),
        "{}",
        article.body
    );
    let clause = visitor.get("/ru/consultations/udhr/clauses/1.1").await;
    assert!(
        clause
            .body
            .contains(r#"lang="kk">Адам құқықтарының жалпыға бірдей декларациясы (үлгі жоба)</a>"#),
        "{}",
        clause.body
    );
}
