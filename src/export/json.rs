//! Flat JSON of resolved values keyed by token path (`"color.action.primary": "#2563eb"`).

use serde_json::{Map, Value};

use crate::export::value::js_value;
use crate::export::{File, Options, single_mode};
use crate::model::Tokens;
use crate::tokens::resolve::Resolver;

pub(super) fn render(tokens: &Tokens, opts: &Options) -> File {
    let mode = single_mode(tokens, opts);
    let r = Resolver::new(tokens, mode.as_deref());
    let mut map = Map::with_capacity(tokens.len());
    for t in &tokens.tokens {
        map.insert(t.path.to_string(), js_value(t.ty, &r.resolved_cow(t)));
    }
    let mut contents = serde_json::to_string_pretty(&Value::Object(map)).unwrap_or_default();
    contents.push('\n');
    File {
        path: opts.path.clone(),
        contents,
    }
}
