/**
 * The YAML layer: positions of the real source node through anchors, aliases and `<<` merge keys;
 * syntax errors (bad indentation, duplicate keys, unclosed flow) as findings with positions, never a
 * stack trace; files over the size limit and alias bombs refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeSpec } from '../../src/validate/spec/load.js';
import { parseYaml } from '../../src/yaml/read.js';
import { get, lineCol, toPlain, type YNode } from '../../src/yaml/tree.js';
import { runValidate } from '../../src/validate/run.js';

const LIMITS = { maxBytes: 1 << 20, maxNodes: 100_000, maxDepth: 100 };
/** `line:col code: message` of each problem (whole-file problems at 1:1). */
const problems = (t: string, limits = LIMITS) =>
  parseYaml(t, 'f.yml', limits).problems.map((p) => {
    const { line, col } = p.span ? lineCol(p.span.src, p.span.start) : { line: 1, col: 1 };
    return `${line}:${col} ${p.code}: ${p.message}`;
  });
const codes = (t: string, limits = LIMITS) => parseYaml(t, 'f.yml', limits).problems.map((p) => p.code);
const pos = (n: YNode | undefined) => (n ? lineCol(n.span.src, n.span.start) : undefined);

describe('positions through anchors, aliases and merge keys', () => {
  const text = 'base: &base\n  image: docker\n  list: &list [a, b]\njob:\n  <<: *base\n  script: *list\n';
  const { docs } = parseYaml(text, 'f.yml', LIMITS);
  const root = docs[0]!;

  it('an alias is the anchored node itself, at the anchor’s line', () => {
    const script = get(get(root, 'job'), 'script');
    expect(pos(script)).toEqual({ line: 3, col: 15 }); // the anchored node, after `&list `
    expect(script).toBe(get(get(root, 'base'), 'list'));
  });
  it('a merged key keeps the anchor’s position and remembers the merge site', () => {
    const job = get(root, 'job');
    const image = job?.kind === 'map' ? job.byKey.get('image') : undefined;
    expect(pos(image?.value)).toEqual({ line: 2, col: 10 });
    expect(image?.via?.kind).toBe('merge');
    expect(lineCol(image!.via!.span.src, image!.via!.span.start)).toEqual({ line: 5, col: 3 });
  });
  it('plain data expands aliases and merges', () => {
    expect(toPlain(root)).toEqual({
      base: { image: 'docker', list: ['a', 'b'] },
      job: { script: ['a', 'b'], image: 'docker', list: ['a', 'b'] },
    });
  });
  it('explicit keys win over merged ones; earlier merge sources over later ones', () => {
    const t = 'a: &a {x: 1, y: 1}\nb: &b {x: 2, z: 2}\nc:\n  <<: [*a, *b]\n  y: 3\n';
    expect(toPlain(parseYaml(t, 'f', LIMITS).docs[0]!)).toMatchObject({ c: { x: 1, y: 3, z: 2 } });
  });
});

describe('syntax errors are findings with positions', () => {
  const findings = problems;
  it('bad indentation', () => {
    expect(findings('a:\n  b: 1\n c: 2\n')).toEqual([
      '3:2 syntax: all mapping items must start at the same column',
    ]);
  });
  it('duplicate keys, naming the first', () => {
    expect(findings('a: 1\nb: 2\na: 3\n')).toEqual([
      '3:1 syntax: key "a" is defined twice (first at line 1); expected each key once',
    ]);
  });
  it('unclosed flow collections and quotes, at their opening character', () => {
    expect(findings('a: [1, 2\nb: 3\n')).toEqual([
      '1:4 syntax: unclosed flow sequence: expected ] to close this [',
    ]);
    expect(findings('a: {x: 1\nb: 3\n')).toEqual([
      '1:4 syntax: unclosed flow mapping: expected } to close this {',
    ]);
    expect(findings('a: "x\nb: 1\n')).toEqual([
      '1:4 syntax: unclosed double-quoted string: expected " to end it',
    ]);
  });
  it('tabs, reported once', () => {
    expect(findings('a:\n\t- b\n')).toEqual([
      '2:1 syntax: tabs are not allowed as indentation; expected spaces',
    ]);
  });
  it('an alias with no anchor', () => {
    expect(findings('a: *nope\n')).toEqual([
      '1:4 syntax: unknown anchor &nope; expected an anchor defined before the alias',
    ]);
  });
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            'a',
            ':',
            ' ',
            '\n',
            '-',
            '[',
            ']',
            '{',
            '}',
            '&',
            '*',
            '!',
            '"',
            "'",
            '#',
            '<',
            '\t',
            '|',
            '>',
            '?',
            ',',
          ),
          maxLength: 80,
        }),
        (t) => {
          const r = analyzeSpec(t, 'fuzz.yml');
          for (const f of r.findings) {
            expect(f.line).toBeGreaterThanOrEqual(1);
            expect(f.col).toBeGreaterThanOrEqual(1);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
  it('runValidate prints a syntax error as a finding, not a trace', async () => {
    let out = '';
    let err = '';
    const dir = new URL('../../', import.meta.url).pathname;
    const code = await runValidate(
      ['test/validate/err/spec-syntax-flow.yml'],
      { format: 'text', cwd: dir },
      { write: (s) => (out += s) },
      { write: (s) => (err += s) },
    );
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).not.toMatch(/\bat .+:\d+:\d+\)?$/m);
  });
});

describe('limits', () => {
  it('refuses a file over the size limit before parsing', () => {
    const r = parseYaml(`a: ${'x'.repeat(2000)}\n`, 'big.yml', { ...LIMITS, maxBytes: 1024 });
    expect(r.problems).toEqual([
      { code: 'file-too-large', message: 'file is 2 KiB; expected at most 1 KiB' },
    ]);
    expect(r.docs).toEqual([]);
  });
  it('refuses a billion laughs in linear time', () => {
    let t = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++)
      t += `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const t0 = performance.now();
    const r = parseYaml(t, 'bomb.yml', LIMITS);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.problems.map((p) => p.code)).toEqual(['yaml-limit']);
  });
  it('refuses an alias that contains itself, and nesting deeper than the limit', () => {
    expect(codes('a: &a [*a]\n')).toEqual(['yaml-limit']);
    expect(codes(`a: ${'['.repeat(150)}${']'.repeat(150)}\n`)).toEqual(['yaml-limit']);
  });
});

describe('expansion is bounded before anything is built (anchors, aliases and merge keys together)', () => {
  // Each member of the class grows quadratically or exponentially from a small source; each is one
  // problem, found before a tree is built (a test that built it would run for minutes or run out of
  // memory before its timeout).
  const chain = (n: number) => {
    const lines = ['a0: &a0 {k0: 0}'];
    for (let i = 1; i < n; i++) lines.push(`a${i}: &a${i}`, `  <<: *a${i - 1}`, `  k${i}: ${i}`);
    return `${lines.join('\n')}\n`;
  };
  const mergeLists = (n: number) => {
    const lines = ['b0: &b0 {x0: 0}', 'c0: &c0 {y0: 0}'];
    for (let i = 1; i < n; i++)
      lines.push(
        `b${i}: &b${i}`,
        `  <<: [*b${i - 1}, *c${i - 1}]`,
        `  x${i}: ${i}`,
        `c${i}: &c${i} {y${i}: ${i}}`,
      );
    return `${lines.join('\n')}\n`;
  };
  const nestedLists = (n: number) => {
    const lines = ['l0: &l0 [x, x, x, x]'];
    for (let i = 1; i < n; i++) lines.push(`l${i}: &l${i} [[*l${i - 1}, *l${i - 1}], [*l${i - 1}]]`);
    return `${lines.join('\n')}\n`;
  };
  const fanOut = (n: number) => {
    const lines = ['big: &big {' + Array.from({ length: 200 }, (_, i) => `k${i}: v`).join(', ') + '}'];
    for (let i = 0; i < n; i++) lines.push(`use${i}: *big`);
    return `${lines.join('\n')}\n`;
  };
  const ci = { maxBytes: 2 * 1024 * 1024, maxNodes: 1_000_000, maxDepth: 100 };

  it.each([
    ['a chain of 8,000 merges (`<<: *prev`) in about 300 KB', chain(8000)],
    ['merge lists `<<: [*a, *b]` chained', mergeLists(3000)],
    ['lists of aliases nested in lists', nestedLists(40)],
    ['one alias of a 200-key mapping used 10,000 times', fanOut(10_000)],
  ])('%s: one yaml-limit problem at the document', (_name, text) => {
    const r = parseYaml(text, 'f.yml', ci);
    expect(r.docs).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'yaml-limit',
        'anchors, aliases and merge keys expand to more than 1,000,000 nodes; refusing a possible alias bomb',
      ],
    ]);
  });

  it('the same merge chain in a spec, and in a .gitlab-ci.yml through validate: one finding, exit 1', async () => {
    const a = analyzeSpec(`version: 1\njobs: {}\n${chain(8000)}`, 'deploy-token.yml');
    expect(a.findings.map((f) => f.ruleId)).toEqual(['yaml-limit']);
    expect(a.spec).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'dt-yaml-'));
    try {
      writeFileSync(join(dir, '.gitlab-ci.yml'), chain(8000));
      let out = '';
      const code = await runValidate(
        ['.gitlab-ci.yml'],
        { format: 'json', cwd: dir },
        { write: (s) => (out += s) },
        { write: () => undefined },
      );
      expect(code).toBe(1);
      expect((JSON.parse(out) as { ruleId: string }[]).map((f) => f.ruleId)).toEqual(['yaml-limit']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('what real pipelines do stays accepted: 2,000 jobs merging one anchor, short merge chains', () => {
    const jobs = ['.defaults: &defaults {image: docker, tags: [docker], rules: [{if: $X}]}'];
    for (let i = 0; i < 2000; i++) jobs.push(`job${i}:`, '  <<: *defaults', `  script: [echo ${i}]`);
    expect(parseYaml(`${jobs.join('\n')}\n`, 'f.yml', ci).problems).toEqual([]);
    const r = parseYaml(chain(200), 'f.yml', ci);
    expect(r.problems).toEqual([]);
    expect(toPlain(r.docs[0]!)).toMatchObject({ a199: { k0: 0, k199: 199 } });
  });
});
