/** hidden-variable: a CI_DEPLOY_USER whose value GitLab does not show, so it cannot be judged. */
import { scopeOf, VARIABLES_PAGE } from '../advice.js';
import { m } from '../message.js';
import { USER_KEY } from '../types.js';
import { judgedVariables, type Check } from './check.js';

export const hiddenVariable: Check = {
  code: 'hidden-variable',
  severity: 'info',
  run: (c) =>
    [...judgedVariables(c)]
      .filter(({ v }) => v.key === USER_KEY && (v.hidden || v.value === null))
      .map(({ h, v, on }) => ({
        where: h.fullPath,
        parts: m`the CI/CD variable CI_DEPLOY_USER (${scopeOf(v)}) on ${on} is hidden, so the audit cannot tell which deploy token it names. Check it by hand in ${VARIABLES_PAGE}.`,
      })),
};
