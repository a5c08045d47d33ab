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

/**
 * Built in three passes over flat arrays, no per-state objects: the trie straight in breadth-first
 * numbering (from the sorted patterns, no renumbering), the arrays of the automaton, then one
 * breadth-first pass for the failure links, rows and outputs.
 */
export function buildAutomaton(input: readonly AcPattern[]): Automaton {
  const pats = sortedPatterns(input);
  const trie = buildTrie(pats);
  const a = allocate(trie, pats.length);
  linkStates(a, trie);
  return a;
}

/**
 * Non-empty patterns in byte order: each shares its longest common prefix with the one before it,
 * so the trie grows along one path and a state's children arrive in increasing byte order.
 */
function sortedPatterns(input: readonly AcPattern[]): AcPattern[] {
  return input.filter((p) => p.key.length > 0).sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/** The patterns' trie, states numbered breadth first. */
interface Trie {
  readonly states: number;
  readonly maxLen: number;
  /** Per state: the byte that leads to it and its depth. */
  readonly byteOf: Uint8Array;
  readonly depth: Int32Array;
  /** Per state: its first child and how many it has (children have consecutive numbers). */
  readonly firstChild: Int32Array;
  readonly childCount: Int32Array;
  /** Per state: length of the masked pattern, of the token prefix, that ends exactly there (0: none). */
  readonly ownOut: Int32Array;
  readonly ownTok: Int32Array;
  readonly byteClass: Uint8Array;
  readonly classes: number;
  /** States that get a full row: the root and every state with two or more children. */
  readonly rows: number;
}

/**
 * Per sorted pattern, the length of the prefix it shares with the one before (its states exist);
 * and the first state number at each depth 1..maxLen, then the number of states at maxLen + 1. A
 * pattern adds one state at each depth past its shared prefix; breadth-first numbering puts depth
 * d's states after all shallower ones.
 */
function levels(pats: readonly AcPattern[], maxLen: number): { lcp: Int32Array; starts: Int32Array } {
  const lcp = new Int32Array(pats.length);
  const at = new Int32Array(maxLen + 2);
  let prev = '';
  for (let i = 0; i < pats.length; i++) {
    const k = (pats[i] as AcPattern).key;
    const lim = Math.min(k.length, prev.length);
    let l = 0;
    while (l < lim && k.charCodeAt(l) === prev.charCodeAt(l)) l++;
    lcp[i] = l;
    prev = k;
    // First as differences: +1 where the pattern's new states begin, −1 past its end.
    at[l + 1] = (at[l + 1] as number) + 1;
    at[k.length + 1] = (at[k.length + 1] as number) - 1;
  }
  let count = 0;
  let next = 1;
  for (let d = 1; d <= maxLen; d++) {
    count += at[d] as number;
    at[d] = next;
    next += count;
  }
  at[maxLen + 1] = next;
  return { lcp, starts: at };
}

/**
 * The trie, numbered breadth first as it is built: in sorted order the states of one depth appear in
 * the order of their strings, which is breadth-first order (parents in order, children by byte), so
 * each new state takes the next number of its depth. Byte classes are numbered in order of first use.
 */
function buildTrie(pats: readonly AcPattern[]): Trie {
  const maxLen = pats.reduce((m, p) => Math.max(m, p.key.length), 0);
  const { lcp, starts } = levels(pats, maxLen);
  const states = starts[maxLen + 1] as number;
  const next = starts.slice();
  const byteOf = new Uint8Array(states);
  const depth = new Int32Array(states);
  const firstChild = new Int32Array(states);
  const childCount = new Int32Array(states);
  const ownOut = new Int32Array(states);
  const ownTok = new Int32Array(states);
  const byteClass = new Uint8Array(256);
  const path = new Int32Array(maxLen + 1);
  let classes = 1;
  let rows = 1;
  for (let i = 0; i < pats.length; i++) {
    const p = pats[i] as AcPattern;
    const k = p.key;
    for (let j = lcp[i] as number; j < k.length; j++) {
      const b = k.charCodeAt(j);
      const c = next[j + 1] as number;
      next[j + 1] = c + 1;
      const parent = path[j] as number;
      byteOf[c] = b;
      const n = childCount[parent] as number;
      if (n === 0) firstChild[parent] = c;
      else if (n === 1 && parent !== 0) rows++;
      childCount[parent] = n + 1;
      if (byteClass[b] === 0) byteClass[b] = classes++;
      path[j + 1] = c;
    }
    const end = path[k.length] as number;
    if (p.mask) ownOut[end] = k.length;
    if (p.token) ownTok[end] = k.length;
  }
  for (let d = 1; d <= maxLen; d++) depth.fill(d, starts[d], starts[d + 1]);
  return { states, maxLen, byteOf, depth, firstChild, childCount, ownOut, ownTok, byteClass, classes, rows };
}

/** An Int32Array of `n` entries, all `v`. */
function filled(n: number, v: number): Int32Array {
  return new Int32Array(n).fill(v);
}

/**
 * The automaton's arrays, ready for linkStates: the trie's depth, first children and own outputs
 * become the automaton's (outputs grow along failure links in place).
 */
function allocate(t: Trie, patterns: number): Automaton {
  const { states } = t;
  return {
    states,
    byteClass: t.byteClass,
    classes: t.classes,
    table: new Int32Array(t.rows * t.classes),
    rowOff: filled(states, -1),
    childByte: filled(states, -1),
    // Read only where childByte matches, i.e. for chain states: their first child is their child.
    childState: t.firstChild,
    fail: new Int32Array(states),
    depth: t.depth,
    hold: new Int32Array(states),
    outLen: t.ownOut,
    tokLen: t.ownTok,
    flags: new Uint8Array(states),
    maxLen: t.maxLen,
    patterns,
  };
}

/**
 * One breadth-first pass: each state's row or single child, and its children's failure links and
 * outputs. A state's failure target is shallower, so it is complete before it is needed.
 */
function linkStates(a: Automaton, t: Trie): void {
  const { firstChild, childCount, byteOf } = t;
  const { rowOff, childByte, hold, depth, fail } = a;
  let nextRow = 0;
  for (let u = 0; u < a.states; u++) {
    const n = childCount[u] as number;
    const c0 = firstChild[u] as number;
    hold[u] = n > 0 ? (depth[u] as number) : (hold[fail[u] as number] as number);
    if (u === 0 || n >= 2) {
      const off = nextRow++ * a.classes;
      rowOff[u] = off;
      fillRow(a, u, off, t);
    } else if (n === 1) childByte[u] = byteOf[c0] as number;
    if (n > 0) linkChildren(a, u, c0, n, byteOf);
  }
}

/**
 * A full row: the failure target's transitions (the nearest row along failure links, with the
 * single children of the chain states passed on the way laid over it), then the state's own children.
 */
function fillRow(a: Automaton, u: number, off: number, t: Trie): void {
  const { table, rowOff, childByte, childState, fail, byteClass } = a;
  if (u !== 0) {
    const chain: number[] = [];
    let d = fail[u] as number;
    while ((rowOff[d] as number) < 0) {
      chain.push(d);
      d = fail[d] as number;
    }
    const src = rowOff[d] as number;
    table.copyWithin(off, src, src + a.classes);
    for (let j = chain.length - 1; j >= 0; j--) {
      const cs = chain[j] as number;
      const cb = childByte[cs] as number;
      if (cb >= 0) table[off + (byteClass[cb] as number)] = childState[cs] as number;
    }
  }
  const c0 = t.firstChild[u] as number;
  const end = c0 + (t.childCount[u] as number);
  for (let c = c0; c < end; c++) table[off + (byteClass[t.byteOf[c] as number] as number)] = c;
}

/** Children c0..c0+n of `u`: failure link, longest masked pattern and token prefix, flags. */
function linkChildren(a: Automaton, u: number, c0: number, n: number, byteOf: Uint8Array): void {
  const { fail, outLen, tokLen, flags } = a;
  const f = fail[u] as number;
  for (let c = c0; c < c0 + n; c++) {
    const fc = u === 0 ? 0 : step(a, f, byteOf[c] as number);
    fail[c] = fc;
    const o = Math.max(outLen[c] as number, outLen[fc] as number);
    const own = tokLen[c] as number;
    const tk = own > 0 ? own : (tokLen[fc] as number);
    outLen[c] = o;
    tokLen[c] = tk;
    flags[c] = (o > 0 ? FLAG_MASK : 0) | (tk > 0 ? FLAG_TOKEN : 0);
  }
}
