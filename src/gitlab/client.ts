/**
 * The GitLab REST client: `PRIVATE-TOKEN` auth, offset pagination, bounded retries with full
 * jitter, per-attempt timeouts, a deadline per call and one per listing, manual redirects that never
 * carry the token off the API's origin, proxies from the environment. Sleep, clock and randomness
 * are injected so tests never wait. Every failure is a GitLabApiError (exit 3) naming the endpoint
 * (path only) and what to do: never the host, the query string, the token or a raw body.
 *
 * The parts: one attempt (attempt.ts), the retry policy (retry.ts), what an answer means
 * (answer.ts), errors and their hints (http-errors.ts), pagination (pages.ts).
 */
import { GitLabApiError, UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import { interpret } from './answer.js';
import { attempt, type Answer, type AttemptContext, type FetchLike } from './attempt.js';
import { scrubberFor, type Scrub } from './http-errors.js';
import { proxyAwareFetch } from './proxy.js';
import { withRetries, type RetryPolicy } from './retry.js';
import { getAll, type PageOptions } from './pages.js';
import { RateLimiter, type RateLimitStats } from './rate-limit.js';

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
  /** What GitLab's rate limits cost so far (pauses, 429s): rate-limit.ts. */
  readonly rateLimit?: RateLimitStats;
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

/** What every attempt of a client shares: where the token may go, how requests are sent and counted. */
function attemptContext(
  opts: GitLabClientOptions,
  apiUrl: string,
  scrub: Scrub,
  sent: () => void,
): AttemptContext {
  return {
    origin: new URL(apiUrl),
    token: opts.token || undefined,
    userAgent: opts.userAgent ?? 'deploy-token',
    // Looked up per call, so a fetch patched after the client was made (msw) is the one used.
    fetch: opts.fetch ?? proxyAwareFetch(opts.env ?? {}) ?? ((input, init) => globalThis.fetch(input, init)),
    now: opts.now ?? Date.now,
    scrub,
    sent,
    ...(opts.onRequest ? { onRequest: opts.onRequest } : {}),
  };
}

/** The bounds of one call (defaults: 10 s per attempt, 60 s per call, 4 attempts, 500 ms base delay). */
function retryPolicy(opts: GitLabClientOptions, scrub: Scrub): RetryPolicy {
  return {
    attemptTimeoutMs: Math.max(1, opts.attemptTimeoutMs ?? 10_000),
    deadlineMs: Math.max(1, opts.deadlineMs ?? 60_000),
    maxAttempts: Math.max(1, Math.floor(opts.maxAttempts ?? 4)),
    baseDelayMs: Math.max(0, opts.baseDelayMs ?? 500),
    now: opts.now ?? Date.now,
    random: opts.random ?? Math.random,
    sleep: opts.sleep ?? defaultSleep,
    scrub,
  };
}

/** What one call may carry besides its method and path. */
interface CallOptions {
  query?: Record<string, string>;
  body?: unknown;
  /** Values this request sends that no error may show. */
  secrets?: readonly string[];
  deadlineMs?: number;
}

type Send = (method: string, path: string, o?: CallOptions) => Promise<Answer>;

/**
 * One call: the request built (path checked, query set, body as JSON), then, once the rate limiter
 * lets it go, attempts under the retry policy.
 */
function sender(apiUrl: string, ctx: AttemptContext, policy: RetryPolicy, limiter: RateLimiter): Send {
  return (method, path, o = {}) => {
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
    return limiter
      .ready(endpoint)
      .then(() =>
        withRetries(policy, call, (timeoutMs, n) =>
          attempt(ctx, { where, method, url, endpoint, body }, timeoutMs, n),
        ),
      );
  };
}

/** How listings page (defaults: 200 pages at most, 4 at once, 3 minutes for a whole listing). */
function pageOptions(opts: GitLabClientOptions, policy: RetryPolicy, scrub: Scrub, send: Send): PageOptions {
  return {
    maxPages: Math.max(1, opts.maxPages ?? 200),
    concurrency: Math.max(1, Math.floor(opts.pageConcurrency ?? 4)),
    listDeadlineMs: Math.max(1, opts.listDeadlineMs ?? 180_000),
    callDeadlineMs: policy.deadlineMs,
    now: policy.now,
    scrub,
    get: (path, query, deadlineMs) => send('GET', path, { query, deadlineMs }),
  };
}

export function createGitLabClient(opts: GitLabClientOptions): GitLabClient {
  const apiUrl = apiUrlOf(opts.baseUrl);
  const scrub: Scrub = scrubberFor(opts.token || undefined);
  let requestCount = 0;
  const ctx = attemptContext(opts, apiUrl, scrub, () => void requestCount++);
  const policy = retryPolicy(opts, scrub);
  // GitLab's rate limits (429 Retry-After, RateLimit-*) pause every request of this client.
  const limiter = new RateLimiter({ now: policy.now, sleep: policy.sleep });
  ctx.fetch = limiter.watch(ctx.fetch);
  const send = sender(apiUrl, ctx, policy, limiter);
  const pages = pageOptions(opts, policy, scrub, send);

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
    getAll: (path, parseItem, query = {}) => getAll(pages, path, parseItem, query),
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
    rateLimit: limiter.stats,
    apiUrl,
  };
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
