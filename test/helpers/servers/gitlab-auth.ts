/**
 * How GitLab decides what a deploy token may do, for the test servers that stand in for its
 * registries, read from GitLab's source:
 * - login (lib/gitlab/auth.rb, deploy-token branch): the token is found by its secret among active
 *   ones (not revoked, not expired), and the login name must be that token's username;
 * - access (DeployToken#has_access_to?): a project token to its project, a group token to the
 *   projects below its group;
 * - packages (app/policies/packages/policies/project_policy.rb): read_package with
 *   read_package_registry or write_package_registry, create_package with write_package_registry;
 *   no login 401, a login without the right 403 (API helpers unauthorized!/forbidden!);
 * - git (Gitlab::Auth::Result abilities): download_code with read_repository;
 * - the container registry (app/services/auth/container_registry_authentication_service.rb):
 *   `pull` with read_registry, `push` with write_registry, each granted on its own;
 * - the dependency proxy (DeployToken#valid_for_dependency_proxy?, has_access_to_group?): a group
 *   token with read_registry and write_registry pulls `<group>/dependency_proxy/containers/...`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { expiryInstant, type Scenario, type ScenarioToken } from '../../../src/standin/model.js';
import { basicAuth } from './gitlab-front.js';

export interface LoggedIn {
  token: ScenarioToken;
  username: string;
  /** The project paths the token reaches. */
  projects: string[];
  /** A group token's group and the groups below it. */
  groups: string[];
}

const usernameOf = (t: ScenarioToken) => t.username ?? `gitlab+deploy-token-${t.id}`;

/** Every deploy token of the scenario with the projects and groups it reaches. */
function tokens(sc: Scenario): Omit<LoggedIn, 'username'>[] {
  const reach = (groupId: number) => {
    const ids = [groupId];
    for (let i = 0; i < ids.length; i++)
      for (const g of sc.groups) if (g.parent_id === ids[i] && !ids.includes(g.id)) ids.push(g.id);
    return {
      groups: sc.groups.filter((g) => ids.includes(g.id)).map((g) => g.full_path),
      projects: sc.projects
        .filter((p) => p.namespace_id !== null && ids.includes(p.namespace_id))
        .map((p) => p.path_with_namespace),
    };
  };
  return [
    ...sc.projects.flatMap((p) =>
      (p.tokens ?? []).map((token) => ({ token, projects: [p.path_with_namespace], groups: [] })),
    ),
    ...sc.groups.flatMap((g) => (g.tokens ?? []).map((token) => ({ token, ...reach(g.id) }))),
  ];
}

/** GitLab's deploy-token login: undefined when GitLab would answer 401. */
export function deployTokenLogin(
  sc: Scenario,
  login: string | null,
  secret: string | null,
  now: Date = new Date(),
): LoggedIn | undefined {
  if (!secret) return undefined;
  const found = tokens(sc).find(({ token }) => {
    if (token.token !== secret || token.revoked) return false;
    const exp = expiryInstant(token.expires, now);
    return exp === null || new Date(exp).getTime() > now.getTime();
  });
  if (!found) return undefined;
  // Token-only headers (npm's Bearer, Maven's Deploy-Token) carry no login name to check.
  if (login !== null && login !== usernameOf(found.token)) return undefined;
  return { ...found, username: usernameOf(found.token) };
}

export type PackageAction = 'read' | 'write';

/** The scopes a package action needs (any one of them). */
const PACKAGE_SCOPES: Record<PackageAction, string[]> = {
  read: ['read_package_registry', 'write_package_registry'],
  write: ['write_package_registry'],
};

/** A deploy token from basic auth, a Bearer token (npm) or a Deploy-Token header (Maven). */
export function loginFrom(req: IncomingMessage, sc: Scenario): LoggedIn | undefined {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) return deployTokenLogin(sc, null, bearer);
  const header = req.headers['deploy-token'];
  if (typeof header === 'string') return deployTokenLogin(sc, null, header);
  const { user, pass } = basicAuth(req);
  return deployTokenLogin(sc, user, pass);
}

export interface Decision {
  status: 200 | 401 | 403;
  login?: LoggedIn;
}

/** What GitLab's package API answers a request for `project` that wants `action`. */
function packageAccess(req: IncomingMessage, sc: Scenario, project: string, action: PackageAction): Decision {
  const login = loginFrom(req, sc);
  if (!login) return { status: 401 };
  const ok =
    login.projects.includes(project) && PACKAGE_SCOPES[action].some((s) => login.token.scopes.includes(s));
  return { status: ok ? 200 : 403, login };
}

/** Refuses as GitLab does (401 with a Basic challenge, or 403), or returns true to go on. */
function allow(res: ServerResponse, d: Decision): boolean {
  if (d.status === 401)
    res
      .writeHead(401, { 'www-authenticate': 'Basic realm="GitLab"', 'content-type': 'application/json' })
      .end('{"message":"401 Unauthorized"}');
  else if (d.status === 403)
    res.writeHead(403, { 'content-type': 'application/json' }).end('{"message":"403 Forbidden"}');
  return d.status === 200;
}

/** A request to a package endpoint, as the tests read it. */
export interface PackageRequest {
  method: string;
  path: string;
  user: string | null;
  status: number;
}

/**
 * GitLab's package policy on one request: decided, logged (as `at.path`), and refused as GitLab
 * refuses (401 or 403). True when the request may go on.
 */
export function packageGate(
  req: IncomingMessage,
  res: ServerResponse,
  at: { scenario: Scenario; project: string; action: PackageAction; path: string },
  log: PackageRequest[],
): boolean {
  const d = packageAccess(req, at.scenario, at.project, at.action);
  log.push({ method: req.method ?? 'GET', path: at.path, user: d.login?.username ?? null, status: d.status });
  return allow(res, d);
}

/** The registry actions GitLab grants a deploy token on a repository (its path in the registry). */
export function registryActions(
  login: LoggedIn | undefined,
  repository: string,
  requested: string[],
): string[] {
  if (!login) return [];
  const proxyGroup = /^(.+)\/dependency_proxy\/containers\//.exec(repository)?.[1];
  if (proxyGroup !== undefined) {
    const s = login.token.scopes;
    const valid =
      login.groups.includes(proxyGroup) && s.includes('read_registry') && s.includes('write_registry');
    return valid ? requested.filter((a) => a === 'pull') : [];
  }
  // ContainerRepository.project_from_path: the project whose path the repository path starts with.
  if (!login.projects.some((p) => repository === p || repository.startsWith(`${p}/`))) return [];
  return requested.filter(
    (a) =>
      (a === 'pull' && login.token.scopes.includes('read_registry')) ||
      (a === 'push' && login.token.scopes.includes('write_registry')),
  );
}
