/**
 * The audit's progress on stderr while it walks a tree: on a terminal one line rewritten in place
 * (at most every 100 ms), in a job log a line every few seconds; each pause for GitLab's rate limit
 * said when it starts; at the end how many groups and projects, requests and seconds it took. Never
 * on stdout, which holds the report. The clock is injected.
 */
import { CLEAR_LINE } from '../core/output.js';
import type { RateLimitStats } from '../gitlab/rate-limit.js';
import type { GatherProgress } from './gather.js';
import { plural } from './words.js';

export interface ProgressSink {
  write(text: string): void;
  isTTY?: boolean;
  /** Clears the terminal's current line (the CLI's output boundary lets only this through raw). */
  clearLine?: () => void;
}

export interface ProgressOptions {
  /** ms since the epoch. */
  now: () => number;
  /** Requests sent so far. */
  requests: () => number;
  rateLimit?: RateLimitStats | undefined;
  /** Between two lines in a log (not a terminal). Default 5 s. */
  everyMs?: number;
}

const TTY_EVERY_MS = 100;

const secondsText = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const holders = (n: number) => (n === 1 ? '1 group or project' : `${n} groups and projects`);

export interface AuditProgress {
  update(p: GatherProgress): void;
  /** `p`, with the progress line cleared if it fails (the error then starts on a line of its own). */
  during<T>(p: Promise<T>): Promise<T>;
  /** The closing line: what was read, requests, time, and any rate-limit pauses. */
  done(): void;
}

export function auditProgress(sink: ProgressSink, o: ProgressOptions): AuditProgress {
  const start = o.now();
  const every = sink.isTTY ? TTY_EVERY_MS : (o.everyMs ?? 5_000);
  // A log gets its first line after `every` (a quick audit prints only the closing line).
  let last: number | undefined = sink.isTTY ? undefined : start;
  let shown = false;
  let latest: GatherProgress = { done: 0, total: 0 };
  const line = (p: GatherProgress) =>
    `audit: ${p.done} of ${holders(p.total)} read (${plural(o.requests(), 'request')}, ${secondsText(o.now() - start)})`;
  const clearLine = () => (sink.clearLine ? sink.clearLine() : sink.write(CLEAR_LINE));
  const write = (text: string) => {
    if (sink.isTTY) {
      clearLine();
      sink.write(text);
      shown = true;
    } else sink.write(`${text}\n`);
  };
  const clear = () => {
    if (shown) clearLine();
    shown = false;
  };
  if (o.rateLimit) {
    o.rateLimit.onPause = ({ ms, until, why }) => {
      clear();
      sink.write(
        `audit: waiting ${secondsText(ms)} for GitLab's rate limit (${why}), until ${new Date(until).toISOString()}\n`,
      );
    };
  }
  return {
    during: (p) =>
      p.catch((e: unknown) => {
        clear();
        throw e;
      }),
    update(p) {
      latest = p;
      const t = o.now();
      if (last !== undefined && t - last < every) return;
      last = t;
      write(line(p));
    },
    done() {
      clear();
      const rl = o.rateLimit;
      const paused =
        rl && rl.pauses > 0
          ? `; waited ${secondsText(rl.pausedMs)} for GitLab's rate limit (${plural(rl.pauses, 'pause')}, ${plural(rl.throttled, 'answer')} 429)`
          : rl && rl.throttled > 0
            ? `; GitLab answered 429 ${plural(rl.throttled, 'time')}`
            : '';
      sink.write(
        `audit: read ${holders(latest.total)} with ${plural(o.requests(), 'request')} in ${secondsText(o.now() - start)}${paused}\n`,
      );
    },
  };
}
