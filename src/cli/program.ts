/**
 * The commands and their flags (commander), each handed to its module, imported only when it runs
 * (a cold start reads only what it uses).
 * Option wiring only: every decision lives in the core.
 */
import { Command, Option } from 'commander';
import { useColor } from '../core/color.js';
import { CLIENT_NAMES } from '../credentials/client-names.js';
import { DEPLOY_TOKEN_SCOPES } from '../gitlab/scopes.js';
import type { CliContext, CommandContext } from './context.js';

export type Action = (opts: Record<string, unknown>, cmd: Command) => Promise<number>;
/** Wraps a command's action: secrets named by flags registered, --verbose wired, the exit code kept (main.ts). */
export type Run = (fn: Action) => (...args: unknown[]) => Promise<void>;
type Register = (program: Command, ctx: CommandContext, run: Run, proc: CliContext) => void;

/**
 * The GitLab connection's flags (src/app/connection.ts: the order is glab's, docs/cli.md); commands
 * that read a spec also take its `gitlab.url` and `gitlab.api_token_env`.
 */
function connection(cmd: Command, spec: boolean, scope = ''): Command {
  return cmd
    .option(
      '--gitlab-url <url>',
      `GitLab instance URL (default ${spec ? "the spec's gitlab.url, " : ''}$CI_SERVER_URL, $GITLAB_HOST, then https://gitlab.com)`,
    )
    .option(
      '--api-token-env <name>',
      `environment variable holding the GitLab API token${scope} (default GITLAB_TOKEN, then GITLAB_ACCESS_TOKEN, OAUTH_TOKEN)`,
    )
    .option('--verbose', 'print each GitLab API request (method, endpoint, status, time) to stderr');
}

/** `--format text|json`: the output contract of every reporting command (docs/cli.md, "Output"). */
function format(): Option {
  return new Option('--format <format>', 'output format: text, or JSON on stdout (errors too)')
    .choices(['text', 'json'])
    .default('text');
}

/** An old name kept for one release: accepted, not listed (its value goes to the new name, main.ts). */
function hidden(flags: string): Option {
  return new Option(flags).hideHelp();
}

function common(cmd: Command): Command {
  return connection(cmd, true)
    .option('--project <id|path>', 'project id or full path (default $CI_PROJECT_ID, then $CI_PROJECT_PATH)')
    .option('--spec <file>', 'job spec (default deploy-token.yml when it exists)')
    .option('--job <name>', 'job in the spec whose needs are checked')
    .option(
      '--environment <name>',
      'environment name for CI/CD variable scopes (default $CI_ENVIRONMENT_NAME)',
    )
    .option('--min-days-left <days>', 'warn when the token expires sooner (default 7)')
    .option('--lfs', 'the job uses Git LFS (warns about group tokens before GitLab 15.7)')
    .option(
      '--ref <name>',
      'branch or tag whose protection decides which protected CI/CD variables the job gets (default $CI_COMMIT_REF_NAME; refs/tags/NAME for a tag)',
    )
    .option(
      '--configure <clients...>',
      `write credential files for these clients too: ${CLIENT_NAMES.join(', ')} (added to the job spec's configure)`,
    );
}

function registerResolve(program: Command, ctx: CommandContext, run: Run, _proc: CliContext): void {
  common(program.command('resolve'))
    .description('find the credentials, mask them, and export them (--export github|shell|dotenv|json)')
    .option(
      '--export <target...>',
      'where to export: github ($GITHUB_ENV, $GITHUB_OUTPUT), shell (export lines for eval), dotenv (--output FILE), json (one object)',
    )
    .option('--output <file>', 'the dotenv file to write (with --export dotenv)')
    .option(
      '--allow-unmasked-dotenv',
      'write the password into the dotenv file although GitLab will not mask it',
    )
    .option('--password-output', 'with --export github: also set the step output `password`')
    .addHelpText(
      'after',
      `
Examples:
  eval "$(deploy-token resolve --export shell)"
  deploy-token resolve --export json --project 42 | jq -r .username
  deploy-token resolve --export github                  # inside a GitHub Actions step
  deploy-token resolve --export dotenv --output deploy.env --allow-unmasked-dotenv`,
    )
    .action(run(async (o) => (await import('./commands/resolve.js')).runResolve(o, ctx)));
}

function registerPlan(program: Command, ctx: CommandContext, run: Run, _proc: CliContext): void {
  common(program.command('plan'))
    .description(
      'dry run: what would be exported where, from which source, with which warnings; prints no secret',
    )
    .addOption(format())
    .option('--export <target...>', 'also show where these export targets would write')
    .addHelpText(
      'after',
      `
Examples:
  deploy-token plan --project tanuki/awesome_project
  deploy-token plan --format json --job build --spec deploy-token.yml`,
    )
    .action(run(async (o) => (await import('./commands/resolve.js')).runPlan(o, ctx)));
}

function registerValidate(program: Command, ctx: CommandContext, run: Run, _proc: CliContext): void {
  program
    .command('validate [files...]')
    .description(
      'validate job specs and .gitlab-ci.yml files without touching GitLab (default deploy-token.yml)',
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'sarif', 'codequality', 'github'])
        .default('text'),
    )
    .addHelpText(
      'after',
      `
Examples:
  deploy-token validate
  deploy-token validate deploy-token.yml .gitlab-ci.yml --format sarif > findings.sarif
  deploy-token validate .gitlab-ci.yml --format codequality > gl-code-quality-report.json`,
    )
    .action(
      run(async (o, cmd) => {
        const { runValidate } = await import('../validate/run.js');
        const files = (cmd.args as string[]) ?? [];
        const format = String(o.format ?? 'text') as 'text' | 'json' | 'sarif' | 'codequality' | 'github';
        return runValidate(
          files,
          { format, cwd: ctx.cwd, color: useColor(ctx.stdout.isTTY, ctx.env) },
          // GitHub annotations are workflow commands, built with escaped data by validate's formatter.
          format === 'github' ? ctx.commands : ctx.stdout,
          ctx.stderr,
        );
      }),
    );
}

function registerCleanup(program: Command, ctx: CommandContext, run: Run, _proc: CliContext): void {
  connection(program.command('cleanup'), false, ' (scope api)')
    .description(
      'remove what earlier runs created (credential files, recorded ephemeral tokens); --ephemeral also deletes leftover ephemeral tokens',
    )
    .option(
      '--manifest <file>',
      'the manifest to clean up (default: every run this job recorded on this machine; outside CI, every run recorded outside CI)',
    )
    .option(
      '--all',
      "every run recorded on this machine, also other jobs' (leftovers of crashed runners; not while other jobs run here)",
    )
    .option('--ephemeral', "also delete the project's leftover ephemeral tokens (by name prefix and age)")
    .option(
      '--project <id|path>',
      'with --ephemeral: the project (default $CI_PROJECT_ID, then $CI_PROJECT_PATH)',
    )
    .option(
      '--ephemeral-older-than <duration>',
      'with --ephemeral: leftovers are older than this (e.g. 90m, 6h, 2d; default 6h)',
    )
    .addOption(hidden('--older-than <duration>'))
    .addOption(format())
    .option(
      '--dry-run',
      'list what would be deleted and removed (recorded tokens, files, leftovers); touch nothing',
    )
    .addHelpText(
      'after',
      `
Examples:
  deploy-token cleanup
  deploy-token cleanup --all --dry-run
  deploy-token cleanup --manifest "$RUNNER_TEMP/deploy-token-state-1001/deploy-token-AbC123.json"
  deploy-token cleanup --ephemeral --project tanuki/app --ephemeral-older-than 2h
  deploy-token cleanup --dry-run --format json`,
    )
    .action(run(async (o) => (await import('./commands/cleanup.js')).runCleanup(o, ctx)));
}

function registerExec(program: Command, ctx: CommandContext, run: Run, proc: CliContext): void {
  common(program.command('exec'))
    .description(
      'resolve, run CMD with the variables in its environment and its output masked, exit with its code',
    )
    .argument(
      '[command...]',
      "the command and its arguments, after -- (none with --job: the job's run: lines)",
    )
    .option('--shell', 'run the command through /bin/sh -c (off: no shell)')
    .option(
      '--pass-api-token',
      'give the command the API token too (it is withheld by default; masked like the password either way)',
    )
    .passThroughOptions()
    .addHelpText(
      'after',
      `
Examples:
  deploy-token exec --job pull -- skopeo inspect docker://registry.example.com/tanuki/app:latest
  deploy-token exec --job build                          # the job's run: lines, each through sh -c
  deploy-token exec --shell -- 'echo "$CI_DEPLOY_PASSWORD" | docker login -u "$CI_DEPLOY_USER" --password-stdin "$CI_REGISTRY"'`,
    )
    .action(
      run(async (o, cmd) => {
        const { runExec } = await import('./commands/exec.js');
        const streams = await import('node:stream');
        const fallback = (sink: CliContext['stdout']) =>
          new streams.Writable({
            write(chunk: Buffer, _enc, cb) {
              sink.write(chunk.toString('utf8'));
              cb();
            },
          });
        // The command's own output is masked by exec and otherwise the command's to format.
        return runExec(cmd.args as string[], o, ctx, {
          stdout: ctx.stdoutStream ?? fallback(proc.stdout),
          stderr: ctx.stderrStream ?? fallback(proc.stderr),
          ...(ctx.onSignal ? { onSignal: ctx.onSignal } : {}),
        });
      }),
    );
}

function registerMask(program: Command, ctx: CommandContext, run: Run, _proc: CliContext): void {
  program
    .command('mask')
    .description('copy stdin to stdout with every registered secret masked')
    .option(
      '--secret-env <name>',
      'environment variable holding a secret (repeatable)',
      (v: string, prev: string[] | undefined) => [...(prev ?? []), v],
    )
    .addHelpText(
      'after',
      `
Examples:
  ./build.sh 2>&1 | deploy-token mask --secret-env CI_DEPLOY_PASSWORD --secret-env NPM_TOKEN`,
    )
    .action(
      run(async (o) =>
        (await import('./commands/mask.js')).runMask((o.secretEnv as string[] | undefined) ?? [], ctx),
      ),
    );
}

function registerProvision(program: Command, ctx: CommandContext, run: Run, _proc: CliContext): void {
  connection(program.command('provision'), false, ' (scope api)')
    .description(
      'create a deploy token and store it where jobs find it; --rotate replaces the current one safely',
    )
    .option('--project <id|path>', 'the project (default $CI_PROJECT_ID, then $CI_PROJECT_PATH)')
    .addOption(
      new Option('--level <level>', 'project or group token')
        .choices(['project', 'group'])
        .default('project'),
    )
    .option('--group <id|path>', "with --level group: the group (default: the project's parent group)")
    .option('--scopes <list>', `comma list: ${DEPLOY_TOKEN_SCOPES.join(', ')}`)
    .option('--expires-at <date>', 'expiry date (YYYY-MM-DD: dies at 00:00 UTC that day) or ISO instant')
    .option('--expires-in <days>', 'expire this many days from today (00:00 UTC)')
    .option('--name <name>', 'token name (default gitlab-deploy-token)')
    .option('--username <name>', 'token username (default gitlab+deploy-token-{id})')
    .addOption(
      new Option('--store <where>', 'where jobs find it: CI/CD variables, or print it once')
        .choices(['group-variables', 'project-variables', 'none'])
        .default('none'),
    )
    .option('--protected', 'store the variables as protected (protected branches and tags only)')
    .addOption(
      new Option(
        '--format <format>',
        'text, or one JSON object on stdout (with --store none it carries the token; the default then); shell: export lines for the token (--store none)',
      ).choices(['text', 'json', 'shell']),
    )
    .option(
      '--rotate',
      'replace the active token of that name: create, store, verify, then delete the old one',
    )
    .option('--dry-run', 'check permissions and print the plan; change nothing')
    .addHelpText(
      'after',
      `
Exit codes: 0 done (or nothing to do), 1 not allowed or refused by GitLab / already exists without --rotate,
2 bad flags, 3 GitLab failed; a failure rolls back (a token a variable may still name is kept) and prints the state left.

Examples:
  deploy-token provision --level group --group tanuki --scopes read_registry,read_repository --expires-in 90 --store group-variables --protected
  deploy-token provision --level group --group tanuki --scopes read_registry --expires-in 90 --store group-variables --rotate
  deploy-token provision --project tanuki/app --scopes read_repository --expires-in 30 --store none --format shell
  deploy-token provision --level group --group tanuki --scopes read_registry --rotate --dry-run`,
    )
    .action(run(async (o) => (await import('./commands/provision.js')).runProvisionCommand(o, ctx)));
}

function registerAudit(program: Command, ctx: CommandContext, run: Run, _proc: CliContext): void {
  connection(program.command('audit'), false, ' (read_api)')
    .description('every deploy token of a group tree (subgroups and projects) with findings')
    .option('--group <path>', 'the group to audit, with its subgroups and projects (id or full path)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'markdown', 'csv'])
        .default('text'),
    )
    .option('--min-days-left <days>', 'flag active tokens that expire within this many days (default 30)')
    .addOption(hidden('--expiring-within <days>'))
    .option(
      '--ephemeral-older-than <duration>',
      'ephemeral tokens older than this are leftovers (e.g. 6h, 2d; default 6h)',
    )
    .addHelpText(
      'after',
      `
Exit codes: 0 no error-level finding, 1 at least one, 2 bad flags, 3 GitLab could not be asked.

Examples:
  deploy-token audit --group tanuki
  deploy-token audit --group tanuki --format markdown >> "$GITHUB_STEP_SUMMARY"
  deploy-token audit --group tanuki/platform --format json --min-days-left 14`,
    )
    .action(run(async (o) => (await import('./commands/audit.js')).runAudit(o, ctx)));
}

function registerDemo(program: Command, ctx: CommandContext, run: Run, _proc: CliContext): void {
  program
    .command('demo')
    .description('the whole flow against an embedded stand-in GitLab on 127.0.0.1 (no network, no token)')
    .action(run(async () => (await import('./commands/demo.js')).runDemo(ctx)));
}

/** Every command, in the order `--help` lists them. */
export const COMMANDS: readonly Register[] = [
  registerResolve,
  registerPlan,
  registerValidate,
  registerCleanup,
  registerExec,
  registerMask,
  registerProvision,
  registerAudit,
  registerDemo,
];
