/** several-gitlab-deploy-tokens: more than one active gitlab-deploy-token on one holder. */
import type { DeployToken } from '../../gitlab/types.js';
import { isSpecial } from '../../resolve/activity.js';
import { TOKENS_PAGE } from '../advice.js';
import { isActive } from '../context.js';
import { list, m, ref } from '../message.js';
import type { Check } from './check.js';

export const severalGitlabDeployTokens: Check = {
  code: 'several-gitlab-deploy-tokens',
  severity: 'error',
  run: (c) =>
    c.holders.flatMap((h) => {
      const specials = h.tokens.filter((t) => isSpecial(t) && isActive(c, t)).sort((a, b) => a.id - b.id);
      if (specials.length <= 1) return [];
      return {
        where: h.fullPath,
        tokenId: (specials[0] as DeployToken).id,
        parts: m`${h.fullPath} has ${specials.length} active tokens named gitlab-deploy-token (${list(specials.map((t) => ref(t.id)))}): GitLab picks one with LIMIT 1 and no order, so which one a job gets is unspecified. Keep one and delete the others in ${TOKENS_PAGE}.`,
      };
    }),
};
