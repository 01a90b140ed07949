//! Security regression tests: bounded reading of token files, specs and project files.
//!
//! Attack inputs run under a memory cap and a process timeout, so a regression fails
//! (killed, or over time) instead of exhausting the machine or hanging the suite.

use std::ffi::OsStr;
use std::fmt::Write as _;
use std::io::Read as _;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{MINIMAL, Output, Test};

/// Generous bounds: a fixed reader needs a few megabytes and well under a second.
const MEMORY_KB: u64 = 2 * 1024 * 1024;
/// CPU seconds each bounded run may use: unbounded work fails the test (killed) rather
/// than hanging it. Every bounded input here takes well under a second.
const CPU_SECONDS: u32 = 60;
const TIMEOUT: Duration = Duration::from_secs(120);

/// Runs `opends ARGS` like `Test::opends`, under `ulimit -v` and a timeout.
fn bounded<I, S>(t: &Test, args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let args: Vec<std::ffi::OsString> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
    let inner = t.command(&args);
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_KB}; ulimit -t {CPU_SECONDS}; exec \"$@\""
        ))
        .arg("sh")
        .arg(inner.get_program())
        .args(inner.get_args())
        .env_clear()
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in inner.get_envs() {
        if let Some(v) = v {
            cmd.env(k, v);
        }
    }
    if let Some(dir) = inner.get_current_dir() {
        cmd.current_dir(dir);
    }
    let mut child = cmd.spawn().expect("spawn opends");
    // Drain the pipes on threads so a chatty child cannot block on a full pipe.
    let mut out_pipe = child.stdout.take().expect("stdout");
    let mut err_pipe = child.stderr.take().expect("stderr");
    let out_reader = std::thread::spawn(move || {
        let mut b = Vec::new();
        out_pipe.read_to_end(&mut b).ok();
        b
    });
    let err_reader = std::thread::spawn(move || {
        let mut b = Vec::new();
        err_pipe.read_to_end(&mut b).ok();
        b
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for opends") {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            child.kill().ok();
            child.wait().ok();
            panic!("`opends {args:?}` still ran after {TIMEOUT:?}: not bounded");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = out_reader.join().expect("stdout reader");
    let stderr = err_reader.join().expect("stderr reader");
    t.output(&args, status, &stdout, &stderr)
}

/// 4 tokens doubled by 20 levels of two `$extends` each: 4 million tokens (1.4 KB).
fn extends_bomb() -> String {
    let mut doc = serde_json::Map::new();
    doc.insert(
        "g0".into(),
        serde_json::json!({"$type": "number", "a": {"$value": 1}, "b": {"$value": 2},
                           "c": {"$value": 3}, "d": {"$value": 4}}),
    );
    for i in 1..=20 {
        let target = format!("{{g{}}}", i - 1);
        doc.insert(
            format!("g{i}"),
            serde_json::json!({"x": {"$extends": target}, "y": {"$extends": target}}),
        );
    }
    serde_json::Value::Object(doc).to_string()
}

/// `g1 extends g0`, ..., `gN extends gN-1`.
fn extends_chain(n: usize) -> String {
    let mut doc = serde_json::Map::new();
    doc.insert(
        "g0".into(),
        serde_json::json!({"$type": "number", "a": {"$value": 1}}),
    );
    for i in 1..=n {
        doc.insert(
            format!("g{i}"),
            serde_json::json!({"$extends": format!("{{g{}}}", i - 1)}),
        );
    }
    serde_json::Value::Object(doc).to_string()
}

#[test]
fn extends_bomb_hits_the_expansion_limit() {
    let t = Test::new().file("t.json", extends_bomb());
    bounded(&t, ["tokens", "validate", "t.json"])
        .code(1)
        .stderr_contains("would make more than 1000000 tokens")
        .stderr_contains("limits.max-tokens")
        .stderr_contains("OPENDS_MAX_TOKENS")
        .stderr_contains("t.json:1:");
    // Through a project, nothing is written and the run fails.
    let t = Test::new()
        .file("opends.yaml", "name: t\ntokens: [t.json]\n")
        .file("t.json", extends_bomb());
    bounded(&t, ["export", "tokens", "--format", "css"])
        .code(2)
        .stderr_contains("limits.max-tokens")
        .stderr_contains("nothing was written");
}

/// Two groups nested 24 deep that extend each other at every level, with no `$type`
/// anywhere and a token at the bottom: finding the type a group inherits once followed
/// every `$extends` and ancestor again from each level (exponential; found by the fuzzer).
fn mutual_extends_ladder(levels: usize) -> String {
    fn ladder(me: &str, other: &str, levels: usize) -> serde_json::Value {
        let mut node = serde_json::json!({"t": {"$value": "1px"}});
        for i in (0..levels).rev() {
            let mut path = vec![other.to_string()];
            path.extend((0..i).map(|_| "n".to_string()));
            node = serde_json::json!({"$extends": format!("{{{}}}", path.join(".")), "n": node});
        }
        let _ = me;
        node
    }
    serde_json::json!({"a": ladder("a", "b", levels), "b": ladder("b", "a", levels)}).to_string()
}

#[test]
fn groups_extending_each_other_at_every_level_are_read_in_bounded_work() {
    let t = Test::new().file("t.json", mutual_extends_ladder(24));
    // The cycle is reported (located), and the run ends.
    bounded(&t, ["tokens", "validate", "t.json"])
        .code(1)
        .stderr_contains("t.json:1:");
}

#[test]
fn yaml_alias_bomb_in_components_is_refused() {
    // Ten levels of ten aliases: 10^10 nodes from under 1 KB.
    let mut text = String::from("name: Bomb\ndescription: x\nprops:\n");
    text.push_str("  - {name: a, type: string, default: &a0 [x, x, x, x, x, x, x, x, x, x]}\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 10].join(", ");
        writeln!(
            text,
            "  - {{name: a{i}, type: string, default: &a{i} [{refs}]}}"
        )
        .unwrap();
    }
    let t = Test::new()
        .file("opends.yaml", MINIMAL)
        .file("components/Bomb.yaml", &text);
    bounded(&t, ["components", "import", "components"])
        .code(2)
        .stderr_contains("components/Bomb.yaml:")
        .stderr_contains("limits.max-yaml-nodes")
        .stderr_contains("OPENDS_MAX_YAML_NODES");
}

#[test]
fn dev_zero_as_token_file_is_refused() {
    let t = Test::new();
    bounded(&t, ["tokens", "validate", "/dev/zero"])
        .code(2)
        .stderr_contains("not a regular file (a device)");
}

#[test]
fn fifo_as_token_file_is_refused() {
    let t = Test::new();
    let status = Command::new("mkfifo")
        .arg(t.join("t.json"))
        .status()
        .expect("run mkfifo");
    assert!(status.success());
    bounded(&t, ["tokens", "validate", "t.json"])
        .code(2)
        .stderr_contains("not a regular file (a FIFO)");
    // Inside a listed directory too.
    std::fs::create_dir(t.join("dir")).unwrap();
    std::fs::rename(t.join("t.json"), t.join("dir/t.json")).unwrap();
    bounded(&t, ["tokens", "validate", "dir"])
        .code(2)
        .stderr_contains("not a regular file (a FIFO)");
}

#[test]
fn oversized_token_file_names_the_size_limit() {
    let t = Test::new().file("t.json", r#"{"a": {"$type": "number", "$value": 1}}"#);
    t.opends_env(
        ["tokens", "validate", "t.json"],
        &[("OPENDS_MAX_FILE_SIZE", "10")],
    )
    .code(2)
    .stderr_contains("larger than 10 bytes")
    .stderr_contains("limits.max-file-size");
    t.opends(["tokens", "validate", "t.json"]).success();
}

#[test]
fn deep_extends_chain_is_linear_or_bounded() {
    let t = Test::new().file("t.json", extends_chain(3000));
    bounded(&t, ["tokens", "validate", "t.json"])
        .code(1)
        .stderr_contains("longer than 64 groups")
        .stderr_contains("limits.max-chain");
    // Raised, the same chain resolves (in linear time: the process timeout bounds it).
    let t = Test::new()
        .file(
            "opends.yaml",
            "name: t\ntokens: [t.json]\nlimits:\n  max-chain: 5000\n",
        )
        .file("t.json", extends_chain(3000));
    bounded(&t, ["tokens", "validate"])
        .success()
        .stderr_contains("3001 tokens");
    // An ordinary chain is fine with the default.
    let t = Test::new().file("t.json", extends_chain(20));
    bounded(&t, ["tokens", "validate", "t.json"]).success();
}

#[test]
fn deep_alias_chain_is_bounded() {
    let mut doc = serde_json::Map::new();
    doc.insert(
        "t0".into(),
        serde_json::json!({"$type": "number", "$value": 1}),
    );
    for i in 1..=5000 {
        doc.insert(
            format!("t{i}"),
            serde_json::json!({"$value": format!("{{t{}}}", i - 1)}),
        );
    }
    let t = Test::new().file("t.json", serde_json::Value::Object(doc).to_string());
    bounded(&t, ["tokens", "validate", "t.json"])
        .code(1)
        .stderr_contains("longer than 64 aliases")
        .stderr_contains("limits.max-chain");
}

#[test]
fn alias_expansion_bomb_hits_the_value_limit() {
    // Shadows of two layers that each alias the previous shadow: 2^25 layers at export.
    let dim = |v: u32| serde_json::json!({"value": v, "unit": "px"});
    let mut doc = serde_json::Map::new();
    doc.insert(
        "s0".into(),
        serde_json::json!({"$type": "shadow", "$value": {
            "color": {"colorSpace": "srgb", "components": [0, 0, 0]},
            "offsetX": dim(1), "offsetY": dim(1), "blur": dim(1), "spread": dim(0)}}),
    );
    for i in 1..=25 {
        let prev = format!("{{s{}}}", i - 1);
        doc.insert(
            format!("s{i}"),
            serde_json::json!({"$type": "shadow", "$value": [prev, prev]}),
        );
    }
    let t = Test::new().file("t.json", serde_json::Value::Object(doc).to_string());
    bounded(
        &t,
        [
            "export", "tokens", "--input", "t.json", "--format", "json", "--out", "out",
        ],
    )
    .code(2)
    .stderr_contains("`s9`: the value of `s9` grows to more than 10000 parts")
    .stderr_contains("limits.max-value-nodes")
    .stderr_contains("OPENDS_MAX_VALUE_NODES");
    assert!(!t.exists("out"));
}

#[test]
fn deep_yaml_nesting_is_refused() {
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let t = Test::new().file("opends.yaml", MINIMAL).file(
        "components/Deep.yaml",
        format!("name: Deep\ndescription: {deep}\n"),
    );
    bounded(&t, ["components", "import", "components"])
        .code(2)
        .stderr_contains("components/Deep.yaml:2:")
        .stderr_contains("nesting deeper than 128 levels")
        .stderr_contains("limits.max-depth");
    // The project file is read with the same bound.
    let t = Test::new().file("opends.yaml", format!("name: t\nlint: {deep}\n"));
    bounded(&t, ["tokens", "list"])
        .code(2)
        .stderr_contains("limits.max-depth");
}

#[test]
fn deep_json_nesting_is_refused() {
    let deep = format!("{}1{}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    let t = Test::new().file("t.json", deep);
    bounded(&t, ["tokens", "validate", "t.json"])
        .code(1)
        .stderr_contains("t.json:1:")
        .stderr_contains("nesting deeper than 128 levels")
        .stderr_contains("limits.max-depth")
        .stderr_contains("OPENDS_MAX_DEPTH");
}

#[cfg(unix)]
#[test]
fn symlink_loop_is_reported_once() {
    let t = Test::new().file(
        "tokens/a.json",
        r#"{"a": {"$type": "number", "$value": 1}}"#,
    );
    std::os::unix::fs::symlink("..", t.join("tokens/loop")).unwrap();
    let out = bounded(&t, ["tokens", "validate", "tokens"])
        .success()
        .stderr_contains("valid: 1 file, 1 token");
    assert_eq!(
        out.stderr().matches("symlink loop").count(),
        1,
        "{}",
        out.stderr()
    );
}

#[cfg(unix)]
#[test]
fn unreadable_token_file_exits_2() {
    // A dangling link and a file that is not UTF-8, both inside a listed directory.
    let t = Test::new().file(
        "tokens/a.json",
        r#"{"a": {"$type": "number", "$value": 1}}"#,
    );
    std::os::unix::fs::symlink("missing.json", t.join("tokens/b.json")).unwrap();
    t.opends(["tokens", "validate", "tokens"])
        .code(2)
        .stderr_contains("could not read `tokens/b.json`");
    t.opends(["tokens", "validate", "tokens", "--json"]).code(2);
    let t = Test::new().file("t.json", b"{\"a\xff\": 1}".as_slice());
    t.opends(["tokens", "validate", "t.json"])
        .code(2)
        .stderr_contains("not valid UTF-8");
}

#[test]
fn nul_in_token_name_is_refused() {
    let t = Test::new().file(
        "t.json",
        r#"{"a\u0000b": {"$type": "number", "$value": 1}, "c\u001b]52;c;eA==\u0007": {"$type": "number", "$value": 2}, "d\u2028": {"$type": "number", "$value": 3}}"#,
    );
    let out = t
        .opends(["tokens", "validate", "t.json"])
        .code(1)
        .stderr_contains("t.json:1:2: ")
        .stderr_contains("control characters (U+0000)")
        .stderr_contains("control characters (U+001B)")
        .stderr_contains("control characters (U+2028)");
    assert!(!out.stderr().contains('\u{1b}'), "{}", out.stderr());
    // Component names and identifiers too.
    let t = Test::new()
        .file("opends.yaml", MINIMAL)
        .file("components/B.yaml", "name: \"Bu\\0tton\"\n");
    let out = t
        .opends(["components", "import", "components"])
        .code(2)
        .stderr_contains("control characters (U+0000)");
    assert!(!out.stderr().contains('\0'), "{}", out.stderr());
}

/// Mutation fuzzing of the readers (stable Rust, proptest): seeds from
/// `tests/fuzz/corpus/{tokens,specs}` (the project's fixtures and examples plus small
/// attack inputs), byte-level and structure-aware mutations. Each case must end without
/// a panic, within the limits (which keep every case small), and with every error
/// located. `OPENDS_FUZZ_CASES` raises the case count (`benches/fuzz.sh` runs long).
mod fuzz {
    use std::path::{Path, PathBuf};

    use opends::input::{LimitsConfig, configure, limits};
    use opends::tokens::{Findings, Format, TokenFile};
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};
    use serde_json::Value;

    /// Fragments worth inserting: structure, references, anchors and hostile characters.
    const DICT: [&str; 24] = [
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "\\u0000",
        "\u{1b}",
        "\u{2028}",
        "$value",
        "$type",
        "$extends",
        "$ref",
        "{a.b}",
        "#/a/$value",
        "&a ",
        "*a",
        "- ",
        ": ",
        "\n  ",
        "1e999",
        "\"$value\": \"{g0}\"",
    ];

    #[derive(Debug, Clone)]
    enum Mutation {
        Flip {
            at: usize,
            byte: u8,
        },
        Insert {
            at: usize,
            what: usize,
        },
        Delete {
            at: usize,
            len: usize,
        },
        Copy {
            from: usize,
            len: usize,
            to: usize,
        },
        /// JSON only: copy an object into another.
        Duplicate {
            from: usize,
            to: usize,
        },
        /// JSON only: make a group extend another.
        Extends {
            group: usize,
            target: usize,
        },
        /// JSON only: make a token's value an alias of another token.
        Alias {
            token: usize,
            target: usize,
        },
    }

    fn mutation() -> impl Strategy<Value = Mutation> {
        let n = 1usize << 20;
        prop_oneof![
            (0..n, any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
            (0..n, 0..DICT.len()).prop_map(|(at, what)| Mutation::Insert { at, what }),
            (0..n, 1usize..64).prop_map(|(at, len)| Mutation::Delete { at, len }),
            (0..n, 1usize..256, 0..n).prop_map(|(from, len, to)| Mutation::Copy { from, len, to }),
            (0..n, 0..n).prop_map(|(from, to)| Mutation::Duplicate { from, to }),
            (0..n, 0..n).prop_map(|(group, target)| Mutation::Extends { group, target }),
            (0..n, 0..n).prop_map(|(token, target)| Mutation::Alias { token, target }),
        ]
    }

    fn corpus(kind: &str) -> Vec<(String, String)> {
        let dir = crate::support::crate_root()
            .join("tests/fuzz/corpus")
            .join(kind);
        let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        out.sort();
        assert!(!out.is_empty(), "empty corpus {}", dir.display());
        out
    }

    /// Paths of the objects in a JSON document, and which of them are tokens.
    fn objects(v: &Value, path: &mut Vec<String>, out: &mut Vec<(Vec<String>, bool)>) {
        if let Value::Object(m) = v {
            out.push((path.clone(), m.contains_key("$value")));
            for (k, child) in m {
                path.push(k.clone());
                objects(child, path, out);
                path.pop();
            }
        }
    }

    fn at_mut<'v>(
        v: &'v mut Value,
        path: &[String],
    ) -> Option<&'v mut serde_json::Map<String, Value>> {
        let mut cur = v;
        for seg in path {
            cur = cur.as_object_mut()?.get_mut(seg)?;
        }
        cur.as_object_mut()
    }

    fn structural(text: &str, m: &Mutation) -> Option<String> {
        let mut doc: Value = serde_json::from_str(text).ok()?;
        let mut all = Vec::new();
        objects(&doc, &mut Vec::new(), &mut all);
        if all.is_empty() {
            return None;
        }
        let pick = |i: usize| &all[i % all.len()].0;
        let dotted = |p: &[String]| p.join(".");
        match *m {
            Mutation::Duplicate { from, to } => {
                let (src, dst) = (pick(from).clone(), pick(to).clone());
                let mut node = doc.clone();
                for seg in &src {
                    node = node.get(seg)?.clone();
                }
                at_mut(&mut doc, &dst)?.insert(format!("dup{from}"), node);
            }
            Mutation::Extends { group, target } => {
                let target = format!("{{{}}}", dotted(pick(target)));
                at_mut(&mut doc, &pick(group).clone())?.insert("$extends".into(), target.into());
            }
            Mutation::Alias { token, target } => {
                let tokens: Vec<&Vec<String>> =
                    all.iter().filter(|(_, t)| *t).map(|(p, _)| p).collect();
                if tokens.is_empty() {
                    return None;
                }
                let alias = format!("{{{}}}", dotted(tokens[target % tokens.len()]));
                let p = tokens[token % tokens.len()].clone();
                at_mut(&mut doc, &p)?.insert("$value".into(), alias.into());
            }
            _ => return None,
        }
        serde_json::to_string_pretty(&doc).ok()
    }

    fn mutate(seed: &str, mutations: &[Mutation], json: bool) -> String {
        let mut text = seed.to_string();
        for m in mutations {
            if json {
                if let Some(t) = structural(&text, m) {
                    text = t;
                    continue;
                }
            }
            let mut b = text.into_bytes();
            let len = b.len().max(1);
            match *m {
                Mutation::Flip { at, byte } if !b.is_empty() => {
                    let i = at % b.len();
                    b[i] = byte;
                }
                Mutation::Insert { at, what } => {
                    let i = at % (b.len() + 1);
                    b.splice(i..i, DICT[what].bytes());
                }
                Mutation::Delete { at, len: n } => {
                    let i = at % len;
                    let end = (i + n).min(b.len());
                    if i < end {
                        b.drain(i..end);
                    }
                }
                Mutation::Copy { from, len: n, to } => {
                    let i = from % len;
                    let end = (i + n).min(b.len());
                    if i < end {
                        let piece: Vec<u8> = b[i..end].to_vec();
                        let j = to % (b.len() + 1);
                        b.splice(j..j, piece);
                    }
                }
                _ => {}
            }
            text = String::from_utf8_lossy(&b).into_owned();
        }
        text
    }

    fn cases(default: u32) -> u32 {
        std::env::var("OPENDS_FUZZ_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    }

    /// Small limits, so that every case stays cheap whatever the mutations build.
    fn small_limits() {
        configure(&LimitsConfig {
            max_tokens: Some(20_000),
            max_yaml_nodes: Some(50_000),
            ..LimitsConfig::default()
        });
    }

    /// Saves a failing input under `target/fuzz-crashes/` (to add to the corpus).
    fn save(kind: &str, text: &str) -> PathBuf {
        let dir = crate::support::crate_root()
            .join("target/fuzz-crashes")
            .join(kind);
        std::fs::create_dir_all(&dir).ok();
        let path = dir.join(format!("crash-{:016x}", {
            let mut h = std::hash::DefaultHasher::new();
            std::hash::Hash::hash(text, &mut h);
            std::hash::Hasher::finish(&h)
        }));
        std::fs::write(&path, text).ok();
        path
    }

    fn located(findings: &Findings) -> Result<(), TestCaseError> {
        for f in findings.iter().filter(|f| f.is_error()) {
            prop_assert!(f.file.is_some(), "error without a file: {f:?}");
            prop_assert!(f.line.is_some(), "error without a line: {f:?}");
        }
        Ok(())
    }

    fn check_tokens(text: &str) -> Result<(), TestCaseError> {
        let file = TokenFile {
            name: "fuzz.json".into(),
            path: Path::new("fuzz-does-not-exist").join("fuzz.json"),
            text: text.to_string(),
        };
        let mut findings = Findings::default();
        let tokens = opends::tokens::load_files(&[file], Format::Auto, &mut findings);
        prop_assert!(tokens.len() <= limits().max_tokens);
        located(&findings)?;
        if !findings.has_errors() {
            let r = opends::tokens::resolve::Resolver::new(&tokens, None);
            for t in &tokens.tokens {
                let _ = r.resolved(t);
            }
        }
        Ok(())
    }

    fn check_spec(text: &str) -> Result<(), TestCaseError> {
        match opends::components::parse("fuzz.yaml", text) {
            Ok(spec) => {
                let tokens = opends::model::Tokens::default();
                let findings = opends::components::check(&spec, &tokens, "fuzz.yaml", text);
                for f in findings.iter() {
                    prop_assert!(f.file.is_some(), "finding without a file: {f:?}");
                }
            }
            Err(findings) => {
                for f in findings.iter() {
                    prop_assert!(f.file.is_some(), "finding without a file: {f:?}");
                }
            }
        }
        let _ = opends::settings::parse(text, "opends.yaml");
        Ok(())
    }

    fn run(kind: &str, json: bool, check: fn(&str) -> Result<(), TestCaseError>) {
        small_limits();
        let seeds = corpus(kind);
        // Every seed as it is, first.
        for (name, text) in &seeds {
            if let Err(e) = check(text) {
                panic!("corpus file {kind}/{name}: {e}");
            }
        }
        let mut runner = TestRunner::new(Config {
            cases: cases(96),
            failure_persistence: None,
            ..Config::default()
        });
        let texts: Vec<String> = seeds.into_iter().map(|(_, t)| t).collect();
        let strategy = (
            proptest::sample::select(texts),
            proptest::collection::vec(mutation(), 1..8),
        );
        let result = runner.run(&strategy, |(seed, mutations)| {
            let text = mutate(&seed, &mutations, json);
            let outcome = std::panic::catch_unwind(|| check(&text));
            match outcome {
                Ok(r) => r,
                Err(_) => Err(TestCaseError::fail(format!(
                    "panicked; input saved to {}",
                    save(kind, &text).display()
                ))),
            }
        });
        match result {
            Ok(()) => {}
            Err(TestError::Fail(why, (seed, mutations))) => {
                let text = mutate(&seed, &mutations, json);
                let path = save(kind, &text);
                panic!("{why}\ninput saved to {}:\n{text:?}", path.display());
            }
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn fuzz_token_reader() {
        run("tokens", true, check_tokens);
    }

    #[test]
    fn fuzz_spec_reader() {
        run("specs", false, check_spec);
    }
}

/// `big`, a string of `len` bytes, and `aliases` tokens aliasing it (DTCG).
fn big_string_and_aliases(len: usize, aliases: usize) -> String {
    let mut doc = serde_json::Map::new();
    doc.insert(
        "big".into(),
        serde_json::json!({"$type": "fontFamily", "$value": "x".repeat(len)}),
    );
    for i in 0..aliases {
        doc.insert(format!("a{i}"), serde_json::json!({"$value": "{big}"}));
    }
    serde_json::Value::Object(doc).to_string()
}

#[test]
fn large_value_aliased_thousands_of_times_hits_the_byte_limit() {
    // 1 MiB and 4,000 aliases (1.2 MB of JSON): 4 GB once every alias is resolved.
    let t = Test::new()
        .file("opends.yaml", "name: t\ntokens: [t.json]\n")
        .file("t.json", big_string_and_aliases(1 << 20, 4000));
    bounded(&t, ["tokens", "validate", "t.json"])
        .code(1)
        .stderr_contains("more than 536870912 bytes")
        .stderr_contains("limits.max-output-bytes")
        .stderr_contains("OPENDS_MAX_OUTPUT_BYTES");
    for args in [
        &["export", "tokens", "--format", "json", "--out", "out"][..],
        &["docs", "build"][..],
    ] {
        bounded(&t, args)
            .code(2)
            .stderr_contains("limits.max-output-bytes");
    }
    assert!(!t.exists("out") && !t.exists("site"), "nothing is written");
    // Raising the limit is what the message says to do (here, on a smaller case).
    let t = Test::new().file("t.json", big_string_and_aliases(1 << 16, 100));
    bounded(&t, ["tokens", "validate", "t.json"]).success();
    let t = t.env("OPENDS_MAX_OUTPUT_BYTES", "1000000");
    bounded(&t, ["tokens", "validate", "t.json"])
        .code(1)
        .stderr_contains("more than 1000000 bytes");
}

#[test]
fn extends_fan_out_of_a_large_value_hits_the_byte_limit() {
    // 4,096 groups inheriting a 1 MiB value: 4 GB of copies from a 1.2 MB file.
    let mut doc = serde_json::Map::new();
    doc.insert(
        "base".into(),
        serde_json::json!({"$type": "fontFamily", "big": {"$value": "x".repeat(1 << 20)}}),
    );
    for i in 0..4096 {
        doc.insert(format!("g{i}"), serde_json::json!({"$extends": "{base}"}));
    }
    let t = Test::new().file("t.json", serde_json::Value::Object(doc).to_string());
    bounded(&t, ["tokens", "validate", "t.json"])
        .code(1)
        .stderr_contains("`$extends` would copy values of more than 536870912 bytes")
        .stderr_contains("limits.max-output-bytes")
        .stderr_contains("t.json:1:");
}

#[test]
fn yaml_alias_of_a_large_scalar_is_refused() {
    // A 1 MiB scalar aliased 3,000 times: 3 GB from a 1 MB spec, few nodes.
    let mut text = format!("name: Bomb\ndescription: &big {}\n", "x".repeat(1 << 20));
    text.push_str("accessibility:\n  keyboard: [");
    text.push_str(&vec!["*big"; 3000].join(", "));
    text.push_str("]\n");
    let t = Test::new()
        .file("opends.yaml", MINIMAL)
        .file("components/Bomb.yaml", &text);
    bounded(&t, ["components", "import", "components"])
        .code(2)
        .stderr_contains("components/Bomb.yaml:4:")
        .stderr_contains("aliases expand to more than 536870912 bytes")
        .stderr_contains("OPENDS_MAX_OUTPUT_BYTES");
}
