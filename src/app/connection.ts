/**
 * The GitLab connection, defined once for every command and the action: which instance, which API
 * token, and where each came from, so that every message names the setting the user set (a flag, an
 * action input, a spec key, a variable). The order is glab's (docs/cli.md, "The GitLab connection"):
 *
 * - the instance: `--gitlab-url` (the action: input `gitlab-url`), the spec's `gitlab.url`,
 *   `CI_SERVER_URL`, `GITLAB_HOST` (a bare host name means https), then https://gitlab.com, said on
 *   stderr before the API token is sent there;
 * - the API token: the action's input `gitlab-token`; else the variable `--api-token-env` or the
 *   spec's `gitlab.api_token_env` names (that one only); else GITLAB_TOKEN, GITLAB_ACCESS_TOKEN,
 *   OAUTH_TOKEN, the first that is set. Never a flag.
 *
 * Pure: the environment and the spec come in, data goes out; `connect` makes the client.
 */
import { GitLabApiError, UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import { API_TOKEN_VARIABLES } from '../core/secret-shape.js';
import { clientWith, type ClientDeps, type GitLabClient } from '../gitlab/client.js';
import type { Spec } from '../spec/types.js';

export const DEFAULT_GITLAB_URL = 'https://gitlab.com';

/** A setting as a surface takes it: its value (when set) and its name in the user's words. */
export interface Setting {
  value?: string | undefined;
  /** `--gitlab-url`, `input gitlab-url`, `--api-token-env`… */
  source: string;
}

/** What a surface was given; the rest comes from the spec and the environment. */
export interface ConnectionRequest {
  /** The instance: `--gitlab-url`, the action's input `gitlab-url`. */
  url?: Setting;
  /** The variable that holds the API token: `--api-token-env`. */
  tokenEnv?: Setting;
  /** The API token itself, where a surface takes it directly: the action's input `gitlab-token`. */
  token?: Setting;
  /**
   * The spec, for commands that read one (`{}` when there is none): its `gitlab.url` and
   * `gitlab.api_token_env` count, and `spec gitlab.url` is named among the settings asked.
   */
  spec?: Pick<Spec, 'gitlab'>;
}

export interface Connection {
  /** The instance root: no trailing slash, no /api/v4. */
  url: string;
  /** Where `url` came from (`--gitlab-url`, `spec gitlab.url`, `$CI_SERVER_URL`…), or `the default`. */
  urlSource: string;
  /** No setting named the instance: https://gitlab.com is used (see `defaultNotice`). */
  defaulted: boolean;
  /** The settings that could have named the instance, in order, for messages. */
  urlSettings: readonly string[];
  apiToken?: string;
  /** Where the token came from (`$GITLAB_TOKEN`, `input gitlab-token`), or where it was looked for. */
  tokenSource: string;
  /** The environment variable that held the API token: exec keeps it from its child. */
  tokenVariable?: string;
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const URL_HINT = 'give the instance URL, e.g. https://gitlab.example.com';

/** A URL as it may be echoed: user-info (a password, a token) never is. */
function withoutUserInfo(raw: string): string {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/*)?[^/?#\s]*@/i, '$1***@').replace(/\/\/[^/?#\s]*@/g, '//***@');
}

/**
 * The instance root of a URL (`https://host/gitlab/` and `https://host/gitlab/api/v4` give
 * `https://host/gitlab`). `source` names the setting in errors.
 */
export function normalizeUrl(raw: string, source = '--gitlab-url'): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(`${source} "${withoutUserInfo(raw).slice(0, 100)}" is not a URL`, URL_HINT);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new UsageError(`${source} must be http(s), not ${u.protocol}`, URL_HINT);
  }
  if (u.username || u.password) {
    throw new UsageError(
      `${source} must not contain credentials`,
      'put the API token in GITLAB_TOKEN instead',
    );
  }
  return `${u.origin}${u.pathname.replace(/\/+$/, '').replace(/\/api\/v4$/, '')}`;
}

/** glab's GITLAB_HOST: a host name (`gitlab.example.com`, `host:8443`) means https; a URL stays one. */
function hostUrl(raw: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
}

const set = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

/** The instance, its source, and the settings that were asked. */
function instance(
  req: ConnectionRequest,
  env: Env,
): Pick<Connection, 'url' | 'urlSource' | 'defaulted' | 'urlSettings'> {
  const chain: { source: string; value: string | undefined; raw?: (v: string) => string }[] = [
    ...(req.url ? [{ source: req.url.source, value: req.url.value }] : []),
    ...(req.spec ? [{ source: 'spec gitlab.url', value: req.spec.gitlab?.url }] : []),
    { source: '$CI_SERVER_URL', value: env.CI_SERVER_URL },
    { source: '$GITLAB_HOST', value: env.GITLAB_HOST, raw: hostUrl },
  ];
  const urlSettings = chain.map((c) => c.source);
  // A flag or input given empty is a mistake to name; an empty variable is one not set.
  const hit = chain.find((c, i) => (i === 0 && req.url ? c.value !== undefined : set(c.value)));
  if (!hit || hit.value === undefined)
    return { url: DEFAULT_GITLAB_URL, urlSource: 'the default', defaulted: true, urlSettings };
  const raw = hit.raw ? hit.raw(hit.value.trim()) : hit.value;
  return { url: normalizeUrl(raw, hit.source), urlSource: hit.source, defaulted: false, urlSettings };
}

/** The API token and where it came from (or where it was looked for). */
function apiToken(
  req: ConnectionRequest,
  env: Env,
): Pick<Connection, 'apiToken' | 'tokenSource' | 'tokenVariable'> {
  const spec = req.spec;
  if (req.token && set(req.token.value)) return { apiToken: req.token.value, tokenSource: req.token.source };
  const named: Setting | undefined =
    req.tokenEnv?.value !== undefined
      ? req.tokenEnv
      : spec?.gitlab?.api_token_env !== undefined
        ? { value: spec.gitlab.api_token_env, source: 'spec gitlab.api_token_env' }
        : undefined;
  if (named?.value !== undefined) {
    if (!NAME_RE.test(named.value)) {
      throw new UsageError(
        `${named.source} "${named.value.slice(0, 60)}" is not a variable name`,
        'name the environment variable that holds the API token, e.g. GITLAB_TOKEN',
      );
    }
    const tokenSource = `$${named.value} (named by ${named.source})`;
    const value = env[named.value];
    return set(value) ? { apiToken: value, tokenSource, tokenVariable: named.value } : { tokenSource };
  }
  for (const name of API_TOKEN_VARIABLES) {
    const value = env[name];
    if (set(value)) return { apiToken: value, tokenSource: `$${name}`, tokenVariable: name };
  }
  const looked = API_TOKEN_VARIABLES.map((n) => `$${n}`);
  return { tokenSource: `${looked.slice(0, -1).join(', ')} or ${looked[looked.length - 1]}` };
}

/** The connection a command or the action uses. */
export function gitlabConnection(req: ConnectionRequest, env: Env): Connection {
  return { ...instance(req, env), ...apiToken(req, env) };
}

/** The connection the CLI's flags name, for commands that read no spec (provision, cleanup, audit). */
export function flagConnection(flags: { gitlabUrl?: string; apiTokenEnv?: string }, env: Env): Connection {
  return gitlabConnection(
    {
      url: { value: flags.gitlabUrl, source: '--gitlab-url' },
      tokenEnv: { value: flags.apiTokenEnv, source: '--api-token-env' },
    },
    env,
  );
}

/** How the gitlab/ layer's messages and hints name the instance's setting. */
const URL_FLAG = '--gitlab-url';
const namesUrlFlag = (e: GitLabApiError) =>
  e.message.includes(URL_FLAG) || e.hint?.includes(URL_FLAG) === true;

/** The setting that named the instance, for a hint: where to set another one when none did. */
function instanceSetting(c: Connection): string {
  return c.defaulted
    ? `the GitLab URL (none set in ${c.urlSettings.join(', ')}; ${c.url} was used)`
    : c.urlSource;
}

/** What to say before the API token goes to https://gitlab.com because nothing named an instance. */
export function defaultNotice(c: Connection): string | undefined {
  if (!c.defaulted) return undefined;
  return `no GitLab instance named (${c.urlSettings.join(', ')}): using ${DEFAULT_GITLAB_URL}; set one of them for a self-managed instance`;
}

/** The API token, or a usage error (exit 2) naming where it was looked for and what to do. */
export function requireToken(c: Connection, purpose: string, hint?: string): string {
  if (c.apiToken) return c.apiToken;
  throw new UsageError(
    `${purpose} needs a GitLab API token: none in ${c.tokenSource}`,
    hint ?? 'export GITLAB_TOKEN with a token that has the api scope (never pass it as a flag)',
  );
}

/**
 * The API client for a connection with a token; says first (`notice`) when the instance is the
 * default, so the user sees where the token goes before it is sent.
 */
export function connect(
  c: Connection & { apiToken: string },
  deps: ClientDeps,
  notice: (line: string) => void,
): GitLabClient {
  const line = defaultNotice(c);
  if (line) notice(line);
  return namingSources(clientWith(c.url, c.apiToken, deps), c);
}

/**
 * The client, its errors naming the setting to fix: a rejected API token (401) names where the
 * token came from and where the instance did.
 */
function namingSources(client: GitLabClient, c: Connection): GitLabClient {
  const named = (e: unknown): never => {
    if (e instanceof GitLabApiError && e.status === 401 && e.source === undefined) {
      e.source = c.tokenSource;
      e.hint = `GitLab at ${c.url} (from ${c.urlSource}) rejected the API token in ${c.tokenSource}: it is expired, revoked, or for another instance; put a valid token there (scope read_api, or api to create tokens)`;
    } else if (e instanceof GitLabApiError && e.source === undefined && namesUrlFlag(e)) {
      // Unreachable, or not GitLab: the gitlab/ layer says "--gitlab-url"; the instance's setting is
      // named as it came (an action input, a variable, the spec, or none at all), in message and hint.
      e.source = c.defaulted ? 'the default' : c.urlSource;
      e.message = e.message.replaceAll(URL_FLAG, instanceSetting(c));
      e.hint = e.hint?.replaceAll(URL_FLAG, instanceSetting(c));
    }
    throw e;
  };
  return {
    get: (path, parse, query) => client.get(path, parse, query).catch(named),
    getAll: (path, parse, query) => client.getAll(path, parse, query).catch(named),
    request: (method, path, parse, opts) => client.request(method, path, parse, opts).catch(named),
    get requestCount() {
      return client.requestCount;
    },
    ...(client.rateLimit ? { rateLimit: client.rateLimit } : {}),
    apiUrl: client.apiUrl,
  };
}
