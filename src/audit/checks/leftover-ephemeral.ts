/** leftover-ephemeral: an ephemeral token its job did not delete (inactive, too old, or of unknown age). */
import { ephemeralCreatedAt, isEphemeralName } from '../../provision/ephemeral-name.js';
import { formatInstant } from '../../resolve/activity.js';
import { describeToken, TOKENS_PAGE } from '../advice.js';
import { code, m, words } from '../message.js';
import { formatDuration } from '../words.js';
import { eachToken, type Check } from './check.js';

export const leftoverEphemeral: Check = {
  code: 'leftover-ephemeral',
  severity: 'warning',
  run: (c) =>
    [...eachToken(c)].flatMap(({ h, t, act }) => {
      if (!isEphemeralName(t.name)) return [];
      const created = ephemeralCreatedAt(t.name);
      const age = created ? c.now.getTime() - created.getTime() : undefined;
      const reason = !act.active
        ? m`is no longer active (${words(act.reason)})`
        : age === undefined
          ? m`has a name that records no readable creation time`
          : age > c.settings.ephemeralOlderThanMs
            ? m`was created ${words(formatDuration(age))} ago (${words(formatInstant(created as Date))})`
            : undefined;
      if (!reason) return [];
      return {
        where: h.fullPath,
        tokenId: t.id,
        parts: m`ephemeral ${describeToken(t)} ${reason}: the job that made it did not clean up. Run ${code('deploy-token cleanup --ephemeral')} or delete it in ${TOKENS_PAGE}.`,
      };
    }),
};
