//! A release as a file in the repository: `releases/<version>.json`, next to the
//! `CHANGELOG.md` section. The file is JSON laid out for review: the record first (with
//! the content hash), the layout on one line, then one line per token and component in
//! the snapshot's order, each entry in the same canonical form the content hash is
//! made from. Reading a file checks its number and its content hash, so a file that
//! was changed by hand is refused, never used.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::Value;

use crate::store::{NewVersion, Snapshot, VersionInfo};

/// The directory beside `opends.yaml` that holds the release files.
pub const RELEASES_DIR: &str = "releases";

/// The format version written as `opends_release`.
pub const FORMAT: u64 = 1;

/// The file name of `version`'s release file.
pub fn file_name(version: &str) -> String {
    format!("{version}.json")
}

/// The version a release file is for, from its name (`1.2.0.json` is `1.2.0`): `None`
/// for other files (temp files, notes).
pub fn version_of(file_name: &str) -> Option<&str> {
    let stem = file_name.strip_suffix(".json")?;
    super::semver::Version::parse(stem)
        .ok()
        .filter(|_| !stem.starts_with('v'))
        .map(|_| stem)
}

/// A release as read from its file.
#[derive(Debug, Clone)]
pub struct ReleaseFile {
    /// The record (number, date, author, message, bump, changelog section).
    pub info: NewVersion,
    /// The content hash the file states (and its content has).
    pub content_hash: String,
    /// The snapshot.
    pub snapshot: Snapshot,
}

/// Why a release file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// Not JSON, or not laid out as a release file.
    #[error("not a release file: {0}")]
    Malformed(String),
    /// Written by a newer opends.
    #[error("written in release format {0}; this opends reads format {FORMAT}")]
    Format(u64),
    /// The number inside is not the one in the file name.
    #[error("it holds version {inside}, not {named}")]
    OtherVersion {
        /// The file name's version.
        named: String,
        /// The version inside.
        inside: String,
    },
    /// The content does not hash to the stated hash: it was changed after the release.
    #[error(
        "its content hashes to {actual}, not to the {stated} it states: it was changed after the release"
    )]
    Tampered {
        /// The hash the file states.
        stated: String,
        /// The hash of its content.
        actual: String,
    },
}

/// A record as the file holds it.
pub fn record_of(v: &VersionInfo) -> NewVersion {
    NewVersion {
        version: v.version.clone(),
        created_at: v.created_at.clone(),
        author: v.author.clone(),
        message: v.message.clone(),
        bump: v.bump.clone(),
        forced: v.forced,
        changelog: v.changelog.clone(),
    }
}

fn json_str(s: &str) -> String {
    Value::from(s).to_string()
}

/// The file's text for a release of `snapshot` (whose content hash is `hash`).
pub fn render(info: &NewVersion, hash: &str, snapshot: &Snapshot) -> String {
    let (layout, tokens, components) = snapshot.to_parts();
    let mut out = String::with_capacity(64 * (tokens.len() + components.len()) + 1024);
    let message = info.message.as_deref().map_or("null".into(), json_str);
    let _ = write!(
        out,
        "{{\n  \"opends_release\": {FORMAT},\n  \"version\": {},\n  \"content_hash\": {},\n  \"created_at\": {},\n  \"author\": {},\n  \"message\": {message},\n  \"bump\": {},\n  \"forced\": {},\n  \"changelog\": {},\n  \"layout\": {layout},\n",
        json_str(&info.version),
        json_str(hash),
        json_str(&info.created_at),
        json_str(&info.author),
        json_str(&info.bump),
        info.forced,
        json_str(&info.changelog),
    );
    for (name, entries, last) in [
        ("tokens", &tokens, false),
        ("components", &components, true),
    ] {
        if entries.is_empty() {
            let _ = write!(out, "  \"{name}\": []");
        } else {
            let _ = writeln!(out, "  \"{name}\": [");
            for (i, (key, entry)) in entries.iter().enumerate() {
                let comma = if i + 1 == entries.len() { "" } else { "," };
                let _ = writeln!(out, "    [{}, {entry}]{comma}", json_str(key));
            }
            out.push_str("  ]");
        }
        out.push_str(if last { "\n" } else { ",\n" });
    }
    out.push_str("}\n");
    out
}

fn malformed(why: impl Into<String>) -> FileError {
    FileError::Malformed(why.into())
}

fn string(v: &Value, key: &str) -> Result<String, FileError> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| malformed(format!("no `{key}`")))
}

fn entries(v: &Value, key: &str) -> Result<HashMap<String, String>, FileError> {
    let items = v
        .get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| malformed(format!("no `{key}` list")))?;
    let mut out = HashMap::with_capacity(items.len());
    for item in items {
        match item.as_array().map(Vec::as_slice) {
            Some([Value::String(k), entry @ Value::Object(_)]) => {
                if out.insert(k.clone(), entry.to_string()).is_some() {
                    return Err(malformed(format!("`{k}` is in `{key}` twice")));
                }
            }
            _ => {
                return Err(malformed(format!(
                    "an item of `{key}` is not [name, entry]"
                )));
            }
        }
    }
    Ok(out)
}

/// The stated content hash, read from the file's first lines (without reading the
/// rest): `None` when it is not there.
pub fn stated_hash(head: &str) -> Option<String> {
    head.lines().take(8).find_map(|line| {
        let rest = line.trim().strip_prefix("\"content_hash\":")?;
        let v: Value = serde_json::from_str(rest.trim().trim_end_matches(',')).ok()?;
        v.as_str().map(str::to_string)
    })
}

/// Reads the release file named for `named` (its text `text`), checking its number,
/// its format and its content hash.
pub fn parse(named: &str, text: &str) -> Result<ReleaseFile, FileError> {
    let v: Value = serde_json::from_str(text).map_err(|e| malformed(e.to_string()))?;
    let format = v
        .get("opends_release")
        .and_then(Value::as_u64)
        .ok_or_else(|| malformed("no `opends_release` format number"))?;
    if format != FORMAT {
        return Err(FileError::Format(format));
    }
    let version = string(&v, "version")?;
    if version != named {
        return Err(FileError::OtherVersion {
            named: named.to_string(),
            inside: version,
        });
    }
    let stated = string(&v, "content_hash")?;
    let layout = v
        .get("layout")
        .filter(|l| l.is_object())
        .ok_or_else(|| malformed("no `layout`"))?
        .to_string();
    let snapshot = Snapshot::decode(
        &layout,
        &entries(&v, "tokens")?,
        &entries(&v, "components")?,
    )
    .map_err(|e| malformed(e.to_string()))?;
    let actual = snapshot.content_hash();
    if actual != stated {
        return Err(FileError::Tampered { stated, actual });
    }
    let info = NewVersion {
        version,
        created_at: string(&v, "created_at")?,
        author: string(&v, "author")?,
        message: v.get("message").and_then(Value::as_str).map(str::to_string),
        bump: string(&v, "bump")?,
        forced: v.get("forced").and_then(Value::as_bool).unwrap_or(false),
        changelog: string(&v, "changelog")?,
    };
    Ok(ReleaseFile {
        info,
        content_hash: actual,
        snapshot,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Token, TokenPath, TokenType, Tokens};
    use serde_json::json;

    fn snapshot() -> Snapshot {
        let token = |p: &str, v: Value| Token {
            path: TokenPath::new(p),
            ty: TokenType::Number,
            explicit_type: true,
            value: v,
            modes: vec![("dark".into(), json!(2.5))],
            description: Some("a \"quoted\"\nline".into()),
            deprecated: None,
            extensions: None,
            set: "base".into(),
            source: None,
        };
        Snapshot {
            tokens: Tokens::new(
                vec![token("b.z", json!(1)), token("a.y", json!(0.1))],
                Vec::new(),
                vec!["light".into(), "dark".into()],
            ),
            components: Vec::new(),
        }
    }

    fn info() -> NewVersion {
        NewVersion {
            version: "1.0.0".into(),
            created_at: "2026-01-01T00:00:00Z".into(),
            author: "Ann".into(),
            message: Some("first".into()),
            bump: "major".into(),
            forced: false,
            changelog: "## 1.0.0\n".into(),
        }
    }

    #[test]
    fn a_release_file_reads_back_as_written_one_token_per_line() {
        let snap = snapshot();
        let hash = snap.content_hash();
        let text = render(&info(), &hash, &snap);
        assert!(text.lines().any(|l| l.starts_with("    [\"b.z\", {")));
        assert_eq!(stated_hash(&text).as_deref(), Some(hash.as_str()));
        let read = parse("1.0.0", &text).unwrap();
        assert_eq!(read.content_hash, hash);
        assert_eq!(read.snapshot.content_hash(), hash);
        assert_eq!(read.info.message.as_deref(), Some("first"));
        let order: Vec<_> = read
            .snapshot
            .tokens
            .tokens
            .iter()
            .map(|t| t.path.to_string())
            .collect();
        assert_eq!(order, ["b.z", "a.y"]);
        // Written again, byte for byte the same.
        assert_eq!(render(&read.info, &read.content_hash, &read.snapshot), text);
    }

    #[test]
    fn a_changed_or_misnamed_file_is_refused() {
        let snap = snapshot();
        let text = render(&info(), &snap.content_hash(), &snap);
        let edited = text.replace("\"value\":1", "\"value\":2");
        assert_ne!(edited, text);
        assert!(matches!(
            parse("1.0.0", &edited),
            Err(FileError::Tampered { .. })
        ));
        assert!(matches!(
            parse("1.0.1", &text),
            Err(FileError::OtherVersion { .. })
        ));
        assert!(matches!(parse("1.0.0", "{"), Err(FileError::Malformed(_))));
    }

    #[test]
    fn only_version_files_are_release_files() {
        assert_eq!(version_of("1.2.0.json"), Some("1.2.0"));
        assert_eq!(version_of("2.0.0-beta.1.json"), Some("2.0.0-beta.1"));
        for name in ["1.2.0.json.42.tmp", "README.md", "v1.0.0.json", "x.json"] {
            assert_eq!(version_of(name), None, "{name}");
        }
    }
}
