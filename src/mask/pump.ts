/**
 * Masking at the speed of the pipe: bytes from a source through the Masker to a sink with nothing
 * around the engine but the reads and the writes. Measured with `--cpu-prof` (bench/mask-cli.bench.ts),
 * the older path (an async iterator over stdin, a Transform, stream.pipeline) spent more time around
 * the engine than in it: a promise per 64 KiB chunk, a copy of every chunk to join the held bytes
 * to it, and 64 KiB reads of a file through the thread pool one at a time. Here:
 * - a regular file is read in 1 MiB pieces straight from its descriptor, the next read already under
 *   way while this piece is masked and written (`maskFile`);
 * - any other source (a pipe, a terminal, a child's output) is read as it arrives, each chunk masked
 *   and written in the same tick (`maskPipe`): a line that starts no secret goes out at once;
 * - the pieces the Masker returns (views into the chunk, copies of the few held bytes) are written
 *   as they are, never copied into one buffer;
 * - backpressure with a window: reading goes on while the sink has up to SINK_LIMIT bytes queued,
 *   so the pipe is written while the next chunk is read and masked, and memory stays bounded.
 * Every guarantee of the Masker holds (it is the same engine): output equals `maskReference` on the
 * whole input, for any chunking. When the source stops early (destroyed, or an error), what the
 * Masker held is still masked and written before the promise settles.
 */
import { read } from 'node:fs';
import type { Writable } from 'node:stream';
import { Masker, type MaskerOptions } from './masker.js';
import type { SecretRegistry } from './registry.js';

/** Bytes per read of a regular file. */
export const FILE_CHUNK = 1024 * 1024;
/** Room left before each piece read from a file, where the masker puts the bytes it held back. */
const HEADROOM = 16 * 1024;

export interface PumpOptions extends MaskerOptions {
  /** End the sink when the source ends (default true; exec shares its stdout and stderr). */
  end?: boolean;
}

/** A byte source as Node gives them: process.stdin, a child's stdout, any Readable. */
export type ByteSource = NodeJS.ReadableStream & { destroy?: () => unknown };

function toBuffer(chunk: Buffer | string | Uint8Array): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/**
 * Bytes a sink may have queued before reading waits. A sink's own high-water mark (16 KiB for
 * stdout) is below one chunk, and its 'drain' comes only when everything is out: honouring those
 * would leave the pipe idle while the next chunk is read and masked. The window instead keeps up to
 * this many bytes in flight and resumes as soon as the sink has taken enough of them.
 */
export const SINK_LIMIT = 2 * 1024 * 1024;

/** Writes to a sink, counting the bytes it has not taken yet (per-write callbacks). */
class SinkWindow {
  private queued = 0;
  private waiting: (() => void) | undefined;

  constructor(
    private readonly sink: Writable,
    private readonly limit = SINK_LIMIT,
  ) {}

  /**
   * Writes the pieces (emptying the list); false when more than the limit is in flight. `done` runs
   * once the sink has taken all of them (at once when there are none).
   */
  write(parts: Buffer[], done?: () => void): boolean {
    const last = parts.length - 1;
    // Several pieces (held bytes, then the chunk) go out in one writev where the sink can.
    if (last > 0) this.sink.cork();
    parts.forEach((p, i) => {
      const n = p.length;
      this.queued += n;
      this.sink.write(p, () => {
        this.taken(n);
        if (i === last) done?.();
      });
    });
    if (last > 0) this.sink.uncork();
    if (last < 0) done?.();
    parts.length = 0;
    return this.queued <= this.limit;
  }

  /** Resolves once no more than the limit is in flight (or the sink failed: see release). */
  below(): Promise<void> {
    if (this.queued <= this.limit) return Promise.resolve();
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** The sink failed: whoever waits stops waiting (and finds the error). */
  release(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.();
  }

  private taken(n: number): void {
    this.queued -= n;
    if (this.waiting !== undefined && this.queued <= this.limit) {
      const w = this.waiting;
      this.waiting = undefined;
      w();
    }
  }
}

/** Ends the sink (when asked) and settles once it has finished or failed. */
function finishSink(sink: Writable, end: boolean): Promise<void> {
  if (!end) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (sink.writableFinished) return resolve();
    const onError = (e: Error) => {
      sink.off('finish', onFinish);
      reject(e);
    };
    const onFinish = () => {
      sink.off('error', onError);
      resolve();
    };
    sink.once('error', onError);
    sink.once('finish', onFinish);
    sink.end();
  });
}

/** A source the pumps watch for its end: a Readable, or a socket read through `onread`. */
interface EndingSource {
  on(event: 'end' | 'close', f: () => void): unknown;
  on(event: 'error', f: (e: Error) => void): unknown;
  off(event: 'end' | 'close', f: () => void): unknown;
  off(event: 'error', f: (e: Error) => void): unknown;
  destroy?: () => unknown;
}

/**
 * Waits for `source` to end (or close early, or fail) while its chunks are masked elsewhere:
 * `flush` then writes what the Masker held. Resolves once the sink has taken everything (and ended,
 * when asked); rejects on a source error (after flushing) or a sink error (reading stops).
 * `fail(e)` ends it from the data path (a masking error).
 */
function untilEnd(
  source: EndingSource,
  sink: Writable,
  flush: () => void,
  end: boolean,
  onStop?: () => void,
): { done: Promise<void>; fail: (e: Error) => void; settled: () => boolean } {
  let settled = false;
  let fail: (e: Error) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    const stop = () => {
      source.off('end', onEnd);
      source.off('close', onEnd);
      source.off('error', onSourceError);
      sink.off('error', onSinkError);
      onStop?.();
    };
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      stop();
      try {
        flush();
      } catch (e) {
        err ??= e as Error;
      }
      if (err) reject(err);
      else finishSink(sink, end).then(resolve, reject);
    };
    function onEnd(): void {
      finish();
    }
    function onSourceError(e: Error): void {
      finish(e);
    }
    function onSinkError(e: Error): void {
      if (settled) return;
      settled = true;
      stop();
      source.destroy?.();
      reject(e);
    }
    fail = finish;
    sink.on('error', onSinkError);
    source.on('error', onSourceError);
    source.on('end', onEnd);
    source.on('close', onEnd);
  });
  return { done, fail: (e) => fail(e), settled: () => settled };
}

/**
 * Masks `source` into `sink` as chunks arrive. Resolves when the source has ended (or closed early:
 * what the Masker held is flushed first) and the sink has taken everything; rejects on a source or
 * sink error (after flushing what was held, for a source error).
 */
export function maskPipe(
  source: ByteSource,
  sink: Writable,
  registry: SecretRegistry,
  opts: PumpOptions = {},
): Promise<void> {
  // Made on the first chunk: a stream that stays silent (exec's stderr, often) costs nothing.
  let made: Masker | undefined;
  const parts: Buffer[] = [];
  const window = new SinkWindow(sink);
  const flush = () => {
    made?.endInto(parts);
    window.write(parts);
  };
  const run = untilEnd(source, sink, flush, opts.end !== false, () => source.off('data', onData));
  const onData = (chunk: Buffer | string | Uint8Array): void => {
    try {
      (made ??= new Masker(registry, opts)).writeInto(toBuffer(chunk), parts);
    } catch (e) {
      run.fail(e as Error);
      return;
    }
    if (!window.write(parts)) {
      source.pause();
      void window.below().then(() => {
        if (!run.settled()) source.resume();
      });
    }
  };
  source.on('data', onData);
  return run.done;
}

/** Bytes per read of a socket read through `maskingReads` (it takes what is there, up to this). */
export const SOCKET_CHUNK = 256 * 1024;

/** net's `onread`: where each read lands, and what is done with it (false pauses the socket). */
export interface OnRead {
  buffer: () => Uint8Array;
  callback: (bytes: number, buf: Uint8Array) => boolean;
}

/** A socket as `maskingReads` needs it: it ends, fails, pauses and resumes. */
export type ReadSocket = EndingSource & { pause(): unknown; resume(): unknown };

/**
 * Masking a socket's bytes as they arrive, read into a few reused buffers (net's `onread`): exec's
 * child output (app/output-link.ts). A stream's reads each land in a fresh 64 KiB buffer, and memory
 * the kernel has just filled is slow to read the first time (on the 2-core machine of
 * docs/benchmarks.md, 128 MiB in fresh 64 KiB buffers took 43–71 ms to touch once, in reused ones
 * about 5); the masker reads every byte. Here each read is masked and written as it arrives (a line
 * that starts no secret goes out at once), and its buffer comes back once the sink has taken every
 * piece written from it. Connect the socket with `onread`, then call `pump(socket)`: it settles as
 * `maskPipe` does.
 */
export function maskingReads(
  sink: Writable,
  registry: SecretRegistry,
  opts: PumpOptions & { chunkSize?: number } = {},
): { onread: OnRead; pump: (socket: ReadSocket) => Promise<void> } {
  const buffers = new ReadBuffers(opts.chunkSize ?? SOCKET_CHUNK);
  let made: Masker | undefined;
  const parts: Buffer[] = [];
  const window = new SinkWindow(sink);
  let socket: ReadSocket | undefined;
  let run: ReturnType<typeof untilEnd> | undefined;
  const onread: OnRead = {
    buffer: () => buffers.take(),
    callback: (bytes, buf) => {
      const view = buf as Buffer;
      try {
        (made ??= new Masker(registry, opts)).writeInto(view.subarray(0, bytes), parts, HEADROOM);
      } catch (e) {
        buffers.give(view);
        run?.fail(e as Error);
        return false;
      }
      if (window.write(parts, () => buffers.give(view))) return true;
      void window.below().then(() => {
        if (run?.settled() === false) socket?.resume();
      });
      return false;
    },
  };
  const pump = (s: ReadSocket): Promise<void> => {
    socket = s;
    const flush = () => {
      made?.endInto(parts);
      window.write(parts);
    };
    run = untilEnd(s, sink, flush, opts.end !== false);
    return run.done;
  };
  return { onread, pump };
}

/**
 * Buffers for reads, each a view with HEADROOM before it in its memory: a buffer comes back once the
 * sink has taken every piece written from it, so a long stream is read into the same few buffers (no
 * fresh memory to fault in, nothing for the collector) while pieces are still views, never copies.
 */
class ReadBuffers {
  private readonly free: Buffer[] = [];

  constructor(private readonly size: number) {}

  take(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(HEADROOM + this.size).subarray(HEADROOM);
  }

  give(buf: Buffer): void {
    if (this.free.length < 8) this.free.push(buf);
  }

  /** The next piece of the file, in a buffer of its own; undefined at the end. */
  read(fd: number): Promise<{ buf: Buffer; chunk: Buffer } | undefined> {
    return new Promise((resolve, reject) => {
      const buf = this.take();
      read(fd, buf, 0, this.size, null, (err, n) => {
        if (err || n === 0) this.give(buf);
        if (err) reject(err);
        else resolve(n === 0 ? undefined : { buf, chunk: buf.subarray(0, n) });
      });
    });
  }
}

/**
 * Masks a regular file (an open descriptor, read from its current position to its end) into `sink`,
 * reading `chunkSize` bytes at a time with the next read under way while a piece is masked.
 */
export async function maskFile(
  fd: number,
  sink: Writable,
  registry: SecretRegistry,
  opts: PumpOptions & { chunkSize?: number } = {},
): Promise<void> {
  const size = opts.chunkSize ?? FILE_CHUNK;
  const masker = new Masker(registry, opts);
  const parts: Buffer[] = [];
  const window = new SinkWindow(sink);
  // No Promise.race against a promise that lives as long as the loop: each race would stay
  // referenced from it, and with it every chunk read.
  let sinkError: Error | undefined;
  const onSinkError = (e: Error) => {
    sinkError ??= e;
    window.release();
  };
  sink.on('error', onSinkError);
  const buffers = new ReadBuffers(size);
  try {
    let next = buffers.read(fd);
    for (;;) {
      let piece: { buf: Buffer; chunk: Buffer } | undefined;
      try {
        piece = await next;
      } catch (e) {
        // A read failed: what was held is still masked and written, then the error is the answer.
        masker.endInto(parts);
        if (sinkError === undefined) window.write(parts);
        throw e;
      }
      if (sinkError) throw sinkError;
      if (piece === undefined) break;
      next = buffers.read(fd);
      masker.writeInto(piece.chunk, parts, HEADROOM);
      const { buf } = piece;
      if (!window.write(parts, () => buffers.give(buf))) await window.below();
      if (sinkError) {
        next.catch(() => undefined);
        throw sinkError;
      }
    }
    masker.endInto(parts);
    window.write(parts);
  } finally {
    sink.off('error', onSinkError);
  }
  if (sinkError) throw sinkError;
  await finishSink(sink, opts.end !== false);
}
