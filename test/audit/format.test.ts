/** Formatters, flag parsing and gathering, pure or against a scripted client. */
import { jest } from '@jest/globals';
import { formatJson, formatMarkdown, formatText, mdCell, plain } from '../../src/audit/format.js';
import { deployVariables, gatherTree, mapLimit } from '../../src/audit/gather.js';
import { auditSettings, parseDays, parseDuration } from '../../src/audit/options.js';
import type { AuditResult } from '../../src/audit/types.js';
import { GitLabApiError, UsageError } from '../../src/core/errors.js';
import type { GitLabClient } from '../../src/gitlab/client.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const meta = { group: 'top', generatedAt: NOW, expiringWithinDays: 30 };
const result: AuditResult = {
  tokens: [
    {
      level: 'project',
      owner: 'top/p',
      id: 7,
      name: 'evil | name\n<script>alert(1)</script>\u001b[31m',
      username: 'u_ser*',
      scopes: ['read_registry', 'read_repository'],
      expiresAt: '2026-12-01T00:00:00.000Z',
      active: true,
      state: 'active',
    },
    {
      level: 'group',
      owner: 'top',
      id: 8,
      name: 'gitlab-deploy-token',
      username: 'gitlab+deploy-token-8',
      scopes: [],
      expiresAt: null,
      active: false,
      state: 'revoked',
    },
  ],
  findings: [
    { severity: 'error', code: 'unmasked-password', where: 'top', message: 'a | b\nc' },
    { severity: 'warning', code: 'never-expires', where: 'top', tokenId: 8, message: 'w' },
    { severity: 'info', code: 'inactive-token', where: 'top', tokenId: 8, message: 'i' },
  ],
};

describe('json', () => {
  test('the documented shape', () => {
    const o = JSON.parse(formatJson(result, meta));
    expect(Object.keys(o)).toEqual([
      'group',
      'generatedAt',
      'expiringWithinDays',
      'tokens',
      'findings',
      'summary',
    ]);
    expect(o).toMatchObject({
      group: 'top',
      generatedAt: '2026-11-25T10:00:00.000Z',
      expiringWithinDays: 30,
    });
    expect(Object.keys(o.tokens[0])).toEqual([
      'level',
      'owner',
      'id',
      'name',
      'username',
      'scopes',
      'expiresAt',
      'active',
      'state',
    ]);
    expect(o.tokens[1]).toMatchObject({ expiresAt: null, state: 'revoked', active: false });
    expect(o.findings[0]).toEqual({
      severity: 'error',
      code: 'unmasked-password',
      where: 'top',
      message: 'a | b\nc',
    });
    expect(o.findings[1].tokenId).toBe(8);
    expect(o.summary).toEqual({ errors: 1, warnings: 1, infos: 1 });
  });
});

describe('markdown', () => {
  const md = formatMarkdown(result, meta);
  test('a heading, a token table and a findings table, one line per row', () => {
    expect(md).toMatch(/^## Deploy-token audit: top\n/);
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(2 + 2 + 3); // 2 header rows (separators start with "|-"), 2 tokens, 3 findings
    for (const r of rows)
      expect(r.match(/(?<!\\)\|/g)?.length).toBe(
        r.startsWith('| Level') || r.includes('| project |') || r.includes('| group |') ? 9 : 6,
      );
    expect(md).toContain('1 error, 1 warning, 1 info');
  });
  test('cells cannot break the table or inject HTML', () => {
    expect(md).not.toContain('<script>');
    expect(md).toContain('evil \\| name &lt;script&gt;');
    expect(md).not.toContain('\u001b');
    expect(md).toContain('a \\| b c');
    expect(mdCell('a\\|b')).toBe('a\\\\\\|b');
  });
  test('empty', () => {
    const e = formatMarkdown({ tokens: [], findings: [] }, meta);
    expect(e).toContain('No deploy tokens.');
    expect(e).toContain('No findings.');
  });
});

describe('text', () => {
  const txt = formatText(result, meta);
  test('aligned columns, findings with their messages, no terminal escapes', () => {
    const lines = txt.split('\n');
    const header = lines.find((l) => l.includes('LEVEL')) ?? '';
    const row = lines.find((l) => l.includes('gitlab+deploy-token-8')) ?? '';
    expect(row.indexOf('gitlab+deploy-token-8')).toBe(header.indexOf('USERNAME'));
    expect(txt).not.toContain('\u001b');
    expect(txt).toContain('Findings: 1 error, 1 warning, 1 info');
    expect(txt).toMatch(/error {3}unmasked-password {2}top\n {10}a \| b c/);
    expect(txt).toContain('never');
  });
  test('empty', () => {
    const e = formatText({ tokens: [], findings: [] }, meta);
    expect(e).toContain('(no deploy tokens)');
    expect(e).toContain('Findings: 0 errors, 0 warnings, 0 infos\n  none');
  });
  test('plain', () => expect(plain('a\nb\tc\u0007\u009b')).toBe('a b c??'));
});

describe('flags', () => {
  test('durations and days', () => {
    expect(parseDuration('90m')).toBe(5_400_000);
    expect(parseDuration('6h')).toBe(21_600_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('1w')).toBe(604_800_000);
    for (const bad of ['0h', '6', 'h', '-1h', '1.5h', '6 hours', ''])
      expect(parseDuration(bad)).toBeUndefined();
    expect(parseDays('30')).toBe(30);
    expect(parseDays(0)).toBe(0);
    expect(parseDays('1.5')).toBe(1.5);
    for (const bad of ['-1', 'abc', '1e3', '']) expect(parseDays(bad)).toBeUndefined();
  });
  const env = {
    GITLAB_TOKEN: 'glpat-x',
    CI_PROJECT_NAMESPACE: 'ns/sub',
    CI_SERVER_URL: 'https://gitlab.example.com/',
  };
  test('defaults from the CI environment', () => {
    expect(auditSettings({}, env)).toEqual({
      group: 'ns/sub',
      gitlabUrl: 'https://gitlab.example.com',
      apiTokenEnv: 'GITLAB_TOKEN',
      apiToken: 'glpat-x',
      format: 'text',
      expiringWithinDays: 30,
      ephemeralOlderThanMs: 21_600_000,
    });
    expect(auditSettings({}, { GITLAB_TOKEN: 'x', CI_PROJECT_NAMESPACE: 'n' }).gitlabUrl).toBe(
      'https://gitlab.com',
    );
    expect(auditSettings({ apiTokenEnv: 'MY_TOKEN', group: '/g/' }, { MY_TOKEN: 'y' })).toMatchObject({
      apiToken: 'y',
      group: 'g',
    });
  });
  test.each([
    [{}, { GITLAB_TOKEN: 'x' }, '--group'],
    [{ group: 'g' }, {}, 'GITLAB_TOKEN'],
    [{ group: 'g', apiTokenEnv: 'MINE' }, { GITLAB_TOKEN: 'x' }, 'MINE'],
    [{ group: 'g', apiTokenEnv: 'no-dash' }, { GITLAB_TOKEN: 'x' }, '--api-token-env'],
    [{ group: 'g', expiringWithin: 'soon' }, { GITLAB_TOKEN: 'x' }, '--expiring-within'],
    [{ group: 'g', ephemeralOlderThan: '6' }, { GITLAB_TOKEN: 'x' }, '--ephemeral-older-than'],
    [{ group: 'g', format: 'yaml' }, { GITLAB_TOKEN: 'x' }, '--format'],
    [{ group: 'g', gitlabUrl: 'ftp://x' }, { GITLAB_TOKEN: 'x' }, '--gitlab-url'],
  ])('usage error %j', (flags, e, needle) => {
    expect(() => auditSettings(flags, e)).toThrow(UsageError);
    expect(() => auditSettings(flags, e)).toThrow(needle);
  });
});

describe('gather', () => {
  test('deployVariables keeps only the two keys and never a password value', () => {
    const v = deployVariables([
      { key: 'CI_DEPLOY_USER', value: 'u', masked: false },
      {
        key: 'CI_DEPLOY_PASSWORD',
        value: 'gldt-secretsecretsecret',
        masked: false,
        environment_scope: 'prod',
      },
      { key: 'CI_DEPLOY_USER', value: null, hidden: true, masked: true },
      { key: 'OTHER', value: 'x' },
    ]);
    expect(v).toEqual([
      {
        key: 'CI_DEPLOY_USER',
        value: 'u',
        hidden: false,
        masked: false,
        protected: false,
        environmentScope: '*',
      },
      {
        key: 'CI_DEPLOY_PASSWORD',
        value: null,
        hidden: false,
        masked: false,
        protected: false,
        environmentScope: 'prod',
      },
      {
        key: 'CI_DEPLOY_USER',
        value: null,
        hidden: true,
        masked: true,
        protected: false,
        environmentScope: '*',
      },
    ]);
    expect(JSON.stringify(v)).not.toContain('gldt-');
  });

  test('mapLimit keeps order and bounds concurrency', async () => {
    let inFlight = 0;
    let max = 0;
    const out = await mapLimit([...Array(20).keys()], 4, async (i) => {
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise((r) => setTimeout(r, 20 - i));
      inFlight--;
      return i * 2;
    });
    expect(out).toEqual([...Array(20).keys()].map((i) => i * 2));
    expect(max).toBe(4);
    await expect(
      mapLimit([1, 2, 3], 2, async (i) => (i === 2 ? Promise.reject(new Error('boom')) : i)),
    ).rejects.toThrow('boom');
    expect(await mapLimit([], 4, async () => 1)).toEqual([]);
  });

  function fakeClient(over: (path: string) => unknown): GitLabClient & { paths: string[] } {
    const paths: string[] = [];
    const answer = (path: string) => {
      paths.push(path);
      const o = over(path);
      if (o instanceof Error) throw o;
      return o;
    };
    return {
      paths,
      requestCount: 0,
      apiUrl: 'https://gitlab.example.com/api/v4',
      get: async (path, parse) => parse(answer(path)),
      getAll: async (path, parse) => (answer(path) as unknown[]).map(parse),
      request: jest.fn() as unknown as GitLabClient['request'],
    } as GitLabClient & { paths: string[] };
  }
  const ns = (id: number, full_path: string, kind = 'group') => ({ id, kind, full_path, parent_id: null });
  const base = (path: string): unknown => {
    if (path === '/groups/top') return { id: 1, full_path: 'top', parent_id: 99 };
    if (path === '/groups/99') return new GitLabApiError('404', '/groups/:id', 404);
    if (path === '/groups/1/descendant_groups') return [{ id: 2, full_path: 'top/a', parent_id: 1 }];
    if (path === '/groups/1/projects')
      return [
        { id: 10, path_with_namespace: 'top/a/p', namespace: ns(2, 'top/a') },
        { id: 10, path_with_namespace: 'top/a/p', namespace: ns(2, 'top/a') },
        { id: 11, path_with_namespace: 'elsewhere/shared', namespace: ns(50, 'elsewhere') },
        { id: 12, path_with_namespace: 'alice/mine', namespace: ns(2, 'alice', 'user') },
      ];
    if (path.endsWith('/deploy_tokens')) return [];
    if (path === '/version') return { version: '15.0.5-ee' };
    if (path === '/groups/1/variables')
      return new GitLabApiError('403 Forbidden', '/groups/:id/variables', 403);
    if (path.endsWith('/variables'))
      return [{ key: 'CI_DEPLOY_PASSWORD', value: 'gldt-neverKeepThisValue1', masked: true }];
    return new Error(`unexpected ${path}`);
  };

  test('only projects whose namespace is a group of the tree (no shared, no user-namespace, no duplicates); 403 on variables is recorded', async () => {
    const c = fakeClient(base);
    const t = await gatherTree(c, 'top');
    expect(t.root).toBe('top');
    expect(t.groups.map((g) => [g.fullPath, g.variables === undefined])).toEqual([
      ['top', true],
      ['top/a', false],
    ]);
    expect(t.projects.map((p) => p.fullPath)).toEqual(['top/a/p']);
    expect(t.ancestors).toEqual([{ id: 99, fullPath: 'group 99', tokens: undefined }]);
    expect(t.version).toBe('15.0.5-ee');
    expect(JSON.stringify(t)).not.toContain('gldt-');
    expect(c.paths.filter((p) => p.includes('/projects/11') || p.includes('/projects/12'))).toEqual([]);
  });

  test('any other error on variables or tokens propagates', async () => {
    const c500 = fakeClient((p) =>
      p === '/projects/10/variables' ? new GitLabApiError('500', p, 500) : base(p),
    );
    await expect(gatherTree(c500, 'top')).rejects.toMatchObject({ status: 500 });
    const t403 = fakeClient((p) =>
      p === '/groups/2/deploy_tokens' ? new GitLabApiError('403', p, 403) : base(p),
    );
    await expect(gatherTree(t403, 'top')).rejects.toMatchObject({ status: 403 });
  });
});
