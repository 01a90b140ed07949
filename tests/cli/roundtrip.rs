//! DTCG round trip: a random DTCG document imported into a fresh store and exported
//! with `--format dtcg` comes back equal (as JSON: key order and `1` vs `1.0` aside).

use std::collections::HashSet;

use proptest::prelude::*;
use serde_json::{Map, Value, json};

use crate::support::{MINIMAL, Test, json_eq};

const TYPES: [&str; 13] = [
    "color",
    "dimension",
    "number",
    "duration",
    "fontFamily",
    "fontWeight",
    "cubicBezier",
    "strokeStyle",
    "border",
    "shadow",
    "transition",
    "typography",
    "gradient",
];
const GROUP_NAMES: [&str; 3] = ["base", "semantic", "x-2"];
const TOKEN_NAMES: [&str; 6] = ["t0", "t1", "2xl", "Primary", "size_lg", "größe"];
const DESCRIPTIONS: [&str; 4] = [
    "Primary action.",
    "Used by buttons; see {docs}.",
    "Ünïcode ✓ text",
    "quotes \" and \\ backslash",
];

#[derive(Debug, Clone)]
struct TokenSpec {
    groups: Vec<usize>,
    name: usize,
    kind: usize,
    seed: u32,
    alias: Option<usize>,
    explicit_type: bool,
    description: Option<usize>,
    deprecated: Option<usize>,
    extensions: Option<u32>,
}

#[derive(Debug, Clone)]
struct GroupSpec {
    typed: bool,
    description: Option<usize>,
    deprecated: Option<usize>,
    extensions: Option<u32>,
}

fn token_spec() -> impl Strategy<Value = TokenSpec> {
    (
        prop::collection::vec(0..GROUP_NAMES.len(), 0..3),
        0..TOKEN_NAMES.len(),
        0..TYPES.len(),
        any::<u32>(),
        prop::option::weighted(0.4, any::<usize>()),
        prop::bool::weighted(0.2),
        prop::option::weighted(0.3, 0..DESCRIPTIONS.len()),
        prop::option::weighted(0.2, 0..4usize),
        prop::option::weighted(0.2, any::<u32>()),
    )
        .prop_map(
            |(
                groups,
                name,
                kind,
                seed,
                alias,
                explicit_type,
                description,
                deprecated,
                extensions,
            )| TokenSpec {
                groups,
                name,
                kind,
                seed,
                alias,
                explicit_type,
                description,
                deprecated,
                extensions,
            },
        )
}

fn group_spec() -> impl Strategy<Value = GroupSpec> {
    (
        prop::bool::weighted(0.5),
        prop::option::weighted(0.3, 0..DESCRIPTIONS.len()),
        prop::option::weighted(0.15, 0..4usize),
        prop::option::weighted(0.15, any::<u32>()),
    )
        .prop_map(|(typed, description, deprecated, extensions)| GroupSpec {
            typed,
            description,
            deprecated,
            extensions,
        })
}

/// Digits of the seed, for values: `bits(s, 3, 101)` is a number in 0..101.
fn bits(seed: u32, shift: u32, modulo: u32) -> u32 {
    seed.rotate_right(shift) % modulo
}

fn f(n: u32) -> f64 {
    f64::from(n)
}

fn dim(seed: u32, shift: u32, units: &[&str]) -> Value {
    let value = (f(bits(seed, shift, 400)) - 100.0) / 4.0;
    json!({"value": value, "unit": units[bits(seed, shift + 9, 2) as usize % units.len()]})
}

fn positive_dim(seed: u32, shift: u32) -> Value {
    json!({"value": f(bits(seed, shift, 64)) / 2.0, "unit": "px"})
}

fn duration(seed: u32, shift: u32) -> Value {
    let unit = ["ms", "s"][bits(seed, shift + 11, 2) as usize];
    json!({"value": f(bits(seed, shift, 2000)) / 2.0, "unit": unit})
}

fn color(seed: u32) -> Value {
    let c = |shift| f(bits(seed, shift, 101)) / 100.0;
    let mut v = if bits(seed, 1, 3) == 0 {
        json!({"colorSpace": "oklch", "components": [c(3), f(bits(seed, 10, 41)) / 100.0, f(bits(seed, 17, 360))]})
    } else {
        json!({"colorSpace": "srgb", "components": [c(3), c(10), c(17)]})
    };
    if bits(seed, 24, 4) == 0 {
        v["alpha"] = json!(f(bits(seed, 27, 11)) / 10.0);
    }
    v
}

fn number(seed: u32) -> Value {
    json!((f(bits(seed, 2, 2001)) - 1000.0) / 8.0)
}

fn bezier(seed: u32) -> Value {
    json!([
        f(bits(seed, 0, 11)) / 10.0,
        (f(bits(seed, 5, 31)) - 15.0) / 10.0,
        f(bits(seed, 10, 11)) / 10.0,
        (f(bits(seed, 15, 31)) - 15.0) / 10.0
    ])
}

fn stroke(seed: u32) -> Value {
    if bits(seed, 3, 3) == 0 {
        let cap = ["round", "butt", "square"][bits(seed, 20, 3) as usize];
        json!({"dashArray": [positive_dim(seed, 5), positive_dim(seed, 12)], "lineCap": cap})
    } else {
        json!(["solid", "dashed", "dotted", "double"][bits(seed, 7, 4) as usize])
    }
}

/// Earlier tokens, for aliases: (dotted path, type).
struct Earlier<'a>(&'a [(String, &'static str)]);

impl Earlier<'_> {
    /// An alias to an earlier token of type `ty`, chosen by `pick`, if there is one.
    fn alias(&self, ty: &str, pick: Option<usize>) -> Option<Value> {
        let pick = pick?;
        let candidates: Vec<&String> = self
            .0
            .iter()
            .filter(|(_, t)| *t == ty)
            .map(|(p, _)| p)
            .collect();
        (!candidates.is_empty())
            .then(|| json!(format!("{{{}}}", candidates[pick % candidates.len()])))
    }

    /// A sub-value: sometimes an alias (when the seed says so and one exists), else `literal`.
    fn or(&self, ty: &str, seed: u32, shift: u32, literal: Value) -> Value {
        let pick = (bits(seed, shift, 2) == 0).then_some(seed as usize >> 3);
        self.alias(ty, pick).unwrap_or(literal)
    }
}

fn shadow_layer(seed: u32, earlier: &Earlier<'_>) -> Value {
    let mut v = json!({
        "color": earlier.or("color", seed, 1, color(seed)),
        "offsetX": dim(seed, 2, &["px"]),
        "offsetY": dim(seed, 4, &["px"]),
        "blur": positive_dim(seed, 6),
        "spread": dim(seed, 8, &["px"]),
    });
    if bits(seed, 13, 3) == 0 {
        v["inset"] = json!(bits(seed, 15, 2) == 0);
    }
    v
}

fn value(ty: &str, seed: u32, earlier: &Earlier<'_>) -> Value {
    match ty {
        "color" => color(seed),
        "dimension" => dim(seed, 0, &["px", "rem"]),
        "number" => number(seed),
        "duration" => duration(seed, 0),
        "fontFamily" => match bits(seed, 1, 3) {
            0 => json!("Inter"),
            1 => json!(["Inter", "Segoe UI", "sans-serif"]),
            _ => json!(["Roboto Mono"]),
        },
        "fontWeight" => match bits(seed, 1, 2) {
            0 => json!(100 * (1 + bits(seed, 4, 9))),
            _ => json!(["thin", "light", "normal", "bold", "black"][bits(seed, 4, 5) as usize]),
        },
        "cubicBezier" => bezier(seed),
        "strokeStyle" => stroke(seed),
        "border" => json!({
            "color": earlier.or("color", seed, 1, color(seed)),
            "width": positive_dim(seed, 3),
            "style": earlier.or("strokeStyle", seed, 5, stroke(seed)),
        }),
        "shadow" => {
            if bits(seed, 9, 2) == 0 {
                json!([
                    shadow_layer(seed, earlier),
                    shadow_layer(seed.rotate_left(7), earlier)
                ])
            } else {
                shadow_layer(seed, earlier)
            }
        }
        "transition" => json!({
            "duration": earlier.or("duration", seed, 1, duration(seed, 2)),
            "delay": duration(seed, 8),
            "timingFunction": earlier.or("cubicBezier", seed, 3, bezier(seed)),
        }),
        "typography" => json!({
            "fontFamily": earlier.or("fontFamily", seed, 1, json!("Inter")),
            "fontSize": earlier.or("dimension", seed, 3, positive_dim(seed, 4)),
            "fontWeight": earlier.or("fontWeight", seed, 5, json!(400)),
            "letterSpacing": dim(seed, 7, &["px", "rem"]),
            "lineHeight": earlier.or("number", seed, 9, json!(f(bits(seed, 11, 20)) / 10.0 + 1.0)),
        }),
        "gradient" => {
            let stops = 1 + bits(seed, 1, 3);
            Value::Array(
                (0..stops)
                    .map(|i| {
                        json!({
                            "color": earlier.or("color", seed.rotate_left(i * 5), 1, color(seed.rotate_left(i * 5))),
                            "position": f(i) / f(stops),
                        })
                    })
                    .collect(),
            )
        }
        other => unreachable!("unknown type {other}"),
    }
}

fn deprecated(choice: usize) -> Value {
    match choice {
        0 => json!(true),
        1 => json!(false),
        2 => json!("use {base.t0} instead"),
        _ => json!("no longer used"),
    }
}

fn extensions(seed: u32) -> Value {
    json!({"com.example.tool": {"id": seed, "tags": ["a", bits(seed, 3, 7)], "nested": {"on": seed % 2 == 0, "none": null}}})
}

/// Walks to (creating) the group at `path` under `root`.
fn group_mut<'a>(root: &'a mut Map<String, Value>, path: &[String]) -> &'a mut Map<String, Value> {
    let mut cur = root;
    for seg in path {
        cur = cur
            .entry(seg.clone())
            .or_insert_with(|| json!({}))
            .as_object_mut()
            .expect("a group");
    }
    cur
}

/// Builds a valid DTCG document from the specs.
fn document(tokens: &[TokenSpec], groups: &[GroupSpec]) -> Value {
    // Place tokens (first one wins a path) and list groups in first-seen order.
    let mut placed: Vec<(Vec<String>, &'static str, &TokenSpec)> = Vec::new();
    let mut seen = HashSet::new();
    let mut group_paths: Vec<Vec<String>> = Vec::new();
    for spec in tokens {
        let mut path: Vec<String> = spec
            .groups
            .iter()
            .map(|g| GROUP_NAMES[*g].to_string())
            .collect();
        path.push(TOKEN_NAMES[spec.name].to_string());
        if !seen.insert(path.join(".")) {
            continue;
        }
        for depth in 1..path.len() {
            let g = path[..depth].to_vec();
            if !group_paths.contains(&g) {
                group_paths.push(g);
            }
        }
        placed.push((path, TYPES[spec.kind], spec));
    }
    // Group metadata; a typed group takes the type of the first token below it.
    let mut root = Map::new();
    let mut group_types: Vec<(Vec<String>, &'static str)> = Vec::new();
    for (i, g) in group_paths.iter().enumerate() {
        let spec = &groups[i % groups.len()];
        let node = group_mut(&mut root, g);
        if spec.typed {
            let first = placed
                .iter()
                .find(|(p, _, _)| p.starts_with(g))
                .map(|(_, t, _)| *t);
            if let Some(ty) = first {
                node.insert("$type".into(), json!(ty));
                group_types.push((g.clone(), ty));
            }
        }
        if let Some(d) = spec.description {
            node.insert("$description".into(), json!(DESCRIPTIONS[d]));
        }
        if let Some(d) = spec.deprecated {
            node.insert("$deprecated".into(), deprecated(d));
        }
        if let Some(e) = spec.extensions {
            node.insert("$extensions".into(), extensions(e));
        }
    }
    let mut earlier: Vec<(String, &'static str)> = Vec::new();
    for (path, ty, spec) in &placed {
        let inherited = group_types
            .iter()
            .filter(|(g, _)| path.starts_with(g) && g.len() < path.len())
            .max_by_key(|(g, _)| g.len())
            .map(|(_, t)| *t);
        let mut token = Map::new();
        let e = Earlier(&earlier);
        let v = e
            .alias(ty, spec.alias)
            .unwrap_or_else(|| value(ty, spec.seed, &e));
        token.insert("$value".into(), v);
        if spec.explicit_type || inherited != Some(*ty) {
            token.insert("$type".into(), json!(ty));
        }
        if let Some(d) = spec.description {
            token.insert("$description".into(), json!(DESCRIPTIONS[d]));
        }
        if let Some(d) = spec.deprecated {
            token.insert("$deprecated".into(), deprecated(d));
        }
        if let Some(x) = spec.extensions {
            token.insert("$extensions".into(), extensions(x));
        }
        let (name, group) = path.split_last().expect("a token path");
        group_mut(&mut root, group).insert(name.clone(), Value::Object(token));
        earlier.push((path.join("."), ty));
    }
    Value::Object(root)
}

fn round_trip(doc: &Value) -> Result<(), TestCaseError> {
    let text = serde_json::to_string_pretty(doc).expect("serialize");
    let t = Test::new()
        .file("opends.yaml", MINIMAL)
        .file("in.json", &text);
    let import = t.opends(["tokens", "import", "in.json"]);
    prop_assert_eq!(
        import.exit_code(),
        Some(0),
        "import failed\n--- input\n{}\n--- stderr\n{}",
        text,
        import.stderr()
    );
    let export = t.opends(["export", "tokens", "--format", "dtcg", "--out", "out"]);
    prop_assert_eq!(
        export.exit_code(),
        Some(0),
        "export failed: {}",
        export.stderr()
    );
    let back = t.read_json("out/tokens.tokens.json");
    prop_assert!(
        json_eq(doc, &back),
        "round trip changed the document\n--- input\n{}\n--- exported\n{}",
        text,
        serde_json::to_string_pretty(&back).expect("serialize")
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn dtcg_round_trips_through_the_store(
        tokens in prop::collection::vec(token_spec(), 1..14),
        groups in prop::collection::vec(group_spec(), 1..6),
    ) {
        let doc = document(&tokens, &groups);
        round_trip(&doc)?;
    }
}

#[test]
fn round_trip_keeps_every_feature_of_a_hand_written_document() {
    // The generator's features all at once, so a regression shows without shrinking.
    let doc = json!({
        "base": {
            "$type": "color",
            "$description": "Palette.",
            "$deprecated": "use semantic",
            "$extensions": {"com.example": {"k": [1, 2]}},
            "t0": {"$value": {"colorSpace": "srgb", "components": [0.5, 0.25, 1], "alpha": 0.5}},
            "t1": {"$value": "{base.t0}", "$deprecated": false, "$description": ""},
            "2xl": {"$type": "dimension", "$value": {"value": -4.5, "unit": "rem"}, "$deprecated": true},
            "x-2": {
                "Primary": {"$type": "number", "$value": 0.1},
                "size_lg": {"$type": "border", "$value": {"color": "{base.t0}", "width": {"value": 1, "unit": "px"}, "style": "solid"}},
                "empty": {}
            }
        },
        "t0": {"$type": "duration", "$value": {"value": 0, "unit": "s"}, "$extensions": {"a": null}},
        "t1": {"$type": "cubicBezier", "$value": [0, -2.5, 1, 3]},
        "größe": {"$type": "transition", "$value": {"duration": "{t0}", "delay": {"value": 1, "unit": "ms"}, "timingFunction": "{t1}"}}
    });
    round_trip(&doc).unwrap_or_else(|e| panic!("{e}"));
}
