//! `opends export tokens`: every format (snapshots), unchanged files left alone,
//! `--check`, bad input, and the example project.

use std::fmt::Write as _;
use std::fs::File;
use std::time::{Duration, SystemTime};

use serde_json::Value;

use crate::support::{MINIMAL, Test, crate_root, fixture};

/// The export fixture: all 13 types, aliases, a deprecated token, light and dark modes
/// (a resolver document over `base.json` and `dark.json`).
const INPUT: &str = "in/tokens.resolver.json";

fn with_fixture() -> Test {
    Test::new().copy_dir(fixture("export"), "in")
}

/// Exports one format into `out/` and snapshots every file written.
fn snapshot_format(format: &str) {
    let t = with_fixture();
    t.opends([
        "export", "tokens", "--input", INPUT, "--format", format, "--out", "out",
    ])
    .success()
    .stderr_contains("exported 27 tokens in 2 modes");
    let files = t.files_under("out");
    assert!(!files.is_empty(), "{format}: nothing written");
    let mut all = String::new();
    for (name, text) in &files {
        let _ = writeln!(all, "=== {name}\n{text}");
        // Composite values must be rendered, never stringified JS objects.
        assert!(
            !text.contains("[object Object]"),
            "{format}: {name}:\n{text}"
        );
        assert!(!text.contains("undefined"), "{format}: {name}:\n{text}");
    }
    if format != "dtcg" {
        // Durations render as CSS times, alone and inside transitions.
        assert!(all.contains("150ms"), "{format}: no `150ms`:\n{all}");
        assert!(all.contains("0.5s"), "{format}: no `0.5s`:\n{all}");
        assert!(
            all.contains("cubic-bezier(0.2, 0, 0, 1)") || format == "js" || format == "ts",
            "{format}:\n{all}"
        );
    }
    t.insta()
        .bind(|| insta::assert_snapshot!(format!("export_{format}"), all));
}

#[test]
fn export_css() {
    snapshot_format("css");
}

#[test]
fn export_scss() {
    snapshot_format("scss");
}

#[test]
fn export_less() {
    snapshot_format("less");
}

#[test]
fn export_js() {
    snapshot_format("js");
}

#[test]
fn export_ts() {
    snapshot_format("ts");
}

#[test]
fn export_json() {
    snapshot_format("json");
}

#[test]
fn export_dtcg() {
    snapshot_format("dtcg");
}

#[test]
fn export_tailwind() {
    snapshot_format("tailwind");
}

#[test]
fn export_css_dark_mode_only() {
    let t = with_fixture();
    t.opends([
        "export", "tokens", "--input", INPUT, "--format", "css", "--mode", "dark", "--out", "out",
    ])
    .success();
    let css = t.read("out/tokens.css");
    assert!(css.contains("--color-fg: #e6e6e6;"), "{css}");
    assert!(!css.contains("[data-theme"), "only one mode: {css}");
    t.opends([
        "export", "tokens", "--input", INPUT, "--format", "css", "--mode", "sepia", "--out",
        "other",
    ])
    .code(2)
    .stderr_contains("sepia");
    assert!(!t.exists("other"));
}

const ALL_FORMATS: [&str; 16] = [
    "-f", "css", "-f", "scss", "-f", "less", "-f", "js", "-f", "ts", "-f", "json", "-f", "dtcg",
    "-f", "tailwind",
];

fn export_all(t: &Test, extra: &[&str]) -> crate::support::Output {
    let mut args = vec!["export", "tokens", "--input", INPUT, "--out", "out"];
    args.extend(ALL_FORMATS);
    args.extend(extra);
    t.opends(args)
}

#[test]
fn unchanged_files_are_not_rewritten() {
    let t = with_fixture();
    export_all(&t, &[])
        .success()
        .stderr_contains("10 written, 0 unchanged");
    let files = t.files_under("out");
    assert_eq!(
        files.len(),
        10,
        "{:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    // Backdate every file, so a rewrite shows even on a coarse-grained file system.
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    for (name, _) in &files {
        File::options()
            .write(true)
            .open(t.join("out").join(name))
            .and_then(|f| f.set_modified(old))
            .expect("backdate a file");
    }
    export_all(&t, &[])
        .success()
        .stderr_contains("0 written, 10 unchanged");
    for (name, text) in &files {
        let rel = format!("out/{name}");
        assert_eq!(t.mtime(&rel), old, "{rel} was rewritten");
        assert_eq!(&t.read(&rel), text);
    }
    // No temp files are left behind.
    assert_eq!(t.files_under("out").len(), 10);
}

#[test]
fn check_lists_stale_and_missing_files_and_writes_nothing() {
    let t = with_fixture();
    // Nothing exported yet: every file is missing, and --check creates nothing.
    let out = export_all(&t, &["--check"]).code(1);
    assert_eq!(
        out.stderr().matches("missing out/").count(),
        10,
        "{}",
        out.stderr()
    );
    assert!(!t.exists("out"), "--check wrote something");

    export_all(&t, &[]).success();
    export_all(&t, &["--check"])
        .success()
        .stderr_contains("10 files up to date");

    t.write("out/tokens.css", "/* edited by hand */\n");
    std::fs::remove_file(t.join("out/tokens.js")).expect("remove a file");
    let report = export_all(&t, &["--check", "--json"]).code(1).json();
    let status = |path: &str| {
        report["files"]
            .as_array()
            .expect("files")
            .iter()
            .find(|f| f["path"] == path)
            .map_or(Value::Null, |f| f["status"].clone())
    };
    assert_eq!(status("out/tokens.css"), "stale", "{report:#}");
    assert_eq!(status("out/tokens.js"), "missing", "{report:#}");
    assert_eq!(status("out/tokens.ts"), "unchanged", "{report:#}");
    let human = export_all(&t, &["--check"]).code(1);
    let stderr = human.stderr();
    assert!(stderr.contains("stale out/tokens.css"), "{stderr}");
    assert!(stderr.contains("missing out/tokens.js"), "{stderr}");
    assert!(
        stderr.contains("2 of 10 files stale or missing"),
        "{stderr}"
    );
    // Nothing was fixed by --check.
    assert_eq!(t.read("out/tokens.css"), "/* edited by hand */\n");
    assert!(!t.exists("out/tokens.js"));
}

#[test]
fn bad_input_exits_2_and_writes_no_file() {
    let t = Test::new().file(
        "bad.json",
        r#"{"color": {"$type": "color",
              "ok": {"$value": {"colorSpace": "srgb", "components": [1, 0, 0]}},
              "broken": {"$value": "{color.missing}"}}}"#,
    );
    t.opends([
        "export", "tokens", "--input", "bad.json", "-f", "css", "-f", "js", "--out", "out",
    ])
    .code(2)
    .stderr_contains("bad.json:3:")
    .stderr_contains("{color.missing}")
    .stderr_contains("nothing was written");
    assert!(!t.exists("out"), "files were written: {:?}", t.tree());
}

#[test]
fn bad_project_tokens_exit_2_and_leave_outputs_alone() {
    let t = Test::new()
        .file(
            "opends.yaml",
            "name: test\ntokens:\n  - tokens\noutputs:\n  - format: css\n    path: dist/tokens.css\n",
        )
        .file("tokens/a.json", r#"{"n": {"$type": "number", "$value": 1}}"#);
    t.opends(["export", "tokens"]).success();
    let before = t.read("dist/tokens.css");
    t.write(
        "tokens/a.json",
        r#"{"n": {"$type": "number", "$value": "{m}"}}"#,
    );
    t.opends(["export", "tokens"])
        .code(2)
        .stderr_contains("tokens/a.json:1:")
        .stderr_contains("{m}");
    assert_eq!(t.read("dist/tokens.css"), before);
}

#[test]
fn acme_example_exports_with_project_flag() {
    let acme = crate_root().join("examples/acme");
    let t = Test::new()
        .copy_dir(acme.join("tokens"), "acme/tokens")
        .file(
            "acme/opends.yaml",
            std::fs::read(acme.join("opends.yaml")).expect("read examples/acme/opends.yaml"),
        );
    let config: yaml_serde::Value =
        yaml_serde::from_str(&t.read("acme/opends.yaml")).expect("acme's opends.yaml is YAML");
    let outputs: Vec<String> = config["outputs"]
        .as_sequence()
        .expect("acme lists outputs")
        .iter()
        .map(|o| o["path"].as_str().expect("an output path").to_string())
        .collect();
    assert!(!outputs.is_empty());

    // From outside the project: -C names it; paths stay relative to the project.
    let out = t.opends(["-C", "acme", "export", "tokens"]).success();
    assert!(out.stderr().contains("in 2 modes"), "{}", out.stderr());
    for o in &outputs {
        assert!(
            t.exists(format!("acme/{o}")),
            "{o} not written: {}",
            out.stderr()
        );
        assert!(!t.exists(o), "{o} written outside the project");
    }
    let css = t.read("acme/dist/tokens.css");
    assert!(css.contains(":root {"), "{css}");
    assert!(css.contains("[data-theme=\"dark\"]"), "{css}");
    assert!(css.contains("@media (prefers-color-scheme: dark)"), "{css}");
    assert!(css.contains("--color-bg-default:"), "{css}");
    let json: Value = t.read_json("acme/dist/tokens.json");
    assert!(json.as_object().is_some_and(|o| o.len() > 100), "{json}");
    t.opends(["-C", "acme", "export", "tokens", "--check"])
        .success()
        .stderr_contains("up to date");
    // The store is inside the copied project.
    assert!(t.exists("acme/.opends/opends.db"));
}

#[test]
fn export_without_project_or_input_says_what_to_do() {
    Test::new()
        .args(["export", "tokens", "--format", "css"])
        .run()
        .code(2)
        .stderr_contains("opends init");
    Test::new()
        .file("opends.yaml", MINIMAL)
        .args(["export", "tokens"])
        .run()
        .code(2)
        .stderr_contains("--format");
}
