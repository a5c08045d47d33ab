/** Wu–Manber (src/mask/skip.ts) against naive search: every occurrence, in either half of the view. */
import fc from 'fast-check';
import { buildSkipTable, skipScan } from '../../src/mask/skip.js';

/** (end, start) of every occurrence of every form in `view` ending after `base − from`, sorted. */
function naive(forms: Buffer[], view: Buffer, from: number, base: number): string[] {
  const out: string[] = [];
  for (const f of new Set(forms.map((x) => x.toString('latin1')))) {
    const b = Buffer.from(f, 'latin1');
    for (let i = view.indexOf(b); i !== -1; i = view.indexOf(b, i + 1))
      if (from + i + b.length > base) out.push(`${from + i + b.length}:${from + i}`);
  }
  return out.sort();
}

function scanned(forms: Buffer[], view: Buffer, from: number, base: number, bits: number): string[] {
  const t = buildSkipTable(
    forms.map((f) => f.toString('latin1')),
    true,
    bits,
  );
  if (t === undefined) throw new Error('no table');
  const found: number[] = [];
  expect(skipScan(t, view, from, base, found, Infinity)).toBe(true);
  const out: string[] = [];
  for (let i = 0; i < found.length; i += 2) out.push(`${found[i]}:${found[i + 1]}`);
  return out.sort();
}

describe('skipScan', () => {
  const bytes = (alphabet: string, min: number, max: number) =>
    fc
      .string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max })
      .map((s) => Buffer.from(s, 'latin1'));

  test('every occurrence ending after base, as naive search finds them (small hash tables collide)', () => {
    fc.assert(
      fc.property(
        fc.array(bytes('ab\x80\xff', 4, 10), { minLength: 1, maxLength: 6 }),
        bytes('ab\x80\xff', 0, 120),
        fc.nat(20),
        fc.nat(20),
        fc.integer({ min: 2, max: 12 }),
        (forms, view, from, after, bits) => {
          expect(scanned(forms, view, from, from + after, bits)).toEqual(
            naive(forms, view, from, from + after),
          );
        },
      ),
      { numRuns: 5000 },
    );
  });

  test('occurrences at both ends of the view and across its middle (where the two windows meet)', () => {
    const form = Buffer.from('secret-value');
    for (let n = form.length; n <= 80; n++) {
      for (let at = 0; at + form.length <= n; at++) {
        const view = Buffer.alloc(n, '.');
        form.copy(view, at);
        expect(scanned([form], view, 0, 0, 18)).toEqual([`${at + form.length}:${at}`]);
      }
    }
  });

  test('over budget: false', () => {
    const form = Buffer.from('aaaaaaaa');
    const t = buildSkipTable([form.toString('latin1')], true);
    expect(t).toBeDefined();
    expect(skipScan(t!, Buffer.alloc(1000, 'a'), 0, 0, [], 10)).toBe(false);
    expect(skipScan(t!, Buffer.alloc(1000, 'a'), 0, 0, [], Infinity)).toBe(true);
  });
});
