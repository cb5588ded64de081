//! Which language a draft's text is shown in, apart from the interface language.
//!
//! A page shows the text in [`default_text_lang`] of its interface language unless the
//! reader chose another with `?text=ru`; `?compare=kk` adds a second column. Where the
//! version lacks the language, the authoritative text is shown, labelled.

use crate::domain::TextLang;
use crate::i18n::Lang;

/// The text language a page in interface language `page` shows by default. The one
/// place to point at the interface language once it is chosen per request.
pub fn default_text_lang(page: Lang) -> TextLang {
    page.code().parse().unwrap_or(TextLang::En)
}

use crate::models::document::{self, ClauseRow, DocumentVersion};
use crate::models::reading::{PageTexts, TextChoice};

/// The languages a page shows, resolved against what the version has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub authoritative: TextLang,
    /// The text's language: the one asked for, or the authoritative one.
    pub text: TextLang,
    /// Asked for but not in the version (so `text` is the authoritative language).
    pub missing: Option<TextLang>,
    pub compare: Option<TextLang>,
}

impl Shown {
    pub fn resolve(version: &DocumentVersion, texts: &PageTexts, choice: TextChoice) -> Self {
        let has = |l: TextLang| l == version.language || texts.languages.contains(&l);
        let text = if has(choice.text) {
            choice.text
        } else {
            version.language
        };
        Self {
            authoritative: version.language,
            text,
            missing: (!has(choice.text)).then_some(choice.text),
            compare: choice.compare.filter(|c| has(*c) && *c != text),
        }
    }

    /// The columns a clause shows: the text, and the compared language beside it.
    pub fn columns(&self, texts: &PageTexts, clause: &ClauseRow) -> Vec<TextColumn> {
        std::iter::once(self.text)
            .chain(self.compare)
            .map(|lang| TextColumn::new(self, texts, clause, lang))
            .collect()
    }
}

/// A clause's text in one language, as a column.
#[derive(Debug, Clone)]
pub struct TextColumn {
    pub lang: &'static str,
    pub name: &'static str,
    pub paragraphs: Vec<String>,
    pub notes: Vec<String>,
    pub authoritative: bool,
    /// Shown in place of a language the version lacks.
    pub fallback: bool,
    /// A translation not yet updated to the authoritative text's change.
    pub outdated: bool,
}

impl TextColumn {
    fn new(shown: &Shown, texts: &PageTexts, clause: &ClauseRow, lang: TextLang) -> Self {
        let translated = texts.clauses.get(&(clause.id, lang));
        let (lang, body, notes, outdated) = match translated {
            Some(t) if lang != shown.authoritative => (lang, &t.body, &t.notes, t.outdated),
            _ => (shown.authoritative, &clause.body, &clause.notes, false),
        };
        Self {
            lang: lang.as_str(),
            name: lang.native_name(),
            paragraphs: super::paragraphs(body),
            notes: document::split_notes(notes)
                .into_iter()
                .map(str::to_owned)
                .collect(),
            authoritative: lang == shown.authoritative,
            fallback: shown.missing.is_some() && lang == shown.authoritative,
            outdated,
        }
    }
}

/// A link to the same page in another text language.
#[derive(Debug, Clone)]
pub struct LangLink {
    pub code: &'static str,
    pub name: &'static str,
    pub href: String,
    pub current: bool,
}

/// The text-language switcher of an article or clause page (links, no script).
#[derive(Debug, Clone)]
pub struct TextSwitch {
    /// The version has more than one language.
    pub show: bool,
    pub texts: Vec<LangLink>,
    /// Languages to read beside the text.
    pub compares: Vec<LangLink>,
    /// Back to one column, when comparing.
    pub single_href: Option<String>,
    pub authoritative_code: &'static str,
    pub authoritative_name: &'static str,
    /// The language asked for that the version lacks, by name.
    pub missing: Option<&'static str>,
    /// The code of the language the text is shown in.
    pub text_code: &'static str,
}

/// `base?version=N&text=xx&compare=yy`, each part only when given.
pub fn href(base: &str, version: Option<i32>, text: TextLang, compare: Option<TextLang>) -> String {
    let mut query = vec![];
    if let Some(n) = version {
        query.push(format!("version={n}"));
    }
    query.push(format!("text={text}"));
    if let Some(c) = compare {
        query.push(format!("compare={c}"));
    }
    format!("{base}?{}", query.join("&"))
}

impl TextSwitch {
    pub fn new(base: &str, version: Option<i32>, texts: &PageTexts, shown: &Shown) -> Self {
        let mut languages = texts.languages.clone();
        if !languages.contains(&shown.authoritative) {
            languages.insert(0, shown.authoritative);
        }
        let link = |lang: TextLang, current: bool, href: String| LangLink {
            code: lang.as_str(),
            name: lang.native_name(),
            href,
            current,
        };
        Self {
            show: languages.len() > 1,
            texts: languages
                .iter()
                .map(|&l| {
                    let compare = shown.compare.filter(|c| *c != l);
                    link(l, l == shown.text, href(base, version, l, compare))
                })
                .collect(),
            compares: languages
                .iter()
                .filter(|&&l| l != shown.text)
                .map(|&l| {
                    link(
                        l,
                        Some(l) == shown.compare,
                        href(base, version, shown.text, Some(l)),
                    )
                })
                .collect(),
            single_href: shown.compare.map(|_| href(base, version, shown.text, None)),
            authoritative_code: shown.authoritative.as_str(),
            authoritative_name: shown.authoritative.native_name(),
            missing: shown.missing.map(TextLang::native_name),
            text_code: shown.text.as_str(),
        }
    }
}

/// The language a suggestion is in: the one chosen, if the version has it; else the
/// page's text language, if the version has it; else the authoritative one.
pub fn suggestion_lang(
    version: &DocumentVersion,
    languages: &[TextLang],
    chosen: Option<TextLang>,
    page: Lang,
) -> TextLang {
    let has = |l: &TextLang| *l == version.language || languages.contains(l);
    chosen
        .filter(has)
        .or_else(|| Some(default_text_lang(page)).filter(has))
        .unwrap_or(version.language)
}

/// The suggestion form's language choices: the version's languages, `chosen` selected.
pub fn lang_choices(
    version: &DocumentVersion,
    languages: &[TextLang],
    chosen: TextLang,
) -> Vec<(&'static str, &'static str, bool)> {
    let mut all = languages.to_vec();
    if !all.contains(&version.language) {
        all.insert(0, version.language);
    }
    all.into_iter()
        .map(|l| (l.as_str(), l.native_name(), l == chosen))
        .collect()
}
