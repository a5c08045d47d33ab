/**
 * `cleanup`: remove exactly what earlier runs created, from their manifests (files, directories,
 * and ephemeral tokens they recorded); idempotent. `--ephemeral` also sweeps the project's leftover
 * ephemeral tokens (a crashed runner's) by name prefix and age.
 */
import { lstatSync } from 'node:fs';
import { cleanupRecorded, recordedManifests } from '../../app/credentials.js';
import { normaliseUrl } from '../../app/options.js';
import { ExitCode, UsageError } from '../../core/errors.js';
import { loadManifest, saveManifest, type EphemeralToken } from '../../credentials/index.js';
import { deleteDeployToken, getProject } from '../../gitlab/api.js';
import type { GitLabClient } from '../../gitlab/client.js';
import { parseDuration, sweepEphemeral } from '../../provision/ephemeral.js';
import type { CliContext } from '../context.js';
import { clientFor } from '../api-client.js';

export interface CleanupFlags {
  manifest?: string;
  ephemeral?: boolean;
  project?: string;
  gitlabUrl?: string;
  apiTokenEnv?: string;
  olderThan?: string;
  dryRun?: boolean;
}

const DEFAULT_OLDER_THAN = '6h';

/** A manifest we wrote: a regular file of this user, writable by nobody else. */
function ownedByUs(path: string): boolean {
  try {
    const st = lstatSync(path);
    return (
      st.isFile() && (st.mode & 0o022) === 0 && (process.getuid === undefined || st.uid === process.getuid())
    );
  } catch {
    return false;
  }
}

export async function runCleanup(flags: CleanupFlags, ctx: CliContext): Promise<number> {
  // Check every flag before anything is removed.
  const olderThanMs = parseDuration(flags.olderThan ?? DEFAULT_OLDER_THAN, '--older-than');
  const project = flags.project ?? (ctx.env.CI_PROJECT_ID || ctx.env.CI_PROJECT_PATH || undefined);
  if (flags.ephemeral && !project) {
    throw new UsageError(
      'cleanup --ephemeral needs the project whose leftover tokens to delete',
      'pass --project ID|PATH (default $CI_PROJECT_ID, then $CI_PROJECT_PATH)',
    );
  }
  if ((flags.olderThan !== undefined || flags.dryRun) && !flags.ephemeral) {
    throw new UsageError('--older-than and --dry-run apply to --ephemeral', 'add --ephemeral');
  }
  const say = (l: string) => ctx.stdout.write(`${l}\n`);
  const warn = (l: string) => ctx.stderr.write(`deploy-token: warning: ${l}\n`);
  let code: number = ExitCode.Ok;

  // 1. Ephemeral tokens recorded by earlier runs (resolve records them; exec and the action delete their own).
  // The API token goes only to the instance the user named (--gitlab-url, or $CI_SERVER_URL), never to
  // one a manifest names: a planted manifest must not be able to send the token elsewhere.
  const configured = flags.gitlabUrl ?? ctx.env.CI_SERVER_URL;
  const instance = configured ? normaliseUrl(configured) : undefined;
  let client: GitLabClient | undefined;
  for (const path of recordedManifests(ctx.env, flags.manifest)) {
    const m = loadManifest(path);
    if (!m.ephemeralTokens?.length) continue;
    if (!ownedByUs(path)) {
      warn(`ignored the ephemeral tokens recorded in ${path}: the file is not ours (owner or mode)`);
      continue;
    }
    const left: EphemeralToken[] = [];
    for (const t of m.ephemeralTokens) {
      const recorded = t.gitlabUrl ? normaliseUrl(t.gitlabUrl) : instance;
      if (!recorded || recorded !== instance) {
        left.push(t);
        warn(
          `ephemeral token #${t.tokenId} was created on ${recorded ?? 'an unrecorded instance'}; pass --gitlab-url ${recorded ?? 'URL'} to delete it (the API token is sent only to the instance you name)`,
        );
        code = ExitCode.Usage;
        continue;
      }
      try {
        client ??= clientFor(
          { ...flags, gitlabUrl: recorded },
          ctx,
          'deleting a recorded ephemeral token',
        ).client;
        const r = await deleteDeployToken(
          client,
          t.level === 'group' ? 'groups' : 'projects',
          t.id,
          t.tokenId,
        );
        say(
          `${r === 'deleted' ? 'deleted' : 'already gone:'} ephemeral token #${t.tokenId}${t.name ? ` (${t.name})` : ''}`,
        );
      } catch (e) {
        left.push(t);
        warn(
          `could not delete ephemeral token #${t.tokenId}: ${(e as { message?: string }).message ?? String(e)}`,
        );
        code = e instanceof UsageError ? ExitCode.Usage : ExitCode.GitLab;
      }
    }
    saveManifest({ ...m, ephemeralTokens: left }, path);
  }

  // 2. Files and directories.
  const r = cleanupRecorded(ctx.env, flags.manifest);
  for (const p of r.removed) say(`removed ${p}`);
  for (const p of r.refused)
    warn(`left ${p} in place (not empty, not ours, or outside the credentials directory)`);
  say(
    `deploy-token: cleanup: ${r.removed.length} removed, ${r.missing.length} already gone, ${r.refused.length} left, from ${r.manifests.length} manifest(s)`,
  );

  // 3. Leftover ephemeral tokens of the project.
  if (flags.ephemeral) {
    const { client } = clientFor(flags, ctx, 'cleanup --ephemeral');
    const p = await getProject(client, project as string);
    const s = await sweepEphemeral(client, p.id, ctx.now(), olderThanMs, { dryRun: flags.dryRun === true });
    for (const t of s.deleted)
      say(
        `${flags.dryRun ? 'would delete' : 'deleted'} leftover ephemeral token #${t.id} ${t.name} on ${p.path_with_namespace}`,
      );
    for (const t of s.young)
      say(
        `kept ephemeral token #${t.id} ${t.name}: younger than ${flags.olderThan ?? DEFAULT_OLDER_THAN}, a job may be using it`,
      );
    for (const f of s.failed) {
      warn(`could not delete ephemeral token #${f.token.id}: ${f.why}`);
      code = ExitCode.GitLab;
    }
    say(
      `deploy-token: cleanup --ephemeral: ${s.deleted.length} ${flags.dryRun ? 'would be ' : ''}deleted, ${s.young.length} kept, ${s.failed.length} failed on ${p.path_with_namespace}`,
    );
  }
  return code;
}
