/**
 * The post step (post-if: always()): removes exactly what main's manifest lists, says what it
 * removed, and never fails the job: a problem becomes a warning.
 */
import type { Env } from '../core/env.js';
import { cleanup, parseManifest } from '../credentials/index.js';
import { escapeCommandData } from '../export/github.js';

export function runPost(env: Env, stdout: { write(s: string): void }): number {
  const state = env.STATE_manifest;
  if (!state) {
    stdout.write('deploy-token: nothing to clean up\n');
    return 0;
  }
  try {
    const r = cleanup(parseManifest(state, 'the saved state'));
    for (const p of r.removed) stdout.write(`deploy-token: removed ${p}\n`);
    for (const p of r.refused)
      stdout.write(
        `::warning::${escapeCommandData(`deploy-token: left ${p} in place (not empty or outside the credentials directory)`)}\n`,
      );
    stdout.write(`deploy-token: cleanup: ${r.removed.length} removed, ${r.missing.length} already gone\n`);
  } catch (e) {
    stdout.write(
      `::warning::${escapeCommandData(`deploy-token: cleanup failed: ${(e as { message?: string }).message ?? String(e)}`)}\n`,
    );
  }
  return 0;
}
