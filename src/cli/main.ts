/**
 * The `deploy-token` CLI: parses flags (commander) and hands them to a command. Thin on purpose:
 * every decision lives in the core; this file only maps flags and exit codes.
 */
import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { DeployTokenError, ExitCode, GitLabApiError } from '../core/errors.js';
import { useColor } from '../core/color.js';
import { guardOutput } from '../core/output.js';
import { Scrubber } from '../core/scrub.js';
import type { CliContext, CommandContext } from './context.js';
import { reportError } from './output.js';
import { COMMANDS, type Action, type Run } from './program.js';

/**
 * The process's stdout and stderr behind the output boundary (src/core/output.ts): every text a
 * command prints is scrubbed of the secrets the run knows (those in the environment from the start).
 */
function commandContext(proc: CliContext): CommandContext {
  const scrubber = new Scrubber();
  scrubber.addEnv(proc.env);
  const out = guardOutput(proc, scrubber, {
    github: proc.env.GITHUB_ACTIONS === 'true',
    forceColor: proc.env.FORCE_COLOR !== undefined && useColor(false, proc.env),
  });
  return {
    ...proc,
    stdout: out.stdout,
    stderr: out.stderr,
    payload: out.payload,
    commands: out.commands,
    command: out.command,
    scrubber,
  };
}

/** The program: its name, version, help and where commander prints. */
function program(ctx: CommandContext): Command {
  return new Command()
    .name('deploy-token')
    .enablePositionalOptions()
    .description(
      "Give a CI job the credentials of GitLab's gitlab-deploy-token the way GitLab would, say when and why it would not, and export them safely.",
    )
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      // Usage errors are reported by main, in the one error style (or as JSON).
      outputError: () => undefined,
    })
    .addHelpText(
      'after',
      `
Exit codes: 0 done; 1 the answer is no (no usable credentials, findings, GitLab refused: 403);
2 the request is wrong (bad flags, invalid spec, unknown project or group: 404, API token rejected: 401);
3 GitLab or the network failed (5xx, timeouts, answers that are not GitLab's) or an internal error.
The API token is read from GITLAB_TOKEN (or --api-token-env NAME), never from a flag.
--format json on a reporting command prints errors as JSON on stdout too (docs/cli.md).

Examples:
  deploy-token demo
  deploy-token plan --gitlab-url https://gitlab.example.com --project tanuki/awesome_project
  eval "$(deploy-token resolve --export shell)"
  deploy-token validate deploy-token.yml .gitlab-ci.yml`,
    );
}

/** What every command's action goes through: secrets named by flags registered, --verbose wired, the exit code kept. */
function runner(ctx: CommandContext, done: (code: number) => void): Run {
  return (fn: Action) =>
    async (...args: unknown[]) => {
      const cmd = args[args.length - 1] as Command;
      const opts = cmd.opts();
      try {
        renamed(opts);
      } catch (e) {
        return done(reportError(ctx, e, opts.format === 'json'));
      }
      // The API token named by a flag is a secret from here on (GITLAB_TOKEN already is).
      if (typeof opts.apiTokenEnv === 'string') ctx.scrubber.add(ctx.env[opts.apiTokenEnv]);
      // --verbose (or RUNNER_DEBUG=1 in a GitHub step): request lines only, never headers or bodies.
      if ((opts.verbose === true || ctx.env.RUNNER_DEBUG === '1') && !ctx.onRequest) {
        ctx.onRequest = (e) =>
          ctx.stderr.write(
            `deploy-token: debug: ${e.method} ${e.endpoint} → ${e.status ?? 'no answer'} (${Math.round(e.ms)} ms, attempt ${e.attempt + 1})\n`,
          );
      }
      try {
        done(await fn(opts, cmd));
      } catch (e) {
        done(reportError(ctx, namingSetting(e, opts, ctx.env), opts.format === 'json'));
      }
    };
}

/** Old flag names kept for one release (hidden in --help): old attribute → new, with both flags. */
const RENAMED: readonly (readonly [string, string, string, string])[] = [
  ['expiringWithin', 'minDaysLeft', '--expiring-within', '--min-days-left'],
  ['olderThan', 'ephemeralOlderThan', '--older-than', '--ephemeral-older-than'],
];

/** An old name's value moves to the new name; both given with different values is a usage error. */
function renamed(opts: Record<string, unknown>): void {
  for (const [old, now, oldFlag, nowFlag] of RENAMED) {
    if (opts[old] === undefined) continue;
    if (opts[now] !== undefined && opts[now] !== opts[old]) {
      throw new DeployTokenError(
        `${oldFlag} ${String(opts[old])} and ${nowFlag} ${String(opts[now])} disagree`,
        ExitCode.Usage,
        `${oldFlag} is the old name of ${nowFlag}: pass ${nowFlag} only`,
        oldFlag,
      );
    }
    opts[now] = opts[old];
    Reflect.deleteProperty(opts, old);
  }
}

/**
 * A project or group GitLab does not know (404) names the setting it came from: `--group`,
 * `--project`, or the CI variable that gave the project.
 */
function namingSetting(e: unknown, opts: Record<string, unknown>, env: CliContext['env']): unknown {
  if (!(e instanceof GitLabApiError) || e.status !== 404 || e.source !== undefined) return e;
  const source =
    typeof opts.group === 'string' && /\/groups\//.test(e.endpoint)
      ? `--group ${opts.group}`
      : typeof opts.project === 'string'
        ? `--project ${opts.project}`
        : env.CI_PROJECT_ID
          ? `$CI_PROJECT_ID (${env.CI_PROJECT_ID})`
          : env.CI_PROJECT_PATH
            ? `$CI_PROJECT_PATH (${env.CI_PROJECT_PATH})`
            : undefined;
  if (source) {
    e.source = source;
    e.hint = `GitLab does not know ${source} (or the API token's user cannot see it): check ${source.split(' ')[0]}, and that the token's user is a member`;
  }
  return e;
}

/** `--format json` (or `--format=json`) anywhere: usage errors are JSON on stdout too. */
function wantsJson(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === '--format=json' || (a === '--format' && argv[i + 1] === 'json'));
}

/** commander's message (`error: unknown option '--x'`) in the one error style, with where to look. */
function usageError(e: CommanderError, argv: readonly string[], names: readonly string[]): DeployTokenError {
  const message = e.message.replace(/^error: /, '');
  const cmd = argv.find((a) => !a.startsWith('-'));
  const option = /'([^']+)'/.exec(message)?.[1] ?? '';
  // `exec --configure docker sh -c '…'`: the command's own option, read as exec's.
  const hint =
    cmd === 'exec' && e.code === 'commander.unknownOption' && !argv.includes('--')
      ? `if ${option} belongs to the command, put the command after --: deploy-token exec [options] -- sh -c '…'`
      : `run deploy-token ${cmd && names.includes(cmd) ? `${cmd} ` : ''}--help for usage`;
  return new DeployTokenError(message, ExitCode.Usage, hint, option.startsWith('-') ? option : undefined);
}

export async function main(argv: string[], proc: CliContext): Promise<number> {
  let code: number = ExitCode.Ok;
  const ctx = commandContext(proc);
  const prog = program(ctx);
  const run = runner(ctx, (c) => (code = c));
  for (const register of COMMANDS) register(prog, ctx, run, proc);
  try {
    await prog.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; bad flags with a usage error.
      if (e.exitCode === 0) return ExitCode.Ok;
      // No command: commander printed the help on stderr, which is the whole answer.
      if (e.code === 'commander.help') return ExitCode.Usage;
      return reportError(
        ctx,
        usageError(
          e,
          argv,
          prog.commands.map((c) => c.name()),
        ),
        wantsJson(argv),
      );
    }
    return reportError(ctx, e, wantsJson(argv));
  }
}
