/** ActiveSupport's deep_merge, as GitLab merges includes and extends, on position-keeping trees. */
import { newMap, type Span, type YEntry, type YMap } from '../../yaml/tree.js';

/** ActiveSupport deep_merge: mappings merge key by key, anything else is replaced by the right side. */
export function deepMerge(a: YMap, b: YMap, span: Span = b.span): YMap {
  const out = newMap(span, [...a.entries]);
  for (const e of b.entries) {
    const prev = out.byKey.get(e.key);
    const entry: YEntry =
      prev && prev.value.kind === 'map' && e.value.kind === 'map'
        ? { ...e, value: deepMerge(prev.value, e.value) }
        : e;
    if (prev) out.entries[out.entries.indexOf(prev)] = entry;
    else out.entries.push(entry);
    out.byKey.set(e.key, entry);
  }
  return out;
}
