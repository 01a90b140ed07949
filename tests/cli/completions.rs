//! The committed shell completions and man page (`completions/`) match what
//! `opends completions` prints. `UPDATE_COMPLETIONS=1 cargo test completions` rewrites them.

use crate::support::{Test, crate_root};

const FILES: [(&str, &str); 5] = [
    ("bash", "opends.bash"),
    ("zsh", "_opends"),
    ("fish", "opends.fish"),
    ("powershell", "_opends.ps1"),
    ("man", "opends.1"),
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
            std::fs::create_dir_all(&dir).expect("create completions/");
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
