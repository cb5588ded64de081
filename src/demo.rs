//! What `kenes demo` serves: the US Constitution and the Universal Declaration of
//! Human Rights in Kazakh, Russian and English (Kazakh authoritative), each as an open
//! consultation. The texts are compiled in (samples/SOURCES.md); installing is
//! idempotent, so a second `kenes demo` on the same database imports nothing.

use crate::db::{self, AnyConnection};
use crate::domain::{ConsultationStatus, Slug, TextLang};
use crate::import::{DraftFile, ImportFailure, ImportRequest};
use crate::models::{consultation, document};
use crate::services::{drafts, Actor};

/// One demo consultation and its files, the authoritative language's first.
pub struct DemoConsultation {
    pub slug: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub files: &'static [(TextLang, &'static str, &'static [u8])],
}

pub const US_CONSTITUTION: DemoConsultation = DemoConsultation {
    slug: "us-constitution",
    title: "Constitution of the United States (sample draft)",
    summary: "A sample consultation for trying Kenes: the text of the Constitution of the \
United States, published article by article and clause by clause as if it were a draft put \
to the public.",
    files: &[(
        TextLang::En,
        "samples/constitution-us.txt",
        include_bytes!("../samples/constitution-us.txt"),
    )],
};

pub const UDHR: DemoConsultation = DemoConsultation {
    slug: "udhr",
    // In the authoritative language: a consultation's title and summary are written
    // once, by whoever opens it, in the language of its draft.
    title: "Адам құқықтарының жалпыға бірдей декларациясы (үлгі жоба)",
    summary: "Kenes жүйесін сынап көруге арналған үш тілдегі үлгі қоғамдық талқылау: Адам \
құқықтарының жалпыға бірдей декларациясы қазақ (негізгі мәтін), орыс және ағылшын тілдерінде, \
бап бойынша сәйкестендіріліп жарияланған. Тармақты екі тілде қатар оқуға немесе кез келген \
тілде өзгеріс ұсынуға болады.",
    files: &[
        (
            TextLang::Kk,
            "samples/udhr/udhr-kk.txt",
            include_bytes!("../samples/udhr/udhr-kk.txt"),
        ),
        (
            TextLang::Ru,
            "samples/udhr/udhr-ru.txt",
            include_bytes!("../samples/udhr/udhr-ru.txt"),
        ),
        (
            TextLang::En,
            "samples/udhr/udhr-en.txt",
            include_bytes!("../samples/udhr/udhr-en.txt"),
        ),
    ],
};

pub const ALL: [&DemoConsultation; 2] = [&US_CONSTITUTION, &UDHR];

/// Import and open every demo consultation that has no published version yet.
/// Returns what was imported now (empty on a second run).
pub fn install(
    conn: &mut AnyConnection,
) -> Result<Vec<(&'static str, document::StoredVersion)>, ImportFailure> {
    let mut installed = Vec::new();
    for demo in ALL {
        let slug = Slug::parse(demo.slug).map_err(|_| {
            ImportFailure::Refused(
                crate::i18n::Message::new("cli-invalid-slug").text("value", demo.slug),
            )
        })?;
        let has_version = match consultation::find_by_slug(conn, &slug)? {
            Some(c) => document::latest_published(conn, c.id)?.is_some(),
            None => false,
        };
        if has_version {
            continue;
        }
        let files: Vec<DraftFile<'_>> = demo
            .files
            .iter()
            .map(|(lang, file_name, bytes)| DraftFile {
                lang: *lang,
                file_name,
                bytes,
            })
            .collect();
        let stored = drafts::import(
            conn,
            &ImportRequest {
                consultation: &slug,
                files: &files,
                into_version: None,
                authoritative: None,
                title: Some(demo.title),
                summary: Some(demo.summary),
                changelog: "First published version.",
                publish: true,
            },
            Actor::CommandLine { how: "demo" },
        )?;
        let now = crate::models::now();
        db::write_transaction(conn, |conn| {
            let found =
                consultation::find_by_slug(conn, &slug)?.ok_or(diesel::result::Error::NotFound)?;
            consultation::set_status(
                conn,
                found.id,
                ConsultationStatus::Open,
                Some(now),
                Some(now + chrono::Duration::days(60)),
            )
        })?;
        installed.push((demo.slug, stored));
    }
    Ok(installed)
}
