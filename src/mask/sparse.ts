/**
 * A prefilter for the common case of few secrets: instead of stepping the automaton over every byte
 * in JavaScript, search natively (Buffer.indexOf, memchr speed) for one rare "anchor" byte of each
 * form and compare the form in place around each hit. Every occurrence of a form contains its anchor
 * at a known offset, so no occurrence is missed. GitLab token prefixes are anchored the same way.
 * Single-byte searches matter: Buffer.indexOf(byte) is memchr and costs ~25 ns a call here, a
 * multi-byte needle several times that. The masker falls back to the automaton for any chunk where
 * anchors turn out to be frequent, and learns the stream's byte frequencies to choose better ones.
 * The idea is the rare-byte prefilter of grep-like tools.
 */
/** More forms than this: the automaton is cheaper than the comparisons. */
export const SPARSE_MAX_FORMS = 128;
/** Expected anchor hits per byte above which anchors are not worth it. */
export const SPARSE_MAX_RATE = 1 / 48;

export interface AnchorChoice {
  /**
   * Anchors: a byte (0..255) or a pair of bytes (256 + (first << 8 | second)). A pair is searched
   * natively as a two-byte needle: where its first byte is common (the `g` of every `gl…-` token
   * prefix in a log full of "warning" and "packages"), the search rejects those hits without
   * returning to JavaScript.
   */
  readonly anchors: readonly number[];
  /** The needle of each anchor, for Buffer.indexOf. */
  readonly needles: readonly (number | Buffer)[];
  /** For each anchor: the forms it stands for and the anchor's offset in each. */
  readonly byAnchor: ReadonlyMap<number, readonly AnchoredEntry[]>;
  /**
   * The same, flat for the hot loop. Entries are bucketed by the byte next to the anchor (before it,
   * or after it for an anchor at offset 0), so most hits look at no entry: for anchor i and
   * neighbour byte b, entries [first[k], first[k + 1]) with k = (i * 2 + side) * 256 + b, side 0 for
   * the byte before. Each entry has the anchor's offset, the form's start and length in `bytes`, and
   * 1 for a token prefix.
   */
  readonly first: Int32Array;
  readonly off: Int32Array;
  readonly start: Int32Array;
  readonly len: Int32Array;
  readonly token: Uint8Array;
  readonly bytes: Buffer;
  /** Anchor length (1 or 2) per anchor index. */
  readonly anchorLen: Uint8Array;
  /** Expected hits per byte of input (sum of the anchors' estimated frequencies). */
  readonly rate: number;
}

/** How often a byte, and a pair of bytes, turns up in the input (estimates). */
export interface Frequencies {
  byte: Float64Array;
  pair(a: number, b: number): number;
}

/**
 * Typical build-log byte frequencies (a prior, refined by what the masker samples): spaces, lowercase
 * letters by English frequency, digits and ISO-timestamp characters common; uppercase, most
 * punctuation, control bytes and non-ASCII rare.
 */
export function priorWeights(): Float64Array {
  const w = new Float64Array(256).fill(0.00002);
  const lower = 'etaoinsrhldcumfpgwybvkxjqz';
  const lowerFreq = [
    57, 41, 37, 34, 33, 32, 29, 27, 20, 18, 17, 13, 12, 11, 10, 9, 9, 8, 8, 7, 4.5, 3.5, 0.7, 0.5, 0.4, 0.4,
  ];
  for (let i = 0; i < lower.length; i++) w[lower.charCodeAt(i)] = (lowerFreq[i] as number) / 1000;
  for (let c = 0x41; c <= 0x5a; c++) w[c] = 0.002;
  for (const c of 'TZEIRNOSA') w[c.charCodeAt(0)] = 0.004;
  for (let c = 0x30; c <= 0x39; c++) w[c] = 0.012;
  const punct: Record<string, number> = {
    ' ': 0.12,
    '\n': 0.02,
    '-': 0.012,
    '.': 0.012,
    '/': 0.012,
    ':': 0.01,
    _: 0.005,
    '=': 0.004,
    ',': 0.004,
    '"': 0.004,
    '[': 0.003,
    ']': 0.003,
    '(': 0.002,
    ')': 0.002,
    "'": 0.002,
    '\t': 0.002,
    '\r': 0.002,
    '\x1b': 0.002,
    '%': 0.001,
    '+': 0.001,
    '{': 0.0008,
    '}': 0.0008,
  };
  for (const [c, f] of Object.entries(punct)) w[c.charCodeAt(0)] = f;
  for (const c of '@#*?;<>\\$') w[c.charCodeAt(0)] = 0.0005;
  for (const c of '&!|`~^') w[c.charCodeAt(0)] = 0.0003;
  for (let c = 0x80; c < 0x100; c++) w[c] = 0.0002;
  return w;
}

export interface SparseEntry {
  readonly form: Buffer;
  /** A GitLab token prefix (its tail is checked by the masker), not a form to mask. */
  readonly token: boolean;
}

export interface AnchoredEntry extends SparseEntry {
  /** Where the anchor byte sits in the form. */
  readonly off: number;
}

const PAIR = 256;
/**
 * What one more anchor costs besides its hits, in hits per input byte: a native search pass over the
 * chunk (~0.1 ns a byte) against the JavaScript work of one hit (~50 ns). Rarer than this, an anchor
 * is as cheap as none, so covering more forms with fewer passes wins.
 */
const PASS_COST = 0.002;
const isPair = (k: number) => k >= PAIR;
const anchorBytes = (k: number): number[] =>
  isPair(k) ? [((k - PAIR) >> 8) & 0xff, (k - PAIR) & 0xff] : [k];

/** The anchors a form contains: its bytes and its adjacent pairs. */
function candidates(form: Buffer): Set<number> {
  const out = new Set<number>(form);
  for (let i = 0; i + 1 < form.length; i++)
    out.add(PAIR + (((form[i] as number) << 8) | (form[i + 1] as number)));
  return out;
}

/** Where an anchor first sits in a form. */
function offsetIn(form: Buffer, k: number): number {
  return isPair(k) ? form.indexOf(Buffer.from(anchorBytes(k))) : form.indexOf(k);
}

/** Weighted greedy set cover: each entry covered by one of the chosen anchors, rare ones first. */
function coverEntries(has: Set<number>[], freq: (k: number) => number): Set<number> {
  const uncovered = new Set(has.keys());
  const chosen = new Set<number>();
  const all = new Set<number>();
  for (const h of has) for (const k of h) all.add(k);
  while (uncovered.size > 0) {
    let best = -1;
    let bestScore = 0;
    for (const k of all) {
      if (chosen.has(k)) continue;
      let n = 0;
      for (const i of uncovered) if ((has[i] as Set<number>).has(k)) n++;
      const score = n / (freq(k) + PASS_COST);
      if (n > 0 && score > bestScore) {
        bestScore = score;
        best = k;
      }
    }
    chosen.add(best);
    for (const i of [...uncovered]) if ((has[i] as Set<number>).has(best)) uncovered.delete(i);
  }
  return chosen;
}

/**
 * Weighted greedy set cover over bytes and pairs of bytes: the anchors, and for each entry the
 * rarest chosen anchor it contains. Undefined when there are too many forms or the anchors would be
 * too frequent to pay off.
 */
export function chooseAnchors(
  entries: readonly SparseEntry[],
  weights: Float64Array | Frequencies,
  always = false,
): AnchorChoice | undefined {
  if (entries.length > SPARSE_MAX_FORMS && !always) return undefined;
  const f: Frequencies =
    weights instanceof Float64Array
      ? { byte: weights, pair: (a, b) => (weights[a] as number) * (weights[b] as number) }
      : weights;
  const known = new Map<number, number>();
  const freq = (k: number) => {
    let v = known.get(k);
    if (v === undefined) {
      v = isPair(k) ? f.pair(((k - PAIR) >> 8) & 0xff, (k - PAIR) & 0xff) : (f.byte[k] as number);
      known.set(k, v);
    }
    return v;
  };
  const has = entries.map((e) => candidates(e.form));
  const chosen = coverEntries(has, freq);
  const byAnchor = new Map<number, AnchoredEntry[]>();
  entries.forEach((entry, i) => {
    let a = -1;
    for (const k of has[i] as Set<number>) if (chosen.has(k) && (a < 0 || freq(k) < freq(a))) a = k;
    const list = byAnchor.get(a) ?? [];
    list.push({ ...entry, off: offsetIn(entry.form, a) });
    byAnchor.set(a, list);
  });
  const anchors = [...byAnchor.keys()];
  const rate = anchors.reduce((n, k) => n + freq(k), 0);
  if (rate > SPARSE_MAX_RATE && !always) return undefined;
  return flatten(anchors, byAnchor, rate);
}

/** The hot loop's tables (see AnchorChoice). */
function flatten(anchors: number[], byAnchor: Map<number, AnchoredEntry[]>, rate: number): AnchorChoice {
  // Bucket key of each entry: (anchor index, side, neighbour byte).
  const keyed: { key: number; e: AnchoredEntry }[] = [];
  anchors.forEach((a, i) => {
    const alen = isPair(a) ? 2 : 1;
    for (const e of byAnchor.get(a) as AnchoredEntry[]) {
      const side = e.off === 0 ? 1 : 0;
      const nb = e.form[side === 0 ? e.off - 1 : e.off + alen] as number;
      keyed.push({ key: (i * 2 + side) * 256 + nb, e });
    }
  });
  keyed.sort((x, y) => x.key - y.key);
  const flat = keyed.map((k) => k.e);
  const first = new Int32Array(anchors.length * 512 + 1);
  for (const k of keyed) first[k.key + 1] = (first[k.key + 1] as number) + 1;
  for (let k = 1; k < first.length; k++) first[k] = (first[k] as number) + (first[k - 1] as number);
  const start = new Int32Array(flat.length);
  let at = 0;
  flat.forEach((e, i) => {
    start[i] = at;
    at += e.form.length;
  });
  return {
    anchors,
    needles: anchors.map((k) => (isPair(k) ? Buffer.from(anchorBytes(k)) : k)),
    byAnchor,
    first,
    off: Int32Array.from(flat, (e) => e.off),
    start,
    len: Int32Array.from(flat, (e) => e.form.length),
    token: Uint8Array.from(flat, (e) => (e.token ? 1 : 0)),
    bytes: Buffer.concat(flat.map((e) => e.form)),
    anchorLen: Uint8Array.from(anchors, (k) => (isPair(k) ? 2 : 1)),
    rate,
  };
}
