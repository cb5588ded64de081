//! Form helpers: per-field messages and option lists, ready for display.

use std::borrow::Borrow;

use crate::domain::{FieldError, Region, Role};
use crate::i18n::{self, Lang};

/// The messages of a form, per field, as translation keys.
#[derive(Debug, Default, Clone)]
pub struct FormErrors(Vec<(&'static str, &'static str)>);

impl FormErrors {
    pub fn add(&mut self, field: &'static str, key: &'static str) {
        self.0.push((field, key));
    }

    /// Keep the value of a parsed field, or record its error.
    pub fn check<T>(&mut self, field: &'static str, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(FieldError(key)) => {
                self.add(field, key);
                None
            }
        }
    }

    /// The messages a domain parser returned, field by field.
    pub fn from_fields(fields: Vec<(&'static str, FieldError)>) -> Self {
        Self(
            fields
                .into_iter()
                .map(|(f, FieldError(key))| (f, key))
                .collect(),
        )
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The message for `field` in `lang`, or "" when the field is fine.
    pub fn text(&self, lang: impl Borrow<Lang>, field: &str) -> &'static str {
        let lang = *lang.borrow();
        self.0
            .iter()
            .find(|(f, _)| *f == field)
            .map_or("", |(_, key)| i18n::t(lang, key))
    }

    /// The fields with errors, in order, with their messages (for the summary box).
    pub fn summary(&self, lang: impl Borrow<Lang>) -> Vec<(&'static str, &'static str)> {
        let lang = *lang.borrow();
        self.0
            .iter()
            .map(|(field, key)| (*field, i18n::t(lang, key)))
            .collect()
    }
}

/// An `<option>` of a select.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

pub fn region_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    Region::ALL
        .iter()
        .map(|code| Choice {
            value: code,
            label: i18n::region_name(lang, code),
            selected: *code == selected,
        })
        .collect()
}

pub fn role_choices(lang: Lang, selected: Role) -> Vec<Choice> {
    Role::ALL
        .iter()
        .map(|role| Choice {
            value: role.as_str(),
            label: i18n::role_name(lang, *role),
            selected: *role == selected,
        })
        .collect()
}
