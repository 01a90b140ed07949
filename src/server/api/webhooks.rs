//! `/webhooks/figma` and `/webhooks/penpot/{secret}`: design-tool notifications.

#![allow(clippy::result_large_err)]

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::{ApiError, ApiResult};
use crate::server::{App, repo};

pub(super) async fn webhook(
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

pub(super) async fn figma_webhook(State(app): State<App>, body: Bytes) -> ApiResult<Response> {
    let Some(passcode) = app.options.figma_passcode.clone() else {
        return Err(ApiError::not_found(
            "the Figma webhook is not configured (OPENDS_FIGMA_WEBHOOK_PASSCODE)",
        ));
    };
    let result = crate::sources::webhook::figma(&body, &passcode);
    webhook(&app, result, "figma").await
}

pub(super) async fn penpot_webhook(
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
