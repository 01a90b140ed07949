//! `opends serve`: the team server (axum on tokio). Accounts and roles, the token,
//! component and version API, the sync protocol (`push`/`pull`), webhooks, health and
//! metrics, over SQLite or PostgreSQL storage (`db`).

pub mod api;
pub mod auth;
pub mod body;
pub mod db;
pub mod limits;
pub mod release;
pub mod repo;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use db::{DbError, Storage};

/// Which storage a server runs on.
pub enum AnyStorage {
    /// SQLite in the data directory.
    Sqlite(db::SqliteStorage),
    /// PostgreSQL.
    Postgres(db::PostgresStorage),
}

impl Storage for AnyStorage {
    fn with_conn<T>(
        &self,
        f: impl FnOnce(&mut dyn db::Conn) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        match self {
            Self::Sqlite(s) => s.with_conn(f),
            Self::Postgres(s) => s.with_conn(f),
        }
    }

    fn migrate(&self) -> Result<(), DbError> {
        match self {
            Self::Sqlite(s) => s.migrate(),
            Self::Postgres(s) => s.migrate(),
        }
    }

    fn describe(&self) -> String {
        match self {
            Self::Sqlite(s) => s.describe(),
            Self::Postgres(s) => s.describe(),
        }
    }
}

impl AnyStorage {
    /// What opening changed to keep the data private (each a warning for the operator).
    pub fn tightened(&self) -> &[String] {
        match self {
            Self::Sqlite(s) => &s.tightened,
            Self::Postgres(_) => &[],
        }
    }

    /// Opens the storage a server or `opends server ...` names, and migrates it.
    pub fn open(data: &std::path::Path, database_url: Option<&str>) -> Result<Self, DbError> {
        let s = match database_url {
            Some(url) => Self::Postgres(db::PostgresStorage::open(url)?),
            None => Self::Sqlite(db::SqliteStorage::open(data)?),
        };
        s.migrate()?;
        s.with_conn(repo::init)?;
        Ok(s)
    }
}

/// How the server is set up.
#[derive(Debug, Clone)]
pub struct Options {
    /// Request body limit in bytes (413 beyond it).
    pub body_limit: usize,
    /// Requests per second allowed per client address and per credential (0: no limit).
    pub rate_limit: u32,
    /// Origins allowed by CORS (none: CORS off).
    pub cors_origins: Vec<String>,
    /// The Figma webhook passcode.
    pub figma_passcode: Option<String>,
    /// The secret in the Penpot webhook URL.
    pub penpot_secret: Option<String>,
    /// Time a client has to send a request's headers (also the wait for the next
    /// request on a kept-alive connection).
    pub header_timeout: Duration,
    /// Time a client has to send a request's body (408 beyond it).
    pub body_timeout: Duration,
    /// Time a connection may go without data moving while no request is handled.
    pub idle_timeout: Duration,
    /// Most connections open at once (more get 503 and are closed).
    pub max_connections: u32,
}

/// Shared server state.
pub struct Inner {
    /// The storage.
    pub storage: AnyStorage,
    /// The access-token signing key.
    pub secret: Vec<u8>,
    /// Options.
    pub options: Options,
    /// When it started.
    pub started: Instant,
    /// Rate limiters.
    pub limits: limits::Limiter,
    /// Metrics.
    pub metrics: limits::Metrics,
    /// API tokens seen recently (by hash), to spare a lookup per request.
    pub token_cache: limits::TokenCache,
    /// Accounts seen recently (by id), so an access token's account is checked per
    /// request without a lookup each time.
    pub accounts: limits::AccountCache,
    /// Token-list pages by query and revision.
    pub pages: limits::PageCache,
    /// The revision, read at most every few milliseconds.
    pub revisions: limits::RevisionCache,
    /// Permits for password hashing and verification (argon2 is slow on purpose): at
    /// most this many run at once, on the blocking pool, never on the async workers.
    pub hashing: Arc<tokio::sync::Semaphore>,
}

/// The state handlers get.
pub type App = Arc<Inner>;

impl Inner {
    /// Runs `f` on a database connection off the async threads.
    pub async fn db<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut dyn db::Conn) -> Result<T, DbError> + Send + 'static,
    ) -> Result<T, DbError> {
        let me = Arc::clone(self);
        tokio::task::spawn_blocking(move || me.storage.with_conn(f))
            .await
            .unwrap_or_else(|e| Err(DbError::Query(format!("worker failed: {e}").into())))
    }
}

impl Inner {
    /// The design system's revision: from memory when read within
    /// [`limits::RevisionCache::MAX_AGE`] and not written since by this process,
    /// otherwise from the database.
    pub async fn revision(self: &Arc<Self>) -> Result<i64, DbError> {
        match self.revisions.fresh() {
            limits::Cached::Fresh(r) => Ok(r),
            limits::Cached::Read(ticket) => {
                let r = self.db(repo::revision).await?;
                self.revisions.store(&ticket, r);
                Ok(r)
            }
        }
    }
}

/// How many password checks run at once: one per core, at most 8.
pub fn hashing_permits() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 8))
}

impl Inner {
    /// Runs password hashing or verification `f` on the blocking pool, at most
    /// [`hashing_permits`] at once (others wait without holding a thread).
    pub async fn hashing<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, DbError> {
        let permit = Arc::clone(&self.hashing)
            .acquire_owned()
            .await
            .map_err(|e| DbError::Query(format!("hashing pool closed: {e}").into()))?;
        tokio::task::spawn_blocking(move || {
            let out = f();
            drop(permit);
            out
        })
        .await
        .map_err(|e| DbError::Query(format!("worker failed: {e}").into()))
    }
}

tokio::task_local! {
    /// The current request's id (for error bodies and logs).
    pub static REQUEST_ID: String;
    /// Who the current request is from, once known (for the access log).
    pub static CALLER: std::sync::Mutex<Option<String>>;
}

fn request_id(headers: &HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
        .map_or_else(|| repo::random_hex(8), str::to_string)
}

/// Every request: id, rate limit by client address, security headers, metrics and one
/// JSON log line (never a credential).
async fn around(State(app): State<App>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let id = request_id(req.headers());
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let method = req.method().to_string();
    let ip = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip().to_string())
        .unwrap_or_default();
    let caller = std::sync::Mutex::new(None);
    let limited = app
        .limits
        .check(&format!("ip:{ip}"), app.options.rate_limit);
    let mut resp = CALLER
        .scope(
            caller,
            REQUEST_ID.scope(id.clone(), async {
                let resp = match limited {
                    Err(retry) => api::ApiError::rate_limited(retry).into_response(),
                    Ok(()) => next.run(req).await,
                };
                let user = CALLER.with(|c| c.lock().ok().and_then(|c| c.clone()));
                (resp, user)
            }),
        )
        .await;
    let (ref mut response, user) = resp;
    let h = response.headers_mut();
    for (k, v) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "no-referrer"),
        (
            "content-security-policy",
            "default-src 'none'; frame-ancestors 'none'",
        ),
        ("cache-control", "no-store"),
    ] {
        h.insert(HeaderName::from_static(k), HeaderValue::from_static(v));
    }
    if let Ok(v) = HeaderValue::from_str(&id) {
        h.insert(HeaderName::from_static("x-request-id"), v);
    }
    let status = response.status().as_u16();
    let elapsed = start.elapsed();
    app.metrics.observe(&route, status, elapsed);
    tracing::info!(
        request_id = %id,
        method = %method,
        route = %route,
        status,
        latency_ms = elapsed.as_secs_f64() * 1000.0,
        user = user.as_deref().unwrap_or("-"),
        "request"
    );
    resp.0
}

/// Reads the whole request body within `--body-timeout` (408 and the connection closed
/// otherwise) and `--body-limit` (413), before any handler runs: a client sending its body
/// slowly holds nothing longer than that.
async fn read_body(State(app): State<App>, req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let limit = app.options.body_limit;
    let timeout = app.options.body_timeout;
    match tokio::time::timeout(timeout, axum::body::to_bytes(body, limit)).await {
        Ok(Ok(bytes)) => {
            next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
                .await
        }
        Ok(Err(e)) => {
            let too_large = std::error::Error::source(&e)
                .is_some_and(<dyn std::error::Error>::is::<http_body_util::LengthLimitError>);
            let mut resp = if too_large {
                api::ApiError::new(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "payload_too_large",
                    format!(
                        "the request body is larger than the server accepts ({limit} bytes; --body-limit)"
                    ),
                )
                .into_response()
            } else {
                api::ApiError::new(
                    StatusCode::BAD_REQUEST,
                    "bad_request",
                    format!("could not read the request body: {e}"),
                )
                .into_response()
            };
            close(&mut resp);
            resp
        }
        Err(_) => {
            let mut resp = api::ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                "request_timeout",
                format!(
                    "the request body did not arrive within {} s (--body-timeout)",
                    timeout.as_secs()
                ),
            )
            .into_response();
            close(&mut resp);
            resp
        }
    }
}

/// Asks for the connection to be closed after this response (its body was not read).
fn close(resp: &mut Response) {
    resp.headers_mut().insert(
        axum::http::header::CONNECTION,
        HeaderValue::from_static("close"),
    );
}

/// Builds the router with every layer.
pub fn router(app: App) -> axum::Router {
    let mut r = api::routes()
        .layer(axum::middleware::from_fn(body::gate))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            read_body,
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            around,
        ))
        .layer(axum::extract::DefaultBodyLimit::max(app.options.body_limit));
    if !app.options.cors_origins.is_empty() {
        let origins: Vec<HeaderValue> = app
            .options
            .cors_origins
            .iter()
            .filter_map(|o| HeaderValue::from_str(o).ok())
            .collect();
        r = r.layer(
            tower_http::cors::CorsLayer::new()
                .allow_origin(origins)
                .allow_methods([
                    axum::http::Method::GET,
                    axum::http::Method::POST,
                    axum::http::Method::PATCH,
                    axum::http::Method::DELETE,
                ])
                .allow_headers([
                    axum::http::header::AUTHORIZATION,
                    axum::http::header::CONTENT_TYPE,
                    HeaderName::from_static("x-request-id"),
                ])
                .expose_headers([
                    HeaderName::from_static("x-request-id"),
                    axum::http::header::RETRY_AFTER,
                ])
                .max_age(Duration::from_secs(600)),
        );
    }
    r.with_state(app)
}

/// Logs as JSON lines on stderr (`RUST_LOG`-free: info and above).
pub fn init_logging() {
    let _ = tracing_subscriber::fmt()
        .json()
        .with_writer(std::io::stderr)
        .with_current_span(false)
        .with_target(false)
        .with_max_level(tracing::Level::INFO)
        .try_init();
}

/// Serves until SIGINT or SIGTERM, then lets in-flight requests finish.
///
/// Its own accept loop rather than `axum::serve`, for what that lacks: at most
/// `max_connections` connections (one more gets 503 and is closed), hyper's header-read
/// timeout, and an idle timeout (no data moving while no request is being handled).
pub async fn serve(listener: tokio::net::TcpListener, app: App) -> std::io::Result<()> {
    let router = router(Arc::clone(&app));
    let max = app.options.max_connections.max(1);
    let permits = Arc::new(tokio::sync::Semaphore::new(max as usize));
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let stop = shutdown();
    tokio::pin!(stop);
    loop {
        let (stream, peer) = tokio::select! {
            () = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little, go on.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Ok(permit) = Arc::clone(&permits).try_acquire_owned() else {
            app.metrics.connection_refused();
            tokio::spawn(conn::refuse(stream, max));
            continue;
        };
        let _ = stream.set_nodelay(true);
        tokio::spawn(conn::serve(
            stream,
            peer,
            router.clone(),
            Arc::clone(&app),
            stop_rx.clone(),
            permit,
        ));
    }
    drop(listener);
    let _ = stop_tx.send(true);
    // Every connection holds a permit until it is done.
    let _ = permits.acquire_many(max).await;
    Ok(())
}

mod conn {
    use std::net::SocketAddr;
    use std::pin::Pin;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
    use std::task::{Context, Poll};
    use std::time::{Duration, Instant};

    use axum::extract::ConnectInfo;
    use hyper_util::rt::{TokioIo, TokioTimer};
    use tokio::io::{AsyncRead, AsyncReadExt as _, AsyncWrite, AsyncWriteExt as _, ReadBuf};
    use tokio::net::TcpStream;
    use tower_service::Service as _;

    use super::App;

    /// When data last moved on a connection, and how many requests are being handled.
    struct Activity {
        start: Instant,
        last_ms: AtomicU64,
        in_flight: AtomicUsize,
    }

    impl Activity {
        fn touch(&self) {
            let ms = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
            self.last_ms.store(ms, Ordering::Relaxed);
        }

        fn idle_for(&self) -> Duration {
            let now = self.start.elapsed();
            now.saturating_sub(Duration::from_millis(self.last_ms.load(Ordering::Relaxed)))
        }
    }

    /// Counts a request as in flight while it lives.
    struct InFlight(Arc<Activity>);

    impl InFlight {
        fn new(a: &Arc<Activity>) -> Self {
            a.in_flight.fetch_add(1, Ordering::Relaxed);
            Self(Arc::clone(a))
        }
    }

    impl Drop for InFlight {
        fn drop(&mut self) {
            self.0.in_flight.fetch_sub(1, Ordering::Relaxed);
            self.0.touch();
        }
    }

    /// A TCP stream that notes when bytes move.
    struct Tracked {
        inner: TcpStream,
        activity: Arc<Activity>,
    }

    impl AsyncRead for Tracked {
        fn poll_read(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
            buf: &mut ReadBuf<'_>,
        ) -> Poll<std::io::Result<()>> {
            let before = buf.filled().len();
            let r = Pin::new(&mut self.inner).poll_read(cx, buf);
            if buf.filled().len() > before {
                self.activity.touch();
            }
            r
        }
    }

    impl AsyncWrite for Tracked {
        fn poll_write(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
            buf: &[u8],
        ) -> Poll<std::io::Result<usize>> {
            let r = Pin::new(&mut self.inner).poll_write(cx, buf);
            if matches!(r, Poll::Ready(Ok(n)) if n > 0) {
                self.activity.touch();
            }
            r
        }

        fn poll_write_vectored(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
            bufs: &[std::io::IoSlice<'_>],
        ) -> Poll<std::io::Result<usize>> {
            let r = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
            if matches!(r, Poll::Ready(Ok(n)) if n > 0) {
                self.activity.touch();
            }
            r
        }

        fn is_write_vectored(&self) -> bool {
            self.inner.is_write_vectored()
        }

        fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
            Pin::new(&mut self.inner).poll_flush(cx)
        }

        fn poll_shutdown(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
        ) -> Poll<std::io::Result<()>> {
            Pin::new(&mut self.inner).poll_shutdown(cx)
        }
    }

    /// Serves one connection until it ends, times out, or the server stops.
    pub(super) async fn serve(
        stream: TcpStream,
        peer: SocketAddr,
        router: axum::Router,
        app: App,
        mut stop: tokio::sync::watch::Receiver<bool>,
        _permit: tokio::sync::OwnedSemaphorePermit,
    ) {
        let activity = Arc::new(Activity {
            start: Instant::now(),
            last_ms: AtomicU64::new(0),
            in_flight: AtomicUsize::new(0),
        });
        let io = TokioIo::new(Tracked {
            inner: stream,
            activity: Arc::clone(&activity),
        });
        let act = Arc::clone(&activity);
        let service =
            hyper::service::service_fn(move |mut req: hyper::Request<hyper::body::Incoming>| {
                req.extensions_mut().insert(ConnectInfo(peer));
                let guard = InFlight::new(&act);
                let mut router = router.clone();
                async move {
                    let resp = router.call(req).await;
                    drop(guard);
                    resp
                }
            });
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(app.options.header_timeout)
            .keep_alive(true);
        let conn = builder.serve_connection(io, service);
        tokio::pin!(conn);
        let idle = app.options.idle_timeout;
        let mut tick = tokio::time::interval((idle / 4).max(Duration::from_millis(100)));
        let mut stopping = false;
        loop {
            tokio::select! {
                done = conn.as_mut() => {
                    if let Err(e) = done {
                        tracing::debug!(error = %e, %peer, "connection closed");
                    }
                    break;
                }
                _ = stop.changed(), if !stopping => {
                    stopping = true;
                    conn.as_mut().graceful_shutdown();
                }
                _ = tick.tick() => {
                    if activity.in_flight.load(Ordering::Relaxed) == 0 && activity.idle_for() >= idle {
                        tracing::debug!(%peer, "idle connection closed");
                        break;
                    }
                }
            }
        }
    }

    /// Answers a connection beyond the limit with 503 and closes it.
    pub(super) async fn refuse(mut stream: TcpStream, max: u32) {
        let body = format!(
            "{{\"error\":{{\"code\":\"unavailable\",\"message\":\"the server has {max} connections open, its limit (--max-connections); retry shortly\",\"requestId\":\"\"}}}}"
        );
        let resp = format!(
            "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\nretry-after: 1\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        // Write, then read what the client sent until it closes (so it gets the answer
        // rather than a reset), for one second at most.
        let _ = tokio::time::timeout(Duration::from_secs(1), async {
            stream.write_all(resp.as_bytes()).await?;
            stream.shutdown().await?;
            let mut sink = [0u8; 1024];
            while stream.read(&mut sink).await? > 0 {}
            Ok::<_, std::io::Error>(())
        })
        .await;
    }
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}

/// A status code's reason, for logs.
pub fn reason(status: StatusCode) -> &'static str {
    status.canonical_reason().unwrap_or("")
}
