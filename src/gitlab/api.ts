/**
 * Typed GitLab endpoints this tool reads. Thin: paths, query parameters and shape checks.
 * Sources: doc/api/deploy_tokens.md, projects.md, groups.md, project_level_variables.md,
 * group_level_variables.md, protected_branches.md, protected_tags.md, version.md, metadata.md;
 * which version serves what is in docs/gitlab-rules.md ("API by version").
 */
import { GitLabApiError } from '../core/errors.js';
import type { GitLabClient } from './client.js';
import {
  asAccessLevel,
  asCiVariable,
  asCurrentUser,
  asDeployToken,
  asGroup,
  asProject,
  asProtectedRef,
  asTokenScopes,
  asVersionInfo,
  type CiVariable,
  type CurrentUser,
  type DeployToken,
  type Group,
  type Project,
  type ProtectedRef,
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

/** `GET /:level/:id/<what>`, every page: one listing of a project's or group's own things. */
function holderListing<T>(what: string, parseItem: (x: unknown) => T) {
  return (client: GitLabClient, level: Level, id: string | number): Promise<T[]> =>
    client.getAll(`/${level}/${encodeId(id)}/${what}`, parseItem);
}

/**
 * All deploy tokens of a project or group, revoked and expired ones included: callers compute
 * activity themselves (src/resolve/activity.ts), as GitLab's SQL does, since `active=true` is
 * ignored by older servers and `expired` uses the server's local date (docs/gitlab-rules.md, "Active").
 */
export const listDeployTokens = holderListing('deploy_tokens', asDeployToken);

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
export const listVariables = holderListing('variables', asCiVariable);

/** Every subgroup below a group, at any depth (doc/api/groups.md "List descendant groups"). */
export function listDescendantGroups(client: GitLabClient, id: string | number): Promise<Group[]> {
  return client.getAll(`/groups/${encodeId(id)}/descendant_groups`, asGroup);
}

/** Every project of a group and (with `includeSubgroups`) its subgroups (doc/api/groups.md). */
export function listGroupProjects(
  client: GitLabClient,
  id: string | number,
  opts: { includeSubgroups?: boolean } = {},
): Promise<Project[]> {
  return client.getAll(
    `/groups/${encodeId(id)}/projects`,
    asProject,
    opts.includeSubgroups ? { include_subgroups: 'true' } : {},
  );
}

/** `GET /user`: who the API token belongs to. */
export function getCurrentUser(client: GitLabClient): Promise<CurrentUser> {
  return client.get('/user', asCurrentUser);
}

/**
 * The calling token's scopes (`GET /personal_access_tokens/self`), or undefined when GitLab cannot
 * say: an older instance (404) or a token that is not a personal, project or group access token.
 */
export async function getTokenScopes(client: GitLabClient): Promise<string[] | undefined> {
  try {
    return await client.get('/personal_access_tokens/self', asTokenScopes);
  } catch (e) {
    if (e instanceof GitLabApiError && (e.status === 404 || e.status === 401 || e.status === 403))
      return undefined;
    throw e;
  }
}

/** A user's access level on a group, inherited memberships included; 0 when not a member (404). */
export async function getGroupAccess(
  client: GitLabClient,
  group: string | number,
  userId: number,
): Promise<number> {
  try {
    return await client.get(`/groups/${encodeId(group)}/members/all/${userId}`, asAccessLevel);
  } catch (e) {
    if (e instanceof GitLabApiError && e.status === 404) return 0;
    throw e;
  }
}

export interface NewDeployToken {
  name: string;
  scopes: string[];
  /** ISO 8601; absent = never expires. */
  expires_at?: string;
  username?: string;
}

/**
 * `POST /:level/:id/deploy_tokens`. The answer (201) is the only one that carries the secret.
 * POST is never retried by the client: a lost answer may still have created a token, which the
 * caller finds again by name.
 */
export async function createDeployToken(
  client: GitLabClient,
  level: Level,
  id: string | number,
  t: NewDeployToken,
): Promise<DeployToken & { token: string }> {
  const { data } = await client.request('POST', `/${level}/${encodeId(id)}/deploy_tokens`, asDeployToken, {
    body: t,
  });
  if (!data?.token) {
    throw new GitLabApiError(
      'GitLab created a deploy token but its answer has no `token`',
      `/${level}/:id/deploy_tokens`,
      undefined,
      'the secret is only in the creation answer: delete that token in Settings > Repository > Deploy tokens and run again',
    );
  }
  return data as DeployToken & { token: string };
}

/**
 * One deploy token by id, or undefined when it does not exist. `GET .../deploy_tokens/:token_id`
 * arrived in 14.9 (lib/api/deploy_tokens.rb: "This feature was introduced in GitLab 14.9"); older
 * servers answer that route 404, so a 404 is confirmed through the listing.
 */
export async function findDeployToken(
  client: GitLabClient,
  level: Level,
  id: string | number,
  tokenId: number,
): Promise<DeployToken | undefined> {
  try {
    return await client.get(`/${level}/${encodeId(id)}/deploy_tokens/${tokenId}`, asDeployToken);
  } catch (e) {
    if (!(e instanceof GitLabApiError && e.status === 404)) throw e;
  }
  return (await listDeployTokens(client, level, id)).find((t) => t.id === tokenId);
}

/** The project's protected branches or tags, names and wildcards (`release/*`), every page. */
export function listProtectedRefs(
  client: GitLabClient,
  project: string | number,
  kind: 'branches' | 'tags',
): Promise<ProtectedRef[]> {
  return client.getAll(`/projects/${encodeId(project)}/protected_${kind}`, asProtectedRef);
}

/** `DELETE /:level/:id/deploy_tokens/:token_id`: "deleted" (204) or "gone" (404, already deleted). */
export async function deleteDeployToken(
  client: GitLabClient,
  level: Level,
  id: string | number,
  tokenId: number,
): Promise<'deleted' | 'gone'> {
  try {
    await client.request('DELETE', `/${level}/${encodeId(id)}/deploy_tokens/${tokenId}`, () => undefined);
    return 'deleted';
  } catch (e) {
    if (e instanceof GitLabApiError && e.status === 404) return 'gone';
    throw e;
  }
}

export interface VariableWrite {
  key: string;
  value: string;
  /** `env_var` (the value) or `file` (a path to a file holding it); GitLab keeps the old type when omitted. */
  variable_type?: 'env_var' | 'file';
  masked?: boolean;
  protected?: boolean;
  raw?: boolean;
  environment_scope?: string;
}

/** `POST /:level/:id/variables` (create) or `PUT .../variables/:key` (update), scoped to one environment. */
export async function writeVariable(
  client: GitLabClient,
  level: Level,
  id: string | number,
  v: VariableWrite,
  mode: 'create' | 'update',
): Promise<CiVariable> {
  const scope = v.environment_scope ?? '*';
  // A masked value is a secret: GitLab's error answers must not show it (not even cut in half).
  const secrets = v.masked ? [v.value] : [];
  const { data } =
    mode === 'create'
      ? await client.request('POST', `/${level}/${encodeId(id)}/variables`, asCiVariable, {
          body: { ...v, environment_scope: scope },
          secrets,
        })
      : await client.request(
          'PUT',
          `/${level}/${encodeId(id)}/variables/${encodeURIComponent(v.key)}`,
          asCiVariable,
          {
            body: { ...v, environment_scope: scope },
            query: { 'filter[environment_scope]': scope },
            secrets,
          },
        );
  if (!data)
    throw new GitLabApiError('GitLab answered a variable write with no body', `/${level}/:id/variables`);
  return data;
}

/** `DELETE /:level/:id/variables/:key` in one environment scope: "deleted" or "gone" (404). */
export async function deleteVariable(
  client: GitLabClient,
  level: Level,
  id: string | number,
  key: string,
  environmentScope = '*',
): Promise<'deleted' | 'gone'> {
  try {
    await client.request(
      'DELETE',
      `/${level}/${encodeId(id)}/variables/${encodeURIComponent(key)}`,
      () => undefined,
      {
        query: { 'filter[environment_scope]': environmentScope },
      },
    );
    return 'deleted';
  } catch (e) {
    if (e instanceof GitLabApiError && e.status === 404) return 'gone';
    throw e;
  }
}
