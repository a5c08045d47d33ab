/**
 * A YAML document as a tree that keeps where every node really is. Aliases and `<<` merge keys are
 * not copied: the node is shared (a DAG), so a finding on it points at the anchor, and the entry or
 * item that reached it through an alias or merge key remembers that site (`via`) for the message.
 */
import type { LineCounter } from 'yaml';

/** One loaded file. `path` is what findings print (relative to the working directory when possible). */
export interface SourceFile {
  path: string;
  text: string;
  lines: LineCounter;
}

/** A range of source text, as offsets in `src.text`. */
export interface Span {
  src: SourceFile;
  start: number;
  end: number;
}

/** How a node was reached when it is not where it is used. */
export interface Via {
  kind: 'alias' | 'merge' | 'reference';
  span: Span;
  /** Anchor name for alias/merge, the path (job, key…) for reference. */
  name: string;
}

interface NodeBase {
  span: Span;
  tag?: string;
  anchor?: string;
  /** Set while a file is read when no `!reference` tag is anywhere below: resolving skips it. */
  referenceFree?: true;
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface YScalar extends NodeBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  style: ScalarStyle;
}

export interface YSeq extends NodeBase {
  kind: 'seq';
  items: YNode[];
  /** Parallel to `items`: set where an item is an alias. */
  via: (Via | undefined)[];
}

export interface YEntry {
  key: string;
  keyNode: YScalar;
  value: YNode;
  via?: Via;
}

export interface YMap extends NodeBase {
  kind: 'map';
  entries: YEntry[];
  byKey: Map<string, YEntry>;
}

export type YNode = YScalar | YSeq | YMap;

export function isMapNode(n: YNode | undefined): n is YMap {
  return n?.kind === 'map';
}
export function isSeqNode(n: YNode | undefined): n is YSeq {
  return n?.kind === 'seq';
}
export function isScalarNode(n: YNode | undefined): n is YScalar {
  return n?.kind === 'scalar';
}

export function newMap(span: Span, entries: YEntry[] = []): YMap {
  const byKey = new Map<string, YEntry>();
  for (const e of entries) byKey.set(e.key, e);
  return { kind: 'map', span, entries, byKey };
}

/** Sets (or replaces, keeping the order of first appearance) one entry. */
export function setEntry(map: YMap, entry: YEntry): void {
  const old = map.byKey.get(entry.key);
  if (old) map.entries[map.entries.indexOf(old)] = entry;
  else map.entries.push(entry);
  map.byKey.set(entry.key, entry);
}

export function getEntry(node: YNode | undefined, key: string): YEntry | undefined {
  return node?.kind === 'map' ? node.byKey.get(key) : undefined;
}

export function get(node: YNode | undefined, key: string): YNode | undefined {
  return getEntry(node, key)?.value;
}

/** The string value of a scalar (numbers and booleans as written in JSON), else undefined. */
export function str(node: YNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** 1-based line and column of an offset. */
export function lineCol(src: SourceFile, offset: number): { line: number; col: number } {
  return src.lines.linePos(Math.min(Math.max(offset, 0), src.text.length));
}

/** Plain JavaScript data for a node (aliases expanded: call only after the expansion limit check). */
export function toPlain(node: YNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) {
        // defineProperty: a key such as "__proto__" stays a plain key (and fails the schema as one).
        Object.defineProperty(out, e.key, {
          value: toPlain(e.value),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
  }
}

/** A node's position for messages, e.g. "line 12" or "ci/base.yml:12" when in another file. */
export function describeAt(span: Span, from?: SourceFile): string {
  const { line } = lineCol(span.src, span.start);
  return from && from !== span.src ? `${span.src.path}:${line}` : `line ${line}`;
}
