
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'opends' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'opends'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'opends' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new project: `opends.yaml`, starter tokens and the store')
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'Import, validate, list, read and edit design tokens')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write tokens (and later other artifacts) for use in code')
            [CompletionResult]::new('components', 'components', [CompletionResultType]::ParameterValue, 'Import, list, review and remove component specs')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate Vue, React or Svelte components from the specs')
            [CompletionResult]::new('templates', 'templates', [CompletionResultType]::ParameterValue, 'Manage code templates')
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'Add, list and remove design sources (Figma and Penpot files)')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in to Figma, Penpot or a team server (tokens kept in the OS keyring)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Pull tokens from the project''s Figma and Penpot files into the store')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show what changed between two states of the tokens and components, with the semver bump')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release a version: snapshot, semver number from the changes, CHANGELOG.md section')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'List, show and delete released versions')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the team server (accounts, roles, sync, webhooks) on this machine')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'Manage the team server''s accounts and API tokens (on its storage, running or not)')
            [CompletionResult]::new('remote', 'remote', [CompletionResultType]::ParameterValue, 'Add, list and remove the team servers this project syncs with')
            [CompletionResult]::new('docs', 'docs', [CompletionResultType]::ParameterValue, 'Build or serve the design-system site (tokens, components, changelog)')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check tokens and components against the rules a reviewer would apply')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Send the store''s changes to a team server (refused when the server moved on: pull first)')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Bring a team server''s changes and releases into the store')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions or the man page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;init' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Design-system name (default: the directory''s name)')
            [CompletionResult]::new('--framework', '--framework', [CompletionResultType]::ParameterName, 'Default framework for `opends generate`')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Token outputs to configure (repeatable; default: css and ts)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Start from a Figma or Penpot file (URL, or `figma:KEY` / `penpot:ID`): no starter tokens or components; the file is added as a source and synced')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Take defaults and flags; never prompt')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Take defaults and flags; never prompt')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing project')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;tokens' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import token files into the store (all or nothing)')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check token files (DTCG tokens or resolver documents) without writing anything')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one token')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or change a token')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a token')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Show which components use a token (or the tokens of a group)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show a token''s value in every released version')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;tokens;import' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Input format')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Import as the values of this mode (the tokens must already exist)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Read DTCG 2025.10 exactly: no lenient reading of the forms other tools write (also `strict: true` in opends.yaml)')
            [CompletionResult]::new('--replace', '--replace', [CompletionResultType]::ParameterName, 'Replace the whole store with these tokens instead of merging')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Validate and report, write nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON summary on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;tokens;validate' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Input format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Read DTCG 2025.10 exactly: no lenient reading of the forms other tools write (also `strict: true` in opends.yaml)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print findings as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;tokens;list' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only tokens of this type')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Show values in this mode only: a mode name, or `axis=context` (repeatable, one per axis; axes not named take their default)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;tokens;get' {
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'The value in this mode (default: every mode): a mode name, or `axis=context` (repeatable, one per axis; axes not named take their default)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--resolved', '--resolved', [CompletionResultType]::ParameterName, 'Follow aliases to the final value')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;tokens;set' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The token type (needed for new tokens unless the value is an alias)')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Set the value of this mode only')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'Set the description')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;tokens;rm' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Remove even when other tokens reference it: its value is written into them')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;tokens;usage' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;tokens;history' {
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'The value in this mode (default: the base value)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;tokens;help' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import token files into the store (all or nothing)')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check token files (DTCG tokens or resolver documents) without writing anything')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one token')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or change a token')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a token')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Show which components use a token (or the tokens of a group)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show a token''s value in every released version')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;tokens;help;import' {
            break
        }
        'opends;tokens;help;validate' {
            break
        }
        'opends;tokens;help;list' {
            break
        }
        'opends;tokens;help;get' {
            break
        }
        'opends;tokens;help;set' {
            break
        }
        'opends;tokens;help;rm' {
            break
        }
        'opends;tokens;help;usage' {
            break
        }
        'opends;tokens;help;history' {
            break
        }
        'opends;tokens;help;help' {
            break
        }
        'opends;export' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'Write token files: CSS, SCSS, Less, JS (+ .d.ts), TS, JSON, DTCG, Tailwind')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;export;tokens' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Formats to write (repeatable); default: the outputs in `opends.yaml`')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Formats to write (repeatable); default: the outputs in `opends.yaml`')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Directory for `--format` outputs')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory for `--format` outputs')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'Read these token files instead of the store (stateless, for CI)')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'Read these token files instead of the store (stateless, for CI)')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format for `--input`')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Write only this mode (default: all modes where the format can hold them)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Export a released version (`1.2.0`, or `latest`) instead of the working tokens')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Read DTCG 2025.10 exactly: no lenient reading of the forms other tools write (also `strict: true` in opends.yaml)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Write nothing; exit 1 listing every stale or missing file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON summary on stdout')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep running and export again on changes to tokens or opends.yaml')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite output files that opends did not write (no generated header)')
            [CompletionResult]::new('--allow-empty', '--allow-empty', [CompletionResultType]::ParameterName, 'Export even when there are no tokens, or a source in opends.yaml has none yet (by default that stops the run with exit 2)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;export;help' {
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'Write token files: CSS, SCSS, Less, JS (+ .d.ts), TS, JSON, DTCG, Tailwind')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;export;help;tokens' {
            break
        }
        'opends;export;help;help' {
            break
        }
        'opends;components' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import component specs (YAML); all are checked first, then written at once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List components')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one component')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a component')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Mark a component approved (recording who and when)')
            [CompletionResult]::new('deprecate', 'deprecate', [CompletionResultType]::ParameterValue, 'Mark a component deprecated (recording who, when and why)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;components;import' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check and report, write nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON summary on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;components;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only components with this status')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;components;show' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;components;rm' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;components;approve' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;components;deprecate' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, and what to use instead')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;components;help' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import component specs (YAML); all are checked first, then written at once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List components')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one component')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a component')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Mark a component approved (recording who and when)')
            [CompletionResult]::new('deprecate', 'deprecate', [CompletionResultType]::ParameterValue, 'Mark a component deprecated (recording who, when and why)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;components;help;import' {
            break
        }
        'opends;components;help;list' {
            break
        }
        'opends;components;help;show' {
            break
        }
        'opends;components;help;rm' {
            break
        }
        'opends;components;help;approve' {
            break
        }
        'opends;components;help;deprecate' {
            break
        }
        'opends;components;help;help' {
            break
        }
        'opends;generate' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output directory (default: `generated/<framework>`, or `generate_out` in opends.yaml)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Output directory (default: `generated/<framework>`, or `generate_out` in opends.yaml)')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Only these components (repeatable)')
            [CompletionResult]::new('--component', '--component', [CompletionResultType]::ParameterName, 'Only these components (repeatable)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Generate a released version (`1.2.0`, or `latest`) instead of the working specs')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--include-drafts', '--include-drafts', [CompletionResultType]::ParameterName, 'Also generate draft components')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Write nothing; exit 1 listing every stale or missing file')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Keep running and regenerate on changes to tokens, components, templates or opends.yaml')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON summary on stdout')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite files in the output directory that opends did not write (no generated header)')
            [CompletionResult]::new('--allow-empty', '--allow-empty', [CompletionResultType]::ParameterName, 'Generate even when no component would be generated, or a source in opends.yaml has no tokens yet (by default that stops the run with exit 2)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;templates' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('eject', 'eject', [CompletionResultType]::ParameterValue, 'Copy the built-in templates into the project''s templates directory')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the templates in use and where each comes from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;templates;eject' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite templates that exist already')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;templates;list' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;templates;help' {
            [CompletionResult]::new('eject', 'eject', [CompletionResultType]::ParameterValue, 'Copy the built-in templates into the project''s templates directory')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the templates in use and where each comes from')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;templates;help;eject' {
            break
        }
        'opends;templates;help;list' {
            break
        }
        'opends;templates;help;help' {
            break
        }
        'opends;source' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a Figma or Penpot file to `sources:` in opends.yaml')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the project''s design sources')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a design source from opends.yaml')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;source;add' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the source (default: the provider''s name)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The API base URL (self-hosted Penpot; default: taken from the URL, else the provider''s)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;source;list' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;source;rm' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;source;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a Figma or Penpot file to `sources:` in opends.yaml')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the project''s design sources')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a design source from opends.yaml')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;source;help;add' {
            break
        }
        'opends;source;help;list' {
            break
        }
        'opends;source;help;rm' {
            break
        }
        'opends;source;help;help' {
            break
        }
        'opends;auth' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check a personal access token against the API and keep it in the OS keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show which providers have a credential and where it comes from (never the secret)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove a stored token from the OS keyring')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;auth;login' {
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'For `server`: which remote (default: the only one)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'The API base URL to check the token against (self-hosted Penpot)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--token-stdin', '--token-stdin', [CompletionResultType]::ParameterName, 'Read the token from standard input instead of a hidden prompt')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;auth;status' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;auth;logout' {
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'For `server`: which remote (default: the only one)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check a personal access token against the API and keep it in the OS keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show which providers have a credential and where it comes from (never the secret)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove a stored token from the OS keyring')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;auth;help;login' {
            break
        }
        'opends;auth;help;status' {
            break
        }
        'opends;auth;help;logout' {
            break
        }
        'opends;auth;help;help' {
            break
        }
        'opends;sync' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Fetch and show the changes, write nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Fetch even when the file has not changed since the last sync')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Remove tokens that no longer exist in the design file (otherwise kept and reported)')
            [CompletionResult]::new('--overwrite', '--overwrite', [CompletionResultType]::ParameterName, 'Rewrite a source''s files even where they were edited by hand (the edits are lost)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON summary on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show the sync log (newest first)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;sync;log' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'How many entries')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many entries')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;sync;help' {
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show the sync log (newest first)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;sync;help;log' {
            break
        }
        'opends;sync;help;help' {
            break
        }
        'opends;diff' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Only value changes in this mode (other kinds of change are always shown)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--values-minor', '--values-minor', [CompletionResultType]::ParameterName, 'Treat value changes as minor (default: patch, or `value_changes: minor` in opends.yaml)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;release' {
            [CompletionResult]::new('--bump', '--bump', [CompletionResultType]::ParameterName, 'Which part to bump; `auto` takes what the changes call for')
            [CompletionResult]::new('--pre', '--pre', [CompletionResultType]::ParameterName, 'Release a pre-release with this identifier (`alpha` gives 1.3.0-alpha.1)')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The release message (first lines of the changelog section)')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'The release message (first lines of the changelog section)')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Release on this team server (its state, with its role rules) instead of here; `opends pull` then brings the version here')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the version and the changelog section; write nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed without a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Allow a smaller bump than the changes call for (recorded in the version)')
            [CompletionResult]::new('--allow-drafts', '--allow-drafts', [CompletionResultType]::ParameterName, 'Release even though some components are drafts')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the version record and its changes as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;versions' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List released versions, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a version''s record and changelog section')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a version (the versions around it keep their content)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;versions;list' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;versions;show' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;versions;rm' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;versions;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List released versions, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a version''s record and changelog section')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a version (the versions around it keep their content)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;versions;help;list' {
            break
        }
        'opends;versions;help;show' {
            break
        }
        'opends;versions;help;rm' {
            break
        }
        'opends;versions;help;help' {
            break
        }
        'opends;serve' {
            [CompletionResult]::new('--bind', '--bind', [CompletionResultType]::ParameterName, 'Address to listen on (loopback unless told otherwise; port 0 picks a free one)')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Data directory for the embedded SQLite storage')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Use PostgreSQL instead (`postgres://user@host/db`; best given as `OPENDS_DATABASE_URL`)')
            [CompletionResult]::new('--body-limit', '--body-limit', [CompletionResultType]::ParameterName, 'Largest request body accepted, in bytes (larger: 413)')
            [CompletionResult]::new('--rate-limit', '--rate-limit', [CompletionResultType]::ParameterName, 'Requests per second allowed per client address and per credential (0: no limit)')
            [CompletionResult]::new('--cors-origin', '--cors-origin', [CompletionResultType]::ParameterName, 'An origin browsers may call the API from (repeatable; default: CORS off)')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Seconds a client has to send a request''s headers, also while a kept-alive connection waits for its next request; then the connection is closed')
            [CompletionResult]::new('--body-timeout', '--body-timeout', [CompletionResultType]::ParameterName, 'Seconds a client has to send a request''s body (then 408)')
            [CompletionResult]::new('--idle-timeout', '--idle-timeout', [CompletionResultType]::ParameterName, 'Seconds a connection may go without any data moving while no request is being handled (e.g. a client that stops reading its answer); then it is closed')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Most client connections open at once; beyond it a connection gets 503 and is closed')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;server' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Accounts')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Long-lived API tokens (for CI)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;server;user' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create an account; prints its one-time password')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List accounts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;server;user;add' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'What the account may do (docs/api.md has the table)')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Data directory for the embedded SQLite storage')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Use PostgreSQL instead (`postgres://user@host/db`; best given as `OPENDS_DATABASE_URL`)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;server;user;list' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Data directory for the embedded SQLite storage')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Use PostgreSQL instead (`postgres://user@host/db`; best given as `OPENDS_DATABASE_URL`)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;server;user;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create an account; prints its one-time password')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List accounts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;server;user;help;add' {
            break
        }
        'opends;server;user;help;list' {
            break
        }
        'opends;server;user;help;help' {
            break
        }
        'opends;server;token' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an API token; prints it once on stdout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List API tokens (never their values)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an API token')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;server;token;create' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'What the token may do')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A label (where it is used)')
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Data directory for the embedded SQLite storage')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Use PostgreSQL instead (`postgres://user@host/db`; best given as `OPENDS_DATABASE_URL`)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;server;token;list' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Data directory for the embedded SQLite storage')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Use PostgreSQL instead (`postgres://user@host/db`; best given as `OPENDS_DATABASE_URL`)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;server;token;revoke' {
            [CompletionResult]::new('--data', '--data', [CompletionResultType]::ParameterName, 'Data directory for the embedded SQLite storage')
            [CompletionResult]::new('--database-url', '--database-url', [CompletionResultType]::ParameterName, 'Use PostgreSQL instead (`postgres://user@host/db`; best given as `OPENDS_DATABASE_URL`)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;server;token;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an API token; prints it once on stdout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List API tokens (never their values)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an API token')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;server;token;help;create' {
            break
        }
        'opends;server;token;help;list' {
            break
        }
        'opends;server;token;help;revoke' {
            break
        }
        'opends;server;token;help;help' {
            break
        }
        'opends;server;help' {
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Accounts')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Long-lived API tokens (for CI)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;server;help;user' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create an account; prints its one-time password')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List accounts')
            break
        }
        'opends;server;help;user;add' {
            break
        }
        'opends;server;help;user;list' {
            break
        }
        'opends;server;help;token' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an API token; prints it once on stdout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List API tokens (never their values)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an API token')
            break
        }
        'opends;server;help;token;create' {
            break
        }
        'opends;server;help;token;list' {
            break
        }
        'opends;server;help;token;revoke' {
            break
        }
        'opends;server;help;help' {
            break
        }
        'opends;remote' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a team server')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List team servers with the revision last synced')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a team server (and what the store knew of it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;remote;add' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;remote;list' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;remote;rm' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;remote;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a team server')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List team servers with the revision last synced')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a team server (and what the store knew of it)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;remote;help;add' {
            break
        }
        'opends;remote;help;list' {
            break
        }
        'opends;remote;help;rm' {
            break
        }
        'opends;remote;help;help' {
            break
        }
        'opends;docs' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('build', 'build', [CompletionResultType]::ParameterValue, 'Write the static site (HTML + CSS, works from file:// and any static host)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the site on loopback and rebuild it on every change')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;docs;build' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output directory (default: `site/` beside opends.yaml)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Output directory (default: `site/` beside opends.yaml)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Document a released version (`1.2.0`, or `latest`) instead of the working state')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite files in the output directory that opends did not write')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;docs;serve' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port on 127.0.0.1 (0 picks a free one)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output directory (default: `site/` beside opends.yaml)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Output directory (default: `site/` beside opends.yaml)')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;docs;help' {
            [CompletionResult]::new('build', 'build', [CompletionResultType]::ParameterValue, 'Write the static site (HTML + CSS, works from file:// and any static host)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the site on loopback and rebuild it on every change')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;docs;help;build' {
            break
        }
        'opends;docs;help;serve' {
            break
        }
        'opends;docs;help;help' {
            break
        }
        'opends;lint' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--fix', '--fix', [CompletionResultType]::ParameterName, 'Apply the safe fixes (e.g. add a missing `$type` taken from the alias target)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the findings as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;push' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be sent; send nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;pull' {
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--theirs', '--theirs', [CompletionResultType]::ParameterName, 'On conflicts, take the server''s values')
            [CompletionResult]::new('--ours', '--ours', [CompletionResultType]::ParameterName, 'On conflicts, keep the local values (push them afterwards)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'With `man`: write every page (`opends.1` and one per subcommand, such as `opends-tokens-get.1`) into DIR instead of printing `opends.1`')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'opends;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new project: `opends.yaml`, starter tokens and the store')
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'Import, validate, list, read and edit design tokens')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write tokens (and later other artifacts) for use in code')
            [CompletionResult]::new('components', 'components', [CompletionResultType]::ParameterValue, 'Import, list, review and remove component specs')
            [CompletionResult]::new('generate', 'generate', [CompletionResultType]::ParameterValue, 'Generate Vue, React or Svelte components from the specs')
            [CompletionResult]::new('templates', 'templates', [CompletionResultType]::ParameterValue, 'Manage code templates')
            [CompletionResult]::new('source', 'source', [CompletionResultType]::ParameterValue, 'Add, list and remove design sources (Figma and Penpot files)')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in to Figma, Penpot or a team server (tokens kept in the OS keyring)')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Pull tokens from the project''s Figma and Penpot files into the store')
            [CompletionResult]::new('diff', 'diff', [CompletionResultType]::ParameterValue, 'Show what changed between two states of the tokens and components, with the semver bump')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Release a version: snapshot, semver number from the changes, CHANGELOG.md section')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'List, show and delete released versions')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the team server (accounts, roles, sync, webhooks) on this machine')
            [CompletionResult]::new('server', 'server', [CompletionResultType]::ParameterValue, 'Manage the team server''s accounts and API tokens (on its storage, running or not)')
            [CompletionResult]::new('remote', 'remote', [CompletionResultType]::ParameterValue, 'Add, list and remove the team servers this project syncs with')
            [CompletionResult]::new('docs', 'docs', [CompletionResultType]::ParameterValue, 'Build or serve the design-system site (tokens, components, changelog)')
            [CompletionResult]::new('lint', 'lint', [CompletionResultType]::ParameterValue, 'Check tokens and components against the rules a reviewer would apply')
            [CompletionResult]::new('push', 'push', [CompletionResultType]::ParameterValue, 'Send the store''s changes to a team server (refused when the server moved on: pull first)')
            [CompletionResult]::new('pull', 'pull', [CompletionResultType]::ParameterValue, 'Bring a team server''s changes and releases into the store')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions or the man page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;help;init' {
            break
        }
        'opends;help;tokens' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import token files into the store (all or nothing)')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check token files (DTCG tokens or resolver documents) without writing anything')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one token')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or change a token')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a token')
            [CompletionResult]::new('usage', 'usage', [CompletionResultType]::ParameterValue, 'Show which components use a token (or the tokens of a group)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show a token''s value in every released version')
            break
        }
        'opends;help;tokens;import' {
            break
        }
        'opends;help;tokens;validate' {
            break
        }
        'opends;help;tokens;list' {
            break
        }
        'opends;help;tokens;get' {
            break
        }
        'opends;help;tokens;set' {
            break
        }
        'opends;help;tokens;rm' {
            break
        }
        'opends;help;tokens;usage' {
            break
        }
        'opends;help;tokens;history' {
            break
        }
        'opends;help;export' {
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'Write token files: CSS, SCSS, Less, JS (+ .d.ts), TS, JSON, DTCG, Tailwind')
            break
        }
        'opends;help;export;tokens' {
            break
        }
        'opends;help;components' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import component specs (YAML); all are checked first, then written at once')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List components')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one component')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a component')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Mark a component approved (recording who and when)')
            [CompletionResult]::new('deprecate', 'deprecate', [CompletionResultType]::ParameterValue, 'Mark a component deprecated (recording who, when and why)')
            break
        }
        'opends;help;components;import' {
            break
        }
        'opends;help;components;list' {
            break
        }
        'opends;help;components;show' {
            break
        }
        'opends;help;components;rm' {
            break
        }
        'opends;help;components;approve' {
            break
        }
        'opends;help;components;deprecate' {
            break
        }
        'opends;help;generate' {
            break
        }
        'opends;help;templates' {
            [CompletionResult]::new('eject', 'eject', [CompletionResultType]::ParameterValue, 'Copy the built-in templates into the project''s templates directory')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the templates in use and where each comes from')
            break
        }
        'opends;help;templates;eject' {
            break
        }
        'opends;help;templates;list' {
            break
        }
        'opends;help;source' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a Figma or Penpot file to `sources:` in opends.yaml')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the project''s design sources')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a design source from opends.yaml')
            break
        }
        'opends;help;source;add' {
            break
        }
        'opends;help;source;list' {
            break
        }
        'opends;help;source;rm' {
            break
        }
        'opends;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Check a personal access token against the API and keep it in the OS keyring')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show which providers have a credential and where it comes from (never the secret)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove a stored token from the OS keyring')
            break
        }
        'opends;help;auth;login' {
            break
        }
        'opends;help;auth;status' {
            break
        }
        'opends;help;auth;logout' {
            break
        }
        'opends;help;sync' {
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show the sync log (newest first)')
            break
        }
        'opends;help;sync;log' {
            break
        }
        'opends;help;diff' {
            break
        }
        'opends;help;release' {
            break
        }
        'opends;help;versions' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List released versions, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a version''s record and changelog section')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Delete a version (the versions around it keep their content)')
            break
        }
        'opends;help;versions;list' {
            break
        }
        'opends;help;versions;show' {
            break
        }
        'opends;help;versions;rm' {
            break
        }
        'opends;help;serve' {
            break
        }
        'opends;help;server' {
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Accounts')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Long-lived API tokens (for CI)')
            break
        }
        'opends;help;server;user' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Create an account; prints its one-time password')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List accounts')
            break
        }
        'opends;help;server;user;add' {
            break
        }
        'opends;help;server;user;list' {
            break
        }
        'opends;help;server;token' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create an API token; prints it once on stdout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List API tokens (never their values)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an API token')
            break
        }
        'opends;help;server;token;create' {
            break
        }
        'opends;help;server;token;list' {
            break
        }
        'opends;help;server;token;revoke' {
            break
        }
        'opends;help;remote' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a team server')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List team servers with the revision last synced')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a team server (and what the store knew of it)')
            break
        }
        'opends;help;remote;add' {
            break
        }
        'opends;help;remote;list' {
            break
        }
        'opends;help;remote;rm' {
            break
        }
        'opends;help;docs' {
            [CompletionResult]::new('build', 'build', [CompletionResultType]::ParameterValue, 'Write the static site (HTML + CSS, works from file:// and any static host)')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve the site on loopback and rebuild it on every change')
            break
        }
        'opends;help;docs;build' {
            break
        }
        'opends;help;docs;serve' {
            break
        }
        'opends;help;lint' {
            break
        }
        'opends;help;push' {
            break
        }
        'opends;help;pull' {
            break
        }
        'opends;help;completions' {
            break
        }
        'opends;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
