//! The HTTP API (`/api/v1`, docs/api.md): handlers, the caller extractor that enforces
//! the roles table, and JSON errors `{"error": {"code", "message", "requestId"}}`.

// Handlers return `ApiError` by value; its size does not matter next to a request.
#![allow(clippy::result_large_err)]

use std::sync::Arc;

use axum::Router;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::auth::{self, Action};
use super::repo::{self, Actor, ApplyError, Changes, Role};
use super::{App, CALLER, REQUEST_ID};
use crate::server::db::DbError;
use crate::sync::protocol::{Conflicts, ErrorBody, ErrorEnvelope, ProblemItem};

mod accounts;
mod audit;
mod components;
mod health;
mod login;
mod sync;
mod tokens;
mod versions;
mod webhooks;

/// An API error.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: ErrorBody,
    retry_after: Option<u64>,
}

impl ApiError {
    /// An error with a status, a stable code and a message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            body: ErrorBody::new(code, message),
            retry_after: None,
        }
    }

    fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, "bad_request", message)
    }

    fn not_found(what: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, "not_found", what)
    }

    fn unauthorized(message: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    /// 429 with `Retry-After`.
    pub fn rate_limited(retry_after: u64) -> Self {
        Self {
            retry_after: Some(retry_after),
            ..Self::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                format!("too many requests; retry in {retry_after} s"),
            )
        }
    }
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Unavailable(m) => {
                tracing::error!(error = %m, "database unavailable");
                Self::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    "the database is unavailable; try again later",
                )
            }
            DbError::Conflict(m) => {
                tracing::info!(error = %m, "conflict");
                Self::new(StatusCode::CONFLICT, "conflict", "that already exists")
            }
            DbError::Query(m) => {
                tracing::error!(error = %m, "database error");
                Self::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "internal error; the request id is in the server log",
                )
            }
        }
    }
}

impl From<ApplyError> for ApiError {
    fn from(e: ApplyError) -> Self {
        match e {
            ApplyError::Db(d) => d.into(),
            ApplyError::Stale {
                base,
                current,
                conflicts,
            } => {
                let mut e = Self::new(
                    StatusCode::CONFLICT,
                    "stale_base",
                    format!(
                        "the changes were made from revision {base} but the server is at {current}: pull, then push again"
                    ),
                );
                e.body.conflicts = Some(Conflicts {
                    base,
                    current,
                    items: conflicts,
                });
                e
            }
            ApplyError::Invalid(problems) => {
                let mut e = Self::new(
                    StatusCode::BAD_REQUEST,
                    "invalid_content",
                    format!(
                        "refused: {} problem{} that `opends` would refuse too; nothing was written",
                        problems.len(),
                        if problems.len() == 1 { "" } else { "s" }
                    ),
                );
                e.body.problems = Some(problems.into_iter().map(ProblemItem::Problem).collect());
                e
            }
            ApplyError::BadRequest(m) => Self::bad_request(m),
            ApplyError::VersionConflict(m) => {
                Self::new(StatusCode::CONFLICT, "version_conflict", m)
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut error = self.body;
        error.request_id = REQUEST_ID.try_with(Clone::clone).unwrap_or_default();
        let mut resp = (self.status, axum::Json(ErrorEnvelope { error })).into_response();
        if let Some(s) = self.retry_after {
            if let Ok(v) = HeaderValue::from_str(&s.to_string()) {
                resp.headers_mut().insert(header::RETRY_AFTER, v);
            }
        }
        resp
    }
}

type ApiResult<T> = Result<T, ApiError>;

/// A JSON body whose rejections are API errors (400 syntax, 415 type, 413 size, 422 shape).
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(v)) => Ok(Self(v)),
            Err(JsonRejection::JsonSyntaxError(e)) => Err(ApiError::bad_request(format!(
                "malformed JSON: {}",
                e.body_text()
            ))),
            Err(JsonRejection::JsonDataError(e)) => Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                e.body_text(),
            )),
            Err(JsonRejection::MissingJsonContentType(_)) => Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send JSON with `Content-Type: application/json`",
            )),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(too_large()),
            Err(e) => Err(ApiError::bad_request(e.body_text())),
        }
    }
}

/// Query parameters whose rejections are JSON API errors (400), like every other error.
pub struct Q<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(v)) => Ok(Self(v)),
            Err(e) => Err(ApiError::bad_request(e.body_text())),
        }
    }
}

/// A path parameter whose rejections are JSON API errors (400).
pub struct P<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for P<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(v)) => Ok(Self(v)),
            Err(e) => Err(ApiError::bad_request(e.body_text())),
        }
    }
}

/// The largest page a listing returns (`limit`); larger asks are refused, not clamped.
pub const MAX_PAGE: i64 = 1000;

/// `limit` checked against 1..=[`MAX_PAGE`] (400 outside it), `default` when absent.
fn page_limit(limit: Option<i64>, default: i64) -> ApiResult<i64> {
    match limit {
        None => Ok(default),
        Some(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::bad_request(format!(
            "`limit` must be 1 to {MAX_PAGE}, not {n}; page with `after`/`before` for more"
        ))),
    }
}

/// Deserializes a field that may be absent but, when present, must not be `null`.
fn non_null<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(d).map(Some)
}

fn too_large() -> ApiError {
    ApiError::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        "the request body is larger than the server accepts",
    )
}

/// The authenticated caller.
#[derive(Debug, Clone)]
pub struct Caller {
    /// `user:EMAIL` or `token:ID`.
    pub name: String,
    /// Its role.
    pub role: Role,
    /// The user's id, for a logged-in user.
    pub user_id: Option<String>,
}

impl Caller {
    /// Refuses with 403 unless the role may do `action`.
    pub fn require(&self, action: Action) -> ApiResult<()> {
        if auth::allowed(self.role, action) {
            Ok(())
        } else {
            Err(ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                format!("the {} role may not do this", self.role.as_str()),
            ))
        }
    }

    fn actor(&self) -> Actor {
        Actor {
            name: self.name.clone(),
            request_id: REQUEST_ID.try_with(Clone::clone).ok(),
        }
    }
}

impl FromRequestParts<App> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or_else(|| {
                ApiError::unauthorized("log in first: send `Authorization: Bearer TOKEN`")
            })?
            .to_string();
        let caller = if token.starts_with(auth::ACCESS_PREFIX) {
            let c = auth::verify(&app.secret, &token, repo::now_secs()).ok_or_else(|| {
                ApiError::unauthorized("the access token is invalid or expired; refresh it")
            })?;
            // The account decides, not the token: a deleted or disabled account's tokens
            // stop working, and a role change applies at once.
            let user = if let Some(u) = app.accounts.get(&c.sub) {
                Some(u)
            } else {
                let id = c.sub.clone();
                app.db(move |conn| repo::user_by_id(conn, &id)).await?
            };
            let user = user.filter(|u| !u.disabled).ok_or_else(|| {
                ApiError::unauthorized(
                    "the account of this access token is deleted or disabled; log in again",
                )
            })?;
            app.accounts.put(user.id.clone(), user.clone());
            Caller {
                name: format!("user:{}", user.email),
                role: user.role,
                user_id: Some(user.id),
            }
        } else if token.starts_with(repo::API_TOKEN_PREFIX) {
            let hash = repo::sha256_hex(&token);
            let mut found = app.token_cache.get(&hash);
            if found.is_none() {
                let t = token.clone();
                found = app.db(move |c| repo::api_token(c, &t)).await?;
                if let Some(f) = &found {
                    app.token_cache.put(hash, f.clone());
                }
            }
            let t = found
                .ok_or_else(|| ApiError::unauthorized("the API token is invalid or revoked"))?;
            Caller {
                name: format!("token:{}", t.id),
                role: t.role,
                user_id: None,
            }
        } else {
            return Err(ApiError::unauthorized("unrecognised credential"));
        };
        if let Err(retry) = app.limits.check(&caller.name, app.options.rate_limit) {
            return Err(ApiError::rate_limited(retry));
        }
        let _ = CALLER.try_with(|c| {
            if let Ok(mut c) = c.lock() {
                *c = Some(caller.name.clone());
            }
        });
        Ok(caller)
    }
}

/// Every route.
pub fn routes() -> Router<App> {
    Router::new()
        .route("/health", get(health::health))
        .route("/metrics", get(health::metrics))
        .route("/api/v1/openapi.json", get(health::openapi))
        .route("/api/v1/auth/login", post(login::login))
        .route("/api/v1/auth/refresh", post(login::refresh))
        .route("/api/v1/auth/logout", post(login::logout))
        .route("/api/v1/auth/me", get(login::me))
        .route("/api/v1/tokens", get(tokens::list_tokens))
        .route(
            "/api/v1/tokens/{path}",
            get(tokens::get_token)
                .patch(tokens::patch_token)
                .delete(tokens::delete_token),
        )
        .route("/api/v1/components", get(components::list_components))
        .route(
            "/api/v1/components/{name}",
            get(components::get_component).delete(components::delete_component),
        )
        .route(
            "/api/v1/components/{name}/approve",
            post(components::approve),
        )
        .route(
            "/api/v1/components/{name}/deprecate",
            post(components::deprecate),
        )
        .route(
            "/api/v1/versions",
            get(versions::list_versions).post(versions::create_version),
        )
        .route(
            "/api/v1/versions/{version}",
            get(versions::get_version)
                .put(versions::put_version)
                .delete(versions::delete_version),
        )
        .route("/api/v1/sync", get(sync::pull))
        .route("/api/v1/sync/push", post(sync::push))
        .route("/api/v1/sync/events", get(sync::sync_events))
        .route(
            "/api/v1/users",
            get(accounts::list_users).post(accounts::add_user),
        )
        .route(
            "/api/v1/users/{id}",
            axum::routing::delete(accounts::delete_user),
        )
        .route(
            "/api/v1/api-tokens",
            get(accounts::list_api_tokens).post(accounts::create_api_token),
        )
        .route(
            "/api/v1/api-tokens/{id}",
            axum::routing::delete(accounts::revoke_api_token),
        )
        .route("/api/v1/audit", get(audit::audit_log))
        .route("/webhooks/figma", post(webhooks::figma_webhook))
        .route("/webhooks/penpot/{secret}", post(webhooks::penpot_webhook))
        .fallback(|| async { ApiError::not_found("no such endpoint; see /api/v1/openapi.json") })
}

fn entry_json(key_name: &str, key: &str, entry: &str) -> Value {
    let mut v: Value = serde_json::from_str(entry).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert(key_name.to_string(), Value::String(key.to_string()));
    }
    v
}

async fn apply(
    app: &App,
    caller: &Caller,
    changes: Changes,
    trigger: &'static str,
) -> ApiResult<repo::Applied> {
    let actor = caller.actor();
    let result = app
        .db_apply(move |c| repo::apply(c, &actor, &changes))
        .await;
    let status = match &result {
        Ok(_) => "ok",
        Err(ApplyError::Stale { .. }) => "conflict",
        Err(_) => "rejected",
    };
    app.metrics.event(trigger, status);
    Ok(result?)
}

impl crate::server::Inner {
    /// Runs a write that can fail in more ways than storage can.
    async fn db_apply<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut dyn crate::server::db::Conn) -> Result<T, ApplyError> + Send + 'static,
    ) -> Result<T, ApplyError> {
        use crate::server::db::Storage as _;
        let me = Arc::clone(self);
        let written = Arc::clone(self);
        let result = tokio::task::spawn_blocking(move || {
            let mut out = None;
            let r = me.storage.with_conn(|c| {
                out = Some(f(c));
                Ok(())
            });
            match (r, out) {
                (Err(e), _) => Err(ApplyError::Db(e)),
                (Ok(()), Some(v)) => v,
                (Ok(()), None) => Err(ApplyError::Db(DbError::Query("no result".into()))),
            }
        })
        .await
        .unwrap_or_else(|e| {
            Err(ApplyError::Db(DbError::Query(
                format!("worker failed: {e}").into(),
            )))
        });
        written.revisions.written();
        result
    }
}

/// Deletes a token or component (one change, audited like any other).
async fn delete_entry(
    app: &App,
    caller: &Caller,
    kind: &'static str,
    key: String,
) -> ApiResult<Response> {
    let k = key.clone();
    let found = app
        .db(move |c| {
            if kind == "token" {
                repo::get_token(c, &k)
            } else {
                repo::get_component(c, &k)
            }
        })
        .await?;
    if found.is_none() {
        return Err(ApiError::not_found(format!("no {kind} `{key}`")));
    }
    let changes = if kind == "token" {
        Changes {
            tokens: vec![(key, None)],
            ..Changes::default()
        }
    } else {
        Changes {
            components: vec![(key, None)],
            ..Changes::default()
        }
    };
    let applied = apply(app, caller, changes, "api").await?;
    Ok(axum::Json(json!({"revision": applied.revision})).into_response())
}

#[derive(Deserialize)]
struct LimitQuery {
    limit: Option<i64>,
    before: Option<i64>,
}

/// 204 when something was removed, else 404 with `missing`.
fn removed(gone: bool, missing: String) -> ApiResult<StatusCode> {
    if gone {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found(missing))
    }
}
