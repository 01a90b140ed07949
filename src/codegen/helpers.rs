//! Template helpers (documented in docs/templates.md): case conversion, CSS variable
//! names of tokens, JSON, and escaping for each context a value lands in.

use handlebars::{
    Context, Handlebars, Helper, HelperResult, Output, RenderContext, RenderErrorReason,
};

use crate::escape;
use crate::export::naming::{NameCase, name};

fn text_arg<'a>(h: &'a Helper<'_>, helper: &'static str) -> Result<&'a str, RenderErrorReason> {
    h.param(0)
        .and_then(|p| p.value().as_str())
        .ok_or(RenderErrorReason::ParamTypeMismatchForName(
            helper,
            "0".into(),
            "string".into(),
        ))
}

fn case(
    case: NameCase,
    helper: &'static str,
) -> impl Fn(
    &Helper<'_>,
    &Handlebars<'_>,
    &Context,
    &mut RenderContext<'_, '_>,
    &mut dyn Output,
) -> HelperResult
+ Send
+ Sync {
    move |h, _, _, _, out| {
        let s = text_arg(h, helper)?;
        out.write(&name(s, None, case))?;
        Ok(())
    }
}

/// A helper that writes its text argument escaped by `escape` (a number or boolean is
/// taken as its JSON text; a missing value is an empty string).
fn escaper(
    escape: fn(&str) -> String,
) -> impl Fn(
    &Helper<'_>,
    &Handlebars<'_>,
    &Context,
    &mut RenderContext<'_, '_>,
    &mut dyn Output,
) -> HelperResult
+ Send
+ Sync {
    move |h, _, _, _, out| {
        let text = match h.param(0).map(handlebars::PathAndJson::value) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Null) | None => String::new(),
            Some(other) => other.to_string(),
        };
        out.write(&escape(&text))?;
        Ok(())
    }
}

/// Registers every helper.
pub(super) fn register(hb: &mut Handlebars<'_>) {
    hb.register_helper("js_string", Box::new(escaper(escape::js_string)));
    hb.register_helper("js_comment", Box::new(escaper(escape::js_comment)));
    hb.register_helper("html_comment", Box::new(escaper(escape::html_comment)));
    hb.register_helper("attr", Box::new(escaper(escape::html)));
    hb.register_helper("html", Box::new(escaper(escape::html)));
    hb.register_helper("css_string", Box::new(escaper(escape::css_string)));
    hb.register_helper("css_comment", Box::new(escaper(escape::css_comment)));
    hb.register_helper("md", Box::new(escaper(escape::markdown)));
    hb.register_helper("pascal", Box::new(case(NameCase::Pascal, "pascal")));
    hb.register_helper("camel", Box::new(case(NameCase::Camel, "camel")));
    hb.register_helper("kebab", Box::new(case(NameCase::Kebab, "kebab")));
    hb.register_helper("snake", Box::new(case(NameCase::Snake, "snake")));
    hb.register_helper("constant", Box::new(case(NameCase::Constant, "constant")));
    hb.register_helper(
        "cssVar",
        Box::new(
            |h: &Helper<'_>,
             _: &Handlebars<'_>,
             _: &Context,
             _: &mut RenderContext<'_, '_>,
             out: &mut dyn Output|
             -> HelperResult {
                let s = text_arg(h, "cssVar")?;
                let prefix = h.param(1).and_then(|p| p.value().as_str());
                out.write(&super::context::css_var(s, prefix))?;
                Ok(())
            },
        ),
    );
    hb.register_helper(
        "json",
        Box::new(
            |h: &Helper<'_>,
             _: &Handlebars<'_>,
             _: &Context,
             _: &mut RenderContext<'_, '_>,
             out: &mut dyn Output|
             -> HelperResult {
                let v = h.param(0).map(|p| p.value().clone()).unwrap_or_default();
                // Also safe inside `<script>` and HTML attributes: no `<`, `>` or `&`.
                let text = serde_json::to_string(&v)
                    .unwrap_or_default()
                    .replace('<', "\\u003c")
                    .replace('>', "\\u003e")
                    .replace('&', "\\u0026")
                    .replace('\u{2028}', "\\u2028")
                    .replace('\u{2029}', "\\u2029");
                out.write(&text)?;
                Ok(())
            },
        ),
    );
    hb.register_helper(
        "indent",
        Box::new(
            |h: &Helper<'_>,
             _: &Handlebars<'_>,
             _: &Context,
             _: &mut RenderContext<'_, '_>,
             out: &mut dyn Output|
             -> HelperResult {
                let s = text_arg(h, "indent")?;
                let n = h.param(1).and_then(|p| p.value().as_u64()).unwrap_or(2) as usize;
                let pad = " ".repeat(n);
                let mut first = true;
                for line in s.lines() {
                    if !first {
                        out.write("\n")?;
                    }
                    first = false;
                    if !line.is_empty() {
                        out.write(&pad)?;
                    }
                    out.write(line)?;
                }
                Ok(())
            },
        ),
    );
}
