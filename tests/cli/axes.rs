//! Theme axes: a DTCG resolver with three modifiers (brand x scheme x density) read as
//! three axes; values in every combination; the CSS rules of each context and of a
//! combination; `{axis}` output paths; changes reported per context.

use serde_json::{Value, json};

use crate::support::{Test, fixture};

const YAML: &str = "name: axes\nresolver: tokens/themes.resolver.json\n";

fn project(extra: &str) -> Test {
    Test::new()
        .copy_dir(fixture("axes/resolver"), "tokens")
        .file("opends.yaml", format!("{YAML}{extra}"))
}

fn resolved(t: &Test, path: &str, modes: &[&str]) -> Value {
    let mut args = vec!["tokens", "get", path, "--resolved", "--json"];
    for m in modes {
        args.push("--mode");
        args.push(m);
    }
    t.opends(args).success().json()["resolved"].clone()
}

fn hex(v: &Value) -> &str {
    v["hex"].as_str().unwrap_or_default()
}

#[test]
fn every_modifier_is_an_axis_and_every_combination_resolves() {
    let t = project("");
    t.opends(["tokens", "validate"]).success().stderr_contains(
        "modes: brand=acme, brand=verde, scheme=light, scheme=dark, density=comfortable, density=compact",
    );
    for brand in ["acme", "verde"] {
        for scheme in ["light", "dark"] {
            for density in ["comfortable", "compact"] {
                let modes = [
                    format!("brand={brand}"),
                    format!("scheme={scheme}"),
                    format!("density={density}"),
                ];
                let modes: Vec<&str> = modes.iter().map(String::as_str).collect();
                let accent = resolved(&t, "color.accent", &modes);
                let want = match (brand, scheme) {
                    ("acme", "light") => "#2663eb",
                    ("acme", "dark") => "#94c4fc",
                    ("verde", "light") => "#14803d",
                    _ => "#d9fa63",
                };
                assert_eq!(hex(&accent), want, "color.accent in {modes:?}");
                let bg = resolved(&t, "color.bg", &modes);
                let want = if scheme == "dark" {
                    "#121217"
                } else {
                    "#ffffff"
                };
                assert_eq!(hex(&bg), want, "color.bg in {modes:?}");
                let space = resolved(&t, "space.md", &modes);
                let want = if density == "compact" { 12 } else { 16 };
                assert_eq!(space, json!({"value": want, "unit": "px"}), "{modes:?}");
            }
        }
    }
    // A context name that one axis has needs no axis; axes not named take their default.
    assert_eq!(hex(&resolved(&t, "color.accent", &["dark"])), "#94c4fc");
    assert_eq!(
        hex(&resolved(&t, "color.accent", &["verde", "dark"])),
        "#d9fa63"
    );
}

#[test]
fn a_wrong_choice_names_what_there_is() {
    let t = project("");
    t.opends(["tokens", "get", "color.bg", "--mode", "purple"])
        .code(2)
        .stderr_contains("unknown mode `purple`")
        .stderr_contains("scheme=dark");
    t.opends(["tokens", "get", "color.bg", "--mode", "size=large"])
        .code(2)
        .stderr_contains("unknown axis `size` (axes: brand, scheme, density)");
    t.opends([
        "tokens",
        "get",
        "color.bg",
        "--mode",
        "scheme=dark",
        "--mode",
        "light",
    ])
    .code(2)
    .stderr_contains("two contexts chosen on axis `scheme`");
}

#[test]
fn the_list_shows_the_default_and_each_context() {
    let t = project("");
    let out = t.opends(["tokens", "list", "color"]).success();
    let header = out.stdout().lines().next().unwrap_or_default().to_string();
    for column in ["default", "brand=verde", "scheme=dark", "density=compact"] {
        assert!(header.contains(column), "{header}");
    }
    assert!(
        out.stdout()
            .lines()
            .any(|l| l.starts_with("color.accent") && l.contains("{brand.primary-on-dark}")),
        "{}",
        out.stdout()
    );
}

#[test]
fn css_writes_one_rule_per_context_in_resolution_order() {
    let t = project(
        "outputs:\n  - format: css\n    path: dist/tokens.css\n    selectors:\n      density=compact: '@media (max-width: 600px)'\n      brand: '.brand-{context}'\n",
    );
    t.opends(["export", "tokens"]).success();
    let css = t.read("dist/tokens.css");
    let brand = css.find(".brand-verde {").expect(&css);
    let dark = css.find("[data-scheme=\"dark\"] {").expect(&css);
    let compact = css
        .find("@media (max-width: 600px) {\n  :root {\n    --space-md: 12px;")
        .expect(&css);
    assert!(brand < dark && dark < compact, "{css}");
    // Only what differs from the default is written in a context's rule.
    let dark_rule = &css[dark..css[dark..].find('}').map_or(css.len(), |i| dark + i)];
    assert!(!dark_rule.contains("--space-md"), "{dark_rule}");
    assert!(
        dark_rule.contains("--color-accent: var(--brand-primary-on-dark);"),
        "{dark_rule}"
    );
}

#[test]
fn a_combination_gets_the_compound_selector_and_wins_over_its_parts() {
    let t = project("");
    t.opends(["tokens", "import"]).success();
    t.opends([
        "tokens",
        "set",
        "color.bg",
        "{palette.green-200}",
        "--mode",
        "verde,dark",
    ])
    .success();
    assert_eq!(
        hex(&resolved(&t, "color.bg", &["brand=verde", "scheme=dark"])),
        "#baf7d1"
    );
    assert_eq!(
        hex(&resolved(&t, "color.bg", &["brand=acme", "scheme=dark"])),
        "#121217"
    );
    let css = t
        .opends(["export", "tokens", "--format", "css", "-o", "out"])
        .success();
    drop(css);
    let css = t.read("out/tokens.css");
    let dark = css.find("[data-scheme=\"dark\"] {").expect(&css);
    let both = css
        .find("[data-brand=\"verde\"][data-scheme=\"dark\"] {\n  --color-bg: var(--palette-green-200);")
        .expect(&css);
    assert!(dark < both, "{css}");
}

#[test]
fn a_default_context_that_sets_a_token_overrides_an_earlier_axis() {
    // The brand sets `color.text` too; the scheme, later in the resolution order, sets it
    // in both contexts, so the scheme wins in every combination.
    let t = project("");
    t.write(
        "tokens/brand-verde.tokens.json",
        r#"{"brand": {"$type": "color",
            "primary": {"$value": "{palette.green-700}"},
            "primary-on-dark": {"$value": "{palette.lime-300}"}},
           "color": {"$type": "color", "text": {"$value": "{palette.green-700}"}}}"#,
    );
    assert_eq!(
        hex(&resolved(
            &t,
            "color.text",
            &["brand=verde", "scheme=light"]
        )),
        "#121217"
    );
    assert_eq!(
        hex(&resolved(&t, "color.text", &["brand=verde", "scheme=dark"])),
        "#ffffff"
    );
    t.opends(["export", "tokens", "--format", "css", "-o", "out"])
        .success();
    let css = t.read("out/tokens.css");
    // In CSS too: the light rule also holds where no scheme is chosen, and comes after
    // the brand's.
    let brand = css.find("[data-brand=\"verde\"] {").expect(&css);
    let light = css
        .find("[data-scheme=\"light\"], :root:where(:not([data-scheme=\"dark\"])) {")
        .expect(&css);
    assert!(brand < light, "{css}");
}

#[test]
fn a_cycle_that_only_a_combination_makes_is_an_error() {
    let t = project("");
    t.write(
        "tokens/brand-verde.tokens.json",
        r#"{"brand": {"$type": "color",
            "primary": {"$value": "{brand.primary-on-dark}"},
            "primary-on-dark": {"$value": "{palette.lime-300}"}}}"#,
    );
    t.write(
        "tokens/scheme-dark.tokens.json",
        r#"{"color": {"$type": "color",
            "bg": {"$value": "{palette.ink}"}, "text": {"$value": "{palette.white}"},
            "accent": {"$value": "{brand.primary-on-dark}"}},
           "brand": {"$type": "color", "primary-on-dark": {"$value": "{brand.primary}"}}}"#,
    );
    t.opends(["tokens", "validate"])
        .code(1)
        .stderr_contains("reference cycle");
}

#[test]
fn an_axis_in_an_output_path_writes_one_file_per_context() {
    let t = project("outputs:\n  - format: css\n    path: dist/{brand}/tokens.css\n");
    t.opends(["export", "tokens"]).success();
    let verde = t.read("dist/verde/tokens.css");
    let acme = t.read("dist/acme/tokens.css");
    assert!(
        verde.contains("--brand-primary: var(--palette-green-700);"),
        "{verde}"
    );
    assert!(
        acme.contains("--brand-primary: var(--palette-blue-600);"),
        "{acme}"
    );
    // The brand is fixed in each file: no brand rules, the other axes' rules kept.
    for css in [&verde, &acme] {
        assert!(!css.contains("data-brand"), "{css}");
        assert!(css.contains("[data-scheme=\"dark\"]"), "{css}");
    }
}

#[test]
fn changes_are_reported_per_context() {
    let t = project("");
    t.opends(["tokens", "import"]).success();
    t.opends(["release", "-m", "first", "--yes"]).success();
    t.write(
        "tokens/density-compact.tokens.json",
        r#"{"space": {"$type": "dimension", "md": {"$value": {"value": 10, "unit": "px"}}}}"#,
    );
    let out = t.opends(["diff", "--format", "json"]).code(1).json();
    assert_eq!(out["changes"][0]["path"], json!("space.md"));
    assert_eq!(out["changes"][0]["mode"], json!("density=compact"));
    let out = t
        .opends(["diff", "--format", "json", "--mode", "compact"])
        .code(1)
        .json();
    assert_eq!(out["changes"].as_array().map(Vec::len), Some(1), "{out}");
    t.opends(["diff", "--mode", "scheme=dark"])
        .success()
        .stderr_contains("no differences");
    // A released version keeps its axes.
    let out = t
        .opends([
            "tokens",
            "history",
            "space.md",
            "--mode",
            "density=compact",
            "--json",
        ])
        .success()
        .json();
    assert!(out.to_string().contains("12"), "{out}");
}

#[test]
fn the_team_server_carries_the_axes_and_a_release_keeps_them() {
    use crate::serve::{Server, api_token};
    let t = Test::new()
        .copy_dir(fixture("axes/resolver"), "a/tokens")
        .file("a/opends.yaml", YAML)
        .file("b/opends.yaml", "name: b\n");
    let token = api_token(&t, "editor");
    let s = Server::start(&t, &[], &[]);
    let env = [("OPENDS_SERVER_TOKEN", token.as_str())];
    for dir in ["a", "b"] {
        t.opends(["-C", dir, "remote", "add", "team", &s.url])
            .success();
    }
    t.opends(["-C", "a", "tokens", "import"]).success();
    t.opends(["-C", "a", "release", "-m", "axes", "--yes"])
        .success();
    t.opends_env(["-C", "a", "push"], &env).success();
    t.opends_env(["-C", "b", "pull"], &env).success();
    for modes in [
        ["brand=verde", "scheme=dark"],
        ["brand=acme", "scheme=dark"],
        ["brand=verde", "density=compact"],
    ] {
        for path in ["color.accent", "space.md"] {
            let get = |dir: &str| {
                let mut args = vec!["-C", dir, "tokens", "get", path, "--resolved", "--json"];
                for m in modes {
                    args.extend(["--mode", m]);
                }
                t.opends(args).success().json()["resolved"].clone()
            };
            assert_eq!(get("a"), get("b"), "{path} in {modes:?}");
        }
    }
    let css = |dir: &str, out: &str, version: Option<&str>| {
        // `--out` is relative to where opends runs, not to `-C`.
        let out = format!("{dir}-{out}");
        let mut args = vec![
            "-C", dir, "export", "tokens", "--format", "css", "--out", &out,
        ];
        if let Some(v) = version {
            args.extend(["--version", v]);
        }
        t.opends(args).success();
        t.read(format!("{out}/tokens.css"))
    };
    let now = css("a", "now", None);
    assert!(now.contains("[data-brand=\"verde\"]"), "{now}");
    assert_eq!(css("b", "now", None), now);
    // Releases stay local until pushing releases lands: the release is read
    // back from the store that made it.
    assert_eq!(css("a", "v1", Some("1.0.0")), now);
}

#[test]
fn importing_into_a_context_names_it_like_get_does() {
    let t = project("");
    t.opends(["tokens", "import"]).success();
    t.write(
        "verde-dark.json",
        r#"{"color": {"$type": "color", "bg": {"$value": "{palette.green-200}"}}}"#,
    );
    t.opends([
        "tokens",
        "import",
        "verde-dark.json",
        "--mode",
        "dark,verde",
    ])
    .success();
    assert_eq!(
        hex(&resolved(&t, "color.bg", &["brand=verde", "scheme=dark"])),
        "#baf7d1"
    );
    t.opends(["tokens", "import", "verde-dark.json", "--mode", "purple"])
        .code(2)
        .stderr_contains("unknown mode `purple`");
}
