/**
 * Which CI/CD variable a job gets for one key, worked out from the variables LIST of every level, as
 * GitLab's variable builder does (docs/gitlab-rules.md, "Variable precedence"):
 *
 * - lib/gitlab/ci/variables/builder/project.rb and builder/group.rb: `variables.unprotected unless
 *   protected_ref`, then `for_environment(environment)`.
 * - app/models/concerns/has_environment_scope.rb `on_environment`: a scope equal to the environment
 *   beats a wildcard pattern matching it, which beats `*`; a job without an environment sees only `*`.
 *   Equally specific patterns: GitLab's order among them is unspecified.
 * - builder/group.rb: the groups' variables in order from the root down, so the nearest group that
 *   sets the key wins; lib/gitlab/ci/variables/builder.rb: project variables after group ones.
 *
 * Reading one key (`GET .../variables/:key`) would answer 409 for several scopes on current GitLab
 * and an arbitrary row on older group APIs (lib/api/helpers/variables_helpers.rb); the list answers
 * every row on every version, so this module never asks for one key.
 */
import type { CiVariable } from '../gitlab/types.js';
import type { Effective, LevelVariables, VariableLevels } from './types.js';

export type VariableKey = 'CI_DEPLOY_USER' | 'CI_DEPLOY_PASSWORD';

/** GitLab's scope glob: `*` matches any run of characters (Gitlab::SQL::Glob). */
export function scopeMatches(scope: string, environment: string | undefined): boolean {
  if (scope === '*') return true;
  if (environment === undefined) return false;
  if (!scope.includes('*')) return scope === environment;
  const re = new RegExp(`^${scope.split('*').map(escapeRe).join('.*')}$`, 's');
  return re.test(environment);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** 2 exact, 1 another matching pattern, 0 `*` (the CASE in `on_environment`). */
function rank(scope: string, environment: string | undefined): number {
  if (environment !== undefined && scope === environment) return 2;
  return scope === '*' ? 0 : 1;
}

const scopeOf = (v: CiVariable): string => v.environment_scope ?? '*';

/** Among rows of one key at one level, the one a job in `environment` gets, or undefined. */
export function pickForEnvironment(
  rows: CiVariable[],
  environment: string | undefined,
): { variable?: CiVariable; note?: string } {
  const matching = rows.filter((v) => scopeMatches(scopeOf(v), environment));
  if (matching.length === 0) return {};
  matching.sort((a, b) => rank(scopeOf(b), environment) - rank(scopeOf(a), environment));
  const [best, second] = matching;
  if (!best) return {};
  if (matching.length === 1) return { variable: best };
  const tie = second !== undefined && rank(scopeOf(second), environment) === rank(scopeOf(best), environment);
  const note =
    `${matching.length} environment scopes match${environment ? ` environment ${environment}` : ''} ` +
    `(${matching.map(scopeOf).join(', ')}); GitLab uses ${scopeOf(best)}` +
    (tie ? " (several equally specific patterns: GitLab's choice among them is unspecified)" : '');
  return { variable: best, note };
}

/** The row one level gives a job, after the protection filter and environment precedence. */
function atLevel(
  level: LevelVariables,
  key: VariableKey,
  environment: string | undefined,
  protectedRef: boolean,
): Effective {
  const rows = (level.variables ?? []).filter((v) => v.key === key && (protectedRef || v.protected !== true));
  const { variable, note } = pickForEnvironment(rows, environment);
  if (!variable) return { state: 'unset' };
  return { state: 'set', level: level.level, path: level.path, variable, ...(note ? { note } : {}) };
}

/**
 * What the variables give `key`: the project first, then the groups nearest first. A level that
 * could not be read stops the walk: what lies behind it is kept, but only as `behind`.
 */
export function effectiveVariable(
  levels: VariableLevels,
  key: VariableKey,
  environment: string | undefined,
  protectedRef: boolean,
): Effective {
  const order = [levels.project, ...levels.groups];
  const walk = (i: number): Effective => {
    const level = order[i];
    if (!level) return { state: 'unset' };
    if (level.variables === undefined) {
      return { state: 'unknown', path: level.path, why: level.why ?? 'not read', behind: walk(i + 1) };
    }
    const here = atLevel(level, key, environment, protectedRef);
    return here.state === 'set' ? here : walk(i + 1);
  };
  return walk(0);
}

/** Levels whose variables were not read at all (no API token, or an ephemeral run). */
export function unreadVariables(why: string, projectPath = 'the project'): VariableLevels {
  return { project: { level: 'project', path: projectPath, why }, groups: [] };
}

/** No variables anywhere (tests, and projects whose levels were all read empty). */
export function noVariables(projectPath = 'the project'): VariableLevels {
  return { project: { level: 'project', path: projectPath, variables: [] }, groups: [] };
}
