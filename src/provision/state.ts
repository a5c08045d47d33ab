/**
 * What is there before a provision run changes anything: the API token's rights, the owner's tokens
 * and the two variables where they will be stored. Refuses (before any change) what a run could not
 * undo or would break: variables in other environment scopes, hidden variables.
 */
import { DeployTokenError, ExitCode } from '../core/errors.js';
import { listDeployTokens, listVariables } from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import type { Project } from '../gitlab/types.js';
import { tokenActivity } from '../resolve/activity.js';
import { checkPermissions, PermissionError } from './permissions.js';
import {
  readVariable,
  VARIABLE_KEYS,
  where,
  type Before,
  type Holder,
  type Key,
  type Snapshot,
} from './model.js';
import type { ProvisionRequest } from './request.js';
import type { Targets } from './targets.js';

/** Permissions, before anything changes: Maintainer on a project, Owner on a group, the `api` scope. */
async function checkRights(
  client: GitLabClient,
  owner: Holder,
  vars: Holder | undefined,
  project: Project | undefined,
  log: (l: string) => void,
): Promise<void> {
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
}

/**
 * The same key in another environment scope wins over `*` in that environment: those jobs would keep
 * the old credentials, and lose them when the old token is deleted (app/models/concerns/has_environment_scope.rb).
 */
async function refuseScopedVariables(client: GitLabClient, vars: Holder): Promise<void> {
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

/** A hidden variable cannot be read, so it could not be restored if a step failed. */
function refuseHidden(snapshot: Map<Key, Snapshot>, vars: Holder | undefined): void {
  for (const [k, v] of snapshot) {
    if (v?.hidden || (v && v.value === null)) {
      throw new DeployTokenError(
        `${k} on ${where(vars as Holder)} is a hidden variable: its value cannot be read, so it could not be restored if a step failed`,
        ExitCode.No,
        `delete ${k} there (Settings > CI/CD > Variables) and run again; deploy-token writes it masked`,
      );
    }
  }
}

/** Rights, the owner's tokens, the variables as they are: every read before the first change. */
export async function readBefore(
  client: GitLabClient,
  req: ProvisionRequest,
  t: Targets,
  now: Date,
  log: (l: string) => void,
): Promise<Before> {
  const { owner, vars } = t;
  await checkRights(client, owner, vars, t.project, log);
  const all = await listDeployTokens(client, owner.level, owner.id);
  const current = all.filter((x) => x.name === req.name && tokenActivity(x, now).active);
  const snapshot = new Map<Key, Snapshot>();
  if (vars) for (const k of VARIABLE_KEYS) snapshot.set(k, await readVariable(client, vars, k));
  if (vars) await refuseScopedVariables(client, vars);
  refuseHidden(snapshot, vars);
  return { owner, vars, current, all, snapshot };
}
