/**
 * The masker as a Transform (createMaskStream) and over whole buffers and strings (maskBuffer,
 * maskString: error messages, summaries). Pipes take the faster path of pump.ts.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { Masker, type MaskerOptions } from './masker.js';
import { SecretRegistry, toRegistry, type AddOptions, type Warning } from './registry.js';

const EMPTY = Buffer.alloc(0);

export interface MaskStreamOptions extends MaskerOptions {
  /** For a list of secrets: also mask GitLab token shapes (default true). */
  gitlabTokens?: boolean;
  highWaterMark?: number;
}

/** A Transform over bytes that masks every registered secret (see Masker). */
export class MaskStream extends Transform {
  readonly registry: SecretRegistry;
  /** Warnings from the secrets given to the constructor as a list. */
  readonly warnings: Warning[];
  private readonly masker: Masker;

  constructor(secrets: SecretRegistry | readonly string[] = [], opts: MaskStreamOptions = {}) {
    super(opts.highWaterMark === undefined ? {} : { highWaterMark: opts.highWaterMark });
    const { registry, warnings } = toRegistry(secrets, opts);
    this.registry = registry;
    this.warnings = warnings;
    this.masker = new Masker(registry, opts);
  }

  /**
   * Masks `secret` from now on, including bytes still held back. The registry is shared: every stream
   * over it picks the secret up at its next write.
   */
  addSecret(secret: string, opts: AddOptions = {}): Warning[] {
    return this.registry.add(secret, opts);
  }

  /** Bytes held back right now. */
  get held(): number {
    return this.masker.held;
  }

  get stats(): Masker['stats'] {
    return this.masker.stats;
  }

  override _transform(chunk: unknown, enc: BufferEncoding, cb: TransformCallback): void {
    let buf: Buffer;
    if (Buffer.isBuffer(chunk)) buf = chunk;
    else if (typeof chunk === 'string') buf = Buffer.from(chunk, enc);
    else if (chunk instanceof Uint8Array) buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    else {
      cb(new TypeError('the mask stream takes bytes'));
      return;
    }
    let out: Buffer | undefined;
    try {
      out = this.masker.write(buf);
    } catch (e) {
      cb(e as Error);
      return;
    }
    if (out !== undefined) this.push(out);
    cb();
  }

  override _flush(cb: TransformCallback): void {
    const out = this.masker.end();
    if (out !== undefined) this.push(out);
    cb();
  }
}

export function createMaskStream(
  secrets: SecretRegistry | readonly string[] = [],
  opts: MaskStreamOptions = {},
): MaskStream {
  return new MaskStream(secrets, opts);
}

/** Masks a whole buffer at once (error messages, summaries): the same result as streaming it. */
export function maskBuffer(buf: Buffer, secrets: SecretRegistry | readonly string[]): Buffer {
  const { registry } = toRegistry(secrets);
  if (registry.compiled().empty) return buf;
  // Short texts (error messages): choosing anchors would cost more than stepping through the bytes.
  const m = new Masker(registry, { engine: buf.length < 65536 ? 'automaton' : 'auto' });
  const a = m.write(buf);
  const b = m.end();
  if (a === undefined) return b ?? EMPTY;
  return b === undefined ? a : Buffer.concat([a, b]);
}

export function maskString(text: string, secrets: SecretRegistry | readonly string[]): string {
  const { registry } = toRegistry(secrets);
  if (text.length === 0 || registry.compiled().empty) return text;
  return maskBuffer(Buffer.from(text, 'utf8'), registry).toString('utf8');
}
