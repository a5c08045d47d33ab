/**
 * password-without-user: a CI_DEPLOY_PASSWORD variable and no CI_DEPLOY_USER variable. CI_DEPLOY_USER
 * is then the exposed token's, and the variable replaces its password (each key is overridden on its own).
 */
import { scopeOf, VARIABLES_PAGE } from '../advice.js';
import { m, ref } from '../message.js';
import type { AuditVariable } from '../types.js';
import { eachProject, type Check } from './check.js';

export const passwordWithoutUser: Check = {
  code: 'password-without-user',
  severity: 'warning',
  run: eachProject(({ p, given, user, pass }) => {
    if (!pass.at || user.at || user.blind.length > 0) return undefined;
    const v = pass.vars[0] as AuditVariable;
    return {
      where: p.fullPath,
      ...(given ? { tokenId: given.token.id } : {}),
      parts: given
        ? m`jobs of ${p.fullPath} get CI_DEPLOY_PASSWORD from the CI/CD variable on ${pass.at.fullPath} (${scopeOf(v)}) but no CI_DEPLOY_USER variable: the username is that of gitlab-deploy-token ${ref(given.token.id)} (${given.token.username}) from ${given.from}, and the variable overrides its password, so logins fail unless the variable holds exactly that token's secret. A warning, not an error: the audit never reads passwords, so it cannot tell. Delete CI_DEPLOY_PASSWORD in ${VARIABLES_PAGE} so jobs get the token's own, or set CI_DEPLOY_USER next to it.`
        : m`jobs of ${p.fullPath} get CI_DEPLOY_PASSWORD from the CI/CD variable on ${pass.at.fullPath} (${scopeOf(v)}) but no CI_DEPLOY_USER: no variable defines one and GitLab exposes no gitlab-deploy-token to it, so the password is of no use. A warning, not an error: without it the jobs would have no credentials either. Delete it in ${VARIABLES_PAGE}, or set CI_DEPLOY_USER next to it.`,
    };
  }),
};
