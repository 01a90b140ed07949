//! URL attributes: which attributes hold a URL, and which URLs a spec may put there.
//!
//! A spec's fixed attribute values are written into generated markup, where a
//! `javascript:` (or `data:`, `vbscript:`) URL in `href` or `src` runs code when it is
//! followed. Only `http`, `https`, `mailto`, `tel` and relative URLs (paths, `?query`,
//! `#fragment`, `//host/...`) are allowed. The scheme is read the way a browser would
//! read it, and more strictly: whitespace and control characters anywhere are dropped,
//! character references are decoded, case is ignored, and anything that could still spell
//! a scheme but cannot be read for sure is refused.

/// Attributes whose value is a URL (or, for `srcset` and `ping`, a list of URLs) in HTML
/// or SVG. Names with a colon are listed for completeness; the attribute-name check
/// refuses them already.
pub const URL_ATTRIBUTES: [&str; 22] = [
    "action",
    "archive",
    "background",
    "cite",
    "classid",
    "codebase",
    "data",
    "dynsrc",
    "formaction",
    "href",
    "icon",
    "itemtype",
    "longdesc",
    "lowsrc",
    "manifest",
    "ping",
    "poster",
    "profile",
    "src",
    "srcset",
    "usemap",
    "xlink:href",
];

/// The schemes a URL attribute may use.
pub const ALLOWED_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Whether `attr` holds a URL.
pub fn is_url_attribute(attr: &str) -> bool {
    let attr = attr.to_ascii_lowercase();
    URL_ATTRIBUTES.contains(&attr.as_str())
}

/// Checks one URL attribute value. `Err` holds why it is refused (the scheme, escaped).
pub fn check_url(attr: &str, value: &str) -> Result<(), String> {
    let attr = attr.to_ascii_lowercase();
    // `srcset` and `ping` hold several URLs (`srcset` candidates are separated by commas,
    // each followed by an optional descriptor; `ping` by whitespace).
    if attr == "srcset" {
        for candidate in value.split(',') {
            check_one(candidate.split_whitespace().next().unwrap_or_default())?;
        }
        return Ok(());
    }
    if attr == "ping" {
        for url in value.split_whitespace() {
            check_one(url)?;
        }
        return Ok(());
    }
    check_one(value)
}

fn check_one(value: &str) -> Result<(), String> {
    let normalised = normalise(value);
    // The scheme, if any, ends at the first `:` that comes before any `/`, `?` or `#`.
    let end = normalised
        .find([':', '/', '?', '#'])
        .unwrap_or(normalised.len());
    let head = &normalised[..end];
    if normalised[end..].starts_with(':') {
        let scheme = head.to_ascii_lowercase();
        if ALLOWED_SCHEMES.contains(&scheme.as_str()) {
            return Ok(());
        }
        return Err(format!(
            "uses the URL scheme `{}:`",
            shorten(&scheme).escape_debug()
        ));
    }
    // No scheme: a relative URL, unless something before the path could still become one
    // (a character reference that was not decoded).
    if head.contains('&') {
        return Err(format!(
            "starts with `{}`, which may spell a URL scheme through a character reference",
            shorten(head).escape_debug()
        ));
    }
    Ok(())
}

fn shorten(s: &str) -> &str {
    match s.char_indices().nth(32) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The value with whitespace and control characters removed and character references
/// decoded (once, as HTML does), then whitespace and controls removed again.
fn normalise(value: &str) -> String {
    let stripped: String = value.chars().filter(|c| !ignorable(*c)).collect();
    decode_references(&stripped)
        .chars()
        .filter(|c| !ignorable(*c))
        .collect()
}

fn ignorable(c: char) -> bool {
    c.is_whitespace() || c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}')
}

/// Decodes numeric character references (`&#106;`, `&#x6A`, with or without `;`) and the
/// named ones that spell URL syntax or whitespace. Others are left as they are.
fn decode_references(s: &str) -> String {
    const NAMED: [(&str, char); 12] = [
        ("colon", ':'),
        ("tab", '\t'),
        ("newline", '\n'),
        ("sol", '/'),
        ("quest", '?'),
        ("num", '#'),
        ("period", '.'),
        ("amp", '&'),
        ("lpar", '('),
        ("rpar", ')'),
        ("plus", '+'),
        ("nbsp", '\u{A0}'),
    ];
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        if let Some(num) = rest.strip_prefix('#') {
            let (hex, digits) = match num.strip_prefix(['x', 'X']) {
                Some(h) => (true, h),
                None => (false, num),
            };
            let len = digits
                .find(|c: char| {
                    !(if hex {
                        c.is_ascii_hexdigit()
                    } else {
                        c.is_ascii_digit()
                    })
                })
                .unwrap_or(digits.len());
            if len > 0 {
                let n = u32::from_str_radix(&digits[..len.min(8)], if hex { 16 } else { 10 })
                    .unwrap_or(0xFFFD);
                out.push(char::from_u32(n).unwrap_or('\u{FFFD}'));
                rest = &digits[len..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
                continue;
            }
        } else {
            let len = rest
                .find(|c: char| !c.is_ascii_alphanumeric())
                .unwrap_or(rest.len());
            let name = rest[..len].to_ascii_lowercase();
            if rest[len..].starts_with(';') {
                if let Some((_, c)) = NAMED.iter().find(|(n, _)| *n == name) {
                    out.push(*c);
                    rest = &rest[len + 1..];
                    continue;
                }
            }
        }
        out.push('&');
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dangerous_schemes_are_refused_in_every_spelling() {
        for attack in [
            "javascript:alert(1)",
            " JaVa\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\u{0}script:alert(1)",
            "&#106;avascript:alert(1)",
            "&#x6A;avascript&colon;alert(1)",
            "&#106avascript:alert(1)",
            "javascript&#58;alert(1)",
            "java&Tab;script:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox(1)",
            "&unknown;javascript:alert(1)",
            "java\u{200B}script:alert(1)",
        ] {
            assert!(check_url("href", attack).is_err(), "{attack:?} passed");
        }
    }

    #[test]
    fn web_and_relative_urls_pass() {
        for ok in [
            "https://example.com/a?b=1&c=2",
            "HTTP://example.com",
            "mailto:a@example.com",
            "tel:+1-555-0100",
            "/docs/button",
            "../up",
            "page.html?x=javascript:1",
            "#top",
            "//cdn.example.com/x.png",
            "",
        ] {
            assert!(check_url("href", ok).is_ok(), "{ok:?} refused");
        }
    }

    #[test]
    fn srcset_and_ping_check_every_url() {
        assert!(check_url("srcset", "a.png 1x, b.png 2x").is_ok());
        assert!(check_url("srcset", "a.png 1x, javascript:alert(1) 2x").is_err());
        assert!(check_url("ping", "/a javascript:alert(1)").is_err());
        assert!(is_url_attribute("HREF") && is_url_attribute("formaction"));
        assert!(!is_url_attribute("title"));
    }
}
