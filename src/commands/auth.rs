//! `opends auth login|status|logout`: personal access tokens for Figma and Penpot,
//! checked against the API and kept in the OS keyring. The secret is never printed.

use std::io::Read as _;

use anyhow::{Context as _, Result};
use serde::Serialize;

use super::Context;
use crate::Outcome;
use crate::cli::{AuthLoginArgs, AuthLogoutArgs, AuthStatusArgs};
use crate::credentials::{self, Credential, Origin};
use crate::printer::Style;
use crate::sources::http::{Http, HttpError};
use crate::sources::{Provider, figma, penpot};
use crate::sync::{self, SyncError};

fn check(
    ctx: &Context,
    provider: Provider,
    base: &str,
    cred: &Credential,
) -> Result<figma::Profile> {
    let http = Http::for_provider(provider)?;
    let result = match provider {
        Provider::Figma => figma::me(&http, base, cred),
        Provider::Penpot => penpot::me(&http, base, cred),
    };
    result.map_err(|e| match e {
        HttpError::Unauthorized { .. } => crate::hinted(
            format!("{e}: the token is wrong, expired or lacks access"),
            match provider {
                Provider::Figma => "create a personal access token under Figma > Settings > Security, then run `opends auth login figma` again",
                Provider::Penpot => "create an access token under Penpot > Your account > Access tokens, then run `opends auth login penpot` again",
            },
        ),
        other => {
            let _ = ctx;
            anyhow::Error::new(other)
        }
    })
}

/// `opends auth login`.
pub fn login(ctx: &Context, args: AuthLoginArgs) -> Result<Outcome> {
    let AuthLoginArgs {
        provider: target,
        token_stdin,
        base_url: flag,
        remote,
    } = args;
    let (prompt, env) = match target.provider() {
        Some(p) => (
            format!("{} personal access token", p.as_str()),
            p.token_env(),
        ),
        None => (
            "team server API token".to_string(),
            crate::env_vars::EnvVars::SERVER_TOKEN,
        ),
    };
    let token = if token_stdin {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .context("could not read the token from standard input")?;
        s.trim().to_string()
    } else if ctx.printer.interactive() && super::restore_cursor_on_interrupt() {
        dialoguer::Password::new()
            .with_prompt(prompt)
            .interact()?
            .trim()
            .to_string()
    } else {
        return Err(crate::hinted(
            "no terminal to ask for the token",
            format!("pipe it in with `--token-stdin`, or set {env} (CI)"),
        ));
    };
    if token.is_empty() {
        anyhow::bail!("the token is empty");
    }
    credentials::keyring_from_env();
    let Some(provider) = target.provider() else {
        return server_login(ctx, remote.as_deref(), &token);
    };
    let base = crate::sources::base_url(
        provider,
        flag.as_deref(),
        &ctx.project_opt()
            .ok()
            .flatten()
            .map(|p| p.config.sources)
            .unwrap_or_default(),
    );
    let cred = credentials::get(provider, Some(token.clone()))?.context("the token is empty")?;
    let profile = check(ctx, provider, &base, &cred)?;
    credentials::store(provider, &token)?;
    ctx.printer.status(&format!(
        "{} to {} as {}{}; the token is in the OS keyring",
        ctx.printer.paint(Style::Green, "logged in"),
        provider.as_str(),
        profile.name,
        profile.email.map(|e| format!(" <{e}>")).unwrap_or_default()
    ));
    if std::env::var(provider.token_env()).is_ok_and(|v| !v.trim().is_empty()) {
        ctx.printer.warn(&format!(
            "{} is set and takes precedence over the keyring",
            provider.token_env()
        ));
    }
    Ok(Outcome::Success)
}

#[derive(Serialize)]
struct ProviderStatus {
    provider: Provider,
    configured: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: Option<Origin>,
    #[serde(skip_serializing_if = "Option::is_none")]
    variable: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<String>,
}

/// `opends auth status`.
pub fn status(ctx: &Context, args: AuthStatusArgs) -> Result<Outcome> {
    let mut out = Vec::new();
    for provider in [Provider::Figma, Provider::Penpot] {
        let (origin, problem) = match credentials::for_provider(provider) {
            Ok(c) => (c.map(|c| c.origin), None),
            Err(e) => (None, Some(e.to_string())),
        };
        out.push(ProviderStatus {
            provider,
            configured: origin.is_some(),
            variable: (origin == Some(Origin::Env)).then(|| provider.token_env()),
            origin,
            problem,
        });
    }
    if args.json {
        ctx.printer.json(&out)?;
        return Ok(Outcome::Success);
    }
    let mut lines = Vec::new();
    for s in &out {
        let state = match (s.origin, &s.problem) {
            (Some(Origin::Env), _) => format!("token from {}", s.provider.token_env()),
            (Some(Origin::Keyring), _) => "token in the OS keyring".to_string(),
            (None, Some(p)) => format!("not logged in ({p})"),
            (None, None) => format!(
                "not logged in: run `opends auth login {}` or set {}",
                s.provider.as_str(),
                s.provider.token_env()
            ),
        };
        lines.push(format!("{:6}  {state}", s.provider.as_str()));
    }
    ctx.printer.data(&lines.join("\n"))?;
    Ok(Outcome::Success)
}

/// `opends auth logout`.
pub fn logout(ctx: &Context, args: AuthLogoutArgs) -> Result<Outcome> {
    credentials::keyring_from_env();
    let Some(provider) = args.provider.provider() else {
        return server_logout(ctx, args.remote.as_deref());
    };
    let removed = credentials::delete(provider)?;
    if removed {
        ctx.printer.status(&format!(
            "{} the {} token from the OS keyring",
            ctx.printer.paint(Style::Green, "removed"),
            provider.as_str()
        ));
    } else {
        ctx.printer
            .status(&format!("no {} token in the OS keyring", provider.as_str()));
    }
    if std::env::var(provider.token_env()).is_ok_and(|v| !v.trim().is_empty()) {
        ctx.printer.warn(&format!(
            "{} is still set in this environment",
            provider.token_env()
        ));
    }
    Ok(Outcome::Success)
}

/// The remote `name` names (or the only one), from the store of the project or `--db`.
fn remote(ctx: &Context, name: Option<&str>) -> Result<crate::store::Remote> {
    let store = ctx.store(ctx.project_opt()?.as_ref())?;
    sync::remote::pick(&store, name).map_err(SyncError::into_report)
}

/// `opends auth login server`: checks the token against the remote, then keeps it in
/// the OS keyring.
fn server_login(ctx: &Context, name: Option<&str>, token: &str) -> Result<Outcome> {
    let remote = remote(ctx, name)?;
    let me = sync::client::login(&remote, token).map_err(SyncError::into_report)?;
    ctx.printer.status(&format!(
        "logged in to {} as {} ({}); the token is in the OS keyring",
        remote.name,
        me.name,
        me.role.as_str()
    ));
    Ok(Outcome::Success)
}

/// `opends auth logout server`.
fn server_logout(ctx: &Context, name: Option<&str>) -> Result<Outcome> {
    let remote = remote(ctx, name)?;
    let removed = sync::client::logout(&remote).map_err(SyncError::into_report)?;
    ctx.printer.status(&if removed {
        format!("removed the {} token from the OS keyring", remote.name)
    } else {
        format!("no {} token in the OS keyring", remote.name)
    });
    Ok(Outcome::Success)
}
