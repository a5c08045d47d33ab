/**
 * The streaming masker over bytes (never strings, so a multi-byte character or a secret split across
 * writes is whole again here). Output equals `maskReference` on the whole input, for any chunking:
 * every occurrence of every form, GitLab token shape and white-space form is found; overlapping and
 * touching ranges merge; each merged range becomes one `[MASKED]` (gitlab-runner's replacement,
 * helpers/trace/mask.go). The replacement is written out, never scanned: matching runs on input only.
 *
 * Holding back: after each write, bytes are emitted up to the earliest position a future match could
 * still start (the automaton's hold, an unfinished token tail, an unfinished multi-line match). So at
 * most longest-form − 1 bytes wait, and only while they may begin a secret: a progress line that starts
 * no secret goes out at once. Nothing waits on a timer; the end of the stream flushes everything.
 *
 * Searching, per chunk, whichever is cheapest (all exact, tested against each other): the automaton on
 * every byte (automaton.ts); for few forms, native searches for one rare byte of each form and of each
 * token prefix (sparse.ts); for many forms of 8+ bytes, Wu–Manber skipping (skip.ts). A chunk where the
 * cheap method meets too many candidates goes through the automaton instead.
 */
import { FLAG_MASK, FLAG_TOKEN, step } from './automaton.js';
import { MAX_WS_GAP, SecretRegistry, WS_BREAK, WS_SEP, type Compiled } from './registry.js';
import { buildSkipTable, skipScan, type SkipTable } from './skip.js';
import {
  chooseAnchors,
  priorWeights,
  SPARSE_MAX_FORMS,
  type AnchorChoice,
  type Frequencies,
  type SparseEntry,
} from './sparse.js';
import { GITLAB_TOKEN_PREFIXES, TOKEN_MIN_TAIL, URL_SAFE } from './tokens.js';

export const MASK = '[MASKED]';
export const MASK_BYTES = Buffer.from(MASK);

const EMPTY = Buffer.alloc(0);
/** Input bytes sampled (one in 16) before the anchors are chosen again from what the stream holds. */
const EARLY_SAMPLES = 65536;
/**
 * Pairs are counted from this many samples on (4 KiB of input): a short stream never chooses by them,
 * and its masker does not pay for the 512 KiB table (tests and `exec` make many short-lived maskers).
 */
const PAIRS_FROM = 256;

function isWs(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

/** A run of white space being read: where it began, how long it is, whether it is already a break. */
interface WsRun {
  start: number;
  len: number;
  broken: boolean;
}

/**
 * One input byte as the white-space automaton sees it: a run of white space becomes one symbol
 * (WS_SEP for 1..MAX_WS_GAP bytes, fed when the run ends; WS_BREAK as soon as it grows longer), any
 * other byte itself. The one definition for both the stream scan and the rescan of held bytes.
 */
function wsByte(run: WsRun, b: number, at: number, feed: (sym: number, at: number) => void): void {
  if (isWs(b)) {
    if (run.start < 0) {
      run.start = at;
      run.len = 1;
      run.broken = false;
    } else run.len++;
    if (!run.broken && run.len > MAX_WS_GAP) {
      feed(WS_BREAK, run.start);
      run.broken = true;
    }
    return;
  }
  if (run.start >= 0) {
    if (!run.broken) feed(WS_SEP, run.start);
    run.start = -1;
  }
  feed(b, at);
}

function pow2AtLeast(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

const skipTables = new WeakMap<Compiled, { force: boolean; table: SkipTable | undefined }>();

function skipTableFor(c: Compiled, forms: readonly string[], force: boolean): SkipTable | undefined {
  const known = skipTables.get(c);
  if (known && known.force === force) return known.table;
  const table = buildSkipTable(forms, force);
  skipTables.set(c, { force, table });
  return table;
}

/** The pieces of one write as one buffer (undefined for none; no copy for one). */
function join(parts: Buffer[]): Buffer | undefined {
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

export interface MaskerOptions {
  /**
   * How to search. `auto` (default): anchor bytes (sparse.ts) while there are few forms and anchors
   * stay rare; Wu–Manber (skip.ts) for many forms of 8+ bytes; the automaton otherwise, and for any
   * chunk where candidates turn out frequent. `automaton`: every byte through the automaton.
   * `anchors`, `skip`: that method whenever possible, however slow. All give the same output; tests
   * force each.
   */
  engine?: 'auto' | 'automaton' | 'anchors' | 'skip';
}

/** The synchronous core: bytes in, masked bytes out. MaskStream wraps it; maskBuffer uses it whole. */
export class Masker {
  readonly registry: SecretRegistry;
  private c: Compiled;
  /** Absolute offsets: bytes consumed, bytes decided (emitted or swallowed), end of the last mask. */
  private pos = 0;
  private emitted = 0;
  private maskEnd = -1;
  private acState = 0;
  /** Undecided match ranges: sorted, disjoint, not touching. */
  private ivS: number[] = [];
  private ivE: number[] = [];
  private ivN = 0;
  /** The running token candidate: where its prefix starts and its tail begins (-1: none). */
  private tokStart = -1;
  private tokTail = -1;
  /** White-space automaton: its state, the pending run, and input offsets of its recent symbols. */
  private wsState = 0;
  private runStart = -1;
  private runLen = 0;
  private runBroken = false;
  private wsRing = new Float64Array(1);
  private wsCount = 0;
  /** The last ring.length input bytes (held bytes are always among them). */
  private ring: Buffer;
  private ended = false;
  /** The earliest offset a match not yet found can start at (the last hold point). */
  private scanFrom = 0;
  /**
   * How to search (both undefined: the automaton on every byte). Few forms: anchor bytes for forms and
   * token prefixes (sparse.ts). Many long forms: Wu–Manber for the forms (skip.ts), anchors for the
   * token prefixes only.
   */
  private anchors: AnchorChoice | undefined;
  private skip: SkipTable | undefined;
  /** Byte counts sampled from the input, to choose anchors that are rare in this stream. */
  private readonly seen = new Float64Array(256);
  /** Pairs of adjacent bytes sampled at the same places, from PAIRS_FROM samples on. */
  private seenPairs: Float64Array | undefined;
  private seenTotal = 0;
  /** Chunks to scan with the automaton before trying anchors again, and the next back-off. */
  private cooldown = 0;
  private backoff = 4;
  /** Reused per chunk by the fast scan. */
  private readonly found: number[] = [];
  private chunksFast = 0;
  private chunksAutomaton = 0;

  private readonly engine: 'auto' | 'automaton' | 'anchors' | 'skip';

  constructor(registry: SecretRegistry, opts: MaskerOptions = {}) {
    this.registry = registry;
    this.engine = opts.engine ?? 'auto';
    this.c = registry.compiled();
    this.ring = Buffer.alloc(this.ringSize(this.c));
    this.wsRing = new Float64Array(pow2AtLeast((this.c.ws?.maxLen ?? 0) + 1));
    this.chooseSearch();
  }

  /** Masks the next chunk; returns what can be emitted now (undefined if nothing). */
  write(chunk: Buffer): Buffer | undefined {
    const parts: Buffer[] = [];
    this.writeInto(chunk, parts);
    return join(parts);
  }

  /**
   * Masks the next chunk and appends what can be emitted now to `out`, without copying: the pieces
   * are views into `chunk` (which the caller must not change until they are written) and copies of
   * the held bytes it completes. The path for pipes (pump.ts); `write` is the same, joined.
   * `headroom`: that many bytes before `chunk` in its memory are scratch the masker may overwrite (a
   * file read leaves room there), so held bytes are put before the chunk instead of copying the chunk.
   */
  writeInto(chunk: Buffer, out: Buffer[], headroom = 0): void {
    if (this.ended) throw new Error('write after end');
    if (this.registry.version !== this.c.version) this.recompile();
    const n = chunk.length;
    if (n === 0) return;
    const base = this.pos;
    let fast = false;
    if (this.seenTotal < EARLY_SAMPLES && this.engine === 'auto' && this.c.ws === undefined) {
      // Learn this stream's bytes from its first ~1 MiB, then choose anchors that are rare in it.
      this.sample(chunk);
      if (this.seenTotal >= EARLY_SAMPLES) this.chooseSearch();
    }
    if (this.anchors !== undefined || this.skip !== undefined) {
      if (this.cooldown > 0) {
        this.cooldown--;
        this.sample(chunk);
        if (this.cooldown === 0) this.chooseSearch();
      } else if (this.scanFast(chunk, base, headroom)) fast = true;
      else {
        // Candidates are frequent here: back off to the automaton for a while, learning the bytes.
        this.cooldown = this.backoff;
        this.backoff = Math.min(this.backoff * 2, 1024);
        this.sample(chunk);
      }
    }
    if (fast) {
      this.backoff = 4;
      this.chunksFast++;
    } else {
      this.scan(chunk, base);
      this.chunksAutomaton++;
    }
    if (this.c.ws !== undefined) this.scanWs(chunk, base);
    this.pos = base + n;
    if (fast) this.acState = this.tailState(chunk, base);
    const hold = this.holdFrom();
    this.scanFrom = hold;
    this.emit(hold, chunk, base, out);
    this.remember(chunk, base);
  }

  /** End of input: everything held goes out. */
  end(): Buffer | undefined {
    const parts: Buffer[] = [];
    this.endInto(parts);
    return join(parts);
  }

  /** End of input: everything held is appended to `out`. */
  endInto(out: Buffer[]): void {
    if (this.ended) return;
    if (this.registry.version !== this.c.version) this.recompile();
    this.ended = true;
    this.emit(this.pos, EMPTY, this.pos, out);
  }

  /** Bytes currently held back (for tests and diagnostics). */
  get held(): number {
    return this.pos - this.emitted;
  }

  /** Chunks searched by anchors or Wu–Manber vs by the automaton, anchor bytes, Wu–Manber on (diagnostics). */
  get stats(): { chunksFast: number; chunksAutomaton: number; anchors: string; skip: boolean } {
    return {
      chunksFast: this.chunksFast,
      chunksAutomaton: this.chunksAutomaton,
      anchors: (this.anchors?.needles ?? [])
        .map((n) => (typeof n === 'number' ? String.fromCharCode(n) : n.toString('latin1')))
        .join(' '),
      skip: this.skip !== undefined,
    };
  }

  private ringSize(c: Compiled): number {
    return pow2AtLeast(Math.max(4096, c.maxHold + 1));
  }

  private scan(buf: Buffer, base: number): void {
    const a = this.c.ac;
    const table = a.table;
    const cls = a.byteClass;
    const rowOff = a.rowOff;
    const childByte = a.childByte;
    const childState = a.childState;
    const fail = a.fail;
    const flags = a.flags;
    const n = buf.length;
    let s = this.acState;
    let tokTail = this.tokTail;
    let tokStart = this.tokStart;
    let i = 0;
    while (i < n) {
      if (s === 0 && tokTail < 0) {
        // At the root, skip bytes that start nothing (the root's row maps them back to the root).
        while (i < n && table[cls[buf[i] as number] as number] === 0) i++;
        if (i === n) break;
      }
      const b = buf[i] as number;
      if (tokTail >= 0) {
        if (URL_SAFE[b] === 1) {
          const end = base + i + 1;
          if (end - tokTail >= TOKEN_MIN_TAIL) this.add(tokStart, end);
        } else tokTail = -1;
      }
      for (;;) {
        const r = rowOff[s] as number;
        if (r >= 0) {
          s = table[r + (cls[b] as number)] as number;
          break;
        }
        if (childByte[s] === b) {
          s = childState[s] as number;
          break;
        }
        s = fail[s] as number;
      }
      const f = flags[s] as number;
      if (f !== 0) {
        const end = base + i + 1;
        if ((f & FLAG_MASK) !== 0) this.add(end - (a.outLen[s] as number), end);
        if ((f & FLAG_TOKEN) !== 0 && tokTail < 0) {
          tokTail = end;
          tokStart = end - (a.tokLen[s] as number);
        }
      }
      i++;
    }
    this.acState = s;
    this.tokTail = tokTail;
    this.tokStart = tokStart;
  }

  /**
   * How to search this stream's bytes so far (see `anchors`, `skip`): neither when the automaton is
   * the better choice.
   */
  private chooseSearch(): void {
    this.anchors = undefined;
    this.skip = undefined;
    if (this.c.ws !== undefined || this.engine === 'automaton') return;
    const prior = priorWeights();
    const k = 4096; // the prior counts as this many sampled bytes
    const total = this.seenTotal;
    const weights: Frequencies = {
      byte: prior.map((w, b) => (w * k + (this.seen[b] as number)) / (k + total)),
      // Adjacent bytes are not independent (letters follow letters): the prior pair is four times
      // the product of its bytes, then what the stream showed.
      pair: (a, b) =>
        ((prior[a] as number) * (prior[b] as number) * 4 * k + (this.seenPairs?.[(a << 8) | b] ?? 0)) /
        (k + total),
    };
    const keys = this.registry.formKeys();
    const tokens: SparseEntry[] = this.registry.gitlabTokens
      ? GITLAB_TOKEN_PREFIXES.map((p) => ({ form: Buffer.from(p, 'latin1'), token: true }))
      : [];
    const force = this.engine !== 'auto';
    if (this.engine !== 'skip') {
      // Over SPARSE_MAX_FORMS entries chooseAnchors declines (unless forced): no Buffers to make.
      if (force || keys.length + tokens.length <= SPARSE_MAX_FORMS) {
        const entries = this.registry.forms().map((form) => ({ form, token: false }));
        this.anchors = chooseAnchors([...entries, ...tokens], weights, force);
      }
      if (this.anchors !== undefined || this.engine === 'anchors') return;
    }
    // The skip tables depend on the forms only, not on byte weights: built once per version of the
    // registry, shared by every masker over it (exec's stdout and stderr).
    this.skip = skipTableFor(this.c, keys, force);
    if (this.skip === undefined && keys.length > 0) return; // nothing but the automaton finds the forms
    if (tokens.length > 0) {
      this.anchors = chooseAnchors(tokens, weights, force);
      if (this.anchors === undefined) this.skip = undefined; // tokens need the anchors
    }
  }

  private sample(chunk: Buffer): void {
    const n = chunk.length;
    const pairs = this.seenTotal >= PAIRS_FROM ? (this.seenPairs ??= new Float64Array(65536)) : undefined;
    for (let i = 0; i < n; i += 16) {
      const b = chunk[i] as number;
      this.seen[b] = (this.seen[b] as number) + 1;
      if (pairs !== undefined && i + 1 < n) {
        const p = (b << 8) | (chunk[i + 1] as number);
        pairs[p] = (pairs[p] as number) + 1;
      }
    }
    this.seenTotal += Math.ceil(n / 16);
  }

  /** Bytes [a, b) of input still in the ring, as 1 or 2 views into it. */
  private ringSlices(a: number, b: number): Buffer[] {
    const size = this.ring.length;
    const i = a & (size - 1);
    const j = i + (b - a);
    return j <= size ? [this.ring.subarray(i, j)] : [this.ring.subarray(i), this.ring.subarray(0, j - size)];
  }

  /** The automaton's state after the input so far, from its last maxLen bytes (all a state depends on). */
  private tailState(chunk: Buffer, base: number): number {
    const a = this.c.ac;
    const from = Math.max(0, this.pos - a.maxLen);
    let s = 0;
    if (from < base) for (const part of this.ringSlices(from, base)) for (const b of part) s = step(a, s, b);
    for (let i = Math.max(0, from - base); i < chunk.length; i++) s = step(a, s, chunk[i] as number);
    return s;
  }

  /**
   * The fast scan: forms found through their anchor byte or by Wu–Manber, GitLab tokens through their
   * prefix's anchor. Scans from the last hold point, so a form or token that began in held bytes is
   * found whole. Returns false, having changed nothing, when candidates are too frequent in this chunk.
   */
  private scanFast(chunk: Buffer, base: number, headroom: number): boolean {
    const found = this.found;
    found.length = 0;
    const prefixes: number[] = []; // token prefixes found: start (in the view), length
    let from = this.scanFrom;
    let view = chunk;
    let junction = false;
    if (from < base) {
      // Held bytes: in the chunk's headroom when there is room; else what began in them is found by
      // the automaton over the chunk's first bytes, and the fast scan reads the chunk alone.
      if (base - from <= headroom && chunk.byteOffset >= base - from) view = this.withHeld(chunk, from, base);
      else if (this.junction(chunk, base, found, prefixes)) {
        junction = true;
        from = base;
      } else view = Buffer.concat([...this.ringSlices(from, base), chunk]);
    }
    const budget = this.engine === 'auto' ? (chunk.length >> 5) + 16 : Infinity;
    if (this.skip !== undefined && !skipScan(this.skip, view, from, base, found, budget)) return false;
    if (this.anchors !== undefined && !anchorScan(this.anchors, view, from, base, found, prefixes, budget))
      return false;
    if (this.registry.gitlabTokens) this.sparseTokens(view, from, chunk, base, prefixes, found, junction);
    // Matches in end order, as add() wants them.
    if (found.length > 2) {
      const pairs: [number, number][] = [];
      for (let i = 0; i < found.length; i += 2) pairs.push([found[i] as number, found[i + 1] as number]);
      pairs.sort((x, y) => x[0] - y[0]);
      for (const [e, s] of pairs) this.add(s, e);
    } else if (found.length === 2) this.add(found[1] as number, found[0] as number);
    return true;
  }

  /** Input bytes [from, base) put in the headroom before `chunk`, and the chunk: one view. */
  private withHeld(chunk: Buffer, from: number, base: number): Buffer {
    const held = base - from;
    const view = Buffer.from(chunk.buffer, chunk.byteOffset - held, held + chunk.length);
    let at = 0;
    for (const s of this.ringSlices(from, base)) at += s.copy(view, at);
    return view;
  }

  /**
   * Matches and token prefixes that begin in held bytes, found by stepping the automaton from its
   * state at `base` over the chunk's first bytes, until no match under way can have begun before
   * `base` (the state is no deeper than the bytes stepped). Pushes forms as (end, start) to `found`
   * and prefixes as (start − base, length) to `prefixes`. False when the chunk ends first (the
   * caller joins held bytes and chunk instead).
   */
  private junction(chunk: Buffer, base: number, found: number[], prefixes: number[]): boolean {
    const a = this.c.ac;
    let s = this.acState;
    const nf = found.length;
    const np = prefixes.length;
    for (let i = 0; i < chunk.length; i++) {
      s = step(a, s, chunk[i] as number);
      const end = base + i + 1;
      const f = a.flags[s] as number;
      if ((f & FLAG_MASK) !== 0 && end - (a.outLen[s] as number) < base)
        found.push(end, end - (a.outLen[s] as number));
      if ((f & FLAG_TOKEN) !== 0 && end - (a.tokLen[s] as number) < base)
        prefixes.push(end - (a.tokLen[s] as number) - base, a.tokLen[s] as number);
      if ((a.depth[s] as number) <= i + 1) return true;
    }
    found.length = nf;
    prefixes.length = np;
    return false;
  }

  /** Token tails after the prefixes found, one running candidate at a time (see tokens.ts). */
  private sparseTokens(
    view: Buffer,
    from: number,
    chunk: Buffer,
    base: number,
    prefixes: number[],
    found: number[],
    junction: boolean,
  ) {
    const vlen = view.length;
    let runEnd = -1;
    if (this.tokTail >= 0) {
      // Masked already, or read past its held prefix (junction): its tail runs on into this chunk.
      // Otherwise the view starts at its prefix, and it is found again below.
      if (base - this.tokTail >= TOKEN_MIN_TAIL || junction) {
        let k = 0;
        while (k < chunk.length && URL_SAFE[chunk[k] as number] === 1) k++;
        if (k > 0 && base + k - this.tokTail >= TOKEN_MIN_TAIL) found.push(base + k, this.tokStart);
        runEnd = base + k;
        if (k < chunk.length) this.tokTail = -1;
      } else this.tokTail = -1;
    }
    if (prefixes.length === 0) return;
    const order: number[] = [];
    for (let i = 0; i < prefixes.length; i += 2) order.push(i);
    order.sort((x, y) => (prefixes[x] as number) - (prefixes[y] as number));
    for (const i of order) {
      const h = prefixes[i] as number;
      const plen = prefixes[i + 1] as number;
      if (from + h < runEnd) continue; // inside a running token: covered by it
      let j = h + plen;
      while (j < vlen && URL_SAFE[view[j] as number] === 1) j++;
      if (j - h - plen >= TOKEN_MIN_TAIL && from + j > base) found.push(from + j, from + h);
      runEnd = from + j;
      if (j === vlen) {
        // The tail may go on in the next chunk.
        this.tokStart = from + h;
        this.tokTail = from + h + plen;
        break;
      }
    }
  }

  /**
   * Multi-line secrets: the input as the white-space automaton sees it, each run of white space one
   * symbol (WS_SEP for 1..MAX_WS_GAP bytes, WS_BREAK beyond), which is only known when the run ends or
   * grows too long. A ring maps symbols back to input offsets.
   */
  private scanWs(buf: Buffer, base: number): void {
    const w = this.c.ws;
    if (w === undefined) return;
    const ring = this.wsRing;
    const rmask = ring.length - 1;
    let s = this.wsState;
    let count = this.wsCount;
    const run: WsRun = { start: this.runStart, len: this.runLen, broken: this.runBroken };
    const feed = (sym: number, at: number): void => {
      s = step(w, s, sym);
      ring[count & rmask] = at;
      count++;
      const o = w.outLen[s] as number;
      if (o > 0) this.addAny(ring[(count - o) & rmask] as number, at + 1);
    };
    for (let i = 0; i < buf.length; i++) wsByte(run, buf[i] as number, base + i, feed);
    this.wsState = s;
    this.wsCount = count;
    this.runStart = run.start;
    this.runLen = run.len;
    this.runBroken = run.broken;
  }

  /** A match in end order (the main scan): merge with the ranges it reaches. */
  private add(s: number, e: number): void {
    const S = this.ivS;
    const E = this.ivE;
    let k = this.ivN;
    if (k > 0 && e < (E[k - 1] as number)) {
      this.addAny(s, e);
      return;
    }
    while (k > 0 && (E[k - 1] as number) >= s) {
      k--;
      if ((S[k] as number) < s) s = S[k] as number;
    }
    S[k] = s;
    E[k] = e;
    this.ivN = k + 1;
  }

  /** A match in any order (white-space matches, rescans): insert and re-merge. Rare. */
  private addAny(s: number, e: number): void {
    const list: [number, number][] = [[s, e]];
    for (let k = 0; k < this.ivN; k++) list.push([this.ivS[k] as number, this.ivE[k] as number]);
    list.sort((x, y) => x[0] - y[0]);
    let n = 0;
    for (const [a, b] of list) {
      if (n > 0 && a <= (this.ivE[n - 1] as number)) {
        if (b > (this.ivE[n - 1] as number)) this.ivE[n - 1] = b;
      } else {
        this.ivS[n] = a;
        this.ivE[n] = b;
        n++;
      }
    }
    this.ivN = n;
  }

  /** The earliest input offset a match not yet seen could start at. */
  private holdFrom(): number {
    let f = this.pos - (this.c.ac.hold[this.acState] as number);
    if (this.tokTail >= 0 && this.pos - this.tokTail < TOKEN_MIN_TAIL && this.tokStart < f) f = this.tokStart;
    const w = this.c.ws;
    if (w !== undefined) {
      const d = w.hold[this.wsState] as number;
      if (d > 0) {
        const at = this.wsRing[(this.wsCount - d) & (this.wsRing.length - 1)] as number;
        if (at < f) f = at;
      }
    }
    return f;
  }

  /**
   * Emit everything decided before `hold`: raw spans and one [MASKED] per merged range, appended to
   * `parts`. Held bytes are copied out of the ring (the next write overwrites it); bytes of this
   * chunk are views into it.
   */
  private emit(hold: number, chunk: Buffer, base: number, parts: Buffer[]): void {
    const raw = (a: number, b: number): void => {
      if (a < base) {
        const end = Math.min(b, base);
        const size = this.ring.length;
        const i = a & (size - 1);
        const j = i + (end - a);
        if (j <= size) parts.push(Buffer.from(this.ring.subarray(i, j)));
        else parts.push(Buffer.concat([this.ring.subarray(i), this.ring.subarray(0, j - size)]));
        a = end;
      }
      if (b > a) parts.push(chunk.subarray(a - base, b - base));
    };
    const S = this.ivS;
    const E = this.ivE;
    let cur = this.emitted;
    let maskEnd = this.maskEnd;
    let h = 0;
    for (; h < this.ivN; h++) {
      const s = S[h] as number;
      const e = E[h] as number;
      if (s <= maskEnd) {
        // Reaches the mask already written: it grows; no second [MASKED].
        if (e > maskEnd) maskEnd = e;
        if (maskEnd > cur) cur = maskEnd;
        continue;
      }
      if (s >= hold) break;
      if (s > cur) raw(cur, s);
      parts.push(MASK_BYTES);
      maskEnd = e;
      cur = e;
    }
    if (h > 0) {
      for (let k = h; k < this.ivN; k++) {
        S[k - h] = S[k] as number;
        E[k - h] = E[k] as number;
      }
      this.ivN -= h;
    }
    if (hold > cur) {
      raw(cur, hold);
      cur = hold;
    }
    this.emitted = cur;
    this.maskEnd = maskEnd;
  }

  /** Keep the chunk's last bytes: held bytes are read from here by the next write. */
  private remember(chunk: Buffer, base: number): void {
    const size = this.ring.length;
    const m = Math.min(chunk.length, size);
    const from = base + chunk.length - m;
    const i = from & (size - 1);
    const first = Math.min(m, size - i);
    chunk.copy(this.ring, i, chunk.length - m, chunk.length - m + first);
    if (first < m) chunk.copy(this.ring, 0, chunk.length - m + first, chunk.length);
  }

  /**
   * The registry changed (a secret added mid-stream). The new automata are positioned by rescanning the
   * input we still have (the ring): the state only depends on the last few bytes. Matches that reach
   * bytes not yet emitted are masked from there on; token state carries over (prefixes do not change).
   */
  private recompile(): void {
    const c = this.registry.compiled();
    const oldRing = this.ring;
    const avail = Math.min(this.pos, oldRing.length);
    const start = this.pos - avail;
    const size = this.ringSize(c);
    if (size > oldRing.length) {
      const ring = Buffer.alloc(size);
      for (let q = start; q < this.pos; q++)
        ring[q & (size - 1)] = oldRing[q & (oldRing.length - 1)] as number;
      this.ring = ring;
    }
    this.c = c;
    const ring = this.ring;
    const rmask = ring.length - 1;
    const found: [number, number][] = [];
    const keep = (s: number, e: number) => {
      if (e > this.emitted) found.push([Math.max(s, this.emitted), e]);
    };
    let s = 0;
    for (let q = start; q < this.pos; q++) {
      s = step(c.ac, s, ring[q & rmask] as number);
      const o = c.ac.outLen[s] as number;
      if (o > 0) keep(q + 1 - o, q + 1);
    }
    this.acState = s;
    this.wsRing = new Float64Array(pow2AtLeast((c.ws?.maxLen ?? 0) + 1));
    this.wsCount = 0;
    this.wsState = 0;
    const w = c.ws;
    if (w !== undefined) {
      const wr = this.wsRing;
      const wm = wr.length - 1;
      let ws = 0;
      let count = 0;
      const run: WsRun = { start: -1, len: 0, broken: false };
      const feed = (sym: number, at: number) => {
        ws = step(w, ws, sym);
        wr[count & wm] = at;
        count++;
        const o = w.outLen[ws] as number;
        if (o > 0) keep(wr[(count - o) & wm] as number, at + 1);
      };
      for (let q = start; q < this.pos; q++) wsByte(run, ring[q & rmask] as number, q, feed);
      // The pending run is the real one (it may have begun before the bytes we still have).
      if (this.runStart >= 0 && this.runBroken && !run.broken) ws = step(w, ws, WS_BREAK);
      this.wsState = ws;
      this.wsCount = count;
    }
    for (const [a, b] of found) this.addAny(a, b);
    this.chooseSearch();
    this.cooldown = 0;
    // A longer new form may reach further back than the old hold point.
    this.scanFrom = Math.min(this.scanFrom, this.holdFrom());
  }
}

/**
 * Every form anchored in `choice` found in `view` (bytes from absolute offset `from`) and ending after
 * `base`, pushed to `found` as (end, start) pairs; token prefixes to `prefixes` as (start, length) in
 * view offsets. False when more than `budget` anchor hits turn up.
 */
function anchorScan(
  choice: AnchorChoice,
  view: Buffer,
  from: number,
  base: number,
  found: number[],
  prefixes: number[],
  budget: number,
): boolean {
  const { first, off, start, len, token, bytes, needles, anchorLen } = choice;
  const vlen = view.length;
  for (let ai = 0; ai < needles.length; ai++) {
    const a = needles[ai] as number | Buffer;
    const alen = anchorLen[ai] as number;
    const before = ai * 512;
    const after = before + 256;
    for (let h = view.indexOf(a); h !== -1; h = view.indexOf(a, h + 1)) {
      if (--budget < 0) return false;
      // Entries whose byte before the anchor is view[h - 1], then those anchored at offset 0 whose
      // next byte is view[h + 1] (outside the view: nothing can match there yet).
      for (let side = 0; side < 2; side++) {
        const nb =
          side === 0
            ? h > 0
              ? (view[h - 1] as number)
              : -1
            : h + alen < vlen
              ? (view[h + alen] as number)
              : -1;
        if (nb < 0) continue;
        const key = (side === 0 ? before : after) + nb;
        const x1 = first[key + 1] as number;
        for (let x = first[key] as number; x < x1; x++) {
          const s = h - (off[x] as number);
          const l = len[x] as number;
          // Before the view: cannot start a match (hold); past its end: held, found next time.
          if (s < 0 || s + l > vlen) continue;
          const b0 = start[x] as number;
          let k = 0;
          while (k < l && view[s + k] === bytes[b0 + k]) k++;
          if (k < l) continue;
          if (token[x] === 1) prefixes.push(s, l);
          else if (from + s + l > base) found.push(from + s + l, from + s);
        }
      }
    }
  }
  return true;
}
