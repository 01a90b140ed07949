//! The CI recipes in `examples/ci/`: the shell script passes on a fresh clone of the
//! example project whose outputs are committed, fails when one is stale, refuses a
//! source that was never synced, and creates nothing; the workflow runs the same checks.

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

use crate::support::{BIN, Output, Test, crate_root};

/// Runs `examples/ci/check.sh` in the sandbox's project, with the built `opends` first
/// on PATH and no network.
fn check(t: &Test, env: &[(&str, &str)]) -> Output {
    let script = crate_root().join("examples/ci/check.sh");
    let bin_dir = Path::new(BIN).parent().expect("the binary's directory");
    let mut path = OsString::from(bin_dir);
    if let Some(p) = std::env::var_os("PATH") {
        path.push(":");
        path.push(p);
    }
    let mut cmd = Command::new("sh");
    cmd.arg(&script)
        .env_clear()
        .env("PATH", path)
        .env("HOME", t.root().join("home"))
        .env("NO_COLOR", "1")
        .current_dir(t.join("acme"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run sh");
    t.output(
        &[OsString::from(script)],
        out.status,
        &out.stdout,
        &out.stderr,
    )
}

#[test]
fn the_ci_script_checks_a_fresh_clone_and_creates_nothing() {
    let t = Test::new().copy_dir(crate_root().join("examples/acme"), "acme");
    let _ = std::fs::remove_dir_all(t.join("acme/.opends"));
    // The team generated and committed the outputs; the clone has no store.
    t.opends(["-C", "acme", "export", "tokens"]).success();
    t.opends(["-C", "acme", "generate", "vue"]).success();
    std::fs::remove_dir_all(t.join("acme/.opends")).expect("remove the store");
    check(&t, &[])
        .success()
        .stderr_contains("7 files up to date");
    check(&t, &[("OPENDS_FRAMEWORK", "vue")]).success();
    assert!(
        !t.exists("acme/.opends"),
        "a store was created: {:?}",
        t.tree()
    );
    // Another framework was never generated: missing files fail the check.
    check(&t, &[("OPENDS_FRAMEWORK", "react")])
        .code(1)
        .stderr_contains("opends generate react");
    let edited = t.read("acme/opends.yaml").replace(
        "outputs:",
        "sources:\n  - name: brand\n    provider: figma\n    file: AbC123xYz789\noutputs:",
    );
    // A source that was never synced into the repository: refused, not exported empty.
    t.write("acme/opends.yaml", edited);
    check(&t, &[])
        .code(2)
        .stderr_contains("`brand`")
        .stderr_contains("opends sync");
    assert!(
        !t.exists("acme/.opends"),
        "a store was created: {:?}",
        t.tree()
    );
}

#[test]
fn a_token_changed_without_exporting_fails_the_ci_script() {
    let t = Test::new().copy_dir(crate_root().join("examples/acme"), "acme");
    let _ = std::fs::remove_dir_all(t.join("acme/.opends"));
    t.opends(["-C", "acme", "export", "tokens"]).success();
    t.opends(["-C", "acme", "generate", "vue"]).success();
    std::fs::remove_dir_all(t.join("acme/.opends")).expect("remove the store");
    let space = t.read("acme/tokens/core/space.json");
    let edited = space.replacen(
        r#""1": {"$value": {"value": 4, "unit": "px"}}"#,
        r#""1": {"$value": {"value": 5, "unit": "px"}}"#,
        1,
    );
    assert_ne!(edited, space);
    t.write("acme/tokens/core/space.json", edited);
    check(&t, &[])
        .code(1)
        .stderr_contains("stale")
        .stderr_contains("opends export tokens");
    assert!(
        !t.exists("acme/.opends"),
        "a store was created: {:?}",
        t.tree()
    );
}

#[test]
fn the_workflow_runs_the_same_checks() {
    let text = std::fs::read_to_string(crate_root().join("examples/ci/github-actions.yml"))
        .expect("the workflow");
    let doc: yaml_serde::Value = yaml_serde::from_str(&text).expect("valid YAML");
    let runs: Vec<String> = doc["jobs"]["check"]["steps"]
        .as_sequence()
        .expect("steps")
        .iter()
        .filter_map(|s| s["run"].as_str().map(str::to_string))
        .collect();
    assert!(
        runs.iter()
            .any(|r| r.starts_with("opends export tokens --check")),
        "{runs:?}"
    );
    assert!(
        runs.iter()
            .any(|r| r.starts_with("opends generate vue --check")),
        "{runs:?}"
    );
    // The team-server step is there, commented, with the token from a secret.
    assert!(
        text.contains("# - name: Pull from the team server"),
        "{text}"
    );
    assert!(text.contains("secrets.OPENDS_SERVER_TOKEN"), "{text}");
}
