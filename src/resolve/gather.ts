/**
 * Gathers what the resolver decides from: the GitLab API (concurrently, in as few sequential rounds as
 * possible) and the job environment. All I/O of resolution lives here; the decision is pure.
 *
 * Rounds: (1) the version, the project, the project's deploy tokens (one unfiltered listing: activity
 * is computed locally, docs/gitlab-rules.md "Active"), the project's CI/CD variables (the list, every
 * scope) and, for a ref to check, its protected branches or tags; (2) the remaining pages of those
 * (fetched together) and, once the namespace is known, every group's tokens and variables.
 */
import { readFileSync, statSync } from 'node:fs';
import { GitLabApiError, UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import {
  getProject,
  getVersion,
  listDeployTokens,
  listProtectedRefs,
  listVariables,
  type Level,
} from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import { effectiveVariable, unreadVariables, type VariableKey } from './precedence.js';
import { parseRef, protectedBy } from './refs.js';
import type {
  GroupTokens,
  JobEnv,
  JobNeeds,
  LevelVariables,
  RefProtection,
  ResolveInput,
  VariableLevels,
} from './types.js';
import { parseGitLabVersion } from '../gitlab/version.js';

export interface GatherOptions {
  /** undefined when no API token is available: resolution falls back to the job environment. */
  client?: GitLabClient;
  project?: string | number;
  env: Env;
  now: Date;
  environment?: string;
  /** `--ref NAME`: the branch or tag whose protection decides which protected variables a job gets. */
  ref?: string;
  fallback?: { usernameEnv?: string; passwordEnv?: string };
  job?: JobNeeds;
  minDaysLeft: number;
  /** Reads a file variable's file (injected in tests); default: the file system. */
  readFile?: (path: string) => string | undefined;
}

/** 4xx from GitLab: a level we may not read (unknown, not absent); anything else is thrown. */
function refused(e: unknown): string | undefined {
  if (e instanceof GitLabApiError && e.status !== undefined && e.status < 500) {
    return `${e.status}${e.status === 403 ? ': needs the Maintainer role (Owner for group variables)' : ''}`;
  }
  return undefined;
}

async function levelVariables(
  client: GitLabClient,
  level: Level,
  id: string | number,
  path: string,
): Promise<LevelVariables> {
  const kind = level === 'projects' ? 'project' : 'group';
  try {
    return { level: kind, path, variables: await listVariables(client, level, id) };
  } catch (e) {
    const why = refused(e);
    if (why === undefined) throw e;
    return { level: kind, path, why: `${kind} variables cannot be read (${why})` };
  }
}

async function groupTokens(client: GitLabClient, path: string, id?: number): Promise<GroupTokens> {
  try {
    const tokens = await listDeployTokens(client, 'groups', id ?? path);
    return id === undefined ? { path, tokens } : { path, id, tokens };
  } catch (e) {
    const why = refused(e);
    if (why === undefined) throw e;
    return { path, why };
  }
}

/**
 * Whether the job's ref is protected: in a job CI_COMMIT_REF_PROTECTED says; otherwise the ref
 * (`--ref`, default $CI_COMMIT_REF_NAME) is matched against the protected branches or tags.
 */
export function refToCheck(
  env: Env,
  flag: string | undefined,
): RefProtection | { ask: { name: string; kind: 'branch' | 'tag' } } {
  const jobState = env.CI_COMMIT_REF_PROTECTED;
  const jobKnows = jobState === 'true' || jobState === 'false';
  if (jobKnows && (flag === undefined || flag === env.CI_COMMIT_REF_NAME)) {
    return {
      state: jobState === 'true' ? 'protected' : 'unprotected',
      ...(env.CI_COMMIT_REF_NAME ? { ref: env.CI_COMMIT_REF_NAME } : {}),
      source: 'CI_COMMIT_REF_PROTECTED',
    };
  }
  const raw = flag ?? env.CI_COMMIT_REF_NAME;
  if (raw === undefined || raw === '')
    return { state: 'unknown', source: 'no ref given (--ref NAME, default $CI_COMMIT_REF_NAME)' };
  return { ask: parseRef(raw, env.CI_COMMIT_TAG) };
}

async function protection(
  client: GitLabClient,
  project: string | number,
  ask: { name: string; kind: 'branch' | 'tag' },
): Promise<RefProtection> {
  const source = `protected ${ask.kind === 'tag' ? 'tags' : 'branches'} API`;
  try {
    const refs = await listProtectedRefs(client, project, ask.kind === 'tag' ? 'tags' : 'branches');
    const by = protectedBy(
      refs.map((r) => r.name),
      ask.name,
    );
    return {
      state: by === undefined ? 'unprotected' : 'protected',
      ref: ask.name,
      source: by === undefined || by === ask.name ? source : `${source} (wildcard ${by})`,
    };
  } catch (e) {
    const why = refused(e);
    if (why === undefined) throw e;
    return { state: 'unknown', ref: ask.name, source, why };
  }
}

function readJobEnv(env: Env): JobEnv {
  const jobEnv: JobEnv = {};
  if (env.CI_DEPLOY_USER) jobEnv.user = env.CI_DEPLOY_USER;
  if (env.CI_DEPLOY_PASSWORD) jobEnv.password = env.CI_DEPLOY_PASSWORD;
  return jobEnv;
}

function defaultReadFile(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * A file-type variable reaches the job as the path of a file holding the value (GitLab runner): read
 * it. The API says which keys are files; without it, a path ending in the key's own name is one.
 */
export function readFileVariables(input: ResolveInput, readFile: (p: string) => string | undefined): void {
  const keys: [VariableKey, 'user' | 'password'][] = [
    ['CI_DEPLOY_USER', 'user'],
    ['CI_DEPLOY_PASSWORD', 'password'],
  ];
  for (const [key, field] of keys) {
    const value = input.jobEnv[field];
    if (value === undefined || !value.startsWith('/')) continue;
    const fileByApi = [true, false].some((p) => {
      const e = effectiveVariable(input.variables, key, input.environment, p);
      return e.state === 'set' && e.variable.variable_type === 'file';
    });
    if (!fileByApi && !value.endsWith(`/${key}`)) continue;
    const content = readFile(value);
    if (content === undefined) continue;
    input.jobEnv[field] = content.replace(/\r?\n$/, '');
    input.jobEnv.fromFile = [...(input.jobEnv.fromFile ?? []), key];
  }
}

function fallbackOf(opts: GatherOptions): ResolveInput['fallback'] {
  const fb = opts.fallback;
  if (!fb) return undefined;
  const user = fb.usernameEnv ? opts.env[fb.usernameEnv] : undefined;
  const password = fb.passwordEnv ? opts.env[fb.passwordEnv] : undefined;
  return { ...fb, ...(user ? { user } : {}), ...(password ? { password } : {}) };
}

export async function gatherInput(opts: GatherOptions): Promise<ResolveInput> {
  const { env, now } = opts;
  const environment = opts.environment ?? env.CI_ENVIRONMENT_NAME ?? undefined;
  const fallback = fallbackOf(opts);
  const ref = refToCheck(env, opts.ref);
  const common: ResolveInput = {
    now,
    apiAvailable: false,
    inGitLabJob: env.GITLAB_CI === 'true',
    jobEnv: readJobEnv(env),
    minDaysLeft: opts.minDaysLeft,
    ancestors: [],
    variables: unreadVariables('no API token'),
    ...('state' in ref ? { ref } : {}),
    ...(fallback ? { fallback } : {}),
    ...(opts.job ? { job: opts.job } : {}),
    ...(environment ? { environment } : {}),
  };
  const input = opts.client ? await fromGitLab(opts.client, opts, common, ref) : common;
  readFileVariables(input, opts.readFile ?? defaultReadFile);
  return input;
}

async function fromGitLab(
  client: GitLabClient,
  opts: GatherOptions,
  common: ResolveInput,
  ref: ReturnType<typeof refToCheck>,
): Promise<ResolveInput> {
  if (opts.project === undefined || opts.project === '') {
    throw new UsageError(
      'no project given',
      'pass --project ID|PATH, set gitlab.project in the spec, or run where CI_PROJECT_ID / CI_PROJECT_PATH is set',
    );
  }
  const projectRef = opts.project;
  // Round 1: everything that needs only the project's id or path, together.
  const versionP = getVersion(client).then(
    (v) => {
      const parsed = parseGitLabVersion(v.version);
      return parsed
        ? { version: parsed }
        : { why: `unrecognised version string "${v.version.slice(0, 40)}"` };
    },
    (e: unknown) => {
      const why = refused(e);
      if (why === undefined) throw e;
      return { why };
    },
  );
  const tokensP = listDeployTokens(client, 'projects', projectRef);
  const projectVarsP = levelVariables(client, 'projects', projectRef, String(projectRef));
  const refP = 'ask' in ref ? protection(client, projectRef, ref.ask) : Promise.resolve(ref);
  // All are awaited below; if the project lookup fails first, their rejections must not go unhandled.
  for (const p of [versionP, tokensP, projectVarsP, refP]) p.catch(() => undefined);
  const project = await getProject(client, projectRef);
  // Round 2: the groups, once the namespace is known.
  const ns = project.namespace;
  const groupPaths: string[] = [];
  if (ns.kind === 'group') {
    const parts = ns.full_path.split('/');
    for (let i = parts.length; i >= 1; i--) groupPaths.push(parts.slice(0, i).join('/'));
  }
  const groupsP = Promise.all(
    groupPaths.map((path, i) => groupTokens(client, path, i === 0 ? ns.id : undefined)),
  );
  const groupVarsP = Promise.all(
    groupPaths.map((path, i) => levelVariables(client, 'groups', i === 0 ? ns.id : path, path)),
  );
  const [v, projectTokens, projectVars, refState, groups, groupVars] = await Promise.all([
    versionP,
    tokensP,
    projectVarsP,
    refP,
    groupsP,
    groupVarsP,
  ]);
  const [parent, ...ancestors] = groups;
  const variables: VariableLevels = {
    project: { ...projectVars, path: project.path_with_namespace },
    groups: groupVars,
  };
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
    variables,
    ref: refState,
  };
}
