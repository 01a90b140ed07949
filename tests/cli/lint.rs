//! `opends lint`: each rule found where it applies and silent where it does not, the
//! WCAG contrast math on known pairs, severities from opends.yaml, exit codes, `--fix`.

use serde_json::{Value, json};

use crate::support::Test;

fn grey(v: u8) -> String {
    let c = f64::from(v) / 255.0;
    format!(r#"{{"colorSpace": "srgb", "components": [{c}, {c}, {c}]}}"#)
}

/// A project with `tokens.json` and `opends.yaml` (`lint:` as given) and optional components.
fn project(tokens: &str, lint: &str) -> Test {
    Test::new()
        .file(
            "opends.yaml",
            format!("name: l\ntokens: [tokens.json]\nlint:\n{lint}"),
        )
        .file("tokens.json", tokens)
}

fn findings(t: &Test, code: i32) -> Vec<Value> {
    let out = t.opends(["lint", "--json"]).code(code).json();
    out["findings"].as_array().cloned().unwrap_or_default()
}

fn has(f: &[Value], rule: &str, subject: &str) -> bool {
    f.iter()
        .any(|x| x["rule"] == json!(rule) && x["subject"] == json!(subject))
}

fn rule_has(f: &[Value], rule: &str) -> Vec<String> {
    f.iter()
        .filter(|x| x["rule"] == json!(rule))
        .map(|x| x["subject"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn contrast_uses_the_wcag_ratios_of_known_pairs() {
    let tokens = format!(
        r#"{{"color": {{"$type": "color", "description": {{"$value": {white}}},
          "white": {{"$value": {white}}}, "g777": {{"$value": {g777}}}, "g767676": {{"$value": {g767676}}}}}}}"#,
        white = grey(255),
        g777 = grey(0x77),
        g767676 = grey(0x76)
    );
    let t = project(
        &tokens,
        "  contrast:\n    - {foreground: color.g777, background: color.white}\n    - {foreground: color.g767676, background: color.white}\n    - {foreground: color.g777, background: color.white, size: large}\n",
    );
    let f = findings(&t, 1);
    let contrast: Vec<&Value> = f
        .iter()
        .filter(|x| x["rule"] == json!("contrast"))
        .collect();
    assert_eq!(contrast.len(), 1, "{contrast:?}");
    assert_eq!(contrast[0]["subject"], json!("color.g777 on color.white"));
    assert!(
        contrast[0]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("4.48:1")),
        "{contrast:?}"
    );
    // Severity from opends.yaml: as a warning it no longer fails the run.
    t.write(
        "opends.yaml",
        "name: l\ntokens: [tokens.json]\nlint:\n  rules: {contrast: warning}\n  contrast:\n    - {foreground: color.g777, background: color.white}\n",
    );
    let f = findings(&t, 0);
    assert!(
        f.iter()
            .any(|x| x["rule"] == json!("contrast") && x["severity"] == json!("warning"))
    );
}

#[test]
fn contrast_checks_component_styles_in_every_mode() {
    let t = Test::new()
        .file("opends.yaml", "name: l\ntokens: [tokens.json]\nmodes:\n  light: []\n  dark: [dark.json]\n")
        .file(
            "tokens.json",
            format!(
                r#"{{"color": {{"$type": "color", "fg": {{"$value": {}}}, "bg": {{"$value": {}}}, "ok": {{"$value": {}}}}}}}"#,
                grey(0),
                grey(255),
                grey(0)
            ),
        )
        .file("dark.json", format!(r#"{{"color": {{"$type": "color", "bg": {{"$value": {}}}}}}}"#, grey(40)))
        .file(
            "components/tag.yaml",
            "name: Tag\ndescription: d\nstatus: approved\nelement: span\nstyles:\n  color: \"{color.fg}\"\n  background: \"{color.bg}\"\n",
        );
    let f = findings(&t, 1);
    let c: Vec<&Value> = f
        .iter()
        .filter(|x| x["rule"] == json!("contrast"))
        .collect();
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(
        c[0]["message"]
            .as_str()
            .is_some_and(|m| m.contains("in dark") && m.contains("component Tag"))
    );
}

#[test]
fn naming_follows_the_configured_pattern() {
    let t = project(
        r#"{"size": {"$type": "number", "Big_One": {"$value": 1}, "small": {"$value": 2}, "2xl": {"$value": 3}}}"#,
        "  rules: {unused-token: off, missing-description: off}\n",
    );
    let f = findings(&t, 0);
    assert_eq!(rule_has(&f, "naming"), ["size.Big_One"]);
    t.write(
        "opends.yaml",
        "name: l\ntokens: [tokens.json]\nlint:\n  naming: '^[a-z]+$'\n  rules: {unused-token: off}\n",
    );
    let f = findings(&t, 0);
    assert_eq!(rule_has(&f, "naming"), ["size.2xl", "size.Big_One"]);
    t.write(
        "opends.yaml",
        "name: l\ntokens: [tokens.json]\nlint:\n  naming: '(['\n",
    );
    t.opends(["lint"]).code(2).stderr_contains("lint.naming");
}

#[test]
fn semantic_tokens_must_alias() {
    let t = project(
        r#"{"base": {"$type": "number", "one": {"$value": 1}}, "semantic": {"$type": "number", "good": {"$value": "{base.one}"}, "raw": {"$value": 7}}}"#,
        "  semantic: [semantic]\n",
    );
    let f = findings(&t, 1);
    assert!(has(&f, "semantic-alias", "semantic.raw"));
    assert!(!has(&f, "semantic-alias", "semantic.good"));
}

#[test]
fn unused_and_duplicate_tokens() {
    let t = project(
        r#"{"space": {"$type": "number", "a": {"$value": 4}, "b": {"$value": 4}, "c": {"$value": 8}, "d": {"$value": "{space.c}"}}, "radius": {"$type": "number", "r": {"$value": 4}}}"#,
        "  rules: {unused-token: warning}\n",
    );
    let f = findings(&t, 0);
    // `c` is aliased by `d`: used. The others are not.
    assert!(has(&f, "unused-token", "space.a"));
    assert!(!has(&f, "unused-token", "space.c"));
    // `b` repeats `a` in the same group; `radius.r` is another family.
    assert_eq!(rule_has(&f, "duplicate-value"), ["space.b"]);
}

#[test]
fn deprecated_tokens_still_used_and_unexercised_props() {
    let t = project(
        r#"{"color": {"$type": "color", "old": {"$deprecated": "use new", "$value": {"colorSpace": "srgb", "components": [0, 0, 0]}}, "gone": {"$deprecated": true, "$value": {"colorSpace": "srgb", "components": [1, 0, 0]}}, "new": {"$value": {"colorSpace": "srgb", "components": [0, 0, 1]}}}}"#,
        "  rules: {missing-description: off}\n",
    )
    .file(
        "components/chip.yaml",
        "name: Chip\nstatus: approved\nelement: span\nprops:\n  - name: tone\n    type: enum\n    values: [a, b]\n    default: a\n  - name: size\n    type: enum\n    values: [s, m]\n    default: s\nstyles:\n  color: \"{color.old}\"\nvariants:\n  - name: b\n    when: { tone: b }\n    styles:\n      color: \"{color.new}\"\n",
    );
    let f = findings(&t, 0);
    assert!(has(&f, "deprecated-in-use", "color.old"));
    assert!(!has(&f, "deprecated-in-use", "color.gone"));
    assert_eq!(rule_has(&f, "unexercised-prop"), ["Chip.size"]);
}

#[test]
fn missing_descriptions_on_tokens_groups_and_components() {
    let t = project(
        r#"{"a": {"$type": "number", "$description": "the a scale", "one": {"$value": 1}}, "b": {"$type": "number", "two": {"$value": 2}, "three": {"$description": "x", "$value": 3}}}"#,
        "  rules: {missing-description: error, unused-token: off}\n",
    )
    .file("components/x.yaml", "name: X\nstatus: approved\nelement: span\n")
    .file("components/y.yaml", "name: Y\ndescription: Why\nstatus: approved\nelement: span\n");
    let f = findings(&t, 1);
    assert_eq!(rule_has(&f, "missing-description"), ["X", "b.two"]);
}

#[test]
fn fix_adds_the_missing_type_and_leaves_the_rest_of_the_file_alone() {
    let text = "{\n  \"base\": {\"n\": {\"$type\": \"number\", \"$value\": 1}},\n  \"alias\":   {\"$value\": \"{base.n}\"}\n}\n";
    let t = project(
        text,
        "  rules: {unused-token: off, missing-description: off}\n",
    );
    let f = findings(&t, 0);
    assert!(has(&f, "missing-type", "alias"));
    assert!(!has(&f, "missing-type", "base.n"));
    let out = t.opends(["lint", "--fix", "--json"]).success().json();
    assert_eq!(out["fixed"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        t.read("tokens.json"),
        "{\n  \"base\": {\"n\": {\"$type\": \"number\", \"$value\": 1}},\n  \"alias\":   {\"$type\": \"number\", \"$value\": \"{base.n}\"}\n}\n"
    );
    let f = findings(&t, 0);
    assert!(!has(&f, "missing-type", "alias"));
    t.opends(["lint", "--fix"]).success();
}

#[test]
fn bad_configuration_is_refused() {
    let t = project(
        r#"{"a": {"$type": "number", "b": {"$value": 1}}}"#,
        "  rules: {nonsense: error}\n",
    );
    t.opends(["lint"])
        .code(2)
        .stderr_contains("unknown rule `nonsense`");
    t.write(
        "opends.yaml",
        "name: l\ntokens: [tokens.json]\nlint:\n  contrast:\n    - {foreground: a.b, background: a.b}\n",
    );
    t.opends(["lint"])
        .code(2)
        .stderr_contains("`a.b` is not a colour token");
}

#[test]
fn the_bundled_example_has_no_error_level_finding() {
    let acme = crate::support::crate_root().join("examples/acme");
    let t = Test::new()
        .copy_dir(acme.join("tokens"), "tokens")
        .copy_dir(acme.join("components"), "components")
        .file(
            "opends.yaml",
            std::fs::read(acme.join("opends.yaml")).expect("read opends.yaml"),
        );
    let out = t.opends(["lint", "--json"]).success().json();
    assert_eq!(out["errors"], json!(0), "{out:#}");
}

#[test]
fn contrast_checks_colours_in_every_space() {
    // A near-white OKLCH text on white: no silent skip because it is not sRGB.
    let tokens = r#"{"color": {"$type": "color",
      "white": {"$value": {"colorSpace": "srgb", "components": [1, 1, 1]}},
      "mist": {"$value": {"colorSpace": "oklch", "components": [0.98, 0.01, 250]}},
      "ink": {"$value": {"colorSpace": "hsl", "components": [220, 40, 10]}},
      "vivid": {"$value": {"colorSpace": "display-p3", "components": [0, 0, 0.2]}}}}"#;
    let t = project(
        tokens,
        "  contrast:\n    - {foreground: color.mist, background: color.white}\n    - {foreground: color.ink, background: color.white}\n    - {foreground: color.white, background: color.vivid}\n",
    );
    let f = findings(&t, 1);
    assert_eq!(
        rule_has(&f, "contrast"),
        ["color.mist on color.white"],
        "{f:?}"
    );
    let message = f
        .iter()
        .find(|x| x["rule"] == json!("contrast"))
        .and_then(|x| x["message"].as_str())
        .unwrap_or_default();
    assert!(message.starts_with("1.0"), "{message}");
}

/// A token finding names `file:line:column` (as validation findings do), in text and in
/// JSON; `-q` leaves out the info-level lines.
#[test]
fn findings_carry_their_location_and_quiet_drops_info() {
    let t = project(
        "{\n  \"size\": {\n    \"$type\": \"number\",\n    \"Big_One\": {\"$value\": 1},\n    \"small\": {\"$value\": 2}\n  }\n}\n",
        "  rules: {missing-description: off}\n",
    );
    let out = t.opends(["lint"]).success();
    assert!(
        out.stdout().contains("warning[naming] size.Big_One:")
            && out.stdout().contains("(tokens.json:4:"),
        "{}",
        out.stdout()
    );
    assert!(
        out.stdout().contains("info[unused-token]"),
        "{}",
        out.stdout()
    );
    let f = findings(&t, 0);
    let naming = f
        .iter()
        .find(|x| x["rule"] == json!("naming"))
        .expect("a naming finding");
    assert_eq!(naming["file"], json!("tokens.json"));
    assert_eq!(naming["line"], json!(4));
    assert!(naming["column"].as_u64().is_some_and(|c| c > 0), "{naming}");
    let quiet = t.opends(["lint", "-q"]).success();
    assert!(!quiet.stdout().contains("info["), "{}", quiet.stdout());
    assert!(
        quiet.stdout().contains("warning[naming]"),
        "{}",
        quiet.stdout()
    );
}
