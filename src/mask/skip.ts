/**
 * Many secrets: Wu–Manber ("A fast algorithm for multi-pattern searching", 1994). With m the shortest
 * form's length, a window of m bytes is judged by its last 4 bytes: if no form's first m bytes contain
 * that 4-gram, the window can move by up to m − 3 bytes without skipping any occurrence. Only windows
 * whose last 4-gram ends some form's m-byte prefix are checked, against those forms alone. For 1,000
 * secrets (~10,000 forms of 16+ bytes) that looks at roughly one window per ten bytes, where the
 * automaton must step through every byte. Exact: every occurrence of every form is found.
 */

const GRAM = 4;
/**
 * 4-gram hash bits: 2^18 one-byte shifts (256 KiB, stays in cache). Measured on the benchmark's 1,000
 * secrets: 2^16 fills the table and shortens the skips, 2^20 and more lose to cache misses.
 */
export const SKIP_HASH_BITS = 18;
/** Shortest form length below which skipping does not pay off. */
export const SKIP_MIN_LENGTH = 8;

export interface SkipTable {
  /** Length of the shortest form: the window. */
  readonly m: number;
  /** The hash keeps the top `32 - drop` bits. */
  readonly drop: number;
  /** Per 4-gram hash: how far the window may move; 0 means "check". */
  readonly shift: Uint8Array;
  /**
   * Per 4-gram hash with shift 0: its bucket k; the forms whose m-byte prefix ends with such a gram
   * are entries first[k] .. first[k + 1] − 1, each `len` bytes from `start` in `bytes`.
   */
  readonly bucket: ReadonlyMap<number, number>;
  readonly first: Int32Array;
  readonly start: Int32Array;
  readonly len: Int32Array;
  readonly bytes: Buffer;
}

const HASH_MUL = 0x9e3779b1;

function hash(b0: number, b1: number, b2: number, b3: number, drop: number): number {
  return Math.imul(b0 | (b1 << 8) | (b2 << 16) | (b3 << 24), HASH_MUL) >>> drop;
}

/**
 * `forms` as byte keys (latin1 strings, one char per byte). Undefined when the forms are too short
 * (`always`: any length from 4, for tests).
 */
export function buildSkipTable(
  forms: readonly string[],
  always = false,
  bits = SKIP_HASH_BITS,
): SkipTable | undefined {
  if (forms.length === 0) return undefined;
  const m = forms.reduce((n, f) => Math.min(n, f.length), 255);
  if (m < GRAM || (m < SKIP_MIN_LENGTH && !always)) return undefined;
  const drop = 32 - bits;
  const shift = new Uint8Array(1 << bits).fill(m - GRAM + 1);
  const last = new Int32Array(forms.length);
  for (let i = 0; i < forms.length; i++) {
    const f = forms[i] as string;
    // The gram ending at q, rolled in one byte at a time: the same bits hash() is given.
    let w = 0;
    let h = 0;
    for (let q = 1; q <= m; q++) {
      w = (w >>> 8) | (f.charCodeAt(q - 1) << 24);
      if (q < GRAM) continue;
      h = Math.imul(w, HASH_MUL) >>> drop;
      if (m - q < (shift[h] as number)) shift[h] = m - q;
    }
    last[i] = h;
  }
  return { m, drop, shift, ...checkLists(forms, last) };
}

/** The forms grouped by the hash of their m-byte prefix's last gram, flat (see SkipTable). */
function checkLists(forms: readonly string[], last: Int32Array) {
  // Counting sort by bucket: count each bucket's forms, then place each form in its bucket's range.
  const bucket = new Map<number, number>();
  const counts: number[] = [];
  const of = new Int32Array(forms.length);
  for (let i = 0; i < forms.length; i++) {
    const h = last[i] as number;
    let k = bucket.get(h);
    if (k === undefined) {
      k = counts.length;
      bucket.set(h, k);
      counts.push(0);
    }
    of[i] = k;
    counts[k] = (counts[k] as number) + 1;
  }
  const first = new Int32Array(counts.length + 1);
  for (let k = 0; k < counts.length; k++) first[k + 1] = (first[k] as number) + (counts[k] as number);
  const next = first.slice(0, counts.length);
  const order = new Array<string>(forms.length);
  for (let i = 0; i < forms.length; i++) {
    const k = of[i] as number;
    order[next[k] as number] = forms[i] as string;
    next[k] = (next[k] as number) + 1;
  }
  const start = new Int32Array(forms.length);
  const len = Int32Array.from(order, (f) => f.length);
  for (let e = 1; e < order.length; e++) start[e] = (start[e - 1] as number) + (len[e - 1] as number);
  return { bucket, first, start, len, bytes: Buffer.from(order.join(''), 'latin1') };
}

/**
 * The forms of `h`'s bucket that start where the window ending at `j` starts and end after `base`,
 * as (end, start) pairs. Returns the next window's end.
 */
function check(
  t: SkipTable,
  h: number,
  view: Buffer,
  j: number,
  from: number,
  base: number,
  found: number[],
): number {
  const k = t.bucket.get(h) as number;
  const n = view.length;
  const s = j - t.m;
  const { start, len, bytes } = t;
  for (let x = t.first[k] as number, x1 = t.first[k + 1] as number; x < x1; x++) {
    const l = len[x] as number;
    const e = s + l;
    if (e > n || from + e <= base) continue;
    const b0 = start[x] as number;
    let i = 0;
    while (i < l && view[s + i] === bytes[b0 + i]) i++;
    if (i === l) found.push(from + e, from + s);
  }
  return j + 1;
}

/** The hash of the 4-gram ending at `j`. */
function gramAt(view: Buffer, j: number, drop: number): number {
  return hash(
    view[j - 4] as number,
    view[j - 3] as number,
    view[j - 2] as number,
    view[j - 1] as number,
    drop,
  );
}

/**
 * Every occurrence in `view` (bytes from absolute offset `from`) of every form ending after `base`,
 * pushed to `found` as (end, start) pairs, in no particular order. Returns false when more than
 * `budget` windows needed a check (the caller then uses the automaton for this chunk; `found` may
 * hold some pairs already).
 *
 * Two windows move at once, one through each half of the view: each step waits on its table load,
 * and two independent chains of loads keep the processor busy (about 30% faster than one).
 */
export function skipScan(
  table: SkipTable,
  view: Buffer,
  from: number,
  base: number,
  found: number[],
  budget: number,
): boolean {
  const { m, drop, shift } = table;
  const n = view.length;
  // Window ends: [m, mid) for the first, [mid, n] for the second.
  const mid = Math.max(m, (n + m) >> 1);
  let a = m;
  let b = mid;
  while (a < mid && b <= n) {
    // Both table loads are issued before either is waited on.
    const ha = gramAt(view, a, drop);
    const hb = gramAt(view, b, drop);
    const sa = shift[ha] as number;
    const sb = shift[hb] as number;
    if (sa > 0) a += sa;
    else if (--budget < 0) return false;
    else a = check(table, ha, view, a, from, base, found);
    if (sb > 0) b += sb;
    else if (--budget < 0) return false;
    else b = check(table, hb, view, b, from, base, found);
  }
  // What is left of either half, one window at a time.
  for (let j = a < mid ? a : b, end = a < mid ? mid - 1 : n; j <= end;) {
    const h = gramAt(view, j, drop);
    const sh = shift[h] as number;
    if (sh > 0) j += sh;
    else if (--budget < 0) return false;
    else j = check(table, h, view, j, from, base, found);
  }
  return true;
}
