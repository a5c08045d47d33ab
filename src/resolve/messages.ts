/** The words resolution uses: token descriptions, rule sentences, where to change things. Never a value. */
import type { DeployToken } from '../gitlab/types.js';
import type { EffectiveSet, RuleId, Source, TokenLevel, TokenSummary } from './types.js';

export const SETTINGS_VARIABLES = 'Settings > CI/CD > Variables';
export const SETTINGS_TOKENS = 'Settings > Repository > Deploy tokens';

export function summarize(token: DeployToken, level: TokenLevel, owner: string): TokenSummary {
  return {
    id: token.id,
    name: token.name,
    username: token.username,
    scopes: [...token.scopes],
    expiresAt: token.expires_at === null ? null : new Date(token.expires_at).toISOString(),
    level,
    owner,
  };
}

export function describeToken(t: TokenSummary): string {
  return `${t.level} token #${t.id} "${t.name}" (${t.username}) of ${t.owner}`;
}

/** `project CI/CD variable CI_DEPLOY_USER of tanuki/app (environment scope *, protected)`. */
export function variableWords(key: string, e: EffectiveSet): string {
  const flags = [
    `environment scope ${e.variable.environment_scope ?? '*'}`,
    ...(e.variable.protected ? ['protected'] : []),
    ...(e.variable.hidden || e.variable.value === null ? ['hidden'] : []),
    ...(e.variable.variable_type === 'file' ? ['file'] : []),
  ];
  return `${e.level} CI/CD variable ${key} of ${e.path} (${flags.join(', ')})`;
}

export function variableSource(key: string, e: EffectiveSet): Source {
  return {
    kind: e.level === 'project' ? 'project-variable' : 'group-variable',
    detail: variableWords(key, e),
  };
}

export function envSource(key: string, fromFile: boolean): Source {
  return {
    kind: 'job-environment',
    detail: `job environment (${key}${fromFile ? ', a file variable: read from its file' : ''})`,
  };
}

export function tokenSource(t: TokenSummary): Source {
  return { kind: 'token', detail: `deploy token #${t.id}` };
}

export function ruleTextFor(rule: RuleId, version: string | undefined): string {
  const v = version ? `GitLab ${version}` : 'GitLab';
  switch (rule) {
    case 'project-token':
      return `${v}: the project's active gitlab-deploy-token becomes CI_DEPLOY_USER / CI_DEPLOY_PASSWORD (app/models/project.rb)`;
    case 'group-token':
      return `${v}: no project token, so the direct parent group's active gitlab-deploy-token is exposed (15.1+, MR !88696)`;
    case 'group-variables-fallback':
      return `${v}: group tokens reach jobs only through CI/CD variables CI_DEPLOY_USER / CI_DEPLOY_PASSWORD (the 15.0 workaround)`;
    case 'variables-override':
      return `${v}: CI/CD variables CI_DEPLOY_USER / CI_DEPLOY_PASSWORD override the generated ones (predefined variables rank lowest)`;
    case 'unverified-environment':
      return 'no API token: CI_DEPLOY_USER / CI_DEPLOY_PASSWORD taken from the environment as they are, unverified';
    case 'ephemeral-token':
      return 'ephemeral: a project deploy token made for this job alone, with just its scopes, expiring at the next 00:00 UTC and deleted when the job ends (never named gitlab-deploy-token)';
    case 'none':
      return `${v}: no credentials`;
  }
}

/** Where a project's token named gitlab-deploy-token must live to reach its jobs. */
export function noTokenFix(
  project: { path: string; namespaceKind: string; namespacePath: string } | undefined,
): string {
  const parent =
    project?.namespaceKind === 'group' ? ` or its direct parent group ${project.namespacePath}` : '';
  return `create a deploy token named exactly gitlab-deploy-token on ${project?.path ?? 'the project'}${parent} (${SETTINGS_TOKENS}), with the scopes the job needs`;
}

/** The sources GitLab gives a job that the API cannot show (docs/gitlab-rules.md, "Invisible sources"). */
export function invisibleSources(over: 'token' | 'variables'): string {
  return over === 'token'
    ? 'instance CI/CD variables, .gitlab-ci.yml variables:, dotenv reports, and pipeline, schedule or manual-job variables'
    : 'pipeline, schedule or manual-job variables';
}
