/**
 * Settings every command shares, resolved in one place: flag, then spec, then the CI environment,
 * then the default.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import type { JobSpec, Spec } from '../spec/types.js';
import type { Scope } from '../resolve/types.js';

export interface CommonFlags {
  gitlabUrl?: string;
  project?: string;
  spec?: string;
  job?: string;
  apiTokenEnv?: string;
  environment?: string;
  minDaysLeft?: string | number;
  lfs?: boolean;
  /** The branch or tag whose protection decides which protected variables a job gets (default $CI_COMMIT_REF_NAME). */
  ref?: string;
}

export interface Settings {
  gitlabUrl: string;
  project?: string;
  apiTokenEnv: string;
  apiToken?: string;
  environment?: string;
  minDaysLeft: number;
  job?: { name: string; spec: JobSpec; scopes: Scope[]; lfs: boolean; dependencyProxy: boolean };
  lfs: boolean;
  ref?: string;
}

export const DEFAULT_SPEC = 'deploy-token.yml';
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The spec path to load: `--spec`, else `deploy-token.yml` in cwd when it exists. */
export function specPath(flags: CommonFlags, cwd: string): string | undefined {
  if (flags.spec) return isAbsolute(flags.spec) ? flags.spec : join(cwd, flags.spec);
  const def = join(cwd, DEFAULT_SPEC);
  return existsSync(def) ? def : undefined;
}

/** A URL as it may be echoed: user-info (a password, a token) never is. */
export function withoutUserInfo(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/*)?[^/?#\s]*@/i, '$1***@').replace(/\/\/[^/?#\s]*@/g, '//***@');
}

export function normaliseUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(
      `--gitlab-url "${withoutUserInfo(raw).slice(0, 100)}" is not a URL`,
      'give the instance URL, e.g. https://gitlab.example.com',
    );
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new UsageError(
      `--gitlab-url must be http(s), not ${u.protocol}`,
      'give the instance URL, e.g. https://gitlab.example.com',
    );
  }
  if (u.username || u.password) {
    throw new UsageError(
      '--gitlab-url must not contain credentials',
      'put the API token in GITLAB_TOKEN instead',
    );
  }
  return `${u.origin}${u.pathname.replace(/\/+$/, '').replace(/\/api\/v4$/, '')}`;
}

export function resolveSettings(flags: CommonFlags, env: Env, spec?: Spec): Settings {
  const gitlabUrl = normaliseUrl(
    flags.gitlabUrl ?? spec?.gitlab?.url ?? env.CI_SERVER_URL ?? 'https://gitlab.com',
  );
  const specProject = spec?.gitlab?.project;
  const project =
    flags.project ??
    (specProject === undefined ? undefined : String(specProject)) ??
    env.CI_PROJECT_ID ??
    env.CI_PROJECT_PATH;
  if (project !== undefined)
    checkProjectRef(project, flags.project !== undefined ? '--project' : 'the project');
  const apiTokenEnv = flags.apiTokenEnv ?? spec?.gitlab?.api_token_env ?? 'GITLAB_TOKEN';
  if (!NAME_RE.test(apiTokenEnv)) {
    throw new UsageError(
      `--api-token-env "${apiTokenEnv.slice(0, 60)}" is not a variable name`,
      'name the environment variable that holds the API token, e.g. GITLAB_TOKEN',
    );
  }
  const apiToken = env[apiTokenEnv] || undefined;
  const environment = flags.environment ?? spec?.gitlab?.environment ?? env.CI_ENVIRONMENT_NAME ?? undefined;
  const rawDays = flags.minDaysLeft ?? spec?.token?.min_days_left ?? 7;
  const minDaysLeft = typeof rawDays === 'number' ? rawDays : Number(rawDays);
  if (!Number.isFinite(minDaysLeft) || minDaysLeft < 0 || !/^\d+(\.\d+)?$/.test(String(rawDays))) {
    throw new UsageError(
      `--min-days-left must be a number of days, not "${String(rawDays).slice(0, 40)}"`,
      'e.g. --min-days-left 14',
    );
  }
  let job: Settings['job'];
  if (flags.job !== undefined) {
    const jobSpec = spec?.jobs[flags.job];
    if (!spec)
      throw new UsageError(`--job ${flags.job} needs a spec`, `write ${DEFAULT_SPEC} or pass --spec FILE`);
    if (!jobSpec) {
      throw new UsageError(
        `job "${flags.job}" is not in the spec`,
        `choose one of: ${Object.keys(spec.jobs).join(', ') || '(none)'}`,
      );
    }
    // The dependency proxy's own rule (group token, a scope pair) is the resolver's: docs/gitlab-rules.md.
    job = {
      name: flags.job,
      spec: jobSpec,
      scopes: [...new Set<Scope>(jobSpec.scopes ?? [])],
      lfs: flags.lfs === true || jobSpec.lfs === true,
      dependencyProxy: jobSpec.dependency_proxy === true,
    };
  }
  const s: Settings = { gitlabUrl, apiTokenEnv, minDaysLeft, lfs: flags.lfs === true || job?.lfs === true };
  if (project) s.project = project;
  if (apiToken) s.apiToken = apiToken;
  if (environment) s.environment = environment;
  if (job) s.job = job;
  if (flags.ref !== undefined) {
    if (flags.ref.trim() === '')
      throw new UsageError('--ref needs a branch or tag name', 'e.g. --ref main, or --ref refs/tags/v1.2');
    s.ref = flags.ref;
  }
  return s;
}

/**
 * A project or group as the API takes it: an id, or a full path of real names. A `.` or `..`
 * segment would be resolved away by the URL parser (`..` is `/api/v4/deploy_tokens`, the whole
 * instance's tokens), an empty one is no path at all.
 */
export function checkProjectRef(value: string, source: string): string {
  const segments = value.split('/');
  if (value.trim() === '' || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new UsageError(
      `${source} "${value.slice(0, 80)}" is not a project or group: a path has no empty, "." or ".." segment`,
      'give the numeric id or the full path, e.g. tanuki/awesome_project',
    );
  }
  return value;
}
