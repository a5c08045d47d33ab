/**
 * Reading a large file in pieces of top-level entries (src/yaml/pieces.ts) gives exactly what
 * parsing the whole text gives: the same nodes, values, anchors, tags and offsets, and the same line
 * table; and it steps aside (the whole text is parsed) wherever that could differ.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type CollectionTag,
} from 'yaml';
import { parseInPieces, PIECES_MIN_BYTES } from '../../src/yaml/pieces.js';
import { parseYaml } from '../../src/yaml/read.js';
import { lineCol, toPlain } from '../../src/yaml/tree.js';

const referenceTag: CollectionTag = {
  tag: '!reference',
  collection: 'seq',
  default: false,
  resolve: (v) => v,
};
const OPTIONS = { prettyErrors: false, uniqueKeys: false, customTags: [referenceTag], strict: true };
const LIMITS = { maxBytes: 4 << 20, maxNodes: 1_000_000, maxDepth: 100 };

/** Every node as text: kind, range, value or alias, anchor, tag; in document order. */
function dump(n: unknown, out: string[] = []): string[] {
  if (isPair(n)) {
    dump(n.key, out);
    dump(n.value, out);
  } else if (isScalar(n) || isAlias(n) || isMap(n) || isSeq(n)) {
    const v = isScalar(n) ? JSON.stringify(n.value) : isAlias(n) ? `*${n.source}` : '';
    out.push(`${n.constructor.name} ${JSON.stringify(n.range)} ${v} &${n.anchor ?? ''} ${n.tag ?? ''}`);
    if (isMap(n) || isSeq(n)) for (const it of n.items) dump(it, out);
  } else out.push(String(n));
  return out;
}

/** A CI file with what crosses pieces: anchors used far away, merges, !reference, comments, quoted keys. */
function bigCi(jobs: number): string {
  const out = [
    '# a comment at the top',
    'stages: [build, test]',
    'variables:',
    '  GLOBAL: "x"',
    '.defaults: &defaults',
    '  image: docker:27',
    '  tags: [docker]',
    '.script: &script',
    '  - echo one',
    '  - |',
    '    multi',
    '    line',
    '',
  ];
  for (let i = 0; i < jobs; i++) {
    out.push(
      i % 7 === 0 ? `"quoted job ${i}":` : `job-${i}:`,
      '  <<: *defaults',
      '  extends: .defaults',
      `  variables: {A: "${i}", B: 'it''s', C: 0x1f, D: ~, E: true}`,
      '  script: *script',
      '  after_script:',
      '    - !reference [.script]',
      `    - plain scalar that goes on`,
      '      on the next line',
      '# a comment between jobs',
      '',
    );
  }
  return out.join('\n');
}

function both(text: string): { pieces: string[]; whole: string[]; piecesLines: number[]; lines: number[] } {
  const pl = new LineCounter();
  const root = parseInPieces(text, OPTIONS, pl.addNewLine);
  expect(root).toBeDefined();
  const wl = new LineCounter();
  const docs = parseAllDocuments(text, { ...OPTIONS, lineCounter: wl });
  const doc = Array.isArray(docs) ? docs[0] : undefined;
  expect(doc?.errors).toEqual([]);
  return { pieces: dump(root), whole: dump(doc?.contents), piecesLines: pl.lineStarts, lines: wl.lineStarts };
}

describe('pieces equal the whole', () => {
  it('a 2,000-job CI file: every node, offset and line start', () => {
    const text = bigCi(2000);
    expect(text.length).toBeGreaterThan(PIECES_MIN_BYTES * 4);
    const r = both(text);
    expect(r.pieces.length).toBe(r.whole.length);
    expect(r.pieces.slice(1)).toEqual(r.whole.slice(1)); // the root: a map over the same range
    expect(r.pieces[0]?.replace(/^\w+/, '')).toBe(r.whole[0]?.replace(/^\w+/, ''));
    expect(r.piecesLines).toEqual(r.lines);
  });

  it('the trees read from it are the same, positions included', () => {
    const text = bigCi(1500);
    const a = parseYaml(text, 'f.yml', LIMITS);
    const b = parseYaml(`${text}\n---\n`, 'f.yml', LIMITS); // a second document: read whole
    expect(a.problems).toEqual([]);
    expect(toPlain(a.docs[0]!)).toEqual(toPlain(b.docs[0]!));
    const job = (d: typeof a) => (d.docs[0]?.kind === 'map' ? d.docs[0].byKey.get('job-1499') : undefined);
    const pos = (d: typeof a) => lineCol(d.src, job(d)!.value.span.start);
    expect(pos(a)).toEqual(pos(b));
  });
});

describe('the whole text is parsed wherever pieces could differ', () => {
  const big = bigCi(600);
  it.each([
    ['a document marker', `${big}\n---\nx: 1\n`],
    ['a directive', `%YAML 1.2\n---\n${big}`],
    ['a flow mapping at the top', `{a: 1}\n${big}`],
    ['a sequence at the top', `- a\n${big}`],
    ['an explicit key', `${big}\n? complex\n: value\n`],
    ['an anchored key', `${big}\n&k key: value\n`],
    ['a quoted scalar going on in column 0', `${big}\nx: "open\ny: z"\n`],
    ['a syntax error in the middle', `${big}\nbad: [unclosed\nnext: 1\n`],
  ])('%s', (_name, text) => {
    expect(parseInPieces(text, OPTIONS, () => undefined)).toBeUndefined();
  });

  it('small files are parsed whole', () => {
    expect(parseInPieces('a: 1\nb: 2\n', OPTIONS, () => undefined)).toBeUndefined();
  });

  it('an error in a big file is reported where the whole file puts it', () => {
    const text = `${bigCi(600)}\nbad: [unclosed\nnext: 1\n`;
    const line = text.split('\n').indexOf('bad: [unclosed') + 1;
    const r = parseYaml(text, 'f.yml', LIMITS);
    expect(r.problems.map((p) => [p.code, lineCol(p.span!.src, p.span!.start).line])).toEqual([
      ['syntax', line],
    ]);
  });
});
