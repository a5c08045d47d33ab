/** `deploy-token audit` end to end: runCli against a stand-in GitLab on 127.0.0.1 (real HTTP). */
import type { FindingCode } from '../../src/audit/types.js';
import type { Scenario, ScenarioToken } from '../../src/standin/model.js';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { runCli, type CliRun } from '../helpers/cli.js';
import { freePort } from '../helpers/net.js';
import { loadScenario } from '../helpers/scenarios.js';
import { LIVE_SYNTAX, outsideCode } from './markdown.js';

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
    findings: { code: FindingCode; severity: string; where: string; token_id?: number }[];
    summary: Record<string, number>;
    group: string;
  };

describe('the audit-tree scenario (four levels deep)', () => {
  test('every finding code, exit 1', async () => {
    const r = await audit(acme, ['--group', 'acme', '--format', 'json']);
    expect(r.code).toBe(1);
    // Nothing on stderr but the closing line (a quick audit in a log prints no progress line).
    expect(r.stderr).toMatch(/^audit: read 12 groups and projects with \d+ requests in 0\.0 s\n$/);
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
      o.findings.filter((f) => f.code === code).map((f) => [f.where, f.token_id ?? null]);
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
    expect(r.stdout).toMatch(/^## Deploy-token audit: ` acme `\n/);
    expect(r.stdout).toContain('| Level | Owner | ID | Name | Username | Scopes | Expires | State |');
    expect(r.stdout).toContain(
      '| group | ` acme/web ` | 205 | ` gitlab-deploy-token ` | ` web-old ` | ` read_registry ` | 2027-02-23 00:00 UTC | revoked |',
    );
    expect(r.stdout).toContain('| project | ` acme/web/shop ` | 210 | ` nightly ` |');
    // Token ids in messages are code (`#203` in a GitLab issue links to issue 203), and nothing else is live.
    expect(r.stdout).toContain('2 active tokens named gitlab-deploy-token (` #203 `, ` #204 `)');
    expect(outsideCode(r.stdout)).not.toMatch(LIVE_SYNTAX);
    expect(r.stdout.split('\n').filter((l) => /^\| (group|project) \|/.test(l))).toHaveLength(10);
    expect(r.stdout.split('\n').filter((l) => /^\| \S+ (error|warning|info) \|/.test(l))).toHaveLength(16);
  });

  test('text (the default): a table and the findings', async () => {
    const r = await audit(acme, ['--group', 'acme']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Findings: 6 errors, 6 warnings, 4 infos');
    expect(r.stdout).toMatch(/project +acme\/web\/shop +208 +deploy-token-ephemeral-20261124T080000Z-abc123/);
  });

  // --expiring-within is --min-days-left's old name, kept (hidden) for one release.
  test.each(['--min-days-left', '--expiring-within'])(
    '%s and --ephemeral-older-than move the thresholds',
    async (days) => {
      const o = json(
        await audit(acme, [
          '--group',
          'acme',
          '--format',
          'json',
          days,
          '90',
          '--ephemeral-older-than',
          '2d',
        ]),
      );
      expect(o.findings.filter((f) => f.code === 'expiring-soon').map((f) => f.token_id)).toEqual([
        202, 203, 204,
      ]);
      expect(o.findings.filter((f) => f.code === 'leftover-ephemeral')).toEqual([]);
    },
  );

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
      ['--min-days-left', 'soon'],
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
    const port = await freePort();
    const r = await runCli(
      ['audit', '--group', 'clean', '--gitlab-url', `http://127.0.0.1:${port}`],
      { GITLAB_TOKEN: 'x' },
      { now: NOW, http: HTTP },
    );
    expect(r.code).toBe(3);
  });

  test('2: an unknown group (404), naming --group', async () => {
    const r = await audit(tidy, ['--group', 'nope'], 'glpat-cleanAdminCleanAdmin1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('404');
    expect(r.stderr).toContain('hint: GitLab does not know --group nope');
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

describe('GitLab ≤ 15.0: the printed fix command works', () => {
  const OWNER = 'glpat-fifteenOwnerFifteen01';
  const fifteen = (): Scenario => ({
    name: 'fifteen',
    title: 'a group token on 15.0',
    description: 'tanuki has a gitlab-deploy-token; 15.0 exposes it to no job',
    version: '15.0.5-ee',
    apiTokens: [OWNER],
    groups: [
      {
        id: 10,
        full_path: 'tanuki',
        parent_id: null,
        tokens: [
          {
            id: 21,
            name: 'gitlab-deploy-token',
            expires: '+60d',
            scopes: ['read_repository', 'read_registry'],
            token: 'gldt-FifteenGroupTok21Fif',
          },
        ],
      },
      { id: 11, full_path: 'tanuki/sub', parent_id: 10 },
    ],
    projects: [
      { id: 3, path_with_namespace: 'tanuki/app', namespace_id: 10 },
      { id: 4, path_with_namespace: 'tanuki/sub/api', namespace_id: 11 },
    ],
    project: 'tanuki/app',
  });
  const fixCommand = (message: string): string[] => {
    const cmd = /`(deploy-token provision [^`]+)`/.exec(message)?.[1];
    expect(cmd).toBeDefined();
    return (cmd as string).split(' ').slice(1);
  };

  test('group-token-before-15.1 and group-token-not-direct-parent give a provision command that exits 0 and clears both', async () => {
    const sc = fifteen();
    const s = await startStandin(sc, { now: () => NOW });
    try {
      const run = (argv: string[]) =>
        runCli([...argv, '--gitlab-url', s.url], { GITLAB_TOKEN: OWNER }, { now: NOW, http: HTTP });
      const before = await run(['audit', '--group', 'tanuki', '--format', 'json']);
      outputs.push({ sc, r: before });
      expect(before.code).toBe(1);
      const found = JSON.parse(before.stdout) as {
        findings: { code: FindingCode; where: string; message: string }[];
      };
      const direct = found.findings.find((f) => f.code === 'group-token-before-15.1');
      const deeper = found.findings.find((f) => f.code === 'group-token-not-direct-parent');
      expect([direct?.where, deeper?.where]).toEqual(['tanuki/app', 'tanuki']);
      expect(deeper?.message).toContain('tanuki/sub/api');
      const argv = fixCommand(direct?.message ?? '');
      expect(argv).toEqual([
        'provision',
        '--level',
        'group',
        '--group',
        'tanuki',
        '--scopes',
        'read_repository,read_registry',
        // The token's expiry (+60d, a date-only expiry), so the rotated one keeps it.
        '--expires-at',
        '2027-01-24',
        '--store',
        'group-variables',
        '--rotate',
      ]);
      expect(fixCommand(deeper?.message ?? '')).toEqual(argv);

      const fix = await run(argv);
      outputs.push({ sc, r: fix });
      expect(fix.stderr).not.toContain('needs --scopes');
      expect(fix.code).toBe(0);

      const after = await run(['audit', '--group', 'tanuki', '--format', 'json']);
      outputs.push({ sc, r: after });
      const afterJson = JSON.parse(after.stdout) as {
        findings: { code: string; severity: string }[];
        tokens: { owner: string; name: string; state: string; expires_at: string | null; scopes: string[] }[];
      };
      expect(afterJson.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(after.code).toBe(0);
      // The rotated token kept the old one's scopes and expiry.
      const rotated = afterJson.tokens.filter(
        (t) => t.owner === 'tanuki' && t.name === 'gitlab-deploy-token' && t.state === 'active',
      );
      expect(rotated.map((t) => [t.expires_at, t.scopes])).toEqual([
        ['2027-01-24T00:00:00.000Z', ['read_repository', 'read_registry']],
      ]);
    } finally {
      await s.close();
    }
  });

  test('a Maintainer auditing the working workaround (group variables it may not read): exit 0, an info instead of an error', async () => {
    const sc = loadScenario('audit-15.0-maintainer.json');
    const s = await startStandin(sc, { now: () => NOW });
    try {
      const r = await runCli(
        ['audit', '--group', 'tanuki', '--gitlab-url', s.url, '--format', 'json'],
        { GITLAB_TOKEN: 'glpat-maint0000000000000001' },
        { now: NOW, http: HTTP },
      );
      outputs.push({ sc, r });
      expect(r.code).toBe(0);
      const o = json(r);
      expect(o.findings.map((f) => [f.code, f.where])).toEqual([['variables-not-readable', 'tanuki']]);
    } finally {
      await s.close();
    }
  });
});

test('variables of a group above the audited one are read and judged for its projects', async () => {
  const sc = loadScenario('audit-ancestor.json');
  const s = await startStandin(sc, { now: () => NOW });
  try {
    const r = await runCli(
      ['audit', '--group', 'top/sub', '--gitlab-url', s.url, '--format', 'json'],
      { GITLAB_TOKEN: sc.apiTokens[0] },
      { now: NOW, http: HTTP },
    );
    outputs.push({ sc, r });
    expect(r.code).toBe(1);
    expect(json(r).findings.map((f) => [f.severity, f.code, f.where, f.token_id ?? null])).toEqual([
      ['error', 'stale-variables', 'top', null],
      ['error', 'unmasked-password', 'top', null],
      ['error', 'group-token-not-direct-parent', 'top/sub', 12],
      ['warning', 'variables-shadow-token', 'top/sub/app', 12],
    ]);
    // One variables listing for the one group above.
    expect(s.gitlab.requests.filter((q) => q.url.startsWith('/api/v4/groups/1/variables'))).toHaveLength(1);
  } finally {
    await s.close();
  }
});

test('markdown of hostile names from GitLab: exact rows, nothing live outside code spans', async () => {
  const sc = loadScenario('audit-hostile.json');
  const s = await startStandin(sc, { now: () => NOW });
  try {
    const r = await runCli(
      ['audit', '--group', 'evil', '--gitlab-url', s.url, '--format', 'markdown'],
      { GITLAB_TOKEN: sc.apiTokens[0] },
      { now: NOW, http: HTTP },
    );
    outputs.push({ sc, r });
    expect(r.code).toBe(1);
    const rows = r.stdout.split('\n').filter((l) => /^\| (group|project) \|/.test(l));
    expect(rows).toEqual([
      '| group | ` evil ` | 11 | ` @all please look https://evil.example/x www.evil.example ~~strike~~ $\\sqrt{x}$ #1 !2 ~label :tada: ` | ` x@evil.example ` | ` read_registry ` | 2026-12-05 00:00 UTC | active |',
      '| group | ` evil ` | 12 | `` ?[31mRED?[0m?FAKE LINE?\\| a \\| b \\|<img src=x onerror=alert(1)>`code`**bold**[link](http://e) `` | ` gitlab+deploy-token-12 ` | ` read_registry ` | never | active |',
      '| group | ` evil ` | 13 | ` ?nekot-yolped-baltig ` | ` gitlab+deploy-token-13 ` | ` read_registry ` | 2027-06-13 00:00 UTC | active |',
    ]);
    expect(r.stdout).toContain(
      '| 🔴 error | stale-variables | ` evil ` |  | the CI/CD variable CI\\_DEPLOY\\_USER (environment scope ` * `) on ` evil ` names ` ghost?]8;;http://evil?click?]8;;? <b>x</b> \\| y @all `, which is no deploy token',
    );
    expect(r.stdout).toContain(
      '| 🟠 warning | never-expires | ` evil ` | 12 | deploy token ` #12 ` `` ?[31mRED?[0m?FAKE LINE?\\| a \\| b \\|<img src=x onerror=alert(1)>`code`**bold**[link](http://e) `` (` gitlab+deploy-token-12 `) never expires',
    );
    expect(outsideCode(r.stdout)).not.toMatch(LIVE_SYNTAX);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e\u2066-\u2069]/);
  } finally {
    await s.close();
  }
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
