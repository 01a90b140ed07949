//! The HTTP client design sources share: timeouts, a user agent, retries with
//! exponential backoff and jitter on connection errors and 5xx, `Retry-After` on 429,
//! and statuses turned into typed errors. Secrets never appear in errors.

use std::time::Duration;

use reqwest::StatusCode;
use reqwest::blocking::{Client, RequestBuilder, Response};

/// Attempts before giving up on a retryable failure.
const ATTEMPTS: u32 = 4;
/// Longest `Retry-After` honoured (a server asking for more is an error).
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// What went wrong talking to a design tool.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HttpError {
    /// The credentials were refused.
    #[error("{provider} refused the access token (HTTP {status})")]
    Unauthorized {
        /// figma or penpot.
        provider: &'static str,
        /// 401 or 403.
        status: u16,
        /// What the API said (no secrets).
        message: String,
    },
    /// The file (or endpoint) does not exist.
    #[error("{provider} answered 404 Not Found for {what}")]
    NotFound {
        /// figma or penpot.
        provider: &'static str,
        /// What was asked for.
        what: String,
    },
    /// Too many requests, even after waiting.
    #[error("{provider} is rate-limiting requests (HTTP 429){}", retry_after.map(|s| format!("; it asks to wait {s} s")).unwrap_or_default())]
    RateLimited {
        /// figma or penpot.
        provider: &'static str,
        /// The last `Retry-After`, in seconds.
        retry_after: Option<u64>,
    },
    /// Any other unexpected status.
    #[error("{provider} answered HTTP {status} for {what}: {message}")]
    Status {
        /// figma or penpot.
        provider: &'static str,
        /// The status.
        status: u16,
        /// What was asked for.
        what: String,
        /// The start of the body.
        message: String,
    },
    /// No connection, a timeout, TLS...
    #[error("could not reach {provider} at {url}: {message}")]
    Transport {
        /// figma or penpot.
        provider: &'static str,
        /// The URL (no query string).
        url: String,
        /// What failed.
        message: String,
    },
    /// The body was not the JSON expected.
    #[error("{provider} sent a response opends cannot read for {what}: {message}")]
    Malformed {
        /// figma or penpot.
        provider: &'static str,
        /// What was asked for.
        what: String,
        /// The parse error.
        message: String,
    },
}

/// A client for one provider.
pub struct Http {
    client: Client,
    provider: &'static str,
}

impl Http {
    /// A client with connect/request timeouts and the opends user agent.
    pub fn new(provider: &'static str) -> Result<Self, HttpError> {
        Self::with_timeout(provider, Duration::from_secs(60))
    }

    /// The client for `provider`; `OPENDS_HTTP_TIMEOUT_MS` overrides the 60 s timeout.
    pub fn for_provider(provider: crate::sources::Provider) -> Result<Self, HttpError> {
        let timeout = std::env::var(crate::env_vars::EnvVars::HTTP_TIMEOUT_MS)
            .ok()
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map_or(Duration::from_secs(60), Duration::from_millis);
        Self::with_timeout(provider.as_str(), timeout)
    }

    /// A client whose requests time out after `timeout`.
    pub fn with_timeout(provider: &'static str, timeout: Duration) -> Result<Self, HttpError> {
        let client = Client::builder()
            .connect_timeout(Duration::from_secs(10).min(timeout))
            .timeout(timeout)
            .user_agent(concat!("opends/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| HttpError::Transport {
                provider,
                url: String::new(),
                message: e.to_string(),
            })?;
        Ok(Self { client, provider })
    }

    /// The underlying client, for building requests.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Sends a request (rebuilt by `make` for each attempt) with retries, and returns the
    /// body as JSON. `what` names the request in errors.
    pub fn json(
        &self,
        what: &str,
        make: impl Fn(&Client) -> RequestBuilder,
    ) -> Result<serde_json::Value, HttpError> {
        let response = self.send(what, &make)?;
        let text = response.text().map_err(|e| HttpError::Malformed {
            provider: self.provider,
            what: what.to_string(),
            message: e.to_string(),
        })?;
        serde_json::from_str(&text).map_err(|e| HttpError::Malformed {
            provider: self.provider,
            what: what.to_string(),
            message: e.to_string(),
        })
    }

    fn send(
        &self,
        what: &str,
        make: &impl Fn(&Client) -> RequestBuilder,
    ) -> Result<Response, HttpError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let request = make(&self.client);
            let result = request.send();
            let retry_in = match result {
                Err(e) => {
                    let url = e
                        .url()
                        .map(|u| format!("{}{}", u.origin().ascii_serialization(), u.path()))
                        .unwrap_or_default();
                    if attempt >= ATTEMPTS {
                        return Err(HttpError::Transport {
                            provider: self.provider,
                            url,
                            message: without_url(&e),
                        });
                    }
                    backoff(attempt)
                }
                Ok(resp) => {
                    let status = resp.status();
                    if status.is_success() {
                        return Ok(resp);
                    }
                    if status == StatusCode::TOO_MANY_REQUESTS {
                        let after = resp
                            .headers()
                            .get(reqwest::header::RETRY_AFTER)
                            .and_then(|v| v.to_str().ok())
                            .and_then(|v| v.trim().parse::<u64>().ok());
                        let wait = after.map_or_else(|| backoff(attempt), Duration::from_secs);
                        if attempt >= ATTEMPTS || wait > MAX_RETRY_AFTER {
                            return Err(HttpError::RateLimited {
                                provider: self.provider,
                                retry_after: after,
                            });
                        }
                        wait
                    } else if status.is_server_error() && attempt < ATTEMPTS {
                        backoff(attempt)
                    } else {
                        return Err(self.status_error(what, resp));
                    }
                }
            };
            std::thread::sleep(retry_in);
        }
    }

    /// Sends a request (rebuilt by `make` for each attempt) and returns its status and
    /// body whatever the status, for APIs whose error bodies say what went wrong. Only an
    /// `idempotent` request is retried (connection errors, 5xx, and 429 within its
    /// `Retry-After`); any other is sent once.
    pub fn exchange(
        &self,
        idempotent: bool,
        make: impl Fn(&Client) -> RequestBuilder,
    ) -> Result<Reply, HttpError> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let last = !idempotent || attempt >= ATTEMPTS;
            let retry_in = match make(&self.client).send() {
                Err(e) => {
                    if last {
                        return Err(HttpError::Transport {
                            provider: self.provider,
                            url: e
                                .url()
                                .map(|u| {
                                    format!("{}{}", u.origin().ascii_serialization(), u.path())
                                })
                                .unwrap_or_default(),
                            message: without_url(&e),
                        });
                    }
                    backoff(attempt)
                }
                Ok(resp) => {
                    let status = resp.status();
                    let after = retry_after(&resp);
                    let wait = if status == StatusCode::TOO_MANY_REQUESTS {
                        after
                            .map_or_else(|| backoff(attempt), Duration::from_secs)
                            .min(MAX_RETRY_AFTER + Duration::from_secs(1))
                    } else {
                        backoff(attempt)
                    };
                    let retryable = status.is_server_error()
                        || (status == StatusCode::TOO_MANY_REQUESTS && wait <= MAX_RETRY_AFTER);
                    if last || !retryable {
                        let body = resp.text().map_err(|e| HttpError::Transport {
                            provider: self.provider,
                            url: String::new(),
                            message: without_url(&e),
                        })?;
                        return Ok(Reply {
                            status: status.as_u16(),
                            retry_after: after,
                            body,
                        });
                    }
                    wait
                }
            };
            std::thread::sleep(retry_in);
        }
    }

    fn status_error(&self, what: &str, resp: Response) -> HttpError {
        let status = resp.status();
        let body = resp.text().unwrap_or_default();
        let message = api_message(&body);
        match status {
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => HttpError::Unauthorized {
                provider: self.provider,
                status: status.as_u16(),
                message,
            },
            StatusCode::NOT_FOUND => HttpError::NotFound {
                provider: self.provider,
                what: what.to_string(),
            },
            _ => HttpError::Status {
                provider: self.provider,
                status: status.as_u16(),
                what: what.to_string(),
                message,
            },
        }
    }
}

/// A response of any status ([`Http::exchange`]).
#[derive(Debug, Clone)]
pub struct Reply {
    /// The status code.
    pub status: u16,
    /// `Retry-After` in seconds, when sent.
    pub retry_after: Option<u64>,
    /// The body.
    pub body: String,
}

impl Reply {
    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

fn retry_after(resp: &Response) -> Option<u64> {
    resp.headers()
        .get(reqwest::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
}

/// The error message in a JSON error body (`err`, `message`, `hint`), else its start.
fn api_message(body: &str) -> String {
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(body) {
        for key in ["err", "message", "hint", "code"] {
            if let Some(s) = v.get(key).and_then(|m| m.as_str()) {
                return s.chars().take(300).collect();
            }
        }
    }
    body.chars().take(200).collect()
}

/// The error and its causes in one line (reqwest puts the URL in, never a header).
fn without_url(e: &reqwest::Error) -> String {
    let mut msg = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    msg
}

/// 200 ms, 400 ms, 800 ms, ... with up to 50% jitter.
fn backoff(attempt: u32) -> Duration {
    let base = 200u64 << (attempt - 1).min(6);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::from(d.subsec_nanos()));
    Duration::from_millis(base + nanos % (base / 2 + 1))
}

#[cfg(test)]
mod tests {
    use std::io::{Read as _, Write as _};
    use std::net::TcpListener;

    use super::*;

    /// A server answering each connection with the next of `statuses`; returns its URL
    /// and the thread, which yields how many requests it saw.
    fn serve(statuses: &'static [u16]) -> (String, std::thread::JoinHandle<usize>) {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let url = format!("http://{}", listener.local_addr().expect("addr"));
        let handle = std::thread::spawn(move || {
            let mut seen = 0;
            for status in statuses {
                let Ok((mut conn, _)) = listener.accept() else {
                    break;
                };
                let mut buf = [0u8; 4096];
                let _ = conn.read(&mut buf);
                seen += 1;
                let body = format!("{{\"status\":{status}}}");
                let _ = write!(
                    conn,
                    "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\nretry-after: 0\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}",
                    body.len()
                );
            }
            seen
        });
        (url, handle)
    }

    #[test]
    fn an_idempotent_request_is_retried_and_any_status_is_returned() {
        let (url, server) = serve(&[503, 429, 409]);
        let http = Http::with_timeout("test", Duration::from_secs(5)).expect("client");
        let reply = http.exchange(true, |c| c.get(&url)).expect("reply");
        assert_eq!(
            (reply.status, reply.body.as_str()),
            (409, "{\"status\":409}")
        );
        assert!(!reply.is_success());
        assert_eq!(server.join().expect("server"), 3);
    }

    #[test]
    fn another_request_is_sent_once() {
        let (url, server) = serve(&[503]);
        let http = Http::with_timeout("test", Duration::from_secs(5)).expect("client");
        let reply = http.exchange(false, |c| c.post(&url)).expect("reply");
        assert_eq!(reply.status, 503);
        assert_eq!(server.join().expect("server"), 1);
    }
}
