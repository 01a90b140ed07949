//! Theme axes from design sources: a Figma file with two collections of several modes
//! and a Penpot tokens library with two theme groups each sync into named axes
//! (`theme=dark`, `brand=verde`), resolve per combination and export per context.

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::Test;

const SECRET: &str = "figd_TOPSECRET_0123456789";
pub(crate) const FIGMA_KEY: &str = "AbC123xYz789";

pub(crate) fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

fn fixture(rel: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(crate::support::fixture(rel)).expect("fixture"))
        .expect("json")
}

fn project() -> Test {
    Test::new().file("opends.yaml", "name: s\noutputs: []\n")
}

/// `tokens get PATH --mode ... --resolved --json` of `t`: the resolved colour's hex.
fn hex(t: &Test, token: &str, modes: &[&str]) -> String {
    let mut args = vec!["tokens", "get", token];
    for m in modes {
        args.extend(["--mode", m]);
    }
    args.extend(["--resolved", "--json"]);
    let v = t.opends(args).success().json();
    v["resolved"]["hex"]
        .as_str()
        .unwrap_or_else(|| panic!("no resolved hex for {token} {modes:?}: {v}"))
        .to_string()
}

/// The rule of `selector` in `css` (from the selector to its closing brace).
fn rule<'a>(css: &'a str, selector: &str) -> &'a str {
    let start = css
        .find(&format!("{selector} {{"))
        .unwrap_or_else(|| panic!("no `{selector}` rule in:\n{css}"));
    let end = css[start..].find('}').map_or(css.len(), |i| start + i + 1);
    &css[start..end]
}

/// A Figma stand-in serving the two-collection file of `fixtures/axes/figma`.
pub(crate) fn figma_server(rt: &tokio::runtime::Runtime) -> MockServer {
    let server = rt.block_on(MockServer::start());
    rt.block_on(async {
        Mock::given(method("GET"))
            .and(path(format!("/v1/files/{FIGMA_KEY}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                json!({"name": "Tokens", "version": "9", "lastModified": "2026-11-20T10:00:00Z", "document": {}}),
            ))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path(format!("/v1/files/{FIGMA_KEY}/variables/local")))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(fixture("axes/figma/variables.json")),
            )
            .mount(&server)
            .await;
    });
    server
}

#[test]
fn figma_collections_with_several_modes_become_axes() {
    let rt = runtime();
    let server = figma_server(&rt);
    let t = project()
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_FIGMA_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none");
    t.opends(["source", "add", "figma", FIGMA_KEY]).success();
    let report = t.opends(["sync", "--json"]).success().json();
    assert_eq!(report[0]["status"], json!("ok"), "{report}");
    assert_eq!(report[0]["added"], json!(8), "{report}");

    // Each collection is an axis, its default mode the default context; the keys
    // are in collection order.
    let primary = t
        .opends(["tokens", "get", "brand.primary", "--json"])
        .success()
        .json();
    assert_eq!(primary["value"], json!("{color.blue.500}"), "{primary}");
    assert_eq!(
        primary["modes"],
        json!({"brand=verde": "{color.green.500}"}),
        "{primary}"
    );
    let bg = t
        .opends(["tokens", "get", "bg.default", "--json"])
        .success()
        .json();
    assert_eq!(bg["modes"], json!({"theme=dark": "{color.black}"}), "{bg}");
    // A variable of a one-mode collection stays a base token.
    let blue = t
        .opends(["tokens", "get", "color.blue.500", "--json"])
        .success()
        .json();
    assert_eq!(blue.get("modes"), None, "{blue}");

    // Values per combination, through an alias across collections.
    assert_eq!(
        hex(&t, "brand.primary", &["brand=verde", "theme=dark"]),
        "#009933"
    );
    assert_eq!(hex(&t, "brand.primary", &[]), "#3366cc");
    assert_eq!(hex(&t, "text.accent", &[]), "#3366cc");
    assert_eq!(hex(&t, "text.accent", &["brand=verde"]), "#009933");
    assert_eq!(
        hex(&t, "text.accent", &["brand=verde", "theme=dark"]),
        "#ffffff"
    );
    assert_eq!(
        hex(&t, "bg.default", &["theme=dark", "brand=acme"]),
        "#000000"
    );
    assert_eq!(hex(&t, "bg.default", &["brand=verde"]), "#ffffff");

    // CSS: one rule per context; the alias stays a var() so it follows the brand.
    t.opends(["export", "tokens", "--format", "css", "--out", "dist"])
        .success();
    let css = t.read("dist/tokens.css");
    let verde = rule(&css, "[data-brand=\"verde\"]");
    assert!(
        verde.contains("--brand-primary: var(--color-green-500);"),
        "{css}"
    );
    assert!(verde.contains("--radius-md: 12px;"), "{css}");
    assert!(!verde.contains("--bg-default"), "{css}");
    let dark = rule(&css, "[data-theme=\"dark\"]");
    assert!(dark.contains("--bg-default: var(--color-black);"), "{css}");
    assert!(dark.contains("--text-accent: var(--color-white);"), "{css}");
    assert!(
        css.contains("--text-accent: var(--brand-primary);"),
        "{css}"
    );

    // A forced re-sync of the same file changes nothing, axes and key order included.
    let before = t.opends(["tokens", "list", "--json"]).success().json();
    let again = t.opends(["sync", "--force", "--json"]).success().json();
    assert_eq!(again[0]["status"], json!("ok"), "{again}");
    for k in ["added", "changed", "removed"] {
        assert_eq!(again[0][k], json!(0), "{k}: {again}");
    }
    let after = t.opends(["tokens", "list", "--json"]).success().json();
    assert_eq!(before, after);
    t.opends(["export", "tokens", "--format", "css", "--out", "dist2"])
        .success();
    assert_eq!(css, t.read("dist2/tokens.css"));
}

#[test]
fn penpot_theme_groups_become_axes() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    let file = fixture("axes/penpot/file.json");
    let id = file["id"].as_str().expect("an id").to_string();
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/api/rpc/command/get-file"))
            .respond_with(ResponseTemplate::new(200).set_body_json(file))
            .mount(&server),
    );
    let t = project()
        .env("OPENDS_PENPOT_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none");
    t.opends(["source", "add", "penpot", &id, "--base-url", &server.uri()])
        .success();
    let report = t.opends(["sync", "--json"]).success().json();
    assert_eq!(report[0]["status"], json!("ok"), "{report}");

    let primary = t
        .opends(["tokens", "get", "brand.primary", "--json"])
        .success()
        .json();
    assert_eq!(primary["value"], json!("{color.blue.500}"), "{primary}");
    assert_eq!(
        primary["modes"],
        json!({"brand=verde": "{color.green.500}"}),
        "{primary}"
    );
    let bg = t
        .opends(["tokens", "get", "bg.default", "--json"])
        .success()
        .json();
    assert_eq!(bg["modes"], json!({"mode=dark": "{color.black}"}), "{bg}");

    assert_eq!(
        hex(&t, "brand.primary", &["brand=verde", "mode=dark"]),
        "#009933"
    );
    assert_eq!(hex(&t, "text.accent", &[]), "#3366cc");
    assert_eq!(hex(&t, "text.accent", &["brand=verde"]), "#009933");
    assert_eq!(
        hex(&t, "text.accent", &["brand=verde", "mode=dark"]),
        "#ffffff"
    );
    assert_eq!(
        hex(&t, "bg.default", &["mode=dark", "brand=verde"]),
        "#000000"
    );

    t.opends(["export", "tokens", "--format", "css", "--out", "dist"])
        .success();
    let css = t.read("dist/tokens.css");
    let verde = rule(&css, "[data-brand=\"verde\"]");
    assert!(
        verde.contains("--brand-primary: var(--color-green-500);"),
        "{css}"
    );
    assert!(verde.contains("--radius-md: 12px;"), "{css}");
    let dark = rule(&css, "[data-mode=\"dark\"]");
    assert!(dark.contains("--bg-default: var(--color-black);"), "{css}");

    let before = t.opends(["tokens", "list", "--json"]).success().json();
    let again = t.opends(["sync", "--force", "--json"]).success().json();
    for k in ["added", "changed", "removed"] {
        assert_eq!(again[0][k], json!(0), "{k}: {again}");
    }
    assert_eq!(
        before,
        t.opends(["tokens", "list", "--json"]).success().json()
    );
}
