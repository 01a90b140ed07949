//! The project's files into an in-memory store, without the binary.

use std::fs;
use std::path::Path;

use super::*;
use crate::settings::{self, Project};
use crate::store::Store;

const CORE: &str = include_str!("../../templates/init/core.json");
const SEMANTIC: &str = include_str!("../../templates/init/semantic.json");
const DARK: &str = include_str!("../../templates/init/dark.json");
const BUTTON: &str = include_str!("../../templates/init/button.yaml");

const CONFIG: &str = "name: test\ntokens:\n  - tokens/core.json\n  - tokens/semantic.json\nmodes:\n  light: []\n  dark:\n    - tokens/dark.json\n";

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

fn project() -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "opends.yaml", CONFIG);
    write(dir.path(), "tokens/core.json", CORE);
    write(dir.path(), "tokens/semantic.json", SEMANTIC);
    write(dir.path(), "tokens/dark.json", DARK);
    write(dir.path(), "components/button.yaml", BUTTON);
    let project = settings::load(dir.path()).unwrap();
    (dir, project)
}

#[test]
fn token_files_go_into_the_store_once_until_they_change() {
    let (dir, project) = project();
    let mut store = Store::open_in_memory().unwrap();
    let first = sync_tokens(&project, &mut store, false, false)
        .unwrap()
        .expect("a first import");
    assert!(first.summary.added > 0);
    assert_eq!(first.summary.added, first.summary.total);
    let tokens = store.load().unwrap();
    assert_eq!(tokens.modes, vec!["light".to_string(), "dark".to_string()]);
    // Unchanged files: the fingerprint matches, nothing is read into the store.
    assert!(
        sync_tokens(&project, &mut store, false, false)
            .unwrap()
            .is_none()
    );
    // A changed file: imported again, only the difference.
    let mut core: serde_json::Value = serde_json::from_str(CORE).unwrap();
    core["zz-new"] = serde_json::json!({"$type": "number", "$value": 4});
    write(dir.path(), "tokens/core.json", &core.to_string());
    let again = sync_tokens(&project, &mut store, false, false)
        .unwrap()
        .expect("a changed file is imported");
    assert_eq!(again.summary.added, 1);
    assert_eq!(again.summary.removed, 0);
    assert_eq!(again.summary.total, first.summary.total + 1);
    assert!(store.load().unwrap().get_str("zz-new").is_some());
}

#[test]
fn invalid_token_files_write_nothing_and_return_the_findings() {
    let (dir, project) = project();
    let mut store = Store::open_in_memory().unwrap();
    write(
        dir.path(),
        "tokens/semantic.json",
        r#"{"bad": {"$type": "color", "$value": "{missing.token}"}}"#,
    );
    let err = sync_tokens(&project, &mut store, false, false).unwrap_err();
    let invalid = err.downcast::<Invalid>().expect("findings, not a failure");
    assert_eq!(invalid.what, "the project's token files");
    assert!(invalid.findings.has_errors());
    assert!(store.load().unwrap().is_empty());
}

#[test]
fn specs_follow_their_files_and_the_tokens() {
    let (dir, project) = project();
    let mut store = Store::open_in_memory().unwrap();
    sync_tokens(&project, &mut store, false, false).unwrap();
    let first = sync_specs(&project, &mut store, false)
        .unwrap()
        .expect("a first import");
    assert_eq!(first.components, 1);
    let stored = store.components().unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].source.as_deref(), Some("components/button.yaml"));
    assert!(from_project_specs(&project, &stored[0]));
    assert!(sync_specs(&project, &mut store, false).unwrap().is_none());
    // A spec file that goes takes its component with it.
    fs::remove_file(dir.path().join("components/button.yaml")).unwrap();
    let gone = sync_specs(&project, &mut store, false)
        .unwrap()
        .expect("a removed file is noticed");
    assert_eq!(gone.components, 0);
    assert!(store.components().unwrap().is_empty());
}

#[test]
fn a_re_import_keeps_the_review() {
    let (_dir, project) = project();
    let mut store = Store::open_in_memory().unwrap();
    sync_tokens(&project, &mut store, false, false).unwrap();
    sync_specs(&project, &mut store, false).unwrap();
    let name = store.components().unwrap()[0].spec.name.clone();
    let review = crate::model::component::Review {
        by: Some("ada".into()),
        at: Some("2026-01-01T00:00:00Z".into()),
        reason: None,
    };
    let shown = set_status(&mut store, &name, crate::model::Status::Approved, review).unwrap();
    assert_eq!(shown.as_deref(), Some(name.as_str()));
    sync_specs(&project, &mut store, true).unwrap();
    let c = &store.components().unwrap()[0];
    assert_eq!(c.spec.status, crate::model::Status::Approved);
    assert_eq!(c.review.by.as_deref(), Some("ada"));
    assert!(remove(&mut store, "no-such").unwrap().is_none());
}

#[test]
fn load_reads_without_the_store() {
    let (_dir, project) = project();
    let mut findings = crate::tokens::Findings::default();
    let (tokens, files) = load(&project, &mut findings).unwrap();
    assert_eq!(files, 3);
    assert!(!findings.has_errors());
    assert!(!tokens.is_empty());
}
