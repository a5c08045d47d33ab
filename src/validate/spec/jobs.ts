/**
 * The jobs of a spec as the rules read them: name, key, mapping and how the mapping was reached; their
 * templates; the names that hold the token in them.
 */
import { readsPassword } from '../../core/secret-shape.js';
import { get, getEntry, str, type Via, type YMap, type YNode, type YScalar } from '../../yaml/tree.js';
import type { CredentialNames } from '../commands/words.js';

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

/** A template of a spec job: a variable's value or a file's `template`, with what to call it. */
export interface SpecTemplate {
  node: YScalar;
  /** e.g. `variable REGISTRY_USER`, `file netrc` */
  what: string;
  via?: Via;
}

/** Every template of a job (`variables` values and `files[].template`) that is a scalar. */
export function specTemplates(job: SpecJob): SpecTemplate[] {
  const out: SpecTemplate[] = [];
  const push = (node: YScalar, what: string, via: Via | undefined) =>
    out.push({ node, what, ...(via ? { via } : {}) });
  const varsEntry = getEntry(job.node, 'variables');
  if (varsEntry?.value.kind === 'map') {
    for (const e of varsEntry.value.entries) {
      if (e.value.kind === 'scalar') push(e.value, `variable ${e.key}`, e.via ?? varsEntry.via);
    }
  }
  const filesEntry = getEntry(job.node, 'files');
  const files = filesEntry?.value;
  if (files?.kind === 'seq') {
    files.items.forEach((f, i) => {
      const tEntry = getEntry(f, 'template');
      const t = tEntry?.value;
      if (t?.kind !== 'scalar') return;
      push(t, `file ${str(get(f, 'path')) ?? `files[${i}]`}`, tEntry?.via ?? files.via[i] ?? filesEntry?.via);
    });
  }
  return out;
}

/**
 * Which names hold the password / username inside `exec`: CI_DEPLOY_*, the fallback's, and the
 * job's variables made from them.
 */
export function specCredentialNames(root: YNode, job: SpecJob): CredentialNames {
  const password = new Set(['CI_DEPLOY_PASSWORD']);
  const user = new Set(['CI_DEPLOY_USER']);
  const fb = get(get(root, 'token'), 'fallback');
  const pwEnv = str(get(fb, 'password_env'));
  const userEnv = str(get(fb, 'username_env'));
  if (pwEnv && /^\w+$/.test(pwEnv)) password.add(pwEnv);
  if (userEnv && /^\w+$/.test(userEnv)) user.add(userEnv);
  const vars = get(job.node, 'variables');
  if (vars?.kind === 'map') {
    for (const e of vars.entries) {
      const t = str(e.value) ?? '';
      if (readsPassword(t)) password.add(e.key);
      else if (/\busername\b/.test(t)) user.add(e.key);
    }
  }
  return { password, user };
}
