//! Security regression tests: crash ordering and what human output prints.
//!
//! Crashes are injected with `OPENDS_TEST_FAIL=kill:POINT`, which ends the process with
//! `abort()` at a named point (no cleanup runs, as with `kill -9`); every injected crash
//! is followed by `PRAGMA integrity_check` on the store. Concurrent writers are placed
//! deterministically with `OPENDS_TEST_PAUSE=POINT:DIR` (the process waits at the point
//! until the test has done its write).

use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::Test;

const TOKENS: &str = r##"{
  "color": {"$type": "color",
    "brand": {"$value": {"colorSpace": "srgb", "components": [0, 0.4, 0.8], "hex": "#0066cc"},
              "$description": "Brand"}},
  "space": {"$type": "dimension",
    "sm": {"$value": {"value": 4, "unit": "px"}}}
}"##;

fn project() -> Test {
    Test::new()
        .file("opends.yaml", "name: crash\ntokens: [tokens.json]\n")
        .file("tokens.json", TOKENS)
        .env("OPENDS_AUTHOR", "Dana <dana@example.com>")
}

/// A project with 1.0.0 released and a patch change waiting (space.sm 4px -> 6px).
fn released_with_a_change() -> Test {
    let t = project();
    t.opends(["release", "--yes"])
        .success()
        .stderr_contains("released 1.0.0");
    edit(&t, "\"value\": 4,", "\"value\": 6,");
    t
}

fn edit(t: &Test, from: &str, to: &str) {
    let text = t.read("tokens.json");
    assert!(text.contains(from), "{from} not in tokens.json");
    t.write("tokens.json", text.replacen(from, to, 1));
}

/// `PRAGMA integrity_check` on the project's store is `ok`.
fn assert_integrity(t: &Test) {
    let db = t.join(".opends/opends.db");
    let conn = rusqlite::Connection::open(&db).expect("open the store");
    let result: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity_check");
    assert_eq!(result, "ok", "integrity_check of {}", db.display());
}

/// How many `## [VERSION]` sections CHANGELOG.md has.
fn sections(t: &Test, version: &str) -> usize {
    if !t.exists("CHANGELOG.md") {
        return 0;
    }
    t.read("CHANGELOG.md")
        .matches(&format!("## [{version}]"))
        .count()
}

fn versions(t: &Test) -> Vec<String> {
    t.opends(["versions", "list", "--json"])
        .success()
        .json()
        .as_array()
        .expect("a list")
        .iter()
        .map(|v| v["version"].as_str().expect("a version").to_string())
        .collect()
}

fn temp_files(t: &Test) -> Vec<String> {
    t.tree()
        .into_iter()
        .filter(|f| f.starts_with("work/") && f.to_ascii_lowercase().ends_with(".tmp"))
        .collect()
}

/// The store and CHANGELOG.md agree: every released version has exactly one section,
/// and there is no section for a version the store does not have.
fn assert_consistent(t: &Test) {
    let released = versions(t);
    for v in &released {
        assert_eq!(
            sections(t, v),
            1,
            "sections for {v}\n{}",
            t.read("CHANGELOG.md")
        );
    }
    if t.exists("CHANGELOG.md") {
        for line in t.read("CHANGELOG.md").lines() {
            if let Some(rest) = line.strip_prefix("## [") {
                let v = rest.split(']').next().unwrap_or_default();
                assert!(
                    released.iter().any(|r| r == v),
                    "CHANGELOG.md names {v}, which is not released ({released:?})"
                );
            }
        }
    }
    assert_eq!(temp_files(t), Vec::<String>::new());
}

fn killed(t: &Test, args: &[&str], point: &str) {
    let out = t.opends_env(args, &[("OPENDS_TEST_FAIL", &format!("kill:{point}"))]);
    assert_eq!(
        out.exit_code(),
        None,
        "`opends {}` should have been killed at {point}\n{}",
        args.join(" "),
        out.stderr()
    );
    assert_integrity(t);
}

#[test]
fn release_killed_after_changelog_before_commit_leaves_no_phantom_version() {
    let t = released_with_a_change();
    let before = t.read("CHANGELOG.md");
    killed(&t, &["release", "--yes"], "release-changelog-written");
    // The version was not committed: the changelog must not name it.
    assert_eq!(t.read("CHANGELOG.md"), before);
    assert_eq!(versions(&t), ["1.0.0"]);
    assert_consistent(&t);
    t.opends(["release", "--yes"])
        .success()
        .stderr_contains("released 1.0.1");
    assert_consistent(&t);
    assert_integrity(&t);
}

#[test]
fn release_killed_after_commit_before_rename_is_recovered() {
    let t = released_with_a_change();
    killed(&t, &["release", "--yes"], "release-committed");
    // The version is committed, its changelog section is not in place yet.
    assert_eq!(sections(&t, "1.0.1"), 0);
    // The next run finishes it: one section, no temp file left.
    assert_eq!(versions(&t), ["1.0.0", "1.0.1"]);
    assert_eq!(sections(&t, "1.0.1"), 1);
    assert_consistent(&t);
    let log = t.read("CHANGELOG.md");
    assert!(
        log.find("## [1.0.1]") < log.find("## [1.0.0]"),
        "newest first:\n{log}"
    );
    // A user's edit made before the recovery is kept.
    edit(&t, "\"value\": 6,", "\"value\": 7,");
    killed(&t, &["release", "--yes"], "release-committed");
    let edited = t
        .read("CHANGELOG.md")
        .replace("# Changelog\n", "# Changelog\n\nHand-written.\n");
    t.write("CHANGELOG.md", &edited);
    edit(&t, "\"value\": 7,", "\"value\": 8,");
    t.opends(["release", "--yes"])
        .success()
        .stderr_contains("released 1.0.3");
    let log = t.read("CHANGELOG.md");
    assert!(log.contains("Hand-written."), "{log}");
    assert_consistent(&t);
    assert_integrity(&t);
}

#[test]
fn release_never_writes_a_section_twice() {
    // A section left by an older opends for a version that was never committed.
    let t = released_with_a_change();
    let phantom = t.read("CHANGELOG.md").replacen(
        "## [1.0.0]",
        "## [1.0.1] - 2020-01-01\n\n- phantom\n\n## [1.0.0]",
        1,
    );
    t.write("CHANGELOG.md", &phantom);
    t.opends(["release", "--yes"])
        .success()
        .stderr_contains("released 1.0.1");
    assert_eq!(sections(&t, "1.0.1"), 1, "{}", t.read("CHANGELOG.md"));
    assert!(!t.read("CHANGELOG.md").contains("phantom"));
    // Recovery that runs twice (a kill after the rename, before the store noted it).
    edit(&t, "\"value\": 6,", "\"value\": 7,");
    killed(&t, &["release", "--yes"], "release-renamed");
    assert_eq!(sections(&t, "1.0.2"), 1);
    t.opends(["release", "--yes"])
        .code(2)
        .stderr_contains("nothing to release");
    versions(&t);
    assert_consistent(&t);
}

#[test]
fn release_leaves_no_temp_files_behind() {
    let t = released_with_a_change();
    for (value, point) in (6..).zip([
        "release-staged",
        "release-changelog-written",
        "release-committed",
        "release-renamed",
    ]) {
        killed(&t, &["release", "--yes"], point);
        // Any command that reads versions finishes or undoes the release.
        versions(&t);
        assert_consistent(&t);
        edit(
            &t,
            &format!("\"value\": {value},"),
            &format!("\"value\": {},", value + 1),
        );
    }
    // A failure (not a kill) before the commit cleans up by itself.
    let out = t.opends_env(["release", "--yes"], &[("OPENDS_TEST_FAIL", "release")]);
    out.code(2).stderr_contains("nothing was released");
    assert_eq!(temp_files(&t), Vec::<String>::new());
    t.opends(["release", "--yes"]).success();
    assert_consistent(&t);
    assert_integrity(&t);
}

fn wait_for(file: &Path) {
    for _ in 0..3000 {
        if file.exists() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("{} never appeared", file.display());
}

/// Starts `opends release --yes --json`, paused after it planned the release; returns
/// the child and the file that lets it go on.
fn paused_release(t: &Test) -> (std::process::Child, std::path::PathBuf) {
    let dir = t.root().join("pause");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("pause dir");
    let mut cmd = t.command(["release", "--yes", "--json"]);
    cmd.env(
        "OPENDS_TEST_PAUSE",
        format!("release-planned:{}", dir.display()),
    );
    let child = cmd.spawn().expect("spawn opends release");
    wait_for(&dir.join("release-planned.reached"));
    (child, dir.join("release-planned.go"))
}

fn finish(t: &Test, child: std::process::Child) -> crate::support::Output {
    let out = child.wait_with_output().expect("wait for opends release");
    t.output(
        &["release".into(), "--yes".into(), "--json".into()],
        out.status,
        &out.stdout,
        &out.stderr,
    )
}

#[test]
fn release_retries_when_unrelated_writes_intervene() {
    let t = released_with_a_change();
    let (child, go) = paused_release(&t);
    // Other processes write while the release waits: a description (not part of what a
    // release numbers or lists), remote state and the import fingerprint.
    edit(&t, "\"Brand\"", "\"Brand colour\"");
    t.opends(["tokens", "list"]).success();
    t.opends(["remote", "add", "origin", "http://127.0.0.1:9"])
        .success();
    std::fs::write(&go, b"").expect("let the release go on");
    let out = finish(&t, child).success();
    assert_eq!(out.json()["version"], json!("1.0.1"));
    assert_eq!(versions(&t), ["1.0.0", "1.0.1"]);
    assert_consistent(&t);
    // The released snapshot is the state it committed (with the new description).
    let shown = t
        .opends(["tokens", "get", "color.brand", "--json"])
        .success()
        .json();
    assert_eq!(shown["description"], json!("Brand colour"));
    t.opends(["release", "--yes"])
        .code(2)
        .stderr_contains("nothing to release");
}

#[test]
fn release_refuses_when_what_it_releases_changes_meanwhile() {
    let t = released_with_a_change();
    let (child, go) = paused_release(&t);
    // A real change to what the release would contain.
    t.opends(["tokens", "set", "space.lg", "24px", "--type", "dimension"])
        .success();
    std::fs::write(&go, b"").expect("let the release go on");
    finish(&t, child)
        .code(2)
        .stderr_contains("changed while releasing")
        .stderr_contains("nothing was released");
    assert_eq!(versions(&t), ["1.0.0"]);
    assert_consistent(&t);
    assert_integrity(&t);
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

#[test]
fn sync_is_one_transaction_per_source() {
    let rt = runtime();
    let server = rt.block_on(MockServer::start());
    let file: Value = serde_json::from_str(
        &std::fs::read_to_string(crate::support::fixture("penpot/file.json")).expect("fixture"),
    )
    .expect("json");
    let id = file["id"].as_str().expect("an id").to_string();
    rt.block_on(
        Mock::given(method("POST"))
            .and(path("/api/rpc/command/get-file"))
            .respond_with(ResponseTemplate::new(200).set_body_json(file))
            .mount(&server),
    );
    let t = Test::new()
        .file("opends.yaml", "name: s\n")
        .env("OPENDS_PENPOT_TOKEN", "secret")
        .env("OPENDS_KEYRING", "none");
    t.opends(["source", "add", "penpot", &id, "--base-url", &server.uri()])
        .success();
    // The store's transaction is what is under test: the source writes to the store only.
    let yaml = t.read("opends.yaml");
    t.write("opends.yaml", format!("{yaml}    write: store\n"));
    for point in ["sync-tokens-written", "sync-components-written"] {
        killed(&t, &["sync"], point);
        // Nothing of the interrupted sync is in the store: no tokens, no components,
        // no sync record (so the next run does not skip the file as unchanged).
        assert_eq!(
            t.opends(["tokens", "list", "--json"]).success().json(),
            json!([]),
            "after a kill at {point}"
        );
        assert_eq!(
            t.opends(["components", "list", "--json"]).success().json(),
            json!([]),
            "after a kill at {point}"
        );
        assert_eq!(
            t.opends(["sync", "log", "--json"]).success().json(),
            json!([]),
            "after a kill at {point}"
        );
    }
    t.opends(["sync"]).success();
    let components = t.opends(["components", "list", "--json"]).success().json();
    assert!(
        components
            .as_array()
            .is_some_and(|c| c.iter().any(|c| c["name"] == json!("Button"))),
        "{components}"
    );
    let log = t.opends(["sync", "log", "--json"]).success().json();
    assert_eq!(log[0]["status"], json!("ok"));
    assert_integrity(&t);
}

const ESCAPES: &str = r#"{
  "font": {"$type": "fontFamily",
    "body": {"$value": "Inter\u001b]52;c;aGk=\u0007",
             "$description": "Body \u001b]52;c;cHduZWQ=\u0007 text \u001b[2J\u202e\u009b"}}
}"#;

const BADGE: &str = "name: Badge\nstatus: approved\nelement: span\ndescription: \"Badge \\e]52;c;aGk=\\a \\e[2J \\u202E end\"\n";

fn assert_no_raw_controls(out: &crate::support::Output) {
    for text in [out.stdout(), out.stderr()] {
        for c in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
            assert!(
                !text.contains(c),
                "raw {:?} printed:\nstdout: {:?}\nstderr: {:?}",
                c,
                out.stdout(),
                out.stderr()
            );
        }
    }
}

#[test]
fn terminal_escapes_in_names_are_not_printed_raw() {
    let t = Test::new()
        .file("opends.yaml", "name: esc\ntokens: [tokens.json]\n")
        .file("tokens.json", ESCAPES)
        .file("components/badge.yaml", BADGE);
    let list = t.opends(["tokens", "list"]).success();
    assert_no_raw_controls(&list);
    // The list shows a font family as CSS writes it, where the escape is a CSS escape.
    let list = list.stdout_contains("Inter\\1b ]52;c;aGk=\\7 ");
    let get = t.opends(["tokens", "get", "font.body"]).success();
    assert_no_raw_controls(&get);
    get.stdout_contains("\\x1b]52;c;cHduZWQ=\\x07")
        .stdout_contains("\\u{202e}");
    let components = t.opends(["components", "list"]).success();
    assert_no_raw_controls(&components);
    components.stdout_contains("Badge \\x1b]52;c;aGk=\\x07");
    let show = t.opends(["components", "show", "Badge"]).success();
    assert_no_raw_controls(&show);
    drop(list);
    // A release message and the changelog, as `versions list|show` print them.
    t.opends(["release", "--yes", "-m", "Hi \u{1b}]52;c;aGk=\u{7} there"])
        .success();
    for args in [&["versions", "list"][..], &["versions", "show", "latest"]] {
        let out = t.opends(args).success();
        assert_no_raw_controls(&out);
        out.stdout_contains("Hi \\x1b]52;c;aGk=\\x07 there");
    }
    // JSON keeps the exact values (escaped by JSON itself).
    let json = t.opends(["tokens", "get", "font.body", "--json"]).success();
    assert_no_raw_controls(&json);
    let v = json.json();
    assert_eq!(v["value"], json!("Inter\u{1b}]52;c;aGk=\u{7}"));
    assert_eq!(
        v["description"],
        json!("Body \u{1b}]52;c;cHduZWQ=\u{7} text \u{1b}[2J\u{202e}\u{9b}")
    );
    let c = t.opends(["components", "list", "--json"]).success().json();
    assert_eq!(
        c[0]["description"],
        json!("Badge \u{1b}]52;c;aGk=\u{7} \u{1b}[2J \u{202e} end")
    );
}
