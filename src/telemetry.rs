//! Logging: one `tracing` subscriber for the process. Each HTTP request gets a span
//! with a request id (tracing-actix-web), so every line a request logs carries it.

use tracing_subscriber::{fmt, EnvFilter};

use crate::config::LogFormat;

/// Install the global subscriber; a second call (tests start many apps) is a no-op.
pub fn init(filter: &str, format: LogFormat) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Json => builder.json().try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

/// How long the same error is kept out of the log after it was written once.
pub const REPEAT_INTERVAL: std::time::Duration = std::time::Duration::from_secs(10);

/// Whether to log this occurrence of a repeated error now: `Some(n)` once per
/// [`REPEAT_INTERVAL`] for each distinct (`what`, `error`), where `n` is how many
/// identical ones were left out since the last line. During an outage the same
/// failure happens thousands of times a second (3,250 ERROR lines a second were
/// measured); one line per interval with a count says the same.
pub fn limited(what: &str, error: &str) -> Option<u64> {
    use std::collections::HashMap;
    use std::sync::Mutex;
    use std::time::Instant;

    static SEEN: Mutex<Option<HashMap<String, (Instant, u64)>>> = Mutex::new(None);
    let mut seen = SEEN.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let seen = seen.get_or_insert_with(HashMap::new);
    // Distinct errors are few; should they not be (texts with ever-new details), the
    // table starts again rather than grow.
    if seen.len() > 1000 {
        seen.clear();
    }
    let key = format!("{what}\u{1f}{error}");
    let now = Instant::now();
    match seen.get_mut(&key) {
        Some((last, left_out)) if now.duration_since(*last) < REPEAT_INTERVAL => {
            *left_out += 1;
            None
        }
        Some((last, left_out)) => {
            let repeated = *left_out;
            *last = now;
            *left_out = 0;
            Some(repeated)
        }
        None => {
            seen.insert(key, (now, 0));
            Some(0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_error_is_logged_once_per_interval() {
        let what = "test-limited";
        let error = format!("refused {}", uuid::Uuid::new_v4());
        assert_eq!(limited(what, &error), Some(0));
        for _ in 0..100 {
            assert_eq!(limited(what, &error), None);
        }
        assert_eq!(limited(what, "another error"), Some(0));
    }
}
