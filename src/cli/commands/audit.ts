/** `audit`: every deploy token of a group tree with findings; exit 1 when a finding is at error level. */
import { auditFindings } from '../../audit/findings.js';
import { formatReport } from '../../audit/format.js';
import { gatherTree } from '../../audit/gather.js';
import { auditSettings, type AuditFlags } from '../../audit/options.js';
import { checkProjectRef } from '../../app/options.js';
import { auditProgress } from '../../audit/progress.js';
import { ExitCode } from '../../core/errors.js';
import { clientFor } from '../api-client.js';
import type { CommandContext } from '../context.js';

export async function runAudit(flags: AuditFlags, ctx: CommandContext): Promise<number> {
  if (flags.group !== undefined) checkProjectRef(flags.group, '--group');
  const s = auditSettings(flags, ctx.env);
  const client = clientFor(s.gitlab, ctx, 'audit');
  const progress = auditProgress(ctx.stderr, {
    now: () => ctx.now().getTime(),
    requests: () => client.requestCount,
    rateLimit: client.rateLimit,
  });
  const tree = await progress.during(gatherTree(client, s.group, { onProgress: progress.update }));
  // A CI_DEPLOY_USER variable holding a token (swapped with the password) is a secret: masked.
  for (const holder of [...tree.groups, ...tree.projects, ...tree.ancestors])
    for (const v of holder.variables ?? []) ctx.scrubber.addIfNotUsername(v.value);
  const now = ctx.now();
  const result = auditFindings(tree, {
    now,
    expiringWithinDays: s.expiringWithinDays,
    ephemeralOlderThanMs: s.ephemeralOlderThanMs,
  });
  ctx.stdout.write(
    formatReport(s.format, result, {
      group: tree.root,
      generatedAt: now,
      expiringWithinDays: s.expiringWithinDays,
    }),
  );
  progress.done();
  return result.findings.some((f) => f.severity === 'error') ? ExitCode.No : ExitCode.Ok;
}
