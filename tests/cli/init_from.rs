//! `opends init --from`: a project started from a Figma or Penpot file (local stand-ins
//! of their APIs) has no starter content, names the file as its source and holds its
//! tokens and components at once; Figma components outside a component set are kept.

use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::Test;

const SECRET: &str = "figd_TOPSECRET_0123456789";
const FIGMA_URL: &str = "https://www.figma.com/design/AbC123xYz789/Brand-Tokens?node-id=0-1";

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

fn fixture(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(crate::support::fixture(name)).expect("fixture"))
        .expect("json")
}

/// A stand-in of the Figma API serving file `AbC123xYz789`: its variables (one colour
/// in a light and a dark mode, one number) and its published components (a `Button`
/// set and an `Icon` outside any set, whose `containingComponentSet` is `null`).
fn figma(rt: &tokio::runtime::Runtime) -> MockServer {
    let variables = json!({"status": 200, "error": false, "meta": {
        "variableCollections": {
            "VariableCollectionId:1:1": {"id": "VariableCollectionId:1:1", "name": "Theme", "key": "k1",
                "modes": [{"modeId": "1:0", "name": "Light"}, {"modeId": "1:1", "name": "Dark"}], "defaultModeId": "1:0",
                "remote": false, "hiddenFromPublishing": false, "variableIds": ["VariableID:1:2", "VariableID:1:3"]}
        },
        "variables": {
            "VariableID:1:2": {"id": "VariableID:1:2", "name": "Color/Brand", "key": "a", "variableCollectionId": "VariableCollectionId:1:1",
                "resolvedType": "COLOR", "valuesByMode": {"1:0": {"r": 0.2, "g": 0.4, "b": 0.8, "a": 1}, "1:1": {"r": 0.1, "g": 0.1, "b": 0.1, "a": 1}},
                "remote": false, "description": "", "hiddenFromPublishing": false, "scopes": ["ALL_SCOPES"], "codeSyntax": {}},
            "VariableID:1:3": {"id": "VariableID:1:3", "name": "Radius/Md", "key": "b", "variableCollectionId": "VariableCollectionId:1:1",
                "resolvedType": "FLOAT", "valuesByMode": {"1:0": 8, "1:1": 8}, "remote": false,
                "description": "", "hiddenFromPublishing": false, "scopes": ["CORNER_RADIUS"], "codeSyntax": {}}
        }
    }});
    let server = rt.block_on(MockServer::start());
    rt.block_on(async {
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789"))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                json!({"name": "Brand", "version": "7", "lastModified": "2026-11-20T10:00:00Z", "document": {}}),
            ))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789/variables/local"))
            .respond_with(ResponseTemplate::new(200).set_body_json(variables))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789/components"))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(fixture("figma/components.json")),
            )
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/files/AbC123xYz789/component_sets"))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(fixture("figma/component_sets.json")),
            )
            .mount(&server)
            .await;
    });
    server
}

#[test]
fn init_from_a_figma_url_starts_from_the_file_without_starter_content() {
    let rt = runtime();
    let server = figma(&rt);
    let t = Test::new()
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_FIGMA_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none");
    // No terminal and no --yes: the file is named, so nothing is guessed or asked.
    t.opends(["init", "web", "--from", FIGMA_URL, "--name", "brand"])
        .success()
        .stderr_contains("created design system `brand`")
        .stderr_contains("2 tokens")
        .stderr_lacks("Start from");
    for starter in [
        "web/tokens/core.json",
        "web/tokens/semantic.json",
        "web/tokens/modes/dark.json",
    ] {
        assert!(!t.exists(starter), "{starter} written: {:?}", t.tree());
    }
    // `components/button.yaml` is the design file's Button, written by the sync (the
    // source owns it), not the starter one.
    let button = t.read("web/components/button.yaml");
    assert!(button.starts_with("# source: figma:figma"), "{button}");
    assert!(t.exists("web/tokens/figma.tokens.json"), "{:?}", t.tree());
    let list = t
        .opends(["-C", "web", "source", "list", "--json"])
        .success()
        .json();
    assert_eq!(
        list,
        json!([{"name": "figma", "provider": "figma", "file": "AbC123xYz789"}])
    );
    let radius = t
        .opends(["-C", "web", "tokens", "get", "radius.md", "--json"])
        .success()
        .json();
    assert_eq!(radius["value"], json!({"value": 8, "unit": "px"}));
    // The file's components came in as drafts, the one outside a set included.
    for name in ["Button", "Icon"] {
        let c = t
            .opends(["-C", "web", "components", "show", name, "--json"])
            .success()
            .json();
        assert_eq!(c["status"], json!("draft"), "{c}");
    }
    // The design file's values reach the CSS.
    t.opends(["-C", "web", "export", "tokens"]).success();
    let css = t.read("web/dist/tokens.css");
    assert!(css.contains("--radius-md: 8px;"), "{css}");
    assert!(css.contains("--color-brand:"), "{css}");
    t.opends(["-C", "web", "generate", "--include-drafts"])
        .success();
    assert!(t.exists("web/generated/vue/Icon.vue"), "{:?}", t.tree());
    assert!(!t.read("web/opends.yaml").contains(SECRET));
}

#[test]
fn init_from_a_penpot_url_takes_the_server_from_the_url() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    let file = fixture("penpot/file.json");
    let id = file["id"].as_str().expect("an id").to_string();
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/api/rpc/command/get-file"))
            .respond_with(ResponseTemplate::new(200).set_body_json(file))
            .mount(&server),
    );
    let t = Test::new()
        .env("OPENDS_PENPOT_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none");
    let url = format!(
        "{}/#/workspace?team-id=7&file-id={id}&page-id=1",
        server.uri()
    );
    t.opends(["init", "--yes", "--from", &url]).success();
    assert!(!t.exists("tokens/core.json"), "{:?}", t.tree());
    let list = t.opends(["source", "list", "--json"]).success().json();
    assert_eq!(list[0]["provider"], json!("penpot"));
    assert_eq!(list[0]["base_url"], json!(server.uri()));
    t.opends(["tokens", "get", "color.primary"]).success();
    t.opends(["export", "tokens"]).success();
}

#[test]
fn init_from_refuses_what_it_cannot_read_and_writes_nothing() {
    let t = Test::new().env("OPENDS_KEYRING", "mock");
    // Not a design file: never guessed.
    t.opends(["init", "--from", "https://example.com/tokens"])
        .code(2)
        .stderr_contains("not a Figma or Penpot file URL")
        .stderr_contains("figma:KEY");
    // No credential: said before anything is written.
    t.opends(["init", "--yes", "--from", FIGMA_URL])
        .code(2)
        .stderr_contains("opends auth login figma")
        .stderr_contains("OPENDS_FIGMA_TOKEN");
    assert!(
        !t.exists("opends.yaml") && !t.exists(".opends"),
        "files were written: {:?}",
        t.tree()
    );
}

#[test]
fn a_figma_component_outside_a_component_set_is_kept() {
    let rt = runtime();
    let server = figma(&rt);
    let t = Test::new()
        .file("opends.yaml", "name: s\noutputs: []\n")
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_FIGMA_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none");
    t.opends(["source", "add", "figma", FIGMA_URL]).success();
    t.opends(["sync"]).success().stderr_contains("2 components");
    let icon = t
        .opends(["components", "show", "Icon", "--json"])
        .success()
        .json();
    assert_eq!(icon["description"], json!("24px icon slot"));
    let button = t
        .opends(["components", "show", "Button", "--json"])
        .success()
        .json();
    assert!(
        button["spec"]["props"]
            .as_array()
            .is_some_and(|p| !p.is_empty()),
        "the set's members are still its variants: {button}"
    );
}
