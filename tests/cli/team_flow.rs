//! The four people of a team, end to end through the real binary and real git: a
//! designer syncs from Figma (the local stand-in) and commits; a developer's fresh clone
//! (no `.opends/`) checks and exports the Figma values; the lead releases 1.0.0 and a
//! second clone lists it and exports it byte for byte; a source nobody synced stops the
//! export; a hand edit in a source-owned file stops the next sync. (The same through a
//! team server, with the 409 for a conflicting version: `releases.rs`.)

use std::path::Path;
use std::process::Command;

use crate::support::Test;
use crate::sync_files::{FIGMA_KEY, SECRET, figma_server, hex, runtime};

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Team", "-c", "user.email=team@example.com"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git runs (CI checks out the repository with it)");
    assert!(
        out.status.success(),
        "git {args:?} in {}:\n{}",
        dir.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A clone of `from` in a new directory, with the Figma credentials of `env`.
fn clone(from: &Test, uri: &str) -> Test {
    let c = Test::new()
        .env("OPENDS_FIGMA_API_URL", uri)
        .env("OPENDS_FIGMA_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none")
        .env("OPENDS_AUTHOR", "Lead");
    git(
        &c.path(),
        &["clone", "-q", &from.path().display().to_string(), "."],
    );
    assert!(!c.join(".opends").exists(), "a clone has no store");
    c
}

#[test]
fn a_designers_sync_reaches_the_developer_ci_and_the_lead_through_git() {
    let rt = runtime();
    let server = figma_server(&rt);
    let designer = Test::new()
        .file(
            "opends.yaml",
            format!(
                "name: team\noutputs:\n  - format: css\n    path: dist/tokens.css\nsources:\n  - name: brand\n    provider: figma\n    file: {FIGMA_KEY}\n"
            ),
        )
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_FIGMA_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none");
    // The designer syncs, exports, and commits what the repository should carry.
    designer.opends(["sync"]).success();
    designer.opends(["export", "tokens"]).success();
    git(&designer.path(), &["init", "-q"]);
    git(&designer.path(), &["add", "-A"]);
    let staged = git(&designer.path(), &["diff", "--cached", "--name-only"]);
    assert!(staged.contains("tokens/brand.tokens.json"), "{staged}");
    assert!(staged.contains("opends.sources.json"), "{staged}");
    assert!(
        !staged.contains(".opends/"),
        "the store stays out of git: {staged}"
    );
    git(&designer.path(), &["commit", "-q", "-m", "Sync from Figma"]);
    let primary = hex(&designer, "brand.primary", &[]);

    // The developer's (and CI's) fresh clone: up to date, with the Figma values, and
    // the check creates no store.
    let dev = clone(&designer, &server.uri());
    dev.opends(["export", "tokens", "--check"]).success();
    assert!(!dev.join(".opends").exists(), "--check created a store");
    let css = dev.read("dist/tokens.css");
    assert!(
        css.to_lowercase().contains(&primary.to_lowercase()),
        "{primary} in\n{css}"
    );
    assert_eq!(hex(&dev, "brand.primary", &[]), primary);

    // The lead releases 1.0.0 and commits it; a second clone has the same version and
    // builds it byte for byte.
    dev.opends(["release", "--yes", "--allow-drafts", "-m", "First"])
        .success();
    assert!(dev.join("releases/1.0.0.json").exists());
    git(&dev.path(), &["add", "-A"]);
    git(&dev.path(), &["commit", "-q", "-m", "Release 1.0.0"]);
    let second = clone(&dev, &server.uri());
    let versions = second
        .opends(["versions", "list", "--json"])
        .success()
        .json();
    assert!(
        versions.to_string().contains("\"1.0.0\""),
        "the clone lists 1.0.0: {versions}"
    );
    for t in [&dev, &second] {
        t.opends([
            "export",
            "tokens",
            "--version",
            "1.0.0",
            "--format",
            "css",
            "--out",
            "v1",
        ])
        .success();
    }
    assert_eq!(dev.read("v1/tokens.css"), second.read("v1/tokens.css"));

    // A source nobody synced: the export refuses instead of writing less.
    second.write(
        "opends.yaml",
        format!(
            "name: team\noutputs:\n  - format: css\n    path: dist/tokens.css\nsources:\n  - name: brand\n    provider: figma\n    file: {FIGMA_KEY}\n  - name: icons\n    provider: figma\n    file: ZzZ999\n"
        ),
    );
    second
        .opends(["export", "tokens"])
        .code(2)
        .stderr_contains("icons");

    // A hand edit in a file the source owns stops the designer's next sync.
    let owned = designer.read("tokens/brand.tokens.json");
    designer.write(
        "tokens/brand.tokens.json",
        owned.replacen("\"$value\"", "\"$description\": \"edited\", \"$value\"", 1),
    );
    designer
        .opends(["sync", "--force"])
        .code(2)
        .stderr_contains("tokens/brand.tokens.json");
}
