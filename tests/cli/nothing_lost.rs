//! Nothing is lost silently: `export tokens` and `generate` refuse when a source named
//! in opends.yaml has no tokens (a fresh clone where nobody synced) or when the result
//! would be empty, unless `--allow-empty`; `--check` never creates a store; every
//! store keeps itself out of git from the moment it is created.

use crate::support::Test;

const TOKENS: &str = r##"{"color": {"$type": "color", "brand": {"$value": "#3366cc"}}}"##;

const SPEC: &str = "name: Badge\nstatus: approved\ndescription: A small label\nelement: span\n";

/// A project with a token file, a CSS output and a Figma source nobody synced here.
fn unsynced() -> Test {
    Test::new()
        .file(
            "opends.yaml",
            "name: s\ntokens:\n  - tokens/base.json\noutputs:\n  - format: css\n    path: dist/tokens.css\nsources:\n  - name: brand\n    provider: figma\n    file: AbC123xYz789\n",
        )
        .file("tokens/base.json", TOKENS)
        .file("components/badge.yaml", SPEC)
}

#[test]
fn a_project_naming_an_unsynced_source_refuses_to_export_and_generate() {
    let t = unsynced();
    t.opends(["export", "tokens"])
        .code(2)
        .stderr_contains("`brand`")
        .stderr_contains("opends sync")
        .stderr_contains("--allow-empty");
    t.opends(["export", "tokens", "--check"])
        .code(2)
        .stderr_contains("`brand`");
    assert!(!t.exists("dist"), "{:?}", t.tree());
    t.opends(["generate", "vue"])
        .code(2)
        .stderr_contains("`brand`")
        .stderr_contains("--allow-empty");
    assert!(!t.exists("generated"), "{:?}", t.tree());
    // Asked for: the tokens there are exported.
    t.opends(["export", "tokens", "--allow-empty"]).success();
    assert!(
        t.read("dist/tokens.css")
            .contains("--color-brand: #3366cc;")
    );
    t.opends(["generate", "vue", "--allow-empty"]).success();
    assert!(t.exists("generated/vue/Badge.vue"), "{:?}", t.tree());
}

#[test]
fn an_empty_result_refuses_unless_allowed() {
    let t = Test::new().file(
        "opends.yaml",
        "name: s\noutputs:\n  - format: css\n    path: dist/tokens.css\n",
    );
    t.opends(["export", "tokens"])
        .code(2)
        .stderr_contains("no tokens to export")
        .stderr_contains("--allow-empty");
    assert!(!t.exists("dist"), "{:?}", t.tree());
    t.opends(["export", "tokens", "--allow-empty"]).success();
    assert!(t.exists("dist/tokens.css"));
    // `--input` files with no token, outside a project, too.
    let t = Test::new().file("empty.json", "{}");
    t.opends([
        "export",
        "tokens",
        "--input",
        "empty.json",
        "--format",
        "css",
    ])
    .code(2)
    .stderr_contains("no tokens to export");
    // No component to generate: said, with the way out.
    let t = Test::new()
        .file("opends.yaml", "name: s\ntokens:\n  - tokens/base.json\n")
        .file("tokens/base.json", TOKENS);
    t.opends(["generate", "vue"])
        .code(2)
        .stderr_contains("no components to generate")
        .stderr_contains("--allow-empty");
    t.opends(["generate", "vue", "--allow-empty"])
        .success()
        .stderr_contains("no components to generate");
    // Only drafts: the hint names --include-drafts.
    t.write(
        "components/badge.yaml",
        SPEC.replace("status: approved", "status: draft"),
    );
    t.opends(["generate", "vue"])
        .code(2)
        .stderr_contains("--include-drafts");
    t.opends(["generate", "vue", "--include-drafts"]).success();
}

#[test]
fn check_on_a_fresh_clone_creates_no_store() {
    let t = Test::new()
        .file(
            "opends.yaml",
            "name: s\ntokens:\n  - tokens/base.json\noutputs:\n  - format: css\n    path: dist/tokens.css\n  - format: json\n    path: dist/tokens.json\n",
        )
        .file("tokens/base.json", TOKENS)
        .file("components/badge.yaml", SPEC);
    // A fresh clone: nothing generated yet, no store.
    t.opends(["export", "tokens", "--check"])
        .code(1)
        .stderr_contains("missing");
    t.opends(["generate", "vue", "--check"]).code(1);
    assert!(
        !t.exists(".opends"),
        "--check created a store: {:?}",
        t.tree()
    );
    // Generated and committed, then cloned again (the store is not in git).
    t.opends(["export", "tokens"]).success();
    t.opends(["generate", "vue"]).success();
    std::fs::remove_dir_all(t.join(".opends")).expect("remove the store");
    t.opends(["export", "tokens", "--check"])
        .success()
        .stderr_contains("up to date");
    t.opends(["generate", "vue", "--check"]).success();
    assert!(
        !t.exists(".opends"),
        "--check created a store: {:?}",
        t.tree()
    );
    // A stale file is still found.
    t.write("tokens/base.json", TOKENS.replace("#3366cc", "#ff0000"));
    t.opends(["export", "tokens", "--check"])
        .code(1)
        .stderr_contains("stale");
    assert!(
        !t.exists(".opends"),
        "--check created a store: {:?}",
        t.tree()
    );
}

#[test]
fn every_store_gets_a_gitignore_when_it_is_created() {
    // A project's store, created by any command (not only `init`).
    let t = Test::new()
        .file("opends.yaml", "name: s\ntokens:\n  - tokens/base.json\n")
        .file("tokens/base.json", TOKENS);
    t.opends(["tokens", "list"]).success();
    assert_eq!(t.read(".opends/.gitignore"), "*\n");
    // `--db` in a directory of its own.
    let t = Test::new().file("base.json", TOKENS);
    t.opends(["--db", "data/ds.db", "tokens", "import", "base.json"])
        .success();
    assert_eq!(t.read("data/.gitignore"), "*\n");
    // `--db` among other files: only the store's own files are ignored, and a
    // `.gitignore` there keeps what it had.
    let t = Test::new()
        .file("base.json", TOKENS)
        .file(".gitignore", "node_modules/");
    t.opends(["--db", "ds.db", "tokens", "import", "base.json"])
        .success();
    let ignore = t.read(".gitignore");
    assert!(ignore.starts_with("node_modules/\n"), "{ignore}");
    for line in ["/ds.db", "/ds.db-*", "/written.json"] {
        assert!(ignore.lines().any(|l| l == line), "{line}: {ignore}");
    }
    assert!(!ignore.lines().any(|l| l == "*"), "{ignore}");
    // Opening it again adds nothing.
    t.opends(["--db", "ds.db", "tokens", "list"]).success();
    assert_eq!(t.read(".gitignore"), ignore);
    // Git agrees, when it is installed.
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .current_dir(t.root())
            .output()
    };
    if git(&["init", "-q"]).is_ok_and(|o| o.status.success()) {
        let status = git(&["status", "--porcelain", "--untracked-files=all"]).expect("git status");
        let listed = String::from_utf8_lossy(&status.stdout).into_owned();
        assert!(!listed.contains("ds.db"), "{listed}");
        assert!(listed.contains("base.json"), "{listed}");
    }
}
