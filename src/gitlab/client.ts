/**
 * The GitLab REST client: `PRIVATE-TOKEN` auth, offset pagination, bounded retries with full
 * jitter, per-attempt timeouts, a deadline per call and one per listing, manual redirects that never
 * carry the token off the API's origin, proxies from the environment. Sleep, clock and randomness
 * are injected so tests never wait. Every failure is a GitLabApiError (exit 3) naming the endpoint
 * (path only) and what to do: never the host, the query string, the token or a raw body.
 *
 * The parts: one attempt (attempt.ts), the retry policy (retry.ts), what an answer means
 * (answer.ts), errors and their hints (http-errors.ts).
 */
import { GitLabApiError, UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import { interpret } from './answer.js';
import { attempt, type Answer, type AttemptContext, type FetchLike } from './attempt.js';
import { scrubberFor, seconds, type Scrub } from './http-errors.js';
import { proxyAwareFetch } from './proxy.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { ShapeError } from './types.js';

export { GitLabHttpError } from './http-errors.js';
export { parseRetryAfter } from './retry.js';
export type { FetchLike };

export interface GitLabClientOptions {
  /** Instance URL (`https://gitlab.example.com`, `https://host/gitlab`), or one ending in /api/v4. */
  baseUrl: string;
  /** Sent as PRIVATE-TOKEN to the API's origin only; never logged, never in an error. */
  token?: string;
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY (upper and lower case). */
  env?: Env;
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
  attemptTimeoutMs?: number;
  deadlineMs?: number;
  /** The most a whole listing (every page of getAll) may take. */
  listDeadlineMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxPages?: number;
  pageConcurrency?: number;
  userAgent?: string;
  /** One event per HTTP request sent (redirect hops included); `attempt` counts from 0. */
  onRequest?: (e: { method: string; endpoint: string; status?: number; attempt: number; ms: number }) => void;
}

export interface GitLabClient {
  /** GET `${api}${path}` with query; parse JSON through `parse`. */
  get<T>(path: string, parse: (x: unknown) => T, query?: Record<string, string>): Promise<T>;
  /** GET every page (per_page=100). */
  getAll<T>(path: string, parseItem: (x: unknown) => T, query?: Record<string, string>): Promise<T[]>;
  /** Any method; body sent as JSON. Data is undefined for 204. Only GET/HEAD/PUT/DELETE are retried. */
  request<T>(
    method: string,
    path: string,
    parse: (x: unknown) => T,
    /** secrets: values this request sends that no error may show (GitLab's messages are scrubbed of them). */
    opts?: { query?: Record<string, string>; body?: unknown; secrets?: readonly string[] },
  ): Promise<{ status: number; data: T | undefined }>;
  /** Requests sent so far (every attempt and redirect hop counts). */
  readonly requestCount: number;
  readonly apiUrl: string;
}

export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The API root for an instance URL. Throws UsageError without echoing the URL (it may carry a
 * password). `https://host/gitlab` keeps its relative root; a URL ending in /api/v4 is kept.
 */
export function apiUrlOf(baseUrl: string): string {
  let u: URL;
  try {
    u = new URL(baseUrl.trim());
  } catch {
    throw new UsageError(
      'the GitLab URL is not a valid URL',
      'give the instance root, e.g. https://gitlab.example.com',
    );
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    throw new UsageError('the GitLab URL must start with https:// (or http://)');
  }
  if (u.username || u.password) {
    throw new UsageError(
      'the GitLab URL must not contain a user name or password',
      'give the API token in GITLAB_TOKEN instead',
    );
  }
  const path = u.pathname.replace(/\/+$/, '');
  return `${u.origin}${/\/api\/v4$/.test(path) ? path : `${path}/api/v4`}`;
}

/**
 * A path whose segments are all real names: a `.` or `..` (also as %2e) would be resolved away by
 * the URL parser and send the request elsewhere (`/projects/..` is `/api/v4`, the instance's own
 * endpoints).
 */
function checkPath(rel: string): void {
  const segments = (rel.split(/[?#]/)[0] ?? '').split('/');
  if (segments.some((s) => ['.', '..'].includes(s.replace(/%2e/gi, '.')))) {
    throw new UsageError(
      'a project or group path cannot have a "." or ".." segment',
      'give the project or group as its id or its full path (group/subgroup/project)',
    );
  }
}

/** What getAll needs from the client: one GET of a page, within a deadline. */
type PageGet = (path: string, query: Record<string, string>, deadlineMs: number) => Promise<Answer>;

export function createGitLabClient(opts: GitLabClientOptions): GitLabClient {
  const apiUrl = apiUrlOf(opts.baseUrl);
  const token = opts.token || undefined;
  const now = opts.now ?? Date.now;
  const scrub: Scrub = scrubberFor(token);
  let requestCount = 0;
  const ctx: AttemptContext = {
    origin: new URL(apiUrl),
    token,
    userAgent: opts.userAgent ?? 'deploy-token',
    // Looked up per call, so a fetch patched after the client was made (msw) is the one used.
    fetch: opts.fetch ?? proxyAwareFetch(opts.env ?? {}) ?? ((input, init) => globalThis.fetch(input, init)),
    now,
    scrub,
    sent: () => void requestCount++,
    ...(opts.onRequest ? { onRequest: opts.onRequest } : {}),
  };
  const policy: RetryPolicy = {
    attemptTimeoutMs: Math.max(1, opts.attemptTimeoutMs ?? 10_000),
    deadlineMs: Math.max(1, opts.deadlineMs ?? 60_000),
    maxAttempts: Math.max(1, Math.floor(opts.maxAttempts ?? 4)),
    baseDelayMs: Math.max(0, opts.baseDelayMs ?? 500),
    now,
    random: opts.random ?? Math.random,
    sleep: opts.sleep ?? defaultSleep,
    scrub,
  };

  /** One call: the request built, then attempts under the retry policy. */
  function send(
    method: string,
    path: string,
    o: {
      query?: Record<string, string>;
      body?: unknown;
      secrets?: readonly string[];
      deadlineMs?: number;
    } = {},
  ): Promise<Answer> {
    const rel = path.startsWith('/') ? path : `/${path}`;
    checkPath(rel);
    const endpoint = rel.split(/[?#]/)[0] ?? rel;
    const url = new URL(apiUrl + rel);
    for (const [k, v] of Object.entries(o.query ?? {})) url.searchParams.set(k, v);
    const body = o.body === undefined ? undefined : JSON.stringify(o.body);
    const where = `${method} ${endpoint}`;
    const call = {
      method,
      where,
      endpoint,
      secrets: o.secrets ?? [],
      ...(o.deadlineMs ? { deadlineMs: o.deadlineMs } : {}),
    };
    return withRetries(policy, call, (timeoutMs, n) =>
      attempt(ctx, { where, method, url, endpoint, body }, timeoutMs, n),
    );
  }

  const pages: PageOptions = {
    maxPages: Math.max(1, opts.maxPages ?? 200),
    concurrency: Math.max(1, Math.floor(opts.pageConcurrency ?? 4)),
    listDeadlineMs: Math.max(1, opts.listDeadlineMs ?? 180_000),
    callDeadlineMs: policy.deadlineMs,
    now,
    scrub,
  };
  const getPage: PageGet = (path, query, deadlineMs) => send('GET', path, { query, deadlineMs });

  return {
    async get<T>(path: string, parse: (x: unknown) => T, query?: Record<string, string>): Promise<T> {
      const a = await send('GET', path, query ? { query } : {});
      const data = interpret('GET', a, parse, scrub);
      if (data === undefined) {
        throw new GitLabApiError(
          `GET ${a.endpoint}: GitLab answered HTTP ${a.status} with no content`,
          a.endpoint,
        );
      }
      return data;
    },
    getAll: (path, parseItem, query = {}) => getAll(getPage, pages, path, parseItem, query),
    async request<T>(
      method: string,
      path: string,
      parse: (x: unknown) => T,
      o: { query?: Record<string, string>; body?: unknown; secrets?: readonly string[] } = {},
    ) {
      const m = method.toUpperCase();
      const a = await send(m, path, o);
      return { status: a.status, data: interpret(m, a, parse, scrub, o.secrets) };
    },
    get requestCount() {
      return requestCount;
    },
    apiUrl,
  };
}

interface PageOptions {
  maxPages: number;
  concurrency: number;
  listDeadlineMs: number;
  callDeadlineMs: number;
  now: () => number;
  scrub: Scrub;
}

/** doc/api/rest/index.md#pagination: a positive integer, or undefined when absent or empty. */
function pageHeader(a: Answer, name: string): number | undefined {
  const v = a.headers.get(name)?.trim();
  if (!v) return undefined;
  if (!/^\d+$/.test(v)) {
    throw new GitLabApiError(`GET ${a.endpoint}: the ${name} header is not a page number`, a.endpoint);
  }
  return Number(v);
}

function tooMany(where: string, endpoint: string, what: string, maxPages: number): GitLabApiError {
  return new GitLabApiError(
    `${where}: ${what}`,
    endpoint,
    undefined,
    `that is more than ${maxPages * 100} items; check the project or group`,
  );
}

/**
 * Every page of a listing, within one deadline for the whole listing: each page's call gets only
 * what is left of it. With totals (x-total-pages), pages 2..N are fetched a few at a time, kept in
 * page order; without them (GitLab.com omits them on large collections), x-next-page is followed.
 */
async function getAll<T>(
  getPage: PageGet,
  o: PageOptions,
  path: string,
  parseItem: (x: unknown) => T,
  query: Record<string, string>,
): Promise<T[]> {
  const start = o.now();
  const parsePage = (x: unknown): T[] => {
    if (!Array.isArray(x)) throw new ShapeError('expected a JSON list (one page of items)');
    return x.map(parseItem);
  };
  const endpoint = path.split(/[?#]/)[0] ?? path;
  const overdue = (page: number) =>
    new GitLabApiError(
      `GET ${endpoint}: the listing took longer than its deadline of ${seconds(o.listDeadlineMs)} (page ${page})`,
      endpoint,
      undefined,
      "check the network and GitLab's status, or narrow what is listed",
    );
  const fetchPage = async (page: number): Promise<Answer> => {
    const left = o.listDeadlineMs - (o.now() - start);
    if (left <= 0) throw overdue(page);
    try {
      return await getPage(
        path,
        { ...query, per_page: '100', page: String(page) },
        Math.min(o.callDeadlineMs, left),
      );
    } catch (e) {
      // A page cut short by what was left of the listing's deadline: the listing's deadline says so.
      if (o.now() - start >= o.listDeadlineMs) throw overdue(page);
      throw e;
    }
  };
  const items = async (page: number) => interpret('GET', await fetchPage(page), parsePage, o.scrub) ?? [];
  const first = await fetchPage(1);
  const all = interpret('GET', first, parsePage, o.scrub) ?? [];
  const where = `GET ${first.endpoint}`;
  const totalPages = pageHeader(first, 'x-total-pages');
  if (totalPages !== undefined) {
    if (totalPages > o.maxPages)
      throw tooMany(
        where,
        first.endpoint,
        `GitLab reports ${totalPages} pages, over the limit of ${o.maxPages} pages`,
        o.maxPages,
      );
    const rest: T[][] = [];
    let next = 2;
    let failed = false;
    const worker = async () => {
      while (next <= totalPages && !failed) {
        const p = next++;
        try {
          rest[p - 2] = await items(p);
        } catch (e) {
          failed = true; // the other workers take no new page
          throw e;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(0, Math.min(o.concurrency, totalPages - 1)) }, worker));
    return all.concat(...rest);
  }
  const seen = new Set<number>([1]);
  let nextPage = pageHeader(first, 'x-next-page');
  while (nextPage !== undefined) {
    if (seen.has(nextPage)) {
      throw new GitLabApiError(
        `${where}: pagination loop (x-next-page points back to page ${nextPage})`,
        first.endpoint,
        undefined,
        'GitLab or a proxy answered inconsistent pages; try again',
      );
    }
    if (seen.size >= o.maxPages)
      throw tooMany(where, first.endpoint, `more than the limit of ${o.maxPages} pages`, o.maxPages);
    seen.add(nextPage);
    const a = await fetchPage(nextPage);
    all.push(...(interpret('GET', a, parsePage, o.scrub) ?? []));
    nextPage = pageHeader(a, 'x-next-page');
  }
  return all;
}

/** What callers inject into every client (tests shorten the bounds; users keep the defaults). */
export interface ClientDeps {
  env?: Env;
  fetch?: FetchLike;
  sleep?: (ms: number) => Promise<void>;
  onRequest?: GitLabClientOptions['onRequest'];
  http?: Pick<
    GitLabClientOptions,
    'attemptTimeoutMs' | 'deadlineMs' | 'listDeadlineMs' | 'maxAttempts' | 'baseDelayMs' | 'random' | 'now'
  >;
}

/** A client for `baseUrl` with `token`, wired with whatever the caller injects. */
export function clientWith(baseUrl: string, token: string, deps: ClientDeps): GitLabClient {
  const opts: GitLabClientOptions = { ...deps.http, baseUrl, token };
  if (deps.env) opts.env = deps.env;
  if (deps.fetch) opts.fetch = deps.fetch;
  if (deps.sleep) opts.sleep = deps.sleep;
  if (deps.onRequest) opts.onRequest = deps.onRequest;
  return createGitLabClient(opts);
}
