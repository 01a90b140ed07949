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

/// Style Dictionary files of one run, read as one unit: references to other files (with
/// Style Dictionary 3's `.value` suffix), another property of a token (`.rgb`) inside
/// `rgba()`, references inside a string, a free-text `type`, and a bare number in a
/// `dimension` token (`rem`, as Style Dictionary's `size/rem` writes it).
const SD_BASE: &str = r##"{
  "color": {
    "white": { "value": "#FFF", "rgb": "255, 255, 255", "type": "color" },
    "gray": { "value": "#E0E4EA", "type": "color" }
  }
}
"##;

const SD_APP: &str = r#"{
  "ui": {
    "bg": { "value": "{color.white.value}", "type": "color" },
    "veil": { "value": "rgba({color.white.rgb}, 0.5)", "type": "color" },
    "ring": { "value": "0 0 0 1px {color.gray.value} inset" },
    "gap": { "value": 2, "type": "dimension" },
    "text": { "value": "14", "type": "fontSize" },
    "edge": { "value": "1px", "type": "dimension" },
    "count": { "value": 3 },
    "family": { "value": "'Inter', Roboto, sans-serif", "type": "font" }
  }
}
"#;

#[test]
fn style_dictionary_files_are_read_as_one_unit() {
    let t = Test::new()
        .file("tokens/base/color.json", SD_BASE)
        .file("tokens/app/ui.json", SD_APP);
    let out = t
        .opends(["tokens", "validate", "tokens", "--json"])
        .success()
        .json();
    assert_eq!(out["errors"], 0, "{out:#}");
    // Each warning is located in the file the token was written in.
    for (path, code, line) in [
        ("ui.gap", "lenient-size-rem", 6),
        ("ui.text", "lenient-size-rem", 7),
        ("ui.veil", "legacy-value", 4),
        ("ui.ring", "legacy-value", 5),
        ("ui.family", "legacy-value", 10),
    ] {
        let w = warning_about(&out, path, code);
        assert_eq!(w["line"], line, "{path}: {w}");
        assert!(
            w["file"].as_str().is_some_and(|f| f.ends_with("ui.json")),
            "{path}: {w}"
        );
    }
    t.opends([
        "export",
        "tokens",
        "--input",
        "tokens",
        "--format",
        "css",
        "--out",
        "out",
        "--no-progress",
    ])
    .success();
    let css: String = t
        .files_under("out")
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    for want in [
        "--ui-bg: var(--color-white)",
        "--ui-ring: 0 0 0 1px #E0E4EA inset",
        "--ui-gap: 2rem",
        "--ui-text: 14rem",
        "--ui-edge: 1px",
        "--ui-count: 3",
        "--ui-family: Inter, Roboto, sans-serif",
    ] {
        assert!(css.contains(want), "`{want}` in:\n{css}");
    }
    assert!(
        css.contains("--ui-veil: #ffffff80") || css.contains("--ui-veil: rgb(255 255 255 / 0.5)"),
        "{css}"
    );
}

/// `sd_size_unit: px` reads a bare Style Dictionary size as pixels, in the project's
/// files, in files named on the command line, and in a Style Dictionary token met inside
/// a DTCG file; a value that is neither unit is an error naming the key.
#[test]
fn sd_size_unit_px_reads_bare_sizes_as_pixels() {
    let t = Test::new()
        .file(
            "opends.yaml",
            "name: px\ntokens:\n  - tokens\nsd_size_unit: px\n",
        )
        .file("tokens/base/color.json", SD_BASE)
        .file("tokens/app/ui.json", SD_APP)
        .file(
            "mixed.json",
            r##"{"a": {"$type": "color", "$value": "#ffffff"}, "b": {"value": 4, "type": "dimension"}}"##,
        );
    let out = t.opends(["tokens", "validate", "--json"]).success().json();
    let w = warning_about(&out, "ui.gap", "lenient-size-px");
    assert_eq!(w["line"], 6, "{w}");
    t.opends([
        "export",
        "tokens",
        "--format",
        "css",
        "--out",
        "out",
        "--no-progress",
    ])
    .success();
    let css = t.read("out/tokens.css");
    assert!(css.contains("--ui-gap: 2px;"), "{css}");
    assert!(css.contains("--ui-text: 14px;"), "{css}");
    let mixed = t
        .opends(["tokens", "validate", "mixed.json", "--json"])
        .success()
        .json();
    assert!(
        mixed.to_string().contains("`4px`"),
        "a Style Dictionary token in a DTCG file: {mixed:#}"
    );
    // The default stays `rem`.
    let t = t.file("opends.yaml", "name: rem\ntokens:\n  - tokens\n");
    t.opends(["tokens", "validate", "--json"])
        .success()
        .stdout_contains("lenient-size-rem");
    let t = t.file("opends.yaml", "name: em\nsd_size_unit: em\n");
    t.opends(["tokens", "validate"])
        .code(2)
        .stderr_contains("sd_size_unit");
}

/// A reference no file of the run defines is an error located where it is written.
#[test]
fn a_style_dictionary_reference_to_no_file_is_located() {
    let t = Test::new().file("tokens/app/ui.json", SD_APP);
    t.opends(["tokens", "validate", "tokens"])
        .code(1)
        .stderr_contains("ui.json:3:")
        .stderr_contains("{color.white.value}")
        .stderr_contains("ui.json:4:")
        .stderr_contains("{color.white.rgb}");
}

/// Tokens Studio maths: a dimension's number takes part, its unit carried to the result
/// (a unitless dimension is pixels); a number token holding a dimension becomes one;
/// units that cannot be combined are an error located at the expression.
#[test]
fn tokens_studio_maths_carries_dimension_units() {
    let t = Test::new().file(
        "studio.json",
        r#"{"global": {
  "base": {"value": "16", "type": "dimension"},
  "n": {"value": "{base}", "type": "number"},
  "double": {"value": "{n} * 2", "type": "spacing"},
  "ratio": {"value": "{base} / 4", "type": "number"},
  "em": {"value": "1.5em", "type": "dimension"},
  "bad": {"value": "{em} + 1rem", "type": "dimension"}
},
"$themes": []}"#,
    );
    t.opends(["tokens", "validate", "studio.json"])
        .code(1)
        .stderr_contains("studio.json:7:")
        .stderr_contains("cannot evaluate `{em} + 1rem`: cannot combine `em` and `rem`");
    let t = Test::new().file(
        "studio.json",
        r#"{"global": {
  "base": {"value": "16", "type": "dimension"},
  "n": {"value": "{base}", "type": "number"},
  "double": {"value": "{n} * 2", "type": "spacing"},
  "ratio": {"value": "{base} / 4", "type": "number"}
},
"$themes": []}"#,
    );
    let out = t
        .opends(["tokens", "validate", "studio.json", "--json"])
        .success()
        .json();
    let w = warning_about(&out, "n", "legacy-value");
    assert_eq!(w["line"], 3, "{w}");
    assert!(
        w["message"]
            .as_str()
            .is_some_and(|m| m.contains("read as a dimension")),
        "{w}"
    );
    t.opends([
        "export",
        "tokens",
        "--input",
        "studio.json",
        "--format",
        "css",
        "--out",
        "out",
        "--no-progress",
    ])
    .success();
    let css: String = t
        .files_under("out")
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    for want in [
        "--base: 16px",
        "--n: var(--base)",
        "--double: 32px",
        "--ratio: 4px",
    ] {
        assert!(css.contains(want), "`{want}` in:\n{css}");
    }
}

/// `--strict` reads a Tokens Studio directory file by file as DTCG (located errors),
/// unless the format is named.
#[test]
fn strict_reads_a_tokens_studio_directory_as_dtcg_unless_named() {
    let t = Test::new()
        .file("ts/$metadata.json", r#"{"tokenSetOrder": ["core"]}"#)
        .file(
            "ts/core.json",
            "{\n  \"space\": {\"value\": \"4\", \"type\": \"spacing\"}\n}\n",
        );
    t.opends(["tokens", "validate", "ts"]).success();
    t.opends(["tokens", "validate", "--strict", "ts"])
        .code(1)
        .stderr_contains("core.json:2:");
    t.opends([
        "tokens",
        "validate",
        "--strict",
        "--format",
        "tokens-studio",
        "ts",
    ])
    .success();
}
