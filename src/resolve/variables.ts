/**
 * Reading CI_DEPLOY_USER / CI_DEPLOY_PASSWORD through the CI/CD variables API, as a job in a given
 * environment would see them (GITLAB_FACTS §4).
 *
 * One key may exist in several environment scopes; then `GET .../variables/:key` answers 409
 * ("There are multiple variables with provided parameters. Please use 'filter[environment_scope]'").
 * GitLab's precedence for a job in environment E (app/models/concerns/has_environment_scope.rb,
 * `on_environment`): a scope equal to E beats a wildcard pattern matching E, which beats `*`. A job
 * without an environment sees only `*`.
 */
import { GitLabApiError } from '../core/errors.js';
import { getVariable, listVariables, type Level } from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import type { CiVariable } from '../gitlab/types.js';
import type { VariableLookup, VariablePair } from './types.js';

/** GitLab's scope glob: `*` matches any run of characters (Gitlab::SQL::Glob). */
export function scopeMatches(scope: string, environment: string | undefined): boolean {
  if (scope === '*') return true;
  if (environment === undefined) return false;
  if (!scope.includes('*')) return scope === environment;
  const re = new RegExp(`^${scope.split('*').map(escapeRe).join('.*')}$`);
  return re.test(environment);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 2 exact, 1 other matching pattern, 0 `*` (the CASE in `on_environment`). */
function rank(scope: string, environment: string | undefined): number {
  if (environment !== undefined && scope === environment) return 2;
  return scope === '*' ? 0 : 1;
}

/** Choose among variables with one key the one a job in `environment` gets, or undefined. */
export function pickForEnvironment(
  vars: CiVariable[],
  environment: string | undefined,
): { variable?: CiVariable; note?: string } {
  const matching = vars.filter((v) => scopeMatches(v.environment_scope ?? '*', environment));
  if (matching.length === 0) return {};
  matching.sort(
    (a, b) => rank(b.environment_scope ?? '*', environment) - rank(a.environment_scope ?? '*', environment),
  );
  const [best, second] = matching;
  if (!best) return {};
  const bestRank = rank(best.environment_scope ?? '*', environment);
  const note =
    matching.length > 1
      ? `${matching.length} scopes match${environment ? ` environment ${environment}` : ''} (${matching
          .map((v) => v.environment_scope ?? '*')
          .join(', ')}); GitLab uses ${best.environment_scope ?? '*'}${
          second && rank(second.environment_scope ?? '*', environment) === bestRank
            ? " (several equally specific patterns: GitLab's choice among them is unspecified)"
            : ''
        }`
      : undefined;
  return note ? { variable: best, note } : { variable: best };
}

function toLookup(v: CiVariable | undefined, note?: string): VariableLookup {
  if (!v) return { state: 'unset' };
  const lookup: VariableLookup = {
    state: 'set',
    value: v.hidden ? null : v.value,
    hidden: v.hidden === true || v.value === null,
    masked: v.masked === true,
    protected: v.protected === true,
    environmentScope: v.environment_scope ?? '*',
  };
  if (note) lookup.note = note;
  return lookup;
}

/** Look up one key at one level, following the 409 answer to the variable the environment gets. */
export async function lookupVariable(
  client: GitLabClient,
  level: Level,
  id: string | number,
  key: string,
  environment: string | undefined,
): Promise<VariableLookup> {
  try {
    const v = await getVariable(client, level, id, key);
    return toLookup(scopeMatches(v.environment_scope ?? '*', environment) ? v : undefined);
  } catch (e) {
    if (!(e instanceof GitLabApiError)) throw e;
    if (e.status === 404) return { state: 'unset' };
    if (e.status === 403 || e.status === 401) {
      return {
        state: 'unknown',
        why: `${level === 'projects' ? 'project' : 'group'} variables cannot be read (${e.status}: needs ${
          level === 'projects' ? 'Maintainer' : 'Owner'
        } role)`,
      };
    }
    if (e.status !== 409) throw e;
  }
  // 409: several scopes. An exact scope wins outright, so ask for it first (groups filter since 16.9);
  // otherwise read them all and apply GitLab's precedence ourselves.
  if (environment !== undefined) {
    try {
      const exact = await getVariable(client, level, id, key, environment);
      if ((exact.environment_scope ?? '*') === environment) {
        return toLookup(exact, `several environment scopes; the exact scope ${environment} wins`);
      }
    } catch (e) {
      if (!(e instanceof GitLabApiError) || (e.status !== 404 && e.status !== 409)) throw e;
    }
  }
  const all = (await listVariables(client, level, id)).filter((v) => v.key === key);
  const { variable, note } = pickForEnvironment(all, environment);
  return toLookup(variable, note);
}

export async function lookupPair(
  client: GitLabClient,
  level: Level,
  id: string | number,
  environment: string | undefined,
): Promise<VariablePair> {
  const [user, password] = await Promise.all([
    lookupVariable(client, level, id, 'CI_DEPLOY_USER', environment),
    lookupVariable(client, level, id, 'CI_DEPLOY_PASSWORD', environment),
  ]);
  return { user, password };
}
