/**
 * A stand-in GitLab: answers the REST endpoints deploy-token uses, built from the fixtures in
 * `fixtures/gitlab/` (GitLab's documented shapes, headers included), over a scenario. Used by `demo`,
 * the benchmarks, and tests that need a real HTTP server. Binds 127.0.0.1 only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import deployTokenFixture from '../../fixtures/gitlab/deploy_token.json' with { type: 'json' };
import errorsFixture from '../../fixtures/gitlab/errors.json' with { type: 'json' };
import groupFixture from '../../fixtures/gitlab/group.json' with { type: 'json' };
import metadataFixture from '../../fixtures/gitlab/metadata.json' with { type: 'json' };
import pagination from '../../fixtures/gitlab/pagination_headers.json' with { type: 'json' };
import projectFixture from '../../fixtures/gitlab/project.json' with { type: 'json' };
import variableFixture from '../../fixtures/gitlab/variable.json' with { type: 'json' };
import versionFixture from '../../fixtures/gitlab/version.json' with { type: 'json' };
import type { CiVariable } from '../gitlab/types.js';
import {
  expiryInstant,
  type Scenario,
  type ScenarioGroup,
  type ScenarioProject,
  type ScenarioToken,
} from './model.js';

export interface StandinRequest {
  method: string;
  /** Path and query, e.g. `/api/v4/projects/3/deploy_tokens?active=true`. */
  url: string;
  headers: Record<string, string | undefined>;
}

export interface StandinResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface StandinOptions {
  /** The clock for relative expiry dates and GitLab's `expired` field. */
  now?: () => Date;
  /** Base URL used in Link headers and web_url fields. */
  baseUrl?: string;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): StandinResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

function tokenView(t: ScenarioToken, now: Date): Record<string, unknown> {
  const expires_at = expiryInstant(t.expires, now);
  // GitLab's `expired` compares with the server's local *date* (expires_at < Date.today), so on the
  // expiry day it still says false; the stand-in reproduces that (GITLAB_FACTS §1).
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const expired = expires_at !== null && new Date(expires_at).getTime() < today;
  return {
    ...deployTokenFixture,
    id: t.id,
    name: t.name,
    username: t.username ?? `gitlab+deploy-token-${t.id}`,
    expires_at,
    revoked: t.revoked ?? false,
    expired,
    scopes: t.scopes,
  };
}

function activeNow(t: ScenarioToken, now: Date): boolean {
  const e = expiryInstant(t.expires, now);
  // app/models/deploy_token.rb: revoked = false AND expires_at >= NOW()
  return !t.revoked && (e === null || new Date(e).getTime() >= now.getTime());
}

/** GitLab's offset pagination (doc/api/rest/index.md#pagination) with the fixture's headers. */
function paginate(items: unknown[], url: URL, base: string): StandinResponse {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 20) || 20));
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const q = new URLSearchParams(url.searchParams);
  q.delete('page');
  const linkBase = `${base}${url.pathname}?${q.toString()}`;
  const fill = (s: string) =>
    s
      .replaceAll('{page}', String(page))
      .replaceAll('{per_page}', String(perPage))
      .replaceAll('{next}', page < totalPages ? String(page + 1) : '')
      .replaceAll('{prev}', page > 1 ? String(page - 1) : '')
      .replaceAll('{total}', String(items.length))
      .replaceAll('{total_pages}', String(totalPages))
      .replaceAll('{base}', linkBase);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(pagination)) {
    if (k === 'comment') continue;
    headers[k] = fill(v);
  }
  return { status: 200, headers, body: JSON.stringify(slice) };
}

export class StandinGitLab {
  readonly scenario: Scenario;
  readonly requests: StandinRequest[] = [];
  private readonly now: () => Date;
  private readonly baseUrl: string;

  constructor(scenario: Scenario, opts: StandinOptions = {}) {
    this.scenario = scenario;
    this.now = opts.now ?? (() => new Date());
    this.baseUrl = opts.baseUrl ?? 'https://gitlab.example.com';
  }

  private findProject(id: string): ScenarioProject | undefined {
    return this.scenario.projects.find((p) => String(p.id) === id || p.path_with_namespace === id);
  }

  private findGroup(id: string): ScenarioGroup | undefined {
    return this.scenario.groups.find((g) => String(g.id) === id || g.full_path === id);
  }

  private projectView(p: ScenarioProject): Record<string, unknown> {
    const g = p.namespace_id === null ? undefined : this.scenario.groups.find((x) => x.id === p.namespace_id);
    const nsPath = g ? g.full_path : p.path_with_namespace.split('/').slice(0, -1).join('/');
    const name = p.path_with_namespace.split('/').pop() ?? '';
    const host = new URL(this.baseUrl).host;
    return {
      ...projectFixture,
      id: p.id,
      name,
      path: name,
      name_with_namespace: p.path_with_namespace.split('/').join(' / '),
      path_with_namespace: p.path_with_namespace,
      ssh_url_to_repo: `git@${host}:${p.path_with_namespace}.git`,
      http_url_to_repo: `${this.baseUrl}/${p.path_with_namespace}.git`,
      web_url: `${this.baseUrl}/${p.path_with_namespace}`,
      namespace: {
        ...projectFixture.namespace,
        id: g ? g.id : 1000 + p.id,
        name: nsPath.split('/').pop(),
        path: nsPath.split('/').pop(),
        kind: g ? 'group' : 'user',
        full_path: nsPath,
        parent_id: g ? (g.parent_id ?? null) : null,
        web_url: `${this.baseUrl}/${g ? 'groups/' : ''}${nsPath}`,
      },
      container_registry_image_prefix: `registry.${host.replace(/^gitlab\./, '')}/${p.path_with_namespace}`,
    };
  }

  private variables(vars: CiVariable[] | undefined, url: URL, key: string | undefined): StandinResponse {
    const all = (vars ?? []).map((v) => ({ ...variableFixture, ...v, value: v.hidden ? null : v.value }));
    if (key === undefined) return paginate(all, url, this.baseUrl);
    const scope = url.searchParams.get('filter[environment_scope]');
    const found = all.filter((v) => v.key === key && (scope === null || v.environment_scope === scope));
    if (found.length === 0) return json(404, errorsFixture['404_variable']);
    if (found.length > 1) return json(409, errorsFixture['409_variable']);
    return json(200, found[0]);
  }

  /** Answer one request, as GitLab would. */
  handle(req: StandinRequest): StandinResponse {
    this.requests.push(req);
    const url = new URL(req.url, 'http://standin');
    const now = this.now();
    const token = req.headers['private-token'];
    if (!token || !this.scenario.apiTokens.includes(token)) return json(401, errorsFixture['401']);
    if (req.method !== 'GET') return json(405, { message: '405 Method Not Allowed' });
    const path = url.pathname.replace(/^\/api\/v4/, '');
    if (path === '/version') return json(200, { ...versionFixture, version: this.scenario.version });
    if (path === '/metadata') return json(200, { ...metadataFixture, version: this.scenario.version });
    const m = /^\/(projects|groups)\/([^/]+)(?:\/(deploy_tokens|variables)(?:\/([^/]+))?)?$/.exec(path);
    if (!m) return json(404, { message: '404 Not Found' });
    const [, level, rawId = '', sub, key] = m;
    const id = decodeURIComponent(rawId);
    const entity = level === 'projects' ? this.findProject(id) : this.findGroup(id);
    if (!entity)
      return json(404, level === 'projects' ? errorsFixture['404_project'] : errorsFixture['404_group']);
    if (sub === undefined) {
      if (level === 'projects') return json(200, this.projectView(entity as ScenarioProject));
      const g = entity as ScenarioGroup;
      return json(200, {
        ...groupFixture,
        id: g.id,
        name: g.full_path.split('/').pop(),
        path: g.full_path.split('/').pop(),
        full_name: g.full_path.split('/').join(' / '),
        full_path: g.full_path,
        parent_id: g.parent_id ?? null,
        web_url: `${this.baseUrl}/groups/${g.full_path}`,
      });
    }
    if (sub === 'deploy_tokens') {
      let tokens = [...(entity.tokens ?? [])].sort((a, b) => a.id - b.id);
      if (key !== undefined) {
        const t = tokens.find((x) => String(x.id) === key);
        return t ? json(200, tokenView(t, now)) : json(404, { message: '404 Token Not Found' });
      }
      if (url.searchParams.get('active') === 'true') tokens = tokens.filter((t) => activeNow(t, now));
      return paginate(
        tokens.map((t) => tokenView(t, now)),
        url,
        this.baseUrl,
      );
    }
    return this.variables(entity.variables, url, key === undefined ? undefined : decodeURIComponent(key));
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
    const answer = (holder.gitlab as StandinGitLab).handle({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers,
    });
    const send = () => {
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    };
    if (opts.latencyMs) setTimeout(send, opts.latencyMs);
    else send();
  });
  server.keepAliveTimeout = 1000;
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
