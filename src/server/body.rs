//! Admission of JSON request bodies before they are parsed.
//!
//! The body limit bounds the bytes of a request, not what parsing them builds: a valid
//! 10 MiB body of small array elements (`[0,0,0,...]`) becomes millions of
//! `serde_json::Value`s, about a gigabyte, and a few such pushes at once would take the
//! server down. So every JSON body is scanned first (one pass over the bytes, nothing
//! allocated) and refused with 413 when it holds more than [`MAX_VALUES`] values, and
//! bodies larger than [`LARGE_BODY`] are parsed [`LARGE_AT_ONCE`] at a time: beyond
//! that the server answers 503 with `Retry-After` instead of queueing the memory.

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tokio::sync::{Semaphore, SemaphorePermit};

/// Most JSON values (array elements, object members, nested values) one request body
/// may hold. A real push of a 10 MiB body holds a few hundred thousand.
pub const MAX_VALUES: usize = 1_000_000;

/// Bodies above this many bytes are large: only [`LARGE_AT_ONCE`] are parsed at once.
pub const LARGE_BODY: usize = 1024 * 1024;

/// How many large bodies are parsed at the same time.
pub const LARGE_AT_ONCE: usize = 2;

/// Seconds a client is asked to wait when the large-body slots are taken.
pub const RETRY_AFTER: u64 = 1;

static LARGE: Semaphore = Semaphore::const_new(LARGE_AT_ONCE);

/// Why a body is not parsed: the status, a stable code and a message for the JSON error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// 413 (too many values) or 503 (too many large bodies at once).
    pub status: StatusCode,
    /// `too_many_values` or `busy`.
    pub code: &'static str,
    /// What happened and what to do.
    pub message: String,
    /// `Retry-After` in seconds, for 503.
    pub retry_after: Option<u64>,
}

/// A permit to parse a body; a large body holds one of the [`LARGE_AT_ONCE`] slots
/// until it is dropped (after parsing and handling).
#[derive(Debug)]
pub struct Admitted {
    _permit: Option<SemaphorePermit<'static>>,
}

/// Checks a JSON body before it is parsed: at most [`MAX_VALUES`] values, and a free
/// slot when it is large.
pub fn admit(bytes: &[u8]) -> Result<Admitted, Refused> {
    if count_values(bytes, MAX_VALUES).is_none() {
        return Err(Refused {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: "too_many_values",
            message: format!(
                "the request body holds more than {MAX_VALUES} JSON values; send the changes in smaller pushes"
            ),
            retry_after: None,
        });
    }
    if bytes.len() <= LARGE_BODY {
        return Ok(Admitted { _permit: None });
    }
    match LARGE.try_acquire() {
        Ok(permit) => Ok(Admitted {
            _permit: Some(permit),
        }),
        Err(_) => Err(Refused {
            status: StatusCode::SERVICE_UNAVAILABLE,
            code: "busy",
            message: format!(
                "{LARGE_AT_ONCE} large request bodies are being handled; retry in {RETRY_AFTER} s"
            ),
            retry_after: Some(RETRY_AFTER),
        }),
    }
}

/// Middleware (inside the one that reads the body within the body limit): admits the
/// request's body with [`admit`] and holds the permit while the handler parses and
/// applies it; a refusal is a JSON error like every other.
pub async fn gate(req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    // The body is in memory already (read within `--body-limit`): this only takes it.
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return refused(&Refused {
            status: StatusCode::BAD_REQUEST,
            code: "bad_request",
            message: "the request body could not be read".into(),
            retry_after: None,
        });
    };
    if bytes.is_empty() {
        return next
            .run(Request::from_parts(parts, axum::body::Body::from(bytes)))
            .await;
    }
    match admit(&bytes) {
        Ok(admitted) => {
            let resp = next
                .run(Request::from_parts(parts, axum::body::Body::from(bytes)))
                .await;
            drop(admitted);
            resp
        }
        Err(r) => {
            tracing::warn!(code = r.code, bytes = bytes.len(), "request body refused");
            refused(&r)
        }
    }
}

fn refused(r: &Refused) -> Response {
    let request_id = super::REQUEST_ID.try_with(Clone::clone).unwrap_or_default();
    let body = serde_json::json!({"error": {
        "code": r.code,
        "message": r.message,
        "requestId": request_id,
    }});
    let mut resp = (r.status, axum::Json(body)).into_response();
    if let Some(s) = r.retry_after {
        resp.headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(s));
    }
    resp
}

/// The number of JSON values `bytes` would parse into (counted from its structure:
/// every `[`, `{`, `,` and `:` outside strings, plus one), or `None` once it passes
/// `max`. Malformed JSON is counted the same way; the parser reports it afterwards.
pub fn count_values(bytes: &[u8], max: usize) -> Option<usize> {
    let mut count: usize = 1;
    let mut in_string = false;
    let mut escaped = false;
    for &b in bytes {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' | b',' | b':' => {
                count += 1;
                if count > max {
                    return None;
                }
            }
            _ => {}
        }
    }
    Some(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_counted_outside_strings_only() {
        assert_eq!(count_values(br#"{"a": [1, 2, 3]}"#, 100), Some(6));
        assert_eq!(count_values(br#"{"a": "[,:{\"]"}"#, 100), Some(3));
        assert_eq!(count_values(b"[0,0,0,0]", 3), None);
    }

    #[test]
    fn a_flat_array_of_millions_is_refused() {
        let mut body = String::from("{\"layout\": {\"groups\": [0");
        body.push_str(&",0".repeat(MAX_VALUES));
        body.push_str("]}}");
        let err = admit(body.as_bytes()).unwrap_err();
        assert_eq!(err.status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(admit(br#"{"base_revision": 1}"#).is_ok());
    }

    #[test]
    fn large_bodies_take_a_slot_each() {
        let body = format!("{{\"x\": \"{}\"}}", "a".repeat(LARGE_BODY));
        let held: Vec<Admitted> = (0..LARGE_AT_ONCE)
            .map(|_| admit(body.as_bytes()).expect("a free slot"))
            .collect();
        let err = admit(body.as_bytes()).unwrap_err();
        assert_eq!(err.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(err.retry_after, Some(RETRY_AFTER));
        assert!(admit(b"{}").is_ok(), "small bodies need no slot");
        drop(held);
        assert!(admit(body.as_bytes()).is_ok());
    }
}
