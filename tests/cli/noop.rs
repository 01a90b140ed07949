//! No-op runs: `export tokens` and `generate` answer from the output manifest when
//! nothing changed, and render again on any change of an input, an option, a template,
//! an output on disk or the recorded version.

use std::path::PathBuf;

use crate::support::{Output, Test, fixture};

const NOOP: &str = "nothing changed since the last run";

fn project() -> Test {
    Test::new().copy_dir(fixture("components"), ".")
}

/// Whether a verbose run was answered from the manifest, and its output.
fn run(t: &Test, args: &[&str]) -> (bool, Output) {
    let mut all = args.to_vec();
    all.push("--verbose");
    let out = t.opends(all);
    (out.stderr().contains(NOOP), out)
}

fn export(t: &Test) -> (bool, Output) {
    run(t, &["export", "tokens", "--json"])
}

fn written(out: &Output) -> usize {
    out.json()["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter(|f| f["status"] == "written")
        .count()
}

fn manifests(t: &Test) -> Vec<PathBuf> {
    std::fs::read_dir(t.join(".opends/outputs"))
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn a_second_export_with_nothing_changed_renders_nothing_and_reports_the_same() {
    let t = project();
    let (hit, first) = export(&t);
    assert!(!hit);
    let first = first.success();
    assert_eq!(written(&first), 1);
    let (hit, second) = export(&t);
    assert!(hit, "{}", second.stderr());
    let second = second.success();
    assert_eq!(written(&second), 0);
    assert_eq!(second.json()["tokens"], first.json()["tokens"]);
    assert_eq!(
        second.json()["files"][0]["path"],
        first.json()["files"][0]["path"]
    );
    // The plain text report is the one of a run that compared every file.
    let (hit, text) = run(&t, &["export", "tokens"]);
    assert!(hit);
    text.success()
        .stderr_contains("exported 5 tokens: 0 written, 1 unchanged");
    // `--check` takes the same path and finds everything up to date.
    let (hit, check) = run(&t, &["export", "tokens", "--check"]);
    assert!(hit);
    check.success().stderr_contains("1 file up to date");
    // `--force` renders.
    let (hit, forced) = run(&t, &["export", "tokens", "--force"]);
    assert!(!hit);
    forced.success();
}

#[test]
fn an_export_renders_again_on_any_change() {
    let t = project();
    export(&t).1.success();
    // An input: the token file.
    let tokens = t.read("tokens.json").replace("#3366cc", "#3366cd");
    let tokens = tokens.replace("0.2, 0.4, 0.8", "0.2, 0.4, 0.81");
    t.write("tokens.json", tokens);
    let (hit, out) = export(&t);
    assert!(!hit);
    assert_eq!(written(&out.success()), 1);
    assert!(export(&t).0);
    // An option in opends.yaml.
    let yaml = t.read("opends.yaml").replace(
        "    path: dist/tokens.css\n",
        "    path: dist/tokens.css\n    prefix: acme\n",
    );
    t.write("opends.yaml", yaml);
    let (hit, out) = export(&t);
    assert!(!hit);
    assert_eq!(written(&out.success()), 1);
    assert!(t.read("dist/tokens.css").contains("--acme-"));
    assert!(export(&t).0);
    // An output edited by hand (same size, other bytes): written again.
    let css = t.read("dist/tokens.css");
    t.write("dist/tokens.css", css.replacen("acme", "acmf", 1));
    let (hit, out) = export(&t);
    assert!(!hit);
    assert_eq!(written(&out.success()), 1);
    assert_eq!(t.read("dist/tokens.css"), css);
    // An output deleted.
    std::fs::remove_file(t.join("dist/tokens.css")).unwrap();
    let (hit, out) = export(&t);
    assert!(!hit);
    assert_eq!(written(&out.success()), 1);
    // Another binary version recorded: rendered again (and recorded anew).
    assert!(export(&t).0);
    for m in manifests(&t) {
        let text = std::fs::read_to_string(&m).unwrap();
        let v = format!("\"opends {}\"", env!("CARGO_PKG_VERSION"));
        assert!(text.contains(&v), "{text}");
        std::fs::write(&m, text.replace(&v, "\"opends 0.0.0-other\"")).unwrap();
    }
    assert!(!export(&t).0);
    assert!(export(&t).0);
    // A change to the store by a command (not a file): rendered again.
    t.opends(["tokens", "set", "space.lg", "16px", "--type", "dimension"])
        .success();
    let (hit, out) = export(&t);
    assert!(!hit);
    out.success();
}

fn generate(t: &Test) -> (bool, Output) {
    run(t, &["generate", "vue", "--json", "--include-drafts"])
}

#[test]
fn a_second_generate_with_nothing_changed_renders_nothing_and_any_change_is_seen() {
    let t = project();
    let (hit, first) = generate(&t);
    assert!(!hit);
    let first = first.success();
    let files = first.json()["files"].as_array().unwrap().len();
    assert!(written(&first) > 0);
    let (hit, second) = generate(&t);
    assert!(hit, "{}", second.stderr());
    let second = second.success();
    assert_eq!(written(&second), 0);
    assert_eq!(second.json()["files"].as_array().unwrap().len(), files);
    assert_eq!(second.json()["components"], first.json()["components"]);
    // Another selection is another job.
    assert!(!run(&t, &["generate", "vue", "--json"]).0);
    // A template override.
    let yaml = format!("{}templates: tpl\n", t.read("opends.yaml"));
    t.write("opends.yaml", yaml);
    let (hit, out) = generate(&t);
    assert!(!hit);
    out.success();
    assert!(generate(&t).0);
    t.write("tpl/vue/index.ts.hbs", "// {{header}}\nexport {};\n");
    let (hit, out) = generate(&t);
    assert!(!hit);
    assert_eq!(written(&out.success()), 1);
    assert!(generate(&t).0);
    // A component spec.
    let spec = t.read("components/button.yaml");
    t.write("components/button.yaml", format!("{spec}\n# edited\n"));
    let spec2 = t.read("components/button.yaml");
    assert_ne!(spec, spec2);
    assert!(!generate(&t).0);
    // A generated file edited, one deleted, a stale generated file added.
    let out_dir = t.join("generated/vue");
    let one = std::fs::read_dir(&out_dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "vue"))
        .unwrap();
    let text = std::fs::read_to_string(&one).unwrap();
    std::fs::write(&one, format!("{text}\n")).unwrap();
    let (hit, out) = generate(&t);
    assert!(!hit);
    assert_eq!(written(&out.success()), 1);
    std::fs::remove_file(&one).unwrap();
    let (hit, out) = generate(&t);
    assert!(!hit);
    assert_eq!(written(&out.success()), 1);
    std::fs::write(
        out_dir.join("Old.vue"),
        text.lines().take(3).collect::<Vec<_>>().join("\n"),
    )
    .unwrap();
    let (hit, out) = generate(&t);
    assert!(!hit);
    out.success();
    assert!(!out_dir.join("Old.vue").exists());
    assert!(generate(&t).0);
    // `--check` answers from the manifest too; `--force` renders.
    let (hit, check) = run(&t, &["generate", "vue", "--check", "--include-drafts"]);
    assert!(hit);
    check.success();
    assert!(
        !run(
            &t,
            &["generate", "vue", "--json", "--include-drafts", "--force"]
        )
        .0
    );
}
