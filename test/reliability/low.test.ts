/**
 * The low-severity members of issue 12 (class 10), through the built dist/cli.js: a project with
 * `.` or `..` segments is refused before any request; a malformed URL is never echoed with its
 * user-info; redirect errors name no host and no port; provision's `::add-mask::` is escaped as
 * @actions/core escapes it. (The listing deadline is test/gitlab/pagination.test.ts's.)
 */
import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commandLine } from '../../src/core/output.js';
import type { Scenario } from '../../src/standin/model.js';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { startFaultyGitLab, type FaultyGitLab } from '../helpers/faulty-gitlab.js';
import { loadScenario } from '../helpers/scenarios.js';
import { place, placeEnv, runDist, type Place } from './dist.js';

const API = 'glpat-demoDemoDemoDemo1234';
const scenario = loadScenario('1-project-token.json');
const places: Place[] = [];
afterAll(() => {
  for (const p of places) rmSync(p.root, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string>) {
  const p = place();
  places.push(p);
  return runDist('cli.js', args, placeEnv(p, { GITLAB_TOKEN: API, ...scenario.jobEnv, ...env }), {
    cwd: p.work,
  });
}

describe('a project or group path with "." or ".." segments', () => {
  let gitlab: RunningStandin;
  beforeAll(async () => {
    gitlab = await startStandin(scenario);
  });
  afterAll(() => gitlab.close());
  test.each<[string, string[], Record<string, string>]>([
    ['--project ..', ['plan', '--project', '..'], {}],
    ['--project .', ['resolve', '--export', 'shell', '--project', '.'], {}],
    ['--project tanuki/../x', ['exec', '--project', 'tanuki/../x', '--', 'true'], {}],
    ['CI_PROJECT_PATH tanuki/./app', ['plan'], { CI_PROJECT_PATH: 'tanuki/./app' }],
    ['cleanup --ephemeral --project ..', ['cleanup', '--ephemeral', '--project', '..'], {}],
    [
      'provision --project ../..',
      ['provision', '--project', '../..', '--scopes', 'read_registry', '--dry-run'],
      {},
    ],
    ['audit --group tanuki/..', ['audit', '--group', 'tanuki/..'], {}],
    [
      'provision --level group --group ./tanuki',
      ['provision', '--level', 'group', '--group', './tanuki', '--scopes', 'read_registry', '--dry-run'],
      {},
    ],
  ])('%s: refused (exit 2), nothing sent', async (_n, args, env) => {
    const before = gitlab.gitlab.requests.length;
    const r = await cli(args, { CI_SERVER_URL: gitlab.url, ...env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"\."|"\.\."|segment/);
    expect(
      gitlab.gitlab.requests.slice(before).filter((q) => /deploy_tokens|\/projects|\/groups/.test(q.url)),
    ).toEqual([]);
  });
});

describe('a malformed URL is never echoed with its user-info', () => {
  test.each<[string, string[], Record<string, string>]>([
    ['--gitlab-url', ['plan', '--gitlab-url', 'https://deployer:S3cretPassw0rd@[gitlab'], {}],
    [
      'CI_SERVER_URL',
      ['plan', '--project', '3'],
      { CI_SERVER_URL: 'https://deployer:S3cretPassw0rd@gitlab example' },
    ],
    [
      'HTTPS_PROXY',
      ['plan', '--project', '3', '--gitlab-url', 'https://gitlab.example.com'],
      { HTTPS_PROXY: 'http://proxyuser:S3cretPassw0rd@[proxy' },
    ],
    [
      'a URL with user-info',
      ['plan', '--project', '3', '--gitlab-url', 'https://deployer:S3cretPassw0rd@gitlab.example.com'],
      {},
    ],
  ])('%s', async (_n, args, env) => {
    const r = await cli(args, env);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain('S3cretPassw0rd');
    expect(r.stdout + r.stderr).not.toContain('deployer:');
  });
});

/** A port on 127.0.0.1 nothing listens on (taken, then let go). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

describe('redirect errors name no host and no port', () => {
  let gl: FaultyGitLab;
  beforeEach(async () => {
    gl = await startFaultyGitLab(scenario as Scenario, () => new Date());
  });
  afterEach(() => gl.close());
  test.each([
    [
      'a blocked port',
      'http://127.0.0.1:1/api/v4/projects/3',
      /could not reach GitLab \(fetch failed: bad port\)/,
    ],
    ['a refused port', 'http://127.0.0.1:PORT/api/v4/projects/3', /connection failed \(ECONNREFUSED\)/],
    ['an invalid URL', 'http://[::1:8443/x', /redirected to an invalid URL/],
    ['another scheme', 'ftp://files.internal.example:2121/x', /redirected to a ftp: URL/],
    [
      'a URL with user-info',
      'http://user:pw@127.0.0.1:9/x',
      /redirected to a URL with a user name or password/,
    ],
  ])('%s', async (_n, location, message) => {
    const target = location.replace('PORT', String(await closedPort()));
    gl.inject(/^\/api\/v4\/projects\/3$/, [{ kind: 'redirect', location: target }], { repeat: true });
    const r = await cli(['plan', '--project', '3', '--gitlab-url', gl.url], {});
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    for (const bit of ['127.0.0.1:', ':8443', 'files.internal', '2121', 'user:pw'])
      expect(r.stderr).not.toContain(bit);
  });
});

test("provision --store none in a GitHub step: the token's ::add-mask:: escaped as @actions/core does", async () => {
  const odd = 'gldt-Odd%0A::warning::x%25Tail0000000';
  const gitlab = await startStandin(
    { ...scenario, apiTokens: [API] },
    {
      intercept: (req, next) => {
        const a = next();
        if (req.method !== 'POST' || a.status !== 201) return a;
        return { ...a, body: JSON.stringify({ ...(JSON.parse(a.body) as object), token: odd }) };
      },
    },
  );
  try {
    const r = await cli(
      ['provision', '--project', '3', '--scopes', 'read_registry', '--name', 'printed', '--format', 'json'],
      {
        CI_SERVER_URL: gitlab.url,
        GITHUB_ACTIONS: 'true',
      },
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines).toContain(commandLine('add-mask', odd).trimEnd());
    expect(lines.filter((l) => l.startsWith('::')).map((l) => l.slice(0, 12))).toEqual(['::add-mask::']);
    // The payload carries it as it is (what the user asked for), after the mask.
    expect(JSON.parse(lines.find((l) => l.startsWith('{'))!)).toMatchObject({ token: odd });
  } finally {
    await gitlab.close();
  }
});
