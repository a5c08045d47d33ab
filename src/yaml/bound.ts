/**
 * The size of a document after its anchors, aliases and `<<` merge keys are expanded, computed on
 * the parser's nodes before any tree is built: one memoised pass, linear in the source. A document
 * over the limit is refused in milliseconds, whichever way it grows: an alias fanned out many times
 * (billion laughs), a chain of merges (`b: {<<: *a, …}`, `c: {<<: *b, …}` …, where each mapping
 * holds every key before it), lists of aliases nested in lists, merge lists (`<<: [*a, *b, …]`).
 *
 * Two figures, both bounded by `maxNodes`: the expanded size (what walking the data costs: the
 * schema, the rules, plain JavaScript) and the build work (entries copied into merged mappings, each
 * mapping built once). And the depth after expansion, bounded by `maxDepth`.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Node as YamlNode, type Pair } from 'yaml';
import type { YamlLimits } from './problem.js';

interface Cost {
  /** Nodes after expansion (keys count as nodes). */
  size: number;
  /** Entries of this mapping after merges (0 for anything else). */
  entries: number;
  /** Levels below, after expansion. */
  depth: number;
}

export type BoundResult = { ok: true } | { ok: false; why: 'size' | 'depth'; at: YamlNode };

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && key.value === '<<' && key.type === Scalar.PLAIN;
}

/** Measures documents in order (anchors are seen before their aliases, as the builder sees them). */
export class ExpansionBound {
  private readonly memo = new Map<YamlNode, Cost>();
  private readonly active = new Set<YamlNode>();
  private anchors = new Map<string, YamlNode>();
  private work = 0;
  private readonly cap: number;

  constructor(private readonly limits: YamlLimits) {
    this.cap = limits.maxNodes + 1;
  }

  /** Checks one document's root (call in document order). */
  check(root: YamlNode): BoundResult {
    this.anchors = new Map();
    const c = this.cost(root, 0);
    if (c === undefined) return { ok: false, why: 'depth', at: root };
    if (c.size > this.limits.maxNodes || this.work > this.limits.maxNodes)
      return { ok: false, why: 'size', at: root };
    if (c.depth > this.limits.maxDepth) return { ok: false, why: 'depth', at: root };
    return { ok: true };
  }

  private add(a: number, b: number): number {
    return Math.min(this.cap, a + b);
  }

  /**
   * Undefined when the source itself nests too deep to walk. Only anchored nodes are memoised (an
   * alias can only name one); everything else is reached once, from its parent.
   */
  private cost(n: YamlNode, level: number): Cost | undefined {
    if (level > this.limits.maxDepth * 4) return undefined;
    if (!n.anchor) return this.measure(n, level);
    const known = this.memo.get(n);
    if (known) return known;
    this.anchors.set(n.anchor, n);
    if (this.active.has(n)) return LEAF; // a cycle: the builder refuses it
    this.active.add(n);
    const c = this.measure(n, level);
    this.active.delete(n);
    if (c) this.memo.set(n, c);
    return c;
  }

  private measure(n: YamlNode, level: number): Cost | undefined {
    if (isSeq(n)) return this.seq(n.items as YamlNode[], level);
    if (isMap(n)) return this.map(n.items, level);
    return LEAF;
  }

  /** An alias stands for its anchored node; anything else for itself. */
  private target(n: YamlNode): YamlNode | undefined {
    return isAlias(n) ? this.anchors.get(n.source) : n;
  }

  private seq(items: YamlNode[], level: number): Cost | undefined {
    let size = 1;
    let depth = 0;
    this.work = this.add(this.work, items.length);
    for (const it of items) {
      const t = this.target(it);
      if (!t) continue;
      const c = this.cost(t, level + 1);
      if (!c) return undefined;
      size = this.add(size, c.size);
      depth = Math.max(depth, c.depth + 1);
    }
    return { size, entries: 0, depth };
  }

  private map(pairs: unknown[], level: number): Cost | undefined {
    let size = 1;
    let depth = 0;
    let entries = 0;
    for (const pair of pairs) {
      if (!isPair(pair)) continue;
      const p = pair as Pair<YamlNode | null, YamlNode | null>;
      const value = p.value ? this.target(p.value) : undefined;
      if (isMergeKey(p.key) && value) {
        // Every entry of every merged mapping is copied into this one.
        const sources = isSeq(value) ? (value.items as YamlNode[]).map((s) => this.target(s)) : [value];
        for (const s of sources) {
          if (!s) continue;
          const c = this.cost(s, level + 1);
          if (!c) return undefined;
          size = this.add(size, Math.max(0, c.size - 1));
          entries = this.add(entries, c.entries);
          depth = Math.max(depth, c.depth);
        }
        continue;
      }
      const key = p.key ? this.target(p.key) : undefined;
      if (key && !isScalar(key)) {
        const k = this.cost(key, level + 1);
        if (!k) return undefined;
      }
      entries = this.add(entries, 1);
      size = this.add(size, 1);
      if (!value) continue;
      const c = this.cost(value, level + 1);
      if (!c) return undefined;
      size = this.add(size, c.size);
      depth = Math.max(depth, c.depth + 1);
    }
    this.work = this.add(this.work, entries);
    return { size, entries, depth };
  }
}

const LEAF: Cost = { size: 1, entries: 0, depth: 0 };
