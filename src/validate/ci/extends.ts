/**
 * `extends:` (lib/gitlab/ci/config/extendable): bases deep-merged in order, the job itself last; at
 * most 10 levels (lib/gitlab/ci/config/extendable/entry.rb: MAX_NESTING_LEVELS), no cycles.
 */
import { findingAt, type Finding } from '../finding.js';
import { ciExtends } from '../rules/ci-structure.js';
import { newMap, type Span, type YEntry, type YMap } from '../../yaml/tree.js';
import { deepMerge } from './merge.js';

/** Top-level keys that are not jobs (doc/ci/yaml "Global keywords", plus legacy globals). */
export const GLOBAL_KEYWORDS = new Set([
  'default',
  'include',
  'stages',
  'variables',
  'workflow',
  'spec',
  'image',
  'services',
  'cache',
  'before_script',
  'after_script',
  'types',
]);

const MAX_EXTENDS_DEPTH = 10;

/** Every job and template with its `extends` resolved. */
export function resolveExtends(root: YMap, findings: Finding[], unreadIncludes: boolean): YMap {
  // name → the merged job and its number of ancestors along the longest chain
  const done = new Map<string, { map: YMap; depth: number }>();
  const resolve = (name: string, stack: string[]): { map: YMap; depth: number } | undefined => {
    const cached = done.get(name);
    if (cached) return cached;
    const entry = root.byKey.get(name);
    if (!entry || entry.value.kind !== 'map') return undefined;
    const node = entry.value;
    const ext = node.byKey.get('extends');
    if (!ext) {
      const r = { map: node, depth: 0 };
      done.set(name, r);
      return r;
    }
    const names: { name: string; span: Span }[] = [];
    if (ext.value.kind === 'scalar' && typeof ext.value.value === 'string')
      names.push({ name: ext.value.value, span: ext.value.span });
    else if (ext.value.kind === 'seq')
      for (const it of ext.value.items)
        if (it.kind === 'scalar' && typeof it.value === 'string')
          names.push({ name: it.value, span: it.span });
    let base: YMap | undefined;
    let depth = 0;
    for (const b of names) {
      if (stack.includes(b.name) || b.name === name) {
        findings.push(
          findingAt(
            ciExtends,
            `circular dependency detected in extends: ${[...stack, name, b.name].join(' → ')}; expected no cycle`,
            b.span,
          ),
        );
        continue;
      }
      const target = root.byKey.get(b.name);
      if (!target || target.value.kind !== 'map') {
        // Unknown here: in an unread include, or named by a component input (known once interpolated).
        if (!target && (unreadIncludes || b.name.includes('$[['))) continue;
        findings.push(
          findingAt(
            ciExtends,
            `unknown job "${b.name}" in extends; expected a job or template defined in this file or a local include`,
            b.span,
          ),
        );
        continue;
      }
      const r = resolve(b.name, [...stack, name]);
      if (!r) continue;
      depth = Math.max(depth, r.depth + 1);
      // Reported once, where the chain first gets too long.
      if (r.depth + 1 === MAX_EXTENDS_DEPTH + 1) {
        findings.push(
          findingAt(
            ciExtends,
            `nesting too deep in extends (${r.depth + 1} levels); expected at most ${MAX_EXTENDS_DEPTH}`,
            b.span,
          ),
        );
      }
      base = base ? deepMerge(base, r.map, r.map.span) : r.map;
    }
    const out = { map: base ? deepMerge(base, node, node.span) : node, depth };
    done.set(name, out);
    return out;
  };
  const out = newMap(root.span);
  for (const e of root.entries) {
    if (e.value.kind === 'map' && !GLOBAL_KEYWORDS.has(e.key)) {
      const r = resolve(e.key, []);
      out.entries.push(r && r.map !== e.value ? { ...e, value: r.map } : e);
    } else out.entries.push(e);
    out.byKey.set(e.key, out.entries[out.entries.length - 1] as YEntry);
  }
  return out;
}
