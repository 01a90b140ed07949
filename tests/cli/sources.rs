//! Design sources and credentials: `source add|list|rm` edit opends.yaml in place;
//! `auth login` checks the token against a local mock of the API (wiremock) and never
//! prints it; the environment variable wins; no test touches the real keyring.

use serde_json::json;
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::Test;

const SECRET: &str = "figd_TOPSECRET_0123456789";

fn project() -> Test {
    Test::new().file(
        "opends.yaml",
        "# the project\nname: s\n\n# outputs below\noutputs: []\n",
    )
}

#[test]
fn source_add_list_rm_keep_the_file_layout() {
    let t = project();
    t.opends([
        "source",
        "add",
        "figma",
        "https://www.figma.com/design/AbC123xYz789/Brand-Tokens?node-id=0-1",
    ])
    .success();
    t.opends([
        "source",
        "add",
        "penpot",
        "https://penpot.example.com/#/workspace?team-id=7&file-id=0b7e3a7c-9f1e-8012-8005-2b5c3d4e5f60&page-id=1",
        "--name",
        "brand",
    ])
    .success();
    let list = t.opends(["source", "list", "--json"]).success().json();
    assert_eq!(
        list,
        json!([
            {"name": "figma", "provider": "figma", "file": "AbC123xYz789"},
            {"name": "brand", "provider": "penpot", "file": "0b7e3a7c-9f1e-8012-8005-2b5c3d4e5f60",
             "base_url": "https://penpot.example.com"}
        ])
    );
    let yaml = t.read("opends.yaml");
    assert!(yaml.starts_with("# the project\n"), "{yaml}");
    assert!(yaml.contains("# outputs below"), "{yaml}");
    t.opends(["source", "add", "figma", "AbC123xYz789"])
        .success()
        .stderr_contains("figma-AbC123xY");
    t.opends(["source", "add", "figma", "AbC123xYz789", "--name", "brand"])
        .code(2)
        .stderr_contains("exists already");
    t.opends([
        "source",
        "add",
        "figma",
        "https://www.figma.com/community/plugin/1",
    ])
    .code(2)
    .stderr_contains("not a Figma file key");
    t.opends(["source", "rm", "brand"]).success();
    t.opends(["source", "rm", "brand"])
        .code(2)
        .stderr_contains("no source");
    let names: Vec<String> = t
        .opends(["source", "list", "--json"])
        .success()
        .json()
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["name"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(names, ["figma", "figma-AbC123xY"]);
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

#[test]
fn figma_login_checks_the_token_and_never_prints_it() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("GET"))
            .and(path("/v1/me"))
            .and(header("X-Figma-Token", SECRET))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                json!({"id": "1", "handle": "Ada", "email": "ada@example.com", "img_url": ""}),
            ))
            .expect(1)
            .mount(&server),
    );
    let t = project()
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_KEYRING", "mock");
    let out = t
        .command(["auth", "login", "figma", "--token-stdin"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write as _;
            c.stdin
                .take()
                .expect("stdin")
                .write_all(SECRET.as_bytes())?;
            c.wait_with_output()
        })
        .expect("run opends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("logged in to figma as Ada"), "{stderr}");
    assert!(!stderr.contains(SECRET) && !String::from_utf8_lossy(&out.stdout).contains(SECRET));
    assert!(!t.read("opends.yaml").contains(SECRET));
}

#[test]
fn a_refused_token_says_how_to_get_one_and_stores_nothing() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/api/rpc/command/get-profile"))
            .and(header("Authorization", format!("Token {SECRET}").as_str()))
            .and(header("Accept", "application/json"))
            .and(body_json(json!({})))
            .respond_with(ResponseTemplate::new(401).set_body_json(
                json!({"type": "authentication", "code": "authentication-required"}),
            ))
            .mount(&server),
    );
    let t = project().env("OPENDS_KEYRING", "none");
    let out = t
        .command([
            "auth",
            "login",
            "penpot",
            "--token-stdin",
            "--base-url",
            &server.uri(),
        ])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write as _;
            c.stdin
                .take()
                .expect("stdin")
                .write_all(SECRET.as_bytes())?;
            c.wait_with_output()
        })
        .expect("run opends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("refused the access token"), "{stderr}");
    assert!(stderr.contains("Access tokens"), "{stderr}");
    assert!(!stderr.contains(SECRET), "{stderr}");
}

#[test]
fn status_names_the_variable_and_never_the_secret() {
    let t = project()
        .env("OPENDS_FIGMA_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none");
    let out = t.opends(["auth", "status", "--json"]).success();
    assert!(!out.stdout().contains(SECRET));
    let v = out.json();
    assert_eq!(v[0]["provider"], json!("figma"));
    assert_eq!(v[0]["origin"], json!("env"));
    assert_eq!(v[0]["variable"], json!("OPENDS_FIGMA_TOKEN"));
    assert_eq!(v[1]["configured"], json!(false));
    assert!(
        v[1]["problem"]
            .as_str()
            .is_some_and(|p| p.contains("OPENDS_PENPOT_TOKEN"))
    );
}

#[test]
fn login_without_a_terminal_or_stdin_says_what_to_do() {
    project()
        .env("OPENDS_KEYRING", "none")
        .args(["auth", "login", "figma"])
        .run()
        .code(2)
        .stderr_contains("--token-stdin");
}

#[test]
fn server_errors_are_retried_then_reported_without_the_secret() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("GET"))
            .and(path("/v1/me"))
            .respond_with(
                ResponseTemplate::new(500).set_body_json(json!({"status": 500, "err": "boom"})),
            )
            .expect(4)
            .mount(&server),
    );
    let t = project()
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_KEYRING", "mock");
    let out = t
        .command(["auth", "login", "figma", "--token-stdin"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write as _;
            c.stdin
                .take()
                .expect("stdin")
                .write_all(SECRET.as_bytes())?;
            c.wait_with_output()
        })
        .expect("run opends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("HTTP 500") && stderr.contains("boom"),
        "{stderr}"
    );
    assert!(!stderr.contains(SECRET));
    rt.block_on(server.verify());
}
