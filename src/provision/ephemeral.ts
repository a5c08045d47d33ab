/**
 * Ephemeral deploy tokens: one per job, with just the job's scopes, expiring at the next midnight
 * UTC (a date-only expiry is 00:00 UTC of that date, docs/gitlab-rules.md "Active"), under a unique name that is
 * never `gitlab-deploy-token` (so other jobs keep getting what they got), deleted at the job's end.
 * A crashed runner's leftovers are found by name prefix and age and deleted by the sweep.
 */
import { durationMs } from '../core/duration.js';
import { DeployTokenError, ExitCode, GitLabApiError, UsageError } from '../core/errors.js';
import { createDeployToken, deleteDeployToken, listDeployTokens } from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import type { DeployToken, Project } from '../gitlab/types.js';
import { tokenActivity } from '../resolve/activity.js';
import { checkPermissions } from './permissions.js';
import { ephemeralCreatedAt, ephemeralName, isEphemeralName } from './ephemeral-name.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** What a run records so its token can be deleted later (action state, manifest). */
export interface EphemeralRecord {
  level: 'project';
  /** The project id. */
  id: number;
  tokenId: number;
  name: string;
  gitlabUrl: string;
}

/** The next 00:00 UTC after `now` (the expiry of an ephemeral token created at `now`). */
export function nextMidnightUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY_MS);
}

/** An ephemeral token takes the job's scopes: none is a usage error (exit 2), before any request. */
export function checkEphemeralScopes(scopes: readonly string[], dependencyProxy = false): void {
  if (dependencyProxy) {
    // DeployToken#valid_for_dependency_proxy? takes group tokens only (docs/gitlab-rules.md, "Dependency proxy").
    throw new UsageError(
      'an ephemeral token is a project deploy token, and the dependency proxy accepts group deploy tokens only',
      'drop ephemeral: true for this job and use a group gitlab-deploy-token with read_registry and write_registry',
    );
  }
  if (scopes.length === 0) {
    throw new UsageError(
      "an ephemeral token needs the job's scopes, and the job lists none",
      'add scopes: [...] to the job in the spec (e.g. read_registry)',
    );
  }
}

const REFUSED_HINT = 'use an API token with the api scope whose user is Maintainer (or Owner) on the project';

/**
 * GitLab said no to creating the token (401/403): the answer is no (exit 1), as `plan` says, with
 * what is missing when GitLab tells (the token's scopes, the user's role).
 */
async function refusedCreate(
  client: GitLabClient,
  project: Project,
  e: GitLabApiError,
): Promise<DeployTokenError> {
  let problems: string[] = [];
  try {
    problems = (
      await checkPermissions(client, {
        project,
        purpose: 'create and delete an ephemeral project deploy token',
      })
    ).problems;
  } catch {
    /* the hint still says what is needed */
  }
  const why = problems.length
    ? problems.join('; ')
    : 'creating a project deploy token needs an API token with the api scope whose user is Maintainer or Owner';
  return new DeployTokenError(
    `GitLab refused to create the ephemeral token on ${project.path_with_namespace} (HTTP ${e.status}): ${why}`,
    ExitCode.No,
    REFUSED_HINT,
  );
}

const minutes = (n: number) => `${n} minute${n === 1 ? '' : 's'}`;

export async function createEphemeral(
  client: GitLabClient,
  project: Project,
  scopes: readonly string[],
  gitlabUrl: string,
  now: Date,
  random: () => string,
): Promise<{ token: DeployToken & { token: string }; record: EphemeralRecord; warnings: string[] }> {
  checkEphemeralScopes(scopes);
  const midnight = nextMidnightUtc(now);
  const name = ephemeralName(now, random);
  let token: DeployToken & { token: string };
  try {
    token = await createDeployToken(client, 'projects', project.id, {
      name,
      scopes: [...scopes],
      expires_at: midnight.toISOString().slice(0, 10),
    });
  } catch (e) {
    // GitLab answered no: nothing was created, and the answer is no (exit 1), not "could not ask".
    if (e instanceof GitLabApiError && (e.status === 401 || e.status === 403))
      throw await refusedCreate(client, project, e);
    // POST is not retried: if GitLab created the token but its answer was lost, the name finds it.
    try {
      const made = (await listDeployTokens(client, 'projects', project.id)).filter((t) => t.name === name);
      for (const t of made) await deleteDeployToken(client, 'projects', project.id, t.id);
    } catch {
      /* the token, if any, expires at midnight and `cleanup --ephemeral` finds it by name */
    }
    throw e;
  }
  const warnings: string[] = [];
  const left = midnight.getTime() - now.getTime();
  if (left < HOUR_MS) {
    warnings.push(
      `the ephemeral token expires at ${midnight.toISOString()} (00:00 UTC), in ${minutes(Math.max(1, Math.round(left / 60_000)))}: a longer job loses access then`,
    );
  }
  return {
    token,
    record: { level: 'project', id: project.id, tokenId: token.id, name, gitlabUrl },
    warnings,
  };
}

export function deleteEphemeral(client: GitLabClient, r: EphemeralRecord): Promise<'deleted' | 'gone'> {
  return deleteDeployToken(client, 'projects', r.id, r.tokenId);
}

/** `6h`, `90m`, `2d`, `0` → milliseconds; a UsageError naming the flag otherwise. */
export function parseDuration(raw: string, flag: string): number {
  const ms = durationMs(raw);
  if (ms === undefined) {
    throw new UsageError(
      `${flag} must be a duration like 90m, 6h or 2d, not "${raw.slice(0, 40)}"`,
      `e.g. ${flag} 6h`,
      flag,
    );
  }
  return ms;
}

export interface SweepResult {
  deleted: DeployToken[];
  /** Ephemeral tokens too young to be leftovers (a job may still be using them). */
  young: DeployToken[];
  failed: { token: DeployToken; why: string }[];
}

/**
 * Leftover ephemeral tokens of a project: named with our prefix, and older than `olderThanMs` (by the
 * time in the name) or no longer active. Never touches any other token.
 */
export function leftoverEphemeral(
  tokens: readonly DeployToken[],
  now: Date,
  olderThanMs: number,
): { leftovers: DeployToken[]; young: DeployToken[] } {
  const leftovers: DeployToken[] = [];
  const young: DeployToken[] = [];
  for (const t of tokens) {
    if (!isEphemeralName(t.name)) continue;
    const created = ephemeralCreatedAt(t.name);
    const inactive = !tokenActivity(t, now).active;
    const old = created !== undefined && now.getTime() - created.getTime() >= olderThanMs;
    if (inactive || old) leftovers.push(t);
    else young.push(t);
  }
  return { leftovers, young };
}

export async function sweepEphemeral(
  client: GitLabClient,
  projectId: number,
  now: Date,
  olderThanMs: number,
  opts: { dryRun?: boolean } = {},
): Promise<SweepResult> {
  const { leftovers, young } = leftoverEphemeral(
    await listDeployTokens(client, 'projects', projectId),
    now,
    olderThanMs,
  );
  const out: SweepResult = { deleted: [], young, failed: [] };
  for (const t of leftovers) {
    if (opts.dryRun) {
      out.deleted.push(t);
      continue;
    }
    try {
      await deleteDeployToken(client, 'projects', projectId, t.id);
      out.deleted.push(t);
    } catch (e) {
      out.failed.push({ token: t, why: (e as { message?: string }).message ?? String(e) });
    }
  }
  return out;
}
