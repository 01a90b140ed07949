//! Security regression tests: what pushes, `PATCH` requests and pulls may carry, and the API schema.
//! Every way into the server's state (push, PATCH, approve, release) and the client's
//! `pull` refuse what `opends components import` / `tokens set` / `release` refuse.

use reqwest::blocking::Client;
use serde_json::{Value, json};

use crate::serve::{Server, api_token, call, http};
use crate::support::Test;

/// A server with an editor token and a small valid state (revision 1): a colour token
/// and a `Banner` component using it.
struct Fixture {
    t: Test,
    s: Server,
    token: String,
    c: Client,
}

fn banner(extra: &Value) -> Value {
    let mut spec = json!({
        "name": "Banner",
        "status": "approved",
        "element": "div",
        "props": [{"name": "title", "type": "string", "default": "hi"}],
        "styles": {"color": "{color.brand}"},
    });
    for (k, v) in extra.as_object().into_iter().flatten() {
        spec[k] = v.clone();
    }
    json!({"spec": spec, "source": null, "review": {}})
}

fn colour() -> Value {
    json!({"type": "color", "value": {"colorSpace": "srgb", "components": [0, 0.4, 0.8]}, "set": "local"})
}

fn layout(modes: &[&str]) -> Value {
    json!({"modes": modes, "groups": [], "tokens": ["color.brand"], "components": ["Banner"]})
}

impl Fixture {
    fn new() -> Self {
        let t = Test::new();
        let token = api_token(&t, "admin");
        let s = Server::start(&t, &[], &[]);
        let f = Self {
            t,
            s,
            token,
            c: http(),
        };
        let (st, body) = f.push(&json!({
            "base_revision": 0,
            "tokens": [["color.brand", colour()]],
            "components": [["Banner", banner(&json!({}))]],
            "layout": layout(&["light", "dark"]),
        }));
        assert_eq!(st, 200, "the valid base state is accepted: {body}");
        f
    }

    fn push(&self, body: &Value) -> (u16, Value) {
        call(
            self.c
                .post(format!("{}/api/v1/sync/push", self.s.url))
                .bearer_auth(&self.token)
                .json(body),
        )
    }

    fn revision(&self) -> i64 {
        let (_, h) = call(self.c.get(format!("{}/health", self.s.url)));
        h["revision"].as_i64().expect("revision")
    }

    fn component(&self) -> Value {
        let (st, c) = call(
            self.c
                .get(format!("{}/api/v1/components/Banner", self.s.url))
                .bearer_auth(&self.token),
        );
        assert_eq!(st, 200);
        c
    }

    /// Pushes one changed Banner; asserts it is refused with `code` listed, and that
    /// nothing was written.
    fn refused_component(&self, extra: &Value, code: &str) {
        let before = (self.revision(), self.component());
        let (st, body) = self.push(&json!({
            "base_revision": before.0,
            "components": [["Banner", banner(extra)]],
        }));
        assert_refused(st, &body, code);
        assert_eq!((self.revision(), self.component()), before);
    }
}

fn assert_refused(status: u16, body: &Value, code: &str) {
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["error"]["code"], json!("invalid_content"), "{body}");
    let problems = body["error"]["problems"].as_array().expect("problems");
    assert!(
        problems
            .iter()
            .any(|p| p["code"] == json!(code) && p["message"].is_string() && p["path"].is_string()),
        "no `{code}` problem in {body}"
    );
}

#[test]
fn push_with_script_prop_default_is_refused() {
    let f = Fixture::new();
    f.refused_component(
        &json!({"props": [{"name": "title", "type": "string",
            "default": "hi', pwned = (globalThis.PWNED = 1), z = '"}]}),
        "invalid-prop",
    );
}

#[test]
fn patch_component_with_onclick_attr_is_refused() {
    let f = Fixture::new();
    // Changing the stored component in place (a push of its new entry) ...
    f.refused_component(
        &json!({"attrs": {"onclick": "alert(1)"}}),
        "invalid-attribute",
    );
    // ... and an in-place status change of a component stored before writes were
    // checked: the result is checked too, so it is refused until the entry is fixed.
    let db = f.t.join("server-data/server.db");
    let conn = rusqlite::Connection::open(&db).expect("open the server database");
    let bad = banner(&json!({"attrs": {"onclick": "alert(1)"}})).to_string();
    conn.execute(
        "UPDATE components SET entry = ?1 WHERE name = 'Banner'",
        [&bad],
    )
    .expect("plant a legacy entry");
    let before = f.revision();
    let (st, body) = call(
        f.c.post(format!("{}/api/v1/components/Banner/deprecate", f.s.url))
            .bearer_auth(&f.token),
    );
    assert_refused(st, &body, "invalid-attribute");
    assert_eq!(f.revision(), before);
}

#[test]
fn push_with_script_element_part_is_refused() {
    let f = Fixture::new();
    f.refused_component(
        &json!({"parts": [{"name": "x", "element": "script", "text": "alert"}]}),
        "invalid-element",
    );
}

#[test]
fn push_with_style_breaking_out_is_refused() {
    let f = Fixture::new();
    f.refused_component(
        &json!({"styles": {"color": "red;}</style><script>alert(1)</script>"}}),
        "invalid-style",
    );
}

#[test]
fn push_with_undeclared_mode_is_refused() {
    let f = Fixture::new();
    let before = f.revision();
    let mut t = colour();
    t["modes"] = json!([["sepia", {"colorSpace": "srgb", "components": [1, 0, 0]}]]);
    let (st, body) = f.push(&json!({"base_revision": before, "tokens": [["color.brand", t]]}));
    assert_refused(st, &body, "unknown-mode");
    // A layout without modes while tokens keep mode values: refused too.
    let mut t = colour();
    t["modes"] = json!([["dark", {"colorSpace": "srgb", "components": [1, 0, 0]}]]);
    let (st, body) = f.push(&json!({"base_revision": before, "tokens": [["color.brand", t]]}));
    assert_eq!(st, 200, "a declared mode is fine: {body}");
    let (st, body) = f.push(&json!({"base_revision": before + 1, "layout": {"groups": []}}));
    assert_refused(st, &body, "unknown-mode");
    assert_eq!(f.revision(), before + 1);
    // And a client still pulls what the server holds.
    f.t.write("p/opends.yaml", "name: p\n");
    f.t.opends(["-C", "p", "remote", "add", "team", &f.s.url])
        .success();
    f.t.opends_env(["-C", "p", "pull"], &[("OPENDS_SERVER_TOKEN", &f.token)])
        .success();
}

#[test]
fn pull_refuses_an_invalid_delta_and_writes_nothing() {
    let f = Fixture::new();
    f.t.write("p/opends.yaml", "name: p\n");
    f.t.opends(["-C", "p", "remote", "add", "team", &f.s.url])
        .success();
    let env = [("OPENDS_SERVER_TOKEN", f.token.as_str())];
    // A server that still serves what it accepted before writes were checked: a value
    // for an undeclared mode and a component with a script part.
    let conn = rusqlite::Connection::open(f.t.join("server-data/server.db")).expect("open");
    let mut t = colour();
    t["modes"] = json!([["sepia", {"colorSpace": "srgb", "components": [1, 0, 0]}]]);
    let bad = banner(&json!({"parts": [{"name": "x", "element": "script"}]}));
    conn.execute(
        "UPDATE tokens SET entry = ?1, revision = 2 WHERE path = 'color.brand'",
        [t.to_string()],
    )
    .expect("plant");
    conn.execute(
        "UPDATE components SET entry = ?1, revision = 2 WHERE name = 'Banner'",
        [bad.to_string()],
    )
    .expect("plant");
    conn.execute("UPDATE state SET revision = 2 WHERE id = 1", [])
        .expect("plant");
    f.t.opends_env(["-C", "p", "pull"], &env)
        .code(2)
        .stderr_contains("would refuse to import; nothing was written")
        .stderr_contains("sepia")
        .stderr_contains("script");
    let tokens =
        f.t.opends(["-C", "p", "tokens", "list", "--json"])
            .success();
    assert!(
        !tokens.stdout().contains("color.brand"),
        "nothing was written"
    );
    let comps =
        f.t.opends(["-C", "p", "components", "list", "--json"])
            .success();
    assert!(!comps.stdout().contains("Banner"), "nothing was written");
    f.t.opends(["-C", "p", "remote", "list", "--json"])
        .success()
        .stdout_contains("\"revision\": 0");
}

#[test]
fn release_with_path_prerelease_is_refused() {
    let f = Fixture::new();
    let (st, body) = call(
        f.c.post(format!("{}/api/v1/versions", f.s.url))
            .bearer_auth(&f.token)
            .json(&json!({"pre": "../x"})),
    );
    assert_refused(st, &body, "invalid-version");
    let (st, body) = call(
        f.c.get(format!("{}/api/v1/versions", f.s.url))
            .bearer_auth(&f.token),
    );
    assert_eq!(st, 200);
    assert_eq!(body["items"], json!([]), "no version was made");
    // The same id is fine once it is one.
    let (st, body) = call(
        f.c.post(format!("{}/api/v1/versions", f.s.url))
            .bearer_auth(&f.token)
            .json(&json!({"pre": "beta"})),
    );
    assert_eq!(st, 201, "{body}");
    assert_eq!(body["version"], json!("1.0.0-beta.1"));
}

#[test]
fn token_key_with_dot_dot_is_refused() {
    let f = Fixture::new();
    let before = f.revision();
    let (st, body) = f.push(&json!({
        "base_revision": before,
        "tokens": [["../../etc/passwd", colour()]],
    }));
    assert_refused(st, &body, "invalid-name");
    let (st, body) = call(
        f.c.patch(format!("{}/api/v1/tokens/..%2F..%2Fetc%2Fpasswd", f.s.url))
            .bearer_auth(&f.token)
            .json(&json!({"type": "color", "value": colour()["value"]})),
    );
    assert_refused(st, &body, "invalid-name");
    assert_eq!(f.revision(), before);
}

#[test]
fn colour_as_free_string_is_refused() {
    let f = Fixture::new();
    let before = f.revision();
    let (st, body) = call(
        f.c.patch(format!("{}/api/v1/tokens/color.brand", f.s.url))
            .bearer_auth(&f.token)
            .json(&json!({"value": "red; background: url(//evil)"})),
    );
    assert_eq!(st, 400, "{body}");
    assert_eq!(body["error"]["code"], json!("invalid_content"), "{body}");
    assert_eq!(
        body["error"]["problems"][0]["path"],
        json!("tokens/color.brand")
    );
    let mut t = colour();
    t["value"] = json!("#ff0000");
    let (st, body) = f.push(&json!({"base_revision": before, "tokens": [["color.brand", t]]}));
    assert_eq!(st, 400, "{body}");
    assert_eq!(f.revision(), before);
}

#[test]
fn limit_over_max_is_refused() {
    let f = Fixture::new();
    for (path, limit) in [
        ("tokens", "1001"),
        ("tokens", "0"),
        ("sync/events", "1001"),
        ("audit", "1001"),
    ] {
        let (st, body) = call(
            f.c.get(format!("{}/api/v1/{path}?limit={limit}", f.s.url))
                .bearer_auth(&f.token),
        );
        assert_eq!(st, 400, "{path} {limit}: {body}");
        assert_eq!(body["error"]["code"], json!("bad_request"));
        assert!(
            body["error"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("1 to 1000")),
            "{body}"
        );
    }
    let (st, _) = call(
        f.c.get(format!("{}/api/v1/tokens?limit=1000", f.s.url))
            .bearer_auth(&f.token),
    );
    assert_eq!(st, 200);
    let (st, body) = call(
        f.c.get(format!("{}/api/v1/tokens?limit=lots", f.s.url))
            .bearer_auth(&f.token),
    );
    assert_eq!(st, 400, "a malformed query is a JSON error too: {body}");
    assert_eq!(body["error"]["code"], json!("bad_request"));
}

#[test]
fn null_where_string_expected_is_refused() {
    let f = Fixture::new();
    for field in ["version", "pre", "message", "bump"] {
        let (st, body) = call(
            f.c.post(format!("{}/api/v1/versions", f.s.url))
                .bearer_auth(&f.token)
                .json(&json!({ field: null, "allow_drafts": true })),
        );
        assert_eq!(st, 422, "{field}: {body}");
        assert_eq!(body["error"]["code"], json!("invalid"));
    }
    // A token entry whose description is null (a string where present).
    let before = f.revision();
    let mut t = colour();
    t["description"] = Value::Null;
    let (st, body) = f.push(&json!({"base_revision": before, "tokens": [["color.brand", t]]}));
    assert_refused(st, &body, "invalid-field");
    let (st, body) = call(
        f.c.patch(format!("{}/api/v1/tokens/color.brand", f.s.url))
            .bearer_auth(&f.token)
            .json(&json!({"type": null})),
    );
    assert_refused(st, &body, "invalid-type");
    let (st, body) = call(
        f.c.get(format!("{}/api/v1/versions", f.s.url))
            .bearer_auth(&f.token),
    );
    assert_eq!((st, &body["items"]), (200, &json!([])));
    assert_eq!(f.revision(), before);
}

// ---------------------------------------------------------------- fuzzing the JSON bodies

/// Values a mutation puts somewhere in a body: what attackers and broken clients send.
const NASTY: [&str; 16] = [
    "null",
    "\"\"",
    "\"../../etc/passwd\"",
    "\"hi', pwned = (globalThis.PWNED = 1), z = '\"",
    "\"red;}</style><script>alert(1)</script>\"",
    "\"script\"",
    "\"onclick\"",
    "\"{color.brand}\"",
    "\"{missing.token}\"",
    "\"sepia\"",
    "\"a\\u0000b\\u001b[31m\"",
    "-1",
    "1e308",
    "[]",
    "{}",
    "{\"$ref\": \"#/color/brand/$value\"}",
];

/// Applies one mutation: `at` picks a node (pre-order, modulo the node count), `op` what
/// to do there, `pick` which nasty value or which key.
fn mutate(v: &mut Value, at: usize, op: u8, pick: usize) {
    fn count(v: &Value) -> usize {
        1 + match v {
            Value::Array(a) => a.iter().map(count).sum(),
            Value::Object(m) => m.values().map(count).sum(),
            _ => 0,
        }
    }
    /// Applies `f` to the `n`th node in pre-order; whether it was found.
    fn at_nth(v: &mut Value, n: &mut usize, f: &mut dyn FnMut(&mut Value)) -> bool {
        if *n == 0 {
            f(v);
            return true;
        }
        *n -= 1;
        match v {
            Value::Array(a) => a.iter_mut().any(|c| at_nth(c, n, f)),
            Value::Object(m) => m.values_mut().any(|c| at_nth(c, n, f)),
            _ => false,
        }
    }
    let total = count(v);
    let mut n = at % total;
    let nasty: Value = serde_json::from_str(NASTY[pick % NASTY.len()]).expect("valid JSON");
    at_nth(v, &mut n, &mut |node| apply(node, op, pick, nasty.clone()));
}

fn apply(node: &mut Value, op: u8, pick: usize, nasty: Value) {
    match (op % 5, &mut *node) {
        (1, Value::Object(m)) if !m.is_empty() => {
            let k = m.keys().nth(pick % m.len()).cloned().expect("a key");
            m.remove(&k);
        }
        (2, Value::Object(m)) => {
            let keys = [
                "onclick", "element", "modes", "default", "value", "type", "attrs", "styles",
            ];
            m.insert(keys[pick % keys.len()].into(), nasty);
        }
        (3, Value::Array(a)) if !a.is_empty() => {
            let dup = a[pick % a.len()].clone();
            a.push(dup);
        }
        (4, Value::String(s)) => s.push_str(NASTY[pick % NASTY.len()].trim_matches('"')),
        _ => *node = nasty,
    }
}

fn corpus() -> Vec<Value> {
    let dir = crate::support::crate_root().join("tests/fuzz/corpus/server");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the corpus")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("JSON"))
        .collect()
}

/// Mutated push and PATCH bodies from the committed corpus: the server never answers
/// 5xx or dies, and whatever it accepts reads back and passes the CLI's checks.
/// `PROPTEST_CASES` raises the number of cases (64 by default).
#[test]
fn push_and_patch_bodies_fuzz_without_5xx_and_accept_only_valid_state() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};
    let t = Test::new();
    let token = api_token(&t, "admin");
    // Thousands of requests a minute: no rate limit.
    let s = Server::start(&t, &["--rate-limit", "0"], &[]);
    let c = http();
    let seeds = corpus();
    assert!(seeds.len() >= 4, "the corpus has seeds");
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let accepted = std::cell::Cell::new(0u32);
    let strategy = (
        0..seeds.len(),
        proptest::collection::vec((any::<usize>(), any::<u8>(), any::<usize>()), 0..6),
    );
    runner
        .run(&strategy, |(seed, mutations)| {
            let mut case = seeds[seed].clone();
            for (at, op, pick) in mutations {
                mutate(&mut case["body"], at, op, pick);
            }
            let (_, h) = call(c.get(format!("{}/health", s.url)));
            let revision = h["revision"].as_i64().unwrap_or(0);
            let req = if case["kind"] == json!("patch") {
                let path = case["path"].as_str().unwrap_or("x");
                c.patch(format!("{}/api/v1/tokens/{path}", s.url))
            } else {
                if case["body"].is_object() && case["body"].get("base_revision").is_some() {
                    case["body"]["base_revision"] = json!(revision);
                }
                c.post(format!("{}/api/v1/sync/push", s.url))
            };
            let (st, body) = call(req.bearer_auth(&token).json(&case["body"]));
            prop_assert!(st < 500, "{st} for {}: {body}", case["body"]);
            if st == 200 {
                accepted.set(accepted.get() + 1);
                let (st, delta) = call(
                    c.get(format!("{}/api/v1/sync?since=0", s.url))
                        .bearer_auth(&token),
                );
                prop_assert_eq!(st, 200);
                let entries = |k: &str| -> std::collections::HashMap<String, String> {
                    delta[k]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter(|i| !i[1].is_null())
                        .map(|i| {
                            (
                                i[0].as_str().unwrap_or_default().to_string(),
                                i[1].to_string(),
                            )
                        })
                        .collect()
                };
                let layout = if delta["layout"].is_null() {
                    opends::store::Snapshot::default().to_parts().0
                } else {
                    delta["layout"].to_string()
                };
                let checked = opends::server::repo::check_state(
                    &layout,
                    &entries("tokens"),
                    &entries("components"),
                );
                prop_assert!(
                    checked.is_ok(),
                    "accepted {}: {:?}",
                    case["body"],
                    checked.err()
                );
            }
            Ok(())
        })
        .expect("no 5xx, and only valid states accepted");
    assert!(
        accepted.get() > 0,
        "some cases were accepted (the seeds are valid)"
    );
}

#[test]
fn push_with_script_url_attr_is_refused() {
    let f = Fixture::new();
    for url in [
        "javascript:alert(1)",
        " JaVa\tscript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "data:text/html,x",
    ] {
        f.refused_component(&json!({"attrs": {"href": url}}), "unsafe-url");
        f.refused_component(
            &json!({"parts": [{"name": "pic", "element": "img", "attrs": {"src": url}}]}),
            "unsafe-url",
        );
    }
    let before = f.revision();
    let (st, body) = f.push(&json!({
        "base_revision": before,
        "components": [["Banner", banner(&json!({"attrs": {"href": "https://example.com/"}}))]],
    }));
    assert_eq!(st, 200, "a web URL is accepted: {body}");
}

/// One string of `len` bytes (`font.big`) and `aliases` tokens aliasing it.
fn big_string_and_aliases(len: usize, aliases: usize) -> Vec<(String, Value)> {
    let mut tokens = vec![(
        "font.big".to_string(),
        json!({"type": "fontFamily", "value": "x".repeat(len), "set": "local"}),
    )];
    for i in 0..aliases {
        tokens.push((
            format!("font.a{i}"),
            json!({"type": "fontFamily", "value": "{font.big}", "set": "local"}),
        ));
    }
    tokens
}

#[test]
fn push_of_a_large_value_aliased_thousands_of_times_is_refused() {
    // 1 MiB and 4,000 aliases to it: a 1.2 MB push that teammates' exports would
    // resolve to 4 GB.
    let f = Fixture::new();
    let before = f.revision();
    let tokens: Vec<Value> = big_string_and_aliases(1 << 20, 4000)
        .into_iter()
        .map(|(k, v)| json!([k, v]))
        .collect();
    let (st, body) = f.push(&json!({"base_revision": before, "tokens": tokens}));
    assert_refused(st, &body, "limit-exceeded");
    assert!(
        body.to_string().contains("limits.max-output-bytes"),
        "{body}"
    );
    assert_eq!(f.revision(), before);
}

/// The server's peak resident memory in kB (`VmHWM`), where /proc has it.
fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn push_of_millions_of_tiny_values_is_refused_before_parsing() {
    // A valid 9.8 MB body: 4.9 million array elements, about 1 GB once parsed.
    let f = Fixture::new();
    let before = f.revision();
    let mut body = format!("{{\"base_revision\": {before}, \"layout\": {{\"groups\": [0");
    body.push_str(&",0".repeat(4_900_000));
    body.push_str("]}}");
    let send = || {
        call(
            f.c.post(format!("{}/api/v1/sync/push", f.s.url))
                .bearer_auth(&f.token)
                .header("content-type", "application/json")
                .body(body.clone()),
        )
    };
    let (st, err) = send();
    assert_eq!(st, 413, "{err}");
    assert_eq!(err["error"]["code"], json!("too_many_values"), "{err}");
    // Several at once: each refused from its bytes, none parsed.
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..4).map(|_| s.spawn(send)).collect();
        for h in handles {
            let (st, _) = h.join().expect("a push thread");
            assert!(st == 413 || st == 503, "{st}");
        }
    });
    assert_eq!(f.revision(), before);
    let (st, _) = call(f.c.get(format!("{}/health", f.s.url)));
    assert_eq!(st, 200);
    if let Some(kb) = peak_rss_kb(f.s.child.id()) {
        assert!(kb < 400 * 1024, "the server peaked at {kb} kB");
    }
}

#[test]
fn push_with_newline_set_or_bidi_key_is_refused() {
    let f = Fixture::new();
    let before = f.revision();
    let mut c = colour();
    c["set"] = json!("../../x\n");
    let (st, body) = f.push(&json!({"base_revision": before, "tokens": [["color.brand", c]]}));
    assert_refused(st, &body, "invalid-name");
    let (st, body) = f.push(&json!({
        "base_revision": before,
        "tokens": [["color.admin\u{202E}nimda", colour()]],
    }));
    assert_refused(st, &body, "invalid-name");
    assert_eq!(f.revision(), before);
}

#[test]
fn push_with_unbalanced_quote_in_style_is_refused() {
    let f = Fixture::new();
    f.refused_component(
        &json!({"styles": {"color": "{color.brand}", "font-family": "'Inter"}}),
        "invalid-style",
    );
}
