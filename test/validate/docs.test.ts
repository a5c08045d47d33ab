/**
 * Docs cannot drift from behaviour: every example marked `<!-- validate-example: FILE -->` in README.md
 * or docs/validate.md is written to FILE in an empty directory and validated; the ```text block that
 * follows it (if any) is the exact expected output, and no block means no finding. docs/validate.md
 * also lists every rule id with its severity.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../src/validate/known-rules.js';
import { runValidate } from '../../src/validate/run.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Example {
  doc: string;
  file: string;
  yaml: string;
  expected: string;
}

const EXAMPLE = /<!-- validate-example: (\S+) -->\s*```ya?ml\n([\s\S]*?)```(?:\s*```text\n([\s\S]*?)```)?/g;

function examples(doc: string): Example[] {
  const path = join(root, doc);
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(EXAMPLE)].map((m) => ({
    doc,
    file: m[1] ?? '',
    yaml: m[2] ?? '',
    expected: m[3] ?? '',
  }));
}

const all = [...examples('README.md'), ...examples('docs/validate.md')];

describe('documented examples', () => {
  it('exist', () => expect(all.length).toBeGreaterThanOrEqual(4));

  it.each(all.map((e, i) => [`${e.doc} #${i + 1} (${e.file})`, e] as const))(
    '%s gives the documented output',
    async (_name, ex) => {
      const dir = mkdtempSync(join(tmpdir(), 'dt-doc-'));
      try {
        writeFileSync(join(dir, ex.file), ex.yaml);
        let out = '';
        let err = '';
        const code = await runValidate(
          [ex.file],
          { format: 'text', cwd: dir },
          { write: (s) => (out += s) },
          { write: (s) => (err += s) },
        );
        expect(err).toBe('');
        expect(out).toBe(ex.expected);
        if (ex.expected === '') expect(code).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('docs/validate.md', () => {
  const doc = readFileSync(join(root, 'docs/validate.md'), 'utf8');
  it.each(RULES.map((r) => [r.id, r] as const))('lists rule %s with its severity', (id, info) => {
    expect(doc).toContain(`| \`${id}\` | ${info.severity} |`);
  });
});
