/**
 * The retry policy of one GitLab API call: attempts with full-jitter backoff (AWS Architecture Blog,
 * "Exponential Backoff And Jitter") until an answer that is not transient, within `maxAttempts` and
 * the call's deadline; Retry-After, when given, is waited exactly (GitLab's rate limiter,
 * Rack::Attack, says when it lets us in again). Only idempotent methods are retried.
 */
import { GitLabApiError } from '../core/errors.js';
import { Transient, type Answer } from './attempt.js';
import {
  gitlabMessageOf,
  GitLabHttpError,
  hintFor,
  isTransientStatus,
  plural,
  seconds,
  type Scrub,
} from './http-errors.js';

const CAP_DELAY_MS = 8_000;
const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

export interface RetryPolicy {
  attemptTimeoutMs: number;
  deadlineMs: number;
  maxAttempts: number;
  baseDelayMs: number;
  now: () => number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  scrub: Scrub;
}

/** Retry-After: delay-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Why no further attempt is made after `last`, or undefined to try again after `delay`. */
function stopReason(p: RetryPolicy, method: string, made: number, last: Transient, left: number) {
  if (!IDEMPOTENT.has(method))
    return { stop: `${method} is never retried: it may have taken effect, check before trying again` };
  if (made >= p.maxAttempts) return { stop: '' };
  const r = Math.min(Math.max(p.random(), 0), 1);
  const delay = last.retryAfterMs ?? r * Math.min(CAP_DELAY_MS, p.baseDelayMs * 2 ** (made - 1));
  if (delay >= left) {
    return {
      stop:
        last.retryAfterMs !== undefined
          ? `GitLab asked to retry after ${seconds(Math.ceil(delay))}, past the deadline of ${seconds(p.deadlineMs)}`
          : `another try would pass the deadline of ${seconds(p.deadlineMs)}`,
    };
  }
  return { delay };
}

/** The error for a call that ran out of attempts: GitLab's message masked first, then cut. */
function exhausted(
  where: string,
  endpoint: string,
  made: number,
  last: Transient | undefined,
  stop: string,
  secrets: readonly string[],
  scrub: Scrub,
) {
  const a = last?.answer;
  const raw = a ? gitlabMessageOf(safeJson(a.text)) : undefined;
  const gm = raw === undefined ? undefined : scrub(raw, secrets);
  const cause = last ? `${last.message}${gm ? ` (${gm})` : ''}` : 'no attempt made';
  const message = `${where}: GitLab could not be asked after ${plural(made, 'attempt')}: ${cause}${stop ? `; ${stop}` : ''}`;
  if (a) return new GitLabHttpError(message, endpoint, a.status, hintFor(a.status, gm), gm);
  return new GitLabApiError(
    message,
    endpoint,
    undefined,
    "check the network and GitLab's status, then try again",
  );
}

/**
 * Runs `once(timeoutMs, n)` until it gives an answer that is not transient. `deadlineMs` (default the
 * policy's) bounds the whole call; the attempt never outlives it.
 */
export async function withRetries(
  p: RetryPolicy,
  call: { method: string; where: string; endpoint: string; secrets: readonly string[]; deadlineMs?: number },
  once: (timeoutMs: number, n: number) => Promise<Answer>,
): Promise<Answer> {
  const deadlineMs = call.deadlineMs ?? p.deadlineMs;
  const start = p.now();
  let made = 0;
  let last: Transient | undefined;
  let stop = '';
  for (;;) {
    const remaining = deadlineMs - (p.now() - start);
    if (remaining <= 0) {
      stop = `the deadline of ${seconds(deadlineMs)} passed`;
      break;
    }
    made++;
    try {
      const a = await once(Math.min(p.attemptTimeoutMs, remaining), made - 1);
      if (!isTransientStatus(a.status)) return a;
      last = new Transient(`HTTP ${a.status}`, a, parseRetryAfter(a.headers.get('retry-after'), p.now()));
    } catch (e) {
      if (!(e instanceof Transient)) throw e;
      last = e;
    }
    const next = stopReason({ ...p, deadlineMs }, call.method, made, last, deadlineMs - (p.now() - start));
    if (next.stop !== undefined) {
      stop = next.stop;
      break;
    }
    await p.sleep(next.delay);
  }
  throw exhausted(call.where, call.endpoint, made, last, stop, call.secrets, p.scrub);
}
