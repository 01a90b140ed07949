//! `/api/v1/components`: list, get, approve, deprecate and delete.

#![allow(clippy::result_large_err)]

use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{ApiError, ApiResult, Caller, P, apply, delete_entry, entry_json};
use crate::server::auth::Action;
use crate::server::{App, repo};
use crate::sync::protocol::Changes;

pub(super) async fn list_components(State(app): State<App>, caller: Caller) -> ApiResult<Response> {
    caller.require(Action::Read)?;
    let rows = app.db(|c| repo::list_components(c)).await?;
    let items: Vec<Value> = rows.iter().map(|(n, e)| entry_json("name", n, e)).collect();
    Ok(axum::Json(json!({ "items": items })).into_response())
}

pub(super) async fn get_component(
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
pub(super) struct ReasonBody {
    reason: Option<String>,
}

pub(super) async fn set_status(
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

pub(super) async fn approve(
    State(app): State<App>,
    caller: Caller,
    P(name): P<String>,
) -> ApiResult<Response> {
    set_status(&app, &caller, name, "approved", None).await
}

pub(super) async fn deprecate(
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

pub(super) async fn delete_component(
    State(app): State<App>,
    caller: Caller,
    P(name): P<String>,
) -> ApiResult<Response> {
    caller.require(Action::Delete)?;
    delete_entry(&app, &caller, "component", name).await
}
