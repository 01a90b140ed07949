//! JavaScript (ES module + `.d.ts`) and TypeScript modules of resolved values.
//! Other modes are exported as `modes`, holding only what differs from the default.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::Value;

use crate::escape;
use crate::export::css::HEADER;
use crate::export::value::js_value;
use crate::export::{File, Options, overrides, single_mode};
use crate::model::{Token, TokenType, Tokens};
use crate::tokens::resolve::Resolver;

fn ts_type(ty: TokenType) -> &'static str {
    match ty {
        TokenType::Number | TokenType::FontWeight => "number",
        TokenType::CubicBezier => "[number, number, number, number]",
        TokenType::Typography => {
            "{ fontFamily: string; fontSize: string; fontWeight: number; letterSpacing: string; lineHeight: number }"
        }
        _ => "string",
    }
}

fn doc_comment(out: &mut String, t: &Token) {
    let desc = t.description.as_deref().filter(|d| !d.is_empty());
    let dep = t
        .deprecated
        .as_ref()
        .filter(|d| d.is_deprecated())
        .map(|d| d.reason().unwrap_or_default().to_string());
    if desc.is_none() && dep.is_none() {
        return;
    }
    // One line: neither `*/`, `</script` nor a line or paragraph separator can end the
    // comment or the block around it, and bidi controls are shown, not applied.
    out.push_str("/**");
    if let Some(d) = desc {
        out.push(' ');
        escape::push_js_comment(out, d);
    }
    if let Some(reason) = dep {
        out.push_str(" @deprecated ");
        escape::push_js_comment(out, &reason);
    }
    out.push_str(" */\n");
}

/// A JSON literal for a value, with `<`, `>`, `&`, U+2028/U+2029 and bidi controls
/// escaped too ([`escape::js_json`]); plain strings skip the serializer.
fn js_literal(v: &Value) -> String {
    if let Value::String(s) = v {
        if s.is_ascii()
            && !s
                .bytes()
                .any(|b| matches!(b, b'"' | b'\\' | b'<' | b'>' | b'&') || b < 0x20 || b == 0x7f)
        {
            let mut out = String::with_capacity(s.len() + 2);
            out.push('"');
            out.push_str(s);
            out.push('"');
            return out;
        }
    }
    escape::js_json(&serde_json::to_string(v).unwrap_or_else(|_| "null".into()))
}

struct Module {
    js: String,
    dts: String,
    ts: String,
}

fn module(tokens: &Tokens, names: &[String], opts: &Options, want_ts: bool) -> Module {
    let dependents = crate::tokens::resolve::Dependents::new(tokens);
    let mode = single_mode(tokens, opts);
    let resolver = Resolver::new(tokens, mode.as_deref());
    let mut m = Module {
        js: String::with_capacity(tokens.len() * 48),
        dts: String::with_capacity(tokens.len() * 40),
        ts: String::new(),
    };
    let _ = writeln!(m.js, "// {HEADER}");
    let _ = writeln!(m.dts, "// {HEADER}");
    for (i, t) in tokens.tokens.iter().enumerate() {
        let v = js_value(t.ty, &resolver.resolved_cow(t));
        let literal = js_literal(&v);
        if want_ts {
            doc_comment(&mut m.ts, t);
            let _ = writeln!(m.ts, "export const {} = {literal} as const;", names[i]);
        } else {
            doc_comment(&mut m.js, t);
            let _ = writeln!(m.js, "export const {} = {literal};", names[i]);
            doc_comment(&mut m.dts, t);
            let _ = writeln!(
                m.dts,
                "export declare const {}: {};",
                names[i],
                ts_type(t.ty)
            );
        }
    }
    if opts.mode.is_none() && tokens.has_named_axes() {
        axes_part(&mut m, tokens, names, want_ts);
    } else if opts.mode.is_none() && tokens.modes.len() > 1 {
        let mut modes = serde_json::Map::new();
        for mode in tokens.modes.iter().skip(1) {
            let changed = dependents.changed(tokens, mode);
            let r = Resolver::new(tokens, Some(mode.as_str()));
            let mut values = serde_json::Map::new();
            for (i, t) in tokens.tokens.iter().enumerate() {
                if changed[i] {
                    values.insert(names[i].clone(), js_value(t.ty, &r.resolved(t)));
                }
            }
            modes.insert(mode.clone(), Value::Object(values));
        }
        let text = escape::js_json(
            &serde_json::to_string_pretty(&Value::Object(modes)).unwrap_or_default(),
        );
        let _ = writeln!(
            m.js,
            "\n/** Values that differ from the default mode, per mode. */\nexport const modes = {text};"
        );
        let _ = writeln!(
            m.ts,
            "\n/** Values that differ from the default mode, per mode. */\nexport const modes = {text} as const;"
        );
        let _ = writeln!(
            m.dts,
            "\n/** Values that differ from the default mode, per mode. */\nexport declare const modes: Record<string, Record<string, unknown>>;"
        );
    }
    m
}

/// With theme axes: the axes, the overrides per key and a `resolve(choice)` helper.
const AXES_DOC: &str = "/** The theme axes and their contexts, the default first. */";
const MODES_DOC: &str = "/**\n * Resolved values that change per key (`axis=context`, a combination joined by `,`), in\n * resolution order: a key applies when all its contexts are chosen, a later one wins.\n */";
const RESOLVE_DOC: &str =
    "/** The tokens in a choice of contexts (an axis not given takes its default). */";

fn axes_part(m: &mut Module, tokens: &Tokens, names: &[String], want_ts: bool) {
    let base = overrides::defaults(tokens);
    let entries = overrides::overrides(tokens, &base);
    let mut axes = serde_json::Map::new();
    for a in &tokens.axes {
        axes.insert(
            a.name.clone(),
            Value::Array(a.contexts.iter().cloned().map(Value::String).collect()),
        );
    }
    let axes = escape::js_json(&serde_json::to_string(&Value::Object(axes)).unwrap_or_default());
    let mut modes = serde_json::Map::new();
    for (key, values) in &entries {
        let mut o = serde_json::Map::new();
        for (i, v) in values {
            o.insert(names[*i].clone(), js_value(tokens.tokens[*i].ty, v));
        }
        modes.insert(key.clone(), Value::Object(o));
    }
    let modes =
        escape::js_json(&serde_json::to_string_pretty(&Value::Object(modes)).unwrap_or_default());
    let mut fields = String::new();
    for (i, t) in tokens.tokens.iter().enumerate() {
        let ty = ts_type(t.ty).replace("[number,", "readonly [number,");
        let _ = writeln!(fields, "  readonly {}: {ty};", names[i]);
    }
    let all = names.join(", ");
    if want_ts {
        let _ = write!(
            m.ts,
            "\n{AXES_DOC}\nexport const axes = {axes} as const;\n\n\
             /** A choice of one context per axis. */\n\
             export type Choice = {{ [A in keyof typeof axes]?: (typeof axes)[A][number] }};\n\n\
             /** Every token's value. */\nexport interface Tokens {{\n{fields}}}\n\n\
             {MODES_DOC}\nexport const modes: {{ readonly [key: string]: Partial<Tokens> }} = {modes};\n\n\
             {RESOLVE_DOC}\nexport function resolve(choice: Choice = {{}}): Tokens {{\n\
             \x20 const out: Tokens = {{ {all} }};\n\
             \x20 for (const [key, values] of Object.entries(modes)) {{\n\
             \x20   const applies = key.split(\",\").every((part) => {{\n\
             \x20     const [axis, context] = part.split(\"=\") as [keyof typeof axes, string];\n\
             \x20     return (choice[axis] ?? axes[axis][0]) === context;\n\
             \x20   }});\n\
             \x20   if (applies) Object.assign(out, values);\n\
             \x20 }}\n\
             \x20 return out;\n\
             }}\n"
        );
    } else {
        let _ = write!(
            m.js,
            "\n{AXES_DOC}\nexport const axes = {axes};\n\n\
             {MODES_DOC}\nexport const modes = {modes};\n\n\
             {RESOLVE_DOC}\nexport function resolve(choice = {{}}) {{\n\
             \x20 const out = {{ {all} }};\n\
             \x20 for (const [key, values] of Object.entries(modes)) {{\n\
             \x20   const applies = key.split(\",\").every((part) => {{\n\
             \x20     const [axis, context] = part.split(\"=\");\n\
             \x20     return (choice[axis] ?? axes[axis][0]) === context;\n\
             \x20   }});\n\
             \x20   if (applies) Object.assign(out, values);\n\
             \x20 }}\n\
             \x20 return out;\n\
             }}\n"
        );
        let _ = write!(
            m.dts,
            "\n{AXES_DOC}\nexport declare const axes: {axes};\n\n\
             /** A choice of one context per axis. */\n\
             export type Choice = {{ [A in keyof typeof axes]?: (typeof axes)[A][number] }};\n\n\
             /** Every token's value. */\nexport interface Tokens {{\n{fields}}}\n\n\
             {MODES_DOC}\nexport declare const modes: {{ readonly [key: string]: Partial<Tokens> }};\n\n\
             {RESOLVE_DOC}\nexport declare function resolve(choice?: Choice): Tokens;\n"
        );
    }
}

pub(super) fn render_js(tokens: &Tokens, names: &[String], opts: &Options) -> Vec<File> {
    let m = module(tokens, names, opts, false);
    let dts_path: PathBuf = opts.path.with_extension("d.ts");
    vec![
        File {
            path: opts.path.clone(),
            contents: m.js,
        },
        File {
            path: dts_path,
            contents: m.dts,
        },
    ]
}

pub(super) fn render_ts(tokens: &Tokens, names: &[String], opts: &Options) -> File {
    let mut m = module(tokens, names, opts, true);
    let mut out = format!("// {HEADER}\n");
    out.push_str(&m.ts);
    m.ts = out;
    File {
        path: opts.path.clone(),
        contents: m.ts,
    }
}
