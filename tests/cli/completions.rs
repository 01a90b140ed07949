//! The committed shell completions and man pages (`completions/`, `completions/man/`) match
//! what `opends completions` prints. `UPDATE_COMPLETIONS=1 cargo test completions` rewrites
//! them.

use crate::support::{Test, crate_root};

const FILES: [(&str, &str); 5] = [
    ("bash", "opends.bash"),
    ("zsh", "_opends"),
    ("fish", "opends.fish"),
    ("powershell", "_opends.ps1"),
    ("man", "man/opends.1"),
];

#[test]
fn committed_completions_are_up_to_date() {
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some_and(|v| v == "1");
    let dir = crate_root().join("completions");
    let t = Test::new();
    let mut stale = Vec::new();
    for (shell, file) in FILES {
        let out = t.opends(["completions", shell]).success();
        let generated = out.stdout();
        assert!(generated.len() > 100, "{shell}: suspiciously short output");
        assert!(generated.contains("opends"), "{shell}");
        let path = dir.join(file);
        if update {
            std::fs::create_dir_all(path.parent().expect("a parent")).expect("create completions/");
            std::fs::write(&path, generated).expect("write a completion file");
            continue;
        }
        match std::fs::read_to_string(&path) {
            Ok(committed) if committed == generated => {}
            Ok(_) => stale.push(format!(
                "completions/{file} differs from `opends completions {shell}`"
            )),
            Err(e) => stale.push(format!("completions/{file}: {e}")),
        }
    }
    assert!(
        stale.is_empty(),
        "{}\nrun `UPDATE_COMPLETIONS=1 cargo test --test cli completions` and commit the result",
        stale.join("\n")
    );
}

#[test]
fn completions_cover_every_subcommand() {
    let t = Test::new();
    let bash = t.opends(["completions", "bash"]).success();
    for sub in [
        "init",
        "tokens",
        "export",
        "completions",
        "import",
        "validate",
    ] {
        assert!(bash.stdout().contains(sub), "bash completions lack `{sub}`");
    }
    t.opends(["completions", "man"])
        .success()
        .stdout_contains(".TH opends 1");
    t.opends(["completions", "tcsh"]).code(2);
}

/// `completions/man/` holds exactly the pages `opends completions man --dir` writes: one
/// per subcommand, each as generated.
#[test]
fn committed_man_pages_are_up_to_date() {
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some_and(|v| v == "1");
    let committed_dir = crate_root().join("completions").join("man");
    let t = Test::new();
    t.opends(["completions", "man", "--dir", "pages"]).success();
    let generated_dir = t.join("pages");
    let names = |dir: &std::path::Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .map(|rd| {
                rd.map(|e| {
                    e.expect("an entry")
                        .file_name()
                        .to_string_lossy()
                        .into_owned()
                })
                .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    };
    let generated = names(&generated_dir);
    assert!(generated.contains(&"opends.1".to_string()), "{generated:?}");
    assert!(
        generated.contains(&"opends-tokens-get.1".to_string()),
        "{generated:?}"
    );
    if update {
        let _ = std::fs::remove_dir_all(&committed_dir);
        std::fs::create_dir_all(&committed_dir).expect("create completions/man/");
        for name in &generated {
            std::fs::copy(generated_dir.join(name), committed_dir.join(name))
                .expect("copy a man page");
        }
        return;
    }
    let committed = names(&committed_dir);
    let mut stale = Vec::new();
    for name in &generated {
        let a = std::fs::read(generated_dir.join(name)).expect("read a generated page");
        match std::fs::read(committed_dir.join(name)) {
            Ok(b) if a == b => {}
            Ok(_) => stale.push(format!("completions/man/{name} is not current")),
            Err(_) => stale.push(format!("completions/man/{name} is missing")),
        }
    }
    for name in committed.iter().filter(|n| !generated.contains(n)) {
        stale.push(format!("completions/man/{name} names no command"));
    }
    assert!(
        stale.is_empty(),
        "{}\nrun `UPDATE_COMPLETIONS=1 cargo test --test cli completions` and commit the result",
        stale.join("\n")
    );
}

/// Asks the binary for bash completions of the last of `words` (as the shell does).
fn complete(t: &Test, words: &[&str]) -> Vec<String> {
    let index = (words.len() - 1).to_string();
    let mut args = vec!["--", "opends"];
    args.extend_from_slice(&words[1..]);
    let out = t
        .opends_env(
            args,
            &[
                ("COMPLETE", "bash"),
                ("_CLAP_COMPLETE_INDEX", &index),
                ("_CLAP_IFS", "\n"),
            ],
        )
        .success();
    out.stdout().lines().map(String::from).collect()
}

#[test]
fn dynamic_completion_lists_the_projects_tokens_components_versions_and_sources() {
    let t = Test::new()
        .copy_dir(crate_root().join("examples/acme/tokens"), "tokens")
        .copy_dir(crate_root().join("examples/acme/components"), "components")
        .file(
            "opends.yaml",
            "name: acme\ntokens: [tokens/core, tokens/semantic]\ncomponents: [components]\nsources:\n  - name: brand-figma\n    provider: figma\n    file: abc123\n",
        )
        .env("OPENDS_AUTHOR", "CI");
    // Before any store exists: no candidates and no store is created.
    assert!(complete(&t, &["opends", "tokens", "get", "color.ac"]).is_empty());
    assert!(!t.exists(".opends/opends.db"), "completion creates nothing");
    t.opends(["components", "list"]).success();
    let tokens = complete(&t, &["opends", "tokens", "get", "color.action.pr"]);
    assert!(
        tokens.contains(&"color.action.primary.default".to_string()),
        "{tokens:?}"
    );
    assert!(
        tokens.iter().all(|p| p.starts_with("color.action.pr")),
        "{tokens:?}"
    );
    let components = complete(&t, &["opends", "generate", "vue", "-c", "Bu"]);
    assert_eq!(components, ["Button"]);
    t.opends(["release", "--yes", "-q", "--allow-drafts", "1.0.0"])
        .success();
    let versions = complete(&t, &["opends", "versions", "show", "1"]);
    assert_eq!(versions, ["1.0.0"]);
    let sources = complete(&t, &["opends", "sync", "br"]);
    assert_eq!(sources, ["brand-figma"]);
}
