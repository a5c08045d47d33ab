/**
 * `provision` and `provision --rotate`: create a deploy token, store it where jobs find it, verify,
 * and only then delete the token it replaces. Every change is journaled; a failure at any step
 * restores the variables as they were and deletes the new token, so the old token and variables keep
 * working, and the outcome says exactly what state GitLab was left in. HTTP is the injected client.
 *
 * GitLab facts used: POST/DELETE deploy tokens, the secret only in the 201 answer
 * (lib/api/deploy_tokens.rb); CI/CD variables POST/PUT/DELETE with masked values matching
 * app/models/concerns/ci/maskable.rb (GITLAB_FACTS §3–4); "active" = not revoked, not expired.
 */
import { DeployTokenError, ExitCode, UsageError } from '../core/errors.js';
import {
  createDeployToken,
  deleteDeployToken,
  deleteVariable,
  getDeployToken,
  getGroup,
  getProject,
  getVariable,
  listDeployTokens,
  listVariables,
  writeVariable,
  type Level,
} from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import type { CiVariable, DeployToken, Project } from '../gitlab/types.js';
import { tokenActivity } from '../resolve/activity.js';
import { checkPermissions, PermissionError } from './permissions.js';
import { MASKABLE, type ProvisionRequest } from './request.js';

export const VARIABLE_KEYS = ['CI_DEPLOY_USER', 'CI_DEPLOY_PASSWORD'] as const;
type Key = (typeof VARIABLE_KEYS)[number];

export interface Holder {
  level: Level;
  id: number;
  path: string;
}

const where = (h: Holder) => `${h.level === 'groups' ? 'group' : 'project'} ${h.path}`;

export interface ProvisionDeps {
  client: GitLabClient;
  now: () => Date;
  /** Progress lines (stderr); never a secret. */
  log: (line: string) => void;
}

export interface ProvisionOutcome {
  exitCode: 0 | 1 | 2 | 3;
  /** The new token with its secret, when one was created and kept. */
  created?: DeployToken & { token: string };
  owner?: Holder;
  /** What GitLab holds now, one line each: the promise "says exactly what state it left". */
  state: string[];
  /** With --dry-run: what would be done, step by step. */
  plan?: string[];
  /** Why it failed, when it did. */
  error?: string;
  hint?: string;
}

/** A variable as it was before we touched it (undefined: absent). */
type Snapshot = CiVariable | undefined;

async function readVariable(client: GitLabClient, h: Holder, key: Key): Promise<Snapshot> {
  try {
    return await getVariable(client, h.level, h.id, key, '*');
  } catch (e) {
    if (e instanceof DeployTokenError && (e as { status?: number }).status === 404) return undefined;
    throw e;
  }
}

function describe(e: unknown): { message: string; hint?: string; code: 1 | 2 | 3 } {
  if (e instanceof DeployTokenError) {
    const code = e.exitCode === 0 ? 3 : e.exitCode;
    return { message: e.message, ...(e.hint ? { hint: e.hint } : {}), code };
  }
  return { message: (e as { message?: string })?.message ?? String(e), code: 3 };
}

function tokenLine(t: DeployToken): string {
  return `#${t.id} ${t.name} (${t.username}; ${t.scopes.join(', ')}; ${t.expires_at ? `expires ${t.expires_at}` : 'never expires'})`;
}

/** Find where the token goes and where its variables go; GETs only. */
async function targets(
  client: GitLabClient,
  req: ProvisionRequest,
): Promise<{ owner: Holder; vars?: Holder; project?: Project }> {
  const needProject = req.level === 'project' || req.store === 'project-variables' || req.group === undefined;
  let project: Project | undefined;
  if (needProject) {
    if (!req.project) {
      throw new UsageError(
        'provision needs a project',
        req.level === 'group'
          ? 'pass --group PATH, or --project ID|PATH to use its parent group'
          : 'pass --project ID|PATH (default $CI_PROJECT_ID, then $CI_PROJECT_PATH)',
      );
    }
    project = await getProject(client, req.project);
  }
  const projectHolder = project
    ? ({ level: 'projects', id: project.id, path: project.path_with_namespace } as Holder)
    : undefined;
  let groupHolder: Holder | undefined;
  if (req.level === 'group') {
    if (req.group !== undefined) {
      const g = await getGroup(client, req.group);
      groupHolder = { level: 'groups', id: g.id, path: g.full_path };
    } else {
      const ns = (project as Project).namespace;
      if (ns.kind !== 'group') {
        throw new UsageError(
          `project ${(project as Project).path_with_namespace} is in a user namespace: it has no group`,
          'pass --group PATH, or use --level project',
        );
      }
      groupHolder = { level: 'groups', id: ns.id, path: ns.full_path };
    }
  }
  const owner = (req.level === 'group' ? groupHolder : projectHolder) as Holder;
  const vars =
    req.store === 'project-variables'
      ? projectHolder
      : req.store === 'group-variables'
        ? groupHolder
        : undefined;
  return { owner, ...(vars ? { vars } : {}), ...(project ? { project } : {}) };
}

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
  const { owner, vars, project } = await targets(client, req);

  // 1. Permissions, before anything changes.
  const groupNeed = owner.level === 'groups' ? owner : vars?.level === 'groups' ? vars : undefined;
  const report = await checkPermissions(client, {
    ...(project && (owner.level === 'projects' || vars?.level === 'projects') ? { project } : {}),
    ...(groupNeed ? { group: { id: groupNeed.id, path: groupNeed.path } } : {}),
    purpose:
      owner.level === 'groups'
        ? 'create and delete group deploy tokens (and write group CI/CD variables)'
        : 'create and delete project deploy tokens and write project CI/CD variables',
  });
  for (const l of report.lines) log(`permissions: ${l}`);
  if (!report.ok) throw new PermissionError(report.problems);

  // 2. What is there now.
  const all = await listDeployTokens(client, owner.level, owner.id);
  const current = all.filter((t) => t.name === req.name && tokenActivity(t, now).active);
  const snapshot = new Map<Key, Snapshot>();
  if (vars) for (const k of VARIABLE_KEYS) snapshot.set(k, await readVariable(client, vars, k));
  if (vars) {
    // The same key in another environment scope wins over `*` in that environment: those jobs would
    // keep the old credentials, and lose them when the old token is deleted (GITLAB_FACTS §4).
    const scoped = (await listVariables(client, vars.level, vars.id)).filter(
      (v) => (VARIABLE_KEYS as readonly string[]).includes(v.key) && (v.environment_scope ?? '*') !== '*',
    );
    if (scoped.length > 0) {
      throw new DeployTokenError(
        `${where(vars)} also has ${scoped.map((v) => `${v.key} for environment scope "${v.environment_scope ?? ''}"`).join(', ')}: jobs in those environments would keep other credentials, which a rotation can break`,
        ExitCode.No,
        'delete those scoped variables (Settings > CI/CD > Variables), or store elsewhere; deploy-token writes the variables for all environments (*)',
      );
    }
  }
  for (const [k, v] of snapshot) {
    if (v?.hidden || (v && v.value === null)) {
      throw new DeployTokenError(
        `${k} on ${where(vars as Holder)} is a hidden variable: its value cannot be read, so it could not be restored if a step failed`,
        ExitCode.No,
        `delete ${k} there (Settings > CI/CD > Variables) and run again; deploy-token writes it masked`,
      );
    }
  }
  if (current.length > 0 && !req.rotate) {
    const named = snapshot.get('CI_DEPLOY_USER')?.value;
    const match = current.find((t) => t.username === named && req.scopes.every((s) => t.scopes.includes(s)));
    if (vars && match && snapshot.get('CI_DEPLOY_PASSWORD') !== undefined) {
      log(
        `already provisioned: token ${tokenLine(match)} on ${where(owner)}, named by the variables on ${where(vars)}`,
      );
      return {
        exitCode: 0,
        owner,
        state: [`token ${tokenLine(match)}: unchanged`, `variables on ${where(vars)}: unchanged`],
      };
    }
    return {
      exitCode: 1,
      owner,
      state: current.map((t) => `token ${tokenLine(t)}: unchanged`),
      error: `${where(owner)} already has an active deploy token named "${req.name}" (${current.map((t) => `#${t.id}`).join(', ')}); its secret cannot be read again`,
      hint: 'run with --rotate to replace it safely (new token, variables, verify, then delete the old one)',
    };
  }

  // 3. The plan.
  const plan: string[] = [
    `create ${owner.level === 'groups' ? 'group' : 'project'} deploy token "${req.name}" on ${where(owner)}: scopes ${req.scopes.join(', ')}, ${req.expiresAt ? `expires ${req.expiresAt}` : 'never expires'}${req.username ? `, username ${req.username}` : ''}`,
  ];
  if (vars) {
    for (const k of VARIABLE_KEYS)
      plan.push(
        `${snapshot.get(k) ? 'update' : 'create'} ${k} on ${where(vars)} (masked${req.protected ? ', protected' : ''}, all environments)`,
      );
  } else plan.push('print the new token once on stdout (it cannot be read again)');
  plan.push('verify the new token and what was stored');
  for (const t of current) plan.push(`delete the old token ${tokenLine(t)}`);
  if (req.rotate && current.length === 0)
    log(`nothing to rotate: ${where(owner)} has no active "${req.name}" token; creating one`);
  if (!req.expiresAt)
    log(
      'warning: the token never expires; `deploy-token audit` flags that (use --expires-in DAYS and rotate)',
    );
  if (req.dryRun) {
    return { exitCode: 0, owner, state: ['nothing changed (dry run)'], plan: plan.map((p) => `would ${p}`) };
  }

  // 4. Do it, journaling every change.
  const journal: { created?: DeployToken & { token: string }; attempted: Key[]; deleted: DeployToken[] } = {
    attempted: [],
    deleted: [],
  };
  let step = 'creating the new token';
  try {
    const before = new Set(all.map((t) => t.id));
    try {
      journal.created = await createDeployToken(client, owner.level, owner.id, {
        name: req.name,
        scopes: req.scopes,
        ...(req.expiresAt ? { expires_at: req.expiresAt } : {}),
        ...(req.username ? { username: req.username } : {}),
      });
    } catch (e) {
      // A lost answer may still have created a token (POST is not retried): find and remove it.
      await removeOrphans(client, owner, req.name, before, log);
      throw e;
    }
    const created = journal.created;
    log(`created token ${tokenLine(created)} on ${where(owner)}`);
    if (vars) {
      step = 'checking that the new token can be masked';
      if (!MASKABLE.test(created.token) || !MASKABLE.test(created.username)) {
        throw new DeployTokenError(
          'GitLab would refuse to mask the new token or its username (masked values: 8+ characters of [a-zA-Z0-9_+=/@:.~-])',
          ExitCode.No,
          'use --store none, or a --username of 8+ such characters',
        );
      }
      for (const k of VARIABLE_KEYS) {
        step = `${snapshot.get(k) ? 'updating' : 'creating'} ${k} on ${where(vars)}`;
        journal.attempted.push(k);
        await writeVariable(
          client,
          vars.level,
          vars.id,
          {
            key: k,
            value: k === 'CI_DEPLOY_USER' ? created.username : created.token,
            masked: true,
            protected: req.protected,
            raw: false,
            environment_scope: '*',
          },
          snapshot.get(k) ? 'update' : 'create',
        );
        log(`${snapshot.get(k) ? 'updated' : 'created'} ${k} on ${where(vars)}`);
      }
    }
    step = 'verifying';
    await verify(client, owner, vars, created, req, deps.now());
    log('verified: the new token is active with the scopes asked, and the variables hold it');
    for (const old of current) {
      step = `deleting the old token #${old.id}`;
      const r = await deleteOld(client, owner, old);
      journal.deleted.push(old);
      log(`${r === 'deleted' ? 'deleted' : 'already gone:'} old token ${tokenLine(old)}`);
    }
    const state = [`token ${tokenLine(created)} on ${where(owner)}: active (new)`];
    if (vars)
      state.push(
        `CI_DEPLOY_USER and CI_DEPLOY_PASSWORD on ${where(vars)}: name the new token (masked${req.protected ? ', protected' : ''})`,
      );
    for (const t of current) state.push(`old token #${t.id}: deleted`);
    if (current.length > 0 && owner.level === 'groups') {
      log(
        `check that no project or subgroup variable still names the old token: deploy-token audit --group ${owner.path}`,
      );
    }
    return { exitCode: 0, created, owner, state };
  } catch (e) {
    const d = describe(e);
    const state = await recover(client, owner, vars, current, snapshot, journal);
    return {
      exitCode: d.code,
      owner,
      state,
      error: `failed while ${step}: ${d.message}`,
      ...(d.hint ? { hint: d.hint } : {}),
    };
  }
}

async function removeOrphans(
  client: GitLabClient,
  owner: Holder,
  name: string,
  before: Set<number>,
  log: (l: string) => void,
): Promise<void> {
  try {
    const now = await listDeployTokens(client, owner.level, owner.id);
    for (const t of now.filter((x) => x.name === name && !before.has(x.id))) {
      await deleteDeployToken(client, owner.level, owner.id, t.id);
      log(`deleted token #${t.id}: GitLab created it, but its answer was lost or unusable`);
    }
  } catch {
    log(
      `could not check whether a token was created although the answer was lost: \`deploy-token audit\` shows any extra "${name}"`,
    );
  }
}

async function verify(
  client: GitLabClient,
  owner: Holder,
  vars: Holder | undefined,
  created: DeployToken & { token: string },
  req: ProvisionRequest,
  now: Date,
): Promise<void> {
  const t = await getDeployToken(client, owner.level, owner.id, created.id);
  const problems: string[] = [];
  if (!tokenActivity(t, now).active) problems.push(`token #${t.id} is not active`);
  if (t.name !== req.name) problems.push(`token #${t.id} is named "${t.name}"`);
  const missing = req.scopes.filter((s) => !t.scopes.includes(s));
  if (missing.length) problems.push(`token #${t.id} lacks ${missing.join(', ')}`);
  if (vars) {
    for (const k of VARIABLE_KEYS) {
      const v = await readVariable(client, vars, k);
      const want = k === 'CI_DEPLOY_USER' ? created.username : created.token;
      if (!v) problems.push(`${k} is missing on ${where(vars)}`);
      else if (v.value !== null && v.value !== want)
        problems.push(`${k} on ${where(vars)} does not hold the new value`);
      else if (v.masked !== true) problems.push(`${k} on ${where(vars)} is not masked`);
    }
  }
  if (problems.length) {
    throw new DeployTokenError(
      `verification failed: ${problems.join('; ')}`,
      ExitCode.GitLab,
      'nothing was deleted; see the state below',
    );
  }
}

async function deleteOld(client: GitLabClient, owner: Holder, old: DeployToken): Promise<'deleted' | 'gone'> {
  try {
    return await deleteDeployToken(client, owner.level, owner.id, old.id);
  } catch (e) {
    // The answer may be lost after GitLab deleted it: ask before calling it a failure.
    try {
      await getDeployToken(client, owner.level, owner.id, old.id);
    } catch (g) {
      if ((g as { status?: number }).status === 404) return 'gone';
    }
    throw e;
  }
}

/** Undo what the journal says was (or may have been) done; report every item's final state. */
async function recover(
  client: GitLabClient,
  owner: Holder,
  vars: Holder | undefined,
  current: DeployToken[],
  snapshot: Map<Key, Snapshot>,
  journal: { created?: DeployToken & { token: string }; attempted: Key[]; deleted: DeployToken[] },
): Promise<string[]> {
  const state: string[] = [];
  if (journal.deleted.length > 0) {
    // An old token is gone: going back is impossible, so the new token and variables stay.
    state.push(
      `new token ${tokenLine(journal.created as DeployToken)}: active, kept${vars ? ' (the variables name it)' : ''}`,
    );
    for (const t of current) {
      state.push(
        journal.deleted.includes(t)
          ? `old token #${t.id}: deleted`
          : `old token #${t.id}: still active (delete it in Settings > Repository > Deploy tokens, or run --rotate again)`,
      );
    }
    return state;
  }
  for (const k of [...journal.attempted].reverse()) {
    const h = vars as Holder;
    const before = snapshot.get(k);
    try {
      if (before) {
        await writeVariable(
          client,
          h.level,
          h.id,
          {
            key: k,
            value: before.value as string,
            masked: before.masked === true,
            protected: before.protected === true,
            raw: before.raw === true,
            environment_scope: before.environment_scope ?? '*',
          },
          'update',
        );
        state.push(`${k} on ${where(h)}: restored to its previous value`);
      } else {
        await deleteVariable(client, h.level, h.id, k, '*');
        state.push(`${k} on ${where(h)}: removed again (it did not exist before)`);
      }
    } catch (e) {
      state.push(
        `${k} on ${where(h)}: COULD NOT BE RESTORED (${describe(e).message}); it may name the new token, which is about to be deleted: set it back by hand or run the command again`,
      );
    }
  }
  for (const k of VARIABLE_KEYS) {
    if (vars && !journal.attempted.includes(k)) state.push(`${k} on ${where(vars)}: unchanged`);
  }
  if (journal.created) {
    const c = journal.created;
    try {
      const r = await deleteDeployToken(client, owner.level, owner.id, c.id);
      state.push(`new token #${c.id}: ${r === 'deleted' ? 'deleted' : 'already gone'}`);
    } catch (e) {
      state.push(
        `new token #${c.id}: COULD NOT BE DELETED (${describe(e).message}); delete it in Settings > Repository > Deploy tokens`,
      );
    }
  } else state.push('no new token exists');
  for (const t of current) state.push(`old token ${tokenLine(t)}: kept, still active`);
  state.push(
    current.length > 0
      ? 'rolled back: jobs get the old token, as before; run the same command again to retry'
      : 'rolled back: nothing was created; run the same command again to retry',
  );
  return state;
}
