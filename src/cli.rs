//! Command-line types (clap derive). Their doc comments are the `--help` text.

use crate::env_vars::EnvVars;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::ArgValueCompleter;

use crate::complete;
use crate::export::ExportFormat;
use crate::model::TokenType;
use crate::tokens::Format;

/// Design tokens, components and versions for design systems, in one binary.
///
/// Keeps tokens and component specs in a local store, reads DTCG 2025.10 (and Style
/// Dictionary or Tokens Studio) files, pulls from Figma and Penpot, exports CSS, SCSS,
/// Less, JS, TS, JSON, DTCG and Tailwind, generates Vue, React and Svelte components,
/// releases semver versions, builds a documentation site, and runs a team server.
#[derive(Debug, Parser)]
#[command(name = "opends", version, max_term_width = 100)]
#[command(
    after_help = "Examples:\n  opends init --yes\n  opends tokens validate tokens/\n  opends export tokens --format css --out dist/\n  opends export tokens --check          # in CI: exit 1 when outputs are stale"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes (listed under their own heading, after the command's own).
#[derive(Debug, Args)]
#[command(next_help_heading = "Global Options")]
pub struct GlobalArgs {
    /// Project directory (holding `opends.yaml`); default: the nearest one above the current directory
    #[arg(
        short = 'C',
        long = "project",
        global = true,
        env = EnvVars::PROJECT,
        value_name = "DIR"
    )]
    pub project: Option<PathBuf>,

    /// Store file; default: `.opends/opends.db` beside `opends.yaml`
    #[arg(long, global = true, env = EnvVars::DB, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Print only errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Print more about what happens
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// Never show progress bars
    #[arg(long, global = true)]
    pub no_progress: bool,

    /// When to use colour (also honours `NO_COLOR`)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when writing to a terminal and `NO_COLOR` is unset
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new project: `opends.yaml`, starter tokens and the store
    Init(InitArgs),
    /// Import, validate, list, read and edit design tokens
    #[command(subcommand)]
    Tokens(TokensCommand),
    /// Write tokens (and later other artifacts) for use in code
    #[command(subcommand)]
    Export(ExportCommand),
    /// Import, list, review and remove component specs
    #[command(subcommand)]
    Components(ComponentsCommand),
    /// Generate Vue, React or Svelte components from the specs
    Generate(GenerateArgs),
    /// Manage code templates
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Add, list and remove design sources (Figma and Penpot files)
    #[command(subcommand)]
    Source(SourceCommand),
    /// Log in to Figma, Penpot or a team server (tokens kept in the OS keyring)
    #[command(subcommand)]
    Auth(AuthCommand),
    /// Pull tokens from the project's Figma and Penpot files into the store
    Sync(SyncArgs),
    /// Show what changed between two states of the tokens and components, with the semver bump
    Diff(DiffArgs),
    /// Release a version: snapshot, semver number from the changes, CHANGELOG.md section
    Release(ReleaseArgs),
    /// List, show and delete released versions
    #[command(subcommand)]
    Versions(VersionsCommand),
    /// Run the team server (accounts, roles, sync, webhooks) on this machine
    Serve(ServeArgs),
    /// Manage the team server's accounts and API tokens (on its storage, running or not)
    #[command(subcommand)]
    Server(ServerCommand),
    /// Add, list and remove the team servers this project syncs with
    #[command(subcommand)]
    Remote(RemoteCommand),
    /// Build or serve the design-system site (tokens, components, changelog)
    #[command(subcommand)]
    Docs(DocsCommand),
    /// Check tokens and components against the rules a reviewer would apply
    Lint(LintArgs),
    /// Send the store's changes to a team server (refused when the server moved on: pull first)
    Push(PushArgs),
    /// Bring a team server's changes and releases into the store
    Pull(PullArgs),
    /// Print shell completions or the man page
    Completions(CompletionsArgs),
}

/// `opends init`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  opends init                      # asks on a terminal\n  opends init --yes --name acme --framework react\n  opends init web/ --output css --output ts\n  opends init --from https://www.figma.com/design/AbC123xYz789/Tokens   # start from a design file"
)]
pub struct InitArgs {
    /// Directory to create the project in
    #[arg(default_value = ".", value_name = "DIR")]
    pub dir: PathBuf,

    /// Design-system name (default: the directory's name)
    #[arg(long)]
    pub name: Option<String>,

    /// Default framework for `opends generate`
    #[arg(long, value_enum)]
    pub framework: Option<Framework>,

    /// Token outputs to configure (repeatable; default: css and ts)
    #[arg(long = "output", value_enum, value_name = "FORMAT")]
    pub outputs: Vec<ExportFormat>,

    /// Take defaults and flags; never prompt
    #[arg(short, long)]
    pub yes: bool,

    /// Overwrite an existing project
    #[arg(long)]
    pub force: bool,

    /// Start from a Figma or Penpot file (URL, or `figma:KEY` / `penpot:ID`): no starter
    /// tokens or components; the file is added as a source and synced
    #[arg(long, value_name = "URL")]
    pub from: Option<String>,
}

/// UI frameworks opends generates components for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Framework {
    /// Vue 3 single-file components
    Vue,
    /// React 19 function components
    React,
    /// Svelte 5 components
    Svelte,
}

impl Framework {
    /// The name in `opends.yaml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Vue => "vue",
            Self::React => "react",
            Self::Svelte => "svelte",
        }
    }
}

/// `opends tokens ...`.
#[derive(Debug, Subcommand)]
pub enum TokensCommand {
    /// Import token files into the store (all or nothing)
    #[command(
        after_help = "Examples:\n  opends tokens import                     # the files listed in opends.yaml\n  opends tokens import tokens/ --replace\n  opends tokens import dark.json --mode dark\n  opends tokens import studio.json --format tokens-studio"
    )]
    Import(ImportArgs),
    /// Check token files (DTCG tokens or resolver documents) without writing anything
    #[command(
        after_help = "Examples:\n  opends tokens validate                   # the project's token files, with its modes\n  opends tokens validate tokens/ --strict\n  opends tokens validate studio.json --format tokens-studio --json\n\nExit status: 0 valid, 1 problems found, 2 a file could not be read."
    )]
    Validate(ValidateArgs),
    /// List tokens
    #[command(
        after_help = "Examples:\n  opends tokens list\n  opends tokens list color.action --type color\n  opends tokens list --mode dark --json"
    )]
    List(ListArgs),
    /// Show one token
    #[command(
        after_help = "Examples:\n  opends tokens get color.action.primary\n  opends tokens get color.bg.default --mode dark --resolved\n  opends tokens get space.md --json"
    )]
    Get(GetArgs),
    /// Create or change a token
    #[command(
        after_help = "Examples:\n  opends tokens set color.brand '{\"colorSpace\":\"srgb\",\"components\":[0,0.4,0.8]}' --type color\n  opends tokens set color.link '{color.brand}'\n  opends tokens set space.lg 24px --type dimension\n  opends tokens set color.bg.default '{color.neutral.950}' --mode dark"
    )]
    Set(SetArgs),
    /// Remove a token
    #[command(
        after_help = "Examples:\n  opends tokens rm color.legacy.accent\n  opends tokens rm color.brand --force   # tokens that reference it get its value"
    )]
    Rm(RmArgs),
    /// Show which components use a token (or the tokens of a group)
    #[command(
        after_help = "Examples:\n  opends tokens usage color.action.primary\n  opends tokens usage color.action --json   # every token of the group"
    )]
    Usage(UsageArgs),
    /// Show a token's value in every released version
    History(HistoryArgs),
}

/// `opends tokens history`.
#[derive(Debug, Args)]
#[command(
    after_help = "Values are shown as written (an alias stays `{color.brand}`).\n\nExamples:\n  opends tokens history color.action.primary\n  opends tokens history color.bg.default --mode dark --json"
)]
pub struct HistoryArgs {
    /// The token path
    #[arg(add = ArgValueCompleter::new(complete::tokens))]
    pub path: String,

    /// The value in this mode (default: the base value)
    #[arg(long)]
    pub mode: Option<String>,

    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends tokens usage`.
#[derive(Debug, Args)]
pub struct UsageArgs {
    /// Token path or group prefix (e.g. `color.action`)
    #[arg(add = ArgValueCompleter::new(complete::tokens))]
    pub path: String,

    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends components ...`.
#[derive(Debug, Subcommand)]
pub enum ComponentsCommand {
    /// Import component specs (YAML); all are checked first, then written at once
    #[command(
        after_help = "Examples:\n  opends components import components/\n  opends components import components/button.yaml --dry-run"
    )]
    Import(ComponentsImportArgs),
    /// List components
    #[command(
        after_help = "Examples:\n  opends components list\n  opends components list --status draft --json"
    )]
    List(ComponentsListArgs),
    /// Show one component
    #[command(
        after_help = "Examples:\n  opends components show Button\n  opends components show Button --json"
    )]
    Show(ComponentShowArgs),
    /// Remove a component
    #[command(after_help = "Examples:\n  opends components rm LegacyCard")]
    Rm(ComponentNameArgs),
    /// Mark a component approved (recording who and when)
    #[command(
        after_help = "The approver is OPENDS_AUTHOR, else git's user.name and user.email.\n\nExamples:\n  opends components approve Button\n  OPENDS_AUTHOR='Ada <ada@example.com>' opends components approve Button"
    )]
    Approve(ComponentNameArgs),
    /// Mark a component deprecated (recording who, when and why)
    #[command(
        after_help = "Examples:\n  opends components deprecate LegacyCard --reason 'use Card'"
    )]
    Deprecate(DeprecateArgs),
}

/// `opends components import`.
#[derive(Debug, Args)]
pub struct ComponentsImportArgs {
    /// YAML files or directories; default: the project's `components:`
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Check and report, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Print a JSON summary on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends components list`.
#[derive(Debug, Args)]
pub struct ComponentsListArgs {
    /// Only components with this status
    #[arg(long, value_enum)]
    pub status: Option<crate::model::Status>,

    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends components show`.
#[derive(Debug, Args)]
pub struct ComponentShowArgs {
    /// Component name
    #[arg(add = ArgValueCompleter::new(complete::components))]
    pub name: String,

    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// A command that takes a component name.
#[derive(Debug, Args)]
pub struct ComponentNameArgs {
    /// Component name
    #[arg(add = ArgValueCompleter::new(complete::components))]
    pub name: String,
}

/// `opends components deprecate`.
#[derive(Debug, Args)]
pub struct DeprecateArgs {
    /// Component name
    #[arg(add = ArgValueCompleter::new(complete::components))]
    pub name: String,

    /// Why, and what to use instead
    #[arg(long)]
    pub reason: Option<String>,
}

/// `opends generate`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  opends generate vue\n  opends generate react --component Button --out src/ui\n  opends generate svelte --check        # CI: exit 1 when generated files are stale\n  opends generate vue --watch          # regenerate on every change\n  opends generate vue --allow-empty    # a project with no components yet\n\nA project whose sources (opends.yaml `sources:`) have no tokens yet (nobody ran `opends sync`), or a run that would generate no component, stops with exit 2 unless --allow-empty."
)]
#[command(disable_version_flag = true)]
pub struct GenerateArgs {
    /// The framework (default: `framework` in opends.yaml)
    #[arg(value_enum)]
    pub framework: Option<crate::codegen::Framework>,

    /// Output directory (default: `generated/<framework>`, or `generate_out` in opends.yaml)
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Only these components (repeatable)
    #[arg(short, long = "component", value_name = "NAME")]
    #[arg(add = ArgValueCompleter::new(complete::components))]
    pub components: Vec<String>,

    /// Also generate draft components
    #[arg(long)]
    pub include_drafts: bool,

    /// Write nothing; exit 1 listing every stale or missing file
    #[arg(long)]
    pub check: bool,

    /// Keep running and regenerate on changes to tokens, components, templates or opends.yaml
    #[arg(long, conflicts_with = "check")]
    pub watch: bool,

    /// Print a JSON summary on stdout
    #[arg(long)]
    pub json: bool,

    /// Generate a released version (`1.2.0`, or `latest`) instead of the working specs
    #[arg(
        id = "at_version",
        long = "version",
        value_name = "VERSION",
        conflicts_with = "watch"
    )]
    #[arg(add = ArgValueCompleter::new(complete::versions))]
    pub version: Option<String>,

    /// Overwrite files in the output directory that opends did not write (no generated header)
    #[arg(long)]
    pub force: bool,

    /// Generate even when no component would be generated, or a source in opends.yaml
    /// has no tokens yet (by default that stops the run with exit 2)
    #[arg(long)]
    pub allow_empty: bool,
}

/// `opends templates ...`.
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Copy the built-in templates into the project's templates directory
    #[command(
        after_help = "Examples:\n  opends templates eject              # every framework\n  opends templates eject react --force"
    )]
    Eject(EjectArgs),
    /// List the templates in use and where each comes from
    #[command(
        after_help = "Examples:\n  opends templates list vue\n  opends templates list svelte --json"
    )]
    List(TemplatesListArgs),
}

/// `opends templates eject`.
#[derive(Debug, Args)]
pub struct EjectArgs {
    /// Only this framework (default: all)
    #[arg(value_enum)]
    pub framework: Option<crate::codegen::Framework>,

    /// Overwrite templates that exist already
    #[arg(long)]
    pub force: bool,
}

/// `opends templates list`.
#[derive(Debug, Args)]
pub struct TemplatesListArgs {
    /// The framework
    #[arg(value_enum)]
    pub framework: crate::codegen::Framework,

    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends tokens import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files or directories (`*.json`); default: the files listed in `opends.yaml`
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Input format
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    pub format: Format,

    /// Read DTCG 2025.10 exactly: no lenient reading of the forms other tools write
    /// (also `strict: true` in opends.yaml)
    #[arg(long)]
    pub strict: bool,

    /// Import as the values of this mode (the tokens must already exist)
    #[arg(long, value_name = "MODE")]
    pub mode: Option<String>,

    /// Replace the whole store with these tokens instead of merging
    #[arg(long)]
    pub replace: bool,

    /// Validate and report, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Print a JSON summary on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends tokens validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files or directories to check; default: the project's token files (with its modes)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Input format
    #[arg(long, value_enum, default_value_t = Format::Auto)]
    pub format: Format,

    /// Read DTCG 2025.10 exactly: no lenient reading of the forms other tools write
    /// (also `strict: true` in opends.yaml)
    #[arg(long)]
    pub strict: bool,

    /// Print findings as JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends tokens list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only tokens of this type
    #[arg(long = "type", value_parser = parse_type, value_name = "TYPE")]
    pub ty: Option<TokenType>,

    /// Only tokens whose path starts with this prefix
    #[arg(value_name = "PREFIX")]
    pub prefix: Option<String>,

    /// Show values in this mode only: a mode name, or `axis=context` (repeatable, one
    /// per axis; axes not named take their default)
    #[arg(long, value_name = "MODE")]
    pub mode: Vec<String>,

    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends tokens get`.
#[derive(Debug, Args)]
pub struct GetArgs {
    /// Token path, e.g. `color.action.primary`
    #[arg(add = ArgValueCompleter::new(complete::tokens))]
    pub path: String,

    /// The value in this mode (default: every mode): a mode name, or `axis=context`
    /// (repeatable, one per axis; axes not named take their default)
    #[arg(long, value_name = "MODE")]
    pub mode: Vec<String>,

    /// Follow aliases to the final value
    #[arg(long)]
    pub resolved: bool,

    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends tokens set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// Token path, e.g. `color.brand.primary`
    #[arg(add = ArgValueCompleter::new(complete::tokens))]
    pub path: String,

    /// The value: JSON, an alias `{a.b}`, or a shorthand such as `16px`, `200ms`, `#3b82f6`
    pub value: String,

    /// The token type (needed for new tokens unless the value is an alias)
    #[arg(long = "type", value_parser = parse_type, value_name = "TYPE")]
    pub ty: Option<TokenType>,

    /// Set the value of this mode only
    #[arg(long)]
    pub mode: Option<String>,

    /// Set the description
    #[arg(long)]
    pub description: Option<String>,
}

/// `opends tokens rm`.
#[derive(Debug, Args)]
pub struct RmArgs {
    /// Token path
    #[arg(add = ArgValueCompleter::new(complete::tokens))]
    pub path: String,

    /// Remove even when other tokens reference it: its value is written into them
    #[arg(long)]
    pub force: bool,
}

fn parse_type(s: &str) -> Result<TokenType, String> {
    s.parse()
}

/// `opends export ...`.
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write token files: CSS, SCSS, Less, JS (+ .d.ts), TS, JSON, DTCG, Tailwind
    #[command(
        after_help = "With no --format, writes every output listed under `outputs:` in opends.yaml.\n\nExamples:\n  opends export tokens                                  # outputs from opends.yaml\n  opends export tokens --format css --out dist/\n  opends export tokens --input tokens/ --format css --format js --out dist/\n  opends export tokens --check                          # CI: exit 1 when stale\n  opends export tokens --allow-empty                    # a project with no tokens yet\n\nA project whose sources (opends.yaml `sources:`) have no tokens yet (nobody ran `opends sync`), or a run that would export no token at all, stops with exit 2 unless --allow-empty.\n\nExit status: 0 ok, 1 --check found stale files, 2 bad input, nothing to export, or an error."
    )]
    Tokens(ExportTokensArgs),
}

/// `opends export tokens`.
#[derive(Debug, Clone, Args)]
#[command(disable_version_flag = true)]
pub struct ExportTokensArgs {
    /// Formats to write (repeatable); default: the outputs in `opends.yaml`
    #[arg(short, long = "format", value_enum, value_name = "FORMAT")]
    pub formats: Vec<ExportFormat>,

    /// Directory for `--format` outputs
    #[arg(short, long, value_name = "DIR", default_value = "dist")]
    pub out: PathBuf,

    /// Read these token files instead of the store (stateless, for CI)
    #[arg(short, long = "input", value_name = "PATH")]
    pub inputs: Vec<PathBuf>,

    /// Input format for `--input`
    #[arg(long = "input-format", value_enum, default_value_t = Format::Auto, value_name = "FORMAT")]
    pub input_format: Format,

    /// Read DTCG 2025.10 exactly: no lenient reading of the forms other tools write
    /// (also `strict: true` in opends.yaml)
    #[arg(long)]
    pub strict: bool,

    /// Write only this mode (default: all modes where the format can hold them)
    #[arg(long)]
    pub mode: Option<String>,

    /// Write nothing; exit 1 listing every stale or missing file
    #[arg(long)]
    pub check: bool,

    /// Print a JSON summary on stdout
    #[arg(long)]
    pub json: bool,

    /// Keep running and export again on changes to tokens or opends.yaml
    #[arg(long, conflicts_with = "check")]
    pub watch: bool,

    /// Export a released version (`1.2.0`, or `latest`) instead of the working tokens
    #[arg(id = "at_version", long = "version", value_name = "VERSION", conflicts_with_all = ["inputs", "watch"])]
    #[arg(add = ArgValueCompleter::new(complete::versions))]
    pub version: Option<String>,

    /// Overwrite output files that opends did not write (no generated header)
    #[arg(long)]
    pub force: bool,

    /// Export even when there are no tokens, or a source in opends.yaml has none yet
    /// (by default that stops the run with exit 2)
    #[arg(long)]
    pub allow_empty: bool,
}

/// `opends source ...`.
#[derive(Debug, Subcommand)]
pub enum SourceCommand {
    /// Add a Figma or Penpot file to `sources:` in opends.yaml
    #[command(
        after_help = "Examples:\n  opends source add figma https://www.figma.com/design/AbC123xYz789/Tokens\n  opends source add penpot 'https://penpot.example.com/#/workspace?team-id=...&file-id=...' --name brand\n  opends source add penpot 0b7e3a7c-9f1e-8012-8005-2b5c3d4e5f60 --base-url https://penpot.example.com"
    )]
    Add(SourceAddArgs),
    /// List the project's design sources
    #[command(after_help = "Examples:\n  opends source list\n  opends source list --json")]
    List(SourceListArgs),
    /// Remove a design source from opends.yaml
    #[command(after_help = "Examples:\n  opends source rm brand")]
    Rm(SourceRmArgs),
}

/// `opends source add`.
#[derive(Debug, Args)]
pub struct SourceAddArgs {
    /// `figma` or `penpot`
    #[arg(value_enum)]
    pub provider: crate::sources::Provider,

    /// The Figma file key or URL, or the Penpot file id or workspace URL
    #[arg(value_name = "FILE")]
    pub file: String,

    /// A name for the source (default: the provider's name)
    #[arg(long)]
    pub name: Option<String>,

    /// The API base URL (self-hosted Penpot; default: taken from the URL, else the provider's)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

/// `opends source list`.
#[derive(Debug, Args)]
pub struct SourceListArgs {
    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends source rm`.
#[derive(Debug, Args)]
pub struct SourceRmArgs {
    /// The source's name
    #[arg(add = ArgValueCompleter::new(complete::sources))]
    pub name: String,
}

/// `opends diff`.
#[derive(Debug, Args)]
#[command(
    after_help = "FROM and TO are a released version (`1.2.0`, `latest`), `working` (the store now) or a token file or directory. FROM defaults to the latest release, TO to `working`.\n\nExamples:\n  opends diff                          # what the next release would contain\n  opends diff 1.2.0 1.3.0 --format markdown\n  opends diff old-tokens/ working --mode dark\n\nExit status: 0 no differences, 1 differences, 2 errors."
)]
pub struct DiffArgs {
    /// The older state (default: the latest release)
    #[arg(value_name = "FROM")]
    pub from: Option<String>,

    /// The newer state (default: `working`)
    #[arg(value_name = "TO")]
    pub to: Option<String>,

    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,

    /// Treat value changes as minor (default: patch, or `value_changes: minor` in opends.yaml)
    #[arg(long)]
    pub values_minor: bool,

    /// Only value changes in this mode (other kinds of change are always shown)
    #[arg(long)]
    pub mode: Option<String>,
}

/// `opends release`.
#[derive(Debug, Args)]
#[command(
    after_help = "The version is computed from the changes since the last release (docs/versioning.md); the first release is 1.0.0. A breaking change is never released as minor or patch without --force, and --force is recorded.\n\nExamples:\n  opends release --dry-run             # show the version and the changelog section\n  opends release -m 'Dark mode' --yes\n  opends release --pre beta            # 1.3.0-beta.1, then 1.3.0-beta.2, ...\n  opends release 2.0.0 --yes\n\nExit status: 0 released (or previewed), 1 cancelled at the prompt, 2 refused or failed (nothing written)."
)]
pub struct ReleaseArgs {
    /// The version to release (default: computed by --bump)
    #[arg(id = "new_version", value_name = "VERSION")]
    pub version: Option<String>,

    /// Which part to bump; `auto` takes what the changes call for
    #[arg(long, value_enum, default_value_t = BumpChoice::Auto, conflicts_with = "new_version")]
    pub bump: BumpChoice,

    /// Release a pre-release with this identifier (`alpha` gives 1.3.0-alpha.1)
    #[arg(long, value_name = "ID", value_parser = pre_id, conflicts_with = "new_version")]
    pub pre: Option<String>,

    /// The release message (first lines of the changelog section)
    #[arg(short, long, value_name = "MSG")]
    pub message: Option<String>,

    /// Show the version and the changelog section; write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Do not ask for confirmation (needed without a terminal)
    #[arg(short, long)]
    pub yes: bool,

    /// Allow a smaller bump than the changes call for (recorded in the version)
    #[arg(long)]
    pub force: bool,

    /// Release even though some components are drafts
    #[arg(long)]
    pub allow_drafts: bool,

    /// Release on this team server (its state, with its role rules) instead of here;
    /// `opends pull` then brings the version here
    #[arg(long, value_name = "NAME", conflicts_with = "dry_run")]
    #[arg(add = ArgValueCompleter::new(complete::remotes))]
    pub remote: Option<String>,

    /// Print the version record and its changes as JSON on stdout
    #[arg(long)]
    pub json: bool,
}

pub(crate) fn pre_id(s: &str) -> Result<String, String> {
    if !s.is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !s.chars().all(|c| c.is_ascii_digit())
    {
        Ok(s.to_string())
    } else {
        Err("a pre-release id is letters, digits and `-`, e.g. alpha, beta, rc".into())
    }
}

/// `opends release --bump`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BumpChoice {
    /// What the changes call for
    Auto,
    /// Breaking: X.0.0
    Major,
    /// Additions: x.Y.0
    Minor,
    /// Fixes: x.y.Z
    Patch,
}

/// `opends versions ...`.
#[derive(Debug, Subcommand)]
pub enum VersionsCommand {
    /// List released versions, newest first
    #[command(after_help = "Examples:\n  opends versions list\n  opends versions list --json")]
    List(VersionsListArgs),
    /// Show a version's record and changelog section
    #[command(
        after_help = "Examples:\n  opends versions show 1.2.0\n  opends versions show latest --json"
    )]
    Show(VersionShowArgs),
    /// Delete a version (the versions around it keep their content)
    #[command(
        after_help = "Examples:\n  opends versions rm 1.3.0-beta.1\n  opends versions rm 1.3.0-beta.1 --yes   # no question (scripts, CI)"
    )]
    Rm(VersionRmArgs),
}

/// `opends versions list`.
#[derive(Debug, Args)]
pub struct VersionsListArgs {
    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends versions show`.
#[derive(Debug, Args)]
pub struct VersionShowArgs {
    /// The version (`1.2.0` or `latest`)
    #[arg(id = "VERSION")]
    #[arg(add = ArgValueCompleter::new(complete::versions))]
    pub version: String,

    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends versions rm`.
#[derive(Debug, Args)]
pub struct VersionRmArgs {
    /// The version
    #[arg(id = "VERSION")]
    #[arg(add = ArgValueCompleter::new(complete::versions))]
    pub version: String,

    /// Do not ask for confirmation
    #[arg(short, long)]
    pub yes: bool,
}

/// `opends diff --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Lines for a terminal
    Text,
    /// The changeset as JSON
    Json,
    /// A Markdown section (for pull requests and changelogs)
    Markdown,
}

/// `opends sync`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
#[command(
    after_help = "Examples:\n  opends sync                 # every source in opends.yaml\n  opends sync brand --dry-run\n  opends sync --force --prune # fetch even if unchanged; drop tokens removed upstream\n  opends sync brand --overwrite # discard hand edits in the files `brand` owns\n  opends sync log"
)]
pub struct SyncArgs {
    /// Sources to sync (default: all)
    #[arg(value_name = "SOURCE")]
    #[arg(add = ArgValueCompleter::new(complete::sources))]
    pub sources: Vec<String>,

    /// Fetch and show the changes, write nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Fetch even when the file has not changed since the last sync
    #[arg(long)]
    pub force: bool,

    /// Remove tokens that no longer exist in the design file (otherwise kept and reported)
    #[arg(long)]
    pub prune: bool,

    /// Rewrite a source's files even where they were edited by hand (the edits are lost)
    #[arg(long)]
    pub overwrite: bool,

    /// Print a JSON summary on stdout
    #[arg(long)]
    pub json: bool,

    #[command(subcommand)]
    pub command: Option<SyncCommand>,
}

/// `opends sync ...` subcommands.
#[derive(Debug, Subcommand)]
pub enum SyncCommand {
    /// Show the sync log (newest first)
    #[command(after_help = "Examples:\n  opends sync log\n  opends sync log -n 5 --json")]
    Log(SyncLogArgs),
}

/// `opends sync log`.
#[derive(Debug, Args)]
pub struct SyncLogArgs {
    /// How many entries
    #[arg(short = 'n', long, default_value_t = 20)]
    pub limit: usize,

    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends auth ...`.
#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Check a personal access token against the API and keep it in the OS keyring
    #[command(
        after_help = "In CI, set OPENDS_FIGMA_TOKEN / OPENDS_PENPOT_TOKEN instead: they always win.\n\nExamples:\n  opends auth login figma\n  printf %s \"$TOKEN\" | opends auth login penpot --token-stdin --base-url https://penpot.example.com"
    )]
    Login(AuthLoginArgs),
    /// Show which providers have a credential and where it comes from (never the secret)
    #[command(after_help = "Examples:\n  opends auth status\n  opends auth status --json")]
    Status(AuthStatusArgs),
    /// Remove a stored token from the OS keyring
    #[command(
        after_help = "Examples:\n  opends auth logout figma\n  opends auth logout server --remote team"
    )]
    Logout(AuthLogoutArgs),
}

/// `opends auth login`.
#[derive(Debug, Args)]
pub struct AuthLoginArgs {
    /// `figma`, `penpot`, or `server` (a team server remote: an API token)
    #[arg(value_enum)]
    pub provider: AuthTarget,

    /// For `server`: which remote (default: the only one)
    #[arg(long, value_name = "NAME")]
    #[arg(add = ArgValueCompleter::new(complete::remotes))]
    pub remote: Option<String>,

    /// Read the token from standard input instead of a hidden prompt
    #[arg(long)]
    pub token_stdin: bool,

    /// The API base URL to check the token against (self-hosted Penpot)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

/// `opends auth status`.
#[derive(Debug, Args)]
pub struct AuthStatusArgs {
    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends auth logout`.
#[derive(Debug, Args)]
pub struct AuthLogoutArgs {
    /// `figma`, `penpot` or `server`
    #[arg(value_enum)]
    pub provider: AuthTarget,

    /// For `server`: which remote (default: the only one)
    #[arg(long, value_name = "NAME")]
    #[arg(add = ArgValueCompleter::new(complete::remotes))]
    pub remote: Option<String>,
}

/// What `opends auth` logs in to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AuthTarget {
    /// Figma (personal access token)
    Figma,
    /// Penpot (access token)
    Penpot,
    /// A team server remote (API token from `opends server token create`)
    Server,
}

impl AuthTarget {
    /// The design-tool provider, unless it is the team server.
    pub fn provider(self) -> Option<crate::sources::Provider> {
        match self {
            Self::Figma => Some(crate::sources::Provider::Figma),
            Self::Penpot => Some(crate::sources::Provider::Penpot),
            Self::Server => None,
        }
    }
}

/// `opends completions`.
#[derive(Debug, Args)]
#[command(
    after_help = "Where each file goes (then start a new shell):\n  bash        ~/.local/share/bash-completion/completions/opends\n  zsh         a directory on $fpath, as _opends (e.g. ~/.zfunc/_opends with fpath+=~/.zfunc)\n  fish        ~/.config/fish/completions/opends.fish\n  powershell  a file dot-sourced from $PROFILE (e.g. . ~/opends.ps1)\n  man         ~/.local/share/man/man1/ (with --dir: opends.1 and a page per subcommand)\n\nThese files complete commands and options. To also complete token paths, component\nnames, versions, sources and remotes from the project you are in, let the shell ask\nopends itself instead (one line in the shell's start-up file):\n  bash        source <(COMPLETE=bash opends)\n  zsh         source <(COMPLETE=zsh opends)\n  fish        COMPLETE=fish opends | source\n  powershell  $env:COMPLETE = \"powershell\"; opends | Out-String | Invoke-Expression; Remove-Item Env:\\COMPLETE\n\nExamples:\n  opends completions bash > ~/.local/share/bash-completion/completions/opends\n  opends completions zsh > ~/.zfunc/_opends\n  opends completions fish > ~/.config/fish/completions/opends.fish\n  opends completions powershell >> $PROFILE\n  opends completions man --dir ~/.local/share/man/man1   # every page"
)]
pub struct CompletionsArgs {
    /// Shell to print completions for, or `man` for the man page
    #[arg(value_enum)]
    pub shell: CompletionTarget,

    /// With `man`: write every page (`opends.1` and one per subcommand, such as
    /// `opends-tokens-get.1`) into DIR instead of printing `opends.1`
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// What `opends completions` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompletionTarget {
    /// Bash
    Bash,
    /// Zsh
    Zsh,
    /// Fish
    Fish,
    /// `PowerShell`
    Powershell,
    /// The man page (roff)
    Man,
}

/// `opends serve`.
#[derive(Debug, Args)]
#[command(
    after_help = "Secrets come from the environment, never from flags: OPENDS_DATABASE_URL (may hold a password), OPENDS_FIGMA_WEBHOOK_PASSCODE, OPENDS_PENPOT_WEBHOOK_SECRET.\n\nExamples:\n  opends server user add ada@example.com --role admin   # prints a one-time password\n  opends serve                                         # http://127.0.0.1:7700\n  opends serve --bind 0.0.0.0:7700 --database-url postgres://ds@db/ds\n\nSIGTERM or Ctrl-C: in-flight requests finish, then exit 0. The API is in docs/api.md."
)]
pub struct ServeArgs {
    /// Address to listen on (loopback unless told otherwise; port 0 picks a free one)
    #[arg(long, default_value = "127.0.0.1:7700", value_name = "ADDR")]
    pub bind: String,

    #[command(flatten)]
    pub storage: ServerStorageArgs,

    /// Largest request body accepted, in bytes (larger: 413)
    #[arg(long, default_value_t = 10 * 1024 * 1024, value_name = "BYTES")]
    pub body_limit: usize,

    /// Requests per second allowed per client address and per credential (0: no limit)
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub rate_limit: u32,

    /// An origin browsers may call the API from (repeatable; default: CORS off)
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    pub cors_origins: Vec<String>,

    /// Seconds a client has to send a request's headers, also while a kept-alive
    /// connection waits for its next request; then the connection is closed
    #[arg(long, default_value_t = 10, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
    pub header_timeout: u64,

    /// Seconds a client has to send a request's body (then 408)
    #[arg(long, default_value_t = 30, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
    pub body_timeout: u64,

    /// Seconds a connection may go without any data moving while no request is being
    /// handled (e.g. a client that stops reading its answer); then it is closed
    #[arg(long, default_value_t = 60, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..))]
    pub idle_timeout: u64,

    /// Most client connections open at once; beyond it a connection gets 503 and is closed
    #[arg(long, default_value_t = 1024, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_connections: u32,
}

/// Where the team server keeps its data.
#[derive(Debug, Clone, Args)]
pub struct ServerStorageArgs {
    /// Data directory for the embedded SQLite storage
    #[arg(long, default_value = ".opends/server", value_name = "DIR")]
    pub data: PathBuf,

    /// Use PostgreSQL instead (`postgres://user@host/db`; best given as `OPENDS_DATABASE_URL`)
    #[arg(
        long,
        env = EnvVars::DATABASE_URL,
        value_name = "URL",
        hide_env_values = true
    )]
    pub database_url: Option<String>,
}

/// `opends server ...`.
#[derive(Debug, Subcommand)]
pub enum ServerCommand {
    /// Accounts
    #[command(subcommand)]
    User(ServerUserCommand),
    /// Long-lived API tokens (for CI)
    #[command(subcommand)]
    Token(ServerTokenCommand),
}

/// `opends server user ...`.
#[derive(Debug, Subcommand)]
pub enum ServerUserCommand {
    /// Create an account; prints its one-time password
    #[command(
        after_help = "Examples:\n  opends server user add ada@example.com --role admin\n  opends server user add bob@example.com --role editor --data /srv/opends"
    )]
    Add(ServerUserAddArgs),
    /// List accounts
    #[command(
        after_help = "Examples:\n  opends server user list\n  opends server user list --json"
    )]
    List(ServerListArgs),
}

/// `opends server user add`.
#[derive(Debug, Args)]
pub struct ServerUserAddArgs {
    /// The e-mail address (the login name)
    pub email: String,

    /// What the account may do (docs/api.md has the table)
    #[arg(long, value_enum)]
    pub role: crate::server::repo::Role,

    #[command(flatten)]
    pub storage: ServerStorageArgs,

    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends server ... list`.
#[derive(Debug, Args)]
pub struct ServerListArgs {
    #[command(flatten)]
    pub storage: ServerStorageArgs,

    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends server token ...`.
#[derive(Debug, Subcommand)]
pub enum ServerTokenCommand {
    /// Create an API token; prints it once on stdout
    #[command(
        after_help = "Examples:\n  OPENDS_SERVER_TOKEN=$(opends server token create --role viewer --name ci)\n  opends server token create --role editor --name release-bot"
    )]
    Create(ServerTokenCreateArgs),
    /// List API tokens (never their values)
    #[command(
        after_help = "Examples:\n  opends server token list\n  opends server token list --json"
    )]
    List(ServerListArgs),
    /// Revoke an API token
    #[command(
        after_help = "Examples:\n  opends server token list             # find the id\n  opends server token revoke 3f9c2a"
    )]
    Revoke(ServerTokenRevokeArgs),
}

/// `opends server token create`.
#[derive(Debug, Args)]
pub struct ServerTokenCreateArgs {
    /// What the token may do
    #[arg(long, value_enum)]
    pub role: crate::server::repo::Role,

    /// A label (where it is used)
    #[arg(long)]
    pub name: Option<String>,

    #[command(flatten)]
    pub storage: ServerStorageArgs,
}

/// `opends server token revoke`.
#[derive(Debug, Args)]
pub struct ServerTokenRevokeArgs {
    /// The token's id (from `opends server token list`)
    pub id: String,

    #[command(flatten)]
    pub storage: ServerStorageArgs,
}

/// `opends remote ...`.
#[derive(Debug, Subcommand)]
pub enum RemoteCommand {
    /// Add a team server
    #[command(
        after_help = "Examples:\n  opends remote add team https://ds.example.com\n  export OPENDS_SERVER_TOKEN=...   # from `opends server token create` or the server admin"
    )]
    Add(RemoteAddArgs),
    /// List team servers with the revision last synced
    #[command(after_help = "Examples:\n  opends remote list\n  opends remote list --json")]
    List(RemoteListArgs),
    /// Remove a team server (and what the store knew of it)
    #[command(after_help = "Examples:\n  opends remote rm team")]
    Rm(RemoteRmArgs),
}

/// `opends remote add`.
#[derive(Debug, Args)]
pub struct RemoteAddArgs {
    /// A name for it
    pub name: String,
    /// Its URL
    pub url: String,
}

/// `opends remote list`.
#[derive(Debug, Args)]
pub struct RemoteListArgs {
    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends remote rm`.
#[derive(Debug, Args)]
pub struct RemoteRmArgs {
    /// Its name
    #[arg(add = ArgValueCompleter::new(complete::remotes))]
    pub name: String,
}

/// `opends push`.
#[derive(Debug, Args)]
#[command(
    after_help = "The credential is OPENDS_SERVER_TOKEN (an API token or an access token).\n\nExamples:\n  opends push\n  opends push team --dry-run --json\n\nExit status: 0 pushed (or nothing to push), 1 refused because the server has newer changes (pull first), 2 errors."
)]
pub struct PushArgs {
    /// The remote (default: the only one)
    #[arg(add = ArgValueCompleter::new(complete::remotes))]
    pub remote: Option<String>,

    /// Show what would be sent; send nothing
    #[arg(long)]
    pub dry_run: bool,

    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends pull`.
#[derive(Debug, Args)]
#[command(
    after_help = "Changes made here and not pushed are kept. When the server changed the same token or component, pull stops and lists both values: choose with --theirs or --ours.\n\nExamples:\n  opends pull\n  opends pull team --theirs\n\nExit status: 0 pulled, 1 stopped on conflicts (nothing written), 2 errors."
)]
pub struct PullArgs {
    /// The remote (default: the only one)
    #[arg(add = ArgValueCompleter::new(complete::remotes))]
    pub remote: Option<String>,

    /// On conflicts, take the server's values
    #[arg(long, conflicts_with = "ours")]
    pub theirs: bool,

    /// On conflicts, keep the local values (push them afterwards)
    #[arg(long)]
    pub ours: bool,

    /// Print JSON on stdout
    #[arg(long)]
    pub json: bool,
}

/// `opends docs ...`.
#[derive(Debug, Subcommand)]
pub enum DocsCommand {
    /// Write the static site (HTML + CSS, works from file:// and any static host)
    #[command(
        after_help = "Examples:\n  opends docs build                    # site/ beside opends.yaml\n  opends docs build --version 1.2.0 --out public/1.2.0"
    )]
    Build(DocsBuildArgs),
    /// Serve the site on loopback and rebuild it on every change
    #[command(
        after_help = "Examples:\n  opends docs serve                    # http://127.0.0.1:7800\n  opends docs serve --port 0 --out /tmp/site"
    )]
    Serve(DocsServeArgs),
}

/// `opends docs build`.
#[derive(Debug, Args)]
#[command(disable_version_flag = true)]
pub struct DocsBuildArgs {
    /// Output directory (default: `site/` beside opends.yaml)
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,

    /// Document a released version (`1.2.0`, or `latest`) instead of the working state
    #[arg(id = "at_version", long = "version", value_name = "VERSION")]
    #[arg(add = ArgValueCompleter::new(complete::versions))]
    pub version: Option<String>,

    /// Overwrite files in the output directory that opends did not write
    #[arg(long)]
    pub force: bool,
}

/// `opends docs serve`.
#[derive(Debug, Args)]
pub struct DocsServeArgs {
    /// Port on 127.0.0.1 (0 picks a free one)
    #[arg(long, default_value_t = 7800)]
    pub port: u16,

    /// Output directory (default: `site/` beside opends.yaml)
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `opends lint`.
#[derive(Debug, Args)]
#[command(
    after_help = "Rules and their severities (error, warning, info, off) are set under `lint:` in opends.yaml; docs/lint.md lists them.\n\nExamples:\n  opends lint\n  opends lint --fix\n  opends lint --json > lint.json\n\nExit status: 0 no error-level finding, 1 some, 2 bad input."
)]
pub struct LintArgs {
    /// Apply the safe fixes (e.g. add a missing `$type` taken from the alias target)
    #[arg(long)]
    pub fix: bool,

    /// Print the findings as JSON on stdout
    #[arg(long)]
    pub json: bool,
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    /// Every command that runs something (a leaf, or one that takes arguments of its
    /// own besides its subcommands) shows examples in its `--help`.
    #[test]
    fn every_leaf_command_has_examples() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let path = format!("{path} {}", cmd.get_name());
            let own_args = cmd
                .get_arguments()
                .any(|a| !a.is_global_set() && !matches!(a.get_id().as_str(), "help" | "version"));
            let leaf = cmd.get_subcommands().next().is_none();
            if leaf || own_args {
                let after = cmd
                    .get_after_help()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                if !after.contains("Examples:\n  opends") && !after.contains("Examples:\n  OPENDS_")
                {
                    missing.push(path.trim().to_string());
                }
            }
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                walk(sub, &path, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(
            missing.is_empty(),
            "no \"Examples:\" in --help of: {missing:?}"
        );
    }

    /// Subcommands have no `--version` of their own (it is the program's, on `opends`).
    #[test]
    fn only_the_program_prints_a_version() {
        fn walk(cmd: &clap::Command, with_version: &mut Vec<String>) {
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                let mut built = sub.clone();
                built.build();
                if built.get_arguments().any(|a| a.get_id() == "version") {
                    with_version.push(sub.get_name().to_string());
                }
                walk(sub, with_version);
            }
        }
        let mut cmd = Cli::command();
        cmd.build();
        let mut with_version = Vec::new();
        walk(&cmd, &mut with_version);
        assert!(with_version.is_empty(), "{with_version:?}");
    }
}
