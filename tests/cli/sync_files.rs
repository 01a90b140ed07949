//! `opends sync` writes what it pulled into project files the source owns: tokens as
//! DTCG 2025.10 (with theme axes, a file per context and a resolver document) and
//! `opends.sources.json` recording the files and their hashes. A copy of the project
//! without `.opends/` exports the same; an unchanged design rewrites nothing; a hand
//! edit stops the next sync until `--overwrite`; `write: store` keeps the store only;
//! a token a file defines is reported with the file and the fix.

use serde_json::{Value, json};
use wiremock::MockServer;

use crate::support::Test;

pub(crate) const SECRET: &str = "figd_TOPSECRET_0123456789";
pub(crate) use crate::axes_sources::{FIGMA_KEY, figma_server, runtime};
const BASE: &str = "tokens/brand.tokens.json";

/// A project whose `opends.yaml` is `yaml`, talking to `server`.
fn project(server: &MockServer, yaml: &str) -> Test {
    Test::new()
        .file("opends.yaml", yaml)
        .env("OPENDS_FIGMA_API_URL", server.uri())
        .env("OPENDS_FIGMA_TOKEN", SECRET)
        .env("OPENDS_KEYRING", "none")
}

fn source_yaml(extra: &str) -> String {
    format!(
        "name: s\noutputs: []\n{extra}sources:\n  - name: brand\n    provider: figma\n    file: {FIGMA_KEY}\n"
    )
}

/// A copy of `t`'s project without its store (what a clone has).
fn fresh_copy(t: &Test) -> Test {
    let c = Test::new().copy_dir(t.path(), ".");
    let store = c.join(".opends");
    if store.exists() {
        std::fs::remove_dir_all(store).expect("remove the store");
    }
    assert!(!c.join(".opends").exists());
    c
}

pub(crate) fn hex(t: &Test, token: &str, modes: &[&str]) -> String {
    let mut args = vec!["tokens", "get", token];
    for m in modes {
        args.extend(["--mode", m]);
    }
    args.extend(["--resolved", "--json"]);
    let v = t.opends(args).success().json();
    v["resolved"]["hex"]
        .as_str()
        .unwrap_or_else(|| panic!("no resolved hex for {token} {modes:?}: {v}"))
        .to_string()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not a list: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn sync_writes_owned_files_that_a_fresh_copy_exports_alike() {
    let rt = runtime();
    let server = figma_server(&rt);
    let t = project(&server, &source_yaml(""));
    let report = t.opends(["sync", "--json"]).success().json();
    assert_eq!(report[0]["status"], json!("ok"), "{report}");
    let written = strings(&report[0]["files"]);
    assert!(written.contains(&BASE.to_string()), "{report}");
    assert!(
        written.contains(&"tokens/brand.resolver.json".to_string()),
        "{report}"
    );
    let base: Value = t.read_json(BASE);
    assert!(base.to_string().contains("\"$value\""), "{base}");
    let manifest = t.read_json("opends.sources.json");
    assert_eq!(manifest["sources"]["brand"]["set"], json!("figma:brand"));
    assert_eq!(manifest["sources"]["brand"]["tokens"], json!(BASE));
    for (file, hash) in manifest["sources"]["brand"]["files"]
        .as_object()
        .expect("files")
    {
        assert!(written.contains(file), "{file} not reported: {report}");
        assert!(hash.as_str().is_some_and(|h| h.starts_with("sha256:")));
    }
    t.opends(["export", "tokens", "--format", "css", "--out", "dist"])
        .success();
    let css = t.read("dist/tokens.css");
    assert!(css.contains("--brand-primary"), "{css}");

    // A clone has no store: the files carry the design system, axes included.
    let c = fresh_copy(&t);
    c.opends(["export", "tokens", "--format", "css", "--out", "copy"])
        .success();
    assert_eq!(css, c.read("copy/tokens.css"));
    let primary = c
        .opends(["tokens", "get", "brand.primary", "--json"])
        .success()
        .json();
    assert_eq!(primary["set"], json!("figma:brand"), "{primary}");
    for token in ["brand.primary", "text.accent", "bg.default"] {
        for combo in [
            &[][..],
            &["theme=dark"],
            &["brand=verde"],
            &["brand=verde", "theme=dark"],
            &["brand=acme", "theme=light"],
        ] {
            assert_eq!(
                hex(&t, token, combo),
                hex(&c, token, combo),
                "{token} {combo:?}"
            );
        }
    }

    // The same design again: no file is rewritten (same bytes, same mtime).
    let files: Vec<String> = manifest["sources"]["brand"]["files"]
        .as_object()
        .expect("files")
        .keys()
        .cloned()
        .collect();
    let before: Vec<(String, std::time::SystemTime)> = files
        .iter()
        .map(|f| {
            let meta = std::fs::metadata(t.join(f)).expect("written");
            (t.read(f), meta.modified().expect("mtime"))
        })
        .collect();
    let manifest_mtime = std::fs::metadata(t.join("opends.sources.json"))
        .and_then(|m| m.modified())
        .expect("mtime");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let again = t.opends(["sync", "--force", "--json"]).success().json();
    assert_eq!(again[0]["files"], json!([]), "{again}");
    for (f, (text, mtime)) in files.iter().zip(&before) {
        assert_eq!(&t.read(f), text, "{f}");
        let now = std::fs::metadata(t.join(f))
            .and_then(|m| m.modified())
            .expect("mtime");
        assert_eq!(&now, mtime, "{f} was rewritten");
    }
    let now = std::fs::metadata(t.join("opends.sources.json"))
        .and_then(|m| m.modified())
        .expect("mtime");
    assert_eq!(now, manifest_mtime);

    // A dry run names the files it would write and writes none.
    std::fs::remove_file(t.join(BASE)).expect("remove");
    let dry = t
        .opends(["sync", "--force", "--dry-run", "--json"])
        .success()
        .json();
    assert_eq!(dry[0]["status"], json!("dry-run"), "{dry}");
    assert_eq!(dry[0]["files"], json!([BASE]), "{dry}");
    assert!(!t.join(BASE).exists());
    t.opends(["sync", "--force"])
        .success()
        .stderr_contains(&format!("wrote {BASE}"));
    assert_eq!(
        t.read(BASE),
        before[files.iter().position(|f| f == BASE).unwrap()].0
    );
}

#[test]
fn a_hand_edit_stops_the_next_sync_until_overwrite() {
    let rt = runtime();
    let server = figma_server(&rt);
    let t = project(&server, &source_yaml(""));
    t.opends(["sync"]).success();
    let original = t.read(BASE);
    let edited = original.replacen(
        '{',
        "{\n  \"note\": {\"$type\": \"number\", \"$value\": 1},",
        1,
    );
    t.write(BASE, &edited);
    let out = t.opends(["sync"]).code(2);
    let err = out.stderr();
    assert!(err.contains("edited by hand"), "{err}");
    assert!(err.contains(BASE), "{err}");
    assert!(err.contains("opends sync brand --overwrite"), "{err}");
    assert!(err.contains("token file of your own"), "{err}");
    assert_eq!(t.read(BASE), edited, "nothing written");
    // Even a forced sync stops.
    t.opends(["sync", "--force"]).code(2);
    // --overwrite discards the edit.
    t.opends(["sync", "--overwrite", "--force"]).success();
    assert_eq!(t.read(BASE), original);
    t.opends(["sync", "--force"]).success();
    t.opends(["sync", "--help"])
        .success()
        .stdout_contains("--overwrite");
}

#[test]
fn write_store_keeps_the_store_only() {
    let rt = runtime();
    let server = figma_server(&rt);
    let t = project(&server, &format!("{}    write: store\n", source_yaml("")));
    let report = t.opends(["sync", "--json"]).success().json();
    assert_eq!(report[0]["status"], json!("ok"), "{report}");
    assert_eq!(report[0]["files"], json!([]), "{report}");
    assert!(!t.join("tokens").exists());
    assert!(!t.join("opends.sources.json").exists());
    let primary = t
        .opends(["tokens", "get", "brand.primary", "--json"])
        .success()
        .json();
    assert_eq!(primary["set"], json!("figma:brand"), "{primary}");
    // A clone has nothing of it.
    let c = fresh_copy(&t);
    c.opends(["tokens", "get", "brand.primary", "--json"])
        .code(2);
}

#[test]
fn the_files_win_message_names_the_file_and_the_fix() {
    let rt = runtime();
    let server = figma_server(&rt);
    let t = project(
        &server,
        &source_yaml("tokens: [tokens/base.tokens.json]\n"),
    )
    .file(
        "tokens/base.tokens.json",
        r#"{"radius": {"md": {"$type": "dimension", "$value": {"value": 6, "unit": "px"}}}, "gap": {"$type": "number", "$value": 1}}"#,
    );
    let out = t.opends(["sync"]).success();
    let err = out.stderr();
    assert!(err.contains("kept its value: radius.md"), "{err}");
    assert!(
        err.contains("radius.md defined in `tokens/base.tokens.json`; to let `brand` win, delete it from `tokens/base.tokens.json` and run `opends sync brand --force`"),
        "{err}"
    );
    let radius = t
        .opends(["tokens", "get", "radius.md", "--json"])
        .success()
        .json();
    assert_eq!(radius["set"], json!("tokens/base.tokens.json"), "{radius}");
    // Following the advice lets the design win.
    t.write(
        "tokens/base.tokens.json",
        r#"{"gap": {"$type": "number", "$value": 1}}"#,
    );
    t.opends(["sync", "brand", "--force"])
        .success()
        .stderr_lacks("kept its value");
    let radius = t
        .opends(["tokens", "get", "radius.md", "--json"])
        .success()
        .json();
    assert_eq!(radius["set"], json!("figma:brand"), "{radius}");
}
