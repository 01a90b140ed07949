//! Design sources (Figma files, Penpot files): their configuration in `opends.yaml`,
//! how file keys are read from URLs, and the HTTP client they share.

pub mod figma;
pub mod http;
pub mod penpot;
pub mod webhook;

use crate::env_vars::EnvVars;
use serde::{Deserialize, Serialize};

/// Which design tool a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    /// Figma (REST API).
    Figma,
    /// Penpot (RPC API), hosted or self-hosted.
    Penpot,
}

impl Provider {
    /// Its name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Figma => "figma",
            Self::Penpot => "penpot",
        }
    }

    /// The API base URL used when none is configured.
    pub fn default_base_url(self) -> &'static str {
        match self {
            Self::Figma => "https://api.figma.com",
            Self::Penpot => "https://design.penpot.app",
        }
    }

    /// The environment variable that overrides every source's API URL (tests, proxies).
    pub fn url_env(self) -> &'static str {
        match self {
            Self::Figma => EnvVars::FIGMA_API_URL,
            Self::Penpot => EnvVars::PENPOT_API_URL,
        }
    }

    /// The environment variable holding the access token (always wins over the keyring).
    pub fn token_env(self) -> &'static str {
        match self {
            Self::Figma => EnvVars::FIGMA_TOKEN,
            Self::Penpot => EnvVars::PENPOT_TOKEN,
        }
    }
}

/// One entry of `sources:` in `opends.yaml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    /// A short name, unique in the project (`opends sync NAME`).
    pub name: String,
    /// `figma` or `penpot`.
    pub provider: Provider,
    /// The Figma file key or the Penpot file id.
    pub file: String,
    /// The API base URL (self-hosted Penpot, proxies); default per provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
}

/// Why a file reference could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0}")]
pub struct BadReference(pub String);

/// Reads a Figma file key from a key or a file URL
/// (`https://www.figma.com/design/<KEY>/<title>` or `/file/<KEY>/...`).
pub fn figma_file_key(input: &str) -> Result<String, BadReference> {
    let input = input.trim();
    let key = if input.contains("figma.com/") {
        let after = input.split("figma.com/").nth(1).unwrap_or_default();
        let mut parts = after.split(['/', '?', '#']);
        match parts.next() {
            Some("file" | "design" | "proto" | "board") => parts.next().unwrap_or_default(),
            _ => "",
        }
    } else {
        input
    };
    let ok = key.len() >= 10 && key.len() <= 64 && key.chars().all(|c| c.is_ascii_alphanumeric());
    if ok {
        Ok(key.to_string())
    } else {
        Err(BadReference(format!(
            "`{input}` is not a Figma file key or file URL (e.g. `https://www.figma.com/design/AbC123xYz789/Tokens`)"
        )))
    }
}

fn is_uuid(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    parts.len() == 5
        && [8, 4, 4, 4, 12]
            .iter()
            .zip(&parts)
            .all(|(n, p)| p.len() == *n && p.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Reads a Penpot file id from an id or a workspace URL (`...#/workspace?...&file-id=<ID>`),
/// and the base URL when a URL is given.
pub fn penpot_file_id(input: &str) -> Result<(String, Option<String>), BadReference> {
    let input = input.trim();
    if is_uuid(input) {
        return Ok((input.to_ascii_lowercase(), None));
    }
    if input.starts_with("http://") || input.starts_with("https://") {
        let id = input
            .split(['?', '&', '#'])
            .find_map(|kv| kv.strip_prefix("file-id="))
            .filter(|id| is_uuid(id));
        if let Some(id) = id {
            let scheme_end = input.find("://").map_or(0, |i| i + 3);
            let host_end = input[scheme_end..]
                .find(['/', '#', '?'])
                .map_or(input.len(), |i| scheme_end + i);
            return Ok((id.to_ascii_lowercase(), Some(input[..host_end].to_string())));
        }
    }
    Err(BadReference(format!(
        "`{input}` is not a Penpot file id or workspace URL (open the file in Penpot and copy the address: it holds `file-id=...`)"
    )))
}

/// The API base URL for `provider`: `OPENDS_<P>_API_URL`, else `flag`, else the first
/// configured source of that provider with a `base_url`, else the provider's default.
pub fn base_url(provider: Provider, flag: Option<&str>, configured: &[SourceConfig]) -> String {
    if let Ok(v) = std::env::var(provider.url_env()) {
        if !v.trim().is_empty() {
            return v.trim().trim_end_matches('/').to_string();
        }
    }
    if let Some(f) = flag {
        return f.trim_end_matches('/').to_string();
    }
    configured
        .iter()
        .find(|s| s.provider == provider)
        .and_then(|s| s.base_url.clone())
        .unwrap_or_else(|| provider.default_base_url().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figma_keys_from_urls() {
        assert_eq!(
            figma_file_key("https://www.figma.com/design/AbC123xYz789/My-Tokens?node-id=0-1")
                .unwrap(),
            "AbC123xYz789"
        );
        assert_eq!(
            figma_file_key("https://figma.com/file/AbC123xYz789/x").unwrap(),
            "AbC123xYz789"
        );
        assert_eq!(figma_file_key("AbC123xYz789").unwrap(), "AbC123xYz789");
        assert!(figma_file_key("https://www.figma.com/community/x").is_err());
        assert!(figma_file_key("short").is_err());
    }

    #[test]
    fn penpot_ids_from_urls() {
        let (id, base) = penpot_file_id(
            "https://penpot.example.com/#/workspace?team-id=1b2c&file-id=0b7e3a7c-9f1e-8012-8005-2b5c3d4e5f60&page-id=x",
        )
        .unwrap();
        assert_eq!(id, "0b7e3a7c-9f1e-8012-8005-2b5c3d4e5f60");
        assert_eq!(base.as_deref(), Some("https://penpot.example.com"));
        assert!(penpot_file_id("not-an-id").is_err());
    }
}
