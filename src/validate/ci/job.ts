/**
 * One CI job as it runs: its scripts (with `default:` and legacy global before/after_script unless
 * `inherit:` says no), its variables (global ones too, unless `inherit: variables:` says no), and
 * whether it uses the deploy token — directly through CI_DEPLOY_* (or variables made from them), or
 * through the deploy-token CLI.
 */
import { refRegex, type CredentialNames } from '../commands/words.js';
import { scriptItems, type ScriptItem } from '../script.js';
import { get, str, type Via, type YMap, type YNode, type YScalar } from '../../yaml/tree.js';
import type { CiJob, CiModel } from './load.js';

export interface JobVariable {
  key: string;
  keyNode: YScalar;
  value: YNode;
  /** the value's text (`KEY: value` or `KEY: { value: … }`) */
  text: string;
  via?: Via;
  global: boolean;
}

export interface JobView {
  job: CiJob;
  scripts: ScriptItem[];
  variables: JobVariable[];
  names: CredentialNames;
  /** CI_DEPLOY_* (or a variable holding it) appear in the job. */
  usesDirect: boolean;
  /** The job runs `deploy-token resolve|exec`. */
  usesTool: boolean;
  usesToken: boolean;
  /** `artifacts:` of the job (or `default:`). */
  artifacts?: YNode;
}

/** `inherit: default:` / `inherit: variables:` → whether `key` is inherited. */
function inherits(job: YMap, kind: 'default' | 'variables', key: string): boolean {
  const v = get(get(job, 'inherit'), kind);
  if (!v) return true;
  if (v.kind === 'scalar') return v.value !== false;
  if (v.kind === 'seq') return v.items.some((i) => str(i) === key);
  return true;
}

function variableText(v: YNode): string {
  return str(v) ?? str(get(v, 'value')) ?? '';
}

export const DEPLOY_TOOL = /\bdeploy-token(?:\.js)?\s+(?:resolve|exec)\b|dist\/cli\.js\s+(?:resolve|exec)\b/;

/** The job's own variables, then the global ones it inherits (a job's own win). */
function jobVariables(root: YMap, job: CiJob): JobVariable[] {
  const variables: JobVariable[] = [];
  const ownEntry = job.node.byKey.get('variables');
  const own = ownEntry?.value;
  const ownKeys = new Set<string>();
  const push = (e: YMap['entries'][number], via: Via | undefined, global: boolean) =>
    variables.push({
      key: e.key,
      keyNode: e.keyNode,
      value: e.value,
      text: variableText(e.value),
      global,
      ...(via ? { via } : {}),
    });
  if (own?.kind === 'map') {
    for (const e of own.entries) {
      ownKeys.add(e.key);
      // A variables: mapping merged in with << names its merge site.
      push(e, e.via ?? ownEntry?.via, false);
    }
  }
  const globals = get(root, 'variables');
  if (globals?.kind === 'map') {
    for (const e of globals.entries) {
      if (ownKeys.has(e.key) || !inherits(job.node, 'variables', e.key)) continue;
      push(e, e.via, true);
    }
  }
  return variables;
}

/** Variables made from the token hold it too (REG_PASS: $CI_DEPLOY_PASSWORD), a few rounds deep. */
function credentialNames(variables: JobVariable[], mentionsToken: boolean): CredentialNames {
  const password = new Set(['CI_DEPLOY_PASSWORD']);
  const user = new Set(['CI_DEPLOY_USER']);
  for (let round = 0; mentionsToken && round < 3; round++) {
    const before = password.size + user.size;
    const pw = refRegex(password);
    const us = refRegex(user);
    for (const v of variables) {
      if (v.key.startsWith('CI_DEPLOY_')) continue;
      if (pw.test(v.text)) password.add(v.key);
      else if (us.test(v.text)) user.add(v.key);
    }
    if (password.size + user.size === before) break;
  }
  return { password, user };
}

// The lines of a script node reached without a via note (a template's before_script that extends
// brings to many jobs, a default: one), made once and shared by the jobs (nothing changes them).
const itemsOf = new WeakMap<YNode, readonly ScriptItem[]>();

function sharedItems(node: YNode | undefined, via: Via | undefined): readonly ScriptItem[] {
  if (!node || via) return scriptItems(node, via);
  let items = itemsOf.get(node);
  if (!items) {
    items = scriptItems(node);
    itemsOf.set(node, items);
  }
  return items;
}

export function jobView(model: CiModel, job: CiJob): JobView {
  const root = model.root;
  const defaults = get(root, 'default');
  const fromDefault = (key: string): { node?: YNode; via?: Via } => {
    const own = job.node.byKey.get(key);
    if (own) return { node: own.value, ...(own.via ? { via: own.via } : {}) };
    if (!inherits(job.node, 'default', key)) return {};
    const d = defaults?.kind === 'map' ? defaults.byKey.get(key) : undefined;
    const e = d ?? root.byKey.get(key);
    return e ? { node: e.value, ...(e.via ? { via: e.via } : {}) } : {};
  };
  const before = fromDefault('before_script');
  const after = fromDefault('after_script');
  const script = job.node.byKey.get('script');
  const scripts = [
    ...sharedItems(before.node, before.via),
    ...sharedItems(script?.value, script?.via),
    ...sharedItems(after.node, after.via),
  ];
  const variables = jobVariables(root, job);
  // Most jobs name no variable after the token: one cheap test settles it.
  const mentionsToken = variables.some((v) => /CI_DEPLOY_/.test(v.text));
  const names = credentialNames(variables, mentionsToken);
  const any = refRegex([...names.password, ...names.user]);
  const pwRe = refRegex(names.password);
  const usesDirect =
    scripts.some((s) => any.test(s.text)) ||
    (mentionsToken && variables.some((v) => !v.key.startsWith('CI_DEPLOY_') && pwRe.test(v.text)));
  const usesTool = scripts.some((s) => DEPLOY_TOOL.test(s.text));
  const artifacts = fromDefault('artifacts').node;
  return {
    job,
    scripts,
    variables,
    names,
    usesDirect,
    usesTool,
    usesToken: usesDirect || usesTool,
    ...(artifacts ? { artifacts } : {}),
  };
}
