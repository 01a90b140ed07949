//! `opends diff`: changes between token files and the working store, the semver bump,
//! and the exit codes (0 none, 1 differences, 2 errors).

use serde_json::json;

use crate::support::Test;

const V1: &str = r##"{"color": {"$type": "color",
  "brand": {"$value": {"colorSpace": "srgb", "components": [0, 0.4, 0.8], "hex": "#0066cc"}},
  "link": {"$value": "{color.brand}"}},
  "space": {"$type": "dimension", "sm": {"$value": {"value": 4, "unit": "px"}}}}"##;

#[test]
fn identical_states_exit_0_and_changes_exit_1_with_the_bump() {
    let t = Test::new().file("v1.json", V1).file("same.json", V1).file(
        "v2.json",
        V1.replace(
            "[0, 0.4, 0.8], \"hex\": \"#0066cc\"",
            "[0, 0.5, 0.9], \"hex\": \"#0080e6\"",
        ),
    );
    t.opends(["diff", "v1.json", "same.json"])
        .success()
        .stderr_contains("no differences");
    let out = t
        .opends(["diff", "v1.json", "v2.json", "--format", "json"])
        .code(1)
        .json();
    assert_eq!(out["bump"], json!("patch"));
    assert_eq!(out["changes"][0]["kind"], json!("token-value-changed"));
    assert!(
        out["changes"][0]["delta_e"]
            .as_f64()
            .is_some_and(|d| d > 0.0)
    );
    t.opends([
        "diff",
        "v1.json",
        "v2.json",
        "--values-minor",
        "--format",
        "json",
    ])
    .code(1)
    .stdout_contains("\"bump\": \"minor\"");
}

#[test]
fn removals_and_renames_are_breaking_and_markdown_shows_them() {
    let renamed = V1.replace("\"sm\":", "\"small\":");
    let removed = V1.replace(
        r#""link": {"$value": "{color.brand}"}"#,
        r#""other": {"$value": {"colorSpace": "srgb", "components": [1, 0, 0]}}"#,
    );
    let t = Test::new()
        .file("v1.json", V1)
        .file("renamed.json", renamed)
        .file("removed.json", removed);
    let out = t
        .opends(["diff", "v1.json", "renamed.json", "--format", "json"])
        .code(1)
        .json();
    assert_eq!(out["bump"], json!("major"));
    assert_eq!(
        out["changes"][0],
        json!({"kind": "token-renamed", "from": "space.sm", "to": "space.small"})
    );
    let md = t
        .opends(["diff", "v1.json", "removed.json", "--format", "markdown"])
        .code(1);
    md.stdout_contains("### Changes (semver: major)")
        .stdout_contains("| - | token `color.link` | major |")
        .stdout_contains("| + | token `color.other` (color) | minor |");
}

#[test]
fn working_compares_with_the_store_and_bad_refs_are_errors() {
    let t = Test::new()
        .file("opends.yaml", "name: d\ntokens: [tokens.json]\n")
        .file("tokens.json", V1)
        .file("old.json", V1);
    t.opends(["diff", "old.json", "working"]).success();
    t.opends(["diff", "old.json"]).success();
    t.write("tokens.json", V1.replace("\"value\": 4", "\"value\": 6"));
    t.opends(["diff", "old.json"])
        .code(1)
        .stdout_contains("space.sm");
    t.opends(["diff", "1.2.0"])
        .code(2)
        .stderr_contains("no version `1.2.0`");
    t.opends(["diff"]).code(2).stderr_contains("no FROM given");
}

#[test]
fn a_changed_colour_shows_the_hex_of_its_components_not_a_stale_hex_member() {
    // The components changed, the `hex` member was left as it was: the components win.
    let stale = V1.replace("[0, 0.4, 0.8]", "[0, 0.5, 0.9]");
    let t = Test::new().file("v1.json", V1).file("v2.json", &stale);
    let out = t.opends(["diff", "v1.json", "v2.json"]).code(1);
    out.stdout_contains("#0066cc -> #0080e6");
    let md = t
        .opends(["diff", "v1.json", "v2.json", "--format", "markdown"])
        .code(1);
    md.stdout_contains("`#0066cc` -> `#0080e6`");
    // A colour in another space is shown by the hex of its gamut-mapped sRGB colour.
    let oklch = V1.replace(
        r##""colorSpace": "srgb", "components": [0, 0.4, 0.8], "hex": "#0066cc""##,
        r#""colorSpace": "oklch", "components": [0.7, 0.4, 150]"#,
    );
    t.write("v3.json", oklch);
    let out = t
        .opends(["diff", "v1.json", "v3.json", "--format", "json"])
        .code(1)
        .json();
    assert!(
        out["changes"][0]["delta_e"]
            .as_f64()
            .is_some_and(|d| d > 0.1),
        "{out:#}"
    );
    t.opends(["diff", "v1.json", "v3.json"])
        .code(1)
        .stdout_contains("#0066cc -> #00");
}
