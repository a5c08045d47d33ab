/**
 * Faults from GitLab (a real server on 127.0.0.1, faults injected per request): for each, the
 * documented exit code, a message that names the cause, the retries promised and no others, a
 * bounded total time, and nothing exported.
 */
import { runCli } from '../helpers/cli.js';
import { loadScenario } from '../helpers/scenarios.js';
import { startFaultyGitLab, type Fault, type FaultyGitLab } from '../helpers/faulty-gitlab.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const API = 'glpat-demoDemoDemoDemo1234';
const scenario = loadScenario('1-project-token.json');

let gl: FaultyGitLab;
let other: FaultyGitLab;
beforeEach(async () => {
  gl = await startFaultyGitLab(scenario, () => NOW);
  other = await startFaultyGitLab({ ...scenario, apiTokens: [API] }, () => NOW);
});
afterEach(async () => {
  await gl.close();
  await other.close();
});

async function resolve() {
  const sleeps: number[] = [];
  const t0 = Date.now();
  const r = await runCli(
    ['resolve', '--export', 'shell', '--gitlab-url', gl.url, '--project', 'tanuki/awesome_project'],
    { GITLAB_TOKEN: API, ...scenario.jobEnv },
    {
      cwd: '/nonexistent',
      now: NOW,
      sleep: async (ms) => void sleeps.push(ms),
      http: { attemptTimeoutMs: 300, deadlineMs: 5000, random: () => 0.5 },
    },
  );
  return { ...r, sleeps, ms: Date.now() - t0 };
}

const hits = (re: RegExp) => gl.seen.filter((s) => re.test(s.url)).length;
const PROJECT = /^\/api\/v4\/projects\/tanuki%2Fawesome_project$/;

describe('transient faults are retried, then succeed', () => {
  test.each<[string, Fault[]]>([
    [
      '500, 502, 503 then success',
      [
        { kind: 'status', status: 500 },
        { kind: 'status', status: 502 },
        { kind: 'status', status: 503 },
      ],
    ],
    ['a connection reset', [{ kind: 'reset' }]],
    ['a timeout (no answer)', [{ kind: 'hang' }]],
    ['408', [{ kind: 'status', status: 408 }]],
  ])('%s', async (_n, faults) => {
    gl.inject(PROJECT, faults);
    const r = await resolve();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("export CI_DEPLOY_USER='gitlab+deploy-token-11'");
    expect(hits(PROJECT)).toBe(faults.length + 1);
    expect(r.sleeps).toHaveLength(faults.length);
  });

  test('429 with Retry-After: 2 waits exactly 2 s', async () => {
    gl.inject(PROJECT, [{ kind: 'status', status: 429, headers: { 'retry-after': '2' } }]);
    const r = await resolve();
    expect(r.code).toBe(0);
    expect(r.sleeps).toEqual([2000]);
  });

  test('429 without Retry-After backs off with full jitter within the first bound', async () => {
    gl.inject(PROJECT, [{ kind: 'status', status: 429 }]);
    const r = await resolve();
    expect(r.code).toBe(0);
    expect(r.sleeps).toHaveLength(1);
    expect(r.sleeps[0]).toBeGreaterThanOrEqual(0);
    expect(r.sleeps[0]).toBeLessThanOrEqual(500);
  });
});

describe('persistent faults: exit 3, the promised attempts and no others, nothing exported', () => {
  test.each<[string, Fault, RegExp]>([
    ['persistent 503', { kind: 'status', status: 503 }, /after 4 attempts: HTTP 503/],
    ['no answer at all', { kind: 'hang' }, /no answer within 300 ms/],
    ['resets every time', { kind: 'reset' }, /connection (failed|broke)/],
    ['a slow drip', { kind: 'drip', everyMs: 100 }, /not complete within 300 ms/],
  ])('%s', async (_n, fault, message) => {
    gl.inject(PROJECT, [fault], { repeat: true });
    const r = await resolve();
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(hits(PROJECT)).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.ms).toBeLessThan(5000);
    expect(r.stderr).not.toContain(API);
  });

  test('Retry-After beyond the deadline fails at once, saying so', async () => {
    gl.inject(PROJECT, [{ kind: 'status', status: 429, headers: { 'retry-after': '3600' } }], {
      repeat: true,
    });
    const r = await resolve();
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('past the deadline');
    expect(hits(PROJECT)).toBe(1);
    expect(r.sleeps).toEqual([]);
  });
});

describe("answers that are not GitLab's JSON", () => {
  test.each<[string, Fault, RegExp]>([
    ['an HTML sign-in page', { kind: 'html' }, /HTML, not JSON/],
    ['truncated JSON', { kind: 'truncated' }, /not valid JSON/],
    ['JSON of the wrong shape', { kind: 'wrong-shape' }, /unexpected answer from GitLab/],
  ])('%s: exit 3, no retry, no crash', async (_n, fault, message) => {
    gl.inject(PROJECT, [fault], { repeat: true });
    const r = await resolve();
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    expect(r.stdout).toBe('');
  });
});

describe('access errors carry the guidance GitLab users need', () => {
  // Exit codes as docs/cli.md has them: 401 and 404 the request is wrong (2), 403 GitLab refuses (1).
  test.each<[number, RegExp, number]>([
    [401, /read_api/, 2],
    [403, /Maintainer/, 1],
    [404, /GitLab does not know --project/, 2],
  ])('%i', async (status, hint, code) => {
    gl.inject(PROJECT, [{ kind: 'status', status }], { repeat: true });
    const r = await resolve();
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(hint);
    expect(hits(PROJECT)).toBe(1);
  });
});

describe('redirects', () => {
  test('to another host: followed without the API token', async () => {
    gl.inject(
      PROJECT,
      [{ kind: 'redirect', location: `${other.url}/api/v4/projects/tanuki%2Fawesome_project` }],
      { repeat: true },
    );
    await resolve();
    const there = other.seen.filter((s) => PROJECT.test(s.url));
    expect(there.length).toBeGreaterThan(0);
    for (const s of there) expect(s.headers['private-token']).toBeUndefined();
    for (const s of other.seen) expect(JSON.stringify(s.headers)).not.toContain(API);
  });
  test('to another scheme: the token is not sent', async () => {
    const httpsUrl = gl.url.replace('http://', 'https://');
    gl.inject(PROJECT, [{ kind: 'redirect', location: `${httpsUrl}/api/v4/projects/3`, status: 301 }], {
      repeat: true,
    });
    const r = await resolve();
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
  });
  test('same host: followed with the token', async () => {
    gl.inject(PROJECT, [{ kind: 'redirect', location: '/api/v4/projects/3' }]);
    const r = await resolve();
    expect(r.code).toBe(0);
    const followed = gl.seen.find((s) => s.url === '/api/v4/projects/3');
    expect(followed?.headers['private-token']).toBe(API);
  });
  test('a redirect loop stops after 5 hops', async () => {
    gl.inject(PROJECT, [{ kind: 'redirect', location: '/api/v4/projects/tanuki%2Fawesome_project' }], {
      repeat: true,
    });
    const r = await resolve();
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('more than 5 redirects');
    expect(hits(PROJECT)).toBe(6);
  });
});

describe('pagination faults', () => {
  const TOKENS = /^\/api\/v4\/projects\/(tanuki%2Fawesome_project|3)\/deploy_tokens/;
  test('a page loop (x-next-page back to page 1, no totals) is an error', async () => {
    gl.inject(
      TOKENS,
      [{ kind: 'headers', set: { 'x-next-page': '1', 'x-total-pages': '', 'x-total': '' } }],
      { repeat: true },
    );
    const r = await resolve();
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('pagination loop');
  });
  test('an absurd x-total-pages is refused without fetching the pages', async () => {
    gl.inject(TOKENS, [{ kind: 'headers', set: { 'x-total-pages': '99999' } }], { repeat: true });
    const r = await resolve();
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('99999 pages');
    expect(hits(TOKENS)).toBe(1);
  });
});
