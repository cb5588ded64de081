//! The one translation function. Every string a person reads goes through
//! [`t`]; templates call it as `ctx.t("key")`. English is the only catalogue so far;
//! Kazakh and Russian are added as further `match` arms over the same keys, and the
//! unit test below fails when a template uses a key the catalogue lacks.

/// A language the interface can be served in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    /// The BCP 47 code, for the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
        }
    }
}

/// The text for `key` in `lang`. A missing key is logged and shown as the key itself,
/// so a gap is visible rather than silently blank.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    let found = match lang {
        Lang::En => english(key),
    };
    found.unwrap_or_else(|| {
        tracing::warn!(key, lang = lang.code(), "missing translation");
        key
    })
}

/// `t` with `{}` replaced by `value`.
pub fn tf(lang: Lang, key: &'static str, value: impl std::fmt::Display) -> String {
    t(lang, key).replacen("{}", &value.to_string(), 1)
}

fn english(key: &str) -> Option<&'static str> {
    Some(match key {
        "site.name" => "Kenes",
        "site.tagline" => "Public consultation on draft laws",
        "nav.skip" => "Skip to main content",
        "nav.main" => "Main",
        "nav.consultations" => "Consultations",
        "footer.about" => "Kenes is a public consultation platform. The texts shown are drafts published for comment; they are not in force as shown.",
        "breadcrumb.label" => "You are here",
        "home.title" => "Public consultations",
        "home.intro" => "Read a draft clause by clause, find what matters to you, and tell the drafters what should change.",
        "home.empty" => "There are no public consultations yet.",
        "home.read" => "Read the draft",
        "dates.opens" => "Opens",
        "dates.closes" => "Closes",
        "dates.published" => "Published",
        "status.label" => "Status",
        "status.draft" => "Draft",
        "status.open" => "Open for suggestions",
        "status.closed" => "Closed",
        "status.results" => "Results published",
        "consultation.contents" => "Contents",
        "consultation.version" => "Version {}",
        "consultation.changelog" => "What changed in this version",
        "consultation.preamble" => "Preamble",
        "consultation.no_version" => "The draft text has not been published yet.",
        "consultation.clause_count" => "{} clauses",
        "consultation.one_clause" => "1 clause",
        "consultation.no_clauses" => "no clauses",
        "consultation.old_version" => "You are reading version {} of this draft, not the current one.",
        "consultation.current_version" => "Read the current version",
        "article.clauses" => "Clauses",
        "article.permalink" => "Permanent link to clause {}",
        "article.previous" => "Previous",
        "article.next" => "Next",
        "article.neighbours" => "Other articles",
        "article.no_clauses" => "This article has no text of its own; see its notes.",
        "notes.title" => "Notes",
        "clause.title" => "Clause {}",
        "clause.reference" => "Reference",
        "clause.permalink" => "Permanent link",
        "clause.in_context" => "Read it in the whole article",
        "clause.other_version" => "This clause is shown as it stood in version {}; it is not part of the current version.",
        "error.status" => "Error {}",
        "error.back_home" => "Go to the list of consultations",
        "error.not_found.title" => "Page not found",
        "error.not_found.message" => "We could not find that page. It may have moved, or the address may be mistyped.",
        "error.unavailable.title" => "Busy right now",
        "error.unavailable.message" => "The service is busy. Please try again in a few seconds.",
        "error.internal.title" => "Something went wrong",
        "error.internal.message" => "An error occurred on our side and has been logged. Please try again later.",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `t("…")` and `tf("…"` in the templates names a key of every catalogue.
    #[test]
    fn templates_use_only_known_keys() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut files = vec![dir];
        let mut checked = 0;
        while let Some(path) = files.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                    files.push(entry.path());
                }
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for marker in [".t(\"", ".tf(\""] {
                for (start, _) in text.match_indices(marker) {
                    let rest = &text[start + marker.len()..];
                    let key = rest.split('"').next().unwrap_or_default();
                    assert!(
                        english(key).is_some(),
                        "{}: unknown key {key:?}",
                        path.display()
                    );
                    checked += 1;
                }
            }
        }
        assert!(
            checked > 20,
            "found only {checked} keys: is the scan broken?"
        );
    }

    #[test]
    fn formats_a_value() {
        assert_eq!(tf(Lang::En, "consultation.version", 3), "Version 3");
    }
}
