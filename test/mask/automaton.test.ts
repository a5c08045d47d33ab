/** The Aho–Corasick automaton against naive search: outputs, holds, both state representations. */
import fc from 'fast-check';
import { buildAutomaton, step, type Automaton } from '../../src/mask/index.js';

function run(a: Automaton, text: string): number[] {
  const states: number[] = [];
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    s = step(a, s, text.charCodeAt(i));
    states.push(s);
  }
  return states;
}

describe('automaton', () => {
  test("the issue's aa|ab with secret aab: the fall-back from aa to a finds it", () => {
    const a = buildAutomaton([{ key: 'aab', mask: true, token: false }]);
    const states = run(a, 'aaab');
    expect(a.outLen[states[3] as number]).toBe(3);
    // After "aa" two bytes may still start aab; after "aaa" still two.
    expect(a.hold[states[1] as number]).toBe(2);
    expect(a.hold[states[2] as number]).toBe(2);
  });

  test('longest match ending at each byte, hold and token prefix: equal to naive search', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 1, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 60 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (words, text, tokenFlags) => {
          const pats = words.map((w, i) => ({ key: w, mask: !tokenFlags[i], token: tokenFlags[i] === true }));
          const a = buildAutomaton(pats);
          const states = run(a, text);
          for (let i = 0; i < text.length; i++) {
            const done = text.slice(0, i + 1);
            const longest = Math.max(
              0,
              ...pats.filter((p) => p.mask && done.endsWith(p.key)).map((p) => p.key.length),
            );
            expect(a.outLen[states[i] as number]).toBe(longest);
            const tok = pats.filter((p) => p.token && done.endsWith(p.key)).map((p) => p.key.length);
            expect(a.tokLen[states[i] as number]).toBe(tok.length === 0 ? 0 : Math.max(...tok));
            // hold: the longest suffix that is a proper prefix of some pattern.
            let hold = 0;
            for (let k = 1; k <= done.length; k++) {
              const suf = done.slice(-k);
              if (pats.some((p) => p.key.length > k && p.key.startsWith(suf))) hold = k;
            }
            expect(a.hold[states[i] as number]).toBe(hold);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('full rows where the trie branches, single-child chains elsewhere', () => {
    const a = buildAutomaton([
      { key: 'gldt-aaaaaaaa', mask: true, token: false },
      { key: 'gldt-bbbbbbbb', mask: true, token: false },
      { key: 'zzzzzzzz', mask: true, token: false },
    ]);
    const rows = [...a.rowOff].filter((r) => r >= 0).length;
    expect(rows).toBe(2); // the root and the state after "gldt-"
    expect(a.classes).toBe(1 + new Set('gldt-abz').size); // bytes in no pattern share class 0
    expect(a.table.length).toBe(2 * a.classes);
    expect(a.states).toBe(1 + 13 + 8 + 8);
  });

  test('no patterns: one state that stays put', () => {
    const a = buildAutomaton([]);
    expect(a.states).toBe(1);
    expect(run(a, 'anything').every((s) => s === 0)).toBe(true);
  });
});
