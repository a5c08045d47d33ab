/** inactive-token: revoked or expired; GitLab neither exposes it nor accepts it. */
import { formatInstant } from '../../resolve/activity.js';
import { describeToken, TOKENS_PAGE } from '../advice.js';
import { m, words } from '../message.js';
import { eachToken, type Check } from './check.js';

export const inactiveToken: Check = {
  code: 'inactive-token',
  severity: 'info',
  run: (c) =>
    [...eachToken(c)].flatMap(({ h, t, act }) => {
      if (act.active) return [];
      const why =
        act.reason === 'revoked'
          ? m`is revoked`
          : m`expired at ${words(formatInstant(act.expiresAt))} (GitLab stops accepting a token at midnight UTC of its expiry date)`;
      return {
        where: h.fullPath,
        tokenId: t.id,
        parts: m`${describeToken(t)} ${why}: GitLab neither exposes it to jobs nor accepts it. Delete it in ${TOKENS_PAGE} to tidy the list.`,
      };
    }),
};
