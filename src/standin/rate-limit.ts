/**
 * GitLab's "authenticated API" throttle, as Rack::Attack runs it in front of the application
 * (lib/gitlab/rack_attack.rb): a fixed window of `periodS` seconds aligned to the epoch, counted per
 * API token; past `limit` requests in a window the answer is 429 with the plain-text "Retry later"
 * and the throttled headers of lib/gitlab/rack_attack/request_throttle_data.rb (`Retry-After`,
 * `RateLimit-Name`, `-Limit` per 60 s, `-Observed`, `-Remaining`, `-Reset`, `-ResetTime`). With
 * `everyAnswer`, answers that pass carry the common `RateLimit-*` headers too
 * (lib/gitlab/middleware/rack_attack_headers.rb, the `rate_limiting_headers_for_unthrottled_requests`
 * flag).
 */
import type { StandinRequest, StandinResponse } from './http.js';

export interface ThrottleOptions {
  /** Requests allowed per window and API token. */
  limit: number;
  periodS: number;
  /** Send the RateLimit-* headers on answers that pass, not only on 429. */
  everyAnswer?: boolean;
  /** The throttle's clock (ms since the epoch); default Date.now. */
  now?: () => number;
}

const NAME = 'throttle_authenticated_api';

export class Throttle {
  /** Answers refused with 429. */
  refused = 0;
  private readonly counts = new Map<string, number>();

  constructor(private readonly o: ThrottleOptions) {}

  /** Count the request: a 429 when over the limit, else the headers to add to GitLab's answer. */
  check(req: StandinRequest): { refused: StandinResponse } | { headers: Record<string, string> } {
    const who = req.headers['private-token'];
    if (!who) return { headers: {} };
    const nowS = Math.floor((this.o.now ?? Date.now)() / 1000);
    const period = this.o.periodS;
    const key = `${who}:${Math.floor(nowS / period)}`;
    const observed = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, observed);
    const retryAfter = period - (nowS % period);
    const reset = nowS + retryAfter;
    const common = {
      // GitLab's own clock, which RateLimit-Reset is read against.
      date: new Date(nowS * 1000).toUTCString(),
      'ratelimit-name': NAME,
      'ratelimit-limit': String(Math.ceil((this.o.limit * 60) / period)),
      'ratelimit-observed': String(observed),
      'ratelimit-remaining': String(Math.max(0, this.o.limit - observed)),
      'ratelimit-reset': String(reset),
    };
    if (observed > this.o.limit) {
      this.refused++;
      return {
        refused: {
          status: 429,
          headers: {
            'content-type': 'text/plain',
            ...common,
            'retry-after': String(retryAfter),
            'ratelimit-resettime': new Date(reset * 1000).toUTCString(),
          },
          body: 'Retry later\n',
        },
      };
    }
    return { headers: this.o.everyAnswer ? common : { date: common.date } };
  }
}
