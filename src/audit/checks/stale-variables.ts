/** stale-variables: a CI_DEPLOY_USER naming no active token that can log in there; it overrides GitLab's. */
import { tokenActivity } from '../../resolve/activity.js';
import { describeToken, scopeOf, VARIABLES_PAGE } from '../advice.js';
import { isActive } from '../context.js';
import { list, m, q } from '../message.js';
import { USER_KEY } from '../types.js';
import { judgedVariables, type Check } from './check.js';

export const staleVariables: Check = {
  code: 'stale-variables',
  severity: 'error',
  run: (c) =>
    [...judgedVariables(c)].flatMap(({ h, v, on }) => {
      if (v.key !== USER_KEY || v.hidden || v.value === null) return [];
      const candidates = h.logins.filter((t) => t.username === v.value);
      if (candidates.some((t) => isActive(c, t))) return [];
      const dead = candidates[0];
      const deadState = dead ? tokenActivity(dead, c.now) : undefined;
      const what = dead
        ? m`names ${describeToken(dead)}, which ${deadState && !deadState.active && deadState.reason === 'revoked' ? m`is revoked` : m`has expired`}`
        : m`names ${q(v.value)}, which is no deploy token that can log in there${c.unreadableAbove.length > 0 ? m` (tokens of ${list(c.unreadableAbove.map((a) => [{ literal: a.fullPath }]))} could not be read)` : []}`;
      return {
        where: h.fullPath,
        ...(dead ? { tokenId: dead.id } : {}),
        parts: m`the CI/CD variable CI_DEPLOY_USER (${scopeOf(v)}) on ${on} ${what}: it overrides what GitLab gives jobs, so their logins fail. Delete CI_DEPLOY_USER and CI_DEPLOY_PASSWORD in ${VARIABLES_PAGE} (GitLab 15.1+ provides them from gitlab-deploy-token), or set both to an active token.`,
      };
    }),
};
