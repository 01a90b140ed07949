//! Design sources (Figma files, Penpot files): their configuration in `opends.yaml`,
//! how file keys are read from URLs, the HTTP client they share, one fetch per provider
//! (DTCG documents and draft component specs) and the sync merge into the store.

pub mod document;
pub mod figma;
pub mod http;
pub mod merge;
pub mod owned;
pub mod penpot;
pub mod provider;
pub mod webhook;

use crate::credentials::Credential;
use crate::model::Component;
use crate::tokens::Findings;
use crate::tokens::link::Input;
use http::{Http, HttpError};
use serde::{Deserialize, Serialize};

pub use provider::Provider;

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
    /// Where a sync writes what it pulled: project files (default) or the store only.
    #[serde(default, skip_serializing_if = "WriteTo::is_files")]
    pub write: WriteTo,
    /// The token file a sync writes (default `tokens/<name>.tokens.json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// Where a sync writes (`write:` of a source).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WriteTo {
    /// Files in the project, owned by the source (committed with the project).
    #[default]
    Files,
    /// The store only (`.opends/`), shared through a team server.
    Store,
}

impl WriteTo {
    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's `skip_serializing_if` passes a reference
    fn is_files(&self) -> bool {
        *self == Self::Files
    }
}

impl SourceConfig {
    /// The token set that holds the source's tokens (`figma:NAME`).
    pub fn set_name(&self) -> String {
        format!("{}:{}", self.provider.as_str(), self.name)
    }

    /// The token file a `write: files` sync writes, relative to the project.
    pub fn token_path(&self) -> String {
        self.path
            .clone()
            .unwrap_or_else(|| format!("tokens/{}.tokens.json", self.name))
    }

    /// The API base URL of this source: `OPENDS_<P>_API_URL`, else its `base_url`, else
    /// [`base_url`] for its provider among the `configured` sources.
    pub fn api_base(&self, configured: &[SourceConfig]) -> String {
        std::env::var(self.provider.url_env())
            .ok()
            .filter(|v| !v.trim().is_empty())
            .or_else(|| self.base_url.clone())
            .unwrap_or_else(|| base_url(self.provider, None, configured))
    }
}

/// A fetched source: its tokens as DTCG documents (base and per mode), its components
/// as draft specs, the file's version and what could not be mapped.
#[derive(Debug)]
pub struct Fetched {
    /// The source's token documents, all in its set ([`SourceConfig::set_name`]).
    pub input: Input,
    /// The file's version, to skip it while it does not change.
    pub version: String,
    /// What could not be mapped, and why.
    pub warnings: Vec<String>,
    /// Components as draft specs.
    pub components: Vec<Component>,
}

/// Why a source could not be fetched.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The API failed.
    #[error(transparent)]
    Http(HttpError),
    /// The API failed in a way the user can fix (the hint says how).
    #[error("{error} (hint: {hint})")]
    Hinted {
        /// What failed.
        error: HttpError,
        /// What to do.
        hint: String,
    },
    /// The file's variables or styles do not make valid tokens (one finding a line).
    #[error("the file's variables do not map to valid tokens:\n  {}", .0.join("\n  "))]
    InvalidVariables(Vec<String>),
    /// The file's tokens library is invalid (one finding a line).
    #[error("the file's tokens are invalid:\n  {}", .0.join("\n  "))]
    InvalidTokens(Vec<String>),
}

impl FetchError {
    /// An API error of `source`, with a hint when the user can do something about it.
    pub fn http(e: HttpError, source: &SourceConfig) -> Self {
        let hint = match (&e, source.provider) {
            (HttpError::Unauthorized { status: 403, message, .. }, Provider::Figma)
                if ["scope", "plan", "enterprise"]
                    .iter()
                    .any(|w| message.to_lowercase().contains(w)) =>
            {
                "Figma variables need an Enterprise plan (or a token with the file_variables:read scope)".to_string()
            }
            (HttpError::Unauthorized { .. }, p) => format!("run `opends auth login {}`", p.as_str()),
            (HttpError::NotFound { .. }, Provider::Figma) => {
                format!("check the file key `{}` (opends source list)", source.file)
            }
            (HttpError::NotFound { .. }, Provider::Penpot) => {
                format!("check the file id `{}` and the base URL", source.file)
            }
            _ => return Self::Http(e),
        };
        Self::Hinted { error: e, hint }
    }
}

/// Fetches `source` from the API at `base` and maps it to DTCG documents and component
/// specs; `None` when the file's version is still `known` (unless `force`).
pub fn fetch(
    http: &Http,
    base: &str,
    source: &SourceConfig,
    credential: &Credential,
    known: Option<&str>,
    force: bool,
) -> Result<Option<Fetched>, FetchError> {
    match source.provider {
        Provider::Figma => figma::fetch(http, base, source, credential, known, force),
        Provider::Penpot => penpot::fetch(http, base, source, credential, known, force),
    }
}

/// The error findings, one per line, sorted by location.
pub(crate) fn error_lines(findings: Findings) -> Vec<String> {
    findings
        .into_sorted()
        .iter()
        .filter(|f| f.is_error())
        .map(ToString::to_string)
        .collect()
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
