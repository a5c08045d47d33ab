/**
 * group-token-not-direct-parent: a group's gitlab-deploy-token reaches only the projects directly in
 * it (from 15.1; none before), so projects of its subgroups get no credentials from it.
 */
import { pathList, storeInGroupVariables } from '../advice.js';
import { exposed, groupChain, levelsOf, specialOf, type AuditContext } from '../context.js';
import { m, ref } from '../message.js';
import { resolveKey, supply } from '../supply.js';
import { USER_KEY, type AuditGroup, type AuditProject } from '../types.js';
import { compareCodeUnits } from '../words.js';
import type { Check } from './check.js';

/**
 * Whether a project below `g` is left without credentials. Projects whose CI/CD variables give working
 * credentials are served (the ≤ 15.0 workaround, or a group variable above them); where they cannot be
 * read it is not known, so no error is claimed.
 */
function leftOut(c: AuditContext, g: AuditGroup, p: AuditProject): boolean {
  const s = supply(c, p);
  if (s === 'none') return true;
  if (s !== 'broken') return false;
  if (c.groupTokensExposed) return true;
  // On ≤ 15.0 the advice is to rotate g's token into g's variables. Broken by a CI_DEPLOY_USER
  // nearer than g, that cannot help (it overrides g's), and each audit would advise another
  // rotation: its stale-variables / user-without-password finding says what to do.
  const levels = levelsOf(c, p);
  const at = resolveKey(levels, USER_KEY).at;
  const pos = (path: string) => levels.findIndex((l) => l.fullPath === path);
  return at === undefined || pos(at.fullPath) >= pos(g.fullPath);
}

export const groupTokenNotDirectParent: Check = {
  code: 'group-token-not-direct-parent',
  severity: 'error',
  run: (c) =>
    c.tree.groups.flatMap((g) => {
      const special = specialOf(c, g.tokens);
      if (!special) return [];
      const deeper = c.tree.projects
        .filter((p) => p.namespaceId !== g.id && groupChain(c, p.namespaceId).some((x) => x.id === g.id))
        .filter((p) => exposed(c, p) === undefined)
        .filter((p) => leftOut(c, g, p))
        .map((p) => p.fullPath)
        .sort(compareCodeUnits);
      if (deeper.length === 0) return [];
      const count = deeper.length === 1 ? m`1 project below gets` : m`${deeper.length} projects below get`;
      return {
        where: g.fullPath,
        tokenId: special.id,
        parts: c.groupTokensExposed
          ? m`gitlab-deploy-token ${ref(special.id)} on ${g.fullPath} is exposed only to projects directly in ${g.fullPath}, not to projects of its subgroups; ${count} no CI_DEPLOY_USER/CI_DEPLOY_PASSWORD from GitLab: ${pathList(deeper)}. Create a gitlab-deploy-token on each of them or on their direct parent group.`
          : m`GitLab ${c.versionText} exposes no group token to jobs (group tokens from 15.1, and then only to projects directly in the group): gitlab-deploy-token ${ref(special.id)} on ${g.fullPath} reaches no job, and ${count} no CI_DEPLOY_USER/CI_DEPLOY_PASSWORD at all: ${pathList(deeper)}. Store the token in the CI/CD variables of ${g.fullPath}, which its subgroups inherit and where it can log in: ${storeInGroupVariables(c, g.fullPath, special)}; or create a gitlab-deploy-token on each project.`,
      };
    }),
};
