/**
 * exec's output path (src/app/child.ts): the child's stdout and stderr reach the sinks masked, over
 * the sockets of app/output-link.ts (reads into reused buffers) or, where those cannot be made, node's
 * pipes. Both paths give the whole-buffer reference for any output, keep nothing a slow sink has not
 * taken in a buffer that is read into again, hand the child blocking streams, leave no directory
 * behind, and stop waiting for a grandchild that holds the streams open.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { PIPE_GRACE_MS, runChild } from '../../src/app/child.js';
import { outputLinks } from '../../src/app/output-link.js';
import { maskingReads, maskReference, SecretRegistry } from '../../src/mask/index.js';

/**
 * A sink that keeps copies of what it is given. `later`: each piece is taken (copied) only on a later
 * turn of the event loop, so pieces queue up while reads go on: a buffer read into again before its
 * pieces were taken would show in the copies.
 */
function collector(later = false): Writable & { bytes: () => Buffer } {
  const out: Buffer[] = [];
  const w = new Writable({
    highWaterMark: 1024,
    write(c: Buffer, _e, cb) {
      if (!later) {
        out.push(Buffer.from(c));
        cb();
        return;
      }
      setImmediate(() => {
        out.push(Buffer.from(c));
        cb();
      });
    },
  }) as Writable & { bytes: () => Buffer };
  w.bytes = () => Buffer.concat(out);
  return w;
}

const SECRETS = ['s3cr3t-value-Xy', 'glpat-abcdefghij0123456789'];

function registry(): SecretRegistry {
  const r = new SecretRegistry();
  for (const s of SECRETS) r.add(s);
  return r;
}

/** Log-like bytes with the secrets (and one of their forms) at pseudo-random places. */
function output(size: number, seed: number): Buffer {
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) & 0x7fffffff);
  const parts: string[] = [];
  let n = 0;
  while (n < size) {
    const r = next() % 100;
    const piece =
      r < 3
        ? (SECRETS[r % 2] as string)
        : r === 3
          ? encodeURIComponent(SECRETS[0] as string)
          : `line ${next() % 100000} ok build step ${'x'.repeat(next() % 200)}\n`;
    parts.push(piece);
    n += piece.length;
  }
  return Buffer.from(parts.join('')).subarray(0, size);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dt-child-out-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(
  script: string,
  links: boolean,
  sinks: { stdout: Writable; stderr: Writable } = { stdout: collector(), stderr: collector() },
): Promise<number> {
  return runChild({
    command: process.execPath,
    args: ['-e', script],
    env: { PATH: process.env.PATH ?? '' },
    cwd: dir,
    shell: false,
    registry: registry(),
    ...sinks,
    onError: () => undefined,
    outputLinks: links,
  });
}

describe.each([
  ['output links', true],
  ['pipes', false],
])('through %s', (_name, links) => {
  test('stdout and stderr each equal the whole-buffer reference (several outputs, written in pieces)', async () => {
    for (const [size, seed] of [
      [70_000, 1],
      [1_100_000, 2],
      [300_001, 3],
    ] as const) {
      const data = output(size, seed);
      const file = join(dir, `out-${seed}`);
      writeFileSync(file, data);
      // The child writes in uneven pieces to both streams, so reads split the secrets anywhere.
      const script = `const d=require('fs').readFileSync(${JSON.stringify(file)});let i=0,k=1;while(i<d.length){const n=(k*7919)%65000+1;process.stdout.write(d.subarray(i,i+n));process.stderr.write(d.subarray(i,i+Math.min(n,97)));i+=n;k++}`;
      const stdout = collector();
      const stderr = collector();
      expect(await run(script, links, { stdout, stderr })).toBe(0);
      const ref = maskReference(data, registry());
      expect(stdout.bytes().equals(ref)).toBe(true);
      let i = 0;
      let k = 1;
      const errParts: Buffer[] = [];
      while (i < data.length) {
        const n = ((k * 7919) % 65000) + 1;
        errParts.push(data.subarray(i, i + Math.min(n, 97)));
        i += n;
        k++;
      }
      expect(stderr.bytes().equals(maskReference(Buffer.concat(errParts), registry()))).toBe(true);
    }
  });

  test('a slow sink: nothing it has not taken is overwritten, and the child is never refused a write', async () => {
    const data = output(3 * 1024 * 1024, 7);
    const file = join(dir, 'slow');
    writeFileSync(file, data);
    const stdout = collector(true);
    // One large write: with a non-blocking stdout the child would fail with EAGAIN (exit 1).
    const script = `const d=require('fs').readFileSync(${JSON.stringify(file)});require('fs').writeSync(1,d);process.stdout.write('end\\n')`;
    expect(await run(script, links, { stdout, stderr: collector() })).toBe(0);
    await new Promise<void>((resolve) => stdout.end(resolve));
    expect(
      stdout.bytes().equals(maskReference(Buffer.concat([data, Buffer.from('end\n')]), registry())),
    ).toBe(true);
  });

  test('the child gets blocking stdout and stderr', async () => {
    const stdout = collector();
    const script = `const {execFileSync}=require('child_process');process.stdout.write(execFileSync('python3',['-c','import fcntl,os;print(fcntl.fcntl(1,fcntl.F_GETFL)&os.O_NONBLOCK, fcntl.fcntl(2,fcntl.F_GETFL)&os.O_NONBLOCK)'],{stdio:['ignore','inherit','inherit']})??'')`;
    expect(await run(script, links, { stdout, stderr: collector() })).toBe(0);
    expect(stdout.bytes().toString().trim()).toBe('0 0');
  });

  test('a grandchild that holds the streams open is not waited for past the grace period', async () => {
    const stdout = collector();
    const started = Date.now();
    const code = await runChild({
      command: 'sh',
      args: ['-c', 'echo first s3cr3t-value-Xy; (sleep 6; echo late) & exit 4'],
      env: { PATH: process.env.PATH ?? '' },
      cwd: dir,
      shell: false,
      registry: registry(),
      stdout,
      stderr: collector(),
      onError: () => undefined,
      outputLinks: links,
    });
    const took = Date.now() - started;
    expect(code).toBe(4);
    expect(stdout.bytes().toString()).toBe('first [MASKED]\n');
    expect(took).toBeGreaterThanOrEqual(PIPE_GRACE_MS);
    expect(took).toBeLessThan(PIPE_GRACE_MS + 4000);
  });
});

describe('output links', () => {
  test('the private directory is gone before the child starts', async () => {
    const base = join(dir, 'tmp-empty');
    mkdirSync(base);
    process.env.TMPDIR = base;
    const stdout = collector();
    expect(
      await run(`console.log(require('fs').readdirSync(${JSON.stringify(base)}).length)`, true, {
        stdout,
        stderr: collector(),
      }),
    ).toBe(0);
    expect(stdout.bytes().toString()).toBe('0\n');
    expect(readdirSync(base)).toEqual([]);
  });

  test('a temp path too long for a socket address: no links (the caller uses pipes), nothing left behind', async () => {
    const long = join(dir, 'l'.repeat(120));
    mkdirSync(long);
    const r = maskingReads(collector(), registry());
    expect(await outputLinks([r.onread], { tempDir: long })).toBeUndefined();
    expect(readdirSync(long)).toEqual([]);
    // And exec still works there, through pipes.
    const stdout = collector();
    const code = await runChild({
      command: process.execPath,
      args: ['-e', "console.log('via pipes s3cr3t-value-Xy')"],
      env: { PATH: process.env.PATH ?? '' },
      cwd: dir,
      shell: false,
      registry: registry(),
      stdout,
      stderr: collector(),
      onError: () => undefined,
      tempDir: long,
    });
    expect(code).toBe(0);
    expect(stdout.bytes().toString()).toBe('via pipes [MASKED]\n');
    expect(readdirSync(long)).toEqual([]);
  });

  test('none on Windows (named pipes differ): the caller uses pipes', async () => {
    const r = maskingReads(collector(), registry());
    expect(await outputLinks([r.onread], { platform: 'win32' })).toBeUndefined();
  });

  test('a temp directory that cannot be used: no links', async () => {
    const r = maskingReads(collector(), registry());
    expect(await outputLinks([r.onread], { tempDir: join(dir, 'does-not-exist') })).toBeUndefined();
    expect(existsSync(join(dir, 'does-not-exist'))).toBe(false);
  });

  test('reads land in the same few buffers when the sink keeps up', async () => {
    const sink = collector();
    const r = maskingReads(sink, registry(), { end: false, chunkSize: 4096 });
    const handed = new Set<ArrayBufferLike>();
    const buffer = r.onread.buffer;
    r.onread.buffer = () => {
      const b = buffer();
      handed.add(b.buffer);
      return b;
    };
    const links = await outputLinks([r.onread]);
    expect(links).toBeDefined();
    const link = links?.[0];
    if (!link) return;
    const done = r.pump(link.reader);
    const data = output(2 * 1024 * 1024, 11);
    await new Promise<void>((resolve) => link.writer.end(data, resolve));
    await done;
    expect(sink.bytes().equals(maskReference(data, registry()))).toBe(true);
    // 512 or more reads of at most 4 KiB, through a buffer or two (a fresh one per read would be 512).
    expect(handed.size).toBeLessThanOrEqual(3);
  });
});
