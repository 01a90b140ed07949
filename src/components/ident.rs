//! Safe identifiers for generated code: a name that cannot be made one is an error,
//! never pasted into code.

use crate::export::naming::{NameCase, join, words};

/// Words that cannot be used as TypeScript/JavaScript identifiers or prop names.
const RESERVED: [&str; 48] = [
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "import",
    "in",
    "instanceof",
    "new",
    "null",
    "return",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
    "let",
    "static",
    "implements",
    "interface",
    "package",
    "private",
    "protected",
    "public",
    "await",
    "key",
    "ref",
];

/// Component names that collide with built-ins of the frameworks or the DOM.
const RESERVED_COMPONENTS: [&str; 8] = [
    "Component",
    "Fragment",
    "Object",
    "Array",
    "Element",
    "Node",
    "Slot",
    "Transition",
];

/// Why a name cannot become an identifier or class name in generated code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdentError {
    /// A control or invisible formatting character.
    #[error("`{}` cannot contain control characters (U+{:04X})", .name.escape_debug(), u32::from(*.found))]
    ControlCharacter {
        /// The name.
        name: String,
        /// The character.
        found: char,
    },
    /// Nothing to make an identifier from (`<>`).
    #[error("`{name}` has no letters or digits to make an identifier from")]
    NoWords {
        /// The name.
        name: String,
    },
    /// Letters outside ASCII (`größe`).
    #[error("`{name}` must be written with ASCII letters and digits")]
    NotAscii {
        /// The name.
        name: String,
    },
    /// Starts with a digit (`9lives`).
    #[error("`{name}` must start with a letter")]
    StartsWithDigit {
        /// The name.
        name: String,
    },
    /// A word the generated languages reserve (`class`).
    #[error("`{name}` is a reserved word in generated code; pick another name")]
    Reserved {
        /// The name.
        name: String,
    },
    /// A component name that cannot be made into an identifier, for one of the reasons
    /// above.
    #[error("component name {0}")]
    Component(Box<IdentError>),
    /// A component identifier that is a framework or DOM built-in (`Fragment`).
    #[error("component name `{ident}` clashes with a framework or DOM name")]
    ReservedComponent {
        /// The identifier the name became.
        ident: String,
    },
}

fn ascii_words(name: &str) -> Result<Vec<String>, IdentError> {
    if let Some(found) = crate::input::forbidden_char(name) {
        return Err(IdentError::ControlCharacter {
            name: name.to_string(),
            found,
        });
    }
    let w = words(name);
    let name = || name.to_string();
    if w.is_empty() {
        return Err(IdentError::NoWords { name: name() });
    }
    if w.iter().any(|word| !word.is_ascii()) {
        return Err(IdentError::NotAscii { name: name() });
    }
    if w[0].starts_with(|c: char| c.is_ascii_digit()) {
        return Err(IdentError::StartsWithDigit { name: name() });
    }
    Ok(w)
}

/// `text field` -> `TextField`; errors when no safe name can be made.
pub fn component_name(name: &str) -> Result<String, IdentError> {
    let w = ascii_words(name).map_err(|e| IdentError::Component(Box::new(e)))?;
    let ident = join(&w, NameCase::Pascal);
    if RESERVED_COMPONENTS.contains(&ident.as_str()) {
        return Err(IdentError::ReservedComponent { ident });
    }
    Ok(ident)
}

/// A prop, slot or event name -> camelCase identifier; errors when it cannot be safe.
pub fn member_name(name: &str) -> Result<String, IdentError> {
    let w = ascii_words(name)?;
    let ident = join(&w, NameCase::Camel);
    if RESERVED.contains(&ident.as_str()) {
        return Err(IdentError::Reserved {
            name: name.to_string(),
        });
    }
    Ok(ident)
}

/// A part or variant name -> kebab-case CSS class fragment.
pub fn css_name(name: &str) -> Result<String, IdentError> {
    let w = ascii_words(name)?;
    Ok(join(&w, NameCase::Kebab))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_identifiers_or_errors() {
        assert_eq!(component_name("text field").unwrap(), "TextField");
        assert_eq!(member_name("help-text").unwrap(), "helpText");
        assert!(member_name("class").is_err());
        assert_eq!(component_name("<script>").unwrap(), "Script");
        assert!(component_name("<>").is_err());
        assert!(component_name("9lives").is_err());
        assert!(member_name("größe").is_err());
        assert!(component_name("Bu\0tton").is_err());
        assert!(member_name("a\u{2028}b").is_err());
        assert_eq!(
            component_name("Button\"; alert(1); //").unwrap(),
            "ButtonAlert1"
        );
    }

    #[test]
    fn errors_say_why_in_the_same_words() {
        let text = |r: Result<String, IdentError>| r.unwrap_err().to_string();
        assert_eq!(
            text(member_name("class")),
            "`class` is a reserved word in generated code; pick another name"
        );
        assert_eq!(
            text(component_name("<>")),
            "component name `<>` has no letters or digits to make an identifier from"
        );
        assert_eq!(
            text(component_name("9lives")),
            "component name `9lives` must start with a letter"
        );
        assert_eq!(
            text(member_name("größe")),
            "`größe` must be written with ASCII letters and digits"
        );
        assert_eq!(
            text(component_name("Bu\0tton")),
            "component name `Bu\\0tton` cannot contain control characters (U+0000)"
        );
        assert_eq!(
            text(css_name("a\u{2028}b")),
            "`a\\u{2028}b` cannot contain control characters (U+2028)"
        );
        assert_eq!(
            component_name("fragment"),
            Err(IdentError::ReservedComponent {
                ident: "Fragment".into()
            })
        );
        assert_eq!(
            text(component_name("fragment")),
            "component name `Fragment` clashes with a framework or DOM name"
        );
    }
}
