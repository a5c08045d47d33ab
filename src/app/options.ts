/**
 * Settings every command shares, resolved in one place: flag (the action: input), then spec, then
 * the CI environment, then the default. The GitLab connection is src/app/connection.ts's.
 */
import { UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import type { Scope } from '../gitlab/scopes.js';
import { DEFAULT_SPEC, type JobSpec, type Spec } from '../spec/types.js';
import { gitlabConnection, type Connection } from './connection.js';

export interface CommonFlags {
  gitlabUrl?: string;
  project?: string;
  spec?: string;
  job?: string;
  apiTokenEnv?: string;
  /** The API token itself: the action's input `gitlab-token` (the CLI never takes one as a flag). */
  apiToken?: string;
  environment?: string;
  minDaysLeft?: string | number;
  lfs?: boolean;
  /** The branch or tag whose protection decides which protected variables a job gets (default $CI_COMMIT_REF_NAME). */
  ref?: string;
}

/** How a surface names each setting in its messages: the CLI's flags, the action's inputs. */
export type SettingNames = Record<Exclude<keyof CommonFlags, 'lfs' | 'environment'>, string>;

export const FLAG_NAMES: SettingNames = {
  gitlabUrl: '--gitlab-url',
  project: '--project',
  spec: '--spec',
  job: '--job',
  apiTokenEnv: '--api-token-env',
  apiToken: 'the API token',
  minDaysLeft: '--min-days-left',
  ref: '--ref',
};

export interface Settings {
  gitlab: Connection;
  project?: string;
  environment?: string;
  minDaysLeft: number;
  job?: { name: string; spec: JobSpec; scopes: Scope[]; lfs: boolean; dependencyProxy: boolean };
  lfs: boolean;
  ref?: string;
}

export function resolveSettings(
  flags: CommonFlags,
  env: Env,
  spec?: Spec,
  names: SettingNames = FLAG_NAMES,
): Settings {
  const gitlab = gitlabConnection(
    {
      url: { value: flags.gitlabUrl, source: names.gitlabUrl },
      tokenEnv: { value: flags.apiTokenEnv, source: names.apiTokenEnv },
      token: { value: flags.apiToken, source: names.apiToken },
      spec: spec ?? {},
    },
    env,
  );
  const project = projectOf(flags, env, spec, names);
  const environment = flags.environment ?? spec?.gitlab?.environment ?? env.CI_ENVIRONMENT_NAME ?? undefined;
  const job = flags.job === undefined ? undefined : jobOf(flags, flags.job, spec, names);
  const s: Settings = {
    gitlab,
    minDaysLeft: minDaysLeftOf(flags, spec, names),
    lfs: flags.lfs === true || job?.lfs === true,
  };
  if (project) s.project = project;
  if (environment) s.environment = environment;
  if (job) s.job = job;
  if (flags.ref !== undefined) {
    if (flags.ref.trim() === '')
      throw new UsageError(
        `${names.ref} needs a branch or tag name`,
        'e.g. --ref main, or --ref refs/tags/v1.2',
      );
    s.ref = flags.ref;
  }
  return s;
}

/** The project: the flag, the spec's `gitlab.project`, then $CI_PROJECT_ID, $CI_PROJECT_PATH. */
function projectOf(flags: CommonFlags, env: Env, spec: Spec | undefined, names: SettingNames) {
  const specProject = spec?.gitlab?.project;
  const project =
    flags.project ??
    (specProject === undefined ? undefined : String(specProject)) ??
    env.CI_PROJECT_ID ??
    env.CI_PROJECT_PATH;
  if (project !== undefined)
    checkProjectRef(project, flags.project !== undefined ? names.project : 'the project');
  return project;
}

function minDaysLeftOf(flags: CommonFlags, spec: Spec | undefined, names: SettingNames): number {
  const rawDays = flags.minDaysLeft ?? spec?.token?.min_days_left ?? 7;
  const minDaysLeft = typeof rawDays === 'number' ? rawDays : Number(rawDays);
  if (!Number.isFinite(minDaysLeft) || minDaysLeft < 0 || !/^\d+(\.\d+)?$/.test(String(rawDays))) {
    throw new UsageError(
      `${flags.minDaysLeft !== undefined ? names.minDaysLeft : 'spec token.min_days_left'} must be a number of days, not "${String(rawDays).slice(0, 40)}"`,
      'e.g. --min-days-left 14',
    );
  }
  return minDaysLeft;
}

/** The job `name` of the spec, or a usage error (no spec, no such job). */
export function jobSpecOf(name: string, spec: Spec | undefined, names: SettingNames = FLAG_NAMES): JobSpec {
  const jobSpec = spec?.jobs[name];
  if (!spec)
    throw new UsageError(
      `${names.job} ${name} needs a spec`,
      `write ${DEFAULT_SPEC} or pass ${names.spec} FILE`,
    );
  if (!jobSpec) {
    throw new UsageError(
      `job "${name}" is not in the spec`,
      `choose one of: ${Object.keys(spec.jobs).join(', ') || '(none)'}`,
    );
  }
  return jobSpec;
}

function jobOf(flags: CommonFlags, name: string, spec: Spec | undefined, names: SettingNames) {
  const jobSpec = jobSpecOf(name, spec, names);
  // The dependency proxy's own rule (group token, a scope pair) is the resolver's: docs/gitlab-rules.md.
  return {
    name,
    spec: jobSpec,
    scopes: [...new Set<Scope>(jobSpec.scopes ?? [])],
    lfs: flags.lfs === true || jobSpec.lfs === true,
    dependencyProxy: jobSpec.dependency_proxy === true,
  };
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
