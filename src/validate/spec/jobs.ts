/** The jobs of a spec as the rules read them: name, key, mapping, and how the mapping was reached. */
import { get, type Via, type YMap, type YNode, type YScalar } from '../../yaml/tree.js';

export interface SpecJob {
  name: string;
  keyNode: YScalar;
  node: YMap;
  via?: Via;
}

/** Every `jobs.NAME` whose value is a mapping (others are the schema's to report). */
export function specJobs(root: YNode): SpecJob[] {
  const jobs = get(root, 'jobs');
  if (jobs?.kind !== 'map') return [];
  const out: SpecJob[] = [];
  for (const e of jobs.entries) {
    if (e.value.kind !== 'map') continue;
    out.push({ name: e.key, keyNode: e.keyNode, node: e.value, ...(e.via ? { via: e.via } : {}) });
  }
  return out;
}
