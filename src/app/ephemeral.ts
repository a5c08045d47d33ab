/**
 * The ephemeral path of the flow (job spec `ephemeral: true`, action input `ephemeral`): instead of
 * finding the gitlab-deploy-token, create a token for this job (src/provision/ephemeral.ts) and hand
 * it on like a resolved one. `plan` mode creates nothing: it checks the permissions and says what
 * would be created.
 */
import { randomBytes } from 'node:crypto';
import { UsageError } from '../core/errors.js';
import { deleteDeployToken, getProject, listDeployTokens } from '../gitlab/api.js';
import type { EphemeralToken } from '../credentials/manifest.js';
import { isEphemeralName } from '../provision/ephemeral-name.js';
import { normalizeUrl } from './connection.js';
import type { GitLabClient } from '../gitlab/client.js';
import type { Project } from '../gitlab/types.js';
import {
  checkEphemeralScopes,
  createEphemeral,
  deleteEphemeral,
  nextMidnightUtc,
  type EphemeralRecord,
} from '../provision/ephemeral.js';
import { checkPermissions } from '../provision/permissions.js';
import { ruleTextFor } from '../resolve/messages.js';
import { unreadVariables } from '../resolve/precedence.js';
import type { Resolution, ResolveInput } from '../resolve/types.js';
import type { Settings } from './options.js';

export type EphemeralMode = 'create' | 'plan';

type EphemeralResult = { input: ResolveInput; resolution: Resolution; record?: EphemeralRecord };

/** What an ephemeral token needs before any request: an API client, the project, a job with scopes. */
function checkNeeds(settings: Settings, client: GitLabClient | undefined): asserts client is GitLabClient {
  if (!client) {
    throw new UsageError(
      `an ephemeral token is created through the API: put a token with the api scope in ${settings.gitlab.tokenSource}`,
      "the token's user must be Maintainer on the project",
    );
  }
  if (!settings.project) {
    throw new UsageError(
      'an ephemeral token needs the project',
      'pass --project ID|PATH (default $CI_PROJECT_ID)',
    );
  }
  if (!settings.job) {
    throw new UsageError(
      'an ephemeral token takes its scopes from a job of the spec',
      'pass --job NAME (the action: input job) naming a job with scopes',
    );
  }
  // The same checks in both modes, before any request: a dry run says what the real run would.
  checkEphemeralScopes(settings.job.scopes, settings.job.dependencyProxy);
}

/** The resolver's input for an ephemeral job: the project only (no variables are read). */
function ephemeralInput(
  project: Project,
  job: NonNullable<Settings['job']>,
  now: Date,
  minDaysLeft: number,
): ResolveInput {
  return {
    now,
    apiAvailable: true,
    project: {
      id: project.id,
      path: project.path_with_namespace,
      namespaceKind: project.namespace.kind,
      namespacePath: project.namespace.full_path,
      ...(project.container_registry_image_prefix
        ? { registryImagePrefix: project.container_registry_image_prefix }
        : {}),
    },
    ancestors: [],
    jobEnv: {},
    variables: unreadVariables('not read: ephemeral'),
    job: { name: job.name, scopes: job.scopes, lfs: job.lfs },
    minDaysLeft,
  };
}

const BASE = () => ({
  rule: 'ephemeral-token' as const,
  ruleText: ruleTextFor('ephemeral-token', undefined),
  considered: [],
});

/** `plan` mode: the permissions checked, what would be created said; nothing created. */
async function planEphemeral(
  client: GitLabClient,
  project: Project,
  scopes: readonly string[],
  now: Date,
): Promise<Resolution> {
  const report = await checkPermissions(client, {
    project,
    purpose: 'create and delete an ephemeral project deploy token',
  });
  if (!report.ok) {
    return {
      ...BASE(),
      ok: false,
      exitCode: 1,
      sources: {},
      warnings: [],
      reason: `an ephemeral token could not be created: ${report.problems.join('; ')}`,
      fix: 'use an API token with the api scope whose user is Maintainer on the project',
    };
  }
  return {
    ...BASE(),
    ok: true,
    exitCode: 0,
    ruleText: `ephemeral: a project deploy token on ${project.path_with_namespace} would be created with scopes ${scopes.join(', ')}, expiring ${nextMidnightUtc(now).toISOString()}, and deleted when the job ends`,
    sources: {},
    warnings: [],
  };
}

/** `create` mode: the token made, handed on like a resolved one, with the record to delete it by. */
async function createForJob(
  client: GitLabClient,
  project: Project,
  scopes: readonly string[],
  now: Date,
  random: () => string,
): Promise<{ resolution: Resolution; record: EphemeralRecord }> {
  const made = await createEphemeral(client, project, scopes, '', now, random);
  const t = made.token;
  const source = { kind: 'token' as const, detail: `ephemeral deploy token #${t.id} (created for this job)` };
  return {
    record: made.record,
    resolution: {
      ...BASE(),
      ok: true,
      exitCode: 0,
      token: {
        id: t.id,
        name: t.name,
        username: t.username,
        scopes: t.scopes,
        expiresAt: t.expires_at,
        level: 'project',
        owner: project.path_with_namespace,
      },
      credentials: { username: t.username, password: t.token },
      sources: { CI_DEPLOY_USER: source, CI_DEPLOY_PASSWORD: source },
      warnings: made.warnings.map((message) => ({ code: 'ephemeral-expiry' as const, message })),
    },
  };
}

export async function ephemeralFlow(
  settings: Settings,
  client: GitLabClient | undefined,
  now: Date,
  mode: EphemeralMode,
  random: () => string = () => randomBytes(6).toString('hex'),
): Promise<EphemeralResult> {
  checkNeeds(settings, client);
  const job = settings.job as NonNullable<Settings['job']>;
  const project = await getProject(client, settings.project as string);
  const input = ephemeralInput(project, job, now, settings.minDaysLeft);
  if (mode === 'plan') return { input, resolution: await planEphemeral(client, project, job.scopes, now) };
  return { input, ...(await createForJob(client, project, job.scopes, now, random)) };
}

/**
 * Delete the flow's ephemeral token, if it made one; never throws. Returns the line to print
 * (a warning when it failed: the token then expires at midnight, and `cleanup --ephemeral` deletes it
 * once older than --ephemeral-older-than or expired).
 */
export async function discardEphemeral(flow: {
  ephemeral?: EphemeralRecord;
  client?: GitLabClient;
}): Promise<{ ok: boolean; line: string } | undefined> {
  const r = flow.ephemeral;
  if (!r) return undefined;
  if (!flow.client)
    return { ok: false, line: `could not delete ephemeral token #${r.tokenId}: no API client` };
  try {
    const res = await deleteEphemeral(flow.client, r);
    return {
      ok: true,
      line: `ephemeral token #${r.tokenId} ${res === 'deleted' ? 'deleted' : 'was already gone'}`,
    };
  } catch (e) {
    return {
      ok: false,
      line: `could not delete ephemeral token #${r.tokenId} (${(e as { message?: string }).message ?? String(e)}); it expires at 00:00 UTC; \`deploy-token cleanup --ephemeral\` deletes it once it is older than --ephemeral-older-than (default 6h) or has expired at midnight`,
    };
  }
}

/**
 * Why a recorded ephemeral token must not be deleted by whoever cleans up after its run, or
 * undefined when it may: it must be a project token on `instance` (the one the action's inputs or
 * the CLI's settings name, never one the record names), with an ephemeral name that carries the
 * stamp of the run's marker (`stamp`, src/credentials/manifest.ts markerStamp).
 */
export function recordedTokenProblem(t: EphemeralToken, stamp: string, instance: string): string | undefined {
  let recorded: string | undefined;
  try {
    recorded = t.gitlabUrl === undefined ? undefined : normalizeUrl(t.gitlabUrl, 'the recorded instance');
  } catch {
    recorded = undefined;
  }
  if (recorded !== instance)
    return `it was recorded for ${recorded ?? 'an unknown instance'}, not for ${instance}, where the API token goes; pass --gitlab-url ${recorded ?? 'URL'} to delete it there`;
  if (t.level !== 'project') return 'ephemeral tokens are project tokens';
  if (!t.name || !isEphemeralName(t.name) || !t.name.endsWith(`-${stamp}`))
    return `its name ${t.name ?? '(none)'} is not the one this run gave it`;
  return undefined;
}

/**
 * Deletes a recorded token only when GitLab's token of that id still has the recorded name: a
 * record naming another token's id deletes nothing. Throws when the names differ.
 */
export async function deleteRecordedToken(
  client: GitLabClient,
  t: EphemeralToken & { name: string },
): Promise<'deleted' | 'gone'> {
  const level = t.level === 'group' ? 'groups' : 'projects';
  const found = (await listDeployTokens(client, level, t.id)).find((x) => x.id === t.tokenId);
  if (!found) return 'gone';
  if (found.name !== t.name) {
    throw new UsageError(
      `deploy token #${t.tokenId} is named ${found.name} on GitLab, not ${t.name} as recorded: not deleted`,
      'the record does not describe a token this run made; delete tokens by hand in Settings > Repository',
    );
  }
  return deleteDeployToken(client, level, t.id, t.tokenId);
}
