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
    Files(PathBuf),
}

impl Transport {
    /// From the settings: SMTP when a URL is given, else files under `outbox_dir`.
    pub fn new(smtp_url: Option<&str>, outbox_dir: PathBuf) -> anyhow::Result<Self> {
        let Some(raw) = smtp_url.map(str::trim).filter(|u| !u.is_empty()) else {
            std::fs::create_dir_all(&outbox_dir)?;
            return Ok(Self::Files(outbox_dir));
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
            Self::Files(dir) => format!("files in {}", dir.display()),
        }
    }

    /// Send one message; the error text is kept in the outbox for the operator.
    pub fn send(&self, from: &Mailbox, mail: &QueuedMail) -> Result<(), String> {
        let to: Mailbox = mail
            .to_address
            .parse()
            .map_err(|e| format!("bad recipient address: {e}"))?;
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
            .map_err(|e| format!("cannot build message: {e}"))?;
        match self {
            Self::Smtp(transport) => transport
                .send(&message)
                .map(|_| ())
                .map_err(|e| e.to_string()),
            Self::Files(dir) => {
                let path = dir.join(format!("{:06}-{}.eml", mail.id, sanitize(&mail.to_address)));
                std::fs::write(&path, message.formatted()).map_err(|e| e.to_string())?;
                let links: Vec<&str> = mail
                    .text_body
                    .split_whitespace()
                    .filter(|w| w.starts_with("http://") || w.starts_with("https://"))
                    .collect();
                tracing::info!(to = %mail.to_address, subject = %mail.subject, file = %path.display(), links = ?links, "email written to the outbox folder");
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
