/**
 * Differential property tests: the streaming masker against the whole-buffer reference, over a small
 * alphabet where overlaps, self-overlaps, touching ranges and multi-line forms are everywhere.
 */
import fc from 'fast-check';
import { maskReference, SecretRegistry } from '../../src/mask/index.js';
import { ENGINES, maskChunks, maskViaStream, splitAt } from './util.js';

const secretArb = fc.string({ unit: fc.constantFrom('a', 'b', '\n'), minLength: 4, maxLength: 8 });
const inputArb = fc.string({ unit: fc.constantFrom('a', 'b', '\n'), maxLength: 48 });

describe('streaming = reference', () => {
  test('50,000 cases: alphabet "ab\\n", 1–4 secrets of 4–8 bytes, random chunking', () => {
    let cases = 0;
    fc.assert(
      fc.property(
        fc.array(secretArb, { minLength: 1, maxLength: 4 }),
        inputArb,
        fc.array(fc.nat(48), { maxLength: 8 }),
        (secrets, input, cuts) => {
          cases++;
          const r = new SecretRegistry({ gitlabTokens: false });
          for (const s of secrets) r.add(s);
          const buf = Buffer.from(input);
          const want = maskReference(buf, r);
          const chunks = splitAt(buf, cuts);
          // Plain checks (no expect() per case: 50,000 of them would dominate the run time).
          for (const engine of ENGINES) {
            const got = maskChunks(r, chunks, { engine });
            if (!got.equals(want)) return false;
            // No raw secret reaches the output (any occurrence would lie in one unmasked span).
            for (const s of secrets) if (!/^[\t\n\v\f\r ]*$/.test(s) && got.includes(s)) return false;
          }
          return true;
        },
      ),
      { numRuns: 50_000 },
    );
    console.log(`masker differential property: ${cases} cases run`);
    expect(cases).toBe(50_000);
  }, 120_000);

  test('through the real Transform and stream.pipeline, with spaces, \\r and GitLab tokens', async () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\n', '\r', 'gldt-', 'x');
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n'), minLength: 4, maxLength: 10 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.string({ unit, maxLength: 60 }),
        fc.array(fc.nat(120), { maxLength: 10 }),
        async (secrets, input, cuts) => {
          cases++;
          const r = new SecretRegistry();
          for (const s of secrets) r.add(s);
          const buf = Buffer.from(input);
          const want = maskReference(buf, r).toString();
          for (const engine of ENGINES) {
            expect((await maskViaStream(r, splitAt(buf, cuts), engine)).toString()).toBe(want);
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(cases).toBe(3000);
  }, 120_000);

  test('no secret: random binary comes back unchanged, any chunking', () => {
    const r = new SecretRegistry();
    r.add('never-in-random-bytes');
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 2000 }),
        fc.array(fc.nat(2000), { maxLength: 10 }),
        (bytes, cuts) => {
          const buf = Buffer.from(bytes);
          expect(maskChunks(r, splitAt(buf, cuts)).equals(buf)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
