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
fn source_add_then_rm_leaves_a_commented_opends_yaml_byte_for_byte() {
    let original = "# the project\nname: s # short name\n\n# design sources\nsources: # pulled by `opends sync`\n  # the brand file\n  - name: brand\n    provider: figma\n    file: AbC123xYz789 # brand tokens\n\n# outputs below\noutputs: [] # none yet\n";
    let t = Test::new().file("opends.yaml", original);
    t.opends(["source", "add", "figma", "XyZ987aBc654", "--name", "icons"])
        .success();
    let added = t.read("opends.yaml");
    // Only the new item's lines are new: removing them gives the original back.
    let new_item = "  - name: \"icons\"\n    provider: figma\n    file: \"XyZ987aBc654\"\n";
    assert!(added.contains(new_item), "{added}");
    assert_eq!(added.replacen(new_item, "", 1), original, "{added}");
    t.opends(["source", "rm", "icons"]).success();
    assert_eq!(t.read("opends.yaml"), original);
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

/// Runs `opends ARGS` writing `input` to its standard input.
fn with_stdin(t: &Test, args: &[&str], input: &str) -> std::process::Output {
    use std::io::Write as _;
    let mut child = t
        .command(args)
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("run opends");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write stdin");
    child.wait_with_output().expect("wait for opends")
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
    let out = with_stdin(&t, &["auth", "login", "figma", "--token-stdin"], SECRET);
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
    let out = with_stdin(
        &t,
        &[
            "auth",
            "login",
            "penpot",
            "--token-stdin",
            "--base-url",
            &server.uri(),
        ],
        SECRET,
    );
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
    let out = with_stdin(&t, &["auth", "login", "figma", "--token-stdin"], SECRET);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("HTTP 500") && stderr.contains("boom"),
        "{stderr}"
    );
    assert!(!stderr.contains(SECRET));
    rt.block_on(server.verify());
}

fn variables_fixture() -> serde_json::Value {
    json!({"status": 200, "error": false, "meta": {
        "variableCollections": {
            "VariableCollectionId:1:1": {"id": "VariableCollectionId:1:1", "name": "Primitives", "key": "k1",
                "modes": [{"modeId": "1:0", "name": "Value"}], "defaultModeId": "1:0", "remote": false,
                "hiddenFromPublishing": false, "variableIds": ["VariableID:1:2", "VariableID:1:3", "VariableID:1:4"]},
            "VariableCollectionId:2:1": {"id": "VariableCollectionId:2:1", "name": "Semantic", "key": "k2",
                "modes": [{"modeId": "2:0", "name": "Light"}, {"modeId": "2:1", "name": "Dark"}], "defaultModeId": "2:0",
                "remote": false, "hiddenFromPublishing": false, "variableIds": ["VariableID:2:2"]}
        },
        "variables": {
            "VariableID:1:2": {"id": "VariableID:1:2", "name": "Color/Blue/500", "key": "a", "variableCollectionId": "VariableCollectionId:1:1",
                "resolvedType": "COLOR", "valuesByMode": {"1:0": {"r": 0.2, "g": 0.4, "b": 0.8, "a": 1}}, "remote": false,
                "description": "Brand blue", "hiddenFromPublishing": false, "scopes": ["ALL_SCOPES"], "codeSyntax": {}},
            "VariableID:1:3": {"id": "VariableID:1:3", "name": "Color/Gray/900", "key": "b", "variableCollectionId": "VariableCollectionId:1:1",
                "resolvedType": "COLOR", "valuesByMode": {"1:0": {"r": 0.1, "g": 0.1, "b": 0.1, "a": 1}}, "remote": false,
                "description": "", "hiddenFromPublishing": false, "scopes": ["ALL_SCOPES"], "codeSyntax": {}},
            "VariableID:1:4": {"id": "VariableID:1:4", "name": "Space/4", "key": "c", "variableCollectionId": "VariableCollectionId:1:1",
                "resolvedType": "FLOAT", "valuesByMode": {"1:0": 16}, "remote": false,
                "description": "", "hiddenFromPublishing": false, "scopes": ["GAP"], "codeSyntax": {}},
            "VariableID:2:2": {"id": "VariableID:2:2", "name": "Bg/Default", "key": "d", "variableCollectionId": "VariableCollectionId:2:1",
                "resolvedType": "COLOR", "valuesByMode": {"2:0": {"type": "VARIABLE_ALIAS", "id": "VariableID:1:2"},
                "2:1": {"type": "VARIABLE_ALIAS", "id": "VariableID:1:3"}}, "remote": false,
                "description": "", "hiddenFromPublishing": false, "scopes": ["FRAME_FILL"], "codeSyntax": {}}
        }
    }})
}

#[test]
fn figma_sync_maps_variables_skips_unchanged_files_and_logs_events() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(async {
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789"))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                json!({"name": "Tokens", "version": "42", "lastModified": "2026-11-20T10:00:00Z", "document": {}}),
            ))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789/variables/local"))
            .and(header("X-Figma-Token", SECRET))
            .respond_with(ResponseTemplate::new(200).set_body_json(variables_fixture()))
            .mount(&server)
            .await;
    });
    let t = project()
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_FIGMA_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none");
    t.opends(["source", "add", "figma", "AbC123xYz789"])
        .success();
    // A dry run shows the changes and writes nothing.
    let dry = t.opends(["sync", "--dry-run", "--json"]).success().json();
    assert_eq!(dry[0]["status"], json!("dry-run"));
    assert_eq!(dry[0]["added"], json!(4));
    assert!(
        dry[0]["changes"]["added"]
            .as_array()
            .is_some_and(|a| a.contains(&json!("bg.default"))),
        "{dry}"
    );
    let listed = t.opends(["tokens", "list", "--json"]).success().json();
    assert_eq!(listed, json!([]));
    // The real sync.
    t.opends(["sync"]).success().stderr_contains("4 added");
    let bg = t
        .opends(["tokens", "get", "bg.default", "--json"])
        .success()
        .json();
    assert_eq!(bg["value"], json!("{color.blue.500}"));
    assert_eq!(bg["modes"]["dark"], json!("{color.gray.900}"));
    let space = t
        .opends(["tokens", "get", "space.4", "--json"])
        .success()
        .json();
    assert_eq!(space["value"], json!({"value": 16, "unit": "px"}));
    // Unchanged version: skipped, nothing fetched again.
    t.opends(["sync"]).success().stderr_contains("skipped");
    // The synced tokens export like any other.
    t.opends(["export", "tokens", "--format", "css", "--out", "dist"])
        .success();
    assert!(
        t.read("dist/tokens.css")
            .contains("--bg-default: var(--color-gray-900);")
    );
    let log = t.opends(["sync", "log", "--json"]).success().json();
    let statuses: Vec<&str> = log
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| e["status"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(statuses, ["skipped", "ok", "dry-run"]);
    assert!(!t.read("opends.yaml").contains(SECRET));
}

#[test]
fn sync_without_credentials_or_with_a_bad_file_fails_clearly_and_writes_nothing() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789"))
            .respond_with(
                ResponseTemplate::new(404)
                    .set_body_json(json!({"status": 404, "err": "Not found"})),
            )
            .mount(&server),
    );
    let t = project()
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_KEYRING", "none");
    t.opends(["source", "add", "figma", "AbC123xYz789"])
        .success();
    t.opends(["sync"])
        .code(2)
        .stderr_contains("OPENDS_FIGMA_TOKEN");
    let t = t.env("OPENDS_FIGMA_TOKEN", SECRET);
    let out = t.opends(["sync"]).code(2);
    out.stderr_contains("check the file key");
    let log = t.opends(["sync", "log", "--json"]).success().json();
    assert_eq!(log[0]["status"], json!("failed"));
    assert!(!log.to_string().contains(SECRET));
    assert_eq!(
        t.opends(["tokens", "list", "--json"]).success().json(),
        json!([])
    );
}

#[test]
fn penpot_sync_reads_the_tokens_library_with_themes_as_modes() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    let file: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(crate::support::fixture("penpot/file.json")).expect("fixture"),
    )
    .expect("json");
    let id = file["id"].as_str().expect("an id").to_string();
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/api/rpc/command/get-file"))
            .and(header("Authorization", format!("Token {SECRET}").as_str()))
            .and(header("Accept", "application/json"))
            .and(body_json(json!({"id": id})))
            .respond_with(ResponseTemplate::new(200).set_body_json(file))
            .expect(2)
            .mount(&server),
    );
    let t = project()
        .env("OPENDS_PENPOT_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none");
    t.opends(["source", "add", "penpot", &id, "--base-url", &server.uri()])
        .success();
    t.opends(["sync", "--json"]).success();
    let primary = t
        .opends(["tokens", "get", "color.primary", "--json"])
        .success()
        .json();
    assert_eq!(primary["value"], json!("{color.blue.500}"));
    let space = t
        .opends(["tokens", "get", "space.sm", "--json"])
        .success()
        .json();
    assert_eq!(space["value"], json!({"value": 8, "unit": "px"}));
    // The themes `Mode/Light` and `Mode/Dark` became the modes `light` and `dark`.
    let bg = t
        .opends(["tokens", "get", "color.background", "--json"])
        .success()
        .json();
    assert_eq!(bg["value"], json!("{color.gray.50}"));
    assert_eq!(bg["modes"]["dark"], json!("{color.gray.900}"));
    // Library colours and typographies became tokens; components became drafts.
    let scrim = t
        .opends(["tokens", "get", "neutral.overlay.scrim", "--json"])
        .success()
        .json();
    assert_eq!(scrim["value"]["alpha"], json!(0.5));
    let h1 = t
        .opends(["tokens", "get", "headings.heading-1", "--json"])
        .success()
        .json();
    assert_eq!(h1["value"]["fontSize"], json!({"value": 32, "unit": "px"}));
    let button = t
        .opends(["components", "show", "Button", "--json"])
        .success()
        .json();
    assert_eq!(button["status"], json!("draft"));
    let list = t.opends(["tokens", "list", "--json"]).success().json();
    assert!(list.as_array().is_some_and(|a| a.len() > 5), "{list}");
    // Same revision: the second run is skipped (the mock expects exactly 2 fetches:
    // one per run, the second only to read the revision).
    t.opends(["sync"]).success().stderr_contains("skipped");
    rt.block_on(server.verify());
}

#[test]
fn figma_429_with_retry_after_and_a_500_are_retried_until_success() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(async {
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789"))
            .respond_with(
                ResponseTemplate::new(429)
                    .insert_header("Retry-After", "1")
                    .set_body_json(json!({"status": 429, "err": "Rate limit exceeded"})),
            )
            .up_to_n_times(1)
            .with_priority(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789"))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                json!({"name": "Tokens", "version": "7", "lastModified": "2026-11-20T10:00:00Z"}),
            ))
            .with_priority(2)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789/variables/local"))
            .respond_with(
                ResponseTemplate::new(500).set_body_json(json!({"status": 500, "err": "Internal"})),
            )
            .up_to_n_times(1)
            .with_priority(1)
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789/variables/local"))
            .respond_with(ResponseTemplate::new(200).set_body_json(variables_fixture()))
            .with_priority(2)
            .mount(&server)
            .await;
    });
    let t = project()
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_FIGMA_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none");
    t.opends(["source", "add", "figma", "AbC123xYz789"])
        .success();
    let started = std::time::Instant::now();
    t.opends(["sync"]).success().stderr_contains("4 added");
    assert!(
        started.elapsed() >= std::time::Duration::from_secs(1),
        "Retry-After was not honoured"
    );
}

#[test]
fn a_malformed_body_fails_and_writes_nothing() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(async {
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"version": "1", "lastModified": "x"})),
            )
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789/variables/local"))
            .respond_with(ResponseTemplate::new(200).set_body_string("{\"meta\": {\"variables\": "))
            .mount(&server)
            .await;
    });
    let t = project()
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_FIGMA_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none");
    t.opends(["source", "add", "figma", "AbC123xYz789"])
        .success();
    t.opends(["sync"]).code(2).stderr_contains("cannot read");
    assert_eq!(
        t.opends(["tokens", "list", "--json"]).success().json(),
        json!([])
    );
}

fn figma_fixture(name: &str) -> serde_json::Value {
    serde_json::from_str(
        &std::fs::read_to_string(crate::support::fixture(&format!("figma/{name}")))
            .expect("fixture"),
    )
    .expect("json")
}

#[test]
fn without_variables_on_the_plan_published_styles_are_read_with_a_warning() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(async {
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789"))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(figma_fixture("file-depth1.json")),
            )
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789/variables/local"))
            .respond_with(
                ResponseTemplate::new(403).set_body_json(figma_fixture("variables-403.json")),
            )
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789/styles"))
            .respond_with(ResponseTemplate::new(200).set_body_json(figma_fixture("styles.json")))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789/nodes"))
            .respond_with(ResponseTemplate::new(200).set_body_json(figma_fixture("nodes.json")))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789/components"))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(figma_fixture("components.json")),
            )
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789/component_sets"))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(figma_fixture("component_sets.json")),
            )
            .mount(&server)
            .await;
    });
    let t = project()
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_FIGMA_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none");
    t.opends(["source", "add", "figma", "AbC123xYz789"])
        .success();
    t.opends(["sync"])
        .success()
        .stderr_contains("Enterprise plan");
    let primary = t
        .opends(["tokens", "get", "brand.primary", "--json"])
        .success()
        .json();
    assert_eq!(primary["type"], json!("color"));
    assert_eq!(primary["value"]["hex"], json!("#3b82f6"));
    let scrim = t
        .opends(["tokens", "get", "overlay.scrim", "--json"])
        .success()
        .json();
    assert_eq!(scrim["value"]["alpha"], json!(0.5));
    let h1 = t
        .opends(["tokens", "get", "heading.h1", "--json"])
        .success()
        .json();
    assert_eq!(h1["type"], json!("typography"));
    assert_eq!(h1["value"]["fontSize"], json!({"value": 32, "unit": "px"}));
    assert_eq!(h1["value"]["lineHeight"], json!(1.25));
    let card = t
        .opends(["tokens", "get", "elevation.card", "--json"])
        .success()
        .json();
    assert_eq!(card["type"], json!("shadow"));
    assert_eq!(card["value"]["spread"], json!({"value": -2, "unit": "px"}));
}

#[test]
fn a_sync_never_touches_tokens_from_files() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(async {
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"version": "1", "lastModified": "x"})),
            )
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789/variables/local"))
            .respond_with(ResponseTemplate::new(200).set_body_json(variables_fixture()))
            .mount(&server)
            .await;
    });
    let t = Test::new()
        .file("opends.yaml", "name: s\ntokens: [local.json]\n")
        .file(
            "local.json",
            r#"{"space": {"4": {"$type": "dimension", "$value": {"value": 99, "unit": "px"}}}}"#,
        )
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_FIGMA_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none");
    t.opends(["source", "add", "figma", "AbC123xYz789"])
        .success();
    t.opends(["sync"])
        .success()
        .stderr_contains("kept its value: space.4");
    let space = t
        .opends(["tokens", "get", "space.4", "--json"])
        .success()
        .json();
    assert_eq!(space["value"], json!({"value": 99, "unit": "px"}));
    assert_eq!(space["set"], json!("local.json"));
    let blue = t
        .opends(["tokens", "get", "color.blue.500", "--json"])
        .success()
        .json();
    assert_eq!(blue["set"], json!("figma:figma"));
}

#[test]
fn a_server_that_never_answers_times_out_and_writes_nothing() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    rt.block_on(
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"version": "1"}))
                    .set_delay(std::time::Duration::from_secs(5)),
            )
            .mount(&server),
    );
    let t = project()
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_FIGMA_TOKEN", SECRET)
        .env("OPENDS_HTTP_TIMEOUT_MS", "200")
        .env("OPENDS_KEYRING", "none");
    t.opends(["source", "add", "figma", "AbC123xYz789"])
        .success();
    t.opends(["sync"])
        .code(2)
        .stderr_contains("could not reach figma");
    let log = t.opends(["sync", "log", "--json"]).success().json();
    assert_eq!(log[0]["status"], json!("failed"));
    assert_eq!(
        t.opends(["tokens", "list", "--json"]).success().json(),
        json!([])
    );
}
