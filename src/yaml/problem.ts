/** What can be wrong with a YAML text, as the reader says it (validate turns these into findings). */
import type { Span } from './tree.js';

/**
 * `syntax`: not valid YAML (or a duplicate key, an unknown anchor, a merge of a non-mapping);
 * `file-too-large`: over the size limit, refused before parsing; `yaml-limit`: aliases and merge keys
 * that expand too far, or nesting too deep.
 */
export type YamlProblemCode = 'syntax' | 'file-too-large' | 'yaml-limit';

export interface YamlProblem {
  code: YamlProblemCode;
  /** What was wrong and what was expected, lower-case, no trailing period. */
  message: string;
  /** Where; undefined for the whole file. */
  span?: Span;
}

/** The limits a reader applies before it builds anything. */
export interface YamlLimits {
  /** Refuse larger files before parsing. */
  maxBytes: number;
  /**
   * Refuse documents whose anchors, aliases and merge keys together expand to more nodes than this,
   * or would cost more than this many entries to build (billion laughs, merge-key chains).
   */
  maxNodes: number;
  /** Refuse deeper nesting, counted after alias expansion (GitLab's max_yaml_depth is 100). */
  maxDepth: number;
}
