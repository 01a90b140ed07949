//! Logging in: `/api/v1/auth/login`, `refresh`, `logout` and `me`.

#![allow(clippy::result_large_err)]

use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::{ApiError, ApiResult, Body, Caller};
use crate::server::auth::Claims;
use crate::server::{App, auth, repo};
use crate::sync::protocol::ErrorBody;
use crate::sync::protocol::Me;

#[derive(Deserialize)]
pub(super) struct LoginBody {
    email: String,
    password: String,
}

fn issue(app: &App, user: &repo::User) -> (String, i64) {
    let claims = Claims::access(&user.id, &user.email, user.role, repo::now_secs());
    (auth::sign(&app.secret, &claims), claims.exp)
}

pub(super) async fn new_session(
    app: &App,
    user: repo::User,
    family: String,
) -> ApiResult<Response> {
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

pub(super) async fn login(
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
        let mut e = ApiError::rate_limited(auth::LOGIN_WINDOW_SECS as u64);
        e.body = ErrorBody::new("login_throttled", "too many failed logins; try again later");
        return Err(e);
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
pub(super) struct RefreshBody {
    refresh_token: String,
}

pub(super) async fn refresh(
    State(app): State<App>,
    Body(body): Body<RefreshBody>,
) -> ApiResult<Response> {
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

pub(super) async fn logout(
    State(app): State<App>,
    Body(body): Body<RefreshBody>,
) -> ApiResult<StatusCode> {
    let t = body.refresh_token;
    app.db(move |c| repo::revoke_refresh(c, &t)).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub(super) async fn me(caller: Caller) -> axum::Json<Me> {
    axum::Json(Me {
        name: caller.name,
        role: caller.role,
        user_id: caller.user_id,
    })
}
