/**
 * GitLab's rate limits during an audit, against the stand-in GitLab on 127.0.0.1 throttling as
 * Rack::Attack does (src/standin/rate-limit.ts). Time is a fake clock shared by the client and the
 * stand-in's throttle: each request the throttle counts takes 100 ms of it, and the injected sleep
 * moves it; every pause is asserted, none is waited.
 */
import { gatherTree } from '../../src/audit/gather.js';
import { createGitLabClient } from '../../src/gitlab/client.js';
import { RateLimiter, resumeAt } from '../../src/gitlab/rate-limit.js';
import type { ThrottleOptions } from '../../src/standin/rate-limit.js';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { BIG_TREE_TOKEN, bigTree } from '../helpers/big-tree.js';
import { runCli } from '../helpers/cli.js';

/** 2027-01-01T00:00:10Z: ten seconds into a minute window. */
const T0 = Date.UTC(2027, 0, 1, 0, 0, 10);
const TREE = bigTree(4, 12, 'rl');
const HOLDERS = 16;

/** A fake clock; sleeps begun together overlap, as they do in real time. `ends`: where each sleep ends. */
function fakeTime() {
  const clock = { t: T0 };
  const sleeps: number[] = [];
  const ends: number[] = [];
  return {
    clock,
    sleeps,
    ends,
    now: () => clock.t,
    /** The throttle's clock: every request it counts takes 100 ms. */
    request: () => (clock.t += 100),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      const until = clock.t + ms;
      ends.push(until);
      await Promise.resolve();
      clock.t = Math.max(clock.t, until);
    },
  };
}
type Time = ReturnType<typeof fakeTime>;

/** Within the first second of a minute window (GitLab's Retry-After and RateLimit-Reset are whole seconds). */
const atWindowStart = (t: number) => t % 60_000 < 1_000;

let running: RunningStandin[] = [];
afterEach(async () => {
  await Promise.all(running.map((r) => r.close()));
  running = [];
});

async function standin(throttle?: Omit<ThrottleOptions, 'now'>, time?: Time) {
  const s = await startStandin(
    TREE,
    throttle ? { throttle: { ...throttle, ...(time ? { now: time.request } : {}) } } : {},
  );
  running.push(s);
  return s;
}

/** The tree gathered with a fake clock; `concurrency` holders at a time. `retryAfter`: each 429's, in ms. */
async function gather(s: RunningStandin, time: Time, concurrency: number) {
  const retryAfter: number[] = [];
  const client = createGitLabClient({
    baseUrl: s.url,
    token: BIG_TREE_TOKEN,
    now: time.now,
    sleep: time.sleep,
    random: () => 0,
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      if (res.status === 429) retryAfter.push(Number(res.headers.get('retry-after')) * 1000);
      return res;
    },
    // A 429 that comes late in a call may ask for more than the 60 s deadline left (see the report).
    deadlineMs: 180_000,
  });
  const tree = await gatherTree(client, 'rl', { concurrency });
  return { client, tree, retryAfter };
}

/** What the audit read, in a form two runs can be compared by. */
const digest = (tree: Awaited<ReturnType<typeof gatherTree>>) =>
  JSON.stringify([
    tree.groups.map((g) => [g.fullPath, g.tokens.map((t) => t.id), g.variables]),
    tree.projects.map((p) => [p.fullPath, p.tokens.map((t) => t.id), p.variables]),
  ]);

describe('the headers GitLab sends', () => {
  const h = (o: Record<string, string>) => new Headers(o);

  test('Retry-After in seconds, or as an HTTP date read against the answer’s Date', () => {
    expect(resumeAt(h({ 'retry-after': '50' }), T0)).toBe(T0 + 50_000);
    // GitLab's clock is 100 s behind ours: its instants are shifted onto ours.
    const gitlabNow = T0 - 100_000;
    expect(
      resumeAt(
        h({
          date: new Date(gitlabNow).toUTCString(),
          'retry-after': new Date(gitlabNow + 30_000).toUTCString(),
        }),
        T0,
      ),
    ).toBe(T0 + 30_000);
  });

  test('RateLimit-Reset (Unix seconds), then RateLimit-ResetTime, each against Date', () => {
    const gitlabNow = T0 + 3_600_000;
    const date = new Date(gitlabNow).toUTCString();
    expect(resumeAt(h({ date, 'ratelimit-reset': String(gitlabNow / 1000 + 20) }), T0)).toBe(T0 + 20_000);
    expect(resumeAt(h({ date, 'ratelimit-resettime': new Date(gitlabNow + 40_000).toUTCString() }), T0)).toBe(
      T0 + 40_000,
    );
    expect(resumeAt(h({}), T0)).toBeUndefined();
    expect(resumeAt(h({ 'retry-after': 'soon' }), T0)).toBeUndefined();
  });

  test('a pause is waited once, and a request sent during it that gets through ends it', async () => {
    const time = fakeTime();
    const rl = new RateLimiter({ now: () => T0, sleep: time.sleep });
    const reset = String(T0 / 1000 + 30);
    rl.observe(200, h({ 'ratelimit-remaining': '1', 'ratelimit-reset': reset }));
    await rl.ready('/x');
    expect(time.sleeps).toEqual([]);
    // The window's last request is taken: the next ones wait for its end (this clock never moves).
    await rl.ready('/x');
    await rl.ready('/x');
    expect(time.sleeps).toEqual([30_000, 30_000]);
    rl.observe(200, h({ 'ratelimit-remaining': '99', 'ratelimit-reset': String(T0 / 1000 + 90) }));
    await rl.ready('/x');
    expect(time.sleeps).toHaveLength(2);
    expect(rl.stats).toMatchObject({ pauses: 1, pausedMs: 30_000, throttled: 0, remaining: 99 });
  });
});

test('a 429 pauses the other requests; an answer to one sent before it does not end the pause', async () => {
  const time = fakeTime();
  const rl = new RateLimiter({ now: () => T0, sleep: time.sleep });
  const pending: ((r: Response) => void)[] = [];
  const f = rl.watch(() => new Promise<Response>((resolve) => pending.push(resolve)));
  const before = f('https://gitlab.example.com/api/v4/a');
  const refused = f('https://gitlab.example.com/api/v4/b');
  pending[1]?.(new Response('Retry later\n', { status: 429, headers: { 'retry-after': '30' } }));
  await refused;
  pending[0]?.(new Response('[]', { status: 200 }));
  await before;
  // A new request waits for GitLab's Retry-After (the refused one's own retry is the retry policy's).
  await rl.ready('/c');
  expect(time.sleeps).toEqual([30_000]);
  const after = f('https://gitlab.example.com/api/v4/c');
  pending[2]?.(new Response('[]', { status: 200 }));
  await after;
  await rl.ready('/d');
  expect(time.sleeps).toEqual([30_000]);
  expect(rl.stats).toMatchObject({ throttled: 1, pauses: 1, pausedMs: 30_000 });
});

describe('an audit under a rate limit', () => {
  test('without a limit: the baseline', async () => {
    const s = await standin();
    const time = fakeTime();
    const { client, tree } = await gather(s, time, 2);
    expect(tree.groups.length + tree.projects.length).toBe(HOLDERS);
    expect(time.sleeps).toEqual([]);
    expect(client.rateLimit).toMatchObject({ pauses: 0, throttled: 0 });
    expect(s.gitlab.requests.length).toBe(client.requestCount);
  });

  test('RateLimit-Remaining on every answer: it pauses until RateLimit-Reset before GitLab refuses anything', async () => {
    const base = await gather(await standin(), fakeTime(), 2);
    const time = fakeTime();
    const s = await standin({ limit: 10, periodS: 60, everyAnswer: true }, time);
    const { client, tree } = await gather(s, time, 2);
    expect(digest(tree)).toBe(digest(base.tree));
    // Not one 429: every window's last requests waited for the next window instead.
    expect(s.gitlab.throttle?.refused).toBe(0);
    expect(s.gitlab.requests.length).toBe(base.client.requestCount);
    const windows = Math.ceil(base.client.requestCount / 10);
    expect(client.rateLimit?.pauses).toBeGreaterThanOrEqual(windows - 1);
    // Each pause ends where the window does (GitLab's windows are aligned to the epoch).
    expect(time.ends.length).toBeGreaterThanOrEqual(windows - 1);
    expect(time.ends.every(atWindowStart)).toBe(true);
    expect(time.clock.t - T0).toBeGreaterThanOrEqual((windows - 1) * 60_000 - 10_000);
  });

  test('headers on 429 only: each refused request waits its Retry-After exactly, and costs one request more', async () => {
    const base = await gather(await standin(), fakeTime(), 3);
    const time = fakeTime();
    const s = await standin({ limit: 10, periodS: 60 }, time);
    const { client, tree, retryAfter } = await gather(s, time, 3);
    expect(digest(tree)).toBe(digest(base.tree));
    const refused = s.gitlab.throttle?.refused ?? 0;
    expect(refused).toBeGreaterThan(0);
    // Each refusal costs one request more, nothing else; at most the requests on their way
    // (3 holders × 2 listings) are refused per window.
    expect(s.gitlab.requests.length).toBe(base.client.requestCount + refused);
    const windows = Math.ceil(base.client.requestCount / 10);
    expect(refused).toBeLessThanOrEqual(6 * windows);
    expect(retryAfter).toHaveLength(refused);
    // Every Retry-After GitLab sent was waited exactly, once.
    const waited = [...time.sleeps];
    for (const ms of retryAfter) {
      expect(waited).toContain(ms);
      waited.splice(waited.indexOf(ms), 1);
    }
    expect(client.rateLimit?.throttled).toBe(refused);
  });

  test('through the CLI: exit as without a limit, and the closing line tells the wait', async () => {
    const time = fakeTime();
    const s = await standin({ limit: 25, periodS: 60 }, time);
    const r = await runCli(
      ['audit', '--group', 'rl', '--gitlab-url', s.url, '--format', 'json'],
      { GITLAB_TOKEN: BIG_TREE_TOKEN },
      { sleep: time.sleep, http: { now: time.now, random: () => 0 } },
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).tokens.length).toBeGreaterThan(HOLDERS);
    expect(r.stderr).toMatch(
      /audit: read 16 groups and projects with \d+ requests in 0\.0 s; (waited \d+\.\d s for GitLab's rate limit \(\d+ pauses?, [1-9]\d* answers? 429\)|GitLab answered 429 [1-9]\d* times?)\n$/,
    );
  });

  test('a limit that reopens only in an hour: exit 3 at once, saying until when', async () => {
    const time = fakeTime();
    const s = await standin({ limit: 5, periodS: 3600 }, time);
    const r = await runCli(
      ['audit', '--group', 'rl', '--gitlab-url', s.url],
      { GITLAB_TOKEN: BIG_TREE_TOKEN },
      { sleep: time.sleep, http: { now: time.now, random: () => 0 } },
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /GitLab's rate limit lets no request in before 2027-01-01T01:00:00\.000Z|retry after 3590 s, past the deadline/,
    );
    expect(time.sleeps.every((ms) => ms <= 60_000)).toBe(true);
    // Bounded: the requests before the limit, and those on their way when it struck.
    expect(s.gitlab.requests.length).toBeLessThanOrEqual(5 + 25);
  });
});
