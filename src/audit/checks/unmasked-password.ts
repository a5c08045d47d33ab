/** unmasked-password: a CI_DEPLOY_PASSWORD variable job logs can show. */
import { scopeOf, VARIABLES_PAGE } from '../advice.js';
import { m } from '../message.js';
import { PASSWORD_KEY } from '../types.js';
import { judgedVariables, type Check } from './check.js';

export const unmaskedPassword: Check = {
  code: 'unmasked-password',
  severity: 'error',
  run: (c) =>
    [...judgedVariables(c)]
      .filter(({ v }) => v.key === PASSWORD_KEY && !v.hidden && !v.masked)
      .map(({ h, v, on }) => ({
        where: h.fullPath,
        parts: m`the CI/CD variable CI_DEPLOY_PASSWORD (${scopeOf(v)}) on ${on} is not masked: job logs can show the deploy token. Edit it in ${VARIABLES_PAGE} and tick "Mask variable" (or "Masked and hidden"); rotate the token if it may have been printed.`,
      })),
};
