/**
 * Typed GitLab endpoints this tool reads. Thin: paths, query parameters and shape checks.
 * Sources: doc/api/deploy_tokens.md, projects.md, groups.md, project_level_variables.md,
 * group_level_variables.md, version.md, metadata.md (GITLAB_FACTS §3–5).
 */
import { GitLabApiError } from '../core/errors.js';
import type { GitLabClient } from './client.js';
import {
  asCiVariable,
  asDeployToken,
  asGroup,
  asProject,
  asVersionInfo,
  type CiVariable,
  type DeployToken,
  type Group,
  type Project,
  type VersionInfo,
} from './types.js';

/** A project or group id (numeric) or full path, encoded as GitLab wants it in a URL (`tanuki%2Fawesome_project`). */
export function encodeId(idOrPath: string | number): string {
  return encodeURIComponent(String(idOrPath).replace(/^\/+|\/+$/g, ''));
}

export type Level = 'projects' | 'groups';

/** `GET /version`, deprecated since 15.5 but still served; `/metadata` (15.2+) as the fallback. */
export async function getVersion(client: GitLabClient): Promise<VersionInfo> {
  try {
    return await client.get('/version', asVersionInfo);
  } catch (e) {
    if (e instanceof GitLabApiError && e.status === 404) return client.get('/metadata', asVersionInfo);
    throw e;
  }
}

export function getProject(client: GitLabClient, id: string | number): Promise<Project> {
  return client.get(`/projects/${encodeId(id)}`, asProject);
}

export function getGroup(client: GitLabClient, id: string | number): Promise<Group> {
  return client.get(`/groups/${encodeId(id)}`, asGroup);
}

/**
 * All deploy tokens of a project or group. With `active`, GitLab applies its own "active" scope
 * (`revoked = false AND expires_at >= NOW()`); an old server may ignore the parameter, so callers
 * filter client-side as well (GITLAB_FACTS §3).
 */
export function listDeployTokens(
  client: GitLabClient,
  level: Level,
  id: string | number,
  opts: { active?: boolean } = {},
): Promise<DeployToken[]> {
  const query: Record<string, string> = opts.active ? { active: 'true' } : {};
  return client.getAll(`/${level}/${encodeId(id)}/deploy_tokens`, asDeployToken, query);
}

/** One CI/CD variable by key, optionally filtered by environment scope. Errors carry `.status` (404, 409). */
export function getVariable(
  client: GitLabClient,
  level: Level,
  id: string | number,
  key: string,
  environmentScope?: string,
): Promise<CiVariable> {
  const query: Record<string, string> =
    environmentScope === undefined ? {} : { 'filter[environment_scope]': environmentScope };
  return client.get(`/${level}/${encodeId(id)}/variables/${encodeURIComponent(key)}`, asCiVariable, query);
}

/** Every CI/CD variable of a project or group (used when one key has several environment scopes). */
export function listVariables(
  client: GitLabClient,
  level: Level,
  id: string | number,
): Promise<CiVariable[]> {
  return client.getAll(`/${level}/${encodeId(id)}/variables`, asCiVariable);
}
