/** ancestor-not-readable: the tokens of a group above the audited one could not be read. */
import { m } from '../message.js';
import type { Check } from './check.js';

export const ancestorNotReadable: Check = {
  code: 'ancestor-not-readable',
  severity: 'info',
  run: (c) =>
    c.unreadableAbove.map((a) => ({
      where: a.fullPath,
      parts: m`could not read the deploy tokens of ${a.fullPath}, a group above ${c.tree.root}: its tokens can log in below it, so a CI_DEPLOY_USER variable naming one of them may be reported as stale. Run the audit with a token that is Maintainer of ${a.fullPath}, or audit ${a.fullPath} itself.`,
    })),
};
