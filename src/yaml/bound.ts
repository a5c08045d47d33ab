/**
 * The size of a document after its anchors, aliases and `<<` merge keys are expanded, computed on
 * the raw nodes (raw.ts) before any tree is built: one memoised pass, linear in the source. A document
 * over the limit is refused in milliseconds, whichever way it grows: an alias fanned out many times
 * (billion laughs), a chain of merges (`b: {<<: *a, …}`, `c: {<<: *b, …}` …, where each mapping
 * holds every key before it), lists of aliases nested in lists, merge lists (`<<: [*a, *b, …]`).
 *
 * Two figures, both bounded by `maxNodes`: the expanded size (what walking the data costs: the
 * schema, the rules, plain JavaScript) and the build work (entries copied into merged mappings, each
 * mapping built once). And the depth after expansion, bounded by `maxDepth`.
 */
import type { YamlLimits } from './problem.js';
import { isMergeKey, type RawNode, type RawPair } from './raw.js';

interface Cost {
  /** Nodes after expansion (keys count as nodes). */
  size: number;
  /** Entries of this mapping after merges (0 for anything else). */
  entries: number;
  /** Levels below, after expansion. */
  depth: number;
}

export type BoundResult = { ok: true } | { ok: false; why: 'size' | 'depth'; at: RawNode };

/** Measures documents in order (anchors are seen before their aliases, as the builder sees them). */
export class ExpansionBound {
  private readonly memo = new Map<RawNode, Cost>();
  private readonly active = new Set<RawNode>();
  private anchors = new Map<string, RawNode>();
  private work = 0;
  private readonly cap: number;

  constructor(private readonly limits: YamlLimits) {
    this.cap = limits.maxNodes + 1;
  }

  /** Checks one document's root (call in document order). */
  check(root: RawNode): BoundResult {
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
  private cost(n: RawNode, level: number): Cost | undefined {
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

  private measure(n: RawNode, level: number): Cost | undefined {
    if (n.kind === 'seq') return this.seq(n.items, level);
    if (n.kind === 'map') return this.map(n.pairs, level);
    return LEAF;
  }

  /** An alias stands for its anchored node; anything else for itself. */
  private target(n: RawNode): RawNode | undefined {
    return n.kind === 'alias' ? this.anchors.get(n.name) : n;
  }

  private seq(items: RawNode[], level: number): Cost | undefined {
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

  private map(pairs: RawPair[], level: number): Cost | undefined {
    let size = 1;
    let depth = 0;
    let entries = 0;
    for (const p of pairs) {
      const value = p.value ? this.target(p.value) : undefined;
      if (isMergeKey(p.key) && value) {
        // Every entry of every merged mapping is copied into this one.
        const sources = value.kind === 'seq' ? value.items.map((s) => this.target(s)) : [value];
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
      if (key && key.kind !== 'scalar') {
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
