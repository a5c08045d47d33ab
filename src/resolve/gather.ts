/**
 * Gathers what the resolver decides from: the GitLab API (concurrently, in as few sequential round
 * trips as possible) and the job environment. All I/O of resolution lives here.
 *
 * Round trips: (1) version, project, the project's active tokens; (2) the project's remaining pages
 * and, once the project's namespace is known, every group's tokens (unfiltered: groups hold few, and
 * the plan must explain an expired or revoked gitlab-deploy-token) and CI/CD variables; (3) for the
 * project, an unfiltered listing only where the active one has no gitlab-deploy-token, so the plan
 * can say why (expired at…, revoked) — GITLAB_FACTS §3.
 */
import { GitLabApiError, UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import { getProject, getVersion, listDeployTokens, type Level } from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import type { DeployToken } from '../gitlab/types.js';
import { isActive, isSpecial } from './activity.js';
import { UNKNOWN_PAIR, type GroupTokens, type ResolveInput, type Scope, type VariablePair } from './types.js';
import { lookupPair } from './variables.js';
import { parseGitLabVersion } from './version.js';

export interface GatherOptions {
  /** undefined when no API token is available: resolution falls back to the job environment. */
  client?: GitLabClient;
  project?: string | number;
  env: Env;
  now: Date;
  environment?: string;
  fallback?: { usernameEnv?: string; passwordEnv?: string };
  job?: { name: string; scopes: Scope[]; lfs: boolean };
  minDaysLeft: number;
}

/** Active tokens first; when none is an active gitlab-deploy-token, everything, to explain why. */
async function tokensOf(
  client: GitLabClient,
  level: Level,
  id: string | number,
  now: Date,
  first?: Promise<DeployToken[]>,
): Promise<DeployToken[]> {
  // Filter client-side as well: an old server may ignore `active=true`.
  const active = (await (first ?? listDeployTokens(client, level, id, { active: true }))).filter((t) =>
    isActive(t, now),
  );
  if (active.some(isSpecial)) return active;
  return listDeployTokens(client, level, id);
}

function why(e: unknown): string {
  if (e instanceof GitLabApiError && e.status !== undefined) {
    return `${e.status}${e.status === 403 ? ': needs the Maintainer role' : ''}`;
  }
  return e instanceof Error ? e.message : String(e);
}

async function groupTokens(client: GitLabClient, path: string, now: Date, id?: number): Promise<GroupTokens> {
  try {
    // One unfiltered listing: a group holds few tokens, and when none is an active
    // gitlab-deploy-token the plan needs them all to say why, which would cost a second request.
    const tokens = await listDeployTokens(client, 'groups', id ?? path);
    return id === undefined ? { path, tokens } : { path, id, tokens };
  } catch (e) {
    // Access to a group's tokens needs Maintainer there; without it we can only say so.
    if (e instanceof GitLabApiError && e.status !== undefined && e.status < 500) return { path, why: why(e) };
    throw e;
  }
}

/** The nearest group whose CI/CD variables set the key wins, as in GitLab's inheritance. */
function nearestSet(pairs: VariablePair[]): VariablePair {
  const pick = (k: 'user' | 'password') =>
    pairs.map((p) => p[k]).find((l) => l.state === 'set') ??
    pairs.map((p) => p[k]).find((l) => l.state === 'unknown') ?? { state: 'unset' as const };
  return { user: pick('user'), password: pick('password') };
}

export async function gatherInput(opts: GatherOptions): Promise<ResolveInput> {
  const { env, now } = opts;
  const environment = opts.environment ?? env.CI_ENVIRONMENT_NAME ?? undefined;
  const jobEnv: ResolveInput['jobEnv'] = {};
  if (env.CI_DEPLOY_USER) jobEnv.user = env.CI_DEPLOY_USER;
  if (env.CI_DEPLOY_PASSWORD) jobEnv.password = env.CI_DEPLOY_PASSWORD;
  const fallback: ResolveInput['fallback'] = opts.fallback && {
    ...opts.fallback,
    ...(opts.fallback.usernameEnv && env[opts.fallback.usernameEnv]
      ? { user: env[opts.fallback.usernameEnv] }
      : {}),
    ...(opts.fallback.passwordEnv && env[opts.fallback.passwordEnv]
      ? { password: env[opts.fallback.passwordEnv] }
      : {}),
  };
  const common = {
    now,
    jobEnv,
    minDaysLeft: opts.minDaysLeft,
    ancestors: [] as GroupTokens[],
    ...(fallback ? { fallback } : {}),
    ...(opts.job ? { job: opts.job } : {}),
    ...(environment ? { environment } : {}),
  };
  const client = opts.client;
  if (!client) {
    return {
      ...common,
      apiAvailable: false,
      variables: { project: UNKNOWN_PAIR('no API token'), group: UNKNOWN_PAIR('no API token') },
    };
  }
  if (opts.project === undefined || opts.project === '') {
    throw new UsageError(
      'no project given',
      'pass --project ID|PATH, set gitlab.project in the spec, or run where CI_PROJECT_ID / CI_PROJECT_PATH is set',
    );
  }
  const projectRef = opts.project;

  const versionP = getVersion(client).then(
    (v) => {
      const parsed = parseGitLabVersion(v.version);
      return parsed
        ? { version: parsed }
        : { why: `unrecognised version string "${v.version.slice(0, 40)}"` };
    },
    (e: unknown) => {
      if (e instanceof GitLabApiError && e.status !== undefined && e.status < 500) return { why: why(e) };
      throw e;
    },
  );
  const firstPage = listDeployTokens(client, 'projects', projectRef, { active: true });
  // Both are awaited below; if the project lookup fails first, their rejections must not go unhandled.
  versionP.catch(() => undefined);
  firstPage.catch(() => undefined);
  const project = await getProject(client, projectRef);

  const projectTokensP = tokensOf(client, 'projects', project.id, now, firstPage);
  const projectVarsP = lookupPair(client, 'projects', project.id, environment);

  const ns = project.namespace;
  const groupPaths: string[] = [];
  if (ns.kind === 'group') {
    const parts = ns.full_path.split('/');
    for (let i = parts.length; i >= 1; i--) groupPaths.push(parts.slice(0, i).join('/'));
  }
  const groupsP = Promise.all(
    groupPaths.map((path, i) => groupTokens(client, path, now, i === 0 ? ns.id : undefined)),
  );
  const groupVarsP = Promise.all(
    groupPaths.map((path, i) =>
      lookupPair(client, 'groups', i === 0 ? ns.id : path, environment).catch((e: unknown) => {
        if (e instanceof GitLabApiError && e.status !== undefined && e.status < 500)
          return UNKNOWN_PAIR(why(e));
        throw e;
      }),
    ),
  );

  const [v, projectTokens, projectVars, groups, groupVars] = await Promise.all([
    versionP,
    projectTokensP,
    projectVarsP,
    groupsP,
    groupVarsP,
  ]);
  const [parent, ...ancestors] = groups;
  return {
    ...common,
    apiAvailable: true,
    ...('version' in v ? { version: v.version } : { versionWhy: v.why }),
    project: {
      id: project.id,
      path: project.path_with_namespace,
      namespaceKind: ns.kind,
      namespacePath: ns.full_path,
      ...(project.container_registry_image_prefix
        ? { registryImagePrefix: project.container_registry_image_prefix }
        : {}),
    },
    projectTokens,
    ...(parent ? { group: parent } : {}),
    ancestors,
    variables: {
      project: projectVars,
      group:
        groupVars.length > 0
          ? nearestSet(groupVars)
          : { user: { state: 'unset' }, password: { state: 'unset' } },
    },
  };
}
