//! `opends export tokens` with theme axes (brand x scheme x density): the DTCG resolver
//! output reads back as the same tokens in every combination; SCSS, Less, JS, TS and
//! Tailwind carry every context (the TS output through the TypeScript compiler when the
//! pinned tools of `tests/typecheck/run.sh` are installed).

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

use crate::support::{Test, crate_root, fixture, json_eq, tokens_by_path};

const AXES: [(&str, [&str; 2]); 3] = [
    ("brand", ["acme", "verde"]),
    ("scheme", ["light", "dark"]),
    ("density", ["comfortable", "compact"]),
];

/// A project reading the three-axis resolver fixture from `tokens/`.
fn project() -> Test {
    Test::new()
        .copy_dir(fixture("axes/resolver"), "tokens")
        .file(
            "opends.yaml",
            "name: axes\nresolver: tokens/themes.resolver.json\n",
        )
}

/// Every choice of one context per axis, as `--mode` arguments.
fn every_choice() -> Vec<Vec<String>> {
    let mut out = vec![Vec::new()];
    for (axis, contexts) in AXES {
        out = out
            .into_iter()
            .flat_map(|prefix| {
                contexts.iter().map(move |c| {
                    let mut p = prefix.clone();
                    p.push(format!("{axis}={c}"));
                    p
                })
            })
            .collect();
    }
    out
}

fn resolved(t: &Test, dir: &str, path: &str, choice: &[String]) -> Value {
    let mut args = vec![
        "-C".to_string(),
        dir.to_string(),
        "tokens".into(),
        "get".into(),
    ];
    args.push(path.into());
    for c in choice {
        args.push("--mode".into());
        args.push(c.clone());
    }
    args.extend(["--resolved".into(), "--json".into()]);
    t.opends(&args).success().json()["resolved"].clone()
}

#[test]
fn dtcg_resolver_output_reads_back_as_the_same_tokens_in_every_combination() {
    let t = project();
    t.opends(["export", "tokens", "--format", "dtcg", "--out", "out"])
        .success();
    let resolver = t.read_json("out/tokens.resolver.json");
    assert_eq!(resolver["version"], "2025.10");
    let order: Vec<&str> = resolver["resolutionOrder"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["$ref"].as_str().unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "#/sets/base",
            "#/modifiers/brand",
            "#/modifiers/scheme",
            "#/modifiers/density"
        ]
    );
    assert_eq!(resolver["modifiers"]["scheme"]["default"], "light");
    assert!(t.exists("out/tokens.scheme-dark.tokens.json"));

    // The written files as a new project.
    let t = t.file(
        "copy/opends.yaml",
        "name: copy\nresolver: out/tokens.resolver.json\n",
    );
    std::fs::rename(t.join("out"), t.join("copy/out")).unwrap();
    let paths: Vec<String> =
        tokens_by_path(&t.opends(["tokens", "list", "--json"]).success().json())
            .keys()
            .cloned()
            .collect();
    assert!(paths.len() >= 10, "{paths:?}");
    let copied = tokens_by_path(
        &t.opends(["-C", "copy", "tokens", "list", "--json"])
            .success()
            .json(),
    );
    assert_eq!(copied.len(), paths.len());
    for choice in every_choice() {
        for p in &paths {
            let a = resolved(&t, ".", p, &choice);
            let b = resolved(&t, "copy", p, &choice);
            assert!(json_eq(&a, &b), "{p} in {choice:?}: {a} != {b}");
        }
    }
}

#[test]
fn scss_and_less_carry_each_context_and_combination() {
    let t = project();
    t.opends([
        "export", "tokens", "--format", "scss", "--format", "less", "--out", "out",
    ])
    .success();
    let scss = t.read("out/_tokens.scss");
    for map in [
        "$theme-brand: (",
        "$theme-scheme: (",
        "$theme-density: (",
        "$theme-combinations: (",
    ] {
        assert!(scss.contains(map), "{map}:\n{scss}");
    }
    assert!(
        scss.contains("  \"dark\": (\n    \"color-bg\": #121217,"),
        "{scss}"
    );
    assert!(scss.contains("\"space-md\": 12px,"), "{scss}");
    // color.accent aliases the brand's on-dark colour in the dark scheme: under
    // brand=verde that is verde's, which no single context gives.
    assert!(
        scss.contains(
            "\"brand=verde,scheme=dark,density=comfortable\": (\n    \"color-accent\": #d9fa63,"
        ),
        "{scss}"
    );
    assert!(!scss.contains("$modes:"), "{scss}");
    let less = t.read("out/tokens.less");
    assert!(
        less.contains(".theme-scheme-dark() {\n  @color-bg: #121217;"),
        "{less}"
    );
    assert!(
        less.contains(".theme-density-compact() {\n  @space-md: 12px;\n}"),
        "{less}"
    );
    assert!(
        less.contains(".theme-brand-verde-scheme-dark-density-compact() {"),
        "{less}"
    );
}

#[test]
fn tailwind_writes_a_variant_per_context_and_the_css_selectors() {
    let t = project();
    t.opends(["export", "tokens", "--format", "tailwind", "--out", "out"])
        .success();
    let css = t.read("out/tailwind.css");
    assert!(
        css.contains("@custom-variant scheme-dark (&:where([data-scheme=\"dark\"], [data-scheme=\"dark\"] *));"),
        "{css}"
    );
    assert!(
        css.contains(
            "@custom-variant dark (&:where([data-scheme=\"dark\"], [data-scheme=\"dark\"] *));"
        ),
        "{css}"
    );
    assert!(css.contains("@custom-variant brand-verde "), "{css}");
    assert!(css.contains("@custom-variant density-compact "), "{css}");
    assert!(
        css.contains("\n[data-density=\"compact\"] {\n  --spacing-md: 12px;\n}"),
        "{css}"
    );
    assert!(css.contains("\n[data-scheme=\"dark\"] {\n"), "{css}");
    assert!(!css.contains("[data-theme="), "{css}");
}

/// `tsc` of the pinned tools `tests/typecheck/run.sh` installs, if they are there.
fn tsc() -> Option<PathBuf> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| crate_root().join("target"), PathBuf::from);
    let dir =
        std::env::var_os("TYPECHECK_DIR").map_or_else(|| target.join("typecheck"), PathBuf::from);
    let tsc = dir.join("node_modules/.bin/tsc");
    tsc.exists().then_some(tsc)
}

#[test]
fn js_and_ts_export_overrides_per_key_and_a_typed_resolve() {
    let t = project();
    t.opends([
        "export", "tokens", "--format", "js", "--format", "ts", "--out", "out",
    ])
    .success();
    let ts = t.read("out/tokens.ts");
    assert!(
        ts.contains("export const colorAccent = \"#2663eb\" as const;"),
        "{ts}"
    );
    assert!(ts.contains("export const axes = {\"brand\":[\"acme\",\"verde\"],\"scheme\":[\"light\",\"dark\"],\"density\":[\"comfortable\",\"compact\"]} as const;"), "{ts}");
    assert!(
        ts.contains("\"scheme=dark\": {\n    \"colorBg\": \"#121217\","),
        "{ts}"
    );
    assert!(
        ts.contains("export function resolve(choice: Choice = {}): Tokens {"),
        "{ts}"
    );
    let js = t.read("out/tokens.js");
    assert!(
        js.contains("export function resolve(choice = {}) {"),
        "{js}"
    );
    let dts = t.read("out/tokens.d.ts");
    assert!(
        dts.contains("export declare function resolve(choice?: Choice): Tokens;"),
        "{dts}"
    );

    // The JS module resolves every combination as `tokens get` does.
    if Command::new("node").arg("--version").output().is_ok() {
        std::fs::copy(t.join("out/tokens.js"), t.join("out/tokens.mjs")).unwrap();
        let script = "import('./out/tokens.mjs').then((m) => { const out = {}; \
            for (const b of ['acme','verde']) for (const s of ['light','dark']) for (const d of ['comfortable','compact']) \
            out[[b,s,d].join(',')] = m.resolve({ brand: b, scheme: s, density: d }); \
            console.log(JSON.stringify(out)); })";
        let out = Command::new("node")
            .current_dir(t.path())
            .args(["-e", script])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let all: Value = serde_json::from_slice(&out.stdout).unwrap();
        for choice in every_choice() {
            let k: Vec<&str> = choice
                .iter()
                .map(|c| c.split_once('=').unwrap().1)
                .collect();
            let got = &all[k.join(",")];
            // The flat JSON output of that choice holds the same resolved values.
            t.opends([
                "export",
                "tokens",
                "--format",
                "json",
                "--mode",
                &choice.join(","),
                "--out",
                "flat",
            ])
            .success();
            let want = t.read_json("flat/tokens.json");
            assert_eq!(got["colorAccent"], want["color.accent"], "{choice:?}");
            assert_eq!(got["spaceMd"], want["space.md"], "{choice:?}");
            assert_eq!(got["colorBg"], want["color.bg"], "{choice:?}");
        }
    } else {
        // Skipped: node is not installed.
    }

    let Some(tsc) = tsc() else {
        // Skipped: no TypeScript (tests/typecheck/run.sh installs it once).
        return;
    };
    t.write(
        "use.ts",
        "import { resolve, modes, axes, type Choice, type Tokens } from './out/tokens.ts';\n\
         import * as js from './out/tokens.js';\n\
         const c: Choice = { brand: 'verde', scheme: 'dark' };\n\
         const a: Tokens = resolve(c);\n\
         const b: Tokens = js.resolve({ density: 'compact' });\n\
         const s: string = a.colorAccent + b.spaceMd;\n\
         export const all = [s, modes, axes, js.modes, js.axes.brand[0]];\n\
         // @ts-expect-error not a context of brand\n\
         resolve({ brand: 'nope' });\n\
         // @ts-expect-error not an axis\n\
         js.resolve({ contrast: 'high' });\n",
    );
    t.write(
        "tsconfig.json",
        r#"{"compilerOptions":{"target":"ES2022","module":"ESNext","moduleResolution":"Bundler","strict":true,
        "exactOptionalPropertyTypes":true,"noUncheckedIndexedAccess":true,"noUnusedLocals":true,
        "noImplicitReturns":true,"verbatimModuleSyntax":true,"isolatedModules":true,"noEmit":true,
        "allowImportingTsExtensions":true,"allowJs":false,"types":[]},"files":["use.ts"]}"#,
    );
    let out = Command::new(tsc)
        .current_dir(t.path())
        .args(["-p", "tsconfig.json", "--pretty", "false"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "tsc:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
