/**
 * A parsed YAML document before anything is resolved: what a parser read, with where it read it.
 * Aliases are still names and `<<` merge keys still plain keys; the expansion bound (bound.ts)
 * measures these nodes and the builder (build.ts) turns them into position-keeping trees (tree.ts).
 * Two readers make them: js-yaml's event stream (events.ts, the fast path) and the `yaml` library's
 * documents (composed.ts, for everything the fast path leaves to it). Offsets are `yaml`'s ranges:
 * `start`–`end` is the node's source (a quoted scalar with its quotes, a block scalar from its `|`
 * or `>` header, a block collection to the end of its last line), anchors and tags not included.
 */
import type { ScalarStyle } from './tree.js';

interface RawBase {
  start: number;
  end: number;
  anchor?: string;
  tag?: string;
}

export interface RawScalar extends RawBase {
  kind: 'scalar';
  value: string | number | boolean | null;
  style: ScalarStyle;
}

export interface RawSeq extends RawBase {
  kind: 'seq';
  items: RawNode[];
}

export interface RawPair {
  key: RawNode | null;
  value: RawNode | null;
}

export interface RawMap extends RawBase {
  kind: 'map';
  pairs: RawPair[];
}

export interface RawAlias extends RawBase {
  kind: 'alias';
  /** The anchor it names (without `*`). */
  name: string;
}

export type RawNode = RawScalar | RawSeq | RawMap | RawAlias;

/** A `<<` key: YAML 1.1's merge key, as GitLab's Psych reads it (plain style only). */
export function isMergeKey(key: RawNode | null): boolean {
  return key?.kind === 'scalar' && key.value === '<<' && key.style === 'plain';
}
