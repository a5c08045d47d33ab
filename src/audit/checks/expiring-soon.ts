/** expiring-soon: an active token that dies within --expiring-within days (ephemeral ones excepted). */
import { isEphemeralName } from '../../provision/ephemeral-name.js';
import { formatInstant, isSpecial } from '../../resolve/activity.js';
import { describeToken } from '../advice.js';
import { m, words } from '../message.js';
import { DAY_MS, formatDuration } from '../words.js';
import { eachToken, type Check } from './check.js';

export const expiringSoon: Check = {
  code: 'expiring-soon',
  severity: 'warning',
  run: (c) =>
    [...eachToken(c)].flatMap(({ h, t, act }) => {
      if (!act.active || act.expiresAt === null) return [];
      const left = act.expiresAt.getTime() - c.now.getTime();
      // Ephemeral tokens are short-lived on purpose: their expiry is no news (leftovers are their own finding).
      if (left > c.settings.expiringWithinDays * DAY_MS || isEphemeralName(t.name)) return [];
      return {
        where: h.fullPath,
        tokenId: t.id,
        parts: m`${describeToken(t)} expires in ${words(formatDuration(left))} (${words(formatInstant(act.expiresAt))}). Create a replacement before then${isSpecial(t) ? m` (jobs lose CI_DEPLOY_USER/CI_DEPLOY_PASSWORD when it dies)` : []}.`,
      };
    }),
};
