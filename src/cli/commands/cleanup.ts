/** `cleanup`: remove exactly what earlier runs created, from their manifests; idempotent. */
import { cleanupRecorded } from '../../app/credentials.js';
import { UsageError } from '../../core/errors.js';
import type { CliContext } from '../context.js';

export async function runCleanup(
  flags: { manifest?: string; ephemeral?: boolean },
  ctx: CliContext,
): Promise<number> {
  if (flags.ephemeral) {
    throw new UsageError(
      'ephemeral tokens are not available in this version',
      'run cleanup without --ephemeral',
    );
  }
  const r = cleanupRecorded(ctx.env, flags.manifest);
  for (const p of r.removed) ctx.stdout.write(`removed ${p}\n`);
  for (const p of r.refused)
    ctx.stderr.write(
      `deploy-token: warning: left ${p} in place (not empty, not ours, or outside the credentials directory)\n`,
    );
  ctx.stdout.write(
    `deploy-token: cleanup: ${r.removed.length} removed, ${r.missing.length} already gone, ${r.refused.length} left, from ${r.manifests.length} manifest(s)\n`,
  );
  return 0;
}
