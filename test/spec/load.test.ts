/**
 * loadSpec / loadSpecFile, the API the rest of deploy-token calls: the spec comes back only when no
 * finding is an error; every finding has a rule id, a severity and a real position; an unreadable
 * file is a UsageError (exit 2); loading stays fast because the validator is precompiled.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../src/core/errors.js';
import { createSpecLoader, loadSpec, loadSpecFile, MAX_SPEC_BYTES } from '../../src/validate/spec/load.js';
import type { Spec } from '../../src/spec/types.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

const VALID = `version: 1
gitlab: { url: https://gitlab.example.com, project: tanuki/awesome_project }
jobs:
  build:
    scopes: [read_registry, write_registry]
    configure: [docker]
    variables: { REGISTRY_USER: "{{ username }}" }
    run: ["docker push $CI_REGISTRY_IMAGE:latest"]
`;

describe('loadSpec', () => {
  it('returns the spec as plain data when it is valid', () => {
    const { spec, findings } = loadSpec(VALID, 'deploy-token.yml');
    expect(findings).toEqual([]);
    const expected: Spec = {
      version: 1,
      gitlab: { url: 'https://gitlab.example.com', project: 'tanuki/awesome_project' },
      jobs: {
        build: {
          scopes: ['read_registry', 'write_registry'],
          configure: ['docker'],
          variables: { REGISTRY_USER: '{{ username }}' },
          run: ['docker push $CI_REGISTRY_IMAGE:latest'],
        },
      },
    };
    expect(spec).toEqual(expected);
  });

  it('resolves anchors, aliases and merge keys in the returned spec', () => {
    const { spec } = loadSpec(
      'version: 1\nx-s: &s {scopes: [read_registry]}\njobs:\n  a: {<<: *s}\n  b: *s\n',
      'f.yml',
    );
    expect(spec?.jobs).toEqual({ a: { scopes: ['read_registry'] }, b: { scopes: ['read_registry'] } });
  });

  it('returns no spec when a finding is an error, with rule id, severity and position', () => {
    const { spec, findings } = loadSpec(
      'version: 1\njobs:\n  build:\n    scopes: [read_registy]\n',
      'spec.yml',
    );
    expect(spec).toBeUndefined();
    expect(findings).toEqual([
      expect.objectContaining({
        ruleId: 'schema',
        severity: 'error',
        file: 'spec.yml',
        line: 4,
        col: 14,
        endLine: 4,
        endCol: 26,
      }),
    ]);
    expect(findings[0]!.message).toContain('did you mean "read_registry"?');
  });

  it('keeps the spec when findings are only warnings', () => {
    const { spec, findings } = loadSpec(
      'version: 1\njobs:\n  a:\n    scopes: [read_registry]\n    export: [dotenv]\n',
      's.yml',
    );
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['dotenv-export', 'warning']]);
    expect(spec?.jobs.a?.export).toEqual(['dotenv']);
  });

  it('reports syntax errors as findings, never by throwing', () => {
    for (const text of [
      'version: 1\njobs: [\n',
      'a: b: c',
      '\t- x',
      'jobs:\n  a: 1\n  a: 2\n',
      '%YAML 9\n---\n',
      '*x',
    ]) {
      const r = loadSpec(text, 'bad.yml');
      expect(r.spec).toBeUndefined();
      expect(r.findings.length).toBeGreaterThan(0);
      for (const f of r.findings) {
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.col).toBeGreaterThanOrEqual(1);
        expect(f.message).not.toMatch(/\n|at .*\.(ts|js):\d+/);
      }
    }
  });

  it('reports an empty file', () => {
    expect(loadSpec('', 'e.yml')).toEqual({
      findings: [expect.objectContaining({ ruleId: 'schema', line: 1, col: 1 })],
    });
    expect(loadSpec('# only a comment\n', 'e.yml').spec).toBeUndefined();
  });

  it('refuses files over the size limit before parsing', () => {
    const big = `version: 1\njobs: {}\n# ${'x'.repeat(MAX_SPEC_BYTES)}\n`;
    const { spec, findings } = loadSpec(big, 'big.yml');
    expect(spec).toBeUndefined();
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'file-too-large', line: 1, col: 1 })]);
    expect(findings[0]!.message).toMatch(/^file is 1\.0 MiB; expected at most 1\.0 MiB$/);
  });

  it('refuses an alias bomb quickly', () => {
    let text = 'version: 1\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 12; i++)
      text += `x${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    text += 'jobs: {}\n';
    const t0 = performance.now();
    const { findings } = loadSpec(text, 'bomb.yml');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(findings.map((f) => f.ruleId)).toEqual(['yaml-limit']);
    expect(findings[0]!.message).toContain('alias bomb');
  });

  it('loads a typical spec in a few milliseconds (no schema compilation at run time)', () => {
    loadSpec(VALID, 'warm.yml');
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) loadSpec(VALID, 'deploy-token.yml');
    expect((performance.now() - t0) / 20).toBeLessThan(20);
  });
});

describe('loadSpecFile', () => {
  it('reads and validates a file', async () => {
    const r = await loadSpecFile(`${root}examples/deploy-token.yml`);
    expect(r.findings).toEqual([]);
    expect(r.spec?.jobs.build?.configure).toContain('docker');
  });

  it('throws a UsageError (exit 2) for an unreadable file', async () => {
    await expect(loadSpecFile(`${root}no/such/deploy-token.yml`)).rejects.toBeInstanceOf(UsageError);
    await expect(loadSpecFile(`${root}no/such/deploy-token.yml`)).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('ENOENT'),
    });
  });
});

describe('examples/', () => {
  const files = readdirSync(`${root}examples`).filter((f) => /\.ya?ml$/.test(f));
  it('has the main example', () => expect(files).toContain('deploy-token.yml'));
  it.each(files)('%s is valid, with no finding, and names the schema for editors', (f) => {
    const text = readFileSync(`${root}examples/${f}`, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.\/schemas\/deploy-token\.schema\.json$/m);
    const r = loadSpec(text, f);
    expect(r.findings).toEqual([]);
    expect(r.spec).toBeDefined();
  });
});

describe('createSpecLoader: a run loads and validates its spec once', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dt-spec-once-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads, parses and validates each path on the first call only, however often it is asked', async () => {
    const path = join(dir, 'deploy-token.yml');
    writeFileSync(path, VALID);
    let reads = 0;
    const loader = createSpecLoader(async (p) => {
      reads++;
      return loadSpecFile(p);
    });
    const [a, b] = await Promise.all([loader.load(path), loader.load(path)]);
    const spec = await loader.valid(path);
    expect(reads).toBe(1);
    expect(a).toBe(b);
    expect(spec).toBe(a.spec);
    // A change on disk after the first read is not seen: one run, one spec.
    writeFileSync(path, 'version: 2\n');
    expect(await loader.valid(path)).toBe(spec);
    expect(reads).toBe(1);
    // Another run reads it again, and refuses it.
    await expect(createSpecLoader().valid(path)).rejects.toThrow(UsageError);
  });

  it('valid() names the first errors and how to see them all (exit 2)', async () => {
    const path = join(dir, 'bad.yml');
    writeFileSync(path, 'version: 1\njobs:\n  j:\n    scopes: [write_everything]\n');
    const e = await createSpecLoader()
      .valid(path)
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).message).toMatch(/^the spec is invalid:\n {2}.*bad\.yml:4:\d+: .*\[schema\]/);
    expect((e as UsageError).hint).toBe(`run \`deploy-token validate ${path}\` for every finding`);
    expect((e as UsageError).exitCode).toBe(2);
  });
});
