//! Security regression tests: generated code and exported files escape what specs and tokens hold.

use std::process::Command;

use serde_json::{Value, json};

use crate::support::Test;

const TOKENS: &str = r#"{
  "color": { "$type": "color", "text": { "$value": { "colorSpace": "srgb", "components": [0, 0, 0] } } },
  "font": { "body": { "$type": "fontFamily", "$value": ["Inter", "sans-serif"] } }
}"#;

const BANNER: &str = "name: Banner
description: Shows a message.
status: approved
element: div
props:
  - name: label
    type: string
    default: hello
  - name: tone
    type: enum
    values: [info, warning]
    default: info
slots:
  - name: default
parts:
  - name: title
    element: span
    text: { prop: label }
styles:
  color: \"{color.text}\"
";

/// A project with one approved component, `Banner`, already imported into the store.
fn project() -> Test {
    let t = Test::new()
        .file("opends.yaml", "name: t\ntokens: [tokens.json]\n")
        .file("tokens.json", TOKENS)
        .file("components/banner.yaml", BANNER);
    t.opends(["components", "list"]).success();
    t
}

/// Changes Banner's stored spec in place, the way a server push or an old store could
/// have left it (the spec file is untouched, so the store is not re-imported).
fn tamper(t: &Test, change: impl FnOnce(&mut Value)) {
    let db = rusqlite::Connection::open(t.join(".opends/opends.db")).expect("open the store");
    let text: String = db
        .query_row(
            "SELECT spec FROM components WHERE name = 'Banner'",
            [],
            |r| r.get(0),
        )
        .expect("Banner is stored");
    let mut spec: Value = serde_json::from_str(&text).expect("the stored spec is JSON");
    change(&mut spec);
    db.execute(
        "UPDATE components SET spec = ?1 WHERE name = 'Banner'",
        [spec.to_string()],
    )
    .expect("update the spec");
}

fn node_available() -> bool {
    Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Evaluates a JavaScript expression with node and returns what it printed.
fn node_eval(script: &str) -> String {
    let out = Command::new("node")
        .args(["-e", script])
        .output()
        .expect("run node");
    assert!(
        out.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn generated_prop_default_cannot_break_out_of_js_string() {
    // The attack as reported: a default that closes its string literal, stored without
    // the import checks. Generation refuses the spec and writes nothing.
    let t = project();
    let attack = "hi', pwned = (globalThis.PWNED = 1), z = '";
    tamper(&t, |spec| spec["props"][0]["default"] = json!(attack));
    t.opends(["generate", "react"])
        .code(2)
        .stderr_contains("component `Banner` cannot be generated")
        .stderr_contains("default of prop `label`");
    assert!(!t.exists("generated/react/Banner.tsx"));
    assert!(!t.exists("generated/react"), "nothing is written");

    // A default the checks accept still lands in code as an escaped literal: `</script>`
    // cannot close a single-file component's script block, and the value round-trips.
    let t = project();
    let value = "</script><script>globalThis.PWNED = 1</script> \u{2028}&amp; <!-- x";
    tamper(&t, |spec| spec["props"][0]["default"] = json!(value));
    for fw in ["react", "vue", "svelte"] {
        t.opends(["generate", fw]).success();
    }
    for (file, blocks) in [
        ("generated/vue/Banner.vue", 1),
        ("generated/svelte/Banner.svelte", 2),
    ] {
        let text = t.read(file);
        assert_eq!(
            text.matches("</script>").count(),
            blocks,
            "{file} has a `</script>` of the value:\n{text}"
        );
        assert!(!text.contains("<script>globalThis"), "{text}");
    }
    let tsx = t.read("generated/react/Banner.tsx");
    let line = tsx
        .lines()
        .find(|l| l.trim_start().starts_with("label = "))
        .unwrap_or_else(|| panic!("no `label = ` default in:\n{tsx}"));
    let literal = line
        .trim()
        .trim_start_matches("label = ")
        .trim_end_matches(',');
    assert_eq!(
        literal,
        "'\\x3C/script\\x3E\\x3Cscript\\x3EglobalThis.PWNED = 1\\x3C/script\\x3E \\u2028\\x26amp; \\x3C!-- x'"
    );
    if node_available() {
        let expected = serde_json::to_string(value).expect("a JSON string");
        let out = node_eval(&format!(
            "const v = {literal}; console.log(v === {expected} ? 'same' : 'different', globalThis.PWNED === undefined ? 'clean' : 'pwned')"
        ));
        assert_eq!(out.trim(), "same clean");
    }
}

#[test]
fn script_part_in_store_is_not_generated() {
    let t = project();
    tamper(&t, |spec| {
        spec["parts"] =
            json!([{ "name": "payload", "element": "script", "text": "globalThis.PWNED = 1" }]);
    });
    for fw in ["react", "vue", "svelte"] {
        t.opends(["generate", fw])
            .code(2)
            .stderr_contains("component `Banner` cannot be generated")
            .stderr_contains("element `script` is not supported");
        assert!(
            !t.exists(format!("generated/{fw}")),
            "{fw}: nothing is written"
        );
    }
    t.opends(["docs", "build"])
        .code(2)
        .stderr_contains("element `script` is not supported");
    assert!(!t.exists("site/components/banner.html"));
}

#[test]
fn onclick_attr_in_store_is_not_generated() {
    let t = project();
    tamper(&t, |spec| {
        spec["attrs"] = json!({ "onclick": "globalThis.PWNED = 1" });
    });
    for fw in ["react", "vue", "svelte"] {
        t.opends(["generate", fw])
            .code(2)
            .stderr_contains("component `Banner` cannot be generated")
            .stderr_contains("attribute `onclick` is not allowed");
        assert!(
            !t.exists(format!("generated/{fw}")),
            "{fw}: nothing is written"
        );
    }
}

#[test]
fn style_value_cannot_close_style_block() {
    let t = project();
    tamper(&t, |spec| {
        spec["styles"]["color"] = json!("red;}</style><script>globalThis.PWNED = 1</script>");
    });
    for fw in ["react", "vue", "svelte"] {
        t.opends(["generate", fw])
            .code(2)
            .stderr_contains("component `Banner` cannot be generated")
            .stderr_contains("may not contain `;`, `<`, `>`");
        assert!(
            !t.exists(format!("generated/{fw}")),
            "{fw}: nothing is written"
        );
    }
    t.opends(["docs", "build"])
        .code(2)
        .stderr_contains("may not contain `;`, `<`, `>`");
    assert!(!t.exists("site"));
}

#[test]
fn description_cannot_close_script_or_comment() {
    let t = project();
    let text = "Ends --> here </script><script>globalThis.PWNED = 1</script> --!> */ x";
    tamper(&t, |spec| {
        spec["description"] = json!(text);
        spec["props"][0]["description"] = json!(text);
        spec["accessibility"] = json!({ "keyboard": [text] });
    });
    for fw in ["react", "vue", "svelte"] {
        t.opends(["generate", fw]).success();
    }
    // (file, its own `</script>`s, its own comment ends: `-->` of the header and doc comment)
    for (file, scripts, comment_ends) in [
        ("generated/vue/Banner.vue", 1, 2),
        ("generated/svelte/Banner.svelte", 2, 2),
        ("generated/react/Banner.tsx", 0, 0),
        ("generated/vue/index.ts", 0, 0),
        ("generated/svelte/index.ts", 0, 0),
        ("generated/react/README.md", 0, 1),
    ] {
        let out = t.read(file);
        assert!(out.contains("Ends"), "{file} shows the description:\n{out}");
        // `<script>` may stay as text inside a comment; only the end tag ends a block.
        assert_eq!(out.matches("</script>").count(), scripts, "{file}:\n{out}");
        assert_eq!(
            out.matches("-->").count() + out.matches("--!>").count(),
            comment_ends,
            "{file}:\n{out}"
        );
        // No description closes a JS doc comment early.
        for line in out.lines().filter(|l| l.contains("Ends")) {
            let own = usize::from(line.trim_start().starts_with("/**"));
            assert_eq!(line.matches("*/").count(), own, "{file}: {line}");
        }
    }
    t.opends(["docs", "build"]).success();
    let page = t.read("site/components/banner.html");
    assert!(page.contains("Ends"), "{page}");
    assert!(!page.contains("<script>globalThis"), "{page}");

    // The site's search index (a script loaded by `<script src>`) holds no `<` at all.
    let t = project();
    tamper(&t, |spec| {
        spec["name"] = json!("Banner <!-- </script><script>x</script>");
    });
    t.opends(["docs", "build"]).success();
    let index = t.read("site/index.html");
    assert!(!index.contains("<script>x"), "{index}");
    let json_text = t.read("site/assets/search-1.js");
    assert!(json_text.contains("Banner"), "{json_text}");
    assert!(!json_text.contains('<'), "{json_text}");
}

#[test]
fn font_family_newline_cannot_inject_css() {
    let attack =
        "Evil\n}body{background:url(https://attacker.example/x)}\n:root{--x: \"a\\\" #{1+1} @{x}";
    let tokens = json!({
        "font": { "body": { "$type": "fontFamily", "$value": [attack, "sans-serif"] } }
    });
    let t = Test::new().file("tokens.json", tokens.to_string());
    t.opends([
        "export",
        "tokens",
        "--input",
        "tokens.json",
        "--format",
        "css",
        "--format",
        "scss",
        "--format",
        "less",
        "--format",
        "tailwind",
        "--out",
        "dist",
    ])
    .success();
    for file in [
        "dist/tokens.css",
        "dist/_tokens.scss",
        "dist/tokens.less",
        "dist/tailwind.css",
    ] {
        let out = t.read(file);
        let decl = out
            .lines()
            .find(|l| l.contains("font-body"))
            .unwrap_or_else(|| panic!("{file} has no font-body:\n{out}"));
        assert_eq!(
            decl.split_once(": ").map(|(_, v)| v),
            Some(
                "\"Evil\\a }body{background:url(https://attacker.example/x)}\\a :root{--x: \\\"a\\\\\\\" \\23 {1+1} \\40 {x}\", sans-serif;"
            ),
            "{file}:\n{out}"
        );
        assert!(
            !out.lines()
                .any(|l| l.starts_with("}body") || l.starts_with(":root{")),
            "{file}: a declaration was injected:\n{out}"
        );
    }
}

#[test]
fn generate_refuses_to_overwrite_hand_written_file() {
    let t = project();
    t.write(
        "generated/react/Banner.tsx",
        "// my own banner\nexport const Banner = 1\n",
    );
    t.write("generated/react/index.ts", "// hand-written index\n");
    let out = t.opends(["generate", "react"]).code(2);
    out.stderr_contains("did not write")
        .stderr_contains("Banner.tsx")
        .stderr_contains("index.ts")
        .stderr_contains("--force");
    assert_eq!(
        t.read("generated/react/Banner.tsx"),
        "// my own banner\nexport const Banner = 1\n"
    );
    assert!(
        !t.exists("generated/react/Banner.module.css"),
        "nothing is written when a file is refused"
    );
    // --force overwrites.
    t.opends(["generate", "react", "--force"]).success();
    assert!(
        t.read("generated/react/Banner.tsx")
            .contains("Generated by opends")
    );
    // Files opends wrote are replaced without --force.
    let spec = t
        .read("components/banner.yaml")
        .replace("Shows a message.", "Shows news.");
    t.write("components/banner.yaml", spec);
    t.opends(["generate", "react"]).success();
    assert!(t.read("generated/react/Banner.tsx").contains("Shows news."));
}

#[test]
fn export_refuses_to_overwrite_hand_written_file() {
    let t = project();
    t.write("dist/tokens.css", ":root { --mine: 1px; }\n");
    t.write("dist/tokens.json", "{\"mine\": true}\n");
    t.opends([
        "export", "tokens", "--format", "css", "--format", "json", "--format", "js",
    ])
    .code(2)
    .stderr_contains("did not write")
    .stderr_contains("tokens.css")
    .stderr_contains("tokens.json")
    .stderr_contains("--force");
    assert_eq!(t.read("dist/tokens.css"), ":root { --mine: 1px; }\n");
    assert_eq!(t.read("dist/tokens.json"), "{\"mine\": true}\n");
    assert!(
        !t.exists("dist/tokens.js"),
        "nothing is written when a file is refused"
    );
    t.opends([
        "export", "tokens", "--format", "css", "--format", "json", "--format", "js", "--force",
    ])
    .success();
    assert!(t.read("dist/tokens.css").contains("--color-text"));
    // Files opends wrote (also JSON, which has no header) are replaced without --force.
    t.write("tokens.json", TOKENS.replace("[0, 0, 0]", "[1, 1, 1]"));
    t.opends([
        "export", "tokens", "--format", "css", "--format", "json", "--format", "js",
    ])
    .success();
    assert!(
        t.read("dist/tokens.json").contains("#ffffff"),
        "{}",
        t.read("dist/tokens.json")
    );
}

#[test]
fn generate_writes_through_temp_and_rename() {
    let t = project();
    t.opends(["generate", "react"]).success();
    let before = t.read("generated/react/Banner.tsx");
    let spec = t
        .read("components/banner.yaml")
        .replace("Shows a message.", "Shows news.");
    t.write("components/banner.yaml", spec);
    // Writing Banner.tsx fails after its temp file was written: the old file stays whole
    // and no temp file is left behind.
    t.opends_env(
        ["generate", "react"],
        &[("OPENDS_TEST_FAIL", "write:Banner.tsx")],
    )
    .code(2)
    .stderr_contains("Banner.tsx");
    assert_eq!(t.read("generated/react/Banner.tsx"), before);
    let leftovers = |t: &Test| -> Vec<String> {
        t.tree()
            .into_iter()
            .filter(|f| {
                std::path::Path::new(f)
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("tmp"))
            })
            .collect()
    };
    assert_eq!(leftovers(&t), Vec::<String>::new());
    // A new file that fails never appears, not even empty or in part.
    t.opends_env(
        ["generate", "vue"],
        &[("OPENDS_TEST_FAIL", "write:Banner.vue")],
    )
    .code(2);
    assert!(!t.exists("generated/vue/Banner.vue"));
    assert_eq!(leftovers(&t), Vec::<String>::new());
    // Success leaves no temp files either.
    t.opends(["generate", "react"]).success();
    t.opends(["generate", "vue"]).success();
    assert!(t.read("generated/react/Banner.tsx").contains("Shows news."));
    assert_eq!(leftovers(&t), Vec::<String>::new());
    t.opends(["export", "tokens", "--format", "css", "--format", "json"])
        .success();
    assert_eq!(leftovers(&t), Vec::<String>::new());
}

#[test]
fn docs_build_refuses_to_overwrite_hand_written_file() {
    let t = project();
    t.write("site/index.html", "<p>my own page</p>\n");
    t.opends(["docs", "build"])
        .code(2)
        .stderr_contains("did not write")
        .stderr_contains("index.html")
        .stderr_contains("--force");
    assert_eq!(t.read("site/index.html"), "<p>my own page</p>\n");
    assert!(
        !t.exists("site/assets"),
        "nothing is written when a file is refused"
    );
    t.opends(["docs", "build", "--force"]).success();
    assert!(t.read("site/index.html").contains("content=\"opends "));
    // The site's own pages and assets are rebuilt without --force.
    let spec = t
        .read("components/banner.yaml")
        .replace("Shows a message.", "Shows news.");
    t.write("components/banner.yaml", spec);
    t.opends(["docs", "build"]).success();
    assert!(
        t.read("site/components/banner.html")
            .contains("Shows news.")
    );
}

#[test]
fn declared_json_output_is_replaced_on_a_fresh_clone_but_never_an_input() {
    // A JSON output listed in opends.yaml and committed: a fresh clone has no record of
    // writing it, and JSON holds no header, yet the project file names it as an output.
    let t = Test::new()
        .file(
            "opends.yaml",
            "name: t\ntokens: [tokens.json]\noutputs:\n  - { format: json, path: dist/tokens.json }\n",
        )
        .file("tokens.json", TOKENS)
        .file("dist/tokens.json", "{\"from\": \"an older export\"}\n");
    t.opends(["export", "tokens"]).success();
    assert!(t.read("dist/tokens.json").contains("#000000"));
    // An output pointed at the project's own token file is refused, whatever opends.yaml says.
    t.write(
        "opends.yaml",
        "name: t\ntokens: [tokens.json]\noutputs:\n  - { format: json, path: tokens.json }\n",
    );
    t.opends(["export", "tokens"])
        .code(2)
        .stderr_contains("did not write")
        .stderr_contains("tokens.json");
    assert_eq!(t.read("tokens.json"), TOKENS);
}

/// `javascript:` and friends, spelled the ways a browser would still read as a scheme.
const SCRIPT_URLS: [&str; 6] = [
    "javascript:globalThis.PWNED=1",
    " JaVa\tscript:globalThis.PWNED=1",
    "\u{1}java\nscript:globalThis.PWNED=1",
    "&#106;avascript&colon;globalThis.PWNED=1",
    "data:text/html,<b>x</b>",
    "VBScript:msgbox(1)",
];

#[test]
fn script_url_in_store_is_not_generated() {
    for url in SCRIPT_URLS {
        let t = project();
        tamper(&t, |spec| {
            spec["parts"] = json!([{ "name": "link", "element": "a", "attrs": { "href": url } }]);
        });
        for fw in ["react", "vue", "svelte"] {
            t.opends(["generate", fw])
                .code(2)
                .stderr_contains("component `Banner` cannot be generated")
                .stderr_contains("element `a` of `link`: attribute `href`")
                .stderr_contains("only http, https, mailto, tel and relative URLs");
            assert!(
                !t.exists(format!("generated/{fw}")),
                "{fw}: nothing is written for {url:?}"
            );
        }
    }
    // The same through a prop bound to `src`: its default is a fixed URL too.
    let t = project();
    tamper(&t, |spec| {
        spec["props"][0]["default"] = json!("javascript:globalThis.PWNED=1");
        spec["parts"] =
            json!([{ "name": "pic", "element": "img", "attrs": { "src": { "prop": "label" } } }]);
    });
    t.opends(["generate", "react"])
        .code(2)
        .stderr_contains("attribute `src` (the default of prop `label`)");
    t.opends(["docs", "build"])
        .code(2)
        .stderr_contains("attribute `src`");
}

#[test]
fn web_urls_are_generated() {
    let t = project();
    tamper(&t, |spec| {
        spec["parts"] = json!([
            { "name": "link", "element": "a", "attrs": { "href": "https://example.com/a?b=1&c=2" } },
            { "name": "mail", "element": "a", "attrs": { "href": "mailto:team@example.com" } },
            { "name": "top", "element": "a", "attrs": { "href": "#top" } },
        ]);
    });
    for fw in ["react", "vue", "svelte"] {
        t.opends(["generate", fw]).success();
    }
    let tsx = t.read("generated/react/Banner.tsx");
    assert!(tsx.contains("https://example.com/a?b=1&amp;c=2"), "{tsx}");
    assert!(tsx.contains("mailto:team@example.com"), "{tsx}");
}

#[test]
fn script_url_in_spec_file_is_not_imported() {
    let spec = "name: Link
element: a
attrs:
  href: \" JaVa\\tscript:alert(1)\"
parts:
  - name: icon
    element: span
    attrs:
      data-x: ok
";
    let t = Test::new()
        .file("opends.yaml", "name: t\ntokens: [tokens.json]\n")
        .file("tokens.json", TOKENS)
        .file("link.yaml", spec);
    t.opends(["components", "import", "link.yaml"])
        .code(2)
        .stderr_contains("link.yaml:4:")
        .stderr_contains("component `Link`, element `a` of `root`: attribute `href` uses the URL scheme `javascript:`");
}

/// True when `s` holds a bidi embedding, override or isolate control.
fn has_bidi(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
}

#[test]
fn bidi_controls_are_not_written_raw_into_generated_code() {
    let t = project();
    let text = "admin\u{202E} \u{2066}// is checked\u{2069}\u{2067} x";
    tamper(&t, |spec| {
        spec["description"] = json!(text);
        spec["props"][0]["description"] = json!(text);
        spec["props"][0]["default"] = json!(text);
        spec["accessibility"] = json!({ "keyboard": [text] });
    });
    for fw in ["react", "vue", "svelte"] {
        t.opends(["generate", fw]).success();
        for (file, out) in t.files_under(format!("generated/{fw}")) {
            assert!(!has_bidi(&out), "{file} holds a raw bidi control:\n{out}");
        }
    }
}

#[test]
fn tokens_js_comments_and_values_cannot_end_a_script_block() {
    let tokens = serde_json::json!({
        "font": {"$type": "fontFamily", "body": {
            "$value": "Inter</script><script>globalThis.PWNED=1</script>\u{2028}\u{202E}x",
            "$description": "a */ b </script><script>globalThis.PWNED=1</script>\u{2028}c\u{2029}d\u{202E}e",
            "$deprecated": "use </script> \u{2028} instead */"
        }}
    });
    let t = Test::new().file("t.json", tokens.to_string());
    for format in ["js", "ts"] {
        t.opends([
            "export", "tokens", "--input", "t.json", "--format", format, "--out", "out",
        ])
        .success();
    }
    for (file, out) in t.files_under("out") {
        assert!(
            out.contains("PWNED"),
            "{file} shows the description:\n{out}"
        );
        assert!(!out.contains("</script"), "{file}:\n{out}");
        assert!(!out.contains(['\u{2028}', '\u{2029}']), "{file}:\n{out}");
        assert!(!has_bidi(&out), "{file}:\n{out}");
        for line in out.lines().filter(|l| l.trim_start().starts_with("/**")) {
            assert_eq!(line.matches("*/").count(), 1, "{file}: {line}");
        }
    }
    if node_available() {
        // The module loads, and nothing in it ran.
        let mjs = t.join("out/tokens.mjs");
        std::fs::copy(t.join("out/tokens.js"), &mjs).expect("copy the module");
        let out = node_eval(&format!(
            "import({:?}).then(m => console.log(Object.keys(m).length > 0 ? 'loaded' : 'empty', globalThis.PWNED === undefined ? 'clean' : 'pwned'))",
            format!("file://{}", mjs.display())
        ));
        assert_eq!(out.trim(), "loaded clean");
    }
}

#[test]
fn tokens_studio_font_families_of_aliases_export_their_families() {
    let studio = serde_json::json!({
        "global": {
            "a0": {"value": "Inter, sans-serif", "type": "fontFamilies"},
            "a1": {"value": "{global.a0}, {global.a0}", "type": "fontFamilies"}
        }
    });
    let t = Test::new().file("t.json", studio.to_string());
    t.opends([
        "export", "tokens", "--input", "t.json", "--format", "json", "--out", "out",
    ])
    .success();
    let out: Value = serde_json::from_str(&t.read("out/tokens.json")).expect("json");
    let text = out.to_string();
    assert!(
        text.contains("Inter, sans-serif, Inter, sans-serif"),
        "{text}"
    );
}
