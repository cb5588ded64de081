//! A small SMTP receiver for tests: accepts every message over plain SMTP on a random
//! port and keeps it, so a test can read the email a real server sent. Recipients
//! named `bounce-…` are refused for good (550), `busy-…` for now (451).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

#[derive(Debug, Clone)]
pub struct ReceivedMail {
    pub to: Vec<String>,
    pub raw: String,
}

impl ReceivedMail {
    /// The Subject header, unfolded and with its RFC 2047 encoded words decoded (a
    /// Kazakh or Russian subject travels as `=?utf-8?b?…?=`).
    pub fn subject(&self) -> String {
        let mut lines = self.raw.lines().skip_while(|l| !l.starts_with("Subject: "));
        let Some(first) = lines.next() else {
            return String::new();
        };
        let mut header = first["Subject: ".len()..].to_owned();
        for more in lines.take_while(|l| l.starts_with([' ', '\t'])) {
            header.push_str(more);
        }
        decode_words(&header)
    }

    /// The decoded text/plain part.
    pub fn text(&self) -> String {
        part(&self.raw, "text/plain")
    }

    /// The decoded text/html part.
    pub fn html(&self) -> String {
        part(&self.raw, "text/html")
    }

    /// The first link in the text part that starts with `prefix` (e.g. the public URL).
    pub fn link(&self, path_prefix: &str) -> Option<String> {
        self.text()
            .split_whitespace()
            .find(|w| w.starts_with("http") && w.contains(path_prefix))
            .map(str::to_owned)
    }
}

fn part(raw: &str, content_type: &str) -> String {
    let raw = raw.replace("\r\n", "\n");
    let Some(start) = raw.find(&format!("Content-Type: {content_type}")) else {
        return String::new();
    };
    let section = &raw[start..];
    let Some(body_start) = section.find("\n\n") else {
        return String::new();
    };
    let headers = &section[..body_start];
    let body = &section[body_start + 2..];
    let body = body.split("\n--").next().unwrap_or_default();
    if headers.contains("quoted-printable") {
        decode_quoted_printable(body)
    } else if headers.contains("base64") {
        let compact: String = body.split_whitespace().collect();
        String::from_utf8(
            base64::engine::general_purpose::STANDARD
                .decode(compact)
                .unwrap_or_default(),
        )
        .unwrap_or_default()
    } else {
        body.to_owned()
    }
}

/// Decode RFC 2047 encoded words (`=?charset?B?…?=`, `=?charset?Q?…?=`); the
/// whitespace between two encoded words goes, as the RFC says.
fn decode_words(header: &str) -> String {
    let mut out = String::new();
    let mut last_encoded = false;
    for (i, token) in header.split_whitespace().enumerate() {
        let decoded = token
            .strip_prefix("=?")
            .and_then(|t| t.strip_suffix("?="))
            .and_then(|t| {
                let mut parts = t.splitn(3, '?');
                let (_charset, encoding, text) = (parts.next()?, parts.next()?, parts.next()?);
                let bytes = match encoding {
                    "B" | "b" => base64::engine::general_purpose::STANDARD
                        .decode(text)
                        .ok()?,
                    "Q" | "q" => decode_quoted_printable(&text.replace('_', " ")).into_bytes(),
                    _ => return None,
                };
                String::from_utf8(bytes).ok()
            });
        if i > 0 && !(last_encoded && decoded.is_some()) {
            out.push(' ');
        }
        last_encoded = decoded.is_some();
        out.push_str(decoded.as_deref().unwrap_or(token));
    }
    out
}

fn decode_quoted_printable(body: &str) -> String {
    let joined = body.replace("=\n", "");
    let bytes = joined.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() + 1 {
            if let Some(hex) = joined.get(i + 1..i + 3) {
                if let Ok(value) = u8::from_str_radix(hex, 16) {
                    out.push(value);
                    i += 3;
                    continue;
                }
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[derive(Clone)]
pub struct MailCatcher {
    pub port: u16,
    mails: Arc<Mutex<Vec<ReceivedMail>>>,
}

impl MailCatcher {
    pub async fn start() -> Self {
        Self::start_on(0).await
    }

    /// On a given port (0: any free one).
    pub async fn start_on(port: u16) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .expect("bind smtp");
        let port = listener.local_addr().expect("addr").port();
        let mails = Arc::new(Mutex::new(Vec::new()));
        let store = mails.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 localhost test SMTP\r\n").await;
                    let mut to = Vec::new();
                    while let Ok(Some(line)) = lines.next_line().await {
                        let upper = line.to_ascii_uppercase();
                        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO")
                        {
                            b"250 localhost\r\n"
                        } else if upper.starts_with("RCPT TO:") {
                            let address = line[8..].trim().trim_matches(['<', '>']).to_owned();
                            if address.starts_with("bounce-") {
                                b"550 5.1.1 No such mailbox\r\n"
                            } else if address.starts_with("busy-") {
                                b"451 4.3.0 Try again later\r\n"
                            } else {
                                to.push(address);
                                b"250 OK\r\n"
                            }
                        } else if upper.starts_with("DATA") {
                            let _ = write.write_all(b"354 go ahead\r\n").await;
                            let mut raw = String::new();
                            while let Ok(Some(data)) = lines.next_line().await {
                                if data == "." {
                                    break;
                                }
                                raw.push_str(
                                    data.strip_prefix('.')
                                        .filter(|_| data.starts_with(".."))
                                        .unwrap_or(&data),
                                );
                                raw.push_str("\r\n");
                            }
                            if let Ok(mut all) = store.lock() {
                                all.push(ReceivedMail {
                                    to: std::mem::take(&mut to),
                                    raw,
                                });
                            }
                            b"250 OK queued\r\n"
                        } else if upper.starts_with("QUIT") {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            break;
                        } else {
                            b"250 OK\r\n"
                        };
                        if write.write_all(reply).await.is_err() {
                            break;
                        }
                    }
                });
            }
        });
        Self { port, mails }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// All messages to `to` so far.
    pub fn messages_to(&self, to: &str) -> Vec<ReceivedMail> {
        self.mails
            .lock()
            .map(|all| {
                all.iter()
                    .filter(|m| m.to.iter().any(|t| t == to))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Wait (up to 15 s) for a message whose text part contains `needle`.
    pub async fn messages_to_any_eventually(&self, needle: &str) -> ReceivedMail {
        for _ in 0..300 {
            let found = self
                .mails
                .lock()
                .ok()
                .and_then(|all| all.iter().find(|m| m.text().contains(needle)).cloned());
            if let Some(mail) = found {
                return mail;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("no message containing {needle} arrived");
    }

    /// Wait (up to 15 s) for the `n`-th message (1-based) to `to`.
    pub async fn wait_for(&self, to: &str, n: usize) -> ReceivedMail {
        self.wait_for_within(to, n, Duration::from_secs(15)).await
    }

    pub async fn wait_for_within(&self, to: &str, n: usize, limit: Duration) -> ReceivedMail {
        let rounds = limit.as_millis() / 50;
        for _ in 0..rounds {
            let found = self.messages_to(to);
            if found.len() >= n {
                return found[n - 1].clone();
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "no message {n} to {to} arrived; got {}",
            self.messages_to(to).len()
        );
    }
}
