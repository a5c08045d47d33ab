/**
 * The changes of a provision run, each journaled before it is made: create the token (finding and
 * removing it when GitLab's answer was lost), store it in the two variables, and verify both.
 */
import { DeployTokenError, ExitCode } from '../core/errors.js';
import {
  createDeployToken,
  deleteDeployToken,
  findDeployToken,
  listDeployTokens,
  writeVariable,
} from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import type { DeployToken } from '../gitlab/types.js';
import { tokenActivity } from '../resolve/activity.js';
import {
  newValue,
  readVariable,
  same,
  tokenLine,
  VARIABLE_KEYS,
  wantProtected,
  where,
  type Before,
  type Holder,
  type Journal,
  type NewToken,
  type OrphanSearch,
} from './model.js';
import { MASKABLE, type ProvisionRequest } from './request.js';

/** Tokens GitLab created although its answer was lost: found by name among those not there before, and deleted. */
async function removeOrphans(
  client: GitLabClient,
  owner: Holder,
  name: string,
  before: Set<number>,
  log: (l: string) => void,
): Promise<OrphanSearch> {
  const out: OrphanSearch = { deleted: [], left: [], unknown: false };
  let found: DeployToken[];
  try {
    found = (await listDeployTokens(client, owner.level, owner.id)).filter(
      (x) => x.name === name && !before.has(x.id),
    );
  } catch {
    log(
      `could not check whether GitLab created a token although its answer was lost: \`deploy-token audit\` shows any extra "${name}"`,
    );
    return { ...out, unknown: true };
  }
  for (const t of found) {
    try {
      await deleteDeployToken(client, owner.level, owner.id, t.id);
      out.deleted.push(t.id);
      log(`deleted token #${t.id}: GitLab created it, but its answer was lost or unusable`);
    } catch {
      out.left.push(t.id);
    }
  }
  return out;
}

/** Create the new token; a lost answer may still have created one (POST is not retried): find and remove it. */
export async function createToken(
  client: GitLabClient,
  req: ProvisionRequest,
  b: Before,
  journal: Journal,
  log: (l: string) => void,
): Promise<NewToken> {
  const before = new Set(b.all.map((t) => t.id));
  try {
    journal.created = await createDeployToken(client, b.owner.level, b.owner.id, {
      name: req.name,
      scopes: req.scopes,
      ...(req.expiresAt ? { expires_at: req.expiresAt } : {}),
      ...(req.username ? { username: req.username } : {}),
    });
  } catch (e) {
    journal.orphans = await removeOrphans(client, b.owner, req.name, before, log);
    throw e;
  }
  log(`created token ${tokenLine(journal.created)} on ${where(b.owner)}`);
  return journal.created;
}

/** GitLab refuses to mask a value outside its masking alphabet: checked before any variable is written. */
export function checkMaskable(created: NewToken): void {
  if (!MASKABLE.test(created.token) || !MASKABLE.test(created.username)) {
    throw new DeployTokenError(
      'GitLab would refuse to mask the new token or its username (masked values: 8+ characters of [a-zA-Z0-9_+=/@:.~-])',
      ExitCode.No,
      'use --store none, or a --username of 8+ such characters',
    );
  }
}

/** Write both variables, journaling each before the write (it may apply even when the answer is lost). */
export async function storeVariables(
  client: GitLabClient,
  req: ProvisionRequest,
  b: Before,
  created: NewToken,
  journal: Journal,
  deps: { log: (l: string) => void; step: (s: string) => void },
): Promise<void> {
  const vars = b.vars as Holder;
  for (const k of VARIABLE_KEYS) {
    const prior = b.snapshot.get(k);
    deps.step(`${prior ? 'updating' : 'creating'} ${k} on ${where(vars)}`);
    journal.writes.set(k, 'unknown');
    await writeVariable(
      client,
      vars.level,
      vars.id,
      {
        key: k,
        value: newValue(k, created),
        // A file variable would hand jobs a path, not the password (GitLab keeps the type unless told).
        variable_type: 'env_var',
        masked: true,
        protected: wantProtected(req, prior),
        raw: false,
        environment_scope: '*',
      },
      prior ? 'update' : 'create',
    );
    journal.writes.set(k, 'done');
    deps.log(`${prior ? 'updated' : 'created'} ${k} on ${where(vars)}`);
  }
}

/** What is wrong with the stored variables, one line each (none: they hold the new token as asked). */
async function variableProblems(
  client: GitLabClient,
  req: ProvisionRequest,
  b: Before,
  vars: Holder,
  created: NewToken,
): Promise<string[]> {
  const problems: string[] = [];
  for (const k of VARIABLE_KEYS) {
    const v = await readVariable(client, vars, k);
    if (!v) problems.push(`${k} is missing on ${where(vars)}`);
    else if (v.value !== newValue(k, created))
      problems.push(`${k} on ${where(vars)} does not hold the new value`);
    else if (v.masked !== true) problems.push(`${k} on ${where(vars)} is not masked`);
    else if (!same(v.variable_type, 'env_var')) problems.push(`${k} on ${where(vars)} is a file variable`);
    else if (wantProtected(req, b.snapshot.get(k)) && v.protected !== true)
      problems.push(`${k} on ${where(vars)} is not protected`);
  }
  return problems;
}

/** Read back the new token and the variables; any difference is a failure (nothing old is deleted then). */
export async function verify(
  client: GitLabClient,
  req: ProvisionRequest,
  b: Before,
  created: NewToken,
  now: Date,
): Promise<void> {
  const { owner, vars } = b;
  // The single-token GET arrived in 14.9; findDeployToken confirms a 404 through the listing.
  const t = await findDeployToken(client, owner.level, owner.id, created.id);
  if (!t) {
    throw new DeployTokenError(
      `verification failed: token #${created.id} is not among the deploy tokens of ${where(owner)}`,
      ExitCode.GitLab,
      'nothing was deleted; see the state below',
    );
  }
  const problems: string[] = [];
  if (!tokenActivity(t, now).active) problems.push(`token #${t.id} is not active`);
  if (t.name !== req.name) problems.push(`token #${t.id} is named "${t.name}"`);
  const missing = req.scopes.filter((s) => !t.scopes.includes(s));
  if (missing.length) problems.push(`token #${t.id} lacks ${missing.join(', ')}`);
  if (vars) problems.push(...(await variableProblems(client, req, b, vars, created)));
  if (problems.length) {
    throw new DeployTokenError(
      `verification failed: ${problems.join('; ')}`,
      ExitCode.GitLab,
      'nothing was deleted; see the state below',
    );
  }
}
