//! Releases shared through the repository and the team server: `releases/<version>.json`
//! written with each release, read by a fresh clone (no `.opends/`), sent by `push`,
//! written by `pull`, and one content per version number everywhere.

use serde_json::json;

use crate::serve::{Server, api_token, call, http};
use crate::support::Test;

const TOKENS: &str = r##"{
  "color": {"$type": "color",
    "brand": {"$value": {"colorSpace": "srgb", "components": [0, 0.4, 0.8], "hex": "#0066cc"}},
    "link": {"$value": "{color.brand}"}},
  "space": {"$type": "dimension",
    "sm": {"$value": {"value": 4, "unit": "px"}},
    "md": {"$value": {"value": 8, "unit": "px"}}}
}"##;

const CHIP: &str = "name: Chip\nstatus: approved\nelement: span\nstyles:\n  color: \"{color.link}\"\n  padding: \"{space.sm}\"\n";

fn project(t: &Test, dir: &str) {
    t.write(
        format!("{dir}/opends.yaml"),
        "name: vs\ntokens: [tokens.json]\n",
    );
    t.write(format!("{dir}/tokens.json"), TOKENS);
    t.write(format!("{dir}/components/chip.yaml"), CHIP);
}

fn edit(t: &Test, file: &str, from: &str, to: &str) {
    let text = t.read(file);
    assert!(text.contains(from), "{file} lacks {from}");
    t.write(file, text.replace(from, to));
}

/// Copies the project `from` to `to` as a clone would: everything but `.opends/`.
fn clone(t: &Test, from: &str, to: &str) {
    let base = t.join(from);
    let mut stack = vec![base.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("read dir") {
            let path = e.expect("entry").path();
            let rel = path.strip_prefix(&base).expect("under").to_path_buf();
            if rel.starts_with(".opends") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                t.write(
                    std::path::Path::new(to).join(&rel),
                    std::fs::read(&path).expect("read"),
                );
            }
        }
    }
}

fn versions(t: &Test, dir: &str) -> Vec<(String, String)> {
    let list = t
        .opends(["-C", dir, "versions", "list", "--json"])
        .success()
        .json();
    list.as_array()
        .expect("a list")
        .iter()
        .map(|v| {
            (
                v["version"].as_str().unwrap_or_default().to_string(),
                v["content_hash"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_clone_without_the_store_lists_the_versions_and_builds_them_byte_for_byte() {
    let t = Test::new().env("OPENDS_AUTHOR", "Dana <dana@example.com>");
    project(&t, "a");
    t.opends(["-C", "a", "release", "--yes", "-m", "First"])
        .success()
        .stderr_contains("released 1.0.0");
    let file = t.read("a/releases/1.0.0.json");
    assert!(file.contains("\"content_hash\": \""), "{file}");
    assert!(
        file.lines()
            .any(|l| l.starts_with("    [\"color.brand\", {")),
        "one token per line: {file}"
    );
    edit(&t, "a/tokens.json", "\"value\": 4,", "\"value\": 6,");
    t.opends(["-C", "a", "release", "--yes"])
        .success()
        .stderr_contains("released 1.0.1");
    t.opends([
        "-C",
        "a",
        "export",
        "tokens",
        "--format",
        "css",
        "--out",
        "out-a",
        "--version",
        "1.0.0",
    ])
    .success();
    t.opends([
        "-C",
        "a",
        "generate",
        "react",
        "--out",
        "react-a",
        "--version",
        "1.0.0",
    ])
    .success();
    assert!(
        !t.tree()
            .iter()
            .any(|f| f.to_ascii_lowercase().ends_with(".tmp")),
        "{:?}",
        t.tree()
    );

    clone(&t, "a", "b");
    assert!(!t.exists("b/.opends/opends.db"));
    assert_eq!(versions(&t, "b"), versions(&t, "a"));
    t.opends([
        "-C",
        "b",
        "export",
        "tokens",
        "--format",
        "css",
        "--out",
        "out-b",
        "--version",
        "1.0.0",
    ])
    .success();
    t.opends([
        "-C",
        "b",
        "generate",
        "react",
        "--out",
        "react-b",
        "--version",
        "1.0.0",
    ])
    .success();
    assert_eq!(t.files_under("out-a"), t.files_under("out-b"));
    assert_eq!(t.files_under("react-a"), t.files_under("react-b"));
    assert!(t.read("out-b/tokens.css").contains("#0066cc"));
    t.opends(["-C", "b", "versions", "show", "1.0.0"])
        .success()
        .stdout_contains("First");

    // A release in the clone comes after the ones it read, and is a file too.
    edit(&t, "b/tokens.json", "\"value\": 8,", "\"value\": 10,");
    t.opends(["-C", "b", "release", "--yes"])
        .success()
        .stderr_contains("released 1.0.2");
    assert!(t.exists("b/releases/1.0.2.json"));
    // Merged back into the first project, it is read there too.
    t.write("a/releases/1.0.2.json", t.read("b/releases/1.0.2.json"));
    assert_eq!(versions(&t, "a"), versions(&t, "b"));
}

#[test]
fn a_changed_release_file_is_an_error_naming_it_never_used() {
    let t = Test::new();
    project(&t, "a");
    t.opends(["-C", "a", "release", "--yes"]).success();
    clone(&t, "a", "b");
    edit(&t, "b/releases/1.0.0.json", "\"value\":4", "\"value\":5");
    t.opends(["-C", "b", "versions", "list"])
        .code(2)
        .stderr_contains("releases/1.0.0.json")
        .stderr_contains("changed after the release");
    t.opends([
        "-C",
        "b",
        "export",
        "tokens",
        "--format",
        "css",
        "--version",
        "1.0.0",
    ])
    .code(2)
    .stderr_contains("releases/1.0.0.json");
    // In the project that has the version, a file that disagrees is an error as well.
    edit(
        &t,
        "a/releases/1.0.0.json",
        "\"content_hash\": \"",
        "\"content_hash\": \"0",
    );
    t.opends(["-C", "a", "versions", "list"])
        .code(2)
        .stderr_contains("releases/1.0.0.json");
    // Deleting a version removes its file.
    t.write(
        "a/releases/1.0.0.json",
        t.read("b/releases/1.0.0.json")
            .replace("\"value\":5", "\"value\":4"),
    );
    t.opends(["-C", "a", "versions", "rm", "1.0.0", "--yes"])
        .success()
        .stderr_contains("releases/1.0.0.json");
    assert!(!t.exists("a/releases/1.0.0.json"));
}

#[test]
fn releases_travel_through_the_team_server_and_one_number_has_one_content() {
    let t = Test::new().env("OPENDS_AUTHOR", "Dana <dana@example.com>");
    project(&t, "a");
    t.write("b/opends.yaml", "name: b\n");
    let token = api_token(&t, "editor");
    let viewer = api_token(&t, "viewer");
    let s = Server::start(&t, &[], &[]);
    let env = [("OPENDS_SERVER_TOKEN", token.as_str())];
    for dir in ["a", "b"] {
        t.opends(["-C", dir, "remote", "add", "team", &s.url])
            .success();
    }
    // A releases 1.0.0 here and pushes: the state and the version go.
    t.opends(["-C", "a", "release", "--yes", "-m", "First"])
        .success();
    t.opends_env(["-C", "a", "push"], &env)
        .success()
        .stderr_contains("pushed version 1.0.0 to team");
    t.opends_env(["-C", "a", "push"], &env)
        .success()
        .stderr_lacks("pushed version");
    // B pulls it, with its release file, byte for byte A's.
    t.opends_env(["-C", "b", "pull"], &env)
        .success()
        .stderr_contains("versions 1.0.0");
    assert_eq!(
        t.read("b/releases/1.0.0.json"),
        t.read("a/releases/1.0.0.json")
    );
    assert_eq!(versions(&t, "b"), versions(&t, "a"));

    // The same 1.0.1 with different content, on the server and here.
    let c = http();
    let (st, _) = call(
        c.patch(format!("{}/api/v1/tokens/space.md", s.url))
            .bearer_auth(&token)
            .json(&json!({"value": {"value": 12, "unit": "px"}})),
    );
    assert!(st == 200 || st == 201, "{st}");
    // A viewer may not release on the server.
    t.opends_env(
        ["-C", "b", "release", "--remote", "team", "--yes", "1.0.1"],
        &[("OPENDS_SERVER_TOKEN", viewer.as_str())],
    )
    .code(2)
    .stderr_contains("not allowed");
    t.opends_env(
        ["-C", "b", "release", "--remote", "team", "--yes", "1.0.1"],
        &env,
    )
    .success()
    .stderr_contains("released 1.0.1 on team");
    edit(&t, "a/tokens.json", "\"value\": 4,", "\"value\": 6,");
    t.opends(["-C", "a", "release", "--yes"])
        .success()
        .stderr_contains("released 1.0.1");
    let here = versions(&t, "a")[1].1.clone();
    let (_, there) = call(
        c.get(format!("{}/api/v1/versions/1.0.1", s.url))
            .bearer_auth(&token),
    );
    let there = there["content_hash"].as_str().expect("hash").to_string();
    assert_ne!(here, there);
    // The server refuses A's 1.0.1: 409 with both hashes.
    let snapshot = t.read_json("a/releases/1.0.1.json");
    let (st, body) = call(
        c.put(format!("{}/api/v1/versions/1.0.1", s.url))
            .bearer_auth(&token)
            .json(&json!({
                "created_at": snapshot["created_at"], "author": snapshot["author"],
                "content_hash": here, "bump": "patch", "changelog": "",
                "snapshot": {"layout": snapshot["layout"], "tokens": {}, "components": {}},
            })),
    );
    assert_eq!(st, 400, "a snapshot that does not hash to its hash: {body}");
    // The fields are checked before the server looks for the number: a bump outside the
    // four, or a date that is not RFC 3339, is refused even where the content is already
    // here (the same number and hash would otherwise answer 200).
    let there_snapshot = {
        let (_, v) = call(
            c.get(format!("{}/api/v1/versions/1.0.1?snapshot=true", s.url))
                .bearer_auth(&token),
        );
        v
    };
    let (st, body) = call(
        c.put(format!("{}/api/v1/versions/1.0.1", s.url))
            .bearer_auth(&token)
            .json(&there_snapshot),
    );
    assert_eq!(st, 200, "the server's own 1.0.1 sent back: {body}");
    for (field, bad) in [("bump", "AAA"), ("created_at", "yesterday")] {
        let mut sent = there_snapshot.clone();
        sent[field] = json!(bad);
        let (st, body) = call(
            c.put(format!("{}/api/v1/versions/1.0.1", s.url))
                .bearer_auth(&token)
                .json(&sent),
        );
        assert!(st == 400 || st == 422, "{field} `{bad}`: {st} {body}");
    }
    let out = t.opends_env(["-C", "a", "push"], &env).code(1);
    assert!(
        out.stderr().contains(&here) && out.stderr().contains(&there),
        "{}",
        out.stderr()
    );
    // Pull reports the diverging 1.0.1 and keeps A's only.
    let out = t.opends_env(["-C", "a", "pull", "--theirs"], &env).code(1);
    assert!(
        out.stderr().contains("1.0.1") && out.stderr().contains(&there),
        "{}",
        out.stderr()
    );
    assert_eq!(versions(&t, "a")[1].1, here);
    assert_eq!(versions(&t, "a").len(), 2);
    // B has no 1.0.1 of its own: it pulls the server's, file and all.
    t.opends_env(["-C", "b", "pull"], &env)
        .success()
        .stderr_contains("versions 1.0.1");
    assert!(t.read("b/releases/1.0.1.json").contains(&there));
}

/// A version released before releases were files (here: its file lost) gets its file at
/// the next release, so that a clone lists it too.
#[test]
fn the_next_release_writes_the_files_of_earlier_versions() {
    let t = Test::new();
    project(&t, "a");
    t.opends(["-C", "a", "release", "--yes"]).success();
    let first = t.read("a/releases/1.0.0.json");
    std::fs::remove_file(t.join("a/releases/1.0.0.json")).expect("remove");
    edit(&t, "a/tokens.json", "\"value\": 8", "\"value\": 10");
    t.opends(["-C", "a", "release", "--yes"])
        .success()
        .stderr_contains("wrote the release files of earlier versions: releases/1.0.0.json");
    assert_eq!(t.read("a/releases/1.0.0.json"), first, "the same bytes");
    clone(&t, "a", "b");
    let listed: Vec<String> = versions(&t, "b").into_iter().map(|(v, _)| v).collect();
    assert!(listed.contains(&"1.0.0".to_string()), "{listed:?}");
}
