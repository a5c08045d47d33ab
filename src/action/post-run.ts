/**
 * The post step (post-if: always()): removes exactly what main's manifest lists, says what it
 * removed, and never fails the job: a problem becomes a warning.
 */
import type { Env } from '../core/env.js';
import { cleanup, parseManifest } from '../credentials/index.js';
import { escapeCommandData } from '../export/github.js';
import { clientWith } from '../gitlab/client.js';
import { deleteEphemeral, type EphemeralRecord } from '../provision/ephemeral.js';

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

/**
 * The whole post step: files (above), then the ephemeral token main recorded in GITHUB_STATE,
 * deleted with the same API token (the runner gives the post step the same inputs). A failure is a
 * warning naming `deploy-token cleanup --ephemeral`; the job's result is never changed.
 */
export async function runPostAll(
  env: Env,
  stdout: { write(s: string): void },
  deps: { fetch?: typeof fetch; sleep?: (ms: number) => Promise<void> } = {},
): Promise<number> {
  runPost(env, stdout);
  const state = env.STATE_ephemeral;
  if (!state) return 0;
  const warn = (m: string) => stdout.write(`::warning::${escapeCommandData(`deploy-token: ${m}`)}\n`);
  let records: EphemeralRecord[];
  try {
    records = parseRecords(state);
  } catch {
    warn('the saved ephemeral-token state is unreadable: run `deploy-token cleanup --ephemeral`');
    return 0;
  }
  const token = (env['INPUT_GITLAB-TOKEN'] ?? '').trim() || env.GITLAB_TOKEN;
  if (token) stdout.write(`::add-mask::${escapeCommandData(token)}\n`);
  for (const r of records) {
    if (!token) {
      warn(
        `no API token to delete ephemeral token #${r.tokenId}: it expires at 00:00 UTC; \`deploy-token cleanup --ephemeral\` deletes it once it is older than --older-than (default 6h) or has expired`,
      );
      continue;
    }
    try {
      const client = clientWith(r.gitlabUrl, token, { ...deps, env });
      const res = await deleteEphemeral(client, r);
      stdout.write(
        `deploy-token: ephemeral token #${r.tokenId} ${res === 'deleted' ? 'deleted' : 'was already gone'}\n`,
      );
    } catch (e) {
      warn(
        `could not delete ephemeral token #${r.tokenId} (${(e as { message?: string }).message ?? String(e)}): it expires at 00:00 UTC; \`deploy-token cleanup --ephemeral\` deletes it once it is older than --older-than (default 6h) or has expired`,
      );
    }
  }
  return 0;
}

function parseRecords(text: string): EphemeralRecord[] {
  const v = JSON.parse(text) as unknown;
  if (!Array.isArray(v)) throw new Error('not a list');
  return v.map((x: Partial<EphemeralRecord> | null) => {
    if (
      x?.level !== 'project' ||
      !Number.isInteger(x.id) ||
      !Number.isInteger(x.tokenId) ||
      typeof x.gitlabUrl !== 'string' ||
      typeof x.name !== 'string'
    )
      throw new Error('not a record');
    return x as EphemeralRecord;
  });
}
