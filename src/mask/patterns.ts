/**
 * The pattern set a masker searches for, over bytes: literal secrets and their forms, multi-line
 * secrets with white-space gaps, and GitLab token shapes (a known prefix and 20+ URL-safe characters,
 * masked even when the token itself was never registered: gitlab-runner does the same since 17.9,
 * FF_MASK_ALL_DEFAULT_TOKENS, GITLAB_FACTS §6).
 *
 * Search: every position's 4-byte word is hashed into a 2^20-bit filter; only positions whose word
 * starts some pattern are checked against the (few) patterns with that first word. Cost per byte is
 * one multiply and one bit test, whatever the number of secrets.
 */
export type Pattern =
  { kind: 'literal'; bytes: Buffer } | { kind: 'ws'; lines: Buffer[] } | { kind: 'token'; prefix: Buffer };

/** Prefixes of GitLab tokens (gitlab-runner's default token patterns). */
export const GITLAB_TOKEN_PREFIXES = [
  'glpat-',
  'gloas-',
  'gldt-',
  'glrt-',
  'glcbt-',
  'glptt-',
  'glft-',
  'glimt-',
  'glagent-',
  'glsoat-',
  'glffct-',
  'glrtr-',
  'GR1348941',
];

/** Longest run of white space between the lines of a multi-line secret that still counts as one. */
export const MAX_WS_GAP = 64;
/** A token's URL-safe tail: at least 20 characters, masked up to this many. */
export const TOKEN_MIN_TAIL = 20;
export const TOKEN_MAX_TAIL = 64;

/** The filter grows with the pattern count: 64 bits a pattern, between 2^10 and 2^20 bits. */
function filterBits(patterns: number): number {
  return Math.max(10, Math.min(20, Math.ceil(Math.log2(Math.max(1, patterns) * 64))));
}

function isWs(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

function isUrlSafe(b: number): boolean {
  return (
    (b >= 0x30 && b <= 0x39) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x61 && b <= 0x7a) ||
    b === 0x2d ||
    b === 0x5f
  );
}

function firstBytes(p: Pattern): Buffer {
  return p.kind === 'literal' ? p.bytes : p.kind === 'ws' ? (p.lines[0] as Buffer) : p.prefix;
}

function maxLength(p: Pattern): number {
  if (p.kind === 'literal') return p.bytes.length;
  if (p.kind === 'token') return p.prefix.length + TOKEN_MAX_TAIL;
  return p.lines.reduce((n, l) => n + l.length, 0) + (p.lines.length - 1) * MAX_WS_GAP;
}

/** Compare `lit` at `buf[j..end)`: bytes matched, or -1 on a mismatch. */
function cmp(buf: Buffer, j: number, end: number, lit: Buffer): number {
  const n = Math.min(lit.length, end - j);
  for (let k = 0; k < n; k++) if (buf[j + k] !== lit[k]) return -1;
  return n;
}

/**
 * > 0: a match of that length; -1: input ended while it could still match; 0: no match. With
 * `final`, the input will not go on, so "could still match" settles into a match or none.
 */
export function matchAt(p: Pattern, buf: Buffer, s: number, end: number, final = false): number {
  if (p.kind === 'literal') {
    const n = cmp(buf, s, end, p.bytes);
    if (n < 0) return 0;
    return n === p.bytes.length ? n : final ? 0 : -1;
  }
  if (p.kind === 'token') {
    const n = cmp(buf, s, end, p.prefix);
    if (n < 0) return 0;
    if (n < p.prefix.length) return final ? 0 : -1;
    let j = s + n;
    while (j < end && j - s - n < TOKEN_MAX_TAIL && isUrlSafe(buf[j] as number)) j++;
    const tail = j - s - n;
    if (j === end && tail < TOKEN_MAX_TAIL && !final) return -1;
    return tail >= TOKEN_MIN_TAIL ? j - s : 0;
  }
  let j = s;
  for (let i = 0; i < p.lines.length; i++) {
    const line = p.lines[i] as Buffer;
    const n = cmp(buf, j, end, line);
    if (n < 0) return 0;
    if (n < line.length) return final ? 0 : -1;
    j += n;
    if (i === p.lines.length - 1) break;
    let gap = 0;
    while (j < end && gap <= MAX_WS_GAP && isWs(buf[j] as number)) {
      j++;
      gap++;
    }
    if (gap > MAX_WS_GAP) return 0;
    if (j === end) return final ? 0 : -1;
    if (gap === 0) return 0;
  }
  return j - s;
}

export interface PatternSet {
  readonly patterns: readonly Pattern[];
  /** The longest a match, or a partial match, can be: how much a stream may hold back. */
  readonly maxHold: number;
  /** Longest match at `s`, and whether a longer one may still complete with more input. */
  scan(buf: Buffer, end: number, final: boolean, onMatch: (start: number, len: number) => void): number;
}

function word(b: Buffer, i: number): number {
  return (
    (((b[i] as number) << 24) |
      ((b[i + 1] as number) << 16) |
      ((b[i + 2] as number) << 8) |
      (b[i + 3] as number)) >>>
    0
  );
}

export function buildPatternSet(patterns: readonly Pattern[]): PatternSet {
  const FILTER_BITS = filterBits(patterns.length);
  const SHIFT = 32 - FILTER_BITS;
  const bits = new Int32Array(1 << (FILTER_BITS - 5));
  const byWord = new Map<number, Pattern[]>();
  // Short tails (1–3 bytes left before the end of input) that start some pattern.
  const heads = [new Set<number>(), new Set<number>(), new Set<number>()];
  let maxHold = 0;
  for (const p of patterns) {
    const f = firstBytes(p);
    if (f.length < 4) continue;
    const w = word(f, 0);
    const h = Math.imul(w, 0x9e3779b1) >>> SHIFT;
    bits[h >>> 5] = (bits[h >>> 5] as number) | (1 << (h & 31));
    const list = byWord.get(w) ?? [];
    list.push(p);
    byWord.set(w, list);
    for (let k = 1; k <= 3; k++) heads[k - 1]?.add(f.subarray(0, k).readUIntBE(0, k));
    maxHold = Math.max(maxHold, maxLength(p));
  }
  for (const list of byWord.values()) list.sort((a, b) => maxLength(b) - maxLength(a));

  /** Calls onMatch for the longest match at every start; returns the first position a match may still begin (end if none). */
  function scan(
    buf: Buffer,
    end: number,
    final: boolean,
    onMatch: (start: number, len: number) => void,
  ): number {
    let holdFrom = end;
    const holdLimit = end - maxHold;
    let w = 0;
    const last = end - 3;
    for (let i = 0; i < end; i++) {
      w = ((w << 8) | (buf[i] as number)) >>> 0;
      const s = i - 3;
      if (s < 0) continue;
      const h = Math.imul(w, 0x9e3779b1) >>> SHIFT;
      if (((bits[h >>> 5] as number) & (1 << (h & 31))) === 0) continue;
      const list = byWord.get(w);
      if (!list) continue;
      let best = 0;
      let partial = false;
      for (const p of list) {
        const r = matchAt(p, buf, s, end, final);
        if (r > best) best = r;
        else if (r === -1) partial = true;
      }
      if (best > 0) onMatch(s, best);
      if (partial && holdFrom === end && s >= holdLimit) holdFrom = s;
    }
    // The last 1–3 bytes may begin a pattern.
    for (let s = Math.max(0, last); s < end; s++) {
      if (s >= holdFrom) break;
      const k = end - s;
      if (heads[k - 1]?.has(buf.readUIntBE(s, k))) {
        holdFrom = s;
        break;
      }
    }
    return holdFrom;
  }
  return { patterns, maxHold, scan };
}
