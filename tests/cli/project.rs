//! Finding the project and the store: `--version` needs neither, discovery walks up,
//! `-C`/`OPENDS_PROJECT`, `--db`/`OPENDS_DB`, strict `opends.yaml`, and the store
//! following edits of the project's token files.

use serde_json::json;

use crate::support::{Test, tokens_by_path};

const PROJECT: &str =
    "name: test\ntokens:\n  - tokens\noutputs:\n  - format: css\n    path: dist/tokens.css\n";
const NUMBER: &str = r#"{"n": {"$type": "number", "$value": 1}}"#;

fn project() -> Test {
    Test::new()
        .file("opends.yaml", PROJECT)
        .file("tokens/n.json", NUMBER)
}

fn listed_paths(out: &crate::support::Output) -> Vec<String> {
    tokens_by_path(&out.json()).keys().cloned().collect()
}

#[test]
fn version_needs_no_project_and_creates_nothing() {
    let t = Test::new();
    let before = t.tree();
    t.opends(["--version"])
        .success()
        .stdout_contains(concat!("opends ", env!("CARGO_PKG_VERSION")));
    t.opends(["--help"])
        .success()
        .stdout_contains("Usage: opends");
    assert_eq!(t.tree(), before, "--version wrote files");
}

#[test]
fn discovery_walks_up_from_a_subdirectory() {
    let t = project().current_dir("src/components/deep");
    let out = t.opends(["tokens", "list", "--json"]).success();
    assert_eq!(listed_paths(&out), ["n"]);
    assert!(
        t.exists(".opends/opends.db"),
        "the store is beside opends.yaml: {:?}",
        t.tree()
    );
    assert!(!t.exists("src/components/deep/.opends"));
    // Paths in opends.yaml are relative to the project, not to the working directory.
    t.opends(["export", "tokens"]).success();
    assert!(t.exists("dist/tokens.css"), "{:?}", t.tree());
}

#[test]
fn without_a_project_commands_say_how_to_get_one() {
    Test::new()
        .args(["tokens", "list"])
        .run()
        .code(2)
        .stderr_contains("opends init");
}

#[test]
fn project_flag_and_env_name_the_project() {
    let t = Test::new()
        .file("site/opends.yaml", PROJECT)
        .file("site/tokens/n.json", NUMBER)
        .current_dir("elsewhere");
    let out = t
        .opends(["-C", "../site", "tokens", "list", "--json"])
        .success();
    assert_eq!(listed_paths(&out), ["n"]);
    assert!(t.exists("site/.opends/opends.db"));

    let env = Test::new()
        .file("site/opends.yaml", PROJECT)
        .file("site/tokens/n.json", NUMBER)
        .env("OPENDS_PROJECT", "site");
    let out = env.opends(["tokens", "list", "--json"]).success();
    assert_eq!(listed_paths(&out), ["n"]);
    // The flag wins over the environment.
    env.opends(["-C", "nowhere", "tokens", "list"])
        .code(2)
        .stderr_contains("nowhere");
    // A named project that does not exist is an error, not "no project".
    Test::new()
        .env("OPENDS_PROJECT", "missing")
        .args(["tokens", "list"])
        .run()
        .code(2)
        .stderr_contains("missing");
}

#[test]
fn db_flag_and_env_choose_the_store() {
    let t = Test::new().file("a.json", NUMBER);
    // No project: --db names the store.
    t.opends(["--db", "stores/one.db", "tokens", "import", "a.json"])
        .success();
    assert!(t.exists("stores/one.db"), "{:?}", t.tree());
    let out = t
        .opends(["--db", "stores/one.db", "tokens", "list", "--json"])
        .success();
    assert_eq!(listed_paths(&out), ["n"]);

    let env = Test::new()
        .file("a.json", NUMBER)
        .env("OPENDS_DB", "env.db");
    env.opends(["tokens", "import", "a.json"]).success();
    assert!(env.exists("env.db"), "{:?}", env.tree());
    // The flag wins over the environment: this store is empty.
    let out = env
        .opends(["--db", "flag.db", "tokens", "list", "--json"])
        .success();
    assert_eq!(out.json(), json!([]));
    assert!(env.exists("flag.db"));

    // Inside a project, --db replaces .opends/opends.db.
    let p = project();
    p.opends(["--db", "custom.db", "tokens", "list"]).success();
    assert!(p.exists("custom.db"));
    assert!(!p.exists(".opends/opends.db"), "{:?}", p.tree());
}

#[test]
fn unknown_key_in_opends_yaml_names_the_key_and_line() {
    let t = Test::new().file(
        "opends.yaml",
        "name: test\ntokens:\n  - tokens\noutputz:\n  - format: css\n",
    );
    t.opends(["tokens", "list"])
        .code(2)
        .stderr_contains("opends.yaml")
        .stderr_contains("`outputz`")
        .stderr_contains("line 4");
    // Also inside an output entry.
    let t = Test::new().file(
        "opends.yaml",
        "name: test\noutputs:\n  - format: css\n    path: dist/t.css\n    prefx: acme\n",
    );
    t.opends(["export", "tokens"])
        .code(2)
        .stderr_contains("`prefx`")
        .stderr_contains("line 5");
    assert!(!t.exists("dist"));
}

#[test]
fn editing_a_token_file_changes_the_next_export() {
    let t = project();
    t.opends(["export", "tokens"]).success();
    assert!(
        t.read("dist/tokens.css").contains("--n: 1;"),
        "{}",
        t.read("dist/tokens.css")
    );

    // Same length, new value: the store must notice the content, not the size.
    t.write("tokens/n.json", NUMBER.replace(": 1}", ": 7}"));
    t.opends(["export", "tokens"]).success();
    let css = t.read("dist/tokens.css");
    assert!(css.contains("--n: 7;"), "{css}");

    // A new file in a listed directory, and a removed token.
    t.write(
        "tokens/m.json",
        r#"{"m": {"$type": "number", "$value": 2}}"#,
    );
    t.write("tokens/n.json", "{}");
    t.opends(["export", "tokens"]).success();
    let css = t.read("dist/tokens.css");
    assert!(css.contains("--m: 2;") && !css.contains("--n:"), "{css}");
    let out = t.opends(["tokens", "list", "--json"]).success();
    assert_eq!(listed_paths(&out), ["m"]);
}

const RESOLVER: &str = r##"{
  "version": "2025.10",
  "sets": {"core": {"sources": [{"$ref": "core.json"}]}},
  "modifiers": {"theme": {"contexts": {"light": [], "dark": [{"$ref": "dark.json"}]}, "default": "light"}},
  "resolutionOrder": [{"$ref": "#/sets/core"}, {"$ref": "#/modifiers/theme"}]
}"##;

#[test]
fn resolver_project_survives_edits_of_the_resolver_and_of_the_files_it_names() {
    let t = Test::new()
        .file(
            "opends.yaml",
            "name: r\nresolver: tokens/theme.resolver.json\n",
        )
        .file("tokens/theme.resolver.json", RESOLVER)
        .file(
            "tokens/core.json",
            r#"{"bg": {"$type": "number", "$value": 1}}"#,
        )
        .file(
            "tokens/dark.json",
            r#"{"bg": {"$type": "number", "$value": 2}}"#,
        );
    let out = t.opends(["tokens", "get", "bg", "--json"]).success();
    assert_eq!(out.json()["modes"]["dark"], json!(2));
    // Editing only a file the resolver names is picked up.
    t.write(
        "tokens/dark.json",
        r#"{"bg": {"$type": "number", "$value": 3}}"#,
    );
    let out = t.opends(["tokens", "get", "bg", "--json"]).success();
    assert_eq!(out.json()["modes"]["dark"], json!(3));
    // Editing the resolver itself re-imports without duplicating anything.
    t.write(
        "tokens/theme.resolver.json",
        RESOLVER.replace("\"light\"", "\"day\""),
    );
    let out = t.opends(["tokens", "get", "bg", "--json"]).success();
    assert_eq!(out.json()["modes"]["dark"], json!(3));
    t.opends(["tokens", "list", "--json"]).success();
}

#[test]
fn tokens_of_a_file_that_leaves_the_project_leave_the_store() {
    let t = project().file(
        "tokens/m.json",
        r#"{"m": {"$type": "number", "$value": 5}}"#,
    );
    let out = t.opends(["tokens", "list", "--json"]).success();
    assert_eq!(listed_paths(&out), ["m", "n"]);
    std::fs::remove_file(t.path().join("tokens/m.json")).expect("remove m.json");
    let out = t.opends(["tokens", "list", "--json"]).success();
    assert_eq!(listed_paths(&out), ["n"]);
}

#[test]
fn project_files_win_over_a_local_token_of_the_same_path() {
    let t = project();
    t.opends(["tokens", "set", "x", "7", "--type", "number"])
        .success();
    t.write(
        "tokens/x.json",
        r#"{"x": {"$type": "number", "$value": 8}}"#,
    );
    let out = t.opends(["tokens", "get", "x", "--json"]).success();
    assert_eq!(out.json()["value"], json!(8));
}

#[test]
fn a_tokens_studio_file_in_the_project_reads_like_on_the_command_line() {
    let studio = r#"{
      "core": {"spacing": {"sm": {"value": "4px", "type": "spacing"}, "lg": {"value": "{spacing.sm} * 3", "type": "spacing"}}},
      "$themes": [],
      "$metadata": {"tokenSetOrder": ["core"]}
    }"#;
    let t = Test::new()
        .file("opends.yaml", "name: s\ntokens:\n  - studio.json\n")
        .file("studio.json", studio);
    let out = t
        .opends(["tokens", "get", "spacing.lg", "--json"])
        .success();
    assert_eq!(out.json()["value"], json!({"value": 12, "unit": "px"}));
}

#[test]
fn an_output_path_with_mode_writes_one_file_per_mode() {
    let t = Test::new()
        .file(
            "opends.yaml",
            "name: m\ntokens: [base.json]\nmodes:\n  light: []\n  dark: [dark.json]\noutputs:\n  - format: json\n    path: out/{mode}.json\n",
        )
        .file("base.json", r#"{"n": {"$type": "number", "$value": 1}}"#)
        .file("dark.json", r#"{"n": {"$type": "number", "$value": 2}}"#);
    t.opends(["export", "tokens"]).success();
    assert_eq!(t.read_json("out/light.json"), json!({"n": 1}));
    assert_eq!(t.read_json("out/dark.json"), json!({"n": 2}));
}

#[test]
fn an_invalid_format_in_opends_yaml_is_reported() {
    project()
        .file("opends.yaml", format!("{PROJECT}format: yaml\n"))
        .args(["tokens", "list"])
        .run()
        .code(2)
        .stderr_contains("format `yaml`");
}
