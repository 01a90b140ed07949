//! `opends export tokens` with theme axes (brand x scheme x density): the DTCG resolver
//! output reads back as the same tokens in every combination; SCSS, Less, JS, TS and
//! Tailwind carry every context (the TS output through the TypeScript compiler when the
//! pinned tools of `tests/typecheck/run.sh` are installed).

use std::collections::BTreeMap;
use std::fmt::Write as _;
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
    // Less keeps the first value mixins give a variable: a combination's mixin declares
    // its own values and calls its keys' mixins from the last to the first.
    assert!(
        less.contains(
            "// brand=verde,scheme=dark,density=compact\n\
             .theme-brand-verde-scheme-dark-density-compact() {\n  \
             @color-accent: #d9fa63;\n  \
             .theme-density-compact();\n  \
             .theme-scheme-dark();\n  \
             .theme-brand-verde();\n}"
        ),
        "{less}"
    );
    assert!(
        less.contains("// scheme=dark\n.theme-scheme-dark() {"),
        "{less}"
    );
    assert!(
        less.contains(".theme-brand-acme-scheme-light-density-comfortable() {\n}"),
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

/// A tool of the pinned set `tests/typecheck/run.sh` installs (`node_modules/.bin/NAME`),
/// if it is there. With `OPENDS_REQUIRE_NODE_TOOLS=1` a missing tool fails the test
/// instead of skipping its check.
fn node_tool(name: &str) -> Option<PathBuf> {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| crate_root().join("target"), PathBuf::from);
    let dir =
        std::env::var_os("TYPECHECK_DIR").map_or_else(|| target.join("typecheck"), PathBuf::from);
    let tool = dir.join("node_modules/.bin").join(name);
    if tool.exists() {
        return Some(tool);
    }
    assert!(
        !require_node_tools(),
        "OPENDS_REQUIRE_NODE_TOOLS=1 but {} is missing: run tests/typecheck/run.sh",
        tool.display()
    );
    None
}

fn require_node_tools() -> bool {
    std::env::var_os("OPENDS_REQUIRE_NODE_TOOLS").is_some_and(|v| v == "1")
}

/// Whether `node` runs; with `OPENDS_REQUIRE_NODE_TOOLS=1` it must.
fn has_node() -> bool {
    let ok = Command::new("node").arg("--version").output().is_ok();
    assert!(
        ok || !require_node_tools(),
        "OPENDS_REQUIRE_NODE_TOOLS=1 but node is not installed"
    );
    ok
}

/// Runs a compiler in `t`'s directory; its standard output.
fn compile(t: &Test, tool: &PathBuf, args: &[&str]) -> String {
    let out = Command::new(tool)
        .current_dir(t.path())
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{} {args:?}:\n{}{}",
        tool.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The declarations of each rule of compiled CSS (`.sel { name: value; }`), by selector.
fn css_rules(css: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for block in css.split('}') {
        let Some((selector, body)) = block.split_once('{') else {
            continue;
        };
        let decls = body
            .split(';')
            .filter_map(|d| d.split_once(':'))
            .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
            .collect();
        out.insert(selector.trim().to_string(), decls);
    }
    out
}

/// The flat JSON export of a choice: token path -> value.
fn flat(t: &Test, choice: &[String]) -> serde_json::Map<String, Value> {
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
    t.read_json("flat/tokens.json").as_object().unwrap().clone()
}

/// A CSS class for a choice (`c-verde-dark-compact`).
fn class(choice: &[String]) -> String {
    let contexts: Vec<&str> = choice
        .iter()
        .map(|c| c.split_once('=').unwrap().1)
        .collect();
    format!("c-{}", contexts.join("-"))
}

/// Compares every token of every choice in compiled CSS with the flat JSON export.
fn assert_every_choice(t: &Test, format: &str, css: &str) {
    let rules = css_rules(css);
    for choice in every_choice() {
        let want = flat(t, &choice);
        let got = &rules[&format!(".{}", class(&choice))];
        assert_eq!(got.len(), want.len(), "{format} {choice:?}: {got:?}");
        for (path, v) in &want {
            let name = path.replace('.', "-");
            assert_eq!(
                got.get(&name).map(String::as_str),
                v.as_str(),
                "{format}: {path} in {choice:?}"
            );
        }
    }
}

#[test]
fn scss_and_less_compile_to_each_combination_values_as_documented() {
    let t = project();
    t.opends([
        "export", "tokens", "--format", "scss", "--format", "less", "--out", "out",
    ])
    .success();
    let names: Vec<String> = flat(&t, &[]).keys().map(|p| p.replace('.', "-")).collect();
    if !has_node() {
        return; // Skipped: node is not installed.
    }

    // SCSS, as its comment says: the base variables, then the maps in order (a later
    // entry wins), a combination's entry applying when every part of it is chosen.
    if let Some(sass) = node_tool("sass") {
        let mut scss = String::from(
            "@use \"sass:list\";\n@use \"sass:map\";\n@use \"sass:string\";\n\
             @use \"out/tokens\" as t;\n\
             @function chosen($key, $choice) {\n\
               @each $part in string.split($key, \",\") {\n\
                 $ac: string.split($part, \"=\");\n\
                 @if map.get($choice, list.nth($ac, 1)) != list.nth($ac, 2) { @return false; }\n\
               }\n\
               @return true;\n\
             }\n\
             @function token($name, $value, $choice) {\n\
               @each $axis, $map in (\"brand\": t.$theme-brand, \"scheme\": t.$theme-scheme, \"density\": t.$theme-density) {\n\
                 $ctx: map.get($map, map.get($choice, $axis));\n\
                 @if $ctx and map.has-key($ctx, $name) { $value: map.get($ctx, $name); }\n\
               }\n\
               @each $key, $values in t.$theme-combinations {\n\
                 @if chosen($key, $choice) and map.has-key($values, $name) { $value: map.get($values, $name); }\n\
               }\n\
               @return $value;\n\
             }\n",
        );
        for choice in every_choice() {
            let pairs: Vec<String> = choice
                .iter()
                .map(|c| {
                    let (a, x) = c.split_once('=').unwrap();
                    format!("\"{a}\": \"{x}\"")
                })
                .collect();
            let _ = writeln!(
                scss,
                ".{} {{\n  $c: ({});",
                class(&choice),
                pairs.join(", ")
            );
            for n in &names {
                let _ = writeln!(scss, "  {n}: token(\"{n}\", t.${n}, $c);");
            }
            scss.push_str("}\n");
        }
        t.write("use.scss", &scss);
        let css = compile(&t, &sass, &["--no-source-map", "use.scss"]);
        assert_every_choice(&t, "scss", &css);
    }

    // Less, as its comment says: inside a rule, call the mixin of the combination chosen
    // (the key is written above each mixin).
    if let Some(lessc) = node_tool("lessc") {
        let less = t.read("out/tokens.less");
        let mixins: BTreeMap<&str, &str> = less
            .lines()
            .zip(less.lines().skip(1))
            .filter_map(|(comment, mixin)| {
                let key = comment.strip_prefix("// ")?;
                let name = mixin.strip_suffix(" {")?;
                name.starts_with(".theme-").then_some((key, name))
            })
            .collect();
        let mut sheet = String::from("@import \"out/tokens.less\";\n");
        for choice in every_choice() {
            let mixin = mixins[choice.join(",").as_str()];
            let _ = writeln!(sheet, ".{} {{\n  {mixin};", class(&choice));
            for n in &names {
                let _ = writeln!(sheet, "  {n}: @{n};");
            }
            sheet.push_str("}\n");
        }
        t.write("use.less", &sheet);
        let css = compile(&t, &lessc, &["use.less"]);
        assert_every_choice(&t, "less", &css);
    }
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
    if has_node() {
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

    let Some(tsc) = node_tool("tsc") else {
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

/// A combination written in the project that the combination check also needs an entry
/// for: one key in every output (an SCSS map or a JS object cannot hold a key twice).
#[test]
fn a_written_combination_is_one_key_in_scss_less_and_js() {
    let t = Test::new()
        .file(
            "tokens/base.json",
            r##"{"c": {"$type": "color", "b": {"$value": "#111111"}, "t": {"$value": "#ffffff"}, "u": {"$value": "#000000"}}}"##,
        )
        .file(
            "tokens/verde.json",
            r#"{"c": {"$type": "color", "t": {"$value": "{c.b}"}}}"#,
        )
        .file(
            "tokens/dark.json",
            r##"{"c": {"$type": "color", "b": {"$value": "#eeeeee"}}}"##,
        )
        .file(
            "tokens/verde-dark.json",
            r##"{"c": {"$type": "color", "u": {"$value": "#123456"}}}"##,
        )
        .file(
            "opends.yaml",
            "name: dup\ntokens: [tokens/base.json]\naxes:\n  brand:\n    acme: []\n    verde: [tokens/verde.json]\n  \
             scheme:\n    light: []\n    dark: [tokens/dark.json]\n\
             combinations:\n  brand=verde,scheme=dark: [tokens/verde-dark.json]\n",
        );
    t.opends([
        "export", "tokens", "--format", "scss", "--format", "less", "--format", "js", "--out",
        "out",
    ])
    .success();
    let scss = t.read("out/_tokens.scss");
    assert_eq!(
        scss.matches("\"brand=verde,scheme=dark\": (").count(),
        1,
        "{scss}"
    );
    assert!(
        scss.contains(
            "  \"brand=verde,scheme=dark\": (\n    \"c-t\": #eeeeee,\n    \"c-u\": #123456,\n  ),"
        ),
        "{scss}"
    );
    let less = t.read("out/tokens.less");
    assert!(
        less.contains(
            ".theme-brand-verde-scheme-dark() {\n  @c-t: #eeeeee;\n  @c-u: #123456;\n  \
             .theme-scheme-dark();\n  .theme-brand-verde();\n}"
        ),
        "{less}"
    );
    let js = t.read("out/tokens.js");
    assert_eq!(
        js.matches("\"brand=verde,scheme=dark\":").count(),
        1,
        "{js}"
    );
    assert!(
        js.contains("  \"brand=verde,scheme=dark\": {\n    \"cT\": \"#eeeeee\",\n    \"cU\": \"#123456\"\n  }"),
        "{js}"
    );
    if let Some(sass) = node_tool("sass") {
        t.write(
            "use.scss",
            "@use \"sass:map\";\n@use \"out/tokens\" as t;\n\
             .x { u: map.get(t.$theme-combinations, \"brand=verde,scheme=dark\", \"c-u\"); }\n",
        );
        let css = compile(&t, &sass, &["--no-source-map", "use.scss"]);
        assert!(css.contains("u: #123456;"), "{css}");
    }
}
