/**
 * user-without-password: jobs get a CI_DEPLOY_USER variable but no CI_DEPLOY_PASSWORD variable. With
 * no exposed token nothing supplies a password; with one, the token's password goes with another
 * token's username, and GitLab's login needs the name to be the token's own (lib/gitlab/auth.rb).
 */
import { VARIABLES_PAGE, scopeOf } from '../advice.js';
import { m, q, ref } from '../message.js';
import type { AuditVariable } from '../types.js';
import { eachProject, type Check, type Found, type WhatJobsGet } from './check.js';

function judge({ p, given, user, pass }: WhatJobsGet): Found | undefined {
  if (!user.at || pass.at || pass.blind.length > 0) return undefined;
  if (!given) {
    const v = user.vars[0] as AuditVariable;
    return {
      where: p.fullPath,
      parts: m`jobs of ${p.fullPath} get CI_DEPLOY_USER${v.hidden || v.value === null ? [] : m` ${q(v.value)}`} from the CI/CD variable on ${user.at.fullPath} but no CI_DEPLOY_PASSWORD: no level defines one and GitLab exposes no gitlab-deploy-token to supply it, so their logins fail. Add a masked CI_DEPLOY_PASSWORD holding that token's secret next to it in ${VARIABLES_PAGE}, or delete CI_DEPLOY_USER.`,
    };
  }
  const v = user.vars.find((x) => !x.hidden && x.value !== null && x.value !== given.token.username);
  if (!v) return undefined;
  return {
    where: p.fullPath,
    tokenId: given.token.id,
    parts: m`jobs of ${p.fullPath} get CI_DEPLOY_USER ${q(v.value as string)} from the CI/CD variable on ${user.at.fullPath} (${scopeOf(v)}) but no CI_DEPLOY_PASSWORD variable: no level defines one, so the password is that of gitlab-deploy-token ${ref(given.token.id)} (${given.token.username}) from ${given.from}, and GitLab accepts a token only with its own username, so their logins fail. Delete CI_DEPLOY_USER in ${VARIABLES_PAGE} so jobs get the token's own pair, or add a masked CI_DEPLOY_PASSWORD holding the secret of the token it names next to it.`,
  };
}

export const userWithoutPassword: Check = {
  code: 'user-without-password',
  severity: 'error',
  run: eachProject(judge),
};
