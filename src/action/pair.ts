/**
 * The action's settings in its own words, and the deploy token's username and password given as
 * inputs (as docker/login-action takes them). Without input `gitlab-token` the pair is used as it
 * is, with no API call at all: no API token is looked for anywhere else, and one warning says what
 * could not be checked. With it, the pair is verified as the job environment's would be.
 */
import type { FlowResult } from '../app/flow.js';
import type { CommonFlags, SettingNames } from '../app/options.js';
import type { Env } from '../core/env.js';
import { API_TOKEN_VARIABLES } from '../core/secret-shape.js';
import type { Resolution } from '../resolve/types.js';
import type { Spec } from '../spec/types.js';
import type { ActionInputs } from './inputs.js';

/** How the action names its settings in messages: its inputs (action.yml). */
export const INPUT_NAMES: SettingNames = {
  gitlabUrl: 'input gitlab-url',
  project: 'input project',
  spec: 'input spec',
  job: 'input job',
  apiTokenEnv: 'input gitlab-token',
  apiToken: 'input gitlab-token',
  minDaysLeft: 'input min-days-left',
  ref: 'input ref',
};

/** The settings the inputs stand for (the post step reads the same inputs to find the instance). */
export function flagsOf(inputs: ActionInputs): CommonFlags {
  return {
    ...(inputs.gitlabUrl ? { gitlabUrl: inputs.gitlabUrl } : {}),
    ...(inputs.project ? { project: inputs.project } : {}),
    ...(inputs.spec ? { spec: inputs.spec } : {}),
    ...(inputs.job ? { job: inputs.job } : {}),
    ...(inputs.minDaysLeft ? { minDaysLeft: inputs.minDaysLeft } : {}),
    ...(inputs.gitlabToken ? { apiToken: inputs.gitlabToken } : {}),
    ...(inputs.ref ? { ref: inputs.ref } : {}),
  };
}

/** Whether the run uses input username / password without an API token (no API call). */
export function unverifiedPair(inputs: ActionInputs): boolean {
  return inputs.password !== undefined && !inputs.gitlabToken;
}

/**
 * The environment the flow reads: the pair as CI_DEPLOY_USER / CI_DEPLOY_PASSWORD when given; without
 * input gitlab-token, also without the variables an API token would otherwise be taken from.
 */
export async function pairEnv(
  inputs: ActionInputs,
  env: Env,
  spec: () => Promise<Spec | undefined>,
): Promise<Env> {
  if (inputs.password === undefined || inputs.username === undefined) return env;
  const pair = { CI_DEPLOY_USER: inputs.username, CI_DEPLOY_PASSWORD: inputs.password };
  if (!unverifiedPair(inputs)) return { ...env, ...pair };
  const named = (await spec())?.gitlab?.api_token_env;
  const drop = new Set([...API_TOKEN_VARIABLES, ...(named ? [named] : [])]);
  return { ...Object.fromEntries(Object.entries(env).filter(([k]) => !drop.has(k))), ...pair };
}

export const UNCHECKED =
  'input username and password are used as given, without any call to GitLab: not checked are that GitLab would give a job this pair (a gitlab-deploy-token of the project or its parent group), when it expires, and its scopes — fix: add input gitlab-token (read_api, Maintainer on the project) to check them';

/** The resolution in the action's words: the pair's source is the inputs; one warning when unchecked. */
export function withPairSources(flow: FlowResult, inputs: ActionInputs): FlowResult {
  if (inputs.password === undefined) return flow;
  const r = flow.resolution;
  const sources: Resolution['sources'] = { ...r.sources };
  if (sources.CI_DEPLOY_USER?.kind === 'job-environment')
    sources.CI_DEPLOY_USER = { ...sources.CI_DEPLOY_USER, detail: 'input username' };
  if (sources.CI_DEPLOY_PASSWORD?.kind === 'job-environment')
    sources.CI_DEPLOY_PASSWORD = { ...sources.CI_DEPLOY_PASSWORD, detail: 'input password' };
  const resolution: Resolution = { ...r, sources };
  if (unverifiedPair(inputs) && r.rule === 'unverified-environment') {
    resolution.ruleText = 'input username / password, used as given (not checked against GitLab)';
    resolution.warnings = [
      ...r.warnings.filter((w) => w.code !== 'unverified'),
      { code: 'unverified', message: UNCHECKED },
    ];
  }
  return { ...flow, resolution };
}
