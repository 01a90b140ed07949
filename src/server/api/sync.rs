//! The sync protocol: `GET /api/v1/sync` (pull), `POST /api/v1/sync/push` and the
//! sync events.

#![allow(clippy::result_large_err)]

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::{ApiError, ApiResult, Body, Caller, LimitQuery, Q, apply, page_limit};
use crate::server::auth::Action;
use crate::server::{App, repo};
use crate::sync::protocol::{PullResponse, PushRequest, PushResponse};

#[derive(Deserialize)]
pub(super) struct PullQuery {
    #[serde(default)]
    since: i64,
    #[serde(default)]
    versions_after: i64,
}

pub(super) async fn pull(
    State(app): State<App>,
    caller: Caller,
    Q(q): Q<PullQuery>,
) -> ApiResult<axum::Json<PullResponse>> {
    caller.require(Action::Read)?;
    let delta = app
        .db(move |c| repo::delta(c, q.since, q.versions_after))
        .await?;
    Ok(axum::Json(delta))
}

pub(super) async fn push(
    State(app): State<App>,
    caller: Caller,
    Body(changes): Body<PushRequest>,
) -> ApiResult<axum::Json<PushResponse>> {
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
    Ok(axum::Json(applied))
}

pub(super) async fn sync_events(
    State(app): State<App>,
    caller: Caller,
    Q(q): Q<LimitQuery>,
) -> ApiResult<Response> {
    caller.require(Action::Read)?;
    let limit = page_limit(q.limit, 50)?;
    let items = app.db(move |c| repo::events(c, limit)).await?;
    Ok(axum::Json(json!({ "items": items })).into_response())
}
