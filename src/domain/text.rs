//! Rules every free-text field shares: no invisible control characters.
//!
//! A NUL byte breaks PostgreSQL's text type (the request would fail) and other control
//! characters are invisible, so they could hide text from a moderator or a reader.
//! They are refused with a message on the field, never stripped silently: the person
//! sees what was wrong and keeps the rest of what they typed. Line breaks and tabs are
//! allowed in multi-line fields only.

use super::account::FieldError;

/// The message shown next to a field holding control characters.
pub const CONTROL_CHARACTERS: FieldError = FieldError("form.text.control");

/// Whether `c` is a control character that `multiline` text may not hold.
fn refused(c: char, multiline: bool) -> bool {
    c.is_control() && !(multiline && (c == '\n' || c == '\t'))
}

/// `Err` when `text` holds a control character (tab and line feed allowed when
/// `multiline`; a carriage return only as part of CRLF, which browsers send).
pub fn check(text: &str, multiline: bool) -> Result<(), FieldError> {
    let without_crlf = text.replace("\r\n", "\n");
    if without_crlf.chars().any(|c| refused(c, multiline)) {
        Err(CONTROL_CHARACTERS)
    } else {
        Ok(())
    }
}

/// Remove control characters from text that is only looked up, never stored (a search
/// box): nothing to show back, and a lookup must not fail on them.
pub fn strip(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// `%XX` escapes decoded to bytes (anything malformed is kept as it is).
pub fn percent_decode(input: &[u8]) -> Vec<u8> {
    let hex = |b: u8| {
        char::from(b)
            .to_digit(16)
            .and_then(|d| u8::try_from(d).ok())
    };
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let escaped = match (input[i], input.get(i + 1), input.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) => hex(h).zip(hex(l)).map(|(h, l)| h * 16 + l),
            _ => None,
        };
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(input[i]);
                i += 1;
            }
        }
    }
    out
}

/// Whether every name and value of an `application/x-www-form-urlencoded` body is
/// UTF-8 once decoded. Form parsers would otherwise replace bad bytes with U+FFFD and
/// store text the person never typed.
pub fn form_is_utf8(body: &[u8]) -> bool {
    body.split(|b| *b == b'&').all(|pair| {
        let plain: Vec<u8> = pair
            .iter()
            .map(|b| if *b == b'+' { b' ' } else { *b })
            .collect();
        std::str::from_utf8(&percent_decode(&plain)).is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_except_line_breaks_in_multiline_text() {
        assert!(check("plain text, ә і ң", false).is_ok());
        assert!(check("two\r\nlines\tand a tab", true).is_ok());
        assert_eq!(check("two\nlines", false), Err(CONTROL_CHARACTERS));
        assert_eq!(check("nul\0byte", true), Err(CONTROL_CHARACTERS));
        assert_eq!(check("bell\u{7}", true), Err(CONTROL_CHARACTERS));
        assert_eq!(check("lone\rreturn", true), Err(CONTROL_CHARACTERS));
        assert_eq!(check("c1\u{85}", true), Err(CONTROL_CHARACTERS));
        assert_eq!(strip("a\0b\u{1b}c"), "abc");
    }

    #[test]
    fn forms_must_decode_to_utf8() {
        assert!(form_is_utf8(b"a=1&body=%D2%9B%D0%B0%D0%B7+%C3%A4&x="));
        assert!(form_is_utf8(b"odd=%zz%"));
        assert!(!form_is_utf8(b"body=%FF%FE"));
        assert!(!form_is_utf8(b"body=\xff"));
        assert!(!form_is_utf8(b"%C3=x"));
        assert_eq!(percent_decode(b"%41%2f%"), b"A/%");
    }
}
