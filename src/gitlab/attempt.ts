/**
 * One attempt of a GitLab API call: the request, redirects followed by hand (the API token only to
 * the API's origin, a body never off it, at most MAX_REDIRECTS hops), and the whole answer read —
 * all under one timeout. Failures worth another try are `Transient`; the others are final errors
 * that name the endpoint (a path), never a host, a port, the query or a secret.
 */
import { GitLabApiError } from '../core/errors.js';
import { errorCode, RETRY_CODES, unreachable, type Scrub } from './http-errors.js';

export type FetchLike = typeof fetch;

export const MAX_REDIRECTS = 5;
/** The largest answer read: 100 deploy tokens or variables are a few hundred KiB at most. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  endpoint: string;
  /** A redirect took the request off the API's origin, so the token was not sent. */
  leftOrigin: boolean;
}

/** A failure worth another attempt. */
export class Transient extends Error {
  constructor(
    message: string,
    readonly answer?: Answer,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

class AttemptTimeout extends Error {}

/** What every attempt of one client shares. */
export interface AttemptContext {
  origin: URL;
  token: string | undefined;
  userAgent: string;
  fetch: FetchLike;
  now: () => number;
  scrub: Scrub;
  /** Counts each request sent (every hop). */
  sent: () => void;
  onRequest?: (e: { method: string; endpoint: string; status?: number; attempt: number; ms: number }) => void;
}

/** One request of an attempt. */
export interface Request {
  /** `METHOD /endpoint` as the caller asked it: what every error names. */
  where: string;
  method: string;
  url: URL;
  endpoint: string;
  body: string | undefined;
}

function sameOrigin(a: URL, b: URL): boolean {
  return a.protocol === b.protocol && a.host === b.host;
}

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

/**
 * Where a redirect leads, as the next request (the fetch standard's method change), or an error:
 * too many hops, an invalid or non-HTTP target, a body that would leave the API's origin. The target
 * is never named: it may be another host.
 */
function nextHop(req: Request, res: Response, location: string, hop: number, origin: URL): Request {
  const where = req.where;
  const fail = (what: string, hint = 'check --gitlab-url') =>
    new GitLabApiError(`${where}: ${what}`, req.endpoint, undefined, hint);
  if (hop >= MAX_REDIRECTS) throw fail(`more than ${MAX_REDIRECTS} redirects`);
  let next: URL;
  try {
    next = new URL(location, req.url);
  } catch {
    throw fail('redirected to an invalid URL');
  }
  if (next.protocol !== 'https:' && next.protocol !== 'http:')
    throw fail(`redirected to a ${next.protocol} URL`);
  if (next.username || next.password) throw fail('redirected to a URL with a user name or password');
  let { method, body } = req;
  // Fetch standard: 303 (and 301/302 after POST) turn into a body-less GET.
  if (
    (res.status === 303 && method !== 'HEAD') ||
    ((res.status === 301 || res.status === 302) && method === 'POST')
  ) {
    method = 'GET';
    body = undefined;
  }
  // A body may hold a secret (a variable's value): it does not follow the request off-origin.
  if (body !== undefined && !sameOrigin(next, origin)) {
    throw fail(
      'redirected to another host or scheme; the request body is not sent there',
      'point --gitlab-url at the URL GitLab redirects to (https:// instead of http://?)',
    );
  }
  return { ...req, method, url: next, body };
}

/** Sends one request (no redirect handling); network failures become Transient or final errors. */
async function sendOnce(
  ctx: AttemptContext,
  req: Request,
  signal: AbortSignal,
  n: number,
  timeoutMs: number,
) {
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': ctx.userAgent };
  // The token goes to the API's origin only: another host, scheme (https→http) or port never sees it.
  const offOrigin = !sameOrigin(req.url, ctx.origin);
  if (!offOrigin && ctx.token) headers['private-token'] = ctx.token;
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  ctx.sent();
  const started = ctx.now();
  try {
    const res = await untilAborted(
      ctx.fetch(req.url, {
        method: req.method,
        headers,
        ...(req.body !== undefined ? { body: req.body } : {}),
        redirect: 'manual',
        signal,
      }),
      signal,
      (late) => void late.body?.cancel().catch(() => undefined),
    );
    ctx.onRequest?.({
      method: req.method,
      endpoint: req.endpoint,
      status: res.status,
      attempt: n,
      ms: ctx.now() - started,
    });
    return { res, offOrigin };
  } catch (e) {
    ctx.onRequest?.({ method: req.method, endpoint: req.endpoint, attempt: n, ms: ctx.now() - started });
    if (signal.aborted) throw new Transient(`no answer within ${timeoutMs} ms`);
    const code = errorCode(e);
    if (code && RETRY_CODES.has(code)) throw new Transient(`connection failed (${code})`);
    throw unreachable(req.where, req.endpoint, e, ctx.scrub);
  }
}

/** One attempt: follows redirects by hand and reads the whole body, all under one timeout. */
export async function attempt(
  ctx: AttemptContext,
  first: Request,
  timeoutMs: number,
  n: number,
): Promise<Answer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let req = first;
  let leftOrigin = false;
  try {
    for (let hop = 0; ; hop++) {
      const { res, offOrigin } = await sendOnce(ctx, req, controller.signal, n, timeoutMs);
      leftOrigin ||= offOrigin;
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel().catch(() => undefined);
        req = nextHop(req, res, location, hop, ctx.origin);
        continue;
      }
      let text: string;
      try {
        text = await readBody(res, controller.signal);
      } catch (e) {
        if (e instanceof RangeError) {
          throw new GitLabApiError(`${req.where}: answer larger than ${MAX_BODY_BYTES} bytes`, req.endpoint);
        }
        if (controller.signal.aborted) throw new Transient(`answer not complete within ${timeoutMs} ms`);
        throw new Transient(`connection broke while reading the answer (${errorCode(e) ?? 'reset'})`);
      }
      return { status: res.status, headers: res.headers, text, endpoint: req.endpoint, leftOrigin };
    }
  } finally {
    clearTimeout(timer);
  }
}
