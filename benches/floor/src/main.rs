//! The parse floor of the opends benchmarks, for checkouts without `../shared/bench`.
//!
//! `floor FILE` reads FILE and parses it into a `serde_json::Value` (the tree any token
//! tool has to build or walk), counts its `$value` keys so the work cannot be skipped,
//! and exits without freeing the tree, as a command-line tool may.
//! `floor --scan FILE` only checks the JSON syntax; `floor --read-only FILE` only reads.

use std::process::ExitCode;

use serde_json::Value;

fn values(v: &Value) -> usize {
    let mut stack = vec![v];
    let mut n = 0;
    while let Some(v) = stack.pop() {
        match v {
            Value::Object(map) => {
                n += usize::from(map.contains_key("$value"));
                stack.extend(map.values());
            }
            Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    n
}

fn run(mode: &str, path: &str) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let parse_error = |e: serde_json::Error| format!("{path}: {e}");
    Ok(match mode {
        "--read-only" => format!("{} bytes", bytes.len()),
        "--scan" => {
            serde_json::from_slice::<serde::de::IgnoredAny>(&bytes).map_err(parse_error)?;
            format!("{} bytes, valid JSON", bytes.len())
        }
        _ => {
            let tree: Value = serde_json::from_slice(&bytes).map_err(parse_error)?;
            let line = format!("{} bytes, {} $value keys", bytes.len(), values(&tree));
            std::mem::forget(tree);
            line
        }
    })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (mode, path) = match args.as_slice() {
        [flag, path] if flag == "--scan" || flag == "--read-only" => (flag.as_str(), path),
        [path] if !path.starts_with('-') => ("", path),
        _ => {
            eprintln!("usage: floor [--scan | --read-only] FILE");
            return ExitCode::from(2);
        }
    };
    match run(mode, path) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("floor: {e}");
            ExitCode::FAILURE
        }
    }
}
