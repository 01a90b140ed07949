//! Escaping for each context a spec's text lands in. Specs are untrusted when code is
//! generated (the store may hold what a server or a design file put there), so every
//! value is escaped for its exact place: JavaScript string literals and comments, HTML
//! comments, text and attribute values, CSS strings and comments, Markdown.
//!
//! Each function's output is safe in its context whatever the input holds, including
//! when the generated file is a single-file component (an HTML-like file where
//! `</script`, `</style` and `-->` end a block whatever the language inside it).

use std::fmt::Write as _;

/// A single-quoted JavaScript/TypeScript string literal (quotes included) holding `s`.
/// Quotes, backslashes, line terminators (also U+2028/U+2029), control characters, `<`,
/// `>` and `&` are escaped, so the literal is also safe inside an HTML attribute, a
/// `<script>` block and an HTML comment.
pub fn js_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\'' => out.push_str("\\'"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '"' | '<' | '>' | '&' | '`' => {
                let _ = write!(out, "\\x{:02X}", c as u32);
            }
            '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c if c.is_control() || is_bidi(c) => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// A JSON value as a JavaScript/TypeScript expression (`export const x = ...`), safe
/// in the same places as [`js_string`]: besides JSON's own escapes, `<`, `>`, `&`, the
/// line and paragraph separators and bidi controls are written as `\u` escapes (in JSON
/// text they can only occur inside strings, so the value is unchanged).
pub fn js_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c if is_bidi(c) => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// The bidirectional embedding, override and isolate controls (U+202A-U+202E,
/// U+2066-U+2069) and the marks (U+200E, U+200F, U+061C): written raw into source, they
/// make code read differently from how it runs ("Trojan Source").
pub fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// `s` with every bidi control written as visible text (`U+202E`), for comments, where
/// nothing can be escaped.
fn visible_bidi(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_bidi) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_bidi(c) {
            let _ = write!(out, "U+{:04X}", c as u32);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Text for one line of a JavaScript comment (`//` or `/* */`) inside any file: line
/// terminators become spaces, `*/` cannot close the comment, and `</script`,
/// `</style` and `<!--` cannot end or change the enclosing HTML block.
pub fn js_comment(s: &str) -> String {
    if plain_comment_text(s) {
        return s.to_string();
    }
    escaped_js_comment(s)
}

fn escaped_js_comment(s: &str) -> String {
    let one_line: String = visible_bidi(s)
        .chars()
        .map(|c| if is_line_break(c) { ' ' } else { c })
        .collect();
    one_line
        .replace("*/", "* /")
        .replace("</", "<\\/")
        .replace("<!--", "<\\!--")
        .replace("-->", "--\\>")
}

/// [`js_comment`] written onto `out` (no copy when the text needs no change: the common
/// case, one call per documented token in a JS module).
pub fn push_js_comment(out: &mut String, s: &str) {
    if plain_comment_text(s) {
        out.push_str(s);
    } else {
        out.push_str(&escaped_js_comment(s));
    }
}

/// Whether [`js_comment`] leaves `s` as it is: printable ASCII (so no line break or bidi
/// control) in which no `/` follows `*` or `<`, no `!` follows `<` and no `>` follows
/// `-` (so none of `*/`, `</`, `<!--`, `-->`). One pass over the bytes; a `false` only
/// sends the text through the full escape.
fn plain_comment_text(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().all(|(i, &c)| {
        let prev = if i > 0 { b[i - 1] } else { 0 };
        (0x20..0x7f).contains(&c)
            && !(c == b'/' && (prev == b'*' || prev == b'<'))
            && !(c == b'!' && prev == b'<')
            && !(c == b'>' && prev == b'-')
    })
}

/// Text inside an HTML comment (`<!-- ... -->`): no `--` can appear, so neither `-->`,
/// `--!>` nor `<!--` can end or nest the comment; a leading `>` is kept from closing an
/// empty comment.
pub fn html_comment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in visible_bidi(s).chars() {
        if c == '-' && out.ends_with('-') {
            out.push(' ');
        }
        out.push(if c.is_control() && c != '\n' { ' ' } else { c });
    }
    if out.starts_with('>') {
        out.insert(0, ' ');
    }
    if out.ends_with('-') || out.ends_with("<!") {
        out.push(' ');
    }
    out
}

/// HTML text or a double- or single-quoted attribute value (also in Vue, Svelte and JSX
/// markup): `&`, `<`, `>`, quotes, backticks and braces become character references, so
/// the value can neither close the attribute nor start markup or an expression.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '`' => out.push_str("&#96;"),
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            c if c.is_control() => out.push(' '),
            c if is_bidi(c) => {
                let _ = write!(out, "&#x{:X};", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// A double-quoted CSS string (quotes included) holding `s`, safe in CSS, SCSS and Less
/// files and inside an HTML `<style>` block: quotes and backslashes are escaped, line
/// breaks and other control characters become hex escapes (a raw newline would end the
/// string and start a new declaration), and `<`, `>`, `#` and `@` are hex-escaped too
/// (`</style`, Sass `#{...}` and Less `@{...}` interpolation).
pub fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\0' => out.push_str("\\fffd "),
            '<' | '>' | '#' | '@' => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            c if c.is_control() || is_bidi(c) => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `s` as a CSS identifier (CSS.escape): also safe inside a quoted attribute selector
/// (`[data-theme="{mode}"]`), so a mode name cannot end the selector or the block.
pub fn css_ident(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let plain = c.is_ascii_alphabetic()
            || c == '_'
            || (c == '-' && !(i == 0 && s.len() == 1))
            || (c.is_ascii_digit() && i > 0 && !(i == 1 && s.starts_with('-')))
            || (!c.is_ascii() && !c.is_control());
        if c == '\0' {
            out.push_str("\\fffd ");
        } else if plain {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", c as u32);
        }
    }
    out
}

/// Text inside a CSS comment (`/* ... */`), also inside a `<style>` block: one line, and
/// neither `*/` nor `</style` can end it early.
pub fn css_comment(s: &str) -> String {
    let one_line: String = visible_bidi(s)
        .chars()
        .map(|c| if is_line_break(c) { ' ' } else { c })
        .collect();
    one_line
        .replace("*/", "* /")
        .replace("</", "< /")
        .replace("<!--", "< !--")
}

/// Inline Markdown text (a README line or table cell): HTML and Markdown markup
/// characters are escaped and line breaks become spaces, so the text can neither
/// embed HTML nor break the table or list it sits in.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' | '`' | '\\' | '[' | ']' | '*' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c if is_line_break(c) || c.is_control() => out.push(' '),
            c if is_bidi(c) => {
                let _ = write!(out, "&#x{:X};", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut for text that needs no escaping gives what the full escape gives,
    /// for every string of up to four characters over the characters that matter.
    #[test]
    fn plain_comment_text_is_left_as_the_full_escape_would_leave_it() {
        let alphabet = [
            '*', '/', '<', '!', '-', '>', 'a', ' ', '\n', '\t', '\u{2028}', '\u{202E}',
        ];
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            strings.extend(longer);
            strings.dedup();
        }
        let mut plain = 0;
        for s in &strings {
            let full = escaped_js_comment(s);
            assert_eq!(js_comment(s), full, "{s:?}");
            let mut out = String::from("x");
            push_js_comment(&mut out, s);
            assert_eq!(out, format!("x{full}"), "{s:?}");
            plain += usize::from(plain_comment_text(s));
        }
        assert!(
            plain > 1000,
            "the shortcut is taken ({plain} of {})",
            strings.len()
        );
    }

    #[test]
    fn js_strings_cannot_be_left() {
        let attack = "hi', pwned = (globalThis.PWNED = 1), z = '";
        assert_eq!(
            js_string(attack),
            "'hi\\', pwned = (globalThis.PWNED = 1), z = \\''"
        );
        let s = js_string("a\"b\\c\n\u{2028}</script>");
        assert_eq!(s, "'a\\x22b\\\\c\\n\\u2028\\x3C/script\\x3E'");
        assert!(!s[1..s.len() - 1].contains('\''));
    }

    #[test]
    fn comments_cannot_be_closed() {
        assert_eq!(
            html_comment("a --> b --!> <!-- c"),
            "a - -> b - -!> <!- - c"
        );
        assert!(!html_comment("---->").contains("--"));
        assert_eq!(
            js_comment("x */ y </script> z\nw"),
            "x * / y <\\/script> z w"
        );
        assert_eq!(css_comment("x */ </style>"), "x * / < /style>");
    }

    #[test]
    fn html_text_and_attributes() {
        assert_eq!(
            html("\"><script>{x}</script>'"),
            "&quot;&gt;&lt;script&gt;&#123;x&#125;&lt;/script&gt;&#39;"
        );
    }

    #[test]
    fn bidi_controls_are_never_written_raw() {
        let attack = "admin\u{202E} \u{2066}// check\u{2069}\u{2067}";
        for out in [
            js_string(attack),
            js_comment(attack),
            html_comment(attack),
            html(attack),
            css_comment(attack),
            markdown(attack),
            js_json(&serde_json::to_string(attack).unwrap()),
        ] {
            assert!(!out.chars().any(is_bidi), "{out:?}");
        }
        assert_eq!(js_comment("a\u{202E}b"), "aU+202Eb");
        assert_eq!(js_string("a\u{202E}b"), "'a\\u202Eb'");
    }

    #[test]
    fn json_in_js_cannot_end_a_script_block() {
        let json = serde_json::to_string("</script>\u{2028}&").unwrap();
        let out = js_json(&json);
        assert_eq!(out, "\"\\u003c/script\\u003e\\u2028\\u0026\"");
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "</script>\u{2028}&");
    }

    #[test]
    fn markdown_cannot_embed_html_or_break_tables() {
        assert_eq!(markdown("a | <b>\nc"), "a \\| &lt;b&gt; c");
    }
}
