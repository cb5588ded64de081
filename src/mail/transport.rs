//! Delivering one message: over SMTP, or as a file in the outbox folder.
//!
//! `KENES_SMTP_URL` forms (README, "Email"):
//! * `smtps://user:pass@host:465` — TLS from the first byte (implicit TLS);
//! * `smtp+starttls://user:pass@host:587` — plain connection upgraded with STARTTLS,
//!   refused if the server cannot upgrade;
//! * `smtp://host:25` — no encryption, for a relay on the same host or network.

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::{header::ContentType, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{Message, SmtpTransport, Transport as _};

use crate::models::outbox::QueuedMail;

pub enum Transport {
    Smtp(Box<SmtpTransport>),
    Files(PathBuf, LogLinks),
}

/// Whether the file transport writes each message's links to the log (`kenes demo`).
pub type LogLinks = bool;

/// Why a message was not sent, and whether trying again could help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SendError {
    pub permanent: bool,
    pub message: String,
}

impl SendError {
    fn permanent(message: String) -> Self {
        Self {
            permanent: true,
            message,
        }
    }
}

impl std::fmt::Display for SendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl Transport {
    /// From the settings: SMTP when a URL is given, else files under `outbox_dir`.
    pub fn new(
        smtp_url: Option<&str>,
        outbox_dir: PathBuf,
        log_links: LogLinks,
    ) -> anyhow::Result<Self> {
        let Some(raw) = smtp_url.map(str::trim).filter(|u| !u.is_empty()) else {
            std::fs::create_dir_all(&outbox_dir)?;
            return Ok(Self::Files(outbox_dir, log_links));
        };
        let url = url::Url::parse(raw)
            .map_err(|e| anyhow::anyhow!("KENES_SMTP_URL is not a URL: {e}"))?;
        let host = url
            .host_str()
            .ok_or_else(|| anyhow::anyhow!("KENES_SMTP_URL has no host"))?
            .to_owned();
        let builder = match url.scheme() {
            "smtps" => SmtpTransport::relay(&host)?.port(url.port().unwrap_or(465)),
            "smtp+starttls" => {
                SmtpTransport::starttls_relay(&host)?.port(url.port().unwrap_or(587))
            }
            "smtp" => SmtpTransport::builder_dangerous(&host).port(url.port().unwrap_or(25)),
            other => {
                anyhow::bail!("KENES_SMTP_URL scheme `{other}` is not smtp, smtp+starttls or smtps")
            }
        };
        let builder = builder.timeout(Some(Duration::from_secs(20)));
        let builder = if url.username().is_empty() {
            builder
        } else {
            let decode = |s: &str| percent_decode(s);
            builder.credentials(Credentials::new(
                decode(url.username()),
                decode(url.password().unwrap_or("")),
            ))
        };
        Ok(Self::Smtp(Box::new(builder.build())))
    }

    pub fn describe(&self) -> String {
        match self {
            Self::Smtp(_) => "SMTP".to_owned(),
            Self::Files(dir, _) => format!("files in {}", dir.display()),
        }
    }

    /// Send one message; the error text is kept in the outbox for the operator.
    pub fn send(&self, from: &Mailbox, mail: &QueuedMail) -> Result<(), SendError> {
        let to: Mailbox = mail
            .to_address
            .parse()
            .map_err(|e| SendError::permanent(format!("bad recipient address: {e}")))?;
        let message = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(mail.subject.clone())
            .multipart(
                MultiPart::alternative()
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_PLAIN)
                            .body(mail.text_body.clone()),
                    )
                    .singlepart(
                        SinglePart::builder()
                            .header(ContentType::TEXT_HTML)
                            .body(mail.html_body.clone()),
                    ),
            )
            .map_err(|e| SendError::permanent(format!("cannot build message: {e}")))?;
        match self {
            Self::Smtp(transport) => transport.send(&message).map(|_| ()).map_err(|e| {
                // A 5xx answer (no such mailbox, refused) will not change by retrying;
                // anything else (a 4xx, a timeout, a refused connection) may.
                SendError {
                    permanent: e.is_permanent(),
                    message: e.to_string(),
                }
            }),
            Self::Files(dir, log_links) => {
                let path = dir.join(format!("{:06}-{}.eml", mail.id, sanitize(&mail.to_address)));
                std::fs::write(&path, message.formatted()).map_err(|e| SendError {
                    permanent: false,
                    message: e.to_string(),
                })?;
                let links: Vec<&str> = mail
                    .text_body
                    .split_whitespace()
                    .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
                    .collect();
                // The links (confirmation, reset) are secrets: only the demo, where the
                // person reading the log is the one who registered, writes them out.
                if *log_links {
                    tracing::info!(to = %mail.to_address, subject = %mail.subject, file = %path.display(), links = ?links, "email written to the outbox folder");
                } else {
                    tracing::info!(subject = %mail.subject, file = %path.display(), "email written to the outbox folder");
                }
                Ok(())
            }
        }
    }
}

fn sanitize(address: &str) -> String {
    address
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '@' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    url::form_urlencoded::parse(format!("x={s}").as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Captured(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if let Ok(mut all) = self.0.lock() {
                all.extend_from_slice(buf);
            }
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// What the log says when one message with a secret link is written to a file.
    fn log_of_one_message(log_links: bool) -> String {
        let dir = std::env::temp_dir().join(format!("kenes-outbox-{}", uuid::Uuid::new_v4()));
        let transport = Transport::new(None, dir.clone(), log_links).unwrap();
        let captured = Captured::default();
        let writer = captured.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(move || writer.clone())
            .finish();
        let mail = QueuedMail {
            id: 1,
            to_address: "aigerim@example.kz".into(),
            subject: "Confirm".into(),
            text_body: "Follow http://kenes.test/confirm?token=SECRET to confirm.".into(),
            html_body: "<p>Follow the link.</p>".into(),
            attempts: 0,
        };
        let from: Mailbox = "Kenes <no-reply@kenes.test>".parse().unwrap();
        tracing::subscriber::with_default(subscriber, || transport.send(&from, &mail)).unwrap();
        let _ = std::fs::remove_dir_all(dir);
        let bytes = captured.0.lock().unwrap().clone();
        String::from_utf8(bytes).unwrap()
    }

    #[test]
    fn links_reach_the_log_only_when_asked_for_by_the_demo() {
        let served = log_of_one_message(false);
        assert!(served.contains("email written to the outbox folder"));
        assert!(!served.contains("SECRET"), "{served}");
        assert!(log_of_one_message(true).contains("SECRET"));
        assert!(!crate::config::Settings::with_defaults().log_mail_links);
    }
}
