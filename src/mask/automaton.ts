/**
 * Aho–Corasick over bytes, built for masking: every state knows the longest pattern that ends there
 * (the only one masking needs: shorter ones ending at the same byte lie inside it), the GitLab token
 * prefix that ends there (if any), and its depth (how many bytes may still be the start of a match,
 * i.e. how much a stream must hold back).
 *
 * Memory: a full 256-wide DFA row for every state would take 1 KiB a state (~300 MB for 1,000 secrets
 * with their forms). Only the root and states with two or more children get a full row (precomputed
 * with failure links folded in, so a step there is two loads: the byte's class, then the row entry);
 * the long single-child chains a trie of random secrets is mostly made of keep their one child and fall
 * back along failure links on a mismatch. Rows have one entry per byte class, not per byte, and states
 * are numbered breadth first: what a scan touches most stays in cache. Each failure step lowers the depth by at least one and each byte raises it by at most one,
 * so scanning stays linear in the input (a×64 MiB against a×19+b costs two steps a byte).
 */

export interface AcPattern {
  /** The pattern's bytes as a latin1 string (one char per byte: cheap to sort and index). */
  key: string;
  /** A match is masked. */
  mask: boolean;
  /** A GitLab token prefix: a match starts a token candidate (see masker.ts). */
  token: boolean;
}

export interface Automaton {
  readonly states: number;
  /** Byte → column in a row; 0 for every byte that appears in no pattern. */
  readonly byteClass: Uint8Array;
  readonly classes: number;
  /** Full rows, `classes` entries each. */
  readonly table: Int32Array;
  /** Per state: offset of its row in `table`, or -1 for a chain state. */
  readonly rowOff: Int32Array;
  /** Chain states: the byte of their only child, or -1 (a leaf). */
  readonly childByte: Int32Array;
  readonly childState: Int32Array;
  readonly fail: Int32Array;
  readonly depth: Int32Array;
  /**
   * How many of the last bytes may still begin a match not yet complete: the depth of the deepest
   * state on the failure chain that has children. A stream holds back exactly this many bytes.
   */
  readonly hold: Int32Array;
  /** Length of the longest masked pattern that is a suffix of the state's string; 0 if none. */
  readonly outLen: Int32Array;
  /** Length of the token prefix that is a suffix of the state's string; 0 if none. */
  readonly tokLen: Int32Array;
  /** Bit 1: outLen > 0; bit 2: tokLen > 0. Lets the hot loop test one byte. */
  readonly flags: Uint8Array;
  /** Longest pattern, in bytes. */
  readonly maxLen: number;
  readonly patterns: number;
}

export const FLAG_MASK = 1;
export const FLAG_TOKEN = 2;

/** The next state from `s` on byte `b`. */
export function step(a: Automaton, s: number, b: number): number {
  for (;;) {
    const r = a.rowOff[s] as number;
    if (r >= 0) return a.table[r + (a.byteClass[b] as number)] as number;
    if (a.childByte[s] === b) return a.childState[s] as number;
    s = a.fail[s] as number;
  }
}

export function buildAutomaton(input: readonly AcPattern[]): Automaton {
  // Sorted insertion: each pattern shares its longest common prefix with the one before it, so new
  // nodes hang off one path and children arrive in increasing byte order: no per-node maps.
  const pats = input
    .filter((p) => p.key.length > 0)
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  let total = 1;
  let maxLen = 0;
  for (const p of pats) {
    total += p.key.length;
    if (p.key.length > maxLen) maxLen = p.key.length;
  }
  const firstChild = new Int32Array(total).fill(-1);
  const lastChild = new Int32Array(total).fill(-1);
  const nextSibling = new Int32Array(total).fill(-1);
  const byteOf = new Int32Array(total);
  const childCount = new Int32Array(total);
  const depth = new Int32Array(total);
  const ownOut = new Int32Array(total);
  const ownTok = new Int32Array(total);
  const path = new Int32Array(maxLen + 1);
  let states = 1;
  let prev = '';
  for (const p of pats) {
    const k = p.key;
    let l = 0;
    const lim = Math.min(k.length, prev.length);
    while (l < lim && k.charCodeAt(l) === prev.charCodeAt(l)) l++;
    let node = path[l] as number;
    for (let j = l; j < k.length; j++) {
      const c = states++;
      byteOf[c] = k.charCodeAt(j);
      depth[c] = j + 1;
      if (lastChild[node] === -1) firstChild[node] = c;
      else nextSibling[lastChild[node] as number] = c;
      lastChild[node] = c;
      childCount[node] = (childCount[node] as number) + 1;
      node = c;
      path[j + 1] = c;
    }
    if (p.mask) ownOut[node] = k.length;
    if (p.token) ownTok[node] = k.length;
    prev = k;
  }

  // Number states breadth first: the shallow states a scan visits most sit together in memory, and
  // each state's children get consecutive numbers.
  const order = new Int32Array(states);
  const newId = new Int32Array(states);
  let qt = 1;
  for (let qh = 0; qh < qt; qh++) {
    const u = order[qh] as number;
    newId[u] = qh;
    for (let c = firstChild[u] as number; c !== -1; c = nextSibling[c] as number) order[qt++] = c;
  }
  const perm = (src: Int32Array) => {
    const out = new Int32Array(states);
    for (let v = 0; v < states; v++) out[v] = src[order[v] as number] as number;
    return out;
  };
  const byteN = perm(byteOf);
  const depthN = perm(depth);
  const outN = perm(ownOut);
  const tokN = perm(ownTok);
  const countN = perm(childCount);
  const firstN = new Int32Array(states);
  for (let v = 0; v < states; v++) {
    const c = firstChild[order[v] as number] as number;
    firstN[v] = c === -1 ? -1 : (newId[c] as number);
  }

  // Byte classes: bytes in no pattern all lead back to the root, so they share class 0 and a row
  // needs one entry per class, not per byte (a quarter of the memory for typical secrets).
  const byteClass = new Uint8Array(256);
  let classes = 1;
  for (const p of pats) {
    for (let j = 0; j < p.key.length; j++) {
      const b = p.key.charCodeAt(j);
      if (byteClass[b] === 0) byteClass[b] = classes++;
    }
  }
  let rows = 0;
  for (let v = 0; v < states; v++) if (v === 0 || (countN[v] as number) >= 2) rows++;
  const table = new Int32Array(rows * classes);
  const rowOff = new Int32Array(states).fill(-1);
  const childByte = new Int32Array(states).fill(-1);
  const childState = new Int32Array(states);
  const fail = new Int32Array(states);
  const outLen = new Int32Array(states);
  const tokLen = new Int32Array(states);
  const hold = new Int32Array(states);
  const flags = new Uint8Array(states);
  const a: Automaton = {
    states,
    byteClass,
    classes,
    table,
    rowOff,
    childByte,
    childState,
    fail,
    depth: depthN,
    hold,
    outLen,
    tokLen,
    flags,
    maxLen,
    patterns: pats.length,
  };

  // In breadth-first order a state's failure target is shallower, so complete before it is needed.
  let nextRow = 0;
  const chain: number[] = [];
  for (let u = 0; u < states; u++) {
    const f = fail[u] as number;
    const n = countN[u] as number;
    const c0 = firstN[u] as number;
    hold[u] = n > 0 ? (depthN[u] as number) : (hold[f] as number);
    if (u === 0 || n >= 2) {
      const off = nextRow++ * classes;
      rowOff[u] = off;
      if (u !== 0) {
        // The row of the failure target, with chain states' single children laid over it.
        chain.length = 0;
        let d = f;
        while ((rowOff[d] as number) < 0) {
          chain.push(d);
          d = fail[d] as number;
        }
        const src = rowOff[d] as number;
        table.copyWithin(off, src, src + classes);
        for (let j = chain.length - 1; j >= 0; j--) {
          const cstate = chain[j] as number;
          const cb = childByte[cstate] as number;
          if (cb >= 0) table[off + (byteClass[cb] as number)] = childState[cstate] as number;
        }
      }
      for (let c = c0; c < c0 + n; c++) table[off + (byteClass[byteN[c] as number] as number)] = c;
    } else if (n === 1) {
      childByte[u] = byteN[c0] as number;
      childState[u] = c0;
    }
    for (let c = c0; c < c0 + n; c++) {
      const fc = u === 0 ? 0 : step(a, f, byteN[c] as number);
      fail[c] = fc;
      const o = Math.max(outN[c] as number, outLen[fc] as number);
      const t = (tokN[c] as number) > 0 ? (tokN[c] as number) : (tokLen[fc] as number);
      outLen[c] = o;
      tokLen[c] = t;
      flags[c] = (o > 0 ? FLAG_MASK : 0) | (t > 0 ? FLAG_TOKEN : 0);
    }
  }
  return a;
}
