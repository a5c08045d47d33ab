/**
 * The path around the engine (src/mask/pump.ts): a pipe or a child's output masked as it arrives, a
 * regular file read in large pieces. The output equals the whole-buffer reference for any chunking;
 * nothing waits that starts no secret; what was held is flushed when the source stops early; a
 * failing sink stops the reading; a slow sink bounds what is in flight.
 */
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { runChild } from '../../src/app/child.js';
import {
  MASK,
  Masker,
  maskFile,
  maskPipe,
  maskReference,
  SecretRegistry,
  SINK_LIMIT,
} from '../../src/mask/index.js';
import { randomChunks, ref, registry, rng, splitAt } from './util.js';

/** A sink that keeps what it is given, with the time each piece came. */
function collector(): Writable & { text: () => string; bytes: () => Buffer } {
  const out: Buffer[] = [];
  const w = new Writable({
    write(c: Buffer, _e, cb) {
      out.push(Buffer.from(c));
      cb();
    },
  }) as Writable & { text: () => string; bytes: () => Buffer };
  w.bytes = () => Buffer.concat(out);
  w.text = () => Buffer.concat(out).toString();
  return w;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dt-pump-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function viaFile(r: SecretRegistry, buf: Buffer, chunkSize: number): Promise<Buffer> {
  const path = join(dir, `in-${chunkSize}-${buf.length}`);
  writeFileSync(path, buf);
  const fd = openSync(path, 'r');
  try {
    const sink = collector();
    await maskFile(fd, sink, r, { chunkSize });
    return sink.bytes();
  } finally {
    closeSync(fd);
  }
}

describe('the output equals the whole-buffer reference', () => {
  test('a pipe, any chunking, with spaces, \\r and GitLab tokens (2,000 cases)', async () => {
    const unit = fc.constantFrom('a', 'b', ' ', '\n', '\r', 'gldt-', 'x');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\n'), minLength: 4, maxLength: 10 }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.string({ unit, maxLength: 60 }),
        fc.array(fc.nat(120), { maxLength: 10 }),
        async (secrets, input, cuts) => {
          const r = new SecretRegistry();
          for (const s of secrets) r.add(s);
          const buf = Buffer.from(input);
          const sink = collector();
          await maskPipe(Readable.from(splitAt(buf, cuts), { objectMode: false }), sink, r);
          return sink.bytes().equals(maskReference(buf, r));
        },
      ),
      { numRuns: 2000 },
    );
  }, 60_000);

  test('a regular file read in pieces of 1 byte to 1 MiB', async () => {
    const secret = 'file-secret-value';
    const r = registry([secret], { username: 'gitlab+deploy-token-3' });
    const forms = r.forms().map((f) => f.toString('latin1'));
    const next = rng(11);
    let text = '';
    while (text.length < 300_000)
      text += next() < 0.02 ? (forms[Math.floor(next() * forms.length)] ?? '') : 'log ';
    const buf = Buffer.from(text, 'latin1');
    const want = ref(r, buf);
    const small = buf.subarray(0, 3000);
    for (const size of [1, 7]) expect((await viaFile(r, small, size)).equals(ref(r, small))).toBe(true);
    for (const size of [4093, 65536, 1024 * 1024])
      expect((await viaFile(r, buf, size)).equals(want)).toBe(true);
    expect(want.includes(secret)).toBe(false);
  });

  test('strings and Uint8Arrays from the source are taken as bytes', async () => {
    const src = new PassThrough({ objectMode: true });
    const sink = collector();
    const done = maskPipe(src, sink, registry(['ünïcode-secret']));
    const bytes = Buffer.from('a ünïcode-secret b');
    src.write(new Uint8Array(bytes.subarray(0, 4)));
    src.write(bytes.subarray(4, 9));
    src.end(bytes.subarray(9).toString('utf8'));
    await done;
    expect(sink.text()).toBe(`a ${MASK} b`);
  });
});

describe('live output', () => {
  test('a line that starts no secret is written as soon as it arrives; a possible start waits', async () => {
    const src = new PassThrough();
    const sink = collector();
    const done = maskPipe(src, sink, registry(['secret-value']));
    src.write('step 1 done\n');
    await sleep(20);
    expect(sink.text()).toBe('step 1 done\n');
    src.write('step 2 secret-va');
    await sleep(20);
    expect(sink.text()).toBe('step 1 done\nstep 2 ');
    src.end('lue\n');
    await done;
    expect(sink.text()).toBe(`step 1 done\nstep 2 ${MASK}\n`);
  });

  test("exec's child output reaches the sink while the child still runs", async () => {
    const sink = collector();
    let exitedAt = 0;
    let seenAt = 0;
    const origWrite = sink.write.bind(sink);
    sink.write = ((chunk: Buffer, ...rest: never[]) => {
      if (seenAt === 0 && chunk.toString().includes('ready')) seenAt = Date.now();
      return origWrite(chunk, ...rest);
    }) as typeof sink.write;
    const code = await runChild({
      command: process.execPath,
      args: ['-e', "process.stdout.write('ready\\n'); setTimeout(() => {}, 600)"],
      env: { PATH: process.env.PATH ?? '' },
      cwd: dir,
      shell: false,
      registry: registry(['never-printed']),
      stdout: sink,
      stderr: collector(),
      onError: () => undefined,
    }).then((c) => {
      exitedAt = Date.now();
      return c;
    });
    expect(code).toBe(0);
    expect(sink.text()).toBe('ready\n');
    expect(seenAt).toBeGreaterThan(0);
    // The line came while the child slept (600 ms), not when its pipe closed.
    expect(exitedAt - seenAt).toBeGreaterThan(300);
  });
});

describe('stopping early', () => {
  test('a source destroyed mid-stream: what was held is masked and written, nothing after it', async () => {
    const src = new PassThrough();
    const sink = collector();
    const done = maskPipe(src, sink, registry(['secret-value']), { end: false });
    src.write('a secret-value b secret-va');
    await sleep(10);
    src.destroy();
    await done;
    expect(sink.text()).toBe(`a ${MASK} b secret-va`);
    expect(sink.writableEnded).toBe(false);
  });

  test('a source that fails: held bytes are flushed, then the error is the answer', async () => {
    const src = new PassThrough();
    const sink = collector();
    const done = maskPipe(src, sink, registry(['secret-value']));
    src.write('x secret-value y sec');
    await sleep(10);
    src.destroy(new Error('read failed'));
    await expect(done).rejects.toThrow('read failed');
    expect(sink.text()).toBe(`x ${MASK} y sec`);
  });

  test('a sink that fails stops the reading (pipe and file)', async () => {
    const failing = () =>
      new Writable({
        write(_c, _e, cb) {
          cb(new Error('EPIPE'));
        },
      });
    const src = new PassThrough();
    const p = maskPipe(src, failing(), registry(['secret-value']));
    src.write('something\n');
    await expect(p).rejects.toThrow('EPIPE');
    expect(src.destroyed).toBe(true);

    const path = join(dir, 'big');
    writeFileSync(path, Buffer.alloc(8 * 1024 * 1024, 'x'));
    const fd = openSync(path, 'r');
    try {
      await expect(maskFile(fd, failing(), registry(['secret-value']), { chunkSize: 65536 })).rejects.toThrow(
        'EPIPE',
      );
    } finally {
      closeSync(fd);
    }
  });
});

describe('backpressure', () => {
  test('a slow sink bounds what is in flight; the source waits and nothing is lost', async () => {
    const secret = 'backpressure-secret';
    const line = `some log text ${secret} and more text\n`;
    const chunk = Buffer.from(line.repeat(2000)); // ~100 KB
    const total = 50; // ~5 MB
    let produced = 0;
    let maxQueued = 0;
    const source = new Readable({
      read() {
        if (produced === total) return void this.push(null);
        produced++;
        this.push(chunk);
      },
    });
    let out = 0;
    let bad = false;
    const sink = new Writable({
      write(c: Buffer, _e, cb) {
        out += c.length;
        if (c.includes(secret)) bad = true;
        maxQueued = Math.max(maxQueued, this.writableLength);
        setImmediate(cb); // slow: one piece per turn of the event loop
      },
    });
    await maskPipe(source, sink, registry([secret]));
    expect(bad).toBe(false);
    expect(out).toBe(total * Buffer.byteLength(line.replace(secret, MASK).repeat(2000)));
    // Without the window the source would run all 5 MB ahead of the sink.
    expect(maxQueued).toBeLessThanOrEqual(SINK_LIMIT + chunk.length);
  });

  test('random chunkings through a pipe with a slow sink equal the reference', async () => {
    const r = registry(['pipeline-secret']);
    const buf = Buffer.from('x pipeline-secret y\n'.repeat(1000));
    const sink = new Writable({
      write(c: Buffer, _e, cb) {
        got.push(Buffer.from(c));
        setImmediate(cb);
      },
    });
    const got: Buffer[] = [];
    await maskPipe(Readable.from(randomChunks(buf, rng(9), 333), { objectMode: false }), sink, r);
    expect(Buffer.concat(got).equals(ref(r, buf))).toBe(true);
  });
});

describe('held bytes put in the headroom before a chunk (file reads), not copied with it', () => {
  test.each(['auto', 'anchors', 'skip', 'automaton'] as const)(
    'random chunkings with scratch before each chunk equal the reference (%s)',
    (engine) => {
      const next = rng(31);
      const secrets = ['Zq9#secret-Value', 'another:Zq9-thing', 'gl-like-gldt-Value'];
      const r = registry(secrets, { gitlabTokens: true });
      const forms = r.forms().map((f) => f.toString('latin1'));
      let text = '';
      while (text.length < 20_000)
        text +=
          next() < 0.1
            ? `glpat-${'x'.repeat(Math.floor(next() * 30))} `
            : next() < 0.3
              ? (forms[Math.floor(next() * forms.length)] ?? '').slice(0, Math.floor(next() * 30))
              : 'log line ';
      const buf = Buffer.from(text, 'latin1');
      for (const headroom of [0, 3, 64, 4096]) {
        const m = new Masker(r, { engine });
        const out: Buffer[] = [];
        for (const c of randomChunks(buf, next, 700)) {
          // The chunk sits after `headroom` bytes of garbage in its own memory.
          const mem = Buffer.alloc(headroom + c.length, 0xee);
          c.copy(mem, headroom);
          m.writeInto(mem.subarray(headroom), out, headroom);
        }
        m.endInto(out);
        expect(Buffer.concat(out).equals(ref(r, buf))).toBe(true);
      }
    },
  );
});
