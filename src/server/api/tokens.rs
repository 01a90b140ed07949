//! `/api/v1/tokens`: list (paged, cached by revision), get, patch and delete.

#![allow(clippy::result_large_err)]

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::{ApiError, ApiResult, Body, Caller, P, Q, apply, delete_entry, entry_json, page_limit};
use crate::server::auth::Action;
use crate::server::{App, repo};
use crate::sync::protocol::Changes;

#[derive(Deserialize)]
pub(super) struct TokenQuery {
    prefix: Option<String>,
    #[serde(rename = "type")]
    ty: Option<String>,
    limit: Option<i64>,
    after: Option<String>,
}

pub(super) async fn list_tokens(
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
    // Pages are cached by query and revision: a read answers from memory until a write
    // moves the revision (another server's write is seen within the revision's max age).
    let key = format!(
        "{}\u{0}{}\u{0}{}\u{0}{limit}",
        prefix.as_deref().unwrap_or_default(),
        after.as_deref().unwrap_or_default(),
        ty.as_deref().unwrap_or_default()
    );
    let revision = app.revision().await?;
    if let Some(body) = app.pages.get(&key, revision) {
        return Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response());
    }
    // Type filters are applied after the page is read: ask for more and trim.
    let fetch = if ty.is_some() { limit * 20 } else { limit + 1 };
    let (rows, read_at) = app
        .db(move |c| {
            crate::server::db::transaction(c, |c| {
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

pub(super) async fn get_token(
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

pub(super) async fn patch_token(
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

pub(super) async fn delete_token(
    State(app): State<App>,
    caller: Caller,
    P(path): P<String>,
) -> ApiResult<Response> {
    caller.require(Action::Write)?;
    delete_entry(&app, &caller, "token", path).await
}
