/**
 * The fast reader (src/yaml/events.ts, js-yaml's event stream) against the `yaml` library's reader
 * (src/yaml/composed.ts): wherever the fast reader answers, both give the same raw nodes (kind,
 * offsets, value, style, anchor, tag), on every YAML file of the repository, on generated CI-like
 * texts (anchors, merge keys, block scalars, comments, flow collections, several documents) and on
 * those texts mutated at random. Where it does not answer, the caller uses `yaml` as always.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter } from 'yaml';
import { parseComposed } from '../../src/yaml/composed.js';
import { corePlainValue, readEvents } from '../../src/yaml/events.js';
import type { RawNode } from '../../src/yaml/raw.js';

const LIMITS = { maxBytes: 1 << 30, maxNodes: 1e9, maxDepth: 100 };
const root = fileURLToPath(new URL('../../', import.meta.url));

/** One line per node, depth first: what the two readers must agree on. */
function dump(n: RawNode | null, out: string[] = []): string[] {
  if (n === null) {
    out.push('null');
    return out;
  }
  const v =
    n.kind === 'scalar' ? `${JSON.stringify(n.value)} ${n.style}` : n.kind === 'alias' ? `*${n.name}` : '';
  out.push(`${n.kind} ${n.start}-${n.end} ${v} &${n.anchor ?? ''} !${n.tag ?? ''}`);
  if (n.kind === 'seq') for (const it of n.items) dump(it, out);
  if (n.kind === 'map')
    for (const p of n.pairs) {
      dump(p.key, out);
      dump(p.value, out);
    }
  return out;
}

/** 'fast' when both agree, 'left' when the fast reader leaves the text to yaml, else the difference. */
function compare(text: string): string {
  const fast = readEvents(text, LIMITS.maxDepth);
  if (!fast) return 'left';
  const slow = parseComposed({ path: 'f.yml', text, lines: new LineCounter() }, LIMITS);
  if ('problems' in slow) return `fast reader accepts what yaml refuses: ${JSON.stringify(text)}`;
  const a = fast.flatMap((r) => dump(r)).join('\n');
  const b = slow.roots.flatMap((r) => dump(r)).join('\n');
  return a === b ? 'fast' : `differ on ${JSON.stringify(text)}\nfast:\n${a}\nyaml:\n${b}`;
}

/** A small deterministic generator (the same texts every run). */
function rng(seed: number): { rnd: () => number; pick: <T>(a: T[]) => T } {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  return { rnd, pick: <T>(a: T[]) => a[Math.floor(rnd() * a.length)] as T };
}

const SCALARS = [
  'a', 'job-1', 'echo "$X"', "it's", '0x1F', '0o17', '017', '-12', '+3', '1.50', '.5', '1e3', '-.inf',
  '.NaN', '~', 'null', 'Null', 'true', 'False', 'yes', '"q\\"x"', "'s''q'", '"multi\n  line"',
  'plain with: colon', '${{ a }}', '[x, y]', '{p: q, r: [1, 2]}', '[]', '{}', '"\\u00e9\\t"', "''", '*A',
  'docker push "$IMAGE:$CI_COMMIT_SHA"', '$[[ inputs.x ]]', 'ünï', '!reference [.a, b]',
]; // prettier-ignore
const KEYS = [
  'a',
  'b',
  'script',
  'variables',
  '"quoted key"',
  "'sq'",
  '.hidden',
  'x y',
  '<<',
  '1',
  'true',
  '~',
];

function generator(seed: number): () => string {
  const { rnd, pick } = rng(seed);
  const pad = (n: number) => ' '.repeat(Math.max(0, n));
  const comment = (ind: number) => (rnd() < 0.15 ? `${pad(ind + Math.floor(rnd() * 5) - 2)}# c\n` : '');
  const blank = () => (rnd() < 0.1 ? (rnd() < 0.5 ? '\n' : '   \n') : '');
  const block = (ind: number) => {
    const lines = [];
    for (let i = 0, n = 1 + Math.floor(rnd() * 3); i < n; i++)
      lines.push(rnd() < 0.15 ? '' : `${pad(ind + 2 + (rnd() < 0.2 ? 2 : 0))}line ${i}`);
    if (rnd() < 0.3) lines.push('');
    return `${pick(['|', '>', '|-', '>-', '|2', '|+'])}${rnd() < 0.1 ? ' # h' : ''}\n${lines.join('\n')}\n`;
  };
  const value = (ind: number, depth: number): string => {
    const r = rnd();
    const props = rnd() < 0.1 ? '&A ' : '';
    if (depth > 3 || r < 0.45) return `${props}${pick(SCALARS)}${rnd() < 0.1 ? '   # t' : ''}\n`;
    if (r < 0.55) return `${props}${block(ind)}`;
    if (r < 0.6) return `${props}\n`;
    if (r < 0.8) return `${props}\n${map(ind + 2, depth + 1)}`;
    return `${props}\n${seq(rnd() < 0.3 ? ind : ind + 2, depth + 1)}`;
  };
  const map = (ind: number, depth: number): string => {
    let out = '';
    const used = new Set<string>();
    for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++) {
      const k = pick(KEYS);
      if (used.has(k)) continue;
      used.add(k);
      if (k === '<<') out += `${pad(ind)}<<: *A\n`;
      else out += `${blank()}${comment(ind)}${pad(ind)}${k}:${rnd() < 0.1 ? '  ' : ' '}${value(ind, depth)}`;
    }
    return out + comment(ind) + blank();
  };
  const seq = (ind: number, depth: number): string => {
    let out = '';
    for (let i = 0, n = 1 + Math.floor(rnd() * 3); i < n; i++) {
      out += blank() + comment(ind);
      if (rnd() < 0.2 && depth < 4) out += `${pad(ind)}- ${map(ind + 2, depth + 1).trimStart()}`;
      else out += `${pad(ind)}- ${value(ind, depth)}`;
    }
    return out + comment(ind) + blank();
  };
  return () => {
    let t = (rnd() < 0.3 ? '.base: &A\n  x: 1\n' : '') + map(0, 0);
    if (rnd() < 0.1) t += `---\n${map(0, 0)}`;
    return rnd() < 0.2 ? t.replace(/\n$/, '') : t;
  };
}

const INSERTS = [
  ' ', '  ', '\t', ':', ': ', '#', ' # c', '|', '>', '|-', '"', "'", '-', '- ', '\n', '\n\n', '&a ', '*a',
  '[', ']', '{', '}', ',', '? ', '<<: *a\n', '\\', '!reference ', '~', '0x1F', '1e3', '\r\n', '   \n',
  'x: |\n  a\n\n',
]; // prettier-ignore

/** A window of a text's lines with up to three random edits. */
function mutate(texts: string[], seed: number, n: number): string[] {
  const { rnd, pick } = rng(seed);
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const lines = pick(texts).split('\n');
    const from = Math.floor(rnd() * lines.length);
    let t = lines.slice(from, from + 3 + Math.floor(rnd() * 25)).join('\n') + (rnd() < 0.8 ? '\n' : '');
    for (let j = 0, m = Math.floor(rnd() * 4); j < m; j++) {
      const at = Math.floor(rnd() * (t.length + 1));
      const op = rnd();
      if (op < 0.5) t = t.slice(0, at) + pick(INSERTS) + t.slice(at);
      else if (op < 0.8) t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rnd() * 3));
      else {
        const ls = t.split('\n');
        ls.splice(Math.floor(rnd() * ls.length), 0, pick(ls));
        t = ls.join('\n');
      }
    }
    out.push(t);
  }
  return out;
}

/** Runs `compare` over texts; fails with the first difference, returns how many took the fast path. */
function agreeOn(texts: string[]): number {
  let fast = 0;
  for (const t of texts) {
    const r = compare(t);
    if (r === 'fast') fast++;
    else if (r !== 'left') throw new Error(r);
  }
  return fast;
}

const repoYaml = execFileSync('git', ['ls-files', '*.yml', '*.yaml'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f !== '')
  .map((f) => readFileSync(join(root, f), 'utf8'));

describe('the fast reader gives the nodes the yaml library gives', () => {
  it('on every YAML file of the repository', () => {
    expect(repoYaml.length).toBeGreaterThan(20);
    // Most of them take the fast path (the rest hold syntax errors or tabs on purpose).
    expect(agreeOn(repoYaml)).toBeGreaterThan(repoYaml.length * 0.8);
  });

  it('on 2,000 generated CI-like texts', () => {
    const next = generator(7);
    const texts = Array.from({ length: 2000 }, next);
    expect(agreeOn(texts)).toBeGreaterThan(500);
  });

  it('on 2,000 texts mutated from the repository’s YAML and generated texts', () => {
    const next = generator(11);
    const sources = [...repoYaml, ...Array.from({ length: 50 }, next)];
    expect(agreeOn(mutate(sources, 5, 2000))).toBeGreaterThan(300);
  });

  it('takes the fast path on a large CI file and leaves syntax errors to yaml', () => {
    const jobs = Array.from(
      { length: 200 },
      (_, i) => `job-${i}:\n  <<: *d\n  script:\n    - !reference [.c, s]\n`,
    );
    expect(compare(`.d: &d\n  image: x\n${jobs.join('')}`)).toBe('fast');
    expect(readEvents('a: [b\n', 100)).toBeUndefined();
    expect(readEvents('a:\n\tb: 1\n', 100)).toBeUndefined();
    expect(readEvents('a: 1\na: 2\n', 100)).toBeDefined(); // duplicates are the builder's to report
  });
});

describe('plain scalars resolve as yaml’s core schema resolves them', () => {
  it.each([
    ['x', 'x'],
    ['', null],
    ['~', null],
    ['NULL', null],
    ['True', true],
    ['FALSE', false],
    ['yes', 'yes'],
    ['0o17', 15],
    ['017', 17],
    ['-12', -12],
    ['0x1F', 31],
    ['1.50', 1.5],
    ['1e3', 1000],
    ['-.inf', -Infinity],
    ['1.2.3', '1.2.3'],
  ])('%j', (s, v) => {
    expect(corePlainValue(s)).toBe(v);
  });

  it('.NaN', () => {
    expect(corePlainValue('.NaN')).toBeNaN();
  });
});
