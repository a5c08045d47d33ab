/**
 * Raw nodes (raw.ts) → position-keeping trees (tree.ts). Aliases and merge keys share the node they
 * name (a DAG), so building costs no more than the source once the expansion bound (bound.ts) has
 * passed; what is wrong on the way (an unknown anchor, an alias inside its own anchor, a duplicate
 * key, a merge of something that is not a mapping) is a problem with its span.
 */
import type { YamlLimits, YamlProblem, YamlProblemCode } from './problem.js';
import { isMergeKey, type RawNode, type RawPair } from './raw.js';
import {
  newMap,
  type SourceFile,
  type Span,
  type Via,
  type YEntry,
  type YMap,
  type YNode,
  type YScalar,
} from './tree.js';

function problem(code: YamlProblemCode, message: string, span: Span): YamlProblem {
  return { code, message, span };
}

/** No `!reference` tag below a node (a scalar has nothing below it). */
function childrenReferenceFree(n: YNode): boolean {
  if (n.kind === 'seq') {
    for (const i of n.items) if (!i.referenceFree) return false;
  } else if (n.kind === 'map') {
    for (const e of n.entries) if (!e.value.referenceFree) return false;
  }
  return true;
}

export class TreeBuilder {
  private readonly memo = new Map<RawNode, YNode>();
  private readonly building = new Set<RawNode>();
  /** Anchors seen so far in document order: an alias names the latest one before it (yaml's own
   * Alias.resolve walks the whole document per alias, quadratic on large CI files). */
  private anchors = new Map<string, RawNode>();

  constructor(
    private readonly src: SourceFile,
    private readonly limits: YamlLimits,
    private readonly problems: YamlProblem[],
  ) {}

  /** One document's tree: its contents, or a null scalar at `at` for an empty document. */
  build(contents: RawNode | null | undefined, at: number): YNode {
    this.anchors = new Map();
    if (!contents) return { kind: 'scalar', value: null, style: 'plain', span: this.span(at, at) };
    return this.node(contents, 0);
  }

  private span(start: number, end: number): Span {
    return { src: this.src, start, end };
  }

  private rangeSpan(n: RawNode): Span {
    return this.span(n.start, n.end);
  }

  /** Resolves an alias to its anchored node; reports unknown and self-referencing anchors. */
  private deref(n: RawNode): { target?: RawNode; via?: Via } {
    if (n.kind !== 'alias') return { target: n };
    const span = this.rangeSpan(n);
    const target = this.anchors.get(n.name);
    if (!target) {
      this.problems.push(
        problem('syntax', `unknown anchor &${n.name}; expected an anchor defined before the alias`, span),
      );
      return {};
    }
    if (this.building.has(target)) {
      this.problems.push(
        problem('yaml-limit', `alias *${n.name} refers to its own anchor; expected a finite document`, span),
      );
      return {};
    }
    return { target, via: { kind: 'alias', span, name: n.name } };
  }

  /** Only anchored nodes are memoised and watched for cycles: only they can be reached twice. */
  private node(n: RawNode, depth: number): YNode {
    if (!n.anchor) return this.fresh(n, depth);
    const cached = this.memo.get(n);
    if (cached) return cached;
    this.anchors.set(n.anchor, n);
    this.building.add(n);
    const out = this.fresh(n, depth);
    this.building.delete(n);
    this.memo.set(n, out);
    return out;
  }

  private fresh(n: RawNode, depth: number): YNode {
    if (depth > this.limits.maxDepth) {
      this.problems.push(
        problem(
          'yaml-limit',
          `nesting deeper than ${this.limits.maxDepth} levels; expected a flatter document`,
          this.rangeSpan(n),
        ),
      );
      return this.nullAt(n);
    }
    let out: YNode;
    if (n.kind === 'scalar') {
      out = { kind: 'scalar', value: n.value, style: n.style, span: this.rangeSpan(n) };
    } else if (n.kind === 'seq') {
      const items: YNode[] = [];
      const via: (Via | undefined)[] = [];
      for (const it of n.items) {
        if (it.kind !== 'alias') {
          items.push(this.node(it, depth + 1));
          via.push(undefined);
          continue;
        }
        const { target, via: v } = this.deref(it);
        if (!target) continue;
        items.push(this.node(target, depth + 1));
        via.push(v);
      }
      out = { kind: 'seq', items, via, span: this.rangeSpan(n) };
    } else if (n.kind === 'map') {
      out = this.map(n.pairs, this.rangeSpan(n), depth);
    } else {
      out = this.nullAt(n);
    }
    if (n.tag) out.tag = n.tag;
    if (n.anchor) out.anchor = n.anchor;
    if (out.tag !== '!reference' && childrenReferenceFree(out)) out.referenceFree = true;
    return out;
  }

  private nullAt(n: RawNode): YScalar {
    return { kind: 'scalar', value: null, style: 'plain', span: this.rangeSpan(n) };
  }

  private keyOf(pair: RawPair): YScalar {
    const k = pair.key;
    if (k === null) {
      const at = pair.value?.start ?? 0;
      return { kind: 'scalar', value: '', style: 'plain', span: this.span(at, at) };
    }
    if (k.kind === 'scalar' && !k.anchor) return this.fresh(k, 0) as YScalar;
    const { target } = this.deref(k);
    const node = target ? this.node(target, 0) : this.nullAt(k);
    if (node.kind === 'scalar') return k.kind === 'alias' ? { ...node, span: this.rangeSpan(k) } : node;
    // A complex key (a map or list as key) is kept under its JSON text.
    return { kind: 'scalar', value: JSON.stringify(node.kind), style: 'plain', span: this.rangeSpan(k) };
  }

  /** The mappings a `<<` value names: an alias, a mapping, or a list of them. */
  private mergeSources(value: RawNode, depth: number): { node: YNode; name: string; span: Span }[] {
    const out: { node: YNode; name: string; span: Span }[] = [];
    const { target, via } = this.deref(value);
    if (!target) return out;
    if (target.kind === 'seq') {
      for (const it of target.items) {
        const r = this.deref(it);
        if (r.target)
          out.push({
            node: this.node(r.target, depth + 1),
            name: r.via?.name ?? '',
            span: this.rangeSpan(it),
          });
      }
    } else
      out.push({ node: this.node(target, depth + 1), name: via?.name ?? '', span: this.rangeSpan(value) });
    return out;
  }

  private map(pairs: RawPair[], span: Span, depth: number): YMap {
    const map = newMap(span);
    const merges: { sources: { node: YNode; name: string; span: Span }[]; keySpan: Span }[] = [];
    for (const pair of pairs) {
      const rawKey = pair.key;
      // `<<` plain key: YAML 1.1 merge key, as GitLab's Psych reads it.
      if (rawKey && isMergeKey(rawKey) && pair.value) {
        // Resolved here, in document order, and applied after the explicit keys.
        merges.push({ sources: this.mergeSources(pair.value, depth), keySpan: this.rangeSpan(rawKey) });
        continue;
      }
      const keyNode = this.keyOf(pair);
      const key = keyNode.value === null ? '' : String(keyNode.value);
      const rawValue = pair.value;
      let value: YNode;
      let via: Via | undefined;
      if (rawValue === null) {
        value = {
          kind: 'scalar',
          value: null,
          style: 'plain',
          span: this.span(keyNode.span.end, keyNode.span.end),
        };
      } else if (rawValue.kind !== 'alias') value = this.node(rawValue, depth + 1);
      else {
        const r = this.deref(rawValue);
        if (!r.target) continue;
        value = this.node(r.target, depth + 1);
        via = r.via;
      }
      const prev = map.byKey.get(key);
      if (prev) {
        const { line } = this.src.lines.linePos(prev.keyNode.span.start);
        this.problems.push(
          problem(
            'syntax',
            `key "${key}" is defined twice (first at line ${line}); expected each key once`,
            keyNode.span,
          ),
        );
      }
      const entry: YEntry = { key, keyNode, value };
      if (via) entry.via = via;
      if (prev) map.entries.splice(map.entries.indexOf(prev), 1);
      map.entries.push(entry);
      map.byKey.set(key, entry);
    }
    // Explicit keys win over merged ones; earlier merge sources win over later ones (yaml.org/type/merge).
    for (const m of merges) {
      for (const src of m.sources) {
        const merged = src.node;
        if (merged.kind !== 'map') {
          this.problems.push(
            problem(
              'syntax',
              'a merge key (<<) takes a mapping or a list of mappings; expected an alias of a mapping',
              src.span,
            ),
          );
          continue;
        }
        // One note for every entry this source brings (they were merged at the same key).
        const via: Via = { kind: 'merge', span: m.keySpan, name: src.name };
        for (const e of merged.entries) {
          if (map.byKey.has(e.key)) continue;
          const entry: YEntry = { key: e.key, keyNode: e.keyNode, value: e.value, via };
          map.entries.push(entry);
          map.byKey.set(e.key, entry);
        }
      }
    }
    return map;
  }
}
