/**
 * A stand-in GitLab: answers the REST endpoints deploy-token uses, and the login endpoints a job uses
 * the credentials on (LFS, the registry and dependency proxy token service), built from the fixtures
 * in `fixtures/gitlab/` over a scenario, as GitLab's source answers them at the scenario's version
 * (docs/gitlab-rules.md, "API by version"). Used by `demo`, the benchmarks, and tests that need a real
 * HTTP server. Binds 127.0.0.1 only. One module per resource: tokens.ts, variables.ts, entities.ts,
 * auth.ts; this one routes and checks permissions.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import metadataFixture from '../../fixtures/gitlab/metadata.json' with { type: 'json' };
import patFixture from '../../fixtures/gitlab/personal_access_token.json' with { type: 'json' };
import userFixture from '../../fixtures/gitlab/user.json' with { type: 'json' };
import versionFixture from '../../fixtures/gitlab/version.json' with { type: 'json' };
import { jwtAuth, lfsBatch } from './auth.js';
import { groupListing, groupMember, groupView, projectView, protectedRefs } from './entities.js';
import {
  errors,
  gitlabError,
  json,
  notAllowed,
  parseBody,
  type StandinRequest,
  type StandinResponse,
} from './http.js';
import type { Scenario, ScenarioApiUser, ScenarioGroup, ScenarioProject } from './model.js';
import { Throttle, type ThrottleOptions } from './rate-limit.js';
import { deployTokens } from './tokens.js';
import { variables } from './variables.js';
import { GUEST, MAINTAINER, OWNER, World, type Entity } from './world.js';

export type { StandinRequest, StandinResponse } from './http.js';

export interface StandinOptions {
  /** The clock for relative expiry dates and GitLab's `expired` field. */
  now?: () => Date;
  /** Base URL used in Link headers and web_url fields. */
  baseUrl?: string;
  /**
   * Fault injection: sees every request before the stand-in does. Call `next()` to let GitLab
   * answer (and apply any change), then return that answer or another one (a lost answer after the
   * change happened); return without calling `next()` for a failure that changes nothing.
   */
  intercept?: (req: StandinRequest, next: () => StandinResponse) => StandinResponse;
  /** GitLab's authenticated API rate limit (rate-limit.ts); none by default, as on a fresh instance. */
  throttle?: ThrottleOptions;
}

/** `GET /personal_access_tokens/self`: 15.5+ (older answers 404). */
const PAT_SELF = [15, 5] as const;

const RESOURCE =
  /^\/(projects|groups)\/([^/]+)(?:\/(deploy_tokens|variables|descendant_groups|projects|members\/all|protected_branches|protected_tags)(?:\/([^/]+))?)?$/;

interface Routed {
  method: string;
  url: URL;
  u: ScenarioApiUser;
  body: Record<string, unknown>;
}

export class StandinGitLab {
  readonly scenario: Scenario;
  readonly requests: StandinRequest[] = [];
  private readonly world: World;
  private readonly intercept: StandinOptions['intercept'];
  readonly throttle: Throttle | undefined;

  constructor(scenario: Scenario, opts: StandinOptions = {}) {
    this.scenario = scenario;
    this.world = new World(
      scenario,
      opts.now ?? (() => new Date()),
      opts.baseUrl ?? 'https://gitlab.example.com',
    );
    this.intercept = opts.intercept;
    this.throttle = opts.throttle ? new Throttle(opts.throttle) : undefined;
  }

  /** Answer one request, as GitLab would (after the fault injector, if any). */
  handle(req: StandinRequest): StandinResponse {
    this.requests.push(req);
    // Rack::Attack runs before the application: a refused request changes nothing.
    const gate = this.throttle?.check(req);
    if (gate && 'refused' in gate) return gate.refused;
    const a = this.intercept ? this.intercept(req, () => this.answer(req)) : this.answer(req);
    return gate ? { ...a, headers: { ...a.headers, ...gate.headers } } : a;
  }

  private answer(req: StandinRequest): StandinResponse {
    const url = new URL(req.url, 'http://standin');
    const method = req.method.toUpperCase();
    const lfs = /^\/(.+)\.git\/info\/lfs\/objects\/batch$/.exec(url.pathname);
    if (lfs?.[1] && method === 'POST') return lfsBatch(this.world, req, decodeURIComponent(lfs[1]));
    if (url.pathname === '/jwt/auth' && method === 'GET') return jwtAuth(this.world, req, url);
    const token = req.headers['private-token'];
    if (!token || !this.scenario.apiTokens.includes(token)) return gitlabError('401');
    const u = this.world.user(token);
    const write = method !== 'GET' && method !== 'HEAD';
    // lib/api/api_guard.rb: reading needs read_api (or api); anything else needs api.
    if (write ? !u.scopes.includes('api') : !u.scopes.some((s) => s === 'api' || s === 'read_api'))
      return json(403, { ...errors['403_insufficient_scope'], scope: write ? 'api' : 'api read_api' });
    const body = write ? parseBody(req) : {};
    if (body === undefined) return json(400, { error: 'The request body is not valid JSON' });
    const path = url.pathname.replace(/^\/api\/v4/, '');
    return this.instance(path, { method, url, u, body }) ?? this.resource(path, { method, url, u, body });
  }

  /** Instance-wide endpoints: version, metadata, the caller. */
  private instance(path: string, r: Routed): StandinResponse | undefined {
    if (r.method !== 'GET') return undefined;
    const version = this.scenario.version;
    if (path === '/version') return json(200, { ...versionFixture, version });
    if (path === '/metadata') return json(200, { ...metadataFixture, version });
    if (path === '/user') {
      return json(200, {
        ...userFixture,
        id: r.u.id,
        username: r.u.username,
        ...(r.u.admin ? { is_admin: true } : {}),
      });
    }
    if (path === '/personal_access_tokens/self') {
      if (!this.world.at(PAT_SELF)) return json(404, { message: '404 Not Found' });
      return json(200, { ...patFixture, user_id: r.u.id, scopes: r.u.scopes });
    }
    return undefined;
  }

  /** `/projects/:id/...` and `/groups/:id/...`, with GitLab's permission rules. */
  private resource(path: string, r: Routed): StandinResponse {
    const m = RESOURCE.exec(path);
    if (!m) return json(404, { message: '404 Not Found' });
    const [, level, rawId = '', sub, rawKey] = m;
    const id = decodeURIComponent(rawId);
    const key = rawKey === undefined ? undefined : decodeURIComponent(rawKey);
    const p = level === 'projects' ? this.world.findProject(id) : undefined;
    const g = level === 'groups' ? this.world.findGroup(id) : undefined;
    const entity: Entity | undefined = p ? { level: 'projects', p } : g ? { level: 'groups', g } : undefined;
    // Private projects and groups are invisible (404) to non-members.
    if (!entity || this.world.accessLevel(r.u, entity) < GUEST)
      return gitlabError(level === 'projects' ? '404_project' : '404_group');
    const access = this.world.accessLevel(r.u, entity);
    const holder = (p ?? g) as ScenarioProject | ScenarioGroup;
    if (sub === undefined) {
      if (r.method !== 'GET') return notAllowed();
      return p
        ? json(200, projectView(this.world, p, r.u))
        : json(200, groupView(this.world, g as ScenarioGroup));
    }
    if (sub === 'descendant_groups' || sub === 'projects') {
      if (!g || r.method !== 'GET' || key !== undefined) return json(404, { message: '404 Not Found' });
      return groupListing(this.world, g, sub, r.url);
    }
    if (sub === 'members/all') {
      if (!g || r.method !== 'GET' || key === undefined) return json(404, { message: '404 Not Found' });
      return groupMember(this.world, g, key, r.u);
    }
    if (sub === 'protected_branches' || sub === 'protected_tags') {
      if (!p || r.method !== 'GET') return json(404, { message: '404 Not Found' });
      if (access < MAINTAINER) return gitlabError('403');
      return protectedRefs(this.world, p, sub === 'protected_branches' ? 'branches' : 'tags', key, r.url);
    }
    const lvl = level as 'projects' | 'groups';
    if (sub === 'deploy_tokens') {
      // Maintainers read and (for projects) create and delete; group tokens need Owner to change.
      if (access < (r.method === 'GET' || lvl === 'projects' ? MAINTAINER : OWNER)) return gitlabError('403');
      return deployTokens(this.world, { method: r.method, url: r.url, key, holder, body: r.body });
    }
    // CI/CD variables: Maintainer on a project, Owner on a group (lib/api/variables.rb, group_variables.rb).
    if (access < (lvl === 'projects' ? MAINTAINER : OWNER)) return gitlabError('403');
    return variables(this.world, { method: r.method, url: r.url, key, level: lvl, holder, body: r.body });
  }
}

export interface RunningStandin {
  url: string;
  gitlab: StandinGitLab;
  close(): Promise<void>;
}

/** Serve a stand-in on 127.0.0.1 (an ephemeral port), optionally with latency per request. */
export async function startStandin(
  scenario: Scenario,
  opts: StandinOptions & { latencyMs?: number } = {},
): Promise<RunningStandin> {
  // The model needs the server's URL (Link headers, web_url), known only once it listens.
  const holder: { gitlab?: StandinGitLab } = {};
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // GitLab's own request limits are far larger; 1 MB is plenty for this API and bounds memory.
      if (size <= 1_048_576) chunks.push(c);
    });
    req.on('end', () => {
      const answer = (holder.gitlab as StandinGitLab).handle({
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers,
        ...(size > 0 ? { body: Buffer.concat(chunks).toString('utf8') } : {}),
      });
      const send = () => {
        if (answer.status === 0) {
          res.socket?.destroy();
          return;
        }
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      };
      if (opts.latencyMs) setTimeout(send, opts.latencyMs);
      else send();
    });
  });
  // Node's fetch (undici) reuses a connection only when the server keeps it open longer than its 2 s
  // margin; with less, every request would open a new one (GitLab's nginx keeps them 65 s).
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const gitlab = new StandinGitLab(scenario, { ...opts, baseUrl: url });
  holder.gitlab = gitlab;
  return {
    url,
    gitlab,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
