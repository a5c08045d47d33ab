/** Export round trips: each writer's output read back by an independent reader of its real consumer. */
import { loadTemplating } from '../../src/export/templating.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { renderDotenv } from '../../src/export/dotenv.js';
import { prepareGithub, writeGithub } from '../../src/export/github.js';
import { inRunner } from '../helpers/action.js';
import { checkExportName, STEERING_GROUPS, STEERING_NAMES } from '../../src/export/names.js';
import { checkVariables } from '../../src/export/variables.js';
import { renderSpecVariables } from '../../src/export/render.js';
import type { ExportVariable } from '../../src/export/variables.js';
import { record } from '../helpers/report.js';
import { parseGithubFile, parseGitlabDotenv } from './parsers.js';

const v = (name: string, value: string, secret = false): ExportVariable => ({ name, value, secret });

// The renderers use the template engine loaded on demand (src/export/templating.ts).
beforeAll(() => loadTemplating());

describe('GITHUB_ENV / GITHUB_OUTPUT written by @actions/core, read back as the runner reads them', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dt-gh-'));
    for (const f of ['env', 'out']) writeFileSync(join(dir, f), '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const files = () => ({ GITHUB_ENV: join(dir, 'env'), GITHUB_OUTPUT: join(dir, 'out') });
  /** prepareGithub + writeGithub with the runner's files in process.env; what reached stdout. */
  async function write(vars: ExportVariable[], outputs: Record<string, string>, masks: string[] = []) {
    let out = '';
    await inRunner(files(), { write: (s) => void (out += s) }, async () =>
      writeGithub(prepareGithub(vars, outputs, masks, process.env)),
    );
    const read = (f: string) => readFileSync(join(dir, f), 'utf8');
    return { out, env: read('env'), output: read('out') };
  }

  test('values with newlines, = and quotes come back exactly', async () => {
    const vars = [
      v('CI_DEPLOY_USER', 'gitlab+deploy-token-1'),
      v('CI_DEPLOY_PASSWORD', 'a=b\nc"d\'e\r\n$(x)', true),
    ];
    const w = await write(vars, { username: 'gitlab+deploy-token-1' }, ['a=b']);
    expect(parseGithubFile(w.env)).toEqual({
      CI_DEPLOY_USER: 'gitlab+deploy-token-1',
      CI_DEPLOY_PASSWORD: 'a=b\nc"d\'e\r\n$(x)',
    });
    expect(parseGithubFile(w.output)).toEqual({ username: 'gitlab+deploy-token-1' });
    // The delimiter is the library's: random per value, never in the value.
    expect(w.env).toMatch(/^CI_DEPLOY_USER<<ghadelimiter_[0-9a-f-]{36}$/m);
  });
  test('masks first, as workflow commands with %, CR and LF escaped', async () => {
    const w = await write([v('A', 'x')], {}, ['s3cr%t\nline2']);
    expect(w.out).toBe('::add-mask::s3cr%25t%0Aline2\n');
  });
  test('a name the runner cannot take is refused before anything is written', () => {
    expect(() => prepareGithub([v('A=B', 'x')], {}, [], files())).toThrow(
      expect.objectContaining({ exitCode: 2 }),
    );
  });
  test('property: any value round-trips', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary' }), async (value) => {
        writeFileSync(join(dir, 'env'), '');
        const w = await write([v('X', value)], {});
        expect(parseGithubFile(w.env).X).toBe(value);
      }),
      { numRuns: 300 },
    );
    record('property', 300, 'GITHUB_ENV round trip through @actions/core');
  });
});

describe('dotenv for artifacts:reports:dotenv (lib/gitlab/ci/parsers/dotenv_variable.rb)', () => {
  test('refuses the password without --allow-unmasked-dotenv, naming the flag and safer ways', () => {
    expect(() => renderDotenv([v('CI_DEPLOY_PASSWORD', 'gldt-x', true)], { allowUnmasked: false })).toThrow(
      expect.objectContaining({ exitCode: 2, hint: expect.stringContaining('--allow-unmasked-dotenv') }),
    );
  });
  test("with the flag, values come back through GitLab's parser exactly", () => {
    const text = renderDotenv(
      [v('CI_DEPLOY_USER', 'gitlab+deploy-token-1'), v('CI_DEPLOY_PASSWORD', 'gldt-AbC_-123', true)],
      {
        allowUnmasked: true,
      },
    );
    expect(parseGitlabDotenv(text)).toEqual({
      CI_DEPLOY_USER: 'gitlab+deploy-token-1',
      CI_DEPLOY_PASSWORD: 'gldt-AbC_-123',
    });
  });
  test.each([
    ['a line break', 'a\nB=c'],
    ['KEY=VALUE smuggling through "="', 'x=y'],
    ['leading white space', ' x'],
    ['trailing white space', 'x '],
    ['a control character', 'a\u0000b'],
  ])('refuses a value with %s', (_n, value) => {
    expect(() => renderDotenv([v('A', value)], { allowUnmasked: true })).toThrow(
      expect.objectContaining({ exitCode: 2 }),
    );
  });
  test('at most 20 variables and under 5 KB', () => {
    const many = Array.from({ length: 21 }, (_, i) => v(`V${i}`, 'x'));
    expect(() => renderDotenv(many, { allowUnmasked: true })).toThrow(/at most 20/);
    expect(() => renderDotenv([v('BIG', 'x'.repeat(5200))], { allowUnmasked: true })).toThrow(/5120/);
  });
  test("property: whatever is accepted comes back exactly through GitLab's parser", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,8}$/), fc.string({ maxLength: 30 })), {
          maxLength: 5,
        }),
        (pairs) => {
          const uniq = [...new Map(pairs).entries()].map(([k, val]) => v(k, val));
          let text: string;
          try {
            text = renderDotenv(uniq, { allowUnmasked: true });
          } catch {
            return; // refused: nothing written
          }
          expect(parseGitlabDotenv(text)).toEqual(Object.fromEntries(uniq.map((x) => [x.name, x.value])));
        },
      ),
      { numRuns: 3000 },
    );
    record('property', 3000, "dotenv round trip through GitLab's parser");
  });
});

describe('variable names', () => {
  test.each(['PATH', 'LD_PRELOAD', 'NODE_OPTIONS', 'BASH_ENV', 'path'])('%s is refused', (n) => {
    expect(checkExportName(n)).toMatch(/refused/);
  });
  test.each(['1ABC', 'A-B', 'A B', '', 'A=B', 'ä'])('%j is not a name', (n) => {
    expect(checkExportName(n)).toMatch(/not a valid variable name/);
  });
  test('ordinary names pass', () => {
    expect(checkExportName('REGISTRY_USER')).toBeUndefined();
  });
  test('every listed name and prefix is refused, in any case, with its reason', () => {
    for (const s of STEERING_NAMES) {
      const name = s.name.endsWith('*') ? `${s.name.slice(0, -1)}X` : s.name;
      for (const n of [name, name.toLowerCase()])
        expect(checkExportName(n)).toBe(`${n} is refused: ${s.why}`);
    }
    expect(STEERING_NAMES.length).toBeGreaterThan(60);
  });
  test('docs/security.md lists every refused name with its reason', () => {
    const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| (`[^|]+`) +\| (.+?) +\|$/gm)].map((m) => ({
      names: [...(m[1] ?? '').matchAll(/`([^`]+)`/g)].map((n) => n[1]),
      why: m[2],
    }));
    expect(rows).toEqual(STEERING_GROUPS.map((g) => ({ names: g.names, why: g.why })));
  });
  test.each([
    'NODE_AUTH_TOKEN',
    'CI_DEPLOY_USER',
    'CI_DEPLOY_PASSWORD',
    'REGISTRY_AUTH_FILE',
    'GITLAB_HOST',
    'PATHNAME',
    'HOMEBREW',
  ])('%s is not a steering name', (n) => expect(checkExportName(n)).toBeUndefined());
  test('a spec variable with a steering name refuses the whole export (exit 2), before anything is written', () => {
    expect(() =>
      checkVariables([
        { name: 'CI_DEPLOY_USER', value: 'u', secret: false },
        { name: 'GITHUB_PATH', value: '/tmp/evil', secret: false },
      ]),
    ).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: expect.stringMatching(/^GITHUB_PATH is refused: the GitHub runner/),
      }),
    );
  });
});

describe('spec variables rendered by nunjucks', () => {
  const values = {
    username: 'u',
    password: 'gldt-secretsecretsecretse',
    gitlab_url: 'https://gitlab.example.com',
    gitlab_host: 'gitlab.example.com',
    api_url: 'https://gitlab.example.com/api/v4',
    registry: 'registry.example.com',
    dependency_proxy: 'gitlab.example.com:443',
    project_id: 3,
    project_path: 'tanuki/awesome_project',
    token_id: 11,
    expires_at: 'never',
    scopes: ['read_registry'],
  };
  test('renders values; a value holding the password is secret', () => {
    const out = renderSpecVariables(
      { REG_USER: '{{ username }}', REG_AUTH: '{{ username }}:{{ password }}' },
      values,
      values.password,
    );
    expect(out).toEqual([
      { name: 'REG_USER', value: 'u', secret: false },
      { name: 'REG_AUTH', value: `u:${values.password}`, secret: true },
    ]);
  });
  test('an unknown value is an error (strict undefined), not an empty string', () => {
    expect(() => renderSpecVariables({ X: '{{ nope }}' }, values, values.password)).toThrow(
      expect.objectContaining({ exitCode: 2 }),
    );
  });
  test.each([
    '{{ process.env.HOME }}',
    "{{ range.constructor('return process')() }}",
    "{{ username.constructor.constructor('return process')() }}",
    "{{ username['constructor'] }}",
    '{{ username[password] }}',
    '{{ cycler() }}',
    '{% set x = 1 %}',
    "{% include 'x' %}",
    '{{ username | nope }}',
  ])('templates cannot reach anything but the values: %s', (t) => {
    expect(() => renderSpecVariables({ X: t }, values, values.password)).toThrow(
      expect.objectContaining({ exitCode: 2 }),
    );
  });
  test('allowed constructs still work', () => {
    const out = renderSpecVariables(
      {
        A: '{{ scopes | join(",") }}',
        B: '{% if registry %}{{ registry | upper }}{% endif %}',
        C: '{{ (username + ":" + password) | base64 }}',
      },
      values,
      values.password,
    );
    expect(out.map((x) => x.secret)).toEqual([false, false, true]);
    expect(out.map((x) => x.value)).toEqual([
      'read_registry',
      'REGISTRY.EXAMPLE.COM',
      Buffer.from(`u:${values.password}`).toString('base64'),
    ]);
  });
});

describe('writing GITHUB_ENV and GITHUB_OUTPUT: all or nothing', () => {
  test('when GITHUB_OUTPUT cannot be written, GITHUB_ENV is left as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-gh-'));
    try {
      const envFile = join(dir, 'env');
      const outFile = join(dir, 'out');
      writeFileSync(envFile, 'EARLIER=1\n');
      writeFileSync(outFile, '');
      const w = prepareGithub([v('A', 'secret-value', true)], { username: 'u' }, [], {
        GITHUB_ENV: envFile,
        GITHUB_OUTPUT: outFile,
      });
      // The output file goes away between the check and the write (the library refuses a missing file).
      rmSync(outFile);
      await expect(inRunner({}, { write: () => undefined }, async () => writeGithub(w))).rejects.toEqual(
        expect.objectContaining({ exitCode: 2 }),
      );
      expect(readFileSync(envFile, 'utf8')).toBe('EARLIER=1\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a missing GITHUB_ENV is refused when prepared, naming it', () => {
    expect(() =>
      prepareGithub([v('A', 'x')], {}, [], {
        GITHUB_ENV: '/nonexistent/env',
        GITHUB_OUTPUT: '/nonexistent/out',
      }),
    ).toThrow(/cannot write GITHUB_ENV/);
  });
});
