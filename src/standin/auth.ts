/**
 * Using a deploy token as GitLab judges it, for tests that log in with what resolution handed out
 * (docs/gitlab-rules.md, "Login", "Scopes", "Dependency proxy"):
 *
 * - lib/gitlab/auth.rb `deploy_token_check`: `DeployToken.active.find_by_token(password)`, then the
 *   login name must be that token's username, and the token must have access to the project.
 * - app/models/deploy_token.rb `has_access_to?`: a project token its project; a group token the
 *   projects of its group and subgroups. `valid_for_dependency_proxy?`: a group token, active, with
 *   read+write registry or read+write virtual registry.
 * - app/controllers/concerns/lfs_request.rb: `deploy_token.project == project` before 15.7,
 *   `has_access_to?` from 15.7; read_repository either way.
 * - app/services/auth/container_registry_authentication_service.rb: pull needs read_registry, push
 *   write_registry, each on a project the token has access to.
 */
import {
  DEPENDENCY_PROXY_DEPLOY_TOKENS,
  DEPENDENCY_PROXY_VIRTUAL_SCOPES,
  LFS_GROUP_TOKENS,
} from '../gitlab/version.js';
import { basicAuth, json, type StandinRequest, type StandinResponse } from './http.js';
import { expiryInstant, type ScenarioProject, type ScenarioToken } from './model.js';
import type { World } from './world.js';

/** The token a login name and password log in as, or undefined (lib/gitlab/auth.rb). */
export function deployTokenLogin(w: World, login: string, password: string): ScenarioToken | undefined {
  if (password === '') return undefined;
  const t = w.allTokens().find((x) => x.token === password && w.activeNow(x));
  if (!t || login !== w.usernameOf(t)) return undefined;
  return t;
}

/** `DeployToken#has_access_to?`. */
export function hasAccessTo(w: World, t: ScenarioToken, p: ScenarioProject): boolean {
  const holder = w.holderOf(t);
  if (!holder) return false;
  if (holder.level === 'projects') return holder.p === p;
  const group = w.groupById(p.namespace_id);
  if (!group) return false;
  return group.id === holder.g.id || w.descendants(holder.g).some((d) => d.id === group.id);
}

/** `DeployToken#active?`: not revoked, and `expires_at < Date.today` false (the date, not the instant). */
function activeByDate(w: World, t: ScenarioToken): boolean {
  const now = w.now();
  const e = expiryInstant(t.expires, now);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return !t.revoked && (e === null || new Date(e).getTime() >= today);
}

const denied = (): StandinResponse => json(401, { message: 'HTTP Basic: Access denied' });

/** `POST /:project.git/info/lfs/objects/batch` with a deploy token. */
export function lfsBatch(w: World, req: StandinRequest, projectPath: string): StandinResponse {
  const creds = basicAuth(req);
  const t = creds && deployTokenLogin(w, creds.login, creds.password);
  if (!t) return denied();
  const p = w.findProject(projectPath);
  const notFound = json(404, { message: 'Not found.', documentation_url: `${w.baseUrl}/help` });
  if (!p) return notFound;
  const access = w.at(LFS_GROUP_TOKENS) ? hasAccessTo(w, t, p) : (p.tokens ?? []).includes(t);
  if (!access || !t.scopes.includes('read_repository')) return notFound;
  return {
    status: 200,
    headers: { 'content-type': 'application/vnd.git-lfs+json' },
    body: JSON.stringify({ objects: [] }),
  };
}

/** `GET /jwt/auth?service=...&scope=...`: the registry or the dependency proxy. */
export function jwtAuth(w: World, req: StandinRequest, url: URL): StandinResponse {
  const creds = basicAuth(req);
  const t = creds && deployTokenLogin(w, creds.login, creds.password);
  if (!t) return denied();
  if (url.searchParams.get('service') === 'dependency_proxy') {
    return validForDependencyProxy(w, t)
      ? json(200, { token: 'standin-dependency-proxy-jwt' })
      : json(403, { message: 'access forbidden' });
  }
  const scope = /^repository:(.+):([a-z,*]+)$/.exec(url.searchParams.get('scope') ?? '');
  const p = scope?.[1] ? w.findProject(scope[1]) : undefined;
  const asked = (scope?.[2] ?? '').split(',');
  const actions = asked.filter(
    (a) =>
      p !== undefined &&
      hasAccessTo(w, t, p) &&
      ((a === 'pull' && t.scopes.includes('read_registry')) ||
        (a === 'push' && t.scopes.includes('write_registry'))),
  );
  const access = p && scope ? [{ type: 'repository', name: scope[1], actions }] : [];
  // The stand-in's token carries the granted access in plain JSON (GitLab signs a JWT holding the same).
  return json(200, { token: Buffer.from(JSON.stringify({ access })).toString('base64url'), access });
}

/** `DeployToken#valid_for_dependency_proxy?`, with the releases where it changed. */
function validForDependencyProxy(w: World, t: ScenarioToken): boolean {
  if (!w.at(DEPENDENCY_PROXY_DEPLOY_TOKENS)) return false;
  const holder = w.holderOf(t);
  if (holder?.level !== 'groups' || !activeByDate(w, t)) return false;
  const has = (a: string, b: string) => t.scopes.includes(a) && t.scopes.includes(b);
  if (has('read_registry', 'write_registry')) return true;
  // From 17.11 behind dependency_proxy_read_write_scopes (off by default), from 18.0 always.
  return w.at(DEPENDENCY_PROXY_VIRTUAL_SCOPES) && has('read_virtual_registry', 'write_virtual_registry');
}
