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
  /** Per 4-gram hash with shift 0: the forms whose m-byte prefix ends with such a gram. */
  readonly check: ReadonlyMap<number, readonly Buffer[]>;
}

function hash(b0: number, b1: number, b2: number, b3: number, drop: number): number {
  return Math.imul(b0 | (b1 << 8) | (b2 << 16) | (b3 << 24), 0x9e3779b1) >>> drop;
}

/** Undefined when the forms are too short (`always`: any length from 4, for tests). */
export function buildSkipTable(
  forms: readonly Buffer[],
  always = false,
  bits = SKIP_HASH_BITS,
): SkipTable | undefined {
  if (forms.length === 0) return undefined;
  const m = Math.min(255, ...forms.map((f) => f.length));
  if (m < GRAM || (m < SKIP_MIN_LENGTH && !always)) return undefined;
  const drop = 32 - bits;
  const shift = new Uint8Array(1 << bits).fill(m - GRAM + 1);
  const check = new Map<number, Buffer[]>();
  for (const f of forms) {
    for (let q = GRAM; q <= m; q++) {
      const h = hash(f[q - 4] as number, f[q - 3] as number, f[q - 2] as number, f[q - 1] as number, drop);
      if (m - q < (shift[h] as number)) shift[h] = m - q;
    }
    const h = hash(f[m - 4] as number, f[m - 3] as number, f[m - 2] as number, f[m - 1] as number, drop);
    const list = check.get(h) ?? [];
    list.push(f);
    check.set(h, list);
  }
  return { m, drop, shift, check };
}

/**
 * Every occurrence in `view` (bytes from absolute offset `from`) of every form ending after `base`,
 * pushed to `found` as (end, start) pairs. Returns false when more than `budget` windows needed a check
 * (the caller then uses the automaton for this chunk; `found` may hold some pairs already).
 */
export function skipScan(
  table: SkipTable,
  view: Buffer,
  from: number,
  base: number,
  found: number[],
  budget: number,
): boolean {
  const { m, drop, shift, check } = table;
  const n = view.length;
  let j = m;
  while (j <= n) {
    const h = hash(
      view[j - 4] as number,
      view[j - 3] as number,
      view[j - 2] as number,
      view[j - 1] as number,
      drop,
    );
    const sh = shift[h] as number;
    if (sh > 0) {
      j += sh;
      continue;
    }
    if (--budget < 0) return false;
    const s = j - m;
    for (const f of check.get(h) ?? []) {
      const e = s + f.length;
      if (e > n || from + e <= base) continue;
      let k = 0;
      while (k < f.length && view[s + k] === f[k]) k++;
      if (k === f.length) found.push(from + e, from + s);
    }
    j++;
  }
  return true;
}
