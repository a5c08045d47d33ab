/**
 * group-token-before-15.1: on GitLab ≤ 15.0 a group token reaches its direct child projects only
 * through CI/CD variables; a project that has neither its own token nor working variables gets nothing.
 */
import { storeInGroupVariables } from '../advice.js';
import { levelOf, levelsOf, specialOf, type AuditContext } from '../context.js';
import { m, ref } from '../message.js';
import { resolveKey, supply } from '../supply.js';
import { PASSWORD_KEY, USER_KEY, type AuditProject } from '../types.js';
import type { Check, Found } from './check.js';

function judge(c: AuditContext, p: AuditProject): Found | undefined {
  if (specialOf(c, p.tokens)) return undefined;
  const parent = c.groupById.get(p.namespaceId);
  const groupToken = parent ? specialOf(c, parent.tokens) : undefined;
  if (!parent || !groupToken) return undefined;
  // Working variables are the documented workaround; unreadable ones cannot be judged (the
  // variables-not-readable info says so): an error there would fail a working setup.
  const s = supply(c, p);
  if (s === 'works' || s === 'unknown') return undefined;
  // The project's own CI_DEPLOY_USER breaks it (stale, or without a password): it overrides any
  // group variable, so storing the token there would not help; that error says what to do.
  const levels = levelsOf(c, p);
  const own = levelOf(p).fullPath;
  if (resolveKey(levels, USER_KEY).at?.fullPath === own) return undefined;
  // A lone CI_DEPLOY_PASSWORD of the project's own would override the group's too.
  const ownPassword = resolveKey(levels, PASSWORD_KEY).at?.fullPath === own;
  return {
    where: p.fullPath,
    tokenId: groupToken.id,
    parts: m`GitLab ${c.versionText} exposes only project tokens (group tokens from 15.1): jobs of ${p.fullPath} get nothing from gitlab-deploy-token ${ref(groupToken.id)} on ${parent.fullPath}. Store it in the group's CI/CD variables: ${storeInGroupVariables(c, parent.fullPath, groupToken)}${ownPassword ? m`, and delete the CI_DEPLOY_PASSWORD variable of ${p.fullPath}, which would override the group's` : []}; or create a project token.`,
  };
}

export const groupTokenBefore151: Check = {
  code: 'group-token-before-15.1',
  severity: 'error',
  run: (c) => (c.groupTokensExposed ? [] : c.tree.projects.flatMap((p) => judge(c, p) ?? [])),
};
