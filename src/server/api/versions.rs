//! `/api/v1/versions`: list, get, release and delete.

#![allow(clippy::result_large_err)]

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::{ApiError, ApiResult, Body, Caller, P, Q, non_null, removed};
use crate::server::auth::Action;
use crate::server::repo::ApplyError;
use crate::server::{App, repo};

pub(super) async fn list_versions(State(app): State<App>, caller: Caller) -> ApiResult<Response> {
    caller.require(Action::Read)?;
    let items = app.db(|c| repo::versions(c, None, false)).await?;
    Ok(axum::Json(json!({ "items": items })).into_response())
}

#[derive(Deserialize)]
pub(super) struct VersionQuery {
    #[serde(default)]
    snapshot: bool,
}

pub(super) async fn get_version(
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
pub(super) struct ReleaseBody {
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

pub(super) async fn create_version(
    State(app): State<App>,
    caller: Caller,
    Body(body): Body<ReleaseBody>,
) -> ApiResult<Response> {
    caller.require(Action::Write)?;
    let actor = caller.actor();
    let author = caller.name.trim_start_matches("user:").to_string();
    let made = app
        .db_apply(move |c| {
            crate::server::release::release(c, &actor, &author, &body_request(&body)?)
        })
        .await?;
    app.metrics.event("release", "ok");
    Ok((StatusCode::CREATED, axum::Json(made)).into_response())
}

fn body_request(b: &ReleaseBody) -> Result<crate::server::release::Request, ApplyError> {
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
    Ok(crate::server::release::Request {
        version: b.version.clone(),
        bump,
        pre: b.pre.clone(),
        message: b.message.clone(),
        force: b.force,
        allow_drafts: b.allow_drafts,
    })
}

pub(super) async fn delete_version(
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

/// A version released elsewhere, as `opends push` sends it.
#[derive(Deserialize)]
pub(super) struct PutBody {
    created_at: String,
    author: String,
    #[serde(default)]
    message: Option<String>,
    content_hash: String,
    bump: crate::versions::diff::Bump,
    #[serde(default)]
    forced: bool,
    #[serde(default)]
    changelog: String,
    snapshot: serde_json::Value,
}

/// `PUT /api/v1/versions/{version}`: records a version released elsewhere (201), or
/// finds it already here with the same content (200); 409 when the server holds that
/// number with other content (both content hashes in the message).
pub(super) async fn put_version(
    State(app): State<App>,
    caller: Caller,
    P(version): P<String>,
    Body(body): Body<PutBody>,
) -> ApiResult<Response> {
    caller.require(Action::Write)?;
    let version = version.trim_start_matches('v').to_string();
    if let Err(e) = crate::versions::semver::Version::parse(&version) {
        return Err(ApplyError::BadRequest(e.to_string()).into());
    }
    if !crate::clock::is_rfc3339(&body.created_at) {
        return Err(ApplyError::BadRequest(format!(
            "created_at `{}`: expected an RFC 3339 date-time such as 2026-11-25T07:30:00Z",
            body.created_at
        ))
        .into());
    }
    // The content is checked like any import, and must be what its hash says.
    let snapshot = repo::checked_snapshot_from_json(&body.snapshot).map_err(ApplyError::Invalid)?;
    let actual = snapshot.content_hash();
    if actual != body.content_hash {
        return Err(ApplyError::BadRequest(format!(
            "the snapshot sent hashes to {actual}, not to the content_hash {} sent with it",
            body.content_hash
        ))
        .into());
    }
    let (layout, tokens, components) = snapshot.to_parts();
    let v = repo::ServerVersion {
        version,
        seq: 0,
        created_at: body.created_at,
        author: body.author,
        message: body.message,
        content_hash: actual,
        bump: crate::versions::render::bump_name(body.bump).to_string(),
        forced: body.forced,
        changelog: body.changelog,
        snapshot: Some(repo::snapshot_json(&layout, &tokens, &components)),
    };
    let actor = caller.actor();
    let result = app
        .db_apply(move |c| repo::put_version(c, &actor, &v))
        .await;
    app.metrics.event(
        "version_put",
        match &result {
            Ok(_) => "ok",
            Err(ApplyError::VersionConflict(_)) => "conflict",
            Err(_) => "rejected",
        },
    );
    let (made, created) = result?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, axum::Json(made)).into_response())
}
