/**
 * A stand-in GitLab: answers the REST endpoints deploy-token uses, built from the fixtures in
 * `fixtures/gitlab/` (GitLab's documented shapes, headers included), over a scenario. Used by `demo`,
 * the benchmarks, and tests that need a real HTTP server. Binds 127.0.0.1 only.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import deployTokenFixture from '../../fixtures/gitlab/deploy_token.json' with { type: 'json' };
import deployTokenCreatedFixture from '../../fixtures/gitlab/deploy_token_created.json' with { type: 'json' };
import errorsFixture from '../../fixtures/gitlab/errors.json' with { type: 'json' };
import groupFixture from '../../fixtures/gitlab/group.json' with { type: 'json' };
import memberFixture from '../../fixtures/gitlab/member.json' with { type: 'json' };
import patFixture from '../../fixtures/gitlab/personal_access_token.json' with { type: 'json' };
import userFixture from '../../fixtures/gitlab/user.json' with { type: 'json' };
import metadataFixture from '../../fixtures/gitlab/metadata.json' with { type: 'json' };
import pagination from '../../fixtures/gitlab/pagination_headers.json' with { type: 'json' };
import projectFixture from '../../fixtures/gitlab/project.json' with { type: 'json' };
import variableFixture from '../../fixtures/gitlab/variable.json' with { type: 'json' };
import versionFixture from '../../fixtures/gitlab/version.json' with { type: 'json' };
import type { CiVariable } from '../gitlab/types.js';
import {
  expiryInstant,
  type Scenario,
  type ScenarioApiUser,
  type ScenarioGroup,
  type ScenarioProject,
  type ScenarioToken,
} from './model.js';

export interface StandinRequest {
  method: string;
  /** Path and query, e.g. `/api/v4/projects/3/deploy_tokens?active=true`. */
  url: string;
  headers: Record<string, string | undefined>;
  /** The request body (JSON or form-encoded), when there is one. */
  body?: string;
}

export interface StandinResponse {
  /** 0 = no answer at all: the server drops the connection (fault injection). */
  status: number;
  headers: Record<string, string>;
  body: string;
}

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
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): StandinResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const noContent = (): StandinResponse => ({ status: 204, headers: {}, body: '' });

/** errors.json entries with `{param}`-style holes filled. */
function fill(entry: unknown, values: Record<string, string>): unknown {
  let text = JSON.stringify(entry);
  for (const [k, v] of Object.entries(values)) text = text.replaceAll(`{${k}}`, v.replace(/["\\]/g, ''));
  return JSON.parse(text) as unknown;
}

/** app/models/deploy_token.rb AVAILABLE_SCOPES. */
const DEPLOY_TOKEN_SCOPES = [
  'read_repository',
  'read_registry',
  'write_registry',
  'read_package_registry',
  'write_package_registry',
  'read_virtual_registry',
  'write_virtual_registry',
];
/** app/models/concerns/ci/maskable.rb; raw masked variables: \A\S{8,}\z (GITLAB_FACTS §4). */
const MASKABLE = /^[a-zA-Z0-9_+=/@:.~-]{8,}$/;
const MASKABLE_RAW = /^\S{8,}$/;
/** app/models/deploy_token.rb username format. */
const DEPLOY_USERNAME = /^[a-zA-Z0-9.+_-]+$/;
/** Ci::HasVariable key format. */
const VARIABLE_KEY = /^[a-zA-Z0-9_]+$/;

const GUEST = 10;
const MAINTAINER = 40;
const OWNER = 50;

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
  const fillHeader = (s: string) =>
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
    headers[k] = fillHeader(v);
  }
  return { status: 200, headers, body: JSON.stringify(slice) };
}

/** A request body as GitLab (grape) reads it: JSON, or form-encoded with `name[]` arrays. */
function parseBody(req: StandinRequest): Record<string, unknown> | undefined {
  const raw = req.body ?? '';
  if (raw === '') return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      const v = JSON.parse(raw) as unknown;
      return typeof v === 'object' && v !== null && !Array.isArray(v)
        ? (v as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (k.endsWith('[]')) {
      const key = k.slice(0, -2);
      out[key] = [...((out[key] as string[] | undefined) ?? []), v];
    } else out[k] = v;
  }
  return out;
}

/** Grape's Boolean coercion; `invalid` for anything else. */
function boolParam(v: unknown): boolean | undefined | 'invalid' {
  if (v === undefined) return undefined;
  if (v === true || v === 'true' || v === '1' || v === 1) return true;
  if (v === false || v === 'false' || v === '0' || v === 0) return false;
  return 'invalid';
}

const missing = (param: string) => json(400, fill(errorsFixture['400_missing'], { param }));
const invalid = (param: string) => json(400, { error: `${param} is invalid` });

type Entity = { level: 'projects'; p: ScenarioProject } | { level: 'groups'; g: ScenarioGroup };

export class StandinGitLab {
  readonly scenario: Scenario;
  readonly requests: StandinRequest[] = [];
  private readonly now: () => Date;
  private readonly baseUrl: string;
  private readonly intercept: StandinOptions['intercept'];

  constructor(scenario: Scenario, opts: StandinOptions = {}) {
    this.scenario = scenario;
    this.now = opts.now ?? (() => new Date());
    this.baseUrl = opts.baseUrl ?? 'https://gitlab.example.com';
    this.intercept = opts.intercept;
  }

  private findProject(id: string): ScenarioProject | undefined {
    return this.scenario.projects.find((p) => String(p.id) === id || p.path_with_namespace === id);
  }

  private findGroup(id: string): ScenarioGroup | undefined {
    return this.scenario.groups.find((g) => String(g.id) === id || g.full_path === id);
  }

  /** Every token of the scenario, for new ids (GitLab's ids are global). */
  private allTokens(): ScenarioToken[] {
    return [...this.scenario.groups, ...this.scenario.projects].flatMap((e) => e.tokens ?? []);
  }

  private user(token: string): ScenarioApiUser {
    return (
      this.scenario.apiUsers?.find((u) => u.token === token) ?? {
        token,
        id: 1,
        username: 'root',
        admin: true,
        scopes: ['api'],
      }
    );
  }

  /** Paths whose membership applies to an entity: itself, then its ancestors (membership is inherited). */
  private chain(e: Entity): string[] {
    const paths: string[] = [];
    let groupId: number | null | undefined;
    if (e.level === 'projects') {
      paths.push(e.p.path_with_namespace);
      groupId = e.p.namespace_id;
    } else groupId = e.g.id;
    for (let i = 0; i < 50 && groupId !== null && groupId !== undefined; i++) {
      const g = this.scenario.groups.find((x) => x.id === groupId);
      if (!g) break;
      paths.push(g.full_path);
      groupId = g.parent_id;
    }
    return paths;
  }

  private accessLevel(u: ScenarioApiUser, e: Entity): number {
    if (u.admin) return OWNER;
    return Math.max(0, ...this.chain(e).map((p) => u.access?.[p] ?? 0));
  }

  private projectView(p: ScenarioProject, u?: ScenarioApiUser): Record<string, unknown> {
    const g = p.namespace_id === null ? undefined : this.scenario.groups.find((x) => x.id === p.namespace_id);
    const nsPath = g ? g.full_path : p.path_with_namespace.split('/').slice(0, -1).join('/');
    const name = p.path_with_namespace.split('/').pop() ?? '';
    const host = new URL(this.baseUrl).host;
    const view: Record<string, unknown> = {
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
    if (u === undefined) {
      delete view.permissions;
    } else {
      // doc/api/projects.md: the caller's own membership; null where there is none (also for admins).
      const direct = u.access?.[p.path_with_namespace];
      const inherited = this.chain({ level: 'projects', p })
        .slice(1)
        .map((path) => u.access?.[path] ?? 0);
      const groupLevel = Math.max(0, ...inherited);
      view.permissions = {
        project_access: direct ? { access_level: direct, notification_level: 3 } : null,
        group_access: groupLevel ? { access_level: groupLevel, notification_level: 3 } : null,
      };
    }
    return view;
  }

  private groupView(g: ScenarioGroup): Record<string, unknown> {
    return {
      ...groupFixture,
      id: g.id,
      name: g.full_path.split('/').pop(),
      path: g.full_path.split('/').pop(),
      full_name: g.full_path.split('/').join(' / '),
      full_path: g.full_path,
      parent_id: g.parent_id ?? null,
      web_url: `${this.baseUrl}/groups/${g.full_path}`,
    };
  }

  private descendants(g: ScenarioGroup): ScenarioGroup[] {
    const out: ScenarioGroup[] = [];
    const queue = [g.id];
    for (let i = 0; i < queue.length && i < 10_000; i++) {
      for (const c of this.scenario.groups.filter((x) => x.parent_id === queue[i])) {
        out.push(c);
        queue.push(c.id);
      }
    }
    return out.sort((a, b) => a.id - b.id);
  }

  private variableView(v: CiVariable): Record<string, unknown> {
    return { ...variableFixture, ...v, value: v.hidden ? null : v.value };
  }

  private variables(vars: CiVariable[] | undefined, url: URL, key: string | undefined): StandinResponse {
    const all = (vars ?? []).map((v) => this.variableView(v));
    if (key === undefined) return paginate(all, url, this.baseUrl);
    const scope = url.searchParams.get('filter[environment_scope]');
    const found = all.filter((v) => v.key === key && (scope === null || v.environment_scope === scope));
    if (found.length === 0) return json(404, errorsFixture['404_variable']);
    if (found.length > 1) return json(409, errorsFixture['409_variable']);
    return json(200, found[0]);
  }

  /** POST/PUT/DELETE on CI/CD variables (doc/api/project_level_variables.md, group_level_variables.md). */
  private writeVariable(
    holder: ScenarioProject | ScenarioGroup,
    method: string,
    url: URL,
    key: string | undefined,
    body: Record<string, unknown>,
  ): StandinResponse {
    holder.variables ??= [];
    const vars = holder.variables;
    let target: CiVariable | undefined;
    if (method === 'POST') {
      if (key !== undefined) return json(405, { message: '405 Method Not Allowed' });
      if (body.key === undefined) return missing('key');
      if (body.value === undefined) return missing('value');
      if (typeof body.key !== 'string' || typeof body.value !== 'string') return invalid('value');
    } else {
      if (key === undefined) return json(405, { message: '405 Method Not Allowed' });
      const scope = url.searchParams.get('filter[environment_scope]');
      const found = vars.filter(
        (v) => v.key === key && (scope === null || (v.environment_scope ?? '*') === scope),
      );
      if (found.length === 0) return json(404, errorsFixture['404_variable']);
      if (found.length > 1) return json(409, errorsFixture['409_variable']);
      target = found[0] as CiVariable;
      if (method === 'DELETE') {
        vars.splice(vars.indexOf(target), 1);
        return noContent();
      }
      if (body.value !== undefined && typeof body.value !== 'string') return invalid('value');
    }
    const flags: Partial<Record<'masked' | 'protected' | 'raw', boolean>> = {};
    for (const f of ['masked', 'protected', 'raw'] as const) {
      const b = boolParam(body[f]);
      if (b === 'invalid') return invalid(f);
      if (b !== undefined) flags[f] = b;
    }
    const next: CiVariable = {
      ...variableFixture,
      ...(target ?? { masked: false, protected: false, raw: false, hidden: false, description: null }),
      ...(typeof body.key === 'string' ? { key: body.key } : {}),
      ...(typeof body.value === 'string' ? { value: body.value } : {}),
      ...(typeof body.environment_scope === 'string' ? { environment_scope: body.environment_scope } : {}),
      ...(body.variable_type === 'file' || body.variable_type === 'env_var'
        ? { variable_type: body.variable_type }
        : {}),
      ...flags,
    } as CiVariable;
    if (target === undefined)
      next.environment_scope = typeof body.environment_scope === 'string' ? body.environment_scope : '*';
    if (next.key.length > 255 || !VARIABLE_KEY.test(next.key))
      return json(400, errorsFixture['400_variable_key_format']);
    const clash = vars.find(
      (v) =>
        v !== target &&
        v.key === next.key &&
        (v.environment_scope ?? '*') === (next.environment_scope ?? '*'),
    );
    if (clash) return json(400, fill(errorsFixture['400_variable_key_taken'], { key: next.key }));
    // Ci::Maskable: a masked value must match the regex (raw ones: \S{8,}), else 400 "is invalid".
    if (next.masked && !(next.raw ? MASKABLE_RAW : MASKABLE).test(next.value ?? ''))
      return json(400, errorsFixture['400_variable_value']);
    if (target) {
      Object.assign(target, next);
      return json(200, this.variableView(target));
    }
    vars.push(next);
    return json(201, this.variableView(next));
  }

  /** POST a deploy token (lib/api/deploy_tokens.rb, app/models/deploy_token.rb validations). */
  private createToken(
    holder: ScenarioProject | ScenarioGroup,
    body: Record<string, unknown>,
    now: Date,
  ): StandinResponse {
    if (body.name === undefined) return missing('name');
    if (body.scopes === undefined) return missing('scopes');
    const scopes = Array.isArray(body.scopes)
      ? body.scopes
      : typeof body.scopes === 'string'
        ? body.scopes
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined;
    if (!scopes || !scopes.every((s) => typeof s === 'string' && DEPLOY_TOKEN_SCOPES.includes(s)))
      return json(400, fill(errorsFixture['400_invalid_value'], { param: 'scopes' }));
    if (typeof body.name !== 'string') return invalid('name');
    let expires: string | null = null;
    if (body.expires_at !== undefined && body.expires_at !== null && body.expires_at !== '') {
      const raw = String(body.expires_at);
      const at = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? Date.parse(`${raw}T00:00:00Z`) : Date.parse(raw);
      if (Number.isNaN(at)) return invalid('expires_at');
      expires = new Date(at).toISOString();
    }
    if (scopes.length === 0) return json(400, errorsFixture['400_scopes_blank']);
    if (body.name.length > 255) return json(400, { message: 'Name is too long (maximum is 255 characters)' });
    let username: string | undefined;
    if (body.username !== undefined && body.username !== null) {
      if (typeof body.username !== 'string') return invalid('username');
      if (!DEPLOY_USERNAME.test(body.username) || body.username.length > 255)
        return json(400, errorsFixture['400_username_format']);
      username = body.username;
    }
    const id = Math.max(0, ...this.allTokens().map((t) => t.id)) + 1;
    // gldt- + 20 URL-safe characters (GITLAB_FACTS §1).
    const token = `gldt-${randomBytes(15).toString('base64url').slice(0, 20)}`;
    const t: ScenarioToken = {
      id,
      name: body.name,
      scopes: scopes as string[],
      expires,
      token,
      ...(username ? { username } : {}),
    };
    holder.tokens ??= [];
    holder.tokens.push(t);
    return json(201, { ...deployTokenCreatedFixture, ...tokenView(t, now), token });
  }

  /** Answer one request, as GitLab would (after the fault injector, if any). */
  handle(req: StandinRequest): StandinResponse {
    this.requests.push(req);
    return this.intercept ? this.intercept(req, () => this.answer(req)) : this.answer(req);
  }

  private answer(req: StandinRequest): StandinResponse {
    const url = new URL(req.url, 'http://standin');
    const now = this.now();
    const token = req.headers['private-token'];
    if (!token || !this.scenario.apiTokens.includes(token)) return json(401, errorsFixture['401']);
    const u = this.user(token);
    const method = req.method.toUpperCase();
    const write = method !== 'GET' && method !== 'HEAD';
    // lib/api/api_guard.rb: reading needs read_api (or api); anything else needs api.
    if (write ? !u.scopes.includes('api') : !u.scopes.some((s) => s === 'api' || s === 'read_api'))
      return json(403, { ...errorsFixture['403_insufficient_scope'], scope: write ? 'api' : 'api read_api' });
    const body = write ? parseBody(req) : {};
    if (body === undefined) return json(400, { error: 'The request body is not valid JSON' });
    const path = url.pathname.replace(/^\/api\/v4/, '');
    const major = Number(this.scenario.version.split('.')[0]);
    const minor = Number(this.scenario.version.split('.')[1]);
    if (method === 'GET' && path === '/version')
      return json(200, { ...versionFixture, version: this.scenario.version });
    if (method === 'GET' && path === '/metadata')
      return json(200, { ...metadataFixture, version: this.scenario.version });
    if (method === 'GET' && path === '/user')
      return json(200, {
        ...userFixture,
        id: u.id,
        username: u.username,
        ...(u.admin ? { is_admin: true } : {}),
      });
    // GET /personal_access_tokens/self: GitLab 15.5+ (*unconfirmed* release; older answers 404).
    if (method === 'GET' && path === '/personal_access_tokens/self') {
      if (major < 15 || (major === 15 && minor < 5)) return json(404, { message: '404 Not Found' });
      return json(200, { ...patFixture, user_id: u.id, scopes: u.scopes });
    }
    const m =
      /^\/(projects|groups)\/([^/]+)(?:\/(deploy_tokens|variables|descendant_groups|projects|members\/all)(?:\/([^/]+))?)?$/.exec(
        path,
      );
    if (!m) return json(404, { message: '404 Not Found' });
    const [, level, rawId = '', sub, key] = m;
    const id = decodeURIComponent(rawId);
    const p = level === 'projects' ? this.findProject(id) : undefined;
    const g = level === 'groups' ? this.findGroup(id) : undefined;
    const entity: Entity | undefined = p ? { level: 'projects', p } : g ? { level: 'groups', g } : undefined;
    const notFound = level === 'projects' ? errorsFixture['404_project'] : errorsFixture['404_group'];
    // Private projects and groups are invisible (404) to non-members.
    if (!entity || this.accessLevel(u, entity) < GUEST) return json(404, notFound);
    const access = this.accessLevel(u, entity);
    const forbidden = json(403, errorsFixture['403']);
    const holder = (p ?? g) as ScenarioProject | ScenarioGroup;
    if (sub === undefined) {
      if (method !== 'GET') return json(405, { message: '405 Method Not Allowed' });
      return p ? json(200, this.projectView(p, u)) : json(200, this.groupView(g as ScenarioGroup));
    }
    if (sub === 'descendant_groups' || sub === 'projects') {
      if (!g || method !== 'GET' || key !== undefined) return json(404, { message: '404 Not Found' });
      if (sub === 'descendant_groups')
        return paginate(
          this.descendants(g).map((x) => this.groupView(x)),
          url,
          this.baseUrl,
        );
      const groupIds = new Set([
        g.id,
        ...(url.searchParams.get('include_subgroups') === 'true' ? this.descendants(g).map((x) => x.id) : []),
      ]);
      const projects = this.scenario.projects
        .filter((x) => x.namespace_id !== null && groupIds.has(x.namespace_id))
        .sort((a, b) => a.id - b.id)
        .map((x) => this.projectView(x));
      return paginate(projects, url, this.baseUrl);
    }
    if (sub === 'members/all') {
      if (!g || method !== 'GET' || key === undefined) return json(404, { message: '404 Not Found' });
      const who = Number(key) === u.id ? u : this.scenario.apiUsers?.find((x) => x.id === Number(key));
      const lvl =
        who && !who.admin
          ? Math.max(0, ...this.chain({ level: 'groups', g }).map((x) => who.access?.[x] ?? 0))
          : 0;
      if (!who || lvl === 0) return json(404, errorsFixture['404_member']);
      return json(200, { ...memberFixture, id: who.id, username: who.username, access_level: lvl });
    }
    if (sub === 'deploy_tokens') {
      // Maintainers read and (for projects) create and delete; group tokens need Owner to change.
      const needed = method === 'GET' || level === 'projects' ? MAINTAINER : OWNER;
      if (access < needed) return forbidden;
      const tokens = [...(holder.tokens ?? [])].sort((a, b) => a.id - b.id);
      if (method === 'POST') {
        if (key !== undefined) return json(405, { message: '405 Method Not Allowed' });
        return this.createToken(holder, body, now);
      }
      if (method === 'DELETE') {
        if (key === undefined) return json(405, { message: '405 Method Not Allowed' });
        const t = tokens.find((x) => String(x.id) === key);
        if (!t) return json(404, errorsFixture['404_token']);
        holder.tokens = (holder.tokens ?? []).filter((x) => x !== t);
        return noContent();
      }
      if (method !== 'GET') return json(405, { message: '405 Method Not Allowed' });
      if (key !== undefined) {
        const t = tokens.find((x) => String(x.id) === key);
        return t ? json(200, tokenView(t, now)) : json(404, errorsFixture['404_token']);
      }
      const list =
        url.searchParams.get('active') === 'true' ? tokens.filter((t) => activeNow(t, now)) : tokens;
      return paginate(
        list.map((t) => tokenView(t, now)),
        url,
        this.baseUrl,
      );
    }
    // CI/CD variables: Maintainer on a project, Owner on a group (GITLAB_FACTS §4).
    if (access < (level === 'projects' ? MAINTAINER : OWNER)) return forbidden;
    const decodedKey = key === undefined ? undefined : decodeURIComponent(key);
    if (method === 'GET') return this.variables(holder.variables, url, decodedKey);
    if (method === 'POST' || method === 'PUT' || method === 'DELETE')
      return this.writeVariable(holder, method, url, decodedKey, body);
    return json(405, { message: '405 Method Not Allowed' });
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
