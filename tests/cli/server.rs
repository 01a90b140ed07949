//! The team server: the real `opends serve` on `127.0.0.1:0`, driven over HTTP and by
//! `opends push`/`pull` from project directories. The storage suite at the end runs
//! against SQLite and against a real PostgreSQL (tests/pg/start.sh starts one).

use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::serve::{Server, api_token, call, http};
use crate::support::{BIN, Test, crate_root};

/// A project with the acme example's tokens and components.
fn acme(t: &Test, dir: &str) {
    let src = crate_root().join("examples/acme");
    for sub in ["tokens", "components"] {
        copy(&src.join(sub), &t.join(dir).join(sub));
    }
    std::fs::copy(src.join("opends.yaml"), t.join(dir).join("opends.yaml")).expect("copy");
}

fn copy(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        if e.path().is_dir() {
            copy(&e.path(), &to.join(e.file_name()));
        } else {
            std::fs::copy(e.path(), to.join(e.file_name())).expect("copy");
        }
    }
}

#[test]
fn login_refresh_rotation_logout_and_me() {
    let t = Test::new();
    let out = t
        .opends([
            "server",
            "user",
            "add",
            "Ada@Example.com",
            "--role",
            "editor",
            "--data",
            "server-data",
        ])
        .success()
        .stderr_contains("one-time password");
    let password = out.stdout().trim().to_string();
    t.opends([
        "server",
        "user",
        "add",
        "ada@example.com",
        "--role",
        "admin",
        "--data",
        "server-data",
    ])
    .code(2)
    .stderr_contains("already an account");
    let s = Server::start(&t, &[], &[]);
    let c = http();
    let (st, body) = call(
        c.post(format!("{}/api/v1/auth/login", s.url))
            .json(&json!({"email": "ada@example.com", "password": "nope"})),
    );
    assert_eq!(st, 401, "{body}");
    let (st, session) = call(
        c.post(format!("{}/api/v1/auth/login", s.url))
            .json(&json!({"email": "ada@example.com", "password": password})),
    );
    assert_eq!(st, 200, "{session}");
    assert_eq!(session["expires_in"], json!(900));
    let access = session["access_token"]
        .as_str()
        .expect("access")
        .to_string();
    let refresh = session["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();
    let (st, me) = call(
        c.get(format!("{}/api/v1/auth/me", s.url))
            .bearer_auth(&access),
    );
    assert_eq!((st, me["role"].clone()), (200, json!("editor")));
    // Rotation: the refresh token works once, and gives a new one.
    let (st, second) = call(
        c.post(format!("{}/api/v1/auth/refresh", s.url))
            .json(&json!({"refresh_token": refresh})),
    );
    assert_eq!(st, 200, "{second}");
    let refresh2 = second["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();
    assert_ne!(refresh2, refresh);
    // Reuse of the old one revokes the whole session, the new one included.
    let (st, _) = call(
        c.post(format!("{}/api/v1/auth/refresh", s.url))
            .json(&json!({"refresh_token": refresh})),
    );
    assert_eq!(st, 401);
    let (st, _) = call(
        c.post(format!("{}/api/v1/auth/refresh", s.url))
            .json(&json!({"refresh_token": refresh2})),
    );
    assert_eq!(st, 401);
    // Logout revokes a fresh session's refresh token.
    let (_, third) = call(
        c.post(format!("{}/api/v1/auth/login", s.url))
            .json(&json!({"email": "ada@example.com", "password": password})),
    );
    let refresh3 = third["refresh_token"]
        .as_str()
        .expect("refresh")
        .to_string();
    let resp = c
        .post(format!("{}/api/v1/auth/logout", s.url))
        .json(&json!({"refresh_token": refresh3}))
        .send()
        .expect("logout");
    assert_eq!(resp.status().as_u16(), 204);
    let (st, _) = call(
        c.post(format!("{}/api/v1/auth/refresh", s.url))
            .json(&json!({"refresh_token": refresh3})),
    );
    assert_eq!(st, 401);
    // A tampered access token is refused.
    let (st, err) = call(
        c.get(format!("{}/api/v1/auth/me", s.url))
            .bearer_auth(format!("{access}x")),
    );
    assert_eq!(st, 401);
    assert_eq!(err["error"]["code"], json!("unauthorized"));
    // Neither passwords nor tokens reach the log.
    let log = s.log_with("\"status\":401");
    assert!(
        !log.contains(&password) && !log.contains(&access) && !log.contains(&refresh),
        "{log}"
    );
}

#[test]
fn login_is_throttled_after_five_failures() {
    let t = Test::new();
    t.opends([
        "server",
        "user",
        "add",
        "bo@example.com",
        "--role",
        "viewer",
        "--data",
        "server-data",
    ])
    .success();
    let s = Server::start(&t, &[], &[]);
    let c = http();
    for _ in 0..5 {
        let (st, _) = call(
            c.post(format!("{}/api/v1/auth/login", s.url))
                .json(&json!({"email": "bo@example.com", "password": "bad"})),
        );
        assert_eq!(st, 401);
    }
    let resp = c
        .post(format!("{}/api/v1/auth/login", s.url))
        .json(&json!({"email": "bo@example.com", "password": "bad"}))
        .send()
        .expect("login");
    assert_eq!(resp.status().as_u16(), 429);
    assert!(resp.headers().get("retry-after").is_some());
}

#[test]
fn every_cell_of_the_roles_table() {
    let t = Test::new();
    acme(&t, "a");
    let admin = api_token(&t, "admin");
    let editor = api_token(&t, "editor");
    let viewer = api_token(&t, "viewer");
    let s = Server::start(&t, &["--rate-limit", "0"], &[]);
    t.opends(["-C", "a", "remote", "add", "team", &s.url])
        .success();
    t.opends_env(["-C", "a", "push"], &[("OPENDS_SERVER_TOKEN", &admin)])
        .success();
    t.opends_env(
        ["-C", "a", "release", "--yes", "--allow-drafts"],
        &[("OPENDS_AUTHOR", "x")],
    )
    .success();
    let c = http();
    let u = |p: &str| format!("{}{p}", s.url);
    let status = |req: reqwest::blocking::RequestBuilder| call(req).0;
    for (role, token) in [("admin", &admin), ("editor", &editor), ("viewer", &viewer)] {
        let may_write = role != "viewer";
        let may_admin = role == "admin";
        let expect = |allowed: bool, ok: u16| if allowed { ok } else { 403 };
        // Read tokens, components, versions, sync events: everyone.
        for path in [
            "/api/v1/tokens",
            "/api/v1/tokens/color.white",
            "/api/v1/components",
            "/api/v1/components/Button",
            "/api/v1/versions",
            "/api/v1/sync/events",
            "/api/v1/sync?since=0",
        ] {
            assert_eq!(
                status(c.get(u(path)).bearer_auth(token)),
                200,
                "{role} GET {path}"
            );
        }
        // Push changes, approve components, release: admin and editor.
        let value = if role == "admin" {
            "#fafafa"
        } else {
            "#f9f9f9"
        };
        let patch = json!({"value": {"colorSpace": "srgb", "components": [0.98, 0.98, 0.98], "hex": value}});
        assert_eq!(
            status(
                c.patch(u("/api/v1/tokens/color.white"))
                    .bearer_auth(token)
                    .json(&patch)
            ),
            expect(may_write, 200),
            "{role} PATCH token"
        );
        assert_eq!(
            status(
                c.post(u("/api/v1/components/Box/approve"))
                    .bearer_auth(token)
            ),
            expect(may_write, 200),
            "{role} approve"
        );
        assert_eq!(
            status(
                c.post(u("/api/v1/sync/push"))
                    .bearer_auth(token)
                    .json(&json!({"base_revision": 0}))
            ),
            expect(may_write, 409),
            "{role} push"
        );
        let release = c
            .post(u("/api/v1/versions"))
            .bearer_auth(token)
            .json(&json!({"message": role, "allow_drafts": true}));
        assert_eq!(status(release), expect(may_write, 201), "{role} release");
        // Delete components or versions: admin only (also through a push).
        let deleting = json!({"base_revision": 0, "components": [["Card", null]]});
        assert_eq!(
            status(
                c.post(u("/api/v1/sync/push"))
                    .bearer_auth(token)
                    .json(&deleting)
            ),
            expect(may_admin, 409),
            "{role} push deleting a component"
        );
        let comp = if role == "admin" { "Badge" } else { "Stack" };
        assert_eq!(
            status(
                c.delete(u(&format!("/api/v1/components/{comp}")))
                    .bearer_auth(token)
            ),
            expect(may_admin, 200),
            "{role} delete component"
        );
        assert_eq!(
            status(c.delete(u("/api/v1/versions/1.0.0")).bearer_auth(token)),
            expect(may_admin, 204),
            "{role} delete version"
        );
        // Manage users and tokens, read the audit log: admin only.
        let email = format!("{role}-made@example.com");
        assert_eq!(
            status(
                c.post(u("/api/v1/users"))
                    .bearer_auth(token)
                    .json(&json!({"email": email, "role": "viewer"}))
            ),
            expect(may_admin, 201),
            "{role} add user"
        );
        assert_eq!(
            status(c.get(u("/api/v1/users")).bearer_auth(token)),
            expect(may_admin, 200),
            "{role} list users"
        );
        assert_eq!(
            status(
                c.post(u("/api/v1/api-tokens"))
                    .bearer_auth(token)
                    .json(&json!({"role": "viewer"}))
            ),
            expect(may_admin, 201),
            "{role} create token"
        );
        assert_eq!(
            status(c.get(u("/api/v1/audit")).bearer_auth(token)),
            expect(may_admin, 200),
            "{role} audit"
        );
    }
    // No credential at all: 401.
    assert_eq!(status(c.get(u("/api/v1/tokens"))), 401);
    // The audit log has who, what, old and new value.
    let (_, log) = call(c.get(u("/api/v1/audit?limit=1000")).bearer_auth(&admin));
    let items = log["items"].as_array().expect("items");
    let patch = items
        .iter()
        .find(|e| e["action"] == json!("token.update") && e["target"] == json!("color.white"))
        .expect("the token patch is audited");
    assert!(
        patch["actor"]
            .as_str()
            .is_some_and(|a| a.starts_with("token:"))
    );
    assert!(
        patch["old"]["value"].is_object() && patch["new"]["value"].is_object(),
        "{patch}"
    );
    assert!(
        items
            .iter()
            .any(|e| e["action"] == json!("component.delete"))
    );
    assert!(items.iter().any(|e| e["action"] == json!("version.delete")));
}

#[test]
fn push_and_pull_round_trip_between_two_projects_with_releases() {
    let t = Test::new();
    acme(&t, "a");
    t.write("b/opends.yaml", "name: b\n");
    let token = api_token(&t, "editor");
    let s = Server::start(&t, &[], &[]);
    let env = [("OPENDS_SERVER_TOKEN", token.as_str())];
    for dir in ["a", "b"] {
        t.opends(["-C", dir, "remote", "add", "team", &s.url])
            .success();
    }
    t.opends_env(["-C", "a", "push"], &env)
        .success()
        .stderr_contains("now at revision 1");
    t.opends_env(["-C", "a", "push"], &env)
        .success()
        .stderr_contains("nothing to push");
    // `--json` never prints nothing: a dry run with nothing to push says so in JSON.
    let dry = t
        .opends_env(["-C", "a", "push", "--dry-run", "--json"], &env)
        .success()
        .json();
    assert_eq!(dry["nothing_to_push"], serde_json::json!(true), "{dry}");
    assert_eq!(dry["dry_run"], serde_json::json!(true), "{dry}");
    // A release made on the server comes down as a version.
    let c = http();
    let (st, v) = call(
        c.post(format!("{}/api/v1/versions", s.url))
            .bearer_auth(&token)
            .json(&json!({"allow_drafts": true, "message": "From the server"})),
    );
    assert_eq!(st, 201, "{v}");
    assert_eq!(v["version"], json!("1.0.0"));
    t.opends_env(["-C", "b", "pull"], &env)
        .success()
        .stderr_contains("versions 1.0.0");
    let tokens_a = t
        .opends(["-C", "a", "tokens", "list", "--json"])
        .success()
        .json();
    let tokens_b = t
        .opends(["-C", "b", "tokens", "list", "--json"])
        .success()
        .json();
    assert_eq!(tokens_a, tokens_b);
    let comps_a = t
        .opends(["-C", "a", "components", "list", "--json"])
        .success()
        .json();
    let comps_b = t
        .opends(["-C", "b", "components", "list", "--json"])
        .success()
        .json();
    assert_eq!(comps_a, comps_b);
    t.opends(["-C", "b", "versions", "list", "--json"])
        .success()
        .stdout_contains("From the server");
    t.opends([
        "-C",
        "b",
        "export",
        "tokens",
        "--format",
        "css",
        "--out",
        "v1",
        "--version",
        "1.0.0",
    ])
    .success();
    t.opends([
        "-C", "b", "export", "tokens", "--format", "css", "--out", "now",
    ])
    .success();
    assert_eq!(t.read("v1/tokens.css"), t.read("now/tokens.css"));
    // B changes a token and pushes; A pulls it.
    t.opends(["-C", "b", "tokens", "set", "space.0", "1px"])
        .success();
    t.opends_env(["-C", "b", "push"], &env)
        .success()
        .stderr_contains("1 token change");
    t.opends_env(["-C", "a", "pull"], &env)
        .success()
        .stderr_contains("1 change taken");
    t.opends(["-C", "a", "tokens", "get", "space.0", "--json"])
        .success()
        .stdout_contains("\"value\": 1");
}

#[test]
fn concurrent_pushes_one_wins_one_gets_409_nothing_is_lost() {
    let t = Test::new();
    acme(&t, "a");
    t.write("b/opends.yaml", "name: b\n");
    t.write("c/opends.yaml", "name: c\n");
    let token = api_token(&t, "editor");
    let s = Server::start(&t, &["--rate-limit", "0"], &[]);
    let env = [("OPENDS_SERVER_TOKEN", token.as_str())];
    for dir in ["a", "b", "c"] {
        t.opends(["-C", dir, "remote", "add", "team", &s.url])
            .success();
    }
    t.opends_env(["-C", "a", "push"], &env).success();
    t.opends_env(["-C", "b", "pull"], &env).success();
    t.opends_env(["-C", "c", "pull"], &env).success();
    // Both change different tokens from the same base, and push at the same moment.
    t.opends(["-C", "b", "tokens", "set", "space.1", "5px"])
        .success();
    t.opends(["-C", "c", "tokens", "set", "space.2", "9px"])
        .success();
    let spawn = |dir: &str| {
        t.command(["-C", dir, "push"])
            .env("OPENDS_SERVER_TOKEN", &token)
            .spawn()
            .expect("push")
    };
    let (mut pb, mut pc) = (spawn("b"), spawn("c"));
    let codes = [pb.wait().expect("b").code(), pc.wait().expect("c").code()];
    let mut sorted = codes;
    sorted.sort();
    assert_eq!(
        sorted,
        [Some(0), Some(1)],
        "exactly one push wins: {codes:?}"
    );
    // The loser pulls (keeping its change) and pushes again: both changes are there.
    let loser = if codes[0] == Some(1) { "b" } else { "c" };
    t.opends_env(["-C", loser, "pull"], &env).success();
    t.opends_env(["-C", loser, "push"], &env).success();
    t.opends_env(["-C", "a", "pull"], &env).success();
    t.opends(["-C", "a", "tokens", "get", "space.1", "--json"])
        .success()
        .stdout_contains("\"value\": 5");
    t.opends(["-C", "a", "tokens", "get", "space.2", "--json"])
        .success()
        .stdout_contains("\"value\": 9");
    // The same token changed on both sides: a conflict listing both values.
    t.opends_env(["-C", "b", "pull"], &env).success();
    t.opends_env(["-C", "c", "pull"], &env).success();
    t.opends(["-C", "b", "tokens", "set", "space.3", "11px"])
        .success();
    t.opends(["-C", "c", "tokens", "set", "space.3", "13px"])
        .success();
    t.opends_env(["-C", "b", "push"], &env).success();
    t.opends_env(["-C", "c", "push"], &env)
        .code(1)
        .stderr_contains("token space.3: here 13px / there 11px");
    t.opends_env(["-C", "c", "pull"], &env)
        .code(1)
        .stderr_contains("--theirs");
    t.opends_env(["-C", "c", "pull", "--ours"], &env).success();
    t.opends_env(["-C", "c", "push"], &env).success();
    t.opends_env(["-C", "b", "pull"], &env).success();
    t.opends(["-C", "b", "tokens", "get", "space.3", "--json"])
        .success()
        .stdout_contains("\"value\": 13");
}

#[test]
fn body_limit_rate_limit_bad_json_and_request_ids() {
    let t = Test::new();
    let token = api_token(&t, "editor");
    let s = Server::start(&t, &["--body-limit", "2000", "--rate-limit", "5"], &[]);
    let c = http();
    let big = json!({"base_revision": 0, "tokens": [["a", {"type": "number", "value": 1, "description": "x".repeat(5000)}]]});
    let (st, err) = call(
        c.post(format!("{}/api/v1/sync/push", s.url))
            .bearer_auth(&token)
            .json(&big),
    );
    assert_eq!(st, 413, "{err}");
    assert_eq!(err["error"]["code"], json!("payload_too_large"));
    let resp = c
        .post(format!("{}/api/v1/sync/push", s.url))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .header("x-request-id", "req-123")
        .body("{not json")
        .send()
        .expect("send");
    assert_eq!(resp.status().as_u16(), 400);
    assert_eq!(resp.headers()["x-request-id"], "req-123");
    assert_eq!(resp.headers()["x-content-type-options"], "nosniff");
    let body: Value = resp.json().expect("json");
    assert_eq!(body["error"]["code"], json!("bad_request"));
    assert_eq!(body["error"]["requestId"], json!("req-123"));
    // Five per second, bursts of ten: thirty at once meet 429 with Retry-After.
    let mut limited = None;
    for _ in 0..30 {
        let resp = c
            .get(format!("{}/api/v1/tokens", s.url))
            .bearer_auth(&token)
            .send()
            .expect("send");
        if resp.status().as_u16() == 429 {
            limited = resp
                .headers()
                .get("retry-after")
                .map(|v| v.to_str().unwrap_or_default().to_string());
            break;
        }
    }
    assert!(limited.is_some_and(|s| s.parse::<u64>().is_ok_and(|n| n >= 1)));
    let log = s.log_with("\"request_id\":\"req-123\"");
    assert!(
        log.contains("\"request_id\":\"req-123\"") && log.contains("\"status\":400"),
        "{log}"
    );
    assert!(!log.contains(&token));
}

#[test]
fn webhooks_accept_the_right_passcode_and_secret_only() {
    let t = Test::new();
    let viewer = api_token(&t, "viewer");
    let s = Server::start(
        &t,
        &[],
        &[
            ("OPENDS_FIGMA_WEBHOOK_PASSCODE", "pass-123"),
            ("OPENDS_PENPOT_WEBHOOK_SECRET", "sec-456"),
        ],
    );
    let c = http();
    let figma = |passcode: &str| json!({"event_type": "FILE_UPDATE", "passcode": passcode, "file_key": "KEY1", "file_name": "Brand", "timestamp": "2026-11-25T00:00:00Z", "webhook_id": "1"});
    let (st, body) = call(
        c.post(format!("{}/webhooks/figma", s.url))
            .json(&figma("pass-123")),
    );
    assert_eq!(st, 202, "{body}");
    let (st, _) = call(
        c.post(format!("{}/webhooks/figma", s.url))
            .json(&figma("wrong")),
    );
    assert_eq!(st, 401);
    let penpot = json!({"name": "update-file", "props": {"id": "f-1", "name": "Tokens"}});
    let (st, body) = call(
        c.post(format!("{}/webhooks/penpot/sec-456", s.url))
            .json(&penpot),
    );
    assert_eq!(st, 202, "{body}");
    let (st, _) = call(
        c.post(format!("{}/webhooks/penpot/nope", s.url))
            .json(&penpot),
    );
    assert_eq!(st, 401);
    let (_, events) = call(
        c.get(format!("{}/api/v1/sync/events", s.url))
            .bearer_auth(&viewer),
    );
    let seen: Vec<(String, String)> = events["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| {
            (
                e["source"].as_str().unwrap_or_default().to_string(),
                e["status"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert!(
        seen.contains(&("figma:KEY1".into(), "queued".into())),
        "{seen:?}"
    );
    assert!(
        seen.contains(&("penpot:f-1".into(), "queued".into())),
        "{seen:?}"
    );
    // Rejected calls are counted in the metrics, not stored.
    assert_eq!(
        seen.iter().filter(|(_, st)| st == "rejected").count(),
        0,
        "{seen:?}"
    );
    let metrics = c
        .get(format!("{}/metrics", s.url))
        .send()
        .expect("metrics")
        .text()
        .expect("text");
    assert!(
        metrics.contains("opends_sync_events_total{trigger=\"webhook\",status=\"queued\"} 2"),
        "{metrics}"
    );
    assert!(
        metrics.contains("opends_http_request_duration_seconds_bucket{route=\"/webhooks/figma\""),
        "{metrics}"
    );
    assert!(s.log_with("webhook rejected").contains("webhook rejected"));
}

#[test]
fn health_reports_a_lost_database_and_requests_get_503() {
    let t = Test::new();
    let token = api_token(&t, "viewer");
    let s = Server::start(&t, &[], &[]);
    let c = http();
    let (st, h) = call(c.get(format!("{}/health", s.url)));
    assert_eq!((st, h["database"].clone()), (200, json!("reachable")));
    assert_eq!(h["version"], json!(env!("CARGO_PKG_VERSION")));
    std::fs::remove_dir_all(&s.data).expect("remove the data dir");
    // The revision, which /health reads, is trusted for 50 ms.
    std::thread::sleep(Duration::from_millis(100));
    let (st, h) = call(c.get(format!("{}/health", s.url)));
    assert_eq!((st, h["status"].clone()), (503, json!("degraded")), "{h}");
    let (st, err) = call(
        c.get(format!("{}/api/v1/tokens/x", s.url))
            .bearer_auth(&token),
    );
    // The token may still be cached for a few seconds; either way no 500 and no crash.
    assert!(st == 503 || st == 404, "{st} {err}");
    let (st, _) = call(
        c.get(format!("{}/api/v1/versions", s.url))
            .bearer_auth(&token),
    );
    assert_eq!(st, 503);
}

#[test]
fn sigterm_drains_and_exits_zero() {
    let t = Test::new();
    let mut s = Server::start(&t, &[], &[]);
    let c = http();
    assert_eq!(call(c.get(format!("{}/health", s.url))).0, 200);
    let pid = s.child.id().to_string();
    let ok = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(ok.success());
    let start = Instant::now();
    let status = loop {
        if let Some(st) = s.child.try_wait().expect("wait") {
            break st;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the server did not stop"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    assert!(s.log_with("shutting down").contains("shutting down"));
}

// ---------------------------------------------------------------- storage suite

/// A PostgreSQL URL from tests/pg/start.sh (which installs and starts one if needed).
fn postgres_url() -> String {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        if let Ok(url) = std::env::var("OPENDS_TEST_DATABASE_URL") {
            return url;
        }
        let out = Command::new("bash")
            .arg(crate_root().join("tests/pg/start.sh"))
            .stderr(Stdio::inherit())
            .output()
            .expect("run tests/pg/start.sh");
        assert!(
            out.status.success(),
            "tests/pg/start.sh could not start PostgreSQL"
        );
        String::from_utf8(out.stdout)
            .expect("utf-8")
            .trim()
            .to_string()
    })
    .clone()
}

/// A fresh PostgreSQL database for one test.
fn fresh_postgres(name: &str) -> String {
    let base = postgres_url();
    let (root, _) = base.rsplit_once('/').expect("a database in the URL");
    let admin = format!("{root}/postgres");
    let mut client = postgres::Client::connect(&admin, postgres::NoTls).expect("connect");
    client
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .expect("drop the database");
    client
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create the database");
    format!("{root}/{name}")
}

fn storage_suite(storage: &opends::server::AnyStorage) {
    use opends::server::db::Storage as _;
    use opends::server::repo::{self, Actor, ApplyError, Changes, Role};
    let actor = Actor {
        name: "test".into(),
        request_id: None,
    };
    storage
        .with_conn(|c| {
            // Accounts.
            let (user, password) = repo::add_user(c, "a@x.io", Role::Editor)?;
            assert!(
                repo::user_by_email(c, "a@x.io")?
                    .expect("user")
                    .check_password(&password)
            );
            assert!(matches!(
                repo::add_user(c, "a@x.io", Role::Viewer),
                Err(opends::server::db::DbError::Conflict(_))
            ));
            repo::store_refresh(c, "r1", &user.id, "fam", repo::now_secs() + 60)?;
            assert!(matches!(
                repo::use_refresh(c, "r1", repo::now_secs())?,
                repo::Refresh::Valid(..)
            ));
            assert!(matches!(
                repo::use_refresh(c, "r1", repo::now_secs())?,
                repo::Refresh::Reused
            ));
            let (rec, tok) = repo::create_api_token(c, Role::Viewer, Some("ci"))?;
            assert_eq!(
                repo::api_token(c, &tok)?.map(|t| t.id),
                Some(rec.id.clone())
            );
            assert!(repo::revoke_api_token(c, &rec.id)?);
            assert!(repo::api_token(c, &tok)?.is_none());
            let now = repo::now_secs();
            repo::record_login_failure(c, &["acct:a".into()], now)?;
            assert_eq!(repo::login_failures(c, "acct:a", now - 10)?, 1);
            Ok(())
        })
        .expect("accounts");
    let token = |v: i64| json!({"type": "number", "value": v, "set": "s"});
    let apply = |changes: &Changes| {
        storage
            .with_conn(|c| Ok(repo::apply(c, &actor, changes)))
            .expect("conn")
    };
    let first = apply(&Changes {
        base_revision: Some(0),
        tokens: vec![("a".into(), Some(token(1))), ("b".into(), Some(token(2)))],
        ..Changes::default()
    })
    .expect("first push");
    assert_eq!((first.revision, first.tokens), (1, 2));
    // A stale base is refused with both values of what changed on both sides.
    let stale = apply(&Changes {
        base_revision: Some(0),
        tokens: vec![("a".into(), Some(token(5)))],
        ..Changes::default()
    });
    match stale {
        Err(ApplyError::Stale {
            current: 1,
            conflicts,
            ..
        }) => {
            assert_eq!(conflicts.len(), 1);
            assert_eq!(conflicts[0].theirs, Some(token(1)));
            assert_eq!(conflicts[0].ours, Some(token(5)));
        }
        other => panic!("{other:?}"),
    }
    // An alias to nothing is refused and nothing is written.
    let bad = apply(&Changes {
        base_revision: Some(1),
        tokens: vec![(
            "c".into(),
            Some(json!({"type": "number", "value": "{nope}", "set": "s"})),
        )],
        ..Changes::default()
    });
    assert!(matches!(bad, Err(ApplyError::Invalid(_))), "{bad:?}");
    let second = apply(&Changes {
        base_revision: Some(1),
        tokens: vec![
            ("b".into(), None),
            (
                "c".into(),
                Some(json!({"type": "number", "value": "{a}", "set": "s"})),
            ),
        ],
        ..Changes::default()
    })
    .expect("second push");
    assert_eq!(second.revision, 2);
    storage
        .with_conn(|c| {
            let d = repo::delta(c, 1, 0)?;
            assert_eq!(d.revision, 2);
            let keys: Vec<(String, bool)> = d
                .tokens
                .iter()
                .map(|(k, v)| (k.clone(), v.is_some()))
                .collect();
            assert_eq!(keys, [("b".to_string(), false), ("c".to_string(), true)]);
            assert_eq!(repo::list_tokens(c, None, None, 10)?.len(), 2);
            assert_eq!(repo::list_tokens(c, Some("c"), None, 10)?.len(), 1);
            let audit = repo::audit_log(c, 100, None)?;
            assert!(
                audit
                    .iter()
                    .any(|e| e.action == "token.delete" && e.target.as_deref() == Some("b"))
            );
            Ok(())
        })
        .expect("delta");
    let made = storage
        .with_conn(|c| {
            Ok(opends::server::release::release(
                c,
                &actor,
                "t",
                &opends::server::release::Request::default(),
            ))
        })
        .expect("conn")
        .expect("release");
    assert_eq!(made.version, "1.0.0");
    storage
        .with_conn(|c| {
            let v = repo::version(c, "1.0.0", true)?.expect("version");
            let snap =
                repo::snapshot_from_json(v.snapshot.as_ref().expect("snapshot")).expect("snapshot");
            assert_eq!(snap.tokens.len(), 2);
            assert_eq!(snap.content_hash(), v.content_hash);
            Ok(())
        })
        .expect("versions");
}

#[test]
fn storage_suite_on_sqlite() {
    let dir = tempfile::tempdir().expect("tmp");
    let storage = opends::server::AnyStorage::open(dir.path(), None).expect("sqlite");
    storage_suite(&storage);
}

#[test]
fn storage_suite_on_postgresql() {
    let url = fresh_postgres("opends_suite");
    let storage = opends::server::AnyStorage::open(std::path::Path::new("unused"), Some(&url))
        .expect("postgres");
    storage_suite(&storage);
    // Migrations run again at every start and change nothing.
    let again = opends::server::AnyStorage::open(std::path::Path::new("unused"), Some(&url))
        .expect("postgres");
    drop(again);
}

#[test]
fn two_servers_on_one_postgresql_stay_correct_under_concurrent_pushes() {
    let url = fresh_postgres("opends_two");
    let t = Test::new();
    let token = {
        let out = t
            .opends_env(
                ["server", "token", "create", "--role", "editor"],
                &[("OPENDS_DATABASE_URL", &url)],
            )
            .success();
        out.stdout().trim().to_string()
    };
    let s1 = Server::start(&t, &["--rate-limit", "0"], &[("OPENDS_DATABASE_URL", &url)]);
    let s2 = Server::start(&t, &["--rate-limit", "0"], &[("OPENDS_DATABASE_URL", &url)]);
    let c = http();
    // Twenty clients push from the same base through both servers at once: one wins.
    let results: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..20)
            .map(|i| {
                let (c, url, token) = (&c, if i % 2 == 0 { &s1.url } else { &s2.url }, &token);
                scope.spawn(move || {
                    let body = json!({"base_revision": 0, "tokens": [[format!("t{i}"), {"type": "number", "value": i, "set": "s"}]]});
                    call(c.post(format!("{url}/api/v1/sync/push")).bearer_auth(token).json(&body)).0
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("client"))
            .collect()
    });
    assert_eq!(
        results.iter().filter(|s| **s == 200).count(),
        1,
        "{results:?}"
    );
    assert_eq!(
        results.iter().filter(|s| **s == 409).count(),
        19,
        "{results:?}"
    );
    let (_, d) = call(
        c.get(format!("{}/api/v1/sync?since=0", s2.url))
            .bearer_auth(&token),
    );
    assert_eq!(d["revision"], json!(1));
    assert_eq!(d["tokens"].as_array().map(Vec::len), Some(1));
    let _ = BIN;
}

/// Each server keeps the revision in memory for a few milliseconds and answers token
/// pages from its cache: a write through another process on the same SQLite file is
/// still seen (the revision is read again once it is 50 ms old).
#[test]
fn a_write_through_one_server_is_seen_by_another_on_the_same_sqlite_file() {
    let t = Test::new();
    let token = api_token(&t, "editor");
    let s1 = Server::start(&t, &["--rate-limit", "0"], &[]);
    let s2 = Server::start(&t, &["--rate-limit", "0"], &[]);
    let c = http();
    let page = |url: &str| {
        let (st, body) = call(
            c.get(format!("{url}/api/v1/tokens?limit=100"))
                .bearer_auth(&token),
        );
        assert_eq!(st, 200, "{body}");
        body["items"].as_array().map_or(0, Vec::len)
    };
    let push = |url: &str, base: i64, name: &str| {
        let body = json!({"base_revision": base, "tokens": [[name, {"type": "number", "value": 1, "set": "s"}]]});
        let (st, body) = call(
            c.post(format!("{url}/api/v1/sync/push"))
                .bearer_auth(&token)
                .json(&body),
        );
        assert_eq!(st, 200, "{body}");
    };
    assert_eq!(page(&s2.url), 0);
    push(&s1.url, 0, "a");
    // This process's own write is seen at once.
    assert_eq!(page(&s1.url), 1);
    let start = Instant::now();
    while page(&s2.url) != 1 {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the other server's write was not seen"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    // And the other way round, with s2's page cache warm.
    push(&s2.url, 1, "b");
    assert_eq!(page(&s2.url), 2);
    let start = Instant::now();
    while page(&s1.url) != 2 {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "the other server's write was not seen"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn auth_login_server_checks_the_token_against_the_remote() {
    let t = Test::new();
    let token = api_token(&t, "viewer");
    let s = Server::start(&t, &[], &[]);
    t.write("p/opends.yaml", "name: p\n");
    t.opends(["-C", "p", "remote", "add", "team", &s.url])
        .success();
    let login = |secret: &str| {
        let mut cmd = t.command(["-C", "p", "auth", "login", "server", "--token-stdin"]);
        cmd.env("OPENDS_KEYRING", "mock").stdin(Stdio::piped());
        let mut child = cmd.spawn().expect("login");
        std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), secret.as_bytes())
            .expect("write");
        child.wait_with_output().expect("wait")
    };
    let ok = login(&token);
    let err = String::from_utf8_lossy(&ok.stderr).to_string();
    assert_eq!(ok.status.code(), Some(0), "{err}");
    assert!(
        err.contains("logged in to team") && err.contains("viewer"),
        "{err}"
    );
    assert!(!err.contains(&token));
    let bad = login("odst_not-a-real-token");
    let err = String::from_utf8_lossy(&bad.stderr).to_string();
    assert_eq!(bad.status.code(), Some(2), "{err}");
    assert!(err.contains("refused the credential"), "{err}");
    // Without any credential, pull says how to get one (the keyring here is off).
    t.opends_env(["-C", "p", "pull"], &[("OPENDS_KEYRING", "none")])
        .code(2)
        .stderr_contains("opends auth login server --remote team");
}
