//! The test harness: runs the real `opends` binary in a temp dir with a scrubbed
//! environment, and checks what it did.

use std::ffi::{OsStr, OsString};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::SystemTime;

use serde_json::Value;
use tempfile::TempDir;

/// The binary under test.
pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_opends");

/// The smallest valid project file.
pub(crate) const MINIMAL: &str = "name: test\n";

/// The crate's root (for fixtures and examples).
pub(crate) fn crate_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<rel>`.
pub(crate) fn fixture(rel: &str) -> PathBuf {
    crate_root().join("tests").join("fixtures").join(rel)
}

/// One test's sandbox: a temp dir holding `home/` (HOME and XDG_* point there) and
/// `work/` (the working directory, where `file` writes), plus the command to run.
#[must_use]
pub(crate) struct Test {
    root: TempDir,
    cwd: PathBuf,
    args: Vec<OsString>,
    env: Vec<(OsString, OsString)>,
}

impl Default for Test {
    fn default() -> Self {
        Self::new()
    }
}

impl Test {
    /// A fresh sandbox with an empty working directory.
    pub(crate) fn new() -> Self {
        let root = tempfile::Builder::new()
            .prefix("opends-test-")
            .tempdir()
            .expect("create a temp dir");
        for dir in [
            "work",
            "home",
            "xdg/config",
            "xdg/data",
            "xdg/cache",
            "xdg/state",
            "xdg/runtime",
            "tmp",
        ] {
            fs::create_dir_all(root.path().join(dir)).expect("create sandbox dirs");
        }
        Self {
            root,
            cwd: PathBuf::from("."),
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    /// The working directory (files are written relative to it).
    pub(crate) fn path(&self) -> PathBuf {
        self.root.path().join("work")
    }

    /// The sandbox root (holds `work/` and `home/`).
    pub(crate) fn root(&self) -> &Path {
        self.root.path()
    }

    /// `work/<rel>`.
    pub(crate) fn join(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.path().join(rel)
    }

    /// Writes a file (creating its directories) before running.
    pub(crate) fn file(self, rel: impl AsRef<Path>, contents: impl AsRef<[u8]>) -> Self {
        self.write(rel, contents);
        self
    }

    /// Copies a directory tree into the working directory.
    pub(crate) fn copy_dir(self, from: impl AsRef<Path>, to: impl AsRef<Path>) -> Self {
        copy_tree(from.as_ref(), &self.join(to));
        self
    }

    /// Sets the arguments of `run`.
    pub(crate) fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.args = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
        self
    }

    /// Adds an environment variable (on top of the scrubbed environment).
    pub(crate) fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Self {
        self.env
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    /// Runs from `work/<rel>` instead of `work/`.
    pub(crate) fn current_dir(mut self, rel: impl AsRef<Path>) -> Self {
        self.cwd = rel.as_ref().to_path_buf();
        fs::create_dir_all(self.path().join(&self.cwd)).expect("create the working directory");
        self
    }

    /// Writes (or overwrites) a file now, between runs.
    pub(crate) fn write(&self, rel: impl AsRef<Path>, contents: impl AsRef<[u8]>) {
        let path = self.join(rel);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).expect("create parent dirs");
        }
        fs::write(&path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }

    /// Reads a file of the working directory.
    pub(crate) fn read(&self, rel: impl AsRef<Path>) -> String {
        let path = self.join(rel);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
    }

    /// Reads a JSON file of the working directory.
    pub(crate) fn read_json(&self, rel: impl AsRef<Path>) -> Value {
        let text = self.read(rel.as_ref());
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{} is not JSON: {e}\n{text}", rel.as_ref().display()))
    }

    /// Whether a file or directory exists in the working directory.
    pub(crate) fn exists(&self, rel: impl AsRef<Path>) -> bool {
        self.join(rel).exists()
    }

    /// A file's modification time.
    pub(crate) fn mtime(&self, rel: impl AsRef<Path>) -> SystemTime {
        let path = self.join(rel);
        fs::metadata(&path)
            .and_then(|m| m.modified())
            .unwrap_or_else(|e| panic!("stat {}: {e}", path.display()))
    }

    /// Every file under the sandbox root, relative to it, sorted (directories excluded).
    pub(crate) fn tree(&self) -> Vec<String> {
        let mut out = Vec::new();
        list_files(self.root(), self.root(), &mut out);
        out.sort();
        out
    }

    /// Every file (relative path, contents) under `work/<rel>`, sorted by path.
    pub(crate) fn files_under(&self, rel: impl AsRef<Path>) -> Vec<(String, String)> {
        let base = self.join(rel);
        let mut names = Vec::new();
        list_files(&base, &base, &mut names);
        names.sort();
        names
            .into_iter()
            .map(|n| {
                let text = fs::read_to_string(base.join(&n)).expect("read an output file");
                (n, text)
            })
            .collect()
    }

    /// The command `run` would run, with `args` instead (for spawning several at once).
    pub(crate) fn command<I, S>(&self, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let home = self.root().join("home");
        let xdg = self.root().join("xdg");
        let mut cmd = Command::new(BIN);
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &home)
            .env("USERPROFILE", &home)
            .env("XDG_CONFIG_HOME", xdg.join("config"))
            .env("XDG_DATA_HOME", xdg.join("data"))
            .env("XDG_CACHE_HOME", xdg.join("cache"))
            .env("XDG_STATE_HOME", xdg.join("state"))
            .env("XDG_RUNTIME_DIR", xdg.join("runtime"))
            .env("TMPDIR", self.root().join("tmp"))
            .env("NO_COLOR", "1")
            .current_dir(self.path().join(&self.cwd))
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        cmd
    }

    /// Runs `opends` with the arguments given to `args`.
    pub(crate) fn run(&self) -> Output {
        self.opends(&self.args)
    }

    /// Runs `opends ARGS` in this sandbox (for tests that run it several times).
    pub(crate) fn opends<I, S>(&self, args: I) -> Output
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<OsString> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
        let out = self
            .command(&args)
            .output()
            .unwrap_or_else(|e| panic!("run {BIN}: {e}"));
        self.output(&args, out.status, &out.stdout, &out.stderr)
    }

    /// Runs `opends ARGS` with extra environment variables.
    pub(crate) fn opends_env<I, S>(&self, args: I, env: &[(&str, &str)]) -> Output
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<OsString> = args.into_iter().map(|a| a.as_ref().to_owned()).collect();
        let mut cmd = self.command(&args);
        cmd.envs(env.iter().copied());
        let out = cmd.output().unwrap_or_else(|e| panic!("run {BIN}: {e}"));
        self.output(&args, out.status, &out.stdout, &out.stderr)
    }

    /// Wraps a finished process's output.
    pub(crate) fn output(
        &self,
        args: &[OsString],
        status: ExitStatus,
        stdout: &[u8],
        stderr: &[u8],
    ) -> Output {
        Output {
            command: format!(
                "opends {}",
                args.iter()
                    .map(|a| a.to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            status,
            stdout: self.redact(&String::from_utf8_lossy(stdout)),
            stderr: self.redact(&String::from_utf8_lossy(stderr)),
        }
    }

    /// Replaces the sandbox's path by `[TEMP]`.
    pub(crate) fn redact(&self, text: &str) -> String {
        let mut out = text.to_string();
        for p in self.root_forms() {
            out = out.replace(&p, "[TEMP]");
        }
        out
    }

    fn root_forms(&self) -> Vec<String> {
        let mut forms = vec![self.root().display().to_string()];
        if let Ok(c) = self.root().canonicalize() {
            let c = c.display().to_string();
            if !forms.contains(&c) {
                forms.insert(0, c);
            }
        }
        forms
    }

    /// insta settings for this sandbox: its path shown as `[TEMP]`.
    pub(crate) fn insta(&self) -> insta::Settings {
        let mut settings = insta::Settings::clone_current();
        for p in self.root_forms() {
            settings.add_filter(&regex_escape(&p), "[TEMP]");
        }
        settings
    }
}

fn regex_escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create a directory");
    for entry in fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())) {
        let entry = entry.expect("read a directory entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

fn list_files(base: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let entry = entry.expect("read a directory entry");
        let path = entry.path();
        if path.is_dir() {
            list_files(base, &path, out);
        } else {
            let rel = path.strip_prefix(base).expect("under base");
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// What one run did.
pub(crate) struct Output {
    command: String,
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl Output {
    /// The exit code (`None` when killed by a signal).
    pub(crate) fn exit_code(&self) -> Option<i32> {
        self.status.code()
    }

    /// stdout, temp paths shown as `[TEMP]`.
    pub(crate) fn stdout(&self) -> &str {
        &self.stdout
    }

    /// stderr, temp paths shown as `[TEMP]`.
    pub(crate) fn stderr(&self) -> &str {
        &self.stderr
    }

    /// stdout parsed as JSON.
    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{}", self.report(&format!("stdout is not JSON: {e}"))))
    }

    fn report(&self, what: &str) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{what}");
        let _ = writeln!(s, "command: {}", self.command);
        let _ = writeln!(s, "exit: {:?}", self.status.code());
        let _ = writeln!(s, "--- stdout\n{}", self.stdout);
        let _ = writeln!(s, "--- stderr\n{}", self.stderr);
        s
    }

    /// Asserts exit code 0.
    pub(crate) fn success(self) -> Self {
        self.code(0)
    }

    /// Asserts the exit code.
    pub(crate) fn code(self, code: i32) -> Self {
        assert!(
            self.status.code() == Some(code),
            "{}",
            self.report(&format!("expected exit code {code}"))
        );
        self
    }

    /// Asserts that stdout contains `needle`.
    pub(crate) fn stdout_contains(self, needle: &str) -> Self {
        assert!(
            self.stdout.contains(needle),
            "{}",
            self.report(&format!("stdout should contain {needle:?}"))
        );
        self
    }

    /// Asserts that stderr contains `needle`.
    pub(crate) fn stderr_contains(self, needle: &str) -> Self {
        assert!(
            self.stderr.contains(needle),
            "{}",
            self.report(&format!("stderr should contain {needle:?}"))
        );
        self
    }

    /// Asserts that stderr does not contain `needle`.
    pub(crate) fn stderr_lacks(self, needle: &str) -> Self {
        assert!(
            !self.stderr.contains(needle),
            "{}",
            self.report(&format!("stderr should not contain {needle:?}"))
        );
        self
    }

    /// Asserts that stdout is empty.
    pub(crate) fn stdout_empty(self) -> Self {
        assert!(
            self.stdout.is_empty(),
            "{}",
            self.report("stdout should be empty")
        );
        self
    }
}

/// The tokens of `tokens list --json`, keyed by path.
pub(crate) fn tokens_by_path(list: &Value) -> serde_json::Map<String, Value> {
    list.as_array()
        .expect("`tokens list --json` prints an array")
        .iter()
        .map(|t| (t["path"].as_str().expect("a path").to_string(), t.clone()))
        .collect()
}

/// Whether two JSON values are equal, comparing numbers by value (`1` equals `1.0`).
pub(crate) fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_eq(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}
