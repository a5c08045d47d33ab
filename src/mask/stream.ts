/**
 * The streaming masker: a Transform over bytes. Matches may span any chunk boundary; overlapping or
 * touching matches become one `[MASKED]` (as if the whole output were masked at once: see
 * reference.ts). Only bytes that may still begin a match are held back (at most the longest pattern),
 * so live output is not delayed; nothing waits on a timer; the end of the stream flushes all.
 * The replacement is never scanned again.
 */
import { Transform, type TransformCallback } from 'node:stream';
import type { SecretRegistry } from './registry.js';

export const MASK = Buffer.from('[MASKED]');

export class MaskStream extends Transform {
  private carry: Buffer = Buffer.alloc(0);
  /** End of the last emitted mask, relative to the start of `carry` (may be negative). */
  private maskEnd = Number.NEGATIVE_INFINITY;
  private readonly registry: SecretRegistry;

  constructor(registry: SecretRegistry) {
    super();
    this.registry = registry;
  }

  override _transform(chunk: Buffer | string, _enc: BufferEncoding, cb: TransformCallback): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.process(this.carry.length === 0 ? buf : Buffer.concat([this.carry, buf]), false);
    cb();
  }

  override _flush(cb: TransformCallback): void {
    this.process(this.carry, true);
    cb();
  }

  private process(w: Buffer, final: boolean): void {
    const set = this.registry.patternSet();
    const starts: number[] = [];
    const ends: number[] = [];
    let holdFrom = set.scan(w, w.length, final, (s, len) => {
      starts.push(s);
      ends.push(s + len);
    });
    if (final) holdFrom = w.length;
    const out: Buffer[] = [];
    let maskEnd = this.maskEnd;
    let cur = Math.max(0, maskEnd);
    for (let k = 0; k < starts.length; k++) {
      const rs = starts[k] as number;
      const re = ends[k] as number;
      if (rs >= holdFrom) break;
      if (rs <= maskEnd) {
        // Overlaps or touches the mask just emitted: it grows, no second [MASKED].
        if (re > maskEnd) maskEnd = re;
        if (maskEnd > cur) cur = maskEnd;
        continue;
      }
      if (rs > cur) out.push(w.subarray(cur, rs));
      out.push(MASK);
      maskEnd = re;
      cur = re;
    }
    if (holdFrom > cur) out.push(w.subarray(cur, holdFrom));
    // Keep what may still begin a match; a mask reaching into it keeps swallowing those bytes.
    this.carry = Buffer.from(w.subarray(holdFrom));
    this.maskEnd = maskEnd - holdFrom;
    if (out.length === 1) this.push(out[0]);
    else if (out.length > 1) this.push(Buffer.concat(out));
  }
}

export function createMaskStream(registry: SecretRegistry): MaskStream {
  return new MaskStream(registry);
}

/** Mask a whole buffer at once (error messages, summaries). */
export function maskBuffer(buf: Buffer, registry: SecretRegistry): Buffer {
  const s = new MaskStream(registry);
  const parts: Buffer[] = [];
  s.on('data', (d: Buffer) => parts.push(d));
  s.write(buf);
  s.end();
  // Transform callbacks above are synchronous, so all data has been pushed by now.
  return Buffer.concat(parts);
}

export function maskString(text: string, registry: SecretRegistry): string {
  return maskBuffer(Buffer.from(text, 'utf8'), registry).toString('utf8');
}
