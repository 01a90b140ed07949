
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
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions or the man page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'opends;init' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Design-system name (default: the directory''s name)')
            [CompletionResult]::new('--framework', '--framework', [CompletionResultType]::ParameterName, 'Default framework for `opends generate`')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Token outputs to configure (repeatable; default: css and ts)')
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
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
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
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import token files into the store (all or nothing)')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check token files (DTCG tokens or resolver documents) without writing anything')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one token')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or change a token')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a token')
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
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opends;tokens;validate' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Input format')
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print findings as JSON on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opends;tokens;list' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only tokens of this type')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'Show values in this mode only')
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
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opends;tokens;get' {
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'The value in this mode (default: every mode)')
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
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
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
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
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
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'opends;tokens;help' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import token files into the store (all or nothing)')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check token files (DTCG tokens or resolver documents) without writing anything')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tokens')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one token')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Create or change a token')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove a token')
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
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
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
            [CompletionResult]::new('-C', '-C ', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project directory (holding `opends.yaml`); default: the nearest one above the current directory')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Store file; default: `.opends/opends.db` beside `opends.yaml`')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (also honours `NO_COLOR`)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Write nothing; exit 1 listing every stale or missing file')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON summary on stdout')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print more about what happens')
            [CompletionResult]::new('--no-progress', '--no-progress', [CompletionResultType]::ParameterName, 'Never show progress bars')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
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
        'opends;completions' {
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
            break
        }
        'opends;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new project: `opends.yaml`, starter tokens and the store')
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'Import, validate, list, read and edit design tokens')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write tokens (and later other artifacts) for use in code')
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
        'opends;help;export' {
            [CompletionResult]::new('tokens', 'tokens', [CompletionResultType]::ParameterValue, 'Write token files: CSS, SCSS, Less, JS (+ .d.ts), TS, JSON, DTCG, Tailwind')
            break
        }
        'opends;help;export;tokens' {
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
