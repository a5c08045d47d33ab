/**
 * The GitLab API answers this tool reads, in the shapes GitLab documents, with runtime checks:
 * an answer that is not the documented JSON (an HTML sign-in page, a wrong shape) must become a
 * clear error (exit 3), never a crash deep inside the resolver.
 */

/** doc/api/deploy_tokens.md. `expires_at` is null for a token that never expires. */
export interface DeployToken {
  id: number;
  name: string;
  username: string;
  expires_at: string | null;
  /** false also when an older GitLab did not say (then `revokedUnknown` is set). */
  revoked: boolean;
  /**
   * Older GitLab answers have no `revoked` field (lib/api/entities/deploy_token.rb gained it with
   * the `active` filter, issue 292433): the token may be revoked, and nothing here can tell.
   */
  revokedUnknown?: true;
  /** GitLab's own `expired` flag (`expires_at < Date.today`, server-local date): never trusted (docs/gitlab-rules.md, "Active"). */
  expired?: boolean;
  scopes: string[];
  /** Only in the POST answer (201): the one chance to capture the secret. */
  token?: string;
}

/** doc/api/projects.md (the fields this tool reads). */
export interface Project {
  id: number;
  path_with_namespace: string;
  web_url?: string;
  http_url_to_repo?: string;
  namespace: {
    id: number;
    kind: 'group' | 'user';
    full_path: string;
    parent_id?: number | null;
  };
  container_registry_image_prefix?: string | null;
  lfs_enabled?: boolean;
  /** The caller's own membership (single-project answers only); null where none, also for admins. */
  permissions?: { projectAccess: number | null; groupAccess: number | null };
}

/** doc/api/users.md `GET /user` (the fields this tool reads); `is_admin` appears for administrators. */
export interface CurrentUser {
  id: number;
  username: string;
  isAdmin: boolean;
}

/** doc/api/groups.md (the fields this tool reads). */
export interface Group {
  id: number;
  full_path: string;
  parent_id: number | null;
}

/** doc/api/project_level_variables.md, group_level_variables.md. `value` is null when hidden (17.4+). */
export interface CiVariable {
  variable_type?: 'env_var' | 'file';
  key: string;
  value: string | null;
  protected?: boolean;
  masked?: boolean;
  hidden?: boolean;
  raw?: boolean;
  environment_scope?: string;
  description?: string | null;
}

/** doc/api/protected_branches.md, protected_tags.md: a protected name or wildcard (`release/*`). */
export interface ProtectedRef {
  name: string;
}

/** doc/api/version.md, doc/api/metadata.md. */
export interface VersionInfo {
  version: string;
  revision?: string;
}

/** Thrown by the shape checks; the client turns it into a GitLabApiError naming the endpoint. */
export class ShapeError extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'ShapeError';
  }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function need(cond: boolean, what: string): asserts cond {
  if (!cond) throw new ShapeError(what);
}

/**
 * Control characters (C0, DEL, C1), line and paragraph separators, and Unicode format characters
 * (\p{Cf}: the bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, the marks
 * U+200E, U+200F and U+061C, zero-width characters): a name holding them could display as another
 * ("\u202enekot-yolped-baltig" shows as gitlab-deploy-token).
 */
const CONTROL_CHARS = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export function asDeployToken(x: unknown): DeployToken {
  need(isObject(x), 'a deploy token must be a JSON object');
  need(typeof x.id === 'number', 'deploy token `id` must be a number');
  need(typeof x.name === 'string', 'deploy token `name` must be a string');
  need(typeof x.username === 'string', 'deploy token `username` must be a string');
  need(
    x.expires_at === null || x.expires_at === undefined || typeof x.expires_at === 'string',
    'deploy token `expires_at` must be a string or null',
  );
  if (typeof x.expires_at === 'string') {
    need(!Number.isNaN(Date.parse(x.expires_at)), 'deploy token `expires_at` must be a date');
  }
  need(x.revoked === undefined || typeof x.revoked === 'boolean', 'deploy token `revoked` must be a boolean');
  need(
    Array.isArray(x.scopes) && x.scopes.every((s) => typeof s === 'string'),
    'deploy token `scopes` must be a list of strings',
  );
  const t: DeployToken = {
    id: x.id,
    // A name is free text anyone with Maintainer can set: control characters (terminal escapes,
    // newlines) and invisible format characters (bidi overrides) never reach an output. GitLab's
    // special name has none, so matching is unaffected.
    name: x.name.replace(CONTROL_CHARS, '?'),
    // An empty username is GitLab's default one (app/models/deploy_token.rb `username`,
    // DeployTokenMethods: `params[:username].presence`).
    username: x.username === '' ? `gitlab+deploy-token-${x.id}` : x.username.replace(CONTROL_CHARS, '?'),
    expires_at: (x.expires_at as string | null | undefined) ?? null,
    revoked: x.revoked === true,
    scopes: [...(x.scopes as string[])],
  };
  if (x.revoked === undefined) t.revokedUnknown = true;
  if (typeof x.expired === 'boolean') t.expired = x.expired;
  if (typeof x.token === 'string') t.token = x.token;
  return t;
}

export function asProject(x: unknown): Project {
  need(isObject(x), 'a project must be a JSON object');
  need(typeof x.id === 'number', 'project `id` must be a number');
  need(typeof x.path_with_namespace === 'string', 'project `path_with_namespace` must be a string');
  const ns = x.namespace;
  need(isObject(ns), 'project `namespace` must be an object');
  need(typeof ns.id === 'number', 'project `namespace.id` must be a number');
  need(ns.kind === 'group' || ns.kind === 'user', 'project `namespace.kind` must be "group" or "user"');
  need(typeof ns.full_path === 'string', 'project `namespace.full_path` must be a string');
  const p: Project = {
    id: x.id,
    path_with_namespace: x.path_with_namespace,
    namespace: {
      id: ns.id,
      kind: ns.kind,
      full_path: ns.full_path,
      parent_id: typeof ns.parent_id === 'number' ? ns.parent_id : null,
    },
  };
  if (typeof x.web_url === 'string') p.web_url = x.web_url;
  if (typeof x.http_url_to_repo === 'string') p.http_url_to_repo = x.http_url_to_repo;
  if (typeof x.container_registry_image_prefix === 'string') {
    p.container_registry_image_prefix = x.container_registry_image_prefix;
  }
  if (typeof x.lfs_enabled === 'boolean') p.lfs_enabled = x.lfs_enabled;
  if (isObject(x.permissions)) {
    const level = (a: unknown) => (isObject(a) && typeof a.access_level === 'number' ? a.access_level : null);
    p.permissions = {
      projectAccess: level(x.permissions.project_access),
      groupAccess: level(x.permissions.group_access),
    };
  }
  return p;
}

export function asGroup(x: unknown): Group {
  need(isObject(x), 'a group must be a JSON object');
  need(typeof x.id === 'number', 'group `id` must be a number');
  need(typeof x.full_path === 'string', 'group `full_path` must be a string');
  return {
    id: x.id,
    full_path: x.full_path,
    parent_id: typeof x.parent_id === 'number' ? x.parent_id : null,
  };
}

export function asCiVariable(x: unknown): CiVariable {
  need(isObject(x), 'a CI/CD variable must be a JSON object');
  need(typeof x.key === 'string', 'variable `key` must be a string');
  need(x.value === null || typeof x.value === 'string', 'variable `value` must be a string or null');
  const v: CiVariable = { key: x.key, value: x.value };
  if (x.variable_type === 'env_var' || x.variable_type === 'file') v.variable_type = x.variable_type;
  if (typeof x.protected === 'boolean') v.protected = x.protected;
  if (typeof x.masked === 'boolean') v.masked = x.masked;
  if (typeof x.hidden === 'boolean') v.hidden = x.hidden;
  if (typeof x.raw === 'boolean') v.raw = x.raw;
  if (typeof x.environment_scope === 'string') v.environment_scope = x.environment_scope;
  if (typeof x.description === 'string' || x.description === null) v.description = x.description;
  return v;
}

export function asProtectedRef(x: unknown): ProtectedRef {
  need(isObject(x), 'a protected branch or tag must be a JSON object');
  need(typeof x.name === 'string', 'protected branch or tag `name` must be a string');
  return { name: x.name };
}

export function asCurrentUser(x: unknown): CurrentUser {
  need(isObject(x), 'the user must be a JSON object');
  need(typeof x.id === 'number', 'user `id` must be a number');
  need(typeof x.username === 'string', 'user `username` must be a string');
  return { id: x.id, username: x.username, isAdmin: x.is_admin === true };
}

/** doc/api/personal_access_tokens.md `GET /personal_access_tokens/self`: the calling token's scopes. */
export function asTokenScopes(x: unknown): string[] {
  need(isObject(x), 'the personal access token must be a JSON object');
  need(
    Array.isArray(x.scopes) && x.scopes.every((s) => typeof s === 'string'),
    'personal access token `scopes` must be a list of strings',
  );
  return [...(x.scopes as string[])];
}

/** doc/api/members.md: a member's (inherited) `access_level`. */
export function asAccessLevel(x: unknown): number {
  need(isObject(x), 'a member must be a JSON object');
  need(typeof x.access_level === 'number', 'member `access_level` must be a number');
  return x.access_level;
}

export function asVersionInfo(x: unknown): VersionInfo {
  need(isObject(x), 'the version answer must be a JSON object');
  need(typeof x.version === 'string', 'the version answer must have a `version` string');
  const v: VersionInfo = { version: x.version };
  if (typeof x.revision === 'string') v.revision = x.revision;
  return v;
}

export function asList<T>(item: (x: unknown) => T): (x: unknown) => T[] {
  return (x: unknown) => {
    need(Array.isArray(x), 'expected a JSON list');
    return x.map(item);
  };
}
