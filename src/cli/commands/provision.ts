/** `provision [--rotate] [--dry-run]`: thin; the work is src/provision/run.ts. */
import { flagConnection } from '../../app/connection.js';
import { checkProjectRef } from '../../app/options.js';
import { safeJson } from '../../core/text.js';
import { shellQuote } from '../../export/shell.js';
import { parseProvisionFlags, type ProvisionFlags } from '../../provision/request.js';
import { runProvision } from '../../provision/run.js';
import { clientFor } from '../api-client.js';
import type { CliContext, CommandContext } from '../context.js';

export interface ProvisionCliFlags extends ProvisionFlags {
  gitlabUrl?: string;
  apiTokenEnv?: string;
}

export async function runProvisionCommand(flags: ProvisionCliFlags, ctx: CommandContext): Promise<number> {
  if (flags.project !== undefined) checkProjectRef(flags.project, '--project');
  if (flags.group !== undefined) checkProjectRef(flags.group, '--group');
  const req = parseProvisionFlags(
    { ...flags, ...(flags.project === undefined ? projectFromEnv(ctx) : {}) },
    ctx.now(),
  );
  const client = clientFor(flagConnection(flags, ctx.env), ctx, 'provision');
  const log = (l: string) => ctx.stderr.write(`deploy-token: ${l}\n`);
  const out = await runProvision(req, { client, now: ctx.now, log });
  // The new token is a secret in everything printed from here on, but the payload that carries it.
  if (out.created) ctx.scrubber.add(out.created.token, { username: out.created.username });
  // The error and the state left are for the person reading the log: stderr, in every format.
  if (out.error) {
    ctx.stderr.write(`deploy-token: error: ${out.error}\n`);
    if (out.hint) ctx.stderr.write(`  hint: ${out.hint}\n`);
  }
  ctx.stderr.write(`deploy-token: state${out.exitCode === 0 ? '' : ' left'}:\n`);
  for (const s of out.state) ctx.stderr.write(`  ${s}\n`);
  if (req.format === 'json') return provisionJson(out, req, ctx);
  // The steps of a dry run are the answer asked for: stdout (they never hold a secret).
  for (const s of out.dryRunSteps ?? []) ctx.stdout.write(`${s}\n`);
  if (out.created && req.store === 'none') {
    const c = out.created;
    printedOnce(ctx, c.token);
    ctx.payload.write(
      `export CI_DEPLOY_USER=${shellQuote(c.username)}\nexport CI_DEPLOY_PASSWORD=${shellQuote(c.token)}\n`,
    );
    ctx.stderr.write('deploy-token: the token was printed once on stdout; GitLab will not show it again\n');
  }
  return out.exitCode;
}

type Outcome = Awaited<ReturnType<typeof runProvision>>;

/** In a GitHub step the token is masked before it is printed; in a GitLab job the user is warned. */
function printedOnce(ctx: CommandContext, token?: string): void {
  if (token !== undefined && ctx.env.GITHUB_ACTIONS === 'true') ctx.command('add-mask', token);
  // GitLab has no such command: the runner shows stdout unmasked unless the caller captures it.
  if (ctx.env.GITLAB_CI === 'true') {
    ctx.stderr.write(
      'deploy-token: warning: GitLab cannot mask a value printed at run time: capture stdout (eval "$(deploy-token provision … --format shell)") or use --store group-variables|project-variables, or the token is in the job log\n',
    );
  }
}

/**
 * `--format json`: one object on stdout, snake_case (docs/cli.md). A token printed once (--store
 * none) is there as before: its fields at the top, `token` its value (a failure that kept it too).
 */
function provisionJson(
  out: Outcome,
  req: ReturnType<typeof parseProvisionFlags>,
  ctx: CommandContext,
): number {
  const c = out.created;
  const once = c !== undefined && req.store === 'none';
  if (once) printedOnce(ctx, c.token);
  const report = {
    ...(c
      ? {
          id: c.id,
          name: c.name,
          username: c.username,
          ...(once ? { token: c.token } : {}),
          expires_at: c.expires_at,
          scopes: c.scopes,
        }
      : {}),
    level: out.owner?.level === 'groups' ? 'group' : req.level,
    owner: out.owner?.path ?? null,
    ...(out.dryRunSteps ? { dry_run_steps: out.dryRunSteps } : {}),
    state: out.state,
    ...(out.error ? { error: { message: out.error, hint: out.hint ?? null, source: null } } : {}),
    exit_code: out.exitCode,
  };
  (once ? ctx.payload : ctx.stdout).write(`${safeJson(report)}\n`);
  if (once)
    ctx.stderr.write('deploy-token: the token was printed once on stdout; GitLab will not show it again\n');
  return out.exitCode;
}

function projectFromEnv(ctx: CliContext): { project?: string } {
  const p = ctx.env.CI_PROJECT_ID || ctx.env.CI_PROJECT_PATH;
  return p ? { project: p } : {};
}
