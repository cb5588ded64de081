//! The interface's words, in Kazakh, Russian and English: the Fluent catalogues under
//! `locales/<lang>/*.ftl`, compiled into the binary (see `build.rs`) and read with the
//! Fluent project's `fluent-bundle`. Every string a person reads goes through here;
//! templates call `ctx.t("key")` and `ctx.tf("key", value)`.
//!
//! A key in the code is the Fluent id spelled with dots and underscores
//! (`error.not_found.title` is `error-not-found-title`), so templates read as before.
//! Plurals are Fluent selectors with CLDR rules (Russian one/few/many/other, Kazakh and
//! English one/other): the code passes the number, the catalogue chooses the words.
//! Numbers are formatted per language (a non-breaking space between thousands in
//! Kazakh and Russian, a comma in English), dates and times in the consultation's time
//! zone ([`set_time_zone`], `KENES_TIME_ZONE`) with month names from the catalogue.
//! Fluent's bidi isolation marks are off: they would end up inside HTML attributes.
//!
//! Messages without variables are formatted once, when the catalogue is first used,
//! and kept for the life of the process, so [`t`] is a lookup.

use std::collections::{BTreeSet, HashMap};
use std::sync::{LazyLock, OnceLock};

use chrono::{Datelike, NaiveDateTime, Offset, TimeZone};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

mod sources {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

/// A language the interface can be served in. Kazakh, the state language, first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Kk,
    Ru,
    En,
}

impl Lang {
    /// Every language, in the order the switcher lists them.
    pub const ALL: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

    /// The BCP 47 code, for the `lang` attribute and the address prefix.
    pub fn code(self) -> &'static str {
        match self {
            Self::Kk => "kk",
            Self::Ru => "ru",
            Self::En => "en",
        }
    }

    /// The language of a code or a language tag (`ru`, `ru-RU`, `KK`), if served.
    pub fn from_code(code: &str) -> Option<Self> {
        let primary = code.split(['-', '_']).next().unwrap_or_default().trim();
        Self::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    /// The language named in itself (Қазақша, Русский, English), for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Kk => t(self, "language.kk"),
            Self::Ru => t(self, "language.ru"),
            Self::En => t(self, "language.en"),
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A value a message may be given: a number (formatted per language, and what a
/// plural selector chooses on) or a text.
pub trait Arg {
    fn fluent(&self) -> FluentValue<'_>;
}

impl Arg for str {
    fn fluent(&self) -> FluentValue<'_> {
        FluentValue::from(self)
    }
}

impl Arg for String {
    fn fluent(&self) -> FluentValue<'_> {
        FluentValue::from(self.as_str())
    }
}

impl<T: Arg + ?Sized> Arg for &T {
    fn fluent(&self) -> FluentValue<'_> {
        (**self).fluent()
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => { $(
        impl Arg for $t {
            fn fluent(&self) -> FluentValue<'_> {
                FluentValue::from(*self)
            }
        }
    )* };
}
number_arg!(i32, i64, u16, u32, u64, usize);

/// The catalogues, read once.
struct Catalogue {
    bundles: Vec<FluentBundle<FluentResource>>,
    /// Per language: the text of each message that takes no variable.
    plain: Vec<HashMap<String, &'static str>>,
    /// Per language: the variables each message uses.
    variables: Vec<HashMap<String, BTreeSet<String>>>,
    /// Files that did not parse, messages defined twice.
    problems: Vec<String>,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(Catalogue::load);

impl Catalogue {
    fn load() -> Self {
        let mut catalogue = Self {
            bundles: Vec::new(),
            plain: Vec::new(),
            variables: Vec::new(),
            problems: Vec::new(),
        };
        for lang in Lang::ALL {
            let id = lang.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(match lang {
                Lang::En => format_number_en,
                Lang::Kk | Lang::Ru => format_number_kk_ru,
            }));
            let mut variables = HashMap::new();
            for (_, file, text) in sources::SOURCES.iter().filter(|s| s.0 == lang.code()) {
                let resource = match FluentResource::try_new((*text).to_owned()) {
                    Ok(resource) => resource,
                    Err((resource, errors)) => {
                        catalogue
                            .problems
                            .push(format!("{}/{file}: {errors:?}", lang.code()));
                        resource
                    }
                };
                for entry in resource.entries() {
                    if let ast::Entry::Message(message) = entry {
                        let mut found = BTreeSet::new();
                        if let Some(pattern) = &message.value {
                            pattern_variables(pattern, &mut found);
                        }
                        variables.insert(message.id.name.to_owned(), found);
                    }
                }
                if let Err(errors) = bundle.add_resource(resource) {
                    catalogue
                        .problems
                        .push(format!("{}/{file}: {errors:?}", lang.code()));
                }
            }
            let mut plain = HashMap::new();
            for (id, vars) in &variables {
                if !vars.is_empty() {
                    continue;
                }
                let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                    continue;
                };
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, None, &mut errors);
                if errors.is_empty() {
                    let text: &'static str = Box::leak(text.into_owned().into_boxed_str());
                    plain.insert(id.clone(), text);
                }
            }
            catalogue.bundles.push(bundle);
            catalogue.plain.push(plain);
            catalogue.variables.push(variables);
        }
        catalogue
    }
}

fn pattern_variables(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, found);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                pattern_variables(&variant.value, found);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, found),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, found);
            }
            for named in &arguments.named {
                inline_variables(&named.value, found);
            }
        }
        ast::InlineExpression::Placeable { expression } => {
            expression_variables(expression, found);
        }
        _ => {}
    }
}

fn format_number_en<M>(value: &FluentValue, _: &M) -> Option<String> {
    group_digits(value, ",", ".")
}

fn format_number_kk_ru<M>(value: &FluentValue, _: &M) -> Option<String> {
    group_digits(value, "\u{a0}", ",")
}

/// A number with its thousands grouped and the language's decimal separator.
fn group_digits(value: &FluentValue, thousands: &str, decimal: &str) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    if !number.options.use_grouping {
        return None;
    }
    let text = number.as_string();
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", &*text),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut out = String::from(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push_str(thousands);
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push_str(decimal);
        out.push_str(fraction);
    }
    Some(out)
}

/// The Fluent id of a key of the code: `error.not_found.title` → `error-not-found-title`.
pub fn fluent_id(key: &str) -> String {
    key.replace(['.', '_'], "-")
}

/// Every message id of the English catalogue (the reference the others must match).
pub fn message_ids() -> Vec<&'static str> {
    CATALOGUE.variables[Lang::En.index()]
        .keys()
        .map(String::as_str)
        .collect()
}

/// The text of the message `id` (a Fluent id) in `lang`, if it takes no variable.
pub fn plain(lang: Lang, id: &str) -> Option<&'static str> {
    CATALOGUE.plain[lang.index()].get(id).copied()
}

/// The text for `key` in `lang`. A missing key is logged and shown as the key itself,
/// so a gap is visible rather than silently blank.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    // A page asks for the same few texts many times (each suggestion's buttons): each
    // thread remembers them by where the key lives, instead of turning the key into
    // a Fluent id (an allocation) and hashing that on every call.
    type Found = HashMap<(usize, usize, usize), &'static str>;
    thread_local!(static FOUND: std::cell::RefCell<Found> = Default::default());
    let at = (lang.index(), key.as_ptr() as usize, key.len());
    if let Some(text) = FOUND.with(|found| found.borrow().get(&at).copied()) {
        return text;
    }
    match plain(lang, &fluent_id(key)) {
        Some(text) => {
            FOUND.with(|found| found.borrow_mut().insert(at, text));
            text
        }
        None => {
            tracing::warn!(key, lang = lang.code(), "missing translation");
            key
        }
    }
}

/// The message `key` with its one variable set to `value` (a number: formatted per
/// language, and the choice of a plural form).
pub fn tf(lang: Lang, key: &'static str, value: impl Arg) -> String {
    let id = fluent_id(key);
    let name = CATALOGUE.variables[Lang::En.index()]
        .get(&id)
        .and_then(|vars| vars.iter().next())
        .map_or("value", String::as_str);
    let mut args = FluentArgs::new();
    args.set(name, value.fluent());
    format(lang, &id, &args)
}

/// The message `key` with several named variables.
pub fn tv(lang: Lang, key: &'static str, values: &[(&'static str, &dyn Arg)]) -> String {
    let mut args = FluentArgs::new();
    for (name, value) in values {
        args.set(*name, value.fluent());
    }
    format(lang, &fluent_id(key), &args)
}

fn format(lang: Lang, id: &str, args: &FluentArgs) -> String {
    let bundle = &CATALOGUE.bundles[lang.index()];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        tracing::warn!(id, lang = lang.code(), "missing translation");
        return id.to_owned();
    };
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(args), &mut errors);
    if !errors.is_empty() {
        tracing::warn!(
            id,
            lang = lang.code(),
            ?errors,
            "translation needs other variables"
        );
    }
    text.into_owned()
}

/// A message to be put into words later, in the reader's language: a catalogue id and
/// its arguments. Code that finds a problem far from any request (the importers) returns
/// one of these; the edge that knows the reader (a page, the command line) renders it
/// with [`render`]. `Display` gives the English text, for logs and tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The Fluent id, e.g. `import-clause-twice`.
    pub id: &'static str,
    pub args: Vec<(&'static str, MessageArg)>,
}

/// A value of a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MessageArg {
    Text(String),
    /// A line number, a size, a count: printed without thousands separators (`line
    /// 1234`), and what a plural selector chooses on.
    Number(u64),
    /// Another message, rendered in the same language first.
    Message(Box<Message>),
}

impl Message {
    pub fn new(id: &'static str) -> Self {
        Self {
            id,
            args: Vec::new(),
        }
    }

    pub fn text(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, MessageArg::Text(value.to_string())));
        self
    }

    pub fn number(mut self, name: &'static str, value: impl TryInto<u64>) -> Self {
        let value = value.try_into().unwrap_or(u64::MAX);
        self.args.push((name, MessageArg::Number(value)));
        self
    }

    pub fn message(mut self, name: &'static str, value: Message) -> Self {
        self.args.push((name, MessageArg::Message(Box::new(value))));
        self
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        render(lang, self)
    }
}

impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// A [`Message`] in `lang`, its nested messages first.
pub fn render(lang: Lang, message: &Message) -> String {
    let nested: Vec<(&'static str, String)> = message
        .args
        .iter()
        .filter_map(|(name, value)| match value {
            MessageArg::Message(inner) => Some((*name, render(lang, inner))),
            _ => None,
        })
        .collect();
    let mut args = FluentArgs::new();
    for (name, value) in &message.args {
        match value {
            MessageArg::Text(text) => args.set(*name, FluentValue::from(text.as_str())),
            MessageArg::Number(n) => {
                #[allow(clippy::cast_precision_loss)]
                let value = *n as f64;
                args.set(
                    *name,
                    FluentValue::Number(FluentNumber::new(
                        value,
                        FluentNumberOptions {
                            use_grouping: false,
                            ..FluentNumberOptions::default()
                        },
                    )),
                );
            }
            MessageArg::Message(_) => {}
        }
    }
    for (name, text) in &nested {
        args.set(*name, FluentValue::from(text.as_str()));
    }
    #[cfg(test)]
    tests::assert_arguments_match(message);
    format(lang, message.id, &args)
}

/// A number as the language writes it: `12 345` (with a non-breaking space) in Kazakh
/// and Russian, `12,345` in English.
pub fn number(lang: Lang, n: i64) -> String {
    let value = FluentValue::from(n);
    match lang {
        Lang::En => group_digits(&value, ",", "."),
        Lang::Kk | Lang::Ru => group_digits(&value, "\u{a0}", ","),
    }
    .unwrap_or_else(|| n.to_string())
}

static DEFAULT_LANG: OnceLock<Lang> = OnceLock::new();

/// `KENES_DEFAULT_LANG`, set once at start-up (the first setting wins): the language of
/// mail to someone who never chose one. Unset: Kazakh.
pub fn set_default_lang(lang: Lang) {
    let _ = DEFAULT_LANG.set(lang);
}

pub fn default_lang() -> Lang {
    DEFAULT_LANG.get().copied().unwrap_or_default()
}

static TIME_ZONE: OnceLock<chrono_tz::Tz> = OnceLock::new();

/// The consultation's time zone (`KENES_TIME_ZONE`), set once at start-up; the first
/// setting wins. Unset: Asia/Almaty.
pub fn set_time_zone(zone: chrono_tz::Tz) {
    let _ = TIME_ZONE.set(zone);
}

pub fn time_zone() -> chrono_tz::Tz {
    TIME_ZONE.get().copied().unwrap_or(chrono_tz::Asia::Almaty)
}

/// The time zone as a reader names it ("Astana time", "UTC", "UTC+05:00").
pub fn zone_name(lang: Lang) -> String {
    let zone = time_zone();
    match zone {
        chrono_tz::Asia::Almaty => t(lang, "timezone.asia_almaty").to_owned(),
        chrono_tz::UTC | chrono_tz::Etc::UTC => t(lang, "timezone.utc").to_owned(),
        _ => {
            let offset = zone
                .offset_from_utc_datetime(&chrono::Utc::now().naive_utc())
                .fix();
            tf(lang, "timezone.offset", offset.to_string())
        }
    }
}

fn local(at: NaiveDateTime) -> chrono::DateTime<chrono_tz::Tz> {
    time_zone().from_utc_datetime(&at)
}

fn date_parts(lang: Lang, at: NaiveDateTime) -> (String, &'static str, String) {
    let at = local(at);
    let month = plain(lang, &format!("month-{}", at.month())).unwrap_or_default();
    (at.day().to_string(), month, at.year().to_string())
}

/// A stored (UTC) time as a date in the consultation's time zone: "2 декабря 2026 г.".
pub fn date(lang: Lang, at: NaiveDateTime) -> String {
    let (day, month, year) = date_parts(lang, at);
    tv(
        lang,
        "date.format",
        &[("day", &day), ("month", &month), ("year", &year)],
    )
}

/// A stored (UTC) time as a date and time with the zone named.
pub fn datetime(lang: Lang, at: NaiveDateTime) -> String {
    let (day, month, year) = date_parts(lang, at);
    let time = local(at).format("%H:%M").to_string();
    let zone = zone_name(lang);
    tv(
        lang,
        "datetime.format",
        &[
            ("day", &day),
            ("month", &month),
            ("year", &year),
            ("time", &time),
            ("zone", &zone),
        ],
    )
}

/// A stored (UTC) time as a time of day with the zone named: "14:30 (Astana time)".
pub fn time(lang: Lang, at: NaiveDateTime) -> String {
    let time = local(at).format("%H:%M").to_string();
    let zone = zone_name(lang);
    tv(lang, "time.format", &[("time", &time), ("zone", &zone)])
}

/// The one-time messages a redirect may carry (the flash cookie holds the key).
pub const FLASH_KEYS: [&str; 13] = [
    "flash.withdrawn",
    "flash.signed_in",
    "flash.signed_out",
    "flash.signed_out_everywhere",
    "flash.profile_saved",
    "flash.password_changed",
    "flash.password_reset",
    "flash.confirmation_sent",
    "flash.account_deleted",
    "flash.role_changed",
    "flash.saved",
    "flash.reported",
    "flash.report_already",
];

/// The static key for a flash cookie's value, if it is one of [`FLASH_KEYS`].
pub fn flash_key(value: &str) -> Option<&'static str> {
    FLASH_KEYS.iter().find(|k| **k == value).copied()
}

/// The name of a region, by its code ([`crate::domain::Region::ALL`]).
pub fn region_name(lang: Lang, code: &str) -> &'static str {
    plain(lang, &format!("region-{code}")).unwrap_or("—")
}

pub fn role_name(lang: Lang, role: crate::domain::Role) -> &'static str {
    use crate::domain::Role;
    t(
        lang,
        match role {
            Role::Citizen => "role.citizen",
            Role::Moderator => "role.moderator",
            Role::Analyst => "role.analyst",
            Role::Admin => "role.admin",
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How the code calls a message, judged from the text before the key.
    #[derive(Debug, PartialEq)]
    enum Call {
        /// `t(…)`, or a key handed on to `t` (a match arm, a list): no variable.
        Plain,
        /// `tf(…)`: exactly one variable.
        One,
        /// `tv(…)`: named variables, checked where they are passed.
        Named,
    }

    fn call_before(text: &str) -> Call {
        let tail: String = text
            .chars()
            .rev()
            .take(60)
            .filter(|c| !c.is_whitespace())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let call = tail.rsplit_once('(');
        match call {
            Some((before, args))
                if args.is_empty() || (args.ends_with(',') && !args.contains([')', '"'])) =>
            {
                if before.ends_with("tf") {
                    Call::One
                } else if before.ends_with("tv") {
                    Call::Named
                } else {
                    Call::Plain
                }
            }
            _ => Call::Plain,
        }
    }

    /// Namespaces of translation keys: a string literal in the code or templates that
    /// looks like `namespace.some.key` must exist in the catalogue.
    const NAMESPACES: [&str; 37] = [
        "mine",
        "site",
        "nav",
        "footer",
        "breadcrumb",
        "home",
        "dates",
        "date",
        "datetime",
        "time",
        "timezone",
        "language",
        "role",
        "status",
        "consultation",
        "article",
        "notes",
        "clause",
        "error",
        "banner",
        "form",
        "register",
        "confirm",
        "sign_in",
        "reset",
        "account",
        "flash",
        "email",
        "admin",
        "open_data",
        "statistics",
        "moderation",
        "decisions",
        "report",
        "suggestion",
        "suggest",
        "receipt",
    ];

    fn english_variables(id: &str) -> Option<&'static BTreeSet<String>> {
        CATALOGUE.variables[Lang::En.index()].get(id)
    }

    #[test]
    fn every_key_in_code_and_templates_exists_with_the_variables_passed() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("src"), root.join("templates")];
        let mut checked = 0;
        let mut problems = Vec::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                    files.push(entry.path());
                }
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let mut offset = 0;
            for (i, piece) in text.split('"').enumerate() {
                let start = offset;
                offset += piece.len() + 1;
                if i % 2 == 0 {
                    continue;
                }
                let literal = piece;
                let looks_like_key = literal.contains('.')
                    && literal.bytes().all(|b| {
                        b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_'
                    })
                    && NAMESPACES.contains(&literal.split('.').next().unwrap_or_default())
                    && !literal.ends_with('.')
                    && ![".html", ".txt", ".md", ".json", ".ftl", ".rs"]
                        .iter()
                        .any(|ext| literal.ends_with(ext));
                if !looks_like_key {
                    continue;
                }
                checked += 1;
                let id = fluent_id(literal);
                let Some(vars) = english_variables(&id) else {
                    problems.push(format!("{}: unknown key {literal:?}", path.display()));
                    continue;
                };
                let before = &text[..start.saturating_sub(1)];
                let ok = match call_before(before) {
                    Call::Plain => vars.is_empty(),
                    Call::One => vars.len() == 1,
                    Call::Named => true,
                };
                if !ok {
                    problems.push(format!(
                        "{}: {literal:?} is called as {:?} but its message uses {vars:?}",
                        path.display(),
                        call_before(before)
                    ));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(
            checked > 100,
            "found only {checked} keys: is the scan broken?"
        );
        for key in FLASH_KEYS {
            assert!(
                plain(Lang::En, &fluent_id(key)).is_some(),
                "flash key {key}"
            );
        }
    }

    #[test]
    fn every_catalogue_has_the_messages_and_variables_of_english() {
        assert!(
            CATALOGUE.problems.is_empty(),
            "{}",
            CATALOGUE.problems.join("\n")
        );
        let english = &CATALOGUE.variables[Lang::En.index()];
        assert!(
            english.len() > 500,
            "only {} English messages",
            english.len()
        );
        for lang in [Lang::Kk, Lang::Ru] {
            let other = &CATALOGUE.variables[lang.index()];
            for (id, vars) in english {
                match other.get(id) {
                    None => panic!("{} lacks {id}", lang.code()),
                    Some(theirs) => assert_eq!(
                        theirs,
                        vars,
                        "{} {id}: variables differ from English",
                        lang.code()
                    ),
                }
            }
            for id in other.keys() {
                assert!(
                    english.contains_key(id),
                    "{} has {id}, which English lacks",
                    lang.code()
                );
            }
        }
    }

    /// Under test, every [`Message`] rendered must give exactly the variables its English
    /// message uses: a misspelt argument would otherwise show as `{$name}`.
    pub(super) fn assert_arguments_match(message: &Message) {
        let given: BTreeSet<String> = message.args.iter().map(|(n, _)| (*n).to_owned()).collect();
        match english_variables(message.id) {
            Some(expected) => assert_eq!(
                &given, expected,
                "{}: the code passes {given:?}, the catalogue uses {expected:?}",
                message.id
            ),
            None => panic!("{} is not in the English catalogue", message.id),
        }
    }

    /// The string literals of Rust source, roughly: escapes, `'"'` and `//` comments are
    /// skipped, which a split on `"` would not (a `\"` in a literal put it out of step).
    fn string_literals(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut chars = text.chars().peekable();
        let mut literal = String::new();
        let mut inside = false;
        while let Some(c) = chars.next() {
            if inside {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => {
                        found.push(std::mem::take(&mut literal));
                        inside = false;
                    }
                    c => literal.push(c),
                }
                continue;
            }
            match c {
                '"' => inside = true,
                '\'' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '/' if chars.peek() == Some(&'/') => {
                    for c in chars.by_ref() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                _ => {}
            }
        }
        found
    }

    /// Prefixes of the messages the importers and the command line name by their Fluent
    /// id (`Message::new("import-…")`), rather than through `t`/`tf`/`tv` keys.
    const MESSAGE_PREFIXES: [&str; 3] = ["import-", "cli-", "reference-"];

    /// Literals with those prefixes that are not messages.
    const NOT_MESSAGES: [&str; 1] = [
        // The actor of a command-line import, in the audit log.
        "import-draft",
    ];

    #[test]
    fn import_and_cli_messages_are_exactly_the_ones_the_code_uses() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![root];
        let mut used = BTreeSet::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                for entry in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                    files.push(entry.path());
                }
                continue;
            }
            // This file's own tests name messages too; they must not count as uses.
            if path.ends_with("i18n.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            for literal in string_literals(&text) {
                let is_id = MESSAGE_PREFIXES.iter().any(|p| literal.starts_with(p))
                    && !literal.ends_with('-')
                    && literal
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    && !NOT_MESSAGES.contains(&literal.as_str());
                if is_id {
                    used.insert((literal.to_owned(), path.display().to_string()));
                }
            }
        }
        let english = &CATALOGUE.variables[Lang::En.index()];
        let unknown: Vec<String> = used
            .iter()
            .filter(|(id, _)| !english.contains_key(id))
            .map(|(id, file)| format!("{file}: {id} is not in locales/en"))
            .collect();
        assert!(unknown.is_empty(), "{}", unknown.join("\n"));
        let named: BTreeSet<&str> = used.iter().map(|(id, _)| id.as_str()).collect();
        // The help of subcommands and options is named from the command tree, and
        // checked against it by cli::tests.
        let unused: Vec<&String> = english
            .keys()
            .filter(|id| MESSAGE_PREFIXES.iter().any(|p| id.starts_with(p)))
            .filter(|id| !id.starts_with("cli-help-"))
            .filter(|id| !named.contains(id.as_str()))
            .collect();
        assert!(
            unused.is_empty(),
            "in the catalogue but never used by the code: {unused:?}"
        );
        assert!(
            named.len() > 100,
            "found only {} ids: is the scan broken?",
            named.len()
        );
    }

    #[test]
    fn messages_render_nested_and_without_grouping() {
        let inner = Message::new("import-number-shape").text("token", "1--2");
        let outer = Message::new("import-heading-number")
            .text("heading", "Article 1--2")
            .message("problem", inner);
        let at = Message::new("import-at-line")
            .text("file", "a.txt")
            .number("line", 12345u64)
            .message("message", outer);
        assert_eq!(
            at.to_string(),
            "a.txt:12345: in the heading `Article 1--2`: `1--2` is not a number (expected a number such as `3` or `3-1`)"
        );
        let ru = at.render(Lang::Ru);
        assert!(
            ru.starts_with("a.txt:12345: в заголовке `Article 1--2`: `1--2` не является номером"),
            "{ru}"
        );
        let kk = render(
            Lang::Kk,
            &Message::new("import-comments-bad-rows").number("count", 3u64),
        );
        assert!(
            kk.contains('3') && kk.contains("ештеңе импортталмады"),
            "{kk}"
        );
        assert_eq!(
            render(
                Lang::Ru,
                &Message::new("import-comments-bad-rows").number("count", 5u64)
            )
            .split(';')
            .next(),
            Some("5 строк с ошибками")
        );
    }

    #[test]
    fn the_scan_tells_calls_apart() {
        assert_eq!(call_before("ctx.tf("), Call::One);
        assert_eq!(call_before("i18n::tf(\n    lang,\n    "), Call::One);
        assert_eq!(call_before("ctx.t("), Call::Plain);
        assert_eq!(call_before("i18n::tv(lang, "), Call::Named);
        assert_eq!(call_before("=> "), Call::Plain);
        assert_eq!(call_before("tf(lang, \"a\", f("), Call::Plain);
    }

    #[test]
    fn russian_plurals_follow_cldr() {
        let cases = [
            (1, "1 предложение"),
            (2, "2 предложения"),
            (5, "5 предложений"),
            (11, "11 предложений"),
            (21, "21 предложение"),
            (22, "22 предложения"),
        ];
        for (n, expected) in cases {
            assert_eq!(tf(Lang::Ru, "suggestion.count", n), expected);
        }
        assert_eq!(tf(Lang::En, "suggestion.count", 1), "1 suggestion");
        assert_eq!(tf(Lang::En, "suggestion.count", 2), "2 suggestions");
    }

    #[test]
    fn numbers_are_grouped_per_language() {
        assert_eq!(
            tf(Lang::Ru, "suggestion.count", 12345),
            "12\u{a0}345 предложений"
        );
        assert_eq!(
            tf(Lang::En, "suggestion.count", 1234567),
            "1,234,567 suggestions"
        );
        assert_eq!(number(Lang::Kk, 1000), "1\u{a0}000");
        assert_eq!(number(Lang::En, 999), "999");
        assert_eq!(number(Lang::En, -1234), "-1,234");
    }

    #[test]
    fn dates_are_in_the_consultation_time_zone_with_month_names() {
        // 20:30 UTC on 1 December is already 2 December in Astana (UTC+5).
        let at = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
            .and_then(|d| d.and_hms_opt(20, 30, 0))
            .unwrap_or_default();
        assert_eq!(date(Lang::Ru, at), "2 декабря 2026 г.");
        assert_eq!(date(Lang::En, at), "2 December 2026");
        assert!(
            date(Lang::Kk, at).contains("желтоқсан"),
            "{}",
            date(Lang::Kk, at)
        );
        assert!(
            datetime(Lang::En, at).contains("01:30"),
            "{}",
            datetime(Lang::En, at)
        );
        assert!(datetime(Lang::En, at).contains("Astana time"));
        assert!(!tf(Lang::En, "consultation.version", 3).contains('\u{2068}'));
    }
}
