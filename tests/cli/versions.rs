//! Versions: `opends release`, `versions`, `diff` against releases, `--version` on export
//! and generate, `tokens history`; one test per semver rule of docs/versioning.md.

use std::fmt::Write as _;

use serde_json::{Value, json};

use crate::support::Test;

const TOKENS: &str = r##"{
  "color": {"$type": "color",
    "brand": {"$value": {"colorSpace": "srgb", "components": [0, 0.4, 0.8], "hex": "#0066cc"}},
    "link": {"$value": "{color.brand}"}},
  "space": {"$type": "dimension",
    "sm": {"$value": {"value": 4, "unit": "px"}},
    "md": {"$value": {"value": 8, "unit": "px"}}}
}"##;

const CHIP: &str = r#"name: Chip
status: approved
element: span
props:
  - name: tone
    type: enum
    values: [neutral, info, warn]
    default: neutral
  - name: label
    type: string
slots:
  - name: default
  - name: icon
styles:
  color: "{color.link}"
  padding: "{space.sm}"
variants:
  - name: info
    when: { tone: info }
    styles:
      color: "{color.brand}"
"#;

fn project() -> Test {
    Test::new()
        .file("opends.yaml", "name: vs\ntokens: [tokens.json]\n")
        .file("tokens.json", TOKENS)
        .file("components/chip.yaml", CHIP)
        .env("OPENDS_AUTHOR", "Dana <dana@example.com>")
}

/// A project with 1.0.0 released.
fn released() -> Test {
    let t = project();
    t.opends(["release", "--yes", "-m", "First"])
        .success()
        .stderr_contains("released 1.0.0");
    t
}

fn edit(t: &Test, file: &str, from: &str, to: &str) {
    let text = t.read(file);
    assert!(text.contains(from), "{file} should contain {from:?}");
    t.write(file, text.replacen(from, to, 1));
}

fn kinds(diff: &Value) -> Vec<String> {
    diff["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| c["kind"].as_str().expect("kind").to_string())
        .collect()
}

/// Applies `change`, checks the diff's bump and change kind, that no smaller bump is
/// accepted without `--force`, and that `release` picks `expect_version`.
fn rule(change: impl Fn(&Test), kind: &str, bump: &str, expect_version: &str) {
    let t = released();
    change(&t);
    let diff = t.opends(["diff", "--format", "json"]).code(1).json();
    assert_eq!(diff["from"], json!("1.0.0"), "{kind}");
    assert_eq!(diff["bump"], json!(bump), "{kind}: {diff:#}");
    assert!(kinds(&diff).iter().any(|k| k == kind), "{kind}: {diff:#}");
    let smaller = match bump {
        "major" => Some("minor"),
        "minor" => Some("patch"),
        _ => None,
    };
    if let Some(smaller) = smaller {
        t.opends(["release", "--bump", smaller, "--yes"])
            .code(2)
            .stderr_contains(&format!("the changes call for a {bump} release"));
        assert_eq!(
            t.opends(["versions", "list", "--json"])
                .success()
                .json()
                .as_array()
                .map(Vec::len),
            Some(1)
        );
    }
    let out = t.opends(["release", "--yes", "--json"]).success().json();
    assert_eq!(out["version"], json!(expect_version), "{kind}");
    assert_eq!(out["bump"], json!(bump), "{kind}");
    assert_eq!(out["forced"], json!(false));
}

#[test]
fn breaking_token_changes_force_a_major() {
    rule(
        |t| {
            t.write(
                "tokens.json",
                TOKENS.replace(
                    ",\n    \"md\": {\"$value\": {\"value\": 8, \"unit\": \"px\"}}",
                    "",
                ),
            );
        },
        "token-removed",
        "major",
        "2.0.0",
    );
    rule(
        |t| edit(t, "tokens.json", "\"md\":", "\"medium\":"),
        "token-renamed",
        "major",
        "2.0.0",
    );
    rule(
        |t| {
            edit(
                t,
                "tokens.json",
                r#""md": {"$value": {"value": 8, "unit": "px"}}"#,
                r#""md": {"$type": "number", "$value": 8}"#,
            );
        },
        "token-type-changed",
        "major",
        "2.0.0",
    );
}

#[test]
fn breaking_component_changes_force_a_major() {
    rule(
        |t| std::fs::remove_file(t.join("components/chip.yaml")).expect("remove"),
        "component-removed",
        "major",
        "2.0.0",
    );
    rule(
        |t| {
            edit(
                t,
                "components/chip.yaml",
                "  - name: label\n    type: string\n",
                "",
            );
        },
        "prop-removed",
        "major",
        "2.0.0",
    );
    rule(
        |t| {
            edit(
                t,
                "components/chip.yaml",
                "    type: string\n",
                "    type: string\n    required: true\n",
            );
        },
        "prop-changed",
        "major",
        "2.0.0",
    );
    rule(
        |t| {
            edit(
                t,
                "components/chip.yaml",
                "slots:",
                "  - name: size\n    type: string\n    required: true\nslots:",
            );
        },
        "prop-added",
        "major",
        "2.0.0",
    );
    rule(
        |t| {
            edit(
                t,
                "components/chip.yaml",
                "[neutral, info, warn]",
                "[neutral, info]",
            );
        },
        "prop-changed",
        "major",
        "2.0.0",
    );
    rule(
        |t| {
            edit(
                t,
                "components/chip.yaml",
                "    type: string\n",
                "    type: number\n",
            );
        },
        "prop-changed",
        "major",
        "2.0.0",
    );
    rule(
        |t| {
            let text = t.read("components/chip.yaml");
            let cut = text.find("variants:").expect("variants");
            t.write("components/chip.yaml", &text[..cut]);
        },
        "variant-removed",
        "major",
        "2.0.0",
    );
    rule(
        |t| edit(t, "components/chip.yaml", "  - name: icon\n", ""),
        "slot-removed",
        "major",
        "2.0.0",
    );
}

#[test]
fn additions_and_deprecations_are_minor() {
    rule(
        |t| {
            edit(
                t,
                "tokens.json",
                "\"md\":",
                "\"lg\": {\"$value\": {\"value\": 16, \"unit\": \"px\"}},\n    \"md\":",
            );
        },
        "token-added",
        "minor",
        "1.1.0",
    );
    rule(
        |t| {
            edit(
                t,
                "tokens.json",
                r#""sm": {"$value""#,
                r#""sm": {"$deprecated": "use space.md", "$value""#,
            );
        },
        "token-deprecated",
        "minor",
        "1.1.0",
    );
    rule(
        |t| {
            t.write(
                "components/tag.yaml",
                "name: Tag\nstatus: approved\nelement: span\nstyles:\n  color: \"{color.link}\"\n",
            );
        },
        "component-added",
        "minor",
        "1.1.0",
    );
    rule(
        |t| {
            edit(
                t,
                "components/chip.yaml",
                "slots:",
                "  - name: dense\n    type: boolean\n    default: false\nslots:",
            );
        },
        "prop-added",
        "minor",
        "1.1.0",
    );
    rule(
        |t| {
            edit(
                t,
                "components/chip.yaml",
                "[neutral, info, warn]",
                "[neutral, info, warn, error]",
            );
        },
        "prop-changed",
        "minor",
        "1.1.0",
    );
    rule(
        |t| {
            edit(
                t,
                "components/chip.yaml",
                "variants:\n",
                "variants:\n  - name: warn\n    when: { tone: warn }\n    styles:\n      color: \"{color.brand}\"\n",
            );
        },
        "variant-added",
        "minor",
        "1.1.0",
    );
    rule(
        |t| {
            edit(
                t,
                "components/chip.yaml",
                "  - name: icon\n",
                "  - name: icon\n  - name: trailing\n",
            );
        },
        "slot-added",
        "minor",
        "1.1.0",
    );
    rule(
        |t| {
            edit(
                t,
                "components/chip.yaml",
                "status: approved",
                "status: deprecated",
            );
        },
        "status-changed",
        "minor",
        "1.1.0",
    );
}

#[test]
fn value_changes_are_patch_unless_configured_as_minor() {
    let brighter = |t: &Test| {
        edit(
            t,
            "tokens.json",
            "[0, 0.4, 0.8], \"hex\": \"#0066cc\"",
            "[0, 0.5, 0.9], \"hex\": \"#0080e6\"",
        );
    };
    rule(brighter, "token-value-changed", "patch", "1.0.1");
    rule(
        |t| {
            brighter(t);
            t.write(
                "opends.yaml",
                "name: vs\ntokens: [tokens.json]\nvalue_changes: minor\n",
            );
        },
        "token-value-changed",
        "minor",
        "1.1.0",
    );
}

#[test]
fn renames_need_the_same_type_and_value_otherwise_remove_and_add() {
    let t = released();
    edit(
        &t,
        "tokens.json",
        "\"md\": {\"$value\": {\"value\": 8,",
        "\"medium\": {\"$value\": {\"value\": 10,",
    );
    let diff = t.opends(["diff", "--format", "json"]).code(1).json();
    assert_eq!(kinds(&diff), ["token-removed", "token-added"]);
    edit(&t, "tokens.json", "\"value\": 10,", "\"value\": 8,");
    let diff = t.opends(["diff", "--format", "json"]).code(1).json();
    assert_eq!(
        diff["changes"],
        json!([{"kind": "token-renamed", "from": "space.md", "to": "space.medium"}])
    );
    t.opends(["diff"])
        .code(1)
        .stdout_contains("space.md -> space.medium (renamed)");
}

#[test]
fn diff_exit_codes_and_version_refs() {
    let t = released();
    t.opends(["diff"])
        .success()
        .stderr_contains("no differences between `1.0.0` and `working`");
    t.opends(["diff", "1.0.0", "latest"]).success();
    t.opends(["diff", "v1.0.0", "working"]).success();
    t.opends(["diff", "9.9.9"])
        .code(2)
        .stderr_contains("no version `9.9.9`")
        .stderr_contains("1.0.0");
    t.opends(["diff", "nonsense"])
        .code(2)
        .stderr_contains("neither a released version");
    edit(&t, "tokens.json", "\"value\": 4,", "\"value\": 6,");
    t.opends(["diff"])
        .code(1)
        .stdout_contains("patch  ~ token space.sm: 4px -> 6px");
    t.opends(["release", "--yes"]).success();
    t.opends(["diff", "1.0.0", "1.0.1", "--format", "json"])
        .code(1)
        .stdout_contains("\"bump\": \"patch\"");
    t.opends(["diff", "1.0.1", "1.0.0"]).code(1);
    t.opends(["diff"]).success();
}

#[test]
fn diff_mode_keeps_only_that_modes_value_changes() {
    let t = Test::new()
        .file("opends.yaml", "name: m\ntokens: [tokens.json]\nmodes:\n  light: []\n  dark: [dark.json]\n")
        .file("tokens.json", TOKENS)
        .file("dark.json", r##"{"color": {"$type": "color", "brand": {"$value": {"colorSpace": "srgb", "components": [0.2, 0.6, 1], "hex": "#3399ff"}}}}"##)
        .env("OPENDS_AUTHOR", "Dana");
    t.opends(["release", "--yes"]).success();
    t.write("dark.json", r##"{"color": {"$type": "color", "brand": {"$value": {"colorSpace": "srgb", "components": [0.4, 0.7, 1], "hex": "#66b3ff"}}}}"##);
    let dark = t
        .opends(["diff", "--mode", "dark", "--format", "json"])
        .code(1)
        .json();
    assert!(
        dark["changes"]
            .as_array()
            .is_some_and(|c| !c.is_empty() && c.iter().all(|c| c["mode"] == json!("dark"))),
        "{dark:#}"
    );
    t.opends(["diff", "--mode", "light"]).success();
    t.opends(["diff", "--mode", "sepia"])
        .code(2)
        .stderr_contains("no mode `sepia`");
}

#[test]
fn markdown_shows_swatches_and_sections() {
    let t = released();
    edit(
        &t,
        "tokens.json",
        "[0, 0.4, 0.8], \"hex\": \"#0066cc\"",
        "[0, 0.5, 0.9], \"hex\": \"#0080e6\"",
    );
    edit(&t, "tokens.json", "\"md\":", "\"lg\":");
    edit(&t, "tokens.json", "\"value\": 8,", "\"value\": 24,");
    edit(&t, "components/chip.yaml", "  - name: icon\n", "");
    let md = t.opends(["diff", "--format", "markdown"]).code(1);
    insta::assert_snapshot!("diff_markdown", md.stdout());
    let preview = t.opends(["release", "--dry-run"]).success();
    insta::assert_snapshot!(
        "release_section",
        t.redact(preview.stdout()).replace(&date(), "DATE")
    );
}

fn date() -> String {
    let out = std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%d"])
        .output()
        .expect("date");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn release_writes_the_version_and_prepends_the_changelog() {
    let t = released();
    let log = t.read("CHANGELOG.md");
    assert!(log.starts_with("# Changelog\n"));
    assert!(log.contains("## [1.0.0] - "));
    assert!(log.contains("First release: 4 tokens, 1 components."));
    edit(
        &t,
        "tokens.json",
        "\"md\":",
        "\"lg\": {\"$value\": {\"value\": 16, \"unit\": \"px\"}},\n    \"md\":",
    );
    t.opends(["release", "--yes", "-m", "Larger spacing"])
        .success()
        .stderr_contains("released 1.1.0");
    let log = t.read("CHANGELOG.md");
    let newer = log.find("## [1.1.0]").expect("1.1.0 section");
    let older = log.find("## [1.0.0]").expect("1.0.0 section");
    assert!(newer < older);
    assert!(log.contains("Larger spacing\n\n### Added\n\n- Token `space.lg` (dimension)"));
    let list = t.opends(["versions", "list", "--json"]).success().json();
    assert_eq!(list[1]["version"], json!("1.1.0"));
    assert_eq!(list[1]["author"], json!("Dana <dana@example.com>"));
    assert_eq!(list[1]["message"], json!("Larger spacing"));
    assert_eq!(list[1]["tokens"], json!(5));
    assert_eq!(list[1]["content_hash"].as_str().map(str::len), Some(64));
    t.opends(["versions", "show", "1.1.0"])
        .success()
        .stdout_contains("Token `space.lg`");
    t.opends(["versions", "show", "3.0.0"])
        .code(2)
        .stderr_contains("no version `3.0.0`");
    t.opends(["release", "--yes"])
        .code(2)
        .stderr_contains("nothing to release");
}

#[test]
fn release_refuses_drafts_bad_input_and_unconfirmed_runs() {
    let t = project();
    edit(
        &t,
        "components/chip.yaml",
        "status: approved",
        "status: draft",
    );
    t.opends(["release", "--yes"])
        .code(2)
        .stderr_contains("1 draft component would be released: Chip");
    t.opends(["release", "--allow-drafts"])
        .code(2)
        .stderr_contains("pass `--yes`");
    t.opends(["release", "--yes", "--allow-drafts"]).success();
    edit(&t, "tokens.json", "\"{color.brand}\"", "\"{color.nope}\"");
    t.opends(["release", "--yes", "--allow-drafts"])
        .code(2)
        .stderr_contains("unknown reference");
    assert!(!t.read("CHANGELOG.md").contains("1.0.1"));
    assert_eq!(
        t.opends(["versions", "list", "--json"])
            .success()
            .json()
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}

#[test]
fn forced_bumps_are_recorded_and_pre_releases_count_up() {
    let t = released();
    edit(&t, "tokens.json", "\"md\":", "\"medium\":");
    let out = t
        .opends(["release", "--bump", "minor", "--force", "--yes", "--json"])
        .success()
        .json();
    assert_eq!(out["version"], json!("1.1.0"));
    assert_eq!(out["forced"], json!(true));
    assert!(
        t.read("CHANGELOG.md")
            .contains("Released as minor with `--force` although the changes call for major.")
    );
    edit(&t, "tokens.json", "\"value\": 4,", "\"value\": 5,");
    let pre = t
        .opends(["release", "--pre", "beta", "--yes", "--json"])
        .success()
        .json();
    assert_eq!(pre["version"], json!("1.1.1-beta.1"));
    edit(&t, "tokens.json", "\"value\": 5,", "\"value\": 6,");
    let pre = t
        .opends(["release", "--pre", "beta", "--yes", "--json"])
        .success()
        .json();
    assert_eq!(pre["version"], json!("1.1.1-beta.2"));
    edit(&t, "tokens.json", "\"value\": 6,", "\"value\": 7,");
    let stable = t.opends(["release", "--yes", "--json"]).success().json();
    assert_eq!(stable["version"], json!("1.1.1"));
    edit(&t, "tokens.json", "\"value\": 7,", "\"value\": 8,");
    t.opends(["release", "1.0.5", "--yes"])
        .code(2)
        .stderr_contains("not newer");
}

#[test]
fn a_release_failing_half_way_leaves_no_version_and_the_changelog_as_it_was() {
    let t = released();
    let before = t.read("CHANGELOG.md");
    edit(&t, "tokens.json", "\"value\": 4,", "\"value\": 6,");
    t.opends_env(["release", "--yes"], &[("OPENDS_TEST_FAIL", "release")])
        .code(2)
        .stderr_contains("nothing was released");
    assert_eq!(t.read("CHANGELOG.md"), before);
    let list = t.opends(["versions", "list", "--json"]).success().json();
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert!(
        !t.tree()
            .iter()
            .any(|f| f.to_ascii_lowercase().ends_with(".tmp")),
        "{:?}",
        t.tree()
    );
    t.opends(["release", "--yes"])
        .success()
        .stderr_contains("released 1.0.1");
}

#[test]
fn export_and_generate_from_an_old_version_equal_what_was_made_then() {
    let t = released();
    t.opends([
        "export", "tokens", "--format", "css", "--format", "ts", "--out", "then",
    ])
    .success();
    t.opends(["generate", "react", "--out", "then-react"])
        .success();
    edit(
        &t,
        "tokens.json",
        "[0, 0.4, 0.8], \"hex\": \"#0066cc\"",
        "[0.8, 0, 0], \"hex\": \"#cc0000\"",
    );
    edit(&t, "components/chip.yaml", "  - name: icon\n", "");
    t.opends(["release", "--yes", "--force", "--bump", "patch"])
        .success();
    t.opends([
        "export",
        "tokens",
        "--format",
        "css",
        "--format",
        "ts",
        "--out",
        "now",
        "--version",
        "1.0.0",
    ])
    .success();
    t.opends([
        "generate",
        "react",
        "--out",
        "now-react",
        "--version",
        "1.0.0",
    ])
    .success();
    assert_eq!(t.files_under("then"), t.files_under("now"));
    assert_eq!(t.files_under("then-react"), t.files_under("now-react"));
    t.opends([
        "export",
        "tokens",
        "--format",
        "css",
        "--out",
        "latest",
        "--version",
        "latest",
    ])
    .success();
    assert!(t.read("latest/tokens.css").contains("#cc0000"));
    t.opends(["export", "tokens", "--format", "css", "--version", "4.0.0"])
        .code(2)
        .stderr_contains("no version `4.0.0`");
}

#[test]
fn token_history_lists_the_value_in_every_version() {
    let t = released();
    edit(&t, "tokens.json", "\"value\": 4,", "\"value\": 6,");
    t.opends(["release", "--yes"]).success();
    t.write(
        "tokens.json",
        TOKENS
            .replace(
                ",\n    \"md\": {\"$value\": {\"value\": 8, \"unit\": \"px\"}}",
                "",
            )
            .replace("\"value\": 4,", "\"value\": 6,"),
    );
    t.opends(["release", "--yes"]).success();
    let h = t
        .opends(["tokens", "history", "space.md", "--json"])
        .success()
        .json();
    assert_eq!(
        h.as_array()
            .expect("list")
            .iter()
            .map(|e| (e["version"].clone(), e["present"].clone()))
            .collect::<Vec<_>>(),
        vec![
            (json!("1.0.0"), json!(true)),
            (json!("1.0.1"), json!(true)),
            (json!("2.0.0"), json!(false))
        ]
    );
    t.opends(["tokens", "history", "space.sm"])
        .success()
        .stdout_contains("1.0.0")
        .stdout_contains("4px")
        .stdout_contains("6px");
    t.opends(["tokens", "history", "space.xl"])
        .code(2)
        .stderr_contains("in no released version");
}

#[test]
fn deleting_a_version_keeps_its_neighbours() {
    let t = released();
    t.opends(["export", "tokens", "--format", "json", "--out", "v1"])
        .success();
    edit(&t, "tokens.json", "\"value\": 4,", "\"value\": 6,");
    t.opends(["release", "--yes"]).success();
    edit(&t, "tokens.json", "\"value\": 6,", "\"value\": 7,");
    t.opends(["release", "--yes"]).success();
    t.opends(["export", "tokens", "--format", "json", "--out", "v3"])
        .success();
    t.opends(["versions", "rm", "1.0.1"])
        .code(2)
        .stderr_contains("--yes");
    t.opends(["versions", "rm", "1.0.1", "--yes"]).success();
    t.opends([
        "export",
        "tokens",
        "--format",
        "json",
        "--out",
        "r1",
        "--version",
        "1.0.0",
    ])
    .success();
    t.opends([
        "export",
        "tokens",
        "--format",
        "json",
        "--out",
        "r3",
        "--version",
        "1.0.2",
    ])
    .success();
    assert_eq!(t.files_under("v1"), t.files_under("r1"));
    assert_eq!(t.files_under("v3"), t.files_under("r3"));
}

fn big_tokens(values: &[i64]) -> String {
    let mut out = String::from("{");
    for (g, chunk) in values.chunks(100).enumerate() {
        if g > 0 {
            out.push(',');
        }
        let _ = write!(out, "\"g{g}\": {{\"$type\": \"dimension\"");
        for (i, v) in chunk.iter().enumerate() {
            let _ = write!(
                out,
                ", \"t{i}\": {{\"$value\": {{\"value\": {v}, \"unit\": \"px\"}}}}"
            );
        }
        out.push('}');
    }
    out.push('}');
    out
}

fn store_size(t: &Test) -> u64 {
    // The store is checkpointed when the last connection closes: no -wal is left over.
    assert!(!t.exists(".opends/opends.db-wal"));
    std::fs::metadata(t.join(".opends/opends.db"))
        .expect("store")
        .len()
}

#[test]
#[allow(clippy::print_stderr)] // the sizes, shown with --nocapture
fn a_hundred_small_releases_of_ten_thousand_tokens_take_less_room_than_the_token_file() {
    let mut values: Vec<i64> = (0..10_000).collect();
    let t = Test::new()
        .file("opends.yaml", "name: big\ntokens: [tokens.json]\n")
        .file("tokens.json", big_tokens(&values))
        .env("OPENDS_AUTHOR", "CI");
    t.opends(["tokens", "list", "--json"]).success();
    let working = store_size(&t);
    t.opends(["release", "--yes", "-q"]).success();
    for round in 1..100_i64 {
        // 1% of the tokens change in every release.
        for j in 0..100 {
            let k = usize::try_from((round * 97 + j * 101) % 10_000).expect("index");
            values[k] += 100_000;
        }
        t.write("tokens.json", big_tokens(&values));
        t.opends(["release", "--yes", "-q"]).success();
    }
    let list = t.opends(["versions", "list", "--json"]).success().json();
    assert_eq!(list.as_array().map(Vec::len), Some(100));
    let file = u64::try_from(big_tokens(&values).len()).expect("size");
    let store = store_size(&t);
    eprintln!(
        "store: {working} B with the working tokens, {store} B after 100 releases; token file {file} B"
    );
    // The working tokens and every version are stored compressed (the working state as
    // one packed value, versions as deltas): the whole store, history included, takes
    // less room than one copy of the token file it was released from.
    assert!(
        store < file,
        "the store is {store} B after 100 releases, the token file {file} B"
    );
    // The first and the last versions still read back exactly.
    let first = t
        .opends(["tokens", "history", "g0.t0", "--json"])
        .success()
        .json();
    assert_eq!(first[0]["value"], json!({"value": 0, "unit": "px"}));
    t.opends(["export", "tokens", "--format", "json", "--out", "last"])
        .success();
    t.opends([
        "export",
        "tokens",
        "--format",
        "json",
        "--out",
        "v99",
        "--version",
        "latest",
    ])
    .success();
    assert_eq!(t.files_under("last"), t.files_under("v99"));
}

#[test]
fn the_changelog_shows_a_changed_colour_by_its_components_hex() {
    let t = released();
    // Only the components change; the stale `hex` member stays.
    edit(&t, "tokens.json", "[0, 0.4, 0.8]", "[0, 0.5, 0.9]");
    t.opends(["release", "--yes", "-m", "Brighter brand"])
        .success()
        .stderr_contains("released 1.0.1");
    let log = t.read("CHANGELOG.md");
    assert!(log.contains("`#0066cc` -> `#0080e6`"), "{log}");
    assert!(!log.contains("`#0066cc` -> `#0066cc`"), "{log}");
}
