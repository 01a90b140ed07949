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

fn ascii_words(name: &str) -> Result<Vec<String>, String> {
    if let Some(c) = crate::input::forbidden_char(name) {
        return Err(format!(
            "`{}` cannot contain control characters (U+{:04X})",
            name.escape_debug(),
            c as u32
        ));
    }
    let w = words(name);
    if w.is_empty() {
        return Err(format!(
            "`{name}` has no letters or digits to make an identifier from"
        ));
    }
    if w.iter().any(|word| !word.is_ascii()) {
        return Err(format!(
            "`{name}` must be written with ASCII letters and digits"
        ));
    }
    if w[0].starts_with(|c: char| c.is_ascii_digit()) {
        return Err(format!("`{name}` must start with a letter"));
    }
    Ok(w)
}

/// `text field` -> `TextField`; errors when no safe name can be made.
pub fn component_name(name: &str) -> Result<String, String> {
    let w = ascii_words(name).map_err(|m| format!("component name {m}"))?;
    let ident = join(&w, NameCase::Pascal);
    if RESERVED_COMPONENTS.contains(&ident.as_str()) {
        return Err(format!(
            "component name `{ident}` clashes with a framework or DOM name"
        ));
    }
    Ok(ident)
}

/// A prop, slot or event name -> camelCase identifier; errors when it cannot be safe.
pub fn member_name(name: &str) -> Result<String, String> {
    let w = ascii_words(name)?;
    let ident = join(&w, NameCase::Camel);
    if RESERVED.contains(&ident.as_str()) {
        return Err(format!(
            "`{name}` is a reserved word in generated code; pick another name"
        ));
    }
    Ok(ident)
}

/// A part or variant name -> kebab-case CSS class fragment.
pub fn css_name(name: &str) -> Result<String, String> {
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
}
