/**
 * skipScan gives up (returns false, and the masker rescans the chunk with the automaton) once more
 * windows need a check than its budget allows, in whichever part of the view the checks pile up: the
 * first half, the second half, or what is left of the first half after the second is done. A scan that
 * gave up but said it was complete would leave the rest of the chunk unsearched.
 */
import { buildSkipTable, skipScan } from '../../src/mask/skip.js';

const FORM = 'aaaaaaaa';
const table = buildSkipTable([FORM], true)!;

/** Windows of the view that need a check: those ending in the form's own last 4-gram ("aaaa"). */
function checks(view: Buffer): number {
  let n = 0;
  for (let j = FORM.length; j <= view.length; j++) if (view.subarray(j - 4, j).toString() === 'aaaa') n++;
  return n;
}

describe('skipScan over budget', () => {
  const dots = '.'.repeat(500);
  const as = 'a'.repeat(500);
  test.each([
    ['checks in the second half only', dots + as],
    ['checks in the first half only (finished after the second half)', as + dots],
  ])('%s: false when the budget runs out, true with enough', (_name, text) => {
    const view = Buffer.from(text);
    expect(table).toBeDefined();
    const need = checks(view);
    expect(need).toBeGreaterThan(400);
    for (const budget of [0, 10, 200, need - 1]) {
      expect(skipScan(table, view, 0, 0, [], budget)).toBe(false);
    }
    const found: number[] = [];
    expect(skipScan(table, view, 0, 0, found, need)).toBe(true);
    expect(found.length / 2).toBe(500 - FORM.length + 1);
  });
});
