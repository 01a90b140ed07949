//! Files a source owns: `write: files` sources write their tokens (DTCG 2025.10) and
//! component specs (YAML) into the project, and `opends.sources.json` (committed with
//! them) records, per source, which files it wrote, how its modes or theme axes are laid
//! out, and each file's content hash. The project import reads these files as the
//! source's token set; a later sync rewrites them; a file whose hash differs from the
//! recorded one was edited by hand, and the sync stops instead of losing the edit.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The manifest's file name, in the project's root.
pub const MANIFEST: &str = "opends.sources.json";

/// The first line of a component spec a source wrote.
pub const SPEC_HEADER: &str = "# source:";

/// `opends.sources.json`: the files each `write: files` source owns.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always 1.
    pub version: u32,
    /// By source name.
    pub sources: BTreeMap<String, Owned>,
}

/// What one source owns.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Owned {
    /// The token set its tokens are read into (`figma:brand`).
    pub set: String,
    /// The base token file (the default mode's or default contexts' values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens: Option<String>,
    /// With theme axes: the DTCG resolver document that reads the base file and one file
    /// per context.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolver: Option<String>,
    /// With plain modes: every mode in order (the first is the default, whose values are
    /// the base file's) and the file of each other mode.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modes: Vec<ModeFile>,
    /// Every file it wrote (project-relative, `/`-separated) and its content's SHA-256.
    pub files: BTreeMap<String, String>,
}

/// One plain mode of a source and its file.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModeFile {
    /// The mode's name.
    pub mode: String,
    /// Its file (none for the default mode).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

/// Why the manifest could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    /// Reading or writing failed.
    #[error("could not {what} `{MANIFEST}`: {source}")]
    Io {
        /// read or write.
        what: &'static str,
        /// The cause.
        source: std::io::Error,
    },
    /// Reading it failed (or it is over the file-size limit).
    #[error("could not read `{MANIFEST}`: {0}")]
    Read(crate::input::ReadError),
    /// It is not a manifest.
    #[error("`{MANIFEST}` is not valid: {0}")]
    Invalid(#[from] serde_json::Error),
}

impl Manifest {
    /// Reads the manifest of the project at `root` (empty when there is none).
    pub fn load(root: &Path) -> Result<Self, ManifestError> {
        let path = root.join(MANIFEST);
        if !path.exists() {
            return Ok(Self {
                version: 1,
                ..Self::default()
            });
        }
        // Committed by anyone with push access: read within the file-size limit.
        let text = crate::input::read_text(&path).map_err(ManifestError::Read)?;
        Ok(serde_json::from_str(&text)?)
    }

    /// The manifest's text (stable: sorted keys, two-space indent, final newline).
    pub fn text(&self) -> String {
        let mut t = serde_json::to_string_pretty(self).unwrap_or_default();
        t.push('\n');
        t
    }

    /// Writes the manifest at `root` when its text changed; whether it did.
    pub fn save(&self, root: &Path) -> Result<bool, ManifestError> {
        let path = root.join(MANIFEST);
        let text = self.text();
        if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
            return Ok(false);
        }
        crate::output::write_atomic(&path, text.as_bytes()).map_err(|source| {
            ManifestError::Io {
                what: "write",
                source,
            }
        })?;
        Ok(true)
    }

    /// Which source owns the project file `rel`, if any.
    pub fn owner_of(&self, rel: &str) -> Option<&str> {
        self.sources
            .iter()
            .find(|(_, o)| o.files.contains_key(rel))
            .map(|(n, _)| n.as_str())
    }
}

/// The SHA-256 of `bytes`, as written in the manifest (`sha256:<hex>`).
pub fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in digest {
        use std::fmt::Write as _;
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// The files of `owned` (under `root`) whose content no longer has the recorded hash:
/// edited by hand since the last sync. A deleted file is not an edit (the next sync
/// writes it again).
pub fn edited(root: &Path, owned: &Owned) -> Vec<String> {
    owned
        .files
        .iter()
        .filter(|(rel, recorded)| {
            std::fs::read(root.join(rel.as_str())).is_ok_and(|bytes| hash(&bytes) != **recorded)
        })
        .map(|(rel, _)| rel.clone())
        .collect()
}

/// The component spec file a source writes for `name`: `components/<kebab-name>.yaml`.
pub fn spec_path(name: &str) -> String {
    let stem = crate::export::naming::name(name, None, crate::export::NameCase::Kebab);
    format!("components/{stem}.yaml")
}

/// A component spec's YAML as a source writes it: a header naming the source (the spec
/// reader takes it as a comment), then the spec.
pub fn spec_text(set: &str, spec: &crate::model::Component) -> String {
    let yaml = yaml_serde::to_string(spec).unwrap_or_default();
    format!(
        "{SPEC_HEADER} {set} (written by `opends sync`; edit the design, not this file)\n{yaml}"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_and_edits() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("tokens")).unwrap();
        std::fs::write(dir.path().join("tokens/a.tokens.json"), "{}\n").unwrap();
        let mut owned = Owned {
            set: "figma:a".into(),
            ..Owned::default()
        };
        owned
            .files
            .insert("tokens/a.tokens.json".into(), hash(b"{}\n"));
        owned.files.insert("tokens/gone.json".into(), hash(b"x"));
        assert!(edited(dir.path(), &owned).is_empty());
        std::fs::write(dir.path().join("tokens/a.tokens.json"), "{ }\n").unwrap();
        assert_eq!(edited(dir.path(), &owned), ["tokens/a.tokens.json"]);

        let mut m = Manifest::load(dir.path()).unwrap();
        m.sources.insert("a".into(), owned);
        assert!(m.save(dir.path()).unwrap());
        assert!(!m.save(dir.path()).unwrap());
        assert_eq!(Manifest::load(dir.path()).unwrap(), m);
        assert_eq!(m.owner_of("tokens/a.tokens.json"), Some("a"));
    }
}
