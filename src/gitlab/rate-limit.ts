/**
 * GitLab's rate limits, honoured for every request of one client. GitLab's throttles (Rack::Attack,
 * lib/gitlab/rack_attack.rb and lib/gitlab/rack_attack/request_throttle_data.rb) answer 429 with
 * `Retry-After` (seconds) and `RateLimit-Name`, `-Limit`, `-Observed`, `-Remaining`, `-Reset` (Unix
 * time) and `-ResetTime` (an HTTP date); newer versions and GitLab.com send the `RateLimit-*` counts on
 * answers that pass too. So:
 *
 * - a 429 pauses every request of the client (not just the one refused, which the retry policy
 *   waits for) until `Retry-After`, else `RateLimit-Reset`, else `RateLimit-ResetTime`;
 * - `RateLimit-Remaining` (less the requests still on their way) is what the window takes: once
 *   it is used up, new requests wait for `RateLimit-Reset`; the next window takes `RateLimit-Limit`;
 * - an answer GitLab let through to a request sent during the pause ends it (the window reopened).
 *
 * The pause holds new requests; a retried one has waited already (the retry policy waits Retry-After
 * exactly).
 *
 * A pause longer than `maxWaitMs` is not waited: the request fails at once, saying until when GitLab
 * refuses. The clock and sleep are injected, so tests never wait.
 */
import { GitLabApiError } from '../core/errors.js';

type Fetch = typeof fetch;

export interface RateLimitStats {
  /** Answers with HTTP 429. */
  throttled: number;
  /** Pauses made, and their total length. */
  pauses: number;
  pausedMs: number;
  /** The last `RateLimit-Remaining` GitLab sent, if any. */
  remaining?: number;
  /** Told of each pause before it starts (for progress lines). */
  onPause?: (e: { ms: number; until: number; why: string }) => void;
}

export interface RateLimitOptions {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** The longest pause waited; GitLab's throttle periods can be an hour. Default 60 s. */
  maxWaitMs?: number;
}

/** A number of seconds, or undefined. */
function seconds(v: string | null): number | undefined {
  const t = v?.trim();
  return t && /^\d+$/.test(t) ? Number(t) : undefined;
}

/** An HTTP date as ms since the epoch, or undefined. */
function httpDate(v: string | null): number | undefined {
  const t = v?.trim();
  if (!t || /^\d+$/.test(t)) return undefined;
  const at = Date.parse(t);
  return Number.isNaN(at) ? undefined : at;
}

/**
 * When GitLab lets requests in again, on our clock (ms since the epoch): Retry-After as seconds or an
 * HTTP date (RFC 9110 §10.2.3), else RateLimit-Reset (Unix seconds), else RateLimit-ResetTime.
 * Instants are GitLab's clock: `offsetMs` (ours minus GitLab's) brings them onto ours; without it the
 * answer's `Date` gives it.
 */
export function resumeAt(
  headers: Headers,
  nowMs: number,
  preferRetryAfter = true,
  offsetMs = offsetOf(headers, nowMs),
): number | undefined {
  const local = (at: number | undefined) => (at === undefined ? undefined : at + offsetMs);
  const after = seconds(headers.get('retry-after'));
  const retry = after !== undefined ? nowMs + after * 1000 : local(httpDate(headers.get('retry-after')));
  const reset = seconds(headers.get('ratelimit-reset'));
  const fromReset = local(reset !== undefined ? reset * 1000 : httpDate(headers.get('ratelimit-resettime')));
  return preferRetryAfter ? (retry ?? fromReset) : (fromReset ?? retry);
}

/** Our clock minus GitLab's, from an answer's `Date` (0 without one). */
function offsetOf(headers: Headers, nowMs: number): number {
  const serverNow = httpDate(headers.get('date'));
  return serverNow === undefined ? 0 : nowMs - serverNow;
}

export class RateLimiter {
  readonly stats: RateLimitStats = { throttled: 0, pauses: 0, pausedMs: 0 };
  private pausedUntil = 0;
  private why = '';
  /** Counts pauses begun: a request sent in the current one carries its number. */
  private epoch = 0;
  private inFlight = 0;
  /** Requests GitLab's current window still takes from us (undefined: GitLab did not say). */
  private budget: number | undefined;
  /** When that window ends, on our clock. */
  private windowEnd: number | undefined;
  /** RateLimit-Limit: what a new window takes (GitLab gives it per 60 s). */
  private limit: number | undefined;
  /** The pause already counted in the stats (each waiter of one pause does not count again). */
  private counted = 0;
  /**
   * Our clock minus GitLab's: the least seen, since an answer read late (or a Date cut to the
   * second) only ever makes it look larger.
   */
  private offset: number | undefined;

  constructor(private readonly opts: RateLimitOptions) {}

  /** What an answer says about the limits: a 429 pauses every later request; RateLimit-Remaining sets the budget. */
  observe(status: number, headers: Headers, sentInEpoch = this.epoch): void {
    const now = this.opts.now();
    if (headers.has('date')) this.offset = Math.min(this.offset ?? Infinity, offsetOf(headers, now));
    const offset = this.offset ?? 0;
    // A request sent during the pause that got through: the window reopened.
    if (status !== 429 && sentInEpoch === this.epoch) this.pausedUntil = 0;
    if (status === 429) {
      this.stats.throttled++;
      this.pause(resumeAt(headers, now, true, offset), 'GitLab answered 429 Too Many Requests');
    }
    this.limit = seconds(headers.get('ratelimit-limit')) ?? this.limit;
    const remaining = seconds(headers.get('ratelimit-remaining'));
    const end = resumeAt(headers, now, false, offset);
    if (remaining === undefined || end === undefined) return;
    // An answer of a window that is over (read late) says nothing about the current one.
    if (end <= now || (this.windowEnd !== undefined && end < this.windowEnd - 1000)) return;
    this.stats.remaining = remaining;
    // The other requests on their way take theirs; answers of one window may arrive out of order.
    const left = remaining - Math.max(0, this.inFlight - 1);
    const sameWindow = this.windowEnd !== undefined && Math.abs(end - this.windowEnd) < 1000;
    this.budget = sameWindow && this.budget !== undefined ? Math.min(this.budget, left) : left;
    this.windowEnd = end;
  }

  private pause(at: number | undefined, why: string): void {
    if (at !== undefined && at > this.pausedUntil) {
      this.pausedUntil = at;
      this.why = why;
      this.epoch++;
    }
  }

  /**
   * Before a request: takes one from the window's budget, or waits out a pause (once: a clock that
   * does not move cannot hold it forever), or refuses one longer than maxWaitMs.
   */
  async ready(endpoint: string): Promise<void> {
    if (this.windowEnd !== undefined && this.opts.now() >= this.windowEnd) {
      // A new window: it takes the limit, less the requests still on their way.
      this.budget = this.limit === undefined ? undefined : this.limit - this.inFlight;
      this.windowEnd = undefined;
    }
    if (this.budget !== undefined && this.budget <= 0 && this.windowEnd !== undefined)
      this.pause(this.windowEnd, `RateLimit-Remaining is ${this.stats.remaining ?? 0}`);
    if (this.budget !== undefined) this.budget--;
    const ms = this.pausedUntil - this.opts.now();
    if (ms <= 0) return;
    const max = this.opts.maxWaitMs ?? 60_000;
    if (ms > max) {
      throw new GitLabApiError(
        `GitLab's rate limit lets no request in before ${new Date(this.pausedUntil).toISOString()} (${Math.ceil(ms / 1000)} s from now; ${this.why})`,
        endpoint,
        429,
        'try again then; an administrator can raise the limits (Admin > Settings > Network > User and IP rate limits)',
      );
    }
    if (this.counted !== this.pausedUntil) {
      this.counted = this.pausedUntil;
      this.stats.pauses++;
      this.stats.pausedMs += ms;
      this.stats.onPause?.({ ms, until: this.pausedUntil, why: this.why });
    }
    await this.opts.sleep(ms);
  }

  /** `fetch`, with every answer observed and the requests on their way counted. */
  watch(f: Fetch): Fetch {
    return async (input, init) => {
      const epoch = this.epoch;
      this.inFlight++;
      try {
        const res = await f(input, init);
        this.observe(res.status, res.headers, epoch);
        return res;
      } finally {
        this.inFlight--;
      }
    };
  }
}
