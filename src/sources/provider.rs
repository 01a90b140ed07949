//! Which design tool a source is, and the names it goes by.

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
