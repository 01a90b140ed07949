//! `opends remote add|list|rm`, `opends push` and `opends pull`: the client side of the
//! team server's sync protocol (docs/api.md). The store remembers, per remote, the
//! revision and the state it last synced with (the base): local changes are the
//! working state against the base, the server's are what changed after the base
//! revision, and a key changed on both sides with different results is a conflict.

use crate::env_vars::EnvVars;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use anyhow::{Result, anyhow};
use serde_json::{Value, json};

use super::Context;
use crate::Outcome;
use crate::cli::{PullArgs, PushArgs, RemoteAddArgs, RemoteListArgs, RemoteRmArgs};
use crate::store::{NewVersion, PullWrite, Remote, RemoteBase, Snapshot, Store};

fn pick(store: &Store, name: Option<&str>) -> Result<Remote> {
    let remotes = store.remotes()?;
    match name {
        Some(n) => remotes.into_iter().find(|r| r.name == n).ok_or_else(|| {
            crate::hinted(
                format!("no remote `{n}`"),
                "`opends remote list` shows them; `opends remote add NAME URL` adds one",
            )
        }),
        None => match remotes.len() {
            1 => Ok(remotes.into_iter().next().expect("one")),
            0 => Err(crate::hinted(
                "no remote to sync with",
                "add one: `opends remote add team https://ds.example.com`",
            )),
            _ => Err(crate::hinted(
                "which remote? there are several",
                "name it: `opends push NAME` (`opends remote list`)",
            )),
        },
    }
}

/// `opends remote add`.
pub fn add(ctx: &Context, args: RemoteAddArgs) -> Result<Outcome> {
    let url = args.url.trim_end_matches('/').to_string();
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        return Err(crate::hinted(
            format!("`{}` is not an http(s) URL", args.url),
            "e.g. `opends remote add team https://ds.example.com`",
        ));
    }
    let (_, mut store) = ctx.open()?;
    if !store.add_remote(&args.name, &url)? {
        return Err(crate::hinted(
            format!("there is already a remote `{}`", args.name),
            "remove it first (`opends remote rm NAME`) or pick another name",
        ));
    }
    ctx.printer
        .status(&format!("added remote {} ({url})", args.name));
    Ok(Outcome::Success)
}

/// `opends remote list`.
pub fn list(ctx: &Context, args: RemoteListArgs) -> Result<Outcome> {
    let (_, store) = ctx.open()?;
    let remotes = store.remotes()?;
    if args.json {
        ctx.printer.json(&remotes)?;
    } else if remotes.is_empty() {
        ctx.printer
            .status("no remotes; `opends remote add NAME URL` adds one");
    } else {
        let mut out = String::new();
        for r in &remotes {
            let _ = writeln!(out, "{:<16} {}  revision {}", r.name, r.url, r.revision);
        }
        ctx.printer.data(out.trim_end())?;
    }
    Ok(Outcome::Success)
}

/// `opends remote rm`.
pub fn rm(ctx: &Context, args: RemoteRmArgs) -> Result<Outcome> {
    let (_, mut store) = ctx.open()?;
    if !store.remove_remote(&args.name)? {
        return Err(crate::hinted(
            format!("no remote `{}`", args.name),
            "`opends remote list` shows them",
        ));
    }
    ctx.printer.status(&format!("removed remote {}", args.name));
    Ok(Outcome::Success)
}

/// A blocking client for one remote.
struct Client {
    url: String,
    token: String,
    http: reqwest::blocking::Client,
}

impl Client {
    fn new(remote: &Remote) -> Result<Self> {
        crate::credentials::keyring_from_env();
        // OPENDS_SERVER_TOKEN wins; else the keyring (`opends auth login server`). A
        // machine without a keyring is not an error here: the hint says what to set.
        let token = crate::credentials::get(
            crate::credentials::server_key(&remote.name),
            std::env::var(EnvVars::SERVER_TOKEN).ok(),
        )
        .ok()
        .flatten()
        .map(|c| c.secret().to_string())
        .ok_or_else(|| {
            crate::hinted(
                "no credential for the team server",
                format!(
                    "run `opends auth login server --remote {}`, or set OPENDS_SERVER_TOKEN (an API token from the server's admin)",
                    remote.name
                ),
            )
        })?;
        Self::with_token(remote, token)
    }

    fn with_token(remote: &Remote, token: String) -> Result<Self> {
        let timeout = std::env::var(EnvVars::HTTP_TIMEOUT_MS)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(60_000);
        Ok(Self {
            url: remote.url.clone(),
            token,
            http: reqwest::blocking::Client::builder()
                .timeout(std::time::Duration::from_millis(timeout))
                .user_agent(concat!("opends/", env!("CARGO_PKG_VERSION")))
                .build()?,
        })
    }

    /// Sends a request; returns the status and JSON body.
    fn call(&self, req: reqwest::blocking::RequestBuilder) -> Result<(u16, Value)> {
        let resp = req.bearer_auth(&self.token).send().map_err(|e| {
            crate::hinted(
                format!(
                    "could not reach the team server at {}: {}",
                    self.url,
                    e.without_url()
                ),
                "check the URL (`opends remote list`) and that the server is running",
            )
        })?;
        let status = resp.status().as_u16();
        let body: Value = resp.json().unwrap_or(Value::Null);
        match status {
            401 => Err(crate::hinted(
                format!("the team server refused the credential: {}", message(&body)),
                "check OPENDS_SERVER_TOKEN (tokens are revocable; ask the server's admin)",
            )),
            403 => Err(crate::hinted(
                format!("not allowed: {}", message(&body)),
                "pushing needs an editor or admin token",
            )),
            _ => Ok((status, body)),
        }
    }
}

fn message(body: &Value) -> String {
    body["error"]["message"]
        .as_str()
        .unwrap_or("no details")
        .to_string()
}

fn entry_value(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

/// The working state in stored form, by key.
struct Parts {
    layout: String,
    tokens: HashMap<String, String>,
    components: HashMap<String, String>,
}

fn parts(s: &Snapshot) -> Parts {
    let (layout, tokens, components) = s.to_parts();
    Parts {
        layout,
        tokens: tokens.into_iter().collect(),
        components: components.into_iter().collect(),
    }
}

/// Keys whose entry differs between `base` and `now` (`None`: deleted now).
fn local_changes(
    base: &HashMap<String, String>,
    now: &HashMap<String, String>,
) -> Vec<(String, Option<String>)> {
    let keys: BTreeSet<&String> = base.keys().chain(now.keys()).collect();
    keys.into_iter()
        .filter(|k| base.get(*k) != now.get(*k))
        .map(|k| (k.clone(), now.get(k).cloned()))
        .collect()
}

/// The layout the remote had at the last sync (an empty one before the first).
fn base_layout(base: &RemoteBase) -> String {
    base.layout
        .clone()
        .unwrap_or_else(|| Snapshot::default().to_parts().0)
}

/// `opends auth login server`: checks the token against the remote, then keeps it in
/// the OS keyring.
pub fn login(ctx: &Context, remote: Option<&str>, token: &str) -> Result<Outcome> {
    let (_, store) = ctx.open()?;
    let remote = pick(&store, remote)?;
    let client = Client::with_token(&remote, token.to_string())?;
    let (status, me) = client.call(client.http.get(format!("{}/api/v1/auth/me", client.url)))?;
    if status != 200 {
        return Err(anyhow!(
            "the team server answered {status}: {}",
            message(&me)
        ));
    }
    crate::credentials::store(crate::credentials::server_key(&remote.name), token)?;
    ctx.printer.status(&format!(
        "logged in to {} as {} ({}); the token is in the OS keyring",
        remote.name,
        me["name"].as_str().unwrap_or("?"),
        me["role"].as_str().unwrap_or("?")
    ));
    Ok(Outcome::Success)
}

/// `opends auth logout server`.
pub fn logout(ctx: &Context, remote: Option<&str>) -> Result<Outcome> {
    let (_, store) = ctx.open()?;
    let remote = pick(&store, remote)?;
    let removed = crate::credentials::delete(crate::credentials::server_key(&remote.name))?;
    ctx.printer.status(&if removed {
        format!("removed the {} token from the OS keyring", remote.name)
    } else {
        format!("no {} token in the OS keyring", remote.name)
    });
    Ok(Outcome::Success)
}

/// `opends push`.
pub fn push(ctx: &Context, args: PushArgs) -> Result<Outcome> {
    let (_, mut store) = ctx.open()?;
    let remote = pick(&store, args.remote.as_deref())?;
    let base = store.remote_base(&remote.name)?;
    let working = parts(&store.working()?);
    let tokens = local_changes(&base.tokens, &working.tokens);
    let components = local_changes(&base.components, &working.components);
    let layout_changed = base_layout(&base) != working.layout;
    if tokens.is_empty() && components.is_empty() && !layout_changed {
        ctx.printer.status(&format!(
            "nothing to push: {} is at revision {} with everything here",
            remote.name, remote.revision
        ));
        return Ok(Outcome::Success);
    }
    let summary = format!(
        "{} token change{}, {} component change{}{}",
        tokens.len(),
        if tokens.len() == 1 { "" } else { "s" },
        components.len(),
        if components.len() == 1 { "" } else { "s" },
        if layout_changed { ", layout" } else { "" }
    );
    if args.dry_run {
        ctx.printer
            .status(&format!("would push {summary} to {}", remote.name));
        return Ok(Outcome::Success);
    }
    let body = json!({
        "base_revision": remote.revision,
        "tokens": tokens.iter().map(|(k, e)| json!([k, e.as_deref().map(entry_value)])).collect::<Vec<_>>(),
        "components": components.iter().map(|(k, e)| json!([k, e.as_deref().map(entry_value)])).collect::<Vec<_>>(),
        "layout": layout_changed.then(|| entry_value(&working.layout)),
    });
    let client = Client::new(&remote)?;
    let (status, resp) = client.call(
        client
            .http
            .post(format!("{}/api/v1/sync/push", client.url))
            .json(&body),
    )?;
    match status {
        200 => {
            let revision = resp["revision"].as_i64().unwrap_or(remote.revision);
            store.finish_push(
                &remote.name,
                &RemoteBase {
                    layout: Some(working.layout),
                    tokens: working.tokens,
                    components: working.components,
                },
                revision,
            )?;
            if args.json {
                ctx.printer.json(&resp)?;
            }
            ctx.printer.status(&format!(
                "pushed {summary} to {}: now at revision {revision}",
                remote.name
            ));
            Ok(Outcome::Success)
        }
        409 => {
            let items = resp["error"]["conflicts"]["items"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            if args.json {
                ctx.printer.json(&resp)?;
            }
            let mut text = format!(
                "{} has changes newer than revision {} that this store has not pulled",
                remote.name, remote.revision
            );
            if !items.is_empty() {
                let _ = write!(text, "; changed on both sides:");
                for c in items.iter().take(20) {
                    let _ = write!(
                        text,
                        "\n  {} {}: here {} / there {}",
                        c["kind"].as_str().unwrap_or(""),
                        c["key"].as_str().unwrap_or(""),
                        short(&c["ours"]),
                        short(&c["theirs"])
                    );
                }
            }
            ctx.printer.error(&crate::hinted(
                text,
                "run `opends pull` (then `--theirs` or `--ours` for conflicts), then push again; nothing was pushed",
            ));
            Ok(Outcome::Found)
        }
        413 => Err(crate::hinted(
            "the change is larger than the server accepts",
            "ask the server's admin to raise --body-limit",
        )),
        400 | 422 => Err(anyhow!(
            "the server refused the change: {}{}",
            message(&resp),
            problem_lines(&resp["error"]["problems"])
        )),
        _ => Err(anyhow!(
            "the team server answered {status}: {}",
            message(&resp)
        )),
    }
}

/// Problems as indented lines: `{code, message, path}` objects (or the sentences of
/// older servers).
fn problem_lines(problems: &Value) -> String {
    let mut out = String::new();
    for p in problems.as_array().into_iter().flatten().take(50) {
        match p.as_str() {
            Some(s) => {
                let _ = write!(out, "\n  {s}");
            }
            None => {
                let _ = write!(
                    out,
                    "\n  {}: {} [{}]",
                    p["path"].as_str().unwrap_or_default(),
                    p["message"].as_str().unwrap_or_default(),
                    p["code"].as_str().unwrap_or_default()
                );
            }
        }
    }
    out
}

fn refused(problems: &[crate::server::repo::Problem], what: &str) -> anyhow::Error {
    let mut text = format!(
        "the team server sent {what} that `opends` would refuse to import; nothing was written:"
    );
    for p in problems {
        let _ = write!(text, "\n  {p}");
    }
    crate::hinted(
        text,
        "ask the server's admin to fix or remove these entries (the server refuses such pushes now)",
    )
}

fn short(v: &Value) -> String {
    match v {
        Value::Null => "(deleted)".into(),
        other => other
            .get("value")
            .map_or_else(|| other.to_string(), crate::versions::render::short_value),
    }
}

/// `opends pull`.
pub fn pull(ctx: &Context, args: PullArgs) -> Result<Outcome> {
    let (_, mut store) = ctx.open()?;
    let remote = pick(&store, args.remote.as_deref())?;
    let client = Client::new(&remote)?;
    let (status, delta) = client.call(client.http.get(format!(
        "{}/api/v1/sync?since={}&versions_after={}",
        client.url, remote.revision, remote.versions_seq
    )))?;
    if status != 200 {
        return Err(anyhow!(
            "the team server answered {status}: {}",
            message(&delta)
        ));
    }
    let working_snap = store.working()?;
    let working_hash = working_snap.content_hash();
    let working = parts(&working_snap);
    let base = store.remote_base(&remote.name)?;
    let mut new_base = base.clone();
    let mut merged = Parts {
        layout: working.layout.clone(),
        tokens: working.tokens.clone(),
        components: working.components.clone(),
    };
    let mut conflicts = Vec::new();
    let mut taken = 0usize;
    for (kind, field, base_map, working_map, merged_map, new_base_map) in [
        (
            "token",
            "tokens",
            &base.tokens,
            &working.tokens,
            &mut merged.tokens,
            &mut new_base.tokens,
        ),
        (
            "component",
            "components",
            &base.components,
            &working.components,
            &mut merged.components,
            &mut new_base.components,
        ),
    ] {
        for item in delta[field].as_array().into_iter().flatten() {
            let Some(key) = item[0].as_str() else {
                continue;
            };
            let theirs = (!item[1].is_null()).then(|| item[1].to_string());
            let ours_changed = base_map.get(key) != working_map.get(key);
            let ours = working_map.get(key).cloned();
            match &theirs {
                Some(e) => new_base_map.insert(key.to_string(), e.clone()),
                None => new_base_map.remove(key),
            };
            if ours_changed && ours != theirs {
                conflicts.push((kind, key.to_string(), ours, theirs.clone()));
                if !args.theirs {
                    continue;
                }
            } else if ours == theirs {
                continue;
            }
            taken += 1;
            match theirs {
                Some(e) => merged_map.insert(key.to_string(), e),
                None => merged_map.remove(key),
            };
        }
    }
    if let Some(layout) = delta.get("layout").filter(|l| !l.is_null()) {
        let l = layout.to_string();
        let ours_changed = base_layout(&base) != working.layout;
        if !ours_changed || args.theirs {
            merged.layout.clone_from(&l);
        }
        new_base.layout = Some(l);
    }
    if !conflicts.is_empty() && !args.theirs && !args.ours {
        let mut text = format!(
            "{} change{} here and on {} conflict; nothing was written:",
            conflicts.len(),
            if conflicts.len() == 1 { "" } else { "s" },
            remote.name
        );
        for (kind, key, ours, theirs) in conflicts.iter().take(20) {
            let _ = write!(
                text,
                "\n  {kind} {key}: here {} / there {}",
                short(&ours.as_deref().map_or(Value::Null, entry_value)),
                short(&theirs.as_deref().map_or(Value::Null, entry_value))
            );
        }
        ctx.printer.error(&crate::hinted(
            text,
            "choose: `opends pull --theirs` takes the server's values, `--ours` keeps these (then push them)",
        ));
        return Ok(Outcome::Found);
    }
    // What comes from the server is checked like an import before anything is written.
    let snapshot =
        crate::server::repo::check_state(&merged.layout, &merged.tokens, &merged.components)
            .map_err(|p| refused(&p, "changes"))?;
    let mut versions = Vec::new();
    let mut last_seq = remote.versions_seq;
    for v in delta["versions"].as_array().into_iter().flatten() {
        let server: crate::server::repo::ServerVersion = serde_json::from_value(v.clone())?;
        last_seq = last_seq.max(server.seq);
        if let Err(e) = crate::versions::semver::Version::parse(&server.version) {
            return Err(anyhow!(
                "the team server sent a version that is not one: {e}"
            ));
        }
        let snap = server
            .snapshot
            .as_ref()
            .map(crate::server::repo::checked_snapshot_from_json)
            .transpose()
            .map_err(|p| refused(&p, &format!("version {}", server.version)))?
            .unwrap_or_default();
        versions.push((
            NewVersion {
                version: server.version,
                created_at: server.created_at,
                author: server.author,
                message: server.message,
                bump: server.bump,
                forced: server.forced,
                changelog: server.changelog,
            },
            snap,
        ));
    }
    let revision = delta["revision"].as_i64().unwrap_or(remote.revision);
    let made = store.finish_pull(
        &PullWrite {
            remote: &remote.name,
            working: &snapshot,
            base: &new_base,
            revision,
            versions_seq: last_seq,
            versions,
        },
        &working_hash,
    )?;
    let report = json!({
        "remote": remote.name,
        "revision": revision,
        "taken": taken,
        "conflicts": conflicts.len(),
        "resolved": if conflicts.is_empty() { Value::Null } else if args.theirs { json!("theirs") } else { json!("ours") },
        "versions": made.iter().map(|v| v.version.clone()).collect::<Vec<_>>(),
    });
    if args.json {
        ctx.printer.json(&report)?;
    }
    ctx.printer.status(&format!(
        "pulled {}: revision {} -> {revision}, {taken} change{} taken{}{}",
        remote.name,
        remote.revision,
        if taken == 1 { "" } else { "s" },
        if conflicts.is_empty() {
            String::new()
        } else {
            format!(
                ", {} conflict{} resolved with --{}",
                conflicts.len(),
                if conflicts.len() == 1 { "" } else { "s" },
                if args.theirs { "theirs" } else { "ours" }
            )
        },
        if made.is_empty() {
            String::new()
        } else {
            format!(
                ", versions {}",
                made.iter()
                    .map(|v| v.version.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
    ));
    Ok(Outcome::Success)
}
