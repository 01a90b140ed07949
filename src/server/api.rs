//! The HTTP API (`/api/v1`, docs/api.md): handlers, the caller extractor that enforces
//! the roles table, and JSON errors `{"error": {"code", "message", "requestId"}}`.

// Handlers return `ApiError` by value; its size does not matter next to a request.
#![allow(clippy::result_large_err)]

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::JsonRejection;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use super::auth::{self, Action, Claims};
use super::db::DbError;
use super::repo::{self, Actor, ApplyError, Changes, Role};
use super::{App, CALLER, REQUEST_ID};

/// An API error.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    retry_after: Option<u64>,
    extra: Option<(&'static str, Value)>,
}

impl ApiError {
    /// An error with a status, a stable code and a message.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            retry_after: None,
            extra: None,
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
            } => Self {
                extra: Some((
                    "conflicts",
                    json!({"base": base, "current": current, "items": conflicts}),
                )),
                ..Self::new(
                    StatusCode::CONFLICT,
                    "stale_base",
                    format!(
                        "the changes were made from revision {base} but the server is at {current}: pull, then push again"
                    ),
                )
            },
            ApplyError::Invalid(problems) => Self {
                extra: Some(("problems", json!(problems))),
                ..Self::new(
                    StatusCode::BAD_REQUEST,
                    "invalid_content",
                    format!(
                        "refused: {} problem{} that `opends` would refuse too; nothing was written",
                        problems.len(),
                        if problems.len() == 1 { "" } else { "s" }
                    ),
                )
            },
            ApplyError::BadRequest(m) => Self::bad_request(m),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let request_id = REQUEST_ID.try_with(Clone::clone).unwrap_or_default();
        let mut err = json!({"code": self.code, "message": self.message, "requestId": request_id});
        if let Some((k, v)) = self.extra {
            err[k] = v;
        }
        let mut resp = (self.status, axum::Json(json!({"error": err}))).into_response();
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
        .route("/health", get(health))
        .route("/metrics", get(metrics))
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/auth/login", post(login))
        .route("/api/v1/auth/refresh", post(refresh))
        .route("/api/v1/auth/logout", post(logout))
        .route("/api/v1/auth/me", get(me))
        .route("/api/v1/tokens", get(list_tokens))
        .route(
            "/api/v1/tokens/{path}",
            get(get_token).patch(patch_token).delete(delete_token),
        )
        .route("/api/v1/components", get(list_components))
        .route(
            "/api/v1/components/{name}",
            get(get_component).delete(delete_component),
        )
        .route("/api/v1/components/{name}/approve", post(approve))
        .route("/api/v1/components/{name}/deprecate", post(deprecate))
        .route("/api/v1/versions", get(list_versions).post(create_version))
        .route(
            "/api/v1/versions/{version}",
            get(get_version).delete(delete_version),
        )
        .route("/api/v1/sync", get(pull))
        .route("/api/v1/sync/push", post(push))
        .route("/api/v1/sync/events", get(sync_events))
        .route("/api/v1/users", get(list_users).post(add_user))
        .route("/api/v1/users/{id}", axum::routing::delete(delete_user))
        .route(
            "/api/v1/api-tokens",
            get(list_api_tokens).post(create_api_token),
        )
        .route(
            "/api/v1/api-tokens/{id}",
            axum::routing::delete(revoke_api_token),
        )
        .route("/api/v1/audit", get(audit_log))
        .route("/webhooks/figma", post(figma_webhook))
        .route("/webhooks/penpot/{secret}", post(penpot_webhook))
        .fallback(|| async { ApiError::not_found("no such endpoint; see /api/v1/openapi.json") })
}

async fn health(State(app): State<App>) -> Response {
    let db = app.db(|c| repo::revision(c)).await;
    let ok = db.is_ok();
    let body = json!({
        "status": if ok { "ok" } else { "degraded" },
        "version": env!("CARGO_PKG_VERSION"),
        "uptime_secs": app.started.elapsed().as_secs(),
        "database": if ok { "reachable" } else { "unreachable" },
        "revision": db.ok(),
    });
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, axum::Json(body)).into_response()
}

async fn metrics(State(app): State<App>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        app.metrics.render(app.started.elapsed()),
    )
        .into_response()
}

async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("../../docs/openapi.json"),
    )
        .into_response()
}

// ---------------------------------------------------------------- auth

#[derive(Deserialize)]
struct LoginBody {
    email: String,
    password: String,
}

fn issue(app: &App, user: &repo::User) -> (String, i64) {
    let claims = Claims::access(&user.id, &user.email, user.role, repo::now_secs());
    (auth::sign(&app.secret, &claims), claims.exp)
}

async fn new_session(app: &App, user: repo::User, family: String) -> ApiResult<Response> {
    let (access, _) = issue(app, &user);
    let refresh = format!("odsr_{}", repo::random_hex(32));
    let (r, uid) = (refresh.clone(), user.id.clone());
    let expires = repo::now_secs() + auth::REFRESH_TTL_SECS;
    app.db(move |c| repo::store_refresh(c, &r, &uid, &family, expires))
        .await?;
    Ok(axum::Json(json!({
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": auth::ACCESS_TTL_SECS,
        "refresh_token": refresh,
        "refresh_expires_in": auth::REFRESH_TTL_SECS,
        "user": user,
    }))
    .into_response())
}

async fn login(
    State(app): State<App>,
    ConnectInfo(addr): ConnectInfo<std::net::SocketAddr>,
    Body(body): Body<LoginBody>,
) -> ApiResult<Response> {
    let email = auth::normalize_email(&body.email)
        .map_err(|why| ApiError::bad_request(format!("`email`: {why}")))?;
    let keys = vec![format!("acct:{email}"), format!("ip:{}", addr.ip())];
    let now = repo::now_secs();
    let since = now - auth::LOGIN_WINDOW_SECS;
    // The attempt is counted before the password is checked, atomically (see
    // `reserve_login_attempt`): concurrent logins cannot all pass the check.
    let ks = keys.clone();
    let (attempt, attempts) = app
        .db(move |c| repo::reserve_login_attempt(c, &ks, now, since))
        .await?;
    if attempts > auth::LOGIN_FAILURES {
        let a = attempt.clone();
        app.db(move |c| repo::forget_login_attempt(c, &a)).await?;
        tracing::warn!(account = %email, "login throttled");
        #[allow(clippy::cast_sign_loss)]
        return Err(ApiError {
            code: "login_throttled",
            message: "too many failed logins; try again later".into(),
            ..ApiError::rate_limited(auth::LOGIN_WINDOW_SECS as u64)
        });
    }
    let e = email.clone();
    let user = app.db(move |c| repo::user_by_email(c, &e)).await?;
    // Verify against a dummy hash when the account is unknown, so timing tells nothing.
    // Argon2 runs on the bounded hashing pool, never on the async workers.
    let password = body.password;
    let (ok, user) = app
        .hashing(move || {
            let ok = if let Some(u) = &user {
                u.check_password(&password) && !u.disabled
            } else {
                auth::verify_password(DUMMY_HASH, &password);
                false
            };
            (ok, user)
        })
        .await?;
    let Some(user) = user.filter(|_| ok) else {
        // The attempt's rows stay: they are the failure record.
        tracing::warn!(account = %email, "login failed");
        return Err(ApiError::unauthorized("wrong e-mail or password"));
    };
    let k = keys[0].clone();
    app.db(move |c| repo::login_succeeded(c, &k, &attempt))
        .await?;
    new_session(&app, user, repo::random_hex(16)).await
}

const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$5xIoWDRlzJ1c7mJCe5kJdxlOVUtXbYIaq6KOXcA1ZzA";

#[derive(Deserialize)]
struct RefreshBody {
    refresh_token: String,
}

async fn refresh(State(app): State<App>, Body(body): Body<RefreshBody>) -> ApiResult<Response> {
    let t = body.refresh_token;
    let found = app
        .db(move |c| repo::use_refresh(c, &t, repo::now_secs()))
        .await?;
    match found {
        repo::Refresh::Valid(user, family) => new_session(&app, user, family).await,
        repo::Refresh::Reused => {
            tracing::warn!("a used refresh token was presented again: its session is revoked");
            Err(ApiError::unauthorized(
                "this refresh token was already used; the session is revoked, log in again",
            ))
        }
        repo::Refresh::Invalid => Err(ApiError::unauthorized(
            "the refresh token is invalid, expired or revoked; log in again",
        )),
    }
}

async fn logout(State(app): State<App>, Body(body): Body<RefreshBody>) -> ApiResult<StatusCode> {
    let t = body.refresh_token;
    app.db(move |c| repo::revoke_refresh(c, &t)).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn me(caller: Caller) -> axum::Json<Value> {
    axum::Json(json!({"name": caller.name, "role": caller.role, "user_id": caller.user_id}))
}

// ---------------------------------------------------------------- tokens

#[derive(Deserialize)]
struct TokenQuery {
    prefix: Option<String>,
    #[serde(rename = "type")]
    ty: Option<String>,
    limit: Option<i64>,
    after: Option<String>,
}

fn entry_json(key_name: &str, key: &str, entry: &str) -> Value {
    let mut v: Value = serde_json::from_str(entry).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.insert(key_name.to_string(), Value::String(key.to_string()));
    }
    v
}

async fn list_tokens(
    State(app): State<App>,
    caller: Caller,
    Q(q): Q<TokenQuery>,
) -> ApiResult<Response> {
    caller.require(Action::Read)?;
    let limit = page_limit(q.limit, 100)?;
    if let Some(t) = &q.ty {
        t.parse::<crate::model::TokenType>()
            .map_err(|e| ApiError::bad_request(format!("`type`: {e}")))?;
    }
    let (prefix, after, ty) = (q.prefix, q.after, q.ty);
    // Pages are cached by query and revision: a read checks the revision (one row) and
    // answers from memory until a write moves it, also when another server wrote.
    let key = format!(
        "{}\u{0}{}\u{0}{}\u{0}{limit}",
        prefix.as_deref().unwrap_or_default(),
        after.as_deref().unwrap_or_default(),
        ty.as_deref().unwrap_or_default()
    );
    let revision = app.db(repo::revision).await?;
    if let Some(body) = app.pages.get(&key, revision) {
        return Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response());
    }
    // Type filters are applied after the page is read: ask for more and trim.
    let fetch = if ty.is_some() { limit * 20 } else { limit + 1 };
    let (rows, read_at) = app
        .db(move |c| {
            super::db::transaction(c, |c| {
                let at = repo::revision(c)?;
                Ok((
                    repo::list_tokens(c, prefix.as_deref(), after.as_deref(), fetch)?,
                    at,
                ))
            })
        })
        .await?;
    let mut items = Vec::new();
    let mut next = None;
    for (path, entry) in &rows {
        let v = entry_json("path", path, entry);
        if ty
            .as_deref()
            .is_some_and(|t| v.get("type").and_then(Value::as_str) != Some(t))
        {
            continue;
        }
        if i64::try_from(items.len()).unwrap_or(i64::MAX) == limit {
            next = items.last().and_then(|i: &Value| i.get("path")).cloned();
            break;
        }
        items.push(v);
    }
    if next.is_none() && ty.is_some() && i64::try_from(rows.len()).unwrap_or(i64::MAX) == fetch {
        next = rows.last().map(|(p, _)| Value::String(p.clone()));
    }
    let body = axum::body::Bytes::from(
        serde_json::to_vec(&json!({"items": items, "next": next})).unwrap_or_default(),
    );
    app.pages.put(key, read_at, body.clone());
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

async fn get_token(
    State(app): State<App>,
    caller: Caller,
    P(path): P<String>,
) -> ApiResult<Response> {
    caller.require(Action::Read)?;
    let p = path.clone();
    let entry = app
        .db(move |c| repo::get_token(c, &p))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no token `{path}`")))?;
    Ok(axum::Json(entry_json("path", &path, &entry)).into_response())
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

impl super::Inner {
    /// Runs a write that can fail in more ways than storage can.
    async fn db_apply<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut dyn super::db::Conn) -> Result<T, ApplyError> + Send + 'static,
    ) -> Result<T, ApplyError> {
        use super::db::Storage as _;
        let me = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
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
        })
    }
}

async fn patch_token(
    State(app): State<App>,
    caller: Caller,
    P(path): P<String>,
    Body(patch): Body<Value>,
) -> ApiResult<Response> {
    caller.require(Action::Write)?;
    let Value::Object(fields) = patch else {
        return Err(ApiError::bad_request(
            "send a JSON object of the fields to change",
        ));
    };
    for k in fields.keys() {
        if !matches!(
            k.as_str(),
            "type" | "value" | "modes" | "description" | "deprecated" | "extensions"
        ) {
            return Err(ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                format!(
                    "unknown field `{k}`: expected type, value, modes, description, deprecated, extensions"
                ),
            ));
        }
    }
    let p = path.clone();
    let current = app.db(move |c| repo::get_token(c, &p)).await?;
    let mut entry: serde_json::Map<String, Value> = if let Some(e) = current {
        serde_json::from_str(&e).unwrap_or_default()
    } else {
        if !fields.contains_key("type") || !fields.contains_key("value") {
            return Err(ApiError::not_found(format!(
                "no token `{path}` (send `type` and `value` to create it)"
            )));
        }
        serde_json::Map::from_iter([("set".to_string(), json!("server"))])
    };
    for (k, v) in fields {
        if k == "modes" {
            // `{"dark": value}` or the stored `[["dark", value]]`; null removes them.
            let pairs: Vec<Value> = match &v {
                Value::Object(m) => m.iter().map(|(m, v)| json!([m, v])).collect(),
                Value::Array(a)
                    if a.iter().all(|p| {
                        p.as_array()
                            .is_some_and(|p| p.len() == 2 && p[0].is_string())
                    }) =>
                {
                    a.clone()
                }
                Value::Null => Vec::new(),
                _ => {
                    return Err(ApiError::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "invalid",
                        "`modes` is an object of mode name to value",
                    ));
                }
            };
            if pairs.is_empty() {
                entry.remove(&k);
            } else {
                entry.insert(k, Value::Array(pairs));
            }
        } else if k == "type" {
            // A type given here is the token's own.
            entry.remove("inherited");
            entry.insert(k, v);
        } else if v.is_null() {
            entry.remove(&k);
        } else {
            entry.insert(k, v);
        }
    }
    let changes = Changes {
        base_revision: None,
        tokens: vec![(path.clone(), Some(Value::Object(entry.clone())))],
        ..Changes::default()
    };
    let applied = apply(&app, &caller, changes, "api").await?;
    let mut out = entry_json("path", &path, &Value::Object(entry).to_string());
    out["revision"] = json!(applied.revision);
    Ok(axum::Json(out).into_response())
}

async fn delete_token(
    State(app): State<App>,
    caller: Caller,
    P(path): P<String>,
) -> ApiResult<Response> {
    caller.require(Action::Write)?;
    delete_entry(&app, &caller, "token", path).await
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

// ---------------------------------------------------------------- components

async fn list_components(State(app): State<App>, caller: Caller) -> ApiResult<Response> {
    caller.require(Action::Read)?;
    let rows = app.db(|c| repo::list_components(c)).await?;
    let items: Vec<Value> = rows.iter().map(|(n, e)| entry_json("name", n, e)).collect();
    Ok(axum::Json(json!({ "items": items })).into_response())
}

async fn get_component(
    State(app): State<App>,
    caller: Caller,
    P(name): P<String>,
) -> ApiResult<Response> {
    caller.require(Action::Read)?;
    let n = name.clone();
    let entry = app
        .db(move |c| repo::get_component(c, &n))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no component `{name}`")))?;
    Ok(axum::Json(entry_json("name", &name, &entry)).into_response())
}

#[derive(Deserialize, Default)]
struct ReasonBody {
    reason: Option<String>,
}

async fn set_status(
    app: &App,
    caller: &Caller,
    name: String,
    status: &str,
    reason: Option<String>,
) -> ApiResult<Response> {
    caller.require(Action::Write)?;
    let n = name.clone();
    let entry = app
        .db(move |c| repo::get_component(c, &n))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no component `{name}`")))?;
    let mut v: Value = serde_json::from_str(&entry).unwrap_or(Value::Null);
    v["spec"]["status"] = json!(status);
    v["review"] = json!({
        "by": caller.name,
        "at": crate::clock::now_utc(),
        "reason": reason,
    });
    if v["review"]["reason"].is_null() {
        if let Some(m) = v["review"].as_object_mut() {
            m.remove("reason");
        }
    }
    let changes = Changes {
        components: vec![(name.clone(), Some(v.clone()))],
        ..Changes::default()
    };
    let applied = apply(app, caller, changes, "api").await?;
    let mut out = entry_json("name", &name, &v.to_string());
    out["revision"] = json!(applied.revision);
    Ok(axum::Json(out).into_response())
}

async fn approve(
    State(app): State<App>,
    caller: Caller,
    P(name): P<String>,
) -> ApiResult<Response> {
    set_status(&app, &caller, name, "approved", None).await
}

async fn deprecate(
    State(app): State<App>,
    caller: Caller,
    P(name): P<String>,
    body: Bytes,
) -> ApiResult<Response> {
    // The body is optional: `{"reason": "..."}`.
    let reason = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        serde_json::from_slice::<ReasonBody>(&body)
            .map_err(|e| ApiError::bad_request(format!("malformed JSON: {e}")))?
            .reason
    };
    set_status(&app, &caller, name, "deprecated", reason).await
}

async fn delete_component(
    State(app): State<App>,
    caller: Caller,
    P(name): P<String>,
) -> ApiResult<Response> {
    caller.require(Action::Delete)?;
    delete_entry(&app, &caller, "component", name).await
}

// ---------------------------------------------------------------- versions

async fn list_versions(State(app): State<App>, caller: Caller) -> ApiResult<Response> {
    caller.require(Action::Read)?;
    let items = app.db(|c| repo::versions(c, None, false)).await?;
    Ok(axum::Json(json!({ "items": items })).into_response())
}

#[derive(Deserialize)]
struct VersionQuery {
    #[serde(default)]
    snapshot: bool,
}

async fn get_version(
    State(app): State<App>,
    caller: Caller,
    P(version): P<String>,
    Q(q): Q<VersionQuery>,
) -> ApiResult<Response> {
    caller.require(Action::Read)?;
    let v = version.clone();
    let found = app
        .db(move |c| repo::version(c, &v, q.snapshot))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no version `{version}`")))?;
    Ok(axum::Json(found).into_response())
}

#[derive(Deserialize, Default)]
struct ReleaseBody {
    #[serde(default, deserialize_with = "non_null")]
    version: Option<String>,
    #[serde(default, deserialize_with = "non_null")]
    bump: Option<String>,
    #[serde(default, deserialize_with = "non_null")]
    pre: Option<String>,
    #[serde(default, deserialize_with = "non_null")]
    message: Option<String>,
    #[serde(default)]
    force: bool,
    #[serde(default)]
    allow_drafts: bool,
}

async fn create_version(
    State(app): State<App>,
    caller: Caller,
    Body(body): Body<ReleaseBody>,
) -> ApiResult<Response> {
    caller.require(Action::Write)?;
    let actor = caller.actor();
    let author = caller.name.trim_start_matches("user:").to_string();
    let made = app
        .db_apply(move |c| super::release::release(c, &actor, &author, &body_request(&body)?))
        .await?;
    app.metrics.event("release", "ok");
    Ok((StatusCode::CREATED, axum::Json(made)).into_response())
}

fn body_request(b: &ReleaseBody) -> Result<super::release::Request, ApplyError> {
    let bump = match b.bump.as_deref() {
        None | Some("auto") => None,
        Some("major") => Some(crate::versions::Bump::Major),
        Some("minor") => Some(crate::versions::Bump::Minor),
        Some("patch") => Some(crate::versions::Bump::Patch),
        Some(other) => {
            return Err(ApplyError::BadRequest(format!(
                "bump `{other}`: expected auto, major, minor or patch"
            )));
        }
    };
    Ok(super::release::Request {
        version: b.version.clone(),
        bump,
        pre: b.pre.clone(),
        message: b.message.clone(),
        force: b.force,
        allow_drafts: b.allow_drafts,
    })
}

async fn delete_version(
    State(app): State<App>,
    caller: Caller,
    P(version): P<String>,
) -> ApiResult<StatusCode> {
    caller.require(Action::Delete)?;
    let actor = caller.actor();
    let v = version.clone();
    let gone = app.db(move |c| repo::delete_version(c, &actor, &v)).await?;
    removed(gone, format!("no version `{version}`"))
}

// ---------------------------------------------------------------- sync

#[derive(Deserialize)]
struct PullQuery {
    #[serde(default)]
    since: i64,
    #[serde(default)]
    versions_after: i64,
}

async fn pull(State(app): State<App>, caller: Caller, Q(q): Q<PullQuery>) -> ApiResult<Response> {
    caller.require(Action::Read)?;
    let delta = app
        .db(move |c| repo::delta(c, q.since, q.versions_after))
        .await?;
    Ok(axum::Json(delta).into_response())
}

async fn push(
    State(app): State<App>,
    caller: Caller,
    Body(changes): Body<Changes>,
) -> ApiResult<Response> {
    caller.require(Action::Write)?;
    if changes.base_revision.is_none() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            "a push needs `base_revision`: the revision the changes were made from",
        ));
    }
    // Deleting a component is for admins, also through a push.
    if changes.components.iter().any(|(_, e)| e.is_none()) {
        caller.require(Action::Delete)?;
    }
    let name = caller.name.clone();
    let applied = apply(&app, &caller, changes, "push").await?;
    let detail = format!(
        "revision {}: {} tokens, {} components",
        applied.revision, applied.tokens, applied.components
    );
    let _ = app
        .db(move |c| repo::record_event(c, &name, "push", "ok", Some(detail)))
        .await;
    Ok(axum::Json(applied).into_response())
}

#[derive(Deserialize)]
struct LimitQuery {
    limit: Option<i64>,
    before: Option<i64>,
}

async fn sync_events(
    State(app): State<App>,
    caller: Caller,
    Q(q): Q<LimitQuery>,
) -> ApiResult<Response> {
    caller.require(Action::Read)?;
    let limit = page_limit(q.limit, 50)?;
    let items = app.db(move |c| repo::events(c, limit)).await?;
    Ok(axum::Json(json!({ "items": items })).into_response())
}

// ---------------------------------------------------------------- admin

async fn list_users(State(app): State<App>, caller: Caller) -> ApiResult<Response> {
    caller.require(Action::Admin)?;
    let items = app.db(|c| repo::users(c)).await?;
    Ok(axum::Json(json!({ "items": items })).into_response())
}

#[derive(Deserialize)]
struct NewUser {
    email: String,
    role: Role,
}

async fn add_user(
    State(app): State<App>,
    caller: Caller,
    Body(body): Body<NewUser>,
) -> ApiResult<Response> {
    caller.require(Action::Admin)?;
    let email = auth::normalize_email(&body.email)
        .map_err(|why| ApiError::bad_request(format!("`email`: {why}")))?;
    let actor = caller.actor();
    let role = body.role;
    let (user, password) = app
        .db(move |c| repo::add_user_audited(c, &actor, &email, role))
        .await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(json!({"user": user, "password": password})),
    )
        .into_response())
}

async fn delete_user(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    caller.require(Action::Admin)?;
    let actor = caller.actor();
    let i = id.clone();
    let gone = app
        .db(move |c| repo::remove_audited(c, &actor, "user.delete", &i, repo::delete_user))
        .await?;
    app.accounts.clear();
    removed(gone, format!("no user `{id}`"))
}

/// 204 when something was removed, else 404 with `missing`.
fn removed(gone: bool, missing: String) -> ApiResult<StatusCode> {
    if gone {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found(missing))
    }
}

async fn list_api_tokens(State(app): State<App>, caller: Caller) -> ApiResult<Response> {
    caller.require(Action::Admin)?;
    let items = app.db(|c| repo::api_tokens(c)).await?;
    Ok(axum::Json(json!({ "items": items })).into_response())
}

#[derive(Deserialize)]
struct NewToken {
    role: Role,
    name: Option<String>,
}

async fn create_api_token(
    State(app): State<App>,
    caller: Caller,
    Body(body): Body<NewToken>,
) -> ApiResult<Response> {
    caller.require(Action::Admin)?;
    let actor = caller.actor();
    let (record, token) = app
        .db(move |c| repo::create_api_token_audited(c, &actor, body.role, body.name.as_deref()))
        .await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(json!({"token": token, "record": record})),
    )
        .into_response())
}

async fn revoke_api_token(
    State(app): State<App>,
    caller: Caller,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    caller.require(Action::Admin)?;
    let actor = caller.actor();
    let i = id.clone();
    let gone = app
        .db(move |c| {
            repo::remove_audited(c, &actor, "api-token.revoke", &i, repo::revoke_api_token)
        })
        .await?;
    app.token_cache.clear();
    removed(gone, format!("no API token `{id}`"))
}

async fn audit_log(
    State(app): State<App>,
    caller: Caller,
    Q(q): Q<LimitQuery>,
) -> ApiResult<Response> {
    caller.require(Action::Admin)?;
    let limit = page_limit(q.limit, 100)?;
    let before = q.before;
    let items = app.db(move |c| repo::audit_log(c, limit, before)).await?;
    Ok(axum::Json(json!({ "items": items })).into_response())
}

// ---------------------------------------------------------------- webhooks

async fn webhook(
    app: &App,
    result: Result<crate::sources::webhook::FileChanged, crate::sources::webhook::WebhookError>,
    provider: &'static str,
) -> ApiResult<Response> {
    use crate::sources::webhook::WebhookError;
    match result {
        Ok(event) => {
            let file = event.file.clone();
            let detail = format!("{} {}", event.kind, event.name.clone().unwrap_or_default());
            app.db(move |c| {
                repo::record_event(
                    c,
                    &format!("{provider}:{file}"),
                    "webhook",
                    "queued",
                    Some(detail.trim().to_string()),
                )
            })
            .await?;
            app.metrics.event("webhook", "queued");
            tracing::info!(provider, file = %event.file, "webhook accepted: sync queued");
            Ok((StatusCode::ACCEPTED, axum::Json(json!({"queued": event}))).into_response())
        }
        Err(WebhookError::Ignored(kind)) => {
            Ok(axum::Json(json!({"ignored": kind})).into_response())
        }
        Err(WebhookError::Unauthenticated) => {
            // Nothing is stored for a refused call (anyone can send them): it is counted.
            tracing::warn!(provider, "webhook rejected: bad passcode or secret");
            app.metrics.event("webhook", "rejected");
            app.metrics.webhook_rejected(
                provider,
                if provider == "figma" {
                    "bad_passcode"
                } else {
                    "bad_secret"
                },
            );
            Err(ApiError::unauthorized("bad webhook passcode or secret"))
        }
        Err(e @ WebhookError::Malformed(_)) => {
            app.metrics.webhook_rejected(provider, "malformed");
            Err(ApiError::bad_request(e.to_string()))
        }
    }
}

async fn figma_webhook(State(app): State<App>, body: Bytes) -> ApiResult<Response> {
    let Some(passcode) = app.options.figma_passcode.clone() else {
        return Err(ApiError::not_found(
            "the Figma webhook is not configured (OPENDS_FIGMA_WEBHOOK_PASSCODE)",
        ));
    };
    let result = crate::sources::webhook::figma(&body, &passcode);
    webhook(&app, result, "figma").await
}

async fn penpot_webhook(
    State(app): State<App>,
    Path(secret): Path<String>,
    body: Bytes,
) -> ApiResult<Response> {
    let Some(expected) = app.options.penpot_secret.clone() else {
        return Err(ApiError::not_found(
            "the Penpot webhook is not configured (OPENDS_PENPOT_WEBHOOK_SECRET)",
        ));
    };
    let result = crate::sources::webhook::penpot(&body, &secret, &expected);
    webhook(&app, result, "penpot").await
}
