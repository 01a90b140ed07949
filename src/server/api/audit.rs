//! `/api/v1/audit`: the audit log, newest first (admins only).

#![allow(clippy::result_large_err)]

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::{ApiResult, Caller, LimitQuery, Q, page_limit};
use crate::server::auth::Action;
use crate::server::{App, repo};

pub(super) async fn audit_log(
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
