//! Every environment variable opends reads, named once.
//!
//! Code reads a variable through these constants (and clap's `env =` uses them), so a
//! name is spelled in exactly one place and `docs/configuration.md` can list them all.
//! Precedence everywhere: command-line flag, then the variable, then `opends.yaml`, then
//! the default.

/// Names of the `OPENDS_*` environment variables.
pub struct EnvVars;

impl EnvVars {
    /// The project directory (as `-C DIR`).
    pub const PROJECT: &'static str = "OPENDS_PROJECT";
    /// The local store's path (as `--db PATH`).
    pub const DB: &'static str = "OPENDS_DB";
    /// Who releases and approves: wins over git's `user.name <user.email>`.
    pub const AUTHOR: &'static str = "OPENDS_AUTHOR";

    /// Figma access token; always wins over the keyring (for CI).
    pub const FIGMA_TOKEN: &'static str = "OPENDS_FIGMA_TOKEN";
    /// Penpot access token; always wins over the keyring (for CI).
    pub const PENPOT_TOKEN: &'static str = "OPENDS_PENPOT_TOKEN";
    /// Figma API base URL (for self-hosted proxies and tests).
    pub const FIGMA_API_URL: &'static str = "OPENDS_FIGMA_API_URL";
    /// Penpot API base URL (self-hosted Penpot).
    pub const PENPOT_API_URL: &'static str = "OPENDS_PENPOT_API_URL";
    /// Timeout of one HTTP request to a design tool or a team server, in milliseconds.
    pub const HTTP_TIMEOUT_MS: &'static str = "OPENDS_HTTP_TIMEOUT_MS";
    /// `none` disables the keyring; `mock` uses an in-process one (tests).
    pub const KEYRING: &'static str = "OPENDS_KEYRING";
    /// Team server credential (an API token or an access token); wins over the keyring.
    pub const SERVER_TOKEN: &'static str = "OPENDS_SERVER_TOKEN";

    /// `opends serve`: a PostgreSQL URL instead of the SQLite data directory.
    pub const DATABASE_URL: &'static str = "OPENDS_DATABASE_URL";
    /// `opends serve`: the passcode Figma webhooks must carry.
    pub const FIGMA_WEBHOOK_PASSCODE: &'static str = "OPENDS_FIGMA_WEBHOOK_PASSCODE";
    /// `opends serve`: the secret in the Penpot webhook's URL.
    pub const PENPOT_WEBHOOK_SECRET: &'static str = "OPENDS_PENPOT_WEBHOOK_SECRET";

    /// How often `release` retries when other writers keep the store busy (default 5).
    pub const RELEASE_RETRIES: &'static str = "OPENDS_RELEASE_RETRIES";

    /// Input limit: largest file read, in bytes (`limits.max-file-size`).
    pub const MAX_FILE_SIZE: &'static str = "OPENDS_MAX_FILE_SIZE";
    /// Input limit: most tokens in one run (`limits.max-tokens`).
    pub const MAX_TOKENS: &'static str = "OPENDS_MAX_TOKENS";
    /// Input limit: deepest nesting of JSON and YAML values (`limits.max-depth`).
    pub const MAX_DEPTH: &'static str = "OPENDS_MAX_DEPTH";
    /// Input limit: longest `$extends` or alias chain (`limits.max-chain`).
    pub const MAX_CHAIN: &'static str = "OPENDS_MAX_CHAIN";
    /// Input limit: most YAML nodes, aliases counted as expanded (`limits.max-yaml-nodes`).
    pub const MAX_YAML_NODES: &'static str = "OPENDS_MAX_YAML_NODES";
    /// Input limit: most parts in one resolved value (`limits.max-value-nodes`).
    pub const MAX_VALUE_NODES: &'static str = "OPENDS_MAX_VALUE_NODES";
    /// Input limit: most bytes values grow to through `$extends`, references and YAML
    /// aliases (`limits.max-output-bytes`).
    pub const MAX_OUTPUT_BYTES: &'static str = "OPENDS_MAX_OUTPUT_BYTES";

    /// Tests only: `kill:POINT` or `write:FILE` fails the process at a named point.
    pub const TEST_FAIL: &'static str = "OPENDS_TEST_FAIL";
    /// Tests only: `POINT:DIR` pauses a writer at a named point until DIR/go exists.
    pub const TEST_PAUSE: &'static str = "OPENDS_TEST_PAUSE";

    /// Every variable with its one-line description, for `--help` and the docs.
    pub const ALL: &'static [(&'static str, &'static str)] = &[
        (Self::PROJECT, "the project directory (as -C)"),
        (Self::DB, "the local store's path (as --db)"),
        (Self::AUTHOR, "who releases and approves"),
        (
            Self::FIGMA_TOKEN,
            "Figma access token (wins over the keyring)",
        ),
        (
            Self::PENPOT_TOKEN,
            "Penpot access token (wins over the keyring)",
        ),
        (Self::FIGMA_API_URL, "Figma API base URL"),
        (Self::PENPOT_API_URL, "Penpot API base URL"),
        (
            Self::HTTP_TIMEOUT_MS,
            "HTTP request timeout in milliseconds",
        ),
        (Self::KEYRING, "`none` disables the keyring"),
        (
            Self::SERVER_TOKEN,
            "team server credential (wins over the keyring)",
        ),
        (Self::DATABASE_URL, "serve: PostgreSQL URL"),
        (
            Self::FIGMA_WEBHOOK_PASSCODE,
            "serve: Figma webhook passcode",
        ),
        (Self::PENPOT_WEBHOOK_SECRET, "serve: Penpot webhook secret"),
        (
            Self::RELEASE_RETRIES,
            "release: retries when the store is busy",
        ),
        (Self::MAX_FILE_SIZE, "limit: largest file read, in bytes"),
        (Self::MAX_TOKENS, "limit: most tokens in one run"),
        (Self::MAX_DEPTH, "limit: deepest nesting"),
        (Self::MAX_CHAIN, "limit: longest $extends or alias chain"),
        (Self::MAX_YAML_NODES, "limit: most YAML nodes"),
        (
            Self::MAX_VALUE_NODES,
            "limit: most parts in one resolved value",
        ),
        (
            Self::MAX_OUTPUT_BYTES,
            "limit: most bytes resolved values grow to",
        ),
        (Self::TEST_FAIL, "tests only: fail at a named point"),
        (Self::TEST_PAUSE, "tests only: pause at a named point"),
    ];

    /// The variable's value, unless it is unset or blank.
    pub fn get(name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::EnvVars;

    /// Every variable is documented in docs/config.md.
    #[test]
    fn every_variable_is_documented() {
        let docs = include_str!("../docs/config.md");
        for (name, _) in EnvVars::ALL {
            assert!(
                docs.contains(&format!("`{name}`")),
                "{name} is missing from docs/config.md"
            );
        }
    }

    /// No source file spells an `OPENDS_*` name as a literal of its own: reads go
    /// through these constants.
    #[test]
    fn names_are_spelled_once() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![root];
        let mut offenders = Vec::new();
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("env_vars.rs")
                {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for (name, _) in EnvVars::ALL {
                        if text.contains(&format!("\"{name}\"")) {
                            offenders.push(format!("{}: {name}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            offenders.is_empty(),
            "spell these through EnvVars: {offenders:?}"
        );
    }
}
