//! opends: a design-system toolchain. Design tokens (DTCG 2025.10), their store,
//! validation and export; `run` is the whole command line as a library call.

pub mod cli;
pub mod clock;
pub mod codegen;
pub mod color;
pub mod commands;
pub mod complete;
pub mod components;
pub mod credentials;
pub mod docs;
pub mod env_vars;
pub mod escape;
pub mod export;
pub mod hash;
pub mod input;
pub mod lint;
pub mod man;
pub mod model;
pub mod output;
pub mod printer;
pub mod project;
pub mod server;
pub mod settings;
pub mod sources;
pub mod store;
pub mod suggest;
pub mod sync;
pub mod tokens;
pub mod versions;
pub mod watch;

use std::process::ExitCode;

use cli::{
    AuthCommand, Cli, Command, ComponentsCommand, DocsCommand, ExportCommand, RemoteCommand,
    SourceCommand, TemplatesCommand, TokensCommand, VersionsCommand,
};
use printer::Printer;

/// What a command found, beyond "it ran".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// All good: exit 0.
    Success,
    /// The command ran and found something (problems, stale files): exit 1.
    Found,
}

/// Problems were already printed (as findings); the command fails with exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Reported(pub String);

/// A hint shown under an error (`hint: run ...`).
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Hint {
    /// The error itself.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

/// An error carrying a hint.
pub fn hinted(message: impl Into<String>, hint: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(Hint {
        message: message.into(),
        hint: hint.into(),
    })
}

/// Runs the command line and returns the exit code: 0 ok, 1 found something,
/// 2 bad input or failure. A closed stdout (broken pipe) ends quietly with 0.
pub fn run(cli: Cli) -> ExitCode {
    let printer = Printer::new(&cli.global);
    let ctx = commands::Context::new(cli.global, printer.clone());
    let result = match cli.command {
        Command::Init(args) => commands::init::run(&ctx, args),
        Command::Tokens(cmd) => match cmd {
            TokensCommand::Import(a) => commands::tokens::import(&ctx, a),
            TokensCommand::Validate(a) => commands::tokens::validate(&ctx, a),
            TokensCommand::List(a) => commands::tokens::list(&ctx, a),
            TokensCommand::Get(a) => commands::tokens::get(&ctx, a),
            TokensCommand::Set(a) => commands::tokens::set(&ctx, a),
            TokensCommand::Rm(a) => commands::tokens::rm(&ctx, a),
            TokensCommand::Usage(a) => commands::components::usage(&ctx, a),
            TokensCommand::History(a) => commands::versions::history(&ctx, a),
        },
        Command::Components(cmd) => match cmd {
            ComponentsCommand::Import(a) => commands::components::import(&ctx, a),
            ComponentsCommand::List(a) => commands::components::list(&ctx, a),
            ComponentsCommand::Show(a) => commands::components::show(&ctx, a),
            ComponentsCommand::Rm(a) => commands::components::rm(&ctx, a),
            ComponentsCommand::Approve(a) => commands::components::approve(&ctx, a),
            ComponentsCommand::Deprecate(a) => commands::components::deprecate(&ctx, a),
        },
        Command::Generate(a) => commands::generate::run(&ctx, a),
        Command::Templates(cmd) => match cmd {
            TemplatesCommand::Eject(a) => commands::generate::eject(&ctx, a),
            TemplatesCommand::List(a) => commands::generate::list(&ctx, a),
        },
        Command::Export(ExportCommand::Tokens(a)) => commands::export::tokens(&ctx, a),
        Command::Source(cmd) => match cmd {
            SourceCommand::Add(a) => commands::source::add(&ctx, a),
            SourceCommand::List(a) => commands::source::list(&ctx, a),
            SourceCommand::Rm(a) => commands::source::rm(&ctx, a),
        },
        Command::Auth(cmd) => match cmd {
            AuthCommand::Login(a) => commands::auth::login(&ctx, a),
            AuthCommand::Status(a) => commands::auth::status(&ctx, a),
            AuthCommand::Logout(a) => commands::auth::logout(&ctx, a),
        },
        Command::Sync(a) => commands::sync::run(&ctx, a),
        Command::Diff(a) => commands::diff::run(&ctx, a),
        Command::Release(a) => commands::versions::release(&ctx, a),
        Command::Versions(cmd) => match cmd {
            VersionsCommand::List(a) => commands::versions::list(&ctx, a),
            VersionsCommand::Show(a) => commands::versions::show(&ctx, a),
            VersionsCommand::Rm(a) => commands::versions::rm(&ctx, a),
        },
        Command::Serve(a) => commands::server::serve(&ctx, a),
        Command::Server(cmd) => commands::server::admin(&ctx, cmd),
        Command::Remote(cmd) => match cmd {
            RemoteCommand::Add(a) => commands::remote::add(&ctx, a),
            RemoteCommand::List(a) => commands::remote::list(&ctx, a),
            RemoteCommand::Rm(a) => commands::remote::rm(&ctx, a),
        },
        Command::Docs(DocsCommand::Build(a)) => commands::docs::build(&ctx, a),
        Command::Docs(DocsCommand::Serve(a)) => commands::docs::serve(&ctx, a),
        Command::Lint(a) => commands::lint::run(&ctx, a),
        Command::Push(a) => commands::remote::push(&ctx, a),
        Command::Pull(a) => commands::remote::pull(&ctx, a),
        Command::Completions(a) => commands::completions::run(&ctx, &a),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::Found) => ExitCode::from(1),
        Err(e) => {
            let broken_pipe = e
                .chain()
                .filter_map(|c| c.downcast_ref::<std::io::Error>())
                .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe);
            if broken_pipe {
                return ExitCode::SUCCESS;
            }
            // Ctrl-C at a prompt that reads keys in raw mode arrives as a key, not a
            // signal: the prompt gives up with `Interrupted`, and ends as a signal would.
            let interrupted = e
                .chain()
                .filter_map(|c| c.downcast_ref::<std::io::Error>())
                .any(|io| io.kind() == std::io::ErrorKind::Interrupted);
            if interrupted {
                commands::interrupted();
                return ExitCode::from(130);
            }
            if !e.is::<crate::Reported>() {
                printer.error(&e);
            }
            ExitCode::from(2)
        }
    }
}
