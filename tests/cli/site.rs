//! The docs site at scale and what it teaches: pages split by size, a search index in
//! files of its own, colour scales drawn as ramps, contrast only for meaningful pairs,
//! group descriptions, all escaped for their context.

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use crate::support::Test;

const STEPS: [u32; 11] = [50, 100, 200, 300, 400, 500, 600, 700, 800, 900, 950];

/// 50,000 tokens: 3,000 colour scales of 11 steps, 7,000 semantic aliases (2,000 of them
/// changed in dark mode), 5,000 spacings and 5,000 sizes.
fn fifty_thousand() -> (String, String) {
    let mut color = json!({"$type": "color", "$description": "Every colour of the system"});
    for h in 0..3000u32 {
        let mut scale = json!({});
        for s in STEPS {
            scale[s.to_string()] = json!({"$value": {"colorSpace": "srgb",
                "components": [f64::from(h % 255) / 255.0, f64::from(s % 255) / 255.0, 0.5]}});
        }
        color[format!("hue{h}")] = scale;
    }
    let mut fg = json!({"$type": "color"});
    for i in 0..7000u32 {
        fg[format!("role{i}")] =
            json!({"$value": format!("{{color.hue{}.{}}}", i % 3000, STEPS[(i % 11) as usize])});
    }
    let mut space = json!({"$type": "dimension"});
    let mut size = json!({"$type": "dimension"});
    for i in 0..5000u32 {
        space[format!("s{i}")] = json!({"$value": {"value": i, "unit": "px"}});
        size[format!("z{i}")] = json!({"$value": {"value": f64::from(i) / 4.0, "unit": "rem"}});
    }
    let mut dark = json!({"$type": "color"});
    for i in 0..2000u32 {
        dark[format!("role{i}")] = json!({"$value": format!("{{color.hue{}.{}}}", (i + 7) % 3000, STEPS[((i + 3) % 11) as usize])});
    }
    (
        json!({"color": color, "fg": fg, "space": space, "size": size}).to_string(),
        json!({"fg": dark}).to_string(),
    )
}

fn walk(dir: &Path, out: &mut Vec<(String, u64)>) {
    for e in fs::read_dir(dir).expect("read dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else {
            let len = e.metadata().expect("metadata").len();
            out.push((p.display().to_string(), len));
        }
    }
}

/// A 50k-token system builds a site under 10 MB with no file over 1 MB: groups split into
/// pages with navigation, compact rows, the token stylesheet and the search index in parts.
#[test]
fn a_fifty_thousand_token_site_stays_under_ten_megabytes() {
    let (base, dark) = fifty_thousand();
    let t = Test::new()
        .file("tokens/base.json", base)
        .file("tokens/dark.json", dark)
        .file(
            "opends.yaml",
            "name: big\ntokens: [tokens/base.json]\nmodes:\n  light: []\n  dark: [tokens/dark.json]\n",
        );
    t.opends(["docs", "build"]).success();
    let mut files = Vec::new();
    walk(&t.join("site"), &mut files);
    let total: u64 = files.iter().map(|f| f.1).sum();
    assert!(total < 10 * 1024 * 1024, "the site is {total} bytes");
    for (f, len) in &files {
        assert!(*len < 1024 * 1024, "{f} is {len} bytes");
    }
    // The colour group is split into pages that link to each other.
    let first = t.read("site/tokens/color.html");
    assert!(first.contains("class=\"ods-pager\""), "a pager");
    assert!(first.contains("href=\"../tokens/color.p2.html\""));
    let second = t.read("site/tokens/color.p2.html");
    assert!(second.contains("aria-current=\"page\""));
    // Rows with both modes' values; the search index is not inline but in files of its own.
    let fg = t.read("site/tokens/fg.html");
    assert!(
        fg.contains("<tr id=\"fg-role0\" class=\"c\"><th>fg.role0</th><td>#"),
        "compact rows"
    );
    assert!(!fg.contains("search-index"));
    assert!(t.exists("site/assets/search-1.js") && t.exists("site/assets/search-2.js"));
    assert!(t.exists("site/assets/tokens-2.css"));
    assert!(
        first.contains("assets/tokens-2.css"),
        "every part of the stylesheet is linked"
    );
    let part = t.read("site/assets/search-1.js");
    assert!(part.contains("\"color.hue0.50\""), "{}", &part[..200]);
}

fn small_system() -> Test {
    Test::new()
        .file(
            "tokens.json",
            r##"{
  "color": {
    "$type": "color",
    "$description": "Brand colours </p><script>alert(1)</script> & \"quotes\"",
    "blue": {
      "50": {"$value": "#eff6ff"}, "100": {"$value": "#dbeafe"}, "500": {"$value": "#3b82f6"},
      "900": {"$value": "#1e3a8a"}
    },
    "bg": {"default": {"$value": "#ffffff"}},
    "fg": {"default": {"$value": "#111827"}},
    "brand": {"ink": {"$value": "#777777"}},
    "card": {"surface": {"$value": "#f3f4f6"}}
  },
  "space": {"$type": "dimension", "sm": {"$value": {"value": 4, "unit": "px"}}}
}"##,
        )
        .file(
            "opends.yaml",
            "name: small\ntokens: [tokens.json]\nlint:\n  contrast:\n    - {foreground: color.brand.ink, background: color.card.surface}\n",
        )
}

fn section<'a>(page: &'a str, id: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id}"));
    let end = page[start..]
        .find("</section>")
        .map_or(page.len(), |e| start + e);
    &page[start..end]
}

/// A primitive scale is a ramp row with no contrast badges; a semantic foreground is
/// checked against the surfaces; a declared lint pair shows its ratio.
#[test]
fn colour_scales_are_ramps_and_contrast_is_shown_for_meaningful_pairs_only() {
    let t = small_system();
    t.opends(["docs", "build"]).success();
    let page = t.read("site/tokens/color.html");
    assert!(page.contains("class=\"ods-ramps\""), "{page}");
    let ramp = &page[page.find("class=\"ods-ramp\"").expect("a ramp")..];
    let ramp = &ramp[..ramp.find("</div>").expect("its end")];
    assert!(ramp.contains("<code>color.blue</code>"), "{ramp}");
    let order: Vec<usize> = ["blue-50\"", "blue-100\"", "blue-500\"", "blue-900\""]
        .iter()
        .map(|a| ramp.find(a).unwrap_or_else(|| panic!("{a}: {ramp}")))
        .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "in numeric order: {ramp}"
    );
    for id in ["color-blue-500", "color-blue-50", "color-bg-default"] {
        let s = section(&page, id);
        assert!(
            !s.contains("AA fail") && !s.contains("ods-contrast"),
            "{id}: {s}"
        );
    }
    let fg = section(&page, "color-fg-default");
    assert!(fg.contains("on <code>color.bg.default</code>"), "{fg}");
    assert!(fg.contains("AA pass"), "{fg}");
    // #777777 on #f3f4f6: 4.07:1, fails AA for text, as the lint says.
    let ink = section(&page, "color-brand-ink");
    assert!(ink.contains("on <code>color.card.surface</code>"), "{ink}");
    assert!(ink.contains("4.07:1") && ink.contains("AA fail"), "{ink}");
    assert!(!ink.contains("color.bg.default"), "{ink}");
}

/// `$description` on a group appears on its page and on the index, escaped as text.
#[test]
fn group_descriptions_appear_escaped_on_the_group_page_and_the_index() {
    let t = small_system();
    t.opends(["docs", "build"]).success();
    let escaped =
        "Brand colours &lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;";
    let page = t.read("site/tokens/color.html");
    assert!(
        page.contains(&format!("<p class=\"ods-group-desc\">{escaped}</p>")),
        "{page}"
    );
    let index = t.read("site/index.html");
    assert!(index.contains(&format!("<span class=\"ods-card-desc\">{escaped}</span>")));
    for (name, text) in [("color", &page), ("index", &index)] {
        assert!(!text.contains("<script>alert"), "{name}");
    }
}

/// The search index files are JS loaded by `<script src>`: a token or component name
/// cannot end the script or inject markup (no `<`, `>` or `&` at all; JSON strings).
#[test]
fn search_index_files_hold_names_as_escaped_json() {
    let t = Test::new()
        .file(
            "tokens.json",
            r#"{"x</script><script>alert(1)</script>": {"$type": "number", "a": {"$value": 1}}}"#,
        )
        .file("opends.yaml", "name: odd\ntokens: [tokens.json]\n");
    t.opends(["docs", "build"]).success();
    let js = t.read("site/assets/search-1.js");
    let prefix = "(window.odsSearch = window.odsSearch || []).push(";
    assert!(js.starts_with(prefix), "{js}");
    assert!(
        !js.contains('<') && !js.contains('>') && !js.contains('&'),
        "{js}"
    );
    let body = js[prefix.len()..].trim_end().trim_end_matches(");");
    let v: Value = serde_json::from_str(body).expect("JSON");
    assert_eq!(v["e"][0][0], json!("x</script><script>alert(1)</script>.a"));
}
