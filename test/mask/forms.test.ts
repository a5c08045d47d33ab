/** Derived forms, each as real tools print it, and the registry's warnings. */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import {
  base64Inner,
  derivedForms,
  gitlabCouldMask,
  MASK,
  maskString,
  MIN_FORM_BYTES,
  referenceRanges,
  SecretRegistry,
  whitespaceForm,
} from '../../src/mask/index.js';
import { bytesOf, maskChunks, randomChunks, ref, registry, rng, splitAt } from './util.js';

const SECRETS = [
  'gldt-AbCdEfGhIjKlMnOpQrSt',
  'p@ss w0rd!',
  'it\'s a "test" $HOME `x`',
  'pässwörd-秘密',
  'abcd',
  'semi;colon&amp|pipe',
  '~tilde#hash',
  'back\\slash/and/slash',
  'x',
].filter((s) => Buffer.byteLength(s) >= 4);

/** Masked text must equal the reference, streamed in random chunks too. */
function check(r: SecretRegistry, text: string | Buffer): string {
  const buf = typeof text === 'string' ? Buffer.from(text) : text;
  const whole = ref(r, buf);
  expect(maskChunks(r, randomChunks(buf, rng(buf.length), 7)).equals(whole)).toBe(true);
  return whole.toString();
}

/** Real bash, no rc files (a socket on stdin makes bash read ~/.bashrc), in the given locale. */
function bash(script: string, arg: string, locale = 'C'): { stdout: string; stderr: string } {
  const r = spawnSync('bash', ['--norc', '--noprofile', '-x', '-c', script, '_', arg], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LC_ALL: locale },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { stdout: r.stdout, stderr: r.stderr };
}

describe('derivedForms', () => {
  test('deduplicated, each at least 4 bytes; lines and trimmed base64 under 4 bytes are dropped', () => {
    for (const s of [...SECRETS, 'ab\ncd-line\nxyz']) {
      const forms = derivedForms(s, { username: 'u' });
      const keys = forms.map((f) => f.toString('latin1'));
      expect(new Set(keys).size).toBe(keys.length);
      for (const f of forms) expect(f.length).toBeGreaterThanOrEqual(MIN_FORM_BYTES);
    }
    const lines = derivedForms('ab\ncd-line\nxyz').map((f) => f.toString());
    expect(lines).toContain('cd-line');
    expect(lines).not.toContain('ab');
    expect(lines).not.toContain('xyz');
  });

  test('base64Inner keeps exactly the characters the secret alone decides', () => {
    const s = Buffer.from('secret!');
    expect(base64Inner(s, 0)).toBe(s.toString('base64').replace(/=+$/, '').slice(0, -1));
    for (const off of [0, 1, 2] as const) {
      for (let t = 0; t < 20; t++) {
        const pre = randomBytes(off);
        const post = randomBytes(t % 4);
        const blob = Buffer.concat([pre, s, post]).toString('base64');
        expect(blob).toContain(base64Inner(s, off));
      }
    }
  });
});

describe('base64 and base64url, alone and inside larger blobs', () => {
  test('random prefixes and suffixes: every character the secret decides is masked', () => {
    const next = rng(21);
    for (const s of SECRETS) {
      const r = registry([s]);
      const raw = Buffer.from(s);
      for (let k = 0; k < 40; k++) {
        const pre = randomBytes(Math.floor(next() * 9));
        const post = randomBytes(Math.floor(next() * 9));
        for (const enc of ['base64', 'base64url'] as const) {
          const blob = Buffer.concat([pre, raw, post]).toString(enc);
          const a = Math.ceil((pre.length * 8) / 6);
          const b = Math.floor(((pre.length + raw.length) * 8) / 6);
          const ranges = referenceRanges(Buffer.from(blob), r);
          expect(ranges.some(([x, y]) => x <= a && y >= b)).toBe(true);
          const out = check(r, `auth=${blob};`);
          expect(out).toContain(MASK);
          expect(out).not.toContain(blob.slice(a, b));
        }
      }
    }
  });

  test('the value alone, with padding, and as `echo "$X" | base64` prints it: nothing left', () => {
    for (const s of SECRETS) {
      const r = registry([s]);
      const run = bash('echo "$1" | base64 -w0; echo; printf %s "$1" | base64 -w0', s);
      expect(check(r, run.stdout)).toBe(`${MASK}\n${MASK}`);
      expect(check(r, Buffer.from(s).toString('base64url'))).toBe(MASK);
    }
  });

  test("docker's auth: base64 of username:password, padding included", () => {
    const user = 'gitlab+deploy-token-42';
    const pass = 'gldt-AbCdEfGhIjKlMnOpQrSt';
    const r = registry([pass], { username: user });
    const auth = Buffer.from(`${user}:${pass}`).toString('base64');
    const config = JSON.stringify({ auths: { 'registry.example.com': { auth } } });
    expect(check(r, config)).toBe(`{"auths":{"registry.example.com":{"auth":"${MASK}"}}}`);
  });
});

describe('URL, form and JSON encodings', () => {
  test('encodeURIComponent in a URL, + for spaces, WHATWG form encoding', () => {
    for (const s of SECRETS) {
      const r = registry([s]);
      expect(check(r, `https://user:${encodeURIComponent(s)}@gitlab.example.com/x.git`)).toBe(
        `https://user:${MASK}@gitlab.example.com/x.git`,
      );
      const form = new URLSearchParams({ password: s, next: '1' }).toString();
      expect(check(r, form)).toBe(`password=${MASK}&next=1`);
      const plus = encodeURIComponent(s).replace(/%20/g, '+');
      expect(check(r, `p=${plus}&`)).toBe(`p=${MASK}&`);
    }
  });

  test('JSON escaping: JSON.stringify, \\/ and \\uXXXX variants', () => {
    for (const s of SECRETS) {
      const r = registry([s]);
      expect(check(r, JSON.stringify({ password: s }))).toBe(`{"password":"${MASK}"}`);
      const slashed = JSON.stringify(s).slice(1, -1).replace(/\//g, '\\/');
      expect(check(r, `"${slashed}"`)).toBe(`"${MASK}"`);
      const ascii = JSON.stringify(s)
        .slice(1, -1)
        .replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      expect(check(r, `"${ascii}"`)).toBe(`"${MASK}"`);
    }
  });
});

describe('shell quoting, as bash prints it', () => {
  test.each(['C', 'C.UTF-8'])(
    'bash -x trace of commands using the secret, and printf %%q (LC_ALL=%s)',
    (loc) => {
      for (const s of [...SECRETS, 'tab\there', 'esc\x1b[0m-seq']) {
        const r = registry([s]);
        const script = 'echo "$1" >/dev/null; curl -s -u "user:$1" x 2>/dev/null; printf "%q\\n" "$1"';
        const { stdout, stderr } = bash(script, s, loc);
        expect(stderr.length).toBeGreaterThan(0);
        const all = check(r, stderr + stdout);
        expect(all).toContain(MASK);
        // Nothing of the secret survives: not raw, not its quoted or escaped inside.
        expect(all).not.toContain(s);
        for (const f of r.forms()) expect(all).not.toContain(f.toString());
        const traced = stderr.split('\n').find((l) => l.startsWith('+ echo'));
        expect(check(r, traced ?? '')).toMatch(/^\+ echo (\$?')?\[MASKED\]'?$/);
        expect(check(r, stdout.trim())).toMatch(/^(\$')?\[MASKED\]'?$/);
      }
    },
  );
});

describe('multi-line secrets', () => {
  const secret = '-----BEGIN KEY-----\nMIIBOgIBAAJBAKj34GkxFhD9\n0Yw7i2o=\n-----END KEY-----';

  test('printed with \\n, \\r\\n, spaces (echo $X unquoted) and indentation: one [MASKED]', () => {
    const r = registry([secret]);
    const crlf = secret.replace(/\n/g, '\r\n');
    const spaced = bash('echo $1', secret).stdout;
    expect(spaced).toBe(`${secret.split(/\s+/).join(' ')}\n`);
    const indented = secret
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
    for (const shown of [secret, crlf, spaced.trimEnd(), indented, `key: |\n${indented}\n`]) {
      const out = check(r, `before\n${shown}\nafter`);
      expect(out.split(MASK).length - 1).toBe(1);
      expect(out).not.toContain('MIIB');
      expect(out).not.toContain('0Yw7');
    }
  });

  test('each line of 4+ bytes alone; white space between lines bounded to 64 bytes', () => {
    const r = registry(['alpha-line\nbeta-line\nxyz']);
    expect(check(r, 'only beta-line here')).toBe(`only ${MASK} here`);
    expect(check(r, 'xyz is too short to mask alone')).toBe('xyz is too short to mask alone');
    expect(check(r, `alpha-line${' '.repeat(64)}beta-line\txyz!`)).toBe(`${MASK}!`);
    // 65 spaces break the multi-line form; the lines of 4+ bytes are still masked one by one.
    expect(check(r, `alpha-line${' '.repeat(65)}beta-line\txyz!`)).toBe(
      `${MASK}${' '.repeat(65)}${MASK}\txyz!`,
    );
  });

  test('whitespaceForm: tokens only for multi-line values', () => {
    expect(whitespaceForm('single line value')).toBeUndefined();
    expect(whitespaceForm('a\nb\n')).toBeUndefined(); // a, b: 3 bytes at the shortest
    expect(whitespaceForm('ab\ncd\n')?.map(String)).toEqual(['ab', 'cd']);
    expect(whitespaceForm('  one two\r\n three ')?.map(String)).toEqual(['one', 'two', 'three']);
  });

  test('split at every point, line breaks as \\r\\n', () => {
    const r = registry(['first-line\nsecond-line']);
    const buf = Buffer.from('x first-line\r\n  second-line y');
    for (let i = 0; i <= buf.length; i++)
      expect(maskChunks(r, splitAt(buf, [i])).toString()).toBe(`x ${MASK} y`);
    expect(maskChunks(r, bytesOf(buf, 1)).toString()).toBe(`x ${MASK} y`);
  });
});

describe('registry warnings and GitLab maskability', () => {
  test('gitlabCouldMask follows app/models/concerns/ci/maskable.rb', () => {
    expect(gitlabCouldMask('gldt-AbCdEfGhIjKlMnOpQrSt')).toBe(true);
    expect(gitlabCouldMask('a+b=c/d@e:f.g~h-i_j')).toBe(true);
    expect(gitlabCouldMask('short7c')).toBe(false);
    expect(gitlabCouldMask('has space in it')).toBe(false);
    expect(gitlabCouldMask('abcdefgh\n')).toBe(false); // Ruby's \z: no final newline
    expect(gitlabCouldMask('pässwörd-long')).toBe(false);
    expect(gitlabCouldMask('ab$#%^&*(', { raw: true })).toBe(true);
    expect(gitlabCouldMask('ab $#%^&*(', { raw: true })).toBe(false);
  });

  test('under 4 bytes refused, blank refused, unmaskable warned but masked', () => {
    const r = new SecretRegistry();
    expect(r.add('abc').map((w) => w.code)).toEqual(['secret-too-short']);
    expect(r.add('é').map((w) => w.code)).toEqual(['secret-too-short']); // 2 bytes
    expect(r.add('€a').map((w) => w.code)).toEqual(['not-maskable-by-gitlab']); // 4 bytes: accepted
    expect(r.add('     ').map((w) => w.code)).toEqual(['secret-blank']);
    expect(r.add('has space').map((w) => w.code)).toEqual(['not-maskable-by-gitlab']);
    expect(r.add('GoodSecret123')).toEqual([]);
    expect(r.size).toBe(3);
    expect(maskString('abc has space GoodSecret123', r)).toBe(`abc ${MASK} ${MASK}`);
  });

  test('warnings never contain the secret', () => {
    const messages = new Set<string>();
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('X', 'Q', '#', '%', '!', ' ', '\n', 'é'), maxLength: 12 }),
        (s) => {
          const ws = new SecretRegistry().add(s, { username: 'u' });
          for (const w of ws) {
            messages.add(w.message);
            if (s.trim().length > 0) expect(w.message).not.toContain(s.trim());
            expect(w.code).toMatch(/^[a-z-]+$/);
          }
        },
      ),
      { numRuns: 2000 },
    );
    expect(messages.size).toBeLessThanOrEqual(3); // fixed texts: nothing of the value in them
  });

  test('a username adds the auth forms; the same secret twice changes nothing', () => {
    const r = new SecretRegistry();
    r.add('secret-one');
    const v = r.version;
    r.add('secret-one');
    expect(r.version).toBe(v);
    r.add('secret-one', { username: 'bob' });
    expect(r.version).toBe(v + 1);
    expect(r.forms().map(String)).toContain(Buffer.from('bob:secret-one').toString('base64'));
  });
});
