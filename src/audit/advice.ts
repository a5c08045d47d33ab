/** Phrases the findings share: how a token, a scope or a list of paths reads, and the commands they advise. */
import { DEPLOY_TOKEN_SCOPES } from '../gitlab/scopes.js';
import type { DeployToken } from '../gitlab/types.js';
import { tokenActivity } from '../resolve/activity.js';
import type { AuditContext } from './context.js';
import { code, list, m, q, ref, words } from './message.js';
import type { AuditVariable, MessagePart } from './types.js';
import { DAY_MS, shellWord } from './words.js';

export const TOKENS_PAGE = words('Settings > Repository > Deploy tokens');
export const VARIABLES_PAGE = words('Settings > CI/CD > Variables');
/** Projects named in one message at most; the rest are counted. */
const SHOWN = 20;

export const describeToken = (t: DeployToken) => m`deploy token ${ref(t.id)} ${q(t.name)} (${t.username})`;
export const scopeOf = (v: AuditVariable) => m`environment scope ${q(v.environmentScope)}`;

/** `a, b, and 3 more`: at most SHOWN paths, each a literal. */
export const pathList = (paths: string[]): MessagePart[] => [
  ...list(paths.slice(0, SHOWN).map((p) => [{ literal: p }])),
  ...(paths.length > SHOWN ? m`, and ${paths.length - SHOWN} more` : []),
];

/**
 * The command that stores a group's token in its CI/CD variables (the ≤ 15.0 workaround), with the
 * token's scopes and expiry, so the rotated token keeps both. Scopes provision does not know (it
 * refuses them) are left out, and the message says which.
 */
export function storeInGroupVariables(c: AuditContext, group: string, t: DeployToken): MessagePart[] {
  const isKnown = (s: string) => (DEPLOY_TOKEN_SCOPES as readonly string[]).includes(s);
  const known = t.scopes.filter(isKnown);
  const unknown = t.scopes.filter((s) => !isKnown(s));
  const at = tokenActivity(t, c.now).expiresAt;
  // A date-only expiry (00:00 UTC, as GitLab stores one) is given as that date; any other instant as is.
  const expiresAt =
    at === null
      ? ''
      : ` --expires-at ${at.getTime() % DAY_MS === 0 ? at.toISOString().slice(0, 10) : at.toISOString()}`;
  const command = (scopes: string) =>
    code(
      `deploy-token provision --level group --group ${shellWord(group)} --scopes ${scopes}${expiresAt} --store group-variables --rotate`,
    );
  const quotedList = (xs: string[]) => list(xs.map((x) => q(x)));
  if (known.length === 0) {
    return m`${command('SCOPES')} with SCOPES the comma list of scopes its jobs need (${t.scopes.length === 0 ? m`the token has none` : m`the token's ${quotedList(unknown)} ${unknown.length === 1 ? m`is not a scope` : m`are no scopes`} provision knows`}; it takes ${words(DEPLOY_TOKEN_SCOPES.join(', '))})`;
  }
  return m`${command(shellWord(known.join(',')))}${unknown.length > 0 ? m` (the token's ${quotedList(unknown)} left out: provision knows no such scope)` : []}`;
}
