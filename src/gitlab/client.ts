/**
 * The GitLab REST client: `PRIVATE-TOKEN` auth, offset pagination, bounded retries with full
 * jitter, per-attempt timeouts and a deadline per call, manual redirects that never carry the token
 * off the API's origin, proxies from the environment. Sleep, clock and randomness are injected so
 * tests never wait. Every failure is a GitLabApiError (exit 3) naming the endpoint (path only) and
 * what to do: never the host, the query string, the token or a raw body.
 */
import { GitLabApiError, UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import { proxyAwareFetch } from './proxy.js';
import { RateLimiter, type RateLimitStats } from './rate-limit.js';
import { ShapeError } from './types.js';

export type FetchLike = typeof fetch;

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
  /** GitLab's rate limits as met so far (src/gitlab/rate-limit.ts). */
  readonly rateLimit?: RateLimitStats;
}

/** GitLab answered with an HTTP error in its JSON format: `.status` and its short `message`. */
export class GitLabHttpError extends GitLabApiError {
  /** GitLab's `message` (or OAuth `error`), at most 200 characters. */
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

const CAP_DELAY_MS = 8_000;
const MAX_REDIRECTS = 5;
/** The largest answer read: 100 deploy tokens or variables are a few hundred KiB at most. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
const RETRY_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN', // DNS, temporary
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);
const TLS_TRUST_CODES =
  /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_\w+|ERR_TLS_CERT_ALTNAME_INVALID)$/;

/** 408, 429 and every 5xx are worth another try; other answers are GitLab's last word. */
function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
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

/** Retry-After: delay-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** What to do about each status, in the words a GitLab user needs. */
function hintFor(status: number, gitlabMessage: string | undefined): string | undefined {
  switch (status) {
    case 400:
      return 'GitLab refused the request as invalid: see its message (a CI/CD variable value that cannot be masked is refused this way)';
    case 401:
      return 'the API token was refused: it needs the `read_api` scope (or `api` to create tokens) and must not be expired or revoked';
    case 403:
      // lib/api/api_guard.rb: a token without the needed scope gets 403 `insufficient_scope`.
      return gitlabMessage && /insufficient_scope/i.test(gitlabMessage)
        ? 'the API token lacks a scope: reading needs `read_api`, creating or deleting tokens and writing variables needs `api`'
        : "the token's user needs at least the Maintainer role on the project (Owner for group variables and group token changes)";
    case 404:
      return "not found: check the project or group path or id, and that the token's user can see it";
    case 409:
      return 'GitLab reports a conflict: for a CI/CD variable, the key exists in several environment scopes (ask with filter[environment_scope])';
    case 429:
      return 'GitLab is rate-limiting these requests: try again later';
    default:
      return status >= 500
        ? "GitLab failed to answer: try again later, or check the instance's status"
        : undefined;
  }
}

/** A failure worth another attempt. */
class Transient extends Error {
  constructor(
    message: string,
    readonly answer?: Answer,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  endpoint: string;
  /** A redirect took the request off the API's origin, so the token was not sent. */
  leftOrigin: boolean;
}

/** Errors may come from another realm (jest's vm, undici): read them by shape, not instanceof. */
function errorCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

function messageOf(e: unknown): string {
  const m = (e as { message?: unknown } | null)?.message;
  const cause = (e as { cause?: { message?: unknown } } | null)?.cause?.message;
  const text = typeof m === 'string' && m ? m : 'network error';
  return typeof cause === 'string' && cause ? `${text}: ${cause}` : text;
}

function isShapeError(e: unknown): e is Error {
  return e instanceof Error && e.name === 'ShapeError';
}

function sameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.host === b.host;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

class AttemptTimeout extends Error {}

/** Rejects with AttemptTimeout when `signal` aborts, whatever `p` does (msw ignores aborts mid-body). */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal, onLate?: (v: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AttemptTimeout());
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) onLate?.(v);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** Reads the whole body under the attempt's signal: a slow drip is cut off at the attempt timeout. */
async function readBody(res: Response, signal: AbortSignal): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const r = await untilAborted(reader.read(), signal);
      if (r.done) break;
      size += r.value.byteLength;
      if (size > MAX_BODY_BYTES) throw new RangeError('answer too large');
      chunks.push(r.value);
    }
  } catch (e) {
    reader.cancel().catch(() => undefined);
    throw e;
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** GitLab's short `message` (or OAuth's `error`), as one line. */
function gitlabMessageOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const d = data as { message?: unknown; error?: unknown; error_description?: unknown };
  const raw = d.message ?? d.error;
  if (raw === undefined || raw === null) return undefined;
  // 400 answers carry field errors as an object: {"message": {"value": ["is invalid"]}}.
  const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
  const desc =
    typeof d.error_description === 'string' && d.message === undefined ? `: ${d.error_description}` : '';
  // Not cut here: the client scrubs the token first, then cuts to 200 characters.
  return `${text}${desc}`.replace(/\s+/g, ' ').trim();
}

function mediaType(headers: Headers): string {
  return (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function isJsonType(t: string): boolean {
  return t === 'application/json' || t.endsWith('+json');
}

function looksLikeHtml(a: Answer): boolean {
  const t = mediaType(a.headers);
  return (
    t === 'text/html' ||
    t === 'application/xhtml+xml' ||
    /^\s*<(!doctype|html|head|body)\b/i.test(a.text.slice(0, 512))
  );
}

export function createGitLabClient(opts: GitLabClientOptions): GitLabClient {
  const apiUrl = apiUrlOf(opts.baseUrl);
  const origin = new URL(apiUrl);
  const token = opts.token || undefined;
  const sleep = opts.sleep ?? defaultSleep;
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const attemptTimeoutMs = Math.max(1, opts.attemptTimeoutMs ?? 10_000);
  const deadlineMs = Math.max(1, opts.deadlineMs ?? 60_000);
  const maxAttempts = Math.max(1, Math.floor(opts.maxAttempts ?? 4));
  const baseDelayMs = Math.max(0, opts.baseDelayMs ?? 500);
  const maxPages = Math.max(1, opts.maxPages ?? 200);
  const pageConcurrency = Math.max(1, Math.floor(opts.pageConcurrency ?? 4));
  const userAgent = opts.userAgent ?? 'deploy-token';
  // Looked up per call, so a fetch patched after the client was made (msw) is the one used.
  const limiter = new RateLimiter({ now, sleep });
  const doFetch: FetchLike = limiter.watch(
    opts.fetch ?? proxyAwareFetch(opts.env ?? {}) ?? ((input, init) => globalThis.fetch(input, init)),
  );
  let requestCount = 0;

  /** Defence in depth for text from elsewhere (causes, GitLab messages): no token, no URL password. */
  function scrub(text: string, secrets: readonly string[] = []): string {
    let t = text.replace(/\/\/[^/\s:@]+:[^/\s@]+@/g, '//***@');
    // Before the cut: a secret cut in half would no longer be found.
    for (const x of [token, ...secrets]) if (x && x.length >= 4) t = t.split(x).join('[MASKED]');
    return t.slice(0, 200);
  }

  function unreachable(where: string, endpoint: string, e: unknown): GitLabApiError {
    const code = errorCode(e);
    // The code alone when there is one: socket messages name hosts and addresses, errors name paths only.
    // Proxy refusals (407) have no telling code, so their message is shown instead.
    const detail =
      code && code !== 'UND_ERR_INVALID_ARG' && code !== 'UND_ERR_ABORTED' ? code : scrub(messageOf(e));
    const hint =
      code && TLS_TRUST_CODES.test(code)
        ? "GitLab's TLS certificate is not trusted: for a private CA, set NODE_EXTRA_CA_CERTS to its PEM file (Node reads it at start-up)"
        : code === 'ENOTFOUND'
          ? 'check the host name in --gitlab-url'
          : 'check --gitlab-url, the network, HTTPS_PROXY / NO_PROXY, and NODE_EXTRA_CA_CERTS for a private CA';
    return new GitLabApiError(`${where}: could not reach GitLab (${detail})`, endpoint, undefined, hint);
  }

  /** One attempt: follows redirects by hand and reads the whole body, all under one timeout. */
  async function attempt(
    method: string,
    url: URL,
    endpoint: string,
    payload: string | undefined,
    timeoutMs: number,
    n: number,
  ): Promise<Answer> {
    const where = `${method} ${endpoint}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let current = url;
    let m = method;
    let body = payload;
    let leftOrigin = false;
    try {
      for (let hop = 0; ; hop++) {
        const headers: Record<string, string> = { accept: 'application/json', 'user-agent': userAgent };
        // The token goes to the API's origin only: another host, scheme (https→http) or port never sees it.
        if (!sameOrigin(current, origin)) leftOrigin = true;
        else if (token) headers['private-token'] = token;
        if (body !== undefined) headers['content-type'] = 'application/json';
        requestCount++;
        const started = now();
        let res: Response;
        try {
          res = await untilAborted(
            doFetch(current, {
              method: m,
              headers,
              ...(body !== undefined ? { body } : {}),
              redirect: 'manual',
              signal: controller.signal,
            }),
            controller.signal,
            (late) => void late.body?.cancel().catch(() => undefined),
          );
        } catch (e) {
          opts.onRequest?.({ method: m, endpoint, attempt: n, ms: now() - started });
          if (controller.signal.aborted) throw new Transient(`no answer within ${timeoutMs} ms`);
          const code = errorCode(e);
          if (code && RETRY_CODES.has(code)) throw new Transient(`connection failed (${code})`);
          throw unreachable(where, endpoint, e);
        }
        opts.onRequest?.({ method: m, endpoint, status: res.status, attempt: n, ms: now() - started });
        const location = res.headers.get('location');
        if (res.status >= 300 && res.status < 400 && location) {
          await res.body?.cancel().catch(() => undefined);
          if (hop >= MAX_REDIRECTS) {
            throw new GitLabApiError(
              `${where}: more than ${MAX_REDIRECTS} redirects`,
              endpoint,
              undefined,
              'check --gitlab-url',
            );
          }
          let next: URL;
          try {
            next = new URL(location, current);
          } catch {
            throw new GitLabApiError(
              `${where}: redirected to an invalid URL`,
              endpoint,
              undefined,
              'check --gitlab-url',
            );
          }
          if (next.protocol !== 'https:' && next.protocol !== 'http:') {
            throw new GitLabApiError(
              `${where}: redirected to a ${next.protocol} URL`,
              endpoint,
              undefined,
              'check --gitlab-url',
            );
          }
          // Fetch standard: 303 (and 301/302 after POST) turn into a body-less GET.
          if (
            (res.status === 303 && m !== 'HEAD') ||
            ((res.status === 301 || res.status === 302) && m === 'POST')
          ) {
            m = 'GET';
            body = undefined;
          }
          // A body may hold a secret (a variable's value): it does not follow the request off-origin.
          if (body !== undefined && !sameOrigin(next, origin)) {
            throw new GitLabApiError(
              `${where}: redirected to another host or scheme; the request body is not sent there`,
              endpoint,
              undefined,
              'point --gitlab-url at the URL GitLab redirects to (https:// instead of http://?)',
            );
          }
          current = next;
          continue;
        }
        let text: string;
        try {
          text = await readBody(res, controller.signal);
        } catch (e) {
          if (e instanceof RangeError) {
            throw new GitLabApiError(`${where}: answer larger than ${MAX_BODY_BYTES} bytes`, endpoint);
          }
          if (controller.signal.aborted) throw new Transient(`answer not complete within ${timeoutMs} ms`);
          throw new Transient(`connection broke while reading the answer (${errorCode(e) ?? 'reset'})`);
        }
        return { status: res.status, headers: res.headers, text, endpoint, leftOrigin };
      }
    } finally {
      clearTimeout(timer);
    }
  }

  /** One call: attempts with backoff until an answer that is not transient, within maxAttempts and the deadline. */
  async function send(
    method: string,
    path: string,
    query: Record<string, string> | undefined,
    body: unknown,
    secrets: readonly string[] = [],
  ): Promise<Answer> {
    const rel = path.startsWith('/') ? path : `/${path}`;
    const endpoint = rel.split(/[?#]/)[0] ?? rel;
    const url = new URL(apiUrl + rel);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const where = `${method} ${endpoint}`;
    await limiter.ready(endpoint);
    const start = now();
    let made = 0;
    let last: Transient | undefined;
    let stop = '';
    for (;;) {
      const remaining = deadlineMs - (now() - start);
      if (remaining <= 0) {
        stop = `the deadline of ${seconds(deadlineMs)} passed`;
        break;
      }
      made++;
      try {
        // The attempt never outlives the call's deadline.
        const a = await attempt(
          method,
          url,
          endpoint,
          payload,
          Math.min(attemptTimeoutMs, remaining),
          made - 1,
        );
        if (!isTransientStatus(a.status)) return a;
        last = new Transient(`HTTP ${a.status}`, a, parseRetryAfter(a.headers.get('retry-after'), now()));
      } catch (e) {
        if (!(e instanceof Transient)) throw e;
        last = e;
      }
      if (!IDEMPOTENT.has(method)) {
        stop = `${method} is never retried: it may have taken effect, check before trying again`;
        break;
      }
      if (made >= maxAttempts) break;
      // Full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"); Retry-After, when
      // given, is waited exactly: GitLab's rate limiter (Rack::Attack) says when it lets us in again.
      const r = Math.min(Math.max(random(), 0), 1);
      const delay = last.retryAfterMs ?? r * Math.min(CAP_DELAY_MS, baseDelayMs * 2 ** (made - 1));
      const left = deadlineMs - (now() - start);
      if (delay >= left) {
        stop =
          last.retryAfterMs !== undefined
            ? `GitLab asked to retry after ${seconds(Math.ceil(delay))}, past the deadline of ${seconds(deadlineMs)}`
            : `another try would pass the deadline of ${seconds(deadlineMs)}`;
        break;
      }
      await sleep(delay);
    }
    const a = last?.answer;
    const raw = a ? gitlabMessageOf(safeJson(a.text)) : undefined;
    const gm = raw === undefined ? undefined : scrub(raw, secrets);
    const cause = last ? `${last.message}${gm ? ` (${gm})` : ''}` : 'no attempt made';
    const message = `${where}: GitLab could not be asked after ${plural(made, 'attempt')}: ${cause}${stop ? `; ${stop}` : ''}`;
    if (a) throw new GitLabHttpError(message, endpoint, a.status, hintFor(a.status, gm), gm);
    throw new GitLabApiError(
      message,
      endpoint,
      undefined,
      "check the network and GitLab's status, then try again",
    );
  }

  function safeJson(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  }

  /** The answer as JSON, or a GitLabApiError saying what it was instead (no `.status`: it is not GitLab's API speaking). */
  function jsonOf(where: string, a: Answer): unknown {
    const redirected = a.leftOrigin
      ? ' The request was redirected to another host or scheme, where the API token is not sent: point --gitlab-url at the final URL (https://?).'
      : '';
    if (looksLikeHtml(a)) {
      throw new GitLabApiError(
        `${where}: GitLab answered HTML, not JSON (HTTP ${a.status}: a sign-in page? check --gitlab-url and that the API token is valid)`,
        a.endpoint,
        undefined,
        `--gitlab-url is the instance root (https://gitlab.example.com), not a project or sign-in page; a proxy's login page answers HTML too.${redirected}`,
      );
    }
    const type = mediaType(a.headers);
    if (type && !isJsonType(type)) {
      throw new GitLabApiError(
        `${where}: GitLab answered ${scrub(type)}, not JSON (HTTP ${a.status})`,
        a.endpoint,
        undefined,
        `check --gitlab-url and any proxy between you and GitLab${redirected ? `;${redirected}` : ''}`,
      );
    }
    if (a.text.trim() === '') {
      throw new GitLabApiError(
        `${where}: GitLab answered an empty body, not JSON (HTTP ${a.status})`,
        a.endpoint,
      );
    }
    try {
      return JSON.parse(a.text);
    } catch {
      throw new GitLabApiError(
        `${where}: GitLab's answer is not valid JSON (truncated or not an API answer)`,
        a.endpoint,
        undefined,
        'try again; if it persists, check proxies between you and GitLab',
      );
    }
  }

  /** Status, then content: GitLab's error answers become GitLabHttpError, anything undocumented a clear error. */
  function interpret<T>(
    method: string,
    a: Answer,
    parse: (x: unknown) => T,
    secrets: readonly string[] = [],
  ): T | undefined {
    const where = `${method} ${a.endpoint}`;
    if (a.status >= 400) {
      // GitLab's API answers errors as JSON ({"message": ...}); anything else is not GitLab speaking.
      const data = a.text.trim() === '' ? undefined : jsonOf(where, a);
      const raw = gitlabMessageOf(data);
      const gm = raw === undefined ? undefined : scrub(raw, secrets);
      let hint = hintFor(a.status, gm);
      if (a.status === 401 && a.leftOrigin) {
        hint =
          'GitLab redirected the request to another host or scheme, where the API token is not sent: point --gitlab-url at the final URL (https://?)';
      }
      throw new GitLabHttpError(
        `${where}: HTTP ${a.status}${gm ? ` (${gm})` : ''}`,
        a.endpoint,
        a.status,
        hint,
        gm,
      );
    }
    if (a.status === 204 || a.status === 205 || method === 'HEAD') return undefined;
    const data = jsonOf(where, a);
    try {
      return parse(data);
    } catch (e) {
      if (!isShapeError(e)) throw e;
      throw new GitLabApiError(
        `${where}: unexpected answer from GitLab: ${scrub(e.message)}`,
        a.endpoint,
        undefined,
        'check that --gitlab-url points at a GitLab instance',
      );
    }
  }

  async function get<T>(path: string, parse: (x: unknown) => T, query?: Record<string, string>): Promise<T> {
    const a = await send('GET', path, query, undefined);
    const data = interpret('GET', a, parse);
    if (data === undefined) {
      throw new GitLabApiError(
        `GET ${a.endpoint}: GitLab answered HTTP ${a.status} with no content`,
        a.endpoint,
      );
    }
    return data;
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

  async function getAll<T>(
    path: string,
    parseItem: (x: unknown) => T,
    query: Record<string, string> = {},
  ): Promise<T[]> {
    const parsePage = (x: unknown): T[] => {
      if (!Array.isArray(x)) throw new ShapeError('expected a JSON list (one page of items)');
      return x.map(parseItem);
    };
    const q = (page: number) => ({ ...query, per_page: '100', page: String(page) });
    const pageOf = async (page: number) =>
      interpret('GET', await send('GET', path, q(page), undefined), parsePage) ?? [];
    const first = await send('GET', path, q(1), undefined);
    const items = interpret('GET', first, parsePage) ?? [];
    const where = `GET ${first.endpoint}`;
    const totalPages = pageHeader(first, 'x-total-pages');
    if (totalPages !== undefined) {
      if (totalPages > maxPages) {
        throw new GitLabApiError(
          `${where}: GitLab reports ${totalPages} pages, over the limit of ${maxPages} pages`,
          first.endpoint,
          undefined,
          `that is more than ${maxPages * 100} items; check the project or group`,
        );
      }
      // With totals known, pages 2..N are fetched together, a few at a time, kept in page order.
      const pages: T[][] = [];
      let next = 2;
      let failed = false;
      const worker = async () => {
        while (next <= totalPages && !failed) {
          const p = next++;
          try {
            pages[p - 2] = await pageOf(p);
          } catch (e) {
            failed = true; // the other workers take no new page
            throw e;
          }
        }
      };
      await Promise.all(
        Array.from({ length: Math.max(0, Math.min(pageConcurrency, totalPages - 1)) }, worker),
      );
      return items.concat(...pages);
    }
    // Without totals (GitLab.com omits them on large collections): follow x-next-page, empty on the last page.
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
      if (seen.size >= maxPages) {
        throw new GitLabApiError(
          `${where}: more than the limit of ${maxPages} pages`,
          first.endpoint,
          undefined,
          `that is more than ${maxPages * 100} items; check the project or group`,
        );
      }
      seen.add(nextPage);
      const a = await send('GET', path, q(nextPage), undefined);
      items.push(...(interpret('GET', a, parsePage) ?? []));
      nextPage = pageHeader(a, 'x-next-page');
    }
    return items;
  }

  async function request<T>(
    method: string,
    path: string,
    parse: (x: unknown) => T,
    o: { query?: Record<string, string>; body?: unknown; secrets?: readonly string[] } = {},
  ): Promise<{ status: number; data: T | undefined }> {
    const m = method.toUpperCase();
    const a = await send(m, path, o.query, o.body, o.secrets);
    return { status: a.status, data: interpret(m, a, parse, o.secrets) };
  }

  return {
    get,
    getAll,
    request,
    get requestCount() {
      return requestCount;
    },
    apiUrl,
    rateLimit: limiter.stats,
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
    'attemptTimeoutMs' | 'deadlineMs' | 'maxAttempts' | 'baseDelayMs' | 'random' | 'now'
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
