/**
 * Where a provision run works, found with GETs only before anything changes: the project or group
 * that owns the token, and the project or group whose CI/CD variables store it.
 */
import { UsageError } from '../core/errors.js';
import { getGroup, getProject } from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import type { Project } from '../gitlab/types.js';
import { isHiddenFromUs, type Holder } from './model.js';
import type { ProvisionRequest } from './request.js';

export interface Targets {
  owner: Holder;
  vars?: Holder;
  project?: Project;
}

/** The project the request needs (or may use), read from GitLab. */
async function findProject(client: GitLabClient, req: ProvisionRequest): Promise<Project | undefined> {
  const needProject = req.level === 'project' || req.store === 'project-variables' || req.group === undefined;
  if (needProject) {
    if (!req.project) {
      throw new UsageError(
        'provision needs a project',
        req.level === 'group'
          ? 'pass --group PATH, or --project ID|PATH to use its parent group'
          : 'pass --project ID|PATH (default $CI_PROJECT_ID, then $CI_PROJECT_PATH)',
      );
    }
    return getProject(client, req.project);
  }
  if (req.rotate && req.project) {
    // Only for the check that no variable of the project names the token a rotation deletes.
    try {
      return await getProject(client, req.project);
    } catch (e) {
      if (!isHiddenFromUs(e)) throw e;
    }
  }
  return undefined;
}

/** The group of a group-level request: --group, else the project's parent group. */
async function findGroup(
  client: GitLabClient,
  req: ProvisionRequest,
  project: Project | undefined,
): Promise<Holder | undefined> {
  if (req.level !== 'group') return undefined;
  if (req.group !== undefined) {
    const g = await getGroup(client, req.group);
    return { level: 'groups', id: g.id, path: g.full_path };
  }
  const p = project as Project;
  if (p.namespace.kind !== 'group') {
    throw new UsageError(
      `project ${p.path_with_namespace} is in a user namespace: it has no group`,
      'pass --group PATH, or use --level project',
    );
  }
  return { level: 'groups', id: p.namespace.id, path: p.namespace.full_path };
}

/** A group token stored in a project's variables must be able to log in there (lib/gitlab/auth.rb). */
function checkGroupAbove(group: Holder, project: Project): void {
  const ns = project.namespace.full_path;
  if (project.namespace.kind !== 'group' || (ns !== group.path && !ns.startsWith(`${group.path}/`))) {
    throw new UsageError(
      `group ${group.path} is not above project ${project.path_with_namespace}: its token cannot log in there`,
      `use a group the project is in (${ns}), or --level project`,
    );
  }
}

/** Find where the token goes and where its variables go; GETs only. */
export async function findTargets(client: GitLabClient, req: ProvisionRequest): Promise<Targets> {
  const project = await findProject(client, req);
  const projectHolder = project
    ? ({ level: 'projects', id: project.id, path: project.path_with_namespace } as Holder)
    : undefined;
  const groupHolder = await findGroup(client, req, project);
  if (groupHolder && project && req.store === 'project-variables') checkGroupAbove(groupHolder, project);
  const owner = (req.level === 'group' ? groupHolder : projectHolder) as Holder;
  const vars =
    req.store === 'project-variables'
      ? projectHolder
      : req.store === 'group-variables'
        ? groupHolder
        : undefined;
  return { owner, ...(vars ? { vars } : {}), ...(project ? { project } : {}) };
}
