/**
 * The `deploy-token` CLI: parses flags (commander) and hands them to a command. Thin on purpose:
 * every decision lives in the core; this file only maps flags and exit codes.
 */
import { Command, CommanderError } from 'commander';
import pkg from '../../package.json' with { type: 'json' };
import { ExitCode } from '../core/errors.js';
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
  const out = guardOutput(proc, scrubber, { github: proc.env.GITHUB_ACTIONS === 'true' });
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
    .version(pkg.version, '--version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    })
    .addHelpText(
      'after',
      `
Exit codes: 0 done, 1 the answer is no (no usable token, expired, revoked, missing scopes, findings),
2 the request is wrong (bad flags, invalid spec, missing project), 3 GitLab could not be asked.
The API token is read from GITLAB_TOKEN (or --api-token-env NAME), never from a flag.

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
      // The API token named by a flag is a secret from here on (GITLAB_TOKEN already is).
      if (typeof opts.apiTokenEnv === 'string') ctx.scrubber.add(ctx.env[opts.apiTokenEnv]);
      // --verbose (or RUNNER_DEBUG=1 in a GitHub step): request lines only, never headers or bodies.
      if ((opts.verbose === true || ctx.env.RUNNER_DEBUG === '1') && !ctx.onRequest) {
        ctx.onRequest = (e) =>
          ctx.stderr.write(
            `deploy-token: debug: ${e.method} ${e.endpoint} → ${e.status ?? 'no answer'} (${Math.round(e.ms)} ms, attempt ${e.attempt + 1})\n`,
          );
      }
      done(await fn(opts, cmd));
    };
}

export async function main(argv: string[], proc: CliContext): Promise<number> {
  let code: number = ExitCode.Ok;
  const ctx = commandContext(proc);
  const prog = program(ctx);
  const run = runner(ctx, (c) => (code = c));
  for (const register of COMMANDS) register(prog, ctx, run, proc);
  try {
    await prog.parseAsync(argv, { from: 'user' });
    if (argv.length === 0) {
      prog.outputHelp();
      return ExitCode.Usage;
    }
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; bad flags with a usage error.
      return e.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    return reportError(ctx.stderr, e);
  }
}
