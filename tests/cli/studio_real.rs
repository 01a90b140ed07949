//! Tokens Studio input as real exports hold it: colour modifiers, `rgba()` with
//! references, math functions across the files of a multi-file export, gradients,
//! `%` letter spacing and `textCase` (`$themes` in several groups: `axes_inputs`).

use serde_json::{Value, json};

use crate::support::{MINIMAL, Test, json_eq, tokens_by_path};

fn assert_json_eq(got: &Value, want: &Value, what: &str) {
    assert!(json_eq(got, want), "{what}:\n got: {got}\nwant: {want}");
}

const CORE: &str = r##"{
  "spacing": {
    "base": {"value": "4", "type": "spacing"},
    "scale": {"value": "1.5", "type": "number"}
  },
  "color": {
    "red": {"value": "#C14242", "type": "color"},
    "amount": {"value": "0.1", "type": "number"}
  }
}
"##;

const SEMANTIC: &str = r#"{
  "space": {
    "md": {"value": "{spacing.base} * 3", "type": "spacing"},
    "lg": {"value": "roundTo({spacing.base} * {spacing.scale} ^ 2, 0)", "type": "spacing"},
    "xl": {"value": "max({space.md}, 20px)", "type": "spacing"}
  },
  "color": {
    "danger": {
      "value": "{color.red}",
      "type": "color",
      "$extensions": {"studio.tokens": {"modify": {"type": "darken", "value": "{color.amount} * 2", "space": "srgb"}}}
    },
    "veil": {"value": "rgba({color.red}, 0.5)", "type": "color"},
    "fade": {"value": "linear-gradient(90deg, {color.red} 0%, rgba(0, 0, 0, .5) 100%)", "type": "color"}
  }
}
"#;

fn multi_file_export() -> Test {
    Test::new()
        .file("opends.yaml", MINIMAL)
        .file("tokens/core.json", CORE)
        .file("tokens/semantic.json", SEMANTIC)
        .file(
            "tokens/$metadata.json",
            r#"{"tokenSetOrder": ["core", "semantic"]}"#,
        )
        .file("tokens/$themes.json", "[]")
}

#[test]
fn a_multi_file_export_computes_math_modifiers_and_rgba_across_its_files() {
    let t = multi_file_export();
    t.opends(["tokens", "import", "tokens", "--verbose"])
        .success()
        // Each computed value is reported where it was written, quoting it.
        .stderr_contains("semantic.json:3:")
        .stderr_contains("`{spacing.base} * 3` was evaluated to `12px`")
        .stderr_contains("semantic.json:9:")
        .stderr_contains("the colour modifier `darken {color.amount} * 2 in srgb` on `{color.red}` was computed to `#9a3535`")
        .stderr_contains("`rgba({color.red}, 0.5)` was computed to `#c1424280`");
    let list = t.opends(["tokens", "list", "--json"]).success().json();
    let tokens = tokens_by_path(&list);
    let px = |v: f64| json!({"value": v, "unit": "px"});
    // 4 · 3; round(4 · 1.5²) = 9; max(12px, 20px).
    assert_json_eq(&tokens["space.md"]["value"], &px(12.0), "space.md");
    assert_json_eq(&tokens["space.lg"]["value"], &px(9.0), "space.lg");
    assert_json_eq(&tokens["space.xl"]["value"], &px(20.0), "space.xl");
    // darken 0.2 in sRGB: 0.8 · (193, 66, 66)/255, printed as Tokens Studio prints it.
    assert_json_eq(
        &tokens["color.danger"]["value"],
        &json!({"colorSpace": "srgb", "components": [0.60549, 0.20706, 0.20706], "hex": "#9a3535"}),
        "color.danger",
    );
    assert_json_eq(
        &tokens["color.veil"]["value"],
        &json!({"colorSpace": "srgb", "components": [0.7569, 0.2588, 0.2588], "alpha": 0.5, "hex": "#c14242"}),
        "color.veil",
    );
    assert_eq!(tokens["color.fade"]["type"], "gradient");
    assert_eq!(tokens["color.fade"]["value"][0]["color"], "{color.red}");
    assert_json_eq(
        &tokens["color.fade"]["value"][1]["position"],
        &json!(1),
        "fade stop",
    );
}

#[test]
fn a_math_error_quotes_the_expression_where_it_was_written() {
    let t = Test::new().file(
        "studio.json",
        r#"{"global": {
  "a": {"value": "4", "type": "spacing"},
  "b": {"value": "floor({a} * )", "type": "spacing"},
  "c": {"value": "frobnicate({a})", "type": "spacing"}
},
"$themes": []}"#,
    );
    t.opends(["tokens", "validate", "studio.json"])
        .code(1)
        .stderr_contains("studio.json:3:")
        .stderr_contains("cannot evaluate `floor({a} * )`")
        .stderr_contains("studio.json:4:")
        .stderr_contains("cannot evaluate `frobnicate({a})`: `frobnicate` is not a math function");
}

/// Needs the lenient validator (`string` tokens, `em` dimensions).
#[test]
fn text_case_and_percent_letter_spacing_are_kept() {
    let t = Test::new().file("opends.yaml", MINIMAL).file(
        "studio.json",
        r#"{"global": {
  "case": {"value": "uppercase", "type": "textCase"},
  "ls": {"value": "5%", "type": "letterSpacing"}
},
"$themes": []}"#,
    );
    t.opends(["tokens", "import", "studio.json"]).success();
    let tokens = tokens_by_path(&t.opends(["tokens", "list", "--json"]).success().json());
    assert_eq!(tokens["case"]["type"], "string");
    assert_eq!(tokens["case"]["value"], "uppercase");
    assert_json_eq(
        &tokens["ls"]["value"],
        &json!({"value": 0.05, "unit": "em"}),
        "ls",
    );
}
