/** Formatters, flag parsing and gathering, pure or against a scripted client. */
import { jest } from '@jest/globals';
import {
  formatJson,
  formatMarkdown,
  formatText,
  MARKDOWN_MAX_BYTES,
  mdMessage,
} from '../../src/audit/format.js';
import { mdCode, mdText, oneLine } from '../../src/core/text.js';
import { auditFindings } from '../../src/audit/findings.js';
import { m, textOf } from '../../src/audit/message.js';
import { deployVariables, gatherTree } from '../../src/audit/gather.js';
import { auditSettings, parseDays, parseDuration } from '../../src/audit/options.js';
import type { AuditResult, Finding, MessagePart, TokenRow } from '../../src/audit/types.js';
import { GitLabApiError, UsageError } from '../../src/core/errors.js';
import type { GitLabClient } from '../../src/gitlab/client.js';
import { asDeployToken, type DeployToken } from '../../src/gitlab/types.js';
import { LIVE_SYNTAX, outsideCode } from './markdown.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const meta = { group: 'top', generatedAt: NOW, expiringWithinDays: 30 };
const finding = (f: Omit<Finding, 'message'>): Finding => ({ ...f, message: textOf(f.parts) });
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
    finding({ severity: 'error', code: 'unmasked-password', where: 'top', parts: ['a | b\nc'] }),
    finding({ severity: 'warning', code: 'never-expires', where: 'top', tokenId: 8, parts: ['w'] }),
    finding({ severity: 'info', code: 'inactive-token', where: 'top', tokenId: 8, parts: ['i'] }),
  ],
};

describe('json', () => {
  test('the documented shape', () => {
    const o = JSON.parse(formatJson(result, meta));
    expect(Object.keys(o)).toEqual([
      'group',
      'generated_at',
      'min_days_left',
      'tokens',
      'findings',
      'summary',
    ]);
    expect(o).toMatchObject({
      group: 'top',
      generated_at: '2026-11-25T10:00:00.000Z',
      min_days_left: 30,
    });
    expect(Object.keys(o.tokens[0])).toEqual([
      'level',
      'owner',
      'id',
      'name',
      'username',
      'scopes',
      'expires_at',
      'active',
      'state',
    ]);
    expect(o.tokens[1]).toMatchObject({ expires_at: null, state: 'revoked', active: false });
    expect(o.findings[0]).toEqual({
      severity: 'error',
      code: 'unmasked-password',
      where: 'top',
      message: 'a | b c',
    });
    expect(o.findings[1].token_id).toBe(8);
    expect(o.summary).toEqual({ errors: 1, warnings: 1, infos: 1 });
  });
  test('every string loses the control and invisible characters text output neutralises (jq -r prints them raw)', () => {
    const evil = '\u202e\u200b\u001b[31m@all\u2028x\u0007';
    const hostile: AuditResult = {
      tokens: [{ ...(result.tokens[0] as TokenRow), owner: `top/${evil}`, scopes: ['read_registry', evil] }],
      findings: [
        finding({
          severity: 'error',
          code: 'stale-variables',
          where: `top/${evil}`,
          parts: m`the CI/CD variable CI_DEPLOY_USER (environment scope ${evil}) names ${evil}`,
        }),
      ],
    };
    const json = formatJson(hostile, { ...meta, group: evil });
    const strings: string[] = [];
    JSON.parse(json, (_k, v: unknown) => (typeof v === 'string' ? (strings.push(v), v) : v));
    expect(strings.length).toBeGreaterThan(10);
    for (const v of strings) expect(v).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u);
    const o = JSON.parse(json);
    expect(o.group).toBe('???[31m@all?x?');
    expect(o.findings[0].where).toBe('top/???[31m@all?x?');
    expect(o.findings[0].message).toBe(
      'the CI/CD variable CI_DEPLOY_USER (environment scope ???[31m@all?x?) names ???[31m@all?x?',
    );
    expect(o.tokens[0].owner).toBe('top/???[31m@all?x?');
    expect(o.tokens[0].scopes).toEqual(['read_registry', '???[31m@all?x?']);
    // The text output neutralises the very same characters.
    expect(formatText(hostile, { ...meta, group: evil })).toContain('top/???[31m@all?x?');
  });
});

/** The hostile names of the reviewer's scenario (fixtures/scenarios/audit-hostile.json), as GitLab would send them. */
const HOSTILE = {
  syntax:
    '@all please look https://evil.example/x www.evil.example ~~strike~~ $\\sqrt{x}$ #1 !2 ~label :tada:',
  markup:
    '\u001b[31mRED\u001b[0m\nFAKE LINE\r| a | b |<img src=x onerror=alert(1)>`code`**bold**[link](http://e)',
  rtl: '\u202enekot-yolped-baltig',
  user: 'ghost\u001b]8;;http://evil\u0007click\u001b]8;;\u0007 <b>x</b> | y @all',
  scope: '<script>|*',
};

/** The bidi embeddings, overrides, isolates and marks, then zero-width and other invisible format characters. */
const INVISIBLE_CHARS = [
  ...'\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c',
  ...'\u200b\u200c\u200d\u2060\ufeff\u00ad',
];

describe('markdown', () => {
  const md = formatMarkdown(result, meta);
  test('a heading, the findings table first, then the token table, one line per row', () => {
    expect(md).toMatch(/^## Deploy-token audit: ` top `\n/);
    expect(md.indexOf('### Findings (3)')).toBeLessThan(md.indexOf('### Deploy tokens (2)'));
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    expect(rows).toHaveLength(2 + 3 + 2); // 2 header rows (separators start with "|-"), 3 findings, 2 tokens
    for (const r of rows)
      expect(r.match(/(?<!\\)\|/g)?.length).toBe(
        r.startsWith('| Level') || r.includes('| project |') || r.includes('| group |') ? 9 : 6,
      );
    expect(md).toContain('1 error, 1 warning, 1 info');
  });
  test('the exact rows: values from GitLab are code spans, the tool’s words escaped text', () => {
    expect(md.split('\n').filter((l) => l.startsWith('| '))).toEqual([
      '| Severity | Code | Where | Token | Finding |',
      '| 🔴 error | unmasked-password | ` top ` |  | a \\| b c |',
      '| 🟠 warning | never-expires | ` top ` | 8 | w |',
      '| 🔵 info | inactive-token | ` top ` | 8 | i |',
      '| Level | Owner | ID | Name | Username | Scopes | Expires | State |',
      '| project | ` top/p ` | 7 | ` evil \\| name <script>alert(1)</script>?[31m ` | ` u_ser* ` | ` read_registry, read_repository ` | 2026-12-01 00:00 UTC | active |',
      '| group | ` top ` | 8 | ` gitlab-deploy-token ` | ` gitlab+deploy-token-8 ` |  | never | revoked |',
    ]);
    expect(md).not.toContain('\u001b');
  });
  test('empty', () => {
    const e = formatMarkdown({ tokens: [], findings: [] }, meta);
    expect(e).toContain('No deploy tokens.');
    expect(e).toContain('No findings.');
  });
});

describe('markdown: a value from GitLab is a code span, inert on GitHub and GitLab', () => {
  test('the reviewer’s hostile names, exactly', () => {
    expect(mdCode(HOSTILE.syntax)).toBe(
      '` @all please look https://evil.example/x www.evil.example ~~strike~~ $\\sqrt{x}$ #1 !2 ~label :tada: `',
    );
    expect(mdCode(HOSTILE.markup)).toBe(
      '`` ?[31mRED?[0m FAKE LINE \\| a \\| b \\|<img src=x onerror=alert(1)>`code`**bold**[link](http://e) ``',
    );
    expect(mdCode(HOSTILE.rtl)).toBe('` ?nekot-yolped-baltig `');
    expect(mdCode(HOSTILE.user)).toBe('` ghost?]8;;http://evil?click?]8;;? <b>x</b> \\| y @all `');
    expect(mdCode(HOSTILE.scope)).toBe('` <script>\\|* `');
  });
  test('the fence is longer than any backtick run in the value, padded so an edge backtick cannot join it', () => {
    expect(mdCode('plain')).toBe('` plain `');
    expect(mdCode('a`b')).toBe('`` a`b ``');
    expect(mdCode('a``b`c')).toBe('``` a``b`c ```');
    expect(mdCode('`x`')).toBe('`` `x` ``');
  });
  test('a pipe is escaped even after a backslash (GFM splits cells before code spans); nothing else is', () => {
    expect(mdCode('a|b')).toBe('` a\\|b `');
    expect(mdCode('a\\|b')).toBe('` a\\\\|b `');
    expect(mdCode('a\\b&<>*_[]')).toBe('` a\\b&<>*_[] `');
  });
  test('an empty value is shown as ""', () => expect(mdCode('')).toBe('""'));
  test('a message: the tool’s words escaped, each literal a code span, a token id not an issue reference', () => {
    const parts: MessagePart[] = m`deploy token #${7} is ${[{ literal: '#202' }]} on ${'a|b'} (${[{ literal: '@all', as: 'quoted' }]}); run ${[{ literal: 'x --y', as: 'code' }]}.`;
    expect(mdMessage(parts)).toBe('deploy token #7 is ` #202 ` on ` a\\|b ` (` @all `); run ` x --y `.');
    expect(textOf(parts)).toBe('deploy token #7 is #202 on a|b ("@all"); run `x --y`.');
  });
  test('the tool’s own words: every Markdown character escaped, & before the entities that use it', () => {
    expect(mdText('a\\b|c&d<e>f`g*h_i[j]k\nl')).toBe('a\\\\b\\|c&amp;d&lt;e&gt;f\\`g\\*h\\_i\\[j\\]k l');
  });
  test('a whole report of hostile names: no mention, link, reference, emoji, math, strike or HTML outside code', () => {
    const tok = (id: number, name: string, username = `gitlab+deploy-token-${id}`): DeployToken => ({
      id,
      name,
      username,
      expires_at: null,
      revoked: false,
      scopes: ['read_registry'],
    });
    const r = auditFindings(
      {
        root: 'evil',
        groups: [
          {
            kind: 'group',
            id: 1,
            fullPath: 'evil',
            parentId: null,
            tokens: [
              tok(11, HOSTILE.syntax, 'x@evil.example'),
              tok(12, HOSTILE.markup),
              tok(13, HOSTILE.rtl),
              tok(14, 'deploy-token-ephemeral-@all'),
            ],
            variables: [
              {
                key: 'CI_DEPLOY_USER',
                value: HOSTILE.user,
                hidden: false,
                masked: false,
                protected: false,
                environmentScope: HOSTILE.scope,
              },
              {
                key: 'CI_DEPLOY_PASSWORD',
                value: null,
                hidden: false,
                masked: false,
                protected: false,
                environmentScope: HOSTILE.scope,
              },
            ],
          },
        ],
        projects: [],
        ancestors: [],
      },
      { now: NOW, expiringWithinDays: 30, ephemeralOlderThanMs: 6 * 3_600_000 },
    );
    const out = formatMarkdown(r, { ...meta, group: '@all' });
    expect(r.findings.length).toBeGreaterThan(4);
    expect(outsideCode(out)).not.toMatch(LIVE_SYNTAX);
    // …and the check itself sees what it must: the same report without code spans would fail it.
    expect(outsideCode('a ` @all ` b')).not.toMatch(LIVE_SYNTAX);
    expect(outsideCode('a ` x ` @all')).toMatch(LIVE_SYNTAX);
    expect(outsideCode('a `` x ` #1 ``')).not.toMatch(LIVE_SYNTAX);
  });
});

describe('markdown: under 1 MiB however many tokens (GitHub step summaries and GitLab issues take no more)', () => {
  const tok = (i: number, expires_at: string | null): DeployToken => ({
    id: 50_000 + i,
    name: `ci-token-for-service-${i}`,
    username: `gitlab+deploy-token-${50_000 + i}`,
    expires_at,
    revoked: false,
    scopes: ['read_repository', 'read_registry'],
  });
  const generated = (n: number, expires_at: string | null, extra: DeployToken[] = []) =>
    auditFindings(
      {
        root: 'org',
        groups: [
          {
            kind: 'group',
            id: 1,
            fullPath: 'org',
            parentId: null,
            tokens: [...Array.from({ length: n }, (_, i) => tok(i, expires_at)), ...extra],
            variables: [],
          },
        ],
        projects: [],
        ancestors: [],
      },
      { now: NOW, expiringWithinDays: 30, ephemeralOlderThanMs: 6 * 3_600_000 },
    );
  const bytes = (s: string) => Buffer.byteLength(s);
  const tokenRows = (md: string) => md.split('\n').filter((l) => /^\| (group|project) \|/.test(l)).length;
  const findingRows = (md: string) =>
    md.split('\n').filter((l) => /^\| \S+ (error|warning|info) \|/.test(l)).length;

  test('the bound is under both limits', () => {
    expect(MARKDOWN_MAX_BYTES).toBeLessThan(1_048_576);
  });

  test('6000 tokens: every finding first, then the token rows that fit, then how many were left out', () => {
    const dead = { ...tok(99_999, '2026-01-01T00:00:00Z'), name: 'gitlab-deploy-token' };
    const r = generated(6000, '2027-06-01T00:00:00.000Z', [dead]);
    expect(r.findings).toHaveLength(1);
    const md = formatMarkdown(r, { ...meta, group: 'org' });
    expect(bytes(md)).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    expect(findingRows(md)).toBe(1);
    const shown = tokenRows(md);
    expect(shown).toBeGreaterThan(1000);
    expect(shown).toBeLessThan(6001);
    expect(
      md.endsWith(
        `\n\n**${6001 - shown} of 6001 token rows left out** to stay under 1 MiB, the most a GitHub step summary or a GitLab issue takes: \`deploy-token audit --format json\` has them all.\n`,
      ),
    ).toBe(true);
    expect(md).toContain('### Deploy tokens (6001)');
    // Nothing is cut mid-row: every row shown is whole.
    expect(
      md
        .split('\n')
        .filter((l) => l.startsWith('| group |'))
        .every((l) => l.endsWith(' |')),
    ).toBe(true);
  });

  test('the reviewer’s 3000 never-expiring tokens (over 1 MiB unbounded): all 3000 findings, then the rows that fit', () => {
    const r = generated(3000, null); // 3000 never-expires warnings
    expect(bytes(formatMarkdown(r, { ...meta, group: 'org' }, Infinity))).toBeGreaterThan(1_048_576);
    const md = formatMarkdown(r, { ...meta, group: 'org' });
    expect(bytes(md)).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    expect(findingRows(md)).toBe(3000);
    const shown = tokenRows(md);
    expect(shown).toBeLessThan(3000);
    expect(md).toContain(`**${3000 - shown} of 3000 token rows left out**`);
  });

  test('more findings than fit: listed in order, the rest counted; token rows get only room no finding fits in', () => {
    const dead = { ...tok(99_999, '2026-01-01T00:00:00Z'), name: 'gitlab-deploy-token' };
    const r = generated(5000, null, [dead]); // 5000 never-expires warnings and one info
    const md = formatMarkdown(r, { ...meta, group: 'org' });
    expect(bytes(md)).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    const shown = findingRows(md);
    expect(shown).toBeGreaterThan(1000);
    expect(shown).toBeLessThan(5001);
    expect(md).toContain(`**${5001 - shown} of 5001 findings left out**`);
    expect(md).not.toContain('🔵 info');
    const lines = md.split('\n');
    const findingLines = lines.filter((l) => /^\| \S+ (error|warning|info) \|/.test(l));
    const tokenLines = lines.filter((l) => /^\| (group|project) \|/.test(l));
    // The room the token rows took, plus what is still free, holds no further finding row.
    const spare = MARKDOWN_MAX_BYTES - bytes(md) + tokenLines.reduce((n, l) => n + bytes(l) + 1, 0);
    expect(spare).toBeLessThan(Math.min(...findingLines.map((l) => bytes(l) + 1)));
    expect(md).toContain(`**${5001 - tokenLines.length} of 5001 token rows left out**`);
  });

  test('a row too big to fit is skipped, not the end: smaller findings after it and the token rows still show', () => {
    const huge = finding({
      severity: 'error',
      code: 'stale-variables',
      where: 'top',
      parts: [{ literal: 'x'.repeat(60_000) }],
    });
    const small = finding({
      severity: 'warning',
      code: 'never-expires',
      where: 'top',
      tokenId: 8,
      parts: ['small'],
    });
    const bigToken: TokenRow = { ...(result.tokens[1] as TokenRow), id: 9, name: 'n'.repeat(60_000) };
    const r: AuditResult = {
      findings: [huge, small],
      tokens: [bigToken, ...result.tokens],
    };
    const md = formatMarkdown(r, meta, 40_000);
    expect(bytes(md)).toBeLessThanOrEqual(40_000);
    expect(findingRows(md)).toBe(1);
    expect(md).toContain('| 🟠 warning | never-expires | ` top ` | 8 | small |');
    expect(md).toContain('**1 of 2 findings left out**');
    expect(tokenRows(md)).toBe(2);
    expect(md).toContain('**1 of 3 token rows left out**');
    // The reviewer's case: one finding and one token row, each bigger than the bound.
    const one = formatMarkdown({ findings: [huge], tokens: [bigToken] }, meta, 40_000);
    expect(bytes(one)).toBeLessThanOrEqual(40_000);
    expect(one).toContain('**1 of 1 findings left out**');
    expect(one).toContain('**1 of 1 token rows left out**');
  });

  test('the heading’s group path is cut too, with an ellipsis: the whole output stays under the bound', () => {
    const md = formatMarkdown({ tokens: [], findings: [] }, { ...meta, group: 'g'.repeat(1_000_000) });
    expect(bytes(md)).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    const heading = md.split('\n')[0] as string;
    expect(heading).toBe(`## Deploy-token audit: \` ${'g'.repeat(200)} \`…`);
    // Cut by characters, never inside one: a 4-byte character stays whole.
    const astral = formatMarkdown({ tokens: [], findings: [] }, { ...meta, group: '😀'.repeat(300) });
    expect(astral.split('\n')[0]).toBe(`## Deploy-token audit: \` ${'😀'.repeat(200)} \`…`);
    expect(formatMarkdown({ tokens: [], findings: [] }, { ...meta, group: 'g'.repeat(200) })).toContain(
      `\` ${'g'.repeat(200)} \`\n`,
    );
  });

  test('a report that fits is whole, with no such line', () => {
    const md = formatMarkdown(generated(50, null), { ...meta, group: 'org' });
    expect(tokenRows(md)).toBe(50);
    expect(findingRows(md)).toBe(50);
    expect(md).not.toContain('left out');
  });

  test('the bound is exact: a smaller one cuts sooner and is kept too', () => {
    const r = generated(100, null);
    for (const max of [8_000, 20_000, 40_000]) {
      const md = formatMarkdown(r, { ...meta, group: 'org' }, max);
      expect(bytes(md)).toBeLessThanOrEqual(max);
      expect(md).toContain('left out');
    }
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
  test('findings first, in their order, then the token table', () => {
    const lines = txt.split('\n');
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('Findings: 1 error, 1 warning, 1 info');
    const order = result.findings.map((f) => at(new RegExp(`^  ${f.severity} +${f.code} `)));
    expect(order.every((i) => i > 2)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(at(/^ {2}LEVEL +OWNER/)).toBeGreaterThan(Math.max(...order));
  });
  test('empty', () => {
    const e = formatText({ tokens: [], findings: [] }, meta);
    expect(e).toContain('(no deploy tokens)');
    expect(e).toContain('Findings: 0 errors, 0 warnings, 0 infos\n  none');
  });
  test('oneLine', () => expect(oneLine('a\nb\tc\u0007\u009b')).toBe('a b c??'));
  test('bidi and invisible format characters become ?, so a name cannot display as another', () => {
    for (const c of INVISIBLE_CHARS) expect(oneLine(`a${c}b`)).toBe('a?b');
    expect(oneLine(HOSTILE.rtl)).toBe('?nekot-yolped-baltig');
    const t = formatText(
      {
        tokens: [{ ...(result.tokens[1] as TokenRow), name: HOSTILE.rtl, username: `u\u2066x` }],
        findings: [],
      },
      meta,
    );
    expect(t).toContain('?nekot-yolped-baltig');
    expect(t).toContain('u?x');
    expect(t).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(mdCode(`x\u2067y`)).toBe('` x?y `');
  });
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
      gitlab: expect.objectContaining({
        url: 'https://gitlab.example.com',
        urlSource: '$CI_SERVER_URL',
        tokenVariable: 'GITLAB_TOKEN',
        apiToken: 'glpat-x',
      }),
      format: 'text',
      expiringWithinDays: 30,
      ephemeralOlderThanMs: 21_600_000,
    });
    expect(auditSettings({}, { GITLAB_TOKEN: 'x', CI_PROJECT_NAMESPACE: 'n' }).gitlab.url).toBe(
      'https://gitlab.com',
    );
    expect(auditSettings({ apiTokenEnv: 'MY_TOKEN', group: '/g/' }, { MY_TOKEN: 'y' })).toMatchObject({
      gitlab: { apiToken: 'y' },
      group: 'g',
    });
  });
  test.each([
    [{}, { GITLAB_TOKEN: 'x' }, '--group'],
    [{ group: 'g' }, {}, 'GITLAB_TOKEN'],
    [{ group: 'g', apiTokenEnv: 'MINE' }, { GITLAB_TOKEN: 'x' }, 'MINE'],
    [{ group: 'g', apiTokenEnv: 'no-dash' }, { GITLAB_TOKEN: 'x' }, '--api-token-env'],
    [{ group: 'g', minDaysLeft: 'soon' }, { GITLAB_TOKEN: 'x' }, '--min-days-left'],
    [{ group: 'g', ephemeralOlderThan: '6' }, { GITLAB_TOKEN: 'x' }, '--ephemeral-older-than'],
    [{ group: 'g', format: 'yaml' }, { GITLAB_TOKEN: 'x' }, '--format'],
    [{ group: 'g', gitlabUrl: 'ftp://x' }, { GITLAB_TOKEN: 'x' }, '--gitlab-url'],
  ])('usage error %j', (flags, e, needle) => {
    expect(() => auditSettings(flags, e)).toThrow(UsageError);
    expect(() => auditSettings(flags, e)).toThrow(needle);
  });
});

describe('gather', () => {
  test('deploy-token names and usernames lose control, bidi and invisible characters at the API boundary', () => {
    const raw = (name: string, username: string) => ({
      id: 13,
      name,
      username,
      expires_at: null,
      revoked: false,
      scopes: ['read_registry'],
    });
    for (const c of [...INVISIBLE_CHARS, '\u001b', '\n', '\u0085', '\u2028']) {
      expect(asDeployToken(raw(`a${c}b`, `u${c}v`))).toMatchObject({ name: 'a?b', username: 'u?v' });
    }
    expect(asDeployToken(raw(HOSTILE.rtl, 'gitlab+deploy-token-13')).name).toBe('?nekot-yolped-baltig');
    // GitLab's special name and ordinary text are left alone.
    expect(asDeployToken(raw('gitlab-deploy-token', 'gitlab+deploy-token-13')).name).toBe(
      'gitlab-deploy-token',
    );
    expect(asDeployToken(raw('déploiement 🚀 prod', 'x')).name).toBe('déploiement 🚀 prod');
  });

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
    expect(t.ancestors).toEqual([{ id: 99, fullPath: 'group 99', tokens: undefined, variables: undefined }]);
    expect(t.version).toBe('15.0.5-ee');
    expect(JSON.stringify(t)).not.toContain('gldt-');
    expect(c.paths.filter((p) => p.includes('/projects/11') || p.includes('/projects/12'))).toEqual([]);
  });

  test('groups above the audited one: tokens and CI/CD variables, one listing each; refused ones are unreadable', async () => {
    const c = fakeClient((p) => {
      if (p === '/groups/99') return { id: 99, full_path: 'org/mid', parent_id: 98 };
      if (p === '/groups/98') return { id: 98, full_path: 'org', parent_id: 97 };
      if (p === '/groups/97') return new GitLabApiError('403', '/groups/:id', 403);
      if (p === '/groups/99/variables') return new GitLabApiError('403', '/groups/:id/variables', 403);
      if (p === '/groups/98/deploy_tokens')
        return new GitLabApiError('403', '/groups/:id/deploy_tokens', 403);
      if (p === '/groups/98/variables')
        return [
          { key: 'CI_DEPLOY_USER', value: 'org-deployer', masked: false },
          { key: 'CI_DEPLOY_PASSWORD', value: 'gldt-neverKeepThisValue2', masked: true },
          { key: 'OTHER', value: 'x' },
        ];
      return base(p);
    });
    const t = await gatherTree(c, 'top');
    expect(t.ancestors).toEqual([
      { id: 99, fullPath: 'org/mid', tokens: [], variables: undefined },
      {
        id: 98,
        fullPath: 'org',
        tokens: undefined,
        variables: [
          {
            key: 'CI_DEPLOY_USER',
            value: 'org-deployer',
            hidden: false,
            masked: false,
            protected: false,
            environmentScope: '*',
          },
          {
            key: 'CI_DEPLOY_PASSWORD',
            value: null,
            hidden: false,
            masked: true,
            protected: false,
            environmentScope: '*',
          },
        ],
      },
      { id: 97, fullPath: 'group 97', tokens: undefined, variables: undefined },
    ]);
    expect(JSON.stringify(t)).not.toContain('gldt-');
    for (const id of [99, 98]) expect(c.paths.filter((p) => p === `/groups/${id}/variables`)).toHaveLength(1);
    // A group the API token cannot see is not asked for more.
    expect(c.paths.filter((p) => p.startsWith('/groups/97/'))).toEqual([]);
  });

  test('an ancestor answering 500 on its variables is not mistaken for "no access"', async () => {
    const c = fakeClient((p) => {
      if (p === '/groups/99') return { id: 99, full_path: 'org', parent_id: null };
      if (p === '/groups/99/variables') return new GitLabApiError('500', p, 500);
      return base(p);
    });
    await expect(gatherTree(c, 'top')).rejects.toMatchObject({ status: 500 });
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
