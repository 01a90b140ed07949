//! `opends serve` and `opends server user|token ...` (which work on the server's storage
//! directly, with or without a running server).

use crate::env_vars::EnvVars;
use std::fmt::Write as _;
use std::sync::Arc;

use anyhow::{Context as _, Result};
use serde_json::json;

use super::Context;
use crate::Outcome;
use crate::cli::{
    ServeArgs, ServerCommand, ServerStorageArgs, ServerTokenCommand, ServerUserCommand,
};
use crate::server::db::{DbError, Storage as _};
use crate::server::repo::{self, Actor};
use crate::server::{self, AnyStorage};

fn open(ctx: &Context, args: &ServerStorageArgs) -> Result<AnyStorage> {
    let data = ctx.cwd.join(&args.data);
    let storage = AnyStorage::open(&data, args.database_url.as_deref()).map_err(|e| {
        crate::hinted(
            format!("the server's storage: {}", db_message(&e)),
            if args.database_url.is_some() {
                "check OPENDS_DATABASE_URL / --database-url and that PostgreSQL is running"
            } else {
                "check --data DIR"
            },
        )
    })?;
    for note in storage.tightened() {
        ctx.printer.warn(&format!(
            "{note}: the server's data holds the key that signs access tokens"
        ));
    }
    Ok(storage)
}

fn db_message(e: &DbError) -> String {
    crate::server::db::redact_url(&e.to_string())
}

fn cli_actor() -> Actor {
    Actor {
        name: format!("cli:{}", crate::settings::author()),
        request_id: None,
    }
}

/// `opends serve`.
pub fn serve(ctx: &Context, args: ServeArgs) -> Result<Outcome> {
    let storage = open(ctx, &args.storage)?;
    let secret = storage
        .with_conn(repo::secret)
        .map_err(|e| anyhow::anyhow!(db_message(&e)))?;
    let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    let options = server::Options {
        body_limit: args.body_limit,
        rate_limit: args.rate_limit,
        cors_origins: args.cors_origins.clone(),
        header_timeout: std::time::Duration::from_secs(args.header_timeout),
        body_timeout: std::time::Duration::from_secs(args.body_timeout),
        idle_timeout: std::time::Duration::from_secs(args.idle_timeout),
        max_connections: args.max_connections,
        figma_passcode: env(EnvVars::FIGMA_WEBHOOK_PASSCODE),
        penpot_secret: env(EnvVars::PENPOT_WEBHOOK_SECRET),
    };
    let described = storage.describe();
    let app = Arc::new(server::Inner {
        storage,
        secret,
        options,
        started: std::time::Instant::now(),
        limits: server::limits::Limiter::default(),
        metrics: server::limits::Metrics::default(),
        token_cache: server::limits::TokenCache::default(),
        accounts: server::limits::AccountCache::default(),
        pages: server::limits::PageCache::default(),
        revisions: server::limits::RevisionCache::default(),
        hashing: Arc::new(tokio::sync::Semaphore::new(server::hashing_permits())),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("could not start the async runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&args.bind)
            .await
            .map_err(|e| {
                crate::hinted(
                    format!("could not listen on {}: {e}", args.bind),
                    "pick another address with --bind (port 0 picks a free one)",
                )
            })?;
        let addr = listener.local_addr()?;
        server::init_logging();
        // The first line is for people and scripts: where it listens.
        ctx.printer.status(&format!(
            "opends serve: listening on http://{addr} (storage {described})"
        ));
        if !addr.ip().is_loopback() {
            tracing::warn!(%addr, "listening beyond loopback: put TLS in front of it");
        }
        tracing::info!(%addr, storage = %described, "started");
        server::serve(listener, app).await?;
        tracing::info!("stopped");
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(Outcome::Success)
}

/// `opends server user|token ...`.
pub fn admin(ctx: &Context, cmd: ServerCommand) -> Result<Outcome> {
    match cmd {
        ServerCommand::User(ServerUserCommand::Add(a)) => {
            // Checked first: a refused address writes nothing, not even a new storage.
            let email = server::auth::normalize_email(&a.email).map_err(|why| {
                crate::hinted(
                    format!(
                        "`{}` is not an accepted e-mail address: {why}",
                        a.email.escape_debug()
                    ),
                    "e.g. `opends server user add ada@example.com --role editor`",
                )
            })?;
            let storage = open(ctx, &a.storage)?;
            let actor = cli_actor();
            let role = a.role;
            let result = storage.with_conn(|c| repo::add_user_audited(c, &actor, &email, role));
            let (user, password) = match result {
                Err(DbError::Conflict(_)) => {
                    return Err(crate::hinted(
                        format!("there is already an account `{email}`"),
                        "`opends server user list` shows the accounts",
                    ));
                }
                other => other.map_err(|e| anyhow::anyhow!(db_message(&e)))?,
            };
            if a.json {
                ctx.printer
                    .json(&json!({"user": user, "password": password}))?;
            } else {
                ctx.printer.data(&password)?;
                ctx.printer.status(&format!(
                    "created {} ({}); the line above is its one-time password: hand it over privately, it is not shown again",
                    user.email,
                    user.role.as_str()
                ));
            }
        }
        ServerCommand::User(ServerUserCommand::List(a)) => {
            let storage = open(ctx, &a.storage)?;
            let users = storage
                .with_conn(repo::users)
                .map_err(|e| anyhow::anyhow!(db_message(&e)))?;
            if a.json {
                ctx.printer.json(&users)?;
            } else {
                let mut out = String::new();
                for u in &users {
                    let _ = writeln!(
                        out,
                        "{:<32} {:<7} {}",
                        u.email,
                        u.role.as_str(),
                        u.created_at
                    );
                }
                ctx.printer.data(out.trim_end())?;
            }
        }
        ServerCommand::Token(ServerTokenCommand::Create(a)) => {
            let storage = open(ctx, &a.storage)?;
            let actor = cli_actor();
            let (record, token) = storage
                .with_conn(|c| repo::create_api_token_audited(c, &actor, a.role, a.name.as_deref()))
                .map_err(|e| anyhow::anyhow!(db_message(&e)))?;
            ctx.printer.data(&token)?;
            ctx.printer.status(&format!(
                "created API token {} ({}); it is shown once: store it as a CI secret (OPENDS_SERVER_TOKEN)",
                record.id,
                record.role.as_str()
            ));
        }
        ServerCommand::Token(ServerTokenCommand::List(a)) => {
            let storage = open(ctx, &a.storage)?;
            let tokens = storage
                .with_conn(repo::api_tokens)
                .map_err(|e| anyhow::anyhow!(db_message(&e)))?;
            if a.json {
                ctx.printer.json(&tokens)?;
            } else {
                let mut out = String::new();
                for t in &tokens {
                    let _ = writeln!(
                        out,
                        "{:<14} {:<7} {:<20} {}{}",
                        t.id,
                        t.role.as_str(),
                        t.name.as_deref().unwrap_or("-"),
                        t.created_at,
                        if t.revoked { "  revoked" } else { "" }
                    );
                }
                ctx.printer.data(out.trim_end())?;
            }
        }
        ServerCommand::Token(ServerTokenCommand::Revoke(a)) => {
            let storage = open(ctx, &a.storage)?;
            let actor = cli_actor();
            let gone = storage
                .with_conn(|c| {
                    repo::remove_audited(
                        c,
                        &actor,
                        "api-token.revoke",
                        &a.id,
                        repo::revoke_api_token,
                    )
                })
                .map_err(|e| anyhow::anyhow!(db_message(&e)))?;
            if !gone {
                return Err(crate::hinted(
                    format!("no API token `{}`", a.id),
                    "`opends server token list` shows the ids",
                ));
            }
            ctx.printer.status(&format!(
                "revoked API token {} (running servers stop accepting it within {} s)",
                a.id,
                server::limits::TOKEN_CACHE_TTL.as_secs()
            ));
        }
    }
    Ok(Outcome::Success)
}
