/**
 * actionlint's pattern: every test/validate/ok/*.yml gives no finding; every test/validate/err/*.yml
 * gives exactly the lines of its golden .out file (text format, no colour). One table runs them all.
 * Regenerate the golden files after a deliberate change with UPDATE_GOLDEN=1 (then review the diff).
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runValidate } from '../../src/validate/run.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = (d: string) => join(root, 'test', 'validate', d);
const yamlFiles = (d: string) =>
  readdirSync(dir(d))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();

async function validate(rel: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runValidate(
    [rel],
    { format: 'text', cwd: root, color: false },
    { write: (s) => (out += s) },
    { write: (s) => (err += s) },
  );
  return { code, out, err };
}

describe('ok/: files that must give no finding', () => {
  const files = yamlFiles('ok');
  it('has cases', () => expect(files.length).toBeGreaterThan(3));
  it.each(files)('%s', async (f) => {
    const r = await validate(`test/validate/ok/${f}`);
    expect(r.err).toBe('');
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('err/: files whose findings match their golden .out', () => {
  const files = yamlFiles('err');
  it('has cases', () => expect(files.length).toBeGreaterThan(10));
  it.each(files)('%s', async (f) => {
    const golden = join(dir('err'), f.replace(/\.ya?ml$/, '.out'));
    const r = await validate(`test/validate/err/${f}`);
    expect(r.err).toBe('');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, r.out);
    expect(existsSync(golden)).toBe(true);
    expect(r.out).toBe(readFileSync(golden, 'utf8'));
    // a golden file with an error-level finding means exit 1; only warnings/info exit 0
    expect(r.code === 1 || r.code === 0).toBe(true);
    expect(r.out).not.toBe('');
  });
});
