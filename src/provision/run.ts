/**
 * `provision` and `provision --rotate`: create a deploy token, store it where jobs find it, verify,
 * and only then delete the token it replaces. Every change is journaled; a failure at any step
 * restores the variables as they were and deletes the new token, so the old token and variables keep
 * working, and the outcome says exactly what state GitLab was left in. HTTP is the injected client.
 *
 * The steps, one module each: where (targets.ts), what is there and may it be changed (state.ts,
 * named-elsewhere.ts, already.ts), what will be done (summary.ts), create and store (create.ts),
 * delete the old token (rotation.ts), undo on failure (recover.ts).
 *
 * GitLab facts used: POST/DELETE deploy tokens, the secret only in the 201 answer
 * (lib/api/deploy_tokens.rb); CI/CD variables POST/PUT/DELETE with masked values matching
 * app/models/concerns/ci/maskable.rb; "active" = not revoked, not expired (docs/gitlab-rules.md).
 */
import { alreadyThere } from './already.js';
import { checkMaskable, createToken, storeVariables, verify } from './create.js';
import { describe, type Before, type Journal, type ProvisionDeps, type ProvisionOutcome } from './model.js';
import { refuseIfNamedElsewhere } from './named-elsewhere.js';
import { recover } from './recover.js';
import type { ProvisionRequest } from './request.js';
import { deleteOldTokens } from './rotation.js';
import { readBefore } from './state.js';
import { doneState, runSteps, runWarnings } from './summary.js';
import { findTargets } from './targets.js';

export async function runProvision(req: ProvisionRequest, deps: ProvisionDeps): Promise<ProvisionOutcome> {
  try {
    return await provision(req, deps);
  } catch (e) {
    // Failures before the first change (lookups, permissions, reading the current state).
    const d = describe(e);
    return {
      exitCode: d.code,
      state: ['nothing was changed'],
      error: d.message,
      ...(d.hint ? { hint: d.hint } : {}),
    };
  }
}

async function provision(req: ProvisionRequest, deps: ProvisionDeps): Promise<ProvisionOutcome> {
  const { client, log } = deps;
  const now = deps.now();
  const targets = await findTargets(client, req);
  const before = await readBefore(client, req, targets, now, log);
  const { owner, current } = before;
  if (current.length > 0 && !req.rotate) return alreadyThere(req, before, log);
  if (current.length > 0) await refuseIfNamedElsewhere(client, req, before, targets.project, now, log);

  const steps = runSteps(req, before);
  runWarnings(req, before, log);
  if (req.dryRun) {
    return {
      exitCode: 0,
      owner,
      state: ['nothing changed (dry run)'],
      dryRunSteps: steps.map((s) => `would ${s}`),
    };
  }
  return change(req, deps, before);
}

/** Make the changes, journaling each; on failure, undo what the journal holds and say what is left. */
async function change(req: ProvisionRequest, deps: ProvisionDeps, b: Before): Promise<ProvisionOutcome> {
  const { client, log } = deps;
  const { owner, vars, current, snapshot } = b;
  const journal: Journal = { writes: new Map(), deleted: [], maybeDeleted: [] };
  const secrets = () => [
    ...(journal.created ? [journal.created.token] : []),
    ...(snapshot.get('CI_DEPLOY_PASSWORD')?.value
      ? [snapshot.get('CI_DEPLOY_PASSWORD')?.value as string]
      : []),
  ];
  let step = 'creating the new token';
  const io = { log, step: (s: string) => void (step = s) };
  try {
    const created = await createToken(client, req, b, journal, log);
    if (vars) {
      step = 'checking that the new token can be masked';
      checkMaskable(created);
      await storeVariables(client, req, b, created, journal, io);
    }
    step = 'verifying';
    await verify(client, req, b, created, deps.now());
    log(
      `verified: the new token is active with the scopes asked${vars ? ', and the variables hold it' : ''}`,
    );
    await deleteOldTokens(client, b, journal, io);
    if (current.length > 0 && owner.level === 'groups') {
      log(
        `check that no project or subgroup variable still names the old token: deploy-token audit --group ${owner.path}`,
      );
    }
    return { exitCode: 0, created, owner, state: doneState(req, b, created) };
  } catch (e) {
    const d = describe(e, secrets());
    const { state, kept } = await recover(req, client, b, journal, secrets());
    return {
      exitCode: d.code,
      owner,
      state,
      // A kept token is handed on (with --store none its secret exists nowhere else).
      ...(kept && journal.created ? { created: journal.created } : {}),
      error: `failed while ${step}: ${d.message}`,
      ...(d.hint ? { hint: d.hint } : {}),
    };
  }
}
