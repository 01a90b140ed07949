//! Integration tests: every test runs the real `opends` binary in a temp dir with a
//! scrubbed environment (see `support`).

mod axes;
mod axes_export;
mod axes_inputs;
mod axes_lint;
mod axes_sources;
mod ci_recipes;
mod completions;
mod conformance;
mod diff;
mod export;
mod generate;
mod init;
mod init_from;
mod lenient;
mod lint;
mod nothing_lost;
mod project;
mod real;
mod releases;
mod roundtrip;
mod security_api;
mod security_codegen;
mod security_crash;
mod security_input;
mod security_server;
mod serve;
mod server;
mod sources;
mod studio_real;
mod suggest;
mod support;
mod sync_files;
mod team_flow;
mod tokens;
mod versions;
