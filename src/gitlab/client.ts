/**
 * The GitLab REST client: Node's fetch (or undici through a proxy), `PRIVATE-TOKEN` auth, offset
 * pagination, bounded retries, manual redirects. Sleep, clock and randomness are injected so tests
 * never wait. Errors name the endpoint (path only) and what to do — never the token.
 */
import { GitLabApiError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import { ShapeError } from './types.js';
import { proxyFetchFor } from './proxy.js';

export type FetchLike = typeof fetch;

export interface GitLabClientOptions {
  baseUrl: string;
  token?: string;
  env?: Env;
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  attemptTimeoutMs?: number;
  deadlineMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxPages?: number;
  pageConcurrency?: number;
  userAgent?: string;
  onRequest?: (e: { method: string; endpoint: string; status?: number; attempt: number; ms: number }) => void;
}

export interface GitLabClient {
  get<T>(path: string, parse: (x: unknown) => T, query?: Record<string, string>): Promise<T>;
  getAll<T>(path: string, parseItem: (x: unknown) => T, query?: Record<string, string>): Promise<T[]>;
  request<T>(
    method: string,
    path: string,
    parse: (x: unknown) => T,
    opts?: { query?: Record<string, string>; body?: unknown },
  ): Promise<{ status: number; data: T | undefined }>;
  readonly requestCount: number;
  readonly apiUrl: string;
}

/** A GitLab error answer (4xx), with GitLab's own short `message`. */
export class GitLabHttpError extends GitLabApiError {
  readonly gitlabMessage: string | undefined;
  constructor(message: string, endpoint: string, status: number, hint?: string, gitlabMessage?: string) {
    super(message, endpoint, status, hint);
    this.name = 'GitLabHttpError';
    this.gitlabMessage = gitlabMessage;
  }
}

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const RETRY_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const MAX_REDIRECTS = 5;
const MAX_BODY = 32 * 1024 * 1024;

export function apiUrlOf(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  return trimmed.endsWith('/api/v4') ? trimmed : `${trimmed}/api/v4`;
}

/** What to do about each status, in the words a GitLab user needs. */
function hintFor(status: number): string | undefined {
  switch (status) {
    case 401:
      return 'the API token was refused: it needs the `read_api` scope (or `api` to create tokens) and must not be expired or revoked';
    case 403:
      return "the token's user needs at least the Maintainer role on the project (Owner for group variables and group token changes)";
    case 404:
      return "not found: check the project or group path or id, and that the token's user can see it";
    case 429:
      return 'GitLab is rate-limiting these requests: try again later';
    default:
      return status >= 500
        ? "GitLab failed to answer: try again later, or check the instance's status"
        : undefined;
  }
}

interface Attempt {
  status: number;
  headers: Headers;
  text: string;
}

class Transient extends Error {
  constructor(
    message: string,
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Errors may come from another realm (jest's vm, undici): read them by shape, not instanceof. */
function messageOf(e: unknown): string {
  const m = (e as { message?: unknown } | null)?.message;
  const cause = (e as { cause?: { message?: unknown } } | null)?.cause?.message;
  const text = typeof m === 'string' && m ? m : 'network error';
  return (typeof cause === 'string' && cause ? `${text}: ${cause}` : text).slice(0, 200);
}

function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Retry-After: seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function sameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.host === b.host;
}

export function createGitLabClient(opts: GitLabClientOptions): GitLabClient {
  const apiUrl = apiUrlOf(opts.baseUrl);
  const origin = new URL(apiUrl);
  const sleep = opts.sleep ?? defaultSleep;
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const attemptTimeoutMs = opts.attemptTimeoutMs ?? 10_000;
  const deadlineMs = opts.deadlineMs ?? 60_000;
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 4);
  const baseDelayMs = opts.baseDelayMs ?? 500;
  const capDelayMs = 8_000;
  const maxPages = opts.maxPages ?? 200;
  const pageConcurrency = Math.max(1, opts.pageConcurrency ?? 4);
  const doFetch: FetchLike = opts.fetch ?? proxyFetchFor(origin, opts.env ?? {}) ?? globalThis.fetch;
  let requestCount = 0;

  /** One attempt: follows redirects by hand, reads the body under the attempt's timeout. */
  async function attempt(
    method: string,
    url: URL,
    endpoint: string,
    body: string | undefined,
    timeoutMs: number,
    n: number,
  ): Promise<Attempt> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let current = url;
    try {
      for (let hop = 0; ; hop++) {
        // A redirect to another origin (host, port or scheme) never carries the API token.
        const headers: Record<string, string> = {
          accept: 'application/json',
          'user-agent': opts.userAgent ?? 'deploy-token',
        };
        if (opts.token && sameOrigin(current, origin)) headers['private-token'] = opts.token;
        if (body !== undefined) headers['content-type'] = 'application/json';
        requestCount++;
        const started = now();
        let res: Response;
        try {
          res = await doFetch(current, {
            method,
            headers,
            ...(body !== undefined ? { body } : {}),
            redirect: 'manual',
            signal: controller.signal,
          });
        } catch (e) {
          opts.onRequest?.({ method, endpoint, attempt: n - 1, ms: now() - started });
          if (controller.signal.aborted) throw new Transient(`no answer within ${timeoutMs} ms`);
          const code = errorCode(e);
          if (code && RETRY_CODES.has(code)) throw new Transient(`connection failed (${code})`);
          throw new GitLabApiError(
            `${method} ${endpoint}: could not reach GitLab (${code ?? messageOf(e)})`,
            endpoint,
            undefined,
            'check --gitlab-url, the network, HTTPS_PROXY / NO_PROXY, and NODE_EXTRA_CA_CERTS for a private CA',
          );
        }
        opts.onRequest?.({ method, endpoint, status: res.status, attempt: n - 1, ms: now() - started });
        if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
          await res.body?.cancel().catch(() => undefined);
          if (hop >= MAX_REDIRECTS) {
            throw new GitLabApiError(
              `${method} ${endpoint}: more than ${MAX_REDIRECTS} redirects`,
              endpoint,
              res.status,
              'check --gitlab-url',
            );
          }
          current = new URL(res.headers.get('location') as string, current);
          if (current.protocol !== 'https:' && current.protocol !== 'http:') {
            throw new GitLabApiError(
              `${method} ${endpoint}: redirected to a ${current.protocol} URL`,
              endpoint,
              res.status,
              'check --gitlab-url',
            );
          }
          // 303, and 301/302 after POST, become GET as browsers do; GitLab's API does not need them.
          continue;
        }
        let text: string;
        try {
          const buf = await res.arrayBuffer();
          if (buf.byteLength > MAX_BODY) {
            throw new GitLabApiError(
              `${method} ${endpoint}: answer larger than ${MAX_BODY} bytes`,
              endpoint,
              res.status,
            );
          }
          text = new TextDecoder().decode(buf);
        } catch (e) {
          if (e instanceof GitLabApiError) throw e;
          if (controller.signal.aborted) throw new Transient(`answer not complete within ${timeoutMs} ms`);
          throw new Transient(`connection broke while reading the answer (${errorCode(e) ?? 'reset'})`);
        }
        return { status: res.status, headers: res.headers, text };
      }
    } finally {
      clearTimeout(timer);
    }
  }

  async function send(
    method: string,
    path: string,
    query: Record<string, string> | undefined,
    body: unknown,
  ): Promise<Attempt & { endpoint: string }> {
    const endpoint = path.split('?')[0] ?? path;
    const url = new URL(apiUrl + path);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const retryable = IDEMPOTENT.has(method);
    const start = now();
    let last = '';
    let made = 0;
    for (let n = 1; n <= maxAttempts; n++) {
      const remaining = deadlineMs - (now() - start);
      if (remaining <= 0) break;
      made = n;
      try {
        const a = await attempt(method, url, endpoint, payload, Math.min(attemptTimeoutMs, remaining), n);
        if (RETRY_STATUS.has(a.status) || a.status >= 500) {
          throw new Transient(
            `HTTP ${a.status}`,
            parseRetryAfter(a.headers.get('retry-after'), now()),
            a.status,
          );
        }
        return { ...a, endpoint };
      } catch (e) {
        if (!(e instanceof Transient)) throw e;
        last = e.message;
        if (!retryable || n === maxAttempts) break;
        // Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"); Retry-After wins when given.
        const delay = e.retryAfterMs ?? random() * Math.min(capDelayMs, baseDelayMs * 2 ** (n - 1));
        const left = deadlineMs - (now() - start);
        if (delay >= left) {
          last +=
            e.retryAfterMs !== undefined
              ? `; GitLab asked to retry after ${Math.ceil(delay / 1000)} s, past the deadline`
              : '';
          break;
        }
        await sleep(delay);
      }
    }
    const status = /HTTP (\d{3})/.exec(last)?.[1];
    throw new GitLabApiError(
      `${method} ${endpoint}: GitLab could not be asked after ${made} attempt${made === 1 ? '' : 's'}: ${last || 'deadline reached'}`,
      endpoint,
      status ? Number(status) : undefined,
      status ? hintFor(Number(status)) : "check the network and GitLab's status, then try again",
    );
  }

  function parseBody<T>(
    method: string,
    a: Attempt & { endpoint: string },
    parse: (x: unknown) => T,
  ): T | undefined {
    const where = `${method} ${a.endpoint}`;
    if (a.status === 204) return undefined;
    const ctype = a.headers.get('content-type') ?? '';
    const looksHtml = /text\/html/i.test(ctype) || /^\s*<(!doctype|html)/i.test(a.text);
    let data: unknown;
    if (looksHtml) {
      throw new GitLabApiError(
        `${where}: GitLab answered HTML, not JSON (HTTP ${a.status}; a sign-in page or a proxy?)`,
        a.endpoint,
        a.status,
        'check --gitlab-url (the instance root, not a project page) and that the API token is valid',
      );
    }
    try {
      data = a.text === '' ? undefined : JSON.parse(a.text);
    } catch {
      throw new GitLabApiError(
        `${where}: GitLab's answer is not valid JSON (truncated or not an API answer)`,
        a.endpoint,
        a.status,
        'try again; if it persists, check proxies between you and GitLab',
      );
    }
    if (a.status >= 400) {
      const gm =
        typeof data === 'object' && data !== null && 'message' in data
          ? String((data as { message: unknown }).message).slice(0, 200)
          : typeof data === 'object' && data !== null && 'error' in data
            ? String((data as { error: unknown }).error).slice(0, 200)
            : undefined;
      throw new GitLabHttpError(
        `${where}: HTTP ${a.status}${gm ? ` (${gm})` : ''}`,
        a.endpoint,
        a.status,
        hintFor(a.status),
        gm,
      );
    }
    try {
      return parse(data);
    } catch (e) {
      if (e instanceof ShapeError) {
        throw new GitLabApiError(
          `${where}: unexpected answer from GitLab: ${e.message}`,
          a.endpoint,
          a.status,
          'check that --gitlab-url points at a GitLab instance',
        );
      }
      throw e;
    }
  }

  async function get<T>(path: string, parse: (x: unknown) => T, query?: Record<string, string>): Promise<T> {
    const a = await send('GET', path, query, undefined);
    const data = parseBody('GET', a, parse);
    if (data === undefined) throw new GitLabApiError(`GET ${a.endpoint}: empty answer`, a.endpoint, a.status);
    return data;
  }

  function pageHeader(h: Headers, name: string): number | undefined {
    const v = h.get(name);
    if (v === null || v.trim() === '') return undefined;
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  }

  async function getAll<T>(
    path: string,
    parseItem: (x: unknown) => T,
    query: Record<string, string> = {},
  ): Promise<T[]> {
    const parsePage = (x: unknown): T[] => {
      if (!Array.isArray(x)) throw new ShapeError('expected a JSON list');
      return x.map(parseItem);
    };
    const q = (page: number) => ({ ...query, per_page: '100', page: String(page) });
    const first = await send('GET', path, q(1), undefined);
    const items = parseBody('GET', first, parsePage) ?? [];
    const totalPages = pageHeader(first.headers, 'x-total-pages');
    if (totalPages !== undefined) {
      if (totalPages > maxPages) {
        throw new GitLabApiError(
          `GET ${first.endpoint}: GitLab reports ${totalPages} pages, over the limit of ${maxPages}`,
          first.endpoint,
          first.status,
          'the collection is too large to read; check the project or group',
        );
      }
      // doc/api/rest/index.md#pagination: with totals known, the remaining pages can be fetched at once.
      const pages: T[][] = new Array(totalPages - 1);
      let next = 2;
      const worker = async () => {
        while (next <= totalPages) {
          const p = next++;
          const a = await send('GET', path, q(p), undefined);
          pages[p - 2] = parseBody('GET', a, parsePage) ?? [];
        }
      };
      await Promise.all(Array.from({ length: Math.min(pageConcurrency, totalPages - 1) }, worker));
      return items.concat(...pages);
    }
    // No totals (GitLab.com omits them on large collections): follow x-next-page; empty means last.
    const seen = new Set<number>([1]);
    let nextPage = pageHeader(first.headers, 'x-next-page');
    while (nextPage !== undefined) {
      if (seen.has(nextPage)) {
        throw new GitLabApiError(
          `GET ${first.endpoint}: pagination loop (x-next-page points back to page ${nextPage})`,
          first.endpoint,
          undefined,
          'GitLab or a proxy answered inconsistent pages; try again',
        );
      }
      if (seen.size >= maxPages) {
        throw new GitLabApiError(
          `GET ${first.endpoint}: more than ${maxPages} pages`,
          first.endpoint,
          undefined,
          'the collection is too large to read',
        );
      }
      seen.add(nextPage);
      const a = await send('GET', path, q(nextPage), undefined);
      items.push(...(parseBody('GET', a, parsePage) ?? []));
      nextPage = pageHeader(a.headers, 'x-next-page');
    }
    return items;
  }

  async function request<T>(
    method: string,
    path: string,
    parse: (x: unknown) => T,
    o: { query?: Record<string, string>; body?: unknown } = {},
  ): Promise<{ status: number; data: T | undefined }> {
    const m = method.toUpperCase();
    const a = await send(m, path, o.query, o.body);
    return { status: a.status, data: parseBody(m, a, parse) };
  }

  return {
    get,
    getAll,
    request,
    get requestCount() {
      return requestCount;
    },
    apiUrl,
  };
}
