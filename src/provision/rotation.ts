/**
 * The last step of a rotation: delete the tokens the new one replaces, telling "deleted", "already
 * gone" and "may have been deleted" apart (an answer can be lost after GitLab applied the delete).
 */
import { deleteDeployToken, findDeployToken } from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import type { DeployToken } from '../gitlab/types.js';
import { tokenLine, type Before, type Holder, type Journal } from './model.js';

/** A delete GitLab may have applied: its answer was lost and asking again failed too. */
class MaybeDeleted extends Error {
  constructor(readonly original: unknown) {
    super('the delete may have applied');
  }
}

async function deleteOld(client: GitLabClient, owner: Holder, old: DeployToken): Promise<'deleted' | 'gone'> {
  try {
    return await deleteDeployToken(client, owner.level, owner.id, old.id);
  } catch (e) {
    // The answer may be lost after GitLab deleted it: ask before calling it a failure (through the
    // listing where the single-token GET does not exist, before 14.9).
    let found: DeployToken | undefined;
    try {
      found = await findDeployToken(client, owner.level, owner.id, old.id);
    } catch {
      // GitLab said no (4xx): the token is still there. Otherwise neither answer says: the token may
      // be gone, so rolling back could leave jobs with nothing.
      const status = (e as { status?: number }).status;
      if (!(status !== undefined && status >= 400 && status < 500)) throw new MaybeDeleted(e);
      throw e;
    }
    if (found === undefined) return 'gone';
    throw e;
  }
}

/** Delete every old token in turn, journaling each; the first failure stops (and is thrown). */
export async function deleteOldTokens(
  client: GitLabClient,
  b: Before,
  journal: Journal,
  deps: { log: (l: string) => void; step: (s: string) => void },
): Promise<void> {
  for (const old of b.current) {
    deps.step(`deleting the old token #${old.id}`);
    const r = await deleteOld(client, b.owner, old).catch((e: unknown) => {
      if (e instanceof MaybeDeleted) journal.maybeDeleted.push(old);
      throw e instanceof MaybeDeleted ? e.original : e;
    });
    journal.deleted.push(old);
    deps.log(`${r === 'deleted' ? 'deleted' : 'already gone:'} old token ${tokenLine(old)}`);
  }
}
