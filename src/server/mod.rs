//! `opends serve`: the team server (axum on tokio). Accounts and roles, the token,
//! component and version API, the sync protocol (`push`/`pull`), webhooks, health and
//! metrics, over SQLite or PostgreSQL storage (`db`).

pub mod api;
pub mod auth;
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
    /// Token-list pages by query and revision.
    pub pages: limits::PageCache,
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
            .unwrap_or_else(|e| Err(DbError::Query(format!("worker failed: {e}"))))
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

/// Builds the router with every layer.
pub fn router(app: App) -> axum::Router {
    let mut r = api::routes()
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
pub async fn serve(listener: tokio::net::TcpListener, app: App) -> std::io::Result<()> {
    let router = router(app);
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await
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
