//! Theme axes read from token inputs: a Tokens Studio export whose `$themes` have several
//! groups (one axis per group), and `axes:` / `combinations:` in `opends.yaml`.

use serde_json::json;

use crate::support::{MINIMAL, Test, fixture};

/// `tests/fixtures/axes/studio` (a multi-file export with the theme groups `Mode`,
/// `Brand` and `Density`) under `tokens/`, listed in `opends.yaml`.
fn studio() -> Test {
    Test::new()
        .file("opends.yaml", "name: studio-axes\ntokens: [tokens]\n")
        .copy_dir(fixture("axes/studio"), "tokens")
}

/// `tests/fixtures/axes/yaml`: axes `brand` (acme, verde) and `scheme` (light, dark),
/// and a file for `brand=verde,scheme=dark`.
fn yaml() -> Test {
    Test::new().copy_dir(fixture("axes/yaml"), ".")
}

/// `opends tokens get <path> --resolved --json` with `--mode` for each of `modes`: the
/// resolved colour's hex, or the resolved value.
fn resolved(t: &Test, path: &str, modes: &[&str]) -> serde_json::Value {
    let mut args = vec!["tokens", "get", path, "--resolved", "--json"];
    for m in modes {
        args.extend(["--mode", m]);
    }
    let out = t.opends(args).success().json();
    let r = out["resolved"].clone();
    match r.get("hex") {
        Some(hex) => hex.clone(),
        None => r,
    }
}

/// The block of `css` that starts with `selector {`.
fn block<'a>(css: &'a str, selector: &str) -> &'a str {
    let start = css
        .find(&format!("\n{selector} {{"))
        .unwrap_or_else(|| panic!("no `{selector}` block in:\n{css}"));
    let rest = &css[start + 1..];
    &rest[..rest.find('}').map_or(rest.len(), |i| i + 1)]
}

#[test]
fn studio_theme_groups_are_axes() {
    let t = studio();
    let validate = t.opends(["tokens", "validate", "--json"]).success().json();
    assert_eq!(
        validate["modes"],
        json!([
            "mode=light",
            "mode=dark",
            "brand=acme",
            "brand=verde",
            "density=default",
            "density=compact"
        ])
    );
    // Defined in `Verde` only: allowed, as in resolver documents, with a warning.
    t.opends(["tokens", "validate"])
        .success()
        .stderr_contains("`brand.leaf` is only defined in mode `brand=verde`");
    let cases: &[(&str, &[&str], serde_json::Value)] = &[
        ("color.accent", &[], json!("#2563eb")),
        ("color.accent", &["brand=verde"], json!("#15803d")),
        ("color.accent", &["mode=dark"], json!("#93c5fd")),
        (
            "color.accent",
            &["brand=verde", "mode=dark"],
            json!("#d9f964"),
        ),
        ("color.bg", &["brand=verde", "mode=dark"], json!("#121217")),
        ("color.bg", &["brand=verde"], json!("#ffffff")),
        ("space.gap", &[], json!({"value": 16, "unit": "px"})),
        (
            "space.gap",
            &["brand=verde", "mode=dark", "density=compact"],
            json!({"value": 8, "unit": "px"}),
        ),
        ("brand.leaf", &["brand=acme"], json!("#d9f964")),
    ];
    for (path, modes, want) in cases {
        assert_eq!(&resolved(&t, path, modes), want, "{path} at {modes:?}");
    }
    t.opends(["export", "tokens", "--format", "css"]).success();
    let css = t.read("dist/tokens.css");
    let verde = block(&css, "[data-brand=\"verde\"]");
    // `core` (the palette) is selected as `source` only: read for references, not
    // written, so what references it holds the palette's value.
    assert!(verde.contains("--brand-primary: #15803d;"), "{verde}");
    assert!(
        verde.contains("--brand-primary-on-dark: #d9f964;"),
        "{verde}"
    );
    assert!(!css.contains("--palette-"), "{css}");
    assert!(!verde.contains("--color-bg"), "{verde}");
    let compact = block(&css, "[data-density=\"compact\"]");
    assert!(compact.contains("--space-gap: 8px;"), "{compact}");
}

const GROUPED_THEMES: &str = r##"{
  "core": {"space": {"value": "4px", "type": "spacing"}},
  "light": {"bg": {"value": "#ffffff", "type": "color"}},
  "dark": {"bg": {"value": "#000000", "type": "color"}},
  "acme": {"brand": {"value": "#ff0000", "type": "color"}},
  "umbrella": {"brand": {"value": "#0000ff", "type": "color"}},
  "$themes": [
    {"id": "1", "name": "Light", "group": "Mode", "selectedTokenSets": {"core": "source", "light": "enabled"}},
    {"id": "2", "name": "Dark", "group": "Mode", "selectedTokenSets": {"core": "source", "dark": "enabled"}},
    {"id": "3", "name": "Acme", "group": "Brand", "selectedTokenSets": {"acme": "enabled"}},
    {"id": "4", "name": "Umbrella", "group": "Brand", "selectedTokenSets": {"umbrella": "enabled"}}
  ],
  "$metadata": {"tokenSetOrder": ["core", "light", "dark", "acme", "umbrella"]}
}"##;

#[test]
fn single_file_studio_theme_groups_are_axes() {
    let t = Test::new()
        .file("opends.yaml", MINIMAL)
        .file("studio.json", GROUPED_THEMES);
    let validate = t
        .opends(["tokens", "validate", "studio.json", "--json"])
        .success()
        .json();
    assert_eq!(
        validate["modes"],
        json!(["mode=light", "mode=dark", "brand=acme", "brand=umbrella"])
    );
    t.opends(["tokens", "validate", "studio.json"])
        .success()
        .stderr_lacks("groups");
    t.opends(["tokens", "import", "studio.json"]).success();
    assert_eq!(resolved(&t, "brand", &[]), json!("#ff0000"));
    assert_eq!(
        resolved(&t, "brand", &["brand=umbrella", "mode=dark"]),
        json!("#0000ff")
    );
    assert_eq!(resolved(&t, "bg", &["mode=dark"]), json!("#000000"));
}

#[test]
fn yaml_axes_and_combinations() {
    let t = yaml();
    let validate = t.opends(["tokens", "validate", "--json"]).success().json();
    // The combination key is written in axis order.
    assert_eq!(
        validate["modes"],
        json!([
            "brand=acme",
            "brand=verde",
            "scheme=light",
            "scheme=dark",
            "brand=verde,scheme=dark"
        ])
    );
    let cases: &[(&str, &[&str], &str)] = &[
        // The default contexts' files are base values.
        ("brand.primary", &[], "#2563eb"),
        ("color.link", &[], "#2563eb"),
        ("brand.primary", &["brand=verde"], "#15803d"),
        // `scheme=light` (a default) comes after `brand` in resolution order: its
        // `color.link` wins over `brand=verde`'s.
        ("color.link", &["brand=verde"], "#15803d"),
        ("color.link", &["brand=verde", "scheme=dark"], "#d9f964"),
        ("color.bg", &["scheme=dark"], "#121217"),
        ("color.accent", &["scheme=dark"], "#2563eb"),
        ("color.accent", &["brand=verde"], "#15803d"),
        // The combination's file.
        ("color.accent", &["brand=verde", "scheme=dark"], "#d9f964"),
        ("color.accent", &["scheme=dark", "brand=verde"], "#d9f964"),
    ];
    for (path, modes, want) in cases {
        assert_eq!(
            resolved(&t, path, modes),
            json!(want),
            "{path} at {modes:?}"
        );
    }
    t.opends(["export", "tokens", "--format", "css"]).success();
    let css = t.read("dist/tokens.css");
    let verde = block(&css, "[data-brand=\"verde\"]");
    assert!(
        verde.contains("--brand-primary: var(--palette-green);"),
        "{verde}"
    );
    assert!(
        verde.contains("--color-link: var(--palette-lime);"),
        "{verde}"
    );
    let both = block(&css, "[data-brand=\"verde\"][data-scheme=\"dark\"]");
    assert!(
        both.contains("--color-accent: var(--palette-lime);"),
        "{both}"
    );
}

#[test]
fn yaml_axes_errors() {
    let axes =
        "name: x\ntokens: [base.json]\naxes:\n  brand:\n    acme: []\n    verde: [verde.json]\n";
    let base = r#"{"c": {"$type": "color", "$value": "{p}"}, "p": {"$type": "color", "$value": {"colorSpace": "srgb", "components": [1, 0, 0]}}}"#;
    let t = Test::new()
        .file("opends.yaml", format!("{axes}modes:\n  light: []\n"))
        .file("base.json", base)
        .file("verde.json", "{}");
    t.opends(["tokens", "validate"])
        .code(2)
        .stderr_contains("line 3: `modes` and `axes` cannot be combined");
    t.write(
        "opends.yaml",
        format!("{axes}combinations:\n  brand=verde,scheme=dark: []\n"),
    );
    t.opends(["tokens", "validate"])
        .code(2)
        .stderr_contains("combination `brand=verde,scheme=dark`: unknown axis `scheme`");
    // A missing context file is named.
    t.write(
        "opends.yaml",
        format!("{axes}  scheme:\n    light: []\n    dark: [dark.json]\n"),
    );
    t.opends(["tokens", "validate"])
        .code(2)
        .stderr_contains("`dark.json` (listed in opends.yaml) does not exist");
}
