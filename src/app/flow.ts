/**
 * The resolution flow every surface shares: settings → gather (GitLab API, environment) → decide.
 * Surfaces (CLI, action) call this and only format or export what it returns.
 */
import { UsageError } from '../core/errors.js';
import type { Clock, Env } from '../core/env.js';
import type { Scrubber } from '../core/scrub.js';
import { clientWith, type ClientDeps, type GitLabClient } from '../gitlab/client.js';
import type { EphemeralRecord } from '../provision/ephemeral.js';
import { gatherInput } from '../resolve/gather.js';
import { resolveCredentials } from '../resolve/resolver.js';
import type { ResolveInput, Resolution } from '../resolve/types.js';
import type { Spec } from '../spec/types.js';
import { resolveSettings, specPath, type CommonFlags, type Settings } from './options.js';

export interface FlowDeps {
  env: Env;
  cwd: string;
  now: Clock;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  onRequest?: ClientDeps['onRequest'];
  /**
   * Ephemeral tokens (job spec `ephemeral: true`, or `force` from the action input): `create` makes
   * one (resolve, exec, the action), `plan` only checks and explains (plan, dry runs). Without it, an
   * ephemeral job is only planned: nothing is created that the caller would not know to delete.
   */
  ephemeral?: { mode: 'create' | 'plan'; force?: boolean; random?: () => string };
  /** Timeouts and retry bounds for the API client (tests shorten them; users keep the defaults). */
  http?: ClientDeps['http'];
  /** The run's scrubber: every secret the flow meets is added to it before anything is printed. */
  scrubber?: Pick<Scrubber, 'add' | 'addIfNotUsername'>;
}

export interface FlowResult {
  settings: Settings;
  spec?: Spec;
  input: ResolveInput;
  resolution: Resolution;
  requestCount: number;
  /** The ephemeral token this flow created: the caller must delete it (or record it). */
  ephemeral?: EphemeralRecord;
  /** The API client, for deleting what was created. */
  client?: GitLabClient;
}

export async function loadSpecFor(flags: CommonFlags, cwd: string): Promise<Spec | undefined> {
  const path = specPath(flags, cwd);
  if (!path) return undefined;
  // The YAML parser and the validator load only when there is a spec to read.
  const { loadSpecFile } = await import('../spec/load.js');
  const { spec, findings } = await loadSpecFile(path);
  const errors = findings.filter((f) => f.severity === 'error');
  if (!spec || errors.length > 0) {
    const first = errors
      .slice(0, 5)
      .map((f) => `${f.file}:${f.line}:${f.col}: ${f.message} [${f.ruleId}]`)
      .join('\n  ');
    throw new UsageError(
      `the spec is invalid:\n  ${first}`,
      `run \`deploy-token validate ${path}\` for every finding`,
    );
  }
  return spec;
}

export async function runFlow(flags: CommonFlags, deps: FlowDeps): Promise<FlowResult> {
  const spec = await loadSpecFor(flags, deps.cwd);
  const settings = resolveSettings(flags, deps.env, spec);
  deps.scrubber?.add(settings.apiToken);
  const client = settings.apiToken ? clientWith(settings.gitlabUrl, settings.apiToken, deps) : undefined;
  if (settings.job?.spec.ephemeral === true || deps.ephemeral?.force === true) {
    const { ephemeralFlow } = await import('./ephemeral.js');
    const e = await ephemeralFlow(
      settings,
      client,
      deps.now(),
      deps.ephemeral?.mode ?? 'plan',
      deps.ephemeral?.random,
    );
    registerSecrets(deps.scrubber, e.input, e.resolution);
    return {
      settings,
      ...(spec ? { spec } : {}),
      input: e.input,
      resolution: e.resolution,
      requestCount: client?.requestCount ?? 0,
      ...(e.record ? { ephemeral: { ...e.record, gitlabUrl: settings.gitlabUrl } } : {}),
      ...(client ? { client } : {}),
    };
  }
  const fb = spec?.token?.fallback;
  const fallback =
    fb && (fb.username_env || fb.password_env)
      ? {
          ...(fb.username_env ? { usernameEnv: fb.username_env } : {}),
          ...(fb.password_env ? { passwordEnv: fb.password_env } : {}),
        }
      : undefined;
  const input = await gatherInput({
    ...(client ? { client } : {}),
    ...(settings.project ? { project: settings.project } : {}),
    env: deps.env,
    now: deps.now(),
    ...(settings.environment ? { environment: settings.environment } : {}),
    ...(settings.ref ? { ref: settings.ref } : {}),
    ...(fallback ? { fallback } : {}),
    ...(settings.job
      ? {
          job: {
            name: settings.job.name,
            scopes: settings.job.scopes,
            lfs: settings.job.lfs,
            dependencyProxy: settings.job.dependencyProxy,
          },
        }
      : {}),
    minDaysLeft: settings.minDaysLeft,
  });
  if (settings.lfs && !input.job) input.job = { name: '(command line)', scopes: [], lfs: true };
  const resolution = resolveCredentials(input);
  registerSecrets(deps.scrubber, input, resolution);
  return {
    settings,
    ...(spec ? { spec } : {}),
    input,
    resolution,
    requestCount: client?.requestCount ?? 0,
    ...(client ? { client } : {}),
  };
}

/**
 * Every value the flow found that is or may be a secret: passwords wherever they came from, and the
 * username fields when they look like a token (swapped CI_DEPLOY_USER / CI_DEPLOY_PASSWORD).
 */
function registerSecrets(scrubber: FlowDeps['scrubber'], input: ResolveInput, r: Resolution): void {
  if (!scrubber) return;
  for (const level of [input.variables.project, ...input.variables.groups]) {
    for (const v of level.variables ?? []) {
      if (v.key === 'CI_DEPLOY_PASSWORD') scrubber.add(v.value ?? undefined);
      if (v.key === 'CI_DEPLOY_USER') scrubber.addIfNotUsername(v.value ?? undefined);
    }
  }
  scrubber.add(input.jobEnv.password);
  scrubber.addIfNotUsername(input.jobEnv.user);
  scrubber.add(input.fallback?.password);
  scrubber.addIfNotUsername(input.fallback?.user);
  if (r.credentials) {
    scrubber.add(r.credentials.password, { username: r.credentials.username });
    scrubber.addIfNotUsername(r.credentials.username);
  }
}
