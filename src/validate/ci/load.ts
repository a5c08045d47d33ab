/**
 * A `.gitlab-ci.yml` resolved offline the way GitLab builds it (lib/gitlab/ci/config.rb build_config):
 * local includes deep-merged under the file, then `extends`, then `!reference` tags. Nothing is
 * copied: merged mappings point at the nodes where they were written, so findings keep real lines.
 */
import { posix } from 'node:path';
import { findingAt, type Finding } from '../finding.js';
import { ciExtends, ciInclude, ciReference } from '../rules/ci-structure.js';
import { syntax, yamlFindings } from '../rules/yaml.js';
import { parseYaml, type YamlLimits } from '../../yaml/read.js';
import {
  get,
  newMap,
  str,
  type SourceFile,
  type Span,
  type Via,
  type YEntry,
  type YMap,
  type YNode,
  type YScalar,
} from '../../yaml/tree.js';

/** GitLab's defaults: max_yaml_size_bytes 2 MB, max_yaml_depth 100 (ApplicationSetting). */
export const CI_LIMITS: YamlLimits = { maxBytes: 2 * 1024 * 1024, maxNodes: 1_000_000, maxDepth: 100 };

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

// lib/gitlab/ci/config/extendable/entry.rb: MAX_NESTING_LEVELS = 10
const MAX_EXTENDS_DEPTH = 10;
// !reference nesting is limited to 10 levels (doc/ci/yaml/yaml_optimization.md)
const MAX_REFERENCE_DEPTH = 10;
// GitLab's default limit on included files per pipeline.
const MAX_INCLUDES = 150;

export interface CiJob {
  name: string;
  keyNode: YScalar;
  /** The job after extends and !reference, its entries still pointing at their real nodes. */
  node: YMap;
}

export interface CiModel {
  root: YMap;
  jobs: CiJob[];
}

export interface CiFs {
  /** Reads a file (absolute path); undefined when it cannot be read. */
  read(absPath: string): string | undefined;
  /** Files under `dir` matching a glob relative to it (for `include: local: 'ci/*.yml'`). */
  glob(dir: string, pattern: string): string[];
  /** The path findings print for an absolute path. */
  display(absPath: string): string;
}

export interface CiLoad {
  model?: CiModel;
  findings: Finding[];
  sources: SourceFile[];
}

/** A file's content document: the one after a `spec:` header when there is one. */
function contentDoc(docs: YNode[], src: SourceFile, findings: Finding[]): YNode | undefined {
  if (docs.length <= 1) return docs[0];
  if (docs.length === 2 && docs[0]?.kind === 'map' && docs[0].byKey.has('spec')) return docs[1];
  const extra = docs[1];
  findings.push(
    findingAt(
      syntax,
      'a second YAML document (---); expected one document, or a spec: header and one document',
      extra ? { ...extra.span, end: extra.span.start } : { src, start: 0, end: 0 },
    ),
  );
  return undefined;
}

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

interface IncludeRef {
  path: string;
  span: Span;
}

/**
 * The local files an `include:` names (strings without a scheme, or `local:`); `others` counts the
 * remote, project, template and component includes, which are not read.
 */
function localIncludes(node: YNode | undefined): { local: IncludeRef[]; others: number } {
  if (!node) return { local: [], others: 0 };
  const items = node.kind === 'seq' ? node.items : [node];
  const local: IncludeRef[] = [];
  let others = 0;
  for (const it of items) {
    if (it.kind === 'scalar' && typeof it.value === 'string') {
      if (!/^[a-z]+:\/\//i.test(it.value)) local.push({ path: it.value, span: it.span });
      else others++;
    } else if (it.kind === 'map') {
      const l = get(it, 'local');
      const p = str(l);
      if (p !== undefined && l) local.push({ path: p, span: l.span });
      else others++;
    }
  }
  return { local, others };
}

export function loadCi(text: string, absPath: string, fs: CiFs, limits: YamlLimits = CI_LIMITS): CiLoad {
  const findings: Finding[] = [];
  const sources: SourceFile[] = [];
  const baseDir = posix.dirname(absPath.replace(/\\/g, '/'));
  const included = new Set<string>([absPath]);
  // With includes that are not read offline, an unknown extends or !reference target may live there.
  let unreadIncludes = false;

  const readTree = (content: string, abs: string): YMap | undefined => {
    const parsed = parseYaml(content, fs.display(abs), limits);
    sources.push(parsed.src);
    if (parsed.problems.length > 0) {
      findings.push(...yamlFindings(parsed.problems, parsed.src.path));
      return undefined;
    }
    const doc = contentDoc(parsed.docs, parsed.src, findings);
    if (!doc) return undefined;
    if (doc.kind === 'scalar' && doc.value === null) return newMap(doc.span);
    if (doc.kind !== 'map') {
      findings.push(
        findingAt(syntax, 'expected a mapping of jobs and keywords at the top level', {
          ...doc.span,
          end: doc.span.start,
        }),
      );
      return undefined;
    }
    return doc;
  };

  /** A file with its local includes merged underneath it (included first, the file itself last). */
  const withIncludes = (tree: YMap, depth: number): YMap => {
    const includeEntry = tree.byKey.get('include');
    if (!includeEntry) return tree;
    let merged: YMap = newMap(tree.span);
    const { local, others } = localIncludes(includeEntry.value);
    if (others > 0) unreadIncludes = true;
    for (const inc of local) {
      const rel = inc.path.replace(/^\/+/, '');
      const targets = /[*?[]/.test(rel) ? fs.glob(baseDir, rel) : [posix.join(baseDir, rel)];
      if (targets.length === 0) {
        findings.push(
          findingAt(
            ciInclude,
            `no file matches local include "${inc.path}"; expected a path relative to ${fs.display(baseDir) || '.'}`,
            inc.span,
          ),
        );
      }
      for (const abs of targets) {
        if (included.has(abs)) continue;
        if (included.size >= MAX_INCLUDES || depth > 100) {
          findings.push(
            findingAt(
              ciInclude,
              `more than ${MAX_INCLUDES} included files; expected fewer includes`,
              inc.span,
            ),
          );
          break;
        }
        included.add(abs);
        const content = fs.read(abs);
        if (content === undefined) {
          findings.push(
            findingAt(
              ciInclude,
              `local include "${inc.path}" cannot be read; expected a file relative to ${fs.display(baseDir) || '.'}`,
              inc.span,
            ),
          );
          continue;
        }
        const sub = readTree(content, abs);
        if (sub) merged = deepMerge(merged, withIncludes(sub, depth + 1), merged.span);
      }
    }
    const own = newMap(
      tree.span,
      tree.entries.filter((e) => e.key !== 'include'),
    );
    return deepMerge(merged, own, tree.span);
  };

  const main = readTree(text, absPath);
  if (!main) return { findings, sources };
  const root = withIncludes(main, 0);
  const extended = resolveExtends(root, findings, unreadIncludes);
  const resolved = sources.some((src) => src.text.includes('!reference'))
    ? resolveReferences(extended, findings, unreadIncludes)
    : extended;
  const jobs: CiJob[] = [];
  for (const e of resolved.entries) {
    if (GLOBAL_KEYWORDS.has(e.key) || e.key.startsWith('.') || e.value.kind !== 'map') continue;
    jobs.push({ name: e.key, keyNode: e.keyNode, node: e.value });
  }
  return { model: { root: resolved, jobs }, findings, sources };
}

/** `extends:` (lib/gitlab/ci/config/extendable): bases deep-merged in order, the job itself last. */
function resolveExtends(root: YMap, findings: Finding[], unreadIncludes: boolean): YMap {
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
        if (unreadIncludes && !target) continue;
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

/** `!reference [job, key, …]` replaced by the node it names (after extends, as GitLab does). */
function resolveReferences(root: YMap, findings: Finding[], unreadIncludes: boolean): YMap {
  const memo = new Map<YNode, YNode>();
  const active = new Set<YNode>();
  const lookup = (ref: YNode, depth: number): { node: YNode; via: Via } | undefined => {
    if (ref.kind !== 'seq') return undefined;
    const path = ref.items.map((i) => str(i) ?? '');
    const label = `[${path.join(', ')}]`;
    if (depth >= MAX_REFERENCE_DEPTH) {
      findings.push(
        findingAt(
          ciReference,
          `!reference ${label} nests too deep; expected at most ${MAX_REFERENCE_DEPTH} levels`,
          ref.span,
        ),
      );
      return undefined;
    }
    let cur: YNode | undefined = root;
    for (const key of path) {
      cur = cur?.kind === 'map' ? cur.byKey.get(key)?.value : undefined;
      if (!cur) {
        if (unreadIncludes && key === path[0]) return undefined;
        findings.push(
          findingAt(
            ciReference,
            `!reference ${label} names nothing ("${key}" not found); expected an existing job and keys`,
            ref.span,
          ),
        );
        return undefined;
      }
    }
    if (!cur) return undefined;
    if (active.has(cur)) {
      findings.push(
        findingAt(
          ciReference,
          `!reference ${label} is part of a circular chain; expected no cycle`,
          ref.span,
        ),
      );
      return undefined;
    }
    return { node: visit(cur, depth + 1), via: { kind: 'reference', span: ref.span, name: path.join(', ') } };
  };
  const visit = (n: YNode, depth: number): YNode => {
    const m = memo.get(n);
    if (m) return m;
    if (n.kind === 'scalar' || n.referenceFree) return n;
    active.add(n);
    let out: YNode = n;
    if (n.kind === 'seq') {
      let changed = false;
      const items: YNode[] = [];
      const via: (Via | undefined)[] = [];
      n.items.forEach((it, i) => {
        if (it.tag === '!reference') {
          const r = lookup(it, depth);
          changed = true;
          if (r) {
            items.push(r.node);
            via.push(r.via);
          }
          return;
        }
        const v = visit(it, depth);
        if (v !== it) changed = true;
        items.push(v);
        via.push(n.via[i]);
      });
      if (changed) out = { ...n, items, via };
    } else {
      let changed = false;
      const entries: YEntry[] = n.entries.map((e) => {
        if (e.value.tag === '!reference') {
          const r = lookup(e.value, depth);
          changed = true;
          return r ? { ...e, value: r.node, via: r.via } : e;
        }
        const v = visit(e.value, depth);
        if (v === e.value) return e;
        changed = true;
        return { ...e, value: v };
      });
      if (changed) out = newMap(n.span, entries);
    }
    active.delete(n);
    memo.set(n, out);
    return out;
  };
  const out = visit(root, 0);
  return out.kind === 'map' ? out : root;
}
