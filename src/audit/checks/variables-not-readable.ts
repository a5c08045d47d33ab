/** variables-not-readable: GitLab refused to show a holder's CI/CD variables (too little access). */
import { m } from '../message.js';
import { judged, type Check } from './check.js';

export const variablesNotReadable: Check = {
  code: 'variables-not-readable',
  severity: 'info',
  run: (c) =>
    judged(c)
      .filter((h) => h.variables === undefined)
      .map((h) => ({
        where: h.fullPath,
        parts:
          h.what === 'project'
            ? m`could not read the CI/CD variables of ${h.fullPath}: reading them needs Maintainer access. Stale, shadowing, lone and unmasked CI_DEPLOY_* variables there were not checked, nor whether its jobs get working credentials through them (so no missing-token error is claimed for it). Run the audit with a token that has that role.`
            : m`could not read the CI/CD variables of ${h.fullPath}${h.what === 'above' ? m`, a group above ${c.tree.root} whose variables its projects inherit` : []}: reading them needs Owner access. Stale, shadowing, lone and unmasked CI_DEPLOY_* variables there were not checked, nor whether the projects below get working credentials through them (so no missing-token error is claimed for them). Run the audit with a token that has that role.`,
      })),
};
