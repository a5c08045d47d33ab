/**
 * Undo what the journal says was (or may have been) done and report every item's final state.
 * The new token is deleted only when every variable is known to be as before: a variable that may
 * name it keeps it, since deleting it would leave that variable naming a deleted token.
 */
import { deleteDeployToken, deleteVariable, writeVariable } from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import type { DeployToken } from '../gitlab/types.js';
import {
  describe,
  newValue,
  readVariable,
  same,
  tokenLine,
  VARIABLE_KEYS,
  where,
  type Before,
  type Holder,
  type Journal,
  type Key,
  type NewToken,
  type Snapshot,
  type VarState,
} from './model.js';
import type { ProvisionRequest } from './request.js';

/** Ask GitLab what a variable holds now: the old value, the new one, or neither (compared here, never shown). */
async function observe(
  client: GitLabClient,
  h: Holder,
  k: Key,
  before: Snapshot,
  created: NewToken | undefined,
): Promise<VarState> {
  try {
    const v = await readVariable(client, h, k);
    if (v === undefined) return before === undefined ? 'old' : 'unknown';
    if (before !== undefined && v.value === before.value && same(v.variable_type, before.variable_type))
      return 'old';
    if (created && v.value === newValue(k, created)) return 'new';
    return 'unknown';
  } catch {
    return 'unknown';
  }
}

/** An old token is (or may be) gone: going back is impossible, so the new token and variables stay. */
function keptAfterDelete(b: Before, journal: Journal): string[] {
  const state = [
    `new token ${tokenLine(journal.created as DeployToken)}: active, kept${b.vars ? ' (the variables name it)' : ''}`,
  ];
  for (const t of b.current) {
    state.push(
      journal.deleted.includes(t)
        ? `old token #${t.id}: deleted`
        : journal.maybeDeleted.includes(t)
          ? `old token #${t.id}: MAY BE DELETED (GitLab's answer was lost and asking again failed); the new token is kept${b.vars ? ' and the variables name it' : ''}`
          : `old token #${t.id}: still active (delete it in Settings > Repository > Deploy tokens, or run --rotate again)`,
    );
  }
  return state;
}

/** Put one variable back as it was: rewrite its old value, or delete it when it did not exist. */
async function restoreOne(client: GitLabClient, h: Holder, k: Key, before: Snapshot): Promise<string> {
  if (before) {
    await writeVariable(
      client,
      h.level,
      h.id,
      {
        key: k,
        value: before.value as string,
        variable_type: before.variable_type === 'file' ? 'file' : 'env_var',
        masked: before.masked === true,
        protected: before.protected === true,
        raw: before.raw === true,
        environment_scope: before.environment_scope ?? '*',
      },
      'update',
    );
    return `${k} on ${where(h)}: restored to its previous value`;
  }
  await deleteVariable(client, h.level, h.id, k, '*');
  return `${k} on ${where(h)}: removed again (it did not exist before)`;
}

/** Restore the variables written (last first); where that fails, find out what each holds now. */
async function restoreVariables(
  client: GitLabClient,
  b: Before,
  journal: Journal,
  secrets: readonly string[],
): Promise<{ state: string[]; final: Map<Key, VarState> }> {
  const state: string[] = [];
  const final = new Map<Key, VarState>();
  const h = b.vars as Holder;
  for (const k of [...journal.writes.keys()].reverse()) {
    const before = b.snapshot.get(k);
    try {
      state.push(await restoreOne(client, h, k, before));
      final.set(k, 'old');
    } catch (e) {
      const now = await observe(client, h, k, before, journal.created);
      final.set(k, now);
      const why = describe(e, secrets).message;
      state.push(
        now === 'old'
          ? `${k} on ${where(h)}: as before (the ${before ? 'write' : 'creation'} did not apply)`
          : now === 'new'
            ? `${k} on ${where(h)}: COULD NOT BE RESTORED (${why}); it names the new token`
            : `${k} on ${where(h)}: COULD NOT BE RESTORED (${why}); what it holds now is unknown`,
      );
    }
  }
  for (const k of VARIABLE_KEYS) {
    if (b.vars && !journal.writes.has(k)) state.push(`${k} on ${where(b.vars)}: unchanged`);
  }
  return { state, final };
}

/** The new token (or one GitLab may have created): deleted when no variable may name it, kept otherwise. */
async function settleNewToken(
  client: GitLabClient,
  b: Before,
  journal: Journal,
  changed: Key[],
  secrets: readonly string[],
): Promise<{ line: string; kept: boolean; undeleted: boolean }> {
  const created = journal.created;
  if (created && changed.length > 0) {
    return {
      line: `new token #${created.id}: kept, active (${changed.join(' and ')} may name it; deleting it would leave ${changed.length === 1 ? 'that variable' : 'them'} naming a deleted token)`,
      kept: true,
      undeleted: false,
    };
  }
  if (created) {
    try {
      const r = await deleteDeployToken(client, b.owner.level, b.owner.id, created.id);
      return {
        line: `new token #${created.id}: ${r === 'deleted' ? 'deleted' : 'already gone'}`,
        kept: false,
        undeleted: false,
      };
    } catch (e) {
      return {
        line: `new token #${created.id}: COULD NOT BE DELETED (${describe(e, secrets).message}); delete it in Settings > Repository > Deploy tokens`,
        kept: true,
        undeleted: true,
      };
    }
  }
  const o = journal.orphans;
  const line = o?.left.length
    ? `token ${o.left.map((id) => `#${id}`).join(', ')}: created by GitLab although its answer was lost, COULD NOT BE DELETED; delete it in Settings > Repository > Deploy tokens`
    : o?.unknown
      ? 'a new token may exist (GitLab may have created it although its answer was lost, and the check failed): `deploy-token audit` shows it'
      : 'no new token exists';
  return { line, kept: false, undeleted: false };
}

/** The last line: rolled back, or not and what to do. */
function verdict(
  req: ProvisionRequest,
  b: Before,
  journal: Journal,
  final: Map<Key, VarState>,
  changed: Key[],
  undeleted: boolean,
): string {
  const again = `run the same command${req.rotate ? '' : ' with --rotate'} again`;
  if (changed.length > 0) {
    return VARIABLE_KEYS.every((k) => final.get(k) === 'new')
      ? `NOT rolled back: both variables name the new token, so jobs get it; ${again} to finish the rotation`
      : `NOT rolled back: jobs may get mismatched credentials (${changed.join(' and ')} not as before); ${again}: it rewrites both variables to one new token`;
  }
  const extra = undeleted || (journal.orphans?.left.length ?? 0) > 0 || journal.orphans?.unknown === true;
  return b.current.length > 0
    ? `rolled back: jobs get the old token, as before${extra ? ' (see the extra token above)' : ''}; run the same command again to retry`
    : `rolled back: ${extra ? 'see the token above' : 'nothing was created'}; run the same command again to retry`;
}

export async function recover(
  req: ProvisionRequest,
  client: GitLabClient,
  b: Before,
  journal: Journal,
  secrets: readonly string[],
): Promise<{ state: string[]; kept: boolean }> {
  if (journal.deleted.length > 0 || journal.maybeDeleted.length > 0)
    return { state: keptAfterDelete(b, journal), kept: true };
  const { state, final } = await restoreVariables(client, b, journal, secrets);
  const changed = [...final].filter(([, s]) => s !== 'old').map(([k]) => k);
  const token = await settleNewToken(client, b, journal, changed, secrets);
  state.push(token.line);
  for (const t of b.current) state.push(`old token ${tokenLine(t)}: kept, still active`);
  state.push(verdict(req, b, journal, final, changed, token.undeleted));
  return { state, kept: token.kept };
}
