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
  if (out.error) {
    ctx.stderr.write(`deploy-token: error: ${out.error}\n`);
    if (out.hint) ctx.stderr.write(`  hint: ${out.hint}\n`);
  }
  // The plan of a dry run is the answer asked for: stdout (it never holds a secret).
  for (const p of out.plan ?? []) ctx.stdout.write(`${p}\n`);
  ctx.stderr.write(`deploy-token: state${out.exitCode === 0 ? '' : ' left'}:\n`);
  for (const s of out.state) ctx.stderr.write(`  ${s}\n`);
  // A token kept after a failure is printed too: with --store none, stdout is its only copy.
  if (out.created && req.store === 'none') {
    const c = out.created;
    // In a GitHub step, mask the value before it is printed. GitLab has no such command: in a GitLab
    // job the runner shows stdout in the log unmasked unless the caller captures it (gitlab-runner masks
    // only variables GitLab marked masked).
    if (ctx.env.GITHUB_ACTIONS === 'true') ctx.command('add-mask', c.token);
    if (ctx.env.GITLAB_CI === 'true') {
      ctx.stderr.write(
        'deploy-token: warning: GitLab cannot mask a value printed at run time: capture stdout (eval "$(deploy-token provision … --format shell)") or use --store group-variables|project-variables, or the token is in the job log\n',
      );
    }
    if (req.format === 'shell') {
      ctx.payload.write(
        `export CI_DEPLOY_USER=${shellQuote(c.username)}\nexport CI_DEPLOY_PASSWORD=${shellQuote(c.token)}\n`,
      );
    } else {
      ctx.payload.write(
        `${safeJson({
          id: c.id,
          name: c.name,
          username: c.username,
          token: c.token,
          expires_at: c.expires_at,
          scopes: c.scopes,
          level: out.owner?.level === 'groups' ? 'group' : 'project',
          owner: out.owner?.path,
        })}\n`,
      );
    }
    ctx.stderr.write('deploy-token: the token was printed once on stdout; GitLab will not show it again\n');
  }
  return out.exitCode;
}

function projectFromEnv(ctx: CliContext): { project?: string } {
  const p = ctx.env.CI_PROJECT_ID || ctx.env.CI_PROJECT_PATH;
  return p ? { project: p } : {};
}
