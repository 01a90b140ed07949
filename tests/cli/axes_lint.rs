//! `opends lint` with theme axes: contrast in every combination of contexts, each failure
//! named by the combinations it holds in (issue #16).

use serde_json::{Value, json};

use crate::support::{Test, fixture};

/// The three-axis resolver fixture, with verde's on-dark accent made too dark for the
/// dark surface: `color.accent` on `color.bg` fails only with brand=verde and scheme=dark.
fn project() -> Test {
    Test::new()
        .copy_dir(fixture("axes/resolver"), "tokens")
        .file(
            "tokens/brand-verde.tokens.json",
            r#"{"brand": {"$type": "color",
                "primary": {"$value": "{palette.green-700}"},
                "primary-on-dark": {"$value": "{palette.green-700}"}}}"#,
        )
        .file(
            "opends.yaml",
            "name: axes\nresolver: tokens/themes.resolver.json\nlint:\n  rules: {naming: off, unused-token: off, missing-description: off, duplicate-value: off}\n  contrast:\n    - {foreground: color.accent, background: color.bg}\n    - {foreground: color.text, background: color.bg}\n",
        )
}

fn findings(t: &Test, code: i32) -> Vec<Value> {
    let out = t.opends(["lint", "--json"]).code(code).json();
    out["findings"].as_array().cloned().unwrap_or_default()
}

#[test]
fn contrast_failing_in_one_brands_dark_context_is_found_and_named() {
    let t = project();
    let f = findings(&t, 1);
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0]["rule"], json!("contrast"));
    assert_eq!(f[0]["severity"], json!("error"));
    assert_eq!(f[0]["subject"], json!("color.accent on color.bg"));
    let message = f[0]["message"].as_str().unwrap_or_default();
    // Density changes nothing here: the two combinations are one finding.
    assert!(
        message.contains(" in brand=verde,scheme=dark (any density), below 4.5:1 for text"),
        "{message}"
    );
    assert!(!message.contains("acme"), "{message}");

    // Where it holds in one density only, that combination is named in full.
    t.write(
        "tokens/density-compact.tokens.json",
        r#"{"space": {"$type": "dimension", "md": {"$value": {"value": 12, "unit": "px"}}},
            "brand": {"$type": "color", "primary-on-dark": {"$value": "{palette.lime-300}"}}}"#,
    );
    let f = findings(&t, 1);
    assert_eq!(f.len(), 1, "{f:#?}");
    let message = f[0]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains(" in brand=verde,scheme=dark, below"),
        "{message}"
    );

    // Without the failing override nothing is reported.
    t.write(
        "tokens/brand-verde.tokens.json",
        r#"{"brand": {"$type": "color",
            "primary": {"$value": "{palette.green-700}"},
            "primary-on-dark": {"$value": "{palette.lime-300}"}}}"#,
    );
    assert_eq!(findings(&t, 0), Vec::<Value>::new());
}
