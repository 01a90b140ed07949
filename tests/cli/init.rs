//! `opends init`: scaffolding, refusing to overwrite, and never prompting without a TTY.

use crate::support::Test;

const STARTER: [&str; 5] = [
    "opends.yaml",
    "tokens/core.json",
    "tokens/semantic.json",
    "tokens/modes/dark.json",
    ".opends/opends.db",
];

#[test]
fn init_yes_creates_a_project_that_exports() {
    let t = Test::new();
    t.opends(["init", "--yes", "--name", "acme"])
        .success()
        .stderr_contains("created design system `acme`");
    for f in STARTER {
        assert!(t.exists(f), "{f} missing: {:?}", t.tree());
    }
    let config = t.read("opends.yaml");
    assert!(config.contains("name: \"acme\""), "{config}");
    // The starter tokens are valid and hold both modes.
    let report = t
        .opends([
            "tokens",
            "validate",
            "tokens/core.json",
            "tokens/semantic.json",
            "--json",
        ])
        .success()
        .json();
    assert_eq!(report["errors"], 0, "{report:#}");
    let tokens = t.opends(["tokens", "list", "--json"]).success().json();
    assert!(!tokens.as_array().expect("array").is_empty());

    t.opends(["export", "tokens"])
        .success()
        .stderr_contains("in 2 modes");
    let css = t.read("dist/tokens.css");
    assert!(
        css.contains(":root {") && css.contains("[data-theme=\"dark\"]"),
        "{css}"
    );
    assert!(t.exists("dist/tokens.ts"));
    t.opends(["export", "tokens", "--check"]).success();
}

#[test]
fn init_into_a_named_directory_with_outputs() {
    let t = Test::new();
    t.opends([
        "init", "web", "--yes", "--output", "scss", "--output", "json",
    ])
    .success();
    let config = t.read("web/opends.yaml");
    assert!(
        config.contains("name: \"web\""),
        "the directory names the system: {config}"
    );
    assert!(
        config.contains("format: scss") && config.contains("format: json"),
        "{config}"
    );
    assert!(!config.contains("format: css"), "{config}");
    t.opends(["-C", "web", "export", "tokens"]).success();
    assert!(
        t.exists("web/dist/_tokens.scss") && t.exists("web/dist/tokens.json"),
        "{:?}",
        t.tree()
    );
}

#[test]
fn init_refuses_an_existing_project_unless_forced() {
    let t = Test::new().file("opends.yaml", "name: mine\n");
    t.opends(["init", "--yes"])
        .code(2)
        .stderr_contains("already has an opends.yaml")
        .stderr_contains("--force");
    assert_eq!(
        t.read("opends.yaml"),
        "name: mine\n",
        "the project file was touched"
    );
    assert!(!t.exists("tokens"), "files were written: {:?}", t.tree());
    assert!(!t.exists(".opends"), "a store was created: {:?}", t.tree());

    t.opends(["init", "--yes", "--force", "--name", "new"])
        .success();
    assert!(t.read("opends.yaml").contains("name: \"new\""));
    assert!(t.exists("tokens/core.json"));
}

#[test]
fn init_without_a_tty_never_prompts() {
    // stdin is not a terminal (closed): init takes the defaults instead of asking.
    let t = Test::new().current_dir("sys");
    let out = t
        .opends(["init"])
        .success()
        .stdout_empty()
        .stderr_lacks("Design system name")
        .stderr_lacks("Default framework")
        .stderr_lacks("Token outputs");
    assert!(
        out.stderr().contains("created design system"),
        "{}",
        out.stderr()
    );
    // ... and says so (with `--yes` it does not).
    assert!(
        out.stderr().contains(
            "no terminal to ask on: took the defaults (name `sys`, framework vue, outputs css, ts)"
        ),
        "{}",
        out.stderr()
    );
    t.opends(["init", "again", "--yes"])
        .success()
        .stderr_lacks("took the defaults");
    let config = t.read("sys/opends.yaml");
    assert!(config.contains("name: \"sys\""), "{config}");
    assert!(config.contains("framework: vue"), "{config}");
    assert!(
        config.contains("format: css") && config.contains("format: ts"),
        "{config}"
    );
}

#[test]
fn init_with_an_invalid_name_writes_nothing() {
    let t = Test::new();
    t.opends(["init", "--yes", "--name", "  "]).code(2);
    assert!(!t.exists("opends.yaml"), "{:?}", t.tree());
}

#[test]
fn init_scaffolds_a_component_that_generates_for_every_framework() {
    let t = Test::new();
    t.opends(["init", "--yes", "--framework", "svelte"])
        .success();
    assert!(t.exists("components/button.yaml"));
    // The framework comes from opends.yaml when none is named.
    t.opends(["generate"]).success();
    assert!(t.exists("generated/svelte/Button.svelte"));
    for fw in ["vue", "react"] {
        t.opends(["generate", fw, "--check"]).code(1);
        t.opends(["generate", fw]).success();
        t.opends(["generate", fw, "--check"]).success();
    }
}

/// A recorded terminal session: `opends init` in a pseudo-terminal, Ctrl-C at the first
/// prompt. The prompt hides the cursor; the interrupted process shows it again before it
/// ends with 130, so the user's shell is left with a visible cursor.
#[cfg(unix)]
#[test]
fn init_ctrl_c_at_a_prompt_leaves_a_visible_cursor_and_exits_130() {
    use expectrl::{ControlCode, Eof, Expect as _, Session};
    use std::time::Duration;

    const HIDE: &[u8] = b"\x1b[?25l";
    const SHOW: &[u8] = b"\x1b[?25h";
    fn last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
        haystack.windows(needle.len()).rposition(|w| w == needle)
    }

    let t = Test::new();
    // The sandbox's command, but with the terminal as stdin, stdout and stderr (the
    // harness pipes them, which would override the pseudo-terminal).
    let sandboxed = t.command(["init"]);
    let mut cmd = std::process::Command::new(sandboxed.get_program());
    cmd.env_clear()
        .args(sandboxed.get_args())
        .envs(sandboxed.get_envs().filter_map(|(k, v)| Some((k, v?))))
        .env("TERM", "xterm");
    if let Some(dir) = sandboxed.get_current_dir() {
        cmd.current_dir(dir);
    }
    let mut session = Session::spawn(cmd).expect("spawn opends in a pseudo-terminal");
    session.set_expect_timeout(Some(Duration::from_secs(30)));

    let mut recorded = session
        .expect("Start from")
        .expect("the wizard's first prompt")
        .as_bytes()
        .to_vec();
    session
        .send(ControlCode::EndOfText)
        .expect("send Ctrl-C to the terminal");
    recorded.extend_from_slice(session.expect(Eof).expect("the process ends").as_bytes());
    let status = session.get_process().wait().expect("wait for opends");

    let shown = String::from_utf8_lossy(&recorded).into_owned();
    let hidden_at =
        last(&recorded, HIDE).unwrap_or_else(|| panic!("the prompt hides the cursor: {shown:?}"));
    let shown_at = last(&recorded, SHOW)
        .unwrap_or_else(|| panic!("the cursor is never shown again: {shown:?}"));
    assert!(
        shown_at > hidden_at,
        "the cursor is hidden last (show at {shown_at}, hide at {hidden_at}): {shown:?}"
    );
    assert_eq!(
        format!("{status:?}"),
        format!("Exited(Pid({}), 130)", session.get_process().pid()),
        "{shown:?}"
    );
    assert!(
        !t.exists("opends.yaml"),
        "nothing is written when interrupted"
    );
}
