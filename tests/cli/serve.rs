//! The harness the server tests share: the real `opends serve` on `127.0.0.1:0` with a
//! data directory in the test's sandbox, an HTTP client, and the CLI's account commands.

use std::io::{BufRead as _, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::blocking::Client;
use serde_json::{Value, json};

use crate::support::Test;

/// A running `opends serve`, killed on drop; its stderr is collected line by line.
pub(crate) struct Server {
    /// The server process.
    pub(crate) child: Child,
    /// `http://127.0.0.1:PORT`.
    pub(crate) url: String,
    /// `127.0.0.1:PORT`, for raw TCP clients.
    pub(crate) addr: String,
    /// The data directory (`server-data` in the sandbox).
    pub(crate) data: PathBuf,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Starts `opends serve` with `extra` flags and `env` variables.
    pub(crate) fn start(t: &Test, extra: &[&str], env: &[(&str, &str)]) -> Self {
        let data = t.join("server-data");
        let mut cmd = t.command(
            [
                "serve",
                "--bind",
                "127.0.0.1:0",
                "--data",
                data.to_str().expect("utf-8 path"),
            ]
            .iter()
            .chain(extra),
        );
        cmd.envs(env.iter().copied());
        Self::spawn(cmd, data)
    }

    /// Runs `cmd` (an `opends serve` on port 0 using `data`) and waits until it listens.
    pub(crate) fn spawn(mut cmd: Command, data: PathBuf) -> Self {
        cmd.stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("start opends serve");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        let log = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(i) = line.find("listening on http://") {
                    let rest = &line[i + "listening on ".len()..];
                    let url = rest.split_whitespace().next().unwrap_or_default();
                    let _ = tx.send(url.to_string());
                }
                sink.lock().expect("log").push(line);
            }
        });
        let url: String = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("the server announces where it listens");
        let addr = url.trim_start_matches("http://").to_string();
        Self {
            child,
            url,
            addr,
            data,
            log,
        }
    }

    /// Everything the server logged so far.
    pub(crate) fn log(&self) -> String {
        self.log.lock().expect("log").join("\n")
    }

    /// The log once it contains `needle` (lines arrive from a reader thread), or as it is
    /// after five seconds.
    pub(crate) fn log_with(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let log = self.log();
            if log.contains(needle) || start.elapsed() > Duration::from_secs(5) {
                return log;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// `GET path` with a bearer token.
    pub(crate) fn get(&self, path: &str, token: &str) -> (u16, Value) {
        call(http().get(format!("{}{path}", self.url)).bearer_auth(token))
    }

    /// `POST /api/v1/auth/login`.
    pub(crate) fn login(&self, email: &str, password: &str) -> (u16, Value) {
        call(
            http()
                .post(format!("{}/api/v1/auth/login", self.url))
                .json(&json!({"email": email, "password": password})),
        )
    }

    /// The Prometheus text of `/metrics`.
    pub(crate) fn metrics(&self) -> String {
        http()
            .get(format!("{}/metrics", self.url))
            .send()
            .expect("metrics")
            .text()
            .expect("metrics text")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A blocking client with a generous timeout (a hung server fails the test).
pub(crate) fn http() -> Client {
    Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client")
}

/// A request's status and JSON body (`null` when the body is not JSON).
pub(crate) fn call(req: reqwest::blocking::RequestBuilder) -> (u16, Value) {
    let resp = req.send().expect("the server answers");
    let status = resp.status().as_u16();
    let text = resp.text().unwrap_or_default();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

/// `opends server token create --role ROLE` on the sandbox's server data: the token.
pub(crate) fn api_token(t: &Test, role: &str) -> String {
    let out = t
        .opends([
            "server",
            "token",
            "create",
            "--role",
            role,
            "--data",
            "server-data",
        ])
        .success();
    let token = out.stdout().trim().to_string();
    assert!(token.starts_with("odst_"), "{token}");
    token
}

/// `opends server user add EMAIL --role ROLE`: its output (the one-time password).
pub(crate) fn add_user(t: &Test, email: &str, role: &str) -> String {
    let out = t
        .opends([
            "server",
            "user",
            "add",
            email,
            "--role",
            role,
            "--data",
            "server-data",
        ])
        .success();
    out.stdout().trim().to_string()
}
