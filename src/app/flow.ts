/**
 * The resolution flow every surface shares: settings → gather (GitLab API, environment) → decide.
 * Surfaces (CLI, action) call this and only format or export what it returns.
 */
import type { Clock, Env } from '../core/env.js';
import type { Scrubber } from '../core/scrub.js';
import type { ClientDeps, GitLabClient } from '../gitlab/client.js';
import type { EphemeralRecord } from '../provision/ephemeral.js';
import { gatherInput, type GatherOptions } from '../resolve/gather.js';
import { resolveCredentials } from '../resolve/resolver.js';
import type { ResolveInput, Resolution } from '../resolve/types.js';
import type { Spec } from '../spec/types.js';
import { connect } from './connection.js';
import { resolveSettings, type CommonFlags, type SettingNames, type Settings } from './options.js';
import { runSpecs, type RunSpecs } from './spec.js';

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
  /** The run's spec reader (src/app/spec.ts), shared with what the surface read before the flow. */
  specs?: RunSpecs;
  /** How the surface names its settings in messages (default: the CLI's flags). */
  names?: SettingNames;
  /** Where a notice goes (the instance defaulted to https://gitlab.com, said before the token is sent). */
  notice?: (line: string) => void;
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

export async function runFlow(flags: CommonFlags, deps: FlowDeps): Promise<FlowResult> {
  const spec = await (deps.specs ?? runSpecs(deps.cwd))(flags.spec);
  const settings = resolveSettings(flags, deps.env, spec, deps.names);
  const { gitlab } = settings;
  deps.scrubber?.add(gitlab.apiToken);
  const client = gitlab.apiToken
    ? connect({ ...gitlab, apiToken: gitlab.apiToken }, deps, deps.notice ?? (() => undefined))
    : undefined;
  const found = {
    settings,
    ...(spec ? { spec } : {}),
    ...(client ? { client } : {}),
  };
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
      ...found,
      input: e.input,
      resolution: e.resolution,
      requestCount: client?.requestCount ?? 0,
      ...(e.record ? { ephemeral: { ...e.record, gitlabUrl: gitlab.url } } : {}),
    };
  }
  const input = await gatherInput(gatherRequest(settings, spec, client, deps));
  if (settings.lfs && !input.job) input.job = { name: '(command line)', scopes: [], lfs: true };
  const resolution = resolveCredentials(input);
  registerSecrets(deps.scrubber, input, resolution);
  return { ...found, input, resolution, requestCount: client?.requestCount ?? 0 };
}

/** What the resolver reads: the API (when there is a client), the job's environment, the spec's fallback. */
function gatherRequest(
  settings: Settings,
  spec: Spec | undefined,
  client: GitLabClient | undefined,
  deps: FlowDeps,
): GatherOptions {
  const fb = spec?.token?.fallback;
  const fallback =
    fb && (fb.username_env || fb.password_env)
      ? {
          ...(fb.username_env ? { usernameEnv: fb.username_env } : {}),
          ...(fb.password_env ? { passwordEnv: fb.password_env } : {}),
        }
      : undefined;
  const job = settings.job;
  return {
    ...(client ? { client } : {}),
    ...(settings.project ? { project: settings.project } : {}),
    env: deps.env,
    now: deps.now(),
    ...(settings.environment ? { environment: settings.environment } : {}),
    ...(settings.ref ? { ref: settings.ref } : {}),
    ...(fallback ? { fallback } : {}),
    ...(job
      ? {
          job: { name: job.name, scopes: job.scopes, lfs: job.lfs, dependencyProxy: job.dependencyProxy },
        }
      : {}),
    minDaysLeft: settings.minDaysLeft,
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
