/** GitLab token shapes: masked without being registered, streamed across any boundary. */
import fc from 'fast-check';
import { GITLAB_TOKEN_PREFIXES, MASK, Masker, maskReference, TOKEN_MIN_TAIL } from '../../src/mask/index.js';
import { bytesOf, ENGINES, maskChunks, randomChunks, registry, rng, splitAt } from './util.js';

const TAIL = 'AbCdEfGhIj-_0123456789xyz'.slice(0, TOKEN_MIN_TAIL); // 20 URL-safe characters
const tokensOnly = () => registry([], { gitlabTokens: true });

describe('GitLab token patterns', () => {
  test.each(GITLAB_TOKEN_PREFIXES)('%s followed by 20 URL-safe characters is masked, unknown', (prefix) => {
    const r = tokensOnly();
    const buf = Buffer.from(`token=${prefix}${TAIL}\n`);
    for (const engine of ENGINES) {
      for (let i = 0; i <= buf.length; i++) {
        expect(maskChunks(r, splitAt(buf, [i]), { engine }).toString()).toBe(`token=${MASK}\n`);
      }
      expect(maskChunks(r, bytesOf(buf, 1), { engine }).toString()).toBe(`token=${MASK}\n`);
    }
  });

  test('19 characters are not a token; the whole run of 20+ is masked, up to the first other byte', () => {
    const r = tokensOnly();
    const short = `gldt-${TAIL.slice(0, 19)} ok`;
    expect(maskChunks(r, bytesOf(Buffer.from(short), 1)).toString()).toBe(short);
    expect(maskChunks(r, [Buffer.from(`gldt-${TAIL}${TAIL}${TAIL}.git`)]).toString()).toBe(`${MASK}.git`);
    expect(maskChunks(r, [Buffer.from('glft-parser and glpat-abc')]).toString()).toBe(
      'glft-parser and glpat-abc',
    );
  });

  test('custom instance prefix <custom>-gldt-: the custom part stays readable, the token is masked', () => {
    const r = tokensOnly();
    expect(maskChunks(r, bytesOf(Buffer.from(`mycorp-gldt-${TAIL} x`), 3)).toString()).toBe(
      `mycorp-${MASK} x`,
    );
  });

  test('in URLs and headers', () => {
    const r = tokensOnly();
    const t = `glpat-${TAIL}`;
    const text = `git clone https://oauth2:${t}@gitlab.example.com/g/p.git\nPRIVATE-TOKEN: ${t}\r\n`;
    expect(maskChunks(r, randomChunks(Buffer.from(text), rng(1), 5)).toString()).toBe(
      `git clone https://oauth2:${MASK}@gitlab.example.com/g/p.git\nPRIVATE-TOKEN: ${MASK}\r\n`,
    );
  });

  test.each(ENGINES)(
    'a long tail over many chunks: the mask is written once, early; held bytes bounded (%s)',
    (engine) => {
      const r = tokensOnly();
      const m = new Masker(r, { engine });
      const out: string[] = [];
      out.push(m.write(Buffer.from('x glcbt-'))?.toString() ?? '');
      for (let k = 0; k < 200; k++) {
        out.push(m.write(Buffer.from('abcde'))?.toString() ?? '');
        expect(m.held).toBeLessThanOrEqual('glagent-'.length + TOKEN_MIN_TAIL);
      }
      // After 20 tail bytes the [MASKED] is already out, before the token ends.
      expect(out.join('')).toBe(`x ${MASK}`);
      out.push(m.write(Buffer.from(' y'))?.toString() ?? '', m.end()?.toString() ?? '');
      expect(out.join('')).toBe(`x ${MASK} y`);
    },
  );

  test('gitlabTokens: false turns the shapes off; a registered token is masked either way', () => {
    const t = `gldt-${TAIL}`;
    expect(maskChunks(registry([]), [Buffer.from(t)]).toString()).toBe(t);
    expect(maskChunks(registry([t]), [Buffer.from(t)]).toString()).toBe(MASK);
  });

  test('streaming equals the reference on token-ish noise, any chunking', () => {
    const r = registry(['dt-aaaa'], { gitlabTokens: true });
    const piece = fc.constantFrom(
      'gl',
      'dt-',
      'pat-',
      'GR1348941',
      'a',
      'b',
      '-',
      '_',
      '.',
      ' ',
      'gldt-',
      'aaaa',
    );
    let runs = 0;
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (pieces, seed) => {
          runs++;
          const buf = Buffer.from(pieces.join(''));
          const want = maskReference(buf, r);
          expect(maskChunks(r, randomChunks(buf, rng(seed), 6)).equals(want)).toBe(true);
        },
      ),
      { numRuns: 5000 },
    );
    expect(runs).toBe(5000);
  });
});
