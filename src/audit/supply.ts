/** Where a project's CI_DEPLOY_* values come from, through the CI/CD variables of its levels. */
import { isActive, levelsOf, loginTokens, type AuditContext, type VariableLevel } from './context.js';
import {
  PASSWORD_KEY,
  USER_KEY,
  type AuditProject,
  type AuditVariable,
  type DeployVariableKey,
} from './types.js';

/** Where a project's value of one key comes from. */
export interface Resolved {
  /** The nearest readable level that defines the key (judged as if every environment scope applied). */
  at?: VariableLevel;
  /** Its variables with that key (one per environment scope). */
  vars: AuditVariable[];
  /** Unreadable levels nearer than `at` (all of them when none defines the key): any may define it. */
  blind: VariableLevel[];
}

export function resolveKey(levels: VariableLevel[], key: DeployVariableKey): Resolved {
  const blind: VariableLevel[] = [];
  for (const l of levels) {
    if (l.variables === undefined) {
      blind.push(l);
      continue;
    }
    const vars = l.variables.filter((v) => v.key === key);
    if (vars.length > 0) return { at: l, vars, blind };
  }
  return { vars: [], blind };
}

/**
 * What a project's CI/CD variables give its jobs: working credentials (a CI_DEPLOY_USER naming an
 * active token that can log in there, and a CI_DEPLOY_PASSWORD), `unknown` (a level that could define
 * them is unreadable, or the user is hidden), `broken` (defined, but not a working pair: other
 * findings say why) or `none` (no CI_DEPLOY_USER anywhere).
 */
export type Supply = 'works' | 'unknown' | 'broken' | 'none';

export function supply(c: AuditContext, p: AuditProject): Supply {
  const levels = levelsOf(c, p);
  const user = resolveKey(levels, USER_KEY);
  if (user.blind.length > 0) return 'unknown';
  if (!user.at) return 'none';
  if (user.vars.some((v) => v.hidden || v.value === null)) return 'unknown';
  const pass = resolveKey(levels, PASSWORD_KEY);
  if (!pass.at) return pass.blind.length > 0 ? 'unknown' : 'broken';
  const logins = loginTokens(c, p);
  // Environment scopes are not resolved: one scope with a working pair is enough here; a scope
  // naming a dead token is a stale-variables finding of its own.
  if (user.vars.some((v) => logins.some((t) => isActive(c, t) && t.username === v.value))) return 'works';
  // A name matching no token that was read may be a token of a group above whose tokens could
  // not be read (it can log in here): not known to be broken.
  const unmatched = user.vars.some((v) => !logins.some((t) => t.username === v.value));
  return unmatched && c.unreadableAbove.length > 0 ? 'unknown' : 'broken';
}
