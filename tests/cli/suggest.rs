//! "Did you mean": a name that names nothing gets the nearest existing names as its hint.

use crate::support::{Test, crate_root};

fn acme() -> Test {
    Test::new()
        .copy_dir(crate_root().join("examples/acme/tokens"), "tokens")
        .copy_dir(crate_root().join("examples/acme/components"), "components")
        .file(
            "opends.yaml",
            "name: acme\ntokens: [tokens/core, tokens/semantic]\nsources:\n  - name: brand\n    provider: figma\n    file: AbC123xYz789\n",
        )
}

#[test]
fn misspelt_tokens_components_and_sources_suggest_the_nearest_names() {
    let t = acme();
    t.opends(["tokens", "get", "color.bg.defualt"])
        .code(2)
        .stderr_contains("no token `color.bg.defualt`")
        .stderr_contains("did you mean `color.bg.default`?");
    t.opends([
        "tokens",
        "set",
        "color.link",
        "{color.actoin.primary.default}",
    ])
    .code(2)
    .stderr_contains("unknown reference `{color.actoin.primary.default}`")
    .stderr_contains("did you mean `color.action.primary.default`?");
    t.opends(["generate", "vue", "-c", "Buton", "--out", "out"])
        .code(2)
        .stderr_contains("no component `Buton`")
        .stderr_contains("did you mean `Button`?");
    t.opends(["components", "show", "Dialgo"])
        .code(2)
        .stderr_contains("did you mean `Dialog`?");
    t.opends(["source", "rm", "brnad"])
        .code(2)
        .stderr_contains("did you mean `brand`?");
    // Nothing near: the hint says where the names are.
    t.opends(["tokens", "get", "typography.nothing.like.it"])
        .code(2)
        .stderr_contains("run `opends tokens list`");
}

/// A directory without token files is an error naming it, not `valid: 0 files`; counts
/// of one read in the singular.
#[test]
fn validate_without_token_files_is_an_error_and_one_is_singular() {
    let t = Test::new()
        .file("empty/readme.txt", "no tokens here")
        .file(
            "one/a.json",
            r##"{"a": {"$type": "color", "$value": "#ffffff"}}"##,
        )
        .file(
            "group.json",
            r##"{"g": {"only": {"$type": "color", "$value": "#ffffff"}}}"##,
        )
        .file("opends.yaml", "name: t\ntokens: [group.json]\n");
    t.opends(["tokens", "validate", "empty"])
        .code(2)
        .stderr_contains("no token files in `empty`");
    t.opends(["tokens", "validate", "one"])
        .success()
        .stderr_contains("valid: 1 file, 1 token");
    t.opends(["tokens", "get", "g"])
        .code(2)
        .stderr_contains("`g` is a group of 1 token, not a token");
}

/// `--json` never prints nothing: a dry run of `components import` reports its result.
#[test]
fn components_import_dry_run_json_prints_a_result() {
    let t = acme();
    let specs = std::fs::read_dir(t.join("components"))
        .expect("components")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "yaml"))
        })
        .count();
    assert!(specs > 1, "{specs}");
    let out = t
        .opends(["components", "import", "--dry-run", "--json"])
        .success()
        .json();
    assert_eq!(out["dry_run"], serde_json::json!(true), "{out}");
    assert_eq!(out["valid"], serde_json::json!(specs), "{out}");
    let out = t
        .opends(["components", "import", "components", "--dry-run", "--json"])
        .success()
        .json();
    assert_eq!(out["valid"], serde_json::json!(specs), "{out}");
}

#[test]
fn misspelt_versions_remotes_and_sync_sources_suggest_the_nearest_names() {
    let t = acme();
    t.opends(["release", "--yes", "--allow-drafts"]).success();
    t.opends(["versions", "show", "1.0.1"])
        .code(2)
        .stderr_contains("no version `1.0.1`")
        .stderr_contains("did you mean `1.0.0`?");
    t.opends(["remote", "add", "team", "http://127.0.0.1:9"])
        .success();
    t.opends(["remote", "rm", "taem"])
        .code(2)
        .stderr_contains("no remote `taem`")
        .stderr_contains("did you mean `team`?");
    t.opends(["push", "taem", "--dry-run"])
        .code(2)
        .stderr_contains("did you mean `team`?");
    t.opends(["sync", "brnad", "--dry-run"])
        .code(2)
        .stderr_contains("no source `brnad`")
        .stderr_contains("did you mean `brand`?");
}
