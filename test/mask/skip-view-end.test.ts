/**
 * Wu–Manber's two windows (src/mask/skip.ts) when the first half is slow and the second is fast: the
 * second window reaches the very end of the view while the first is still busy, and the occurrence
 * ending exactly at the view's end must still be checked (a secret at the end of a chunk).
 */
import { buildSkipTable, skipScan } from '../../src/mask/skip.js';

const FORM = 'secret-value';

/** Every (end:start) of FORM in view, by indexOf. */
function naive(view: Buffer): string[] {
  const out: string[] = [];
  for (let i = view.indexOf(FORM); i !== -1; i = view.indexOf(FORM, i + 1))
    out.push(`${i + FORM.length}:${i}`);
  return out.sort();
}

test('an occurrence ending at the end of the view is found while the first window lags', () => {
  const t = buildSkipTable([FORM], true);
  expect(t).toBeDefined();
  let atEnd = 0;
  // First half: the form over and over (every window there needs a check); then dots; the form last.
  for (let reps = 1; reps <= 8; reps++) {
    for (let dots = 0; dots <= 120; dots++) {
      const view = Buffer.from(FORM.repeat(reps) + '.'.repeat(dots) + FORM, 'latin1');
      const found: number[] = [];
      expect(skipScan(t!, view, 0, 0, found, Infinity)).toBe(true);
      const got: string[] = [];
      for (let i = 0; i < found.length; i += 2) got.push(`${found[i]}:${found[i + 1]}`);
      expect([...new Set(got)].sort()).toEqual(naive(view));
      if (got.includes(`${view.length}:${view.length - FORM.length}`)) atEnd++;
    }
  }
  expect(atEnd).toBe(8 * 121);
});
