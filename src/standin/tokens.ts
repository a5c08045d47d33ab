/**
 * Deploy tokens as GitLab answers them (lib/api/deploy_tokens.rb, lib/api/entities/deploy_token.rb,
 * app/models/deploy_token.rb), version by version (docs/gitlab-rules.md, "API by version"):
 * entities without `revoked`/`expired` and an ignored `active=true` before 14.0 (the stand-in's
 * boundary for issue 292433), no single-token GET before 14.9, an empty username answered as stored.
 */
import { randomBytes } from 'node:crypto';
import deployTokenFixture from '../../fixtures/gitlab/deploy_token.json' with { type: 'json' };
import deployTokenCreatedFixture from '../../fixtures/gitlab/deploy_token_created.json' with { type: 'json' };
import { isScope } from '../gitlab/scopes.js';
import { SINGLE_TOKEN_GET, type Release } from '../gitlab/version.js';
import {
  gitlabError,
  invalid,
  json,
  missing,
  noContent,
  noRoute,
  notAllowed,
  paginate,
  type StandinResponse,
} from './http.js';
import { expiryInstant, type ScenarioGroup, type ScenarioProject, type ScenarioToken } from './model.js';
import type { World } from './world.js';

/** The stand-in's boundary for `revoked`/`expired` in the entity and the `active` filter (issue 292433). */
export const TOKEN_STATE_FIELDS: Release = [14, 0];

/** app/models/deploy_token.rb username format. */
const DEPLOY_USERNAME = /^[a-zA-Z0-9.+_-]+$/;

export function tokenView(w: World, t: ScenarioToken): Record<string, unknown> {
  const now = w.now();
  const expires_at = expiryInstant(t.expires, now);
  // GitLab's `expired` compares with the server's local *date* (expires_at < Date.today), so on the
  // expiry day it still says false; the stand-in reproduces that (app/models/deploy_token.rb).
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const view: Record<string, unknown> = {
    ...deployTokenFixture,
    id: t.id,
    name: t.name,
    username: w.usernameOf(t),
    expires_at,
    revoked: t.revoked ?? false,
    expired: expires_at !== null && new Date(expires_at).getTime() < today,
    scopes: t.scopes,
  };
  if (!w.at(TOKEN_STATE_FIELDS)) {
    delete view.revoked;
    delete view.expired;
  }
  return view;
}

export interface TokenRoute {
  method: string;
  url: URL;
  key: string | undefined;
  holder: ScenarioProject | ScenarioGroup;
  body: Record<string, unknown>;
}

/** `/:level/:id/deploy_tokens[/:token_id]`: list, one, create, delete. */
export function deployTokens(w: World, r: TokenRoute): StandinResponse {
  const tokens = [...(r.holder.tokens ?? [])].sort((a, b) => a.id - b.id);
  if (r.method === 'POST') return r.key === undefined ? createToken(w, r.holder, r.body) : notAllowed();
  if (r.method === 'DELETE') {
    if (r.key === undefined) return notAllowed();
    const t = tokens.find((x) => String(x.id) === r.key);
    if (!t) return gitlabError('404_token');
    r.holder.tokens = (r.holder.tokens ?? []).filter((x) => x !== t);
    return noContent();
  }
  if (r.method !== 'GET') return notAllowed();
  if (r.key !== undefined) {
    if (!w.at(SINGLE_TOKEN_GET)) return noRoute();
    const t = tokens.find((x) => String(x.id) === r.key);
    return t ? json(200, tokenView(w, t)) : gitlabError('404_token');
  }
  const filter = r.url.searchParams.get('active') === 'true' && w.at(TOKEN_STATE_FIELDS);
  const list = filter ? tokens.filter((t) => w.activeNow(t)) : tokens;
  return paginate(
    list.map((t) => tokenView(w, t)),
    r.url,
    w.baseUrl,
  );
}

function scopesParam(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') {
    return v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  return undefined;
}

function expiresParam(v: unknown): string | null | 'invalid' {
  if (v === undefined || v === null || v === '') return null;
  const raw = String(v);
  const at = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? Date.parse(`${raw}T00:00:00Z`) : Date.parse(raw);
  return Number.isNaN(at) ? 'invalid' : new Date(at).toISOString();
}

/** POST a deploy token (lib/api/deploy_tokens.rb, app/models/deploy_token.rb validations, DeployTokenMethods). */
function createToken(
  w: World,
  holder: ScenarioProject | ScenarioGroup,
  body: Record<string, unknown>,
): StandinResponse {
  if (body.name === undefined) return missing('name');
  if (body.scopes === undefined) return missing('scopes');
  const scopes = scopesParam(body.scopes);
  if (!scopes || !scopes.every((s) => typeof s === 'string' && isScope(s)))
    return gitlabError('400_invalid_value', { param: 'scopes' });
  if (typeof body.name !== 'string') return invalid('name');
  const expires = expiresParam(body.expires_at);
  if (expires === 'invalid') return invalid('expires_at');
  // ensure_at_least_one_scope: "Scopes can't be blank".
  if (scopes.length === 0) return gitlabError('400_scopes_blank');
  if (body.name.length > 255) return json(400, { message: 'Name is too long (maximum is 255 characters)' });
  let username: string | undefined;
  if (body.username !== undefined && body.username !== null) {
    if (typeof body.username !== 'string') return invalid('username');
    // DeployTokenMethods: `params[:username].presence` — an empty username means the default.
    if (body.username !== '') {
      if (!DEPLOY_USERNAME.test(body.username) || body.username.length > 255)
        return gitlabError('400_username_format');
      username = body.username;
    }
  }
  const id = Math.max(0, ...w.allTokens().map((t) => t.id)) + 1;
  // gldt- + 20 URL-safe characters (app/models/deploy_token.rb DEPLOY_TOKEN_PREFIX).
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
  const view: Record<string, unknown> = { ...deployTokenCreatedFixture, ...tokenView(w, t), token };
  if (!w.at(TOKEN_STATE_FIELDS)) {
    delete view.revoked;
    delete view.expired;
  }
  return json(201, view);
}
