//! Code generation: component specs -> Vue, React and Svelte files through Handlebars
//! templates. Built-in templates live in `/templates/<framework>/` and are embedded;
//! a project overrides any of them (or adds more) in its own templates directory.
//!
//! Template naming: `component.<ext>.hbs` renders once per component to
//! `<ComponentName>.<ext>`; any other `<file>.hbs` renders once to `<file>`.

pub mod context;
mod helpers;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use handlebars::{Handlebars, Template};
use serde::Serialize;

pub use context::{ComponentContext, build as build_context, css_var};

use crate::export::File;
use crate::model::{StoredComponent, Tokens};

/// A UI framework opends generates for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Framework {
    /// Vue 3 single-file components.
    Vue,
    /// React 19 function components.
    React,
    /// Svelte 5 components.
    Svelte,
}

impl Framework {
    /// Every framework.
    pub const ALL: [Framework; 3] = [Self::Vue, Self::React, Self::Svelte];

    /// The name used in paths and `opends.yaml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Vue => "vue",
            Self::React => "react",
            Self::Svelte => "svelte",
        }
    }

    /// The built-in templates: (file name, text).
    pub fn builtin_templates(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Vue => VUE,
            Self::React => REACT,
            Self::Svelte => SVELTE,
        }
    }
}

macro_rules! templates {
    ($fw:literal: $($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $fw, "/", $name)))),*]
    };
}

const VUE: &[(&str, &str)] =
    templates!("vue": "component.vue.hbs", "index.ts.hbs", "README.md.hbs");
const REACT: &[(&str, &str)] = templates!(
    "react": "component.tsx.hbs",
    "component.module.css.hbs",
    "index.ts.hbs",
    "README.md.hbs"
);
const SVELTE: &[(&str, &str)] =
    templates!("svelte": "component.svelte.hbs", "index.ts.hbs", "README.md.hbs");

/// Code generation errors.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CodegenError {
    /// A template does not parse.
    #[error("template `{file}`{}: {message}", line.map(|l| format!(" line {l}")).unwrap_or_default())]
    Template {
        /// The template file (built-in name or the project's path).
        file: String,
        /// Its line, when known.
        line: Option<usize>,
        /// What is wrong.
        message: String,
    },
    /// A stored spec fails the checks `opends components import` applies (the store may
    /// hold what a server or a design file put there): nothing is generated from it.
    #[error(
        "component `{component}` cannot be generated: its spec fails the component checks\n{}",
        problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n")
    )]
    UnsafeSpec {
        /// The component's name (as stored, made printable).
        component: String,
        /// Every problem found.
        problems: Vec<String>,
    },
    /// A template's directory could not be read.
    #[error("could not read the templates in `{dir}`: {source}")]
    Read {
        /// The directory.
        dir: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// Where each template comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TemplateSource {
    /// The template's file name, e.g. `component.vue.hbs`.
    pub name: String,
    /// `builtin` or the override's path.
    pub origin: String,
}

/// A loaded set of templates for one framework.
pub struct Generator {
    framework: Framework,
    registry: Handlebars<'static>,
    sources: Vec<TemplateSource>,
}

impl Generator {
    /// Loads the built-in templates of `framework`, then the project's overrides from
    /// `overrides/<framework>/*.hbs` (when the directory exists).
    pub fn new(framework: Framework, overrides: Option<&Path>) -> Result<Self, CodegenError> {
        let mut registry = Handlebars::new();
        registry.set_strict_mode(true);
        registry.register_escape_fn(handlebars::no_escape);
        helpers::register(&mut registry);
        let mut texts: BTreeMap<String, (String, String)> = framework
            .builtin_templates()
            .iter()
            .map(|(n, t)| {
                (
                    (*n).to_string(),
                    (
                        (*t).to_string(),
                        format!("builtin:{}/{n}", framework.as_str()),
                    ),
                )
            })
            .collect();
        if let Some(dir) = overrides.map(|d| d.join(framework.as_str())) {
            if dir.is_dir() {
                let entries = fs::read_dir(&dir).map_err(|source| CodegenError::Read {
                    dir: dir.display().to_string(),
                    source,
                })?;
                for entry in entries.flatten() {
                    let path = entry.path();
                    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned())
                    else {
                        continue;
                    };
                    if path.extension().is_none_or(|e| e != "hbs") {
                        continue;
                    }
                    let text = fs::read_to_string(&path).map_err(|source| CodegenError::Read {
                        dir: dir.display().to_string(),
                        source,
                    })?;
                    texts.insert(name, (text, path.display().to_string()));
                }
            }
        }
        // Parsing a template is the costly part of loading (the parser computes a line
        // and column for each element): each template is parsed on its own thread.
        let compiled: Vec<_> = std::thread::scope(|scope| {
            let handles: Vec<_> = texts
                .iter()
                .map(|(name, (text, _))| {
                    scope.spawn(move || Template::compile_with_name(text, name.clone()))
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a template parser panicked"))
                .collect()
        });
        let mut sources = Vec::new();
        for ((name, (_, origin)), template) in texts.into_iter().zip(compiled) {
            let template = template.map_err(|e| CodegenError::Template {
                file: origin.clone(),
                line: e.pos().map(|(line, _)| line),
                message: e.reason().to_string(),
            })?;
            registry.register_template(&name, template);
            sources.push(TemplateSource { name, origin });
        }
        Ok(Self {
            framework,
            registry,
            sources,
        })
    }

    /// The templates in use and where each comes from.
    pub fn sources(&self) -> &[TemplateSource] {
        &self.sources
    }

    fn origin(&self, name: &str) -> String {
        self.sources
            .iter()
            .find(|s| s.name == name)
            .map_or_else(|| name.to_string(), |s| s.origin.clone())
    }

    fn render_one<T: Serialize>(&self, name: &str, data: &T) -> Result<String, CodegenError> {
        self.registry
            .render(name, data)
            .map_err(|e| CodegenError::Template {
                file: e
                    .template_name
                    .clone()
                    .map_or_else(|| self.origin(name), |t| self.origin(&t)),
                line: e.line_no,
                message: e.reason().to_string(),
            })
    }

    /// Renders every template for `components` into files under `out`.
    pub fn render(
        &self,
        components: &[StoredComponent],
        tokens: &Tokens,
        options: &Options,
        out: &Path,
    ) -> Result<Vec<File>, CodegenError> {
        // Per-component templates get only their component: handing each of N renders
        // the whole list would make generation quadratic.
        #[derive(Serialize)]
        struct Data<'a> {
            framework: &'static str,
            generator: &'static str,
            header: &'static str,
            component: &'a ComponentContext,
            tokens_css: &'a str,
        }
        #[derive(Serialize)]
        struct IndexData<'a> {
            framework: &'static str,
            generator: &'static str,
            header: &'static str,
            components: &'a [ComponentContext],
            tokens_css: &'a str,
        }
        check_specs(components, tokens)?;
        let contexts: Vec<ComponentContext> = components
            .iter()
            .map(|c| context::build(c, tokens, options))
            .collect();
        // Every file to render, in output order: (template, its target, the component).
        let mut jobs: Vec<(&str, &str, Option<&ComponentContext>)> = Vec::new();
        for src in &self.sources {
            let Some(target) = src.name.strip_suffix(".hbs") else {
                continue;
            };
            if target.starts_with("component.") {
                jobs.extend(
                    contexts
                        .iter()
                        .map(|c| (src.name.as_str(), target, Some(c))),
                );
            } else {
                jobs.push((src.name.as_str(), target, None));
            }
        }
        let render = |(name, target, component): (&str, &str, Option<&ComponentContext>)| -> Result<File, CodegenError> {
            let (path, contents) = if let Some(c) = component {
                    let data = Data {
                        framework: self.framework.as_str(),
                        generator: GENERATOR,
                        header: HEADER,
                        component: c,
                        tokens_css: &options.tokens_css,
                    };
                    let ext = target.strip_prefix("component.").unwrap_or(target);
                    (
                        out.join(format!("{}.{ext}", c.name)),
                        self.render_one(name, &data)?,
                    )
            } else {
                    let data = IndexData {
                        framework: self.framework.as_str(),
                        generator: GENERATOR,
                        header: HEADER,
                        components: &contexts,
                        tokens_css: &options.tokens_css,
                    };
                    (out.join(target), self.render_one(name, &data)?)
            };
            Ok(File { path, contents })
        };
        // Renders are independent: they run on all cores, each thread on one contiguous
        // part, and the parts are joined in order (the first error in order is reported).
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        let chunk = jobs.len().div_ceil(threads).max(1);
        let parts: Vec<Vec<Result<File, CodegenError>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = jobs
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().copied().map(render).collect()))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a renderer panicked"))
                .collect()
        });
        parts.into_iter().flatten().collect()
    }
}

/// Checks every spec with the checks `opends components import` applies (names that
/// become identifiers, the element and attribute allow-lists, bindings, prop defaults,
/// states and style values), so a spec that could not have been imported is never
/// turned into code, whatever the store holds. A reference to a token that no longer
/// exists is not a reason to refuse: it only names a CSS custom property.
pub fn check_specs(components: &[StoredComponent], tokens: &Tokens) -> Result<(), CodegenError> {
    for c in components {
        let file = c.source.as_deref().unwrap_or("the store");
        let findings = crate::components::check(&c.spec, tokens, file, "");
        let problems: Vec<String> = findings
            .iter()
            .filter(|f| f.is_error() && f.code != "unknown-token")
            .map(|f| printable(&f.message))
            .collect();
        if !problems.is_empty() {
            return Err(CodegenError::UnsafeSpec {
                component: printable(&c.spec.name),
                problems,
            });
        }
    }
    Ok(())
}

/// `s` without control characters (for error messages that quote stored text).
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// The generator's name and version, for headers.
pub const GENERATOR: &str = concat!("opends ", env!("CARGO_PKG_VERSION"));

/// The marker every generated file carries (used to find stale generated files).
pub const HEADER: &str =
    "Generated by opends from component specs; do not edit. Run `opends generate` to update.";

/// Options of one generation.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Prefix of token CSS variables (the css output's `prefix`).
    pub css_prefix: Option<String>,
    /// Path of the tokens stylesheet, relative to the output (for READMEs).
    pub tokens_css: String,
}

/// Built-in template files of a framework, for `opends templates eject`.
pub fn builtin_files(framework: Framework) -> Vec<(PathBuf, &'static str)> {
    framework
        .builtin_templates()
        .iter()
        .map(|(n, t)| (PathBuf::from(framework.as_str()).join(n), *t))
        .collect()
}
