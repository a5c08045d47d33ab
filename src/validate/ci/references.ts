/**
 * `!reference [job, key, …]` replaced by the node it names, after extends as GitLab does; at most 10
 * levels (doc/ci/yaml/yaml_optimization.md), no cycles.
 */
import { findingAt, type Finding } from '../finding.js';
import { ciReference } from '../rules/ci-structure.js';
import { newMap, str, type Via, type YEntry, type YMap, type YNode } from '../../yaml/tree.js';

const MAX_REFERENCE_DEPTH = 10;

class ReferenceResolver {
  private readonly memo = new Map<YNode, YNode>();
  private readonly active = new Set<YNode>();

  constructor(
    private readonly root: YMap,
    private readonly findings: Finding[],
    private readonly unreadIncludes: boolean,
  ) {}

  private report(message: string, ref: YNode): undefined {
    this.findings.push(findingAt(ciReference, message, ref.span));
    return undefined;
  }

  /** The node a `!reference [job, key, …]` names, resolved itself, and where it was referenced. */
  private lookup(ref: YNode, depth: number): { node: YNode; via: Via } | undefined {
    if (ref.kind !== 'seq') return undefined;
    const path = ref.items.map((i) => str(i) ?? '');
    const label = `[${path.join(', ')}]`;
    if (depth >= MAX_REFERENCE_DEPTH)
      return this.report(
        `!reference ${label} nests too deep; expected at most ${MAX_REFERENCE_DEPTH} levels`,
        ref,
      );
    let cur: YNode | undefined = this.root;
    for (const key of path) {
      cur = cur?.kind === 'map' ? cur.byKey.get(key)?.value : undefined;
      if (cur) continue;
      if (this.unreadIncludes && key === path[0]) return undefined;
      return this.report(
        `!reference ${label} names nothing ("${key}" not found); expected an existing job and keys`,
        ref,
      );
    }
    if (!cur) return undefined;
    if (this.active.has(cur))
      return this.report(`!reference ${label} is part of a circular chain; expected no cycle`, ref);
    return {
      node: this.visit(cur, depth + 1),
      via: { kind: 'reference', span: ref.span, name: path.join(', ') },
    };
  }

  visit(n: YNode, depth: number): YNode {
    const m = this.memo.get(n);
    if (m) return m;
    if (n.kind === 'scalar' || n.referenceFree) return n;
    this.active.add(n);
    const out = n.kind === 'seq' ? this.seq(n, depth) : this.map(n, depth);
    this.active.delete(n);
    this.memo.set(n, out);
    return out;
  }

  private seq(n: Extract<YNode, { kind: 'seq' }>, depth: number): YNode {
    let changed = false;
    const items: YNode[] = [];
    const via: (Via | undefined)[] = [];
    n.items.forEach((it, i) => {
      if (it.tag === '!reference') {
        const r = this.lookup(it, depth);
        changed = true;
        if (r) {
          items.push(r.node);
          via.push(r.via);
        }
        return;
      }
      const v = this.visit(it, depth);
      if (v !== it) changed = true;
      items.push(v);
      via.push(n.via[i]);
    });
    return changed ? { ...n, items, via } : n;
  }

  private map(n: YMap, depth: number): YNode {
    let changed = false;
    const entries: YEntry[] = n.entries.map((e) => {
      if (e.value.tag === '!reference') {
        const r = this.lookup(e.value, depth);
        changed = true;
        return r ? { ...e, value: r.node, via: r.via } : e;
      }
      const v = this.visit(e.value, depth);
      if (v === e.value) return e;
      changed = true;
      return { ...e, value: v };
    });
    return changed ? newMap(n.span, entries) : n;
  }
}

/** The tree with every `!reference` replaced (nodes without one are shared, not copied). */
export function resolveReferences(root: YMap, findings: Finding[], unreadIncludes: boolean): YMap {
  const out = new ReferenceResolver(root, findings, unreadIncludes).visit(root, 0);
  return out.kind === 'map' ? out : root;
}
