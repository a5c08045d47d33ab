/** The audit's progress on stderr: a live line on a terminal, a line every few seconds in a log, the closing line. */
import { auditProgress } from '../../src/audit/progress.js';
import type { RateLimitStats } from '../../src/gitlab/rate-limit.js';
import { startStandin } from '../../src/standin/server.js';
import { BIG_TREE_TOKEN, bigTree } from '../helpers/big-tree.js';
import { runCli } from '../helpers/cli.js';

const CLEAR = '\r\x1b[2K';

function harness(isTTY: boolean, stats?: RateLimitStats) {
  const clock = { t: 1_000_000 };
  let out = '';
  let requests = 0;
  const p = auditProgress(
    { write: (s) => void (out += s), isTTY },
    { now: () => clock.t, requests: () => requests, rateLimit: stats },
  );
  return {
    p,
    clock,
    out: () => out,
    step(ms: number, done: number, total: number, sent = 2) {
      clock.t += ms;
      requests += sent;
      p.update({ done, total });
    },
  };
}

test('in a log: nothing for a quick audit but the closing line', () => {
  const h = harness(false);
  h.step(0, 0, 640, 3);
  for (let i = 1; i <= 640; i++) h.step(5, i, 640);
  h.p.done();
  expect(h.out()).toBe('audit: read 640 groups and projects with 1283 requests in 3.2 s\n');
});

test('in a log: a line every 5 s, then the closing line', () => {
  const h = harness(false);
  h.step(0, 0, 640, 3);
  for (let i = 1; i <= 640; i++) h.step(20, i, 640);
  h.p.done();
  const lines = h.out().split('\n').filter(Boolean);
  // 12.8 s: lines at 5 s and 10 s.
  expect(lines).toEqual([
    'audit: 250 of 640 groups and projects read (503 requests, 5.0 s)',
    'audit: 500 of 640 groups and projects read (1003 requests, 10.0 s)',
    'audit: read 640 groups and projects with 1283 requests in 12.8 s',
  ]);
  expect(h.out()).not.toContain('\r');
});

test('on a terminal: one line rewritten in place, at most every 100 ms, cleared before the closing line', () => {
  const h = harness(true);
  h.step(0, 0, 3, 1);
  h.step(50, 1, 3);
  h.step(60, 2, 3);
  h.step(10, 3, 3);
  h.p.done();
  expect(h.out()).toBe(
    `${CLEAR}audit: 0 of 3 groups and projects read (1 request, 0.0 s)` +
      `${CLEAR}audit: 2 of 3 groups and projects read (5 requests, 0.1 s)` +
      `${CLEAR}audit: read 3 groups and projects with 7 requests in 0.1 s\n`,
  );
});

test("GitLab's rate limit: each pause said when it begins, and the waits at the end", () => {
  const stats: RateLimitStats = { throttled: 0, pauses: 0, pausedMs: 0 };
  const h = harness(true, stats);
  h.step(0, 0, 4, 1);
  stats.throttled = 2;
  stats.pauses = 1;
  stats.pausedMs = 42_500;
  stats.onPause?.({
    ms: 42_500,
    until: Date.UTC(2027, 0, 1, 0, 1),
    why: 'GitLab answered 429 Too Many Requests',
  });
  h.step(42_500, 4, 4);
  h.p.done();
  expect(h.out()).toBe(
    `${CLEAR}audit: 0 of 4 groups and projects read (1 request, 0.0 s)` +
      `${CLEAR}audit: waiting 42.5 s for GitLab's rate limit (GitLab answered 429 Too Many Requests), until 2027-01-01T00:01:00.000Z\n` +
      `${CLEAR}audit: 4 of 4 groups and projects read (3 requests, 42.5 s)` +
      `${CLEAR}audit: read 4 groups and projects with 3 requests in 42.5 s; waited 42.5 s for GitLab's rate limit (1 pause, 2 answers 429)\n`,
  );
});

test('a failure clears the live line, so the error starts a line of its own', async () => {
  const h = harness(true);
  h.step(0, 0, 9, 1);
  await expect(h.p.during(Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(h.out().endsWith(CLEAR)).toBe(true);
});

test('through the CLI on a terminal: the live line on stderr, stdout only the report', async () => {
  const s = await startStandin(bigTree(3, 6, 'tty'));
  try {
    const r = await runCli(
      ['audit', '--group', 'tty', '--gitlab-url', s.url],
      { GITLAB_TOKEN: BIG_TREE_TOKEN },
      { isTTY: true },
    );
    expect(r.code).toBe(1);
    expect(r.stderr.startsWith(`${CLEAR}audit: 0 of 9 groups and projects read (3 requests, 0.0 s)`)).toBe(
      true,
    );
    expect(r.stderr).toMatch(
      new RegExp(
        `\\r\\x1b\\[2Kaudit: read 9 groups and projects with ${s.gitlab.requests.length} requests in 0\\.0 s\\n$`,
      ),
    );
    expect(r.stdout).not.toContain('audit:');
    expect(r.stdout).not.toContain('\r');
  } finally {
    await s.close();
  }
});
