//! Limits that keep slow or many clients from taking the server down: a deadline for
//! each request's body, and a connection cap below the file-descriptor limit.
//!
//! actix-web bounds the time to send a request's headers (`client_request_timeout`,
//! `KENES_HEADER_TIMEOUT_SECS`) but not its body: a client that sent its headers and
//! then a byte now and then held its connection, a descriptor and a task forever;
//! 24,000 of them exhausted the descriptors and no reader could connect. The body
//! must now arrive within `KENES_BODY_TIMEOUT_SECS` of its headers, or the request is
//! answered 408 and its connection closed ([`body_deadline`]); and the server accepts
//! at most [`max_connections`] at once, fewer than it has descriptors for, so that
//! accepting pauses instead of failing (the kernel's backlog holds the rest).

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};
use std::time::Duration;

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::middleware::Next;
use actix_web::web::{self, Bytes};
use actix_web::HttpMessage;
use futures_util::Stream;

/// The time a request's body may take, held as app data for [`body_deadline`].
#[derive(Debug, Clone, Copy)]
pub struct BodyDeadline(pub Duration);

/// Middleware: the request's body must be complete within [`BodyDeadline`]; past it,
/// reading the body fails (whoever reads it: the CSRF check, an extractor), and the
/// answer is 408 with the connection closed, whatever the reader made of the error.
pub async fn body_deadline(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let deadline = req
        .app_data::<web::Data<BodyDeadline>>()
        .map(|d| d.0)
        .unwrap_or(Duration::from_secs(15));
    let expired = Rc::new(Cell::new(false));
    let payload = req.take_payload();
    let limited = DeadlinePayload {
        inner: payload,
        expires: Box::pin(tokio::time::sleep(deadline)),
        expired: expired.clone(),
        done: false,
    };
    req.set_payload(Payload::Stream {
        payload: Box::pin(limited),
    });
    let outcome = next.call(req).await;
    if expired.get() {
        // An error whose response is the 408: the request itself cannot be kept
        // aside to build one (the router needs it unshared).
        return Err(actix_web::error::InternalError::from_response(
            "the request body did not arrive in time",
            body_timeout_response(),
        )
        .into());
    }
    outcome
}

struct DeadlinePayload {
    inner: Payload,
    expires: Pin<Box<tokio::time::Sleep>>,
    expired: Rc<Cell<bool>>,
    done: bool,
}

impl Stream for DeadlinePayload {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        if self.done {
            return Poll::Ready(None);
        }
        match Pin::new(&mut self.inner).poll_next(cx) {
            Poll::Ready(None) => {
                self.done = true;
                Poll::Ready(None)
            }
            Poll::Ready(Some(chunk)) => Poll::Ready(Some(chunk)),
            Poll::Pending => match self.expires.as_mut().poll(cx) {
                Poll::Ready(()) => {
                    self.done = true;
                    self.expired.set(true);
                    metrics::counter!("kenes_http_body_timeouts_total").increment(1);
                    Poll::Ready(Some(Err(PayloadError::Io(std::io::Error::new(
                        std::io::ErrorKind::TimedOut,
                        "the request body did not arrive in time",
                    )))))
                }
                Poll::Pending => Poll::Pending,
            },
        }
    }
}

/// The answer to a body that came too slowly: 408, and the connection closed.
pub fn body_timeout_response() -> actix_web::HttpResponse {
    actix_web::HttpResponse::RequestTimeout()
        .insert_header((actix_web::http::header::CONNECTION, "close"))
        .content_type("text/plain; charset=utf-8")
        .body("The request took too long to arrive.")
}

/// Descriptors kept for everything but client connections: the database pool and
/// batch threads, log and data files, SMTP, the listeners.
const RESERVED_DESCRIPTORS: usize = 256;

/// The connections to accept at once, all workers together: `configured`, or the
/// soft file-descriptor limit less a reserve (a quarter of it on small limits).
pub fn max_connections(configured: Option<usize>) -> usize {
    if let Some(n) = configured {
        return n.max(1);
    }
    let limit = open_files_limit().unwrap_or(1024);
    let reserve = RESERVED_DESCRIPTORS.min(limit / 4);
    limit.saturating_sub(reserve).max(16)
}

/// The soft limit on open files, from `/proc/self/limits` (Linux); `None` elsewhere.
pub fn open_files_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    let soft = line
        .trim_start_matches("Max open files")
        .split_whitespace()
        .next()?;
    if soft == "unlimited" {
        return Some(1 << 20);
    }
    soft.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_connection_cap_stays_below_the_descriptor_limit() {
        assert_eq!(max_connections(Some(100)), 100);
        if let Some(limit) = open_files_limit() {
            let cap = max_connections(None);
            assert!(cap < limit && cap >= limit / 2, "{cap} of {limit}");
        }
    }
}
