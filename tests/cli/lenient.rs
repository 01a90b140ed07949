//! The lenient default reader and `--strict`, through the binary: what other tools write
//! is read with a located warning per rule, exported as its consumers expect, and
//! refused with located errors under `--strict` (flag or `strict: true`).

use std::fmt::Write as _;

use serde_json::Value;

use crate::support::Test;

/// One token per lenient rule, each on its own line (line numbers are asserted).
const LEGACY_FORMS: &str = r##"{
  "color": {
    "$type": "color",
    "hex": { "$value": "#0066cc" },
    "oklch": { "$value": "oklch(0.7 0.1 200)" },
    "named": { "$value": "rebeccapurple" },
    "clear": { "$value": "transparent" },
    "short": { "$value": { "colorSpace": "srgb", "components": [1, 1, 1], "hex": "#fff" } },
    "hsla": { "$value": "hsl(120 50% 50% / 0.5)" }
  },
  "space": {
    "$type": "dimension",
    "sm": { "$value": "8px" },
    "bare": { "$value": 16 },
    "em": { "$value": "1.5em" },
    "dp": { "$value": { "value": 2, "unit": "dp" } },
    "neg": { "$value": "-2px" }
  },
  "time": { "$type": "duration", "fast": { "$value": "200ms" }, "slow": { "$value": "0.5s" } },
  "weight": { "$type": "fontWeight", "bold": { "$value": "Semi Bold" } },
  "family": { "$type": "fontFamily", "body": { "$value": "Open Sans, sans-serif" } },
  "content": { "$type": "string", "arrow": { "$value": "say \"hi\"; }" }, "shadow": { "$value": "rgba(0, 0, 0, 0.12)" } },
  "asset": { "$type": "asset", "logo": { "$value": "logo.svg" } },
  "type": { "$type": "typography", "body": { "$value": { "fontFamily": "Inter", "fontSize": "16px", "fontWeight": 400, "lineHeight": 1.5, "fontStyle": "italic" } } },
  "motion": { "$type": "transition", "in": { "$value": { "duration": "200ms", "timingFunction": [0.4, 0, 0.2, 1] } } },
  "meta": { "$type": "number", "n": { "$value": 1, "comment": "kept" } },
  "sd": { "brand": { "value": "#ff0000", "type": "color", "deprecated": true, "deprecated_comment": "use color.hex" } }
}
"##;

fn findings(out: &Value) -> Vec<Value> {
    out["findings"].as_array().cloned().unwrap_or_default()
}

/// The `code` of the warning about `path`, with its line.
fn warning_about(out: &Value, path: &str, code: &str) -> Value {
    findings(out)
        .into_iter()
        .find(|f| f["path"] == path && f["code"] == code)
        .unwrap_or_else(|| panic!("no `{code}` warning about `{path}` in {out:#}"))
}

#[test]
fn lenient_default_reads_what_other_tools_write_with_a_located_warning_per_rule() {
    let t = Test::new().file("legacy.tokens.json", LEGACY_FORMS);
    let out = t
        .opends(["tokens", "validate", "legacy.tokens.json", "--json"])
        .success()
        .json();
    assert_eq!(out["valid"], true, "{out:#}");
    assert_eq!(out["errors"], 0);
    let listed = findings(&out);
    assert_eq!(
        out["warnings"],
        listed.len(),
        "the counts match what is listed"
    );
    for f in &listed {
        assert_eq!(f["severity"], "warning", "{f}");
        assert!(f["line"].as_u64().is_some_and(|l| l > 1), "located: {f}");
    }
    let lines: Vec<&str> = LEGACY_FORMS.lines().collect();
    for (path, code, text) in [
        ("color.hex", "lenient-color", "#0066cc"),
        ("color.oklch", "lenient-color", "oklch("),
        ("color.named", "lenient-color", "rebeccapurple"),
        ("color.short", "lenient-color", "\"short\""),
        ("space.sm", "lenient-dimension", "8px"),
        ("space.bare", "lenient-bare-number", "16"),
        ("space.dp", "lenient-unit", "\"dp\""),
        ("time.slow", "lenient-duration", "0.5s"),
        ("weight.bold", "lenient-font-weight", "Semi Bold"),
        ("family.body", "lenient-font-family", "Open Sans"),
        ("asset", "lenient-type", "\"asset\""),
        ("type.body", "lenient-composite", "\"type\""),
        ("motion.in", "lenient-composite", "\"motion\""),
        ("meta.n", "lenient-property", "comment"),
        ("sd.brand", "lenient-style-dictionary", "\"sd\""),
    ] {
        let w = warning_about(&out, path, code);
        let line = w["line"].as_u64().expect("line") as usize;
        assert!(
            lines[line - 1].contains(text),
            "`{path}`: line {line} is `{}`, expected it to hold `{text}`",
            lines[line - 1]
        );
    }

    // Exported as the consumers expect.
    t.opends([
        "export",
        "tokens",
        "--input",
        "legacy.tokens.json",
        "--format",
        "css",
        "--format",
        "js",
        "--format",
        "dtcg",
        "--out",
        "dist",
    ])
    .success();
    let css = t.read("dist/tokens.css");
    for line in [
        "--color-hex: #0066cc;",
        "--color-oklch: oklch(0.7 0.1 200);",
        "--color-named: #663399;",
        "--color-short: #ffffff;",
        "--space-sm: 8px;",
        "--space-bare: 16px;",
        "--space-em: 1.5em;",
        "--space-dp: 2px;",
        "--space-neg: -2px;",
        "--time-slow: 0.5s;",
        "--weight-bold: 600;",
        "--family-body: \"Open Sans\", sans-serif;",
        "--content-shadow: rgba(0, 0, 0, 0.12);",
        "--asset-logo: logo.svg;",
        "--type-body: 400 16px/1.5 Inter;",
        "--motion-in: 200ms cubic-bezier(0.4, 0, 0.2, 1) 0ms;",
    ] {
        assert!(css.contains(line), "`{line}` missing from\n{css}");
    }
    // Text that is not a plain CSS value is a quoted CSS string: it cannot end the rule.
    assert!(
        css.contains(r#"--content-arrow: "say \"hi\"; }";"#),
        "{css}"
    );
    let js = t.read("dist/tokens.js");
    assert!(
        js.contains(r#"export const contentArrow = "say \"hi\"; }";"#),
        "{js}"
    );

    let dtcg: Value = serde_json::from_str(&t.read("dist/tokens.tokens.json")).expect("dtcg json");
    assert_eq!(
        dtcg["type"]["body"]["$extensions"]["opends.value"]["fontStyle"], "italic",
        "extra typography members are kept in $extensions"
    );
    assert_eq!(dtcg["meta"]["n"]["$extensions"]["comment"], "kept");
    assert_eq!(dtcg["sd"]["brand"]["$deprecated"], "use color.hex");
    assert_eq!(dtcg["color"]["oklch"]["$value"]["colorSpace"], "oklch");
}

#[test]
fn strict_refuses_every_lenient_form_with_located_errors_from_the_flag_or_the_project() {
    let t = Test::new().file("legacy.tokens.json", LEGACY_FORMS);
    let out = t
        .opends([
            "tokens",
            "validate",
            "--strict",
            "legacy.tokens.json",
            "--json",
        ])
        .code(1)
        .json();
    let errors: Vec<Value> = findings(&out)
        .into_iter()
        .filter(|f| f["severity"] == "error")
        .collect();
    assert!(errors.len() >= 15, "{out:#}");
    assert!(
        errors
            .iter()
            .all(|f| f["line"].is_number() && f["column"].is_number())
    );
    assert!(
        !findings(&out).iter().any(|f| f["code"]
            .as_str()
            .is_some_and(|c| c.starts_with("lenient-"))),
        "no lenient reading under --strict"
    );
    assert!(errors.iter().any(|f| {
        f["message"]
            .as_str()
            .is_some_and(|m| m.contains("`#0066cc`") && m.contains("without `--strict`"))
    }));

    // `strict: true` in opends.yaml does the same for the project's files and `--input`.
    let p = Test::new()
        .file("tokens/legacy.json", LEGACY_FORMS)
        .file("opends.yaml", "name: x\ntokens: [tokens]\nstrict: true\n");
    p.opends(["tokens", "validate"])
        .code(1)
        .stderr_contains("legacy.json:4:");
    p.opends(["export", "tokens", "--input", "tokens", "--format", "css"])
        .code(2)
        .stderr_contains("nothing was written");
    assert!(!p.exists("dist/tokens.css"));
    // Without it, the same project exports.
    p.write("opends.yaml", "name: x\ntokens: [tokens]\n");
    p.opends(["export", "tokens", "--input", "tokens", "--format", "css"])
        .success();
}

#[test]
fn warnings_of_one_rule_are_grouped_and_verbose_or_json_list_every_one() {
    let mut text = String::from("{ \"c\": { \"$type\": \"color\",\n");
    for i in 0..10 {
        let _ = writeln!(text, "  \"c{i}\": {{ \"$value\": \"#00000{i}\" }},");
    }
    text.push_str("  \"end\": { \"$value\": \"#ffffff\" } } }\n");
    let t = Test::new().file("many.json", &text);
    let out = t.opends(["tokens", "validate", "many.json"]).success();
    assert!(
        out.stderr()
            .contains("11 warnings of rule `lenient-color`, the first 3:"),
        "{}",
        out.stderr()
    );
    assert!(out.stderr().contains("and 8 more"), "{}", out.stderr());
    assert_eq!(out.stderr().matches("many.json:").count(), 3);
    let verbose = t
        .opends(["tokens", "validate", "many.json", "--verbose"])
        .success();
    assert_eq!(verbose.stderr().matches("many.json:").count(), 11);
    let json = t
        .opends(["tokens", "validate", "many.json", "--json"])
        .success()
        .json();
    assert_eq!(findings(&json).len(), 11);
    assert_eq!(json["warnings"], 11);
}

#[test]
fn a_value_no_rule_can_read_is_an_error_quoting_it() {
    let t = Test::new().file(
        "bad.json",
        r#"{ "c": { "$type": "color", "x": { "$value": "blurple" } } }"#,
    );
    t.opends(["tokens", "validate", "bad.json"])
        .code(1)
        .stderr_contains("bad.json:1:45: `c.x`: `blurple` is not a colour opends can read");
}

#[test]
fn two_tokens_with_one_name_get_a_hint_naming_a_setting_that_separates_them() {
    let tokens = r#"{ "a": { "$type": "number", "entityTag": { "$value": 1 }, "entity-tag": { "$value": 2 } } }"#;
    let t = Test::new().file("tokens/a.json", tokens).file(
        "opends.yaml",
        "name: x\ntokens: [tokens]\noutputs:\n  - format: css\n    path: dist/t.css\n",
    );
    t.opends(["export", "tokens"])
        .code(2)
        .stderr_contains("`a.entityTag` and `a.entity-tag` both become `a-entity-tag` in css; set `name_case: preserve`");
    t.write(
        "opends.yaml",
        "name: x\ntokens: [tokens]\noutputs:\n  - format: css\n    path: dist/t.css\n    name_case: preserve\n",
    );
    t.opends(["export", "tokens"]).success();
    let css = t.read("dist/t.css");
    assert!(
        css.contains("--a-entityTag: 1;") && css.contains("--a-entity-tag: 2;"),
        "{css}"
    );
    // JavaScript names cannot keep both spellings: the hint says so, and preserve is refused.
    t.write(
        "opends.yaml",
        "name: x\ntokens: [tokens]\noutputs:\n  - format: js\n    path: dist/t.js\n",
    );
    t.opends(["export", "tokens"])
        .code(2)
        .stderr_contains("rename one of them")
        .stderr_lacks("name_case: preserve` on this output");
}

#[test]
fn dot_tokens_files_are_read_from_directories() {
    let t = Test::new()
        .file(
            "tokens/a.tokens",
            r#"{ "n": { "$type": "number", "$value": 1 } }"#,
        )
        .file(
            "tokens/b.tokens.json",
            r#"{ "m": { "$type": "number", "$value": 2 } }"#,
        )
        .file("tokens/notes.txt", "not tokens");
    let out = t
        .opends(["tokens", "validate", "tokens", "--json"])
        .success()
        .json();
    assert_eq!(out["files"], 2, "{out:#}");
    assert_eq!(out["tokens"], 2, "{out:#}");
}

#[test]
fn a_hint_never_suggests_the_format_already_given() {
    let t = Test::new().file("sd.json", r##"{ "a": { "value": { "value": "#f00" } } }"##);
    t.opends([
        "tokens",
        "validate",
        "--format",
        "style-dictionary",
        "sd.json",
    ])
    .code(1)
    .stderr_contains("sd.json:1:8: `a`: holds `value` but is not a token")
    .stderr_lacks("read it with `--format style-dictionary`");
}
