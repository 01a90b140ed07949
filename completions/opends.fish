# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_opends_global_optspecs
    string join \n C/project= db= q/quiet v/verbose no-progress color= h/help V/version
end

function __fish_opends_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_opends_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_opends_using_subcommand
    set -l cmd (__fish_opends_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c opends -n "__fish_opends_needs_command" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_needs_command" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_needs_command" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_needs_command" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_needs_command" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_needs_command" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_needs_command" -s V -l version -d 'Print version'
complete -c opends -n "__fish_opends_needs_command" -f -a "init" -d 'Create a new project: `opends.yaml`, starter tokens and the store'
complete -c opends -n "__fish_opends_needs_command" -f -a "tokens" -d 'Import, validate, list, read and edit design tokens'
complete -c opends -n "__fish_opends_needs_command" -f -a "export" -d 'Write tokens (and later other artifacts) for use in code'
complete -c opends -n "__fish_opends_needs_command" -f -a "components" -d 'Import, list, review and remove component specs'
complete -c opends -n "__fish_opends_needs_command" -f -a "generate" -d 'Generate Vue, React or Svelte components from the specs'
complete -c opends -n "__fish_opends_needs_command" -f -a "templates" -d 'Manage code templates'
complete -c opends -n "__fish_opends_needs_command" -f -a "source" -d 'Add, list and remove design sources (Figma and Penpot files)'
complete -c opends -n "__fish_opends_needs_command" -f -a "auth" -d 'Log in to Figma, Penpot or a team server (tokens kept in the OS keyring)'
complete -c opends -n "__fish_opends_needs_command" -f -a "sync" -d 'Pull tokens from the project\'s Figma and Penpot files into the store'
complete -c opends -n "__fish_opends_needs_command" -f -a "diff" -d 'Show what changed between two states of the tokens and components, with the semver bump'
complete -c opends -n "__fish_opends_needs_command" -f -a "release" -d 'Release a version: snapshot, semver number from the changes, CHANGELOG.md section'
complete -c opends -n "__fish_opends_needs_command" -f -a "versions" -d 'List, show and delete released versions'
complete -c opends -n "__fish_opends_needs_command" -f -a "serve" -d 'Run the team server (accounts, roles, sync, webhooks) on this machine'
complete -c opends -n "__fish_opends_needs_command" -f -a "server" -d 'Manage the team server\'s accounts and API tokens (on its storage, running or not)'
complete -c opends -n "__fish_opends_needs_command" -f -a "remote" -d 'Add, list and remove the team servers this project syncs with'
complete -c opends -n "__fish_opends_needs_command" -f -a "docs" -d 'Build or serve the design-system site (tokens, components, changelog)'
complete -c opends -n "__fish_opends_needs_command" -f -a "lint" -d 'Check tokens and components against the rules a reviewer would apply'
complete -c opends -n "__fish_opends_needs_command" -f -a "push" -d 'Send the store\'s changes to a team server (refused when the server moved on: pull first)'
complete -c opends -n "__fish_opends_needs_command" -f -a "pull" -d 'Bring a team server\'s changes and releases into the store'
complete -c opends -n "__fish_opends_needs_command" -f -a "completions" -d 'Print shell completions or the man page'
complete -c opends -n "__fish_opends_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand init" -l name -d 'Design-system name (default: the directory\'s name)' -r
complete -c opends -n "__fish_opends_using_subcommand init" -l framework -d 'Default framework for `opends generate`' -r -f -a "vue\t'Vue 3 single-file components'
react\t'React 19 function components'
svelte\t'Svelte 5 components'"
complete -c opends -n "__fish_opends_using_subcommand init" -l output -d 'Token outputs to configure (repeatable; default: css and ts)' -r -f -a "css\t'CSS custom properties: `:root` plus one block per mode'
scss\t'SCSS variables (aliases kept as `$references`)'
less\t'Less variables (aliases kept as `@references`)'
js\t'An ES module of resolved values, with a `.d.ts` beside it'
ts\t'A TypeScript module of resolved values'
json\t'Flat JSON of resolved values, keyed by token path'
dtcg\t'DTCG 2025.10 JSON (round-trips through opends unchanged)'
tailwind\t'Tailwind CSS v4 `@theme` variables'"
complete -c opends -n "__fish_opends_using_subcommand init" -l from -d 'Start from a Figma or Penpot file (URL, or `figma:KEY` / `penpot:ID`): no starter tokens or components; the file is added as a source and synced' -r
complete -c opends -n "__fish_opends_using_subcommand init" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand init" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand init" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand init" -s y -l yes -d 'Take defaults and flags; never prompt'
complete -c opends -n "__fish_opends_using_subcommand init" -l force -d 'Overwrite an existing project'
complete -c opends -n "__fish_opends_using_subcommand init" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand init" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand init" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -f -a "import" -d 'Import token files into the store (all or nothing)'
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -f -a "validate" -d 'Check token files (DTCG tokens or resolver documents) without writing anything'
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -f -a "list" -d 'List tokens'
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -f -a "get" -d 'Show one token'
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -f -a "set" -d 'Create or change a token'
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -f -a "rm" -d 'Remove a token'
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -f -a "usage" -d 'Show which components use a token (or the tokens of a group)'
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -f -a "history" -d 'Show a token\'s value in every released version'
complete -c opends -n "__fish_opends_using_subcommand tokens; and not __fish_seen_subcommand_from import validate list get set rm usage history help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from import" -l format -d 'Input format' -r -f -a "auto\t'Detect from the content'
dtcg\t'DTCG 2025.10 (`$value`, `$type`)'
style-dictionary\t'Style Dictionary (`value`, `type`)'
tokens-studio\t'Tokens Studio (and Penpot) exports, one file or one file per set'"
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from import" -l mode -d 'Import as the values of this mode (the tokens must already exist)' -r
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from import" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from import" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from import" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from import" -l strict -d 'Read DTCG 2025.10 exactly: no lenient reading of the forms other tools write (also `strict: true` in opends.yaml)'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from import" -l replace -d 'Replace the whole store with these tokens instead of merging'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from import" -l dry-run -d 'Validate and report, write nothing'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from import" -l json -d 'Print a JSON summary on stdout'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from import" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from validate" -l format -d 'Input format' -r -f -a "auto\t'Detect from the content'
dtcg\t'DTCG 2025.10 (`$value`, `$type`)'
style-dictionary\t'Style Dictionary (`value`, `type`)'
tokens-studio\t'Tokens Studio (and Penpot) exports, one file or one file per set'"
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from validate" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from validate" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from validate" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from validate" -l strict -d 'Read DTCG 2025.10 exactly: no lenient reading of the forms other tools write (also `strict: true` in opends.yaml)'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from validate" -l json -d 'Print findings as JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from validate" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from validate" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from validate" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from list" -l type -d 'Only tokens of this type' -r
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from list" -l mode -d 'Show values in this mode only: a mode name, or `axis=context` (repeatable, one per axis; axes not named take their default)' -r
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from list" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from list" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from list" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from get" -l mode -d 'The value in this mode (default: every mode): a mode name, or `axis=context` (repeatable, one per axis; axes not named take their default)' -r
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from get" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from get" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from get" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from get" -l resolved -d 'Follow aliases to the final value'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from get" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from get" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from get" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from set" -l type -d 'The token type (needed for new tokens unless the value is an alias)' -r
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from set" -l mode -d 'Set the value of this mode only' -r
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from set" -l description -d 'Set the description' -r
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from set" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from set" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from set" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from set" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from rm" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l force -d 'Remove even when other tokens reference it: its value is written into them'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from rm" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from usage" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from usage" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from usage" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from usage" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from usage" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from usage" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from usage" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from usage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from history" -l mode -d 'The value in this mode (default: the base value)' -r
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from history" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from history" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from history" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from history" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from history" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from history" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import token files into the store (all or nothing)'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check token files (DTCG tokens or resolver documents) without writing anything'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tokens'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "get" -d 'Show one token'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "set" -d 'Create or change a token'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove a token'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "usage" -d 'Show which components use a token (or the tokens of a group)'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "history" -d 'Show a token\'s value in every released version'
complete -c opends -n "__fish_opends_using_subcommand tokens; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand export; and not __fish_seen_subcommand_from tokens help" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand export; and not __fish_seen_subcommand_from tokens help" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand export; and not __fish_seen_subcommand_from tokens help" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand export; and not __fish_seen_subcommand_from tokens help" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand export; and not __fish_seen_subcommand_from tokens help" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand export; and not __fish_seen_subcommand_from tokens help" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand export; and not __fish_seen_subcommand_from tokens help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand export; and not __fish_seen_subcommand_from tokens help" -f -a "tokens" -d 'Write token files: CSS, SCSS, Less, JS (+ .d.ts), TS, JSON, DTCG, Tailwind'
complete -c opends -n "__fish_opends_using_subcommand export; and not __fish_seen_subcommand_from tokens help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -s f -l format -d 'Formats to write (repeatable); default: the outputs in `opends.yaml`' -r -f -a "css\t'CSS custom properties: `:root` plus one block per mode'
scss\t'SCSS variables (aliases kept as `$references`)'
less\t'Less variables (aliases kept as `@references`)'
js\t'An ES module of resolved values, with a `.d.ts` beside it'
ts\t'A TypeScript module of resolved values'
json\t'Flat JSON of resolved values, keyed by token path'
dtcg\t'DTCG 2025.10 JSON (round-trips through opends unchanged)'
tailwind\t'Tailwind CSS v4 `@theme` variables'"
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -s o -l out -d 'Directory for `--format` outputs' -r -F
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -s i -l input -d 'Read these token files instead of the store (stateless, for CI)' -r -F
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -l input-format -d 'Input format for `--input`' -r -f -a "auto\t'Detect from the content'
dtcg\t'DTCG 2025.10 (`$value`, `$type`)'
style-dictionary\t'Style Dictionary (`value`, `type`)'
tokens-studio\t'Tokens Studio (and Penpot) exports, one file or one file per set'"
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -l mode -d 'Write only this mode (default: all modes where the format can hold them)' -r
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -l version -d 'Export a released version (`1.2.0`, or `latest`) instead of the working tokens' -r
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -l strict -d 'Read DTCG 2025.10 exactly: no lenient reading of the forms other tools write (also `strict: true` in opends.yaml)'
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -l check -d 'Write nothing; exit 1 listing every stale or missing file'
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -l json -d 'Print a JSON summary on stdout'
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -l watch -d 'Keep running and export again on changes to tokens or opends.yaml'
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -l force -d 'Overwrite output files that opends did not write (no generated header)'
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -l allow-empty -d 'Export even when there are no tokens, or a source in opends.yaml has none yet (by default that stops the run with exit 2)'
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from tokens" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from help" -f -a "tokens" -d 'Write token files: CSS, SCSS, Less, JS (+ .d.ts), TS, JSON, DTCG, Tailwind'
complete -c opends -n "__fish_opends_using_subcommand export; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -f -a "import" -d 'Import component specs (YAML); all are checked first, then written at once'
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -f -a "list" -d 'List components'
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -f -a "show" -d 'Show one component'
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -f -a "rm" -d 'Remove a component'
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -f -a "approve" -d 'Mark a component approved (recording who and when)'
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -f -a "deprecate" -d 'Mark a component deprecated (recording who, when and why)'
complete -c opends -n "__fish_opends_using_subcommand components; and not __fish_seen_subcommand_from import list show rm approve deprecate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from import" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from import" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from import" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from import" -l dry-run -d 'Check and report, write nothing'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from import" -l json -d 'Print a JSON summary on stdout'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from import" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from list" -l status -d 'Only components with this status' -r -f -a "draft\t'Work in progress: not generated unless `--include-drafts`'
approved\t'Ready for use'
deprecated\t'Still generated, marked `@deprecated`'"
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from list" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from list" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from list" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from show" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from show" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from show" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from show" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from rm" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from rm" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from rm" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from approve" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from approve" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from approve" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from approve" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from approve" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from approve" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from approve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from deprecate" -l reason -d 'Why, and what to use instead' -r
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from deprecate" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from deprecate" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from deprecate" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from deprecate" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from deprecate" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from deprecate" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from deprecate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from help" -f -a "import" -d 'Import component specs (YAML); all are checked first, then written at once'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from help" -f -a "list" -d 'List components'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one component'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove a component'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from help" -f -a "approve" -d 'Mark a component approved (recording who and when)'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from help" -f -a "deprecate" -d 'Mark a component deprecated (recording who, when and why)'
complete -c opends -n "__fish_opends_using_subcommand components; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand generate" -s o -l out -d 'Output directory (default: `generated/<framework>`, or `generate_out` in opends.yaml)' -r -F
complete -c opends -n "__fish_opends_using_subcommand generate" -s c -l component -d 'Only these components (repeatable)' -r
complete -c opends -n "__fish_opends_using_subcommand generate" -l version -d 'Generate a released version (`1.2.0`, or `latest`) instead of the working specs' -r
complete -c opends -n "__fish_opends_using_subcommand generate" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand generate" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand generate" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand generate" -l include-drafts -d 'Also generate draft components'
complete -c opends -n "__fish_opends_using_subcommand generate" -l check -d 'Write nothing; exit 1 listing every stale or missing file'
complete -c opends -n "__fish_opends_using_subcommand generate" -l watch -d 'Keep running and regenerate on changes to tokens, components, templates or opends.yaml'
complete -c opends -n "__fish_opends_using_subcommand generate" -l json -d 'Print a JSON summary on stdout'
complete -c opends -n "__fish_opends_using_subcommand generate" -l force -d 'Overwrite files in the output directory that opends did not write (no generated header)'
complete -c opends -n "__fish_opends_using_subcommand generate" -l allow-empty -d 'Generate even when no component would be generated, or a source in opends.yaml has no tokens yet (by default that stops the run with exit 2)'
complete -c opends -n "__fish_opends_using_subcommand generate" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand generate" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand generate" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand generate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand templates; and not __fish_seen_subcommand_from eject list help" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand templates; and not __fish_seen_subcommand_from eject list help" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand templates; and not __fish_seen_subcommand_from eject list help" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand templates; and not __fish_seen_subcommand_from eject list help" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand templates; and not __fish_seen_subcommand_from eject list help" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand templates; and not __fish_seen_subcommand_from eject list help" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand templates; and not __fish_seen_subcommand_from eject list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand templates; and not __fish_seen_subcommand_from eject list help" -f -a "eject" -d 'Copy the built-in templates into the project\'s templates directory'
complete -c opends -n "__fish_opends_using_subcommand templates; and not __fish_seen_subcommand_from eject list help" -f -a "list" -d 'List the templates in use and where each comes from'
complete -c opends -n "__fish_opends_using_subcommand templates; and not __fish_seen_subcommand_from eject list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from eject" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from eject" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from eject" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from eject" -l force -d 'Overwrite templates that exist already'
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from eject" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from eject" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from eject" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from eject" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from list" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from list" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from list" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "eject" -d 'Copy the built-in templates into the project\'s templates directory'
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the templates in use and where each comes from'
complete -c opends -n "__fish_opends_using_subcommand templates; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand source; and not __fish_seen_subcommand_from add list rm help" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand source; and not __fish_seen_subcommand_from add list rm help" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand source; and not __fish_seen_subcommand_from add list rm help" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand source; and not __fish_seen_subcommand_from add list rm help" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand source; and not __fish_seen_subcommand_from add list rm help" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand source; and not __fish_seen_subcommand_from add list rm help" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand source; and not __fish_seen_subcommand_from add list rm help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand source; and not __fish_seen_subcommand_from add list rm help" -f -a "add" -d 'Add a Figma or Penpot file to `sources:` in opends.yaml'
complete -c opends -n "__fish_opends_using_subcommand source; and not __fish_seen_subcommand_from add list rm help" -f -a "list" -d 'List the project\'s design sources'
complete -c opends -n "__fish_opends_using_subcommand source; and not __fish_seen_subcommand_from add list rm help" -f -a "rm" -d 'Remove a design source from opends.yaml'
complete -c opends -n "__fish_opends_using_subcommand source; and not __fish_seen_subcommand_from add list rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from add" -l name -d 'A name for the source (default: the provider\'s name)' -r
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from add" -l base-url -d 'The API base URL (self-hosted Penpot; default: taken from the URL, else the provider\'s)' -r
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from add" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from add" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from add" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from add" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from list" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from list" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from list" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from rm" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from rm" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from rm" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a Figma or Penpot file to `sources:` in opends.yaml'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the project\'s design sources'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove a design source from opends.yaml'
complete -c opends -n "__fish_opends_using_subcommand source; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "login" -d 'Check a personal access token against the API and keep it in the OS keyring'
complete -c opends -n "__fish_opends_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "status" -d 'Show which providers have a credential and where it comes from (never the secret)'
complete -c opends -n "__fish_opends_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "logout" -d 'Remove a stored token from the OS keyring'
complete -c opends -n "__fish_opends_using_subcommand auth; and not __fish_seen_subcommand_from login status logout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from login" -l remote -d 'For `server`: which remote (default: the only one)' -r
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from login" -l base-url -d 'The API base URL to check the token against (self-hosted Penpot)' -r
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from login" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from login" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from login" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from login" -l token-stdin -d 'Read the token from standard input instead of a hidden prompt'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from login" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from status" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from status" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from status" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from status" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from logout" -l remote -d 'For `server`: which remote (default: the only one)' -r
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from logout" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from logout" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from logout" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from logout" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Check a personal access token against the API and keep it in the OS keyring'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show which providers have a credential and where it comes from (never the secret)'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Remove a stored token from the OS keyring'
complete -c opends -n "__fish_opends_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -l dry-run -d 'Fetch and show the changes, write nothing'
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -l force -d 'Fetch even when the file has not changed since the last sync'
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -l prune -d 'Remove tokens that no longer exist in the design file (otherwise kept and reported)'
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -l overwrite -d 'Rewrite a source\'s files even where they were edited by hand (the edits are lost)'
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -l json -d 'Print a JSON summary on stdout'
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -a "log" -d 'Show the sync log (newest first)'
complete -c opends -n "__fish_opends_using_subcommand sync; and not __fish_seen_subcommand_from log help" -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand sync; and __fish_seen_subcommand_from log" -s n -l limit -d 'How many entries' -r
complete -c opends -n "__fish_opends_using_subcommand sync; and __fish_seen_subcommand_from log" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand sync; and __fish_seen_subcommand_from log" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand sync; and __fish_seen_subcommand_from log" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand sync; and __fish_seen_subcommand_from log" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand sync; and __fish_seen_subcommand_from log" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand sync; and __fish_seen_subcommand_from log" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand sync; and __fish_seen_subcommand_from log" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand sync; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "log" -d 'Show the sync log (newest first)'
complete -c opends -n "__fish_opends_using_subcommand sync; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand diff" -l format -d 'Output format' -r -f -a "text\t'Lines for a terminal'
json\t'The changeset as JSON'
markdown\t'A Markdown section (for pull requests and changelogs)'"
complete -c opends -n "__fish_opends_using_subcommand diff" -l mode -d 'Only value changes in this mode (other kinds of change are always shown)' -r
complete -c opends -n "__fish_opends_using_subcommand diff" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand diff" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand diff" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand diff" -l values-minor -d 'Treat value changes as minor (default: patch, or `value_changes: minor` in opends.yaml)'
complete -c opends -n "__fish_opends_using_subcommand diff" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand diff" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand diff" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand diff" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand release" -l bump -d 'Which part to bump; `auto` takes what the changes call for' -r -f -a "auto\t'What the changes call for'
major\t'Breaking: X.0.0'
minor\t'Additions: x.Y.0'
patch\t'Fixes: x.y.Z'"
complete -c opends -n "__fish_opends_using_subcommand release" -l pre -d 'Release a pre-release with this identifier (`alpha` gives 1.3.0-alpha.1)' -r
complete -c opends -n "__fish_opends_using_subcommand release" -s m -l message -d 'The release message (first lines of the changelog section)' -r
complete -c opends -n "__fish_opends_using_subcommand release" -l remote -d 'Release on this team server (its state, with its role rules) instead of here; `opends pull` then brings the version here' -r
complete -c opends -n "__fish_opends_using_subcommand release" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand release" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand release" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand release" -l dry-run -d 'Show the version and the changelog section; write nothing'
complete -c opends -n "__fish_opends_using_subcommand release" -s y -l yes -d 'Do not ask for confirmation (needed without a terminal)'
complete -c opends -n "__fish_opends_using_subcommand release" -l force -d 'Allow a smaller bump than the changes call for (recorded in the version)'
complete -c opends -n "__fish_opends_using_subcommand release" -l allow-drafts -d 'Release even though some components are drafts'
complete -c opends -n "__fish_opends_using_subcommand release" -l json -d 'Print the version record and its changes as JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand release" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand release" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand release" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand release" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand versions; and not __fish_seen_subcommand_from list show rm help" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand versions; and not __fish_seen_subcommand_from list show rm help" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand versions; and not __fish_seen_subcommand_from list show rm help" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand versions; and not __fish_seen_subcommand_from list show rm help" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand versions; and not __fish_seen_subcommand_from list show rm help" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand versions; and not __fish_seen_subcommand_from list show rm help" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand versions; and not __fish_seen_subcommand_from list show rm help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand versions; and not __fish_seen_subcommand_from list show rm help" -f -a "list" -d 'List released versions, newest first'
complete -c opends -n "__fish_opends_using_subcommand versions; and not __fish_seen_subcommand_from list show rm help" -f -a "show" -d 'Show a version\'s record and changelog section'
complete -c opends -n "__fish_opends_using_subcommand versions; and not __fish_seen_subcommand_from list show rm help" -f -a "rm" -d 'Delete a version (the versions around it keep their content)'
complete -c opends -n "__fish_opends_using_subcommand versions; and not __fish_seen_subcommand_from list show rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from list" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from list" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from list" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from show" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from show" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from show" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from show" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from rm" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from rm" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Do not ask for confirmation'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from rm" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from help" -f -a "list" -d 'List released versions, newest first'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a version\'s record and changelog section'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Delete a version (the versions around it keep their content)'
complete -c opends -n "__fish_opends_using_subcommand versions; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand serve" -l bind -d 'Address to listen on (loopback unless told otherwise; port 0 picks a free one)' -r
complete -c opends -n "__fish_opends_using_subcommand serve" -l data -d 'Data directory for the embedded SQLite storage' -r -F
complete -c opends -n "__fish_opends_using_subcommand serve" -l database-url -d 'Use PostgreSQL instead (`postgres://user@host/db`; best given as `OPENDS_DATABASE_URL`)' -r
complete -c opends -n "__fish_opends_using_subcommand serve" -l body-limit -d 'Largest request body accepted, in bytes (larger: 413)' -r
complete -c opends -n "__fish_opends_using_subcommand serve" -l rate-limit -d 'Requests per second allowed per client address and per credential (0: no limit)' -r
complete -c opends -n "__fish_opends_using_subcommand serve" -l cors-origin -d 'An origin browsers may call the API from (repeatable; default: CORS off)' -r
complete -c opends -n "__fish_opends_using_subcommand serve" -l header-timeout -d 'Seconds a client has to send a request\'s headers, also while a kept-alive connection waits for its next request; then the connection is closed' -r
complete -c opends -n "__fish_opends_using_subcommand serve" -l body-timeout -d 'Seconds a client has to send a request\'s body (then 408)' -r
complete -c opends -n "__fish_opends_using_subcommand serve" -l idle-timeout -d 'Seconds a connection may go without any data moving while no request is being handled (e.g. a client that stops reading its answer); then it is closed' -r
complete -c opends -n "__fish_opends_using_subcommand serve" -l max-connections -d 'Most client connections open at once; beyond it a connection gets 503 and is closed' -r
complete -c opends -n "__fish_opends_using_subcommand serve" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand serve" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand serve" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand serve" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand serve" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand serve" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand server; and not __fish_seen_subcommand_from user token help" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand server; and not __fish_seen_subcommand_from user token help" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand server; and not __fish_seen_subcommand_from user token help" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand server; and not __fish_seen_subcommand_from user token help" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand server; and not __fish_seen_subcommand_from user token help" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand server; and not __fish_seen_subcommand_from user token help" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand server; and not __fish_seen_subcommand_from user token help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand server; and not __fish_seen_subcommand_from user token help" -f -a "user" -d 'Accounts'
complete -c opends -n "__fish_opends_using_subcommand server; and not __fish_seen_subcommand_from user token help" -f -a "token" -d 'Long-lived API tokens (for CI)'
complete -c opends -n "__fish_opends_using_subcommand server; and not __fish_seen_subcommand_from user token help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from user" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from user" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from user" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from user" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from user" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from user" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from user" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from user" -f -a "add" -d 'Create an account; prints its one-time password'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from user" -f -a "list" -d 'List accounts'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from user" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from token" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from token" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from token" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from token" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from token" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from token" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from token" -f -a "create" -d 'Create an API token; prints it once on stdout'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from token" -f -a "list" -d 'List API tokens (never their values)'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke an API token'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from token" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "user" -d 'Accounts'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "token" -d 'Long-lived API tokens (for CI)'
complete -c opends -n "__fish_opends_using_subcommand server; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand remote; and not __fish_seen_subcommand_from add list rm help" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand remote; and not __fish_seen_subcommand_from add list rm help" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand remote; and not __fish_seen_subcommand_from add list rm help" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand remote; and not __fish_seen_subcommand_from add list rm help" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand remote; and not __fish_seen_subcommand_from add list rm help" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand remote; and not __fish_seen_subcommand_from add list rm help" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand remote; and not __fish_seen_subcommand_from add list rm help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand remote; and not __fish_seen_subcommand_from add list rm help" -f -a "add" -d 'Add a team server'
complete -c opends -n "__fish_opends_using_subcommand remote; and not __fish_seen_subcommand_from add list rm help" -f -a "list" -d 'List team servers with the revision last synced'
complete -c opends -n "__fish_opends_using_subcommand remote; and not __fish_seen_subcommand_from add list rm help" -f -a "rm" -d 'Remove a team server (and what the store knew of it)'
complete -c opends -n "__fish_opends_using_subcommand remote; and not __fish_seen_subcommand_from add list rm help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from add" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from add" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from add" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from add" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from list" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from list" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from list" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from list" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from rm" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from rm" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from rm" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from rm" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from rm" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a team server'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from help" -f -a "list" -d 'List team servers with the revision last synced'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from help" -f -a "rm" -d 'Remove a team server (and what the store knew of it)'
complete -c opends -n "__fish_opends_using_subcommand remote; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand docs; and not __fish_seen_subcommand_from build serve help" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand docs; and not __fish_seen_subcommand_from build serve help" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand docs; and not __fish_seen_subcommand_from build serve help" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand docs; and not __fish_seen_subcommand_from build serve help" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand docs; and not __fish_seen_subcommand_from build serve help" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand docs; and not __fish_seen_subcommand_from build serve help" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand docs; and not __fish_seen_subcommand_from build serve help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand docs; and not __fish_seen_subcommand_from build serve help" -f -a "build" -d 'Write the static site (HTML + CSS, works from file:// and any static host)'
complete -c opends -n "__fish_opends_using_subcommand docs; and not __fish_seen_subcommand_from build serve help" -f -a "serve" -d 'Serve the site on loopback and rebuild it on every change'
complete -c opends -n "__fish_opends_using_subcommand docs; and not __fish_seen_subcommand_from build serve help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from build" -s o -l out -d 'Output directory (default: `site/` beside opends.yaml)' -r -F
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from build" -l version -d 'Document a released version (`1.2.0`, or `latest`) instead of the working state' -r
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from build" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from build" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from build" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from build" -l force -d 'Overwrite files in the output directory that opends did not write'
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from build" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from build" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from build" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from build" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from serve" -l port -d 'Port on 127.0.0.1 (0 picks a free one)' -r
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from serve" -s o -l out -d 'Output directory (default: `site/` beside opends.yaml)' -r -F
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from serve" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from serve" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from serve" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from serve" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from help" -f -a "build" -d 'Write the static site (HTML + CSS, works from file:// and any static host)'
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Serve the site on loopback and rebuild it on every change'
complete -c opends -n "__fish_opends_using_subcommand docs; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand lint" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand lint" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand lint" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand lint" -l fix -d 'Apply the safe fixes (e.g. add a missing `$type` taken from the alias target)'
complete -c opends -n "__fish_opends_using_subcommand lint" -l json -d 'Print the findings as JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand lint" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand lint" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand lint" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand lint" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand push" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand push" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand push" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand push" -l dry-run -d 'Show what would be sent; send nothing'
complete -c opends -n "__fish_opends_using_subcommand push" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand push" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand push" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand push" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand push" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand pull" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand pull" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand pull" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand pull" -l theirs -d 'On conflicts, take the server\'s values'
complete -c opends -n "__fish_opends_using_subcommand pull" -l ours -d 'On conflicts, keep the local values (push them afterwards)'
complete -c opends -n "__fish_opends_using_subcommand pull" -l json -d 'Print JSON on stdout'
complete -c opends -n "__fish_opends_using_subcommand pull" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand pull" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand pull" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand pull" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand completions" -l dir -d 'With `man`: write every page (`opends.1` and one per subcommand, such as `opends-tokens-get.1`) into DIR instead of printing `opends.1`' -r -F
complete -c opends -n "__fish_opends_using_subcommand completions" -s C -l project -d 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory' -r -F
complete -c opends -n "__fish_opends_using_subcommand completions" -l db -d 'Store file; default: `.opends/opends.db` beside `opends.yaml`' -r -F
complete -c opends -n "__fish_opends_using_subcommand completions" -l color -d 'When to use colour (also honours `NO_COLOR`)' -r -f -a "auto\t'Colour when writing to a terminal and `NO_COLOR` is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c opends -n "__fish_opends_using_subcommand completions" -s q -l quiet -d 'Print only errors'
complete -c opends -n "__fish_opends_using_subcommand completions" -s v -l verbose -d 'Print more about what happens'
complete -c opends -n "__fish_opends_using_subcommand completions" -l no-progress -d 'Never show progress bars'
complete -c opends -n "__fish_opends_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "init" -d 'Create a new project: `opends.yaml`, starter tokens and the store'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "tokens" -d 'Import, validate, list, read and edit design tokens'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "export" -d 'Write tokens (and later other artifacts) for use in code'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "components" -d 'Import, list, review and remove component specs'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "generate" -d 'Generate Vue, React or Svelte components from the specs'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "templates" -d 'Manage code templates'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "source" -d 'Add, list and remove design sources (Figma and Penpot files)'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "auth" -d 'Log in to Figma, Penpot or a team server (tokens kept in the OS keyring)'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "sync" -d 'Pull tokens from the project\'s Figma and Penpot files into the store'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "diff" -d 'Show what changed between two states of the tokens and components, with the semver bump'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "release" -d 'Release a version: snapshot, semver number from the changes, CHANGELOG.md section'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "versions" -d 'List, show and delete released versions'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "serve" -d 'Run the team server (accounts, roles, sync, webhooks) on this machine'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "server" -d 'Manage the team server\'s accounts and API tokens (on its storage, running or not)'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "remote" -d 'Add, list and remove the team servers this project syncs with'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "docs" -d 'Build or serve the design-system site (tokens, components, changelog)'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "lint" -d 'Check tokens and components against the rules a reviewer would apply'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "push" -d 'Send the store\'s changes to a team server (refused when the server moved on: pull first)'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "pull" -d 'Bring a team server\'s changes and releases into the store'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "completions" -d 'Print shell completions or the man page'
complete -c opends -n "__fish_opends_using_subcommand help; and not __fish_seen_subcommand_from init tokens export components generate templates source auth sync diff release versions serve server remote docs lint push pull completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "import" -d 'Import token files into the store (all or nothing)'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "validate" -d 'Check token files (DTCG tokens or resolver documents) without writing anything'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "list" -d 'List tokens'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "get" -d 'Show one token'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "set" -d 'Create or change a token'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "rm" -d 'Remove a token'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "usage" -d 'Show which components use a token (or the tokens of a group)'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from tokens" -f -a "history" -d 'Show a token\'s value in every released version'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from export" -f -a "tokens" -d 'Write token files: CSS, SCSS, Less, JS (+ .d.ts), TS, JSON, DTCG, Tailwind'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from components" -f -a "import" -d 'Import component specs (YAML); all are checked first, then written at once'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from components" -f -a "list" -d 'List components'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from components" -f -a "show" -d 'Show one component'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from components" -f -a "rm" -d 'Remove a component'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from components" -f -a "approve" -d 'Mark a component approved (recording who and when)'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from components" -f -a "deprecate" -d 'Mark a component deprecated (recording who, when and why)'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "eject" -d 'Copy the built-in templates into the project\'s templates directory'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from templates" -f -a "list" -d 'List the templates in use and where each comes from'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from source" -f -a "add" -d 'Add a Figma or Penpot file to `sources:` in opends.yaml'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from source" -f -a "list" -d 'List the project\'s design sources'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from source" -f -a "rm" -d 'Remove a design source from opends.yaml'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Check a personal access token against the API and keep it in the OS keyring'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show which providers have a credential and where it comes from (never the secret)'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Remove a stored token from the OS keyring'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from sync" -f -a "log" -d 'Show the sync log (newest first)'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from versions" -f -a "list" -d 'List released versions, newest first'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from versions" -f -a "show" -d 'Show a version\'s record and changelog section'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from versions" -f -a "rm" -d 'Delete a version (the versions around it keep their content)'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "user" -d 'Accounts'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from server" -f -a "token" -d 'Long-lived API tokens (for CI)'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from remote" -f -a "add" -d 'Add a team server'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from remote" -f -a "list" -d 'List team servers with the revision last synced'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from remote" -f -a "rm" -d 'Remove a team server (and what the store knew of it)'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from docs" -f -a "build" -d 'Write the static site (HTML + CSS, works from file:// and any static host)'
complete -c opends -n "__fish_opends_using_subcommand help; and __fish_seen_subcommand_from docs" -f -a "serve" -d 'Serve the site on loopback and rebuild it on every change'
