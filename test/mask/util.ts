/** Helpers for the masker suites: feeding chunkings synchronously (the core) or through the Transform. */
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createMaskStream, Masker, maskReference, SecretRegistry } from '../../src/mask/index.js';

export function registry(
  secrets: readonly string[],
  opts: { gitlabTokens?: boolean; username?: string } = {},
): SecretRegistry {
  const r = new SecretRegistry({ gitlabTokens: opts.gitlabTokens ?? false });
  for (const s of secrets) r.add(s, opts.username === undefined ? {} : { username: opts.username });
  return r;
}

export type Engine = 'auto' | 'automaton' | 'anchors' | 'skip';
export const ENGINES: readonly Engine[] = ['auto', 'automaton', 'anchors', 'skip'];

/** The synchronous core over the given chunks; optionally checks a bound on held bytes after each write. */
export function maskChunks(
  r: SecretRegistry,
  chunks: readonly Buffer[],
  opts: { maxHeld?: number; engine?: Engine } = {},
): Buffer {
  const { maxHeld, engine } = opts;
  const m = new Masker(r, { engine: engine ?? 'auto' });
  const out: Buffer[] = [];
  for (const c of chunks) {
    const o = m.write(c);
    if (o) out.push(o);
    if (maxHeld !== undefined && m.held > maxHeld) throw new Error(`held ${m.held} > ${maxHeld}`);
  }
  const e = m.end();
  if (e) out.push(e);
  return Buffer.concat(out);
}

/** Through the real Transform with stream.pipeline. */
export async function maskViaStream(
  r: SecretRegistry,
  chunks: readonly Buffer[],
  engine?: Engine,
): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(chunks, { objectMode: false }),
    createMaskStream(r, { engine: engine ?? 'auto' }),
    new Writable({
      write(c: Buffer, _e, cb) {
        out.push(c);
        cb();
      },
    }),
  );
  return Buffer.concat(out);
}

export function splitAt(buf: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((c) => Math.max(0, Math.min(buf.length, c))))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let prev = 0;
  for (const p of points) {
    out.push(buf.subarray(prev, p));
    prev = p;
  }
  out.push(buf.subarray(prev));
  return out;
}

export function bytesOf(buf: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) out.push(buf.subarray(i, i + size));
  return out;
}

/** A small deterministic PRNG (mulberry32) so failures reproduce. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomChunks(buf: Buffer, next: () => number, maxSize = 16): Buffer[] {
  const out: Buffer[] = [];
  let i = 0;
  while (i < buf.length) {
    const n = Math.floor(next() * (maxSize + 1)); // empty chunks too
    out.push(buf.subarray(i, i + n));
    i += n;
  }
  return out;
}

export const ref = (r: SecretRegistry, text: string | Buffer): Buffer =>
  maskReference(typeof text === 'string' ? Buffer.from(text) : text, r);
