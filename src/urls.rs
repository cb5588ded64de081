//! Addresses on this site, built in one place: pages, assets, and the return
//! addresses that come from outside.
//!
//! A return address (`next`, `return_to`) is followed only when it is a relative path
//! on this site, judged *after* percent-decoding: browsers drop tab, CR and LF from
//! URLs and some proxies decode, so `/%09/evil.example` or `/%2F/evil.example` could
//! otherwise become `//evil.example`, another site. Anything else means "go home".

/// `path` (a page of this site, unprefixed, with its query) in `lang`: `/kk/account`.
pub fn in_lang(lang: crate::i18n::Lang, path: &str) -> String {
    InLang { lang, path }.to_string()
}

/// [`in_lang`] written straight into a page, without a string of its own.
pub struct InLang<'a> {
    pub lang: crate::i18n::Lang,
    pub path: &'a str,
}

impl std::fmt::Display for InLang<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (lang, path) = (self.lang.code(), self.path);
        if path == "/" || path.is_empty() {
            write!(f, "/{lang}/")
        } else if path.starts_with('?') {
            write!(f, "/{lang}/{path}")
        } else {
            write!(f, "/{lang}{path}")
        }
    }
}

/// A link for an e-mail: `base` (the public URL) and `path` in `lang`.
pub fn absolute(base: &str, lang: crate::i18n::Lang, path: &str) -> String {
    format!("{base}{}", in_lang(lang, path))
}

pub fn consultation(slug: &str) -> String {
    format!("/consultations/{slug}")
}

pub fn article(slug: &str, number: &str) -> String {
    format!("/consultations/{slug}/articles/{number}")
}

/// A clause's permalink.
pub fn clause(slug: &str, reference: &str) -> String {
    format!("/consultations/{slug}/clauses/{reference}")
}

/// A clause page's suggestions in another order.
pub fn clause_sorted(slug: &str, reference: &str, sort: &str) -> String {
    format!("{}?sort={sort}#suggestions", clause(slug, reference))
}

/// `?version=N` when showing a version other than the current one.
pub fn version_query(old_version: Option<i32>) -> String {
    old_version
        .map(|n| format!("?version={n}"))
        .unwrap_or_default()
}

/// A suggestion's public receipt.
pub fn receipt(number: &str) -> String {
    format!("/receipt/{number}")
}

/// A suggestion in the moderation workbench.
pub fn review(number: &str) -> String {
    format!("/moderation/suggestions/{number}")
}

/// A near-duplicate cluster in the workbench.
pub fn cluster(id: i64) -> String {
    format!("/moderation/clusters/{id}")
}

/// The URL of a static asset, versioned by its content (so it may be cached for good).
pub fn asset(path: &str) -> String {
    match crate::assets::find(path) {
        Some((_, hash)) => format!("/static/{path}?v={hash}"),
        None => format!("/static/{path}"),
    }
}

/// Longest return address kept; longer ones are not ours.
const MAX_LENGTH: usize = 2048;

/// `candidate` as a safe `Location` value, if it is a same-site relative path.
pub fn return_path(candidate: &str) -> Option<String> {
    if candidate.len() > MAX_LENGTH || !is_local(candidate) {
        return None;
    }
    let decoded: Vec<u8> = crate::domain::text::percent_decode(candidate.as_bytes());
    let decoded = String::from_utf8_lossy(&decoded);
    if !is_local(&decoded) {
        return None;
    }
    // A header value must be visible ASCII: encode anything else (a Cyrillic slug).
    Some(
        candidate
            .bytes()
            .map(|b| {
                if b.is_ascii_graphic() {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect(),
    )
}

/// The return path, or the home page.
pub fn return_path_or_home(candidate: &str) -> String {
    return_path(candidate).unwrap_or_else(|| "/".to_owned())
}

fn is_local(path: &str) -> bool {
    let mut chars = path.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_paths_are_kept() {
        assert_eq!(return_path("/account").as_deref(), Some("/account"));
        assert_eq!(
            return_path("/consultations/x?version=1#clause-2").as_deref(),
            Some("/consultations/x?version=1#clause-2")
        );
        assert_eq!(
            return_path("/consultations/кеңес").as_deref(),
            Some("/consultations/%D0%BA%D0%B5%D2%A3%D0%B5%D1%81")
        );
    }

    #[test]
    fn other_sites_and_control_characters_go_home() {
        for hostile in [
            "https://evil.example",
            "//evil.example",
            "/\\evil.example",
            "/%09/evil.example",
            "/\t/evil.example",
            "/%0d%0a/evil.example",
            "/\r\nSet-Cookie: x=1",
            "/%2F/evil.example",
            "/%2f%2fevil.example",
            "/%5Cevil.example",
            "/%00",
            "/a\u{85}b",
            "",
            "account",
            "javascript:alert(1)",
        ] {
            assert_eq!(return_path(hostile), None, "{hostile:?}");
            assert_eq!(return_path_or_home(hostile), "/");
        }
        assert_eq!(return_path(&format!("/{}", "a".repeat(3000))), None);
    }
}
