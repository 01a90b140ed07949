//! Components and code generation: import checks (nothing written on bad specs), review
//! commands, token usage, generated output per framework, template overrides, `--check`
//! and `--watch`.

use std::io::Read as _;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::support::{Test, fixture};

fn project() -> Test {
    Test::new().copy_dir(fixture("components"), ".")
}

#[test]
fn components_are_imported_from_the_project_and_listed() {
    let t = project();
    let out = t.opends(["components", "list", "--json"]).success().json();
    let names: Vec<&str> = out
        .as_array()
        .expect("a list")
        .iter()
        .map(|c| c["name"].as_str().expect("a name"))
        .collect();
    assert_eq!(names, ["Button", "chip"]);
    assert_eq!(out[0]["status"], json!("approved"));
    assert_eq!(out[1]["status"], json!("draft"));
}

#[test]
fn a_bad_spec_reports_file_line_and_name_and_writes_nothing() {
    let t = project();
    t.opends(["components", "list"]).success();
    let before = t.opends(["components", "list", "--json"]).success().json();
    t.write(
        "more/broken.yaml",
        "name: Broken\nprops:\n  - name: size\n    type: enum\n    values: [sm]\nvariants:\n  - name: big\n    when: { colour: red }\nstyles:\n  color: \"{color.nope}\"\n",
    );
    let out = t
        .opends([
            "components",
            "import",
            "more/broken.yaml",
            "components/button.yaml",
        ])
        .code(2);
    out.stderr_contains("more/broken.yaml:8:")
        .stderr_contains("`colour`")
        .stderr_contains("{color.nope}");
    let after = t.opends(["components", "list", "--json"]).success().json();
    assert_eq!(before, after, "a failed import changed the store");
}

#[test]
fn a_yaml_syntax_error_names_the_line() {
    let t = project();
    t.write("bad.yaml", "name: X\nprops: [\n");
    t.opends(["components", "import", "bad.yaml"])
        .code(2)
        .stderr_contains("bad.yaml:");
}

#[test]
fn unsafe_names_are_refused_not_injected() {
    let t = project();
    t.write(
        "evil.yaml",
        "name: Evil\nprops:\n  - name: class\n    type: string\n",
    );
    t.opends(["components", "import", "evil.yaml"])
        .code(2)
        .stderr_contains("reserved word");
}

#[test]
fn approve_and_deprecate_record_who_and_when_and_survive_reimport() {
    let t = project().env("OPENDS_AUTHOR", "Ada <ada@example.com>");
    t.opends(["components", "approve", "chip"]).success();
    t.opends(["components", "deprecate", "Button", "--reason", "use Chip"])
        .success();
    // Editing the spec file re-imports it; the review stays.
    let spec = t
        .read("components/button.yaml")
        .replace("Triggers", "Starts");
    t.write("components/button.yaml", spec);
    let out = t
        .opends(["components", "show", "Button", "--json"])
        .success()
        .json();
    assert_eq!(out["status"], json!("deprecated"));
    assert_eq!(out["description"], json!("Starts an action."));
    assert_eq!(out["review"]["by"], json!("Ada <ada@example.com>"));
    assert_eq!(out["review"]["reason"], json!("use Chip"));
    assert!(
        out["review"]["at"]
            .as_str()
            .is_some_and(|s| s.ends_with('Z'))
    );
    let chip = t
        .opends(["components", "show", "chip", "--json"])
        .success()
        .json();
    assert_eq!(chip["status"], json!("approved"));
}

#[test]
fn token_usage_and_rm_refusal() {
    let t = project();
    let uses = t
        .opends(["tokens", "usage", "color", "--json"])
        .success()
        .json();
    assert!(
        uses.as_array()
            .expect("a list")
            .iter()
            .any(|u| u["component"] == json!("Button")
                && u["token"] == json!("color.brand-dark")
                && u["property"] == json!("variants.primary.states.hover.background")),
        "{uses}"
    );
    t.opends(["tokens", "rm", "space.md"])
        .code(2)
        .stderr_contains("Button");
}

#[test]
fn generate_skips_drafts_and_writes_each_framework() {
    let t = project();
    for fw in ["vue", "react", "svelte"] {
        t.opends(["generate", fw]).success();
    }
    assert!(t.exists("generated/vue/Button.vue"));
    assert!(!t.exists("generated/vue/Chip.vue"), "drafts are skipped");
    assert!(t.exists("generated/react/Button.tsx"));
    assert!(t.exists("generated/react/Button.module.css"));
    assert!(t.exists("generated/svelte/Button.svelte"));
    for fw in ["vue", "react", "svelte"] {
        assert!(t.exists(format!("generated/{fw}/index.ts")));
        assert!(t.exists(format!("generated/{fw}/README.md")));
    }
    let vue = t.read("generated/vue/Button.vue");
    assert!(vue.contains("var(--color-brand)"), "{vue}");
    assert!(vue.contains("var(--space-sm) var(--space-md)"), "{vue}");
    t.opends(["generate", "vue", "--include-drafts"]).success();
    assert!(t.exists("generated/vue/Chip.vue"));
}

#[test]
fn generated_output_snapshots() {
    let t = project();
    for fw in ["vue", "react", "svelte"] {
        t.opends(["generate", fw, "--out", &format!("out/{fw}")])
            .success();
        for (name, text) in t.files_under(format!("out/{fw}")) {
            insta::assert_snapshot!(
                format!("generate_{fw}_{}", name.replace(['/', '.'], "_")),
                text
            );
        }
    }
}

#[test]
fn second_run_writes_nothing_and_check_reports_stale_files() {
    let t = project();
    t.opends(["generate", "react"]).success();
    let before = t.mtime("generated/react/Button.tsx");
    let out = t.opends(["generate", "react", "--json"]).success().json();
    assert!(
        out["files"]
            .as_array()
            .expect("files")
            .iter()
            .all(|f| f["status"] == json!("unchanged")),
        "{out}"
    );
    assert_eq!(t.mtime("generated/react/Button.tsx"), before);
    t.opends(["generate", "react", "--check"]).success();
    // A token change does not touch component files (they use var()), a spec change does.
    let spec = t
        .read("components/button.yaml")
        .replace("{space.sm} {space.md}", "{space.md}");
    t.write("components/button.yaml", spec);
    t.opends(["generate", "react", "--check"])
        .code(1)
        .stderr_contains("Button.module.css");
    assert_eq!(
        t.mtime("generated/react/Button.tsx"),
        before,
        "--check wrote"
    );
}

#[test]
fn removed_components_lose_their_generated_files() {
    let t = project();
    t.opends(["generate", "vue", "--include-drafts"]).success();
    assert!(t.exists("generated/vue/Chip.vue"));
    t.opends(["generate", "vue"]).success();
    assert!(!t.exists("generated/vue/Chip.vue"));
}

#[test]
fn a_project_template_overrides_the_builtin_one() {
    let t = project();
    let yaml = format!("{}templates: my-templates\n", t.read("opends.yaml"));
    t.write("opends.yaml", yaml);
    t.write(
        "my-templates/vue/index.ts.hbs",
        "// {{header}}\n{{#each components}}export { default as {{name}} } from './{{name}}.vue' // custom\n{{/each}}",
    );
    t.opends(["generate", "vue"]).success();
    assert!(t.read("generated/vue/index.ts").contains("// custom"));
    let list = t
        .opends(["templates", "list", "vue", "--json"])
        .success()
        .json();
    assert!(list.to_string().contains("my-templates"), "{list}");
}

#[test]
fn a_template_error_names_the_file_and_line() {
    let t = project();
    let yaml = format!("{}templates: tpl\n", t.read("opends.yaml"));
    t.write("opends.yaml", yaml);
    t.write(
        "tpl/svelte/index.ts.hbs",
        "line one\n{{#each components}}\n{{name}\n",
    );
    t.opends(["generate", "svelte"])
        .code(2)
        .stderr_contains("tpl/svelte/index.ts.hbs");
}

#[test]
fn eject_copies_the_builtins_and_keeps_edits() {
    let t = project();
    t.opends(["templates", "eject", "react"]).success();
    assert!(t.exists("templates/react/component.tsx.hbs"));
    t.write("templates/react/index.ts.hbs", "edited");
    t.opends(["templates", "eject", "react"])
        .success()
        .stderr_contains("--force");
    assert_eq!(t.read("templates/react/index.ts.hbs"), "edited");
}

/// Waits (up to 20 s) until `cond` holds, polling the file system.
fn eventually(what: &str, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if cond() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out waiting for {what}");
}

#[test]
fn watch_regenerates_after_a_token_file_edit_and_stops_cleanly() {
    let t = project();
    let mut child = t
        .command(["export", "tokens", "--watch"])
        .spawn()
        .expect("start opends --watch");
    eventually("the first export", || {
        t.exists("dist/tokens.css") && t.read("dist/tokens.css").contains("#3366cc")
    });
    let tokens = t
        .read("tokens.json")
        .replace("#3366cc\" }", "#3366cc\" }, \"$description\": \"x\"");
    let tokens = tokens.replace(
        "[0.2, 0.4, 0.8], \"hex\": \"#3366cc\"",
        "[1, 0, 0], \"hex\": \"#ff0000\"",
    );
    t.write("tokens.json", tokens);
    eventually("the re-export", || {
        t.read("dist/tokens.css").contains("#ff0000")
    });
    // A bad edit is reported and the watcher keeps going.
    t.write("tokens.json", "{ not json");
    std::thread::sleep(Duration::from_millis(400));
    assert!(
        child.try_wait().expect("poll").is_none(),
        "the watcher exited on a bad edit"
    );
    let fixed =
        std::fs::read_to_string(fixture("components").join("tokens.json")).expect("fixture");
    t.write("tokens.json", fixed);
    eventually("recovery", || t.read("dist/tokens.css").contains("#3366cc"));
    // SIGTERM (like Ctrl-C) ends it cleanly.
    let pid = child.id().to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    let status = child.wait().expect("wait");
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut stderr).ok();
    }
    assert!(status.success(), "exit {status:?}; stderr:\n{stderr}");
    assert!(stderr.contains("invalid JSON"), "{stderr}");
}

#[test]
fn the_docs_site_has_a_page_per_group_component_and_the_changelog() {
    let t = Test::new()
        .copy_dir(crate::support::crate_root().join("examples/acme/tokens"), "tokens")
        .copy_dir(crate::support::crate_root().join("examples/acme/components"), "components")
        .file(
            "opends.yaml",
            "name: acme\ntokens: [tokens/core, tokens/semantic]\nmodes:\n  light: []\n  dark: [tokens/modes/dark.json]\n",
        )
        .env("OPENDS_AUTHOR", "Docs");
    t.opends(["release", "--yes", "--allow-drafts", "-m", "First"])
        .success();
    t.opends(["docs", "build"])
        .success()
        .stderr_contains("site");
    for page in [
        "index.html",
        "tokens/color.html",
        "tokens/space.html",
        "components/button.html",
        "changelog.html",
        "assets/tokens.css",
        "assets/site.js",
    ] {
        assert!(t.exists(format!("site/{page}")), "{page}: {:?}", t.tree());
    }
    let color = t.read("site/tokens/color.html");
    assert!(color.contains("id=\"color-action-primary-default\""));
    assert!(color.contains("var(--color-action-primary-default)"));
    assert!(color.contains("#2563eb") && color.contains("oklch("));
    let button = t.read("site/components/button.html");
    assert!(
        button.contains("class=\"root variant-primary size-md\""),
        "default props select their variants"
    );
    // The state matrix: every variant and state drawn with its parts, forced states
    // selected by `is-<state>` classes of the preview stylesheet.
    assert!(button.contains("data-variant=\"spinner · small\""));
    assert!(button.contains("class=\"root variant-primary size-md is-hover\""));
    assert!(button.contains("data-state=\"loading\""));
    assert!(button.contains("<span class=\"part-spinner\" aria-hidden=\"true\"></span>"));
    assert!(button.contains(".root.variant-primary.is-hover"));
    assert!(button.contains("@keyframes button-spin"));
    assert!(button.contains(
        "@media (prefers-reduced-motion: no-preference) {\n  .part-spinner {\n    animation: button-spin"
    ));
    // A native dialog is drawn open in its previews (closed, it would not show).
    let dialog = t.read("site/components/dialog.html");
    assert!(dialog.contains("<dialog class=\"root\" open>"), "{dialog}");
    // Repeated items are drawn as sample items (the first selected, the last disabled); a
    // part holding the default slot shows the title; a false boolean prop is no attribute.
    let tabs = t.read("site/components/tabs.html");
    assert!(
        tabs.contains("<button class=\"part-tab\" type=\"button\" role=\"tab\" aria-selected=\"true\" tabindex=\"0\">tab 1</button>"),
        "{tabs}"
    );
    assert!(
        tabs.contains("tabindex=\"-1\" disabled>tab 3</button>"),
        "{tabs}"
    );
    assert!(
        tabs.contains("role=\"tabpanel\" tabindex=\"0\">Tabs</div>"),
        "{tabs}"
    );
    let select = t.read("site/components/select.html");
    assert!(!select.contains("disabled=\"false\""), "{select}");
    assert!(
        select.contains("<option>Select</option></select>"),
        "{select}"
    );
    assert!(t.read("site/changelog.html").contains("First release"));
    // A second build writes nothing; an override template wins.
    t.opends(["docs", "build"])
        .success()
        .stderr_contains("(0 written)");
    t.write(
        "templates/docs/changelog.hbs",
        "{{#> layout}}<p id=\"custom\">custom</p>{{/layout}}",
    );
    t.write(
        "opends.yaml",
        "name: acme\ntokens: [tokens/core, tokens/semantic]\nmodes:\n  light: []\n  dark: [tokens/modes/dark.json]\ntemplates: templates\n",
    );
    t.opends(["docs", "build"]).success();
    assert!(t.read("site/changelog.html").contains("id=\"custom\""));
    t.write(
        "templates/docs/index.hbs",
        "{{#> layout}}{{#each}}{{/layout}}",
    );
    t.opends(["docs", "build"])
        .code(2)
        .stderr_contains("index.hbs");
}

#[test]
fn docs_serve_serves_the_site_on_loopback_and_rebuilds_on_change() {
    use std::io::BufRead as _;
    let t = Test::new()
        .file("opends.yaml", "name: s\ntokens: [tokens.json]\n")
        .file(
            "tokens.json",
            r#"{"space": {"$type": "dimension", "sm": {"$value": {"value": 4, "unit": "px"}}}}"#,
        );
    let mut child = t
        .command(["docs", "serve", "--port", "0"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("docs serve");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            let _ = tx.send(line);
        }
    });
    let url = loop {
        let line = rx.recv_timeout(Duration::from_secs(20)).expect("a line");
        if let Some(i) = line.find("serving http://") {
            break line[i + "serving ".len()..]
                .split_whitespace()
                .next()
                .expect("url")
                .to_string();
        }
    };
    let get = |path: &str| {
        reqwest::blocking::get(format!("{url}{path}"))
            .expect("get")
            .text()
            .expect("text")
    };
    assert!(get("tokens/space.html").contains("space.sm"));
    t.write(
        "tokens.json",
        r#"{"space": {"$type": "dimension", "sm": {"$value": {"value": 4, "unit": "px"}}, "xl": {"$value": {"value": 40, "unit": "px"}}}}"#,
    );
    let start = Instant::now();
    while !get("tokens/space.html").contains("space.xl") {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the site was not rebuilt"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn the_docs_site_shows_the_hex_of_colours_in_any_space() {
    let t = Test::new()
        .file("opends.yaml", "name: wide\ntokens: [tokens.json]\n")
        .file(
            "tokens.json",
            r#"{"color": {"$type": "color",
              "teal": {"$value": {"colorSpace": "oklch", "components": [0.7, 0.1, 200]}},
              "vivid": {"$value": {"colorSpace": "display-p3", "components": [0, 1, 0]}},
              "sand": {"$value": {"colorSpace": "hsl", "components": [40, 50, 80]}}}}"#,
        );
    t.opends(["docs", "build"]).success();
    let page = t.read("site/tokens/color.html");
    // oklch(0.7 0.1 200) fits sRGB; display-p3 green does not and is gamut-mapped
    // (values as ColorAide's CSS Color 4 `oklch-chroma` mapping gives them).
    for hex in ["#40b1b7", "#00fb29", "#e6d5b3"] {
        assert!(
            page.contains(&format!("<code class=\"ods-hex\">{hex}</code>")),
            "{hex}: {page}"
        );
    }
}

/// React components that use hooks or handlers of their own start with `'use client'`
/// (so a Server Component can import the barrel); the others stay server components.
/// Variant classes name the props they are for, compound conditions included.
#[test]
fn react_client_components_and_variant_classes_that_name_the_prop() {
    let t = Test::new()
        .copy_dir(crate::support::crate_root().join("examples/acme/tokens"), "tokens")
        .copy_dir(crate::support::crate_root().join("examples/acme/components"), "components")
        .file(
            "components/chip.yaml",
            "name: Chip\nelement: span\nstatus: approved\nprops:\n  - name: tone\n    type: enum\n    values: [info, danger]\n    default: info\n  - name: size\n    type: enum\n    values: [sm, md]\n    default: md\nvariants:\n  - name: danger-small\n    when: { tone: danger, size: sm }\n    styles:\n      border-color: \"{color.border.strong}\"\n  - name: plain\n    styles:\n      color: \"{color.fg.default}\"\n",
        )
        .file(
            "opends.yaml",
            "name: acme\ntokens: [tokens/core, tokens/semantic]\nmodes:\n  light: []\n  dark: [tokens/modes/dark.json]\n",
        );
    t.opends(["generate", "react", "--include-drafts", "--out", "out"])
        .success();
    for (file, client) in [
        ("Dialog.tsx", true),
        ("TextField.tsx", true),
        ("Button.tsx", false),
        ("Card.tsx", false),
        ("index.ts", false),
    ] {
        let text = t.read(format!("out/{file}"));
        let first_code = text
            .lines()
            .find(|l| !l.starts_with("//") && !l.trim().is_empty())
            .unwrap_or_default();
        assert_eq!(first_code == "'use client'", client, "{file}:\n{text}");
    }
    let css = t.read("out/Button.module.css");
    assert!(css.contains(".root.size-md {"), "{css}");
    assert!(css.contains(".root.variant-primary {"), "{css}");
    let chip = t.read("out/Chip.module.css");
    assert!(chip.contains(".root.tone-danger-size-sm {"), "{chip}");
    assert!(chip.contains(".root.variant-plain {"), "{chip}");
    let tsx = t.read("out/Chip.tsx");
    assert!(tsx.contains("styles['tone-danger-size-sm']"), "{tsx}");
}

const TABS: &str = r#"name: Tabs
element: div
status: approved
props:
  - { name: label, type: string, required: true }
  - name: items
    type: list
    required: true
    item: { value: string, label: string, disabled: boolean }
  - { name: value, type: string, default: '' }
slots:
  - name: default
parts:
  - name: list
    attrs: { role: tablist, aria-label: { prop: label } }
    each:
      items: items
      name: tab
      element: button
      role: tab
      text: label
      disabled: disabled
      model: value
      controls: panel
      keyboard: roving
      states:
        selected: { color: "{color.fg.default}" }
  - name: panel
    slot: default
    attrs: { role: tabpanel, tabindex: "0", aria-labelledby: { id: tab } }
"#;

fn tabs_project(spec: &str) -> Test {
    Test::new()
        .copy_dir(
            crate::support::crate_root().join("examples/acme/tokens"),
            "tokens",
        )
        .file("components/tabs.yaml", spec)
        .file(
            "opends.yaml",
            "name: acme\ntokens: [tokens/core, tokens/semantic]\ncomponents: [components]\n",
        )
}

#[test]
fn repeated_items_render_as_roving_tabs_in_every_framework() {
    let t = tabs_project(TABS);
    t.opends(["generate", "vue", "--out", "vue"]).success();
    let vue = t.read("vue/Tabs.vue");
    for needle in [
        "role=\"tab\"",
        "aria-selected",
        "aria-controls",
        "ArrowRight",
        "Home",
        "defineModel",
    ] {
        assert!(vue.contains(needle), "{needle} missing:\n{vue}");
    }
    assert!(vue.contains("[aria-selected='true']"), "{vue}");

    // React: controlled or uncontrolled, a client component (state and ids).
    t.opends(["generate", "react", "--out", "react"]).success();
    let react = t.read("react/Tabs.tsx");
    for needle in [
        "'use client'",
        "useState(defaultValue)",
        "onValueChange?.(next)",
        "(items ?? []).map((item, index) =>",
        "role=\"tab\"",
        "tabIndex={index === tabSelected ? 0 : -1}",
        "aria-labelledby={tabId(tabSelected)}",
        "'ArrowLeft', 'ArrowRight', 'Home', 'End'",
    ] {
        assert!(react.contains(needle), "{needle} missing:\n{react}");
    }
    assert!(
        !t.read("react/index.ts").contains("use client"),
        "the barrel stays safe for server components"
    );

    // Svelte: a bindable model and ids from $props.id().
    t.opends(["generate", "svelte", "--out", "svelte"])
        .success();
    let svelte = t.read("svelte/Tabs.svelte");
    for needle in [
        "value = $bindable('')",
        "$props.id()",
        "{#each items ?? [] as item, index (item.value)}",
        "onclick={() => (value = item.value)}",
        "aria-selected={index === tabSelected}",
        "aria-labelledby={tabId(tabSelected)}",
    ] {
        assert!(svelte.contains(needle), "{needle} missing:\n{svelte}");
    }
}

#[test]
fn an_each_that_names_a_missing_part_is_located() {
    let t = tabs_project(&TABS.replace("controls: panel", "controls: panes"));
    t.opends(["components", "import"])
        .code(2)
        .stderr_contains("components/tabs.yaml:")
        .stderr_contains("panes");
}

/// A dialog's `backdrop` styles its native `::backdrop` (tokens as custom properties, in
/// every framework's stylesheet); on another root element it is a located error.
#[test]
fn a_dialog_backdrop_is_styled_from_the_spec_and_refused_elsewhere() {
    let dialog = std::fs::read_to_string(
        crate::support::crate_root().join("examples/acme/components/dialog.yaml"),
    )
    .unwrap();
    let t = tabs_project(TABS).file("components/dialog.yaml", dialog);
    for (fw, file) in [
        ("react", "Dialog.module.css"),
        ("vue", "Dialog.vue"),
        ("svelte", "Dialog.svelte"),
    ] {
        t.opends(["generate", fw, "--out", fw]).success();
        let css = t.read(format!("{fw}/{file}"));
        assert!(
            css.contains(".root::backdrop {\n  background: var(--color-bg-overlay);\n}"),
            "{fw}:\n{css}"
        );
    }
    let tabs = TABS.replace(
        "slots:\n",
        "backdrop:\n  background: \"{color.bg.overlay}\"\nslots:\n",
    );
    t.write("components/tabs.yaml", &tabs);
    t.opends(["components", "import"])
        .code(2)
        .stderr_contains("components/tabs.yaml:")
        .stderr_contains("`backdrop` styles the `::backdrop` of a modal `<dialog>`");
}
