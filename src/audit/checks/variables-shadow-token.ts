/** variables-shadow-token: a CI_DEPLOY_USER variable overrides the token GitLab would expose (the nearest level defining it wins). */
import { scopeOf } from '../advice.js';
import { m, q, ref } from '../message.js';
import { eachProject, type Check } from './check.js';

export const variablesShadowToken: Check = {
  code: 'variables-shadow-token',
  severity: 'warning',
  run: eachProject(({ p, given, user }) => {
    if (!given || !user.at) return undefined;
    const at = user.at;
    return user.vars
      .filter((v) => !(v.hidden || v.value === null || v.value === given.token.username))
      .map((v) => ({
        where: p.fullPath,
        tokenId: given.token.id,
        parts: m`jobs of ${p.fullPath} get CI_DEPLOY_USER ${q(v.value as string)} from the CI/CD variable on ${at.fullPath} (${scopeOf(v)}), which overrides gitlab-deploy-token ${ref(given.token.id)} (${given.token.username}) that GitLab would expose from ${given.from}. Delete the CI_DEPLOY_USER and CI_DEPLOY_PASSWORD variables so jobs get the token.`,
      }));
  }),
};
