/** never-expires: an active token without an expiry date. */
import { describeToken } from '../advice.js';
import { m } from '../message.js';
import { eachToken, type Check } from './check.js';

export const neverExpires: Check = {
  code: 'never-expires',
  severity: 'warning',
  run: (c) =>
    [...eachToken(c)]
      .filter(({ act }) => act.active && act.expiresAt === null)
      .map(({ h, t }) => ({
        where: h.fullPath,
        tokenId: t.id,
        parts: m`${describeToken(t)} never expires: a leaked copy works forever. Create a replacement with an expiry date, switch to it, then delete this one.`,
      })),
};
