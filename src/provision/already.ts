/**
 * Without --rotate, an active token of that name exists. Exit 0 ("already provisioned") only when the
 * variables name it as this command would have stored it; its expiry is kept (comparing it would make
 * a scheduled run rotate every day).
 */
import type { DeployToken } from '../gitlab/types.js';
import { same, tokenLine, where, type Before, type ProvisionOutcome, type Snapshot } from './model.js';
import type { ProvisionRequest } from './request.js';

/** What differs from what this command would have stored: unmasked, a file variable, not protected. */
function offLines(req: ProvisionRequest, user: Snapshot, pass: Snapshot): string[] {
  const off: string[] = [];
  for (const [k, v] of [
    ['CI_DEPLOY_USER', user],
    ['CI_DEPLOY_PASSWORD', pass],
  ] as const) {
    if (!v) continue;
    if (v.masked !== true) off.push(`${k} is not masked`);
    if (!same(v.variable_type, 'env_var')) off.push(`${k} is a file variable (jobs get a path)`);
    if (req.protected && v.protected !== true) off.push(`${k} is not protected`);
  }
  return off;
}

export function alreadyThere(req: ProvisionRequest, b: Before, log: (l: string) => void): ProvisionOutcome {
  const { owner, vars, current, snapshot } = b;
  const user = snapshot.get('CI_DEPLOY_USER');
  const pass = snapshot.get('CI_DEPLOY_PASSWORD');
  const match = current.find(
    (t) => t.username === user?.value && req.scopes.every((s) => t.scopes.includes(s)),
  );
  const unchanged = current.map((t) => `token ${tokenLine(t)}: unchanged`);
  if (current.length > 1) {
    // GitLab picks one of several with LIMIT 1 and no order (app/models/deploy_token.rb): not a settled state.
    return {
      exitCode: 1,
      owner,
      state: unchanged,
      error: `${where(owner)} has ${current.length} active deploy tokens named "${req.name}" (${current.map((t) => `#${t.id}`).join(', ')}): which one GitLab gives jobs is unspecified`,
      hint: 'run with --rotate: it replaces them all with one new token',
    };
  }
  if (vars && match && user && pass) {
    const off = offLines(req, user, pass);
    if (off.length > 0) {
      return {
        exitCode: 1,
        owner,
        state: [...unchanged, `variables on ${where(vars)}: unchanged`],
        error: `the variables on ${where(vars)} name token #${match.id}, but ${off.join('; ')}`,
        hint: 'run with --rotate: it creates a new token and rewrites both variables as asked',
      };
    }
    return provisioned(req, b, match, log);
  }
  return {
    exitCode: 1,
    owner,
    state: unchanged,
    error: `${where(owner)} already has an active deploy token named "${req.name}" (${current.map((t) => `#${t.id}`).join(', ')}); its secret cannot be read again`,
    hint: 'run with --rotate to replace it safely (new token, variables, verify, then delete the old one)',
  };
}

/** The variables name the token as asked: nothing to do. */
function provisioned(
  req: ProvisionRequest,
  b: Before,
  match: DeployToken,
  log: (l: string) => void,
): ProvisionOutcome {
  const vars = b.vars as NonNullable<Before['vars']>;
  log(
    `already provisioned: token ${tokenLine(match)} on ${where(b.owner)}, named by the variables on ${where(vars)}`,
  );
  if (req.expiresAt && match.expires_at?.slice(0, 10) !== req.expiresAt.slice(0, 10))
    log(`its expiry is kept; --expires-* apply to a new token (--rotate replaces it)`);
  return {
    exitCode: 0,
    owner: b.owner,
    state: [`token ${tokenLine(match)}: unchanged`, `variables on ${where(vars)}: unchanged`],
  };
}
