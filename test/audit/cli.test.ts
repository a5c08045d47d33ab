/** `deploy-token audit` end to end: runCli against a stand-in GitLab on 127.0.0.1 (real HTTP). */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FindingCode } from '../../src/audit/types.js';
import type { Scenario, ScenarioToken } from '../../src/standin/model.js';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { loadScenario } from '../helpers/scenarios.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const ADMIN = 'glpat-auditAdminAuditAdmin1';
const MAINTAINER = 'glpat-auditMaintainer00001';
const PLATFORM_OWNER = 'glpat-platformOwner000001';
const HTTP = { attemptTimeoutMs: 2_000, deadlineMs: 5_000, maxAttempts: 2, baseDelayMs: 1 };

const tree = loadScenario('audit-tree.json');
tree.apiTokens.push(PLATFORM_OWNER);
tree.apiUsers?.push({
  token: PLATFORM_OWNER,
  id: 78,
  username: 'po',
  scopes: ['read_api'],
  access: { 'acme/platform': 50 },
});
const clean = loadScenario('audit-clean.json');

/** Every secret any scenario holds: token values, CI_DEPLOY_PASSWORD values, API tokens. */
function secretsOf(sc: Scenario): string[] {
  const holders = [...sc.groups, ...sc.projects];
  return [
    ...sc.apiTokens,
    ...holders.flatMap((h) => (h.tokens ?? []).map((t) => t.token)),
    ...holders.flatMap((h) =>
      (h.variables ?? []).filter((v) => v.key === 'CI_DEPLOY_PASSWORD').map((v) => v.value ?? ''),
    ),
  ].filter((s) => s.length > 0);
}
const outputs: { sc: Scenario; r: CliRun }[] = [];

let acme: RunningStandin;
let tidy: RunningStandin;
beforeAll(async () => {
  acme = await startStandin(tree, { now: () => NOW });
  tidy = await startStandin(clean, { now: () => NOW });
});
afterAll(async () => {
  await acme.close();
  await tidy.close();
});

async function audit(s: RunningStandin, args: string[], token = ADMIN, env: Record<string, string> = {}) {
  const r = await runCli(
    ['audit', '--gitlab-url', s.url, ...args],
    { GITLAB_TOKEN: token, ...env },
    { now: NOW, http: HTTP },
  );
  outputs.push({ sc: s === tidy ? clean : tree, r });
  return r;
}
const json = (r: CliRun) =>
  JSON.parse(r.stdout) as {
    tokens: { id: number; state: string }[];
    findings: { code: FindingCode; severity: string; where: string; tokenId?: number }[];
    summary: Record<string, number>;
    group: string;
  };

describe('the audit-tree scenario (four levels deep)', () => {
  test('every finding code, exit 1', async () => {
    const r = await audit(acme, ['--group', 'acme', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const o = json(r);
    expect(o.group).toBe('acme');
    expect(o.tokens).toHaveLength(10);
    const seen = new Set(o.findings.map((f) => f.code));
    for (const c of [
      'expiring-soon',
      'never-expires',
      'several-gitlab-deploy-tokens',
      'group-token-not-direct-parent',
      'stale-variables',
      'variables-shadow-token',
      'unmasked-password',
      'leftover-ephemeral',
      'inactive-token',
      'hidden-variable',
    ] as FindingCode[])
      expect(seen).toContain(c);
    const at = (code: FindingCode) =>
      o.findings.filter((f) => f.code === code).map((f) => [f.where, f.tokenId ?? null]);
    expect(at('group-token-not-direct-parent')).toEqual([
      ['acme', 201],
      ['acme/platform/backend', 202],
    ]);
    expect(at('several-gitlab-deploy-tokens')).toEqual([['acme/web', 203]]);
    expect(at('expiring-soon')).toEqual([['acme/platform/backend', 202]]);
    expect(at('leftover-ephemeral')).toEqual([['acme/web/shop', 208]]);
    expect(at('stale-variables')).toEqual([
      ['acme/platform', null],
      ['acme/web/legacy', 205],
    ]);
    expect(at('unmasked-password')).toEqual([['acme/platform', null]]);
    // Token 210 expired at 00:00 UTC today although GitLab's `expired` still says false.
    expect(o.tokens.find((t) => t.id === 210)?.state).toBe('expired');
    expect(o.summary).toEqual({ errors: 6, warnings: 6, infos: 4 });
  });

  test('markdown: the token table and the findings table have the rows', async () => {
    const r = await audit(acme, ['--group', 'acme', '--format', 'markdown']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^## Deploy-token audit: acme\n/);
    expect(r.stdout).toContain('| Level | Owner | ID | Name | Username | Scopes | Expires | State |');
    expect(r.stdout).toContain(
      '| group | acme/web | 205 | gitlab-deploy-token | web-old | read\\_registry | 2027-02-23 00:00 UTC | revoked |',
    );
    expect(r.stdout).toContain('| project | acme/web/shop | 210 | nightly |');
    expect(r.stdout.split('\n').filter((l) => /^\| (group|project) \|/.test(l))).toHaveLength(10);
    expect(r.stdout.split('\n').filter((l) => /^\| \S+ (error|warning|info) \|/.test(l))).toHaveLength(16);
  });

  test('text (the default): a table and the findings', async () => {
    const r = await audit(acme, ['--group', 'acme']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Findings: 6 errors, 6 warnings, 4 infos');
    expect(r.stdout).toMatch(/project +acme\/web\/shop +208 +deploy-token-ephemeral-20261124T080000Z-abc123/);
  });

  test('--expiring-within and --ephemeral-older-than move the thresholds', async () => {
    const o = json(
      await audit(acme, [
        '--group',
        'acme',
        '--format',
        'json',
        '--expiring-within',
        '90',
        '--ephemeral-older-than',
        '2d',
      ]),
    );
    expect(o.findings.filter((f) => f.code === 'expiring-soon').map((f) => f.tokenId)).toEqual([
      202, 203, 204,
    ]);
    expect(o.findings.filter((f) => f.code === 'leftover-ephemeral')).toEqual([]);
  });

  test('a subgroup by numeric id: only its part of the tree', async () => {
    const o = json(await audit(acme, ['--group', '102', '--format', 'json']));
    expect(o.group).toBe('acme/platform/backend');
    expect(o.tokens.map((t) => t.id)).toEqual([202]);
  });

  test('a Maintainer cannot read group variables: info findings, not a crash', async () => {
    const r = await audit(acme, ['--group', 'acme', '--format', 'json'], MAINTAINER);
    expect(r.code).toBe(1);
    const o = json(r);
    const blind = o.findings.filter((f) => f.code === 'variables-not-readable');
    expect(blind.map((f) => f.where).sort()).toEqual([
      'acme',
      'acme/hidden',
      'acme/platform',
      'acme/platform/backend',
      'acme/platform/backend/db',
      'acme/web',
    ]);
    expect(blind.every((f) => f.severity === 'info')).toBe(true);
    // Project variables are readable by a Maintainer and still judged.
    expect(o.findings.filter((f) => f.code === 'stale-variables').map((f) => f.where)).toEqual([
      'acme/web/legacy',
    ]);
    expect(o.findings.some((f) => f.code === 'unmasked-password')).toBe(false);
  });

  test('an Owner of a subgroup only: the parent group’s tokens cannot be read (info)', async () => {
    const o = json(await audit(acme, ['--group', 'acme/platform', '--format', 'json'], PLATFORM_OWNER));
    expect(o.findings.filter((f) => f.code === 'ancestor-not-readable').map((f) => f.where)).toEqual([
      'group 100',
    ]);
    expect(o.findings.find((f) => f.code === 'stale-variables')?.where).toBe('acme/platform');
  });
});

describe('exit codes', () => {
  test('0 for a tidy tree, also with info findings; the group defaults to $CI_PROJECT_NAMESPACE and the URL to $CI_SERVER_URL', async () => {
    const r = await runCli(
      ['audit', '--format', 'json'],
      { GITLAB_TOKEN: 'glpat-cleanAdminCleanAdmin1', CI_PROJECT_NAMESPACE: 'clean', CI_SERVER_URL: tidy.url },
      { now: NOW, http: HTTP },
    );
    outputs.push({ sc: clean, r });
    expect(r.code).toBe(0);
    const o = json(r);
    expect(o.group).toBe('clean');
    expect(o.summary).toEqual({ errors: 0, warnings: 0, infos: 1 });
  });

  test('2: no group, no token, bad flags', async () => {
    const noGroup = await runCli(['audit', '--gitlab-url', tidy.url], { GITLAB_TOKEN: 'x' }, { now: NOW });
    expect(noGroup.code).toBe(2);
    expect(noGroup.stderr).toContain('--group');
    const noToken = await runCli(['audit', '--group', 'clean', '--gitlab-url', tidy.url], {}, { now: NOW });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('GITLAB_TOKEN');
    for (const bad of [
      ['--expiring-within', 'soon'],
      ['--ephemeral-older-than', '6'],
      ['--format', 'yaml'],
    ]) {
      const r = await runCli(
        ['audit', '--group', 'clean', '--gitlab-url', tidy.url, ...bad],
        { GITLAB_TOKEN: 'x' },
        { now: NOW },
      );
      expect([r.code, r.stdout]).toEqual([2, '']);
    }
  });

  test('3: a server answering 500', async () => {
    const broken = await startStandin(clean, {
      now: () => NOW,
      intercept: () => ({
        status: 500,
        headers: { 'content-type': 'application/json' },
        body: '{"message":"500 Internal Server Error"}',
      }),
    });
    try {
      const r = await runCli(
        ['audit', '--group', 'clean', '--gitlab-url', broken.url],
        { GITLAB_TOKEN: 'glpat-cleanAdminCleanAdmin1' },
        { now: NOW, http: HTTP },
      );
      expect(r.code).toBe(3);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('deploy-token: error:');
      expect(r.stderr).not.toContain('glpat-cleanAdminCleanAdmin1');
    } finally {
      await broken.close();
    }
  });

  test('3: a variables listing failing with 500 is not mistaken for "no access"', async () => {
    const flaky = await startStandin(clean, {
      now: () => NOW,
      intercept: (req, next) =>
        req.url.includes('/projects/702/variables') ? { status: 500, headers: {}, body: '' } : next(),
    });
    try {
      const r = await runCli(
        ['audit', '--group', 'clean', '--gitlab-url', flaky.url],
        { GITLAB_TOKEN: 'glpat-cleanAdminCleanAdmin1' },
        { now: NOW, http: HTTP },
      );
      expect(r.code).toBe(3);
    } finally {
      await flaky.close();
    }
  });

  test('3: a closed port', async () => {
    const srv = createServer();
    await new Promise<void>((res) => srv.listen(0, '127.0.0.1', () => res()));
    const { port } = srv.address() as AddressInfo;
    await new Promise<void>((res) => srv.close(() => res()));
    const r = await runCli(
      ['audit', '--group', 'clean', '--gitlab-url', `http://127.0.0.1:${port}`],
      { GITLAB_TOKEN: 'x' },
      { now: NOW, http: HTTP },
    );
    expect(r.code).toBe(3);
  });

  test('3: an unknown group', async () => {
    const r = await audit(tidy, ['--group', 'nope'], 'glpat-cleanAdminCleanAdmin1');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('404');
  });
});

describe('pagination (per_page is at most 100)', () => {
  test('130 projects, 120 tokens on one project and 105 on a group are all seen', async () => {
    const tok = (id: number, name = `reader-${id}`): ScenarioToken => ({
      id,
      name,
      expires: '+365d',
      scopes: ['read_repository'],
      token: `gldt-Big${id}`.padEnd(25, 'x'),
    });
    const big: Scenario = {
      ...clean,
      name: 'big',
      apiTokens: ['glpat-bigBigBigBigBigBig1'],
      groups: [
        {
          id: 1,
          full_path: 'big',
          parent_id: null,
          tokens: Array.from({ length: 105 }, (_, i) => tok(10_000 + i)),
        },
        { id: 2, full_path: 'big/sub', parent_id: 1 },
      ],
      projects: Array.from({ length: 130 }, (_, i) => ({
        id: 100 + i,
        path_with_namespace: `big/sub/p${i}`,
        namespace_id: 2,
        ...(i === 129
          ? {
              tokens: [
                ...Array.from({ length: 119 }, (_, k) => tok(20_000 + k)),
                tok(29_999, 'gitlab-deploy-token'),
              ],
            }
          : {}),
      })),
    };
    const s = await startStandin(big, { now: () => NOW });
    try {
      const r = await runCli(
        ['audit', '--group', 'big', '--gitlab-url', s.url, '--format', 'json'],
        { GITLAB_TOKEN: 'glpat-bigBigBigBigBigBig1' },
        { now: NOW, http: HTTP },
      );
      outputs.push({ sc: big, r });
      expect(r.code).toBe(0);
      const o = json(r);
      expect(o.tokens).toHaveLength(105 + 120);
      expect(o.tokens.some((t) => t.id === 29_999)).toBe(true);
      expect(
        s.gitlab.requests.some((q) => q.url.includes('/groups/1/projects') && q.url.includes('page=2')),
      ).toBe(true);
    } finally {
      await s.close();
    }
  }, 30_000);
});

test('--verbose: request lines on stderr, never the API token', async () => {
  const r = await audit(tidy, ['--group', 'clean', '--verbose'], 'glpat-cleanAdminCleanAdmin1');
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/GET .*deploy_tokens/);
  expect(r.stderr).not.toContain('glpat-');
});

test('no output of any run above holds a secret (token values, CI_DEPLOY_PASSWORD values, API tokens)', () => {
  expect(outputs.length).toBeGreaterThan(10);
  for (const { sc, r } of outputs) {
    for (const secret of secretsOf(sc)) {
      expect(r.stdout).not.toContain(secret);
      expect(r.stderr).not.toContain(secret);
    }
  }
  expect(secretsOf(tree)).toEqual(
    expect.arrayContaining(['gldt-PlatformSecretXYZ9876', 'gldt-LegacySecretValue0001', ADMIN]),
  );
});
