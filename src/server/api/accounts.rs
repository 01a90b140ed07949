//! Accounts and API tokens (`/api/v1/users`, `/api/v1/api-tokens`): admins only.

#![allow(clippy::result_large_err)]

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::{ApiError, ApiResult, Body, Caller, removed};
use crate::server::auth::{Action, Role};
use crate::server::{App, auth, repo};

pub(super) async fn list_users(State(app): State<App>, caller: Caller) -> ApiResult<Response> {
    caller.require(Action::Admin)?;
    let items = app.db(|c| repo::users(c)).await?;
    Ok(axum::Json(json!({ "items": items })).into_response())
}

#[derive(Deserialize)]
pub(super) struct NewUser {
    email: String,
    role: Role,
}

pub(super) async fn add_user(
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

pub(super) async fn delete_user(
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

pub(super) async fn list_api_tokens(State(app): State<App>, caller: Caller) -> ApiResult<Response> {
    caller.require(Action::Admin)?;
    let items = app.db(|c| repo::api_tokens(c)).await?;
    Ok(axum::Json(json!({ "items": items })).into_response())
}

#[derive(Deserialize)]
pub(super) struct NewToken {
    role: Role,
    name: Option<String>,
}

pub(super) async fn create_api_token(
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

pub(super) async fn revoke_api_token(
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
